"""The Markdown filter keeps any text one inert line inside a table cell,
and keeps what holds a Norwegian number together."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from askoy2020.report.render import md

from .helpers import gfm_tables, rendered_html, structure

TRICKY = st.text(alphabet=st.sampled_from(list("ab1 -+=|*_`<>&#!\\[](){}~.\n\t\u00a0\u202f\u2028")), max_size=30)


@given(TRICKY)
def test_any_text_stays_one_cell_of_one_line(text: str) -> None:
    cell = md(text)
    assert "\n" not in cell and "\t" not in cell
    table = f"| a | b |\n|---|---|\n| {cell} | x |\n"
    assert gfm_tables(table) == [[2, 2, 2]]
    tags = {tag for tag, _ in structure(rendered_html(table)).tags}
    assert tags <= {"table", "thead", "tbody", "tr", "th", "td"}, tags


@given(st.integers(min_value=-10**9, max_value=10**9))
def test_a_norwegian_number_keeps_its_no_break_spaces(value: int) -> None:
    text = f"{value:,}".replace(",", "\u202f")
    assert md(text) == (text if text[:1] != "-" else "\\" + text)


def test_nothing_stays_nothing() -> None:
    assert md("") == "" and md("   ") == ""
