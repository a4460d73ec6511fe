"""Where an export's rows come from: a CSV file's text, or an xlsx sheet.

CSV comes in UTF-8 (with or without a BOM), Windows-1252 (what Excel and
older Visma write on Norwegian Windows) or UTF-16 with a BOM (Excel's
"Unicode text"), separated by ``;``, tab or ``,``: the separator is the one
under which a header row is found (:mod:`.columns`). A row is numbered by
the line it starts on, as an editor shows it (a quoted cell may span lines).

xlsx is read with openpyxl, the first sheet unless one is named; number
cells are numbers, and a formula cell gives the value Excel saved with it.
A row is numbered as the sheet numbers it.
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ..core.diagnostics import Location
from .columns import HEADER_SEARCH_ROWS, DuplicateColumn, Header, header_of
from .errors import ImportProblem

DELIMITERS = (";", "\t", ",")
MAX_UNPACKED_BYTES = 1_000_000_000
"""50,000 ledger lines unpack to some 15 MB of sheet XML."""
Row = tuple[int, Sequence[object]]


MAX_EXPORT_BYTES = 200_000_000
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old binary .xls


def whole(name: str, message: str, hint: str = "") -> ImportProblem:
    """A problem with the file as a whole, not one of its lines."""
    return ImportProblem(Location(name, 0), message, hint)


def header_at(cells: Sequence[object], number: int, name: str) -> Header | None:
    try:
        return header_of(cells, number)
    except DuplicateColumn as exc:
        raise ImportProblem(Location(name, number), str(exc), "Rename or delete one of them.") from None


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


HeaderFinder = Callable[[Sequence[object], int, str], Any]
"""A row, its number and the file's name -> the header it is (with ``columns``), or None."""


def csv_rows(data: bytes, name: str, find: HeaderFinder = header_at) -> tuple[str, Iterator[Row]]:
    """How the file was read (encoding, separator) and its rows; the
    separator is the one under which ``find`` sees the richest header."""
    text, encoding = _decode(data, name)
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise ImportProblem(Location(name, line), "the file holds NUL bytes, so it is not a CSV or xlsx file",
                            "Export the ledger lines as CSV or xlsx.")
    best: tuple[int, str] | None = None
    for delimiter in DELIMITERS:
        header = _find_header(_csv_records(text, delimiter, name, HEADER_SEARCH_ROWS), name, find)
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


def xlsx_rows(data: bytes, name: str, sheet: str | None) -> tuple[str, Iterator[Row]]:
    """Which sheet was read and its rows (the workbook is closed when they run out)."""
    from openpyxl import load_workbook

    _refuse_a_zip_bomb(data, name)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # a zip that is no workbook fails in many ways inside openpyxl
        raise whole(name, f"the file cannot be read as an xlsx workbook ({type(exc).__name__})",
                    "Open it in Excel and save it as .xlsx, or export CSV.") from None
    sheets = book.worksheets
    if not sheets:
        raise whole(name, "the workbook has no sheet with cells")
    chosen = sheets[0]
    if sheet is not None:
        named = [s for s in sheets if s.title == sheet] or [s for s in sheets if s.title.lower() == sheet.lower()]
        if not named:
            titles = ", ".join(repr(s.title) for s in sheets)
            raise whole(name, f"the workbook has no sheet {sheet!r}", f"Its sheets are {titles}.")
        chosen = named[0]
    chosen.reset_dimensions()  # a sheet's own idea of its size can be wrong; read every row there is

    def rows() -> Iterator[Row]:
        try:
            yield from enumerate(chosen.iter_rows(values_only=True), start=1)
        except Exception as exc:
            raise whole(name, f"the sheet cannot be read ({type(exc).__name__})",
                        "Open it in Excel and save it again, or export CSV.") from None
        finally:
            book.close()

    return f"xlsx, sheet {chosen.title!r}", rows()


def _refuse_a_zip_bomb(data: bytes, name: str) -> None:
    """An xlsx is a zip; its parts are unpacked into memory. A few kilobytes
    can claim gigabytes, so the sizes the zip declares are asked first."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, ValueError):
        return  # openpyxl says what is wrong with it
    if unpacked > MAX_UNPACKED_BYTES:
        raise whole(name, f"the workbook unpacks to {unpacked:,} bytes, more than {MAX_UNPACKED_BYTES:,}",
                    "Export one year at a time, or as CSV.")


def _find_header(rows: Iterator[Row], name: str, find: HeaderFinder = header_at) -> Any:
    """The header ``find`` sees first (a :class:`Header` for the ERP export), or None."""
    for number, cells in rows:
        header = find(cells, number, name)
        if header is not None:
            return header
    return None


def export_rows(path: Path, name: str, sheet: str | None, what: str,
                find: HeaderFinder = header_at) -> tuple[str, Iterator[Row], bool]:
    """The rows of an export (CSV or xlsx, told by its first bytes) at
    ``path``, shown as ``name``; ``what`` the export holds, for the hint when
    it is empty. Returns the form, the rows and whether it is CSV. One
    reader for every importer (actuals, case counts)."""
    try:
        size = path.stat().st_size
        if size > MAX_EXPORT_BYTES:
            raise whole(name, f"the file is {size:,} bytes, more than {MAX_EXPORT_BYTES:,}",
                        "Export one year at a time.")
        data = path.read_bytes()
    except OSError as exc:
        raise whole(name, f"the file cannot be read: {exc.strerror or exc}",
                    "Check the name and that the file is readable.") from None
    if not data.strip():
        raise whole(name, "the file is empty", f"Export the {what} again.")
    if data.startswith(_OLE):
        raise whole(name, "this is an old Excel .xls file", "Save it as .xlsx or CSV and import that.")
    if data.startswith(_ZIP):
        form, rows = xlsx_rows(data, name, sheet)
        return form, rows, False
    if sheet is not None:
        raise whole(name, "--sheet is for an xlsx workbook, and this is a CSV file", "Leave out --sheet.")
    form, rows = csv_rows(data, name, find)
    return form, rows, True
