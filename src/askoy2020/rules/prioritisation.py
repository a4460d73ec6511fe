"""Start windows, scenarios and saved plans: what ``prioritise`` reads and writes."""

from __future__ import annotations

from collections.abc import Iterator

from ..core.diagnostics import Location, Severity
from ..model import Project, ProjectStatus
from ..model.plan import LeftOutKind, Plan
from ..model.prioritisation import Scenario
from ..model.valuation import StartOption, Valuation, start_options, to_points, to_units
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
    has already started (active, paused or completed). prioritise ignores
    it: a paused project is resumed where it stands.

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
        if project.keeps_its_years or project.status is ProjectStatus.PAUSED:
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
        named += [("done", i, pid) for i, pid in enumerate(plan.done)]
        for key, i, pid in named:
            if pid not in known:
                yield Finding(plan.where(key, i, "project"),
                              f"plan {plan.id} names project {pid}, which is not in the data",
                              "Make the plan again with askoy2020 prioritise --output.")


@rule("ASK702", "plan-out-of-date", Severity.WARNING, needs_programme=True)
def plan_out_of_date(ctx: CheckContext) -> Iterator[Finding]:
    """A saved plan no longer matches the data: a selected project's value,
    drift, investment or staff is not what the data give now (by the same
    valuation and the same open years prioritise uses: money before the
    plan's first open year is sunk, a planned project whose start has
    passed starts in that year), it has been cancelled or completed, a
    project left out as optional or cancelled must now be in every plan,
    a left-out project's needs have changed (it may fit now), a project
    the plan lists as done is not completed, the prioritisation method has
    changed, or a project is new since.

    FAIL (DK-02's cost has since become {2021: 600}):
        open_from: 2021
        selected:
          - {project: DK-02, start: 2019, cost: {2021: 500}, …}
    PASS:
        the plan made again after the change
    """
    p = ctx.portfolio
    for plan in p.plans:
        yield from _stale(ctx, plan)


def _stale(ctx: CheckContext, plan: Plan) -> Iterator[Finding]:
    projects = ctx.portfolio.project_by_id
    again = f"Make the plan again: askoy2020 prioritise --output {plan.where().file}"
    seen: set[str] = set()
    for i, row in enumerate(plan.selected):
        project = projects.get(row.project)
        if project is None or project.start() is None or row.project in seen:  # a second row is ASK708's
            continue
        seen.add(row.project)
        if not project.is_plannable:
            done = "cancelled" if project.status is ProjectStatus.CANCELLED else "completed, so its money is spent"
            yield Finding(plan.where("selected", i, "project"),
                          f"plan {plan.id} selects {project.id}, which has since been {done}", again)
            continue
        option = _option(ctx, plan, project, row.start)
        expected = None if option is None else round(to_points(to_units(option.points)), 3)
        if expected is None or abs(expected - row.value) > 0.0015:  # values are written to 0.001
            given = "no such start" if expected is None else f"{expected:g}"
            yield Finding(plan.where("selected", i, "value"),
                          f"plan {plan.id}: {project.id}'s value {row.value:g} is not what the data give now ({given})",
                          again)
        if option is None:
            continue
        for key in _MONEY:
            if _differ(getattr(option, key), getattr(row, key)):
                yield Finding(plan.where("selected", i, key),
                              f"plan {plan.id}: {project.id}'s {key} has changed since the plan was made", again)
    for i, out in enumerate(plan.left_out):
        project = projects.get(out.project)
        if project is None:
            continue
        if out.kind is LeftOutKind.CANCELLED and project.is_live:
            yield Finding(plan.where("left_out", i, "kind"),
                          f"plan {plan.id} leaves {project.id} out as cancelled, but it is {project.status.value} now",
                          again)
        elif out.kind is not LeftOutKind.CANCELLED and project.status is ProjectStatus.COMPLETED:
            yield Finding(plan.where("left_out", i, "kind"),
                          f"plan {plan.id} leaves {project.id} out ({out.kind.value}), but it has since been completed",
                          again)
        elif out.kind in _OPTIONAL_THEN and project.must_be_planned:
            yield Finding(plan.where("left_out", i, "kind"),
                          f"plan {plan.id} leaves {project.id} out ({out.kind.value}), but it must be in every plan "
                          f"now ({project.commitment.value if project.commitment else ''})", again)
        else:
            yield from _needs_changed(ctx, plan, project, i, again)
    for i, pid in enumerate(plan.done):
        project = projects.get(pid)
        if project is not None and project.status is not ProjectStatus.COMPLETED:
            yield Finding(plan.where("done", i),
                          f"plan {plan.id} lists {pid} as done, but it is {project.status.value} now", again)
    programme = ctx.portfolio.programme
    scenario = next((s for s in ctx.portfolio.scenarios if s.id == plan.scenario), None)
    method = (scenario.method if scenario else None) or (programme.prioritisation.method if programme else None)
    if method is not None and plan.method is not method and (plan.scenario is None or scenario is not None):
        yield Finding(plan.where("method"),
                      f"plan {plan.id} was made with method {plan.method.value}; the data now say {method.value}",
                      again)
    named = {r.project for r in plan.selected} | {r.project for r in plan.left_out} | set(plan.done)
    for project in sorted(projects.values(), key=lambda p: p.id):
        if project.id not in named and project.is_plannable:
            yield Finding(plan.where(), f"plan {plan.id} was made before project {project.id} was added", again)


