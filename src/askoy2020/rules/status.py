"""Project status against dates, milestones and status reports."""

from __future__ import annotations

from collections.abc import Iterator

from ..core.diagnostics import Severity
from ..model import ProjectStatus
from ..model.project import Rag
from .registry import CheckContext, Finding, rule


@rule("ASK601", "completed-without-actual-end", Severity.ERROR)
def completed_without_actual_end(ctx: CheckContext) -> Iterator[Finding]:
    """A completed project needs its actual end date.

    FAIL:
        status: completed
    PASS:
        status: completed
        actual: {start: 2018-02-01, end: 2019-11-30}
    """
    for project in ctx.portfolio.projects:
        if project.status is ProjectStatus.COMPLETED and project.actual.end is None:
            yield Finding(
                project.where("status"), f"{project.id} is completed but has no actual end date",
                "Add 'actual: {start: …, end: …}' with the day it finished.",
            )


@rule("ASK602", "active-not-started", Severity.WARNING)
def active_not_started(ctx: CheckContext) -> Iterator[Finding]:
    """An active project whose start lies in the future.

    FAIL (validated on 2019-01-15):
        status: active
        planned: {start: 2019-03-01, end: 2019-12-31}
    PASS:
        status: planned
    """
    for project in ctx.portfolio.projects:
        start = project.start()
        if project.status is ProjectStatus.ACTIVE and start is not None and start > ctx.as_of:
            yield Finding(
                project.where("status"), f"{project.id} is active but does not start until {start}",
                "Set status: planned, or record the actual start date.",
            )


@rule("ASK603", "milestone-overdue", Severity.WARNING)
def milestone_overdue(ctx: CheckContext) -> Iterator[Finding]:
    """A milestone past its date and not done, in a project still running.

    FAIL (validated on 2019-09-01):
        milestones: [{name: Pilot i drift, date: 2019-06-30, done: false}]
    PASS:
        milestones: [{name: Pilot i drift, date: 2019-06-30, done: true}]
    """
    running = (ProjectStatus.ACTIVE, ProjectStatus.PAUSED, ProjectStatus.PLANNED)
    for project in ctx.portfolio.projects:
        if project.status not in running:
            continue
        for i, milestone in enumerate(project.milestones):
            if not milestone.done and milestone.date < ctx.as_of:
                days = (ctx.as_of - milestone.date).days
                yield Finding(
                    project.where("milestones", i), f"milestone '{milestone.name}' of {project.id} is "
                    f"overdue by {days} days ({milestone.date})",
                    "Mark it done: true, or move its date and say why in a status report.",
                )


@rule("ASK604", "stale-red-status", Severity.WARNING)
def stale_red_status(ctx: CheckContext) -> Iterator[Finding]:
    """A running project's latest status report is red and older than
    ``red_status_max_age_days`` (programme.yaml, 60 by default): a red
    project needs fresh follow-up.

    FAIL (validated on 2019-09-01):
        status_reports: [{date: 2019-03-01, rag: red}]
    PASS:
        status_reports: [{date: 2019-03-01, rag: red}, {date: 2019-08-15, rag: amber}]
    """
    limit = ctx.portfolio.programme.red_status_max_age_days if ctx.portfolio.programme else 60
    for project in ctx.portfolio.projects:
        found = project.latest_status(ctx.as_of)
        if project.status not in (ProjectStatus.ACTIVE, ProjectStatus.PAUSED) or found is None:
            continue
        i, latest = found
        age = (ctx.as_of - latest.date).days
        if latest.rag is Rag.RED and age > limit:
            yield Finding(
                project.where("status_reports", i),
                f"{project.id}'s latest status report is red and {age} days old (limit {limit})",
                "Add a new status report with the current state and what is being done.",
            )
