"""What a project is worth: weighted scoring or WSJF, as the data say.

Values are points (a project scoring top marks on every criterion in an
area of strategic weight 1 is worth 100). The solver works on whole
thousandths of a point so that its objective is exact integer arithmetic
and ties can be broken deliberately rather than by floating-point noise.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..model import Criterion, Project
from ..model.methods import Method
from ..model.prioritisation import Prioritisation

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
