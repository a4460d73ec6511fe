"""The count files an import writes: ``quality-counts/<source>-<year>.yaml``,
one record a line.

An import replaces, for its source, the records of the units the export
names in the months it covers (from its first month to its last: a month in
between with no case has no row). It keeps every other record – other
units' too, so an export filtered to one unit changes only that unit – with
the comments written above or beside it, and the comment block at the top of
the file. Records are kept in order of month, unit, kind and severity, so
importing the same export twice writes the same bytes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..accounts.errors import ImportProblem
from ..core.diagnostics import Location
from ..core.names import unit_key
from ..model.case_counts import CaseCount, CountedKind
from ..writing.yaml_text import scalar
from .reading import CountedExport, Key, holds_identity_number

FOLDER = "quality-counts"
_KIND_ORDER = {kind: index for index, kind in enumerate(CountedKind)}
_FIELDS = ("source", "unit", "area", "kind", "severity", "month", "count")


@dataclass(frozen=True)
class FileChange:
    path: Path
    name: str
    """As messages show it."""
    old: bytes | None
    """None: a new file."""
    new: bytes
    written: int
    """Records from the export in it."""
    kept: int
    """Records of other months (or sources) kept."""
    replaced: int
    """Records of the covered months that the export's records replace."""

    @property
    def changed(self) -> bool:
        return self.old != self.new


def slug(source: str) -> str:
    """The source as a file name: 'Compilo' -> 'compilo', 'EQS Kvalitet' -> 'eqs-kvalitet'."""
    text = unicodedata.normalize("NFKD", source.lower().replace("ø", "o").replace("æ", "ae"))
    text = re.sub(r"[^a-z0-9]+", "-", text.encode("ascii", "ignore").decode()).strip("-")
    return text or "kvalitetssystem"


def record_line(record: dict[str, Any]) -> str:
    inner = ", ".join(f"{key}: {scalar(record[key], True)}" for key in _FIELDS if record.get(key) is not None)
    return "- {" + inner + "}"  # at the margin, as askoy2020 fmt lays out a file that is a list


def _order(record: dict[str, Any]) -> tuple[Any, ...]:
    kind = CountedKind(record["kind"]) if record.get("kind") in CountedKind._value2member_map_ else None
    severity = record.get("severity")
    return (str(record.get("month", "")), str(record.get("unit", "")),
            _KIND_ORDER.get(kind, 99) if kind else 99, severity if isinstance(severity, int) else 9)


def plan_files(export: CountedExport, folder: Path, source: str, areas: dict[str, str],
               shown: Any = str) -> list[FileChange]:
    """The file of each year the export covers, as it will be written.
    ``areas`` gives the area of a unit the export names none for; ``shown``
    names a path for messages."""
    covered = export.months
    units = {unit_key(unit) for unit in export.units}
    by_year: dict[int, list[tuple[Key, int]]] = {}
    for key, count in sorted(export.counts.items(), key=lambda item: (item[0][3], item[0][0])):
        by_year.setdefault(int(key[3][:4]), []).append((key, count))
    for month in covered:
        by_year.setdefault(int(month[:4]), [])
    changes = []
    for year, rows in sorted(by_year.items()):
        path = folder / FOLDER / f"{slug(source)}-{year}.yaml"
        months = {m for m in covered if m.startswith(f"{year}-")}
        records = [_record(key, count, source, export.areas.get(key[0]) or areas.get(key[0]), shown(path))
                   for key, count in rows]
        if records or path.exists():  # a year that counts nothing makes no new file
            changes.append(_change(path, shown(path), source, months, units, records, year))
    return changes


def _record(key: Key, count: int, source: str, area: str | None, name: str) -> dict[str, Any]:
    unit, kind, severity, month = key
    record = {"source": source, "unit": unit, "area": area, "kind": kind.value, "severity": severity,
              "month": month, "count": count}
    for field_name in ("source", "unit", "area"):  # every kept text checked again, as it is written
        value = record[field_name]
        if isinstance(value, str) and holds_identity_number(value):
            raise ImportProblem(Location(name, 0), f"the {field_name} of a count record would hold what looks like "
                                "an identity number (fødselsnummer or D-nummer)",
                                "Nothing is imported: identity numbers must never be written to the repository. "
                                "Correct the export.")
    CaseCount.model_validate({k: v for k, v in record.items() if v is not None})  # never write what would not load
    return record


