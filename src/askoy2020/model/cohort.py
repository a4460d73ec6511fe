"""Cohorts (kull) of Prestasjonsledelse 2020: ``data/cohorts/**/*.yaml``.

A cohort is the leaders who started the programme in one year. Its record
holds the evidence of the seed's Tabell 1 *aggregated over the cohort*, so
that one course survey counts once and no figure is one leader's appraisal:

- level 1 (reaction): the questionnaire after a session, per session and year;
- level 2 (learning): the test or self-assessment per competence area (the
  seed's five leader aims) and year;
- level 3 (behaviour): one instrument before and after (a 360 or the staff's
  survey, e.g. 2018 and 2020);
- level 4 (results): not typed here but computed from the units' KPIs of the
  cohort's leaders (:mod:`.cohort_results`).

Every aggregate carries its respondents. KS's rule of at least
:data:`MIN_RESPONDENTS` applies to each: an aggregate of fewer is one or two
people's answers (ASK712).
"""

from __future__ import annotations

from pydantic import Field, model_validator

from ..core.diagnostics import Say, SayError
from .base import Count, Day, Note, Number, Record, Text, Year
from .ids import CohortId
from .leader import CompetenceArea, Instrument
from .programme import Programme

MIN_RESPONDENTS = 3
"""KS's anonymity rule for 10-FAKTOR, used for every aggregate about leaders;
the threshold of a data folder without a programme (see :func:`threshold_of`)."""


def threshold_of(programme: Programme | None) -> int:
    """The respondent threshold k for a data folder: its programme's
    ``min_respondents`` (a municipality may choose more than 3, e.g. 5), or
    :data:`MIN_RESPONDENTS` without a programme. Used wherever an aggregate
    about leaders or a unit's 10-FAKTOR result is kept, written or shown."""
    return programme.min_respondents if programme is not None else MIN_RESPONDENTS


def _on_scale(mean: float, scale_max: float) -> None:
    if mean > scale_max:
        raise SayError(Say(f"the mean {mean} is above the top of the scale ({scale_max}): check 'scale_max'",
                           f"snittet {mean} er over toppen av skalaen ({scale_max}): sjekk «scale_max»"))


class Session(Record):
    """A gathering (samling) or course of the cohort."""

    name: Text
    """e.g. Samling 1: Mål og resultater."""
    date: Day | None = None
    """The day it was held."""


class Reaction(Record):
    """Level 1: the participants' questionnaire after a session, one year."""

    year: Year
    """The year it was asked."""
    session: Text | None = None
    """The session it was asked after (a name from ``sessions``); empty: the whole year."""
    instrument: Instrument = Instrument.QUESTIONNAIRE
    """How it was asked, normally questionnaire."""
    mean: Number = Field(ge=0)
    """The mean, on the instrument's scale."""
    scale_max: Number = Field(default=5, gt=0)
    """Top of the scale (5 for a 1–5 questionnaire, 100 for a percentage)."""
    respondents: Count = Field(ge=0)
    """How many answered; fewer than 3 is an error (ASK712)."""

    @model_validator(mode="after")
    def _scale(self) -> Reaction:
        _on_scale(self.mean, self.scale_max)
        return self

    @property
    def share(self) -> float:
        """The mean as a share of the top of the scale."""
        return self.mean / self.scale_max


class Learning(Record):
    """Level 2: the cohort's result in one competence area (leader aim) and year."""

    year: Year
    """The year of the result."""
    area: CompetenceArea | None = None
    """One of the seed's five leader aims; empty: the course's test or assessment as a whole."""
    instrument: Instrument = Instrument.SELF_ASSESSMENT
    """How it was measured, e.g. self_assessment or test."""
    mean: Number = Field(ge=0)
    """The mean, on the instrument's scale."""
    scale_max: Number = Field(default=5, gt=0)
    """Top of the scale (5 for a 1–5 self-assessment, 100 for a test in per cent)."""
    respondents: Count = Field(ge=0)
    """How many answered; fewer than 3 is an error (ASK712)."""

    @model_validator(mode="after")
    def _scale(self) -> Learning:
        _on_scale(self.mean, self.scale_max)
        return self

    @property
    def share(self) -> float:
        """The mean as a share of the top of the scale."""
        return self.mean / self.scale_max


class Reading(Record):
    """One side of a before/after comparison."""

    year: Year
    """The year it was measured."""
    mean: Number = Field(ge=0)
    """The cohort's mean on the instrument's scale."""
    respondents: Count = Field(ge=0)
    """How many answered; fewer than 3 is an error (ASK712)."""


class Behaviour(Record):
    """Level 3: the same instrument before and after, for the cohort."""

    instrument: Instrument = Instrument.FEEDBACK_360
    """How behaviour was measured, the same way before and after, e.g. feedback_360 or observation."""
    what: Note | None = None
    """What was asked, e.g. «Lederen følger opp mål og resultater»."""
    scale_max: Number = Field(default=5, gt=0)
    """Top of the instrument's scale (5 for a 1–5 questionnaire, 100 for a percentage)."""
    before: Reading | None = None
    """Before the programme; empty: not measured then, so no change can be shown."""
    after: Reading
    """After the programme."""

    @model_validator(mode="after")
    def _scale(self) -> Behaviour:
        for side in (self.before, self.after):
            if side is not None:
                _on_scale(side.mean, self.scale_max)
        return self

    @property
    def change(self) -> float | None:
        """After minus before, on the instrument's scale; None without a before."""
        return None if self.before is None else self.after.mean - self.before.mean


class Cohort(Record):
    """A cohort (kull) of leaders in Prestasjonsledelse 2020 and its evaluation."""

    id: CohortId
    """Unique id, e.g. K-2018."""
    start: Year
    """The year the cohort started; leaders with ``cohort:`` this year belong to it."""
    end: Year | None = None
    """The last year of the cohort's programme period; empty: the programme's measuring year."""
    leaders: Count = Field(ge=0)
    """How many leaders took part (a count: the leader records name the positions)."""
    sessions: list[Session] = Field(default_factory=list)
    """The cohort's gatherings and courses."""
    reaction: list[Reaction] = Field(default_factory=list)
    """Level 1 per session and year."""
    learning: list[Learning] = Field(default_factory=list)
    """Level 2 per competence area and year."""
    behaviour: list[Behaviour] = Field(default_factory=list)
    """Level 3, before and after."""
    comment: Note | None = None
    """Anything a reader of the evaluation should know."""

    def aggregates(self) -> list[tuple[tuple[str | int, ...], int]]:
        """Every typed aggregate's path in the record and its respondents."""
        found: list[tuple[tuple[str | int, ...], int]] = []
        found += [(("reaction", i, "respondents"), x.respondents) for i, x in enumerate(self.reaction)]
        found += [(("learning", i, "respondents"), x.respondents) for i, x in enumerate(self.learning)]
        for i, b in enumerate(self.behaviour):
            found += [(("behaviour", i, side, "respondents"), reading.respondents)
                      for side in ("before", "after") if (reading := getattr(b, side)) is not None]
        return found
