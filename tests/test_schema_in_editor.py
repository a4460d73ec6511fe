"""The schemas and settings as the editor uses them: the Red Hat YAML
language server (the server in VS Code's YAML extension, pinned in
tools/lsp/package.json) driven over stdio with the workspace's
.vscode/settings.json, as VS Code drives it.

- every sample file: no diagnostic;
- broken copies: the expected diagnostic, on the line of the mistake;
- the dates, times, ids and year keys of tests/model/test_schema_patterns.py:
  flagged by the editor exactly when validate refuses them (JavaScript's
  regex this time);
- "Format Document": no sample file and no file ``fmt`` lays out is changed,
  so the editor and ``fmt --check`` agree.

Needs node and ``npm ci --prefix tools/lsp``; skipped without them unless
ASKOY2020_REQUIRE_LSP=1 (CI), which makes a missing server a failure.
"""

from __future__ import annotations

import itertools
import json
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from askoy2020.fmt import format_folder
from askoy2020.loading.discover import discover
from askoy2020.loading.yaml_reader import read_yaml
from askoy2020.model.project import Project
from askoy2020.scaffold import init_repository
from askoy2020.schema import editor_settings
from askoy2020.writing.yaml_text import document
from lsp_client import LanguageServer, apply_edits, server_command
from schema_cases import EDGE_CASES

ROOT = Path(__file__).parent.parent
DATA = ROOT / "data"

# CI sets ASKOY2020_REQUIRE_LSP so a missing language server fails there instead of skipping.
_COMMAND = server_command()
pytestmark = pytest.mark.skipif(_COMMAND is None and not os.environ.get("ASKOY2020_REQUIRE_LSP"),
                                reason="needs node and the YAML language server: npm ci --prefix tools/lsp")


class Editor:
    """One language server on the repository, as VS Code would open it."""

    def __init__(self, server: LanguageServer) -> None:
        self.server = server
        self._names = itertools.count(1)

    def open_text(self, folder: str, text: str) -> str:
        """Open unsaved text as a file in ``folder`` (below data/), where the
        settings' globs pick its schema."""
        path = DATA / folder / f"zz-editor-test-{next(self._names)}.yaml"
        return self.server.open(path, text)

    def diagnostics(self, uris: list[str]) -> dict[str, list[dict[str, Any]]]:
        return self.server.diagnostics_of(uris)


@pytest.fixture(scope="module")
def editor() -> Iterator[Editor]:
    assert _COMMAND is not None, "ASKOY2020_REQUIRE_LSP is set: install node and run npm ci --prefix tools/lsp"
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings == editor_settings()  # the file VS Code reads is the one the code writes
    server = LanguageServer(_COMMAND, ROOT, settings)
    try:
        server.start()
        yield Editor(server)
    finally:
        server.stop()


def _messages(found: list[dict[str, Any]]) -> list[tuple[int, str]]:
    return [(d["range"]["start"]["line"] + 1, d["message"]) for d in found]


def test_every_sample_file_has_no_diagnostic(editor: Editor) -> None:
    started = time.monotonic()
    files = list(discover(DATA))
    uris = {editor.server.open(path): path for path in files}
    found = editor.diagnostics(list(uris))
    problems = {str(uris[uri].relative_to(ROOT)): _messages(d) for uri, d in found.items() if d}
    assert len(files) > 300
    assert problems == {}
    assert time.monotonic() - started < 60


PROJECT = (DATA / "programmes" / "dk" / "projects" / "DK-05.yaml").read_text(encoding="utf-8")
BREACH = (DATA / "quality" / "2019" / "Q-2019-050.yaml").read_text(encoding="utf-8")


def _replace(text: str, old: str, new: str) -> tuple[str, int]:
    """The text with one line changed, and that line's number (1-based)."""
    lines = text.split("\n")
    number = next(i for i, line in enumerate(lines) if line.startswith(old))
    lines[number] = new
    return "\n".join(lines), number + 1


BROKEN = {
    # name: (folder, text, line, words of the message)
    "unknown key": ("programmes/dk/projects", PROJECT + "budjet: 5\n", PROJECT.count("\n") + 1, "budjet"),
    "wrong type": ("programmes/dk/projects", *_replace(PROJECT, "area:", "area: [DK]"), 'Expected "string"'),
    "bad date": ("quality/2019", *_replace(BREACH, "occurred:", "occurred: 2019-02-29"), "A date as YYYY-MM-DD"),
    "date as a time": ("quality/2019", *_replace(BREACH, "occurred:", "occurred: 2019-07-26T10:00"),
                       "A date as YYYY-MM-DD"),
    "bad time": ("quality/2019", *_replace(BREACH, "  became_aware:", "  became_aware: 2019-07-31T25:00"),
                 "A time as YYYY-MM-DDTHH:MM"),
    "bad id": ("programmes/dk/projects", *_replace(PROJECT, "id:", "id: DK 05"), "An id:"),
    "bad year": ("programmes/dk/projects", *_replace(PROJECT, "cost:", "cost: {20211: 4300}"), "2100"),
    "year as text": ("programmes/dk/projects", *_replace(PROJECT, "cost:", "cost: {'21': 4300}"), "A year"),
    "unknown status": ("programmes/dk/projects", *_replace(PROJECT, "status:", "status: done"), "planned"),
    "negative money": ("programmes/dk/projects", *_replace(PROJECT, "cost:", "cost: {2021: -5}"), "minimum"),
}


