"""Typed report: every figure the templates show, computed in Python.

Templates only format and lay out; they never reach into raw records, so a
user template cannot show what the report model does not hold (a leader's
name in a public report, a unit figure under the respondent threshold).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .attention import AttentionRow
    from .verdict import Verdict

from .audience import Audience
from .control_model import ControlSection
from .money_model import AreaYearRow, MoneySection
from .parts import ReportPart
from .people_model import LeadershipSection, QualitySection
from .plan_model import PlanSection
from .privacy_model import PrivacySection
from .risk_model import RiskSection


@dataclass(frozen=True)
class Meta:
    year: int
    as_of: dt.date
    lang: str
    audience: Audience
    programme: str
    version: str
    min_respondents: int
    period: str | None = None  # T1 or T2 for a tertial report, T3 for the year; None for another day
    part: ReportPart = ReportPart.ALL  # the whole report, or one part of the programme alone
    title: str = ""  # e.g. "Kvalitet 2020 - årsrapport 2020" (with an en dash), in the report's language

    @property
    def public(self) -> bool:
        """The public version: nothing that rates or identifies one person."""
        return self.audience is Audience.PUBLIC


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
    cases_opened: int  # reported in the year, to the report's day
    cases_closed: int  # of them, closed by the report's day
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
    source: str | None = None  # where the newest figure comes from (KOSTRA, …)
    stale: bool = False  # the newest figure is older than half a year
    label: str = ""  # the goal's text, shortened for a chart's row
    expected_then: float | None = None  # share expected at the latest measurement: on_track compares with it
    expected_now: float | None = None  # share expected on the report's as-of day (Goal.expected_share)


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

    def pushes_text(self, t: Callable[..., str]) -> str:
        """The projects pushed and by how many days, in the report's words (``t``)."""
        return ", ".join(t("pushed_days", project=pid, days=days) for pid, days in self.pushes)


@dataclass(frozen=True)
class Bar:
    """One project in a schedule (Gantt) chart."""

    label: str  # the project's id
    start: dt.date
    end: dt.date  # as planned (the actual end when it came earlier)
    status: str
    late_days: int = 0  # how late it ends or is expected to end (the area's Delay row)
    red: bool = False  # running with a red latest status report (Project.is_red)

    @property
    def forecast_end(self) -> dt.date | None:
        """The later end it is expected to have (or had), None when on plan."""
        return self.end + dt.timedelta(days=self.late_days) if self.late_days > 0 else None


@dataclass(frozen=True)
class Edge:
    pred: str
    succ: str
    hard: bool


@dataclass(frozen=True)
class Node:
    """A project in a dependency diagram, with what the diagram marks."""

    id: str
    area: str
    status: str
    late_days: int = 0
    red: bool = False


@dataclass
class CrossArea:
    """The programme-wide view: dependencies whose two projects belong to
    different areas, as far as they touch the report period."""

    nodes: list[Node]
    edges: list[Edge]
    folded: list[Edge] = field(default_factory=list)  # both ends ended before the report year: not drawn


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
    bars: list[Bar]  # the schedule: projects that touch the report period
    edges: list[Edge]  # dependencies that touch the report period
    nodes: list[Node]  # projects in the dependency diagram (the area's and their predecessors)
    folded_bars: list[Bar] = field(default_factory=list)  # ended before the report year: not drawn
    folded_edges: list[Edge] = field(default_factory=list)  # between projects that ended before it

    @property
    def attainment(self) -> list[tuple[str, float | None]]:
        return [(g.id, g.attainment) for g in self.goals]


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
    budget_by_year: list[AreaYearRow]  # the programme's drift (and investment) per year of the round
    changes_heading: str | None = None  # set when the report is compared with an earlier one
    changes: list[ChangeRow] = field(default_factory=list)
    warnings: list[WarningRow] = field(default_factory=list)
    money: MoneySection | None = None
    verdict: Verdict | None = None  # page 1, made last from the rest (report/verdict.py)
    attention: list[AttentionRow] = field(default_factory=list)  # red, late and slipping projects
    withheld_ids: frozenset[str] = frozenset()  # public: ids that point at a person, printed nowhere
    cross_area: CrossArea | None = None
    control: ControlSection | None = None  # Internkontroll, in the Kvalitet chapter
    privacy: PrivacySection | None = None  # Personvern under Digital kommune, printed in Kvalitet
    risk: RiskSection | None = None  # the ROS subsection of Kvalitet 2020 (report/risk.py)

    @property
    def sections(self) -> list[str]:
        """The main parts in the order they are printed, each rendered from
        its own template (``<section>.md.j2`` / ``<section>.html.j2``)."""
        present = {"verdict": self.verdict is not None, "money": self.money is not None,
                   "changes": self.changes_heading is not None}
        chosen = self.meta.part.sections or SECTIONS
        return [key for key in SECTIONS if key in chosen and present.get(key, True)]

    def number(self, section: str) -> int:
        """The heading number of a part: the numbers follow what is present."""
        return self.sections.index(section) + 1


SECTIONS = ("verdict", "summary", "money", "omstilling", "plan", "leadership", "quality", "changes", "warnings")
