"""What finance sees in a spreadsheet: LibreOffice recalculates the sample
workbook – whole, for 2020 and for 2021 – and every formula cell's value
equals the figure computed from the YAML by the model; LibreOffice with the
nb-NO locale shows every number as its format says (a thousands separator,
a decimal comma, årsverk with a decimal, 0 as "0")."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

import askoy2020
from askoy2020.cli.app import app
from askoy2020.export import PROJECT_COST
from askoy2020.export.money import BENEFIT_NB, KIND_NB
from askoy2020.export.sheet import DATE, MONEY, PERCENT, STAFF
from askoy2020.export.workbook import TOTAL_ROW
from askoy2020.model import Portfolio, ProjectStatus
from askoy2020.model.budget import MONEY_KINDS
from helpers import BASE
from libreoffice import CSV_AS_SHOWN, needs_libreoffice, soffice

DATA = Path(__file__).parents[2] / "data"
AS_OF = dt.date(2020, 10, 31)
YEARS = [None, 2020, 2021]
NBSP = "\u00a0"  # nb-NO's thousands separator in LibreOffice
# The number columns left in Excel's General format: years, a severity (1 to 5), and figures in
# a goal's own unit (48.5 %-points, a count): shown as typed.
GENERAL = {"År", "Utgangsår", "Alvorlighet", "Utgangsverdi", "Siste verdi", "Planlagt", "Realisert", "Differanse", "Tatt ut",
           *(f"Mål {y}" for y in range(2018, 2024))}


def _export(folder: Path) -> dict[int | None, Path]:
    books = {}
    for year in YEARS:
        target = folder / f"eksport-{year or 'alle'}.xlsx"
        args = ["export", str(DATA), "--format", "xlsx", "--output", str(target), "--as-of", AS_OF.isoformat()]
        result = CliRunner().invoke(app, [*args, *(["--year", str(year)] if year else [])])
        assert result.exit_code == 0, result.output
        books[year] = target
    return books


# ------------------------------------------------------------------ oracle

def _shown_years(portfolio: Portfolio, year: int | None) -> list[int]:
    return [year] if year else list(portfolio.programme.known_years())  # type: ignore[union-attr]


def _proposal(project: Any) -> bool:
    return project.status is ProjectStatus.PLANNED and not project.must_be_planned


def _lines(portfolio: Portfolio, year: int | None) -> list[tuple[Any, int, Any, Any]]:
    """Every money line the Økonomi sheet should show, from the model."""
    found = []
    for p in portfolio.projects:
        for y in _shown_years(portfolio, year):
            for kind in MONEY_KINDS:
                line = p.money_line(kind, y, AS_OF)
                if line.adopted or line.revised or line.actual or line.forecast:
                    found.append((p, y, kind, line))
    return found


def _money_figures(p: Any, line: Any) -> dict[str, float | None]:
    proposal = _proposal(p)
    deviation = None if proposal or line.forecast is None or line.revised is None else line.forecast - line.revised
    return {
        "Vedtatt budsjett": None if proposal else line.adopted,
        "Revidert budsjett": None if proposal else line.revised,
        "Forslag (ikke vedtatt)": line.revised if proposal else None,
        "Regnskap hittil": line.actual, "Prognose": line.forecast, "Avvik": deviation,
        "Avvik %": deviation / line.revised if deviation is not None and line.revised else None,
    }


def expected(portfolio: Portfolio, year: int | None, sheet: str, row: dict[str, Any], header: str) -> float | None:
    """The value a formula cell must have, from the YAML: ``row`` is the
    cell's row (None where a cell is a formula), "Sum, alle rader" in "Id" the total row."""
    projects = portfolio.projects
    total = row.get("Id") == TOTAL_ROW
    if sheet == "Prosjekter" and total:
        kind, _, y = header.partition(" ")
        figures = {"Kostnad": lambda p: p.cost, "Årsverk": lambda p: p.staff}[kind]
        return sum(figures(p).get(int(y), 0.0) for p in projects)
    if sheet == "Rammer" and row["Ressurs"] == PROJECT_COST:
        owner = row["Område"]
        return sum(p.cost.get(int(header), 0.0) for p in projects
                   if p.status is not ProjectStatus.CANCELLED and owner in ("Programmet", p.area))
    if sheet == "Økonomi":
        if total:
            return sum(_money_figures(p, line)[header] or 0.0 for p, _, _, line in _lines(portfolio, year))
        kind = {v: k for k, v in KIND_NB.items()}[row["Art"]]
        p = portfolio.project_by_id[row["Id"]]
        return _money_figures(p, p.money_line(next(k for k in MONEY_KINDS if k.value == kind), row["År"], AS_OF))[header]
    if sheet == "Gevinster" and header == "Differanse":
        p = portfolio.project_by_id[row["Id"]]
        y = row["År"]
        [benefit] = [b for b in p.benefits if BENEFIT_NB[b.kind.value] == row["Gevinsttype"]
                     and b.owner == row["Gevinsteier"] and (b.goal or "") == (row["Mål"] or "")]
        realised = benefit.realised.get(y) if dt.date(y, 12, 31) <= AS_OF else None
        return None if realised is None else realised - benefit.planned.get(y, 0.0)
    raise AssertionError(f"a formula the oracle does not know: {sheet} {header} {row}")


