"""The mixed-integer model, solved exactly with HiGHS.

One binary x[p,k] per project p and start option k.
  maximise   Σ value[p,k]·x[p,k]
  subject to Σ_k x[p,k] = 1 for committed, locked, mandatory, included p;  ≤ 1 otherwise
             Σ use[p,k,y]·x[p,k] ≤ frame       for every programme and area frame, year, resource
             x[s,k] ≤ Σ_{j allowed} x[p,j]     hard dependency p → s (selection and timing)
             Σ_k x[s,k] ≤ Σ_j x[p,j]          the same over all of s's starts: a cut, when s has several
             x[s,k] + Σ_{j not allowed} x[p,j] ≤ 1   soft dependency: order only
             Σ cost[p,k]·x[p,k] ≥ min_share·programme budget   for an area with min_share
             Σ cost[p,k]·x[p,k] ≤ max_share·programme budget   for every area, with --max-share
Values are whole thousandths of a point, so the objective is integral:
HiGHS then rounds its bound down to a whole unit, which proves optimality
several times faster than with fractional tie-break terms (measured: 5 s
against 15–19 s on a 500-project portfolio). Ties are broken in a second
solve instead, only when the first has proven its value optimal: among the
plans worth exactly that value it prefers lower ids and earlier starts.

``elastic=True`` solves the variant used to explain infeasibility: frames
and minimum shares may be exceeded at a price, and the excess is minimised.
"""

from __future__ import annotations

import errno
import os
import sys
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..model.project import Strength
from .problem import Candidate, FrameKey, Problem, Resource

if TYPE_CHECKING:
    from ..model.prioritisation import Prioritisation

INF = float("inf")
_STDOUT_LOCK = threading.Lock()
TIE_BREAK_NODES = 100
# Elastic prices: one årsverk weighs like a million kroner.
_SLACK_PRICE = {Resource.BUDGET: 1.0, Resource.INVESTMENT: 1.0, Resource.STAFF: 1000.0}


@dataclass(frozen=True)
class SolveSettings:
    gap: float = 0.0001
    time_limit: float = 10.0
    # When the whole run must end (time.perf_counter()); set by started().
    # Every solve stops at it, so --time-limit is the command's budget,
    # shared by the plan, a scenario and every explanation re-solve.
    deadline: float | None = None

    def started(self) -> SolveSettings:
        """These settings with the time limit counting from now, unless it already runs."""
        if self.deadline is not None:
            return self
        return replace(self, deadline=time.perf_counter() + self.time_limit)

    def share(self, fraction: float) -> SolveSettings:
        """A part of what is left, for one step of several (the baseline of a scenario)."""
        started = self.started()
        return replace(started, deadline=time.perf_counter() + fraction * started.seconds_left())

    def seconds_left(self) -> float:
        """How long the next solve may run: the per-solve limit or what is left of the budget."""
        if self.deadline is None:
            return self.time_limit
        return max(0.0, min(self.time_limit, self.deadline - time.perf_counter()))

    @classmethod
    def from_model(
        cls, prioritisation: Prioritisation, gap: float | None = None, time_limit: float | None = None,
    ) -> SolveSettings:
        """The settings in ``programme.yaml``'s prioritisation block, each
        replaced by the value given here (a command-line option) unless None."""
        return cls(
            gap=prioritisation.gap if gap is None else gap,
            time_limit=prioritisation.time_limit_seconds if time_limit is None else time_limit,
        )


class SolutionStatus(str, Enum):
    """How a solve ended. Not the plan's :class:`~askoy2020.model.plan.SolverStatus`:
    that one exists only when there is a plan, and tells a proven optimum
    from one within the gap, which HiGHS reports alike."""

    OPTIMAL = "optimal"
    """Optimal within the settings' gap."""
    TIME_LIMIT = "time-limit"
    """Stopped at the time limit with a plan."""
    INFEASIBLE = "infeasible"
    """Proven that no plan exists."""
    NO_SOLUTION = "no-solution"
    """Stopped before any plan was found."""
    NOT_RUN = "not-run"
    """Not started: the time budget was spent (an explanation left out)."""


