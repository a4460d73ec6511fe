"""Start windows, scenarios and saved plans: what ``prioritise`` reads and writes."""

from __future__ import annotations

from collections.abc import Iterator

from ..core import bokmal as nb
from ..core.diagnostics import Location, Say, Severity
from ..model import Project, ProjectStatus
from ..model.plan import LeftOutKind, Plan
from ..model.prioritisation import Scenario
from ..model.valuation import StartOption, Valuation, start_options, to_points, to_units
from .registry import CheckContext, Finding, rule
from .words import COMMITMENT, STATUS


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
                          Say(f"{project.id}: start_window earliest {window.earliest} is after latest "
                              f"{window.latest}",
                              f"{project.id}: start_window har earliest {window.earliest} etter latest "
                              f"{window.latest}"),
                          Say("Swap the years.", "Bytt om årene."))
            continue
        start = project.planned.start
        if start is not None and not window.earliest <= start.year <= window.latest:
            yield Finding(
                project.where("start_window"),
                Say(f"{project.id}: the planned start {start} is outside its start window "
                    f"{window.earliest}–{window.latest}",
                    f"{project.id}: planlagt start {nb.date(start)} ligger utenfor startvinduet "
                    f"{window.earliest}–{window.latest}"),
                Say("Widen the window to include the planned start year, or move the planned dates "
                    "(and the cost by year with them).",
                    "Utvid startvinduet så det tar med året for planlagt start, eller flytt de planlagte datoene "
                    "(og kostnaden per år sammen med dem)."),
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
            why = Say("locked", "låst") if project.locked else Say(project.status.value, STATUS[project.status])
            yield Finding(project.where_key("start_window"),
                          Say(f"{project.id} is {why.en}, so its start window is ignored",
                              f"{project.id} er {why.nb}, så startvinduet blir ikke brukt"),
                          Say("Remove start_window, or unlock the project if its start may still move.",
                              "Fjern start_window, eller lås opp prosjektet hvis starten fortsatt kan flyttes."))


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
                          Say(f"plan {plan.id} was made for programme {plan.programme}, the data are "
                              f"{p.programme.id}",
                              f"planen {plan.id} ble laget for programmet {plan.programme}, men dataene gjelder "
                              f"{p.programme.id}"),
                          _AGAIN)
        named = [("selected", i, r.project) for i, r in enumerate(plan.selected)]
        named += [("left_out", i, r.project) for i, r in enumerate(plan.left_out)]
        named += [("done", i, pid) for i, pid in enumerate(plan.done)]
        for key, i, pid in named:
            if pid not in known:
                yield Finding(plan.where(key, i, "project"),
                              Say(f"plan {plan.id} names project {pid}, which is not in the data",
                                  f"planen {plan.id} nevner prosjekt {pid}, som ikke finnes i dataene"),
                              _AGAIN)


