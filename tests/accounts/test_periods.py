"""Periode cells in every form an ERP writes, and what each tertial counts."""

from __future__ import annotations

import datetime as dt

import pytest

from askoy2020.accounts.periods import Month, NotAPeriod, counted_months, parse_month, why_not_counted
from askoy2020.model.budget import Period


@pytest.mark.parametrize(("value", "month"), [
    ("202008", Month(2020, 8)), ("2020-08", Month(2020, 8)), ("2020/8", Month(2020, 8)),
    ("2020.08", Month(2020, 8)), ("08.2020", Month(2020, 8)), ("8/2020", Month(2020, 8)),
    ("8", Month(None, 8)), ("08", Month(None, 8)), ("P08", Month(None, 8)), (" 8 ", Month(None, 8)),
    ("202013", Month(2020, 13)), ("13", Month(None, 13)), ("202000", Month(2020, 0)),
    ("2020-08-31", Month(2020, 8)), ("31.08.2020", Month(2020, 8)),
    (202008, Month(2020, 8)), (8, Month(None, 8)), (202008.0, Month(2020, 8)),
    (dt.date(2020, 8, 31), Month(2020, 8)), (dt.datetime(2020, 8, 1, 0, 0), Month(2020, 8)),
])
def test_periode_forms(value: object, month: Month) -> None:
    assert parse_month(value) == month


@pytest.mark.parametrize("value", ["", "2020", "august", "202017", "17", "2020-8-1x", "20208", True, None, 8.5,
                                   "31.02.2020", "2020-02-30", "31.09.2020", "29.02.2019"])
def test_what_is_not_a_period(value: object) -> None:
    with pytest.raises(NotAPeriod):
        parse_month(value)


def test_each_tertial_counts_from_january() -> None:
    assert list(counted_months(Period.T1)) == [1, 2, 3, 4]
    assert list(counted_months(Period.T2)) == list(range(1, 9))
    assert list(counted_months(Period.T3)) == list(range(1, 14))  # with period 13, the year-end entries


@pytest.mark.parametrize(("month", "period", "reason"), [
    (Month(2020, 8), Period.T2, None),
    (Month(None, 8), Period.T2, None),
    (Month(2020, 9), Period.T2, "after 2020-T2: 2020-09"),
    (Month(2019, 3), Period.T2, "another year (2019)"),
    (Month(2020, 13), Period.T2, "after 2020-T2: year-end entries (2020-13), counted in T3"),
    (Month(2020, 13), Period.T3, None),
    (Month(2020, 0), Period.T3, "period 2020-00 (opening balance)"),
    (Month(2020, 14), Period.T3, "period 2020-14 (closing entries after period 13)"),
    (Month(2020, 5), Period.T1, "after 2020-T1: 2020-05"),
])
def test_why_a_line_is_not_counted(month: Month, period: Period, reason: str | None) -> None:
    assert why_not_counted(month, 2020, period) == reason


def test_a_leap_day_is_a_date() -> None:
    assert parse_month("29.02.2020") == Month(2020, 2) and parse_month("2020-02-29") == Month(2020, 2)
