"""Reading an ERP export – CSV or xlsx – into lines with their line numbers.

CSV comes in UTF-8 (with or without a BOM), Windows-1252 (what Excel and
older Visma write on Norwegian Windows; UTF-16 with a BOM too, Excel's
"Unicode text"), separated by ``;``, tab or ``,``: the separator is the one
under which a header row is found (:mod:`.columns`). xlsx is read with
openpyxl, the first sheet unless one is named; number cells are numbers,
and a formula cell gives the value Excel saved with it.

A line is numbered as the file shows it: the CSV line it starts on (a quoted
cell may span lines), the sheet's row. Any problem – an unreadable file, no
header, a beløp or periode that is not one – ends the reading with that line
(:class:`~.errors.ImportProblem`): nothing is imported from a file read in part.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from ..core.diagnostics import Location
from .amounts import DecimalMark, NotAnAmount, cell_amount, decimal_mark
from .columns import CODE_FIELDS, FIELD_TITLES, HEADER_SEARCH_ROWS, DuplicateColumn, Header, expected_header, header_of
from .errors import ImportProblem, shown
from .periods import Month, NotAPeriod, parse_month

MAX_EXPORT_BYTES = 200_000_000
"""A year of a large municipality's ledger lines is some tens of megabytes."""
DELIMITERS = (";", "\t", ",")
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


Row = tuple[int, Sequence[object]]


def read_export(path: Path, name: str, sheet: str | None = None) -> Export:
    """The lines of the export at ``path`` (shown as ``name``)."""
    try:
        size = path.stat().st_size
        if size > MAX_EXPORT_BYTES:
            raise _whole(name, f"the file is {size:,} bytes, more than {MAX_EXPORT_BYTES:,}",
                         "Export one year at a time.")
        data = path.read_bytes()
    except OSError as exc:
        raise _whole(name, f"the file cannot be read: {exc.strerror or exc}",
                     "Check the name and that the file is readable.") from None
    if not data.strip():
        raise _whole(name, "the file is empty", "Export the ledger lines again.")
    if data.startswith(_OLE):
        raise _whole(name, "this is an old Excel .xls file", "Save it as .xlsx or CSV and import that.")
    if data.startswith(_ZIP):
        form, rows = _xlsx_rows(data, name, sheet)
        mark: DecimalMark | None = None
    else:
        if sheet is not None:
            raise _whole(name, "--sheet is for an xlsx workbook, and this is a CSV file", "Leave out --sheet.")
        form, rows = _csv_rows(data, name)
        mark = ","
    header, data_rows = _split_header(rows, name)
    return _lines(name, form, header, data_rows, mark, csv_file=mark is not None)


def _whole(name: str, message: str, hint: str = "") -> ImportProblem:
    return ImportProblem(Location(name, 0), message, hint)


# -- CSV -----------------------------------------------------------------------

def _decode(data: bytes, name: str) -> tuple[str, str]:
    """The text and the encoding it was read in."""
    for bom, encoding, title in ((codecs.BOM_UTF8, "utf-8", "UTF-8 with BOM"),
                                 (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
                                 (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16")):
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), title
            except UnicodeDecodeError as exc:
                raise _undecodable(data, exc, name, title) from None
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError as exc:
        raise _undecodable(data, exc, name, "UTF-8 or Windows-1252") from None


def _undecodable(data: bytes, exc: UnicodeDecodeError, name: str, encoding: str) -> ImportProblem:
    line = data[: exc.start].count(b"\n") + 1
    return ImportProblem(Location(name, line), f"the file is not {encoding} text (byte 0x{data[exc.start]:02x})",
                         "Export it as CSV (UTF-8 or Windows-1252) or as xlsx.")


def _csv_rows(data: bytes, name: str) -> tuple[str, Iterator[Row]]:
    text, encoding = _decode(data, name)
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise ImportProblem(Location(name, line), "the file holds NUL bytes, so it is not a CSV or xlsx file",
                            "Export the ledger lines as CSV or xlsx.")
    best: tuple[int, str] | None = None
    for delimiter in DELIMITERS:
        header = _find_header(_csv_records(text, delimiter, name, HEADER_SEARCH_ROWS), name)
        if header is not None and (best is None or len(header.columns) > best[0]):
            best = (len(header.columns), delimiter)
    delimiter = best[1] if best else ";"
    shown_delimiter = "tab" if delimiter == "\t" else repr(delimiter)
    return f"CSV, {encoding}, separated by {shown_delimiter}", _csv_records(text, delimiter, name)


def _csv_records(text: str, delimiter: str, name: str, limit: int | None = None) -> Iterator[Row]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = 1
    count = 0
    while limit is None or count < limit:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise ImportProblem(Location(name, start), f"the line cannot be read as CSV: {exc}",
                                "Check the quotes on this line.") from None
        yield start, cells
        start = reader.line_num + 1
        count += 1


# -- xlsx ----------------------------------------------------------------------

def _xlsx_rows(data: bytes, name: str, sheet: str | None) -> tuple[str, Iterator[Row]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # a zip that is no workbook fails in many ways inside openpyxl
        raise _whole(name, f"the file cannot be read as an xlsx workbook ({type(exc).__name__})",
                     "Open it in Excel and save it as .xlsx, or export CSV.") from None
    sheets = book.worksheets
    if not sheets:
        raise _whole(name, "the workbook has no sheet with cells")
    chosen = sheets[0]
    if sheet is not None:
        named = [s for s in sheets if s.title == sheet] or [s for s in sheets if s.title.lower() == sheet.lower()]
        if not named:
            titles = ", ".join(repr(s.title) for s in sheets)
            raise _whole(name, f"the workbook has no sheet {sheet!r}", f"Its sheets are {titles}.")
        chosen = named[0]
    chosen.reset_dimensions()  # a sheet's own idea of its size can be wrong; read every row there is

    def rows() -> Iterator[Row]:
        try:
            yield from enumerate(chosen.iter_rows(values_only=True), start=1)
        except Exception as exc:
            raise _whole(name, f"the sheet cannot be read ({type(exc).__name__})",
                         "Open it in Excel and save it again, or export CSV.") from None
        finally:
            book.close()

    return f"xlsx, sheet {chosen.title!r}", rows()


# -- header and lines ------------------------------------------------------------

def _find_header(rows: Iterator[Row], name: str) -> Header | None:
    for number, cells in rows:
        try:
            header = header_of(cells, number)
        except DuplicateColumn as exc:
            raise ImportProblem(Location(name, number), str(exc), "Rename or delete one of them.") from None
        if header is not None:
            return header
    return None


def _split_header(rows: Iterator[Row], name: str) -> tuple[Header, Iterator[Row]]:
    searched = 0
    for number, cells in rows:
        searched += 1
        try:
            header = header_of(cells, number)
        except DuplicateColumn as exc:
            raise ImportProblem(Location(name, number), str(exc), "Rename or delete one of them.") from None
        if header is not None:
            return header, rows
        if searched >= HEADER_SEARCH_ROWS:
            break
    where = f"in the first {HEADER_SEARCH_ROWS} lines" if searched >= HEADER_SEARCH_ROWS else "in the file"
    raise _whole(name, f"no header row found {where}", f"The importer looks for {expected_header()}.")


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