_AGAIN = Say("Make the plan again with askoy2020 prioritise --output.",
             "Lag planen på nytt med askoy2020 prioritise --output.")


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
    file = plan.where().file
    again = Say(f"Make the plan again: askoy2020 prioritise --output {file}",
                f"Lag planen på nytt: askoy2020 prioritise --output {file}")
    seen: set[str] = set()
    for i, row in enumerate(plan.selected):
        project = projects.get(row.project)
        if project is None or project.start() is None or row.project in seen:  # a second row is ASK708's
            continue
        seen.add(row.project)
        if not project.is_plannable:
            done = Say("cancelled", "avbrutt") if project.status is ProjectStatus.CANCELLED else \
                Say("completed, so its money is spent", "fullført, så pengene er brukt")
            yield Finding(plan.where("selected", i, "project"),
                          Say(f"plan {plan.id} selects {project.id}, which has since been {done.en}",
                              f"planen {plan.id} velger {project.id}, som siden er blitt {done.nb}"), again)
            continue
        option = _option(ctx, plan, project, row.start)
        expected = None if option is None else round(to_points(to_units(option.points)), 3)
        if expected is None or abs(expected - row.value) > 0.0015:  # values are written to 0.001
            given = Say("no such start", "ingen slik start") if expected is None else \
                Say(f"{expected:g}", nb.number(expected))
            yield Finding(plan.where("selected", i, "value"),
                          Say(f"plan {plan.id}: {project.id}'s value {row.value:g} is not what the data give now "
                              f"({given.en})",
                              f"planen {plan.id}: verdien til {project.id}, {nb.number(row.value)}, stemmer ikke "
                              f"med det dataene gir nå ({given.nb})"),
                          again)
        if option is None:
            continue
        for key in _MONEY:
            if _differ(getattr(option, key), getattr(row, key)):
                yield Finding(plan.where("selected", i, key),
                              Say(f"plan {plan.id}: {project.id}'s {key} has changed since the plan was made",
                                  f"planen {plan.id}: {_MONEY_NB[key]} for {project.id} er endret siden planen ble "
                                  "laget"), again)
    for i, out in enumerate(plan.left_out):
        project = projects.get(out.project)
        if project is None:
            continue
        if out.kind is LeftOutKind.CANCELLED and project.is_live:
            yield Finding(plan.where("left_out", i, "kind"),
                          Say(f"plan {plan.id} leaves {project.id} out as cancelled, but it is "
                              f"{project.status.value} now",
                              f"planen {plan.id} holder {project.id} utenfor som avbrutt, men prosjektet er "
                              f"{STATUS[project.status]} nå"),
                          again)
        elif out.kind is not LeftOutKind.CANCELLED and project.status is ProjectStatus.COMPLETED:
            yield Finding(plan.where("left_out", i, "kind"),
                          Say(f"plan {plan.id} leaves {project.id} out ({out.kind.value}), but it has since been "
                              "completed",
                              f"planen {plan.id} holder {project.id} utenfor (kind: {out.kind.value}), men "
                              "prosjektet er siden blitt fullført"),
                          again)
        elif out.kind in _OPTIONAL_THEN and project.must_be_planned:
            commitment = project.commitment
            yield Finding(plan.where("left_out", i, "kind"),
                          Say(f"plan {plan.id} leaves {project.id} out ({out.kind.value}), but it must be in every "
                              f"plan now ({commitment.value if commitment else ''})",
                              f"planen {plan.id} holder {project.id} utenfor (kind: {out.kind.value}), men prosjektet "
                              f"må nå være med i alle planer ({COMMITMENT[commitment] if commitment else ''})"),
                          again)
        else:
            yield from _needs_changed(ctx, plan, project, i, again)
    for i, pid in enumerate(plan.done):
        project = projects.get(pid)
        if project is not None and project.status is not ProjectStatus.COMPLETED:
            yield Finding(plan.where("done", i),
                          Say(f"plan {plan.id} lists {pid} as done, but it is {project.status.value} now",
                              f"planen {plan.id} oppgir {pid} som fullført, men prosjektet er "
                              f"{STATUS[project.status]} nå"), again)
    programme = ctx.portfolio.programme
    scenario = next((s for s in ctx.portfolio.scenarios if s.id == plan.scenario), None)
    method = (scenario.method if scenario else None) or (programme.prioritisation.method if programme else None)
    if method is not None and plan.method is not method and (plan.scenario is None or scenario is not None):
        yield Finding(plan.where("method"),
                      Say(f"plan {plan.id} was made with method {plan.method.value}; the data now say {method.value}",
                          f"planen {plan.id} ble laget med metoden {plan.method.value}; dataene sier nå "
                          f"{method.value}"),
                      again)
    named = {r.project for r in plan.selected} | {r.project for r in plan.left_out} | set(plan.done)
    for project in sorted(projects.values(), key=lambda p: p.id):
        if project.id not in named and project.is_plannable:
            yield Finding(plan.where(),
                          Say(f"plan {plan.id} was made before project {project.id} was added",
                              f"planen {plan.id} ble laget før prosjekt {project.id} kom til"), again)


_MONEY = ("cost", "investment", "staff")
_MONEY_NB = {"cost": "kostnaden (cost)", "investment": "investeringen (investment)", "staff": "årsverkene (staff)"}


