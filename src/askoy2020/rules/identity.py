"""Ids are unique and every reference resolves."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable, Iterator, Mapping

from ..core.diagnostics import Location, Say, Severity
from ..model import Portfolio, Record
from .registry import CheckContext, Finding, rule

PROGRAMME, AREA, AREA_GOAL = Say("programme", "program"), Say("programme area", "programområde"), \
    Say("area goal", "områdemål")
PROJECT, LEADER, LEADER_GOAL = Say("project", "prosjekt"), Say("leader", "leder"), Say("leader goal", "ledermål")
GOAL, CASE = Say("goal", "mål"), Say("quality case", "kvalitetssak")
UNIT, ROUTINE, FINDING = Say("unit", "enhet"), Say("routine", "rutine"), Say("audit finding", "funn")
RISK = Say("risk", "risiko")


def _identified(p: Portfolio) -> Iterator[tuple[str, Say, Record]]:
    if p.programme:
        yield p.programme.id, PROGRAMME, p.programme
    for area in p.areas:
        yield area.id, AREA, area
        for goal in area.goals:
            yield goal.id, AREA_GOAL, goal
    for project in p.projects:
        yield project.id, PROJECT, project
    for leader in p.leaders:
        yield leader.id, LEADER, leader
        for lgoal in leader.goals:
            yield lgoal.id, LEADER_GOAL, lgoal
    for case in p.cases:
        yield case.id, CASE, case
    for unit in p.units:
        yield unit.id, UNIT, unit
        for routine in unit.routines:
            yield routine.id, ROUTINE, routine
    for finding in p.findings:
        yield finding.id, FINDING, finding
    for risk in p.risks:
        yield risk.id, RISK, risk


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
    seen: dict[str, tuple[str, Say, Record]] = {}
    for ident, what, record in _identified(ctx.portfolio):
        key = id_key(ident)
        if key in seen:
            first_ident, first_what, first_record = seen[key]
            first = first_record.where("id")
            spelled = Say("", "") if first_ident == ident else Say(
                f" as '{first_ident}' (ids ignore upper/lower case)",
                f" som «{first_ident}» (id-er skiller ikke mellom store og små bokstaver)")
            yield Finding(
                record.where("id"),
                Say(f"id '{ident}' ({what.en}) is already used{spelled.en} by a {first_what.en} at {first}",
                    f"id-en «{ident}» ({what.nb}) er allerede brukt{spelled.nb} i {first} ({first_what.nb})"),
                Say("Give one of them a new id; ids are unique across all files.",
                    "Gi en av dem en ny id; en id må være unik på tvers av alle filer."),
                (first,),
            )
        else:
            seen[key] = (ident, what, record)


def _unknown(ref: str, known: Iterable[str], what: Say, where: Location, owner: Say) -> Finding:
    same = [k for k in known if id_key(k) == id_key(ref)]
    close = same or difflib.get_close_matches(ref, list(known), n=1, cutoff=0.6)
    hint = Say(f"Did you mean '{close[0]}'?", f"Mente du «{close[0]}»?") if close else \
        Say(f"Check the id; no {what.en} has it.", f"Kontroller id-en; det finnes ikke noe {what.nb} med den.")
    if same:
        hint += Say(" References must match the id's upper and lower case exactly.",
                    " En referanse må ha nøyaktig de samme store og små bokstavene som id-en.")
    return Finding(where, Say(f"{owner.en} refers to {what.en} '{ref}', which does not exist",
                              f"{owner.nb} viser til {what.nb} «{ref}», som ikke finnes"), hint)


@rule("ASK202", "unknown-reference", Severity.ERROR)
def unknown_reference(ctx: CheckContext) -> Iterator[Finding]:
    """A reference to an area, project or goal that does not exist.

    Checked: project → area, dependency → project, project → area goal,
    leader → area, leader goal → project and area goal, quality case →
    area, project and goal, risk → area and project.

    FAIL:
        area: DKK
    PASS:
        area: DK
    """
    p = ctx.portfolio
    areas, projects = p.area_by_id, p.project_by_id
    area_goals, goals = p.area_goal_by_id, p.goal_by_id
    skip = p.unvalidated_ids  # already reported as schema problems

    def check(ref: str | None, known: Mapping[str, object], what: Say, record: Record, path: tuple[object, ...],
              owner: Say) -> Iterator[Finding]:
        # The position is looked up only when the reference is broken.
        if ref is not None and ref not in known and ref not in skip:
            yield _unknown(ref, known, what, record.where(*path), owner)

    def named(what: Say, ident: str) -> Say:
        return Say(f"{what.en} {ident}", f"{what.nb} {ident}")

    for project in p.projects:
        owner = named(PROJECT, project.id)
        yield from check(project.area, areas, AREA, project, ("area",), owner)
        for i, dep in enumerate(project.depends_on):
            yield from check(dep.project, projects, PROJECT, project, ("depends_on", i, "project"), owner)
        for i, goal_id in enumerate(project.goals):
            yield from check(goal_id, area_goals, AREA_GOAL, project, ("goals", i), owner)
    for leader in p.leaders:
        owner = named(LEADER, leader.id)
        yield from check(leader.area, areas, AREA, leader, ("area",), owner)
        for goal in leader.goals:
            for i, ref in enumerate(goal.projects):
                yield from check(ref, projects, PROJECT, goal, ("projects", i), named(GOAL, goal.id))
            for i, ref in enumerate(goal.area_goals):
                yield from check(ref, area_goals, AREA_GOAL, goal, ("area_goals", i), named(GOAL, goal.id))
    for case in p.cases:
        owner = named(CASE, case.id)
        yield from check(case.area, areas, AREA, case, ("area",), owner)
        yield from check(case.project, projects, PROJECT, case, ("project",), owner)
        yield from check(case.goal, goals, GOAL, case, ("goal",), owner)
    for risk in p.risks:
        owner = named(RISK, risk.id)
        yield from check(risk.area, areas, AREA, risk, ("area",), owner)
        yield from check(risk.project, projects, PROJECT, risk, ("project",), owner)
