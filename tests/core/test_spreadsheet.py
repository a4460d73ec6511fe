"""The one rule every CSV writer uses against formula injection."""

from __future__ import annotations

import pytest

from askoy2020.core.spreadsheet import FORMULA_STARTS, csv_text


@pytest.mark.parametrize("start", sorted(FORMULA_STARTS))
@pytest.mark.parametrize("rest", ["", "1+1", 'HYPERLINK("http://x.invalid";"klikk")', "cmd|' /C calc'!A0"])
def test_text_that_would_start_a_formula_is_quoted(start: str, rest: str) -> None:
    assert csv_text(start + rest) == "'" + start + rest


@pytest.mark.parametrize("value", [-12, -0.5, 0, 12.5, None, "DK-05", "Digital postkasse", "", "'=already"])
def test_everything_else_is_left_as_it_is(value: object) -> None:
    assert csv_text(value) == value