def _needs_changed(ctx: CheckContext, plan: Plan, project: Project, i: int, again: Say) -> Iterator[Finding]:
    """Left out at needs it no longer has: cheaper now, it may fit."""
    out = plan.left_out[i]
    option = _option(ctx, plan, project, out.start) if out.start is not None else None
    if out.start is not None and option is None and out.cost is not None:
        yield Finding(plan.where("left_out", i, "start"),
                      Say(f"plan {plan.id}: {project.id} can no longer start in {out.start}, as it was left out with",
                          f"planen {plan.id}: {project.id} kan ikke lenger starte i {out.start}, startåret planen "
                          "holdt det utenfor med"),
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
                          Say(f"plan {plan.id}: {project.id}'s {key} has changed since it was left out",
                              f"planen {plan.id}: {_MONEY_NB[key]} for {project.id} er endret siden prosjektet ble "
                              "holdt utenfor"), again)


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
    valuation = Valuation.of(programme, plan.method, scenario.weights if scenario else {})
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
    for plan in ctx.portfolio.plans:
        file = plan.where().file
        fix = Say(f"Do not edit a plan by hand; make it again: askoy2020 prioritise --output {file}",
                  f"Ikke rediger en plan for hånd; lag den på nytt: askoy2020 prioritise --output {file}")
        years = plan.years
        span = f"{years.first_year}–{years.last_year}"
        if years.first_year > years.last_year:
            yield Finding(plan.where("years"), Say(f"plan {plan.id}'s years run backwards: {span}",
                                                   f"årene i planen {plan.id} går baklengs: {span}"), fix)
        if plan.open_from is not None and years.first_year < plan.open_from:
            yield Finding(plan.where("years", "first_year"),
                          Say(f"plan {plan.id}'s years start in {years.first_year}, before its first open year "
                              f"{plan.open_from}: it would count sunk money",
                              f"årene i planen {plan.id} begynner i {years.first_year}, før første åpne år "
                              f"{plan.open_from}: planen ville regne med midler som allerede er brukt"), fix,
                          (plan.where("open_from"),))
        first: dict[str, tuple[str, int]] = {}
        rows = [("selected", i, r.project) for i, r in enumerate(plan.selected)]
        rows += [("left_out", i, r.project) for i, r in enumerate(plan.left_out)]
        rows += [("done", i, pid) for i, pid in enumerate(plan.done)]
        for key, i, pid in rows:
            if pid in first:
                was_key, j = first[pid]
                twice = Say(f"plan {plan.id} {_VERB[key]} {pid} twice",
                            f"planen {plan.id} oppgir {pid} som {_AS_NB[key]} to ganger") if was_key == key else \
                    Say(f"plan {plan.id} both {_VERB[was_key]} and {_VERB[key]} {pid}",
                        f"planen {plan.id} oppgir {pid} både som {_AS_NB[was_key]} og som {_AS_NB[key]}")
                yield Finding(_row_where(plan, key, i), twice, fix, (_row_where(plan, was_key, j),))
            first.setdefault(pid, (key, i))
        for i, row in enumerate(plan.selected if years.first_year <= years.last_year else []):
            for field in _MONEY:
                outside = sorted(y for y in getattr(row, field) if y not in years)
                if outside:
                    shown = ", ".join(map(str, outside))
                    yield Finding(plan.where("selected", i, field),
                                  Say(f"plan {plan.id} gives {row.project} {field} in {shown}, outside its years "
                                      f"{span}",
                                      f"planen {plan.id} fører {field} for {row.project} i {shown}, utenfor "
                                      f"planårene {span}"), fix)
        total = sum(row.value for row in plan.selected)
        # Each value is rounded to 0.001 when written, so their sum may drift by that much per row.
        slack = 0.001 * (len(plan.selected) + 1)
        if abs(total - plan.value) > slack:
            yield Finding(plan.where("value"),
                          Say(f"plan {plan.id}'s value {plan.value:g} is not the sum of its selected projects' "
                              f"values ({total:g})",
                              f"verdien til planen {plan.id}, {nb.number(plan.value)}, er ikke summen av verdiene "
                              f"til de valgte prosjektene ({nb.number(total)})"), fix)
        if plan.value > plan.solver.bound + slack:
            yield Finding(plan.where("value"),
                          Say(f"plan {plan.id}'s value {plan.value:g} is above the solver's bound "
                              f"{plan.solver.bound:g}, which no plan can exceed",
                              f"verdien til planen {plan.id}, {nb.number(plan.value)}, er over løserens øvre grense "
                              f"{nb.number(plan.solver.bound)}, som ingen plan kan overstige"), fix,
                          (plan.where("solver", "bound"),))


