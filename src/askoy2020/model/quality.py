"""Quality cases in Kvalitet 2020: ``data/quality/**/*.yaml``."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated

from pydantic import BeforeValidator, Field, model_validator

from ..core.diagnostics import Say, SayError
from .base import OSLO, Day, Moment, Note, Number, Record, Role, Text, not_a_bool
from .ids import AreaId, CaseId, GoalId, ProjectId
from .privacy import Affected, Art34, BreachPeriod, BreachType, FurtherNotice, Informing, informing
from .project import UserInvolvement

MAX_LEVELS = 10
"""The most levels a scale of the risk matrix may have: more is a typo."""

Level = Annotated[int, Field(ge=1, le=MAX_LEVELS), BeforeValidator(not_a_bool)]
"""A level on a scale of the risk matrix, counted from 1. Its top is the
programme's (risk_matrix in programme.yaml, ASK823); the schema only
refuses what no scale can hold."""

NOTIFY_WITHIN = dt.timedelta(hours=72)
"""GDPR art. 33(1): notify Datatilsynet within 72 hours of becoming aware."""


class CaseKind(str, Enum):
    DEVIATION = "deviation"  # avvik i tjenesten: pasient- og brukeravvik, tjenesteavvik
    HMS_DEVIATION = "hms_deviation"  # HMS-avvik: de ansattes helse, miljø og sikkerhet (arbeidsmiljøloven)
    IMPROVEMENT_PROPOSAL = "improvement_proposal"  # forbedringsforslag
    SERVICE_DESIGN = "service_design"  # tjenestedesign: read, but a project's approach now (ASK840)
    COMPLAINT = "complaint"  # klage: a forvaltningsloven case, not a deviation
    SECURITY_INCIDENT = "security_incident"  # informasjonssikkerhetshendelse
    PERSONAL_DATA_BREACH = "personal_data_breach"  # brudd på personopplysningssikkerheten

    @property
    def is_deviation(self) -> bool:
        """An avvik: in the service (to patients and users) or in HMS (to
        employees). A complaint is not one: it is answered, not corrected."""
        return self in (CaseKind.DEVIATION, CaseKind.HMS_DEVIATION)

    @property
    def needs_root_cause(self) -> bool:
        """Closed only once the cause is known (ASK802): a deviation, a
        security incident, a breach – what went wrong and must not recur.
        A complaint closes on its answer, a proposal on its decision."""
        return self.is_deviation or self in (CaseKind.SECURITY_INCIDENT, CaseKind.PERSONAL_DATA_BREACH)


class CaseStatus(str, Enum):
    REGISTERED = "registered"  # registrert
    IN_PROGRESS = "in_progress"  # under behandling
    CLOSED = "closed"  # lukket


class Pdca(str, Enum):
    PLAN = "plan"
    DO = "do"
    CHECK = "check"
    ACT = "act"


class Notice(str, Enum):
    """Where a personal-data breach stands against GDPR art. 33(1), in the
    order a reader weighs them: lawful first, then what breaks the law."""

    IN_TIME = "in_time"  # notified within 72 hours
    LATE_WITH_REASON = "late_with_reason"  # after 72 hours, the delay explained as art. 33(1) asks
    NOT_NOTIFIED_WITH_REASON = "not_notified_with_reason"  # judged unlikely to result in a risk, reason recorded
    PENDING = "pending"  # not notified yet, and the 72 hours have not run out
    LATE_WITHOUT_REASON = "late_without_reason"  # after 72 hours, no reason: a breach of art. 33(1)
    NOT_NOTIFIED_WITHOUT_REASON = "not_notified_without_reason"  # 72 hours gone, no notice, no reason

    @property
    def unlawful(self) -> bool:
        return self in (Notice.LATE_WITHOUT_REASON, Notice.NOT_NOTIFIED_WITHOUT_REASON)


class Effect(Record):
    """What a check (C) found: did the action work? An indicator with its
    value before and after, or a note saying what was seen."""

    indicator: Text | None = None
    """What was measured, e.g. 'Feilmedisineringer per måned i avdelingen'."""
    before: Number | None = None
    """Its value before the action."""
    after: Number | None = None
    """Its value when checked."""
    note: Note | None = None
    """What the check found, e.g. 'Ingen nye avvik av samme type på tre måneder'."""

    @model_validator(mode="after")
    def _says_something(self) -> Effect:
        measured = self.indicator is not None and self.before is not None and self.after is not None
        if not measured and not (self.note or "").strip():
            raise SayError(Say("an effect needs an indicator with before and after, or a note on what was found",
                               "en effekt trenger en indikator med før og etter, eller et notat om hva som ble "
                               "funnet"))
        return self


class Action(Record):
    """A tiltak with an owner and a deadline."""

    text: Text
    """What is to be done."""
    owner: Role
    """The role responsible."""
    deadline: Day | None = None
    """The day it is to be done by."""
    done: Day | None = None
    """The day it was carried out."""
    pdca: Pdca = Pdca.DO
    """Where in the plan–do–check–act cycle the action belongs."""
    effect: Effect | None = None
    """Check actions: what was measured and found (ASK841 asks for it when the check is done)."""

    def effect_measured(self, day: dt.date) -> bool:
        """A check carried out by ``day`` that recorded its effect."""
        return self.pdca is Pdca.CHECK and self.done is not None and self.done <= day and self.effect is not None


FORM_FIELDS = ("types", "cause", "period", "period.end", "people.categories", "people.approx",
               "records.categories", "records.approx", "consequences", "measures_taken", "measures_planned",
               "contact")
"""What Datatilsynet's notification form asks for (GDPR art. 33(3)), as
the paths :meth:`Breach.missing_from_form` names, in the form's order."""


