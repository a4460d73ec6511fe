"""python-stdnum, a well-kept library of identifier checks, as an oracle:
every number it calls a valid fødselsnummer or D-nummer is flagged by our
finder too. Ours flags more on purpose (synthetic H-numbers and Skatteetaten
numbers, the 2032 check-digit rule), so only this direction is asserted."""

from __future__ import annotations

import datetime as dt

from hypothesis import assume, given, settings
from hypothesis import strategies as st
from stdnum.no import fodselsnummer

from askoy2020.core.identity_numbers import find_identity_numbers


@st.composite
def stdnum_valid(draw: st.DrawFn) -> str:
    born = draw(st.dates(min_value=dt.date(1854, 1, 1), max_value=dt.date(2039, 12, 31)))
    day = born.day + (40 if draw(st.booleans()) else 0)  # a D-nummer adds 40 to the day
    individual = draw(st.integers(min_value=0, max_value=999))
    first_nine = f"{day:02d}{born.month:02d}{born.year % 100:02d}{individual:03d}"
    first = fodselsnummer.calc_check_digit1(first_nine)
    return first_nine + first + fodselsnummer.calc_check_digit2(first_nine + first)


@settings(max_examples=3000, deadline=None)
@given(stdnum_valid(), st.sampled_from(["{}", "fnr. {}", "Gjelder {} i saken", "{}."]))
def test_every_number_stdnum_calls_valid_is_flagged(number: str, context: str) -> None:
    assume(fodselsnummer.is_valid(number))  # not when a check digit came out as 10: no number at all
    text = context.format(number)
    found = [text[f.start:f.end] for f in find_identity_numbers(text)]
    assert number in found, (number, fodselsnummer.get_birth_date(number))
