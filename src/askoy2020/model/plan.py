"""A prioritisation plan written by ``askoy2020 prioritise --output``:
``data/plans/*.yaml``.

The plan is a record like any other so that ``validate`` can tell when the
data have moved on since it was made, and a report can show it.
"""

from __future__ import annotations

from enum import Enum

from pydantic import Field

from .base import ByYear, Fte, Id, Money, Note, Number, Record, Text, Year, YearRange
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



class MarginalValue(Record):
    """What a larger frame would buy."""

    scope: Id
    """programme, or the area id."""
    resource: Id
    """budget or staff."""
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
    """Cost by year inside the plan years, 1000 kr."""
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
    cost: ByYear[Money] | None = None
    """Its cost in the plan years when it was left out (1000 kr), so that a
    changed cost shows the plan is out of date (ASK702); absent in older plans."""
    staff: ByYear[Fte] | None = None
    """Its staff in the plan years when it was left out (årsverk)."""


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
    solver: SolverOutcome
    """How good the plan is proven to be."""
    value: Number
    """Total value of the selected projects, points."""
    frames: list[FrameUse] = Field(default_factory=list)
    """Programme frames and their use by year."""
    marginal_values: list[MarginalValue] = Field(default_factory=list)
    """What more money or staff would buy, for the programme frames and every area frame that binds."""
    selected: list[Selected] = Field(default_factory=list)
    """Projects in the plan."""
    left_out: list[LeftOut] = Field(default_factory=list)
    """Projects not in the plan, with the reason."""