class Breach(Record):
    """GDPR art. 33 and 34 facts of a personal-data breach: what
    Datatilsynet's notification form asks for, the notices sent and the
    decision whether to tell the people affected."""

    became_aware: Moment
    """When the municipality became aware of the breach."""
    notified: Moment | None = None
    """When Datatilsynet was notified."""
    not_notified_reason: Note | None = None
    """Why it was not notified (e.g. unlikely to result in a risk)."""
    late_reason: Note | None = None
    """Why the notice came after 72 hours."""
    types: list[BreachType] = Field(default_factory=list)
    """What the breach did: confidentiality (seen by others), integrity (changed), availability (lost)."""
    cause: Note | None = None
    """What happened and how (the cause)."""
    period: BreachPeriod | None = None
    """When the breach went on: start, and end or ongoing."""
    people: Affected | None = None
    """Categories and approximate number of people affected (art. 33(3)(a))."""
    records: Affected | None = None
    """Categories and approximate number of personal-data records affected (art. 33(3)(a))."""
    consequences: Note | None = None
    """Likely consequences for the people affected (art. 33(3)(c))."""
    measures_taken: Note | None = None
    """Measures taken to deal with the breach and limit its effects (art. 33(3)(d))."""
    measures_planned: Note | None = None
    """Measures planned, so that it does not happen again (art. 33(3)(d))."""
    contact: Role | None = None
    """Contact point for Datatilsynet, e.g. Personvernombud (art. 33(3)(b)); a role, not a name."""
    further_notices: list[FurtherNotice] = Field(default_factory=list)
    """Later stages of the notice, oldest first (art. 33(4))."""
    completed: Moment | None = None
    """When the notice was complete: the first notice's time if it said everything."""
    art34: Art34 | None = None
    """Whether the people affected were told (art. 34), and why not."""

    def notice_delay(self) -> dt.timedelta | None:
        """Elapsed time from awareness to notice, or None before a notice.
        Computed in UTC: two Oslo times across a clock change are an hour
        more or less apart than their wall clocks say."""
        if self.notified is None:
            return None
        return self.notified.astimezone(dt.UTC) - self.became_aware.astimezone(dt.UTC)

    def notified_in_time(self) -> bool | None:
        """Notified within 72 hours; None when not notified."""
        delay = self.notice_delay()
        return None if delay is None else delay <= NOTIFY_WITHIN

    def notice(self, as_of: dt.date) -> Notice:
        """Where the breach stands on ``as_of``; a notice sent after that day
        is not known yet. Built from the same tests as ASK804 and ASK805."""
        if self._notified_by(as_of):
            if self.notified_in_time():
                return Notice.IN_TIME
            return Notice.LATE_WITH_REASON if (self.late_reason or "").strip() else Notice.LATE_WITHOUT_REASON
        if (self.not_notified_reason or "").strip():
            return Notice.NOT_NOTIFIED_WITH_REASON
        return Notice.NOT_NOTIFIED_WITHOUT_REASON if self._hours_run_out(as_of) else Notice.PENDING

    def _hours_run_out(self, as_of: dt.date) -> bool:
        """The 72 hours have passed by the end of ``as_of``."""
        now = dt.datetime.combine(as_of, dt.time(23, 59), tzinfo=OSLO)
        return now.astimezone(dt.UTC) - self.became_aware.astimezone(dt.UTC) > NOTIFY_WITHIN

    def _notified_by(self, as_of: dt.date) -> bool:
        """The first notice was sent on or before ``as_of``."""
        return self.notified is not None and self.notified.astimezone(OSLO).date() <= as_of

    def form_due(self, as_of: dt.date) -> bool:
        """The form must be filled in on ``as_of``: the first notice is
        sent, or the 72 hours have run out (notified or not – art. 33(5)
        asks the facts to be documented either way)."""
        return self._notified_by(as_of) or self._hours_run_out(as_of)

    def missing_from_form(self) -> list[str]:
        """The parts of Datatilsynet's form not filled in (:data:`FORM_FIELDS`)."""
        def blank(text: str | None) -> bool:
            return not (text or "").strip()

        missing = {
            "types": not self.types,
            "cause": blank(self.cause),
            "period": self.period is None,
            "period.end": self.period is not None and self.period.end is None and not self.period.ongoing,
            "people.categories": self.people is None or not self.people.categories,
            "people.approx": self.people is None or self.people.approx is None,
            "records.categories": self.records is None or not self.records.categories,
            "records.approx": self.records is None or self.records.approx is None,
            "consequences": blank(self.consequences),
            "measures_taken": blank(self.measures_taken),
            "measures_planned": blank(self.measures_planned),
            "contact": self.contact is None,
        }
        return [name for name in FORM_FIELDS if missing[name]]

    def informing(self, as_of: dt.date | None = None) -> Informing:
        """Where the breach stands on art. 34 (told, not told with a reason,
        or no decision); with ``as_of``, people told after that day were
        not told yet."""
        found = informing(self.art34)
        told = self.art34.informed if self.art34 is not None else None
        if found is Informing.INFORMED and as_of is not None and told is not None \
                and told.astimezone(OSLO).date() > as_of:
            return Informing.MISSING
        return found

    def notices_sent(self, as_of: dt.date) -> int:
        """The stages of the notice sent by ``as_of``: the first and the further ones."""
        if not self._notified_by(as_of):
            return 0
        return 1 + sum(n.sent.astimezone(OSLO).date() <= as_of for n in self.further_notices)

    def completed_by(self, as_of: dt.date) -> bool:
        """The notice was complete on ``as_of``."""
        return self.completed is not None and self.completed.astimezone(OSLO).date() <= as_of


