"""The municipal budget cycle: budget rounds, frames by kind of money,
revisions, accounting periods and their figures, gains (gevinster).

Every December the council adopts next year's årsbudsjett and a four-year
økonomiplan (kommuneloven §§ 14-3, 14-4); years 2–4 are indicative and are
adopted again the next December, so the plan *rolls*. Each adopted round is
kept as data and none of them is "the" plan: which round speaks for a year
depends on the day one asks (:func:`round_for_year`). docs/budget-cycle.md
explains the cycle in the tool's terms and what was assumed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from enum import Enum
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol, TypeVar

from pydantic import Field, model_validator

from ..core.diagnostics import Location, Say, SayError
from .base import ByYear, Day, Fte, Money, Note, Number, Record, Role, Text, Year
from .ids import AreaId, GoalId


class MoneyKind(str, Enum):
    """Drift and investering are separate budgets by law (budsjett- og
    regnskapsforskriften §§ 5-4, 5-5); staff is the third scarce resource."""

    DRIFT = "drift"
    INVESTMENT = "investment"
    STAFF = "staff"


MONEY_KINDS = (MoneyKind.DRIFT, MoneyKind.INVESTMENT)


class Frames(Record):
    """Frames (rammer) by kind and year: drift and investering in 1000 kr, staff in årsverk."""

    drift: ByYear[Money] = Field(default_factory=dict)
    """Operating (drift) frame by year, 1000 kr."""
    investment: ByYear[Money] = Field(default_factory=dict)
    """Investment (investering) frame by year, 1000 kr."""
    staff: ByYear[Fte] = Field(default_factory=dict)
    """Staff frame by year, årsverk."""

    def of(self, kind: MoneyKind) -> dict[int, float]:
        return dict(getattr(self, kind.value))


class Revision(Record):
    """A budget revision during the year (budsjettjustering / revidert
    budsjett): the figures it sets replace the adopted ones from its date."""

    decision: Text
    """The decision, e.g. 'KST 45/20'."""
    date: Day
    """The day it was decided; before it, the adopted figures stand."""
    frames: Frames = Field(default_factory=Frames)
    """The revised frames (only the years and kinds that change)."""


class _Dated(Protocol):
    @property
    def date(self) -> dt.date: ...


D = TypeVar("D", bound=_Dated)


def revisions_in_force(revisions: Sequence[D], as_of: dt.date | None) -> list[tuple[int, D]]:
    """The revisions decided on or before ``as_of`` (None: all), with their
    index in the list, in the order they apply: oldest first, and of two on
    one day the one written last. Frames and project budgets both use it."""
    dated = [(r.date, i, r) for i, r in enumerate(revisions) if as_of is None or r.date <= as_of]
    return [(i, r) for _, i, r in sorted(dated, key=lambda t: (t[0], t[1]))]


class RoundFrames:
    """What a round's frames answer; mixed into the programme's round and
    an area's part of it, which each declare ``year``, ``frames`` and
    ``revisions`` in the order an analyst writes them."""

    if TYPE_CHECKING:  # declared by the records themselves, so Pydantic keeps their order
        year: int
        frames: Frames
        revisions: list[Revision]

        def where(self, *path: Any) -> Location: ...

    def frame(self, kind: MoneyKind, year: int, as_of: dt.date | None = None) -> float | None:
        """The frame for ``year`` as revised on ``as_of`` (None: every
        revision); the adopted figure when no revision touched it."""
        found = self.frame_at(kind, year, as_of)
        return found[0] if found else None

    def frame_at(self, kind: MoneyKind, year: int, as_of: dt.date | None = None) -> tuple[float, Location] | None:
        """The frame and where it is written: the last revision that set it, or the round."""
        value = self.frames.of(kind).get(year)
        where = self.frames.where(kind.value, year) if value is not None else None
        for _, revision in revisions_in_force(self.revisions, as_of):
            revised = revision.frames.of(kind).get(year)
            if revised is not None:
                value, where = revised, revision.frames.where(kind.value, year)
        return (value, where) if value is not None and where is not None else None

    def adopted_frame(self, kind: MoneyKind, year: int) -> float | None:
        return self.frames.of(kind).get(year)

    def frame_years(self) -> set[int]:
        years = {y for k in MoneyKind for y in self.frames.of(k)}
        for revision in self.revisions:
            years |= {y for k in MoneyKind for y in revision.frames.of(k)}
        return years


class BudgetRound(RoundFrames, Record):
    """One adopted årsbudsjett with its økonomiplan, as the council decided it."""

    year: Year
    """The budget year (årsbudsjett), e.g. 2020 for budsjett 2020 / økonomiplan 2020–2023."""
    last_year: Year | None = None
    """Last year of the økonomiplan; by default the budget year + 3 (four years)."""
    decision: Text
    """The council's decision, e.g. 'KST 123/17'."""
    adopted: Day
    """The day the council adopted it; the round speaks from this day on."""
    frames: Frames = Field(default_factory=Frames)
    """The programme-wide frames as adopted."""
    revisions: list[Revision] = Field(default_factory=list)
    """Revisions during the year, oldest first."""

    @model_validator(mode="after")
    def _last_after_first(self) -> BudgetRound:
        if self.last_year is not None and self.last_year < self.year:
            raise SayError(Say(f"last_year {self.last_year} is before the budget year {self.year}",
                               f"last_year {self.last_year} er før budsjettåret {self.year}"))
        return self

    def years(self) -> range:
        return range(self.year, (self.last_year or self.year + 3) + 1)


