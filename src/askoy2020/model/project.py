"""Projects of a programme area: ``data/programmes/<area>/projects/*.yaml``."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated

from pydantic import BeforeValidator, Field, WithJsonSchema

from ..core.scalars import source_text
from .base import END_OF_TEXT, ByYear, Count, DateRange, Day, Fte, Money, Note, Number, Record, Role, Text, Year
from .budget import (
    AccountCode,
    Benefit,
    BenefitKind,
    Financing,
    MoneyKind,
    MoneyLine,
    Period,
    PeriodFigures,
    ProjectRevision,
    YearAccounts,
    revisions_in_force,
    sum_planned,
)
from .ids import AreaId, CriterionId, GoalId, ProjectId
from .privacy import PersonalData

KostraCode = Annotated[str, BeforeValidator(source_text), Field(pattern=r"^[0-9]{3}$"), WithJsonSchema({
    # what the schemas say (base.py); unquoted, 120 is a number to the editor
    "anyOf": [{"type": "string", "pattern": "^[0-9]{3}" + END_OF_TEXT,
               "patternErrorMessage": "A KOSTRA function: three digits, e.g. 120 (tre sifre)."},
              {"type": "integer", "minimum": 0, "maximum": 999}]})]


class ProjectStatus(str, Enum):
    PLANNED = "planned"
    ACTIVE = "active"
    PAUSED = "paused"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class Commitment(str, Enum):
    """Why a project must be in any plan, whatever its value."""

    COMMITTED = "committed"  # active or completed: money already spent
    LOCKED = "locked"  # decided or under contract
    MANDATORY = "mandatory"  # a statutory duty


class DependencyType(str, Enum):
    FINISH_TO_START = "finish-to-start"
    START_TO_START = "start-to-start"


class Strength(str, Enum):
    HARD = "hard"
    SOFT = "soft"


class Rag(str, Enum):
    RED = "red"
    AMBER = "amber"
    GREEN = "green"


class Dependency(Record):
    project: ProjectId
    """The project this one depends on (the predecessor)."""
    type: DependencyType = DependencyType.FINISH_TO_START
    """finish-to-start: start after the predecessor ends; start-to-start: start after it starts."""
    lag_days: Count = Field(default=0, ge=-3650, le=3650)
    """Days to wait after the predecessor's finish (or start)."""
    strength: Strength = Strength.HARD
    """hard: must hold (error); soft: preferred order only (warning)."""


def dependency_holds(
    dep: Dependency, pred_start: dt.date | None, pred_end: dt.date | None, succ_start: dt.date | None
) -> bool:
    """Whether a successor starting on ``succ_start`` respects ``dep``; an
    unknown date cannot break it. Shared by validate and prioritise so the
    two never disagree about what a dependency allows."""
    if succ_start is None:
        return True
    earliest = earliest_start(dep, _day_number(pred_start), _day_number(pred_end))
    return earliest is None or succ_start.toordinal() >= earliest


def earliest_start(dep: Dependency, pred_start: int | None, pred_end: int | None) -> int | None:
    """The first day a successor may start under ``dep``, or None when the
    predecessor's date is unknown. Days are day numbers
    (:meth:`datetime.date.toordinal`), not date + timedelta: a date near
    year 9999 plus a lag would overflow (found by tests/test_fuzz.py)."""
    anchor = pred_end if dep.type is DependencyType.FINISH_TO_START else pred_start
    return None if anchor is None else anchor + dep.lag_days


def _day_number(day: dt.date | None) -> int | None:
    return None if day is None else day.toordinal()


class StartWindow(Record):
    """Years a project may start in when it is prioritised."""

    earliest: Year
    """Earliest start year."""
    latest: Year
    """Latest start year."""


class Milestone(Record):
    name: Text
    """What is reached."""
    date: Day
    """Due date."""
    done: bool = False
    """Whether it has been reached."""


class StatusReport(Record):
    date: Day
    """Date of the report."""
    rag: Rag
    """red, amber or green."""
    comment: Note | None = None
    """What lies behind the status, and what is being done."""
    forecast_end: Day | None = None
    """When the project is now expected to finish (prognose for sluttdato), if not as planned."""


class Approach(str, Enum):
    """How a project is run (not how it is prioritised: that is the programme's method)."""

    STANDARD = "standard"  # a project as the programme's project model runs it
    SERVICE_DESIGN = "service_design"  # tjenestedesign: from the users' journey, with them taking part (ASK807)


class UserInvolvement(Record):
    """Brukermedvirkning: how users took part, e.g. in a service design project."""

    method: Text
    """e.g. intervju, workshop, brukerreise."""
    users: Count = Field(ge=0)
    """How many users took part."""
    year: Year | None = None
    """The year they took part."""


