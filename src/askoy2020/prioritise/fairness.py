"""Fairness between programme areas in the next round's plan.

For each area: its share of the plan's drift and årsverk over the plan
years, against its ``min_share`` (of the programme's drift frames) and
against its share of what the candidates are worth – an area whose
proposals are worth a third of all proposals but which gets a tenth of the
money is worth a question in the budget meeting. And the *price of
fairness*: the value the plan gives up for each area's minimum share,
found by solving again without that one share (the plan's value without
it, less its value with it; 0 when the share does not bind).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..model.valuation import to_points
from .problem import Problem, programme_drift
from .solver import Solution, SolveSettings, solve


@dataclass(frozen=True)
class AreaShare:
    area: str
    drift: float  # 1000 kr over the plan years
    drift_share: float  # of the plan's drift
    frame_share: float  # of the programme's drift frames: what min_share and --max-share speak of
    staff: float  # årsverk-years over the plan years
    staff_share: float
    value_share: float  # of the best value every candidate could bring
    min_share: float | None
    price: float | None  # points given up for min_share; None without one, or when the time ran out


def fairness(problem: Problem, solution: Solution, settings: SolveSettings) -> list[AreaShare]:
    """Every area with candidates, by id."""
    drift: dict[str, float] = {}
    staff: dict[str, float] = {}
    worth: dict[str, float] = {}
    for candidate in problem.candidates:
        area = candidate.project.area
        worth[area] = worth.get(area, 0.0) + max((o.value for o in candidate.options), default=0)
        k = solution.chosen.get(candidate.id)
        if k is not None:
            option = candidate.options[k]
            drift[area] = drift.get(area, 0.0) + sum(option.cost.values())
            staff[area] = staff.get(area, 0.0) + sum(option.staff.values())
    total_drift, total_staff, total_worth = sum(drift.values()), sum(staff.values()), sum(worth.values())
    frames = programme_drift(problem.frames)
    shares = {s.area: s for s in problem.min_shares}
    rows = []
    for area in sorted(worth):
        minimum = shares.get(area)
        price = None
        if minimum is not None:
            without = solve(replace(problem, min_shares=[s for s in problem.min_shares if s.area != area]), settings)
            if without.feasible:
                price = max(0.0, to_points(without.value - solution.value))
        rows.append(AreaShare(
            area, drift.get(area, 0.0), drift.get(area, 0.0) / total_drift if total_drift else 0.0,
            drift.get(area, 0.0) / frames if frames else 0.0,
            staff.get(area, 0.0), staff.get(area, 0.0) / total_staff if total_staff else 0.0,
            worth[area] / total_worth if total_worth else 0.0, minimum.share if minimum else None, price))
    return rows
