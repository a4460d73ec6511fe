"""The money facts of the budget cycle that the rules (ASK410–ASK418), the
report and prioritise ask: which round speaks for a year, frames and
budgets as revised on a day, the newest figures whose period has ended,
the forecast end."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from askoy2020.model import Portfolio, Project
from askoy2020.model.area import ProgrammeArea
from askoy2020.model.budget import MoneyKind, Period, closed_periods, parse_period
from askoy2020.model.programme import Programme

D = dt.date
DRIFT, INVESTMENT, STAFF = MoneyKind.DRIFT, MoneyKind.INVESTMENT, MoneyKind.STAFF


def _project(**fields: Any) -> Project:
    base: dict[str, Any] = {"id": "DK-03", "name": "Prosjekt", "area": "DK", "manager": "Prosjektleder",
                            "status": "active", "planned": {"start": "2019-01-01", "end": "2020-12-31"}}
    return Project.model_validate({**base, **fields})


def _round(year: int, adopted: str, **fields: Any) -> dict[str, Any]:
    return {"year": year, "decision": f"KST {year}", "adopted": adopted, **fields}


# Budsjett 2018, 2019 and 2020, and 2021 adopted on 17 December 2020.
ROUNDS = [
    _round(2018, "2017-12-14", frames={"drift": {2018: 100, 2019: 110, 2020: 120, 2021: 130}}),
    _round(2019, "2018-12-13", frames={"drift": {2019: 200, 2020: 210, 2021: 220, 2022: 230}},
           revisions=[{"decision": "KST 40/19", "date": "2019-06-20", "frames": {"drift": {2019: 205}}}]),
    _round(2020, "2019-12-12", frames={"drift": {2020: 300, 2021: 310, 2022: 320, 2023: 330},
                                       "staff": {2020: 5}},
           revisions=[{"decision": "KST 20/20", "date": "2020-02-29", "frames": {"drift": {2020: 301}}},
                      {"decision": "KST 45/20", "date": "2020-06-18", "frames": {"drift": {2020: 302}}},
                      {"decision": "KST 46/20", "date": "2020-06-18", "frames": {"drift": {2020: 303}}}]),
    _round(2021, "2020-12-17", frames={"drift": {2021: 400, 2022: 410, 2023: 420, 2024: 430}}),
]


def _programme(rounds: list[dict[str, Any]] = ROUNDS) -> Programme:
    return Programme.model_validate({"id": "ASKOY2020", "name": "Askøy 2020", "rounds": rounds})


# -- which round speaks ----------------------------------------------------

@pytest.mark.parametrize(("year", "as_of", "speaking"), [
    (2018, D(2020, 10, 31), 2018),  # a past year: its own årsbudsjett
    (2019, D(2020, 10, 31), 2019),
    (2020, D(2020, 10, 31), 2020),
    (2021, D(2020, 10, 31), 2020),  # a coming year: the latest økonomiplan …
    (2021, D(2020, 12, 16), 2020),
    (2021, D(2020, 12, 17), 2021),  # … until next year's budget is adopted, on the day
    (2023, D(2020, 10, 31), 2020),
    (2024, D(2020, 10, 31), None),  # no adopted round reaches it
    (2024, D(2020, 12, 17), 2021),
    (2017, D(2020, 10, 31), None),
    (2019, D(2017, 1, 1), 2018),  # before any adoption: the round being prepared
])
def test_round_for_year_past_and_coming(year: int, as_of: dt.date, speaking: int | None) -> None:
    found = _programme().round_for_year(year, as_of)
    assert (found.year if found else None) == speaking


def test_current_round_first_open_year_and_known_years() -> None:
    programme = _programme()
    assert programme.current_round(D(2020, 10, 31)).year == 2020
    assert programme.current_round(D(2020, 12, 17)).year == 2021
    assert programme.current_round(D(2017, 1, 1)).year == 2018  # none adopted yet: the first
    assert programme.first_open_year(D(2020, 10, 31)) == 2021
    assert programme.first_open_year(D(2020, 12, 17)) == 2022
    assert programme.first_open_year(D(2017, 1, 1)) == 2018
    assert programme.known_years() == range(2018, 2025)


def test_rounds_in_any_file_order_speak_the_same() -> None:
    shuffled = _programme([ROUNDS[2], ROUNDS[0], ROUNDS[3], ROUNDS[1]])
    for year in range(2017, 2026):
        for as_of in (D(2019, 1, 1), D(2020, 10, 31), D(2020, 12, 17)):
            a, b = _programme().round_for_year(year, as_of), shuffled.round_for_year(year, as_of)
            assert (a.year if a else None) == (b.year if b else None)


# -- frames as revised -----------------------------------------------------

def _portfolio(area_rounds: list[dict[str, Any]]) -> Portfolio:
    area = ProgrammeArea.model_validate({
        "id": "DK", "name": "Digital kommune", "owner": "Kommunalsjef", "period": {"first_year": 2018,
                                                                                   "last_year": 2024},
        "rounds": area_rounds})
    return Portfolio(Path("."), {"programme": [_programme()], "area": [area]})


AREA_ROUNDS = [
    {"year": 2019, "frames": {"drift": {2019: 20, 2020: 21}}},
    {"year": 2020, "frames": {"drift": {2020: 30, 2021: 31}, "staff": {2020: 2}},
     "revisions": [{"decision": "KST 45/20", "date": "2020-06-18", "frames": {"drift": {2020: 35}}}]},
]


@pytest.mark.parametrize(("area", "year", "as_of", "revised", "frame"), [
    (None, 2020, D(2020, 2, 28), True, 300),  # the day before the leap-day revision
    (None, 2020, D(2020, 2, 29), True, 301),  # in force on its own day
    (None, 2020, D(2020, 10, 31), True, 303),  # two on one day: the later written wins
    (None, 2020, D(2020, 10, 31), False, 300),  # as adopted
    (None, 2019, D(2020, 10, 31), True, 205),  # a past year: its own round, revised
    (None, 2019, D(2019, 6, 19), True, 200),
    (None, 2021, D(2020, 10, 31), True, 310),  # a coming year: the 2020 økonomiplan
    (None, 2021, D(2020, 12, 17), True, 400),
    (None, 2025, D(2020, 10, 31), True, None),
    ("DK", 2020, D(2020, 6, 17), True, 30),
    ("DK", 2020, D(2020, 6, 18), True, 35),
    ("DK", 2020, D(2020, 6, 18), False, 30),
    ("DK", 2019, D(2020, 10, 31), True, 20),
    ("DK", 2018, D(2020, 10, 31), True, None),  # the area has no part in the 2018 round
    ("DK", 2021, D(2020, 12, 17), True, None),  # nor in 2021's: no frame, not the old one
    ("XX", 2020, D(2020, 10, 31), True, None),
])
def test_portfolio_frame_with_revisions(area: str | None, year: int, as_of: dt.date, revised: bool,
                                        frame: float | None) -> None:
    assert _portfolio(AREA_ROUNDS).frame(DRIFT, year, as_of, area, revised=revised) == frame


def test_frame_of_another_kind_is_not_the_drift_frame() -> None:
    p = _portfolio(AREA_ROUNDS)
    assert p.frame(STAFF, 2020, D(2020, 10, 31), "DK") == 2
    assert p.frame(INVESTMENT, 2020, D(2020, 10, 31), "DK") is None
    assert p.frame(STAFF, 2020, D(2020, 10, 31)) == 5


# -- a project's budget as revised -------------------------------------------

REVISED = _project(
    cost={2020: 1000, 2021: 500},
    investment={2020: 10_000},
    staff={2020: 1.5},
    revisions=[
        {"decision": "KST 20/20", "date": "2020-02-29", "cost": {2020: 900}},
        {"decision": "KST 45/20", "date": "2020-06-18", "cost": {2020: 800}, "investment": {2020: 12_000}},
        {"decision": "KST 46/20", "date": "2020-06-18", "cost": {2020: 850}},
        {"decision": "KST 90/20", "date": "2020-11-19", "cost": {2020: 1100}},
        {"decision": "KST 10/20", "date": "2020-01-30", "cost": {2020: 950}},  # written out of order
    ])


@pytest.mark.parametrize(("kind", "year", "as_of", "budget"), [
    (DRIFT, 2020, D(2020, 1, 29), 1000),
    (DRIFT, 2020, D(2020, 1, 30), 950),  # by date, not by place in the file
    (DRIFT, 2020, D(2020, 2, 29), 900),
    (DRIFT, 2020, D(2020, 6, 18), 850),  # two on one day: the later written wins
    (DRIFT, 2020, D(2020, 10, 31), 850),
    (DRIFT, 2020, D(2020, 11, 19), 1100),
    (DRIFT, 2021, D(2020, 12, 31), 500),  # a revision of another year leaves it
    (DRIFT, 2022, D(2020, 12, 31), 0),
    (INVESTMENT, 2020, D(2020, 6, 17), 10_000),
    (INVESTMENT, 2020, D(2020, 6, 18), 12_000),  # the same-day drift revision leaves it
    (STAFF, 2020, D(2020, 12, 31), 1.5),
])
def test_budget_with_revisions(kind: MoneyKind, year: int, as_of: dt.date, budget: float) -> None:
    assert REVISED.budget(kind, year, as_of) == budget
    assert REVISED.adopted(kind, year) == {DRIFT: REVISED.cost, INVESTMENT: REVISED.investment,
                                           STAFF: REVISED.staff}[kind].get(year, 0)


def test_budget_at_names_the_figure_that_sets_it() -> None:
    assert REVISED.budget_at(DRIFT, 2020, D(2020, 1, 29)) == (1000, ("cost", 2020))
    assert REVISED.budget_at(DRIFT, 2020, D(2020, 10, 31)) == (850, ("revisions", 2, "cost", 2020))
    assert REVISED.budget_at(INVESTMENT, 2020, D(2020, 10, 31)) == (12_000, ("revisions", 1, "investment", 2020))
    assert REVISED.budget_at(DRIFT, 2021, D(2020, 10, 31)) == (500, ("cost", 2021))


# -- figures, never before their date ------------------------------------------

ACCOUNTS = _project(
    cost={2019: 400, 2020: 1000},
    accounts={
        2019: {"T3": {"actual": {"drift": 420}}},
        2020: {"T1": {"actual": {"drift": 200}, "forecast": {"drift": 1000, "investment": 50}},
               "T2": {"actual": {"drift": 600}},
               "T3": {"actual": {"drift": 1100}}},  # entered early: not used before 31 December
    })


@pytest.mark.parametrize(("year", "as_of", "period", "spent", "forecast"), [
    (2020, D(2020, 4, 29), None, None, None),
    (2020, D(2020, 4, 30), Period.T1, 200, 1000),  # on the period's last day it has ended
    (2020, D(2020, 8, 30), Period.T1, 200, 1000),
    (2020, D(2020, 8, 31), Period.T2, 600, None),  # T2 gives no forecast: none, not T1's
    (2020, D(2020, 12, 30), Period.T2, 600, None),
    (2020, D(2020, 12, 31), Period.T3, 1100, 1100),  # the accounts are the year's spend
    (2019, D(2020, 10, 31), Period.T3, 420, 420),
    (2019, D(2019, 12, 30), None, None, None),
    (2021, D(2021, 12, 31), None, None, None),
])
def test_figures_are_never_used_before_their_date(year: int, as_of: dt.date, period: Period | None,
                                                  spent: float | None, forecast: float | None) -> None:
    found = ACCOUNTS.figures(year, as_of)
    assert (found[0] if found else None) is period
    assert ACCOUNTS.spent(DRIFT, year, as_of) == spent
    assert ACCOUNTS.forecast_spend(DRIFT, year, as_of) == forecast


def test_figures_of_a_kind_not_given_are_none() -> None:
    assert ACCOUNTS.spent(INVESTMENT, 2020, D(2020, 5, 1)) is None
    assert ACCOUNTS.forecast_spend(INVESTMENT, 2020, D(2020, 5, 1)) == 50
    assert ACCOUNTS.spent(STAFF, 2020, D(2020, 5, 1)) is None


def test_closed_periods_at_their_ends() -> None:
    assert closed_periods(2020, D(2020, 4, 29)) == []
    assert closed_periods(2020, D(2020, 4, 30)) == [Period.T1]
    assert closed_periods(2020, D(2020, 8, 31)) == [Period.T1, Period.T2]
    assert closed_periods(2020, D(2020, 12, 31)) == list(Period)
    assert closed_periods(2021, D(2020, 12, 31)) == []


# -- the forecast end ------------------------------------------------------------

@pytest.mark.parametrize(("fields", "as_of", "end", "path"), [
    ({}, D(2020, 10, 31), D(2020, 12, 31), ("planned", "end")),
    # A report gives a forecast end only when the end is not as planned
    # (StatusReport.forecast_end): the newest report without one is back on plan.
    ({"status_reports": [{"date": "2020-05-31", "rag": "amber", "forecast_end": "2021-03-31"},
                         {"date": "2020-09-30", "rag": "green"}]},
     D(2020, 10, 31), D(2020, 12, 31), ("planned", "end")),
    ({"status_reports": [{"date": "2020-05-31", "rag": "amber", "forecast_end": "2021-03-31"},
                         {"date": "2020-09-30", "rag": "green"}]},
     D(2020, 9, 29), D(2021, 3, 31), ("status_reports", 0, "forecast_end")),
    ({"status_reports": [{"date": "2020-09-30", "rag": "amber", "forecast_end": "2021-03-31"},
                         {"date": "2020-09-30", "rag": "green", "forecast_end": "2020-12-31"}]},
     D(2020, 10, 31), D(2020, 12, 31), ("status_reports", 1, "forecast_end")),  # one day: the later written
    ({"status_reports": [{"date": "2020-11-30", "rag": "red", "forecast_end": "2021-06-30"}]},
     D(2020, 10, 31), D(2020, 12, 31), ("planned", "end")),  # a report after the day is not yet written
    ({"status_reports": [{"date": "2020-11-30", "rag": "red", "forecast_end": "2021-06-30"}]},
     D(2020, 11, 30), D(2021, 6, 30), ("status_reports", 0, "forecast_end")),
    ({"actual": {"start": "2019-01-01", "end": "2021-02-28"},
      "status_reports": [{"date": "2020-09-30", "rag": "green", "forecast_end": "2020-12-31"}]},
     D(2020, 10, 31), D(2021, 2, 28), ("actual", "end")),  # the actual end once known
])
def test_forecast_end(fields: dict[str, Any], as_of: dt.date, end: dt.date, path: tuple[object, ...]) -> None:
    project = _project(**fields)
    assert project.forecast_end(as_of) == end
    assert project.forecast_end_at(as_of) == (end, path)


def test_forecast_end_without_any_end_is_none() -> None:
    project = _project(planned={"start": "2020-01-01"})
    assert project.forecast_end(D(2020, 10, 31)) is None
    assert project.forecast_end_at(D(2020, 10, 31)) is None


def test_planned_gains_add_up_by_kind() -> None:
    project = _project(benefits=[
        {"kind": "economic", "owner": "Kommunalsjef", "planned": {2020: 100, 2021: 200}},
        {"kind": "economic", "owner": "Kommunalsjef", "planned": {2021: 50}},
        {"kind": "staff", "owner": "Kommunalsjef", "planned": {2021: 1.5}},
    ])
    assert project.planned_gains() == {2020: 100, 2021: 250}
    assert project.planned_gains(project.benefits[2].kind) == {2021: 1.5}


@pytest.mark.parametrize("text", ["0000-T1", "0001-T3", "1989-T2", "2101-T1"])
def test_a_period_outside_the_years_a_year_may_take_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="from 1990 to 2100"):
        parse_period(text)
