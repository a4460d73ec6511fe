"""``prioritise(portfolio, …) -> Outcome``: build, solve, explain, and put
the answer in a Plan record."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Portfolio
from ..model.base import YearRange
from ..model.plan import FrameUse, LeftOut, LeftOutKind, MarginalValue, Plan, Selected, SolverOutcome, SolverStatus
from ..model.valuation import to_points
from .adjust import Adjustments
from .explain import (
    Conflict,
    ExplainBudget,
    Marginal,
    Reason,
    frame_conflicts,
    left_out_reasons,
    marginal_values,
    structural_conflicts,
)
from .problem import FrameKey, Problem, Resource, build_problem
from .solver import Solution, SolutionStatus, SolveSettings, solve


@dataclass
class Outcome:
    problem: Problem
    settings: SolveSettings
    solution: Solution | None = None
    plan: Plan | None = None
    conflicts: list[Conflict] = field(default_factory=list)
    marginals: list[Marginal] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def prioritise(
    portfolio: Portfolio,
    adjustments: Adjustments | None = None,
    settings: SolveSettings | None = None,
    *,
    plan_id: str = "plan",
    scenario: str | None = None,
    explain: bool = True,
) -> Outcome:
    """The best plan for the portfolio. Raises AdjustmentError for options
    the data cannot honour; an infeasible portfolio is an Outcome with
    conflicts and no plan."""
    assert portfolio.programme is not None
    problem = build_problem(portfolio, adjustments)
    model = portfolio.programme.prioritisation
    # The time limit is for the whole run, counted from here unless the caller
    # started it earlier (a scenario and its baseline share one budget).
    settings = (settings or SolveSettings.from_model(model)).started()
    outcome = Outcome(problem, settings, notes=list(problem.notes))
    outcome.conflicts = structural_conflicts(problem)
    if outcome.conflicts:
        return outcome
    solution = solve(problem, settings)
    outcome.solution = solution
    if solution.status is SolutionStatus.INFEASIBLE:
        outcome.conflicts = frame_conflicts(problem, settings)
        return outcome
    if not solution.feasible:
        outcome.notes.append(
            f"no plan was found within the time limit of {settings.time_limit:g} s; raise --time-limit")
        return outcome
    budget = ExplainBudget.for_problem(problem, settings)
    reasons = left_out_reasons(problem, solution, budget) if explain else {}
    if explain:
        outcome.marginals = marginal_values(problem, solution, budget, model.frame_step)
        if budget.settings is not settings:
            outcome.notes.append(
                f"with {len(problem.candidates)} projects, what-would-it-take re-solves were run for the "
                f"{budget.displace} most valuable projects left out and {budget.area_frames} area frames, "
                f"each stopped at a {budget.settings.gap:.1%} gap or {budget.settings.time_limit:g} s")
        if budget.not_run:
            shown = "; ".join(budget.not_run[:3]) + (f" and {len(budget.not_run) - 3} more"
                                                     if len(budget.not_run) > 3 else "")
            outcome.notes.append(
                f"the time limit of {settings.time_limit:g} s ran out before every explanation was computed; "
                f"not computed: {shown}. Raise --time-limit for them")
    outcome.plan = _plan(problem, solution, reasons, outcome.marginals, plan_id, scenario, portfolio)
    return outcome


def _plan(
    problem: Problem, solution: Solution, reasons: dict[str, Reason], marginals: list[Marginal],
    plan_id: str, scenario: str | None, portfolio: Portfolio,
) -> Plan:
    assert portfolio.programme is not None
    limits = {f.key: f.limit for f in problem.frames}
    frames = []
    for year in problem.years:
        frames.append(FrameUse(
            year=year,
            budget_frame=_limit(limits, "programme", Resource.BUDGET, year),
            budget_used=_used(problem, solution, Resource.BUDGET, year),
            staff_frame=_limit(limits, "programme", Resource.STAFF, year),
            staff_used=_used(problem, solution, Resource.STAFF, year),
        ))
    selected = []
    left_out = []
    for candidate in problem.candidates:
        k = solution.chosen.get(candidate.id)
        if k is not None:
            option = candidate.options[k]
            selected.append(Selected(
                project=candidate.id, start=option.start, value=round(to_points(option.value), 3),
                why=candidate.forced.value, cost=dict(sorted(option.cost.items())),
                staff=dict(sorted(option.staff.items())),
            ))
        else:
            reason = reasons.get(candidate.id)
            left_out.append(LeftOut(
                project=candidate.id,
                value=round(reason.value if reason else to_points(max(o.value for o in candidate.options)), 3),
                kind=reason.kind if reason else LeftOutKind.VALUE,
                reason=reason.text if reason else "not chosen (explanations were not computed)",
                cost={y: v for y, v in sorted(candidate.project.cost.items()) if y in problem.years},
                staff={y: v for y, v in sorted(candidate.project.staff.items()) if y in problem.years},
            ))
    for gone in problem.not_placeable:
        left_out.append(LeftOut(project=gone.project.id, kind=gone.kind, reason=gone.reason))
    left_out.sort(key=lambda item: item.project)
    return Plan(
        id=plan_id,
        programme=portfolio.programme.id,
        method=problem.method,
        scenario=scenario,
        years=YearRange(first_year=problem.years[0], last_year=problem.years[-1]),
        solver=SolverOutcome(
            status=(SolverStatus.OPTIMAL if solution.gap == 0
                    else SolverStatus.GAP_LIMIT if solution.status is SolutionStatus.OPTIMAL
                    else SolverStatus.TIME_LIMIT),
            gap=round(solution.gap, 6), bound=round(to_points(solution.bound), 3),
        ),
        value=round(to_points(solution.value), 3),
        frames=frames, selected=selected, left_out=left_out,
        marginal_values=[MarginalValue(
            scope=m.key.scope, resource=m.key.resource.value, year=m.key.year, step=m.step,
            value=round(m.gain, 3), enters=list(m.enters), leaves=list(m.leaves),
        ) for m in marginals],
    )


def _limit(limits: dict[FrameKey, float], scope: str, resource: Resource, year: int) -> float | None:
    for key, limit in limits.items():
        if key.scope == scope and key.resource is resource and key.year == year:
            return float(limit)
    return None


def _used(problem: Problem, solution: Solution, resource: Resource, year: int) -> float:
    total = 0.0
    for candidate in problem.candidates:
        k = solution.chosen.get(candidate.id)
        if k is not None:
            total += candidate.options[k].use(resource).get(year, 0.0)
    return round(total, 3)
