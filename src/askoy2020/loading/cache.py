"""A cache of files read before, kept the way git keeps its index.

Each record file's reading – its values, its load diagnostics, the identity
numbers in its text – is stored under its name with the file's status
(size, modification and change times in nanoseconds, inode, device) and a
hash of its bytes. A later run asks the file system for the status only; a
file whose status is unchanged is not opened. Records are validated afresh
from the stored values on every run (that costs less than unpickling
validated models), and the cross-file rules always run on the whole
portfolio.

A status can look unchanged when it is not: a file rewritten within the
same tick of the file system's clock as it was read keeps its times. So an
entry whose file changed less than two seconds before it was read is
*racy* (git's word): its file is read again and its hash compared (and
once it matches well after the change, the entry is trusted). The change
time cannot be set by a program, so a file changed and then given back its
old size and modification time is still seen.

The cache is one file per data folder under ``.askoy2020-cache/<code>/``,
where ``<code>`` changes with the askoy2020 version and the code that reads
and validates records. A cache file that cannot be read for any reason,
or that was written with other read limits, is ignored and rewritten,
never trusted.

It is a pickle, read with an unpickler that makes only the few classes a
reading holds (:data:`_KNOWN`): a cache file planted in a repository, or
damaged, can make a file be read again, never run code.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import stat
import sys
import time
from functools import cache
from pathlib import Path
from typing import Any

from ..core.paths import repository_root
from ..core.version import __version__
from .yaml_reader import ReadLimits

FOLDER_NAME = ".askoy2020-cache"

# A file whose times are this close to the moment the cache was written may
# have changed within the same clock tick (some file systems count seconds).
RACY_NS = 2_000_000_000

Status = tuple[int, int, int, int, int]
"""size, mtime_ns, ctime_ns, inode, device"""


@cache
def code_fingerprint() -> str:
    """Changes whenever what turns bytes into readings changes: the bytes of
    the code that reads and validates records (not its times: an install
    may give every file the same one), the Python that runs it (its Unicode
    tables decide what a digit is) and the YAML readers."""
    return code_digest(Path(__file__).resolve().parent.parent)


def code_digest(package: Path) -> str:
    digest = hashlib.sha256(f"{__version__}\0{sys.version}\0{_readers()}".encode())
    for sub in ("core", "loading", "model"):
        for source in sorted((package / sub).glob("*.py")):
            digest.update(f"{sub}/{source.name}".encode() + b"\0" + source.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def _readers() -> str:
    from . import native

    try:
        import yaml

        pyyaml = f"{yaml.__version__} libyaml={yaml.__with_libyaml__}"
    except ImportError:
        pyyaml = "none"
    rust = getattr(sys.modules.get("yaml_rs"), "__version__", "present") if native.AVAILABLE else "none"
    return f"pyyaml {pyyaml}, yaml-rs {rust}"


def default_cache_folder(data_folder: Path) -> Path | None:
    """``.askoy2020-cache`` at the top of the git repository holding the data,
    or None outside a repository, when ASKOY2020_NO_CACHE is set, or under
    CI (CI=true): a fresh CI checkout has no cache to gain from."""
    if os.environ.get("ASKOY2020_NO_CACHE") or os.environ.get("CI", "").lower() == "true":
        return None
    repository = repository_root(data_folder)
    return repository / FOLDER_NAME if repository is not None else None


# Every class a file's reading is made of (tests/loading/test_cache.py reads
# the sample and every rule case back through this list). Anything else in
# a cache file (a function, another class) stops that entry: the file is
# read again.
_KNOWN = frozenset({
    ("askoy2020.core.diagnostics", "Diagnostic"), ("askoy2020.core.diagnostics", "Location"),
    ("askoy2020.core.diagnostics", "Say"), ("askoy2020.core.diagnostics", "Severity"),
    ("askoy2020.core.scalars", "YamlFloat"), ("askoy2020.core.scalars", "YamlInt"),
    ("askoy2020.loading.loader", "FileRead"), ("askoy2020.loading.yaml_reader", "Document"),
    ("askoy2020.loading.yaml_reader", "ReadLimits"), ("askoy2020.model.portfolio", "Portfolio"),
    ("pathlib", "PosixPath"), ("pathlib", "WindowsPath"), ("pathlib", "PurePosixPath"),
    ("pathlib", "PureWindowsPath"), ("datetime", "date"), ("datetime", "datetime"), ("datetime", "time"),
    ("datetime", "timedelta"), ("datetime", "timezone"),
})


class _KnownOnly(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in _KNOWN:
            raise pickle.UnpicklingError(f"{module}.{name} is not part of a cached reading")
        return super().find_class(module, name)


def unpickle(data: bytes) -> Any:
    """A cached reading back, made of :data:`_KNOWN` classes only."""
    return _KnownOnly(io.BytesIO(data)).load()


def content_digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def file_status(path: Path) -> Status | None:
    """The status a cache entry is checked against; None for what is not a
    plain file (a link, a folder, a pipe: those are always read afresh)."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    return info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev


