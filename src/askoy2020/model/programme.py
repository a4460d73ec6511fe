"""The programme as a whole: ``data/programme.yaml``."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BeforeValidator, Field

from .ahp import Weighing, weigh
from .base import Count, Note, Number, Record, Text, Year, not_a_bool
from .budget import BudgetRound, OverrunThreshold, StaffFunding, current_round, known_years, round_for_year
from .ids import CriterionId, ProgrammeId
from .prioritisation import Prioritisation
from .risk import RiskMatrix


class Scale(Record):
    min: Number = 0
    """Lowest allowed score."""
    max: Number = 5
    """Highest allowed score."""


# Bounds inside the type (not on the field), so the JSON Schema keeps them on the optional value.
Weight = Annotated[float, Field(ge=0), BeforeValidator(not_a_bool)]


class Criterion(Record):
    """A prioritisation criterion that projects are scored on."""

    id: CriterionId
    """Key used in a project's ``scores``, e.g. strategic_fit."""
    name: Text
    """Name shown in reports, e.g. Strategisk betydning."""
    weight: Weight | None = None
    """Relative weight in weighted scoring; left out when the weights come from ``prioritisation.pairwise``."""
    scale: Scale = Field(default_factory=Scale)
    """Allowed scores."""
    description: Note | None = None
    """What the criterion asks, for those who score projects on it."""


class Programme(Record):
    """Askøy 2020 itself: plan years, programme-wide frames, criteria, settings."""

    id: ProgrammeId
    """Programme id, e.g. ASKOY2020."""
    name: Text
    """Programme name."""
    description: Note | None = None
    """What the programme is for, in a few sentences."""
    rounds: list[BudgetRound] = Field(min_length=1)
    """Every adopted budget round (årsbudsjett and økonomiplan), oldest first; none is ever removed."""
    measuring_year: Year = 2020
    """The year results are measured at; goals need a target for it."""
    staff_funding: StaffFunding = StaffFunding.UNITS
    """units: årsverk are internal staff paid by the units, on top of the cost; cost: they are part of it."""
    overrun: OverrunThreshold = Field(default_factory=OverrunThreshold)
    """When actual or forecast spend over the revised budget is flagged (ASK411)."""
    criteria: list[Criterion] = Field(default_factory=list)
    """Prioritisation criteria and their weights."""
    prioritisation: Prioritisation = Field(default_factory=Prioritisation)
    """How prioritise values projects and how long it searches."""
    red_status_max_age_days: Count = Field(default=60, ge=1)
    """A red status report older than this many days is flagged."""
    min_respondents: Count = Field(default=3, ge=3)
    """Smallest number of respondents for which a unit's survey result may be shown."""
    risk_matrix: RiskMatrix = Field(default_factory=RiskMatrix)
    """The ROS scales and acceptance criteria for risks and deviations; by default 5 × 5."""

    # -- the criteria's weights: written, or derived from pairwise comparisons

    def weighing(self) -> Weighing | None:
        """The AHP weighing when ``prioritisation.pairwise`` is given and
        compares every pair of criteria; else None."""
        if not self.prioritisation.pairwise:
            return None
        return weigh([c.id for c in self.criteria], self.prioritisation.pairwise)

    def weights(self) -> dict[str, float]:
        """Each criterion's weight as adopted – the one place every use of
        a weight asks: derived from the pairwise comparisons when they are
        given (complete), else as each criterion writes it (none: 0, ASK761)."""
        weighing = self.weighing()
        if weighing is not None:
            return dict(weighing.weights)
        return {c.id: c.weight or 0.0 for c in self.criteria}

    # -- the budget cycle: which round speaks, and for which years

    def current_round(self, as_of: dt.date) -> BudgetRound:
        """The newest round adopted on ``as_of`` (before any, the first)."""
        found = current_round(self.rounds, as_of)
        assert found is not None  # rounds has at least one
        return found

    def round_for_year(self, year: int, as_of: dt.date) -> BudgetRound | None:
        return round_for_year(self.rounds, year, as_of)

    def known_years(self) -> range:
        """Every year some round speaks of: costs here are plan or history."""
        years = known_years(self.rounds)
        assert years is not None
        return years

    def first_open_year(self, as_of: dt.date) -> int:
        """The first year whose budget is not yet adopted on ``as_of``: the
        year after the newest adopted round's budget year (before any
        adoption, the first round's own year) – and never a year that has
        begun on ``as_of``: its årsbudsjett was adopted before it began
        (kommuneloven § 14-3), whether or not the data hold that round yet.
        Money in earlier years is sunk: spent, or bound by a budget already adopted."""
        current = self.current_round(as_of)
        by_rounds = current.year + 1 if current.adopted <= as_of else current.year
        return max(by_rounds, as_of.year + 1)
