"""Finding the data folder when none is given."""

from __future__ import annotations

from pathlib import Path


def default_data_folder(start: Path | None = None) -> Path:
    """``data/`` at the top of the git repository around the working folder,
    or ``./data`` outside a repository."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder / "data"
    return here / "data"