@dataclass
class Solution:
    status: SolutionStatus
    chosen: dict[str, int] = field(default_factory=dict)  # candidate id -> option index
    value: int = 0  # units, without the tie-break
    bound: float = 0.0  # units
    gap: float = 0.0
    seconds: float = 0.0
    # Elastic solves: how far each frame (or minimum share, keyed by area) is overrun.
    excess: dict[FrameKey | str, float] = field(default_factory=dict)

    @property
    def feasible(self) -> bool:
        return self.status in (SolutionStatus.OPTIMAL, SolutionStatus.TIME_LIMIT)


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
    # What each column and row is, for a model written out (write_model); made only then.
    col_names: list[str] = field(default_factory=list)
    row_names: list[str] = field(default_factory=list)
    named: bool = False

    def column(self, cost: float, upper: float = 1.0, integer: bool = True, name: str = "") -> int:
        if self.named:
            self.col_names.append(name)
        self.cost.append(cost)
        self.lower.append(0.0)
        self.upper.append(upper)
        self.integer.append(integer)
        return len(self.cost) - 1

    def row(self, terms: Mapping[int, float], lower: float, upper: float, name: str = "") -> None:
        if self.named:
            self.row_names.append(name)
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
    start: Mapping[str, int] | None = None,
) -> Solution:
    """Solve ``problem``; optionally with one more project forced in or some
    frames changed (the what-would-it-take questions of the explanation).
    ``start`` is a plan known to be feasible, handed to HiGHS as its first
    incumbent (a larger frame keeps the baseline plan feasible)."""
    if settings.seconds_left() <= 0:
        return Solution(SolutionStatus.NOT_RUN)
    model, columns, slacks = _build(problem, force_in, frame_change, elastic)
    return _run(model, problem, columns, slacks, settings, start)


def _build(
    problem: Problem, force_in: str | None = None, frame_change: Mapping[FrameKey, float] | None = None,
    elastic: bool = False, named: bool = False,
) -> tuple[_Model, dict[str, list[int]], dict[FrameKey | str, int]]:
    model = _Model(named=named)
    columns: dict[str, list[int]] = {}
    for candidate in problem.candidates:
        cols = []
        for option in candidate.options:
            value = 0.0 if elastic else float(option.value)
            cols.append(model.column(value, 0.0 if candidate.blocked else 1.0, name=f"{candidate.id}@{option.start}"))
        columns[candidate.id] = cols
    slacks: dict[FrameKey | str, int] = {}
    _choice_rows(model, problem, columns, force_in)
    _frame_rows(model, problem, columns, frame_change or {}, slacks, elastic)
    _link_rows(model, problem, columns)
    _share_rows(model, problem, columns, slacks, elastic)
    return model, columns, slacks


def solve_many(problem: Problem, settings: SolveSettings, questions: list[dict[str, Any]]) -> list[Solution]:
    """Several variants of ``problem`` (``solve`` keyword arguments each), on
    every core: HiGHS releases the GIL while it runs. Answers come back in
    question order, and each solve is deterministic on its own."""
    from concurrent.futures import ThreadPoolExecutor

    workers = min(len(questions), os.cpu_count() or 1, 4)
    if workers <= 1:
        return [solve(problem, settings, **q) for q in questions]
    with ThreadPoolExecutor(workers) as pool:
        return list(pool.map(lambda q: solve(problem, settings, **q), questions))


def _choice_rows(model: _Model, problem: Problem, columns: dict[str, list[int]], force_in: str | None) -> None:
    for candidate in problem.candidates:
        at_least = 1.0 if not candidate.optional or candidate.id == force_in else 0.0
        model.row(dict.fromkeys(columns[candidate.id], 1.0), at_least, 1.0, f"choose:{candidate.id}")


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
        name = f"frame:{key.scope}:{key.resource.value}:{key.year}"
        if elastic:
            slacks[key] = model.column(-_SLACK_PRICE[key.resource], INF, integer=False, name=f"over:{name}")
            terms[slacks[key]] = -1.0
        model.row(terms, -INF, frame.limit + change.get(key, 0.0), name)


def _in_scope(problem: Problem, scope: str) -> list[Candidate]:
    if scope == "programme":
        return problem.candidates
    return [c for c in problem.candidates if c.project.area == scope]


