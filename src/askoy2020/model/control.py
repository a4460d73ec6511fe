"""Internkontroll (internal control) in Kvalitet 2020: ``data/control/``.

What the rådmann's yearly internal-control report rests on (kommuneloven
1992 § 23 nr. 2, kommuneloven 2018 § 25-1 from 1 January 2021; for health
and care also forskrift om ledelse og kvalitetsforbedring i helse- og
omsorgstjenesten §§ 6–9):

- the *units* (enheter) and the services they give, each with its routines
  (document control: owner, approval, last review, how often to review);
- *ledelsens gjennomgang*, the management review held once a year, with its
  decisions as actions;
- *findings* from tilsyn (state supervision), forvaltningsrevisjon
  (performance audit for kontrollutvalget) and internal audits, with the
  actions that follow them up and the deadline to close them.

Each fact the rules and the report share – a routine due for review, a
finding past its deadline – is a method here, defined once.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from enum import Enum

from pydantic import Field

from .base import Count, Day, Note, Record, Role, Text, Year
from .ids import AreaId, FindingId, RoutineId, UnitId
from .programme import Programme
from .quality import Action

REVIEW_EVERY_MONTHS = 12
"""A routine is reviewed at least once a year unless it says otherwise."""


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved ``months`` calendar months on, kept inside the month it
    lands in: 31 January + 1 month is 28 (or 29) February, and 29 February
    2016 + 12 months is 28 February 2017."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


class Routine(Record):
    """A routine or procedure (rutine, prosedyre) under document control."""

    id: RoutineId
    """Unique id, e.g. E-KLS-R01."""
    title: Text
    """What the routine is, e.g. Rutine for avviksbehandling."""
    owner: Role
    """The role that owns the routine and keeps it up to date (never a name)."""
    approved: Day
    """The day the routine was first approved."""
    last_reviewed: Day | None = None
    """The day it was last reviewed (revised or confirmed as valid); none: never since approval."""
    earlier_reviews: list[Day] = Field(default_factory=list)
    """Earlier review days, oldest first (the version history): a report for an earlier day sees
    the review known then, instead of counting from the approval."""
    review_every_months: Count = Field(default=REVIEW_EVERY_MONTHS, ge=1, le=60)
    """How often it must be reviewed, in months (12: yearly)."""
    document: Note | None = None
    """Where the routine is kept in the quality system, e.g. Compilo dokument 1234."""

    def reviewed_on(self, day: dt.date) -> dt.date:
        """The last review known on ``day``: the latest of ``last_reviewed``
        and ``earlier_reviews`` not after ``day``; the approval when there is
        none (a report for a day before every recorded review)."""
        known = [d for d in (*self.earlier_reviews, self.last_reviewed) if d is not None and d <= day]
        return max(known, default=self.approved)

    def review_due(self, day: dt.date) -> dt.date:
        """The day the next review is due, as known on ``day``: the last
        review (or the approval) plus ``review_every_months`` months."""
        return add_months(self.reviewed_on(day), self.review_every_months)

    def review_overdue(self, day: dt.date) -> bool:
        """Not reviewed by its due day, seen on ``day``: a routine due on
        ``day`` itself is still in time. A routine not yet approved on
        ``day`` is not overdue."""
        return self.approved <= day and self.review_due(day) < day

    def days_overdue(self, day: dt.date) -> int | None:
        """Days past the due review on ``day``, or None when in time."""
        return (day - self.review_due(day)).days if self.review_overdue(day) else None


class ServiceUnit(Record):
    """An enhet under internal control: its services, leader role and routines."""

    id: UnitId
    """Unique id, e.g. E-KLS."""
    name: Text
    """The unit's name exactly as quality cases and leaders write it in their unit field, e.g. Kleppestø skole."""
    area: AreaId
    """The programme area the unit belongs to, e.g. OL."""
    services: list[Text] = Field(min_length=1)
    """The services (tjenester) the unit gives, e.g. grunnskole, SFO."""
    leader: Role
    """The leader's role, e.g. Rektor (never a name)."""
    sector_rules: list[Text] = Field(default_factory=list)
    """Sector rules for internal control that apply beyond kommuneloven, e.g. forskrift om ledelse og
    kvalitetsforbedring i helse- og omsorgstjenesten."""
    routines: list[Routine] = Field(default_factory=list)
    """The unit's routines and procedures under document control."""


class ManagementReview(Record):
    """Ledelsens gjennomgang: the yearly review of the internal control as a whole."""

    year: Year
    """The year the review covers (it may be held early the next year)."""
    held: Day | None = None
    """The day it was held; none while it is only planned."""
    planned: Day | None = None
    """The day it is planned for, while not held yet."""
    led_by: Role
    """The role that led it, e.g. Rådmann."""
    units: list[UnitId] = Field(default_factory=list)
    """The units it covered (ids); empty: the whole municipality."""
    topics: list[Text] = Field(default_factory=list)
    """What was reviewed: avvik, tilsyn, ROS, brukerundersøkelser, måloppnåelse …"""
    conclusions: Note | None = None
    """The review's conclusions."""
    decisions: list[Action] = Field(default_factory=list)
    """What was decided, each with an owner and a deadline."""

    @property
    def whole_municipality(self) -> bool:
        return not self.units

    def held_by(self, day: dt.date) -> bool:
        """Held on or before ``day``."""
        return self.held is not None and self.held <= day