class QualityCase(Record):
    """A deviation (in the service or HMS), improvement proposal, complaint,
    security incident or personal-data breach, followed to closure. Volumes
    come from the quality system as counts (:mod:`.case_counts`); a case
    record is the programme's own follow-up of one case."""

    id: CaseId
    """Unique id, e.g. Q-2019-014."""
    kind: CaseKind
    """deviation, hms_deviation, improvement_proposal, complaint, security_incident or
    personal_data_breach (service_design: old cases only)."""
    title: Text
    """A short title, without names or other personal data."""
    description: Note | None = None
    """What happened, without names or other personal data."""
    unit: Text
    """The unit where it happened."""
    area: AreaId | None = None
    """The programme area, when it belongs to one."""
    occurred: Day
    """When it happened (or was found)."""
    reported: Day
    """When it was registered."""
    severity: Level | None = None
    """Consequence on the programme's risk matrix (risk_matrix.consequence), by default 1 (ubetydelig) –
    5 (svært alvorlig); none: not assessed."""
    probability: Level | None = None
    """Probability of recurrence on the risk matrix (risk_matrix.probability), by default 1 (svært lite
    sannsynlig) – 5 (svært sannsynlig); none: not assessed."""
    status: CaseStatus
    """registered, in_progress or closed."""
    responsible: Role
    """The role responsible for follow-up."""
    deadline: Day | None = None
    """The day follow-up is to be finished by."""
    closed: Day | None = None
    """The day the case was closed."""
    root_cause: Note | None = None
    """Why it happened; needed to close a deviation, security incident or breach."""
    answered: Day | None = None
    """Complaints: the day the answer or vedtak was sent (forvaltningsloven); needed to close one."""
    decision: Note | None = None
    """Improvement proposals: what was decided (carried out, rejected and why)."""
    actions: list[Action] = Field(default_factory=list)
    """Tiltak, each with an owner and a deadline, placed in the PDCA cycle."""
    user_involvement: UserInvolvement | None = None
    """Old service design cases only: record it on the project instead (ASK840)."""
    project: ProjectId | None = None
    """A linked project."""
    goal: GoalId | None = None
    """A linked area or leader goal."""
    breach: Breach | None = None
    """Personal-data breaches: what Datatilsynet's form asks for, the notices and the art. 34 decision."""

    @property
    def risk(self) -> int | None:
        """Severity × probability; None until both are assessed (never as if a missing one were 1)."""
        if self.severity is None or self.probability is None:
            return None
        return self.severity * self.probability

    def closed_by(self, day: dt.date) -> bool:
        """Closed on or before ``day``: a case closed later was open then."""
        return self.closed is not None and self.closed <= day

    def status_on(self, day: dt.date) -> CaseStatus:
        """The status on ``day``; a case closed after it was still being dealt with."""
        if self.status is CaseStatus.CLOSED and not self.closed_by(day):
            return CaseStatus.IN_PROGRESS
        return self.status

    def pdca_completed(self, day: dt.date) -> bool:
        """A full plan–do–check–act cycle by ``day``: an action in each of
        the four steps carried out. Closing a case is not enough, and a
        cycle without its plan step is not a cycle."""
        done = {a.pdca for a in self.actions if a.done is not None and a.done <= day}
        return done == set(Pdca)

    def effect_measured(self, day: dt.date) -> bool:
        """The improvement was shown to work by ``day``: a check (C)
        carried out with its effect recorded. Closing a case, or a check
        without a measure, does not say whether anything got better."""
        return any(a.effect_measured(day) for a in self.actions)

    def overdue_days(self, as_of: dt.date) -> int | None:
        """Days an open case is past its deadline on ``as_of``, or None."""
        if self.status is CaseStatus.CLOSED or self.deadline is None or self.deadline >= as_of:
            return None
        return (as_of - self.deadline).days
