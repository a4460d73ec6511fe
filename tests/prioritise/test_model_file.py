"""The model ``prioritise --write-model`` writes is the very model the
solver solves: another reader of the file (HiGHS reading it back, as SCIP
or CBC would) finds the same optimum, and every column is named after the
project and start it stands for. And the cut the model carries for a hard
dependency with several possible starts is a real cut: it tightens the LP
relaxation, while the exhaustive-search tests show it removes no plan."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import highspy
import pytest
from hypothesis import given, settings

from askoy2020.model import Portfolio
from askoy2020.prioritise.problem import build_problem
from askoy2020.prioritise.solver import SolutionStatus, SolveSettings, solve, write_model
from helpers import examples

from .factory import AS_OF, area, portfolio, programme, project
from .strategies import portfolios


def _read_back(path: Path, relax: bool = False) -> highspy.Highs:
    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    assert highs.readModel(str(path)) == highspy.HighsStatus.kOk
    highs.setOptionValue("mip_rel_gap", 0.0)
    if relax:
        highs.setOptionValue("solve_relaxation", True)
    highs.run()
    return highs


@settings(max_examples=examples(80))
@given(p=portfolios())
def test_the_written_model_has_the_solvers_optimum(p: Portfolio) -> None:
    problem = build_problem(p, as_of=AS_OF)
    solution = solve(problem, SolveSettings(gap=0.0, time_limit=30))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.mps"
        write_model(problem, path)
        assert [f.name for f in Path(folder).iterdir()] == [path.name]  # no temporary file left
        if not any(c.options for c in problem.candidates):
            return  # nothing to decide: HiGHS writes an empty model
        highs = _read_back(path)
    status = highs.getModelStatus()
    if solution.status is SolutionStatus.INFEASIBLE:
        assert status == highspy.HighsModelStatus.kInfeasible
        return
    assert status == highspy.HighsModelStatus.kOptimal
    assert round(highs.getInfo().objective_function_value) == solution.value
    names = highs.getLp().col_names_
    expected = [f"{c.id}@{o.start}" for c in problem.candidates for o in c.options]
    assert list(names) == expected


def test_names_keep_norwegian_letters_dots_and_dashes(tmp_path: Path) -> None:
    p = portfolio(programme({2019: 100}), [area("ØK")],
                  [project("ØK-01.a", {2019: 60}, area_id="ØK"), project("ØK-02", {2019: 60}, (5, 5), area_id="ØK")])
    problem = build_problem(p, as_of=AS_OF)
    write_model(problem, tmp_path / "m.mps")
    highs = _read_back(tmp_path / "m.mps")
    assert list(highs.getLp().col_names_) == ["ØK-01.a@2019", "ØK-02@2019"]
    assert round(highs.getInfo().objective_function_value) == solve(problem).value


def test_a_hard_dependency_with_several_starts_is_cut_in_the_lp_relaxation(tmp_path: Path) -> None:
    # P costs twice the 2019 frame, so the LP takes half of it. S may start in
    # 2020 or 2021, after P either way. Without the row that sums S's starts,
    # the LP takes half of each start (each start's row only asks x[S,k] <= x[P]),
    # so all of S; with it, S is at most as much in as P: half.
    window = {"earliest": 2020, "latest": 2021}
    p = portfolio(programme({2019: 50, 2020: 100, 2021: 100}), [area()], [
        project("P", {2019: 100}, (0, 0)),
        project("S", {2020: 10}, (5, 5), start_window=window,
                depends_on=[{"project": "P", "type": "finish-to-start"}]),
    ])
    problem = build_problem(p, as_of=AS_OF)
    successor = problem.candidate("S")
    assert successor is not None and len(successor.options) == 2
    assert {o.value for o in successor.options} == {successor.options[0].value}
    write_model(problem, tmp_path / "m.mps")
    relaxed = _read_back(tmp_path / "m.mps", relax=True)
    assert relaxed.getInfo().objective_function_value == pytest.approx(successor.options[0].value / 2)
    rows = relaxed.getLp().row_names_
    assert "needs:S:P" in rows and {r for r in rows if re.fullmatch(r"needs:S#\d:P", r)} == {"needs:S#0:P",
                                                                                          "needs:S#1:P"}
    assert solve(problem).value == 0  # P never fits, so neither does S


def test_names_stay_unique_when_ids_hold_dots_or_a_dependency_is_given_twice(tmp_path: Path) -> None:
    # X.Y needing Z and X needing Y.Z once both made the row "needs.X.Y.Z", and
    # HiGHS then wrote no names and reported a warning, which failed the write.
    window = {"earliest": 2019, "latest": 2020}
    need = [{"project": "Z", "type": "finish-to-start", "lag_days": 0}]
    p = portfolio(programme({2019: 500, 2020: 500, 2021: 500}), [area()], [
        project("Z", {2019: 50}), project("Y.Z", {2019: 50}),
        project("X.Y", {2020: 50}, start_window=window, depends_on=need),
        project("X", {2020: 50}, start_window=window,
                depends_on=[{"project": "Y.Z", "type": "finish-to-start"}] * 2),
    ])
    problem = build_problem(p, as_of=AS_OF)
    write_model(problem, tmp_path / "m.mps")
    highs = _read_back(tmp_path / "m.mps")
    rows = list(highs.getLp().row_names_)
    assert len(rows) == len(set(rows)) and "needs:X.Y:Z" in rows and "needs:X:Y.Z" in rows
    assert round(highs.getInfo().objective_function_value) == solve(problem).value


def test_a_model_with_nothing_to_choose_keeps_its_rows(tmp_path: Path) -> None:
    # No project, and an area that must have a fifth of the money: no plan.
    p = portfolio(programme({2019: 100}), [area("A", min_share=0.2)], [])
    problem = build_problem(p, as_of=AS_OF)
    assert solve(problem).status is SolutionStatus.INFEASIBLE
    write_model(problem, tmp_path / "m.mps")
    # HiGHS calls a model without columns empty whatever its rows say; the row is there for other readers.
    lp = _read_back(tmp_path / "m.mps").getLp()
    assert lp.num_col_ == 0 and list(lp.row_names_) == ["min_share:A"] and list(lp.row_lower_) == [20.0]


def test_a_cut_off_model_is_an_error_and_replaces_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # HiGHS reports success when the disk fills mid-write; the file then ends before ENDATA.
    p = portfolio(programme({2019: 100}), [area()], [project("P1", {2019: 50})])
    problem = build_problem(p, as_of=AS_OF)
    target = tmp_path / "m.mps"
    write_model(problem, target)
    whole = target.read_bytes()
    real = highspy.Highs.writeModel

    def cut_off(self: highspy.Highs, name: str) -> highspy.HighsStatus:
        status = real(self, name)
        Path(name).write_bytes(Path(name).read_bytes()[:40])
        return status

    monkeypatch.setattr(highspy.Highs, "writeModel", cut_off)
    with pytest.raises(OSError, match="could not write the whole model"):
        write_model(problem, target)
    assert target.read_bytes() == whole and sorted(tmp_path.iterdir()) == [target]
