"""How a scenario's plan differs from the baseline plan."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model.plan import Plan


@dataclass
class PlanDiff:
    baseline_value: float
    value: float
    added: list[tuple[str, int]] = field(default_factory=list)  # (project, start)
    dropped: list[str] = field(default_factory=list)
    moved: list[tuple[str, int, int]] = field(default_factory=list)  # (project, from, to)
    # (year, budget (drift) used change, staff used change, investment used change)
    frames: list[tuple[int, float, float, float]] = field(default_factory=list)

    @property
    def value_change(self) -> float:
        return round(self.value - self.baseline_value, 3)

    @property
    def unchanged(self) -> bool:
        return not (self.added or self.dropped or self.moved)

    def to_dict(self) -> dict[str, object]:
        return {
            "baseline_value": self.baseline_value, "value": self.value, "value_change": self.value_change,
            "added": [{"project": p, "start": s} for p, s in self.added],
            "dropped": self.dropped,
            "moved": [{"project": p, "from": a, "to": b} for p, a, b in self.moved],
            "frames": [{"year": y, "budget_used_change": b, "staff_used_change": s, "investment_used_change": i}
                       for y, b, s, i in self.frames],
        }


def diff_plans(baseline: Plan, scenario: Plan) -> PlanDiff:
    before = {s.project: s.start for s in baseline.selected}
    after = {s.project: s.start for s in scenario.selected}
    result = PlanDiff(baseline.value, scenario.value)
    result.added = sorted((p, s) for p, s in after.items() if p not in before)
    result.dropped = sorted(p for p in before if p not in after)
    result.moved = sorted((p, before[p], s) for p, s in after.items() if p in before and before[p] != s)
    old = {f.year: f for f in baseline.frames}
    for frame in scenario.frames:
        was = old.get(frame.year)
        if was is not None:
            budget = round(frame.budget_used - was.budget_used, 3)
            staff = round(frame.staff_used - was.staff_used, 3)
            investment = round(frame.investment_used - was.investment_used, 3)
            if budget or staff or investment:
                result.frames.append((frame.year, budget, staff, investment))
    return result
