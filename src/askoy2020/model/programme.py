"""The programme as a whole: ``data/programme.yaml``."""

from __future__ import annotations

from pydantic import Field

from .base import ByYear, Count, Fte, Id, Money, Note, Number, Record, Text, Year, YearRange
from .prioritisation import Prioritisation


class Scale(Record):
    min: Number = 0
    """Lowest allowed score."""
    max: Number = 5
    """Highest allowed score."""


class Criterion(Record):
    """A prioritisation criterion that projects are scored on."""

    id: Id
    """Key used in a project's ``scores``, e.g. strategic_fit."""
    name: Text
    """Name shown in reports, e.g. Strategisk betydning."""
    weight: Number = Field(ge=0)
    """Relative weight in weighted scoring."""
    scale: Scale = Field(default_factory=Scale)
    """Allowed scores."""
    description: Note | None = None


class Programme(Record):
    """Askøy 2020 itself: plan years, programme-wide frames, criteria, settings."""

    id: Id
    """Programme id, e.g. ASKOY2020."""
    name: Text
    """Programme name."""
    description: Note | None = None
    budget_year: Year
    """The year of the adopted årsbudsjett the data belongs to (2018)."""
    economic_plan: YearRange
    """The økonomiplan period, e.g. 2018–2021; costs must fall inside it."""
    measuring_year: Year = 2020
    """The year results are measured at; goals need a target for it."""
    decision: Note | None = None
    """The council decision adopting the plan, e.g. 'KST 123/17'."""
    budget_frames: ByYear[Money] = Field(default_factory=dict)
    """Programme-wide budget frame by year, 1000 kr."""
    staff_frames: ByYear[Fte] = Field(default_factory=dict)
    """Programme-wide staff frame by year, årsverk."""
    criteria: list[Criterion] = Field(default_factory=list)
    """Prioritisation criteria and their weights."""
    prioritisation: Prioritisation = Field(default_factory=Prioritisation)
    """How prioritise values projects and how long it searches."""
    red_status_max_age_days: Count = Field(default=60, ge=1)
    """A red status report older than this many days is flagged."""
    min_respondents: Count = Field(default=3, ge=3)
    """Smallest number of respondents for which a unit's survey result may be shown."""
