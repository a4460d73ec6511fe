"""Project dependencies: no cycles, dates in order, statuses consistent."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator

from ..core import bokmal as nb
from ..core.diagnostics import Location, Say, Severity
from ..model import Dependency, Project, ProjectStatus
from ..model.project import DependencyType, Strength, dependency_holds
from .registry import CheckContext, Finding, rule
from .words import STATUS, days

# successor id -> [(predecessor id, index in the successor's depends_on)];
# the index, not a Location, so positions are looked up only for a cycle.
Edges = dict[str, list[tuple[str, int]]]


def _edges(projects: dict[str, Project]) -> Edges:
    edges: Edges = {}
    for pid in sorted(projects):
        edges[pid] = [(dep.project, i) for i, dep in enumerate(projects[pid].depends_on) if dep.project in projects]
    return edges


def _strongly_connected(edges: Edges) -> list[list[str]]:
    """Tarjan's algorithm, iterative so a long chain cannot hit the
    recursion limit; linear in projects + dependencies."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    groups: list[list[str]] = []
    counter = 0
    for root in edges:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            successors = edges[node]
            if i < len(successors):
                work.append((node, i + 1))
                nxt = successors[i][0]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                groups.append(group)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return groups


def _cycle_in(group: set[str], edges: Edges) -> list[tuple[str, int]]:
    """A shortest cycle through the group's smallest id, as (node, index of
    the dependency it leaves by) steps."""
    start = min(group)
    came_from: dict[str, tuple[str, int]] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for nxt, where in edges[node]:
            if nxt not in group:
                continue
            if nxt == start:
                steps = [(node, where)]
                while node != start:
                    node, edge = came_from[node]
                    steps.append((node, edge))
                return list(reversed(steps))
            if nxt not in came_from:
                came_from[nxt] = (node, where)
                queue.append(nxt)
    return []


@rule("ASK301", "dependency-cycle", Severity.ERROR)
def dependency_cycle(ctx: CheckContext) -> Iterator[Finding]:
    """Projects depend on each other in a circle, so none can start.

    The message prints the whole cycle in order and lists every edge's
    file and line.

    FAIL:
        id: DK-01
        depends_on: [{project: DK-02}]
        ---
        id: DK-02
        depends_on: [{project: DK-01}]
    PASS:
        id: DK-02
        depends_on: []
    """
    projects = ctx.portfolio.project_by_id
    edges = _edges(projects)
    for group in _strongly_connected(edges):
        members = set(group)
        if len(group) == 1 and not any(p == group[0] for p, _ in edges[group[0]]):
            continue
        steps = [(node, projects[node].where("depends_on", i, "project")) for node, i in _cycle_in(members, edges)]
        nodes = [node for node, _ in steps] + [steps[0][0]]
        pairs = list(zip(steps, steps[1:] + steps[:1]))
        edges_en = [f"{node} → {nxt} at {where}" for (node, where), (nxt, _) in pairs]
        edges_nb = [f"{node} → {nxt} i {where}" for (node, where), (nxt, _) in pairs]
        yield Finding(
            steps[0][1],
            Say(f"dependency cycle: {' → '.join(_elide(nodes))} (each depends on the next)",
                f"sirkulær avhengighet: {' → '.join(_elide(nodes, more='flere'))} (hvert prosjekt avhenger av "
                "det neste)"),
            Say(f"Remove or reverse one of these dependencies: {'; '.join(_elide(edges_en, 3, 1))}.",
                f"Fjern eller snu én av disse avhengighetene: {'; '.join(_elide(edges_nb, 3, 1, 'flere'))}."),
            _capped([where for _, where in steps[1:]]),
        )


# A message names at most HEAD + TAIL projects (the hint 3 + 1 edges with
# their file:line), so a cycle through 5,000 projects is one readable line,
# not 385 KB.
HEAD, TAIL = 10, 2


