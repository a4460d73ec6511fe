"""``visible`` and ``json_safe``: what they escape, and that JSON reads back the same."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from askoy2020.commands.safe_text import UNSAFE, json_safe, visible

# controls, separators, surrogates, and the invisible format characters visible() promises to escape
HIDDEN = st.one_of(st.characters(categories=["Cc", "Zl", "Zp", "Cs"]),
                   st.sampled_from([chr(c) for c in (*range(0x200B, 0x2010), *range(0x202A, 0x202F),
                                                     *range(0x2060, 0x206A), 0xFEFF, 0xE0041)]))


@given(st.text(alphabet=st.one_of(HIDDEN, st.characters()), max_size=40))
def test_visible_leaves_nothing_that_acts_and_json_safe_reads_back(text: str) -> None:
    shown = visible(text)
    assert not UNSAFE.search(shown)
    shown.encode("utf-8")  # no lone surrogate is left to write
    document = json.dumps({"v": text}, ensure_ascii=False, indent=2)
    safe = json_safe(document)
    assert not UNSAFE.search(safe.replace("\n", ""))
    assert json.loads(safe) == {"v": text}


def test_visible_escapes_by_code_point_and_keeps_what_it_is_told() -> None:
    assert visible("a\x1b[2Kb\u202ec\udcff\U000e0041") == "a\\x1b[2Kb\\u202ec\\udcff\\U000e0041"
    assert visible("one\ntwo\tthree", keep="\n") == "one\ntwo\\x09three"
    assert visible("Askøy – æøå") == "Askøy – æøå"
