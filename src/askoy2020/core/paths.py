"""Paths as the user sees them, and the repository a data folder lives in."""

from __future__ import annotations

import os
from pathlib import Path


def display_name(path: Path) -> str:
    """Paths as the user typed them: relative to the working folder when
    possible, with '/' so CI annotations match on every platform."""
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:
        return path.as_posix()


def repository_root(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` that holds ``.git``, or None
    outside a git repository."""
    here = start.resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return None
