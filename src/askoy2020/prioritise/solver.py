"""The mixed-integer model, solved exactly with HiGHS.

One binary x[p,k] per project p and start option k.
  maximise   Σ value[p,k]·x[p,k]  (+ a tie-break worth less than one unit)
  subject to Σ_k x[p,k] = 1 for committed, locked, mandatory, included p;  ≤ 1 otherwise
             Σ use[p,k,y]·x[p,k] ≤ frame       for every programme and area frame, year, resource
             x[s,k] ≤ Σ_{j allowed} x[p,j]     hard dependency p → s (selection and timing)
             x[s,k] + Σ_{j not allowed} x[p,j] ≤ 1   soft dependency: order only
             Σ cost[p,k]·x[p,k] ≥ min_share·programme budget   for an area with min_share
Values are integers (thousandths of a point), so a tie-break that adds less
than one unit in total cannot change which value is optimal, only which of
several equally good plans is returned: lower ids and earlier starts first.

``elastic=True`` solves the variant used to explain infeasibility: frames
and minimum shares may be exceeded at a price, and the excess is minimised.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .problem import Candidate, FrameKey, Problem, Resource

INF = float("inf")
# Elastic prices: one årsverk weighs like a million kroner.
_SLACK_PRICE = {Resource.BUDGET: 1.0, Resource.STAFF: 1000.0}


@dataclass(frozen=True)
class SolveSettings:
    gap: float = 0.0001
    time_limit: float = 10.0


@dataclass
class Solution:
    status: str  # optimal | time-limit | infeasible | no-solution
    chosen: dict[str, int] = field(default_factory=dict)  # candidate id -> option index
    value: int = 0  # units, without the tie-break
    bound: float = 0.0  # units
    gap: float = 0.0
    seconds: float = 0.0
    # Elastic solves: how far each frame (or minimum share, keyed by area) is overrun.
    excess: dict[FrameKey | str, float] = field(default_factory=dict)

    @property
    def feasible(self) -> bool:
        return self.status in ("optimal", "time-limit")


@dataclass
class _Model:
    cost: list[float] = field(default_factory=list)
    lower: list[float] = field(default_factory=list)
    upper: list[float] = field(default_factory=list)
    integer: list[bool] = field(default_factory=list)
    row_lower: list[float] = field(default_factory=list)
    row_upper: list[float] = field(default_factory=list)
    starts: list[int] = field(default_factory=lambda: [0])
    index: list[int] = field(default_factory=list)
    values: list[float] = field(default_factory=list)

    def column(self, cost: float, upper: float = 1.0, integer: bool = True) -> int:
        self.cost.append(cost)
        self.lower.append(0.0)
        self.upper.append(upper)
        self.integer.append(integer)
        return len(self.cost) - 1

    def row(self, terms: Mapping[int, float], lower: float, upper: float) -> None:
        for col, coefficient in terms.items():
            if coefficient:
                self.index.append(col)
                self.values.append(coefficient)
        self.starts.append(len(self.index))
        self.row_lower.append(lower)
        self.row_upper.append(upper)


def solve(
    problem: Problem,
    settings: SolveSettings = SolveSettings(),
    *,
    force_in: str | None = None,
    frame_change: Mapping[FrameKey, float] | None = None,
    elastic: bool = False,
) -> Solution:
    """Solve ``problem``; optionally with one more project forced in or some
    frames changed (the what-would-it-take questions of the explanation)."""
    model = _Model()
    columns: dict[str, list[int]] = {}
    total = sum(len(c.options) for c in problem.candidates)
    position = 0
    for candidate in problem.candidates:
        cols = []
        for option in candidate.options:
            position += 1
            tie = 0.5 * (total - position + 1) / (total * total) if option.value > 0 else -0.5 / total
            value = 0.0 if elastic else option.value + tie
            blocked = candidate.blocked is not None and candidate.optional
            cols.append(model.column(value, 0.0 if blocked else 1.0))
        columns[candidate.id] = cols
    slacks: dict[FrameKey | str, int] = {}
    _choice_rows(model, problem, columns, force_in)
    _frame_rows(model, problem, columns, frame_change or {}, slacks, elastic)
    _link_rows(model, problem, columns)
    _share_rows(model, problem, columns, slacks, elastic)
    return _run(model, problem, columns, slacks, settings)


def _choice_rows(model: _Model, problem: Problem, columns: dict[str, list[int]], force_in: str | None) -> None:
    for candidate in problem.candidates:
        at_least = 1.0 if not candidate.optional or candidate.id == force_in else 0.0
        model.row(dict.fromkeys(columns[candidate.id], 1.0), at_least, 1.0)


def _frame_rows(
    model: _Model, problem: Problem, columns: dict[str, list[int]],
    change: Mapping[FrameKey, float], slacks: dict[FrameKey | str, int], elastic: bool,
) -> None:
    for frame in problem.frames:
        key = frame.key
        terms: dict[int, float] = {}
        for candidate in _in_scope(problem, key.scope):
            for col, option in zip(columns[candidate.id], candidate.options):
                use = option.use(key.resource).get(key.year, 0.0)
                if use:
                    terms[col] = use
        if not terms:
            continue
        if elastic:
            slacks[key] = model.column(-_SLACK_PRICE[key.resource], INF, integer=False)
            terms[slacks[key]] = -1.0
        model.row(terms, -INF, frame.limit + change.get(key, 0.0))


def _in_scope(problem: Problem, scope: str) -> list[Candidate]:
    if scope == "programme":
        return problem.candidates
    return [c for c in problem.candidates if c.project.area == scope]


def _link_rows(model: _Model, problem: Problem, columns: dict[str, list[int]]) -> None:
    for link in problem.links:
        pred, succ = columns[link.pred], columns[link.succ]
        hard = link.dependency.strength.value == "hard"
        for k, allowed in enumerate(link.allowed):
            if hard:
                terms = {succ[k]: 1.0} | {pred[j]: -1.0 for j in allowed}
                model.row(terms, -INF, 0.0)
            else:
                banned = [pred[j] for j in range(len(pred)) if j not in allowed]
                if banned:
                    model.row({succ[k]: 1.0} | dict.fromkeys(banned, 1.0), -INF, 1.0)


def _share_rows(
    model: _Model, problem: Problem, columns: dict[str, list[int]],
    slacks: dict[FrameKey | str, int], elastic: bool,
) -> None:
    for share in problem.min_shares:
        terms: dict[int, float] = {}
        for candidate in _in_scope(problem, share.area):
            for col, option in zip(columns[candidate.id], candidate.options):
                terms[col] = sum(option.cost.values())
        if elastic:
            slacks[share.area] = model.column(-_SLACK_PRICE[Resource.BUDGET], INF, integer=False)
            terms[slacks[share.area]] = 1.0
        model.row(terms, share.amount, INF)


def _run(
    model: _Model, problem: Problem, columns: dict[str, list[int]],
    slacks: dict[FrameKey | str, int], settings: SolveSettings,
) -> Solution:
    import highspy
    import numpy as np

    highs = _quiet_highs()
    highs.setOptionValue("mip_rel_gap", settings.gap)
    highs.setOptionValue("time_limit", settings.time_limit)
    highs.setOptionValue("random_seed", 0)
    highs.setOptionValue("threads", 1)
    lp = highspy.HighsLp()
    lp.num_col_ = len(model.cost)
    lp.num_row_ = len(model.row_lower)
    lp.col_cost_ = np.array(model.cost, dtype=float)
    lp.col_lower_ = np.array(model.lower, dtype=float)
    lp.col_upper_ = np.array(model.upper, dtype=float)
    lp.row_lower_ = np.array(model.row_lower, dtype=float)
    lp.row_upper_ = np.array(model.row_upper, dtype=float)
    lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
    lp.a_matrix_.start_ = np.array(model.starts, dtype=np.int32)
    lp.a_matrix_.index_ = np.array(model.index, dtype=np.int32)
    lp.a_matrix_.value_ = np.array(model.values, dtype=float)
    lp.integrality_ = [highspy.HighsVarType.kInteger if i else highspy.HighsVarType.kContinuous
                       for i in model.integer]
    lp.sense_ = highspy.ObjSense.kMaximize
    highs.passModel(lp)
    began = time.perf_counter()
    highs.run()
    seconds = time.perf_counter() - began
    status = highs.getModelStatus()
    info = highs.getInfo()
    has_solution = info.primal_solution_status == 2  # kSolutionStatusFeasible
    if status == highspy.HighsModelStatus.kInfeasible:
        return Solution("infeasible", seconds=seconds)
    if not has_solution:
        return Solution("no-solution", seconds=seconds)
    values = highs.getSolution().col_value
    chosen = {}
    total = 0
    for candidate in problem.candidates:
        for k, col in enumerate(columns[candidate.id]):
            if values[col] > 0.5:
                chosen[candidate.id] = k
                total += candidate.options[k].value
    excess = {key: float(values[col]) for key, col in slacks.items() if values[col] > 1e-6}
    optimal = status == highspy.HighsModelStatus.kOptimal
    bound = float(info.mip_dual_bound) if not slacks else 0.0
    gap = 0.0 if slacks else max(0.0, (bound - total) / max(1.0, abs(bound)))
    if gap < 1e-9 or bound - total < 1.0:  # within the tie-break: nothing better exists
        gap = 0.0
    return Solution("optimal" if optimal else "time-limit", chosen, total, bound, gap, seconds, excess)


def _quiet_highs() -> Any:
    """A Highs object that prints nothing: HiGHS writes its banner from C
    straight to file descriptor 1 when constructed, before any option can
    be set, and that would corrupt --format json output."""
    import highspy

    sys.stdout.flush()
    saved = os.dup(1)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 1)
        highs = highspy.Highs()  # type: ignore[no-untyped-call]
        highs.setOptionValue("output_flag", False)
    finally:
        os.dup2(saved, 1)
        os.close(saved)
        os.close(devnull)
    return highs
