"""Personvern under Digital kommune: a project's personal data with its
DPIA (personvernkonsekvensvurdering, GDPR art. 35) and ROS-analyse, and
the parts of a personal-data breach that Datatilsynet's notification form
asks for (GDPR art. 33(3)), notices in stages (art. 33(4)) and the
decision whether to tell the people affected (art. 34).

The facts derived from them are defined here once; rules/privacy.py and
report/privacy.py both ask them.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import TYPE_CHECKING, Annotated

from pydantic import BeforeValidator, Field

from .base import Day, Moment, Note, Record, Text, not_a_bool

if TYPE_CHECKING:  # types only: project.py imports this module
    from .portfolio import Portfolio
    from .project import Project


# -- projects


class Dpia(Record):
    """A personvernkonsekvensvurdering (DPIA), GDPR art. 35."""

    done: Day
    """The day the assessment was concluded."""
    reference: Text
    """Where the document is, e.g. the archive case number (arkivsak 2020/1234)."""
    conclusion: Text
    """What it concluded: the residual risk and the measures it requires."""
    prior_consultation: bool = False
    """Art. 36: a high residual risk made the municipality consult Datatilsynet before processing."""


class Ros(Record):
    """A risk and vulnerability analysis (ROS-analyse) of the processing,
    which GDPR art. 32 asks for (security appropriate to the risk)."""

    done: Day
    """The day the analysis was concluded."""
    reference: Text
    """Where the document is, e.g. the archive case number."""


class PersonalData(Record):
    """Whether and how a project processes personal data."""

    processes: bool
    """The project processes personal data (personopplysninger)."""
    categories: list[Text] = Field(default_factory=list)
    """Categories of personal data, e.g. navn, adresse, helseopplysninger."""
    special_categories: bool = False
    """Special categories (GDPR art. 9: health, ethnicity, religion, union membership …)."""
    processing_start: Day | None = None
    """When the processing starts (go-live), if later than the project's start."""
    dpia: Dpia | None = None
    """The DPIA, when one is needed (art. 35)."""
    dpia_not_needed: Text | None = None
    """Why no DPIA is needed: an assessment that high risk is unlikely (art. 35(1), Datatilsynet's list)."""
    ros: Ros | None = None
    """The risk assessment (ROS-analyse) of the processing."""

    def dpia_on(self, as_of: dt.date | None = None) -> Dpia | None:
        """The DPIA, if it was concluded by ``as_of`` (any day when None)."""
        return self.dpia if self.dpia is not None and (as_of is None or self.dpia.done <= as_of) else None

    def ros_on(self, as_of: dt.date | None = None) -> Ros | None:
        """The ROS-analyse, if it was concluded by ``as_of`` (any day when None)."""
        return self.ros if self.ros is not None and (as_of is None or self.ros.done <= as_of) else None

    def dpia_decided(self, as_of: dt.date | None = None) -> bool:
        """A DPIA was made (by ``as_of``), or a reason why none is needed is recorded."""
        return self.dpia_on(as_of) is not None or bool((self.dpia_not_needed or "").strip())


def processing_start(project: Project) -> dt.date | None:
    """The day a project starts processing personal data: the recorded
    go-live, else the project's start (actual when known, else planned)."""
    data = project.personal_data
    if data is not None and data.processing_start is not None:
        return data.processing_start
    return project.start()


def has_ros(project: Project, portfolio: Portfolio | None = None, as_of: dt.date | None = None) -> bool:
    """The one test of whether a project that processes personal data has
    a ROS-analyse (by ``as_of``): the project's own ``personal_data.ros``
    (a ROS document), or risks in the ROS register (``risks/``) that name
    the project and were assessed by then – the register is a ROS too."""
    data = project.personal_data
    if data is not None and data.ros_on(as_of) is not None:
        return True
    return portfolio is not None and any(
        risk.project == project.id and (as_of is None or risk.assessed <= as_of) for risk in portfolio.risks)


# -- breaches


class BreachType(str, Enum):
    """What the breach did to the personal data (Datatilsynet's form)."""

    CONFIDENTIALITY = "confidentiality"  # konfidensialitetsbrudd: seen by someone who should not
    INTEGRITY = "integrity"  # integritetsbrudd: changed without authority
    AVAILABILITY = "availability"  # tilgjengelighetsbrudd: lost or unavailable


class BreachPeriod(Record):
    """When the breach went on: from – to, or still ongoing."""

    start: Moment
    """When the breach began (Norwegian local time)."""
    end: Moment | None = None
    """When it ended; leave out while it is ongoing."""
    ongoing: bool = False
    """The breach is still going on."""


Approx = Annotated[int, Field(ge=0, le=10_000_000), BeforeValidator(not_a_bool)]
"""An approximate number of people or records: a whole number, 0 or more."""


class Affected(Record):
    """Who or what the breach touched: categories and an approximate number."""

    categories: list[Text] = Field(default_factory=list)
    """e.g. elever, foresatte, ansatte (people); navn, karakterer, helseopplysninger (records)."""
    approx: Approx | None = None
    """Approximate number."""


class NotInformedGround(str, Enum):
    """Why the people affected were not told (GDPR art. 34)."""

    LOW_RISK = "low_risk"  # art. 34(1): the breach is not likely to result in a high risk
    UNINTELLIGIBLE = "unintelligible"  # art. 34(3)(a): the data were unintelligible to others (encrypted)
    RISK_REMOVED = "risk_removed"  # art. 34(3)(b): later measures removed the high risk
    PUBLIC_NOTICE = "public_notice"  # art. 34(3)(c): disproportionate effort; a public notice instead


class Art34(Record):
    """The decision whether to tell the people affected (GDPR art. 34):
    'informed' with when and how, or 'not_informed' with the ground and
    the reason."""

    informed: Moment | None = None
    """When the people affected were told."""
    how: Note | None = None
    """How they were told, e.g. brev i Digipost, telefon."""
    not_informed: NotInformedGround | None = None
    """They were not told: low_risk, unintelligible, risk_removed or public_notice."""
    reason: Note | None = None
    """Why not: the assessment behind the ground."""


class Informing(str, Enum):
    """Where a breach stands on GDPR art. 34."""

    INFORMED = "informed"
    NOT_INFORMED = "not_informed"  # with a ground and a reason
    MISSING = "missing"  # no decision, or one that contradicts itself


def informing(decision: Art34 | None) -> Informing:
    """The art. 34 decision as recorded: told (and not also 'not told'),
    not told with a ground and a reason, or missing."""
    if decision is None:
        return Informing.MISSING
    if decision.informed is not None and decision.not_informed is None:
        return Informing.INFORMED
    if decision.informed is None and decision.not_informed is not None and (decision.reason or "").strip():
        return Informing.NOT_INFORMED
    return Informing.MISSING


class FurtherNotice(Record):
    """A later stage of the notice to Datatilsynet (GDPR art. 33(4))."""

    sent: Moment
    """When it was sent."""
    added: Text
    """What it added, e.g. the number of people affected once known."""
