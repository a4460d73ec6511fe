"""Project status against dates, milestones and status reports."""

from __future__ import annotations

from collections.abc import Iterator

from ..core import bokmal as nb
from ..core.diagnostics import Say, Severity
from ..model import ProjectStatus
from ..model.project import Rag
from .registry import CheckContext, Finding, rule
from .words import days


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
                project.where("status"),
                Say(f"{project.id} is completed but has no actual end date",
                    f"{project.id} er fullført, men mangler faktisk sluttdato"),
                Say("Add 'actual: {start: …, end: …}' with the day it finished.",
                    "Legg til «actual: {start: …, end: …}» med datoen prosjektet ble avsluttet."),
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
                project.where("status"),
                Say(f"{project.id} is active but does not start until {start}",
                    f"{project.id} er registrert som i gang, men starter ikke før {nb.date(start)}"),
                Say("Set status: planned, or record the actual start date.",
                    "Sett status: planned, eller før opp faktisk startdato."),
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
                late = (ctx.as_of - milestone.date).days
                yield Finding(
                    project.where("milestones", i),
                    Say(f"milestone '{milestone.name}' of {project.id} is overdue by {late} days ({milestone.date})",
                        f"milepælen «{milestone.name}» i {project.id} er {days(late).nb} forsinket "
                        f"(dato {nb.date(milestone.date)})"),
                    Say("Mark it done: true, or move its date and say why in a status report.",
                        "Sett done: true, eller flytt datoen og forklar hvorfor i en statusrapport."),
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
                Say(f"{project.id}'s latest status report is red and {age} days old (limit {limit})",
                    f"siste statusrapport for {project.id} er rød og {days(age).nb} gammel (grensen er "
                    f"{days(limit).nb})"),
                Say("Add a new status report with the current state and what is being done.",
                    "Legg til en ny statusrapport med dagens situasjon og hva som blir gjort."),
            )


@rule("ASK419", "planned-start-passed", Severity.WARNING)
def planned_start_passed(ctx: CheckContext) -> Iterator[Finding]:
    """A project still ``planned`` whose planned start has passed. Either it
    started (record the actual start and set it active) or it has not (move
    its dates). Until then prioritise places it from the first open year, and
    a mandatory or locked one must fit that year's frames with its money.

    FAIL (validated on 2020-10-31):
        status: planned
        planned: {start: 2020-03-01, end: 2020-12-31}
    PASS:
        status: planned
        planned: {start: 2021-01-04, end: 2021-12-31}
    """
    programme = ctx.portfolio.programme
    for project in ctx.portfolio.projects:
        start = project.planned.start
        if project.status is not ProjectStatus.PLANNED or start is None or start >= ctx.as_of:  # today: not yet
            continue
        first_open = programme.first_open_year(ctx.as_of) if programme else None
        placed = Say(f" prioritise places it from {first_open}", f" prioritise plasserer det fra {first_open}") \
            if programme else Say("", "")
        duty = Say(" (a duty: it must then fit that year's frames)",
                   " (en plikt: det må da få plass innenfor rammene det året)") if project.must_be_planned \
            else Say("", "")
        yield Finding(
            project.where("planned", "start"),
            Say(f"{project.id} is still planned, but its planned start {start} has passed;{placed.en}{duty.en}",
                f"{project.id} er fortsatt planlagt, men planlagt start {nb.date(start)} er passert;"
                f"{placed.nb}{duty.nb}"),
            Say("If it has started, set status: active and actual: {start: …}; if not, move its planned dates.",
                "Har det startet, sett status: active og actual: {start: …}; hvis ikke, flytt de planlagte "
                "datoene."),
        )
