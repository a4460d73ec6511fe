"""Identity numbers hidden from a line-by-line look at the text.

ASK901 reads every file's raw text. Two kinds of hiding need more:

* a value the reader decodes – a YAML escape (``"\\u0030…"``), or a number
  split over two lines of a folded or multi-line scalar – is scanned as
  the records will see it, at the value's line;
* a file in the data folder that holds no record – any name, any suffix,
  hidden or not – is scanned too: git keeps it as surely as a record.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..core.diagnostics import Location, Say
from ..core.identity_numbers import find_identity_numbers, might_hold_one
from ..core.paths import display_name
from .yaml_reader import Document

# Only these can decode to something the raw lines do not show: an escape,
# or digits on both sides of a line break (a folded or continued scalar).
# (A backslash is looked for on its own: a pattern that opens with a
# choice cannot skip ahead, and this one was a fifteenth of reading a file.)
_SPLIT_DIGITS = re.compile(r"\d[ \t\\\"']*\r?\n[ \t\\\"'>|-]*\d")


def decoded_numbers(doc: Document, file: str, raw: str) -> Iterator[tuple[Location, Say]]:
    """(where, 'a fødselsnummer (•••)') for each number in a decoded key or
    value that the raw text does not show on that value's line."""
    if "\\" not in raw and not _SPLIT_DIGITS.search(raw):
        return  # most files: walking every value would cost a sixth of a load
    lines = raw.splitlines()
    pending: list[tuple[Any, tuple[Any, ...]]] = [(doc.value, ())]
    while pending:
        value, path = pending.pop()
        if isinstance(value, dict):
            for key, child in value.items():
                pending.append((child, (*path, key)))
                if isinstance(key, str):
                    pending.append((key, (*path, key)))
        elif isinstance(value, list):
            pending.extend((child, (*path, i)) for i, child in enumerate(value))
        elif isinstance(value, str) and might_hold_one(value):
            for found in find_identity_numbers(value):
                line, column = doc.where(path)
                shown = lines[line - 1] if 0 < line <= len(lines) else ""
                if next(find_identity_numbers(shown), None) is None:
                    shown = found.masked(value)
                    yield Location(file, line, column), Say(f"a {found.kind} ({shown})", f"et {found.kind} ({shown})")


def written_numbers(file: str, text: str) -> Iterator[tuple[Location, Say]]:
    """(where, 'a fødselsnummer (•••)') for each number in ``text`` as
    written: values, keys and comments alike."""
    # One pass over the whole text first: almost no file holds 11 digits
    # in a row, and splitting 20,000 files into lines costs seconds.
    if not might_hold_one(text) or next(find_identity_numbers(text, printed=False), None) is None:
        return
    for line_no, line in enumerate(text.splitlines(), start=1):
        for found in find_identity_numbers(line, printed=False):
            shown = found.masked(line)
            what = Say(f"a {found.kind} ({shown})", f"et {found.kind} ({shown})")
            yield Location(file, line_no, found.start + 1), what


def unread_files(root: Path, read: set[str], max_bytes: int) -> Iterator[tuple[str, str]]:
    """(display name, text) of every file below ``root`` that was not read
    as a record (``read``: their display names) and might hold a number:
    hidden files and odd suffixes too. Hidden folders such as .git are not
    data; links are not followed."""
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = sorted(d for d in subfolders if d not in (".git", ".askoy2020-cache"))
        for name in sorted(names):
            if display_name(os.path.join(folder, name)) in read:  # by text: 23,000 Path objects cost 0.1 s
                continue
            path = Path(folder) / name
            if os.path.islink(path):
                continue
            try:
                if not path.is_file() or path.stat().st_size > max_bytes:
                    continue
                with open(path, "rb") as handle:
                    text = handle.read(max_bytes).decode("utf-8", errors="replace")
            except OSError:
                continue
            if might_hold_one(text) or might_hold_one(str(path.relative_to(root))):
                yield display_name(path), text
