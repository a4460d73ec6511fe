"""Programme areas (programområder) of Omstilling 2020: ``data/programmes/*/area.yaml``."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, field_validator

from ..core.diagnostics import Say, SayError
from .base import Goal, Note, Number, Record, Role, Share, Text, YearRange
from .budget import AreaRound
from .ids import AreaId

PROGRAMME_SCOPE = "programme"


class AreaGoal(Goal):
    """An overarching goal of a programme area."""


class ProgrammeArea(Record):
    """A programme area: a focus area above projects, with goals and frames."""

    id: Annotated[AreaId, Field(json_schema_extra={"not": {"const": PROGRAMME_SCOPE}})]
    """Short id, e.g. DK; not 'programme', which names the programme's own frames."""
    name: Text
    """Name, e.g. Digital kommune."""
    illustrative: bool = False
    """True when the area is invented for the sample data (only Digital kommune is real)."""
    description: Note | None = None
    """What the area works on, in a few sentences."""
    owner: Role
    """The role that owns the area, e.g. Kommunalsjef organisasjon."""
    period: YearRange
    """The years the area runs."""
    strategic_weight: Number = Field(default=1.0, ge=0, le=10)
    """How much the area counts when resources are prioritised."""
    goals: list[AreaGoal] = Field(default_factory=list)
    """Overarching goals; at least one with a baseline and a target for the measuring year."""
    rounds: list[AreaRound] = Field(default_factory=list)
    """The area's frames in each budget round (by the round's budget year), with revisions."""
    min_share: Share | None = None
    """Smallest share of the programme budget the area should get (balance)."""
    decisions: list[Text] = Field(default_factory=list)
    """Political decisions the area builds on, e.g. 'PS 45/17'."""

    @field_validator("id")
    @classmethod
    def _not_the_programme(cls, value: str) -> str:
        # A frame's scope is "programme" or an area id (FrameKey, saved plans): an area
        # called programme would take the programme's own frames' place.
        if value == PROGRAMME_SCOPE:
            raise SayError(Say("'programme' names the programme's own frames; give the area another id",
                               "'programme' er navnet på programmets egne rammer; gi området en annen id"))
        return value

    def round(self, year: int) -> AreaRound | None:
        """The area's frames in the round of budget year ``year``."""
        return next((r for r in self.rounds if r.year == year), None)
