"""The solved problem as a Plan record: what is funded and at what cost
per year, what is not and what it would need, what each frame has left,
and which transfers between areas would fund a project left out."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Portfolio
from ..model.base import YearRange
from ..model.budget import MoneyKind
from ..model.plan import (
    AreaFairness,
    Displacement,
    FrameLeft,
    FrameUse,
    LeftOut,
    LeftOutKind,
    MarginalValue,
    MoreMoney,
    Move,
    Plan,
    PlanAlternative,
    PlanRobustness,
    Selected,
    Shortfall,
    SolverOutcome,
    SolverStatus,
    Transfer,
    WeightStability,
)
from ..model.valuation import to_points
from .explain import Displaced, Reason, short_text
from .marginal import Marginal, Raise
from .money import Usage, need, transfers, unallocated
from .problem import FrameKey, Problem, Resource
from .solver import Solution, SolutionStatus

if TYPE_CHECKING:
    from .alternatives import Alternative
    from .fairness import AreaShare
    from .robustness import Robustness


def plan_record(
    problem: Problem, solution: Solution, reasons: dict[str, Reason], marginals: list[Marginal],
    plan_id: str, scenario: str | None, portfolio: Portfolio, raises: list[Raise] | None = None,
) -> Plan:
    assert portfolio.programme is not None
    limits = {f.key: f.limit for f in problem.frames}
    usage = Usage.of(problem, solution.chosen)
    frames = []
    for year in problem.years:
        frames.append(FrameUse(
            year=year,
            budget_frame=_limit(limits, Resource.BUDGET, year),
            budget_used=_used(problem, solution, Resource.BUDGET, year),
            staff_frame=_limit(limits, Resource.STAFF, year),
            staff_used=_used(problem, solution, Resource.STAFF, year),
            investment_frame=_limit(limits, Resource.INVESTMENT, year),
            investment_used=_used(problem, solution, Resource.INVESTMENT, year),
        ))
    selected = []
    left_out = []
    for candidate in problem.candidates:
        k = solution.chosen.get(candidate.id)
        if k is not None:
            option = candidate.options[k]
            selected.append(Selected(
                project=candidate.id, start=option.start, value=round(to_points(option.value), 3),
                why=candidate.forced.value, cost=_rounded(option.cost), investment=_rounded(option.investment),
                staff=_rounded(option.staff),
            ))
            continue
        needs = need(candidate, usage, problem)
        option = candidate.options[needs.option]
        reason = reasons.get(candidate.id)
        if reason is not None:
            kind, text = reason.kind, reason.text
        elif needs.short:  # explanations off: the shortfall is known without a re-solve
            kind = LeftOutKind.FRAME
            text = short_text(needs.short) + "; what taking it in would push out was not computed"
        else:
            kind, text = LeftOutKind.VALUE, "not chosen (explanations were not computed)"
        left_out.append(LeftOut(
            project=candidate.id,
            value=round(reason.value if reason else to_points(max(o.value for o in candidate.options)), 3),
            kind=kind, reason=text, start=option.start,
            cost=_rounded(option.cost), investment=_rounded(option.investment), staff=_rounded(option.staff),
            short=[Shortfall(scope=key.scope, kind=key.resource.kind, year=key.year, amount=round(amount, 3))
                   for key, amount in needs.short] if kind is LeftOutKind.FRAME else [],
            displacement=_displacement(reason.displaced) if reason and reason.displaced else None,
            predecessors=list(reason.predecessors) if reason else [],
        ))
    for gone in problem.not_placeable:
        left_out.append(LeftOut(
            project=gone.project.id, kind=gone.kind, reason=gone.reason, excluded_by=gone.excluded_by,
            window=_years(gone.window), runs=_years(gone.runs), predecessors=list(gone.predecessors),
        ))
    left_out.sort(key=lambda item: item.project)
    return Plan(
        id=plan_id,
        programme=portfolio.programme.id,
        method=problem.method,
        scenario=scenario,
        years=YearRange(first_year=problem.years[0], last_year=problem.years[-1]),
        as_of=problem.as_of,
        open_from=problem.open_from,
        solver=SolverOutcome(
            status=(SolverStatus.OPTIMAL if solution.gap == 0
                    else SolverStatus.GAP_LIMIT if solution.status is SolutionStatus.OPTIMAL
                    else SolverStatus.TIME_LIMIT),
            gap=round(solution.gap, 6), bound=round(to_points(solution.bound), 3),
        ),
        value=round(to_points(solution.value), 3),
        frames=frames,
        unallocated=_unallocated(problem, usage),
        marginal_values=[MarginalValue(
            scope=m.key.scope, resource=m.key.resource.value, year=m.key.year, step=m.step,
            value=round(m.gain, 3), enters=list(m.enters), leaves=list(m.leaves),
        ) for m in marginals],
        more_money=[MoreMoney(scope=r.scope, step=r.step, years=list(r.years), value=round(r.gain, 3),
                              enters=list(r.enters), leaves=list(r.leaves)) for r in raises or []],
        selected=selected, left_out=left_out,
        transfers=[Transfer(project=pid, moves=[
            Move(kind=m.key.resource.kind, year=m.key.year, from_area=m.donor, to_area=m.key.scope,
                 amount=round(m.amount, 3)) for m in moves])
            for pid, moves in transfers(problem, solution.chosen, usage).items()],
        done=sorted(p.id for p in problem.done),
    )


def _displacement(moved: Displaced) -> Displacement:
    return Displacement(possible=moved.possible, pushes_out=list(moved.pushes_out),
                        pushes_out_value=round(moved.pushes_out_value, 3), loss=round(moved.loss, 3))


def _years(span: tuple[int, int] | None) -> YearRange | None:
    return None if span is None else YearRange(first_year=span[0], last_year=span[1])


def _unallocated(problem: Problem, usage: Usage) -> list[FrameLeft]:
    rows: dict[tuple[str, Resource], FrameLeft] = {}
    for left in unallocated(problem, usage):  # programme first, then areas by id; years in order
        key = left.key
        row = rows.setdefault((key.scope, key.resource), FrameLeft(scope=key.scope, kind=key.resource.kind))
        row.frame[key.year] = round(left.frame, 3)
        row.used[key.year] = round(left.used, 3)
        row.left[key.year] = round(left.left, 3)
    return list(rows.values())


def _rounded(by_year: dict[int, float]) -> dict[int, float]:
    return {y: round(v, 3) for y, v in sorted(by_year.items())}


def _limit(limits: dict[FrameKey, float], resource: Resource, year: int) -> float | None:
    found = limits.get(FrameKey("programme", resource, year))
    return None if found is None else float(found)


def _used(problem: Problem, solution: Solution, resource: Resource, year: int) -> float:
    total = 0.0
    for candidate in problem.candidates:
        k = solution.chosen.get(candidate.id)
        if k is not None:
            total += candidate.options[k].use(resource).get(year, 0.0)
    return round(total, 3)


def robustness_record(found: Robustness) -> PlanRobustness:
    """What --robustness found, as the plan keeps it for the report."""
    return PlanRobustness(
        intervals=[WeightStability(criterion=i.criterion, weight=round(i.weight, 6), low=round(i.low, 6),
                                   high=round(i.high, 6) if i.high is not None else None, verified=i.verified)
                   for i in found.intervals],
        draws=found.draws, spread=found.spread, seed=found.seed, always=found.always,
        edge={p: round(found.share(p), 4) for p in found.edge}, never=found.never)


def fairness_record(rows: list[AreaShare]) -> list[AreaFairness]:
    """What --fairness found, as the plan keeps it for the report."""
    return [AreaFairness(area=r.area, drift_share=round(r.drift_share, 6), frame_share=round(r.frame_share, 6),
                         staff_share=round(r.staff_share, 6), value_share=round(r.value_share, 6),
                         min_share=r.min_share, price=round(r.price, 3) if r.price is not None else None)
            for r in rows]


def alternatives_record(found: list[Alternative]) -> list[PlanAlternative]:
    """What --compare found, as the plan keeps it for the report."""
    rows = []
    for alternative in found:
        plan = alternative.plan
        row = PlanAlternative(revision=alternative.revision, balances=alternative.balances,
                              why="; ".join(alternative.conflicts[:3]) or None)
        if plan is not None and alternative.diff is not None:
            left = plan.programme_left(MoneyKind.DRIFT)
            row = row.model_copy(update={
                "value": plan.value, "drift": plan.programme_use(MoneyKind.DRIFT),
                "staff": plan.programme_use(MoneyKind.STAFF),
                "drift_unallocated": sum(left.values()) if left is not None else None,
                "funds": [p for p, _ in alternative.diff.added], "leaves_out": alternative.diff.dropped,
                "goals": alternative.goals})
        rows.append(row)
    return rows
