"""What a group of projects (an area, the programme) is expected to spend in
a year, as a tertial report sums it, and which projects a year's budget
holds: one definition for the report's money rows and the rule that warns
when an area's forecast passes its frame."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import NamedTuple

from .budget import MONEY_KINDS, MoneyKind, Period, closed_periods
from .project import Project


class MoneySum(NamedTuple):
    revised: float  # the projects' budgets as revised on the day
    actual: float | None  # spend to the period's end, of those that reported it; None if none did
    forecast: float | None  # expected spend for the year; None before the year's first tertial closes
    missing: int  # projects without a forecast for the period: counted at their budget


def newest_period(year: int, as_of: dt.date) -> Period | None:
    """The newest period of ``year`` that has ended on ``as_of``."""
    closed = closed_periods(year, as_of)
    return closed[-1] if closed else None


def money_sum(projects: Iterable[Project], kind: MoneyKind, year: int, as_of: dt.date) -> MoneySum:
    """Sums as of the newest closed period: a project whose newest figures
    are older (a missing tertial report) is counted at its budget, never
    mixed in with older figures; one with no forecast likewise."""
    period = newest_period(year, as_of)
    lines = [p.money_line(kind, year, as_of) for p in projects]
    lines = [m for m in lines if m.revised or m.actual or m.forecast]
    current = [m for m in lines if period is not None and m.period is period]
    actuals = [m.actual for m in current if m.actual is not None]
    forecasts = [m.forecast if m.period is period and m.forecast is not None else m.revised for m in lines]
    return MoneySum(
        sum(m.revised for m in lines), sum(actuals) if actuals else None,
        sum(forecasts) if current else None,
        sum(not (m.period is period and m.forecast is not None) for m in lines),
    )


def in_budget(project: Project, year: int, as_of: dt.date, open_from: int) -> bool:
    """Whether a project's money in ``year`` belongs to the budget, as known
    on ``as_of``. Years before ``open_from`` (``Programme.first_open_year``)
    are budgeted: every project not cancelled that has money there was
    adopted with the årsbudsjett. From ``open_from`` on only what must be in
    any plan (started, locked, mandatory: ``Project.must_be_planned``) is
    bound; the others are candidates that prioritisation decides on. A
    cancelled project counts in the years it has spent money: that spend is
    in the accounts whatever happened to the project afterwards."""
    if not project.is_live:
        return any(project.spent(kind, year, as_of) for kind in MONEY_KINDS)
    return year < open_from or project.must_be_planned


def is_candidate(project: Project, year: int, open_from: int) -> bool:
    """A project that asks for money in an open year without being bound to it."""
    return project.is_live and year >= open_from and not project.must_be_planned