_FRAME_LISTS = ("budget_frames", "investment_frames", "staff_frames")
_FRAME_NB = {"budget_frames": "driftsramme", "investment_frames": "investeringsramme",
             "staff_frames": "årsverksramme"}
_VERB = {"selected": "selects", "left_out": "leaves out", "done": "lists as done"}
_AS_NB = {"selected": "valgt", "left_out": "holdt utenfor", "done": "fullført"}


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
                listed = ", ".join(sorted(criteria))
                yield Finding(p.programme.where("prioritisation", "wsjf", "cost_of_delay", i),
                              Say(f"cost_of_delay names criterion {cid}, which is not in criteria",
                                  f"cost_of_delay nevner kriteriet {cid}, som ikke finnes i criteria"),
                              Say(f"Use one of: {listed or '(no criteria yet)'}.",
                                  f"Bruk ett av disse: {listed or '(ingen kriterier ennå)'}."))
    seen: dict[str, Scenario] = {}
    for scenario in p.scenarios:
        if scenario.id in seen:
            yield Finding(scenario.where("id"),
                          Say(f"scenario id {scenario.id} is also used in {seen[scenario.id].where('id')}",
                              f"id-en {scenario.id} er også brukt av scenarioet i {seen[scenario.id].where('id')}"),
                          Say("Give each scenario its own id.", "Gi hvert scenario sin egen id."))
        seen.setdefault(scenario.id, scenario)
        for key in ("include", "exclude"):
            for i, pid in enumerate(getattr(scenario, key)):
                if pid not in projects:
                    yield Finding(scenario.where(key, i),
                                  Say(f"scenario {scenario.id} names project {pid}, which is not in the data",
                                      f"scenarioet {scenario.id} nevner prosjekt {pid}, som ikke finnes i dataene"),
                                  _PROJECT_ID)
        for pid, scores in scenario.scores.items():
            if pid not in projects:
                yield Finding(scenario.where("scores", pid),
                              Say(f"scenario {scenario.id} scores project {pid}, which is not in the data",
                                  f"scenarioet {scenario.id} gir poeng til prosjekt {pid}, som ikke finnes i "
                                  "dataene"),
                              _PROJECT_ID)
            for cid in scores:
                if cid not in criteria:
                    yield Finding(scenario.where("scores", pid, cid),
                                  Say(f"scenario {scenario.id} scores criterion {cid}, which is not in criteria",
                                      f"scenarioet {scenario.id} gir poeng på kriteriet {cid}, som ikke finnes i "
                                      "criteria"),
                                  _CRITERION_ID)
        for cid in scenario.weights:
            if cid not in criteria:
                yield Finding(scenario.where("weights", cid),
                              Say(f"scenario {scenario.id} weights criterion {cid}, which is not in criteria",
                                  f"scenarioet {scenario.id} vekter kriteriet {cid}, som ikke finnes i criteria"),
                              _CRITERION_ID)
        for key in _FRAME_LISTS:
            for i, change in enumerate(getattr(scenario, key)):
                if change.area is not None and change.area not in areas:
                    yield Finding(scenario.where(key, i, "area"),
                                  Say(f"scenario {scenario.id} changes the frame of area {change.area}, which is "
                                      "not in the data",
                                      f"scenarioet {scenario.id} endrer rammen til programområde {change.area}, som "
                                      "ikke finnes i dataene"),
                                  Say("Correct the area id.", "Rett id-en til programområdet."))
                if plan_years is not None and change.year not in plan_years:
                    span = f"{plan_years[0]}–{plan_years[-1]}"
                    yield Finding(scenario.where(key, i, "year"),
                                  Say(f"scenario {scenario.id} changes a frame in {change.year}, outside the budget "
                                      f"rounds' years {span}",
                                      f"scenarioet {scenario.id} endrer en ramme i {change.year}, utenfor årene "
                                      f"budsjettrundene dekker ({span})"),
                                  Say("Use a year of a budget round.", "Bruk et år som en budsjettrunde dekker."))
        if plan_years is not None and scenario.years is not None:
            for end in ("first_year", "last_year"):
                year = getattr(scenario.years, end)
                if year not in plan_years:
                    span = f"{plan_years[0]}–{plan_years[-1]}"
                    yield Finding(scenario.where("years", end),
                                  Say(f"scenario {scenario.id} plans {end} {year}, outside the budget rounds' "
                                      f"years {span}",
                                      f"scenarioet {scenario.id} har {end} {year}, utenfor årene budsjettrundene "
                                      f"dekker ({span})"),
                                  Say("Plan years must lie inside a budget round in programme.yaml; use a year of "
                                      "one.",
                                      "Planårene må ligge innenfor en budsjettrunde i programme.yaml; bruk et år "
                                      "som en runde dekker."))


