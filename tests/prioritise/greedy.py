"""Greedy-by-value: what a spreadsheet does (sort by score, fund from the
top until the money runs out). Kept as the yardstick the exact plan is
measured against in tests and benchmarks (benchmarks/prioritise_scale.py),
never used to make a plan – so it lives with the tests, not in the package."""

from __future__ import annotations

from askoy2020.model.project import Strength
from askoy2020.prioritise.problem import Candidate, FrameKey, Problem
from askoy2020.prioritise.solver import Solution, SolutionStatus


def greedy(problem: Problem) -> Solution:
    """Take what must be in, then optional projects by value (ties by id),
    each at its earliest start that fits every frame and respects its
    dependencies on what is already taken. Returns status INFEASIBLE when
    what must be in does not fit in this order, or a minimum share is missed."""
    limits = {f.key: f.limit for f in problem.frames}
    used = dict.fromkeys(limits, 0.0)
    chosen: dict[str, int] = {}
    forced = [c for c in problem.candidates if not c.optional]
    if any(c.blocked for c in forced):
        return Solution(SolutionStatus.INFEASIBLE)
    optional = sorted((c for c in problem.candidates if c.optional and not c.blocked),
                      key=lambda c: (-max(o.value for o in c.options), c.id))
    # Forced projects first, predecessors before successors where possible.
    for candidate in _predecessors_first(problem, forced) + optional:
        for k, option in enumerate(candidate.options):
            if _fits(candidate, k, limits, used) and _links_hold(problem, candidate, k, chosen):
                chosen[candidate.id] = k
                for key in limits:
                    if key.scope in ("programme", candidate.project.area):
                        used[key] += option.use(key.resource).get(key.year, 0.0)
                break
        else:
            if not candidate.optional:
                return Solution(SolutionStatus.INFEASIBLE)
    for share in problem.min_shares:  # greedy has no way to steer towards a balance
        given = sum(sum(c.options[chosen[c.id]].cost.values()) for c in problem.candidates
                    if c.id in chosen and c.project.area == share.area)
        if given < share.amount - 1e-9:
            return Solution(SolutionStatus.INFEASIBLE)
    value = sum(c.options[chosen[c.id]].value for c in problem.candidates if c.id in chosen)
    return Solution(SolutionStatus.OPTIMAL, chosen, value)


def _fits(candidate: Candidate, k: int, limits: dict[FrameKey, float], used: dict[FrameKey, float]) -> bool:
    option = candidate.options[k]
    return all(
        used[key] + option.use(key.resource).get(key.year, 0.0) <= limit + 1e-9
        for key, limit in limits.items() if key.scope in ("programme", candidate.project.area)
    )


def _links_hold(problem: Problem, candidate: Candidate, k: int, chosen: dict[str, int]) -> bool:
    for link in problem.links:
        if link.succ == candidate.id:
            j = chosen.get(link.pred)
            if link.dependency.strength is Strength.HARD and (j is None or j not in link.allowed[k]):
                return False
            if link.dependency.strength is Strength.SOFT and j is not None and j not in link.allowed[k]:
                return False
        elif link.pred == candidate.id and link.succ in chosen and k not in link.allowed[chosen[link.succ]]:
            return False  # an already-taken successor could no longer follow this start
    return True


def _predecessors_first(problem: Problem, candidates: list[Candidate]) -> list[Candidate]:
    preds: dict[str, set[str]] = {c.id: set() for c in candidates}
    for link in problem.links:
        if link.succ in preds:
            preds[link.succ].add(link.pred)
    ordered: list[Candidate] = []
    placed: set[str] = set()
    pending = list(candidates)
    while pending:
        ready = [c for c in pending if not (preds[c.id] & {p.id for p in pending}) - placed] or pending[:1]
        for c in ready:
            ordered.append(c)
            placed.add(c.id)
        pending = [c for c in pending if c.id not in placed]
    return ordered
