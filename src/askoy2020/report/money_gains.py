"""Gevinstrealisering in the report: gains planned against realised per
area, and how much of them the council has taken out of the frames.

A gain counts as planned when its project is not cancelled (the promise
went with it) and, in an open year, when the project is bound there – a
candidate's gain is a promise only once it is chosen. What was realised
counts whatever became of the project. A take-out counts for the area
whose frame it lowered, which need not be the project's own.
"""

from __future__ import annotations

from ..model import Portfolio, Project
from ..model.budget import Benefit, BenefitKind
from ..model.forecast import is_candidate
from .money_model import BenefitRow, QualityGainRow


def benefit_rows(portfolio: Portfolio, ended: int, last: int, open_from: int) -> list[BenefitRow]:
    """Per kind (economic, staff): the programme, then each area with a
    gain. ``ended`` is the last year that has ended; ``last`` the last year
    of the round: the years after ``ended`` up to it are ahead."""
    rows = []
    for kind in (BenefitKind.ECONOMIC, BenefitKind.STAFF):
        whole = _row("", kind, portfolio.projects, portfolio, ended, last, open_from)
        if not _any(whole):
            continue
        rows.append(whole)
        for area in sorted(portfolio.areas, key=lambda a: a.id):
            row = _row(area.id, kind, portfolio.projects_in(area.id), portfolio, ended, last, open_from)
            if _any(row):
                rows.append(row)
    return rows


def _any(row: BenefitRow) -> bool:
    return bool(row.planned or row.realised or row.taken_out or row.planned_ahead or row.taken_out_ahead)


def _row(area: str, kind: BenefitKind, projects: list[Project], portfolio: Portfolio, ended: int, last: int,
         open_from: int) -> BenefitRow:
    planned = realised = planned_ahead = 0.0
    for project in projects:
        for benefit in _of_kind(project, kind):
            for year, value in benefit.planned.items():
                if not project.is_live or is_candidate(project, year, open_from):
                    continue
                if year <= ended:
                    planned += value
                elif year <= last:
                    planned_ahead += value
            realised += sum(v for y, v in benefit.realised.items() if y <= ended)
    taken = [out for project in portfolio.projects for benefit in _of_kind(project, kind)
             for out in benefit.take_outs if not area or out.area == area]
    return BenefitRow(area, kind.value, planned, realised, sum(t.amount for t in taken if t.year <= ended),
                      planned_ahead, sum(t.amount for t in taken if ended < t.year <= last))


def _of_kind(project: Project, kind: BenefitKind) -> list[Benefit]:
    return [b for b in project.benefits if b.kind is kind]


def quality_gains(portfolio: Portfolio, year: int, ended: int) -> list[QualityGainRow]:
    """Quality gains of the projects not cancelled: the indicator's level
    planned for the report year and the newest realised (in an ended year)."""
    rows = []
    for project in sorted(portfolio.projects, key=lambda p: p.id):
        if not project.is_live:
            continue
        for benefit in _of_kind(project, BenefitKind.QUALITY):
            realised = [y for y in benefit.realised if y <= ended]
            newest = max(realised) if realised else None
            planned = benefit.planned.get(year)
            if planned is None and newest is None:
                continue
            goal = portfolio.area_goal_by_id.get(benefit.goal or "")
            rows.append(QualityGainRow(project.id, benefit.goal or "", goal.indicator if goal else "",
                                       goal.unit if goal else "", year, planned,
                                       benefit.realised[newest] if newest is not None else None, newest))
    return rows
