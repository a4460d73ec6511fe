"""Which files hold which record kind.

The folder decides the kind, so a record never has to say what it is:

* ``programme.yaml``                    – the programme (one record)
* ``programmes/<area>/area.yaml``       – programme areas
* ``programmes/**/<anything>.yaml``     – projects
* ``leaders/**/*.yaml``                 – leaders
* ``quality/**/*.yaml``                 – quality cases

Any file may hold one record or a list of records. One file per record is
the most merge-friendly layout when several analysts edit at once.
"""

from __future__ import annotations

import os
from enum import Enum
from pathlib import Path


class Kind(str, Enum):
    PROGRAMME = "programme"
    AREA = "programme area"
    PROJECT = "project"
    LEADER = "leader"
    QUALITY_CASE = "quality case"
    SCENARIO = "scenario"
    PLAN = "plan"
    UNKNOWN = "unknown"


YAML_SUFFIXES = (".yaml", ".yml")
AREA_FILE_NAMES = ("area.yaml", "area.yml")


def kind_of(relative: Path) -> Kind:
    parts = relative.parts
    if len(parts) == 1:
        return Kind.PROGRAMME if relative.stem == "programme" else Kind.UNKNOWN
    top = parts[0]
    if top == "programmes":
        return Kind.AREA if relative.name in AREA_FILE_NAMES else Kind.PROJECT
    if top == "leaders":
        return Kind.LEADER
    if top == "quality":
        return Kind.QUALITY_CASE
    if top == "scenarios":
        return Kind.SCENARIO
    if top == "plans":
        return Kind.PLAN
    return Kind.UNKNOWN


def discover(root: Path) -> list[Path]:
    """Every YAML file under ``root`` in a stable order; hidden folders
    (``.git``, editor folders) are skipped. Links to folders are listed, not
    followed, so the loader can report one that leads out of the data folder
    (and a link loop cannot make this walk endless)."""
    found: list[Path] = []
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        listed = [n for n in names if n.endswith(YAML_SUFFIXES) and not n.startswith(".")]
        listed += [d for d in subfolders if os.path.islink(os.path.join(folder, d))]
        found.extend(Path(folder) / name for name in sorted(listed))
    return found
