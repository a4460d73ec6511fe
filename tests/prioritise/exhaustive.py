"""Exhaustive search over a Problem: the reference the solver must equal.

Written from the problem's meaning, not from the solver's rows: try every
combination of "left out" or "start with option k" and keep the best that
obeys every frame, dependency and minimum share."""

from __future__ import annotations

from itertools import product

from askoy2020.prioritise.problem import Problem


def best(problem: Problem) -> tuple[int, dict[str, int]] | None:
    candidates = problem.candidates
    choices = []
    for c in candidates:
        options: list[int | None] = list(range(len(c.options)))
        if c.blocked:
            options = []
        if c.optional:
            options = [None, *options]
        choices.append(options)
    found: tuple[int, dict[str, int]] | None = None
    for combo in product(*choices):
        chosen = {c.id: k for c, k in zip(candidates, combo) if k is not None}
        if not _lawful(problem, chosen):
            continue
        value = sum(c.options[k].value for c, k in zip(candidates, combo) if k is not None)
        if found is None or value > found[0]:
            found = (value, chosen)
    return found


def _lawful(problem: Problem, chosen: dict[str, int]) -> bool:
    by_id = {c.id: c for c in problem.candidates}
    for frame in problem.frames:
        key = frame.key
        used = sum(
            by_id[pid].options[k].use(key.resource).get(key.year, 0.0)
            for pid, k in chosen.items() if key.scope in ("programme", by_id[pid].project.area)
        )
        if used > frame.limit + 1e-9:
            return False
    for link in problem.links:
        k = chosen.get(link.succ)
        if k is None:
            continue
        j = chosen.get(link.pred)
        if link.dependency.strength.value == "hard" and (j is None or j not in link.allowed[k]):
            return False
        if link.dependency.strength.value == "soft" and j is not None and j not in link.allowed[k]:
            return False
    for share in problem.min_shares:
        given = sum(sum(by_id[pid].options[k].cost.values())
                    for pid, k in chosen.items() if by_id[pid].project.area == share.area)
        if given < share.amount - 1e-9:
            return False
    return True
