"""Typed report: every figure the templates show, computed in Python.

Templates only format and lay out; they never reach into raw records, so a
user template cannot show what the report model does not hold (a leader's
name in a public report, a unit figure under the respondent threshold).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .plan_model import PlanSection


@dataclass(frozen=True)
class Meta:
    year: int
    as_of: dt.date
    lang: str
    public: bool
    programme: str
    version: str
    min_respondents: int


@dataclass(frozen=True)
class Summary:
    projects_by_status: dict[str, int]
    budget_used: float
    budget_frame: float | None
    staff_used: float
    staff_frame: float | None
    goals_on_track: int
    goals_with_data: int
    goals_total: int
    levels_with_results: int
    cases_opened: int
    cases_closed: int
    red_projects: list[str]


@dataclass(frozen=True)
class GoalRow:
    id: str
    text: str
    indicator: str
    unit: str
    baseline: float | None
    baseline_year: int | None
    latest: float | None
    latest_date: dt.date | None
    target: float | None
    attainment: float | None  # share of the way from baseline to target
    on_track: bool | None


@dataclass(frozen=True)
class ProjectRow:
    id: str
    name: str
    status: str
    rag: str | None
    start: dt.date | None
    end: dt.date | None
    cost: float  # in the report year
    staff: float


@dataclass(frozen=True)
class Delay:
    project: str
    days: int
    pushes: list[tuple[str, int]]  # (project, days pushed), along the dependency chain

    @property
    def pushes_text(self) -> str:
        return ", ".join(f"{pid} (+{days} d)" for pid, days in self.pushes)


@dataclass(frozen=True)
class Bar:
    label: str
    start: dt.date
    end: dt.date
    status: str


@dataclass(frozen=True)
class Edge:
    pred: str
    succ: str
    hard: bool


@dataclass
class AreaSection:
    id: str
    name: str
    owner: str
    illustrative: bool
    budget_frame: float | None
    budget_used: float
    goals: list[GoalRow]
    projects: list[ProjectRow]
    delays: list[Delay]
    bars: list[Bar]
    edges: list[Edge]
    nodes: list[str]  # projects in the dependency diagram (the area's and their predecessors)

    @property
    def attainment(self) -> list[tuple[str, float | None]]:
        return [(g.id, g.attainment) for g in self.goals]


@dataclass(frozen=True)
class LevelRow:
    level: int
    instruments: list[str]
    results: int  # evaluations in the year with enough respondents
    mean_share: float | None  # mean value as a share of each instrument's scale


@dataclass(frozen=True)
class LeaderGoalRow:
    leader: str  # role and unit; never a name
    goal: str
    attainment: float | None
    on_track: bool | None


@dataclass(frozen=True)
class MasteryRow:
    unit: str
    by_year: dict[int, float | None]  # None: too few respondents


@dataclass
class LeadershipSection:
    levels: list[LevelRow]
    suppressed_evaluations: int
    leader_goals: list[LeaderGoalRow]  # empty in a public report
    goals_on_track: int
    goals_total: int
    survey_years: list[int]
    mastery: list[MasteryRow]
    mastery_mean: dict[int, float | None]


@dataclass(frozen=True)
class Count:
    key: str  # a word key (kind, status) or a plain label (severity, unit)
    count: int | None  # None: fewer than the threshold, not shown


@dataclass(frozen=True)
class OverdueRow:
    id: str | None  # None: hidden in a public report (a unit with few cases)
    unit: str | None
    days: int


@dataclass
class QualitySection:
    by_kind: list[Count]
    by_severity: list[Count]
    by_status: list[Count]
    by_unit: list[Count]
    median_days_to_close: float | None
    overdue: list[OverdueRow]
    breaches: int
    breaches_within_72h: int
    breaches_late: int
    breaches_not_notified: int
    proposals_done: int
    proposals_total: int
    pdca_done: int
    service_design_with_users: int
    service_design_total: int
    per_year: dict[int, int]


@dataclass(frozen=True)
class ChangeRow:
    project: str
    what: str  # a word key: added, removed, redated, …
    detail: str


@dataclass(frozen=True)
class WarningRow:
    file: str
    line: int
    rule: str
    message: str


@dataclass
class Report:
    meta: Meta
    summary: Summary
    areas: list[AreaSection]
    plan: PlanSection | None
    leadership: LeadershipSection
    quality: QualitySection
    budget_by_year: list[tuple[int, float, float | None]]  # (year, used, frame)
    since: str | None = None
    changes: list[ChangeRow] = field(default_factory=list)
    warnings: list[WarningRow] = field(default_factory=list)
    money: MoneySection | None = None

    @property
    def sections(self) -> list[str]:
        """The main parts in the order they are printed, each rendered from
        its own template (``<section>.md.j2`` / ``<section>.html.j2``)."""
        present = {"money": self.money is not None, "changes": self.since is not None}
        return [key for key in SECTIONS if present.get(key, True)]

    def number(self, section: str) -> int:
        """The heading number of a part: the numbers follow what is present."""
        return self.sections.index(section) + 1


SECTIONS = ("summary", "money", "omstilling", "plan", "leadership", "quality", "changes", "warnings")


@dataclass(frozen=True)
class RoundRow:
    year: int
    first: int
    last: int
    decision: str
    adopted: dt.date
    current: bool  # the round that speaks for the report year


@dataclass(frozen=True)
class FrameRow:
    kind: str  # drift, investment, staff
    adopted: float | None
    revised: float | None
    revisions: list[str]  # "KST 45/20 (18.06.2020)"


@dataclass(frozen=True)
class MoneyRow:
    """One area's (or the programme's) money of one kind in the report year."""

    area: str  # an area id, or "" for the whole programme
    kind: str
    frame: float | None  # as revised
    revised_budget: float  # the projects' budgets as revised
    actual: float | None  # spend to the newest closed period
    forecast: float | None
    missing_forecasts: int  # projects without a forecast for the period: counted at their budget

    @property
    def deviation(self) -> float | None:
        return None if self.forecast is None else self.forecast - self.revised_budget


@dataclass(frozen=True)
class BenefitRow:
    area: str  # an area id, or "" for the whole programme
    kind: str  # economic, staff
    planned: float  # planned to the end of the report year
    realised: float
    taken_out: float


@dataclass
class MoneySection:
    rounds: list[RoundRow]
    period: str | None  # the newest closed period of the report year: T1, T2 or T3
    staff_funding: str
    frames: list[FrameRow]
    rows: list[MoneyRow]
    benefits: list[BenefitRow]
    benefits_to: int  # the last ended year the gains are summed to
    proposed: bool = False  # the frames are the round being prepared: not yet adopted
