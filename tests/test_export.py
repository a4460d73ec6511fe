"""Excel and CSV export: what finance opens equals the YAML, and the
workbook's formulas compute the same totals."""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

import askoy2020
from askoy2020.cli.app import app
from askoy2020.export import PROJECT_COST
from askoy2020.export.workbook import TOTAL_ROW
from askoy2020.model import ProjectStatus

runner = CliRunner()
DATA = Path(__file__).parent.parent / "data"


@pytest.fixture(scope="module")
def portfolio() -> askoy2020.Portfolio:
    return askoy2020.load(DATA)


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("x") / "askoy2020.xlsx"
    result = runner.invoke(app, ["export", str(DATA), "--format", "xlsx", "--output", str(target)])
    assert result.exit_code == 0, result.output
    return target


def _evaluate(formula: str, sheets: dict[str, list[list[object]]]) -> float:
    """SUM(A2:A9) on the same sheet's column, or SUMIFS(range, crit_range, "x", …)
    across the Prosjekter sheet – the two forms the export writes."""
    def column(ref: str, default: list[list[object]]) -> list[object]:
        sheet, _, cells = ref.rpartition("!")
        rows = sheets[sheet] if sheet else default
        start, end = cells.split(":")
        col = ord(re.match(r"[A-Z]+", start).group()) - ord("A")  # type: ignore[union-attr]
        first, last = int(start[1:]), int(end[1:])
        return [rows[r - 1][col] for r in range(first, last + 1)]

    if formula.startswith("=SUM("):
        return sum(float(v or 0) for v in column(formula[5:-1], sheets["_self"]))  # type: ignore[arg-type]
    args = re.findall(r'[^,()]+!?[A-Z]+\d+:[A-Z]+\d+|"[^"]*"', formula[len("=SUMIFS("):-1])
    values = column(args[0], [])
    keep = [True] * len(values)
    for rng, crit in zip(args[1::2], args[2::2]):
        crit = crit.strip('"')
        for i, v in enumerate(column(rng, [])):
            keep[i] &= (v != crit[2:]) if crit.startswith("<>") else (v == crit)
    return sum(float(v or 0) for v, k in zip(values, keep) if k)  # type: ignore[arg-type]


def test_project_cells_equal_the_yaml_and_are_real_numbers_and_dates(workbook: Path, portfolio) -> None:  # type: ignore[no-untyped-def]
    ws = load_workbook(workbook)["Prosjekter"]
    headers = [c.value for c in ws[1]]
    assert ws.freeze_panes == "B2"
    rows = {r[0]: dict(zip(headers, r)) for r in ws.iter_rows(min_row=2, values_only=True) if r[0] != TOTAL_ROW}
    assert len(rows) == len(portfolio.projects)
    for p in portfolio.projects:
        row = rows[p.id]
        assert row["Kostnad 2020"] == p.cost.get(2020, 0.0) and row["Årsverk 2021"] == p.staff.get(2021, 0.0)
        assert isinstance(row["Start"], dt.datetime) and row["Start"].date() == p.start()


def test_formulas_compute_the_yaml_totals(workbook: Path, portfolio) -> None:  # type: ignore[no-untyped-def]
    book = load_workbook(workbook)
    values = {name: [[c.value for c in row] for row in book[name].iter_rows()] for name in book.sheetnames}
    projects = values["Prosjekter"]
    total_row = projects[-1]
    col = projects[0].index("Kostnad 2019")
    assert isinstance(total_row[col], str) and total_row[col].startswith("=SUM(")
    assert _evaluate(total_row[col], values | {"_self": projects}) == sum(p.cost.get(2019, 0) for p in portfolio.projects)
    frames = values["Rammer"]
    used = {row[0]: row for row in frames if row[1] == PROJECT_COST}
    year_col = frames[0].index("2021")
    live = [p for p in portfolio.projects if p.status is not ProjectStatus.CANCELLED]
    assert _evaluate(used["DK"][year_col], values) == sum(p.cost.get(2021, 0) for p in live if p.area == "DK")
    assert _evaluate(used["Programmet"][year_col], values) == sum(p.cost.get(2021, 0) for p in live)


def test_csv_files_one_per_kind_with_bom_and_the_same_numbers(tmp_path: Path, portfolio) -> None:  # type: ignore[no-untyped-def]
    """The default dialect is Norwegian Excel's: ';', decimal comma, 31.12.2020, a byte-order mark."""
    result = runner.invoke(app, ["export", str(DATA), "--format", "csv", "--output", str(tmp_path / "eksport"),
                                 "--year", "2020"])
    assert result.exit_code == 0
    files = sorted(p.name for p in (tmp_path / "eksport").iterdir())
    assert files == ["gevinster.csv", "kvalitetssaker.csv", "maal.csv", "okonomi.csv", "prosjekter.csv", "rammer.csv"]
    raw = (tmp_path / "eksport" / "prosjekter.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    expected = {p.id: p.cost.get(2020, 0.0) for p in portfolio.projects if p.cost.get(2020) or p.staff.get(2020)}
    assert {r["Id"]: float(r["Kostnad 2020"].replace(",", ".")) for r in rows} == expected
    staff = {r["Id"]: r["Årsverk 2020"] for r in rows}
    assert any("," in v for v in staff.values()) and not any("." in v for v in staff.values())
    cases = list(csv.DictReader((tmp_path / "eksport" / "kvalitetssaker.csv").read_text(encoding="utf-8-sig")
                                .splitlines(), delimiter=";"))
    assert cases and all(re.fullmatch(r"\d\d\.\d\d\.2020", r["Meldt"]) for r in cases)


@pytest.mark.parametrize(("args", "message"), [
    (["--format", "xlsx", "--output", "x.csv"], "must end in .xlsx"),
    (["--format", "csv", "--output", "x.csv"], "one file per kind into a folder"),
])
def test_wrong_output_names_are_usage_errors(args: list[str], message: str) -> None:
    result = runner.invoke(app, ["export", str(DATA), *args])
    assert result.exit_code == 2 and message in result.stderr


def test_as_of_decides_the_latest_measurement_as_in_the_report(tmp_path: Path, portfolio) -> None:  # type: ignore[no-untyped-def]
    from askoy2020.report.build import build_report

    day = dt.date(2019, 6, 30)
    result = runner.invoke(app, ["export", str(DATA), "--format", "csv", "--output", str(tmp_path / "e"),
                                 "--as-of", day.isoformat(), "--csv-dialect", "plain"])
    assert result.exit_code == 0, result.stderr
    rows = {r["Id"]: r for r in csv.DictReader((tmp_path / "e" / "maal.csv").read_text(encoding="utf-8").splitlines())}
    report_goals = {g.id: g for a in build_report(portfolio, 2020, day).areas for g in a.goals}
    later = 0
    for goal_id, goal in portfolio.goal_by_id.items():
        latest = goal.latest_measurement(day)
        assert rows[goal_id]["Siste måling"] == (latest.date.isoformat() if latest else ""), goal_id
        later += goal.latest_measurement() != latest
        if goal_id in report_goals:
            assert report_goals[goal_id].latest_date == (latest.date if latest else None)
    assert later > 0, "the sample must have measurements after the day, or this test shows nothing"
