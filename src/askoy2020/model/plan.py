"""A prioritisation plan written by ``askoy2020 prioritise --output``:
``data/plans/*.yaml``.

The plan is a record like any other so that ``validate`` can tell when the
data have moved on since it was made, and a report can show it.
"""

from __future__ import annotations

from enum import Enum

from pydantic import Field

from .base import ByYear, Day, Fte, Id, Money, Note, Number, Record, Text, Year, YearRange
from .budget import MoneyKind
from .methods import Method


class SolverStatus(str, Enum):
    OPTIMAL = "optimal"
    """Proven optimal: no plan is worth more."""
    GAP_LIMIT = "gap-limit"
    """Stopped when within the model's gap of the best possible."""
    TIME_LIMIT = "time-limit"
    """Stopped at the time limit with the best plan found so far."""


class SolverOutcome(Record):
    status: SolverStatus
    """optimal, gap-limit or time-limit."""
    gap: Number = Field(ge=0)
    """Relative distance between the plan's value and the best possible (0 = proven optimal)."""
    bound: Number
    """The solver's upper bound on the value of any plan, points."""


class FrameUse(Record):
    year: Year
    budget_frame: Money | None = None
    """Programme budget frame, 1000 kr (absent: no frame)."""
    budget_used: Money
    """Cost of the selected projects, 1000 kr."""
    staff_frame: Fte | None = None
    """Programme staff frame, årsverk (absent: no frame)."""
    staff_used: Fte
    """Staff of the selected projects, årsverk."""
    investment_frame: Money | None = None
    """Programme investment frame, 1000 kr (absent: no frame)."""
    investment_used: Money = 0
    """Investment of the selected projects, 1000 kr."""


class FrameLeft(Record):
    """One frame over the plan years: what the plan uses of it and what is left unallocated."""

    scope: Id
    """programme, or the area id."""
    kind: MoneyKind
    """drift, investment or staff."""
    frame: ByYear[Number] = Field(default_factory=dict)
    """The frame by year, 1000 kr or årsverk."""
    used: ByYear[Number] = Field(default_factory=dict)
    """What the selected projects use of it."""
    left: ByYear[Number] = Field(default_factory=dict)
    """Left unallocated: the frame less what is used."""


class Shortfall(Record):
    """A frame that keeps a project out, and by how much it is short."""

    scope: Id
    """programme, or the area id."""
    kind: MoneyKind
    """drift, investment or staff."""
    year: Year
    amount: Number = Field(gt=0)
    """How much more the project needs than the plan leaves in the frame, 1000 kr or årsverk."""


class Move(Record):
    """Part of a frame moved from one area to another in one year."""

    kind: MoneyKind
    """drift, investment or staff."""
    year: Year
    from_area: Id
    """The area that gives up unallocated frame."""
    to_area: Id
    """The area that receives it."""
    amount: Number = Field(gt=0)
    """1000 kr or årsverk."""


class Transfer(Record):
    """Frame moved between areas, within the programme frame, that would
    fund a project left out only by its own area's frame – on its own: two
    transfers may count on the same unallocated frame."""

    project: Id
    """The project it would fund."""
    moves: list[Move] = Field(min_length=1)
    """What moves, from which area, in which year."""


class MarginalValue(Record):
    """What a larger frame would buy."""

    scope: Id
    """programme, or the area id."""
    resource: Id
    """budget (drift), investment or staff."""
    year: Year
    step: Number = Field(gt=0)
    """The increase tried: 1000 kr (the model's frame_step) or 1 årsverk."""
    value: Number = Field(ge=0)
    """Points the plan gains with it."""
    enters: list[Id] = Field(default_factory=list)
    """Projects that come in."""
    leaves: list[Id] = Field(default_factory=list)
    """Projects that make room for them."""


class Selected(Record):
    project: Id
    """The project."""
    start: Year
    """The year it starts in the plan."""
    value: Number
    """Its value in points."""
    why: Text
    """committed, locked, mandatory, included or chosen."""
    cost: ByYear[Money] = Field(default_factory=dict)
    """Drift (cost) by year inside the plan years, 1000 kr."""
    investment: ByYear[Money] = Field(default_factory=dict)
    """Investment by year inside the plan years, 1000 kr."""
    staff: ByYear[Fte] = Field(default_factory=dict)
    """Staff by year inside the plan years, årsverk."""


class LeftOutKind(str, Enum):
    """Why a project is not in a plan."""

    FRAME = "frame"  # a frame is too small
    VALUE = "value"  # it fits, but is worth less than what it would displace
    PREDECESSOR = "predecessor"  # a hard predecessor is not in the plan
    TIMING = "timing"  # no start in its window comes after its predecessor
    EXCLUDED = "excluded"
    CANCELLED = "cancelled"
    NO_START = "no-start"  # no start date, or none in its window fits the plan years
    OUTSIDE_YEARS = "outside-years"  # it runs wholly outside the plan years


class LeftOut(Record):
    project: Id
    """The project."""
    value: Number | None = None
    """Its value in points, when it could be placed at all."""
    kind: LeftOutKind
    """Why it is left out."""
    reason: Note
    """The reason in plain words."""
    start: Year | None = None
    """The start its figures are for: the one that needs the least more frame."""
    cost: ByYear[Money] | None = None
    """What it would need of drift (cost) in the plan years, 1000 kr, so that
    a changed cost also shows the plan is out of date (ASK702); absent in older plans."""
    investment: ByYear[Money] | None = None
    """What it would need of investment in the plan years, 1000 kr."""
    staff: ByYear[Fte] | None = None
    """What it would need of staff in the plan years, årsverk."""
    short: list[Shortfall] = Field(default_factory=list)
    """The frames that keep it out and by how much (a frame reason)."""


class Plan(Record):
    """The outcome of ``askoy2020 prioritise``: which projects run, when, and why others do not."""

    id: Id
    """Plan id, e.g. plan-2021."""
    programme: Id
    """The programme it was made for."""
    method: Method
    """weighted or wsjf."""
    scenario: Id | None = None
    """The scenario solved, if any."""
    years: YearRange
    """The plan years."""
    as_of: Day | None = None
    """The day the plan was made for: which budget rounds were adopted, which frames spoke."""
    open_from: Year | None = None
    """The first year whose money counts: money in earlier years is sunk
    (spent, or bound by a budget already adopted). Absent in older plans,
    which counted from their first year."""
    solver: SolverOutcome
    """How good the plan is proven to be."""
    value: Number
    """Total value of the selected projects, points."""
    frames: list[FrameUse] = Field(default_factory=list)
    """Programme frames and their use by year."""
    unallocated: list[FrameLeft] = Field(default_factory=list)
    """Every programme and area frame in the plan years: what is used and what is left unallocated."""
    marginal_values: list[MarginalValue] = Field(default_factory=list)
    """What more money or staff would buy, for the programme frames and every area frame that binds."""
    selected: list[Selected] = Field(default_factory=list)
    """Projects in the plan."""
    left_out: list[LeftOut] = Field(default_factory=list)
    """Projects not in the plan, with the reason and what they would need."""
    transfers: list[Transfer] = Field(default_factory=list)
    """Transfers between areas' frames that would each fund one project left out."""
    done: list[Id] = Field(default_factory=list)
    """Projects completed before the plan: their money is spent, no plan places them again."""

    def first_counted_year(self) -> int:
        """The first year whose money the plan counts (older plans: their first year)."""
        return self.open_from if self.open_from is not None else self.years.first_year