class Project(Record):
    """A project inside a programme area."""

    id: ProjectId
    """Unique id, e.g. DK-05."""
    name: Text
    """Project name."""
    area: AreaId
    """The programme area it belongs to."""
    manager: Role
    """The project manager's role."""
    description: Note | None = None
    """What the project does and why."""
    approach: Approach = Approach.STANDARD
    """How it is run: standard, or service_design (tjenestedesign, with user involvement)."""
    user_involvement: list[UserInvolvement] = Field(default_factory=list)
    """Brukermedvirkning: each way users took part and how many."""
    status: ProjectStatus
    """planned, active, paused, completed or cancelled."""
    planned: DateRange
    """Planned start and end."""
    actual: DateRange = Field(default_factory=DateRange)
    """Actual start and end, when known."""
    cost: ByYear[Money] = Field(default_factory=dict)
    """Operating (drift) budget by year as adopted, 1000 kr."""
    investment: ByYear[Money] = Field(default_factory=dict)
    """Investment (investering) budget by year as adopted, 1000 kr."""
    financing: ByYear[Financing] = Field(default_factory=dict)
    """How each year's investment is financed; must add up to it (ASK414)."""
    staff: ByYear[Fte] = Field(default_factory=dict)
    """Staff by year, årsverk (inside the cost or on top: the programme's staff_funding)."""
    revisions: list[ProjectRevision] = Field(default_factory=list)
    """Budget revisions during the year (budsjettjustering), oldest first."""
    accounts: ByYear[YearAccounts] = Field(default_factory=dict)
    """Actual spend and forecast per year and period (T1, T2, T3), 1000 kr."""
    accounting: list[AccountCode] = Field(default_factory=list)
    """Codes that find the project's lines in the accounting export (askoy2020 import actuals)."""
    benefits: list[Benefit] = Field(default_factory=list)
    """Planned and realised gains (gevinstrealisering)."""
    scores: dict[CriterionId, Number] = Field(default_factory=dict)
    """Score per prioritisation criterion (criterion id -> score)."""
    mandatory: bool = False
    """A statutory duty (rettighetsfesting) that must be done."""
    locked: bool = False
    """Decided or under contract: always in the plan and keeps its years."""
    start_window: StartWindow | None = None
    """Start years prioritise may choose from; cost, staff and benefits move with the start."""
    legal_basis: Note | None = None
    """The law that makes it mandatory, e.g. 'Helse- og omsorgstjenesteloven § 3-2'."""
    depends_on: list[Dependency] = Field(default_factory=list)
    """Predecessors."""
    milestones: list[Milestone] = Field(default_factory=list)
    """Milestones with their planned dates, and the day each was reached."""
    status_reports: list[StatusReport] = Field(default_factory=list)
    """Status reports, oldest first."""
    goals: list[GoalId] = Field(default_factory=list)
    """Area goals the project contributes to."""
    kostra_functions: list[KostraCode] = Field(default_factory=list)
    """Optional KOSTRA function codes, e.g. '120'."""
    personal_data: PersonalData | None = None
    """Personal data the project processes, with its DPIA and ROS-analyse (Digital kommune)."""

    # -- domain facts: defined here once; rules, report, export and
    # -- prioritise all ask these instead of deriving them again.

    @property
    def users_involved(self) -> int:
        """Users who took part, over every way they did."""
        return sum(u.users for u in self.user_involvement)

    @property
    def is_live(self) -> bool:
        """Not cancelled: its cost counts and it can be planned."""
        return self.status is not ProjectStatus.CANCELLED

    @property
    def is_plannable(self) -> bool:
        """Neither completed nor cancelled: a plan for the coming years still
        decides about it. A completed project's money is spent; no plan
        places it again."""
        return self.status not in (ProjectStatus.COMPLETED, ProjectStatus.CANCELLED)

    @property
    def commitment(self) -> Commitment | None:
        """Why it must be in any plan (started, locked or mandatory), or None
        for an optional candidate. A cancelled project is in no plan."""
        if not self.is_live:
            return None
        if self.status in (ProjectStatus.ACTIVE, ProjectStatus.COMPLETED):
            return Commitment.COMMITTED
        if self.locked:
            return Commitment.LOCKED
        if self.mandatory:
            return Commitment.MANDATORY
        return None

    @property
    def must_be_planned(self) -> bool:
        """In any plan whatever its value: frames must hold it (ASK404/405)."""
        return self.commitment is not None

    @property
    def keeps_its_years(self) -> bool:
        """Started or locked: prioritise may not move its start."""
        return self.commitment in (Commitment.COMMITTED, Commitment.LOCKED)

    def latest_status(self, as_of: dt.date) -> tuple[int, StatusReport] | None:
        """The newest status report on or before ``as_of`` and its index; of
        two on one day, the one written last (reports are oldest first)."""
        found = [(i, r) for i, r in enumerate(self.status_reports) if r.date <= as_of]
        return max(found, key=lambda ir: (ir[1].date, ir[0])) if found else None

    def rag(self, as_of: dt.date) -> Rag | None:
        """The traffic light of the latest status report on ``as_of``."""
        latest = self.latest_status(as_of)
        return latest[1].rag if latest else None

    def is_red(self, as_of: dt.date) -> bool:
        """Still running (active or paused) with a red latest status report:
        the summary lists these and the charts mark them."""
        return self.status in (ProjectStatus.ACTIVE, ProjectStatus.PAUSED) and self.rag(as_of) is Rag.RED

    def start(self) -> dt.date | None:
        """Actual start when known, else planned."""
        return self.actual.start or self.planned.start

    def end(self) -> dt.date | None:
        """Actual end when known, else planned."""
        return self.actual.end or self.planned.end

    def run_years(self) -> range | None:
        start, end = self.start(), self.end()
        if start is None or end is None or start > end:
            return None
        return range(start.year, end.year + 1)

    # -- money: budget, accounts, forecasts, gains

    def adopted(self, kind: MoneyKind, year: int) -> float:
        """The budget for ``year`` as adopted, 1000 kr (or årsverk for staff)."""
        source = {MoneyKind.DRIFT: self.cost, MoneyKind.INVESTMENT: self.investment,
                  MoneyKind.STAFF: self.staff}[kind]
        return source.get(year, 0.0)

    def budget(self, kind: MoneyKind, year: int, as_of: dt.date) -> float:
        """The budget for ``year`` as revised on ``as_of``."""
        return self.budget_at(kind, year, as_of)[0]

    def budget_at(self, kind: MoneyKind, year: int, as_of: dt.date) -> tuple[float, tuple[str | int, ...]]:
        """The budget for ``year`` as revised on ``as_of`` and the path
        (for :meth:`where`) of the figure that sets it: the last revision in
        force that changed the year, else the adopted figure. Of two
        revisions on one day, the one written last wins."""
        key = {MoneyKind.DRIFT: "cost", MoneyKind.INVESTMENT: "investment", MoneyKind.STAFF: "staff"}[kind]
        value = self.adopted(kind, year)
        path: tuple[str | int, ...] = (key, year)
        if kind is MoneyKind.STAFF:
            return value, path
        for i, revision in revisions_in_force(self.revisions, as_of):
            changed = revision.cost if kind is MoneyKind.DRIFT else revision.investment
            if year in changed:
                value, path = changed[year], ("revisions", i, key, year)
        return value, path

    def figures(self, year: int, as_of: dt.date) -> tuple[Period, PeriodFigures] | None:
        """The newest period's figures for ``year`` whose period has ended
        on ``as_of``: a figure is never used before its date."""
        accounts = self.accounts.get(year)
        if accounts is None:
            return None
        for period in reversed(Period):
            found = accounts.of(period)
            if found is not None and period.end(year) <= as_of:
                return period, found
        return None

    def spent(self, kind: MoneyKind, year: int, as_of: dt.date) -> float | None:
        """Spend in ``year`` to the newest closed period, or None when none is reported."""
        found = self.figures(year, as_of)
        return found[1].actual.of(kind) if found else None

    def forecast_spend(self, kind: MoneyKind, year: int, as_of: dt.date) -> float | None:
        """Expected spend for ``year``: the accounts once the year is closed,
        else the newest period's forecast; None when nobody has said."""
        found = self.figures(year, as_of)
        if found is None:
            return None
        period, figures = found
        if period is Period.T3:
            return figures.actual.of(kind)
        return figures.forecast.of(kind) if figures.forecast else None

    def money_line(self, kind: MoneyKind, year: int, as_of: dt.date) -> MoneyLine:
        """Budget, revised budget, actual, forecast and comment for one kind
        and year, as known on ``as_of``."""
        found = self.figures(year, as_of)
        period, figures = found if found else (None, None)
        return MoneyLine(
            self.adopted(kind, year), self.budget(kind, year, as_of),
            figures.actual.of(kind) if figures else None, period,
            self.forecast_spend(kind, year, as_of), figures.comment if figures else None,
        )

    def forecast_end(self, as_of: dt.date) -> dt.date | None:
        """The actual end once known, else the forecast end of the newest
        status report on ``as_of`` (:meth:`latest_status`), else the
        planned end: a report gives ``forecast_end`` only when the end is
        not as planned, so a newer report without one is back on plan."""
        found = self.forecast_end_at(as_of)
        return found[0] if found else None

    def forecast_end_at(self, as_of: dt.date) -> tuple[dt.date, tuple[str | int, ...]] | None:
        """:meth:`forecast_end` and the path (for :meth:`where`) of the date it comes from."""
        if self.actual.end is not None:
            return self.actual.end, ("actual", "end")
        latest = self.latest_status(as_of)
        if latest is not None and latest[1].forecast_end is not None:
            return latest[1].forecast_end, ("status_reports", latest[0], "forecast_end")
        return (self.planned.end, ("planned", "end")) if self.planned.end is not None else None

    def planned_gains(self, kind: BenefitKind = BenefitKind.ECONOMIC) -> dict[int, float]:
        """Planned gains of one kind by year (economic: 1000 kr)."""
        return sum_planned(self.benefits, kind)