def test_broken_copies_get_the_expected_diagnostic_on_their_line(editor: Editor) -> None:
    uris = {name: editor.open_text(folder, text) for name, (folder, text, _, _) in BROKEN.items()}
    found = editor.diagnostics(list(uris.values()))
    for name, (_, _, line, words) in BROKEN.items():
        messages = _messages(found[uris[name]])
        assert len(messages) == 1 and messages[0][0] == line and words in messages[0][1], (name, line, messages)


def _edge_text(kind: str, text: str) -> tuple[str, str, int]:
    """A sample record holding ``text`` where a value of ``kind`` goes
    (written as a JSON string, which YAML reads as the same text)."""
    quoted = json.dumps(text)
    if kind == "day":
        return "quality/2019", *_replace(BREACH, "occurred:", f"occurred: {quoted}")
    if kind == "moment":
        return "quality/2019", *_replace(BREACH, "  became_aware:", f"  became_aware: {quoted}")
    if kind == "id":
        return "programmes/dk/projects", *_replace(PROJECT, "area:", f"area: {quoted}")
    if kind == "year":
        return "programmes/dk/projects", *_replace(PROJECT, "cost:", f"cost: {{{quoted}: 4300}}")
    if kind == "text":
        return "programmes/dk/projects", *_replace(PROJECT, "name:", f"name: {quoted}")
    if kind == "kostra":
        return "programmes/dk/projects", PROJECT + f"kostra_functions: [{quoted}]\n", PROJECT.count("\n") + 1
    assert kind == "month"
    return "quality-counts", f"- {{source: C, unit: U, kind: deviation, month: {quoted}, count: 1}}\n", 1


def test_the_editor_flags_exactly_what_validate_refuses(editor: Editor) -> None:
    opened = []
    for kind, text, accepted in EDGE_CASES:
        folder, record, line = _edge_text(kind, text)
        opened.append((kind, text, accepted, line, editor.open_text(folder, record)))
    found = editor.diagnostics([uri for *_, uri in opened])
    wrong = []
    for kind, text, accepted, line, uri in opened:
        lines = {number for number, _ in _messages(found[uri])}
        if lines - {line} or (line in lines) is accepted:
            wrong.append((kind, text, accepted, _messages(found[uri])))
    assert wrong == []


def test_format_document_changes_no_sample_file(editor: Editor) -> None:
    files = list(discover(DATA))
    uris = [editor.server.open(path) for path in files]
    changed = []
    for path, edits in zip(files, editor.server.format_all(uris), strict=True):
        text = path.read_text(encoding="utf-8")
        if apply_edits(text, edits) != text:
            changed.append(str(path.relative_to(ROOT)))
    assert len(files) > 300
    assert changed == []


def test_without_the_settings_the_formatter_would_fight_fmt(editor: Editor) -> None:
    """The check above is not empty: with the extension's own defaults the
    same server rewrites a sample file ({start: …} gets inner spaces)."""
    ours = editor.server.settings
    flat = {key: value for key, value in editor_settings().items() if not key.startswith("yaml.format.")}
    editor.server.settings = LanguageServer.settings_for(flat)
    try:
        path = DATA / "programmes" / "dk" / "projects" / "DK-05.yaml"
        text = path.read_text(encoding="utf-8")
        uri = editor.open_text("programmes/dk/projects", text)
        assert "planned: { start: 2021-03-01, end: 2021-12-31 }" in apply_edits(text, editor.server.format(uri))
    finally:
        editor.server.settings = ours


# Text that needs quotes, or looks as if it might, and a long flow mapping:
# where fmt and the editor's formatter could choose differently. ("?q" and
# a tab are left out: fmt itself leaves such a file as it is, with a
# diagnostic: a matter for fmt, not for the editor's settings.)
AWKWARD = ["Don't stop", "'quoted'", '"double"', "a: b", "#hash", "x #not a comment", "- dash", "yes", "no", "123",
           "2020-01-01", "@at", "`tick", "%pct", "a'b\"c", " leading", "trailing ", "null", "~", "[x]", "{x}",
           "*star", "&amp", "!bang", "|pipe", ">fold", ",comma", "a\\b", "ÆØÅ æøå", "1e3",
           "0x1F", ".5", "+1", "it's \"both\"", "line\u2028sep", "zero\u200bwidth", "x" * 300]


