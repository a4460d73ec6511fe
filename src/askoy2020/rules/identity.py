"""Ids are unique and every reference resolves."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable, Iterator, Mapping

from ..core.diagnostics import Location, Severity
from ..model import Portfolio, Record
from .registry import CheckContext, Finding, rule


def _identified(p: Portfolio) -> Iterator[tuple[str, str, Record]]:
    if p.programme:
        yield p.programme.id, "programme", p.programme
    for area in p.areas:
        yield area.id, "programme area", area
        for goal in area.goals:
            yield goal.id, "area goal", goal
    for project in p.projects:
        yield project.id, "project", project
    for leader in p.leaders:
        yield leader.id, "leader", leader
        for lgoal in leader.goals:
            yield lgoal.id, "leader goal", lgoal
    for case in p.cases:
        yield case.id, "quality case", case


def id_key(ident: str) -> str:
    """What makes two ids the same: ``DK-05`` and ``dk-05``, or an ``Å``
    written as one character or as A plus a ring, would be told apart by a
    computer but not by a reader, a spreadsheet or a case-blind file system."""
    return unicodedata.normalize("NFC", ident).casefold()


@rule("ASK201", "duplicate-id", Severity.ERROR)
def duplicate_id(ctx: CheckContext) -> Iterator[Finding]:
    """An id is used by two records (ids are unique across all files).

    Goals share the namespace, so a quality case or leader can link to any
    goal by id alone. Ids that differ only in upper and lower case (DK-03,
    dk-03) are the same id.

    FAIL (two files):
        id: DK-03        # programmes/digital/projects/a.yaml
        id: dk-03        # programmes/digital/projects/b.yaml
    PASS:
        id: DK-03
        id: DK-04
    """
    # Positions are looked up only for a duplicate: 20,000 records, few problems.
    seen: dict[str, tuple[str, str, Record]] = {}
    for ident, what, record in _identified(ctx.portfolio):
        key = id_key(ident)
        if key in seen:
            first_ident, first_what, first_record = seen[key]
            first = first_record.where("id")
            spelled = "" if first_ident == ident else f" as '{first_ident}' (ids ignore upper/lower case)"
            yield Finding(
                record.where("id"), f"id '{ident}' ({what}) is already used{spelled} by a {first_what} at {first}",
                "Give one of them a new id; ids are unique across all files.", (first,),
            )
        else:
            seen[key] = (ident, what, record)


def _unknown(ref: str, known: Iterable[str], what: str, where: Location, owner: str) -> Finding:
    same = [k for k in known if id_key(k) == id_key(ref)]
    close = same or difflib.get_close_matches(ref, list(known), n=1, cutoff=0.6)
    hint = f"Did you mean '{close[0]}'?" if close else f"Check the id; no {what} has it."
    if same:
        hint += " References must match the id's upper and lower case exactly."
    return Finding(where, f"{owner} refers to {what} '{ref}', which does not exist", hint)


@rule("ASK202", "unknown-reference", Severity.ERROR)
def unknown_reference(ctx: CheckContext) -> Iterator[Finding]:
    """A reference to an area, project or goal that does not exist.

    Checked: project → area, dependency → project, project → area goal,
    leader → area, leader goal → project and area goal, quality case →
    area, project and goal.

    FAIL:
        area: DKK
    PASS:
        area: DK
    """
    p = ctx.portfolio
    areas, projects = p.area_by_id, p.project_by_id
    area_goals, goals = p.area_goal_by_id, p.goal_by_id
    skip = p.unvalidated_ids  # already reported as schema problems

    def check(ref: str | None, known: Mapping[str, object], what: str, record: Record, path: tuple[object, ...],
              owner: str) -> Iterator[Finding]:
        # The position is looked up only when the reference is broken.
        if ref is not None and ref not in known and ref not in skip:
            yield _unknown(ref, known, what, record.where(*path), owner)

    for project in p.projects:
        owner = f"project {project.id}"
        yield from check(project.area, areas, "programme area", project, ("area",), owner)
        for i, dep in enumerate(project.depends_on):
            yield from check(dep.project, projects, "project", project, ("depends_on", i, "project"), owner)
        for i, goal_id in enumerate(project.goals):
            yield from check(goal_id, area_goals, "area goal", project, ("goals", i), owner)
    for leader in p.leaders:
        owner = f"leader {leader.id}"
        yield from check(leader.area, areas, "programme area", leader, ("area",), owner)
        for goal in leader.goals:
            for i, ref in enumerate(goal.projects):
                yield from check(ref, projects, "project", goal, ("projects", i), f"goal {goal.id}")
            for i, ref in enumerate(goal.area_goals):
                yield from check(ref, area_goals, "area goal", goal, ("area_goals", i), f"goal {goal.id}")
    for case in p.cases:
        owner = f"quality case {case.id}"
        yield from check(case.area, areas, "programme area", case, ("area",), owner)
        yield from check(case.project, projects, "project", case, ("project",), owner)
        yield from check(case.goal, goals, "goal", case, ("goal",), owner)
