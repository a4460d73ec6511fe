"""Reading an ERP export – CSV or xlsx (:mod:`.sources`) – into ledger
lines with their line numbers.

A line is numbered as the file shows it: the CSV line it starts on (a quoted
cell may span lines), the sheet's row. Any problem – an unreadable file, no
header, a beløp or periode that is not one – ends the reading with that line
(:class:`~.errors.ImportProblem`): nothing is imported from a file read in part.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from ..core.diagnostics import Location
from .amounts import DecimalMark, NotAnAmount, cell_amount, decimal_mark
from .columns import CODE_FIELDS, FIELD_TITLES, HEADER_SEARCH_ROWS, Header, expected_header
from .errors import ImportProblem, shown
from .periods import Month, NotAPeriod, parse_month
from .sources import Row, export_rows, header_at, whole

MAX_EXPORT_BYTES = 200_000_000
"""A year of a large municipality's ledger lines is some tens of megabytes."""
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old binary .xls


@dataclass(frozen=True)
class ExportLine:
    line: int
    """The CSV line it starts on, or the sheet's row."""
    codes: tuple[str, str, str]
    """prosjekt, ansvar and funksjon as trimmed text ('' when empty or not in the export)."""
    art: str
    month: Month | None
    """None when the export has no periode column."""
    amount: Decimal
    """As the file gives it (kroner, or 1000 kr with ``--unit 1000kr``)."""

    def code(self, name: str) -> str:
        return self.codes[CODE_FIELDS.index(name)]


@dataclass
class Export:
    name: str
    """The file as the user named it."""
    form: str
    """How it was read, e.g. "CSV, Windows-1252, ';'" – for the summary."""
    header: Header
    lines: list[ExportLine] = field(default_factory=list)
    sum_lines: list[tuple[int, Decimal | None]] = field(default_factory=list)
    """Lines with no ansvar, funksjon or prosjekt (a report's sum lines): never counted."""
    decimal_mark: DecimalMark | None = None
    """The decimal mark of the beløp column's text cells; None when all are numbers."""

    @property
    def has_period(self) -> bool:
        return "period" in self.header.columns

    def has(self, field_name: str) -> bool:
        return field_name in self.header.columns


def read_export(path: Path, name: str, sheet: str | None = None) -> Export:
    """The lines of the export at ``path`` (shown as ``name``)."""
    form, rows, is_csv = export_rows(path, name, sheet, "ledger lines")
    mark: DecimalMark | None = "," if is_csv else None
    header, data_rows = _split_header(rows, name)
    return _lines(name, form, header, data_rows, mark, csv_file=mark is not None)


# -- header and lines ------------------------------------------------------------

def _split_header(rows: Iterator[Row], name: str) -> tuple[Header, Iterator[Row]]:
    searched = 0
    for number, cells in rows:
        searched += 1
        header = header_at(cells, number, name)
        if header is not None:
            return header, rows
        if searched >= HEADER_SEARCH_ROWS:
            break
    where = f"in the first {HEADER_SEARCH_ROWS} lines" if searched >= HEADER_SEARCH_ROWS else "in the file"
    raise whole(name, f"no header row found {where}", f"The importer looks for {expected_header()}.")


def _text(value: object) -> str:
    """A code cell as text: numbers without a decimal part, text trimmed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    return str(value).strip()


def _cell(cells: Sequence[object], index: int | None) -> object:
    return cells[index] if index is not None and index < len(cells) else None


def _lines(name: str, form: str, header: Header, rows: Iterator[Row], mark: DecimalMark | None,
           csv_file: bool = False) -> Export:
    columns = header.columns
    amount_at = columns["amount"]
    code_at = [columns.get(f) for f in CODE_FIELDS]
    raw: list[tuple[int, tuple[str, str, str], Sequence[object]]] = []
    for number, cells in rows:
        if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
            continue
        if csv_file and any(str(c).strip() for c in cells[header.width:]):
            # '3100,120,1234,50' in a comma-separated file: the øre would
            # silently become a column of their own, and 1234.50 kr 1234.
            raise ImportProblem(Location(name, number), f"the line has {len(cells)} cells but the header "
                                f"{header.width}", "A cell holding the separator (a decimal comma in a "
                                "comma-separated file) must be in double quotes; export the file again.")
        codes = (_text(_cell(cells, code_at[0])), _text(_cell(cells, code_at[1])), _text(_cell(cells, code_at[2])))
        raw.append((number, codes, cells))
    texts = [(n, c) for n, _, cells in raw if isinstance(c := _cell(cells, amount_at), str)]
    conflict = None
    if texts:
        mark, conflict = decimal_mark(texts)
    if conflict is not None:
        comma, point = conflict
        raise ImportProblem(Location(name, max(comma, point)),
                            f"the beløp column has a decimal comma on line {comma} and a decimal point "
                            f"on line {point}", "Export the file again with one number format.")
    export = Export(name, form, header, decimal_mark=mark if texts else None)
    for number, codes, cells in raw:
        value = _cell(cells, amount_at)
        if not any(codes):  # a sum line, a footer, a note: not a ledger line
            export.sum_lines.append((number, _amount_or_none(value, mark or ",")))
            continue
        if value is None or (isinstance(value, str) and not value.strip()):
            raise ImportProblem(Location(name, number), f"the line has no {FIELD_TITLES['amount']}",
                                "Every ledger line needs an amount; write 0 if it is none.")
        try:
            amount = cell_amount(value, mark or ",")
        except NotAnAmount as exc:
            raise ImportProblem(Location(name, number), f"beløp {shown(str(value))} is not a number: {exc}",
                                "Amounts look like 1 234,50, -1 234,50, 1 234,50- or (1 234,50).") from None
        export.lines.append(ExportLine(number, codes, _text(_cell(cells, columns.get("art"))),
                                       _month(cells, columns, name, number), amount))
    return export


def _amount_or_none(value: object, mark: DecimalMark) -> Decimal | None:
    try:
        return cell_amount(value, mark) if value is not None and str(value).strip() else None
    except NotAnAmount:
        return None


def _month(cells: Sequence[object], columns: dict[str, int], name: str, number: int) -> Month | None:
    if "period" not in columns:
        return None
    value = _cell(cells, columns["period"])
    try:
        month = parse_month(value if value is not None else "")
    except NotAPeriod as exc:
        raise ImportProblem(Location(name, number), f"periode {shown(_text(value))} is not a period: {exc}") from None
    if "year" not in columns:
        return month
    year_text = _text(_cell(cells, columns["year"]))
    if not year_text:
        return month
    if not (len(year_text) == 4 and year_text.isdigit()):
        raise ImportProblem(Location(name, number), f"år {shown(year_text)} is not a year", "Write it as 2020.")
    if month.year is not None and month.year != int(year_text):
        raise ImportProblem(Location(name, number),
                            f"periode {shown(_text(value))} and år {year_text} give different years")
    return Month(int(year_text), month.number)