_MONEY = ("cost", "investment", "staff")


def _needs_changed(ctx: CheckContext, plan: Plan, project: Project, i: int, again: str) -> Iterator[Finding]:
    """Left out at needs it no longer has: cheaper now, it may fit."""
    out = plan.left_out[i]
    option = _option(ctx, plan, project, out.start) if out.start is not None else None
    if out.start is not None and option is None and out.cost is not None:
        yield Finding(plan.where("left_out", i, "start"),
                      f"plan {plan.id}: {project.id} can no longer start in {out.start}, as it was left out with",
                      again)
        return
    for key in _MONEY:
        saved_then: dict[int, float] | None = getattr(out, key)
        if saved_then is None:
            continue  # a plan from before left-out needs were kept
        if option is not None:
            now: dict[int, float] = getattr(option, key)
        else:  # an older plan: its cost in the plan years as written
            now = {y: v for y, v in getattr(project, key).items() if y in plan.years.years()}
        if _differ(now, saved_then):
            yield Finding(plan.where("left_out", i, key),
                          f"plan {plan.id}: {project.id}'s {key} has changed since it was left out", again)


def _differ(now: dict[int, float], saved: dict[int, float]) -> bool:
    now = {y: v for y, v in now.items() if v}
    saved = {y: v for y, v in saved.items() if v}
    return set(now) != set(saved) or any(abs(now[y] - saved[y]) > 1e-6 for y in now)


def _option(ctx: CheckContext, plan: Plan, project: Project, start: int) -> StartOption | None:
    """What the data give a project starting in ``start`` in this plan: the
    same valuation and the same open years prioritise uses
    (model/valuation.py), with the plan's method and its scenario's weights
    and scores; None when that start is not one it may have."""
    programme = ctx.portfolio.programme
    if programme is None:
        return None
    scenario = next((s for s in ctx.portfolio.scenarios if s.id == plan.scenario), None)
    valuation = Valuation(plan.method, tuple(programme.criteria), dict(scenario.weights) if scenario else {},
                          programme.prioritisation)
    area = ctx.portfolio.area_by_id.get(project.area)
    scores = dict(project.scores) | (scenario.scores.get(project.id, {}) if scenario else {})
    for option in start_options(project, plan.years.years(), valuation, area.strategic_weight if area else 1.0,
                                scores, plan.first_counted_year()):
        if option.start == start:
            return option
    return None


# Left out as optional: a project that must now be in every plan makes the plan stale.
_OPTIONAL_THEN = (LeftOutKind.FRAME, LeftOutKind.VALUE, LeftOutKind.EXCLUDED)


