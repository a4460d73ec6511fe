"""The money and gains sheets: figures as known on the day, deviations as
formulas over their own row that LibreOffice computes to the same numbers."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

import askoy2020
from askoy2020.cli.app import app
from askoy2020.export import sheets
from askoy2020.export.sheet import RowFormula, Sheet
from libreoffice import CSV_VALUES, needs_libreoffice, soffice
from money_fixture import money_portfolio

runner = CliRunner()


def _sheet(made: list[Sheet], name: str) -> Sheet:
    return next(s for s in made if s.name == name)


def _rows(sheet: Sheet, project: str) -> dict[tuple[int, str], dict[str, object]]:
    return {(r[4], r[5]): dict(zip(sheet.headers, r, strict=True)) for r in sheet.rows if r[0] == project}


def test_each_kind_and_year_shows_adopted_revised_actual_and_forecast(tmp_path: Path) -> None:
    portfolio = askoy2020.load(money_portfolio(tmp_path / "data"))
    rows = _rows(_sheet(sheets(portfolio, as_of=dt.date(2020, 10, 31)), "okonomi"), "DK-03")
    drift, investment = rows[(2020, "Drift")], rows[(2020, "Investering")]
    assert (drift["Vedtatt budsjett"], drift["Revidert budsjett"], drift["Regnskap hittil"], drift["Periode"],
            drift["Prognose"], drift["Kommentar"]) == (1200, 1500, 900, "2020-T2", 1650, "Prisstigning på materialer")
    assert isinstance(drift["Avvik"], RowFormula) and drift["Avvik"].value == 150
    assert isinstance(drift["Avvik %"], RowFormula) and drift["Avvik %"].value == pytest.approx(0.1)
    assert (investment["Revidert budsjett"], investment["Regnskap hittil"], investment["Prognose"]) == (20000, 8000, 19000)
    assert rows[(2021, "Drift")]["Prognose"] is None  # nobody has said anything about 2021 yet


def test_a_figure_is_never_used_before_its_date(tmp_path: Path) -> None:
    portfolio = askoy2020.load(money_portfolio(tmp_path / "data"))
    # 30 June: T1 has closed, T2 has not; the revision of 18 June stands.
    june = _rows(_sheet(sheets(portfolio, as_of=dt.date(2020, 6, 30)), "okonomi"), "DK-03")[(2020, "Drift")]
    assert (june["Revidert budsjett"], june["Regnskap hittil"], june["Periode"], june["Prognose"]) == (
        1500, 300, "2020-T1", 1400)
    # 31 March: no tertial has closed and the revision is not yet decided.
    march = _rows(_sheet(sheets(portfolio, as_of=dt.date(2020, 3, 31)), "okonomi"), "DK-03")[(2020, "Drift")]
    assert (march["Revidert budsjett"], march["Regnskap hittil"], march["Prognose"]) == (1200, None, None)


def test_frames_sheet_shows_adopted_and_revised_and_investment(tmp_path: Path) -> None:
    portfolio = askoy2020.load(money_portfolio(tmp_path / "data"))
    frames = _sheet(sheets(portfolio, as_of=dt.date(2020, 10, 31)), "rammer")
    column = frames.headers.index("2020")
    by_label = {(r[0], r[1]): r[column] for r in frames.rows}
    assert by_label[("Programmet", "Driftsramme vedtatt (1000 kr)")] == 6000
    assert by_label[("Programmet", "Driftsramme revidert (1000 kr)")] == 6500
    assert by_label[("DK", "Driftsramme revidert (1000 kr)")] == 3500
    assert by_label[("DK", "Investeringsramme revidert (1000 kr)")] == 25000
    # 2019 is spoken for by its own round (2019), not the newer one.
    assert frames.rows[0][frames.headers.index("2019")] == 5000


def test_gains_sheet_has_planned_realised_and_taken_out(tmp_path: Path) -> None:
    portfolio = askoy2020.load(money_portfolio(tmp_path / "data"))
    gains = _sheet(sheets(portfolio, as_of=dt.date(2020, 10, 31)), "gevinster")
    rows = {(r[3], r[6]): dict(zip(gains.headers, r, strict=True)) for r in gains.rows if r[0] == "DK-03"}
    assert rows[("Økonomisk (1000 kr)", 2019)]["Realisert"] == 80
    assert rows[("Økonomisk (1000 kr)", 2020)]["Realisert"] is None  # 2020 has not ended
    assert rows[("Økonomisk (1000 kr)", 2019)]["Differanse"].value == -20  # type: ignore[union-attr]
    assert rows[("Økonomisk (1000 kr)", 2021)]["Tatt ut"] == 300
    assert rows[("Økonomisk (1000 kr)", 2021)]["Vedtak om uttak"] == "KST 140/19"
    assert rows[("Årsverk", 2021)]["Planlagt"] == 0.5


@pytest.mark.parametrize(("dialect", "delimiter", "expected"), [
    # "Avvik %" in percent points: a CSV has no format to show 0.1 as 10 % (red team).
    ("excel-nb", ";", {"Drift": ("150", "10"), "Investering": ("-1000", "-5")}),
    ("plain", ",", {"Drift": ("150", "10"), "Investering": ("-1000", "-5")}),
])
def test_csv_gets_the_deviation_values(tmp_path: Path, dialect: str, delimiter: str,
                                       expected: dict[str, tuple[str, str]]) -> None:
    data = money_portfolio(tmp_path / "data")
    result = runner.invoke(app, ["export", str(data), "--format", "csv", "--output", str(tmp_path / "csv"),
                                 "--as-of", "2020-10-31", "--csv-dialect", dialect])
    assert result.exit_code == 0, result.output
    with (tmp_path / "csv" / "okonomi.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter=delimiter) if r["Id"] == "DK-03" and r["År"] == "2020"]
    assert {r["Art"]: (r["Avvik"], r["Avvik %"]) for r in rows} == expected


@needs_libreoffice
def test_libreoffice_computes_the_deviations(tmp_path: Path) -> None:
    data = money_portfolio(tmp_path / "data")
    book = tmp_path / "b.xlsx"
    result = runner.invoke(app, ["export", str(data), "--format", "xlsx", "--output", str(book),
                                 "--as-of", "2020-10-31"])
    assert result.exit_code == 0, result.output
    formulas = load_workbook(book)["Økonomi"]
    assert any(str(c.value).startswith("=IF(") for row in formulas.iter_rows() for c in row)
    soffice([book], CSV_VALUES, tmp_path / "lo")
    with (tmp_path / "lo" / "b-Økonomi.csv").open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["Id"] == "DK-03" and r["År"] == "2020"]
    got = {r["Art"]: (float(r["Avvik"]), float(r["Avvik %"].rstrip(" %").replace(",", ".")) / 100) for r in rows}
    assert got["Drift"] == pytest.approx((150, 0.1)) and got["Investering"] == pytest.approx((-1000, -0.05))


def test_a_realised_gain_is_never_shown_before_its_year_has_ended(tmp_path: Path) -> None:
    data = money_portfolio(tmp_path / "data")
    dk03 = data / "programmes" / "dk" / "projects" / "DK-03.yaml"
    dk03.write_text(dk03.read_text(encoding="utf-8").replace("realised: {2019: 80}", "realised: {2019: 80, 2020: 350}"),
                    encoding="utf-8")
    portfolio = askoy2020.load(data)

    def realised(as_of: dt.date) -> object:
        gains = _sheet(sheets(portfolio, as_of=as_of), "gevinster")
        return next(r for r in gains.rows if r[0] == "DK-03" and r[6] == 2020)[8]

    assert realised(dt.date(2020, 12, 30)) is None and realised(dt.date(2020, 12, 31)) == 350