def _elide(items: list[str], head: int = HEAD, tail: int = TAIL, more: str = "more") -> list[str]:
    """The first ``head`` and last ``tail`` items, with how many (``more``)
    are left out between."""
    if len(items) <= head + tail + 1:
        return items
    return items[:head] + [f"… {len(items) - head - tail} {more} …"] + items[-tail:]


def _capped(locations: list[Location]) -> tuple[Location, ...]:
    """At most HEAD + TAIL related locations: the first and the last."""
    if len(locations) <= HEAD + TAIL:
        return tuple(locations)
    return tuple(locations[:HEAD] + locations[-TAIL:])


@rule("ASK306", "duplicate-dependency", Severity.ERROR)
def duplicate_dependency(ctx: CheckContext) -> Iterator[Finding]:
    """A project names the same predecessor more than once in depends_on;
    the entries may disagree on type, strength or lag, and only one can hold.

    FAIL:
        depends_on:
          - {project: DK-01, type: finish-to-start}
          - {project: DK-01, type: start-to-start}
    PASS:
        depends_on:
          - {project: DK-01, type: finish-to-start}
    """
    for project in ctx.portfolio.projects:
        places: dict[str, list[int]] = {}
        for i, dep in enumerate(project.depends_on):
            places.setdefault(dep.project, []).append(i)
        for pred, where in places.items():
            if len(where) < 2:
                continue
            first = project.where("depends_on", where[0], "project")
            yield Finding(
                project.where("depends_on", where[1], "project"),
                Say(f"{project.id} depends on {pred} {len(where)} times (first at {first})",
                    f"{project.id} avhenger av {pred} {len(where)} ganger (første gang i {first})"),
                Say(f"Keep one dependency on {pred} with the type, strength and lag that hold; remove the others.",
                    f"Behold én avhengighet til {pred}, med den typen, styrken og forsinkelsen som gjelder; fjern "
                    "de andre."),
                _capped([project.where("depends_on", i, "project") for i in (where[:1] + where[2:])]),
            )


def _violation(succ: Project, pred: Project, dep: Dependency) -> Say | None:
    """Why succ's dates break the dependency, or None when they hold."""
    start = succ.start()
    if dependency_holds(dep, pred.start(), pred.end(), start):
        return None
    lag = Say(f" + {dep.lag_days} days lag", f" + {days(dep.lag_days).nb} forsinkelse") if dep.lag_days else Say("", "")
    if dep.type is DependencyType.FINISH_TO_START:
        return Say(f"{succ.id} starts {start} but must wait for {pred.id} to finish ({pred.end()}{lag.en})",
                   f"{succ.id} starter {nb.date(start)}, men må vente til {pred.id} er ferdig "
                   f"({nb.date(pred.end())}{lag.nb})")
    return Say(f"{succ.id} starts {start} but {pred.id} starts {pred.start()}{lag.en}",
               f"{succ.id} starter {nb.date(start)}, men {pred.id} starter {nb.date(pred.start())}{lag.nb}")


# "slutt-til-start-avhengigheten er brutt"
_DEPENDENCY_NB = {DependencyType.FINISH_TO_START: "slutt-til-start-avhengigheten",
                  DependencyType.START_TO_START: "start-til-start-avhengigheten"}


def _date_findings(ctx: CheckContext, strength: Strength) -> Iterator[Finding]:
    projects = ctx.portfolio.project_by_id
    for succ in ctx.portfolio.projects:
        if succ.status is ProjectStatus.CANCELLED:
            continue
        for i, dep in enumerate(succ.depends_on):
            pred = projects.get(dep.project)
            if dep.strength is not strength or pred is None or pred.status is ProjectStatus.CANCELLED:
                continue
            why = _violation(succ, pred, dep)
            if why:
                yield Finding(
                    succ.where("depends_on", i),
                    Say(f"{dep.type.value} dependency broken: {why.en}",
                        f"{_DEPENDENCY_NB[dep.type]} er brutt: {why.nb}"),
                    Say(f"Move {succ.id}'s start, or {pred.id}'s dates, or change the dependency's lag_days.",
                        f"Flytt starten på {succ.id} eller datoene til {pred.id}, eller endre lag_days på "
                        "avhengigheten."),
                    (pred.where("planned"),),
                )


