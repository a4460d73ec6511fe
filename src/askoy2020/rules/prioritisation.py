"""Start windows, scenarios and saved plans: what ``prioritise`` reads and writes."""

from __future__ import annotations

from collections.abc import Iterator

from ..core.diagnostics import Severity
from ..model import ProjectStatus
from ..model.plan import Plan
from ..model.prioritisation import Scenario
from .registry import CheckContext, Finding, rule


@rule("ASK407", "start-window", Severity.ERROR)
def start_window(ctx: CheckContext) -> Iterator[Finding]:
    """A start window whose earliest year is after its latest, or that does
    not contain the project's planned start (cost, staff and benefits are
    written for the planned start and move with it).

    FAIL (planned start 2020-03-01):
        start_window: {earliest: 2021, latest: 2022}
    PASS:
        start_window: {earliest: 2020, latest: 2021}
    """
    for project in ctx.portfolio.projects:
        window = project.start_window
        if window is None:
            continue
        if window.earliest > window.latest:
            yield Finding(project.where("start_window"),
                          f"{project.id}: start_window earliest {window.earliest} is after latest {window.latest}",
                          "Swap the years.")
            continue
        start = project.planned.start
        if start is not None and not window.earliest <= start.year <= window.latest:
            yield Finding(
                project.where("start_window"),
                f"{project.id}: the planned start {start} is outside its start window "
                f"{window.earliest}–{window.latest}",
                "Widen the window to include the planned start year, or move the planned dates "
                "(and the cost by year with them).",
            )


@rule("ASK408", "start-window-ignored", Severity.WARNING)
def start_window_ignored(ctx: CheckContext) -> Iterator[Finding]:
    """A start window on a project that cannot move: it is locked, or it
    has already started (active or completed). prioritise ignores it.

    FAIL:
        status: active
        start_window: {earliest: 2019, latest: 2020}
    PASS:
        status: planned
        start_window: {earliest: 2019, latest: 2020}
    """
    for project in ctx.portfolio.projects:
        if project.start_window is None:
            continue
        if project.keeps_its_years:
            why = "locked" if project.locked else project.status.value
            yield Finding(project.where_key("start_window"),
                          f"{project.id} is {why}, so its start window is ignored",
                          "Remove start_window, or unlock the project if its start may still move.")


@rule("ASK701", "plan-reference", Severity.ERROR)
def plan_reference(ctx: CheckContext) -> Iterator[Finding]:
    """A saved plan names a project or programme that is not in the data.

    FAIL (plans/budsjett-2021.yaml):
        selected:
          - {project: DK-99, start: 2021, value: 50, why: chosen}
    PASS:
        selected:
          - {project: DK-02, start: 2019, value: 50, why: committed}
    """
    p = ctx.portfolio
    known = set(p.project_by_id) | p.unvalidated_ids
    for plan in p.plans:
        if p.programme is not None and plan.programme != p.programme.id:
            yield Finding(plan.where("programme"),
                          f"plan {plan.id} was made for programme {plan.programme}, the data are {p.programme.id}",
                          "Make the plan again with askoy2020 prioritise --output.")
        named = [("selected", i, r.project) for i, r in enumerate(plan.selected)]
        named += [("left_out", i, r.project) for i, r in enumerate(plan.left_out)]
        for key, i, pid in named:
            if pid not in known:
                yield Finding(plan.where(key, i, "project"),
                              f"plan {plan.id} names project {pid}, which is not in the data",
                              "Make the plan again with askoy2020 prioritise --output.")


@rule("ASK702", "plan-out-of-date", Severity.WARNING)
def plan_out_of_date(ctx: CheckContext) -> Iterator[Finding]:
    """A saved plan no longer matches the data: a selected project's cost or
    staff has changed, it has been cancelled, or a project is new since.

    FAIL (DK-02's cost has since become {2019: 600, …}):
        selected:
          - {project: DK-02, start: 2019, cost: {2019: 500, 2020: 1000, 2021: 500}, …}
    PASS:
        the plan made again after the change
    """
    p = ctx.portfolio
    for plan in p.plans:
        yield from _stale(ctx, plan)


