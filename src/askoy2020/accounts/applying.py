"""Writing the new figures: every file or none.

Each project file is replaced atomically (:mod:`askoy2020.writing.atomic`),
and the import as a whole is all or nothing: every new text is made and
checked before the first file is written, and if a write fails half way –
a full disk, a read-only file, Ctrl-C – each file already written gets its
previous bytes back. A file that changed on disk since it was read (an
editor saved it meanwhile) stops the import the same way, so no one's
edit is overwritten.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..core.diagnostics import Location
from ..loading.yaml_reader import ReadLimits
from ..model.project import Project
from ..writing.atomic import write_bytes_atomic
from .editing import Edit, edited_text, keeps_layout
from .errors import ImportProblem
from .mapping import Matching


@dataclass(frozen=True)
class FileChange:
    name: str
    """The file as diagnostics name it."""
    path: Path
    """Where it is written (a link inside the data folder: its target)."""
    old: bytes
    new: bytes
    projects: tuple[str, ...]
    relaid: bool
    """The file was not in ``askoy2020 fmt``'s layout, so lines besides the figures were laid out anew."""


def plan_changes(matching: Matching, limits: ReadLimits = ReadLimits()) -> list[FileChange]:
    """The files to rewrite, with their new bytes: only files with a figure
    that changed. An :class:`ImportProblem` when one cannot be made safely."""
    edits: dict[str, list[Edit]] = {}
    by_record: dict[int, Edit] = {}
    for figure in matching.figures:
        if not figure.changed:
            continue
        record = figure.project
        edit = by_record.get(id(record))
        if edit is None:
            origin = record.origin
            if origin is None:
                raise ImportProblem(Location("<memory>", 0), f"{record.id} was not read from a file")
            edit = Edit(record, origin.path, matching.year, matching.period, {})
            by_record[id(record)] = edit
            edits.setdefault(origin.file, []).append(edit)
        edit.actual[figure.kind] = figure.value
    changes = []
    for name, file_edits in sorted(edits.items()):
        path = Path(os.path.realpath(name))
        try:
            old = path.read_bytes()
        except OSError as exc:
            raise ImportProblem(Location(name, 0), f"the file cannot be read: {exc.strerror or exc}") from None
        new = edited_text(old, name, file_edits, limits)
        changes.append(FileChange(name, path, old, new, tuple(_ids(file_edits)), not keeps_layout(old, name, limits)))
    return changes


def _ids(edits: list[Edit]) -> list[str]:
    records: list[Project] = [edit.record for edit in edits]
    return [record.id for record in records]


class WriteFailed(Exception):
    """A write failed part way; the files written before it were restored
    (those in ``unrestored`` could not be, and say so)."""

    def __init__(self, cause: BaseException, failed: str, restored: list[str], unrestored: list[str]) -> None:
        self.cause = cause
        self.failed = failed
        self.restored = restored
        self.unrestored = unrestored
        super().__init__(str(cause))


def write_changes(changes: list[FileChange]) -> None:
    """Write every change, or – on any failure – none: raises
    :class:`WriteFailed` after putting back what was written."""
    written: list[FileChange] = []
    current = ""
    try:
        for change in changes:
            current = change.name
            if change.path.read_bytes() != change.old:
                raise ChangedMeanwhile(change.name)
            write_bytes_atomic(change.path, change.new)
            written.append(change)
    except BaseException as exc:
        restored, unrestored = _restore(written)
        raise WriteFailed(exc, current, restored, unrestored) from exc


class ChangedMeanwhile(Exception):
    def __init__(self, name: str) -> None:
        super().__init__(f"{name} changed on disk while the import ran")


def _restore(written: list[FileChange]) -> tuple[list[str], list[str]]:
    restored: list[str] = []
    unrestored: list[str] = []
    for change in reversed(written):
        try:
            write_bytes_atomic(change.path, change.old)
        except OSError:
            try:  # a disk that fails its fsync may still take the old bytes back
                write_bytes_atomic(change.path, change.old, durable=False)
            except OSError:
                unrestored.append(change.name)
                continue
        restored.append(change.name)
    return restored, unrestored
