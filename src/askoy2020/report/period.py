"""What a report covers: a tertial, a year, or the state on a day.

A budget meeting reads three kinds of report: the tertial reports to
30 April and 31 August, the year (to 31 December), and a status on any day
before a meeting. Each compares itself with the report before it, so each
knows which that is: the period that ended last before its own day.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..model.budget import Period, parse_period

_YEAR = re.compile(r"^\s*(\d{4})\s*$")


@dataclass(frozen=True)
class ReportPeriod:
    """The report's year and day, and the tertial it is for (T3: the year),
    or None for a status on a day that is not a period's end."""

    year: int
    as_of: dt.date
    period: Period | None = None

    @property
    def label(self) -> str:
        """``2020-T2``, ``2020`` or the day, as the command line writes it."""
        if self.period is None:
            return self.as_of.isoformat()
        return str(self.year) if self.period is Period.T3 else f"{self.year}-{self.period.value}"

    def previous(self) -> ReportPeriod | None:
        """The report before this one: the newest period that ended before
        its day (for 31.10.2020 the 2nd tertial, for the 1st tertial the
        year before); None before the calendar's first year."""
        ends = [(p.end(y), y, p) for y in (self.as_of.year - 1, self.as_of.year) if y >= 1 for p in Period]
        earlier = [e for e in ends if e[0] < self.as_of]
        if not earlier:
            return None
        end, year, period = max(earlier)
        return ReportPeriod(year, end, period)


def parse_report_period(text: str) -> ReportPeriod:
    """``2020-T1``, ``2020-T2`` (tertial reports), ``2020`` or ``2020-T3``
    (the year); a ValueError says what to write."""
    year_only = _YEAR.match(text)
    if year_only:
        year, period = int(year_only[1]), Period.T3
        if not 1990 <= year <= 2100:
            raise ValueError(f"{text!r}: the year must be from 1990 to 2100, e.g. 2020")
    else:
        try:
            year, period = parse_period(text)
        except ValueError:
            raise ValueError(f"{text!r} is not a report period; write 2020-T1 or 2020-T2 for a tertial "
                             "report, or 2020 for the year") from None
    return ReportPeriod(year, period.end(year), period)


def for_day(year: int, as_of: dt.date) -> ReportPeriod:
    """A report of ``year`` as on ``as_of``: a period report when the day is
    a period's end of that year."""
    period = next((p for p in Period if p.end(year) == as_of), None)
    return ReportPeriod(year, as_of, period)
