"""Amounts as ERP exports write them, and the one decimal mark of a column."""

from __future__ import annotations

from decimal import Decimal

import pytest

from askoy2020.accounts.amounts import NotAnAmount, cell_amount, decimal_mark, evidence, parse_amount


@pytest.mark.parametrize(("text", "value"), [
    ("1 234,50", "1234.50"),
    ("1\u00a0234,50", "1234.50"),  # no-break space
    ("1\u2009234,50", "1234.50"),  # thin space
    ("1\u202f234\u202f567,5", "1234567.5"),  # narrow no-break space
    ("1.234,50", "1234.50"),
    ("1.234.567", "1234567"),
    ("-1 234,50", "-1234.50"),
    ("\u22121 234,50", "-1234.50"),  # the minus sign
    ("1 234,50-", "-1234.50"),
    ("(1 234,50)", "-1234.50"),
    ("( 1 234,50 )", "-1234.50"),
    ("- 500,00", "-500.00"),
    ("+12,5", "12.5"),
    ("0,05", "0.05"),
    ("1234", "1234"),
    ("  42,00  ", "42.00"),
    ("kr 1 234,50", "1234.50"),
    ("1 234,50 NOK", "1234.50"),
    ("999 999 999 999 999,99", "999999999999999.99"),
])
def test_decimal_comma_forms(text: str, value: str) -> None:
    assert parse_amount(text, ",") == Decimal(value)


@pytest.mark.parametrize(("text", "value"), [
    ("1234.50", "1234.50"),
    ("1,234.50", "1234.50"),
    ("1 234.5", "1234.5"),
    ("-0.5", "-0.5"),
    ("(1,234.50)", "-1234.50"),
])
def test_decimal_point_forms(text: str, value: str) -> None:
    assert parse_amount(text, ".") == Decimal(value)


@pytest.mark.parametrize("text", [
    "", "   ", "-", "abc", "12,3,4", "1 23,00", "12 3456", "1.23,4.5", "--5", "-5-", "(-5)", "1,234.5",
    "1,23E+06", "1e5", "=1+2", "@SUM(A1)", "12,", ",50", "1 234,50 kr kr", "1" * 41, "12\u200b34",
    "٣٤", "１２３",  # other scripts' digits are not ledger digits
])
def test_what_is_not_an_amount(text: str) -> None:
    with pytest.raises(NotAnAmount):
        parse_amount(text, ",")


def test_scientific_notation_says_digits_were_lost() -> None:
    with pytest.raises(NotAnAmount, match="scientific notation"):
        parse_amount("1,23457E+11", ",")


@pytest.mark.parametrize(("text", "mark"), [
    ("1 234,50", ","), ("12,5", ","), ("1.234,5", ","), ("1.234.567", ","),
    ("1234.50", "."), ("1,234.50", "."), ("1,234,567", "."),
    ("1.234", None), ("1,234", None), ("1234", None), ("1 234", None),
])
def test_what_a_cell_says_about_the_decimal_mark(text: str, mark: str | None) -> None:
    assert evidence(text) == mark


def test_a_column_takes_the_mark_its_cells_show() -> None:
    assert decimal_mark([(1, "1.234"), (2, "12.5")]) == (".", None)
    assert decimal_mark([(1, "1.234"), (2, "1 234,50")]) == (",", None)
    assert parse_amount("1.234", ".") == Decimal("1.234")
    assert parse_amount("1.234", ",") == Decimal("1234")


def test_a_column_that_shows_nothing_is_read_the_norwegian_way() -> None:
    assert decimal_mark([(1, "1.234"), (2, "2.000.000"), (3, "15")]) == (",", None)


def test_a_column_that_shows_both_marks_names_a_line_of_each() -> None:
    assert decimal_mark([(4, "1 234,50"), (5, "7"), (9, "12.75")]) == (",", (4, 9))


def test_spreadsheet_cells() -> None:
    assert cell_amount(1234, ",") == Decimal(1234)
    assert cell_amount(0.1 + 0.2, ",") == Decimal("0.30000000000000004")  # the float's shortest text, exactly
    assert cell_amount(1234.5, ",") == Decimal("1234.5")
    assert cell_amount("1 234,50", ",") == Decimal("1234.50")
    for bad in (True, float("nan"), float("inf"), None, object()):
        with pytest.raises(NotAnAmount):
            cell_amount(bad, ",")
