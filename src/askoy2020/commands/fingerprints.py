"""Fingerprints that name a problem, not where or how it is said today.

GitLab compares the Code Quality report of a merge request with the target
branch's by fingerprint: a fingerprint that changes shows the same problem
as fixed and new. A fingerprint made from the line moves when a comment is
added above; one made from the message moves every day a case is "overdue
by N days". So a fingerprint here is made from:

- the file, from the top of its git repository (the same from any folder);
- the rule id;
- the record: the ``id`` of the file's record, or of the list item the
  problem is in (a file of many records);
- the key path inside it (``actions/2/done``), with a list item that has an
  ``id`` named by that id rather than by its place;
- and, for problems alike in all of those, their count in file order.

The key path is found by reading the file again and looking up the value
or key written at the problem's line and column (or the last one before it,
for a problem inside a text or a comment). Only files with problems are
read, once each. A file that cannot be read (it was removed, or its name was
masked) gives no record and no path: its problems are told apart by rule
and count alone. Record ids and keys are masked before they are hashed, so
a fingerprint cannot be searched for the identity number it was made from.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import os
import stat
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from ..core.diagnostics import Diagnostic
from ..core.identity_numbers import mask

_Mark = tuple[int, int]
_Path = tuple[Any, ...]


class _File:
    """One file's record id and the key path at each written position."""

    def __init__(self, file: str) -> None:
        self.record = ""
        self.value: Any = None
        self.exact: dict[_Mark, _Path] = {}
        self.marks: list[tuple[_Mark, int, _Path]] = []
        self.anchors: dict[_Mark, tuple[str, str]] = {}
        from ..loading.yaml_reader import ReadLimits, read_yaml

        try:
            limits = ReadLimits.from_environment()
        except ValueError:
            limits = ReadLimits()
        data = _regular_file_bytes(file, limits.max_file_bytes)
        if data is None:
            return
        try:  # straight to the builder that keeps positions (the fast path would read the text twice)
            document = read_yaml(data, file, limits, parser="libyaml").document
        except RuntimeError:  # PyYAML without libyaml
            document = read_yaml(data, file, limits, parser="ruamel").document
        if document is None:
            return
        self.value = document.value
        value_marks, key_marks = document.positions()
        # A container and its first key share a position: the shorter path
        # (the container's) is taken, and values before keys, always the same way.
        ordered = sorted(
            [(mark, len(path), 0, path) for path, mark in value_marks.items()]
            + [(mark, len(path), 1, path) for path, mark in key_marks.items()],
            key=lambda m: (m[0], m[1], m[2]),
        )
        for mark, _, _, path in ordered:
            self.exact.setdefault(mark, path)
        self.marks = [(mark, depth, path) for mark, depth, _, path in ordered]
        if isinstance(self.value, dict):
            self.record = _text(self.value.get("id", ""))

    def path_at(self, line: int, column: int) -> _Path:
        if (line, column) in self.exact:
            return self.exact[(line, column)]
        # The last value or key written before the position: the text or
        # the block the problem is in.
        index = bisect.bisect_right(self.marks, ((line, column), 1 << 30)) - 1
        return self.marks[index][2] if index >= 0 else ()

    def anchor(self, line: int, column: int) -> tuple[str, str]:
        """(record id, key path) of the problem at ``line``:``column``, masked."""
        if (line, column) not in self.anchors:
            record, path = self._anchor(line, column)
            self.anchors[(line, column)] = (mask(record), mask(path))
        return self.anchors[(line, column)]

    def _anchor(self, line: int, column: int) -> tuple[str, str]:
        record, value = self.record, self.value
        parts: list[str | int | list[str]] = []
        path = self.path_at(line, column)
        for at, step in enumerate(path):
            child = _child(value, step)
            if isinstance(step, int) and isinstance(value, list):
                item_id = _text(child.get("id", "")) if isinstance(child, dict) else ""
                if item_id and value is self.value:  # a file of many records: the item is the record
                    record = item_id
                elif item_id:
                    parts.append(["id", item_id])
                else:  # no id: named by what names it, so a row added above moves nothing
                    parts.append(_natural_name(child, path[at + 1] if at + 1 < len(path) else None) or step)
            else:
                parts.append(_text(step))
            value = child
        return record, json.dumps(parts, ensure_ascii=False)


# The fields that name an item without an id (a case-count row by source,
# unit, kind, severity and month; a milestone by its name; a status report
# by its date), never a figure that changes with the next import.
_NAMING_KEYS = ("name", "title", "source", "unit", "area", "kind", "severity", "month", "date", "year", "period",
                "owner", "indicator", "role")


def _natural_name(item: Any, problem_key: Any) -> list[str] | None:
    if not isinstance(item, dict):
        return None
    named = [f"{key}={_text(item[key])}" for key in _NAMING_KEYS
             if key in item and key != problem_key and not isinstance(item[key], (dict, list))]
    return ["item", *named] if named else None


def _regular_file_bytes(file: str, max_bytes: int) -> bytes | None:
    """The file's bytes if it is a regular file, not a link, within the
    size limit: as the loader, never a pipe that would hang the report or a
    link to a file elsewhere (the loader reported those; they are named by
    file, rule and count alone)."""
    try:
        if os.path.islink(file):
            return None
        info = os.stat(file)
        if not stat.S_ISREG(info.st_mode) or info.st_size > max_bytes:
            return None
        with open(file, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except (OSError, ValueError):
        return None
    return data if len(data) <= max_bytes else None


def _child(value: Any, step: Any) -> Any:
    try:
        return value[step]
    except (KeyError, IndexError, TypeError):
        return None


def _text(value: Any) -> str:
    return str(getattr(value, "raw", value)) if value is not None else ""


def fingerprints(diagnostics: Sequence[Diagnostic], shown: Callable[[str], str] = str) -> list[str]:
    """A fingerprint for each diagnostic (in order), unique within the list.
    ``shown`` gives the file name the report uses (repository-relative)."""
    files: dict[str, _File] = {}
    seen: Counter[tuple[str, ...]] = Counter()
    found = []
    for d in diagnostics:
        if d.file not in files:
            files[d.file] = _File(d.file)
        record, path = files[d.file].anchor(d.line, d.column)
        key = (shown(d.file), d.rule, record, path)
        found.append(_hash(*key, str(seen[key])))
        seen[key] += 1
    return found


def _hash(*parts: str) -> str:
    # surrogatepass: a file name that is not UTF-8 keeps its undecodable bytes as lone surrogates
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
