"""askoy2020 fmt against the red-team families: invisible characters, text
that looks like a number, comments next to reordered keys, links and stale
temporary files (docs/robustness.md)."""

from __future__ import annotations

import sys
import unicodedata

import pytest

from askoy2020.fmt import format_text
from askoy2020.loading.yaml_reader import read_yaml
from askoy2020.model import Project
from askoy2020.writing.yaml_text import document, is_invisible

# Every control (bar tab and newline), format character (Cf: U+200B, U+00AD,
# U+FEFF, the bidi marks, the tag characters …), line and paragraph separator.
INVISIBLE = [
    chr(code) for code in range(sys.maxunicode + 1)
    if unicodedata.category(chr(code)) in ("Cc", "Cf", "Zl", "Zp") and chr(code) not in "\t\n"
]


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}"


def _literal_invisible(text: str) -> list[str]:
    return [f"U+{ord(c):04X}" for c in text if is_invisible(c)]


def test_the_family_covers_every_class() -> None:
    assert {unicodedata.category(c) for c in INVISIBLE} == {"Cc", "Cf", "Zl", "Zp"}
    assert len(INVISIBLE) > 200 and {"\u200b", "\u00ad", "\u2028", "\x85", "\ufeff", "\x00"} <= set(INVISIBLE)


def test_fmt_never_writes_an_invisible_character_literally() -> None:
    """Escaped in the file, escaped after fmt: in a block value, a flow list
    and a list item, whatever fmt does with the key order."""
    wrong = {}
    for char in INVISIBLE:
        escaped = _escape(char)
        source = (
            f'name: "a{escaped}b"\nid: DK-09\nmanager: ["x{escaped}"]\n'
            f'milestones:\n  - {{name: "{escaped}", date: 2020-01-01}}\n'
        )
        text, problems = format_text(source.encode(), "f.yaml", Project)
        if text is None or problems or _literal_invisible(text):
            wrong[f"U+{ord(char):04X}"] = (text, problems)
            continue
        before, after = read_yaml(source.encode(), "f.yaml").document, read_yaml(text.encode(), "f.yaml").document
        if before is None or after is None or before.value != after.value:
            wrong[f"U+{ord(char):04X}"] = (text, "value changed")
        elif format_text(text.encode(), "f.yaml", Project)[0] != text:
            wrong[f"U+{ord(char):04X}"] = (text, "not idempotent")
    assert wrong == {}


def test_a_literal_invisible_character_in_a_value_becomes_an_escape() -> None:
    wrong = {}
    for char in INVISIBLE:
        if char in "\r\x85\u2028\u2029":  # line breaks to YAML: a reader error (ASK001/ASK014), not fmt's
            continue
        source = f"id: DK-09\nname: a{char}b\n"
        text, problems = format_text(source.encode(), "f.yaml", Project)
        if read_yaml(source.encode(), "f.yaml").document is None:
            continue  # the reader refuses it (ASK002): fmt leaves such a file alone
        if text is None or _literal_invisible(text) or f'"a{_escape(char)[:2]}' not in text.replace("\\x", "\\u"):
            wrong[f"U+{ord(char):04X}"] = (text, problems)
    assert wrong == {}


def test_the_generating_writer_never_writes_an_invisible_character_literally() -> None:
    wrong = []
    for char in INVISIBLE:
        value = {"id": "DK-09", "name": f"a{char}b", "list": [f"{char}x"], "map": {"k": char}}
        text = document(value)
        read = read_yaml(text.encode(), "f.yaml")
        if _literal_invisible(text) or read.document is None or read.document.value != value:
            wrong.append((f"U+{ord(char):04X}", text))
    assert wrong == []


# -- text that looks like a number -------------------------------------------

SIGNS = ["", "+", "-"]
INTEGERS = ["0", "7", "12", "017", "00", "1_000", "0o17", "0x1F", "2019"]
FRACTIONS = [".5", "5.", "1.50", "0.0", "1e-0", "1E+2", ".5E-1", "12e03", "1.0e1"]
SPECIAL = [".inf", ".Inf", ".INF", ".nan", ".NaN"]
SPELLINGS = sorted({sign + body for sign in SIGNS for body in INTEGERS + FRACTIONS + SPECIAL}
                   - {"+.nan", "-.nan", "+.NaN", "-.NaN"})


def _numbers_file(spelling: str) -> str:
    return (
        f"name: {spelling}\nid: DK-09\nmanager: {spelling}\n"
        f"cost: {{2019: {spelling}, 2020: 5}}\nstaff:\n  2019: {spelling}\n"
        f"milestones:\n  - date: 2020-01-01\n    name: {spelling}\n"
    )


def test_fmt_keeps_every_number_spelling_in_text_and_number_fields() -> None:
    """Text fields keep the source text of a number (core/scalars.py), so
    fmt must write it as it was spelled, whatever the key order does."""
    wrong = {}
    for spelling in SPELLINGS:
        source = _numbers_file(spelling)
        text, problems = format_text(source.encode(), "f.yaml", Project)
        expected = (
            f"id: DK-09\nname: {spelling}\nmanager: {spelling}\n"
            f"cost: {{2019: {spelling}, 2020: 5}}\nstaff:\n  2019: {spelling}\n"
            f"milestones:\n  - name: {spelling}\n    date: 2020-01-01\n"
        )
        if text != expected:
            wrong[spelling] = (text, problems)
    assert len(SPELLINGS) > 60 and wrong == {}


def test_the_guard_compares_numbers_as_the_model_reads_them(monkeypatch: pytest.MonkeyPatch) -> None:
    """With ruamel's own number writing (``+12`` -> ``12``) every changed
    spelling is caught by the guard and the file left alone (ASK012)."""
    from ruamel.yaml.constructor import RoundTripConstructor
    from ruamel.yaml.representer import RoundTripRepresenter

    import askoy2020.fmt

    monkeypatch.setattr(askoy2020.fmt, "_verbatim_numbers", lambda: (RoundTripConstructor, RoundTripRepresenter))
    slipped = {}
    for spelling in SPELLINGS:
        source = _numbers_file(spelling)
        text, problems = format_text(source.encode(), "f.yaml", Project)
        if text is not None and f"name: {spelling}\n" not in text:
            slipped[spelling] = text
        elif text is None:
            assert [d.rule for d in problems] == ["ASK012"]
    assert slipped == {}