class LoadCache:
    """{file name as shown: (status, digest, when checked, pickled reading)}
    for one data folder. Entries not used in a run are dropped when it saves."""

    def __init__(self, folder: Path, data_folder: Path, limits: ReadLimits) -> None:
        name = hashlib.sha256(str(data_folder.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:16]
        self.path = folder / code_fingerprint() / f"{name}.pickle"
        self.limits = limits
        self.hits = 0
        self.misses = 0
        self._old: dict[str, tuple[Status, bytes, int, bytes]] = {}
        self._new: dict[str, tuple[Status, bytes, int, bytes]] = {}
        self._changed = False
        try:
            with open(self.path, "rb") as handle:
                header = _KnownOnly(handle).load()
                if header == (__version__, repr(limits)):
                    loaded = _KnownOnly(handle).load()
                    if isinstance(loaded, dict):
                        self._old = loaded
        except Exception:  # missing, truncated, from another Python: start afresh
            self._old = {}

    def get(self, name: str, path: Path, status: Status | None) -> Any | None:
        """The reading stored for ``name``, or None when there is none or
        the file may have changed since."""
        entry = self._old.get(name)
        found = None
        try:
            if entry is not None and status is not None and entry[0] == status:
                if max(status[1], status[2]) >= entry[2] - RACY_NS:
                    checked = time.time_ns()
                    if not self._same_bytes(path, entry[1]):
                        raise LookupError("a racy entry whose bytes changed")
                    entry = (entry[0], entry[1], checked, entry[3])
                    self._changed = True
                found = unpickle(entry[3])
        except Exception:  # a damaged entry is read afresh, never trusted
            found = None
        if found is None:
            self.misses += 1
            return None
        self.hits += 1
        self._new[name] = entry  # type: ignore[assignment]
        return found

    @staticmethod
    def _same_bytes(path: Path, digest: bytes) -> bool:
        try:
            with open(path, "rb") as handle:
                return content_digest(handle.read()) == digest
        except OSError:
            return False

    def put(self, name: str, status: Status | None, checked_ns: int, digest: bytes | None, blob: bytes) -> None:
        """Store a reading; ``checked_ns`` is when ``status`` was taken, before the bytes were read."""
        if status is not None and digest is not None:
            self._new[name] = (status, digest, checked_ns, blob)
            self._changed = True

    def save(self) -> None:
        from ..writing.atomic import write_bytes_atomic

        if not self._changed and self._new.keys() == self._old.keys():
            return  # nothing changed: no write at all
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            _mark_as_cache(self.path.parent.parent)
            body = pickle.dumps((__version__, repr(self.limits)), protocol=pickle.HIGHEST_PROTOCOL) + \
                pickle.dumps(self._new, protocol=pickle.HIGHEST_PROTOCOL)
            write_bytes_atomic(self.path, body, durable=False)
        except OSError:
            pass  # a read-only checkout still validates, just without a cache


def _mark_as_cache(folder: Path) -> None:
    """The cache folder ignores itself, as pytest's and ruff's do: it holds
    what the records say, identity numbers too if a record has one, and a
    repository that ``init`` did not make has no line for it in .gitignore.
    CACHEDIR.TAG tells backup tools to skip it."""
    from ..writing.atomic import write_bytes_atomic

    for name, text in (
        (".gitignore", "# Made by askoy2020: what the data say, kept for speed. Never commit it.\n*\n"),
        ("CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n"
                         "# This folder is a cache made by askoy2020 (https://bford.info/cachedir/).\n"),
    ):
        if not (folder / name).exists():
            write_bytes_atomic(folder / name, text.encode(), durable=False)
