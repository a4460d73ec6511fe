"""The round-trip writer's layout: a file that is a list keeps its dashes at
the margin (where the editor's formatter and the record writer put them),
or indented where it had them, a nested list is indented under its key, and
nothing read changes."""

from __future__ import annotations

import io

import pytest

from askoy2020.loading.yaml_reader import read_yaml
from askoy2020.writing.round_trip import as_read, quote_invisible, round_trip_yaml
from askoy2020.writing.yaml_text import document


def _again(text: str) -> str:
    """Written again as fmt writes it (invisible characters as escapes)."""
    yaml = round_trip_yaml()
    tree = yaml.load(text)
    quote_invisible(tree)
    out = io.StringIO()
    yaml.dump(tree, out)
    return out.getvalue()


def _values(text: str) -> object:
    read = read_yaml(text.encode(), "x.yaml")
    assert read.document is not None, read.diagnostics
    return as_read(read.document.value)


MARGIN = (
    "# heading\n"
    "- {source: C, unit: 'U: 1', count: 1}\n"
    "# between\n"
    "- source: D\n"
    "  note: |\n"
    "    first\n"
    "\n"
    "      indented\n"
    "  tags:\n"
    "    - a\n"
    "    - b\n"
    "  text: \"line\\Lsep\"\n"
    "  count: 2  # end\n"
)
INDENTED = "".join("  " + line if line.strip() else line for line in MARGIN.splitlines(keepends=True))


@pytest.mark.parametrize("text", [MARGIN, INDENTED])
def test_a_list_file_keeps_its_dashes_where_they_were(text: str) -> None:
    """At the margin, as the editor's formatter writes a list file, or
    indented, as fmt once wrote it (import actuals must not re-lay it)."""
    assert _again(text) == text


@pytest.mark.parametrize("value", [
    [{"source": "C", "count": 1}, {"source": "D", "tags": ["a", "b"]}],
    {"id": "A", "milestones": [{"name": "M", "date": "2020-01-01"}]},
])
def test_the_record_writer_and_the_round_trip_writer_agree(value: object) -> None:
    text = document(value)
    assert _again(text) == text


@pytest.mark.parametrize("text", [
    MARGIN, INDENTED, MARGIN.replace("count: 2  # end", "count: 2   # end"),
    "- a: 1  # one\n  b: 2   # two\n# between\n- c: 3 # three\n",
    "  - a: 1  # one\n    b: 2   # two\n  # between\n  - c: 3 # three\n",
    "- a: 1\n  # inside\n  b: 2\n- x # s\n- [1, 2]  # flow\n",
    "    - a: 1 # deep\n      # under\n",
    "# only a heading\n- {source: C, count: 1}\n",
])
def test_writing_a_list_file_twice_changes_nothing_more(text: str) -> None:
    """fmt then fmt --check: the second writing is the first. A comment
    after a value keeps its place on the line, and one on a line of its
    own its place under the data."""
    once = _again(text)
    assert _again(once) == once
    assert _values(once) == _values(text)
    assert [line[line.index("#"):] for line in once.split("\n") if "#" in line] == \
        [line[line.index("#"):] for line in text.split("\n") if "#" in line]


def test_a_list_file_at_the_margin_keeps_its_comments_in_place() -> None:
    text = "# heading\n- a: 1  # one\n  # inside\n  b: 2   # two\n# between\n- c: 3 # three\n"
    assert _again(text) == text


def test_a_list_made_here_is_written_at_the_margin() -> None:
    yaml = round_trip_yaml()
    out = io.StringIO()
    yaml.dump([{"source": "C", "tags": ["a"]}], out)
    assert out.getvalue() == "- source: C\n  tags:\n    - a\n"
