"""The plan in kroner and årsverk: what each frame has left unallocated,
what a project left out would need and which frame keeps it out, and
which transfers between areas would fund one.

Politicians decide in kroner and services, not points (docs: "The budget
cycle"). Everything here is read from the plan the solver chose; nothing
is solved again. A transfer is offered only when it provably funds the
project on top of the plan: the project's own area frame is the only one
short, other areas leave enough unallocated in the same year and kind,
the programme frame has room (it is not short), and the project's
dependencies hold with the plan as it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model.project import Strength
from .problem import Candidate, FrameKey, Problem, Resource

EPS = 1e-9


@dataclass
class Usage:
    """How much of every frame the plan uses."""

    used: dict[FrameKey, float] = field(default_factory=dict)

    @classmethod
    def of(cls, problem: Problem, chosen: dict[str, int]) -> Usage:
        usage = cls({f.key: 0.0 for f in problem.frames})
        for candidate in problem.candidates:
            k = chosen.get(candidate.id)
            if k is None:
                continue
            option = candidate.options[k]
            for frame in problem.frames:
                key = frame.key
                if key.scope in ("programme", candidate.project.area):
                    usage.used[key] += option.use(key.resource).get(key.year, 0.0)
        return usage


@dataclass(frozen=True)
class Left:
    key: FrameKey
    frame: float
    used: float

    @property
    def left(self) -> float:
        return self.frame - self.used


@dataclass(frozen=True)
class Need:
    """What a project left out needs with one of its starts, and the frames short for it."""

    option: int
    short: list[tuple[FrameKey, float]]


@dataclass(frozen=True)
class Move:
    key: FrameKey  # the receiving area's frame
    donor: str  # the area giving up unallocated frame
    amount: float


def unallocated(problem: Problem, usage: Usage) -> list[Left]:
    """Every frame of the plan years with what the plan uses and leaves."""
    return [Left(f.key, f.limit, usage.used.get(f.key, 0.0)) for f in problem.frames]


def shortfalls(candidate: Candidate, option: int, usage: Usage, problem: Problem) -> list[tuple[FrameKey, float]]:
    """The frames one start of ``candidate`` overruns on top of the plan, and by how much."""
    use = candidate.options[option]
    short = []
    for frame in problem.frames:
        key = frame.key
        if key.scope not in ("programme", candidate.project.area):
            continue
        wanted = use.use(key.resource).get(key.year, 0.0)
        over = usage.used[key] + wanted - frame.limit
        if wanted and over > EPS:
            short.append((key, over))
    return short


def need(candidate: Candidate, usage: Usage, problem: Problem) -> Need:
    """The start that needs the least more frame (fewest frames short, then
    the smallest amount, one årsverk weighing like a million kroner)."""
    best: Need | None = None
    best_rank: tuple[int, float] | None = None
    for k in range(len(candidate.options)):
        short = shortfalls(candidate, k, usage, problem)
        rank = (len(short), sum(v * (1000 if key.resource is Resource.STAFF else 1) for key, v in short))
        if best_rank is None or rank < best_rank:
            best, best_rank = Need(k, short), rank
    assert best is not None  # a candidate has at least one option
    return best


def transfers(problem: Problem, chosen: dict[str, int], usage: Usage) -> dict[str, list[Move]]:
    """For each project left out that only its own area's frames keep out,
    the cheapest transfer from other areas' unallocated frames that funds
    it on top of the plan; each on its own (two may count on the same money)."""
    limits = {f.key: f.limit for f in problem.frames}
    found: dict[str, list[Move]] = {}
    for candidate in problem.candidates:
        if candidate.id in chosen or candidate.blocked:
            continue
        best: list[Move] | None = None
        best_rank: tuple[int, float] | None = None
        for k in range(len(candidate.options)):
            if not _links_allow(problem, chosen, candidate, k):
                continue
            short = shortfalls(candidate, k, usage, problem)
            if not short or any(key.scope != candidate.project.area for key, _ in short):
                continue
            moves = _cover(short, limits, usage)
            if moves is None:
                continue
            rank = (len(moves), sum(m.amount * (1000 if m.key.resource is Resource.STAFF else 1) for m in moves))
            if best_rank is None or rank < best_rank:
                best, best_rank = moves, rank
        if best is not None:
            found[candidate.id] = best
    return found


def _cover(short: list[tuple[FrameKey, float]], limits: dict[FrameKey, float], usage: Usage) -> list[Move] | None:
    """Moves from the other areas with the most left, until each shortfall is covered; None when they cannot."""
    moves: list[Move] = []
    for key, amount in short:
        donors = sorted(
            ((limits[other] - usage.used[other], other.scope) for other in limits
             if other.resource is key.resource and other.year == key.year
             and other.scope not in ("programme", key.scope)),
            key=lambda t: (-t[0], t[1]),
        )
        remaining = amount
        for left, donor in donors:
            if remaining <= EPS or left <= EPS:
                break
            take = min(left, remaining)
            moves.append(Move(key, donor, take))
            remaining -= take
        if remaining > EPS:
            return None
    return moves


def _links_allow(problem: Problem, chosen: dict[str, int], candidate: Candidate, k: int) -> bool:
    """Whether taking ``candidate`` with start ``k`` keeps every dependency with the plan as it is."""
    for link in problem.links:
        if link.succ == candidate.id:
            j = chosen.get(link.pred)
            if link.dependency.strength is Strength.HARD and (j is None or j not in link.allowed[k]):
                return False
            if link.dependency.strength is Strength.SOFT and j is not None and j not in link.allowed[k]:
                return False
        elif link.pred == candidate.id and link.succ in chosen and k not in link.allowed[chosen[link.succ]]:
            return False
    return True
