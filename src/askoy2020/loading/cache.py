"""A cache of loaded files for repeat runs, as ruff and mypy keep one.

Each file's result (its records, its load diagnostics, its text) is stored
under a hash of everything that decides it: the file's bytes and name, its
record kind, the read limits, the askoy2020 version and the code that reads
and validates records. A second run re-reads only files whose hash is new.
Cross-file rules always run on the whole portfolio. A cache entry that
cannot be read for any reason is ignored and rewritten, never trusted.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from functools import cache
from pathlib import Path

from ..core.paths import repository_root
from ..core.version import __version__
from ..model import Portfolio
from .yaml_reader import ReadLimits

FOLDER_NAME = ".askoy2020-cache"


@cache
def code_fingerprint() -> str:
    """Changes whenever the code that turns bytes into records changes."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(__version__.encode())
    for sub in ("core", "loading", "model"):
        for source in sorted((package / sub).glob("*.py")):
            stat = source.stat()
            digest.update(f"{source.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def default_cache_folder(data_folder: Path) -> Path | None:
    """``.askoy2020-cache`` at the top of the git repository holding the data,
    or None outside a repository, when ASKOY2020_NO_CACHE is set, or under
    CI (CI=true): a fresh CI checkout has no cache to gain from, and filling
    one makes a cold run about a third slower."""
    if os.environ.get("ASKOY2020_NO_CACHE") or os.environ.get("CI", "").lower() == "true":
        return None
    repository = repository_root(data_folder)
    return repository / FOLDER_NAME if repository is not None else None


class LoadCache:
    """One file per data folder: {file key: pickled result}. One file, not
    one per record file, because 20,000 small writes cost more than the
    parsing they save. Entries not used in a run are dropped when it saves."""

    def __init__(self, folder: Path, data_folder: Path) -> None:
        name = hashlib.sha256(str(data_folder.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:16]
        self.path = folder / code_fingerprint() / f"{name}.pickle"
        self.hits = 0
        self.misses = 0
        self._old: dict[str, bytes] = {}
        self._new: dict[str, bytes] = {}
        try:
            with open(self.path, "rb") as handle:
                loaded = pickle.load(handle)
            if isinstance(loaded, dict):
                self._old = loaded
        except Exception:  # missing, truncated, from another Python: start afresh
            self._old = {}

    def key(self, name: str, kind: str, data: bytes, limits: ReadLimits) -> str:
        # surrogateescape: a file name that is not UTF-8 still has a key.
        digest = hashlib.sha256(f"{name}\0{kind}\0{limits}\0".encode("utf-8", "surrogateescape"))
        digest.update(data)
        return digest.hexdigest()

    def get(self, key: str) -> Portfolio | None:
        blob = self._old.get(key)
        part = None
        if blob is not None:
            try:
                part = pickle.loads(blob)
            except Exception:
                part = None
        if not isinstance(part, Portfolio):
            self.misses += 1
            return None
        self.hits += 1
        self._new[key] = blob  # type: ignore[assignment]
        return part

    def put(self, key: str, part: Portfolio) -> None:
        self._new[key] = pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL)

    def save(self) -> None:
        from ..writing.atomic import write_bytes_atomic

        if self._new.keys() == self._old.keys():
            return  # nothing changed: no write at all
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_bytes_atomic(self.path, pickle.dumps(self._new, protocol=pickle.HIGHEST_PROTOCOL), durable=False)
        except OSError:
            pass  # a read-only checkout still validates, just without a cache
