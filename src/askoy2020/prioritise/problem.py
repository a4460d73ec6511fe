"""The prioritisation problem, solver-free: each project's start options with
their drift, investment, staff and value; the frames; the dependency links.

Building it is where the domain rules live (which years are open, who is
committed, which starts a window allows, what a dependency permits); the
solver only sees numbers. Money before the plan's first open year is sunk:
no option carries it, and completed projects are no candidates at all.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from typing import Any

from ..core.diagnostics import Location
from ..model import Portfolio, Project
from ..model.methods import Method
from ..model.plan import LeftOutKind
from ..model.project import Dependency, DependencyType, Strength, dependency_holds
from ..model.valuation import Valuation, start_options, to_units
from .adjust import AdjustmentError, Adjustments
from .frames import FRAME_KINDS, build_frames
from .frames import Frame as Frame
from .frames import FrameKey as FrameKey
from .frames import Resource as Resource
from .horizon import plan_horizon


class Why(str, Enum):
    """Why a project is in the plan whatever its value."""

    COMMITTED = "committed"  # active: money already spent (completed projects are done, not candidates)
    LOCKED = "locked"
    MANDATORY = "mandatory"
    INCLUDED = "included"
    CHOSEN = "chosen"  # optional: in only if it is worth its place


@dataclass(frozen=True)
class Option:
    """One way to run a project: starting in ``start``."""

    start: int
    start_date: dt.date | None
    end_date: dt.date | None
    cost: dict[int, float]  # drift, only plan years
    staff: dict[int, float]
    value: int  # units (thousandths of a point)
    investment: dict[int, float] = field(default_factory=dict)

    def use(self, resource: Resource) -> dict[int, float]:
        if resource is Resource.BUDGET:
            return self.cost
        return self.staff if resource is Resource.STAFF else self.investment


@dataclass
class Candidate:
    project: Project
    options: list[Option]
    forced: Why  # CHOSEN means optional
    # Set when a hard predecessor can never be in the plan.
    blocked: str | None = None

    @property
    def id(self) -> str:
        return self.project.id

    @property
    def optional(self) -> bool:
        return self.forced is Why.CHOSEN


@dataclass(frozen=True)
class NotPlaceable:
    """A project that cannot be in the plan at all, and why: in English
    words, and in the figures a report words in its own language."""

    project: Project
    kind: LeftOutKind
    reason: str
    window: tuple[int, int] | None = None  # no-start: the window none of whose starts fits
    runs: tuple[int, int] | None = None  # outside-years: the years it runs
    excluded_by: str | None = None  # excluded: --exclude, or the scenario
    predecessors: tuple[str, ...] = ()  # timing: the completed predecessor it cannot follow


@dataclass(frozen=True)
class Link:
    """A dependency between two candidates. ``allowed[k]`` holds the
    predecessor options a successor starting with option k may follow."""

    pred: str
    succ: str
    dependency: Dependency
    allowed: tuple[frozenset[int], ...]
    location: Location


@dataclass(frozen=True)
class MinShare:
    area: str
    share: float
    amount: float  # 1000 kr over the plan years
    location: Location


@dataclass
class Problem:
    years: range
    method: Method
    valuation: Valuation
    candidates: list[Candidate]
    not_placeable: list[NotPlaceable]
    frames: list[Frame]
    links: list[Link]
    min_shares: list[MinShare]
    notes: list[str] = field(default_factory=list)
    as_of: dt.date = dt.date(1990, 1, 1)
    open_from: int = 0  # the first year whose money counts; earlier money is sunk
    done: list[Project] = field(default_factory=list)  # completed: no plan places them again
    # The most any area's projects may cost over the plan years (1000 kr drift): --max-share of the
    # programme's drift frames; None: no cap.
    max_share_amount: float | None = None

    def candidate(self, project_id: str) -> Candidate | None:
        return self._by_id.get(project_id)

    @cached_property
    def _by_id(self) -> dict[str, Candidate]:
        # Read only once every candidate is added (build_problem's order).
        return {c.id: c for c in self.candidates}


def build_problem(
    portfolio: Portfolio, adjustments: Adjustments | None = None, as_of: dt.date | None = None,
    *, from_year: int | None = None,
) -> Problem:
    """Turn the portfolio into a Problem for the open years on ``as_of``
    (default today) from ``from_year`` (default the first open year), or
    raise AdjustmentError when the options ask for something the data
    cannot give (a sunk year, a year with no round); NoProgramme without a
    programme.yaml."""
    adj = adjustments or Adjustments()
    programme = portfolio.require_programme()
    day = as_of or dt.date.today()
    horizon = plan_horizon(programme, day, from_year, adj.years, adj.years_source)
    years = horizon.years
    settings = programme.prioritisation
    method = adj.method or settings.method
    unknown = sorted(set(adj.weights) - {c.id for c in programme.criteria})
    if unknown:
        raise AdjustmentError(f"weights for unknown criteria: {', '.join(unknown)}")
    valuation = Valuation.of(programme, method, adj.weights, settings)
    problem = Problem(years, method, valuation, [], [], [], [], [], as_of=day, open_from=horizon.open_from)
    known = portfolio.project_by_id
    unknown = sorted((adj.include | adj.exclude | set(adj.scores)) - set(known))
    if unknown:
        raise AdjustmentError(f"there is no project {unknown[0]}")
    if not programme.criteria:
        problem.notes.append("programme.yaml has no criteria: every project scores 0, so only rules decide")
    for pid in sorted(adj.include):
        if not known[pid].is_plannable:
            problem.notes.append(f"{pid} is {known[pid].status.value}, so no plan places it: it is not included")

    for project in sorted(portfolio.projects, key=lambda p: p.id):
        _add_project(problem, portfolio, project, adj)
    _follow_done(problem)
    problem.frames = build_frames(portfolio, years, adj, day)
    problem.notes += _missing_frames(problem, portfolio)
    problem.links = _links(problem, portfolio)
    problem.min_shares = _min_shares(portfolio, years, problem.frames)
    if adj.max_share is not None:
        problem.max_share_amount = adj.max_share * programme_drift(problem.frames)
    return problem


def _forced(project: Project, adj: Adjustments) -> Why:
    if project.commitment is not None:
        return Why(project.commitment.value)
    if project.id in adj.include:
        return Why.INCLUDED
    return Why.CHOSEN


def _add_project(problem: Problem, portfolio: Portfolio, project: Project, adj: Adjustments) -> None:
    def out(kind: LeftOutKind, reason: str, **figures: Any) -> None:
        problem.not_placeable.append(NotPlaceable(project, kind, reason, **figures))

    if not project.is_live:
        return out(LeftOutKind.CANCELLED, "cancelled")
    if not project.is_plannable:
        problem.done.append(project)  # completed: its money is spent
        return None
    if project.id in adj.exclude and project.id not in adj.include:
        return out(LeftOutKind.EXCLUDED, f"excluded by {adj.exclude_source}", excluded_by=adj.exclude_source)
    start = project.start()
    if start is None:
        return out(LeftOutKind.NO_START, "has no planned start date, so it cannot be placed in a year")
    forced = _forced(project, adj)
    years = problem.years
    window = project.start_window
    area = portfolio.area_by_id.get(project.area)
    area_weight = area.strategic_weight if area is not None else 1.0
    scores = dict(project.scores) | adj.scores.get(project.id, {})
    options = [
        Option(start=o.start, start_date=_shift_date(start, o.shift), end_date=_shift_date(project.end(), o.shift),
               cost=o.cost, staff=o.staff, investment=o.investment, value=to_units(o.points))
        for o in start_options(project, years, problem.valuation, area_weight, scores, problem.open_from)
    ]
    if not options:
        assert window is not None  # without a window there is always one option
        opens = f" from {problem.open_from} on" if window.earliest < problem.open_from else ""
        return out(
            LeftOutKind.NO_START,
            f"no start in its window {window.earliest}–{window.latest}{opens} keeps its cost and staff inside "
            f"the plan years {years[0]}–{years[-1]}", window=(window.earliest, window.latest),
        )
    only = options[0]
    if forced is Why.CHOSEN and len(options) == 1 and not (only.cost or only.staff or only.investment):
        run = project.run_years()
        shift = only.start - start.year
        if run is not None and (run[-1] + shift < years[0] or run[0] + shift > years[-1]):
            return out(LeftOutKind.OUTSIDE_YEARS,
                       f"runs {run[0] + shift}–{run[-1] + shift}, outside the plan years {years[0]}–{years[-1]}",
                       runs=(run[0] + shift, run[-1] + shift))
    problem.candidates.append(Candidate(project, options, forced))


def _shift_date(day: dt.date | None, years: int) -> dt.date | None:
    if day is None or years == 0:
        return day
    year = min(max(day.year + years, dt.MINYEAR), dt.MAXYEAR)  # an end in year 9999 stays there
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February into a common year
        return day.replace(year=year, day=28)


def _missing_frames(problem: Problem, portfolio: Portfolio) -> list[str]:
    """Notes for what nothing limits: a plan year in which projects need a
    kind of money the programme has no frame for, and an area with
    candidates but no frames in the round that speaks."""
    notes = []
    framed = {(f.key.scope, f.key.resource, f.key.year) for f in problem.frames}
    for resource, kind in FRAME_KINDS:
        bare = [y for y in problem.years if ("programme", resource, y) not in framed
                and any(o.use(resource).get(y) for c in problem.candidates for o in c.options)]
        if bare:
            listed = ", ".join(map(str, bare))
            notes.append(f"the budget round gives no programme {kind.value} frame for {listed}, so nothing "
                         f"limits {kind.value} there; add the frame to the round in programme.yaml")
    areas = sorted({c.project.area for c in problem.candidates})
    for area_id in areas:
        area = portfolio.area_by_id.get(area_id)
        if area is None:
            continue
        silent: dict[int, list[int]] = {}  # round -> years
        for year in problem.years:
            speaking = portfolio.frame_source(year, problem.as_of)
            if speaking is not None and portfolio.frame_source(year, problem.as_of, area_id) is None:
                silent.setdefault(speaking.year, []).append(year)
        for round_year, in_years in silent.items():
            notes.append(f"area {area_id} has no frames in budsjett {round_year} (rounds in its area.yaml), so "
                         f"only the programme frames limit its projects in {', '.join(map(str, in_years))}")
    return notes


def _follow_done(problem: Problem) -> None:
    """A completed predecessor is done, not missing: a successor that may
    still move keeps the starts its hard dependency allows after it (what
    already happened is not re-planned), and none left means it cannot be placed."""
    done = {p.id: p for p in problem.done}
    kept = []
    for candidate in problem.candidates:
        project = candidate.project
        for dep in project.depends_on:
            pred = done.get(dep.project)
            if pred is None or dep.strength is not Strength.HARD or project.keeps_its_years:
                continue
            allowed = [o for o in candidate.options if dependency_holds(dep, pred.start(), pred.end(), o.start_date)]
            if not allowed:
                problem.not_placeable.append(NotPlaceable(
                    project, LeftOutKind.TIMING,
                    f"no start it may have comes after {pred.id} ({describe_dependency(dep)}; it ended {pred.end()})",
                    predecessors=(pred.id,)))
                break
            candidate.options = allowed
        else:
            kept.append(candidate)
    problem.candidates = kept


def _links(problem: Problem, portfolio: Portfolio) -> list[Link]:
    links: list[Link] = []
    gone = {n.project.id: n for n in problem.not_placeable}
    done = {p.id for p in problem.done}
    for succ in problem.candidates:
        for i, dep in enumerate(succ.project.depends_on):
            pred = problem.candidate(dep.project)
            if pred is None and dep.project in done:
                continue  # done before the plan: _follow_done kept the starts it allows
            if pred is None:
                if dep.strength is Strength.HARD:
                    reason = gone[dep.project].reason if dep.project in gone else "not in the data"
                    succ.blocked = succ.blocked or f"needs {dep.project}, which cannot be in the plan ({reason})"
                continue
            both_committed = succ.forced is Why.COMMITTED and pred.forced is Why.COMMITTED
            allowed = tuple(
                frozenset(
                    j for j, before in enumerate(pred.options)
                    # What already happened is not re-planned: validate reports it.
                    if both_committed or dependency_holds(dep, before.start_date, before.end_date, after.start_date)
                )
                for after in succ.options
            )
            links.append(Link(pred.id, succ.id, dep, allowed, succ.project.where("depends_on", i)))
    return links


def programme_drift(frames: list[Frame]) -> float:
    """The programme's drift frames over the plan years: what an area's share is a share of."""
    return sum(f.limit for f in frames if f.key.scope == "programme" and f.key.resource is Resource.BUDGET)


def _min_shares(portfolio: Portfolio, years: range, frames: list[Frame]) -> list[MinShare]:
    total = programme_drift(frames)
    shares = []
    for area in sorted(portfolio.areas, key=lambda a: a.id):
        if area.min_share:
            shares.append(MinShare(area.id, area.min_share, area.min_share * total, area.where("min_share")))
    return shares


def describe_dependency(dep: Dependency) -> str:
    kind = "finish-to-start" if dep.type is DependencyType.FINISH_TO_START else "start-to-start"
    lag = f", lag {dep.lag_days} days" if dep.lag_days else ""
    return f"{dep.strength.value}, {kind}{lag}"
