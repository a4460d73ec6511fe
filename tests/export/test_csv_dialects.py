"""CSV as its readers take it: ``excel-nb`` imported by LibreOffice with
the nb-NO locale (as Norwegian Excel opens a double-clicked file: ';',
decimal comma, dates recognised), ``plain`` read by Python's csv module.
Every cell must arrive as the export meant it – a number as that number
(årsverk 2.3 not a date), a date as that date, a text as that text."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

import askoy2020
from askoy2020.cli.app import app
from askoy2020.core.spreadsheet import csv_text
from askoy2020.export import sheets
from askoy2020.export.sheet import RowFormula, Sheet
from libreoffice import needs_libreoffice, soffice

runner = CliRunner()
DATA = Path(__file__).parents[2] / "data"
AS_OF = dt.date(2020, 10, 31)
# Calc's CSV import: ';', '"', UTF-8, from line 1, no column types, nb-NO,
# quoted fields not forced to text, "detect special numbers" on (dates):
# the settings under which a decimal point makes 2.3 the date 2 March.
NB_IMPORT = "CSV:59,34,76,1,,1044,false,true"


def _export(target: Path, *options: str) -> list[Path]:
    result = runner.invoke(app, ["export", str(DATA), "--format", "csv", "--output", str(target),
                                 "--as-of", AS_OF.isoformat(), *options])
    assert result.exit_code == 0, result.output
    return sorted(target.glob("*.csv"))


def _meant(value: Any) -> Any:
    """What a cell of the export means: a formula's value, else the value
    (a text with the quote that keeps it from being a formula)."""
    if isinstance(value, tuple):
        value = value[3]
    if isinstance(value, RowFormula):
        value = value.value
    if isinstance(value, bool):
        raise AssertionError("the export writes no booleans")
    return csv_text(value) if isinstance(value, str) else value


def _compare(sheet: Sheet, rows: list[list[Any]], read: Any) -> tuple[dict[str, int], list[Any]]:
    """Each data cell as read against the sheet's value: counts by kind, and the cells that differ."""
    counts = {"number": 0, "date": 0, "text": 0, "empty": 0}
    wrong = []
    assert len(rows) == len(sheet.rows) + 1, sheet.name
    for r, (want_row, got_row) in enumerate(zip(sheet.rows, rows[1:], strict=True), start=2):
        for column, (header, want, got) in enumerate(zip(sheet.headers, want_row,
                                                         list(got_row) + [None] * len(want_row), strict=False)):
            meant, kind, value = _meant(want), *read(got)
            if column in sheet.percent_columns and isinstance(meant, (int, float)):
                meant = meant * 100  # a CSV has no percent format: the points its header promises
            if meant is None or meant == "":
                ok, counted = value in (None, ""), "empty"
            elif isinstance(meant, dt.date):
                ok, counted = kind == "date" and value == meant, "date"
            elif isinstance(meant, (int, float)):
                ok, counted = kind == "number" and value == pytest.approx(meant, abs=1e-9), "number"
            else:
                ok, counted = kind == "text" and value == meant, "text"
            counts[counted] += 1
            if not ok:
                wrong.append((sheet.name, r, header, meant, got))
    return counts, wrong


def _libreoffice_cell(value: Any) -> tuple[str, Any]:
    if isinstance(value, dt.datetime):
        return "date", value.date()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return "number", value
    return "text", value


