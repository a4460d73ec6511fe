"""The round's years per area against the frames, and the investments with
their financing: what a budget meeting weighs for the økonomiplan."""

from __future__ import annotations

import datetime as dt

from ..model import Portfolio, Project
from ..model.budget import MONEY_KINDS, MoneyKind
from ..model.forecast import in_budget, is_candidate, money_sum, newest_period
from .money_model import AreaYearRow, InvestmentRow


def area_years(portfolio: Portfolio, years: list[int], as_of: dt.date, open_from: int, *,
               areas: bool = True) -> list[AreaYearRow]:
    """Per kind (drift, investment, staff), the programme and then each area
    (unless ``areas`` is False), one row a year: frames adopted and revised,
    the budget the projects hold, what candidates ask, actual and forecast.
    A kind with nothing in any year is left out, as is an area's year with
    no frame and no money."""
    scopes = [""] + (sorted(a.id for a in portfolio.areas) if areas else [])
    rows: list[AreaYearRow] = []
    for kind in MoneyKind:
        block = [row for scope in scopes for y in years
                 if _shown(row := _area_year(portfolio, scope, kind, y, as_of, open_from))]
        if any(r.area == "" for r in block):
            rows += block
    return rows


def _shown(row: AreaYearRow) -> bool:
    return row.frame is not None or row.adopted_frame is not None or bool(row.budget or row.candidates) \
        or row.actual is not None


def _area_year(portfolio: Portfolio, area: str, kind: MoneyKind, year: int, as_of: dt.date,
               open_from: int) -> AreaYearRow:
    projects = portfolio.projects_in(area) if area else portfolio.projects
    counted = [p for p in projects if in_budget(p, year, as_of, open_from)]
    candidates = sum(p.budget(kind, year, as_of) for p in projects if is_candidate(p, year, open_from))
    budget = sum(p.budget(kind, year, as_of) for p in counted)
    actual = forecast = None
    period = newest_period(year, as_of)
    if kind in MONEY_KINDS:
        total = money_sum(counted, kind, year, as_of)
        actual, forecast = total.actual, total.forecast
    scope = area or None
    return AreaYearRow(area, kind.value, year, portfolio.frame(kind, year, as_of, scope, revised=False),
                       portfolio.frame(kind, year, as_of, scope), budget, candidates, actual, forecast,
                       period.value if period and kind in MONEY_KINDS else None)


def investment_rows(portfolio: Portfolio, years: list[int], as_of: dt.date, open_from: int) -> list[InvestmentRow]:
    """Every project the budget holds with an investment in the round's
    years, one row a year with its financing, then each year's sum: the
    borrowing need is the sum's loan."""
    rows = []
    for project in sorted(portfolio.projects, key=lambda p: p.id):
        for year in years:
            if in_budget(project, year, as_of, open_from) and _invests(project, year, as_of):
                rows.append(_investment(project, year, as_of))
    sums = [InvestmentRow("", "", year, *(sum(getattr(r, f) for r in rows if r.year == year) for f in _FIELDS))
            for year in years if any(r.year == year for r in rows)]
    return rows + sums


_FIELDS = ("budget", "loan", "grants", "vat_compensation", "funds")


def _invests(project: Project, year: int, as_of: dt.date) -> bool:
    return bool(project.budget(MoneyKind.INVESTMENT, year, as_of) or project.adopted(MoneyKind.INVESTMENT, year)
                or year in project.financing)


def _investment(project: Project, year: int, as_of: dt.date) -> InvestmentRow:
    financing = project.financing.get(year)
    parts = (financing.loan, financing.grants, financing.vat_compensation, financing.funds) if financing \
        else (0.0, 0.0, 0.0, 0.0)
    return InvestmentRow(project.id, project.name, year, project.budget(MoneyKind.INVESTMENT, year, as_of), *parts)


def not_in_areas(rows: list[AreaYearRow]) -> list[tuple[str, int, float]]:
    """Per kind and year, the part of the programme's revised frame that no
    area's frame holds: money the meeting can place, which neither an
    area's "udisponert" nor the areas' sum shows. Only where every area
    with a row that year has a frame, so the difference means what it says."""
    found = []
    for whole in (r for r in rows if r.area == ""):
        areas = [r for r in rows if r.area and r.kind == whole.kind and r.year == whole.year]
        if whole.frame is None or not areas or any(r.frame is None for r in areas):
            continue
        left = whole.frame - sum(r.frame or 0.0 for r in areas)
        if abs(left) > 1e-9:
            found.append((whole.kind, whole.year, left))
    return found
