"""Risk and vulnerability (ROS): the programme's risk matrix with its
acceptance criteria, and the risk register in ``data/risks/**/*.yaml``.

A risk is assessed as probability × consequence on the matrix that
programme.yaml configures (``risk_matrix:``; a 5 × 5 matrix when it is
absent). The municipality's acceptance criteria split the scores into
three zones: acceptable (green), consider measures (yellow, "as low as
reasonably practicable") and not acceptable (red). Kommuneloven § 25-1
asks for internal control proportionate to risk; the ROS register is where
that risk is written down. Deviations (quality cases) sit on the same
matrix: their severity is the consequence.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import NamedTuple

from pydantic import Field, model_validator

from ..core.diagnostics import Say, SayError
from .base import Count, Day, Note, Record, Role, Text
from .ids import AreaId, ProjectId, RiskId
from .quality import MAX_LEVELS, Action, Level

PROBABILITY_LABELS = ["svært lite sannsynlig", "lite sannsynlig", "mulig", "sannsynlig", "svært sannsynlig"]
# Level 1 and 5 as a quality case's severity has always described them
# (1 ubetydelig, 5 svært alvorlig), so deviations and risks read alike.
CONSEQUENCE_LABELS = ["ubetydelig", "mindre alvorlig", "betydelig", "alvorlig", "svært alvorlig"]


class Zone(str, Enum):
    """Where a score lies against the acceptance criteria, lowest first."""

    ACCEPTABLE = "acceptable"  # grønn: akseptabel
    CONSIDER = "consider"  # gul: vurder tiltak (ALARP)
    NOT_ACCEPTABLE = "not_acceptable"  # rød: ikke akseptabel, tiltak skal gjennomføres


class RiskMatrix(Record):
    """The scales of a ROS analysis and the municipality's acceptance
    criteria. Score = probability × consequence, each counted from 1."""

    probability: list[Text] = Field(default_factory=lambda: list(PROBABILITY_LABELS), max_length=MAX_LEVELS)
    """Probability levels, lowest first; level 1 is the first label."""
    consequence: list[Text] = Field(default_factory=lambda: list(CONSEQUENCE_LABELS), max_length=MAX_LEVELS)
    """Consequence levels, lowest first; a quality case's severity uses this scale."""
    acceptable_up_to: Count = 4
    """A score up to and including this is acceptable (green)."""
    not_acceptable_from: Count = 10
    """A score from this up is not acceptable (red); between the two lines: consider measures (yellow)."""

    @model_validator(mode="after")
    def _ordered(self) -> RiskMatrix:
        for name, labels in (("probability", self.probability), ("consequence", self.consequence)):
            if len(labels) < 2:
                raise SayError(Say(f"risk_matrix.{name} needs at least two levels, lowest first",
                                   f"risk_matrix.{name} må ha minst to nivåer, laveste først"))
            twice = sorted({label for label in labels if labels.count(label) > 1})
            if twice:
                raise SayError(Say(f"risk_matrix.{name} names the level '{twice[0]}' twice",
                                   f"risk_matrix.{name} har nivået «{twice[0]}» to ganger"))
        top = self.max_score
        if not 1 <= self.acceptable_up_to < self.not_acceptable_from <= top:
            raise SayError(Say(
                f"the acceptance lines must satisfy 1 ≤ acceptable_up_to ({self.acceptable_up_to}) < "
                f"not_acceptable_from ({self.not_acceptable_from}) ≤ the highest score ({top})",
                f"akseptlinjene må oppfylle 1 ≤ acceptable_up_to ({self.acceptable_up_to}) < "
                f"not_acceptable_from ({self.not_acceptable_from}) ≤ høyeste risikotall ({top})"))
        return self

    @property
    def max_score(self) -> int:
        return len(self.probability) * len(self.consequence)

    def on_scale(self, probability: int, consequence: int) -> bool:
        return 1 <= probability <= len(self.probability) and 1 <= consequence <= len(self.consequence)

    def zone_of_score(self, score: int) -> Zone:
        if score <= self.acceptable_up_to:
            return Zone.ACCEPTABLE
        return Zone.NOT_ACCEPTABLE if score >= self.not_acceptable_from else Zone.CONSIDER

    def zone(self, probability: int, consequence: int) -> Zone:
        """The zone of one cell; a cell off the matrix is an IndexError
        (ASK823 reports such levels in the data)."""
        if not self.on_scale(probability, consequence):
            raise IndexError(f"({probability}, {consequence}) is outside the {len(self.probability)} × "
                             f"{len(self.consequence)} matrix")
        return self.zone_of_score(probability * consequence)


