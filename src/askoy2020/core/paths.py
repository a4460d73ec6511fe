"""Paths as the user sees them, and the repository a data folder lives in."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path


def display_name(path: Path | str) -> str:
    """Paths as the user typed them: relative to the working folder when
    possible, with '/' so CI annotations match on every platform.

    A file's name is its folder's name and its own: the folder's part is
    worked out once per folder (``relpath`` for every one of 23,000 files
    cost a second), and the last part is plain text, so adding it is exact
    – unless the path leads back along the working folder's own path
    (``/work`` seen from ``/work/main`` is ``..``), which takes the long way."""
    text = os.fspath(path)
    head, tail = os.path.split(text)
    cwd = os.getcwd()
    if tail in ("", os.curdir, os.pardir):
        return _relative(text, cwd)[0]
    folder, on_the_way = _relative(head or os.curdir, cwd)
    if tail == on_the_way:
        return _relative(text, cwd)[0]
    return tail if folder == "." else f"{folder.rstrip('/')}/{tail}"


@lru_cache(maxsize=4096)
def _relative(path: str, cwd: str) -> tuple[str, str | None]:
    """``path`` relative to ``cwd``, and when ``path`` is a folder on the
    way to ``cwd``, the name of the next folder on that way."""
    try:
        relative = Path(os.path.relpath(path, cwd)).as_posix()
    except ValueError:  # another drive on Windows
        return Path(path).as_posix(), None
    below = [p for p in os.path.abspath(path).split(os.sep) if p]
    way = [p for p in cwd.split(os.sep) if p]
    return relative, way[len(below)] if way[:len(below)] == below and len(way) > len(below) else None


def repository_root(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` that holds ``.git``, or None
    outside a git repository."""
    here = start.resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return None
