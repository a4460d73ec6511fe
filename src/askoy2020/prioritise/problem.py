"""The prioritisation problem, solver-free: each project's start options with
their cost, staff and value; the frames; the dependency links.

Building it is where the domain rules live (who is committed, which starts a
window allows, what a dependency permits); the solver only sees numbers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property

from pydantic import TypeAdapter, ValidationError

from ..core.diagnostics import Location
from ..model import Portfolio, Project
from ..model.base import Fte, Money
from ..model.budget import MoneyKind
from ..model.methods import Method
from ..model.plan import LeftOutKind
from ..model.prioritisation import FrameChange
from ..model.project import Dependency, DependencyType, Strength, dependency_holds
from ..model.valuation import Valuation, start_options, to_units
from .adjust import AdjustmentError, Adjustments, one_line


class Why(str, Enum):
    """Why a project is in the plan whatever its value."""

    COMMITTED = "committed"  # active or completed: money already spent
    LOCKED = "locked"
    MANDATORY = "mandatory"
    INCLUDED = "included"
    CHOSEN = "chosen"  # optional: in only if it is worth its place


class Resource(str, Enum):
    BUDGET = "budget"
    STAFF = "staff"

    @property
    def unit(self) -> str:
        return "(1000 kr)" if self is Resource.BUDGET else "årsverk"


@dataclass(frozen=True)
class Option:
    """One way to run a project: starting in ``start``."""

    start: int
    start_date: dt.date | None
    end_date: dt.date | None
    cost: dict[int, float]  # only plan years
    staff: dict[int, float]
    value: int  # units (thousandths of a point)

    def use(self, resource: Resource) -> dict[int, float]:
        return self.cost if resource is Resource.BUDGET else self.staff


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
    """A project that cannot be in the plan at all, and why."""

    project: Project
    kind: LeftOutKind
    reason: str


@dataclass(frozen=True)
class FrameKey:
    scope: str  # "programme" or an area id
    resource: Resource
    year: int

    def label(self) -> str:
        where = "programme" if self.scope == "programme" else f"area {self.scope}"
        return f"{where} {self.resource.value} frame {self.year}"


@dataclass(frozen=True)
class Frame:
    key: FrameKey
    limit: float
    location: Location


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

    def candidate(self, project_id: str) -> Candidate | None:
        return self._by_id.get(project_id)

    @cached_property
    def _by_id(self) -> dict[str, Candidate]:
        # Read only once every candidate is added (build_problem's order).
        return {c.id: c for c in self.candidates}


def build_problem(
    portfolio: Portfolio, adjustments: Adjustments | None = None, as_of: dt.date | None = None
) -> Problem:
    """Turn the portfolio into a Problem, or raise AdjustmentError when the
    options ask for something the data cannot give (a year with no frame);
    NoProgramme without a programme.yaml."""
    adj = adjustments or Adjustments()
    programme = portfolio.require_programme()
    day = as_of or dt.date.today()
    plan = programme.current_round(day).years()
    rounds_span = programme.known_years()
    first, last = adj.years or (plan[0], plan[-1])
    if first > last:
        raise AdjustmentError(f"plan years {first}–{last}: the first year is after the last")
    if first < rounds_span[0] or last > rounds_span[-1]:
        raise AdjustmentError(
            f"plan years {first}–{last} reach outside the budget rounds' years {rounds_span[0]}–{rounds_span[-1]}"
        )
    years = range(first, last + 1)
    settings = programme.prioritisation
    method = adj.method or settings.method
    unknown = sorted(set(adj.weights) - {c.id for c in programme.criteria})
    if unknown:
        raise AdjustmentError(f"weights for unknown criteria: {', '.join(unknown)}")
    valuation = Valuation(method, tuple(programme.criteria), dict(adj.weights), settings)
    problem = Problem(years, method, valuation, [], [], [], [], [])
    known = portfolio.project_by_id
    unknown = sorted((adj.include | adj.exclude | set(adj.scores)) - set(known))
    if unknown:
        raise AdjustmentError(f"there is no project {unknown[0]}")
    if not programme.criteria:
        problem.notes.append("programme.yaml has no criteria: every project scores 0, so only rules decide")

    for project in sorted(portfolio.projects, key=lambda p: p.id):
        _add_project(problem, portfolio, project, adj)
    problem.frames = _frames(portfolio, years, adj, day)
    problem.links = _links(problem, portfolio)
    problem.min_shares = _min_shares(portfolio, years, problem.frames)
    return problem


def _forced(project: Project, adj: Adjustments) -> Why:
    if project.commitment is not None:
        return Why(project.commitment.value)
    if project.id in adj.include:
        return Why.INCLUDED
    return Why.CHOSEN


def _add_project(problem: Problem, portfolio: Portfolio, project: Project, adj: Adjustments) -> None:
    def out(kind: LeftOutKind, reason: str) -> None:
        problem.not_placeable.append(NotPlaceable(project, kind, reason))

    if not project.is_live:
        return out(LeftOutKind.CANCELLED, "cancelled")
    if project.id in adj.exclude and project.id not in adj.include:
        return out(LeftOutKind.EXCLUDED, f"excluded by {adj.exclude_source}")
    start = project.start()
    if start is None:
        return out(LeftOutKind.NO_START, "has no planned start date, so it cannot be placed in a year")
    forced = _forced(project, adj)
    years = problem.years
    fixed = forced in (Why.COMMITTED, Why.LOCKED) or project.start_window is None
    window = project.start_window
    area = portfolio.area_by_id.get(project.area)
    area_weight = area.strategic_weight if area is not None else 1.0
    scores = dict(project.scores) | adj.scores.get(project.id, {})
    options = [
        Option(start=o.start, start_date=_shift_date(start, o.shift), end_date=_shift_date(project.end(), o.shift),
               cost=o.cost, staff=o.staff, value=to_units(o.points))
        for o in start_options(project, years, problem.valuation, area_weight, scores)
    ]
    if not options:
        assert window is not None  # a fixed project always has its one option
        return out(
            LeftOutKind.NO_START,
            f"no start in its window {window.earliest}–{window.latest} keeps its cost and staff inside "
            f"the plan years {years[0]}–{years[-1]}",
        )
    if forced is Why.CHOSEN and fixed and not options[0].cost and not options[0].staff:
        run = project.run_years()
        if run is not None and (run[-1] < years[0] or run[0] > years[-1]):
            return out(LeftOutKind.OUTSIDE_YEARS,
                       f"runs {run[0]}–{run[-1]}, outside the plan years {years[0]}–{years[-1]}")
    problem.candidates.append(Candidate(project, options, forced))


def _shift_date(day: dt.date | None, years: int) -> dt.date | None:
    if day is None or years == 0:
        return day
    year = min(max(day.year + years, dt.MINYEAR), dt.MAXYEAR)  # an end in year 9999 stays there
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February into a common year
        return day.replace(year=year, day=28)


def _frames(portfolio: Portfolio, years: range, adj: Adjustments, as_of: dt.date) -> list[Frame]:
    owner_by_scope: dict[str, object] = {"programme": portfolio.programme}
    owner_by_scope.update((a.id, a) for a in sorted(portfolio.areas, key=lambda a: a.id))
    limits: dict[FrameKey, tuple[float, Location]] = {}
    for scope in owner_by_scope:
        for resource, kind in ((Resource.BUDGET, MoneyKind.DRIFT), (Resource.STAFF, MoneyKind.STAFF)):
            for year in years:
                source = portfolio.frame_source(year, as_of, None if scope == "programme" else scope)
                found = source.frame_at(kind, year, as_of) if source is not None else None
                if found is not None:
                    limits[FrameKey(scope, resource, year)] = found
    for resource, changes in ((Resource.BUDGET, adj.budget), (Resource.STAFF, adj.staff)):
        for change in changes:
            _apply(limits, owner_by_scope, resource, change, years)
    return [Frame(k, v[0], v[1]) for k, v in sorted(
        limits.items(), key=lambda kv: (kv[0].scope != "programme", kv[0].scope, kv[0].resource.value, kv[0].year))]


def _apply(
    limits: dict[FrameKey, tuple[float, Location]], owners: dict[str, object],
    resource: Resource, change: FrameChange, years: range,
) -> None:
    scope = change.area or "programme"
    if scope not in owners:
        raise AdjustmentError(f"there is no programme area {scope} whose frame could change")
    if change.year not in years:
        raise AdjustmentError(f"{resource.value} frame change for {change.year}, outside the plan years "
                              f"{years[0]}–{years[-1]}")
    key = FrameKey(scope, resource, change.year)
    if change.set is not None:
        limit = change.set
        location = limits[key][1] if key in limits else Location("<option>")
    else:
        if key not in limits:
            raise AdjustmentError(
                f"there is no {key.label()} to change; set one with YEAR=N instead of YEAR=+N")
        old, location = limits[key]
        assert change.change is not None
        limit = old + change.change
        if limit < 0:
            raise AdjustmentError(f"the change leaves the {key.label()} below zero ({limit:g})")
    try:
        # The frame must be one the data could hold, or the plan that
        # reports it cannot be written (a staff frame over 100 000 årsverk).
        _FRAME_TYPE[resource].validate_python(limit)
    except ValidationError as exc:
        raise AdjustmentError(f"the change makes the {key.label()} {limit:g}: {one_line(exc)}") from None
    limits[key] = (limit, location)


_FRAME_TYPE: dict[Resource, TypeAdapter[float]] = {
    Resource.BUDGET: TypeAdapter(Money), Resource.STAFF: TypeAdapter(Fte),
}


def _links(problem: Problem, portfolio: Portfolio) -> list[Link]:
    links: list[Link] = []
    gone = {n.project.id: n for n in problem.not_placeable}
    for succ in problem.candidates:
        for i, dep in enumerate(succ.project.depends_on):
            pred = problem.candidate(dep.project)
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


def _min_shares(portfolio: Portfolio, years: range, frames: list[Frame]) -> list[MinShare]:
    total = sum(f.limit for f in frames
                if f.key.scope == "programme" and f.key.resource is Resource.BUDGET)
    shares = []
    for area in sorted(portfolio.areas, key=lambda a: a.id):
        if area.min_share:
            shares.append(MinShare(area.id, area.min_share, area.min_share * total, area.where("min_share")))
    return shares


def describe_dependency(dep: Dependency) -> str:
    kind = "finish-to-start" if dep.type is DependencyType.FINISH_TO_START else "start-to-start"
    lag = f", lag {dep.lag_days} days" if dep.lag_days else ""
    return f"{dep.strength.value}, {kind}{lag}"
