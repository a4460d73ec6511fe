"""Which files there are: every YAML file below the data folder, in a
stable order. Which kind each holds is the kinds table's answer
(:func:`askoy2020.model.kinds.kind_of`).

Any file may hold one record or a list of records. One file per record is
the most merge-friendly layout when several analysts edit at once.

A file that looks like YAML but is not read – ``DK-03.YAML``, ``.DK-03.yaml``
– is still listed, so the loader can say so: a record that silently drops
out of the reports is worse than a warning (see :func:`odd_name`).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..core.diagnostics import Say
from ..model.kinds import YAML_SUFFIXES


def discover(root: Path) -> list[Path]:
    """Every YAML file under ``root`` in a stable order, whatever the case
    of its suffix and hidden or not (:func:`odd_name` says which are not
    read); hidden folders
    (``.git``, editor folders) are skipped. Links to folders are listed, not
    followed, so the loader can report one that leads out of the data folder
    (and a link loop cannot make this walk endless)."""
    found: list[Path] = []
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        listed = [n for n in names if n.lower().endswith(YAML_SUFFIXES)]
        listed += [d for d in subfolders if os.path.islink(os.path.join(folder, d))]
        found.extend(Path(os.path.join(folder, name)) for name in sorted(listed))  # one parse, not two
    return found


_NOT_UTF8 = re.compile("[\udc80-\udcff]")  # how Python holds the bytes of a name that is not UTF-8


def not_utf8(name: str) -> str | None:
    """For a name with bytes that are no UTF-8 (a zip made on Windows
    writes æøå in cp1252 or cp865), the name to rename it to; else None.
    Such a file is read, but no report or CI log can name it right."""
    return _NOT_UTF8.sub("_", name) if _NOT_UTF8.search(name) else None


def odd_name(name: str) -> tuple[Say, str] | None:
    """Why a file that discovery lists is not read – a leading dot (hidden)
    or a suffix in capitals – and the name to rename it to; None for a
    name that is read."""
    if not name.lower().endswith(YAML_SUFFIXES):  # a link to a folder
        return None
    plain = name.lstrip(".")
    stem, dot, suffix = plain.rpartition(".")
    better = f"{stem}{dot}{suffix.lower()}"
    if name.startswith("."):
        return Say("its name starts with a dot, which hides it", "navnet begynner med punktum, som skjuler filen"), \
            better
    if not name.endswith(YAML_SUFFIXES):
        return Say(f"its suffix '.{suffix}' is not written .yaml or .yml",
                   f"endelsen «.{suffix}» er ikke skrevet .yaml eller .yml"), better
    return None
