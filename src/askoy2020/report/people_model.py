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


@dataclass(frozen=True)
class LevelCell:
    """One evaluation level in one year."""

    results: int | None  # evaluations counted; None: from fewer leaders than the threshold (public)
    leaders: int | None  # the leaders they are about; None when hidden
    mean_share: float | None  # mean value as a share of each instrument's scale


@dataclass(frozen=True)
class LevelRow:
    level: int
    instruments: list[str]  # instrument keys, in the model's order
    answers_from_others: bool  # some instrument is answered by others: the respondent threshold applies
    by_year: dict[int, LevelCell]
    year: int  # the report year

    @property
    def results(self) -> int:
        """Results in the report year (0 when none or hidden)."""
        cell = self.by_year.get(self.year)
        return cell.results or 0 if cell else 0

    @property
    def measured(self) -> bool:
        """Some year up to the report year has results that may be shown."""
        return any(cell.results for cell in self.by_year.values())


@dataclass(frozen=True)
class LeaderGoalRow:
    leader: str  # role and unit; never a name; internal report only
    goal: str
    attainment: float | None
    on_track: bool | None


@dataclass(frozen=True)
class MasteryRow:
    unit: str  # internal report only
    by_year: dict[int, float | None]  # None: too few respondents


@dataclass(frozen=True)
class MasteryCell:
    units: int | None  # units with enough respondents in the group; None when hidden
    mean: float | None  # None: fewer units than the threshold


@dataclass(frozen=True)
class MasteryGroup:
    """Mestringsorientert ledelse over a group of units: one programme
    area, or the areas pooled because each alone has too few units."""

    areas: tuple[str, ...]  # area ids; more than one: the pooled areas
    name: str | None  # the area's name when it is one area
    by_year: dict[int, MasteryCell]


@dataclass(frozen=True)
class LeadershipHeadline:
    """Prestasjonsledelse on page 1, safe for the public report: programme-wide counts only."""

    light: str | None  # green, amber or red (word keys); None: too few leaders to say
    goals_on_track: int | None  # None: fewer leaders than the threshold
    goals_with_data: int | None
    goals_total: int | None
    levels_measured: int  # of the four levels, those with results up to the report year
    levels_measured_in_year: int  # … in the report year itself


@dataclass
class LeadershipSection:
    years: list[int]  # evaluation years up to the report year
    levels: list[LevelRow]
    suppressed_evaluations: int  # from fewer respondents than the threshold
    leader_goals: list[LeaderGoalRow]  # empty in a public report
    goals_on_track: int | None  # None: fewer leaders than the threshold
    goals_with_data: int | None
    goals_total: int | None
    survey_years: list[int]
    mastery_groups: list[MasteryGroup]  # programme areas, and the pool of small ones
    mastery_total: dict[int, MasteryCell]  # the whole programme
    mastery: list[MasteryRow]  # per unit; empty in a public report
    mastery_mean: dict[int, float | None]  # mean of the units shown in ``mastery``
    withheld: bool  # public, and the programme has fewer units than the threshold: no figures at all
    headline: LeadershipHeadline


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
