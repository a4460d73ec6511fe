"""A key of any kind is reported at its own line, at any depth.

The red-team data: a ``~:`` or ``1.5:`` key was reported at 1:1 (or at the
mapping's first line), because Pydantic names such a key by its text
(``'None'``, ``'1.5'``) and the loader by what it means (``'12'`` for
``12``), while the document knew it as ``None``, ``1.5`` or ``12``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import askoy2020
from helpers import AS_OF, BASE, relative

# Every kind of plain scalar a key can be in YAML 1.2's core schema.
KEYS = ["~", "null", "1.5", "1.50", ".inf", "true", "false", "12", "0x1F", "2020-01-01", "zz"]

PROJECT = """id: DK-03
name: Ny tjeneste
area: DK
manager: Prosjektleder
status: planned
cost: {2021: 100}
"""
PLANNED = "planned: {start: 2021-01-01, end: 2021-12-31}\n"

# Where the key goes: the file and the text that holds it.
PLACES = {
    "top level": ("programmes/dk/projects/DK-03.yaml", PROJECT + PLANNED + "{key}: 5\n"),
    "in a record field": ("programmes/dk/projects/DK-03.yaml",
                          PROJECT + "planned:\n  start: 2021-01-01\n  end: 2021-12-31\n  {key}: 5\n"),
    "in a keyed mapping": ("programmes/dk/projects/DK-03.yaml",
                           PROJECT + PLANNED + "scores:\n  strategic_fit: 3\n  {key}: 2\n"),
    "in a list item": ("programmes/dk/projects/DK-03.yaml",
                       PROJECT + PLANNED + "depends_on:\n  - project: DK-01\n    {key}: 1\n"),
    "in a mapping in a list item": ("programmes/dk/area.yaml", "area"),
}


def _text(place: str, key: str) -> tuple[str, str]:
    file, text = PLACES[place]
    if text == "area":
        text = (BASE / file).read_text().replace("    targets: {2020: 70}\n",
                                                 "    targets:\n      2020: 70\n      {key}: 5\n")
    return file, text.replace("{key}", key)


@pytest.mark.parametrize("place", list(PLACES))
@pytest.mark.parametrize("key", KEYS)
def test_a_key_is_reported_at_its_line(key: str, place: str, tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    file, text = _text(place, key)
    (root / file).write_text(text)
    line = max(n for n, row in enumerate(text.splitlines(), 1) if row.lstrip(" -").startswith(f"{key}:"))
    diagnostics = askoy2020.check(askoy2020.load(root), as_of=AS_OF)
    mine = [d for d in diagnostics if relative(d.file, root) == file]
    assert mine, f"a '{key}:' key {place} is not reported at all"
    assert [f"{d.location} {d.rule} {d.message}" for d in mine if d.line != line] == []
