"""From records to start options: who is committed, which starts a window
allows, and what cannot be placed at all."""

from __future__ import annotations

import datetime as dt

from askoy2020.prioritise.adjust import Adjustments
from askoy2020.prioritise.problem import Why, _shift_date, build_problem

from .factory import AS_OF, area, portfolio, programme, project

FRAMES = {2019: 1000, 2020: 1000, 2021: 1000}


def test_status_decides_who_must_be_in() -> None:
    p = portfolio(programme(FRAMES), [area()], [
        project("ACT", {2019: 1}, status="active"), project("DONE", {2019: 1}, status="completed"),
        project("LOCK", {2019: 1}, locked=True), project("LAW", {2019: 1}, mandatory=True),
        project("FREE", {2019: 1}), project("HALT", {2019: 1}, status="paused"),
    ])
    problem = build_problem(p, Adjustments(include={"FREE"}), as_of=AS_OF)
    forced = {c.id: c.forced for c in problem.candidates}
    # A completed project is done: its money is spent, no plan places it again.
    assert forced == {"ACT": Why.COMMITTED, "LOCK": Why.LOCKED, "LAW": Why.MANDATORY,
                      "FREE": Why.INCLUDED, "HALT": Why.CHOSEN}
    assert [x.id for x in problem.done] == ["DONE"]


def test_window_options_move_cost_and_dates_and_stay_inside_the_plan_years() -> None:
    p = portfolio(programme(FRAMES), [area()], [project(
        "P1", {2019: 100, 2020: 50}, start=dt.date(2019, 3, 1), end=dt.date(2020, 6, 30),
        start_window={"earliest": 2019, "latest": 2021})])
    options = build_problem(p, as_of=AS_OF).candidates[0].options
    # Starting in 2021 would put 50 in 2022, past the plan: not an option.
    assert [(o.start, o.cost, o.start_date, o.end_date) for o in options] == [
        (2019, {2019: 100, 2020: 50}, dt.date(2019, 3, 1), dt.date(2020, 6, 30)),
        (2020, {2020: 100, 2021: 50}, dt.date(2020, 3, 1), dt.date(2021, 6, 30)),
    ]


def test_locked_project_ignores_its_window() -> None:
    p = portfolio(programme(FRAMES), [area()], [project(
        "P1", {2019: 100}, locked=True, start_window={"earliest": 2019, "latest": 2021})])
    assert [o.start for o in build_problem(p, as_of=AS_OF).candidates[0].options] == [2019]


def test_what_cannot_be_placed_says_why() -> None:
    p = portfolio(programme(FRAMES), [area()], [
        project("GONE", {2019: 1}, status="cancelled"),
        project("LATE", {2021: 100, 2020: 1}, start=dt.date(2020, 1, 1),
                start_window={"earliest": 2021, "latest": 2021}),
    ])
    reasons = {n.project.id: (n.kind, n.reason) for n in build_problem(p, as_of=AS_OF).not_placeable}
    assert reasons == {
        "GONE": ("cancelled", "cancelled"),
        "LATE": ("no-start", "no start in its window 2021–2021 keeps its cost and staff inside the plan years "
                             "2019–2021"),
    }


def test_plan_years_narrow_the_frames_and_fixed_costs() -> None:
    p = portfolio(programme(FRAMES), [area()], [project("P1", {2019: 100, 2020: 100}, status="active")])
    problem = build_problem(p, Adjustments(years=(2020, 2021)), as_of=AS_OF)
    assert [f.key.year for f in problem.frames] == [2020, 2021]
    assert problem.candidates[0].options[0].cost == {2020: 100}


def test_feb_29_moves_to_feb_28_in_a_common_year() -> None:
    p = portfolio(programme(FRAMES), [area()], [project(
        "P1", {2020: 100}, start=dt.date(2020, 2, 29), end=dt.date(2020, 12, 31),
        start_window={"earliest": 2020, "latest": 2021})])
    assert [o.start_date for o in build_problem(p, as_of=AS_OF).candidates[0].options] == [dt.date(2020, 2, 29),
                                                                             dt.date(2021, 2, 28)]


def test_moving_a_date_past_year_9999_stays_at_the_last_year() -> None:
    assert _shift_date(dt.date(9999, 12, 31), 2) == dt.date(9999, 12, 31)
    assert _shift_date(dt.date(2020, 2, 29), 1) == dt.date(2021, 2, 28)