class Assessment(NamedTuple):
    probability: int
    consequence: int

    @property
    def score(self) -> int:
        return self.probability * self.consequence


class Residual(Record):
    """The risk as assessed again with the measures carried out."""

    probability: Level
    """Probability level after the measures."""
    consequence: Level
    """Consequence level after the measures."""


class Acceptance(Record):
    """Who accepted a remaining risk above the acceptance line, and when."""

    by: Role
    """The role that accepted it, e.g. Rådmann or Kommunalsjef."""
    on: Day
    """The day it was accepted."""
    reason: Note | None = None
    """Why the remaining risk is accepted."""


class Risk(Record):
    """One risk in the ROS register: what can go wrong in a unit, a
    programme area or a project (at least one of the three), how likely
    and how bad, and what is done."""

    id: RiskId
    """Unique id, e.g. R-DK-01."""
    title: Text
    """The unwanted event, e.g. Personopplysninger kommer på avveie."""
    description: Note | None = None
    """The causes and consequences of the event."""
    unit: Text | None = None
    """The unit or service it is about, named as quality cases name units."""
    area: AreaId | None = None
    """The programme area it is about."""
    project: ProjectId | None = None
    """The project it is about."""
    owner: Role
    """The role that owns the risk."""
    assessed: Day
    """When probability and consequence were assessed."""
    probability: Level
    """Probability level on the programme's risk matrix (1 = the lowest)."""
    consequence: Level
    """Consequence level on the programme's risk matrix (1 = the lowest)."""
    measures: list[Action] = Field(default_factory=list)
    """Tiltak that bring the risk down, each with an owner and a deadline."""
    residual: Residual | None = None
    """The risk after the measures (restrisiko); none: as assessed."""
    accepted: Acceptance | None = None
    """The decision to accept a remaining risk above the acceptance line."""
    next_review: Day
    """When the risk is to be assessed again."""

    @model_validator(mode="after")
    def _about_something(self) -> Risk:
        if not (self.unit or self.area or self.project):
            raise SayError(Say("a risk must say what it is about: unit, area or project",
                               "en risiko må si hva den gjelder: unit, area eller project"))
        return self

    @property
    def inherent(self) -> Assessment:
        return Assessment(self.probability, self.consequence)

    @property
    def remaining(self) -> Assessment:
        """The residual risk, or the risk as assessed when no residual is given."""
        if self.residual is None:
            return self.inherent
        return Assessment(self.residual.probability, self.residual.consequence)

    def zone(self, matrix: RiskMatrix) -> Zone | None:
        """The zone before measures; None off the matrix's scale."""
        return _zone(matrix, self.inherent)

    def remaining_zone(self, matrix: RiskMatrix) -> Zone | None:
        return _zone(matrix, self.remaining)

    def lacks_measures(self, matrix: RiskMatrix) -> bool:
        """Not acceptable, and not one measure (ASK820)."""
        return self.zone(matrix) is Zone.NOT_ACCEPTABLE and not self.measures

    def awaits_acceptance(self, matrix: RiskMatrix) -> bool:
        """What remains lies above the acceptance line and no one has
        accepted it (ASK821). A red risk without measures is ASK820's."""
        zone = self.remaining_zone(matrix)
        return (zone is not None and zone is not Zone.ACCEPTABLE and self.accepted is None
                and not self.lacks_measures(matrix))

    def review_overdue_days(self, as_of: dt.date) -> int | None:
        """Days the review is past ``next_review`` on ``as_of``, or None (ASK822)."""
        return (as_of - self.next_review).days if self.next_review < as_of else None


def _zone(matrix: RiskMatrix, assessment: Assessment) -> Zone | None:
    if not matrix.on_scale(*assessment):
        return None
    return matrix.zone(*assessment)