@rule("ASK708", "plan-inconsistent", Severity.ERROR)
def plan_inconsistent(ctx: CheckContext) -> Iterator[Finding]:
    """A saved plan that prioritise cannot have written: its years are
    reversed or start before its first open year (so it would count sunk
    money), a project is named twice among selected, left out and done, a
    selected project's drift, investment or staff lies outside the plan
    years, or its value is not the sum of its selected projects' values
    (or is above the solver's bound). The file has been edited by hand.

    FAIL (plans/budsjett-2021.yaml, the two selected values add up to 120):
        value: 150
    PASS:
        value: 120
    """
    again = "Do not edit a plan by hand; make it again: askoy2020 prioritise --output {}"
    for plan in ctx.portfolio.plans:
        fix = again.format(plan.where().file)
        years = plan.years
        if years.first_year > years.last_year:
            yield Finding(plan.where("years"), f"plan {plan.id}'s years run backwards: "
                          f"{years.first_year}–{years.last_year}", fix)
        if plan.open_from is not None and years.first_year < plan.open_from:
            yield Finding(plan.where("years", "first_year"), f"plan {plan.id}'s years start in {years.first_year}, "
                          f"before its first open year {plan.open_from}: it would count sunk money", fix,
                          (plan.where("open_from"),))
        first: dict[str, tuple[str, int]] = {}
        rows = [("selected", i, r.project) for i, r in enumerate(plan.selected)]
        rows += [("left_out", i, r.project) for i, r in enumerate(plan.left_out)]
        rows += [("done", i, pid) for i, pid in enumerate(plan.done)]
        for key, i, pid in rows:
            if pid in first:
                was_key, j = first[pid]
                both = f"both {_VERB[was_key]} and {_VERB[key]}" if was_key != key else _VERB[key]
                twice = "" if was_key != key else " twice"
                yield Finding(_row_where(plan, key, i), f"plan {plan.id} {both} {pid}{twice}", fix,
                              (_row_where(plan, was_key, j),))
            first.setdefault(pid, (key, i))
        for i, row in enumerate(plan.selected if years.first_year <= years.last_year else []):
            for field in _MONEY:
                outside = sorted(y for y in getattr(row, field) if y not in years)
                if outside:
                    yield Finding(plan.where("selected", i, field),
                                  f"plan {plan.id} gives {row.project} {field} in {', '.join(map(str, outside))}, "
                                  f"outside its years {years.first_year}–{years.last_year}", fix)
        total = sum(row.value for row in plan.selected)
        # Each value is rounded to 0.001 when written, so their sum may drift by that much per row.
        slack = 0.001 * (len(plan.selected) + 1)
        if abs(total - plan.value) > slack:
            yield Finding(plan.where("value"), f"plan {plan.id}'s value {plan.value:g} is not the sum of its "
                          f"selected projects' values ({total:g})", fix)
        if plan.value > plan.solver.bound + slack:
            yield Finding(plan.where("value"), f"plan {plan.id}'s value {plan.value:g} is above the solver's "
                          f"bound {plan.solver.bound:g}, which no plan can exceed", fix,
                          (plan.where("solver", "bound"),))


_FRAME_LISTS = ("budget_frames", "investment_frames", "staff_frames")
_VERB = {"selected": "selects", "left_out": "leaves out", "done": "lists as done"}


def _row_where(plan: Plan, key: str, i: int) -> Location:
    return plan.where(key, i) if key == "done" else plan.where(key, i, "project")


@rule("ASK703", "prioritisation-reference", Severity.ERROR, needs_programme=True)
def prioritisation_reference(ctx: CheckContext) -> Iterator[Finding]:
    """A scenario or the prioritisation model names a project, area or
    criterion that does not exist, or changes a frame or plans years outside
    the economic plan; or two scenarios share an id.

    FAIL (scenarios/ekstra.yaml):
        exclude: [DK-99]
    PASS:
        exclude: [DK-02]
    """
    p = ctx.portfolio
    criteria = {c.id for c in p.programme.criteria} if p.programme else set()
    projects = set(p.project_by_id) | p.unvalidated_ids
    areas = set(p.area_by_id)
    plan_years = p.programme.known_years() if p.programme else None
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
        for key in _FRAME_LISTS:
            for i, change in enumerate(getattr(scenario, key)):
                if change.area is not None and change.area not in areas:
                    yield Finding(scenario.where(key, i, "area"), f"scenario {scenario.id} changes the frame of "
                                  f"area {change.area}, which is not in the data", "Correct the area id.")
                if plan_years is not None and change.year not in plan_years:
                    yield Finding(scenario.where(key, i, "year"), f"scenario {scenario.id} changes a frame in "
                                  f"{change.year}, outside the budget rounds' years "
                                  f"{plan_years[0]}–{plan_years[-1]}", "Use a year of a budget round.")
        if plan_years is not None and scenario.years is not None:
            for end in ("first_year", "last_year"):
                year = getattr(scenario.years, end)
                if year not in plan_years:
                    yield Finding(scenario.where("years", end), f"scenario {scenario.id} plans {end} {year}, "
                                  f"outside the budget rounds' years {plan_years[0]}–{plan_years[-1]}",
                                  "Plan years must lie inside a budget round in programme.yaml; use a year of one.")