# ------------------------------------------------------------------ tests

@pytest.fixture(scope="module")
def recalculated(tmp_path_factory: pytest.TempPathFactory) -> dict[int | None, tuple[Path, Path, Path]]:
    """Per --year: our workbook, LibreOffice's recalculated copy, the folder of its cells as shown in nb-NO."""
    folder = tmp_path_factory.mktemp("recalc")
    books = _export(folder)
    ordered = [books[y] for y in YEARS]
    copies = soffice(ordered, "xlsx", folder / "lo", locale="nb-NO")
    soffice(ordered, CSV_AS_SHOWN, folder / "shown", locale="nb-NO")
    return {y: (books[y], copy, folder / "shown") for y, copy in zip(YEARS, copies, strict=True)}


def _number(value: Any) -> float | None:
    return None if value in (None, "") else float(value)


@needs_libreoffice
@pytest.mark.parametrize("year", YEARS, ids=lambda y: f"year={y}")
def test_every_formula_has_the_value_the_yaml_gives(recalculated: dict[int | None, tuple[Path, Path, Path]],
                                                    year: int | None) -> None:
    portfolio = askoy2020.load(DATA)
    ours, theirs, _ = recalculated[year]
    book, values = load_workbook(ours), load_workbook(theirs, data_only=True)
    compared, wrong = 0, []
    for ws in book.worksheets:
        headers = [c.value for c in ws[1]]
        for cells in ws.iter_rows(min_row=2):
            row = {h: (None if c.data_type == "f" else c.value) for h, c in zip(headers, cells, strict=True)}
            for header, cell in zip(headers, cells, strict=True):
                if cell.data_type != "f":
                    continue
                compared += 1
                want = expected(portfolio, year, ws.title, row, str(header))
                got = _number(values[ws.title][cell.coordinate].value)
                if (want is None) != (got is None) or (want is not None and got != pytest.approx(want, abs=1e-6)):
                    wrong.append((ws.title, cell.coordinate, row.get("Id") or row.get("Område"), header, got, want))
    print(f"--year {year}: {compared} formula cells compared, {len(wrong)} wrong")
    assert compared > (50 if year else 400)
    assert wrong == []


def _meant(sheet: str, header: str, row: dict[str, Any]) -> str:
    """The format a number in this cell must have, from what it holds: the
    unit said in its header or in its row's label."""
    money_headers = {"Vedtatt budsjett", "Revidert budsjett", "Forslag (ikke vedtatt)", "Regnskap hittil",
                     "Prognose", "Avvik"}
    if sheet == "Prosjekter" and header.startswith(("Kostnad ", "Årsverk ")):
        return MONEY if header.startswith("Kostnad ") else STAFF
    if sheet == "Rammer" and header.isdigit():
        return STAFF if row["Ressurs"].startswith("Årsverk") else MONEY if "(1000 kr)" in row["Ressurs"] else "?"
    if sheet == "Økonomi" and header in money_headers | {"Avvik %"}:
        return PERCENT if header == "Avvik %" else MONEY
    if sheet == "Gevinster" and header in {"Planlagt", "Realisert", "Differanse", "Tatt ut"}:
        return {"Økonomisk (1000 kr)": MONEY, "Årsverk": STAFF, "Kvalitet": "General"}[row["Gevinsttype"]]
    return "General"


def _nb(value: float, fmt: str) -> str:
    """How a number shows in nb-NO under one of our formats, rounded as
    spreadsheets round (half away from zero)."""
    decimals = {MONEY: 0, STAFF: 1, PERCENT: 1}[fmt]
    number = Decimal(repr(value * 100 if fmt == PERCENT else value))
    rounded = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = f"{abs(rounded):,}".replace(",", NBSP).replace(".", ",")
    return ("-" if rounded < 0 else "") + text + (" %" if fmt == PERCENT else "")


