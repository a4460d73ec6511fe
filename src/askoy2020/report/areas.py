"""Omstilling 2020 per programme area: goals, projects, delays and the
charts' bars, nodes and edges; and the programme-wide view of the
dependencies that cross areas."""

from __future__ import annotations

import datetime as dt

from ..core.identity_numbers import mask
from ..model import Portfolio, Project, ProjectStatus
from ..model.base import Goal
from ..model.budget import MoneyKind
from ..model.project import Strength
from ..model.schedule import knock_on
from .model import AreaSection, Bar, CrossArea, Delay, Edge, GoalRow, Node, ProjectRow

# About two lines of a goal chart's label column; the table shows the whole text.
_LABEL_CHARS = 64


def goal_row(goal: Goal, year: int, as_of: dt.date) -> GoalRow:
    attainment, on_track, latest = goal.progress(year, as_of)
    return GoalRow(
        goal.id, goal.text, goal.indicator, goal.unit,
        goal.baseline.value if goal.baseline else None, goal.baseline.year if goal.baseline else None,
        latest.value if latest else None, latest.date if latest else None, goal.targets.get(year), attainment,
        on_track, latest.source if latest else None, goal.is_stale(as_of),
        short_label(goal.text),
        goal.expected_share(year, latest.date) if latest else None, goal.expected_share(year, as_of),
    )


def short_label(text: str, limit: int = _LABEL_CHARS) -> str:
    """``text`` on one line, cut at a word before ``limit`` characters."""
    words = " ".join(mask(text).split())  # masked before it is cut
    if len(words) <= limit:
        return words
    cut = words[:limit - 1].rsplit(" ", 1)[0] or words[:limit - 1]
    return cut.rstrip(" ,.;:–-") + "…"


def in_period(project: Project, year: int) -> bool:
    """Whether the schedule and the dependency diagrams show the project:
    planned, active and paused ones always, completed and cancelled ones
    when they ended in the report year or later. Older history is folded
    into a line of the caption: in 2020 the 2018 projects only crowd out
    what the meeting has to decide about."""
    if project.status not in (ProjectStatus.COMPLETED, ProjectStatus.CANCELLED):
        return True
    end = project.end()
    return end is None or end.year >= year


class _Marks:
    """Red and late, once per project, for the bars and the nodes."""

    def __init__(self, portfolio: Portfolio, as_of: dt.date, after: dict[str, list[Project]]) -> None:
        self._portfolio, self._as_of, self._after = portfolio, as_of, after
        self._delays: dict[str, Delay | None] = {}

    def delay(self, project: Project) -> Delay | None:
        if project.id not in self._delays:
            self._delays[project.id] = delay(project, self._as_of, self._after, len(self._portfolio.projects))
        return self._delays[project.id]

    def late_days(self, project: Project) -> int:
        found = self.delay(project)
        return found.days if found else 0

    def bar(self, project: Project) -> Bar | None:
        start, end = project.start(), project.end()
        if start is None or end is None:
            return None
        if project.planned.end is not None:
            end = min(end, project.planned.end)  # a late end is the bar's forecast part
        return Bar(project.id, start, end, project.status.value, self.late_days(project), project.is_red(self._as_of))

    def node(self, project_id: str) -> Node:
        project = self._portfolio.project_by_id[project_id]
        return Node(project.id, project.area, project.status.value, self.late_days(project),
                    project.is_red(self._as_of))


def _edges(year: int, edges: list[tuple[Project, Project, bool]]
           ) -> tuple[list[Edge], list[Edge]]:
    """The edges that touch the report period, and those folded away."""
    shown: list[Edge] = []
    folded: list[Edge] = []
    for pred, succ, hard in edges:
        (shown if in_period(pred, year) or in_period(succ, year) else folded).append(Edge(pred.id, succ.id, hard))
    return shown, folded


def build_area(
    portfolio: Portfolio, area_id: str, year: int, as_of: dt.date,
    after: dict[str, list[Project]],
) -> AreaSection:
    area = portfolio.area_by_id[area_id]
    marks = _Marks(portfolio, as_of, after)
    projects = sorted(portfolio.projects_in(area_id), key=lambda p: p.id)
    rows = [ProjectRow(p.id, p.name, p.status.value, rag.value if (rag := p.rag(as_of)) else None, p.start(), p.end(),
                       p.budget(MoneyKind.DRIFT, year, as_of), p.staff.get(year, 0.0)) for p in projects]
    delays = [d for p in projects if (d := marks.delay(p)) is not None]
    bars = [(bar, in_period(p, year)) for p in projects if (bar := marks.bar(p)) is not None]
    by_id = portfolio.project_by_id
    edges, folded_edges = _edges(year, [
        (by_id[d.project], p, d.strength is Strength.HARD) for p in projects for d in p.depends_on
        if d.project in by_id])
    return AreaSection(
        area.id, area.name, area.owner, area.illustrative, portfolio.frame(MoneyKind.DRIFT, year, as_of, area.id),
        sum(p.budget(MoneyKind.DRIFT, year, as_of) for p in projects if p.is_live),
        [goal_row(g, year, as_of) for g in area.goals], rows, delays,
        [bar for bar, shown in bars if shown], edges,
        [marks.node(i) for i in sorted({e.pred for e in edges} | {e.succ for e in edges})],
        folded_bars=[bar for bar, shown in bars if not shown], folded_edges=folded_edges,
    )


def build_cross_area(portfolio: Portfolio, year: int, as_of: dt.date, after: dict[str, list[Project]]) -> CrossArea:
    """Every dependency between projects of two different areas: the ones
    programme management has to steer, since no area owns them."""
    marks = _Marks(portfolio, as_of, after)
    by_id = portfolio.project_by_id
    crossing = [(by_id[d.project], p, d.strength is Strength.HARD)
                for p in sorted(portfolio.projects, key=lambda p: p.id) for d in p.depends_on
                if d.project in by_id and by_id[d.project].area != p.area]
    edges, folded = _edges(year, crossing)
    ids = sorted({e.pred for e in edges} | {e.succ for e in edges}, key=lambda i: (by_id[i].area, i))
    return CrossArea([marks.node(i) for i in ids], edges, folded)


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