class AreaRound(RoundFrames, Record):
    """An area's frames in one round; the round (its decision, date and
    years) is the programme's round of the same year."""

    year: Year
    """The budget year of the programme's round these frames belong to."""
    frames: Frames = Field(default_factory=Frames)
    """The area's frames as adopted."""
    revisions: list[Revision] = Field(default_factory=list)
    """Revisions during the year, oldest first."""


def in_force(rounds: Iterable[BudgetRound], as_of: dt.date) -> list[BudgetRound]:
    """The rounds adopted on or before ``as_of``, oldest budget year first."""
    return sorted((r for r in rounds if r.adopted <= as_of), key=lambda r: (r.year, r.adopted))


def current_round(rounds: Sequence[BudgetRound], as_of: dt.date) -> BudgetRound | None:
    """The newest round adopted on ``as_of``; before any adoption, the
    earliest round (the one being prepared), so a new programme can plan."""
    adopted = in_force(rounds, as_of)
    if adopted:
        return adopted[-1]
    return min(rounds, key=lambda r: r.year, default=None)


def round_for_year(rounds: Sequence[BudgetRound], year: int, as_of: dt.date) -> BudgetRound | None:
    """The round that speaks for ``year`` on ``as_of``: the newest adopted
    round whose years include it. For a past year that is its own
    årsbudsjett; for a coming year, the latest økonomiplan."""
    covering = [r for r in in_force(rounds, as_of) if year in r.years()]
    if covering:
        return covering[-1]
    current = current_round(rounds, as_of)
    return current if current is not None and year in current.years() else None


def known_years(rounds: Iterable[BudgetRound]) -> range | None:
    """From the first year of the earliest round to the last of the latest:
    costs in these years are plan or history, never out of range."""
    spans = [r.years() for r in rounds]
    if not spans:
        return None
    return range(min(s.start for s in spans), max(s.stop for s in spans))


# -- accounting periods --------------------------------------------------

class Period(str, Enum):
    """Accounting periods of a year: the tertial reports and the accounts.
    Actuals are cumulative: T2 is spend from 1 January to 31 August."""

    T1 = "T1"  # 1. tertial, to 30 April
    T2 = "T2"  # 2. tertial, to 31 August
    T3 = "T3"  # the year's regnskap, to 31 December

    def end(self, year: int) -> dt.date:
        return dt.date(year, *_PERIOD_END[self])

    @property
    def title_nb(self) -> str:
        return _PERIOD_TITLE[self]


_PERIOD_END = {Period.T1: (4, 30), Period.T2: (8, 31), Period.T3: (12, 31)}
_PERIOD_TITLE = {Period.T1: "1. tertial", Period.T2: "2. tertial", Period.T3: "Regnskap"}
_PERIOD_TEXT = re.compile(r"^(?P<year>\d{4})-(?P<period>T[123])$")


