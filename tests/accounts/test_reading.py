"""Reading exports: every encoding, separator and spreadsheet an ERP gives,
and one clear problem with file and line for what cannot be read."""

from __future__ import annotations

import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from askoy2020.accounts.errors import ImportProblem
from askoy2020.accounts.periods import Month
from askoy2020.accounts.reading import read_export

from .erp import LINES, csv_line_numbers, csv_text, write_csv, write_xlsx, xlsx_row_numbers

EXPECTED = [(line.ansvar, line.funksjon, line.prosjekt, line.amount) for line in LINES]


def _read(path: Path, sheet: str | None = None) -> list[tuple[str, str, str, Decimal]]:
    export = read_export(path, path.name, sheet)
    return [(line.code("ansvar"), line.code("funksjon"), line.code("project"), line.amount) for line in export.lines]


def _problem(path: Path, sheet: str | None = None) -> ImportProblem:
    with pytest.raises(ImportProblem) as caught:
        read_export(path, path.name, sheet)
    return caught.value


@pytest.mark.parametrize(("encoding", "bom", "newline"), [
    ("cp1252", False, "\r\n"), ("utf-8", False, "\n"), ("utf-8", True, "\r\n"), ("utf-16-le", False, "\r\n"),
])
def test_csv_in_every_encoding(tmp_path: Path, encoding: str, bom: bool, newline: str) -> None:
    path = tmp_path / "eksport.csv"
    if encoding == "utf-16-le":  # Excel's "Unicode text": a BOM and tabs
        path.write_bytes(b"\xff\xfe" + csv_text(delimiter="\t").replace("\n", newline).encode("utf-16-le"))
    else:
        write_csv(path, encoding=encoding, bom=bom, newline=newline)
    export = read_export(path, "eksport.csv")
    assert _read(path) == EXPECTED
    assert [line.line for line in export.lines] == csv_line_numbers()
    assert export.header.row == 4 and export.header.names["amount"] == "Beløp"
    assert export.lines[0].art == "10100" and export.lines[0].month == Month(2020, 1)


@pytest.mark.parametrize(("delimiter", "thousands", "decimal"), [
    (";", " ", ","), (";", "\u00a0", ","), (";", ".", ","), ("\t", " ", ","), (",", " ", ","),
    (",", ",", "."), (";", "", "."), ("\t", "\u2009", ","),
])
def test_csv_with_every_separator_and_number_format(tmp_path: Path, delimiter: str, thousands: str,
                                                    decimal: str) -> None:
    path = write_csv(tmp_path / "eksport.csv", encoding="utf-8", delimiter=delimiter, thousands=thousands,
                     decimal=decimal)
    assert _read(path) == EXPECTED


def test_the_separator_is_the_one_a_header_is_found_under(tmp_path: Path) -> None:
    text = "Ansvar, tekst;Prosjekt;Periode;Beløp\n3100, Skole;9203;202001;1 000,00\n"  # a comma inside a cell
    path = tmp_path / "e.csv"
    path.write_text(text, encoding="utf-8")
    export = read_export(path, "e.csv")
    assert export.form == "CSV, UTF-8, separated by ';'"
    assert export.lines[0].amount == Decimal("1000.00")


def test_a_quoted_cell_over_two_lines_keeps_the_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    path.write_text('Ansvar;Tekst;Periode;Beløp\n3100;"to\nlinjer";202001;1,00\n3100;én;202002;2,00\n',
                    encoding="utf-8")
    assert [line.line for line in read_export(path, "e.csv").lines] == [2, 4]


def test_xlsx_with_number_cells(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "eksport.xlsx")
    export = read_export(path, "eksport.xlsx")
    assert _read(path) == EXPECTED
    assert [line.line for line in export.lines] == xlsx_row_numbers()
    assert export.form == "xlsx, sheet 'Regnskap'" and export.decimal_mark is None


def test_xlsx_with_amounts_as_norwegian_text(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "eksport.xlsx", numbers=False)
    assert _read(path) == EXPECTED


def test_xlsx_first_sheet_or_the_one_named(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "eksport.xlsx", extra_sheet_first=True)
    assert "no header row" in str(_problem(path))  # the first sheet is a cover page
    assert _read(path, sheet="Regnskap") == EXPECTED
    assert _read(path, sheet="regnskap") == EXPECTED
    problem = _problem(path, sheet="Ark1")
    assert str(problem) == "eksport.xlsx: the workbook has no sheet 'Ark1'. Its sheets are 'Forside', 'Regnskap'."


