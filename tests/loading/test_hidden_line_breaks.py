"""U+2028, U+2029 and U+0085 are line breaks to YAML and invisible to
grep, git diff and editors: a file holding one is ASK014 and not read, so
text after one inside a comment can never become data (docs/robustness.md)."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from askoy2020.cli.app import app
from askoy2020.loading.yaml_reader import read_yaml
from helpers import BASE, build_case

HIDDEN = ["\u2028", "\u2029", "\x85"]
EDITOR_BREAKS = ["\n", "\r\n", "\r"]  # controls: ordinary line breaks, always fine

# Where the character sits in a line: {c} is the character. The text after
# it ("benefits: 9000") must never be read as a key.
PLACES = {
    "comment": "# note{c}benefits: 9000",
    "plain scalar": "name: Chat{c}benefits: 9000",
    "double-quoted": 'name: "Chat{c}benefits: 9000"',
    "single-quoted": "name: 'Chat{c}benefits: 9000'",
    "key": "na{c}me: x",
    "end of line": "name: Chat{c}",
    "start of line": "{c}name: Chat",
}
LINES = ["id: DK-09", "area: DK", "status: active"]


def _file(place: str, char: str, at: int, newline: str) -> tuple[str, int, int]:
    """A file with the place's line at line ``at`` (0-based), and the line
    and column an editor shows for the character."""
    special = PLACES[place].format(c=char)
    lines = LINES[:at] + [special] + LINES[at:]
    return newline.join(lines) + newline, at + 1, special.index(char) + 1


CASES = list(itertools.product(PLACES, HIDDEN, range(len(LINES) + 1), EDITOR_BREAKS))


@pytest.mark.parametrize("parser", ["auto", "libyaml", "ruamel"])
@pytest.mark.parametrize(("place", "char", "at", "newline"), CASES)
def test_a_hidden_line_break_is_ask014_at_the_editor_position_and_nothing_is_read(
    place: str, char: str, at: int, newline: str, parser: str
) -> None:
    text, line, column = _file(place, char, at, newline)
    result = read_yaml(text.encode("utf-8"), "f.yaml", parser=parser)
    assert [(d.rule, d.line, d.column) for d in result.diagnostics] == [("ASK014", line, column)]
    assert result.document is None  # "benefits" or anything else is never data


@pytest.mark.parametrize("newline", EDITOR_BREAKS)
@pytest.mark.parametrize("char", HIDDEN)
def test_the_escape_of_a_hidden_break_is_visible_and_reads(char: str, newline: str) -> None:
    text = newline.join(["id: DK-09", f'name: "Chat\\u{ord(char):04x}x"', "# note"]) + newline
    result = read_yaml(text.encode("utf-8"), "f.yaml")
    assert result.diagnostics == []
    assert result.document is not None and result.document.value == {"id": "DK-09", "name": f"Chat{char}x"}


def test_every_hidden_break_in_a_file_is_reported_each_on_its_own_line() -> None:
    text = "id: A\n# a\u2028b: 1\nname: x\x85y\r\nstatus: \u2029\n"
    result = read_yaml(text.encode("utf-8"), "f.yaml")
    assert [(d.rule, d.line, d.column) for d in result.diagnostics] == [
        ("ASK014", 2, 4), ("ASK014", 3, 8), ("ASK014", 4, 9),
    ]


@pytest.mark.parametrize("char", HIDDEN)
def test_validate_reports_it_and_never_reads_the_hidden_value(tmp_path: Path, char: str) -> None:
    data = build_case(BASE.parent / "ASK014" / "pass-escape-in-quotes", tmp_path / "data")
    project = data / "programmes" / "dk" / "projects" / "DK-02.yaml"
    text = project.read_text(encoding="utf-8").replace(
        "status: active\n", f"status: active\n# Merknad{char}benefits: {{2021: 9000}}\n"
    )
    project.write_bytes(text.encode("utf-8"))
    result = CliRunner().invoke(app, ["validate", str(data), "--as-of", "2020-10-31", "--format", "json"])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    found = json.loads(result.stdout)["diagnostics"]
    in_file = [(d["rule"], d["line"]) for d in found if d["file"].endswith("DK-02.yaml")]
    assert in_file == [("ASK014", 6)]  # and no ASK101 for "benefits"