def _change(path: Path, name: str, source: str, months: set[str], units: set[str], records: list[dict[str, Any]],
            year: int) -> FileChange:
    """``units``: the export's units, as :func:`unit_key` writes them; only
    their records of ``months`` are replaced – an export of some units (or
    one) keeps every other unit's counts."""
    old = path.read_bytes() if path.exists() else None
    header, chunks = _chunks(_decoded(old, name), name) if old is not None else (_new_header(source, year), [])
    kept = [(order, lines) for order, lines, record in chunks
            if not (str(record.get("source", "")).casefold() == source.casefold()
                    and str(record.get("month")) in months
                    and unit_key(str(record.get("unit", ""))) in units)]
    new = [(_order(r), [record_line(r)]) for r in records]
    body = [line for _, lines in sorted(kept + new, key=lambda item: item[0]) for line in lines]
    text = "\n".join(header + body).rstrip("\n") + "\n"
    return FileChange(path, name, old, text.encode("utf-8"), len(records), len(kept), len(chunks) - len(kept))


def _decoded(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise ImportProblem(Location(name, line), "the file is not UTF-8 text, as askoy2020 writes its files",
                            "Save it as UTF-8 (or move it away), then import again.") from None


def _new_header(source: str, year: int) -> list[str]:
    return [f"# Cases counted in {source}, {year}: written by askoy2020 import cases from the quality system's "
            "export.",
            "# Counts only – no case text. A later import replaces its units' counts in the months its export covers."]


def _chunks(text: str, name: str) -> tuple[list[str], list[tuple[tuple[Any, ...], list[str], dict[str, Any]]]]:
    """The file's top comment block, and each record with the comment lines above it."""
    from ..writing.round_trip import round_trip_yaml

    try:
        document = round_trip_yaml().load(text)
    except Exception as exc:  # ruamel raises many kinds; the file must be fixed first
        raise ImportProblem(Location(name, 0), f"the file cannot be read as YAML ({type(exc).__name__})",
                            "Fix it (askoy2020 validate says where), then import again.") from None
    lines = text.splitlines()
    if document is None:
        return lines, []
    if not isinstance(document, list) or not all(isinstance(item, dict) for item in document):
        raise ImportProblem(Location(name, 1), "the file is not a list of count records",
                            "Move it away, or fix it, then import again.")
    starts = [item.lc.line for item in document]
    header_end = _header_end(lines, starts[0] if starts else len(lines))
    # Comment lines just above a record travel with it; the block at the top
    # of the file stays the file's header.
    begins = []
    for index, start in enumerate(starts):
        limit = header_end if index == 0 else starts[index - 1] + 1
        begin = start
        while begin > limit and lines[begin - 1].strip().startswith("#"):
            begin -= 1
        begins.append(begin)
    begins.append(len(lines))
    chunks = [(_order(dict(item)), lines[begins[i]:begins[i + 1]], dict(item)) for i, item in enumerate(document)]
    return lines[:header_end] if starts else lines, chunks


def _header_end(lines: list[str], first: int) -> int:
    """The header: the comment block at the top, up to the first blank line
    or the first record."""
    end = 0
    while end < first and lines[end].strip().startswith("#"):
        end += 1
    while end < first and not lines[end].strip():
        end += 1
    return end


def write_files(changes: Iterable[FileChange]) -> list[str]:
    """Write every changed file atomically, or – on a failure – put back
    what was written (a new file is removed) and raise the failure."""
    from ..writing.atomic import write_bytes_atomic

    written: list[FileChange] = []
    try:
        for change in changes:
            if not change.changed:
                continue
            change.path.parent.mkdir(parents=True, exist_ok=True)
            write_bytes_atomic(change.path, change.new)
            written.append(change)
    except BaseException:
        for change in reversed(written):
            try:
                if change.old is None:
                    change.path.unlink()
                else:
                    write_bytes_atomic(change.path, change.old)
            except OSError:
                pass
        raise
    return [c.name for c in written]
