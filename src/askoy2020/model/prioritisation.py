"""How projects are valued and what-if scenarios: the ``prioritisation``
block of ``programme.yaml`` and ``data/scenarios/*.yaml``.

The method and every weight are data, so a budget meeting can see (and git
can show) exactly what the plan optimises.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BeforeValidator, Field, WithJsonSchema, field_validator, model_validator

from ..core.diagnostics import Say, SayError
from .base import Day, Note, Number, Record, Text, Year, YearRange, not_a_bool
from .ids import AreaId, CriterionId, ProjectId, ScenarioId
from .methods import Method

_FRACTION = re.compile(r"\s*([1-9])\s*/\s*([1-9])\s*")


def _judgement(value: object) -> object:
    """A pairwise judgement: a number on Saaty's scale, or a fraction of
    two digits 1–9 as politicians' tables write it (``1/3``)."""
    not_a_bool(value)
    if isinstance(value, str) and "/" in value:
        found = _FRACTION.fullmatch(value)
        if found is None:
            raise SayError(Say(f"write the judgement as a number from 1/9 to 9, e.g. 3 or 1/3 (not {value!r})",
                               f"skriv vurderingen som et tall fra 1/9 til 9, f.eks. 3 eller 1/3 (ikke {value!r})"))
        return int(found.group(1)) / int(found.group(2))
    return value


Judgement = Annotated[float, Field(ge=1 / 9, le=9), BeforeValidator(_judgement), WithJsonSchema({
    "anyOf": [{"type": "number", "minimum": 1 / 9, "maximum": 9},
              {"type": "string", "pattern": r"^\s*[1-9]\s*/\s*[1-9]\s*$(?![\s\S])"}],
    "examples": [3, "1/3"],
})]
"""How much more important one criterion is than another, on Saaty's scale:
1 equal, 3 moderately, 5 strongly, 7 very strongly, 9 extremely; 1/3 … 1/9 the other way."""


class Wsjf(Record):
    """Weighted shortest job first: cost of delay ÷ job size."""

    cost_of_delay: list[CriterionId] = Field(default_factory=list)
    """Criteria whose weighted score is the cost of delay; empty means every criterion."""


class Prioritisation(Record):
    """The prioritisation model: what a project is worth to the programme.

    weighted: value = area strategic_weight × 100 × Σ weight·normalised score ÷ Σ weight.
    wsjf: the same score over the cost-of-delay criteria, divided by the job
    size (the project's drift from the plan's first open year on, in million
    kr, at least 1: money already spent is sunk and no part of the job).
    Both then lose ``delay_discount`` per year the start is later than the
    project's earliest start, and gain ``benefit_weight`` points per 1000 kr
    of expected benefits (gevinst) that fall inside the plan years.
    """

    method: Method = Method.WEIGHTED
    """weighted or wsjf."""
    decision: Text | None = None
    """The decision that adopted the criteria, their weights and the method, e.g. KST 142/19 (the report shows it)."""
    adopted: Day | None = None
    """The day that decision was made."""
    benefit_weight: Number = Field(default=0.0, ge=0)
    """Points per 1000 kr of expected benefits inside the plan years (0 leaves benefits out)."""
    delay_discount: Number = Field(default=0.0, ge=0, le=1)
    """Share of a project's score lost for each year its start is put off."""
    wsjf: Wsjf = Field(default_factory=Wsjf)
    """Settings for the wsjf method."""
    gap: Number = Field(default=0.0001, ge=0, le=0.5)
    """Relative optimality gap at which the solver may stop (0.0001 = 0.01 %)."""
    time_limit_seconds: Number = Field(default=10.0, gt=0, le=86400)
    """Longest a prioritise run may solve for: the plan, a scenario and every explanation share it."""
    frame_step: Number = Field(default=1000.0, gt=0)
    """Budget increase (1000 kr) used to show what more money in a year would buy."""
    pairwise: dict[CriterionId, dict[CriterionId, Judgement]] = Field(default_factory=dict)
    """Pairwise comparisons of the criteria (AHP): under each criterion, how much more important it is than
    each other one, 1–9 (or 1/3 … 1/9 the other way). Each pair once; when given, the weights are derived from
    them (principal eigenvector) and the criteria carry no weight of their own."""


FRAME_CHANGE_LIMIT = 1_000_000_000
"""Largest change or new frame a what-if may ask for (1000 kr or årsverk):
a trillion kroner is a typo, and numbers near the float limit make the
solver's arithmetic overflow."""


# Bounds inside the type (not on the field), so the JSON Schema keeps them on
# the optional value; true/false are not numbers.
FrameChangeAmount = Annotated[float, Field(ge=-FRAME_CHANGE_LIMIT, le=FRAME_CHANGE_LIMIT), BeforeValidator(not_a_bool)]
FrameAmount = Annotated[float, Field(ge=0, le=FRAME_CHANGE_LIMIT), BeforeValidator(not_a_bool)]


class FrameChange(Record):
    """One change to a budget (drift), investment or staff frame."""

    year: Year
    """The year whose frame changes."""
    area: AreaId | None = None
    """The area whose frame changes; without it the programme frame."""
    change: FrameChangeAmount | None = None
    """Amount added (negative: cut), 1000 kr or årsverk."""
    set: FrameAmount | None = None
    """New frame, replacing the old one."""

    @model_validator(mode="after")
    def _one_of_change_or_set(self) -> FrameChange:
        if (self.change is None) == (self.set is None):
            raise SayError(Say("give either 'change' (added to the frame) or 'set' (the new frame), not both or "
                               "neither",
                               "oppgi nøyaktig én av «change» (legges til rammen) og «set» (den nye rammen)"))
        return self


class Scenario(Record):
    """A named what-if: changes to frames, weights, scores or which projects are in."""

    id: ScenarioId
    """Name used with ``prioritise --scenario``, e.g. ekstra-digital."""
    name: Text
    """What the scenario asks, e.g. 'Ekstra 5 mill. til digitalisering i 2021'."""
    description: Note | None = None
    """Why the scenario is asked, and what it assumes."""
    method: Method | None = None
    """Use another method than the programme's."""
    budget_frames: list[FrameChange] = Field(default_factory=list)
    """Changes to budget (drift) frames (1000 kr)."""
    investment_frames: list[FrameChange] = Field(default_factory=list)
    """Changes to investment frames (1000 kr)."""
    staff_frames: list[FrameChange] = Field(default_factory=list)
    """Changes to staff frames (årsverk)."""
    weights: dict[CriterionId, Number] = Field(default_factory=dict)
    """New weights by criterion id."""
    scores: dict[ProjectId, dict[CriterionId, Number]] = Field(default_factory=dict)
    """New scores: project id -> criterion id -> score."""
    include: list[ProjectId] = Field(default_factory=list)
    """Projects that must be in the plan."""
    exclude: list[ProjectId] = Field(default_factory=list)
    """Projects kept out of the plan."""
    years: YearRange | None = None
    """Plan years when other than the open years of the economic plan (never before the first open year)."""

    @field_validator("years")
    @classmethod
    def _first_year_first(cls, years: YearRange | None) -> YearRange | None:
        if years is not None and years.first_year > years.last_year:
            raise SayError(Say(f"first_year {years.first_year} is after last_year {years.last_year}",
                               f"first_year {years.first_year} er etter last_year {years.last_year}"))
        return years