def _link_rows(model: _Model, problem: Problem, columns: dict[str, list[int]]) -> None:
    for link in problem.links:
        pred, succ = columns[link.pred], columns[link.succ]
        hard = link.dependency.strength is Strength.HARD
        if hard and len(succ) > 1:
            # Whichever year the successor starts, the predecessor is in: valid for every plan,
            # and not implied by the rows per start below when their allowed starts overlap (a
            # successor spread half and half over two starts that both allow one half-taken
            # predecessor start satisfies each of them).
            model.row(dict.fromkeys(succ, 1.0) | dict.fromkeys(pred, -1.0), -INF, 0.0,
                      f"needs:{link.succ}:{link.pred}")
        for k, allowed in enumerate(link.allowed):
            if hard:
                terms = {succ[k]: 1.0} | {pred[j]: -1.0 for j in allowed}
                model.row(terms, -INF, 0.0, f"needs:{link.succ}#{k}:{link.pred}")
            else:
                banned = [pred[j] for j in range(len(pred)) if j not in allowed]
                if banned:
                    model.row({succ[k]: 1.0} | dict.fromkeys(banned, 1.0), -INF, 1.0,
                              f"order:{link.succ}#{k}:{link.pred}")


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
            slacks[share.area] = model.column(-_SLACK_PRICE[Resource.BUDGET], INF, integer=False,
                                              name=f"short:min_share:{share.area}")
            terms[slacks[share.area]] = 1.0
        model.row(terms, share.amount, INF, f"min_share:{share.area}")
    if problem.max_share_amount is not None:
        # --max-share: no area's projects may cost more than the cap over the plan years.
        for area in sorted({c.project.area for c in problem.candidates}):
            capped = {col: sum(option.cost.values()) for candidate in _in_scope(problem, area)
                      for col, option in zip(columns[candidate.id], candidate.options)}
            if elastic:
                key = f"max-share:{area}"
                slacks[key] = model.column(-_SLACK_PRICE[Resource.BUDGET], INF, integer=False,
                                           name=f"over:max_share:{area}")
                capped[slacks[key]] = -1.0
            model.row(capped, -INF, problem.max_share_amount, f"max_share:{area}")


def _run(
    model: _Model, problem: Problem, columns: dict[str, list[int]],
    slacks: dict[FrameKey | str, int], settings: SolveSettings, start: Mapping[str, int] | None = None,
) -> Solution:
    import highspy

    if not model.cost:  # nothing to decide; HiGHS reports an empty model as no solution
        holds = all(lo <= 1e-9 and up >= -1e-9 for lo, up in zip(model.row_lower, model.row_upper))
        return Solution(SolutionStatus.OPTIMAL if holds else SolutionStatus.INFEASIBLE)
    highs = _quiet_highs()
    highs.setOptionValue("mip_rel_gap", settings.gap)
    left = settings.seconds_left()
    if left <= 0:  # building the model used up the budget
        return Solution(SolutionStatus.NOT_RUN)
    highs.setOptionValue("time_limit", left)
    highs.setOptionValue("random_seed", 0)
    highs.setOptionValue("threads", 1)
    highs.passModel(_lp(model))
    if start:
        first = highspy.HighsSolution()
        values = [0.0] * len(model.cost)
        for pid, k in start.items():
            values[columns[pid][k]] = 1.0
        first.col_value = values
        highs.setSolution(first)
    began = time.perf_counter()
    highs.run()
    model_status = highs.getModelStatus()
    info = highs.getInfo()
    if model_status == highspy.HighsModelStatus.kInfeasible:
        return Solution(SolutionStatus.INFEASIBLE, seconds=time.perf_counter() - began)
    if info.primal_solution_status != 2:  # kSolutionStatusFeasible
        return Solution(SolutionStatus.NO_SOLUTION, seconds=time.perf_counter() - began)
    values = list(highs.getSolution().col_value)
    chosen, total = _read(problem, columns, values)
    excess = {key: float(values[col]) for key, col in slacks.items() if values[col] > 1e-6}
    optimal = model_status == highspy.HighsModelStatus.kOptimal
    bound = float(info.mip_dual_bound) if not slacks else 0.0
    # With whole units, a bound less than one unit above the plan proves it optimal.
    proven = bool(slacks) or bound - total < 1.0
    gap = 0.0 if proven else max(0.0, (bound - total) / max(1.0, abs(bound)))
    if proven and not slacks and total > 0:
        chosen = _prefer_low_ids(highs, model, problem, columns, values, total, settings) or chosen
    else:
        chosen = _drop_worthless(problem, chosen)
    seconds = time.perf_counter() - began
    status = SolutionStatus.OPTIMAL if optimal else SolutionStatus.TIME_LIMIT
    return Solution(status, chosen, total, bound, gap, seconds, excess)


def _lp(model: _Model) -> Any:
    import highspy
    import numpy as np

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
    if model.named:
        lp.col_names_ = _unique(model.col_names)
        lp.row_names_ = _unique(model.row_names)
    return lp


def _unique(names: list[str]) -> list[str]:
    """The names, a repeated one numbered (~2, ~3 …): HiGHS writes no names
    at all when two are alike, and a dependency given twice makes its row twice."""
    seen: dict[str, int] = {}
    unique = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        unique.append(name if seen[name] == 1 else f"{name}~{seen[name]}")
    return unique


def write_model(problem: Problem, path: Path) -> None:
    """Write the plan's model (no question's variant) as MPS, so anyone can
    solve the very model this solver solves with a solver of their own (SCIP,
    CBC, a commercial one) and check the plan is optimal. Columns are named
    PROJECT@START, rows by what they keep (choose:ID, frame:SCOPE:RESOURCE:YEAR,
    needs:SUCCESSOR:PREDECESSOR, order:…, min_share:AREA, max_share:AREA); the
    objective is in thousandths of a point, to be maximised. MPS, not the LP
    format: LP reads a '-' in a name (IK-01) as a minus. Written atomically."""
    from ..writing.atomic import write_bytes_atomic

    write_bytes_atomic(path, model_mps(problem))


