"""``prioritise(portfolio, …) -> Outcome``: build, solve, explain, and put
the answer in a Plan record."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import Portfolio
from ..model.plan import Plan
from .adjust import Adjustments
from .explain import (
    Conflict,
    ExplainBudget,
    frame_conflicts,
    left_out_reasons,
    structural_conflicts,
)
from .marginal import Marginal, Raise, marginal_values, more_money
from .problem import Problem, build_problem
from .record import plan_record
from .robustness import Robustness
from .solver import Solution, SolutionStatus, SolveSettings, solve

if TYPE_CHECKING:
    from .alternatives import Alternative
    from .fairness import AreaShare


@dataclass
class Outcome:
    problem: Problem
    settings: SolveSettings
    solution: Solution | None = None
    plan: Plan | None = None
    conflicts: list[Conflict] = field(default_factory=list)
    marginals: list[Marginal] = field(default_factory=list)
    raises: list[Raise] = field(default_factory=list)  # what one more million a year would buy
    notes: list[str] = field(default_factory=list)
    robustness: Robustness | None = None  # asked for with --robustness
    alternatives: list[Alternative] = field(default_factory=list)  # asked for with --compare
    fairness: list[AreaShare] | None = None  # asked for with --fairness


def prioritise(
    portfolio: Portfolio,
    adjustments: Adjustments | None = None,
    settings: SolveSettings | None = None,
    *,
    plan_id: str = "plan",
    scenario: str | None = None,
    explain: bool = True,
    as_of: dt.date | None = None,
    from_year: int | None = None,
) -> Outcome:
    """The best plan for the portfolio's next budget round: the open years
    on ``as_of`` (default today) from ``from_year`` (default the first open
    year). Raises AdjustmentError for options the data cannot honour; an
    infeasible portfolio is an Outcome with conflicts and no plan."""
    assert portfolio.programme is not None
    problem = build_problem(portfolio, adjustments, as_of, from_year=from_year)
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
        # One more million a year first: it is what the report shows, and a
        # tight time budget may leave nothing for the questions asked last.
        outcome.raises = more_money(problem, solution, budget)
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
    outcome.plan = plan_record(problem, solution, reasons, outcome.marginals, plan_id, scenario, portfolio,
                               outcome.raises)
    return outcome
