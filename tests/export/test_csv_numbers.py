"""Every number a CSV dialect writes reads back as the same number, as a
spreadsheet or a program reads it: no exponent (1e-07 is a text to Excel),
no ``.0`` on a whole number, the dialect's decimal sign and no other."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given
from hypothesis import strategies as st

from askoy2020.export import CSV_DIALECTS

finite = st.one_of(st.integers(min_value=-10**15, max_value=10**15),
                   st.floats(allow_nan=False, allow_infinity=False, min_value=-1e15, max_value=1e15))


@given(finite)
def test_a_number_reads_back_identical_in_both_dialects(value: float) -> None:
    for name, decimal in (("excel-nb", ","), ("plain", ".")):
        text = CSV_DIALECTS[name].value(value)
        assert re.fullmatch(rf"-?\d+(\{decimal}\d+)?", text), (name, value, text)
        assert float(text.replace(",", ".")) == value
        assert (decimal in text) == (not float(value).is_integer())


@given(st.dates(min_value=dt.date(1000, 1, 1)))
def test_a_date_is_a_nordic_date_or_an_iso_date(day: dt.date) -> None:
    assert CSV_DIALECTS["excel-nb"].value(day) == day.strftime("%d.%m.%Y")
    assert CSV_DIALECTS["plain"].value(day) == day.isoformat()


@given(st.text())
def test_a_text_never_starts_a_formula(text: str) -> None:
    for dialect in CSV_DIALECTS.values():
        written = dialect.value(text)
        assert written[:1] not in set("=+-@\t\r") and written in (text, "'" + text)
