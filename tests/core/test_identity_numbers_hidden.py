"""Identity numbers hidden the ways a red team found: a separator written
as the escape repr() makes of it, an invisible format character, a run of
spaces, a text cut after ten digits. Generated variants; each must be
masked, and a clipped text must never keep ten digits of one."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from askoy2020.core.identity_numbers import clip, find_identity_numbers, mask
from model_strategies import identity_number

SEPARATORS = [
    "\\xa0", "\\u202f", "\\u2063", "\\t", "\u00a0", "\u202f", "\u2063", "\u034f", "\u200b", "\u2060", "\ufe0f",
    "\u061c", "\u180e", "    ", "\t  ", " \u00a0 ", "\u2028", "-", ".", " ",
]
NUMBERS = st.integers(0, 10_000).map(identity_number)


@given(NUMBERS, st.sampled_from(SEPARATORS), st.sampled_from(["", "(ikke '", "fnr ", "Gjelder: "]),
       st.sampled_from([(6,), (2, 4, 6), (4,), (6, 6)]))
def test_a_number_split_by_any_separator_is_masked(number: str, separator: str, before: str,
                                                  at: tuple[int, ...]) -> None:
    text = number
    for cut in sorted(set(at), reverse=True):
        text = text[:cut] + separator + text[cut:]
    text = before + text + "')"
    assert list(find_identity_numbers(text)), repr(text)
    # Nothing but the escapes' own hex digits may be left.
    left = re.sub(r"\\(?:x[0-9a-f]{2}|u[0-9a-f]{4}|[tnr])", "", mask(text))
    assert not re.search(r"\d", left), left


@given(NUMBERS, st.integers(0, 70), st.integers(12, 80))
def test_a_clipped_text_never_keeps_ten_digits_of_a_number(number: str, padding: int, limit: int) -> None:
    text = "x" * padding + " " + number + " snarest"
    shown = clip(text, limit)
    assert len(shown) <= limit
    assert number[:10] not in shown and not re.search(r"\d{10}", shown), shown


def test_repr_of_a_value_with_a_no_break_space_is_masked() -> None:
    number = identity_number(7)
    quoted = repr(f"{number[:6]}\u00a0{number[6:]}")
    assert "\\xa0" in quoted and mask(quoted) == quoted.replace(number[:6], "••••••").replace(number[6:], "•••••")
