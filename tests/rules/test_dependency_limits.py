"""A huge cycle or a pile of identical dependencies gives one short finding.

The red-team data: a 5,000-project cycle printed one 385 KB line, and
10,000 identical ``depends_on`` entries were accepted without a word.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import askoy2020
from helpers import AS_OF, BASE

# A message stays a few hundred characters, the hint names at most five
# edges (each with its file:line), related places stay a handful.
MAX_TEXT = 300
MAX_EDGES = 5
MAX_RELATED = 12


def _project(pid: str, deps: list[str]) -> str:
    lines = [f"id: {pid}", f"name: Prosjekt {pid}", "area: DK", "manager: Prosjektleder", "status: planned",
             "planned: {start: 2020-01-01, end: 2020-12-31}", "cost: {2020: 1}"]
    if deps:
        lines.append("depends_on:")
        lines += [f"  - {{project: {d}, strength: soft}}" for d in deps]
    return "\n".join(lines) + "\n"


def _portfolio(tmp_path: Path, projects: dict[str, list[str]]) -> list[askoy2020.Diagnostic]:
    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    folder = root / "programmes" / "dk" / "projects"
    for pid, deps in projects.items():
        (folder / f"{pid}.yaml").write_text(_project(pid, deps))
    return askoy2020.check(askoy2020.load(root), as_of=AS_OF)


@pytest.mark.parametrize("size", [2, 12, 13, 14, 100, 5000])
def test_a_cycle_of_any_size_is_one_short_finding(size: int, tmp_path: Path) -> None:
    ids = [f"C-{i:05d}" for i in range(size)]
    found = [d for d in _portfolio(tmp_path, {pid: [ids[(i + 1) % size]] for i, pid in enumerate(ids)})
             if d.rule == "ASK301"]
    assert len(found) == 1
    cycle = found[0]
    assert len(cycle.message) < MAX_TEXT and cycle.hint.count(" at ") <= MAX_EDGES
    assert len(cycle.related) == min(size - 1, MAX_RELATED)
    assert cycle.message.startswith(f"dependency cycle: {ids[0]} → {ids[1]}")
    assert f"{ids[-1]} → {ids[0]} (each depends on the next)" in cycle.message
    if size + 1 > 13:  # the chain names size + 1 projects, the first again at the end
        assert f"… {size + 1 - 12} more …" in cycle.message and f"… {size - 4} more …" in cycle.hint
    else:
        assert "more …" not in cycle.message


@pytest.mark.parametrize("copies", [2, 3, 13, 10_000])
def test_the_same_predecessor_twice_is_one_finding(copies: int, tmp_path: Path) -> None:
    found = [d for d in _portfolio(tmp_path, {"D-1": [], "D-2": ["D-1"] * copies}) if d.rule == "ASK306"]
    assert len(found) == 1
    duplicate = found[0]
    assert f"D-2 depends on D-1 {copies} times" in duplicate.message
    assert duplicate.line == 10  # the second entry: 'depends_on:' is line 8
    assert len(duplicate.message) < MAX_TEXT and len(duplicate.related) <= min(MAX_RELATED, copies - 1)
