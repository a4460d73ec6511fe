"""Load-stage problems are declared once (loading/problems.py): whatever
path emits one – the reader, the loader, the schema, fmt – it carries the
id, name and severity that ``askoy2020 rules`` documents."""

from __future__ import annotations

from pathlib import Path

import pytest

import askoy2020
from askoy2020.core.diagnostics import Diagnostic
from askoy2020.fmt import format_folder
from askoy2020.loading.problems import LOAD_RULES
from askoy2020.rules.registry import REGISTRY
from helpers import BASE, build_case
from nasty import CORPUS


def _declared(diagnostics: list[Diagnostic]) -> list[tuple[str, str, str]]:
    """(rule, emitted severity, declared severity) for each that disagrees."""
    return [(d.rule, d.severity.value, REGISTRY[d.rule].severity.value) for d in diagnostics
            if REGISTRY[d.rule].severity is not d.severity]


def test_every_declaration_is_in_the_registry_once() -> None:
    for rule in LOAD_RULES:
        registered = REGISTRY[rule.id]
        assert (registered.name, registered.severity, registered.doc, registered.stage) == (
            rule.name, rule.severity, rule.doc, rule.stage)
        assert registered.check is None
    assert len({r.id for r in LOAD_RULES}) == len(LOAD_RULES)


def test_the_nasty_corpus_gives_only_declared_severities(tmp_path: Path) -> None:
    root = build_case(BASE, tmp_path / "data")
    (root / "quality" / "nasty").mkdir()
    for nasty in CORPUS:
        if len(nasty.data) <= 1_000_000:
            (root / "quality" / "nasty" / f"{nasty.name}.yaml").write_bytes(nasty.data)
    diagnostics = askoy2020.load(root).load_diagnostics
    assert {d.rule for d in diagnostics} >= {"ASK001", "ASK002", "ASK004", "ASK005", "ASK008", "ASK101"}
    assert _declared(diagnostics) == []
    fmt = format_folder(root, check=True)
    assert _declared(fmt.diagnostics) == []


def test_more_problems_than_shown_is_its_own_rule(tmp_path: Path) -> None:
    root = build_case(BASE, tmp_path / "data")
    record = (root / "quality" / "Q-2020-001.yaml").read_text(encoding="utf-8")
    (root / "quality" / "Q-2020-001.yaml").write_text(record + "".join(f"k{i}: 1\n" for i in range(80)))
    diagnostics = askoy2020.load(root).load_diagnostics
    counted = [d for d in diagnostics if d.rule == "ASK011"]
    assert [d.message for d in counted] == ["this quality case has 30 more problems than shown here"]
    assert sum(d.rule == "ASK101" for d in diagnostics) == 50


def test_a_failed_fmt_write_is_write_failed_not_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = build_case(BASE, tmp_path / "data")
    project = root / "programmes" / "dk" / "projects" / "DK-02.yaml"
    text = project.read_text(encoding="utf-8")
    project.write_text("name: Chatbot\n" + text.replace("name: Chatbot\n", ""), encoding="utf-8")

    def full_disk(path: Path, text: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("askoy2020.writing.write_atomic", full_disk)
    result = format_folder(root)
    assert "programmes/dk/projects/DK-02.yaml" in " ".join(d.file for d in result.diagnostics)
    assert {(d.rule, d.severity.value) for d in result.diagnostics} == {("ASK013", "error")}
    assert _declared(result.diagnostics) == []