def _stale(ctx: CheckContext, plan: Plan) -> Iterator[Finding]:
    projects = ctx.portfolio.project_by_id
    years = plan.years.years()
    again = f"Make the plan again: askoy2020 prioritise --output {plan.where().file}"
    for i, row in enumerate(plan.selected):
        project = projects.get(row.project)
        start = project.start() if project else None
        if project is None or start is None:
            continue
        if project.status is ProjectStatus.CANCELLED:
            yield Finding(plan.where("selected", i, "project"),
                          f"plan {plan.id} selects {project.id}, which has since been cancelled", again)
            continue
        shift = row.start - start.year
        for key in ("cost", "staff"):
            now = {y + shift: v for y, v in getattr(project, key).items() if v and y + shift in years}
            saved = {y: v for y, v in getattr(row, key).items() if v}
            if set(now) != set(saved) or any(abs(now[y] - saved[y]) > 1e-6 for y in now):
                yield Finding(plan.where("selected", i, key),
                              f"plan {plan.id}: {project.id}'s {key} has changed since the plan was made", again)
    named = {r.project for r in plan.selected} | {r.project for r in plan.left_out}
    for project in sorted(projects.values(), key=lambda p: p.id):
        if project.id not in named and project.status is not ProjectStatus.CANCELLED:
            yield Finding(plan.where(), f"plan {plan.id} was made before project {project.id} was added", again)


@rule("ASK703", "prioritisation-reference", Severity.ERROR)
def prioritisation_reference(ctx: CheckContext) -> Iterator[Finding]:
    """A scenario or the prioritisation model names a project, area or
    criterion that does not exist, or changes a frame outside the economic
    plan; or two scenarios share an id.

    FAIL (scenarios/ekstra.yaml):
        exclude: [DK-99]
    PASS:
        exclude: [DK-02]
    """
    p = ctx.portfolio
    criteria = {c.id for c in p.programme.criteria} if p.programme else set()
    projects = set(p.project_by_id) | p.unvalidated_ids
    areas = set(p.area_by_id)
    plan_years = p.programme.economic_plan if p.programme else None
    if p.programme is not None:
        cod = p.programme.prioritisation.wsjf.cost_of_delay
        for i, cid in enumerate(cod):
            if cid not in criteria:
                yield Finding(p.programme.where("prioritisation", "wsjf", "cost_of_delay", i),
                              f"cost_of_delay names criterion {cid}, which is not in criteria",
                              f"Use one of: {', '.join(sorted(criteria)) or '(no criteria yet)'}.")
    seen: dict[str, Scenario] = {}
    for scenario in p.scenarios:
        if scenario.id in seen:
            yield Finding(scenario.where("id"),
                          f"scenario id {scenario.id} is also used in {seen[scenario.id].where('id')}",
                          "Give each scenario its own id.")
        seen.setdefault(scenario.id, scenario)
        for key in ("include", "exclude"):
            for i, pid in enumerate(getattr(scenario, key)):
                if pid not in projects:
                    yield Finding(scenario.where(key, i), f"scenario {scenario.id} names project {pid}, "
                                  "which is not in the data", "Correct the project id.")
        for pid, scores in scenario.scores.items():
            if pid not in projects:
                yield Finding(scenario.where("scores", pid), f"scenario {scenario.id} scores project {pid}, "
                              "which is not in the data", "Correct the project id.")
            for cid in scores:
                if cid not in criteria:
                    yield Finding(scenario.where("scores", pid, cid), f"scenario {scenario.id} scores criterion "
                                  f"{cid}, which is not in criteria", "Use a criterion id from programme.yaml.")
        for cid in scenario.weights:
            if cid not in criteria:
                yield Finding(scenario.where("weights", cid), f"scenario {scenario.id} weights criterion {cid}, "
                              "which is not in criteria", "Use a criterion id from programme.yaml.")
        for key in ("budget_frames", "staff_frames"):
            for i, change in enumerate(getattr(scenario, key)):
                if change.area is not None and change.area not in areas:
                    yield Finding(scenario.where(key, i, "area"), f"scenario {scenario.id} changes the frame of "
                                  f"area {change.area}, which is not in the data", "Correct the area id.")
                if plan_years is not None and change.year not in plan_years:
                    yield Finding(scenario.where(key, i, "year"), f"scenario {scenario.id} changes a frame in "
                                  f"{change.year}, outside the economic plan "
                                  f"{plan_years.first_year}–{plan_years.last_year}", "Use a plan year.")
