"""The views of a list of diagnostics keep what CI systems parse intact."""

from __future__ import annotations

import json
import os
from datetime import date
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from askoy2020 import Diagnostic, Location, Severity
from askoy2020.commands.paths import RepositoryPaths
from askoy2020.commands.reporters import github, gitlab
from askoy2020.commands.safe_text import visible
from askoy2020.rules import REGISTRY
from helpers import examples


def test_github_escapes_newlines_and_percent() -> None:
    out = StringIO()
    github([Diagnostic(Location("a,b.yaml", 2, 3), "ASK001", Severity.ERROR, "100%\nnext", "")], 1, date.today(), out)
    assert out.getvalue().splitlines()[0] == ("::error file=a%2Cb.yaml,line=2,col=3,title=ASK001 yaml-syntax::"
                                              "100%25%0Anext")


def _two() -> list[Diagnostic]:
    from askoy2020.core.diagnostics import Say

    where = Location("data/a.yaml", 4, 2)
    return [Diagnostic.said(where, "ASK803", Severity.WARNING, Say("Q-1 is overdue", "Q-1 har passert fristen"),
                            Say("Close it.", "Lukk saken."), (Location("data/b.yaml", 1, 1),)),
            Diagnostic.said(where, "ASK801", Severity.ERROR, Say("Q-1 is reported early", "Q-1 er meldt for tidlig"),
                            Say("Correct it.", "Rett det."))]


def test_the_text_view_in_bokmal_says_severity_see_and_the_summary_in_bokmal() -> None:
    from askoy2020.commands.choices import Language
    from askoy2020.commands.reporters import summary_line, text

    out = StringIO()
    text(_two(), 1, date.today(), out, Language.NB)
    shown = out.getvalue()
    assert "advarsel" in shown and "feil" in shown and "Q-1 har passert fristen" in shown and "→ Lukk saken." in shown
    assert "  se data/b.yaml:1:1" in shown and "see" not in shown and "overdue" not in shown
    assert shown.splitlines()[-1] == "1 feil, 1 advarsel i 1 fil (1 fil kontrollert)"
    assert summary_line([], 317, Language.NB) == "0 feil, 0 advarsler i 0 filer (317 filer kontrollert)"
    english = StringIO()
    text(_two(), 1, date.today(), english)
    assert english.getvalue().splitlines()[-1] == "1 error, 1 warning in 1 file (1 files checked)"


# -- GitHub: what the runner reads back --------------------------------------
#
# A port of the GitHub Actions runner's parser of workflow commands
# (actions/runner, src/Runner.Common/ActionCommand.cs: TryParseV2,
# UnescapeProperty, UnescapeData): the line is trimmed at the start and must
# begin with "::"; the first "::" after it ends the command; the command's
# name ends at the first space; properties are split at every "," and each at
# its first "=" (empty parts dropped, a property without a value ignored);
# then each escape is replaced everywhere, one after the other, "%25" last.

