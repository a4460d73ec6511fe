"""A prioritisation plan written by ``askoy2020 prioritise --output``:
``data/plans/*.yaml``.

The plan is a record like any other so that ``validate`` can tell when the
data have moved on since it was made, and a report can show it.
"""

from __future__ import annotations

from enum import Enum

from pydantic import Field

from .base import ByYear, Count, Day, Fte, Money, Note, Number, Record, Text, Year, YearRange
from .budget import MoneyKind
from .ids import AreaId, CriterionId, FrameResource, FrameScope, GoalId, PlanId, ProgrammeId, ProjectId, ScenarioId
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
    """The budget year."""
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

    scope: FrameScope
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

    scope: FrameScope
    """programme, or the area id."""
    kind: MoneyKind
    """drift, investment or staff."""
    year: Year
    """The budget year."""
    amount: Number = Field(gt=0)
    """How much more the project needs than the plan leaves in the frame, 1000 kr or årsverk."""


class Move(Record):
    """Part of a frame moved from one area to another in one year."""

    kind: MoneyKind
    """drift, investment or staff."""
    year: Year
    """The budget year."""
    from_area: AreaId
    """The area that gives up unallocated frame."""
    to_area: AreaId
    """The area that receives it."""
    amount: Number = Field(gt=0)
    """1000 kr or årsverk."""


class Transfer(Record):
    """Frame moved between areas, within the programme frame, that would
    fund a project left out only by its own area's frame – on its own: two
    transfers may count on the same unallocated frame."""

    project: ProjectId
    """The project it would fund."""
    moves: list[Move] = Field(min_length=1)
    """What moves, from which area, in which year."""


class MarginalValue(Record):
    """What a larger frame would buy."""

    scope: FrameScope
    """programme, or the area id."""
    resource: FrameResource
    """budget (drift), investment or staff."""
    year: Year
    """The year whose frame was increased."""
    step: Number = Field(gt=0)
    """The increase tried: 1000 kr (the model's frame_step) or 1 årsverk."""
    value: Number = Field(ge=0)
    """Points the plan gains with it."""
    enters: list[ProjectId] = Field(default_factory=list)
    """Projects that come in."""
    leaves: list[ProjectId] = Field(default_factory=list)
    """Projects that make room for them."""


class MoreMoney(Record):
    """What one more million kroner of drift per year would buy: the plan
    solved again with the frame raised by ``step`` in every plan year it has
    a frame for. Money given to an area raises the programme frame as well,
    since new money for an area is new money for the programme."""

    scope: FrameScope
    """programme, or the area id that gets the money."""
    kind: MoneyKind = MoneyKind.DRIFT
    """The kind of money raised: drift."""
    step: Money = Field(gt=0)
    """The raise per year, 1000 kr (1000 = one million kroner)."""
    years: list[Year] = Field(min_length=1)
    """The plan years raised."""
    value: Number = Field(ge=0)
    """Points the plan gains with it."""
    enters: list[ProjectId] = Field(default_factory=list)
    """Projects left out that the money would fund."""
    leaves: list[ProjectId] = Field(default_factory=list)
    """Projects that would give way to them (a better use of the same frame)."""


class Selected(Record):
    project: ProjectId
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


class Displacement(Record):
    """What taking a project left out into the plan would do: the plan
    solved again with the project forced in."""

    possible: bool = True
    """False: what must be in fills the frames, so it cannot come in even by leaving others out."""
    pushes_out: list[ProjectId] = Field(default_factory=list)
    """Projects in the plan that would leave it to make room."""
    pushes_out_value: Number = 0
    """Their value together, points."""
    loss: Number = Field(default=0, ge=0)
    """Value the plan would lose, points."""


class LeftOut(Record):
    project: ProjectId
    """The project."""
    value: Number | None = None
    """Its value in points, when it could be placed at all."""
    kind: LeftOutKind
    """Why it is left out."""
    reason: Note
    """The reason in plain English words; a report words it from the fields below in its own language."""
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
    displacement: Displacement | None = None
    """What taking it in would push out (a frame or value reason), when it was computed."""
    predecessors: list[ProjectId] = Field(default_factory=list)
    """The hard predecessors that keep it out (a predecessor or timing reason)."""
    window: YearRange | None = None
    """Its start window, no start in which fits the plan years (a no-start reason; absent: no start date)."""
    runs: YearRange | None = None
    """The years it runs, all outside the plan years (an outside-years reason)."""
    excluded_by: Text | None = None
    """Who excluded it: --exclude, or scenario and its id (an excluded reason)."""


class WeightStability(Record):
    """How far one criterion's weight may move, the others kept, before the plan changes."""

    criterion: CriterionId
    """The criterion."""
    weight: Number = Field(ge=0)
    """Its weight in the plan."""
    low: Number = Field(ge=0)
    """The lowest weight verified to give the same plan."""
    high: Number | None = None
    """The highest weight verified to give the same plan; absent: no upper limit."""
    verified: bool = True
    """False when the time ran out before both ends were found."""


