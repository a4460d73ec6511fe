"""Weights from pairwise comparisons reach every use of a weight: the plan
made with them is the plan made with the same weights written out, and the
JSON and text outputs say where the weights came from."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from typer.testing import CliRunner

from askoy2020.cli.app import app

DATA = Path(__file__).parent.parent.parent / "data"
AS_OF = ["--as-of", "2020-10-31"]
runner = CliRunner()

PAIRWISE = """prioritisation:
  pairwise:
    strategic_fit: {user_value: 2, economic_gain: 3, risk_reduction: 3}
    user_value: {economic_gain: 1, risk_reduction: 2}
    economic_gain: {risk_reduction: 1/2}
"""


def _with(tmp_path: Path, name: str, edit: object) -> Path:
    folder = shutil.copytree(DATA, tmp_path / name)
    programme = folder / "programme.yaml"
    programme.write_text(edit(programme.read_text(encoding="utf-8")), encoding="utf-8")  # type: ignore[operator]
    return folder


def _plan(folder: Path) -> dict[str, object]:
    result = runner.invoke(app, ["prioritise", str(folder), *AS_OF, "--no-explain", "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_derived_weights_give_the_plan_the_same_weights_written_out_give(tmp_path: Path) -> None:
    compared = _with(tmp_path, "pairwise", lambda text: re.sub(r"\n    weight: [0-9.]+", "", text)
                     .replace("prioritisation:\n", PAIRWISE, 1))
    check = runner.invoke(app, ["validate", str(compared), *AS_OF])
    assert check.exit_code == 0, check.output
    assert "ASK72" not in check.output
    derived = _plan(compared)
    weights = derived["weights"]
    assert weights["source"] == "pairwise" and 0 <= weights["consistency_ratio"] < 0.1
    assert abs(sum(weights["criteria"].values()) - 1) < 1e-6
    assert weights["criteria"]["strategic_fit"] > weights["criteria"]["user_value"] > weights["criteria"][
        "risk_reduction"]

    def written(text: str) -> str:
        for cid, weight in weights["criteria"].items():
            text = re.sub(rf"(- id: {cid}\n    name: [^\n]+\n    weight: )[0-9.]+", rf"\g<1>{weight!r}", text)
        return text

    same = _plan(_with(tmp_path, "written", written))
    assert same["weights"]["source"] == "programme"
    assert same["weights"]["criteria"] == weights["criteria"]
    assert [(p["project"], p["start"]) for p in same["plan"]["selected"]] == \
        [(p["project"], p["start"]) for p in derived["plan"]["selected"]]
    assert same["plan"]["value"] == derived["plan"]["value"]

    text = runner.invoke(app, ["prioritise", str(compared), *AS_OF, "--no-explain"]).stdout
    assert re.search(r"Weights from pairwise comparisons \(AHP, consistency ratio 0\.0\d\):\s+strategic_fit", text)


def test_inconsistent_comparisons_are_a_warning_and_said_so(tmp_path: Path) -> None:
    folder = _with(tmp_path, "inconsistent", lambda text: re.sub(r"\n    weight: [0-9.]+", "", text).replace(
        "prioritisation:\n", PAIRWISE.replace("economic_gain: 3, risk_reduction: 3", "economic_gain: 1/7, "
                                              "risk_reduction: 7").replace("{economic_gain: 1,", "{economic_gain: 7,"),
        1))
    check = runner.invoke(app, ["validate", str(folder), *AS_OF])
    assert check.exit_code == 0 and "ASK721" in check.output
    plan = _plan(folder)
    assert plan["weights"]["consistency_ratio"] > 0.1
    text = runner.invoke(app, ["prioritise", str(folder), *AS_OF, "--no-explain"]).stdout
    assert re.search(r"above 0\.1: the\s+comparisons\s+contradict\s+one\s+another", text)


def test_the_reports_method_section_says_the_weights_were_compared_pairwise(tmp_path: Path) -> None:
    """In bokmål and English: derived from pairwise comparisons, with the
    consistency ratio (the plan in data/plans is made with the same criteria)."""
    import askoy2020
    from askoy2020.report.i18n import Lang
    from askoy2020.report.plan_method import criteria_rows, weights_source

    folder = _with(tmp_path, "pairwise", lambda text: re.sub(r"\n    weight: [0-9.]+", "", text)
                   .replace("prioritisation:\n", PAIRWISE, 1))
    portfolio = askoy2020.load(folder, cache=None)
    plan = portfolio.plans[0]
    nb = weights_source(portfolio, plan, Lang("nb"))
    en = weights_source(portfolio, plan, Lang("en"))
    assert "parvise sammenligninger av kriteriene (AHP" in nb and "konsistensratioen er 0,0" in nb
    assert "pairwise comparisons of the criteria (AHP" in en and "consistency ratio is 0.0" in en
    rows = criteria_rows(portfolio, plan)
    weighing = portfolio.require_programme().weighing()
    assert weighing is not None
    assert [round(r.share, 9) for r in rows] == [round(w, 9) for w in weighing.weights.values()]


def test_incomplete_comparisons_make_no_plan(tmp_path: Path) -> None:
    """Every weight would be 0: prioritise says what to fix instead of planning."""
    folder = _with(tmp_path, "incomplete", lambda text: re.sub(r"\n    weight: [0-9.]+", "", text).replace(
        "prioritisation:\n", "prioritisation:\n  pairwise:\n    strategic_fit: {user_value: 2}\n", 1))
    result = runner.invoke(app, ["prioritise", str(folder), *AS_OF, "--no-explain", "--robustness"])
    assert result.exit_code == 1
    assert "weights are not given exactly once" in result.stderr and "not compared" in result.stderr
