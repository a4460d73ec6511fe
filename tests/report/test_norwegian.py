"""A Norwegian reader's checklist, run on every nb golden report: no
English words, no wrong phrases, numbers written the Norwegian way.

The data's own text (project names, comments, goal texts) is blanked out
first: it is what the municipality wrote, and it is quoted, not ours."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from .helpers import structure
from .test_golden import DATA, GOLDEN

# Words a Norwegian report of ours must not contain: English words that
# slip through, and Norwegian phrases that mislead.
ENGLISH = ["the", "of", "and", "is", "are", "not", "by", "with", "within", "short", "overdue", "active", "completed",
           "cancelled", "planned", "paused", "proposal", "project", "projects", "goal", "goals", "leader", "budget",
           "frame", "frames", "forecast", "deviation", "behind", "track", "points", "proven", "optimal", "RAG",
           "status report", "late", "missing", "must", "should", "cannot", "days", "weeks", "red", "amber", "green",
           "warning", "error", "breach", "notified", "level"]
WRONG = [r"\b[Ee]tter plan\b", r"\bRAG\b", r"leder-relevante", r"\bbevist optimal\b", r"\bpoeng\b",
         r"Budsjett brukt"]
DECIMAL_POINT = re.compile(r"(?<![\d.])\d+\.\d+(?![\d.])")  # 2.5, not 31.10.2020 or "1. tertial"
THOUSANDS_COMMA = re.compile(r"(?<![\d,])\d{1,3}(,\d{3})+(?![\d,])")  # 26,350


def _strings(node: Any) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for k, v in node.items() for s in _strings(k) + _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return []


def _data_text() -> re.Pattern[str]:
    """Every text of four or more characters in the data, as whole words."""
    found = {s.strip() for f in DATA.rglob("*.yaml") if "plans" not in f.parts  # written by prioritise, not people
             for s in _strings(YAML(typ="safe").load(f.read_text("utf-8")))}
    quoted = sorted((s for s in found if len(s) >= 4), key=len, reverse=True)
    return re.compile("|".join(rf"(?<![\w-]){re.escape(s)}(?![\w-])" for s in quoted))


def _visible(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        text = "\n".join(structure(text).text)
    text = text.replace("\\", "")  # Markdown escapes
    text = re.sub(r"askoy2020 \d+\.\d+\.\d+\S*", "askoy2020", text)  # the version
    text = re.sub(r"\S+\.ya?ml(:\d+)?", " ", text)  # file names in the appendix
    text = re.sub(r"\bASK\d{3}\b", " ", text)  # rule ids
    return text


NB_REPORTS = sorted(GOLDEN.glob("report.nb.*"))


@pytest.fixture(scope="module")
def data_text() -> re.Pattern[str]:
    return _data_text()


@pytest.mark.parametrize("path", NB_REPORTS, ids=lambda p: p.name)
def test_a_norwegian_reader_finds_no_english_and_no_wrong_phrase(path: Path, data_text: re.Pattern[str]) -> None:
    text = data_text.sub(" ", _visible(path))
    words = [w for w in ENGLISH if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text)]
    assert words == [], [re.findall(rf".{{0,40}}(?<![\w-]){re.escape(w)}(?![\w-]).{{0,40}}", text)[:2] for w in words]
    wrong = [p for p in WRONG if re.search(p, text)]
    assert wrong == []
    assert DECIMAL_POINT.findall(text) == []
    assert [m.group(0) for m in THOUSANDS_COMMA.finditer(text)] == []


def test_the_checklist_catches_what_it_is_for(tmp_path: Path) -> None:
    bad = tmp_path / "report.nb.md"
    bad.write_text("| Mål | 78 % – Etter plan | 2.5 | 26,350 | RAG | short by 0.1 årsverk |\n", encoding="utf-8")
    text = _visible(bad)
    assert re.search(WRONG[0], text) and re.search(WRONG[1], text)
    assert DECIMAL_POINT.findall(text) == ["2.5", "0.1"] and THOUSANDS_COMMA.search(text)
    assert re.search(r"(?<![\w-])short(?![\w-])", text)


def test_the_checklist_reads_the_text_of_an_html_report(tmp_path: Path) -> None:
    bad = tmp_path / "report.nb.html"
    bad.write_text("<html><body><table><tr><td>RAG</td><td title='ignored'>Etter plan</td><td>1.5</td></tr>"
                   "</table><p>overdue</p></body></html>", encoding="utf-8")
    text = _visible(bad)
    assert re.search(WRONG[0], text) and re.search(WRONG[1], text) and DECIMAL_POINT.findall(text) == ["1.5"]
    assert re.search(r"(?<![\w-])overdue(?![\w-])", text)
