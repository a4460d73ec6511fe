"""What a project is worth: weighted scoring or WSJF, as the data say, and
what each start year it may have is worth. Prioritise builds its problem
from these, and ASK702 checks a saved plan's values against them, so the
two cannot disagree about a project's value.

Values are points (a project scoring top marks on every criterion in an
area of strategic weight 1 is worth 100). The solver works on whole
thousandths of a point so that its objective is exact integer arithmetic
and ties can be broken deliberately rather than by floating-point noise.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from .methods import Method
from .prioritisation import Prioritisation
from .programme import Criterion, Programme
from .project import Project, ProjectStatus

UNITS_PER_POINT = 1000


@dataclass(frozen=True)
class Valuation:
    """The value model after scenario changes, ready to score projects."""

    method: Method
    criteria: tuple[Criterion, ...]
    weights: Mapping[str, float]  # every criterion's: the programme's (Programme.weights), changed by a scenario's
    settings: Prioritisation

    @classmethod
    def of(cls, programme: Programme, method: Method, changes: Mapping[str, float],
           settings: Prioritisation | None = None) -> Valuation:
        """The programme's value model with a scenario's weight ``changes``."""
        return cls(method, tuple(programme.criteria), programme.weights() | dict(changes),
                   settings or programme.prioritisation)

    def score(self, scores: Mapping[str, float], only: set[str] | None = None) -> float:
        """Weighted, normalised score 0–100 over ``only`` (or every) criterion.
        A missing score counts as the bottom of the scale."""
        total_weight = 0.0
        total = 0.0
        for criterion in self.criteria:
            if only and criterion.id not in only:
                continue
            weight = self.weights.get(criterion.id, 0.0)
            span = criterion.scale.max - criterion.scale.min
            raw = scores.get(criterion.id, criterion.scale.min)
            normalised = (raw - criterion.scale.min) / span if span > 0 else 0.0
            total += weight * min(1.0, max(0.0, normalised))
            total_weight += weight
        return 100.0 * total / total_weight if total_weight > 0 else 0.0

    def base_points(self, scores: Mapping[str, float], area_weight: float, size: float) -> float:
        """Points before delay and benefits; for WSJF, per million kr of
        ``size`` (the drift still to spend, 1000 kr: sunk money is no part of the job)."""
        if self.method is Method.WSJF:
            cost_of_delay = self.score(scores, set(self.settings.wsjf.cost_of_delay) or None)
            return area_weight * cost_of_delay / max(1.0, size / 1000.0)
        return area_weight * self.score(scores)

    def option_points(self, base: float, delay_years: int, benefits_inside: float) -> float:
        kept = (1.0 - self.settings.delay_discount) ** delay_years
        return base * kept + self.settings.benefit_weight * benefits_inside


def to_units(points: float) -> int:
    return round(points * UNITS_PER_POINT)


def to_points(units: float) -> float:
    return units / UNITS_PER_POINT


@dataclass(frozen=True)
class StartOption:
    """One start year a project may have in a plan, and what it brings."""

    start: int
    shift: int  # years from its own start
    cost: dict[int, float] = field(default_factory=dict)  # drift, in the plan years only
    staff: dict[int, float] = field(default_factory=dict)
    investment: dict[int, float] = field(default_factory=dict)
    points: float = 0.0


def start_options(
    project: Project, years: range, valuation: Valuation, area_weight: float, scores: Mapping[str, float],
    open_from: int | None = None,
) -> list[StartOption]:
    """Every start a plan of ``years`` may give ``project`` when money before
    ``open_from`` (by default the first plan year) is sunk.

    A project that keeps its years (started or locked) keeps them, and only
    its money from ``open_from`` on counts; so does a paused one, which may
    be resumed where it stands (its start window is not used). A planned
    project may start in any year of its start window from ``open_from`` on
    whose money falls wholly inside the plan years; a
    planned project whose start has passed without a window (or whose
    window has passed) starts in ``open_from``. Cost, investment, staff and
    benefits move with the start. A later start than the first possible is
    worth less by the delay discount; benefits count inside the plan years;
    WSJF's job size is the drift from ``open_from`` on."""
    start = project.start()
    if start is None:
        return []
    first_open = years.start if open_from is None else open_from
    starts, must_fit = _starts(project, start.year, first_open)
    found: list[StartOption] = []
    for year in starts:
        shift = year - start.year
        cost, staff = _shifted(project.cost, shift), _shifted(project.staff, shift)
        investment = _shifted(project.investment, shift)
        # A movable project must fit wholly inside the plan years: letting
        # it slide past the last year would hide its money from every frame.
        if must_fit and any(y not in years for y in [*cost, *staff, *investment]):
            continue
        size = sum(v for y, v in cost.items() if y >= first_open)
        base = valuation.base_points(scores, area_weight, size)
        benefits = sum(v for y, v in _shifted(project.planned_gains(), shift).items() if y in years)
        delay = year - found[0].start if found else 0
        found.append(StartOption(
            start=year, shift=shift,
            cost=_inside(cost, years, first_open), staff=_inside(staff, years, first_open),
            investment=_inside(investment, years, first_open),
            points=valuation.option_points(base, delay, benefits),
        ))
    return found


def _starts(project: Project, start: int, first_open: int) -> tuple[list[int], bool]:
    """The start years a plan may give ``project``, and whether its money
    must then fall wholly inside the plan years (only when there is a choice)."""
    if project.keeps_its_years or project.status is ProjectStatus.PAUSED:
        return [start], False  # started (or paused, to be resumed where it stands): what is spent stays spent
    window = project.start_window
    if window is not None:
        open_window = [y for y in range(window.earliest, window.latest + 1) if y >= first_open]
        if open_window:
            return open_window, True
    if project.status is ProjectStatus.PLANNED and start < first_open:
        return [first_open], False  # not started in time: the first open year is the earliest it can
    return [start], False


def _inside(by_year: Mapping[int, float], years: range, first_open: int) -> dict[int, float]:
    return {y: v for y, v in by_year.items() if y in years and y >= first_open}


def _shifted(by_year: Mapping[int, float], shift: int) -> dict[int, float]:
    return {y + shift: v for y, v in by_year.items() if v}