_PROPERTY_ESCAPES = (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%"))
_DATA_ESCAPES = (("%0D", "\r"), ("%0A", "\n"), ("%25", "%"))


def _unescape(value: str, escapes: tuple[tuple[str, str], ...]) -> str:
    for replacement, token in escapes:
        value = value.replace(replacement, token)
    return value


def runner_parse(line: str) -> tuple[str, dict[str, str], str] | None:
    message = line.lstrip()
    if not message.startswith("::"):
        return None
    end = message.find("::", 2)
    if end < 0:
        return None
    info = message[2:end]
    space = info.find(" ")
    name = info if space < 0 else info[:space]
    if name not in ("error", "warning", "notice"):
        return None
    properties: dict[str, str] = {}
    if space > 0:
        for part in info[space + 1:].strip().split(","):
            pair = [p for p in part.split("=", 1) if p]
            if len(pair) == 2:
                properties[pair[0].lower()] = _unescape(pair[1], _PROPERTY_ESCAPES)
    return name, properties, _unescape(message[end + 2:], _DATA_ESCAPES)


def test_the_runner_parser_port_reads_the_documented_example() -> None:
    """docs.github.com, "Workflow commands": the example of an error annotation."""
    assert runner_parse("::error file=app.js,line=1,col=5,endColumn=7,title=Error title::Missing semicolon") == (
        "error", {"file": "app.js", "line": "1", "col": "5", "endcolumn": "7", "title": "Error title"},
        "Missing semicolon")


_TEXT = st.text(st.characters(codec="utf-8"), max_size=30)
_RULES = sorted(REGISTRY)


@settings(max_examples=examples(300), deadline=None)
@given(name=_TEXT.filter(lambda t: "/" not in t and "\x00" not in t), message=_TEXT, hint=_TEXT,
       rule=st.sampled_from(_RULES), error=st.booleans(), line=st.integers(1, 10**6), column=st.integers(1, 999))
def test_every_annotation_reads_back_as_written(name: str, message: str, hint: str, rule: str, error: bool,
                                                 line: int, column: int) -> None:
    """Whatever a file name, a message or a hint holds (",", ":", "%", "::",
    "%0A", line breaks, controls), the runner reads one annotation per
    problem with the file, line, column, title and text as we show them."""
    file = f"data/{name}.yaml"
    d = Diagnostic(Location(file, line, column), rule, Severity.ERROR if error else Severity.WARNING, message, hint)
    out = StringIO()
    github([d], 1, date.today(), out)
    lines = out.getvalue().split("\n")
    assert len(lines) == 3 and lines[2] == ""  # the annotation, the summary, the end: no line break got through
    assert all(len(line.splitlines()) <= 1 for line in lines)  # nor a CR, a NEL or a U+2028 that ends a line
    parsed = runner_parse(lines[0])
    assert parsed is not None
    level, properties, text = parsed
    assert level == ("error" if error else "warning")
    # A line break in a file name reaches GitHub as itself (%0A), so the
    # annotation attaches to the file; other controls stay escaped for view.
    assert properties == {"file": visible(RepositoryPaths()(file), keep="\r\n"), "line": str(line), "col": str(column),
                          "title": f"{rule} {REGISTRY[rule].name}"}
    said, told = d.text("en")
    assert text == visible(said + (f" – {told}" if told else ""), keep="\n")
    assert runner_parse(lines[1]) is None  # the summary is no command


def test_a_line_break_in_a_file_name_reaches_the_runner_as_itself() -> None:
    out = StringIO()
    github([Diagnostic(Location("data/L\n1.yaml", 2, 3), "ASK101", Severity.ERROR, "m")], 1, date.today(), out)
    parsed = runner_parse(out.getvalue().splitlines()[0])
    assert parsed is not None and parsed[1]["file"] == "data/L\n1.yaml"


def test_an_unknown_rule_id_is_its_own_title() -> None:
    out = StringIO()
    github([Diagnostic(Location("a.yaml"), "X1", Severity.WARNING, "m")], 1, date.today(), out)
    assert runner_parse(out.getvalue().splitlines()[0]) == (
        "warning", {"file": "a.yaml", "line": "1", "col": "1", "title": "X1"}, "m")


# -- GitLab: the Code Quality report format -------------------------------------

# GitLab's documented Code Quality report format (docs.gitlab.com, "Code
# Quality" → "Code Quality report format"): a JSON array of objects, each
# with these required fields; severity one of GitLab's five; the path
# relative, without "./"; the fingerprint unique in the report ("Code Quality reports with duplicate fingerprints"
# show one of them). No machine schema is published for it (check-jsonschema
# vendors GitLab's CI schema, not this one).
GITLAB_CODE_QUALITY_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "type": {"const": "issue"},
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "categories": {"type": "array", "items": {"type": "string"}},
            "location": {
                "type": "object", "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "minLength": 1, "not": {"pattern": "^\\.?/"}},
                    "lines": {"type": "object", "required": ["begin"],
                              "properties": {"begin": {"type": "integer", "minimum": 1}}},
                },
            },
        },
    },
}


def gitlab_report(diagnostics: list[Diagnostic]) -> list[dict[str, Any]]:
    import jsonschema

    out = StringIO()
    gitlab(diagnostics, 1, date.today(), out)
    issues: list[dict[str, Any]] = json.loads(out.getvalue())
    jsonschema.validate(issues, GITLAB_CODE_QUALITY_SCHEMA)
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    return issues