def test_xlsx_numeric_codes_are_text_without_decimals(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Ansvar", "Funksjon", "Prosjekt", "Periode", "Beløp"])
    sheet.append([3100, 120.0, 9203, 202008, 1234.5])
    path = tmp_path / "e.xlsx"
    book.save(path)
    assert _read(path) == [("3100", "120", "9203", Decimal("1234.5"))]


def test_a_formula_cell_gives_its_saved_value_or_an_error(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Ansvar", "Periode", "Beløp"])
    sheet.append(["3100", "202001", "=SUM(1,2)"])  # openpyxl saves no value with it, as Excel would
    path = tmp_path / "e.xlsx"
    book.save(path)
    assert str(_problem(path)) == ("e.xlsx:2: the line has no beløp. Every ledger line needs an amount; "
                                   "write 0 if it is none.")


@pytest.mark.parametrize(("content", "message"), [
    (b"", "e.csv: the file is empty"),
    (b"\n\r\n  \n", "e.csv: the file is empty"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "e.csv: this is an old Excel .xls file"),
    (b"PK\x03\x04 not a workbook", "e.csv: the file cannot be read as an xlsx workbook (BadZipFile)"),
    (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "e.csv: no header row found in the file"),
    (b"Ansvar;Funksjon\n3100;120\n", "e.csv: no header row found in the file"),
    (b"a\0b;c\n", "e.csv:1: the file holds NUL bytes, so it is not a CSV or xlsx file"),
    (b"Ansvar;Bel\xf8p\n3100;\x81\n", "e.csv:2: the file is not UTF-8 or Windows-1252 text (byte 0x81)"),
    (b"Ansvar;Periode;Bel\xc3\xb8p\n3100;202001;12,3,4\n", "e.csv:2: beløp '12,3,4' is not a number"),
    (b"Ansvar;Periode;Bel\xc3\xb8p\n3100;202001;\n", "e.csv:2: the line has no beløp"),
    (b"Ansvar;Periode;Bel\xc3\xb8p\n3100;august;1,00\n", "e.csv:2: periode 'august' is not a period"),
    (b"Ansvar;Periode;Bel\xc3\xb8p\n3100;202001;1 234,50\n3100;202002;12.75\n",
     "e.csv:3: the beløp column has a decimal comma on line 2 and a decimal point on line 3"),
    (b"Ansvar;Bel\xc3\xb8p;Regnskap\n3100;1;2\n", "e.csv:1: two columns could be beløp: 'Beløp' and 'Regnskap'"),
    (b"Ansvar;Periode;\xc3\x85r;Bel\xc3\xb8p\n3100;202001;2019;1\n",
     "e.csv:2: periode '202001' and år 2019 give different years"),
])
def test_what_cannot_be_read_is_one_line_with_the_place(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "e.csv"
    path.write_bytes(content)
    assert str(_problem(path)).startswith(message)


def test_no_header_in_the_first_fifty_lines(tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    path.write_text("tittel\n" * 60 + "Ansvar;Beløp\n3100;1\n", encoding="utf-8")
    assert str(_problem(path)).startswith("e.csv: no header row found in the first 50 lines. The importer looks for "
                                          "a row naming a beløp column")


def test_an_xlsx_that_is_another_zip(tmp_path: Path) -> None:
    path = tmp_path / "e.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("content.xml", "<office:document/>")  # an OpenDocument file, say
    assert "cannot be read as an xlsx workbook" in str(_problem(path))


def test_sheet_is_for_xlsx_only(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "e.csv")
    assert "--sheet is for an xlsx workbook" in str(_problem(path, sheet="Ark1"))


def test_only_a_header_is_an_export_without_lines(tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    path.write_bytes(b"\xef\xbb\xbfAnsvar;Periode;Bel\xc3\xb8p\r\n")
    export = read_export(path, "e.csv")
    assert export.lines == [] and export.header.row == 1


def test_sum_and_note_lines_are_set_apart(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "e.csv")
    with path.open("ab") as handle:
        handle.write("\r\n;;;;;;Utskrevet av Økonomi;\r\n".encode("cp1252"))
    export = read_export(path, "e.csv")
    total = sum((line.amount for line in LINES), Decimal(0))
    assert export.sum_lines == [(23, total), (25, None)]  # the sum, and a note with no amount


def test_blank_lines_are_passed_over(tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    path.write_text("Ansvar;Periode;Beløp\n\n;;\n3100;202001;5\n", encoding="utf-8")
    export = read_export(path, "e.csv")
    assert [line.line for line in export.lines] == [4] and export.sum_lines == []


def test_a_month_without_a_year_takes_the_year_column(tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    path.write_text("Ansvar;År;Periode;Beløp\n3100;2020;8;5\n3100;;9;5\n", encoding="utf-8")
    assert [line.month for line in read_export(path, "e.csv").lines] == [Month(2020, 8), Month(None, 9)]


def test_a_very_long_field_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    path.write_text("Ansvar;Periode;Beløp\n3100;202001;\"" + "x" * 200_000 + "\"\n", encoding="utf-8")
    assert str(_problem(path)).startswith("e.csv:2: the line cannot be read as CSV: field larger than field limit")


def test_an_unquoted_decimal_comma_in_a_comma_separated_file_is_caught(tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    path.write_text("Ansvar,Periode,Beløp\n3100,202001,\"1234,50\"\n3100,202002,1234,50\n", encoding="utf-8")
    assert str(_problem(path)).startswith("e.csv:3: the line has 4 cells but the header 3. A cell holding the "
                                          "separator (a decimal comma in a comma-separated file) must be in double "
                                          "quotes")


def test_empty_cells_after_the_table_are_fine(tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    path.write_text("Ansvar;Periode;Beløp;;\n3100;202001;5;;\n3100;202002;6;;;;\n", encoding="utf-8")
    assert [line.amount for line in read_export(path, "e.csv").lines] == [5, 6]


def test_a_workbook_that_unpacks_too_large_is_refused_unopened(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    import askoy2020.accounts.sources as sources

    path = write_xlsx(tmp_path / "e.xlsx")
    unpacked = sum(member.file_size for member in zipfile.ZipFile(path).infolist())
    monkeypatch.setattr(sources, "MAX_UNPACKED_BYTES", unpacked - 1)  # a real bomb takes a gigabyte to make
    assert str(_problem(path)) == (f"e.xlsx: the workbook unpacks to {unpacked:,} bytes, more than {unpacked - 1:,}. "
                                   "Export one year at a time, or as CSV.")
