"""Omstilling 2020 per programme area: goals, projects, delays and the
charts' bars and edges."""

from __future__ import annotations

import datetime as dt

from ..model import Portfolio, Project, ProjectStatus
from ..model.base import Goal
from ..model.budget import MoneyKind
from ..model.project import Strength
from ..model.schedule import knock_on
from .model import AreaSection, Bar, Delay, Edge, GoalRow, ProjectRow


def goal_row(goal: Goal, year: int, as_of: dt.date) -> GoalRow:
    attainment, on_track, latest = goal.progress(year, as_of)
    return GoalRow(
        goal.id, goal.text, goal.indicator, goal.unit,
        goal.baseline.value if goal.baseline else None, goal.baseline.year if goal.baseline else None,
        latest.value if latest else None, latest.date if latest else None, goal.targets.get(year), attainment,
        on_track, latest.source if latest else None, goal.is_stale(as_of),
    )


def build_area(
    portfolio: Portfolio, area_id: str, year: int, as_of: dt.date,
    after: dict[str, list[Project]],
) -> AreaSection:
    area = portfolio.area_by_id[area_id]
    projects = sorted(portfolio.projects_in(area_id), key=lambda p: p.id)
    rows = [ProjectRow(p.id, p.name, p.status.value, rag.value if (rag := p.rag(as_of)) else None, p.start(), p.end(),
                       p.budget(MoneyKind.DRIFT, year, as_of), p.staff.get(year, 0.0)) for p in projects]
    delays = [d for p in projects if (d := delay(p, as_of, after, len(portfolio.projects))) is not None]
    bars = [Bar(p.id, s, e, p.status.value) for p in projects
            if (s := p.start()) is not None and (e := p.end()) is not None and p.is_live]
    ids = {p.id for p in projects}
    edges = [Edge(d.project, p.id, d.strength is Strength.HARD) for p in projects for d in p.depends_on
             if d.project in ids or d.project in portfolio.project_by_id]
    return AreaSection(
        area.id, area.name, area.owner, area.illustrative, portfolio.frame(MoneyKind.DRIFT, year, as_of, area.id),
        sum(p.budget(MoneyKind.DRIFT, year, as_of) for p in projects if p.is_live),
        [goal_row(g, year, as_of) for g in area.goals], rows, delays, bars, edges,
        sorted({e.pred for e in edges} | {e.succ for e in edges}),
    )


def delay(project: Project, as_of: dt.date, after: dict[str, list[Project]], count: int) -> Delay | None:
    """How late a project is or is expected to be, and how far that pushes
    the projects after it (model/schedule.py, as ASK415 says it): a
    completed project by its actual end; one still running by its forecast
    end, and at least by today once its planned end has passed."""
    planned_end = project.planned.end
    if planned_end is None or not project.is_live:
        return None
    if project.status is ProjectStatus.COMPLETED:
        end = project.actual.end or planned_end
    else:
        end = max(project.forecast_end(as_of) or planned_end, as_of if as_of > planned_end else planned_end)
    late = (end - planned_end).days
    if late <= 0:
        return None
    pushed = knock_on(after, count, project, end)
    return Delay(project.id, late, [(succ.id, new - old) for succ, old, new in pushed])