@rule("ASK704", "scenario-weights", Severity.ERROR, needs_programme=True)
def scenario_weights(ctx: CheckContext) -> Iterator[Finding]:
    """A scenario gives a criterion a negative weight, or its weights leave
    every criterion at zero (then every project scores 0 and the plan is
    chosen by chance).

    FAIL (scenarios/ekstra.yaml):
        weights: {strategic_fit: -1}
    PASS:
        weights: {strategic_fit: 0.8}
    """
    p = ctx.portfolio
    base = {c.id: c.weight for c in p.programme.criteria} if p.programme else {}
    for scenario in p.scenarios:
        for cid, weight in scenario.weights.items():
            if weight < 0:
                yield Finding(scenario.where("weights", cid),
                              f"scenario {scenario.id} gives criterion {cid} the negative weight {weight:g}",
                              "Give a weight of 0 or more; 0 leaves the criterion out.")
        merged = base | dict(scenario.weights)
        if scenario.weights and base and all(w <= 0 for w in merged.values()):
            yield Finding(scenario.where("weights"),
                          f"scenario {scenario.id} leaves every criterion with weight 0, so every project scores 0",
                          "Give at least one criterion a weight above 0.")


@rule("ASK705", "scenario-score", Severity.ERROR, needs_programme=True)
def scenario_score(ctx: CheckContext) -> Iterator[Finding]:
    """A scenario's score lies outside the criterion's scale (set in
    programme.yaml); prioritise would clip it silently.

    FAIL (criterion strategic_fit has scale 0–5):
        scores: {DK-02: {strategic_fit: 7}}
    PASS:
        scores: {DK-02: {strategic_fit: 4}}
    """
    p = ctx.portfolio
    criteria = {c.id: c for c in p.programme.criteria} if p.programme else {}
    for scenario in p.scenarios:
        for pid, scores in scenario.scores.items():
            for cid, score in scores.items():
                criterion = criteria.get(cid)
                if criterion is not None and not criterion.scale.min <= score <= criterion.scale.max:
                    low, high = criterion.scale.min, criterion.scale.max
                    yield Finding(scenario.where("scores", pid, cid),
                                  f"scenario {scenario.id} scores {pid} {score:g} on {cid}, outside the scale "
                                  f"{low:g}–{high:g}", f"Give a score between {low:g} and {high:g}.")


@rule("ASK706", "scenario-include", Severity.ERROR)
def scenario_include(ctx: CheckContext) -> Iterator[Finding]:
    """A scenario includes a cancelled or completed project (no plan places
    it: prioritise would ignore it), or names the same project in both
    include and exclude.

    FAIL (scenarios/ekstra.yaml):
        include: [DK-02]
        exclude: [DK-02]
    PASS:
        exclude: [DK-02]
    """
    p = ctx.portfolio
    for scenario in p.scenarios:
        excluded = set(scenario.exclude)
        for i, pid in enumerate(scenario.include):
            project = p.project_by_id.get(pid)
            if project is not None and not project.is_plannable:
                yield Finding(scenario.where("include", i),
                              f"scenario {scenario.id} includes {pid}, which is {project.status.value} and cannot be "
                              "in a plan",
                              f"Remove {pid} from include, or change its status if it is to run after all.",
                              (project.where("status"),))
            if pid in excluded:
                j = scenario.exclude.index(pid)
                yield Finding(scenario.where("include", i),
                              f"scenario {scenario.id} both includes and excludes {pid}",
                              f"Keep {pid} in include or in exclude, not both.",
                              (scenario.where("exclude", j),))


@rule("ASK707", "scenario-frame-set-twice", Severity.ERROR)
def scenario_frame_set_twice(ctx: CheckContext) -> Iterator[Finding]:
    """A scenario sets a frame for a year that an earlier change in the same
    list already set or changed: ``set`` replaces the frame, so the earlier
    change is lost.

    FAIL (scenarios/ekstra.yaml):
        budget_frames:
          - {year: 2021, set: 4000}
          - {year: 2021, set: 4500}
    PASS:
        budget_frames:
          - {year: 2021, set: 4500}
    """
    for scenario in ctx.portfolio.scenarios:
        for key in _FRAME_LISTS:
            first: dict[tuple[str | None, int], int] = {}
            for i, change in enumerate(getattr(scenario, key)):
                frame = (change.area, change.year)
                if change.set is not None and frame in first:
                    scope = f"area {change.area}'s" if change.area else "the programme"
                    yield Finding(scenario.where(key, i),
                                  f"scenario {scenario.id} sets {scope} {key[:-1].replace('_', ' ')} for "
                                  f"{change.year} again, so the earlier change to it is lost",
                                  "Keep one entry per frame and year: fold them into one set or change.",
                                  (scenario.where(key, first[frame]),))
                first.setdefault(frame, i)
