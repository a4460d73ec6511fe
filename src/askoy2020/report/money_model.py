"""Typed rows of the report's money section (report/money*.py builds them,
templates/money.*.j2 and the summary's budget chart show them).

Amounts are in 1000 kr, staff in årsverk. A deviation is always forecast
minus budget (or frame): positive is an overspend (merforbruk).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


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
        """Forecast minus revised budget: + is an overspend."""
        return None if self.forecast is None else self.forecast - self.revised_budget

    @property
    def over_frame(self) -> float | None:
        """Forecast minus frame: + is over the frame."""
        return None if self.forecast is None or self.frame is None else self.forecast - self.frame


@dataclass(frozen=True)
class AreaYearRow:
    """One area's (or the programme's) frame and budget of one kind in one
    year of the round: a row of the area × year table and, for the
    programme, a bar of the summary's budget chart."""

    area: str  # an area id, or "" for the whole programme
    kind: str  # drift, investment or staff
    year: int
    adopted_frame: float | None  # as the round adopted it
    frame: float | None  # as revised on the report's day
    budget: float  # the revised budgets of the projects in the budget (money.in_budget)
    candidates: float  # what candidates ask in an open year: not in the budget
    actual: float | None  # spend to the newest closed period of the year; None before one closes
    forecast: float | None  # the year's forecast (the accounts once closed)
    period: str | None  # that period: T1, T2 or T3

    @property
    def unallocated(self) -> float | None:
        """Revised frame minus budget (udisponert): − is a budget over its frame."""
        return None if self.frame is None else self.frame - self.budget


@dataclass(frozen=True)
class ProjectMoneyRow:
    """One project's money of one kind in the report year: a tertial report's line."""

    project: str
    name: str
    area: str
    status: str
    kind: str
    adopted: float
    revised: float
    actual: float | None  # None: no figures for the newest closed period
    forecast: float | None
    reported: bool  # gave figures for the newest closed period

    @property
    def deviation(self) -> float | None:
        return None if self.forecast is None else self.forecast - self.revised


@dataclass(frozen=True)
class DeviationRow:
    """A project whose forecast deviates from its revised budget by more
    than the programme's threshold, with the tertial report's explanation."""

    project: str
    name: str
    area: str
    kind: str
    revised: float
    forecast: float
    comment: str | None  # the comment of the newest period's figures; None: not explained
    period: str  # the period the forecast was given in

    @property
    def amount(self) -> float:
        """Forecast minus revised budget: + is an overspend, − an underspend."""
        return self.forecast - self.revised

    @property
    def share(self) -> float | None:
        return None if self.revised == 0 else self.amount / self.revised


@dataclass(frozen=True)
class FrameOverrun:
    """An area (or the programme) whose forecast passes its revised frame by
    more than the threshold (as ASK421 warns)."""

    area: str  # "" for the whole programme
    kind: str
    frame: float
    forecast: float

    @property
    def amount(self) -> float:
        return self.forecast - self.frame


@dataclass(frozen=True)
class BudgetChange:
    """A frame or a project budget changed by decision (budsjettjustering)."""

    date: dt.date
    decision: str
    scope: str  # "" for the programme's frame, an area id, or a project id
    what: str  # frame or budget
    kind: str  # drift, investment or staff
    year: int
    before: float
    after: float

    @property
    def change(self) -> float:
        return self.after - self.before


@dataclass(frozen=True)
class InvestmentRow:
    """One project's investment in one year and how it is financed; a
    project of "" is the year's sum over the projects in the budget."""

    project: str
    name: str
    year: int
    budget: float  # as revised
    loan: float
    grants: float
    vat_compensation: float
    funds: float

    @property
    def financed(self) -> float:
        return self.loan + self.grants + self.vat_compensation + self.funds

    @property
    def unfinanced(self) -> float:
        """Budget minus financing: not 0 when the budget was revised and the financing not."""
        return self.budget - self.financed


@dataclass(frozen=True)
class BenefitRow:
    """Gains of one kind of one area (or the programme): what was planned and
    realised in the years that have ended, what is planned for the round's
    years, and how much of it the council has taken out of the frames."""

    area: str  # an area id, or "" for the whole programme
    kind: str  # economic (1000 kr a year) or staff (årsverk)
    planned: float  # planned in the ended years
    realised: float
    taken_out: float  # frames lowered in the ended years
    planned_ahead: float  # planned in the years of the round not yet ended
    taken_out_ahead: float

    @property
    def realised_share(self) -> float | None:
        return self.realised / self.planned if self.planned else None

    @property
    def not_taken_out_ahead(self) -> float:
        """Planned ahead but not yet taken out of any frame."""
        return self.planned_ahead - self.taken_out_ahead


@dataclass(frozen=True)
class QualityGainRow:
    """A quality gain: measured by an area goal's indicator, never summed."""

    project: str
    goal: str
    indicator: str  # the goal's indicator and its unit
    unit: str
    year: int  # the report year
    planned: float | None  # planned for the report year
    realised: float | None  # the newest realised figure
    realised_year: int | None


@dataclass(frozen=True)
class Threshold:
    """When a deviation is worth a word: over both the share and the amount."""

    share: float
    amount: float  # 1000 kr


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
    threshold: Threshold = field(default_factory=lambda: Threshold(0.05, 100))
    years: list[int] = field(default_factory=list)  # the years of the round that speaks for the report year
    open_from: int = 0  # the first year not yet budgeted: from it, candidates are not in the budget
    area_years: list[AreaYearRow] = field(default_factory=list)
    # (kind, year, the part of the programme frame no area holds)
    not_in_areas: list[tuple[str, int, float]] = field(default_factory=list)
    projects: list[ProjectMoneyRow] = field(default_factory=list)
    deviations: list[DeviationRow] = field(default_factory=list)  # both signs, above the threshold
    frame_overruns: list[FrameOverrun] = field(default_factory=list)
    changes_from: dt.date | None = None  # budget changes from this day to the report's day
    changes: list[BudgetChange] = field(default_factory=list)
    investments: list[InvestmentRow] = field(default_factory=list)
    quality_gains: list[QualityGainRow] = field(default_factory=list)

    @property
    def headline(self) -> list[MoneyRow]:
        """This year's money per kind for the whole programme (drift, then
        investering): revised frame, revised budget, actual to date,
        forecast and deviation – for page 1."""
        return [row for row in self.rows if row.area == ""]

    @property
    def overruns(self) -> list[DeviationRow]:
        """The projects whose forecast is over their revised budget by more
        than the threshold, largest first – for page 1."""
        return sorted((d for d in self.deviations if d.amount > 0), key=lambda d: (-d.amount, d.project))

    @property
    def unreported(self) -> list[str]:
        """Projects with money this year but no forecast for the newest
        period: the sums count them at their budget (``missing_forecasts``)."""
        return sorted({p.project for p in self.projects if p.forecast is None})