_PROJECT_ID = Say("Correct the project id.", "Rett prosjekt-id-en.")
_CRITERION_ID = Say("Use a criterion id from programme.yaml.", "Bruk en kriterie-id fra programme.yaml.")


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
    base = p.programme.weights() if p.programme else {}
    for scenario in p.scenarios:
        for cid, weight in scenario.weights.items():
            if weight < 0:
                yield Finding(scenario.where("weights", cid),
                              Say(f"scenario {scenario.id} gives criterion {cid} the negative weight {weight:g}",
                                  f"scenarioet {scenario.id} gir kriteriet {cid} den negative vekten "
                                  f"{nb.number(weight)}"),
                              Say("Give a weight of 0 or more; 0 leaves the criterion out.",
                                  "Gi en vekt på 0 eller mer; 0 holder kriteriet utenfor."))
        merged = base | dict(scenario.weights)
        if scenario.weights and base and all(w <= 0 for w in merged.values()):
            yield Finding(scenario.where("weights"),
                          Say(f"scenario {scenario.id} leaves every criterion with weight 0, so every project "
                              "scores 0",
                              f"scenarioet {scenario.id} gir alle kriteriene vekt 0, så alle prosjektene får 0 "
                              "poeng"),
                          Say("Give at least one criterion a weight above 0.",
                              "Gi minst ett kriterium en vekt over 0."))


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
                                  Say(f"scenario {scenario.id} scores {pid} {score:g} on {cid}, outside the scale "
                                      f"{low:g}–{high:g}",
                                      f"scenarioet {scenario.id} gir {pid} {nb.number(score)} poeng på {cid}, "
                                      f"utenfor skalaen {nb.number(low)}–{nb.number(high)}"),
                                  Say(f"Give a score between {low:g} and {high:g}.",
                                      f"Gi en poengsum mellom {nb.number(low)} og {nb.number(high)}."))


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
                              Say(f"scenario {scenario.id} includes {pid}, which is {project.status.value} and "
                                  "cannot be in a plan",
                                  f"scenarioet {scenario.id} tar med {pid}, som er {STATUS[project.status]} og ikke "
                                  "kan være med i en plan"),
                              Say(f"Remove {pid} from include, or change its status if it is to run after all.",
                                  f"Fjern {pid} fra include, eller endre statusen hvis prosjektet likevel skal "
                                  "gjennomføres."),
                              (project.where("status"),))
            if pid in excluded:
                j = scenario.exclude.index(pid)
                yield Finding(scenario.where("include", i),
                              Say(f"scenario {scenario.id} both includes and excludes {pid}",
                                  f"scenarioet {scenario.id} både tar med og utelater {pid}"),
                              Say(f"Keep {pid} in include or in exclude, not both.",
                                  f"Behold {pid} i include eller i exclude, ikke i begge."),
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
                    name = _FRAME_NB[key]
                    scope_nb = f"{name}n til programområde {change.area}" if change.area else f"programmets {name}"
                    yield Finding(scenario.where(key, i),
                                  Say(f"scenario {scenario.id} sets {scope} {key[:-1].replace('_', ' ')} for "
                                      f"{change.year} again, so the earlier change to it is lost",
                                      f"scenarioet {scenario.id} setter {scope_nb} for {change.year} på nytt, så den "
                                      "tidligere endringen av den går tapt"),
                                  Say("Keep one entry per frame and year: fold them into one set or change.",
                                      "Behold én linje per ramme og år: slå dem sammen til én set eller change."),
                                  (scenario.where(key, first[frame]),))
                first.setdefault(frame, i)
