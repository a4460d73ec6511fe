"""Accounting periods as ERP exports write them, and which of them a
tertial's actuals add up.

A periode cell says ``202008``, ``2020-08``, ``08.2020``, ``2020/8`` or just
``8`` (the year then comes from an år column, or is the imported period's
year), and a spreadsheet may hold a date. Period 13 is the year-end
entries (årsoppgjørsposteringer), posted after December, that belong to the
year's accounts; some systems use 0 for opening balances and 14–16 for
further closing entries.

Actuals are cumulative from 1 January (regnskap hittil i år): T1 adds
months 1–4, T2 months 1–8, T3 months 1–12 and period 13.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from ..model.budget import Period

_FORMS = (
    re.compile(r"^(?P<year>\d{4})(?P<month>\d{2})$"),  # 202008
    re.compile(r"^(?P<year>\d{4})\s*[-/.]\s*(?:P|p)?(?P<month>\d{1,2})$"),  # 2020-08, 2020/8, 2020.P08
    re.compile(r"^(?P<month>\d{1,2})\s*[-/.]\s*(?P<year>\d{4})$"),  # 08.2020, 8/2020
    re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-\d{2}(?:[T ].*)?$"),  # 2020-08-31 (a date)
    re.compile(r"^\d{1,2}\.(?P<month>\d{1,2})\.(?P<year>\d{4})$"),  # 31.08.2020
    re.compile(r"^(?:P|p)?(?P<month>\d{1,2})$"),  # 8, 08, P08
)
LAST_PERIOD = 16
YEAR_END = 13
_END_MONTH = {Period.T1: 4, Period.T2: 8, Period.T3: 12}


class NotAPeriod(ValueError):
    """The cell is not an accounting period."""


@dataclass(frozen=True)
class Month:
    """An accounting period of the export: a month 1–12, or 0 and 13–16."""

    year: int | None
    """None when the cell gave the month only."""
    number: int


def parse_month(value: object) -> Month:
    """The period a periode cell (text, number or date) gives."""
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return _parse_cached(value)  # an export repeats its dozen periods over every line
    return _parse(value)


@functools.lru_cache(maxsize=1024)
def _parse_cached(value: str | int) -> Month:
    return _parse(value)


def _parse(value: object) -> Month:
    if isinstance(value, dt.date):
        return Month(value.year, value.month)
    if isinstance(value, bool):
        raise NotAPeriod("a true/false cell")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        value = str(value)
    if not isinstance(value, str):
        raise NotAPeriod(f"a {type(value).__name__} cell")
    text = value.strip()
    for form in _FORMS:
        match = form.match(text)
        if match:
            number = int(match["month"])
            year = int(match["year"]) if "year" in form.groupindex else None
            if number > LAST_PERIOD:
                break
            if _is_date(text) and not _real_date(text):
                raise NotAPeriod(f"{text!r} is not a date (no such day)")
            return Month(year, number)
    raise NotAPeriod("write it as 202008, 2020-08, 08.2020 or 8 (periods 1–12, 13 for year-end entries)")


_DATE_FORMS = ((re.compile(r"^(\d{4})-(\d{2})-(\d{2})"), (1, 2, 3)),
               (re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$"), (3, 2, 1)))


def _is_date(text: str) -> bool:
    return any(form.match(text) for form, _ in _DATE_FORMS)


def _real_date(text: str) -> bool:
    """A written date names a day that exists: 31.02.2020 and 2020-02-30 do not."""
    for form, (y, m, d) in _DATE_FORMS:
        match = form.match(text)
        if match:
            try:
                dt.date(int(match[y]), int(match[m]), int(match[d]))
            except ValueError:
                return False
    return True


def counted_months(period: Period) -> range:
    """The periods whose lines add up to ``period``'s actuals."""
    return range(1, (YEAR_END if period is Period.T3 else _END_MONTH[period]) + 1)


def why_not_counted(month: Month, year: int, period: Period) -> str | None:
    """None when a line of ``month`` counts for ``period`` of ``year``; else
    the reason it is skipped, the same text for every line it applies to so
    that lines group by it."""
    if month.year is not None and month.year != year:
        return f"another year ({month.year})"
    if month.number == 0:
        return f"period {year}-00 (opening balance)"
    if month.number in counted_months(period):
        return None
    if month.number == YEAR_END:
        return f"after {year}-{period.value}: year-end entries ({year}-13), counted in T3"
    if month.number > YEAR_END:
        return f"period {year}-{month.number} (closing entries after period 13)"
    return f"after {year}-{period.value}: {year}-{month.number:02d}"