def model_mps(problem: Problem) -> bytes:
    """The model as MPS text. HiGHS writes only to a file, and reports no
    short write (a full disk gave a cut-off file and success), so it writes
    into a private folder and the text counts only when it ends as MPS ends."""
    import tempfile

    import highspy

    model, _, _ = _build(problem, named=True)
    highs = _quiet_highs()
    highs.passModel(_lp(model))  # with no column too: its rows (a minimum share) still hold
    with tempfile.TemporaryDirectory(prefix="askoy2020-model-") as folder:
        written = Path(folder) / "model.mps"
        with _silent_stdout():  # HiGHS reports the write on file descriptor 1
            status = highs.writeModel(str(written))
        data = written.read_bytes() if written.is_file() else b""
    if status == highspy.HighsStatus.kError or not data.rstrip().endswith(b"ENDATA"):
        raise OSError(errno.EIO, "the solver could not write the whole model (is the temporary folder full?)")
    return data


def _read(problem: Problem, columns: dict[str, list[int]], values: list[float]) -> tuple[dict[str, int], int]:
    chosen = {}
    total = 0
    for candidate in problem.candidates:
        for k, col in enumerate(columns[candidate.id]):
            if values[col] > 0.5:
                chosen[candidate.id] = k
                total += candidate.options[k].value
    return chosen, total


def _prefer_low_ids(
    highs: Any, model: _Model, problem: Problem, columns: dict[str, list[int]],
    values: list[float], total: int, settings: SolveSettings,
) -> dict[str, int] | None:
    """Second solve: keep the proven optimal value, and among the plans
    that reach it prefer lower ids and earlier starts (rank weights: the
    first option of the first project weighs most); a project worth nothing
    is taken only when it must be."""
    import highspy
    import numpy as np

    n = len(model.cost)
    worth = [i for i, c in enumerate(model.cost) if c]
    highs.addRow(float(total), INF, len(worth), np.array(worth, dtype=np.int32),
                 np.array([model.cost[i] for i in worth], dtype=float))
    ranks = np.array([float(n - i) if model.cost[i] > 0 else -float(n) for i in range(n)])
    highs.changeColsCost(n, np.arange(n, dtype=np.int32), ranks)
    start = highspy.HighsSolution()
    start.col_value = values
    highs.setSolution(start)
    highs.setOptionValue("mip_rel_gap", 0.0)
    # A node limit, not a time limit, so the tie-break itself is deterministic;
    # the time limit only guards against a pathological case.
    highs.setOptionValue("mip_max_nodes", TIE_BREAK_NODES)
    left = settings.seconds_left()
    if left <= 0:
        return None
    highs.setOptionValue("time_limit", min(max(1.0, settings.time_limit / 4), left))
    highs.run()
    if highs.getInfo().primal_solution_status != 2:
        return None
    chosen, value = _read(problem, columns, list(highs.getSolution().col_value))
    return chosen if value == total else None


def _drop_worthless(problem: Problem, chosen: dict[str, int]) -> dict[str, int]:
    """Leave out optional projects worth nothing that the solver took only
    because they cost it nothing to take, unless a selected project needs
    them or an area's minimum share counts on them."""
    if problem.min_shares:
        return chosen
    needed = {link.pred for link in problem.links
              if link.succ in chosen and link.dependency.strength is Strength.HARD}
    kept = {}
    for pid, k in chosen.items():
        candidate = problem.candidate(pid)
        assert candidate is not None
        if pid in needed or not candidate.optional or candidate.options[k].value > 0:
            kept[pid] = k
    return kept


def _quiet_highs() -> Any:
    """A Highs object that prints nothing: HiGHS writes its banner from C
    straight to file descriptor 1 when constructed, before any option can
    be set, and that would corrupt --format json output."""
    import highspy

    with _silent_stdout():
        highs = highspy.Highs()  # type: ignore[no-untyped-call]
        highs.setOptionValue("output_flag", False)
    return highs


@contextmanager
def _silent_stdout() -> Iterator[None]:
    """File descriptor 1 pointed at the null device, for what C code prints there."""
    with _STDOUT_LOCK:  # threads must not swap file descriptor 1 under each other
        sys.stdout.flush()
        saved = os.dup(1)
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, 1)
            yield
        finally:
            os.dup2(saved, 1)
            os.close(saved)
            os.close(devnull)
