"""The writer for generated files reads back as what it was given."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML
from ruamel.yaml.comments import TaggedScalar

from askoy2020.loading.yaml_reader import read_yaml
from askoy2020.writing.round_trip import round_trip_yaml
from askoy2020.writing.yaml_text import document, is_invisible


@pytest.mark.parametrize("value", [
    {"accounting": [{}]},  # an empty record in a list once raised IndexError (found by tests/test_fuzz_typed.py)
    {"a": [{}, {"b": 1}, {}], "c": [], "d": {}},
])
def test_empty_records_and_lists_read_back(value: dict[str, object]) -> None:
    assert YAML(typ="safe", pure=True).load(document(value)) == value


# Text as people paste it: every kind of character, with YAML's own
# indicators, quotes, line breaks and the invisible ones over-represented.
_YAML_HARD = list("-?:,[]{}#&*!|>'\"%@`=~ \t\n\r\\") + ["\x85", "\u2028", "\u2029", "\ufeff", "\u200b", "\x00",
                                                        "\x1b", "\x7f", "\x9f", "\ufffe", "\uffff", "\U0001f600"]
_TEXTS = st.text(
    st.one_of(st.sampled_from(_YAML_HARD), st.characters(exclude_categories=["Cs"])), max_size=12,
) | st.sampled_from(["", " ", "null", "~", "true", "no", "0123", "2.10", "1e3", ".inf", "2020-10-21", "- x", "a: b",
                     "a #b", "=", "a:?b", "x:y", "<<", "---", "...", "%YAML", "'", '"', "\\", "x\ry", "a\u2028b", "x\x85y"])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS)
def test_every_string_reads_back_identical_through_every_reader(text: str) -> None:
    """Whatever a text holds, the file written with it reads back as the
    same text through each of the tool's readers (the fast path, libyaml's
    and ruamel's event streams) and ruamel's round-trip reader that fmt
    uses – as a value, a key, in a list and in a flow map."""
    key = text if text not in ("", "<<") else "k"  # the reader refuses a key "<<" however it is quoted, on purpose
    value = {"title": text, "tags": [text, "x"], "by_year": {"a": text}, key: "v"}
    written = document(value)
    for parser in ("auto", "libyaml", "ruamel"):
        read = read_yaml(written.encode("utf-8"), "f.yaml", parser=parser)
        assert not [d for d in read.diagnostics if d.is_error], (parser, written)
        assert read.document is not None and read.document.value == value, (parser, written)
    assert _plain(round_trip_yaml().load(written)) == value, written


def test_written_files_hold_no_invisible_character() -> None:
    """The characters YAML forbids or no reviewer can see are escapes in
    the file, never the characters themselves."""
    text = "a\rb\u2028c\x85d\x00e\ufffff\u200bg\th"
    written = document({"title": text})
    assert all(not is_invisible(c) for c in written), written
    assert "\\r" in written and "\\u2028" in written and "\\x85" in written.lower() and "\\uFFFF" in written


def _plain(node: object) -> object:
    """ruamel's round-trip values as plain Python (its TaggedScalar for a
    plain ``=`` is the one value it reads as YAML 1.1's value tag)."""
    if isinstance(node, dict):
        return {_plain(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    if isinstance(node, TaggedScalar):
        return node.value
    return str(node) if isinstance(node, str) else node
