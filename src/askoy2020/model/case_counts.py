"""Counts of cases from the municipality's quality system:
``data/quality-counts/**/*.yaml``.

Real deviations often hold patient or employee data, and belong in the
quality system (Compilo, Landax, EQS …), not in git. What the programme
keeps is how many: per source, unit, kind, severity and month, imported
from the system's export (``askoy2020 import cases``). No text of a case
ever reaches these records – only the fields below.

Counts give the volumes; case records (:mod:`.quality`) are the
programme's own follow-up of single cases. The report shows them apart and
never adds one to the other.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated

from pydantic import BeforeValidator, Field

from ..core.scalars import source_text
from .base import END_OF_TEXT, Count, Record, Text, not_a_bool
from .ids import AreaId
from .quality import CaseKind

MONTH_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])$"
Month = Annotated[str, BeforeValidator(source_text), Field(pattern=MONTH_PATTERN, examples=["2020-03"]), Field(
    json_schema_extra={"pattern": "^[0-9]{4}-(?:0[1-9]|1[0-2])" + END_OF_TEXT,  # what the schemas say (base.py)
                       "patternErrorMessage": "A month as YYYY-MM, e.g. 2020-03 (en måned som ÅÅÅÅ-MM)."})]
"""A month, written YYYY-MM."""


Severity = Annotated[int, Field(ge=1, le=5), BeforeValidator(not_a_bool)]


class CountedKind(str, Enum):
    """The kinds a quality system counts (service design is a way of running
    a project, not a case)."""

    DEVIATION = "deviation"  # avvik i tjenesten (pasient- og brukeravvik)
    HMS_DEVIATION = "hms_deviation"  # HMS-avvik
    COMPLAINT = "complaint"  # klage
    SECURITY_INCIDENT = "security_incident"  # informasjonssikkerhetshendelse
    PERSONAL_DATA_BREACH = "personal_data_breach"  # brudd på personopplysningssikkerheten
    IMPROVEMENT_PROPOSAL = "improvement_proposal"  # forbedringsforslag

    @property
    def case_kind(self) -> CaseKind:
        return CaseKind(self.value)


class CaseCount(Record):
    """How many cases of one kind and severity a unit registered in a month."""

    source: Text
    """The quality system counted, e.g. Compilo."""
    unit: Text
    """The unit, named as case records and leaders name it."""
    area: AreaId | None = None
    """The programme area the unit belongs to, when it is known."""
    kind: CountedKind
    """What was counted: deviation, hms_deviation, complaint, security_incident, personal_data_breach
    or improvement_proposal."""
    severity: Severity | None = None
    """Consequence 1 (ubetydelig) – 5 (svært alvorlig); none: not assessed (ikke vurdert)."""
    month: Month
    """The month the cases were registered, YYYY-MM."""
    count: Count = Field(ge=1)
    """How many; a month without cases has no record."""

    @property
    def year(self) -> int:
        return int(self.month[:4])

    @property
    def month_number(self) -> int:
        return int(self.month[5:7])

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month_number, 1)

    @property
    def key(self) -> tuple[str, CountedKind, int | None, str]:
        """What may be counted once only: a second record with it would count the same cases twice (ASK842)."""
        return self.unit, self.kind, self.severity, self.month