PROJECT = """id: DK-07
name: Prosjekt
scores:
  value: 9
  risk: 2
actions:
  - text: a
  - text: b
goals:
  - id: M-1
    target: 3
  - id: M-2
    target: 4
"""


def _at(file: Path, line: int, column: int, rule: str = "ASK101", message: str = "m") -> Diagnostic:
    return Diagnostic(Location(file.as_posix(), line, column), rule, Severity.ERROR, message)


def test_fingerprints_name_the_record_and_key_not_the_line_or_the_words(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    file = Path("DK-07.yaml")
    file.write_text(PROJECT, encoding="utf-8")
    places = [(4, 10), (7, 11), (11, 13), (13, 13), (2, 7)]  # scores.value, actions[1], goals M-1 and M-2, name
    before = [i["fingerprint"] for i in gitlab_report([_at(file, *p, message="overdue by 3 days") for p in places])]
    file.write_text("# a comment\n\n" + PROJECT.replace("name: Prosjekt\n", "name: Prosjekt\n# why\n"),
                    encoding="utf-8")
    moved = [(line + (2 if line < 3 else 3), column) for line, column in places]
    after = [i["fingerprint"] for i in gitlab_report([_at(file, *p, message="overdue by 4 days") for p in moved])]
    assert after == before
    assert gitlab_report([_at(file, *moved[0], rule="ASK102")])[0]["fingerprint"] != before[0]  # another rule
    # A goal is named by its id: one added above it keeps M-2's fingerprint; a plain list item is named by place.
    file.write_text(PROJECT.replace("goals:\n", "goals:\n  - id: M-0\n    target: 1\n"), encoding="utf-8")
    assert gitlab_report([_at(file, 15, 13)])[0]["fingerprint"] == before[3]


def test_problems_alike_in_all_but_the_words_are_counted_apart(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    file = Path("DK-07.yaml")
    file.write_text(PROJECT, encoding="utf-8")
    alike = [_at(file, 4, 10, message=f"problem {n}") for n in range(3)] + [_at(file, 4, 10)] * 2
    prints = [i["fingerprint"] for i in gitlab_report(alike)]
    assert len(set(prints)) == 5
    # Inside a text, or a file that cannot be read (removed, or its name masked): still unique.
    assert len({i["fingerprint"] for i in gitlab_report([_at(file, 2, 9), _at(file, 2, 9), _at(file, 99, 1)])}) == 3
    gone = [_at(Path("gone.yaml"), n, 1) for n in (1, 1, 5)] + [Diagnostic(Location("<option>"), "ASK401",
                                                                                Severity.ERROR, "m")]
    assert len(gitlab_report(gone)) == 4


def test_a_fingerprint_cannot_be_searched_for_an_identity_number(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A record id or key holding an identity number is masked before it is
    hashed: two numbers give the same fingerprint, so none can be found by
    hashing every candidate."""
    from model_strategies import identity_number

    monkeypatch.chdir(tmp_path)
    prints = []
    for seed in (1, 2):
        file = Path("leader.yaml")
        file.write_text(f"id: L-{identity_number(seed)}\nname: x\n", encoding="utf-8")
        prints.append(gitlab_report([_at(file, 2, 7)])[0]["fingerprint"])
    assert prints[0] == prints[1]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_or_a_link_is_never_read_for_a_fingerprint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The loader reports a named pipe and a link out of the data folder
    without opening them; so does the fingerprint (a pipe would hang it, a
    link to /dev/zero fill the memory)."""
    import threading

    monkeypatch.chdir(tmp_path)
    os.mkfifo("pipe.yaml")
    os.symlink("/dev/zero", "zero.yaml")
    Path("big.yaml").write_text("id: X\n" + "# padding\n" * 100, encoding="utf-8")
    monkeypatch.setenv("ASKOY2020_MAX_FILE_BYTES", "200")
    found: list[list[dict[str, Any]]] = []
    worker = threading.Thread(target=lambda: found.append(gitlab_report(
        [_at(Path(name), 1, 1) for name in ("pipe.yaml", "zero.yaml", "big.yaml")])), daemon=True)
    worker.start()
    worker.join(timeout=20)
    assert found and len(found[0]) == 3