@rule("ASK302", "hard-dependency-dates", Severity.ERROR)
def hard_dependency_dates(ctx: CheckContext) -> Iterator[Finding]:
    """A project starts before its hard predecessor allows.

    finish-to-start: start ≥ predecessor's end + lag; start-to-start:
    start ≥ predecessor's start + lag. Actual dates are used when known.

    FAIL (DK-01 ends 2019-06-30):
        id: DK-02
        planned: {start: 2019-03-01, end: 2020-06-30}
        depends_on: [{project: DK-01, type: finish-to-start}]
    PASS:
        planned: {start: 2019-07-01, end: 2020-06-30}
    """
    return _date_findings(ctx, Strength.HARD)


@rule("ASK303", "soft-dependency-dates", Severity.WARNING)
def soft_dependency_dates(ctx: CheckContext) -> Iterator[Finding]:
    """A project starts before its soft (preferred-order) predecessor allows.

    FAIL:
        depends_on: [{project: DK-01, strength: soft}]   # DK-01 ends later
    PASS:
        depends_on: [{project: DK-01, strength: soft}]   # DK-01 ends before
    """
    return _date_findings(ctx, Strength.SOFT)


@rule("ASK304", "completed-before-predecessor", Severity.ERROR)
def completed_before_predecessor(ctx: CheckContext) -> Iterator[Finding]:
    """A completed project whose hard predecessor is not completed.

    FAIL (DK-01 is active):
        id: DK-02
        status: completed
        depends_on: [{project: DK-01}]
    PASS (DK-01 is completed too).
    """
    projects = ctx.portfolio.project_by_id
    for succ in ctx.portfolio.projects:
        if succ.status is not ProjectStatus.COMPLETED:
            continue
        for i, dep in enumerate(succ.depends_on):
            pred = projects.get(dep.project)
            if dep.strength is Strength.HARD and pred and pred.status is not ProjectStatus.COMPLETED:
                yield Finding(
                    succ.where("depends_on", i),
                    Say(f"{succ.id} is completed but its hard predecessor {pred.id} is {pred.status.value}",
                        f"{succ.id} er fullført, men den harde forgjengeren {pred.id} er {STATUS[pred.status]}"),
                    Say(f"Complete {pred.id} first, or mark the dependency strength: soft.",
                        f"Fullfør {pred.id} først, eller sett strength: soft på avhengigheten."),
                    (pred.where("status"),),
                )


@rule("ASK305", "depends-on-cancelled", Severity.ERROR)
def depends_on_cancelled(ctx: CheckContext) -> Iterator[Finding]:
    """A planned, active or paused project depends on a cancelled one.

    FAIL (DK-01 is cancelled):
        id: DK-02
        status: planned
        depends_on: [{project: DK-01}]
    PASS: remove the dependency, or cancel DK-02 too.
    """
    projects = ctx.portfolio.project_by_id
    live = (ProjectStatus.PLANNED, ProjectStatus.ACTIVE, ProjectStatus.PAUSED)
    for succ in ctx.portfolio.projects:
        if succ.status not in live:
            continue
        for i, dep in enumerate(succ.depends_on):
            pred = projects.get(dep.project)
            if pred and pred.status is ProjectStatus.CANCELLED:
                yield Finding(
                    succ.where("depends_on", i),
                    Say(f"{succ.id} is {succ.status.value} but depends on the cancelled project {pred.id}",
                        f"{succ.id} er {STATUS[succ.status]}, men avhenger av det avbrutte prosjektet {pred.id}"),
                    Say("Remove the dependency, point it to the project that replaces it, or cancel this project.",
                        "Fjern avhengigheten, la den peke på prosjektet som erstatter det avbrutte, eller avbryt "
                        "også dette prosjektet."),
                    (pred.where("status"),),
                )
