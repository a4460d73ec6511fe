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
from .run import prioritise
from .solver import SolveSettings


class AlternativeError(Exception):
    """A revision that cannot be read (unknown, or outside a git repository)."""


@dataclass
class Alternative:
    revision: str
    plan: Plan | None
    diff: PlanDiff | None = None
    conflicts: list[str] = field(default_factory=list)  # why it does not balance
    goals: list[str] = field(default_factory=list)  # goals of the projects it funds or refuses differently
    missing: bool = False  # the data folder did not exist at that revision

    @property
    def balances(self) -> bool:
        """Every frame kept and every project that must be in, in: a plan exists."""
        return self.plan is not None


def alternatives(
    portfolio: Portfolio, revisions: list[str], adjustments: Adjustments, settings: SolveSettings, baseline: Plan,
    *, as_of: dt.date, from_year: int | None, limits: ReadLimits = ReadLimits(),
) -> list[Alternative]:
    """Each revision's plan, with its difference from ``baseline``."""
    found = []
    share = settings.share(1 / max(1, len(revisions)))
    for revision in revisions:
        try:
            data = portfolio_at(portfolio, revision, limits, option="--compare")
        except SinceError as exc:
            raise AlternativeError(str(exc)) from None
        if data is None:
            found.append(Alternative(revision, None, missing=True,
                                     conflicts=["the data folder did not exist at that revision"]))
            continue
        if data.programme is None:
            found.append(Alternative(revision, None, conflicts=["programme.yaml is missing or cannot be read"]))
            continue
        try:
            outcome = prioritise(data, adjustments, share, plan_id="alternative", explain=False, as_of=as_of,
                                 from_year=from_year)
        except AdjustmentError as exc:
            found.append(Alternative(revision, None, conflicts=[str(exc)]))
            continue
        alternative = Alternative(revision, outcome.plan, conflicts=[c.message for c in outcome.conflicts])
        if outcome.plan is not None:
            alternative.diff = diff_plans(baseline, outcome.plan)
            changed = {p for p, _ in alternative.diff.added} | set(alternative.diff.dropped)
            goals = {goal for pid in changed if (project := data.project_by_id.get(pid) or
                                                  portfolio.project_by_id.get(pid)) is not None
                     for goal in project.goals}
            alternative.goals = sorted(goals)
        found.append(alternative)
    return found
