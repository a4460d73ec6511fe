"""How robust the recommended plan is to the criteria's weights.

Two questions politicians ask of a weighted ranking:

* *How far may one weight move before the plan changes?* For each
  criterion, the interval of its weight (the others kept) within which the
  same projects are chosen with the same starts. A plan's value is linear in
  the weights once they are normalised, so the weights under which one plan
  is best form a convex set, and along one weight an interval: the plan is
  best at both ends of a reported interval, hence everywhere inside. Each
  end is found by re-solving (bisection on the weight, from a point where the
  plan holds to one where it does not) until the two are closer than
  :data:`PRECISION` of the weight, or the time budget ends – then the
  interval is reported as far as it was verified, and marked so.
* *Which projects are in whatever the exact weights?* A Monte Carlo
  summary: ``draws`` sets of weights, each weight multiplied by a factor
  drawn uniformly from 1 ± ``spread``, seeded, so the same seed gives the
  same answer; how often each project is chosen. Projects in under every
  draw, out under every draw, and on the edge are listed apart.

Re-solving the sample's plan takes a few milliseconds, so both fit well
inside the command's time limit; draws not reached before it are left out
and said to be.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from ..model import Portfolio
from .adjust import Adjustments
from .problem import build_problem
from .solver import SolveSettings, solve

PRECISION = 0.001
"""Bisection stops when the ends are this close, relative to the weight (or to the sum of the weights)."""
NO_LIMIT_FACTOR = 1000.0
"""A weight this many times the sum of all weights counts as no upper limit."""

Selection = frozenset[tuple[str, int]]
"""The projects a plan chooses, each with its start year."""


@dataclass(frozen=True)
class WeightInterval:
    criterion: str
    weight: float
    low: float
    high: float | None  # None: no upper limit
    verified: bool = True  # False: the time ran out before both ends were found to PRECISION


@dataclass
class Robustness:
    intervals: list[WeightInterval] = field(default_factory=list)
    draws_asked: int = 0
    draws: int = 0  # done before the time limit
    spread: float = 0.2
    seed: int = 0
    chosen_in: dict[str, int] = field(default_factory=dict)  # project -> draws it was chosen in
    optional: frozenset[str] = frozenset()  # the projects the plan may leave out (not committed, mandatory …)
    solves: int = 0

    def share(self, project: str) -> float:
        return self.chosen_in.get(project, 0) / self.draws if self.draws else 0.0

    @property
    def always(self) -> list[str]:
        """Optional projects chosen under every draw."""
        return sorted(p for p in self.optional if self.draws and self.chosen_in.get(p, 0) == self.draws)

    @property
    def edge(self) -> list[str]:
        """Optional projects chosen under some draws, most often first."""
        return sorted((p for p in self.optional if 0 < self.chosen_in.get(p, 0) < self.draws),
                      key=lambda p: (-self.share(p), p))

    @property
    def never(self) -> list[str]:
        """Optional projects chosen under no draw."""
        return sorted(p for p in self.optional if self.draws and self.chosen_in.get(p, 0) == 0)


class _Solver:
    """The plan's selection under other weights: the same problem built with
    the weights changed, solved within the command's deadline."""

    def __init__(self, portfolio: Portfolio, adjustments: Adjustments, settings: SolveSettings,
                 as_of: dt.date | None, from_year: int | None) -> None:
        self.portfolio, self.adjustments, self.settings = portfolio, adjustments, settings
        self.as_of, self.from_year = as_of, from_year
        self.solves = 0
        self.optional: frozenset[str] = frozenset()

    def selection(self, weights: dict[str, float]) -> Selection | None:
        """None when the time ran out (or no plan was found)."""
        if self.settings.seconds_left() <= 0:
            return None
        adjusted = replace(self.adjustments, weights=dict(weights))
        problem = build_problem(self.portfolio, adjusted, self.as_of, from_year=self.from_year)
        self.optional = frozenset(c.id for c in problem.candidates if c.optional)
        solution = solve(problem, self.settings)
        self.solves += 1
        if not solution.feasible:
            return None
        return frozenset((pid, problem.candidate(pid).options[k].start)  # type: ignore[union-attr]
                         for pid, k in solution.chosen.items())


def robustness(
    portfolio: Portfolio, adjustments: Adjustments, weights: dict[str, float], settings: SolveSettings, *,
    as_of: dt.date | None = None, from_year: int | None = None, draws: int = 200, spread: float = 0.2,
    seed: int = 2020,
) -> Robustness:
    """Stability intervals and the Monte Carlo summary for the plan made
    with ``weights`` (every criterion's, as the plan used them)."""
    solver = _Solver(portfolio, adjustments, settings, as_of, from_year)
    result = Robustness(draws_asked=draws, spread=spread, seed=seed)
    if sum(weights.values()) <= 0:
        return result  # every project scores 0: there is nothing for the weights to move
    base = solver.selection(weights)
    if base is None:
        return result
    total = sum(weights.values())
    for criterion, weight in weights.items():
        result.intervals.append(_interval(solver, weights, criterion, weight, total, base))
    result.optional = solver.optional
    rng = random.Random(seed)
    for _ in range(draws):
        drawn = {c: w * rng.uniform(1 - spread, 1 + spread) for c, w in weights.items()}
        found = solver.selection(drawn)
        if found is None:
            break
        result.draws += 1
        for pid, _start in found:
            result.chosen_in[pid] = result.chosen_in.get(pid, 0) + 1
    result.solves = solver.solves
    return result


def _interval(solver: _Solver, weights: dict[str, float], criterion: str, weight: float, total: float,
              base: Selection) -> WeightInterval:
    def holds(value: float) -> bool | None:
        found = solver.selection(weights | {criterion: value})
        return None if found is None else found == base

    step = PRECISION * max(weight, total / max(1, len(weights)))
    verified = True
    # Down: from the weight towards 0.
    low: float = 0.0
    at_zero = holds(0.0)
    if at_zero is None:
        verified, low = False, weight
    elif not at_zero:
        low, verified = _bisect(holds, weight, 0.0, step, verified)
    # Up: from the weight towards "no limit".
    far = NO_LIMIT_FACTOR * max(total, weight, 1e-9)
    high: float | None = None
    at_far = holds(far)
    if at_far is None:
        verified, high = False, weight
    elif not at_far:
        high, verified = _bisect(holds, weight, far, step, verified)
    return WeightInterval(criterion, weight, low, high, verified)


def _bisect(holds: Callable[[float], bool | None], inside: float, outside: float, step: float,
            verified: bool) -> tuple[float, bool]:
    """The farthest point from ``inside`` towards ``outside`` where the plan
    is known to hold, to within ``step``."""
    while abs(outside - inside) > step:
        middle = (inside + outside) / 2
        answer = holds(middle)
        if answer is None:
            return inside, False
        if answer:
            inside = middle
        else:
            outside = middle
    return inside, verified