def test_format_document_leaves_what_fmt_wrote(editor: Editor, tmp_path: Path) -> None:
    """Records written by askoy2020 and laid out by fmt: the editor's
    formatter (with the settings) changes none of them."""
    folder = tmp_path / "quality" / "2020"
    folder.mkdir(parents=True)
    for number, title in enumerate(AWKWARD, start=1):
        record: dict[str, Any] = {
            "id": f"Q-2020-{number:03d}", "kind": "improvement_proposal", "title": title, "unit": title,
            "occurred": "2020-01-15", "reported": "2020-01-15", "status": "registered", "responsible": "Enhetsleder",
            "actions": [{"text": title, "owner": "Enhetsleder", "effect": {"indicator": title, "before": 1, "after": 2}}],
        }
        (folder / f"Q-2020-{number:03d}.yaml").write_text(document(record), encoding="utf-8")
    counts = tmp_path / "quality-counts" / "kvalitetssystem-2020.yaml"
    counts.parent.mkdir()
    counts.write_text(document([{"source": "Kvalitetssystem", "unit": title, "kind": "deviation", "month": "2020-01",
                                 "count": 1} for title in AWKWARD[:10]]), encoding="utf-8")
    result = format_folder(tmp_path)
    assert result.diagnostics == []
    files = sorted(tmp_path.rglob("*.yaml"))
    changed = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        uri = editor.open_text(str(path.parent.relative_to(tmp_path)), text)
        formatted = apply_edits(text, editor.server.format(uri))
        if formatted != text:
            changed.append((path.name, [(a, b) for a, b in zip(text.split("\n"), formatted.split("\n")) if a != b][:3]))
    assert len(files) == len(AWKWARD) + 1
    assert changed == []


def _skeleton(editor: Editor, folder: str, label: str) -> str:
    """The record the editor offers to insert in an empty file of ``folder``."""
    uri = editor.open_text(folder, "")
    result = editor.server.request("textDocument/completion",
                                   {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}})
    items = result["items"] if isinstance(result, dict) else result
    texts = [item.get("insertText") or item.get("textEdit", {}).get("newText", "") for item in items
             if item["label"] == label]
    assert len(texts) == 1, [item["label"] for item in items]
    return str(texts[0])


def test_the_new_record_skeleton_shows_ids_of_their_own_kind(editor: Editor) -> None:
    """It once said ``area: DK-03`` – a project id – for a project's area."""
    project = _skeleton(editor, "programmes/dk/projects", "Project")
    assert "id: ${1:DK-05}" in project and "area: ${3:DK}" in project, project
    assert "\nid: DK\n" in "\n" + (DATA / "programmes" / "dk" / "area.yaml").read_text(encoding="utf-8")
    case = _skeleton(editor, "quality/2020", "QualityCase")
    assert case.startswith("id: ${1:Q-2020-001}\n"), case
    assert (DATA / "quality" / "2020" / "Q-2020-001.yaml").is_file()


def test_a_new_repository_in_an_odd_folder_is_clean_in_the_editor(tmp_path: Path) -> None:
    """What init writes – records, schemas and its copy of the settings – in
    a folder with a space and an ø: no diagnostic, nothing to reformat."""
    assert _COMMAND is not None
    target = tmp_path / "Askøy kommune" / "data repo"
    init_repository(target, 2030)
    settings = json.loads((target / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings == editor_settings()
    files = sorted((target / "data").rglob("*.yaml"))
    assert len(files) >= 10
    server = LanguageServer(_COMMAND, target, settings)
    try:
        server.start()
        uris = {server.open(path): path for path in files}
        found = server.diagnostics_of(list(uris))
        assert {str(uris[uri].relative_to(target)): _messages(d) for uri, d in found.items() if d} == {}
        changed = [path.name for path, edits in zip(uris.values(), server.format_all(list(uris)), strict=True)
                   if apply_edits(text := path.read_text(encoding="utf-8"), edits) != text]
        assert changed == []
        # The schemas do apply there: a broken copy is flagged.
        projects = target / "data" / "programmes" / "aa" / "projects"
        text = (projects / "AA-01.yaml").read_text(encoding="utf-8")
        broken = server.open(projects / "AA-99.yaml", text + "budjet: 5\n")
        assert [line for line, _ in _messages(server.diagnostics_of([broken])[broken])] == [text.count("\n") + 1]
    finally:
        server.stop()


def test_numbers_written_as_text_are_no_mistake_in_the_editor(editor: Editor) -> None:
    """validate takes a YAML number in a text field as the text typed
    (``name: 2020``, ``kostra_functions: [120]``); so does the editor."""
    text, _ = _replace(PROJECT, "name:", "name: 2020")
    text, _ = _replace(text, "description:", "description: 12.50")
    text += "kostra_functions: [120, '121', 012]\n"
    read = read_yaml(text.encode(), "DK-05.yaml")
    assert read.document is not None
    Project.model_validate(read.document.value)
    uri = editor.open_text("programmes/dk/projects", text)
    assert _messages(editor.diagnostics([uri])[uri]) == []
