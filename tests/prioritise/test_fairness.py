"""Fairness between areas: shares that add up to the plan, the price of a
minimum share found by solving without it, and a cap that every area keeps."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from askoy2020.cli.app import app

DATA = Path(__file__).parent.parent.parent / "data"
runner = CliRunner()


def _run(folder: Path, *extra: str) -> dict[str, object]:
    result = runner.invoke(app, ["prioritise", str(folder), "--as-of", "2020-10-31", "--no-explain", "--format",
                                 "json", *extra])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def _with_min_share(tmp_path: Path, area: str, share: float | None) -> Path:
    folder = shutil.copytree(DATA, tmp_path / f"{area}-{share}")
    if share is not None:
        path = folder / "programmes" / area.lower() / "area.yaml"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("strategic_weight:", f"min_share: {share}\nstrategic_weight:", 1),
                        encoding="utf-8")
    return folder


def test_the_shares_add_up_to_the_plan() -> None:
    data = _run(DATA, "--fairness")
    rows = data["fairness"]  # type: ignore[index]
    assert abs(sum(r["drift_share"] for r in rows) - 1) < 1e-9
    assert abs(sum(r["share_of_proposals_value"] for r in rows) - 1) < 1e-9
    selected = data["plan"]["selected"]  # type: ignore[index]
    total = sum(sum(s["cost"].values()) for s in selected)
    assert abs(sum(r["drift"] for r in rows) - total) < 1e-6


def test_the_price_of_a_minimum_share_is_the_value_it_costs(tmp_path: Path) -> None:
    """With 15 million less drift in 2021 the programme frame binds, and a
    minimum share of 3 % for TI makes the plan fund TI rather than better
    proposals elsewhere: the price is what solving without it gains."""
    cut = ("--frame", "2021=-15000")
    with_share = _run(_with_min_share(tmp_path, "TI", 0.03), "--fairness", *cut)
    without = _run(_with_min_share(tmp_path, "TI", None), *cut)
    row = next(r for r in with_share["fairness"] if r["area"] == "TI")  # type: ignore[union-attr]
    assert row["min_share"] == 0.03
    price = without["plan"]["value"] - with_share["plan"]["value"]  # type: ignore[index]
    assert row["price_of_min_share"] == pytest.approx(price, abs=1e-6)
    assert price > 0
    # An area without a minimum share has no price.
    assert all(r["price_of_min_share"] is None for r in with_share["fairness"]  # type: ignore[union-attr]
               if r["area"] != "TI")


@pytest.mark.parametrize("cap", [0.02, 0.04, 0.1])
def test_no_area_takes_more_than_the_cap(cap: float) -> None:
    free = _run(DATA, "--fairness")
    capped = _run(DATA, "--fairness", "--max-share", str(cap))
    if not capped["feasible"]:
        assert any("--max-share" in c["message"] for c in capped["conflicts"])  # type: ignore[union-attr]
        return
    assert all(r["share_of_drift_frames"] <= cap + 1e-9 for r in capped["fairness"])  # type: ignore[union-attr]
    assert capped["plan"]["value"] <= free["plan"]["value"]  # type: ignore[index]


def test_a_cap_the_projects_that_must_be_in_break_is_explained() -> None:
    capped = _run(DATA, "--max-share", "0.001")
    assert capped["feasible"] is False
    assert any("--max-share caps area" in c["message"] for c in capped["conflicts"])  # type: ignore[union-attr]


def test_a_minimum_share_above_the_cap_is_named(tmp_path: Path) -> None:
    capped = _run(_with_min_share(tmp_path, "TI", 0.03), "--max-share", "0.02")
    assert capped["feasible"] is False
    messages = " ".join(c["message"] for c in capped["conflicts"])  # type: ignore[union-attr]
    assert "area TI's minimum share 3%" in messages and "--max-share" in messages


def test_a_saved_json_plan_holds_what_standard_output_shows(tmp_path: Path) -> None:
    target = tmp_path / "plan.json"
    args = ["prioritise", str(DATA), "--as-of", "2020-10-31", "--no-explain", "--fairness", "--robustness",
            "--draws", "10"]
    shown = json.loads(runner.invoke(app, [*args, "--format", "json"]).stdout)
    assert runner.invoke(app, [*args, "--output", str(target), "-q"]).exit_code == 0
    saved = json.loads(target.read_text(encoding="utf-8"))
    for key in ("fairness", "robustness", "weights"):
        assert saved[key] == shown[key], key
