"""What more money would buy: the plan solved again with a larger frame.

Two questions, both answered by a re-solve, never by a guess:

- ``marginal_values``: one frame of one year grows by a step (1000 kr, or
  one årsverk) – which frame is worth widening;
- ``more_money``: one more million kroner of drift in *every* plan year, for
  the programme or for one area – what a budget meeting can actually give.
  Most proposals need money in each year they run, so a million in one
  year alone rarely buys one. New money for an area is new money for the
  programme too, so an area's raise lifts the programme frame with it;
  without that, the programme frame could take back what the area got.

The baseline plan stays feasible with a larger frame, so it is every
re-solve's first incumbent.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model.valuation import to_points
from .explain import SMALL, ExplainBudget
from .money import Usage
from .problem import Candidate, Frame, FrameKey, Problem, Resource
from .solver import Solution, SolutionStatus, solve_many

MILLION = 1000.0
"""One million kroner in the model's unit, 1000 kr."""


@dataclass(frozen=True)
class Marginal:
    key: FrameKey
    step: float
    gain: float  # points
    enters: tuple[str, ...]
    leaves: tuple[str, ...]


@dataclass(frozen=True)
class Raise:
    """One more million of drift per year for ``scope``, and what it buys."""

    scope: str  # "programme" or an area id
    years: tuple[int, ...]
    step: float  # 1000 kr per year
    gain: float  # points
    enters: tuple[str, ...]
    leaves: tuple[str, ...]


def marginal_values(problem: Problem, solution: Solution, budget: ExplainBudget, step: float) -> list[Marginal]:
    """What the plan gains when a frame grows by ``step`` (1000 kr) or by
    one årsverk: for every programme frame, and for the area frames that
    stand in the way of the most valuable projects left out (the others
    cannot buy anything)."""
    usage = Usage.of(problem, solution.chosen)
    out = [c for c in problem.candidates if c.id not in solution.chosen and not c.blocked]
    blocking = sorted(
        ((-_blocked_value(f, usage, out), i) for i, f in enumerate(problem.frames) if f.key.scope != "programme"),
    )
    asked = {i for worth, i in blocking[:budget.area_frames] if worth < 0}
    questions = []
    for i, frame in enumerate(problem.frames):
        if frame.key.scope == "programme" or i in asked:
            questions.append((frame.key, 1.0 if frame.key.resource is Resource.STAFF else step))
    answers = solve_many(problem, budget.settings,
                         [{"frame_change": {key: more}, "start": solution.chosen} for key, more in questions])
    found = []
    for (key, more), bigger in zip(questions, answers):
        if bigger.status is SolutionStatus.NOT_RUN:
            budget.not_run.append(f"what a larger {key.label()} would buy")
        if not bigger.feasible:
            continue
        gain = max(0.0, to_points(bigger.value - solution.value))
        enters, leaves = _changes(solution, bigger) if gain else ((), ())
        if key.scope == "programme" or gain:
            found.append(Marginal(key, more, gain, enters, leaves))
    return found


def more_money(problem: Problem, solution: Solution, budget: ExplainBudget, step: float = MILLION) -> list[Raise]:
    """What ``step`` (1000 kr) more drift in every plan year would buy: for
    the programme as a whole, and for each area with a drift frame (on a
    large portfolio, the areas whose frames keep the most value out). The
    programme is always answered, even when it buys nothing: that the
    programme has money no area may use is itself the answer. Areas whose
    money buys nothing are left out."""
    drift = [f for f in problem.frames if f.key.resource is Resource.BUDGET]
    areas = sorted({f.key.scope for f in drift if f.key.scope != "programme"})
    if len(problem.candidates) > SMALL:  # a large portfolio: ask only where value waits
        usage = Usage.of(problem, solution.chosen)
        out = [c for c in problem.candidates if c.id not in solution.chosen and not c.blocked]
        worth = {a: sum(_blocked_value(f, usage, out) for f in drift if f.key.scope == a) for a in areas}
        areas = sorted((a for a in areas if worth[a] > 0), key=lambda a: (-worth[a], a))[:budget.area_frames]
    questions: list[tuple[str, dict[FrameKey, float]]] = []
    for scope in ["programme", *areas]:
        raised = {f.key: step for f in drift if f.key.scope in {scope, "programme"}}
        if scope != "programme":  # the programme frame rises only in the years the area gets money
            given = {k.year for k in raised if k.scope == scope}
            raised = {k: v for k, v in raised.items() if k.year in given}
        if raised:
            questions.append((scope, raised))
    answers = solve_many(problem, budget.settings,
                         [{"frame_change": change, "start": solution.chosen} for _, change in questions])
    found = []
    for (scope, change), bigger in zip(questions, answers):
        if bigger.status is SolutionStatus.NOT_RUN:
            budget.not_run.append(f"what one more million a year for {scope} would buy")
        if not bigger.feasible:
            continue
        gain = max(0.0, to_points(bigger.value - solution.value))
        if scope == "programme" or gain:
            enters, leaves = _changes(solution, bigger) if gain else ((), ())
            found.append(Raise(scope, tuple(sorted({k.year for k in change if k.scope == scope})), step, gain,
                               enters, leaves))
    return found


def _changes(before: Solution, after: Solution) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return (tuple(sorted(set(after.chosen) - set(before.chosen))),
            tuple(sorted(set(before.chosen) - set(after.chosen))))


def _blocked_value(frame: Frame, usage: Usage, out: list[Candidate]) -> int:
    """The value of projects left out that this area frame alone keeps out."""
    key = frame.key
    slack = frame.limit - usage.used[key]
    return sum(
        max(o.value for o in c.options) for c in out
        if c.project.area == key.scope
        and all(o.use(key.resource).get(key.year, 0.0) > slack + 1e-9 for o in c.options)
    )
