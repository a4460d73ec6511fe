"""How a late project pushes the projects after it: one definition for the
rule that warns of a slip (ASK415) and the report's delays."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from .project import Project, ProjectStatus, earliest_start


def dependants(projects: Iterable[Project]) -> dict[str, list[Project]]:
    """Each project's dependants (the projects that name it in depends_on)."""
    after: dict[str, list[Project]] = {}
    for project in projects:
        for dep in project.depends_on:
            after.setdefault(dep.project, []).append(project)
    return after


def knock_on(after: dict[str, list[Project]], count: int, root: Project, end: dt.date
            ) -> list[tuple[Project, int, int]]:
    """The dependants that ``root`` ending on ``end`` pushes: each with its
    planned and its new start (day numbers), the largest push first. A
    pushed project's start and end move together and push its own
    dependants in turn (its start-to-start ones too). ``after`` lists
    each project's dependants; ``count`` is how many projects there are."""
    planned_start: dict[str, int] = {}
    pushed_by_id: dict[str, Project] = {}
    starts: dict[str, int] = {}  # new start of each pushed project
    ends: dict[str, int] = {root.id: end.toordinal()}  # new end of the root and of each pushed project
    queue = [root.id]
    # A start only ever moves later; a dependency cycle (ASK301) would move
    # it forever, so the steps are bounded.
    steps = 4 * (count + 1) ** 2
    while queue and steps > 0:
        steps -= 1
        pred = queue.pop(0)
        for succ in after.get(pred, []):
            if (succ is root or succ.planned.start is None or succ.actual.start is not None
                    or succ.status in (ProjectStatus.COMPLETED, ProjectStatus.CANCELLED)):
                continue
            planned = planned_start.setdefault(succ.id, succ.planned.start.toordinal())
            pushed_by_id.setdefault(succ.id, succ)
            for dep in succ.depends_on:
                earliest = earliest_start(dep, starts.get(pred), ends.get(pred)) if dep.project == pred else None
                if earliest is None or earliest <= starts.get(succ.id, planned):
                    continue
                starts[succ.id] = earliest
                if succ.planned.end is not None:
                    ends[succ.id] = succ.planned.end.toordinal() + earliest - planned
                queue.append(succ.id)
    pushed = [(pushed_by_id[i], planned_start[i], new) for i, new in starts.items()]
    return sorted(pushed, key=lambda d: (-(d[2] - d[1]), d[0].id))
