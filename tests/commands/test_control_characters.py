"""No control or invisible character from the data reaches a terminal, a CI
log or an XML parser raw: every character of the table below, placed in a
file name, a YAML key (ASK101 quotes it) and a text value, goes through every
``validate --format``, ``fmt --check`` and ``prioritise``'s text output, and comes out
as a visible escape (or, in JSON, as a ``\\uXXXX`` escape that reads back the
same)."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from typer.testing import CliRunner

from askoy2020.cli.app import app
from helpers import BASE

runner = CliRunner()

CONTROLS = (
    [chr(c) for c in range(0x00, 0x20)]  # C0, tab, line feed and carriage return included
    + ["\x7f"]  # DEL
    + [chr(c) for c in range(0x80, 0xA0)]  # C1, with NEL (U+0085) and CSI (U+009B)
    + [chr(c) for c in range(0x202A, 0x202F)]  # bidi embeddings and overrides
    + [chr(c) for c in range(0x2066, 0x206A)]  # bidi isolates
    + ["\u2028", "\u2029"]  # line and paragraph separators
    + ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufeff"]  # zero-width
)
FORMATS = ["text", "json", "github", "gitlab", "junit"]
SGR = re.compile(r"\x1b\[[0-9;]*m")  # the colours our own text view writes


def _name(char: str) -> str:
    return f"U+{ord(char):04X}"


def _yaml_escape(char: str) -> str:
    return f"\\u{ord(char):04x}"


def _tree(target: Path, char: str | None, file_char: bytes) -> Path:
    """The base portfolio plus a project file whose name holds ``file_char``
    and whose YAML holds ``char`` in an unknown key and in the name."""
    shutil.copytree(BASE, target)
    projects = os.fsencode(target / "programmes" / "dk" / "projects")
    esc = _yaml_escape(char) if char else "x"
    body = (f'id: DK-03\nname: "Navn{esc}x"\n"nøkkel{esc}x": 1\narea: DK\nmanager: Prosjektleder\n'
            "status: active\nplanned: {start: 2020-01-01, end: 2020-12-31}\n")
    path = os.path.join(projects, b"DK-03" + file_char + b".yaml")
    with open(path, "wb") as handle:
        handle.write(body.encode())
    return target


def _raw_controls(text: str) -> list[str]:
    return sorted({_name(c) for c in text if c in CONTROL_SET and c != "\n"})


CONTROL_SET = frozenset(CONTROLS) | {chr(c) for c in range(0xD800, 0xE000)}


def _validate(data: Path, fmt: str, env: dict[str, str] | None = None) -> str:
    result = runner.invoke(app, ["validate", str(data), "--as-of", "2020-10-31", "--no-cache", "--format", fmt],
                           env=env)
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), (fmt, result.output, result.exception)
    assert not result.stderr, result.stderr
    return result.stdout


def _check_every_view(data: Path, key_char: str | None) -> None:
    for fmt in FORMATS:
        out = _validate(data, fmt)
        assert not _raw_controls(out), (fmt, _raw_controls(out))
        if fmt in ("json", "gitlab"):  # lossless: a JSON reader gets the key as written
            document = json.loads(out)
            messages = [d["message"] for d in document["diagnostics"]] if fmt == "json" else \
                [i["description"] for i in document]
            if key_char is not None:
                assert any(f"nøkkel{key_char}x" in m for m in messages), messages
        if fmt == "junit":
            root = ET.fromstring(out.encode())
            assert root.tag == "testsuites" and root.find("testsuite/testcase/failure") is not None
        assert "nøkkel" in out, (fmt, out)  # the key is there, shown
    coloured = _validate(data, "text", env={"FORCE_COLOR": "1", "TERM": "xterm-256color", "NO_COLOR": ""})
    assert SGR.search(coloured), "the colour view was not exercised"
    assert not _raw_controls(SGR.sub("", coloured)), _raw_controls(SGR.sub("", coloured))


@pytest.mark.parametrize("char", CONTROLS, ids=_name)
def test_no_view_of_validate_or_fmt_writes_a_control_character_raw(char: str, tmp_path: Path) -> None:
    file_char = b"" if char == "\x00" else char.encode("utf-8")
    data = _tree(tmp_path / "data", char, file_char)
    _check_every_view(data, char)
    result = runner.invoke(app, ["fmt", str(data), "--check"])  # names the file it would reformat
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "DK-03" in result.output
    for stream in (result.stdout, result.stderr):
        assert not _raw_controls(stream), _raw_controls(stream)


def test_a_file_name_that_is_not_utf8_is_shown_not_a_crash(tmp_path: Path) -> None:
    """Undecodable bytes become lone surrogates, which no UTF-8 stream can write."""
    _check_every_view(_tree(tmp_path / "data", None, b"\xff\xfe"), None)


@pytest.mark.parametrize("char", CONTROLS, ids=_name)
def test_prioritise_text_writes_no_control_character_raw(char: str, tmp_path: Path) -> None:
    # a project name holding the character: a plan row if the model takes it, a load error if not
    named = shutil.copytree(BASE, tmp_path / "named")
    project = named / "programmes" / "dk" / "projects" / "DK-02.yaml"
    project.write_text(project.read_text().replace("name: Chatbot", f'name: "Chat{_yaml_escape(char)}bot"'))
    # and a broken project file: the load errors are listed on stderr
    broken = _tree(tmp_path / "broken", char, b"" if char == "\x00" else char.encode("utf-8"))
    for data in (named, broken):
        result = runner.invoke(app, ["prioritise", str(data), "--as-of", "2020-10-31"])
        assert result.exit_code in (0, 1), (result.output, result.exception)
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
        for stream in (result.stdout, result.stderr):
            assert not _raw_controls(stream), (data.name, _raw_controls(stream))
    assert "Chat" in runner.invoke(app, ["prioritise", str(named), "--as-of", "2020-10-31"]).output
