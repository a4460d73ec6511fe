"""Why: why a project is left out and why no plan exists at all (what more
money would buy is marginal.py). Every answer is computed, not guessed: a
frame's shortfall from the plan's own use, a displacement from a re-solve
with the project forced in."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..core.diagnostics import Location
from ..core.numbers import amount, fte
from ..model.plan import LeftOutKind
from ..model.project import DependencyType, Strength
from ..model.valuation import to_points
from .money import Usage, need
from .problem import Candidate, FrameKey, Problem, Resource, Why, describe_dependency
from .solver import Solution, SolutionStatus, SolveSettings, solve, solve_many


@dataclass(frozen=True)
class Conflict:
    """One reason no plan exists."""

    message: str
    location: Location
    hint: str


@dataclass(frozen=True)
class Displaced:
    """What forcing a project in does to the plan, as figures a report can word."""

    possible: bool
    pushes_out: tuple[str, ...] = ()
    pushes_out_value: float = 0.0  # points
    loss: float = 0.0  # points, never below 0

    def text(self, value: float) -> str:
        if not self.possible:
            return ("within the frames as set, it cannot be taken in even by leaving others out "
                    "(what must be in and it do not fit together)")
        if not self.pushes_out:
            return f"taking it in would change the plan's timing and cost {self.loss:.1f} points"
        names = ", ".join(self.pushes_out[:5]) + (f" and {len(self.pushes_out) - 5} more"
                                                   if len(self.pushes_out) > 5 else "")
        return (f"taking it in ({value:.1f} points) would push out {names} ({self.pushes_out_value:.1f} points): "
                f"the plan would lose {self.loss:.1f} points")


@dataclass(frozen=True)
class Reason:
    kind: LeftOutKind
    text: str
    value: float  # points of its best option
    displaced: Displaced | None = None  # a frame or value reason, when the re-solve was run
    predecessors: tuple[str, ...] = ()  # a predecessor or timing reason


def show(resource: Resource, value: float) -> str:
    return fte(value) if resource is Resource.STAFF else amount(value)


def short_text(short: list[tuple[FrameKey, float]]) -> str:
    """'area DK budget frame 2021 short by 3 100 (1000 kr); …'"""
    return "; ".join(f"{k.label()} short by {show(k.resource, v)} {k.resource.unit}" for k, v in short)


# ---------------------------------------------------------------- infeasible

_FORCED_WORDS = {Why.COMMITTED: "committed", Why.LOCKED: "locked", Why.MANDATORY: "mandatory",
                 Why.INCLUDED: "included"}


def structural_conflicts(problem: Problem) -> list[Conflict]:
    """Conflicts visible without solving: a project that must be in but
    cannot be placed, or whose hard predecessor can never be in."""
    conflicts = []
    for gone in problem.not_placeable:
        project = gone.project
        word = "locked" if project.locked else "mandatory" if project.mandatory else None
        if word and gone.kind is not LeftOutKind.CANCELLED:
            conflicts.append(Conflict(
                f"{word} project {project.id} cannot be in the plan ({gone.reason})",
                project.where("start_window") if gone.kind is LeftOutKind.NO_START and project.start_window
                else project.where(),
                "Widen its start window, change the plan years, or drop the exclusion.",
            ))
    for candidate in problem.candidates:
        if candidate.blocked and not candidate.optional:
            conflicts.append(Conflict(
                f"{_FORCED_WORDS[candidate.forced]} project {candidate.id} {candidate.blocked}",
                candidate.project.where("depends_on"),
                "Make the predecessor plannable again, or change the dependency to strength: soft.",
            ))
    return conflicts


def frame_conflicts(problem: Problem, settings: SolveSettings) -> list[Conflict]:
    """Solve the elastic model (frames may be overrun at a price) and name
    each frame the projects that must be in overrun, by how much, and who uses it."""
    elastic = solve(problem, settings, elastic=True)
    if elastic.status is SolutionStatus.NOT_RUN:
        return [Conflict(
            f"no plan exists, and the time limit of {settings.time_limit:g} s ran out before the frames "
            "that conflict could be named", Location("programme.yaml"), "Raise --time-limit to see them.")]
    if not elastic.feasible:
        return _timing_conflicts(problem)
    frames = {f.key: f for f in problem.frames}
    conflicts = []
    for key, excess in sorted(elastic.excess.items(), key=lambda kv: str(kv[0])):
        if isinstance(key, FrameKey):
            frame = frames[key]
            users = _users(problem, elastic.chosen, key)
            listed = ", ".join(f"{c.id} {_FORCED_WORDS.get(c.forced, 'needed')} ({show(key.resource, use)})"
                               for c, use in users[:5])
            more = f" and {len(users) - 5} more" if len(users) > 5 else ""
            conflicts.append(Conflict(
                f"{key.label()}: the projects that must be in need {show(key.resource, frame.limit + excess)} "
                f"{key.resource.unit}, the frame is {show(key.resource, frame.limit)}: over by "
                f"{show(key.resource, excess)}. They are {listed}{more}",
                frame.location,
                f"Raise the frame by at least {show(key.resource, excess)}, or move or cut one of these projects.",
            ))
        elif key.startswith("max-share:"):
            area = key.removeprefix("max-share:")
            cap = problem.max_share_amount or 0.0
            minimum = next((m for m in problem.min_shares if m.area == area), None)
            if minimum is not None and minimum.amount > cap:
                conflicts.append(Conflict(
                    f"area {area}'s minimum share {minimum.share:.0%} asks for {amount(minimum.amount)} (1000 kr) "
                    f"over the plan years, more than --max-share allows any area ({amount(cap)})",
                    minimum.location, "Lower min_share, or raise --max-share."))
                continue
            conflicts.append(Conflict(
                f"--max-share caps area {area} at {amount(cap)} (1000 kr) over the plan years, but the projects "
                f"that must be in there cost {amount(cap + excess)}",
                Location("--max-share"),
                "Raise --max-share, or move or cut one of these projects.",
            ))
        else:
            share = next(s for s in problem.min_shares if s.area == key)
            conflicts.append(Conflict(
                f"area {key}'s minimum share {share.share:.0%} asks for {amount(share.amount)} (1000 kr) over "
                f"the plan years, but its projects can give at most {amount(share.amount - excess)}",
                share.location,
                "Lower min_share, or add projects to the area.",
            ))
    return conflicts or _timing_conflicts(problem)


def _users(problem: Problem, chosen: dict[str, int], key: FrameKey) -> list[tuple[Candidate, float]]:
    users = []
    for candidate in problem.candidates:
        k = chosen.get(candidate.id)
        if k is not None and key.scope in ("programme", candidate.project.area):
            use = candidate.options[k].use(key.resource).get(key.year, 0.0)
            if use:
                users.append((candidate, use))
    return sorted(users, key=lambda cu: (cu[0].optional, -cu[1], cu[0].id))


def _timing_conflicts(problem: Problem) -> list[Conflict]:
    conflicts = []
    for link in problem.links:
        succ, pred = problem.candidate(link.succ), problem.candidate(link.pred)
        assert succ is not None and pred is not None
        if succ.optional or link.dependency.strength is not Strength.HARD:
            continue
        if not any(link.allowed):
            conflicts.append(Conflict(
                f"{_FORCED_WORDS[succ.forced]} project {succ.id} must follow {pred.id} "
                f"({describe_dependency(link.dependency)}), but no start in its window allows that",
                link.location,
                f"Widen {succ.id}'s start window, move {pred.id}, or change the dependency.",
            ))
    return conflicts or [Conflict(
        "the projects that must be in cannot all be placed together (dependencies, windows and frames)",
        Location("programme.yaml"), "Check the start windows and dependencies of mandatory and locked projects.",
    )]


# ---------------------------------------------------------------- left out

# Explanations re-solve the model once per question. Up to this many
# candidates every question is asked with the plan's own settings; above it
# they are asked for fewer projects and frames, with a looser gap and a
# shorter limit, so a large portfolio is explained in seconds, not hours.
SMALL = 300


@dataclass(frozen=True)
class ExplainBudget:
    displace: int  # projects whose displacement is computed (most valuable first)
    area_frames: int  # area frames whose marginal value is computed
    settings: SolveSettings
    # Re-solves the time budget left no room for; the plan says so.
    not_run: list[str] = field(default_factory=list, compare=False)

    @classmethod
    def for_problem(cls, problem: Problem, settings: SolveSettings) -> ExplainBudget:
        if len(problem.candidates) <= SMALL:
            return cls(20, 30, settings)
        return cls(10, 8, replace(settings, gap=max(settings.gap, 0.001), time_limit=min(settings.time_limit, 1.0)))


def left_out_reasons(problem: Problem, solution: Solution, budget: ExplainBudget) -> dict[str, Reason]:
    """A reason for every optional candidate not in ``solution``. The
    most valuable ones (as many as the budget allows) also get a re-solve
    that shows what taking them in would push out."""
    usage = Usage.of(problem, solution.chosen)
    reasons: dict[str, Reason] = {}
    out = [c for c in problem.candidates if c.id not in solution.chosen]
    best = {c.id: max(o.value for o in c.options) for c in out}
    open_ = []
    for candidate in out:
        blocker = _predecessor_reason(problem, candidate, solution)
        if blocker is not None:
            reasons[candidate.id] = Reason(blocker[0], blocker[1], to_points(best[candidate.id]),
                                           predecessors=blocker[2])
        else:
            open_.append(candidate)
    ranked = sorted(open_, key=lambda c: (-best[c.id], c.id))[:budget.displace]
    forced = solve_many(problem, budget.settings, [{"force_in": c.id} for c in ranked])
    displaced = {c.id: _displacement(problem, solution, f) for c, f in zip(ranked, forced)
                 if f.status is not SolutionStatus.NOT_RUN}
    budget.not_run.extend(f"what taking in {c.id} would push out" for c, f in zip(ranked, forced)
                          if f.status is SolutionStatus.NOT_RUN)
    for candidate in open_:
        short = need(candidate, usage, problem).short
        value = to_points(best[candidate.id])
        parts = []
        if short:
            parts.append(short_text(short))
        moved = displaced.get(candidate.id)
        if moved is not None:
            parts.append(moved.text(value))
        elif not short:
            parts.append("it fits the frames but is worth less than the plan it would change")
        reasons[candidate.id] = Reason(LeftOutKind.FRAME if short else LeftOutKind.VALUE, "; ".join(parts),
                                       value, displaced=moved)
    return reasons


def _predecessor_reason(
    problem: Problem, candidate: Candidate, solution: Solution
) -> tuple[LeftOutKind, str, tuple[str, ...]] | None:
    if candidate.blocked:
        # The first hard predecessor that cannot be in the plan: the one _links names in ``blocked``.
        done = {p.id for p in problem.done}
        gone = next(d.project for d in candidate.project.depends_on if d.strength is Strength.HARD
                    and problem.candidate(d.project) is None and d.project not in done)
        return LeftOutKind.PREDECESSOR, candidate.blocked, (gone,)
    missing, mistimed = [], []
    names: list[str] = []
    for link in problem.links:
        if link.succ != candidate.id or link.dependency.strength.value != "hard":
            continue
        k = solution.chosen.get(link.pred)
        if k is None:
            missing.append(f"{link.pred} ({describe_dependency(link.dependency)})")
            names.append(link.pred)
        elif not any(k in allowed for allowed in link.allowed):
            pred = problem.candidate(link.pred)
            assert pred is not None
            option = pred.options[k]
            after_end = link.dependency.type is DependencyType.FINISH_TO_START
            missing_at = option.end_date if after_end else option.start_date
            mistimed.append(f"{link.pred} ({describe_dependency(link.dependency)}; it is planned to "
                            f"{'end' if after_end else 'start'} {missing_at})")
            names.append(link.pred)
    if missing:
        return LeftOutKind.PREDECESSOR, "needs " + ", ".join(missing) + ", which is not in the plan", tuple(names)
    if mistimed:
        return LeftOutKind.TIMING, "no start in its window comes after " + ", ".join(mistimed), tuple(names)
    return None


def _displacement(problem: Problem, solution: Solution, forced: Solution) -> Displaced:
    if not forced.feasible:
        return Displaced(possible=False)
    pushed = tuple(sorted(set(solution.chosen) - set(forced.chosen)))
    worth = sum(to_points(_value_of(problem, pid, solution)) for pid in pushed)
    return Displaced(True, pushed, worth, max(to_points(solution.value - forced.value), 0.0))


def _value_of(problem: Problem, pid: str, solution: Solution) -> int:
    candidate = problem.candidate(pid)
    assert candidate is not None
    return candidate.options[solution.chosen[pid]].value
