"""The report's money: rounds, frames as adopted and revised, budget against
actual and forecast per area and kind, and planned against realised gains.

Figures are as known on the report's day: a tertial is used only once it
has ended, a revision only from its date (model/budget.py)."""

from __future__ import annotations

import datetime as dt

from ..model import Portfolio, Project
from ..model.budget import MONEY_KINDS, BenefitKind, MoneyKind
from ..model.forecast import money_sum, newest_period
from .model import BenefitRow, FrameRow, MoneyRow, MoneySection, RoundRow


def build_money(portfolio: Portfolio, year: int, as_of: dt.date) -> MoneySection | None:
    programme = portfolio.programme
    if programme is None:
        return None
    speaking = programme.round_for_year(year, as_of)
    rounds = [RoundRow(r.year, r.years()[0], r.years()[-1], r.decision, r.adopted, r is speaking)
              for r in sorted(programme.rounds, key=lambda r: r.year) if r.adopted <= as_of]
    frames = []
    if speaking is not None:
        for kind in MoneyKind:
            if speaking.frame(kind, year, as_of) is None and speaking.adopted_frame(kind, year) is None:
                continue
            revisions = [f"{r.decision} ({r.date:%d.%m.%Y})" for r in speaking.revisions
                         if r.date <= as_of and year in r.frames.of(kind)]
            frames.append(FrameRow(kind.value, speaking.adopted_frame(kind, year), speaking.frame(kind, year, as_of),
                                   revisions))
    period = newest_period(year, as_of)
    live = [p for p in portfolio.projects if p.is_live or _spent_any(p, year, as_of)]
    rows = []
    for kind in MONEY_KINDS:
        whole = _row("", kind, portfolio.frame(kind, year, as_of), live, year, as_of)
        if whole.frame is None and not whole.revised_budget and whole.actual is None:
            continue  # no frame and no money of this kind this year
        rows.append(whole)
        for area in sorted(portfolio.areas, key=lambda a: a.id):
            mine = [p for p in live if p.area == area.id]
            if any(p.budget(kind, year, as_of) or p.spent(kind, year, as_of) for p in mine):
                rows.append(_row(area.id, kind, portfolio.frame(kind, year, as_of, area.id), mine, year, as_of))
    # A gain is realised over its year: only ended years can be compared.
    gains_to = year if dt.date(year, 12, 31) <= as_of else year - 1
    benefits = []
    for gain in (BenefitKind.ECONOMIC, BenefitKind.STAFF):
        benefits.append(_benefit_row("", gain, portfolio.projects, gains_to))
        for area in sorted(portfolio.areas, key=lambda a: a.id):
            row = _benefit_row(area.id, gain, portfolio.projects_in(area.id), gains_to)
            if row.planned or row.realised or row.taken_out:
                benefits.append(row)
    proposed = speaking is not None and speaking.adopted > as_of  # the round being prepared, not yet adopted
    return MoneySection(rounds, period.value if period else None, programme.staff_funding.value,
                        frames, rows, benefits, gains_to, proposed)


def _spent_any(project: Project, year: int, as_of: dt.date) -> bool:
    # A cancelled project's money spent before it stopped still counts in the year's accounts.
    return any(project.spent(kind, year, as_of) for kind in MONEY_KINDS)


def _row(area: str, kind: MoneyKind, frame: float | None, projects: list[Project], year: int,
         as_of: dt.date) -> MoneyRow:
    total = money_sum(projects, kind, year, as_of)
    return MoneyRow(area, kind.value, frame, total.revised, total.actual, total.forecast, total.missing)


def _benefit_row(area: str, kind: BenefitKind, projects: list[Project], year: int) -> BenefitRow:
    planned = realised = taken = 0.0
    for project in projects:
        for benefit in project.benefits:
            if benefit.kind is not kind:
                continue
            planned += sum(v for y, v in benefit.planned.items() if y <= year)
            realised += sum(v for y, v in benefit.realised.items() if y <= year)
            taken += sum(t.amount for t in benefit.take_outs if t.year <= year)
    return BenefitRow(area, kind.value, planned, realised, taken)
