"""Alternative budgets as git revisions, side by side with the proposal.

A party's alternative budget is a branch (or any revision) of the data
repository that changes frames, weights, scores, includes or excludes. Each
is read from git as it is at that revision – ``git archive`` into a
temporary folder, the working tree untouched (as ``report --since`` does) –
and planned with the same options as the proposal in the working tree (the
rådmann's). What each alternative funds and refuses differently, what it
costs by year in kroner and årsverk, what it leaves unallocated, which
goals its differences touch, and whether it balances – every frame kept,
every project that must be in, in – is what a budget meeting compares.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..loading.yaml_reader import ReadLimits
from ..model import Portfolio
from ..model.plan import Plan
from ..report.since import SinceError, portfolio_at
from .adjust import AdjustmentError, Adjustments
from .diff import PlanDiff, diff_plans
from .inputs import blocking_problems
from .run import prioritise
from .solver import SolveSettings


class AlternativeError(Exception):
    """A revision that cannot be read (unknown, or outside a git repository)."""


@dataclass
class Alternative:
    revision: str
    plan: Plan | None
    diff: PlanDiff | None = None
    conflicts: list[str] = field(default_factory=list)  # why it does not balance, or why it was not planned
    goals: list[str] = field(default_factory=list)  # goals of the projects it funds or refuses differently
    missing: bool = False  # the data folder did not exist at that revision
    timed_out: bool = False  # its share of the time limit ran out before a plan was found
    unreadable: bool = False  # records a plan needs could not be read there (no plan is made of such data)

    @property
    def balances(self) -> bool | None:
        """Every frame kept and every project that must be in, in: a plan
        exists. None when that is not known: the time ran out, or the data
        at that revision cannot be planned."""
        if self.plan is not None:
            return True
        return None if self.timed_out or self.unreadable or self.missing else False


def alternatives(
    portfolio: Portfolio, revisions: list[str], adjustments: Adjustments, settings: SolveSettings, baseline: Plan,
    *, as_of: dt.date, from_year: int | None, limits: ReadLimits = ReadLimits(),
) -> list[Alternative]:
    """Each revision's plan, with its difference from ``baseline``."""
    found = []
    for done, revision in enumerate(revisions):
        try:
            data = portfolio_at(portfolio, revision, limits, option="--compare")
        except SinceError as exc:
            raise AlternativeError(str(exc)) from None
        if data is None:
            found.append(Alternative(revision, None, missing=True,
                                     conflicts=["the data folder did not exist at that revision"]))
            continue
        blocking = blocking_problems(data)
        if data.programme is None or blocking:
            shown = [f"{d.file}:{d.line}: {d.message}" for d in blocking[:3]] or \
                ["programme.yaml is missing or cannot be read"]
            found.append(Alternative(revision, None, unreadable=True, conflicts=shown))
            continue
        # Each alternative gets an even part of the time still left, asked for at its turn.
        share = settings.share(1 / (len(revisions) - done))
        try:
            outcome = prioritise(data, adjustments, share, plan_id="alternative", explain=False, as_of=as_of,
                                 from_year=from_year)
        except AdjustmentError as exc:
            found.append(Alternative(revision, None, unreadable=True, conflicts=[str(exc)]))
            continue
        timed_out = outcome.plan is None and not outcome.conflicts
        alternative = Alternative(revision, outcome.plan, conflicts=[c.message for c in outcome.conflicts]
                                  or (outcome.notes[-1:] if timed_out else []), timed_out=timed_out)
        if outcome.plan is not None:
            alternative.diff = diff_plans(baseline, outcome.plan)
            changed = {p for p, _ in alternative.diff.added} | set(alternative.diff.dropped)
            goals = {goal for pid in changed if (project := data.project_by_id.get(pid) or
                                                  portfolio.project_by_id.get(pid)) is not None
                     for goal in project.goals}
            alternative.goals = sorted(goals)
        found.append(alternative)
    return found
