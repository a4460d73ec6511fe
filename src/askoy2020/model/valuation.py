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
from .programme import Criterion
from .project import Project

UNITS_PER_POINT = 1000


@dataclass(frozen=True)
class Valuation:
    """The value model after scenario changes, ready to score projects."""

    method: Method
    criteria: tuple[Criterion, ...]
    weights: Mapping[str, float]
    settings: Prioritisation

    def score(self, project: Project, scores: Mapping[str, float], only: set[str] | None = None) -> float:
        """Weighted, normalised score 0–100 over ``only`` (or every) criterion.
        A missing score counts as the bottom of the scale."""
        total_weight = 0.0
        total = 0.0
        for criterion in self.criteria:
            if only and criterion.id not in only:
                continue
            weight = self.weights.get(criterion.id, criterion.weight)
            span = criterion.scale.max - criterion.scale.min
            raw = scores.get(criterion.id, criterion.scale.min)
            normalised = (raw - criterion.scale.min) / span if span > 0 else 0.0
            total += weight * min(1.0, max(0.0, normalised))
            total_weight += weight
        return 100.0 * total / total_weight if total_weight > 0 else 0.0

    def base_points(self, project: Project, scores: Mapping[str, float], area_weight: float) -> float:
        """Points before delay and benefits; for WSJF, per million kr of size."""
        if self.method is Method.WSJF:
            cost_of_delay = self.score(project, scores, set(self.settings.wsjf.cost_of_delay) or None)
            size = max(1.0, sum(project.cost.values()) / 1000.0)
            return area_weight * cost_of_delay / size
        return area_weight * self.score(project, scores)

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
    cost: dict[int, float] = field(default_factory=dict)  # in the plan years only
    staff: dict[int, float] = field(default_factory=dict)
    points: float = 0.0


def start_options(
    project: Project, years: range, valuation: Valuation, area_weight: float, scores: Mapping[str, float]
) -> list[StartOption]:
    """Every start a plan of ``years`` may give ``project``: its own start when
    it keeps its years (started or locked) or has no start window, else each
    year of the window whose cost and staff fall wholly inside the plan
    years. A later start is worth less by the delay discount; benefits
    count inside the plan years."""
    start = project.start()
    if start is None:
        return []
    window = project.start_window
    fixed = project.keeps_its_years or window is None
    shifts = [0] if fixed or window is None else [y - start.year for y in range(window.earliest, window.latest + 1)]
    base = valuation.base_points(project, scores, area_weight)
    found: list[StartOption] = []
    for shift in shifts:
        cost = _shifted(project.cost, shift)
        staff = _shifted(project.staff, shift)
        # A movable project must fit wholly inside the plan years: letting
        # it slide past the last year would hide its cost from every frame.
        if not fixed and any(y not in years for y in list(cost) + list(staff)):
            continue
        benefits = sum(v for y, v in _shifted(project.planned_gains(), shift).items() if y in years)
        delay = (start.year + shift) - found[0].start if found else 0
        found.append(StartOption(
            start=start.year + shift, shift=shift,
            cost={y: v for y, v in cost.items() if y in years},
            staff={y: v for y, v in staff.items() if y in years},
            points=valuation.option_points(base, delay, benefits),
        ))
    return found


def _shifted(by_year: Mapping[int, float], shift: int) -> dict[int, float]:
    return {y + shift: v for y, v in by_year.items() if v}
