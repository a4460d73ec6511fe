"""Typed figures of the Prestasjonsledelse and Kvalitet sections, and their
lines for page 1 (part of the report model, :mod:`.model`).

Rows that only the internal report may hold say so; in a public report
those lists are empty, and every figure left is over a group that
:mod:`.audience` allows (docs/audience.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model.quality import Notice
from .cases_model import CaseVolumes, ImprovementEffect, ServiceDesign

# The Prestasjonsledelse part lives in its own module; its names stay importable from here.
from .leadership_model import LeadershipHeadline as LeadershipHeadline
from .leadership_model import LeadershipSection as LeadershipSection


@dataclass(frozen=True)
class Count:
    key: str  # a word key (kind, status), a severity 1 to 5 or a unit
    count: int | None  # None: fewer than the threshold, not shown


@dataclass(frozen=True)
class AreaCount:
    """Cases in one programme area, or in the areas pooled because each
    alone has too few cases or units."""

    areas: tuple[str, ...]  # area ids ("" for cases without one); more than one: pooled; none: too few to say
    name: str | None
    cases: int | None  # None: too few cases or units to show
    units: int | None  # units the cases come from; None when hidden


@dataclass(frozen=True)
class OverdueRow:
    id: str  # internal report only
    unit: str
    days: int


@dataclass(frozen=True)
class BreachCounts:
    """Personal-data breaches reported in the year, by where they stand
    against GDPR art. 33(1) on the report's day (word keys: notice_*)."""

    by_notice: list[Count]  # in Notice's order
    total: int

    @property
    def unlawful(self) -> int:
        """Notified late without a reason, or not notified without one."""
        return sum(c.count or 0 for c in self.by_notice if Notice(c.key).unlawful)


@dataclass(frozen=True)
class QualityHeadline:
    """Kvalitet on page 1, safe for the public report: programme-wide counts only."""

    light: str  # green, amber or red (word keys)
    open_cases: int  # open on the report's day, whenever reported
    overdue_cases: int  # of them, past their deadline
    breaches: int  # reported in the report year
    breaches_unlawful: int  # of them, late or not notified without a reason
    # Set from the chapter's other subsections (report/quality_light.py):
    findings_past_deadline: int = 0  # tilsyn and revisjon findings open past their deadline
    binding_past_deadline: int = 0  # of them, a lovbrudd or a pålegg
    routines_overdue: int = 0  # routines past their review date
    red_risks_without_measures: int = 0
    risk_reviews_overdue: int = 0
    privacy_gaps: int = 0  # DPIA or ROS missing, a breach form incomplete, an art. 34 decision missing


@dataclass
class QualitySection:
    reported: int  # cases reported in the year, to the report's day
    by_kind: list[Count]  # of those, in the model's order of kinds
    by_severity: list[Count]  # 1 to the risk matrix's highest consequence, then not_assessed
    by_status: list[Count]  # status on the report's day: registered → in progress → closed
    by_area: list[AreaCount]
    by_unit: list[Count]  # empty in a public report
    closed_in_year: int  # all cases closed in the year to the report's day, whenever reported
    closed_in_year_reported_before: int  # … of them reported in an earlier year
    median_days_to_close: float | None  # of the year's cases closed by the report's day
    open_now: int  # of the year's cases, still open on the report's day
    median_days_open: float | None  # their age on the report's day
    overdue: list[OverdueRow]  # empty in a public report
    overdue_count: int
    overdue_max_days: int | None
    breaches: BreachCounts
    proposals_done: int
    proposals_total: int
    pdca_done: int  # cases with an action carried out in each of plan, do, check and act
    per_year: dict[int, int]
    part_year: int | None  # the year in per_year that is not over on the report's day
    withheld: bool  # public, and the programme has fewer units than the threshold: no figures at all
    headline: QualityHeadline
    per_year_to_date: dict[int, int] = field(default_factory=dict)  # 1 January to the as-of day's date in each year
    volumes: CaseVolumes | None = None  # counts from the quality system; None: none imported
    service_design: ServiceDesign = field(default_factory=lambda: ServiceDesign([], 0, 0))
    effect: ImprovementEffect = field(default_factory=lambda: ImprovementEffect(0, 0, 0))
