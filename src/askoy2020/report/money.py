"""The report's money: rounds, frames as adopted and revised, the round's
years per area against the frames, the report year's budget against actual
and forecast per area and per project, deviations over the programme's
threshold with their explanations, budget changes, investments with their
financing, and gains planned against realised.

Figures are as known on the report's day: a tertial is used only once it
has ended, a revision only from its date (model/budget.py). Which projects
a year's budget holds is ``model.forecast.in_budget``: a cancelled project
counts in the years it spent money, a candidate not at all.
"""

from __future__ import annotations

import datetime as dt

from ..model import Portfolio, Project
from ..model.budget import MONEY_KINDS, MoneyKind
from ..model.forecast import in_budget, money_sum, newest_period
from .money_gains import benefit_rows, quality_gains
from .money_model import AreaYearRow, FrameRow, MoneyRow, MoneySection, RoundRow, Threshold
from .money_tertial import budget_changes, changes_from, deviations, frame_overruns, project_rows
from .money_years import area_years, investment_rows, not_in_areas


def build_money(portfolio: Portfolio, year: int, as_of: dt.date) -> MoneySection | None:
    programme = portfolio.programme
    if programme is None:
        return None
    speaking = programme.round_for_year(year, as_of)
    rounds = [RoundRow(r.year, r.years()[0], r.years()[-1], r.decision, r.adopted, r is speaking)
              for r in sorted(programme.rounds, key=lambda r: r.year) if r.adopted <= as_of]
    open_from = open_year(portfolio, as_of)
    years = list(speaking.years()) if speaking is not None else [year]
    counted = counted_projects(portfolio, year, as_of)
    rows = _year_rows(portfolio, counted, year, as_of)
    threshold = programme.overrun
    projects = project_rows(counted, year, as_of)
    # A gain is realised over its year: only ended years can be compared.
    gains_to = year if dt.date(year, 12, 31) <= as_of else year - 1
    period = newest_period(year, as_of)
    start = changes_from(year, as_of)
    return MoneySection(
        rounds, period.value if period else None, programme.staff_funding.value,
        _frames(portfolio, year, as_of), rows,
        benefit_rows(portfolio, gains_to, max(years[-1], gains_to + 1), open_from), gains_to,
        proposed=speaking is not None and speaking.adopted > as_of,  # the round being prepared
        threshold=Threshold(threshold.share, threshold.amount), years=years, open_from=open_from,
        area_years=(by_area := area_years(portfolio, years, as_of, open_from)), not_in_areas=not_in_areas(by_area),
        projects=projects,
        deviations=deviations(counted, year, as_of, threshold),
        frame_overruns=frame_overruns(rows, threshold), changes_from=start,
        changes=budget_changes(portfolio, start, as_of),
        investments=investment_rows(portfolio, years, as_of, open_from),
        quality_gains=quality_gains(portfolio, year, gains_to),
    )


def open_year(portfolio: Portfolio, as_of: dt.date) -> int:
    """The first year not yet budgeted on ``as_of``."""
    programme = portfolio.programme
    return programme.first_open_year(as_of) if programme is not None else as_of.year + 1


def counted_projects(portfolio: Portfolio, year: int, as_of: dt.date) -> list[Project]:
    """The projects whose money in ``year`` the budget holds, by id."""
    open_from = open_year(portfolio, as_of)
    return sorted((p for p in portfolio.projects if in_budget(p, year, as_of, open_from)), key=lambda p: p.id)


def budget_total(portfolio: Portfolio, kind: MoneyKind, year: int, as_of: dt.date) -> float:
    """The revised budget of one kind in ``year`` over the projects the budget
    holds: the money section's and the summary's total."""
    return sum(p.budget(kind, year, as_of) for p in counted_projects(portfolio, year, as_of))


def budget_by_year(portfolio: Portfolio, year: int, as_of: dt.date) -> list[AreaYearRow]:
    """The programme's drift (and investment, when there is any) in each
    year of the round that speaks for ``year``: the summary's chart. Drift
    is always there, one row a year, so the report knows its years."""
    programme = portfolio.programme
    speaking = programme.round_for_year(year, as_of) if programme is not None else None
    years = list(speaking.years()) if speaking is not None else [year]
    rows = [r for r in area_years(portfolio, years, as_of, open_year(portfolio, as_of), areas=False)
            if r.kind in (MoneyKind.DRIFT.value, MoneyKind.INVESTMENT.value)]
    drift = [r for r in rows if r.kind == MoneyKind.DRIFT.value]
    return (drift or [AreaYearRow("", MoneyKind.DRIFT.value, y, None, None, 0.0, 0.0, None, None, None)
                      for y in years]) + [r for r in rows if r.kind == MoneyKind.INVESTMENT.value]


def _frames(portfolio: Portfolio, year: int, as_of: dt.date) -> list[FrameRow]:
    programme = portfolio.programme
    speaking = programme.round_for_year(year, as_of) if programme is not None else None
    if speaking is None:
        return []
    frames = []
    for kind in MoneyKind:
        if speaking.frame(kind, year, as_of) is None and speaking.adopted_frame(kind, year) is None:
            continue
        revisions = [f"{r.decision} ({r.date:%d.%m.%Y})" for r in speaking.revisions
                     if r.date <= as_of and year in r.frames.of(kind)]
        frames.append(FrameRow(kind.value, speaking.adopted_frame(kind, year), speaking.frame(kind, year, as_of),
                               revisions))
    return frames


def _year_rows(portfolio: Portfolio, counted: list[Project], year: int, as_of: dt.date) -> list[MoneyRow]:
    """The report year per kind: the programme, then each area with a frame or money of that kind."""
    rows = []
    for kind in MONEY_KINDS:
        whole = _row("", kind, portfolio.frame(kind, year, as_of), counted, year, as_of)
        if whole.frame is None and not whole.revised_budget and whole.actual is None:
            continue  # no frame and no money of this kind this year
        rows.append(whole)
        for area in sorted(portfolio.areas, key=lambda a: a.id):
            mine = [p for p in counted if p.area == area.id]
            frame = portfolio.frame(kind, year, as_of, area.id)
            if frame is not None or any(p.budget(kind, year, as_of) or p.spent(kind, year, as_of) for p in mine):
                rows.append(_row(area.id, kind, frame, mine, year, as_of))
    return rows


def _row(area: str, kind: MoneyKind, frame: float | None, projects: list[Project], year: int,
         as_of: dt.date) -> MoneyRow:
    total = money_sum(projects, kind, year, as_of)
    return MoneyRow(area, kind.value, frame, total.revised, total.actual, total.forecast, total.missing)
