"""Typed figures of the Internkontroll part of the Kvalitet chapter: the
rådmann's yearly internal-control summary (part of the report model,
:mod:`.model`; built in :mod:`.control`).

Rows and fields that only the internal report may hold say so: in a public
report they are empty or None. Roles (routine owners, the leader of a
review, owners of decisions and actions) are never in a public report, and
nothing is counted per unit there: a unit usually has one leader, so a
unit's overdue routines rate that person. Findings from tilsyn and
forvaltningsrevisjon are listed by unit in both: their reports are public.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class CoverageRow:
    """The units of one programme area under internal control."""

    area: str  # area id ("" for units whose area is unknown)
    name: str | None
    units: int
    services: int  # different services the units give (SFO at five schools is one)
    routines: int  # approved by the report's day
    overdue: int | None  # of them overdue for review; None in a public report


@dataclass(frozen=True)
class OverdueRoutineRow:
    """A routine overdue for review (internal report only)."""

    unit: str
    routine: str  # id
    title: str
    owner: str  # a role
    due: dt.date
    days: int


@dataclass(frozen=True)
class DecisionRow:
    text: str
    owner: str | None  # a role; None in a public report
    deadline: dt.date | None
    done: dt.date | None  # on or before the report's day; later is not known yet


@dataclass(frozen=True)
class ReviewRow:
    """One ledelsens gjennomgang."""

    year: int  # the year it covers
    held: dt.date | None  # None: not held by the report's day
    planned: dt.date | None
    led_by: str | None  # a role; None in a public report
    scope: tuple[str, ...]  # unit names; empty: the whole municipality
    topics: list[str]
    conclusions: str | None
    decisions: list[DecisionRow]

    @property
    def decisions_done(self) -> int:
        return sum(d.done is not None for d in self.decisions)


@dataclass(frozen=True)
class FindingRow:
    """A finding the year's summary lists: reported in the year, closed in
    it, or still open on the report's day."""

    id: str
    source: str  # word key: ic_source_supervision …
    authority: str
    reference: str | None
    unit: str | None  # the unit's name
    area: str | None  # area id (the unit's when the finding names none)
    title: str
    kind: str  # word key: ic_kind_breach_of_law …
    binding: bool  # a breach of law or an order: must be corrected
    reported: dt.date
    deadline: dt.date | None
    closed: dt.date | None  # on or before the report's day
    status: str  # word key: ic_status_closed, ic_status_open, ic_status_past_deadline
    days_past_deadline: int | None
    actions: int
    actions_done: int
    closing_note: str | None


@dataclass(frozen=True)
class FindingCounts:
    """Findings from one source (or all): new in the year, closed in it, open
    and past their deadline on the report's day."""

    source: str  # word key; "ic_all" for the total
    new: int
    closed: int
    open: int
    past_deadline: int


@dataclass(frozen=True)
class ControlHeadline:
    light: str  # green, amber or red (word keys)
    routines_overdue: int
    findings_open: int
    findings_past_deadline: int
    binding_past_deadline: int  # of them, a breach of law or an order


@dataclass
class ControlSection:
    recorded: bool  # the register holds units, reviews or findings
    units: int
    services: int  # different services over all units
    coverage: list[CoverageRow]
    routines: int
    routines_in_time: int
    routines_overdue: int
    routines_reviewed_in_year: int  # last reviewed in the report year, by the report's day
    overdue_routines: list[OverdueRoutineRow]  # empty in a public report
    sector_rules: list[str]  # the sector rules the units name, once each
    reviews_held: list[ReviewRow]  # held in the report year, by the report's day, oldest first
    review_due: ReviewRow | None  # the whole-municipality review for the report year, when not held yet
    review_missing: list[int]  # finished years of the programme without a whole-municipality review held
    counts: list[FindingCounts]  # per source, in the model's order
    total: FindingCounts
    findings: list[FindingRow]  # a public report lists only findings from public reports
    findings_not_listed: int  # public: findings from internal audits and others, counted but not listed
    headline: ControlHeadline
