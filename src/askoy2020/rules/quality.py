"""Quality cases followed through to closure; GDPR art. 33 for breaches."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from ..core import bokmal as nb
from ..core.diagnostics import Say, Severity
from ..model import CaseKind, CaseStatus
from ..model.project import Approach
from ..model.quality import Notice, QualityCase
from .registry import CheckContext, Finding, rule
from .words import CASE_KIND, CASE_STATUS, days


@rule("ASK801", "case-date-order", Severity.ERROR)
def case_date_order(ctx: CheckContext) -> Iterator[Finding]:
    """Dates of a case out of order: occurred ≤ reported ≤ closed, and
    reported ≤ answered.

    FAIL:
        occurred: 2019-03-04
        reported: 2019-03-01
    PASS:
        occurred: 2019-03-01
        reported: 2019-03-04
    """
    for case in ctx.portfolio.cases:
        if case.reported < case.occurred:
            yield Finding(
                case.where("reported"),
                Say(f"{case.id} is reported {case.reported}, before it occurred {case.occurred}",
                    f"{case.id} er meldt {nb.date(case.reported)}, før hendelsen inntraff {nb.date(case.occurred)}"),
                Say("Correct 'occurred' or 'reported'.", "Rett «occurred» eller «reported»."),
            )
        if case.answered is not None and case.answered < case.reported:
            yield Finding(
                case.where("answered"),
                Say(f"{case.id} is answered {case.answered}, before it was reported {case.reported}",
                    f"{case.id} er besvart {nb.date(case.answered)}, før saken ble meldt {nb.date(case.reported)}"),
                Say("Correct 'answered' or 'reported'.", "Rett «answered» eller «reported»."),
            )
        if case.closed is not None and case.closed < case.reported:
            yield Finding(
                case.where("closed"),
                Say(f"{case.id} is closed {case.closed}, before it was reported {case.reported}",
                    f"{case.id} er lukket {nb.date(case.closed)}, før saken ble meldt {nb.date(case.reported)}"),
                Say("Correct 'closed' or 'reported'.", "Rett «closed» eller «reported»."),
            )


@rule("ASK802", "closed-case-incomplete", Severity.ERROR)
def closed_case_incomplete(ctx: CheckContext) -> Iterator[Finding]:
    """A closed case needs a closed date and what its kind closes on: a
    deviation, security incident or breach a root cause and at least one
    action; a complaint the day it was answered (forvaltningsloven: a
    complaint is decided and answered, not corrected); an improvement
    proposal its decision (a decision text or an action). An open case must
    not have a closed date.

    FAIL:
        kind: deviation
        status: closed
        closed: 2019-05-02
    PASS:
        kind: deviation
        status: closed
        closed: 2019-05-02
        root_cause: Rutinen var ikke kjent i enheten
        actions:
          - {text: Gjennomgang av rutine på personalmøte, owner: Enhetsleder, done: 2019-04-30}
    PASS:
        kind: complaint
        status: closed
        closed: 2019-05-02
        answered: 2019-04-29
    """
    for case in ctx.portfolio.cases:
        if case.status is CaseStatus.CLOSED:
            missing = [label for label, ok in _closing_needs(case) if not ok]
            if missing:
                yield Finding(
                    case.where("status"),
                    Say(f"{case.id} is closed but lacks " + ", ".join(m.en for m in missing),
                        f"{case.id} er lukket, men mangler " + nb.listing(m.nb for m in missing)),
                    Say("Add what is missing, or set status: in_progress until it is known.",
                        "Legg til det som mangler, eller sett status: in_progress til det er kjent."),
                )
        elif case.closed is not None:
            yield Finding(
                case.where("closed"),
                Say(f"{case.id} has a closed date but its status is {case.status.value}",
                    f"{case.id} har lukkedato, men statusen er {CASE_STATUS[case.status]}"),
                Say("Set status: closed, or remove the closed date.", "Sett status: closed, eller fjern lukkedatoen."),
            )


def _closing_needs(case: QualityCase) -> list[tuple[Say, bool]]:
    """What a closed case of its kind must hold, and whether it does."""
    needs = [(Say("a closed date", "lukkedato (closed)"), case.closed is not None)]
    if case.kind.needs_root_cause:
        needs += [(Say("a root_cause", "rotårsak (root_cause)"), bool((case.root_cause or "").strip())),
                  (Say("at least one action", "minst ett tiltak (actions)"), bool(case.actions))]
    elif case.kind is CaseKind.COMPLAINT:
        needs.append((Say("the day it was answered (answered)", "dato for svar eller vedtak (answered)"),
                      case.answered is not None))
    elif case.kind is CaseKind.IMPROVEMENT_PROPOSAL:
        needs.append((Say("a decision or an action", "en beslutning (decision) eller et tiltak (actions)"),
                      bool((case.decision or "").strip()) or bool(case.actions)))
    return needs


@rule("ASK803", "case-overdue", Severity.WARNING)
def case_overdue(ctx: CheckContext) -> Iterator[Finding]:
    """An open case past its deadline.

    FAIL (validated on 2019-06-01):
        status: in_progress
        deadline: 2019-05-01
    PASS:
        status: in_progress
        deadline: 2019-07-01
    """
    for case in ctx.portfolio.cases:
        late = case.overdue_days(ctx.as_of)
        if late is not None:
            yield Finding(
                case.where("deadline"),
                Say(f"{case.id} is overdue by {late} days (deadline {case.deadline})",
                    f"{case.id} har passert fristen med {days(late).nb} (frist {nb.date(case.deadline)})"),
                Say("Close the case, or set a new deadline and record why.",
                    "Lukk saken, eller sett en ny frist og skriv hvorfor."),
            )


@rule("ASK804", "breach-notified-late", Severity.ERROR)
def breach_notified_late(ctx: CheckContext) -> Iterator[Finding]:
    """A personal-data breach notified to Datatilsynet more than 72 hours
    after the municipality became aware, without a late_reason (GDPR art. 33).

    FAIL:
        breach:
          became_aware: 2019-03-04T09:00
          notified: 2019-03-08T15:00
    PASS:
        breach:
          became_aware: 2019-03-04T09:00
          notified: 2019-03-08T15:00
          late_reason: Omfanget ble først klarlagt etter ekstern gjennomgang
    """
    for case in ctx.portfolio.cases:
        breach = case.breach
        delay = breach.notice_delay() if breach is not None else None
        if breach is None or delay is None:
            continue
        # Breach.notice is the one reading of art. 33(1), shared with the report.
        if breach.notice(ctx.as_of) is Notice.LATE_WITHOUT_REASON:
            hours = f"{delay.total_seconds() / 3600:.1f}".removesuffix(".0")  # "90 timer", "89,5 timer"
            yield Finding(
                case.where("breach", "notified"),
                Say(f"{case.id} was notified {hours} hours after the municipality became aware (limit 72)",
                    f"{case.id} ble meldt til Datatilsynet {nb.decimal(hours)} timer etter at kommunen fikk "
                    "kjennskap til bruddet (fristen er 72 timer)"),
                Say("Add 'late_reason:' – a late notice must give the reason (GDPR art. 33(1)).",
                    "Legg til «late_reason:» – en for sen melding må begrunnes (personvernforordningen "
                    "art. 33 nr. 1)."),
            )
        if delay < timedelta(0):
            yield Finding(
                case.where("breach", "notified"),
                Say(f"{case.id} was notified before the municipality became aware",
                    f"{case.id} ble meldt til Datatilsynet før kommunen fikk kjennskap til bruddet"),
                Say("Correct 'became_aware' or 'notified'.", "Rett «became_aware» eller «notified»."),
            )


@rule("ASK805", "breach-not-notified", Severity.ERROR)
def breach_not_notified(ctx: CheckContext) -> Iterator[Finding]:
    """A personal-data breach that is neither notified nor given a reason
    for not notifying, once the 72 hours have passed.

    FAIL:
        breach: {became_aware: 2019-03-04T09:00}
    PASS:
        breach:
          became_aware: 2019-03-04T09:00
          not_notified_reason: Lite sannsynlig at bruddet medfører risiko
    """
    for case in ctx.portfolio.cases:
        # Breach.notice is the one reading of art. 33(1): a notice sent after
        # the day validated is not known on it.
        if case.breach is not None and case.breach.notice(ctx.as_of) is Notice.NOT_NOTIFIED_WITHOUT_REASON:
            yield Finding(
                case.where("breach"),
                Say(f"{case.id} is a personal-data breach that was neither notified nor given a reason for not "
                    "notifying",
                    f"{case.id} er et personvernbrudd som verken er meldt til Datatilsynet eller har en begrunnelse "
                    "for at det ikke er meldt"),
                Say("Add 'notified:' with the time Datatilsynet was told, or 'not_notified_reason:'.",
                    "Legg til «notified:» med tidspunktet Datatilsynet ble varslet, eller «not_notified_reason:»."),
            )


@rule("ASK806", "breach-details", Severity.ERROR)
def breach_details(ctx: CheckContext) -> Iterator[Finding]:
    """A personal-data breach needs its ``breach`` block; other kinds must
    not have one.

    FAIL:
        kind: personal_data_breach
    PASS:
        kind: personal_data_breach
        breach: {became_aware: 2019-03-04T09:00, notified: 2019-03-05T10:00}
    """
    for case in ctx.portfolio.cases:
        is_breach = case.kind is CaseKind.PERSONAL_DATA_BREACH
        if is_breach and case.breach is None:
            yield Finding(
                case.where("kind"),
                Say(f"{case.id} is a personal-data breach without a 'breach' block",
                    f"{case.id} er et personvernbrudd uten «breach»-blokk"),
                Say("Add 'breach: {became_aware: …, notified: …}' (times in Norwegian local time).",
                    "Legg til «breach: {became_aware: …, notified: …}» (tidspunkter i norsk tid)."),
            )
        elif not is_breach and case.breach is not None:
            yield Finding(
                case.where_key("breach"),
                Say(f"{case.id} is a {case.kind.value} but has a 'breach' block",
                    f"{case.id} er {CASE_KIND[case.kind]}, men har en «breach»-blokk"),
                Say("Set kind: personal_data_breach, or remove the block.",
                    "Sett kind: personal_data_breach, eller fjern blokken."),
            )


@rule("ASK807", "service-design-without-users", Severity.WARNING)
def service_design_without_users(ctx: CheckContext) -> Iterator[Finding]:
    """A project run with service design (approach: service_design) and no
    user involvement (brukermedvirkning) recorded.

    FAIL:
        approach: service_design
    PASS:
        approach: service_design
        user_involvement:
          - {method: intervju, users: 12, year: 2019}
    """
    for project in ctx.portfolio.projects:
        if project.approach is Approach.SERVICE_DESIGN and project.users_involved == 0:
            yield Finding(
                project.where("approach"),
                Say(f"{project.id} is run with service design but no users are recorded as taking part",
                    f"{project.id} drives med tjenestedesign, men ingen brukere er registrert med medvirkning"),
                Say("Add 'user_involvement: [{method: …, users: …, year: …}]'; service design starts with the user.",
                    "Legg til «user_involvement: [{method: …, users: …, year: …}]»; tjenestedesign starter med "
                    "brukeren."),
            )
