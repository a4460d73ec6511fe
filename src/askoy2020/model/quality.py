"""Quality cases in Kvalitet 2020: ``data/quality/**/*.yaml``."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated

from pydantic import BeforeValidator, Field

from .base import OSLO, Count, Day, Id, Moment, Note, Record, Role, Text, not_a_bool

MAX_LEVELS = 10
"""The most levels a scale of the risk matrix may have: more is a typo."""

Level = Annotated[int, Field(ge=1, le=MAX_LEVELS), BeforeValidator(not_a_bool)]
"""A level on a scale of the risk matrix, counted from 1. Its top is the
programme's (risk_matrix in programme.yaml, ASK823); the schema only
refuses what no scale can hold."""

NOTIFY_WITHIN = dt.timedelta(hours=72)
"""GDPR art. 33(1): notify Datatilsynet within 72 hours of becoming aware."""


class CaseKind(str, Enum):
    DEVIATION = "deviation"  # avvik
    IMPROVEMENT_PROPOSAL = "improvement_proposal"  # forbedringsforslag
    SERVICE_DESIGN = "service_design"  # tjenestedesign
    COMPLAINT = "complaint"  # klage
    SECURITY_INCIDENT = "security_incident"  # informasjonssikkerhetshendelse
    PERSONAL_DATA_BREACH = "personal_data_breach"  # brudd på personopplysningssikkerheten

    @property
    def is_deviation(self) -> bool:
        return self is CaseKind.DEVIATION


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


class Action(Record):
    """A tiltak with an owner and a deadline."""

    text: Text
    owner: Role
    """The role responsible."""
    deadline: Day | None = None
    done: Day | None = None
    """The day it was carried out."""
    pdca: Pdca = Pdca.DO
    """Where in the plan–do–check–act cycle the action belongs."""


class UserInvolvement(Record):
    """Brukermedvirkning in a service design case."""

    method: Text
    """e.g. intervju, workshop, brukerreise."""
    users: Count = Field(ge=0)
    """How many users took part."""


class Breach(Record):
    """GDPR art. 33 facts of a personal-data breach."""

    became_aware: Moment
    """When the municipality became aware of the breach."""
    notified: Moment | None = None
    """When Datatilsynet was notified."""
    not_notified_reason: Note | None = None
    """Why it was not notified (e.g. unlikely to result in a risk)."""
    late_reason: Note | None = None
    """Why the notice came after 72 hours."""

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
        if self.notified is not None and self.notified.astimezone(OSLO).date() <= as_of:
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

    def unnotified_past_deadline(self, as_of: dt.date) -> bool:
        """Neither notified nor given a reason for not notifying, and 72
        hours have passed by the end of ``as_of``."""
        if self.notified is not None or (self.not_notified_reason or "").strip():
            return False
        return self._hours_run_out(as_of)


class QualityCase(Record):
    """A deviation, improvement proposal, service design case, complaint,
    security incident or personal-data breach, followed to closure."""

    id: Id
    """Unique id, e.g. Q-2019-014."""
    kind: CaseKind
    title: Text
    description: Note | None = None
    unit: Text
    """The unit where it happened."""
    area: Id | None = None
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
    responsible: Role
    """The role responsible for follow-up."""
    deadline: Day | None = None
    closed: Day | None = None
    """The day the case was closed."""
    root_cause: Note | None = None
    """Why it happened; needed to close the case."""
    actions: list[Action] = Field(default_factory=list)
    user_involvement: UserInvolvement | None = None
    """Service design cases: how users took part."""
    project: Id | None = None
    """A linked project."""
    goal: Id | None = None
    """A linked area or leader goal."""
    breach: Breach | None = None
    """Personal-data breaches: awareness and notification times."""

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

    def overdue_days(self, as_of: dt.date) -> int | None:
        """Days an open case is past its deadline on ``as_of``, or None."""
        if self.status is CaseStatus.CLOSED or self.deadline is None or self.deadline >= as_of:
            return None
        return (as_of - self.deadline).days