@needs_libreoffice
@pytest.mark.parametrize("year", YEARS, ids=lambda y: f"year={y}")
def test_every_number_shows_in_norwegian_as_its_format_says(
    recalculated: dict[int | None, tuple[Path, Path, Path]], year: int | None,
) -> None:
    ours, theirs, shown_folder = recalculated[year]
    book, values = load_workbook(ours), load_workbook(theirs, data_only=True)
    checked: dict[str, list[str]] = {MONEY: [], STAFF: [], PERCENT: [], DATE: [], "General": []}
    for ws in book.worksheets:
        with (shown_folder / f"{ours.stem}-{ws.title}.csv").open(encoding="utf-8", newline="") as handle:
            shown = list(csv.reader(handle, delimiter=";"))
        headers = [str(c.value) for c in ws[1]]
        for cells in ws.iter_rows(min_row=2):
            row = {h: c.value for h, c in zip(headers, cells, strict=True)}
            for cell in cells:
                value = values[ws.title][cell.coordinate].value
                text = shown[cell.row - 1][cell.column - 1]
                if isinstance(value, (int, float)):
                    meant = _meant(ws.title, headers[cell.column - 1], row)
                    assert cell.number_format == meant, (ws.title, cell.coordinate, row, cell.number_format, meant)
                if isinstance(value, dt.datetime):
                    assert cell.number_format == DATE and text == value.strftime("%d.%m.%Y")
                    checked[DATE].append(text)
                elif isinstance(value, (int, float)) and cell.number_format in (MONEY, STAFF, PERCENT):
                    assert text == _nb(value, cell.number_format), (ws.title, cell.coordinate, value)
                    checked[cell.number_format].append(text)
                elif isinstance(value, (int, float)):  # a year, or a figure in its own unit: as typed
                    assert headers[cell.column - 1] in GENERAL, (ws.title, cell.coordinate)
                    checked["General"].append(text)
    print(f"--year {year}:", {f: len(texts) for f, texts in checked.items()}, "cells shown as their format says")
    money, staff = checked[MONEY], checked[STAFF]
    assert "0" in money and any(NBSP in t for t in money) and not any(t.startswith(" ") for t in money)
    assert any(t.endswith(",0") for t in staff) and any("," in t and not t.endswith(",0") for t in staff)
    if year != 2021:  # no quality case is reported in 2021
        assert checked[DATE]
    assert checked[PERCENT] or year == 2021


@needs_libreoffice
def test_the_issues_figures_show_as_finance_expects(tmp_path: Path) -> None:
    """The figures of the report: 1234567 (1000 kr) with thousands
    separators, a 57.6 årsverk frame as 57,6 (not " 58"), 0 as "0"."""
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    project = data / "programmes" / "dk" / "projects" / "DK-01.yaml"
    project.write_text(project.read_text(encoding="utf-8").replace("cost: {2018: 800, 2019: 400}",
                                                                   "cost: {2018: 1234567, 2019: 0}"), encoding="utf-8")
    area = data / "programmes" / "dk" / "area.yaml"
    area.write_text(area.read_text(encoding="utf-8").replace("staff: {2018: 2,", "staff: {2018: 57.6,"),
                    encoding="utf-8")
    book = tmp_path / "b.xlsx"
    result = CliRunner().invoke(app, ["export", str(data), "--format", "xlsx", "--output", str(book),
                                      "--as-of", AS_OF.isoformat()])
    assert result.exit_code == 0, result.output
    soffice([book], CSV_AS_SHOWN, tmp_path / "shown", locale="nb-NO")

    def shown(sheet: str) -> dict[str, dict[str, str]]:
        with (tmp_path / "shown" / f"b-{sheet}.csv").open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle, delimiter=";"))
        return {f"{r[0]}/{r[1]}": dict(zip(rows[0], r, strict=True)) for r in rows[1:]}

    projects = shown("Prosjekter")
    assert projects["DK-01/Digital postkasse"]["Kostnad 2018"] == f"1{NBSP}234{NBSP}567"
    assert projects["DK-01/Digital postkasse"]["Kostnad 2019"] == "0"
    frames = shown("Rammer")
    assert frames["DK/Årsverkramme"]["2018"] == "57,6"
    assert frames[f"DK/{PROJECT_COST}"]["2018"].startswith(f"1{NBSP}2")


@needs_libreoffice
def test_every_format_survives_a_save_in_libreoffice(tmp_path: Path) -> None:
    """A finance officer opens the export in LibreOffice (nb-NO) and saves
    it: each of our number formats must show the same after the save. A
    bare space in "0.0 %" was saved as "0.0,%" and showed -2 % as 0,0%."""
    from openpyxl import Workbook

    from askoy2020.export import sheet

    formats = {name: value for name, value in vars(sheet).items() if name.isupper() and isinstance(value, str)}
    values = [-0.02, 0, 0.1234, 57.6, 1234567.891, dt.datetime(2020, 10, 31)]
    book = Workbook()
    for row, fmt in enumerate(formats.values(), start=1):
        for column, value in enumerate(values, start=1):
            if isinstance(value, dt.datetime) != (fmt == DATE):
                continue
            cell = book.active.cell(row=row, column=column, value=value)
            cell.number_format = fmt
    book.save(tmp_path / "formater.xlsx")
    soffice([tmp_path / "formater.xlsx"], "xlsx", tmp_path / "saved", locale="nb-NO")
    shown = {}
    for name, folder in (("before", tmp_path), ("after", tmp_path / "saved")):
        soffice([folder / "formater.xlsx"], CSV_AS_SHOWN, tmp_path / f"shown-{name}", locale="nb-NO")
        (sheet_file,) = (tmp_path / f"shown-{name}").glob("formater-*.csv")  # one file per sheet
        shown[name] = sheet_file.read_text(encoding="utf-8")
    assert shown["after"] == shown["before"], (formats, shown)
    lines = dict(zip(formats, shown["before"].splitlines(), strict=True))
    assert lines["PERCENT"].split(";")[:3] == ["-2,0 %", "0,0 %", "12,3 %"], lines
