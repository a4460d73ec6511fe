"""Finding the data folder when none is given."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ..core.paths import repository_root

if TYPE_CHECKING:
    from ..loading.yaml_reader import ReadLimits
    from ..model import Portfolio


def default_data_folder(start: Path | None = None) -> Path:
    """``data/`` at the top of the git repository around the working folder,
    or ``./data`` outside a repository."""
    here = (start or Path.cwd()).resolve()
    return (repository_root(here) or here) / "data"


def load_or_explain(folder: Path | None, example: str, err: TextIO, use_cache: bool = True,
                    quiet: bool = False) -> Portfolio | None:
    """Load the data folder (the default one when None), or write why it is
    not a data folder with an example of the command, and return None.
    ``quiet``: no progress spinner, whatever the terminal."""
    from ..loading.cache import default_cache_folder
    from ..loading.loader import DataFolderError
    from ..loading.yaml_reader import ReadLimits
    from .output import echo
    from .progress import busy
    from .safe_text import visible

    target = folder or default_data_folder()
    try:
        limits = ReadLimits.from_environment()
    except ValueError as exc:
        echo(err, f"Error: {visible(exc)}. Unset it to use the default, or see docs/robustness.md.")
        return None
    try:
        with busy("Reading the data…", enabled=not quiet):
            cache = default_cache_folder(target) if use_cache and target.is_dir() else None
            return _loaded_for_good(target, limits, cache)
    except DataFolderError as exc:
        echo(err, f"Error: {visible(exc)}. Give the data folder, e.g. '{example}'.")
        return None


def _loaded_for_good(target: Path, limits: ReadLimits, cache: Path | None) -> Portfolio:
    """The portfolio, set aside from the cycle collector: it lives as long
    as the command (one process), yet with the collector on, the first
    collection after loading walks every object loaded (half a second at
    x100), and each later one while the rules run walks them again (finding
    1,500 warnings' lines took 1.8 s instead of 0.4 s). So the collector
    rests while the files load, and what they made is frozen (gc.freeze)
    before it starts again."""
    from ..loading.loader import load

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return load(target, limits, cache=cache)
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


class RepositoryPaths:
    """File names as CI systems match them: from the top of the git
    repository the file is in (GitHub and GitLab put an annotation on
    ``quality/Q-1.yaml`` of the repository, whatever folder the check ran
    in), or as shown (relative to the working folder) outside a repository
    or for a name that is no file (``<option>``). Lexical: a masked or a
    removed file is placed by its name alone."""

    def __init__(self, cwd: Path | None = None) -> None:
        self.cwd = cwd or Path.cwd()
        self.roots: dict[Path, Path | None] = {}
        self.shown: dict[str, str] = {}  # a file has many problems: each name is placed once

    def __call__(self, file: str) -> str:
        if file not in self.shown:
            # A name that is not UTF-8 (ASK007) is shown with U+FFFD for its
            # odd bytes: a lone surrogate is no text a JSON or XML reader takes.
            self.shown[file] = self._place(file).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        return self.shown[file]

    def _place(self, file: str) -> str:
        import os

        if not file or file.startswith("<"):
            return file
        absolute = Path(os.path.normpath(self.cwd / file))
        folder = absolute.parent
        if folder not in self.roots:
            self.roots[folder] = repository_root(folder)
        root = self.roots[folder]
        if root is None:
            return file
        try:
            return absolute.resolve().relative_to(root).as_posix()
        except (ValueError, OSError):  # a link out of the repository, a loop of links
            return file