def years_without_review(reviews: Iterable[ManagementReview], programme: Programme, day: dt.date) -> list[int]:
    """The finished years from the programme's first budget year to the year before ``day``
    with no ledelsens gjennomgang of the whole municipality held by ``day``
    (the one for a year may be held early the next)."""
    held = {r.year for r in reviews if r.whole_municipality and r.held_by(day)}
    first_year = min(r.year for r in programme.rounds)
    return [year for year in range(first_year, day.year) if year not in held]


class FindingSource(str, Enum):
    """Who found it."""

    SUPERVISION = "supervision"  # tilsyn: Statsforvalteren, Arbeidstilsynet, Datatilsynet, Mattilsynet, brannvesenet
    PERFORMANCE_AUDIT = "performance_audit"  # forvaltningsrevisjon for kontrollutvalget
    INTERNAL_AUDIT = "internal_audit"  # internrevisjon of the municipality's own system
    OTHER = "other"

    @property
    def public(self) -> bool:
        """A tilsyn report and a forvaltningsrevisjon report are public documents
        (published by the authority, sent to kontrollutvalget): the public
        report may list their findings by unit. An internal audit is not."""
        return self in (FindingSource.SUPERVISION, FindingSource.PERFORMANCE_AUDIT)


class FindingKind(str, Enum):
    """What the authority or auditor calls it."""

    BREACH_OF_LAW = "breach_of_law"  # lovbrudd (older tilsyn reports: avvik fra krav i lov eller forskrift)
    ORDER = "order"  # pålegg (Arbeidstilsynet, Datatilsynet, brannvesenet)
    REMARK = "remark"  # merknad: not a breach, but something that can be better
    RECOMMENDATION = "recommendation"  # anbefaling (forvaltningsrevisjon)
    DEVIATION = "deviation"  # avvik fra egne krav (internrevisjon)

    @property
    def binding(self) -> bool:
        """A breach of law or an order must be corrected; the authority keeps
        the tilsyn open until it is."""
        return self in (FindingKind.BREACH_OF_LAW, FindingKind.ORDER)


class AuditFinding(Record):
    """A finding from tilsyn, forvaltningsrevisjon or internal audit, followed up to closure."""

    id: FindingId
    """Unique id, e.g. F-2019-01."""
    source: FindingSource
    """Who found it: supervision (tilsyn: Statsforvalteren, Arbeidstilsynet, Datatilsynet, Mattilsynet,
    brannvesenet), performance_audit (forvaltningsrevisjon for kontrollutvalget), internal_audit
    (internrevisjon), other."""
    authority: Text
    """Who made the finding, e.g. Statsforvalteren i Vestland, Arbeidstilsynet, Vestland Revisjon."""
    reported: Day
    """The date of the final report (endelig rapport) that holds the finding."""
    reference: Note | None = None
    """The report's title or case number, e.g. Tilsynsrapport 2019/4711."""
    title: Text
    """The finding in short, as the report words it."""
    kind: FindingKind
    """What the report calls it: breach_of_law (lovbrudd; older tilsyn reports say avvik), order (pålegg),
    remark (merknad), recommendation (anbefaling, forvaltningsrevisjon), deviation (avvik from the
    municipality's own requirements, internal audit). A breach of law and an order must be corrected."""
    unit: UnitId | None = None
    """The unit it concerns (a unit id in data/control/units); none: the area or the whole municipality."""
    area: AreaId | None = None
    """The programme area it concerns, when not one unit."""
    deadline: Day | None = None
    """The deadline for the follow-up agreed with the authority (for a recommendation: set by kontrollutvalget)."""
    actions: list[Action] = Field(default_factory=list)
    """How it is followed up."""
    closed: Day | None = None
    """The day it was closed (the authority closed the tilsyn, or kontrollutvalget the follow-up)."""
    closing_note: Note | None = None
    """How it was closed, e.g. Tilsynet avsluttet, brev fra Statsforvalteren 12.03.2020."""

    def closed_by(self, day: dt.date) -> bool:
        """Closed on or before ``day``: one closed later was open then."""
        return self.closed is not None and self.closed <= day

    def past_deadline(self, day: dt.date) -> bool:
        """Open on ``day`` and its deadline has passed (the deadline itself is in time)."""
        return self.deadline is not None and self.deadline < day and not self.closed_by(day)

    def days_past_deadline(self, day: dt.date) -> int | None:
        """Days an open finding is past its deadline on ``day``, or None."""
        return (day - self.deadline).days if self.past_deadline(day) and self.deadline is not None else None

    def actions_done(self, day: dt.date) -> int:
        """Actions carried out by ``day``."""
        return sum(a.done is not None and a.done <= day for a in self.actions)
