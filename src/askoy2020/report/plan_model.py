"""The typed prioritisation part of the report: everything its templates
show, worded and counted in Python (report/plan.py builds it)."""

from __future__ import annotations

from dataclasses import dataclass, field

ByYear = tuple[tuple[int, float], ...]  # (year, amount) in year order; years without money left out


@dataclass(frozen=True)
class Figures:
    """Drift and investment (1000 kr) and staff (årsverk) by plan year."""

    drift: ByYear = ()
    investment: ByYear = ()
    staff: ByYear = ()


@dataclass(frozen=True)
class PlanRow:
    """A project the plan funds, or a proposal it does not fund."""

    project: str
    name: str
    area: str  # the area's name
    figures: Figures
    value: float | None  # nytteverdi; None when it could not be placed at all
    basis: str  # funded: why (worded); not funded: the reason (worded)


@dataclass(frozen=True)
class FrameLeftRow:
    """One frame: per plan year (left, frame), or None where it has no frame that year."""

    scope: str  # the area's name, or the whole programme (worded)
    kind: str  # drift, investment, staff
    cells: tuple[tuple[float, float] | None, ...]


@dataclass(frozen=True)
class TransferOption:
    """Moving unused frame from other areas that would fund one proposal."""

    project: str
    name: str
    value: float | None
    moves: str  # worded


@dataclass(frozen=True)
class MoreMoneyRow:
    """What one more million of drift a year for an area would buy."""

    scope: str  # the area's name, or the whole programme (worded)
    gain: float  # nytteverdi gained
    funds: list[str]  # "DK-05 Selvbetjening 2.0 på nett"
    gives_way: list[str]


@dataclass(frozen=True)
class AlternativeRow:
    """An alternative budget beside the plan (saved with prioritise --compare)."""

    revision: str
    balances: str  # worded: yes, no, not known
    value: float | None
    drift: dict[int, float]  # by year
    staff: dict[int, float]
    drift_unallocated: float | None
    says: str  # what it funds and leaves out differently, the goals that touches, or why it does not balance


@dataclass(frozen=True)
class FairnessRow:
    """One area's shares of the plan (saved with prioritise --fairness)."""

    area: str
    drift_share: float
    frame_share: float
    min_share: float | None
    staff_share: float
    value_share: float
    price: float | None


@dataclass(frozen=True)
class CriterionRow:
    name: str
    weight: float
    share: float  # of all weights
    scale_min: float
    scale_max: float


@dataclass(frozen=True)
class ToDecide:
    """One thing the budget meeting must decide from the plan (for page 1):
    a proposal the plan does not fund, or programme money it leaves unallocated."""

    kind: str  # "unallocated" or "unfunded"
    text: str  # one sentence in the report's language
    project: str | None = None  # unfunded: the proposal's id
    area: str | None = None  # unfunded: its area's id
    figures: Figures = Figures()  # unfunded: what it would cost; unallocated: what is left
    value: float | None = None  # unfunded: its nytteverdi (the list is sorted by it, highest first)


@dataclass(frozen=True)
class PlanSection:
    id: str
    first_year: int
    last_year: int
    open_from: int | None  # money before it is sunk; None in older plans
    years: list[int]
    counts: str  # "8 nye forslag finansieres, …" (worded)
    quality: str  # how good the selection is, in plain words
    funded_new: list[PlanRow]
    funded_continuing: list[PlanRow]
    ending: str | None  # running projects that need nothing in the plan years (worded), if any
    unfunded: list[PlanRow]  # by nytteverdi, highest first: the next-best first
    not_placeable: list[PlanRow]
    unallocated: list[FrameLeftRow]
    transfers: list[TransferOption]
    more_money_head: str | None  # "Hva 1 mill. kr mer …" (worded); None in older plans
    more_money: list[MoreMoneyRow]
    more_money_note: str | None  # what the programme as a whole would buy, or that nothing would be
    method: list[str]  # paragraphs
    criteria: list[CriterionRow]
    weights_source: str  # the decision that adopted the weights, or that none is recorded
    to_decide: list[ToDecide] = field(default_factory=list)
    scenario: str | None = None  # worded note when the plan is a scenario's
    robustness: list[str] = field(default_factory=list)  # paragraphs, when the plan was made with --robustness
    fairness: list[FairnessRow] = field(default_factory=list)  # when the plan was made with --fairness
    alternatives: list[AlternativeRow] = field(default_factory=list)  # when the plan was made with --compare

    @property
    def new_count(self) -> int:
        return len(self.funded_new)

    @property
    def continuing_count(self) -> int:
        return len(self.funded_continuing)

    @property
    def unfunded_count(self) -> int:
        return len(self.unfunded)

    @property
    def investment_in_funded(self) -> bool:
        return any(r.figures.investment for r in self.funded_new + self.funded_continuing)

    @property
    def investment_in_unfunded(self) -> bool:
        return any(r.figures.investment for r in self.unfunded)
