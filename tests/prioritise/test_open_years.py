"""A plan decides the next budget round only: the open years on the day
it is made. Money before the first open year is sunk – never counted
against a frame or in a project's value – and completed or cancelled
projects are never chosen. Once the saved plan covered 2018–2021, chose a
paused project with its sunk 2018–2019 cost, and earned most of its
points from completed projects."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from askoy2020.model import Portfolio, Programme, Project
from askoy2020.prioritise.adjust import AdjustmentError, Adjustments
from askoy2020.prioritise.formats import plan_yaml
from askoy2020.prioritise.problem import build_problem
from askoy2020.prioritise.run import prioritise
from askoy2020.prioritise.solver import SolveSettings

from .factory import AS_OF, CRITERIA, area, portfolio, programme, project, rule_breaches
from .strategies import planning_days, portfolios

EXACT = SolveSettings(gap=0.0, time_limit=30)
FRAMES = {2019: 1000, 2020: 1000, 2021: 1000}


@given(portfolios(), planning_days())
def test_no_plan_counts_sunk_money_or_chooses_what_is_done(p: Portfolio, as_of: dt.date) -> None:
    assert p.programme is not None
    outcome = prioritise(p, settings=EXACT, explain=False, as_of=as_of)
    first_open = p.programme.first_open_year(as_of)
    assert outcome.problem.open_from == first_open and outcome.problem.years.start == first_open
    for candidate in outcome.problem.candidates:
        assert candidate.project.is_plannable, f"{candidate.id} is {candidate.project.status.value}"
        for option in candidate.options:
            assert all(y >= first_open for y in [*option.cost, *option.staff, *option.investment])
    if outcome.plan is None:
        assert outcome.conflicts
        return
    plan = outcome.plan
    assert rule_breaches(p, plan) == []
    assert plan.open_from == first_open and plan.as_of == as_of
    by_id = p.project_by_id
    for row in plan.selected:
        assert by_id[row.project].is_plannable, f"{row.project} is {by_id[row.project].status.value} but selected"
    for row in [*plan.selected, *plan.left_out]:
        for by_year in (row.cost, row.investment, row.staff):
            assert all(y >= first_open for y in by_year or {}), f"{row.project} carries sunk money: {by_year}"
    assert all(y >= first_open for left in plan.unallocated for y in left.frame)
    assert set(plan.done) == {x.id for x in p.projects if x.status.value == "completed"}


@given(portfolios(), planning_days(), st.data())
def test_sunk_money_and_sunk_frames_change_nothing(p: Portfolio, as_of: dt.date, data: st.DataObject) -> None:
    """Change every figure a plan must treat as sunk – the money before the
    first open year of every project that keeps its years, all of a
    completed or cancelled project's money, the frames of sunk years – and
    the plan, values and kroner included, is the very same."""
    assert p.programme is not None
    first_open = p.programme.first_open_year(as_of)
    factor = data.draw(st.sampled_from([0.0, 3.0, 40.0]))
    changed = Portfolio(root=p.root, records={
        "programme": [_sunk_frames_changed(p.programme, first_open, factor)],
        "area": list(p.areas),
        "project": [_sunk_money_changed(x, first_open, factor) for x in p.projects],
    })
    before = prioritise(p, settings=EXACT, explain=False, as_of=as_of)
    after = prioritise(changed, settings=EXACT, explain=False, as_of=as_of)
    assert (before.plan is None) == (after.plan is None)
    if before.plan is not None and after.plan is not None:
        assert plan_yaml(after.plan, "cmd") == plan_yaml(before.plan, "cmd")


def _changed(by_year: dict[int, float], factor: float, years: Any) -> dict[int, float]:
    return {y: (v * factor + 50 if y in years else v) for y, v in by_year.items()}


def _sunk_money_changed(x: Project, first_open: int, factor: float) -> Project:
    if x.status.value in ("completed", "cancelled"):
        sunk: Any = range(1990, 2101)  # none of its money counts, in any year
    elif x.status.value in ("active", "paused") or x.locked:
        sunk = range(1990, first_open)
    else:
        return x  # a planned project has spent nothing: its money moves with its start
    update = {key: _changed(getattr(x, key), factor, sunk) for key in ("cost", "investment", "staff")}
    update["cost"][first_open - 1] = update["cost"].get(first_open - 1, 0.0) + 700 * factor
    return x.model_copy(update=update)


def _sunk_frames_changed(prog: Programme, first_open: int, factor: float) -> Programme:
    data = prog.model_dump()
    for kind in ("drift", "investment", "staff"):
        frames = data["rounds"][0]["frames"][kind]
        for year in [y for y in frames if y < first_open]:
            frames[year] = frames[year] * factor
    return Programme.model_validate(data)


# ---------------------------------------------------------------- by hand

def test_the_open_years_follow_the_day() -> None:
    p = portfolio(programme(FRAMES), [area()], [project("P1", {2021: 100})])
    assert build_problem(p, as_of=AS_OF).years == range(2019, 2022)  # the round is not adopted yet
    assert build_problem(p, as_of=dt.date(2018, 12, 14)).years == range(2020, 2022)  # adopted that day
    assert build_problem(p, as_of=dt.date(2020, 5, 1)).years == range(2021, 2022)  # 2020 has begun


def test_from_year_narrows_the_open_years_and_sinks_what_is_before() -> None:
    p = portfolio(programme(FRAMES), [area()], [
        project("RUN", {2019: 100, 2020: 200, 2021: 300}, status="active")])
    problem = build_problem(p, as_of=AS_OF, from_year=2020)
    assert problem.years == range(2020, 2022) and problem.open_from == 2020
    assert problem.candidates[0].options[0].cost == {2020: 200, 2021: 300}


@pytest.mark.parametrize(("from_year", "years", "as_of", "says"), [
    (2019, None, dt.date(2019, 6, 1), "--from-year 2019 is before the first open year 2020 on 2019-06-01 "
                                      "(budsjett 2019 (KST 1/18) was adopted on 2018-12-14): money before 2020 "
                                      "is sunk; give --from-year 2020 or later"),
    (2022, None, AS_OF, "--from-year 2022 is after the last year of budsjett 2019 (økonomiplan 2019–2021)"),
    (None, (2019, 2021), dt.date(2019, 6, 1), "--years 2019–2021 reach before the first open year 2020 on "
                                              "2019-06-01: money before 2020 is sunk"),
    (2021, (2020, 2021), AS_OF, "--years 2020–2021 reach before --from-year 2021"),
    (None, (2021, 2023), AS_OF, "plan years 2021–2023 reach outside the budget rounds' years 2019–2021"),
    (None, (2021, 2020), AS_OF, "plan years 2021–2020: the first year is after the last"),
    (None, None, dt.date(2030, 3, 1), "no year is left to plan on 2030-03-01: the first open year is 2031, and "
                                      "the newest round adopted by then, budsjett 2019 (KST 1/18), ends in 2021; "
                                      "add the round budsjett 2030 (økonomiplan 2030–2033) to rounds in "
                                      "programme.yaml, or plan as on an earlier day with --as-of"),
])
def test_options_that_reach_into_sunk_or_unknown_years_say_so(
        from_year: int | None, years: tuple[int, int] | None, as_of: dt.date, says: str) -> None:
    p = portfolio(programme(FRAMES), [area()], [project("P1", {2021: 100})])
    with pytest.raises(AdjustmentError) as caught:
        build_problem(p, Adjustments(years=years), as_of=as_of, from_year=from_year)
    assert says in str(caught.value)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(("round_", "says"), [
    ({"year": 2020, "last_year": 2020, "adopted": dt.date(2019, 12, 12)},
     "budsjett 2020 (KST 2/19), ends in 2020; give budsjett 2020 the later years of its økonomiplan (last_year"),
    ({"year": 2020, "adopted": dt.date(2020, 12, 12)}, "budsjett 2020 in programme.yaml is adopted only on 2020-12-12"),
])
def test_no_year_left_says_which_round_would_give_one(round_: dict[str, Any], says: str) -> None:
    first = {"year": 2019, "last_year": 2020, "decision": "KST 1/18", "adopted": dt.date(2018, 12, 14)}
    prog = Programme.model_validate({"id": "TEST", "name": "Test", "criteria": CRITERIA,
                                     "rounds": [first, {"decision": "KST 2/19", **round_}]})
    p = portfolio(prog, [area()], [project("P1", {2021: 100})])
    with pytest.raises(AdjustmentError, match=re.escape(says)):
        build_problem(p, as_of=dt.date(2020, 10, 31))


def test_a_scenario_that_plans_sunk_years_is_named() -> None:
    from askoy2020.model.prioritisation import Scenario

    p = portfolio(programme(FRAMES), [area()], [project("P1", {2021: 100})])
    old = Adjustments.from_scenario(Scenario(id="gammel", name="Gammel",
                                             years={"first_year": 2019, "last_year": 2021}))  # type: ignore[arg-type]
    with pytest.raises(AdjustmentError, match="scenario gammel's years 2019–2021 reach before the first open year"):
        build_problem(p, old, as_of=dt.date(2020, 5, 1))


def test_a_paused_project_is_resumed_at_its_open_year_cost_only() -> None:
    p = portfolio(programme(FRAMES, prioritisation={"method": "wsjf"}), [area()], [project(
        "HALT", {2019: 5000, 2020: 900, 2021: 600}, (5, 5), status="paused",
        start_window={"earliest": 2019, "latest": 2020})])
    problem = build_problem(p, as_of=dt.date(2020, 5, 1))
    [option] = problem.candidates[0].options
    # Kept where it stands (not moved by its window), 2019-2020 sunk; WSJF's size is the 600 left: 1 million kr at least.
    assert (option.start, option.cost) == (2019, {2021: 600})
    assert option.value == 100_000
    plan = prioritise(p, settings=EXACT, as_of=dt.date(2020, 5, 1)).plan
    assert plan is not None and [(s.project, s.cost) for s in plan.selected] == [("HALT", {2021: 600})]
    assert plan.frames[0].budget_used == 600


def test_a_planned_project_whose_start_has_passed_starts_in_the_first_open_year() -> None:
    prog = programme(FRAMES, prioritisation={"benefit_weight": 0.01})
    p = portfolio(prog, [area()], [project(
        "LATE", {2019: 300, 2020: 200}, (5, 5), start=dt.date(2019, 3, 1), end=dt.date(2020, 6, 30),
        staff={2019: 1.0, 2020: 0.5}, investment={2020: 4000},
        benefits=[{"kind": "economic", "owner": "Økonomisjef", "planned": {2020: 1000, 2021: 2000}}])])
    [option] = build_problem(p, as_of=dt.date(2019, 6, 1)).candidates[0].options
    assert (option.start, option.cost, option.staff, option.investment) == (
        2020, {2020: 300, 2021: 200}, {2020: 1.0, 2021: 0.5}, {2021: 4000})
    assert option.start_date == dt.date(2020, 3, 1) and option.end_date == dt.date(2021, 6, 30)
    assert option.value == 100_000 + 10_000  # benefits 2021: 1000 (moved from 2020) inside; 2022's 2000 outside


def test_a_window_gives_only_its_open_years() -> None:
    p = portfolio(programme(FRAMES), [area()], [project(
        "W", {2019: 100}, start_window={"earliest": 2019, "latest": 2021})])
    assert [o.start for o in build_problem(p, as_of=dt.date(2019, 6, 1)).candidates[0].options] == [2020, 2021]
    assert [o.start for o in build_problem(p, as_of=dt.date(2020, 6, 1)).candidates[0].options] == [2021]


def test_completed_projects_are_done_and_their_successors_follow_them() -> None:
    p = portfolio(programme(FRAMES), [area()], [
        project("DONE", {2019: 900, 2021: 500}, (5, 5), status="completed", end=dt.date(2020, 3, 31)),
        project("NEXT", {2020: 100}, (4, 4), start=dt.date(2020, 1, 1),
                start_window={"earliest": 2020, "latest": 2021}, depends_on=[{"project": "DONE"}]),
        project("TOO-EARLY", {2021: 100}, (4, 4), start=dt.date(2021, 1, 1),
                depends_on=[{"project": "DONE", "lag_days": 400}]),
    ])
    outcome = prioritise(p, settings=EXACT, as_of=dt.date(2019, 6, 1))
    assert outcome.plan is not None
    assert outcome.plan.done == ["DONE"]
    # DONE ended 2020-03-31, so NEXT's window leaves it 2021.
    assert [(s.project, s.start, s.cost) for s in outcome.plan.selected] == [("NEXT", 2021, {2021: 100})]
    assert [f.budget_used for f in outcome.plan.frames] == [0, 100], "a completed project's money counts nowhere"
    [late] = [lo for lo in outcome.plan.left_out if lo.project == "TOO-EARLY"]
    assert late.kind == "timing" and "comes after DONE" in late.reason


def test_a_round_without_frames_and_an_area_without_a_round_are_noted() -> None:
    prog = Programme.model_validate({
        "id": "TEST", "name": "Test", "criteria": CRITERIA,
        "rounds": [{"year": 2019, "last_year": 2021, "decision": "KST 1/18", "adopted": dt.date(2018, 12, 14)}]})
    bare = area("B").model_copy(update={"rounds": []})
    p = portfolio(prog, [bare], [project("P1", {2021: 100}, area_id="B")])
    outcome = prioritise(p, settings=EXACT, as_of=dt.date(2020, 5, 1))
    assert outcome.plan is not None and [s.project for s in outcome.plan.selected] == ["P1"]
    assert outcome.notes == [
        "the budget round gives no programme drift frame for 2021, so nothing limits drift there; "
        "add the frame to the round in programme.yaml",
        "area B has no frames in budsjett 2019 (rounds in its area.yaml), so only the programme frames limit "
        "its projects in 2021",
    ]


def test_investment_is_a_frame_of_its_own() -> None:
    p = portfolio(programme(FRAMES, investment={2021: 50_000}), [area("A", investment={2021: 30_000})], [
        project("SKOLE", {2021: 100}, (5, 5), investment={2021: 40_000}),
        project("BHG", {2021: 100}, (3, 3), investment={2021: 25_000}),
    ])
    plan = prioritise(p, settings=EXACT, as_of=dt.date(2020, 5, 1)).plan
    assert plan is not None
    assert [(s.project, s.investment) for s in plan.selected] == [("BHG", {2021: 25_000})]
    [skole] = [lo for lo in plan.left_out if lo.project == "SKOLE"]
    assert skole.investment == {2021: 40_000}
    # On top of the plan (BHG in): the programme's 50 000 is short by 15 000, A's 30 000 by 35 000.
    assert [(s.scope, s.kind.value, s.amount) for s in skole.short] == [
        ("programme", "investment", 15_000), ("A", "investment", 35_000)]
    assert plan.frames[0].investment_frame == 50_000 and plan.frames[0].investment_used == 25_000
    more = prioritise(p, Adjustments(investment=[_change(2021, 10_000, "A")]), settings=EXACT,
                      as_of=dt.date(2020, 5, 1)).plan
    assert more is not None and [s.project for s in more.selected] == ["SKOLE"]


def _change(year: int, change: float, area_id: str | None = None) -> Any:
    from askoy2020.model.prioritisation import FrameChange

    return FrameChange(year=year, change=change, area=area_id)


def test_including_a_completed_or_cancelled_project_is_said_not_done() -> None:
    p = portfolio(programme(FRAMES), [area()], [
        project("DONE", {2019: 100}, status="completed"), project("GONE", {2021: 100}, status="cancelled")])
    outcome = prioritise(p, Adjustments(include={"DONE", "GONE"}), settings=EXACT, as_of=AS_OF)
    assert outcome.plan is not None and outcome.plan.selected == []
    assert outcome.notes == ["DONE is completed, so no plan places it: it is not included",
                             "GONE is cancelled, so no plan places it: it is not included"]
