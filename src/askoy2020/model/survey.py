"""The municipality's KS 10-FAKTOR surveys: ``data/surveys/**/*.yaml``.

One record per survey, with the municipality's figures and, when given,
the national ones – not copied into every leader's record. The units'
own results stay with their leader records (:class:`.leader.TenFactorResult`).
"""

from __future__ import annotations

from pydantic import Field

from .base import Note, Record, Score, Year
from .ids import SurveyId
from .leader import People, TenFactor


class TenFactorSurvey(Record):
    """One round of KS 10-FAKTOR in the municipality."""

    id: SurveyId
    """Unique id, e.g. 10F-2020."""
    year: Year
    """The survey year."""
    invited: People | None = None
    """Employees invited in the whole municipality."""
    respondents: People | None = None
    """Employees who answered in the whole municipality."""
    municipality: dict[TenFactor, Score] = Field(default_factory=dict)
    """The municipality's mean per factor, 1–5, from KS's report."""
    national: dict[TenFactor, Score] = Field(default_factory=dict)
    """The national mean per factor, when KS gives one (none was published for 2018–2020: leave it empty)."""
    source: Note | None = None
    """Where the figures come from, e.g. KS' 10-FAKTOR-rapport for kommunen."""

    @property
    def response_rate(self) -> float | None:
        return self.respondents / self.invited if self.invited and self.respondents is not None else None
