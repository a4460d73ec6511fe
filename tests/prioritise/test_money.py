"""The plan in kroner and årsverk, on a portfolio small enough to check by
hand, with a real HiGHS solve: what each frame leaves unallocated, what a
project left out would need and which frame keeps it out, and which
transfer between areas would fund it.

As of 2020-10-31 (budsjett 2020, økonomiplan 2020–2023, adopted): the open
years are 2021–2023. Drift frames in 2021: the programme 10 000, OK 4 000,
DK 3 000, SA 3 000.

  OK-00  completed, 900 in 2019 and 300 in 2021        done: counts nowhere
  OK-01  active, 5 000 in 2020 (sunk) + 2 800 in 2021  OK uses 2 800, leaves 1 200
  DK-01  locked, 1 800 in 2021                         DK uses 1 800, leaves 1 200
  SA-01  mandatory, 2 500 in 2021                      SA uses 2 500, leaves   500
  DK-07  optional, 2 400 in 2021                       DK short by 1 200
  SA-02  optional, 3 000 in 2021                       SA short by 2 500, programme by 100
  SA-03  paused, 400 in 2019 (sunk) + 600 in 2021      SA short by 100

The programme uses 2 800 + 1 800 + 2 500 = 7 100 and leaves 2 900. DK-07
fits the programme (7 100 + 2 400 ≤ 10 000): moving 1 200 from OK to DK
funds it. SA-03 needs 100 more in SA: DK and OK each leave 1 200, and of
equals the lower id gives. SA-02 is short in the programme frame too, so no
transfer between areas can fund it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from askoy2020.model import Portfolio, Programme, ProgrammeArea
from askoy2020.model.plan import Plan
from askoy2020.model.prioritisation import FrameChange
from askoy2020.prioritise.adjust import Adjustments
from askoy2020.prioritise.run import prioritise
from askoy2020.prioritise.solver import SolveSettings

from .factory import CRITERIA, portfolio, project

EXACT = SolveSettings(gap=0.0, time_limit=30)
AS_OF = dt.date(2020, 10, 31)
YEARS = (2021, 2022, 2023)


def _programme() -> Programme:
    return Programme.model_validate({
        "id": "TEST", "name": "Test", "criteria": CRITERIA,
        "rounds": [{"year": 2020, "decision": "KST 100/19", "adopted": dt.date(2019, 12, 12),
                    "frames": {"drift": {2020: 20_000, 2021: 10_000, 2022: 6_000, 2023: 6_000},
                               "staff": {2021: 10, 2022: 10, 2023: 10}}}],
    })


def _area(area_id: str, drift_2021: float) -> ProgrammeArea:
    return ProgrammeArea.model_validate({
        "id": area_id, "name": f"Area {area_id}", "owner": "Kommunalsjef",
        "period": {"first_year": 2020, "last_year": 2023},
        "rounds": [{"year": 2020, "frames": {"drift": {2021: drift_2021, 2022: 2_000, 2023: 2_000}}}],
    })


def _sample() -> Portfolio:
    def one(pid: str, cost: dict[int, float], score: tuple[int, int], area_id: str, **extra: Any) -> Any:
        return project(pid, cost, score, area_id=area_id, **extra)

    return portfolio(_programme(), [_area("DK", 3_000), _area("OK", 4_000), _area("SA", 3_000)], [
        one("OK-00", {2019: 900, 2021: 300}, (5, 5), "OK", status="completed",
            start=dt.date(2019, 1, 1), end=dt.date(2019, 12, 31)),
        one("OK-01", {2020: 5_000, 2021: 2_800}, (2, 2), "OK", status="active"),
        one("DK-01", {2021: 1_800}, (2, 2), "DK", locked=True),
        one("SA-01", {2021: 2_500}, (1, 1), "SA", mandatory=True),
        one("DK-07", {2021: 2_400}, (5, 4), "DK", staff={2021: 1.5}),
        one("SA-02", {2021: 3_000}, (4, 4), "SA"),
        one("SA-03", {2019: 400, 2021: 600}, (3, 3), "SA", status="paused",
            start=dt.date(2019, 3, 1), end=dt.date(2021, 12, 31)),
    ])


@pytest.fixture(scope="module")
def plan() -> Plan:
    outcome = prioritise(_sample(), settings=EXACT, as_of=AS_OF)
    assert outcome.plan is not None, outcome.conflicts
    return outcome.plan


def test_the_plan_is_the_open_years_and_funds_what_must_be_in(plan: Plan) -> None:
    assert (plan.years.first_year, plan.years.last_year, plan.open_from, plan.as_of) == (2021, 2023, 2021, AS_OF)
    assert [(s.project, s.why, s.cost) for s in plan.selected] == [
        ("DK-01", "locked", {2021: 1_800}), ("OK-01", "committed", {2021: 2_800}),
        ("SA-01", "mandatory", {2021: 2_500})]
    assert plan.done == ["OK-00"]


def test_what_each_frame_leaves_unallocated(plan: Plan) -> None:
    left = {(row.scope, row.kind.value): (row.frame, row.used, row.left) for row in plan.unallocated}
    assert left[("programme", "drift")] == ({2021: 10_000, 2022: 6_000, 2023: 6_000}, {2021: 7_100, 2022: 0, 2023: 0},
                                          {2021: 2_900, 2022: 6_000, 2023: 6_000})
    assert left[("programme", "staff")] == ({2021: 10, 2022: 10, 2023: 10}, {2021: 0, 2022: 0, 2023: 0},
                                          {2021: 10, 2022: 10, 2023: 10})
    assert {scope: row[2][2021] for (scope, kind), row in left.items() if kind == "drift"} == {
        "programme": 2_900, "DK": 1_200, "OK": 1_200, "SA": 500}
    assert [(f.year, f.budget_frame, f.budget_used) for f in plan.frames] == [
        (2021, 10_000, 7_100), (2022, 6_000, 0), (2023, 6_000, 0)]


def test_what_each_project_left_out_would_need_and_what_keeps_it_out(plan: Plan) -> None:
    out = {row.project: row for row in plan.left_out}
    assert set(out) == {"DK-07", "SA-02", "SA-03"}
    assert (out["DK-07"].cost, out["DK-07"].staff, out["DK-07"].kind) == ({2021: 2_400}, {2021: 1.5}, "frame")
    assert [(s.scope, s.kind.value, s.year, s.amount) for s in out["DK-07"].short] == [("DK", "drift", 2021, 1_200)]
    assert [(s.scope, s.kind.value, s.year, s.amount) for s in out["SA-02"].short] == [
        ("programme", "drift", 2021, 100), ("SA", "drift", 2021, 2_500)]
    # Paused since 2019: resuming it needs the 600 of 2021 only.
    assert (out["SA-03"].start, out["SA-03"].cost) == (2019, {2021: 600})
    assert [(s.scope, s.amount) for s in out["SA-03"].short] == [("SA", 100)]


def test_transfers_between_areas_that_would_fund_a_project(plan: Plan) -> None:
    moves = {t.project: [(m.kind.value, m.year, m.from_area, m.to_area, m.amount) for m in t.moves]
             for t in plan.transfers}
    assert moves == {
        "DK-07": [("drift", 2021, "OK", "DK", 1_200)],
        "SA-03": [("drift", 2021, "DK", "SA", 100)],
    }


def test_a_named_transfer_does_fund_the_project() -> None:
    moved = Adjustments(budget=[FrameChange(year=2021, area="OK", change=-1_200),
                                FrameChange(year=2021, area="DK", change=1_200)], include={"DK-07"})
    outcome = prioritise(_sample(), moved, settings=EXACT, as_of=AS_OF, explain=False)
    assert outcome.plan is not None
    assert "DK-07" in {s.project for s in outcome.plan.selected}


def test_the_terminal_view_says_it_in_kroner() -> None:
    import io

    from askoy2020.commands.plan_view import render_text

    outcome = prioritise(_sample(), settings=EXACT, as_of=AS_OF)
    out = io.StringIO()
    render_text(out, _sample(), outcome.plan, outcome.conflicts, outcome.notes, 0.1)
    text = out.getvalue()
    assert "moving 1 200 from OK to DK in 2021 (1000 kr drift) would fund DK-07" in text
    assert "2021: 2 400 drift, 1.5 årsverk" in text
    assert "1 200 / 3 000" in text  # DK's drift frame 2021: left / frame
    assert "money before 2021 is sunk" in text
    assert "Already done (1 completed, not planned again): OK-00" in text
