"""Which files there are: every YAML file below the data folder, in a
stable order. Which kind each holds is the kinds table's answer
(:func:`askoy2020.model.kinds.kind_of`).

Any file may hold one record or a list of records. One file per record is
the most merge-friendly layout when several analysts edit at once.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..model.kinds import YAML_SUFFIXES


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
