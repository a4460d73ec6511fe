"""Robustness of the recommended plan to the criteria's weights: stability
intervals that hold wherever inside them one re-solves, and a Monte Carlo
summary that a seed reproduces."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import askoy2020
from askoy2020.cli.app import app
from askoy2020.model import Portfolio
from askoy2020.prioritise.adjust import Adjustments
from askoy2020.prioritise.robustness import Robustness, _Solver, robustness
from askoy2020.prioritise.solver import SolveSettings

DATA = Path(__file__).parent.parent.parent / "data"
AS_OF = dt.date(2020, 10, 31)
runner = CliRunner()


@cache
def _sample() -> Portfolio:
    return askoy2020.load(DATA, cache=None)


def _weights() -> dict[str, float]:
    return _sample().require_programme().weights()


def _settings() -> SolveSettings:
    return SolveSettings(time_limit=120).started()


@cache
def _result(draws: int = 60, spread: float = 0.2, seed: int = 7) -> Robustness:
    return robustness(_sample(), Adjustments(), _weights(), _settings(), as_of=AS_OF, draws=draws, spread=spread,
                      seed=seed)


@settings(max_examples=60, deadline=None)
@given(which=st.integers(min_value=0, max_value=3), where=st.floats(min_value=0.0, max_value=1.0))
def test_a_weight_inside_its_interval_never_changes_the_plan(which: int, where: float) -> None:
    result = _result()
    interval = result.intervals[which % len(result.intervals)]
    top = interval.high if interval.high is not None else 20 * sum(_weights().values())
    point = interval.low + where * (top - interval.low)
    solver = _Solver(_sample(), Adjustments(), _settings(), AS_OF, None)
    base = solver.selection(_weights())
    assert solver.selection(_weights() | {interval.criterion: point}) == base


def test_just_outside_a_bounded_interval_the_plan_changes() -> None:
    """The ends are where the plan changes, not merely somewhere it still holds."""
    solver = _Solver(_sample(), Adjustments(), _settings(), AS_OF, None)
    base = solver.selection(_weights())
    bounded = [i for i in _result().intervals if i.high is not None or i.low > 0]
    assert bounded, "the sample's plan changes with some weight"
    for interval in bounded:
        step = 0.01 * max(interval.weight, sum(_weights().values()) / len(_weights()))
        if interval.high is not None:
            assert solver.selection(_weights() | {interval.criterion: interval.high + step}) != base
        if interval.low > 0:
            assert solver.selection(_weights() | {interval.criterion: max(0.0, interval.low - step)}) != base


def test_the_draws_are_reproducible_for_a_seed() -> None:
    first = robustness(_sample(), Adjustments(), _weights(), _settings(), as_of=AS_OF, draws=40, spread=0.9, seed=3)
    again = robustness(_sample(), Adjustments(), _weights(), _settings(), as_of=AS_OF, draws=40, spread=0.9, seed=3)
    assert first.draws == again.draws == 40
    assert first.chosen_in == again.chosen_in
    assert (first.always, first.edge, first.never) == (again.always, again.edge, again.never)
    # With weights drawn this far apart some projects come and go.
    assert first.edge
    assert set(first.always) | set(first.edge) | set(first.never) == set(first.optional)


def test_prioritise_reports_robustness_in_text_and_json() -> None:
    args = ["prioritise", str(DATA), "--as-of", "2020-10-31", "--no-explain", "--robustness", "--draws", "30"]
    text = runner.invoke(app, args)
    assert text.exit_code == 0, text.output
    assert "Robustness to the weights" in text.stdout and "30 random weight sets" in text.stdout
    data = json.loads(runner.invoke(app, [*args, "--format", "json"]).stdout)["robustness"]
    assert [i["criterion"] for i in data["intervals"]] == list(_weights())
    assert data["draws"] == 30 and data["seed"] == 2020
    assert all(i["low"] <= i["weight"] and (i["high"] is None or i["weight"] <= i["high"]) for i in data["intervals"])


def test_the_time_limit_holds_for_the_whole_command() -> None:
    """More draws than the time allows: the command stops them and says so."""
    args = ["prioritise", str(DATA), "--as-of", "2020-10-31", "--no-explain", "--robustness", "--draws", "100000",
            "--time-limit", "1", "--format", "json"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["robustness"]["draws"] < 100000
    assert any("time limit ran out after" in note for note in data["notes"])


@pytest.mark.parametrize(("lang", "heads"), [
    ("nb", ("Hvor robust er planen?", "Fordelingen mellom områdene", "kan ligge fra", "med hver gang")),
    ("en", ("How robust is the plan?", "How the plan shares between the areas", "may lie from", "in every time")),
])
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_plan_saved_with_robustness_and_fairness_shows_both_in_the_report(
        tmp_path: Path, lang: str, heads: tuple[str, ...], fmt: str) -> None:
    """The budget meeting reads the saved plan: how far each weight may move
    and who is in whatever the weights, and each area's share, in its language."""
    folder = shutil.copytree(DATA, tmp_path / "data")
    saved = folder / "plans" / "zz-robust-2021.yaml"
    made = runner.invoke(app, ["prioritise", str(folder), "--as-of", "2020-10-31", "--robustness", "--fairness",
                               "--draws", "20", "--output", str(saved), "-q"])
    assert made.exit_code == 0, made.output
    check = runner.invoke(app, ["validate", str(folder), "--as-of", "2020-10-31"])
    assert check.exit_code == 0, check.output
    out = tmp_path / f"report.{fmt}"
    result = runner.invoke(app, ["report", "--year", "2020", str(folder), "--as-of", "2020-10-31", "--format", fmt,
                                 "--lang", lang, "--output", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    for head in heads:
        assert head in text, head
    names = {c.name for c in askoy2020.load(folder, cache=None).require_programme().criteria}
    assert all(name in text for name in names)
