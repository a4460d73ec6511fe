"""The reader turns every malformed input into a diagnostic at its line."""

from __future__ import annotations

import pytest

from askoy2020.loading import problems as R
from askoy2020.loading.yaml_reader import ReadLimits, read_yaml


def _rules(data: bytes) -> list[tuple[str, int]]:
    return [(d.rule, d.line) for d in read_yaml(data, "f.yaml").diagnostics]


MALFORMED = [
        (b"id: A\nid: B\n", [(R.DUPLICATE_KEY.id, 2)]),
        (b"id: A\nitem:\n\tname: x\n", [(R.YAML_SYNTAX.id, 3)]),
        (b"id: A\n  name: x\n", [(R.YAML_SYNTAX.id, 2)]),
        (b"a:\n  b: 1\n c: 2\n", [(R.YAML_SYNTAX.id, 3)]),
        (b"id: A\nname: \xe6\xf8\n", [(R.ENCODING.id, 2)]),
        (b"id: A\nname: !custom x\n", [(R.UNSUPPORTED_YAML.id, 2)]),
        (b"id: A\nname: !!python/object/apply:os.system [ls]\n", [(R.UNSUPPORTED_YAML.id, 2)]),
        (b"a: *nowhere\n", [(R.YAML_SYNTAX.id, 1)]),
        (b"? [a, b]\n: c\n", [(R.YAML_SYNTAX.id, 1)]),
        (b"a: 1\n---\nb: 2\n", [(R.UNSUPPORTED_YAML.id, 2)]),
        (b"a: " + b"9" * 5000 + b"\n", [(R.UNSUPPORTED_YAML.id, 1)]),
        (b"x: \x07\n", [(R.ENCODING.id, 1)]),
        (b"a: " + b"[" * 5000 + b"]" * 5000 + b"\n", [(R.LIMIT_EXCEEDED.id, 1)]),
]


@pytest.mark.parametrize(("data", "expected"), MALFORMED)
def test_malformed_input_is_a_diagnostic_at_its_line(data: bytes, expected: list[tuple[str, int]]) -> None:
    assert _rules(data) == expected


def test_yaml_12_core_schema_keeps_norwegian_words_and_dates_as_text() -> None:
    doc = read_yaml(b"a: NO\nb: yes\nc: on\nd: 2020-02-30\ne: 0123\nf: true\ng: ~\nh: 1.50\n", "f.yaml").document
    assert doc is not None
    assert doc.value == {"a": "NO", "b": "yes", "c": "on", "d": "2020-02-30", "e": 123, "f": True, "g": None, "h": 1.5}
    assert doc.value["e"].raw == "0123"  # text fields take it back as typed
    assert doc.value["h"].raw == "1.50"


def test_every_value_and_key_has_its_position() -> None:
    doc = read_yaml(b"# c\nid: A\ngoals:\n  - id: G\n    targets: {2020: 5}\n", "f.yaml").document
    assert doc is not None
    assert doc.where(("id",)) == (2, 5)
    assert doc.where(("goals",)) == (3, 1)  # a block value is reported at its key
    assert doc.where(("goals", 0)) == (4, 5)
    assert doc.where(("goals", 0, "targets", 2020)) == (5, 21)
    assert doc.where(("goals", 0, "missing")) == (4, 5)  # the mapping that lacks it
    assert doc.where_key(("goals", 0, "targets")) == (5, 5)


def test_bom_and_crlf_are_accepted() -> None:
    result = read_yaml(b"\xef\xbb\xbfid: A\r\nname: \xc3\x98y\r\n", "f.yaml")
    assert result.diagnostics == []
    assert result.document is not None and result.document.value == {"id": "A", "name": "Øy"}


def test_empty_and_comment_only_files_have_no_value() -> None:
    for data in (b"", b"# nothing\n\n"):
        result = read_yaml(data, "f.yaml")
        assert result.diagnostics == [] and result.document is not None and result.document.value is None


def test_limits_are_diagnostics_not_memory_errors() -> None:
    bomb = b"a: &a [x, x, x, x, x, x, x, x, x, x]\n" + b"".join(
        f"{c}: &{c} [{', '.join(['*' + p] * 10)}]\n".encode() for p, c in zip("abcdefg", "bcdefgh"))
    assert _rules(bomb)[0][0] == R.LIMIT_EXCEEDED.id
    assert _rules(b"a: " + b"[" * 5000 + b"]" * 5000 + b"\n") == [(R.LIMIT_EXCEEDED.id, 1)]
    small = ReadLimits(max_file_bytes=10)
    assert [d.rule for d in read_yaml(b"id: ABCDEFGHIJK\n", "f.yaml", small).diagnostics] == [R.LIMIT_EXCEEDED.id]


def test_anchors_and_aliases_are_shared_values() -> None:
    doc = read_yaml(b"a: &x {2020: 1}\nb: *x\n", "f.yaml").document
    assert doc is not None and doc.value["a"] == doc.value["b"] == {2020: 1}


def test_a_ten_megabyte_line_reads_when_the_limit_allows_it() -> None:
    limits = ReadLimits(max_file_bytes=20_000_000)
    result = read_yaml(b"title: " + b"x" * 10_000_000 + b"\n", "f.yaml", limits)
    assert result.diagnostics == [] and result.document is not None
    assert len(result.document.value["title"]) == 10_000_000