@needs_libreoffice
def test_norwegian_spreadsheet_reads_every_cell_as_meant(tmp_path: Path) -> None:
    portfolio = askoy2020.load(DATA)
    files = _export(tmp_path / "eksport")  # excel-nb is the default
    # The control: with a decimal point these very settings make årsverk 2.3 a date.
    control = tmp_path / "eksport" / "kontroll.csv"
    control.write_bytes("\ufeffÅrsverk;Årsverk\r\n2.3;2,3\r\n".encode())
    soffice([*files, control], "xlsx", tmp_path / "lo", locale="nb-NO", infilter=NB_IMPORT)
    point, comma = [c.value for c in load_workbook(tmp_path / "lo" / "kontroll.xlsx").active[2]]  # type: ignore[index]
    assert isinstance(point, dt.datetime) and comma == 2.3

    totals: dict[str, int] = {}
    for sheet in sheets(portfolio, None, AS_OF):
        ws = load_workbook(tmp_path / "lo" / f"{sheet.name}.xlsx").active
        rows = [list(r) for r in ws.iter_rows(values_only=True)]  # type: ignore[union-attr]
        assert [str(h) for h in rows[0]] == sheet.headers  # æøå intact ("2018" is a number there: fine)
        counts, wrong = _compare(sheet, rows, _libreoffice_cell)
        assert wrong == [], wrong[:5]
        totals = {k: totals.get(k, 0) + v for k, v in counts.items()}
    print("LibreOffice nb-NO import:", totals)
    assert totals["number"] > 1000 and totals["date"] > 500 and totals["text"] > 1000
    staff = load_workbook(tmp_path / "lo" / "prosjekter.xlsx").active
    fractions = [c.value for c in staff["O"][1:] if isinstance(c.value, float) and not c.value.is_integer()]  # type: ignore[index]
    assert fractions, "the sample must have årsverk with decimals, or this test shows nothing"


def _plain_cell(text: str) -> tuple[str, Any]:
    if text == "":
        return "empty", None
    try:
        return "date", dt.date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return "number", float(text)
    except ValueError:
        return "text", text


def test_plain_dialect_reads_back_with_pythons_csv_module(tmp_path: Path) -> None:
    portfolio = askoy2020.load(DATA)
    files = _export(tmp_path / "plain", "--csv-dialect", "plain")
    totals: dict[str, int] = {}
    for sheet in sheets(portfolio, None, AS_OF):
        raw = (tmp_path / "plain" / f"{sheet.name}.csv").read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
        rows = list(csv.reader(raw.decode("utf-8").splitlines()))
        assert rows[0] == sheet.headers
        counts, wrong = _compare(sheet, rows, _plain_cell)
        assert wrong == [], wrong[:5]
        totals = {k: totals.get(k, 0) + v for k, v in counts.items()}
    assert len(files) == 6 and totals["number"] > 1000 and totals["date"] > 500
    # An integer is written without ".0", a fraction with its shortest digits.
    text = (tmp_path / "plain" / "prosjekter.csv").read_text(encoding="utf-8")
    assert ".0," not in text and ",1.4," in text


def test_excel_nb_is_the_default_and_plain_is_chosen_by_name(tmp_path: Path) -> None:
    default = _export(tmp_path / "default")
    chosen = _export(tmp_path / "nb", "--csv-dialect", "excel-nb")
    for a, b in zip(default, chosen, strict=True):
        assert a.read_bytes() == b.read_bytes()
    raw = default[0].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.split(b"\r\n")[0].count(b";") > 3


def test_a_dialect_for_a_workbook_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", str(DATA), "--format", "xlsx", "--output", str(tmp_path / "a.xlsx"),
                                 "--csv-dialect", "plain"])
    assert result.exit_code == 2 and "--csv-dialect" in result.stderr and not (tmp_path / "a.xlsx").exists()


def test_the_default_dialect_follows_the_language() -> None:
    from askoy2020.commands.choices import CsvDialect, ExportFormat, Language
    from askoy2020.commands.export import ExportRequest

    def request(**given: object) -> ExportRequest:
        return ExportRequest(folder=None, output_format=ExportFormat.CSV, output=Path("e"), **given)  # type: ignore[arg-type]

    assert request().dialect() is CsvDialect.EXCEL_NB
    assert request(lang=Language.EN).dialect() is CsvDialect.PLAIN
    assert request(lang=Language.EN, csv_dialect=CsvDialect.EXCEL_NB).dialect() is CsvDialect.EXCEL_NB