def parse_period(text: str) -> tuple[int, Period]:
    """``2020-T2`` -> (2020, Period.T2); a ValueError says what to write."""
    match = _PERIOD_TEXT.match(text.strip().upper())
    if match is None:
        raise ValueError(f"{text!r} is not a period; write YEAR-T1, YEAR-T2 or YEAR-T3, e.g. 2020-T2")
    year = int(match["year"])
    if not 1990 <= year <= 2100:  # the years a Year may take
        raise ValueError(f"{text!r}: the year must be from 1990 to 2100, e.g. 2020-T2")
    return year, Period(match["period"])


def closed_periods(year: int, as_of: dt.date) -> list[Period]:
    """The periods of ``year`` that have ended on ``as_of``: a figure for a
    later period cannot exist yet."""
    return [p for p in Period if p.end(year) <= as_of]


class MoneyLine(NamedTuple):
    """One project's money of one kind in one year, as known on a day: what
    a tertial report's line shows."""

    adopted: float  # the budget as adopted, 1000 kr
    revised: float  # as revised on the day
    actual: float | None  # spend to the newest closed period's end, if reported
    period: Period | None  # that period
    forecast: float | None  # expected spend for the year (the accounts once closed)
    comment: str | None

    @property
    def deviation(self) -> float | None:
        """Forecast minus revised budget: positive is an overrun."""
        return None if self.forecast is None else self.forecast - self.revised


class Amounts(Record):
    """Money by kind, 1000 kr."""

    drift: Money | None = None
    """Operating (drift), 1000 kr."""
    investment: Money | None = None
    """Investment (investering), 1000 kr."""

    def of(self, kind: MoneyKind) -> float | None:
        return getattr(self, kind.value) if kind in MONEY_KINDS else None


class PeriodFigures(Record):
    """What a tertial report (or the year's accounts) says of one project."""

    actual: Amounts = Field(default_factory=Amounts)
    """Spend from 1 January to the period's end (regnskap hittil i år), 1000 kr."""
    forecast: Amounts | None = None
    """Expected spend for the whole year (prognose), as given in this period's report."""
    comment: Note | None = None
    """Why the forecast deviates from the budget, and what is proposed."""


class YearAccounts(Record):
    """A project's figures for one year, per period."""

    T1: PeriodFigures | None = None
    """1. tertial: to 30 April."""
    T2: PeriodFigures | None = None
    """2. tertial: to 31 August."""
    T3: PeriodFigures | None = None
    """The year's regnskap: to 31 December."""

    def of(self, period: Period) -> PeriodFigures | None:
        figures: PeriodFigures | None = getattr(self, period.value)
        return figures


class Financing(Record):
    """How an investment is paid for (finansiering), 1000 kr; it must add up to the investment."""

    loan: Money = 0
    """Borrowing (bruk av lån)."""
    grants: Money = 0
    """Grants (tilskudd), e.g. from Husbanken."""
    vat_compensation: Money = 0
    """Momskompensasjon."""
    funds: Money = 0
    """Funds and equity (bruk av fond, overføring fra drift)."""

    def total(self) -> float:
        return self.loan + self.grants + self.vat_compensation + self.funds


class ProjectRevision(Record):
    """A change to a project's budget during the year, by decision."""

    decision: Text
    """The decision, e.g. 'KST 45/20'."""
    date: Day
    """The day it was decided."""
    cost: ByYear[Money] = Field(default_factory=dict)
    """Revised drift budget by year, 1000 kr."""
    investment: ByYear[Money] = Field(default_factory=dict)
    """Revised investment budget by year, 1000 kr."""


class AccountCode(Record):
    """Where the project's money is booked in the accounts: every given
    code must match a line of the accounting export for it to count."""

    project: Text | None = None
    """Project number in the accounts (prosjekt), e.g. '31045'."""
    ansvar: Text | None = None
    """Responsibility code (ansvar)."""
    funksjon: Text | None = None
    """KOSTRA function (funksjon), e.g. '120'."""
    kind: MoneyKind = MoneyKind.DRIFT
    """drift or investment: which budget the lines belong to."""

    @model_validator(mode="after")
    def _something_to_match(self) -> AccountCode:
        if self.project is None and self.ansvar is None and self.funksjon is None:
            raise SayError(Say("give at least one of project, ansvar or funksjon",
                               "oppgi minst ett av project, ansvar eller funksjon"))
        if self.kind is MoneyKind.STAFF:
            raise SayError(Say("kind is drift or investment", "kind skal være drift eller investment"))
        return self

    def codes(self) -> dict[str, str]:
        return {k: v for k, v in (("project", self.project), ("ansvar", self.ansvar),
                                  ("funksjon", self.funksjon)) if v is not None}


