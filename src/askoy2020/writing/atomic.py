"""Write a file so that a crash, a full disk or Ctrl-C never leaves it half
written: the text goes to a temporary file in the same folder (same file
system, so the rename is atomic) and is renamed over the target only when
complete and flushed to disk. The folder is flushed after the rename too,
or a power cut could lose the rename itself (the new name lives in the
folder, not in the file). A new file gets the permissions the user's umask
gives (a shared repository with umask 002 stays group-writable); a replaced
file keeps its own."""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path


def write_atomic(path: str | os.PathLike[str], text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))


STALE_AFTER_SECONDS = 60.0


# Room for the dots and mkstemp's 8 characters and ".tmp" within the 255 bytes a name may have.
_NAME_BYTES = 240


def _temp_prefix(target: Path) -> str:
    """``.<name>.``: a long name's stem is cut so the temporary name fits
    where the name itself does (its ending kept, for remove_stale_temp_files)."""
    stem, suffix = target.stem, target.suffix
    while len(f".{stem}{suffix}.".encode()) > _NAME_BYTES and stem:
        stem = stem[:-1]
    return f".{stem}{suffix}."


def remove_stale_temp_files(
    folder: str | os.PathLike[str], suffixes: tuple[str, ...] = (".yaml", ".yml"),
    older_than: float = STALE_AFTER_SECONDS,
) -> list[Path]:
    """Remove the temporary files that a killed :func:`write_bytes_atomic`
    left in ``folder``: regular files named exactly as it names them
    (``.<name>.<8 characters>.tmp``, for a ``<name>`` ending in one of
    ``suffixes``) and untouched for ``older_than`` seconds, so a write still
    running in another process keeps its file (a write takes milliseconds).
    Returns the files removed."""
    ends = "|".join(re.escape(suffix) for suffix in suffixes)
    pattern = re.compile(r"\..+(?:" + ends + r")\.[a-z0-9_]{8}\.tmp")
    removed: list[Path] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    now = time.time()
    for name in names:
        if not pattern.fullmatch(name):
            continue
        candidate = Path(folder) / name
        with contextlib.suppress(OSError):
            info = os.lstat(candidate)
            if stat.S_ISREG(info.st_mode) and now - info.st_mtime > older_than:
                os.unlink(candidate)
                removed.append(candidate)
    return removed


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes, durable: bool = True) -> None:
    """``durable=False`` skips the fsync: for files whose loss costs nothing
    (cache entries), where one fsync per file would dominate the run."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, temp = tempfile.mkstemp(prefix=_temp_prefix(target), suffix=".tmp", dir=folder)
    except OSError as exc:  # the error names the file asked for, not our temporary one
        raise OSError(exc.errno, exc.strerror, str(folder if not folder.is_dir() else target)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        if target.exists():
            # Keep the permissions of the file being replaced.
            os.chmod(temp, target.stat().st_mode & 0o777)
        else:
            # mkstemp makes the file 0600; a new file is made as open() would make it.
            os.chmod(temp, 0o666 & ~_umask())
        os.replace(temp, target)
        if durable:
            _fsync_folder(folder)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def _umask() -> int:
    """The process's umask. It can only be read by setting it, so it is set
    back at once (the command line runs one thread)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _fsync_folder(folder: Path) -> None:
    """Flush the folder's entries (the rename) to disk. Where a folder cannot
    be opened for that (Windows), the rename is as durable as the system makes it."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def write_new_files(files: Iterable[tuple[Path, str]]) -> list[Path]:
    """Write files that do not exist yet, all or nothing: if one fails (a
    full disk, Ctrl-C), the ones written before it and the folders made for
    them are removed again, so the folder is as it was. Returns the paths."""
    written: list[Path] = []
    made: list[Path] = []  # folders this call created, parents first
    try:
        for path, text in files:
            made += reversed([f for f in (path.parent, *path.parent.parents) if not f.exists()])
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, text)
            written.append(path)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        for folder in reversed(made):
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
    return written