class PlanRobustness(Record):
    """How robust the plan is to the weights (``prioritise --robustness``)."""

    intervals: list[WeightStability] = Field(default_factory=list)
    """Each criterion's stability interval."""
    draws: Count = Field(default=0, ge=0)
    """Random weight sets solved."""
    spread: Number = Field(default=0.2, ge=0, le=1)
    """How far each weight was drawn from its own: 0.2 = ±20 %."""
    seed: Count = Field(default=0, ge=0)
    """The seed of the draws."""
    always: list[ProjectId] = Field(default_factory=list)
    """Proposals in the plan under every draw."""
    edge: dict[ProjectId, Number] = Field(default_factory=dict)
    """Proposals in under some draws: the share of draws each is in."""
    never: list[ProjectId] = Field(default_factory=list)
    """Proposals out of the plan under every draw."""


class AreaFairness(Record):
    """One area's share of the plan (``prioritise --fairness``)."""

    area: AreaId
    """The area."""
    drift_share: Number = Field(ge=0, le=1)
    """Its share of the plan's drift over the plan years."""
    frame_share: Number = Field(ge=0)
    """Its drift as a share of the programme's drift frames (what min_share speaks of)."""
    staff_share: Number = Field(ge=0, le=1)
    """Its share of the plan's årsverk."""
    value_share: Number = Field(ge=0, le=1)
    """Its share of what every proposal could be worth."""
    min_share: Number | None = None
    """Its minimum share, if it has one."""
    price: Number | None = None
    """Points the plan gives up for its minimum share."""


class PlanAlternative(Record):
    """An alternative budget (a git revision of the data) beside the plan (``prioritise --compare``)."""

    revision: Text
    """The branch, tag or commit, as given."""
    balances: bool | None = None
    """Every frame kept and every project that must be in, in; absent: not known (time, unreadable data)."""
    value: Number | None = None
    """Its plan's value, points."""
    drift: ByYear[Number] = Field(default_factory=dict)
    """What its plan uses of the programme's drift frames, by year, 1000 kr."""
    staff: ByYear[Number] = Field(default_factory=dict)
    """What its plan uses of the programme's staff frames, by year, årsverk."""
    drift_unallocated: Number | None = None
    """The programme's drift left unallocated over the plan years, 1000 kr."""
    funds: list[ProjectId] = Field(default_factory=list)
    """Projects it funds that the plan does not."""
    leaves_out: list[ProjectId] = Field(default_factory=list)
    """Projects the plan funds that it leaves out."""
    goals: list[GoalId] = Field(default_factory=list)
    """The goals those projects serve."""
    why: Note | None = None
    """Why it does not balance, or was not planned."""


class Plan(Record):
    """The outcome of ``askoy2020 prioritise``: which projects run, when, and why others do not."""

    id: PlanId
    """Plan id, e.g. plan-2021."""
    programme: ProgrammeId
    """The programme it was made for."""
    method: Method
    """weighted or wsjf."""
    scenario: ScenarioId | None = None
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
    more_money: list[MoreMoney] = Field(default_factory=list)
    """What one more million kroner of drift per year would buy: for the programme and each area (areas
    where it buys nothing are left out). Absent in older plans."""
    selected: list[Selected] = Field(default_factory=list)
    """Projects in the plan."""
    left_out: list[LeftOut] = Field(default_factory=list)
    """Projects not in the plan, with the reason and what they would need."""
    transfers: list[Transfer] = Field(default_factory=list)
    """Transfers between areas' frames that would each fund one project left out."""
    done: list[ProjectId] = Field(default_factory=list)
    """Projects completed before the plan: their money is spent, no plan places them again."""
    robustness: PlanRobustness | None = None
    """How robust the plan is to the criteria's weights, when it was made with --robustness."""
    fairness: list[AreaFairness] = Field(default_factory=list)
    """Each area's share of the plan, when it was made with --fairness."""
    alternatives: list[PlanAlternative] = Field(default_factory=list)
    """Alternative budgets beside the plan, when it was made with --compare."""

    def first_counted_year(self) -> int:
        """The first year whose money the plan counts (older plans: their first year)."""
        return self.open_from if self.open_from is not None else self.years.first_year

    def programme_use(self, kind: MoneyKind) -> dict[int, float]:
        """What the plan uses of the programme's frames of one kind, by year."""
        field = {MoneyKind.DRIFT: "budget_used", MoneyKind.INVESTMENT: "investment_used",
                 MoneyKind.STAFF: "staff_used"}[kind]
        return {f.year: getattr(f, field) for f in self.frames}

    def programme_left(self, kind: MoneyKind) -> dict[int, float] | None:
        """The programme's frames of one kind left unallocated, by year; None without such a frame."""
        return next((dict(f.left) for f in self.unallocated if f.scope == "programme" and f.kind is kind), None)