# -- gevinstrealisering ----------------------------------------------------

class BenefitKind(str, Enum):
    ECONOMIC = "economic"  # 1000 kr a year
    STAFF = "staff"  # årsverk freed
    QUALITY = "quality"  # an area goal's indicator

    @property
    def unit(self) -> str:
        return {"economic": "1000 kr", "staff": "årsverk", "quality": "indikator"}[self.value]


class TakeOut(Record):
    """A gain taken out (uttak): a frame reduced by decision. The reduced
    frame is the one adopted in the round; this records why it is lower."""

    area: AreaId
    """The area whose frame is reduced."""
    year: Year
    """The year of the reduced frame."""
    amount: Money
    """By how much: 1000 kr for an economic gain, årsverk for a staff gain."""
    decision: Text
    """The decision, e.g. 'KST 130/19'."""


class Benefit(Record):
    """A planned gain of a project and what came of it."""

    kind: BenefitKind
    """economic (1000 kr), staff (årsverk freed) or quality (an indicator of an area goal)."""
    description: Note | None = None
    """What the gain is and how it comes about."""
    owner: Role
    """The role accountable for realising it (gevinsteier)."""
    goal: GoalId | None = None
    """For a quality gain: the area goal whose indicator measures it."""
    planned: ByYear[Number] = Field(default_factory=dict)
    """Planned gain by year."""
    realised: ByYear[Number] = Field(default_factory=dict)
    """Realised gain by year, once known."""
    take_outs: list[TakeOut] = Field(default_factory=list)
    """Frame reductions that take the gain out."""

    @model_validator(mode="after")
    def _quality_has_goal(self) -> Benefit:
        if self.kind is BenefitKind.QUALITY and self.goal is None:
            raise SayError(Say("a quality benefit names the area goal that measures it (goal: DK-M1)",
                               "en kvalitetsgevinst skal oppgi områdemålet som måler den (goal: DK-M1)"))
        return self


class StaffFunding(str, Enum):
    """Whether a project's årsverk are paid from its cost or by the units."""

    UNITS = "units"  # internal staff paid by the units' own budgets, on top of the cost
    COST = "cost"  # the årsverk are part of the project's cost


class OverrunThreshold(Record):
    """When spend or forecast over the revised budget is worth a warning."""

    share: Number = Field(default=0.05, ge=0, le=10)
    """Share of the revised budget, e.g. 0.05 for 5 %."""
    amount: Money = 100
    """And at least this much, 1000 kr, so small projects do not warn for small sums."""

    def exceeded(self, excess: float, base: float) -> bool:
        """Whether ``excess`` over ``base`` (a budget or a frame) is above
        both the share and the amount: the one test of a deviation worth
        telling, for projects (ASK411), areas (ASK421) and the report."""
        return excess > self.amount and excess > self.share * base


def title_of(kind: MoneyKind) -> str:
    return {"drift": "Drift", "investment": "Investering", "staff": "Årsverk"}[kind.value]


def sum_planned(benefits: Iterable[Benefit], kind: BenefitKind) -> dict[int, float]:
    """Planned gains of one kind by year."""
    total: dict[int, float] = {}
    for benefit in benefits:
        if benefit.kind is kind:
            for year, value in benefit.planned.items():
                total[year] = total.get(year, 0.0) + value
    return total


__all__ = [
    "AccountCode", "Amounts", "AreaRound", "Benefit", "BenefitKind", "BudgetRound", "Financing",
    "Frames", "MoneyKind", "MoneyLine", "OverrunThreshold", "Period", "PeriodFigures", "ProjectRevision",
    "Revision", "StaffFunding", "TakeOut", "YearAccounts", "closed_periods", "current_round",
    "in_force", "known_years", "parse_period", "round_for_year",
]
