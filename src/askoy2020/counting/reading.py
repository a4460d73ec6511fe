"""Reading a quality system's export into counts per unit, kind,
severity and month.

The file is read as the actuals importer reads an ERP export (CSV in UTF-8,
with or without a BOM, Windows-1252 or UTF-16; ``;``, tab or ``,``; or an
xlsx sheet): :mod:`askoy2020.accounts.sources`. A row is one case, or –
when the export has an antall column – a count already. Only the columns of
:data:`.columns.FIELDS` are read; any problem ends the reading with the
file, line and column, and nothing is imported from a file read in part.

A cell that holds what looks like an identity number stops the import when
it is in a column whose value would be written (enhet, type,
alvorlighetsgrad, område); in any other column (a description) it is only
counted, for a warning: nothing of such a column is ever kept.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from ..accounts.errors import ImportProblem, shown
from ..accounts.sources import Row, export_rows, whole
from ..core.diagnostics import Location
from ..core.identity_numbers import find_identity_numbers, might_hold_one
from ..model.base import ID_PATTERN, Text
from ..model.case_counts import CountedKind
from .columns import (
    KEPT,
    TITLES,
    CountHeader,
    DuplicateColumn,
    UnknownValue,
    expected_header,
    header_of,
    kind_of,
    severity_of,
)

HEADER_SEARCH_ROWS = 50
MAX_COUNT = 1_000_000
"""The most cases one row (or one count record) may count: Askøy registers
a few thousand a year; more is a typing or export error."""
_TEXT: TypeAdapter[str] = TypeAdapter(Text)

Key = tuple[str, CountedKind, int | None, str]
"""unit, kind, severity, month (YYYY-MM)."""


@dataclass
class CountedExport:
    name: str
    form: str
    """How it was read, e.g. "CSV, Windows-1252, separated by ';'"."""
    header: CountHeader
    counts: dict[Key, int] = field(default_factory=dict)
    areas: dict[str, str] = field(default_factory=dict)
    """unit -> area id, from an område column."""
    rows: int = 0
    """Rows read (cases, or count rows)."""
    units: dict[str, None] = field(default_factory=dict)
    """Units the export names (a row counting 0 too), in the order it first names them."""
    identity_lines: list[int] = field(default_factory=list)
    """Lines with what looks like an identity number in a column that is never
    read, or in a title or header line."""
    row_months: set[str] = field(default_factory=set)
    """Months of every row, one that counts 0 too."""
    month_mismatch_lines: list[int] = field(default_factory=list)
    """Lines whose dato falls in another month than their måned (the måned is counted)."""

    def rename_units(self, renamed: dict[str, str]) -> None:
        """Count each unit of ``renamed`` under its new name."""
        counts: dict[Key, int] = {}
        for (unit, kind, severity, month), count in self.counts.items():
            key = (renamed.get(unit, unit), kind, severity, month)
            counts[key] = counts.get(key, 0) + count
        self.counts = counts
        areas: dict[str, str] = {}
        for unit, area in self.areas.items():
            areas.setdefault(renamed.get(unit, unit), area)
        self.areas = areas
        self.units = {renamed.get(unit, unit): None for unit in self.units}

    @property
    def months(self) -> list[str]:
        """Every month from the first to the last the export counts: the months it covers."""
        found = sorted({key[3] for key in self.counts} | self.row_months)
        if not found:
            return []
        year, month = int(found[0][:4]), int(found[0][5:])
        out = []
        while (text := f"{year}-{month:02d}") <= found[-1]:
            out.append(text)
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return out


def _header_at(cells: Sequence[object], number: int, name: str) -> CountHeader | None:
    try:
        return header_of(cells, number)
    except DuplicateColumn as exc:
        raise ImportProblem(Location(name, number), str(exc), "Rename or delete one of them.") from None


def read_counts(path: Path, name: str, sheet: str | None = None) -> CountedExport:
    """The counts of the export at ``path`` (shown as ``name``)."""
    form, rows, _ = export_rows(path, name, sheet, "cases", _header_at)
    header, data_rows, flagged = _split_header(rows, name)
    export = CountedExport(name, form, header, identity_lines=flagged)
    for number, cells in data_rows:
        _read_row(export, number, cells)
    return export


def _split_header(rows: Iterator[Row], name: str) -> tuple[CountHeader, Iterator[Row], list[int]]:
    """The header, the rows after it, and the lines up to it (a title, the
    header itself) that hold what looks like an identity number: never
    kept, but the export holds personal data."""
    flagged: list[int] = []
    for searched, (number, cells) in enumerate(rows, start=1):
        if any(holds_identity_number(_text(cell)) for cell in cells):
            flagged.append(number)
        header = _header_at(cells, number, name)
        if header is not None:
            return header, rows, flagged
        if searched >= HEADER_SEARCH_ROWS:
            break
    raise whole(name, f"no header row found in the first {HEADER_SEARCH_ROWS} lines",
                f"The importer looks for {expected_header()}.")


def _cell(cells: Sequence[object], index: int | None) -> object:
    return cells[index] if index is not None and index < len(cells) else None


def holds_identity_number(text: str) -> bool:
    return might_hold_one(text) and any(True for _ in find_identity_numbers(text))


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _read_row(export: CountedExport, number: int, cells: Sequence[object]) -> None:
    if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
        return
    header, name = export.header, export.name
    kept_at = {header.columns[f]: f for f in KEPT if f in header.columns}
    for index, cell in enumerate(cells):
        # Scanned as the text that would be kept: a long number typed into
        # an xlsx cell is read as a float (1.5458512326E10) and kept as digits.
        if holds_identity_number(_text(cell)):
            if index in kept_at:
                raise ImportProblem(Location(name, number, index + 1),
                                    f"the {_column(header, kept_at[index])} column holds what looks like an "
                                    "identity number (fødselsnummer or D-nummer)",
                                    "Nothing is imported. Correct the export: this column is written to the "
                                    "repository, and identity numbers must never be.")
            export.identity_lines.append(number)
            break

    def problem(field_name: str, message: str, hint: str = "") -> ImportProblem:
        return ImportProblem(Location(name, number, header.columns[field_name] + 1),
                             f"{_column(header, field_name)} {message}", hint)

    unit = _text(_cell(cells, header.columns["unit"]))
    if not unit:
        raise problem("unit", "is empty", "Every row needs the unit it was registered in.")
    if unit not in export.units:
        if wrong := _not_text(unit):
            raise problem("unit", f"cannot be kept: {wrong}", "Correct the unit's name in the export.")
        export.units[unit] = None
    raw_kind = _text(_cell(cells, header.columns["kind"]))
    try:
        kind = kind_of(raw_kind)
    except UnknownValue as exc:
        raise problem("kind", f"{shown(raw_kind)} {exc}",
                      "Correct the value, or export only the kinds to count.") from None
    severity: int | None = None
    if "severity" in header.columns:
        value = _cell(cells, header.columns["severity"])
        try:
            severity = severity_of(value)
        except UnknownValue as exc:
            raise problem("severity", f"{shown(_text(value))} {exc}") from None
    when = header.when
    value = _cell(cells, header.columns[when])
    month = _month(value)
    if month is None:
        raise problem(when, f"{shown(_text(value))} is not a date or month",
                      "Write it as 2020-03-14, 14.03.2020, 2020-03 or 03.2020.")
    count = 1
    if header.aggregated:
        value = _cell(cells, header.columns["count"])
        count_or_none = _whole_number(value)
        if count_or_none is None or count_or_none < 0:
            raise problem("count", f"{shown(_text(value))} is not a whole number of cases",
                          "Write the number of cases, e.g. 4.")
        if count_or_none > MAX_COUNT:
            raise problem("count", f"{shown(_text(value))} is more cases than a row can count "
                          f"(at most {MAX_COUNT:,})", "Correct the number; the export is likely wrong here.")
        count = count_or_none
    if "area" in header.columns and (area := _text(_cell(cells, header.columns["area"]))):
        if not _ID.fullmatch(area):
            raise problem("area", f"{shown(area)} is not an area id", "Write the programme area's id, e.g. HM.")
        export.areas.setdefault(unit, area)
    if when == "month" and "date" in header.columns:
        day = _month(_cell(cells, header.columns["date"]))
        if day is not None and day != month:
            export.month_mismatch_lines.append(number)
    export.rows += 1
    export.row_months.add(month)
    if count:
        key = (unit, kind, severity, month)
        total = export.counts.get(key, 0) + count
        if total > MAX_COUNT:
            raise problem("count" if header.aggregated else "unit",
                          f"brings the count of {shown(unit)}, {kind.value}, {month} to {total:,}, more than a "
                          f"record can hold (at most {MAX_COUNT:,})", "Check the export's numbers.")
        export.counts[key] = total


_ID = re.compile(ID_PATTERN[1:-1])


def _not_text(value: str) -> str | None:
    """Why a unit's name cannot be written as a record's text, or None."""
    try:
        _TEXT.validate_python(value)
    except ValidationError as exc:
        return str(exc.errors()[0]["msg"]).removeprefix("Value error, ")
    return None


def _column(header: CountHeader, field_name: str) -> str:
    return f"{TITLES[field_name]} ({header.names[field_name]!r})"


_MONTH_FORMS = (
    re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?(?:[T ].*)?$"),  # 2020-03(-14 10:22)
    re.compile(r"^(?:(?P<day>\d{1,2})[./])?(?P<month>\d{1,2})[./](?P<year>\d{4})(?: .*)?$"),  # (14.)03.2020
    re.compile(r"^(?P<year>\d{4})(?P<month>\d{2})$"),  # 202003
)


def _month(value: object) -> str | None:
    """YYYY-MM of a date or month cell, or None when it is neither."""
    if isinstance(value, (dt.date, dt.datetime)):
        return f"{value.year}-{value.month:02d}"
    text = _text(value)
    for form in _MONTH_FORMS:
        match = form.match(text)
        if match:
            year, month = int(match["year"]), int(match["month"])
            day = int(match["day"]) if "day" in form.groupindex and match["day"] else 1
            try:
                dt.date(year, month, day)
            except ValueError:
                return None
            return f"{year}-{month:02d}" if 1990 <= year <= 2100 else None
    return None


def _whole_number(value: object) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    text = str(value).strip().replace("\u00a0", "").replace(" ", "")
    if text.endswith((",0", ".0")):
        text = text[:-2]
    return int(text) if re.fullmatch(r"-?\d+", text) else None
