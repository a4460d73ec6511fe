"""Formula injection: a text from the YAML that starts like a formula stays
text in the workbook and is neutralised in CSV (OWASP "CSV Injection"), in
every text column of every sheet, while our own SUM/SUMIFS stay formulas."""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook
from ruamel.yaml import YAML
from typer.testing import CliRunner

from askoy2020.cli.app import app
from askoy2020.export import PROJECT_COST
from askoy2020.export.money import DEVIATION, DEVIATION_SHARE, GAIN_GAP
from askoy2020.export.workbook import TOTAL_ROW
from helpers import BASE
from libreoffice import CSV_VALUES, needs_libreoffice, soffice

runner = CliRunner()

HOSTILE = [
    '=HYPERLINK("http://evil.invalid";"klikk")',
    "=1+1",
    "+1+1",
    "-1+1",
    "-12",  # reads like a negative number, but it is text
    "@SUM(1;1)",
    "\t=1+1",
    "\r=1+1",
    "=cmd|' /C calc'!A0",
]

# Every column that carries free text from the YAML (ids follow a pattern
# that starts with a letter or digit, so they cannot start a formula).
TEXT_COLUMNS = {
    "Prosjekter": ["Prosjekt"],
    "Mål": ["Eier", "Mål", "Indikator", "Enhet"],
    "Kvalitetssaker": ["Tittel", "Enhet"],
}
AREA_OWNER = "DK"  # "Eier" of an area's goal is the area id; a leader's goal has the (hostile) role
DIALECTS = {"excel-nb": ";", "plain": ","}  # --csv-dialect and its separator
CSV_NAMES = {"Prosjekter": "prosjekter", "Mål": "maal", "Kvalitetssaker": "kvalitetssaker"}


def _hostile_tree(target: Path, text: str) -> Path:
    """The base portfolio with ``text`` in every free-text field the export shows."""
    shutil.copytree(BASE, target)
    yaml = YAML()

    def edit(rel: str, change: object) -> None:
        path = target / rel
        doc = yaml.load(path.read_text(encoding="utf-8"))
        change(doc)  # type: ignore[operator]
        with path.open("w", encoding="utf-8") as handle:
            yaml.dump(doc, handle)

    def project(doc: dict[str, object]) -> None:
        doc["name"] = text

    def goals(doc: dict[str, list[dict[str, object]]]) -> None:
        for goal in doc["goals"]:
            goal.update(text=text, indicator=text, unit=text)

    def leader(doc: dict[str, object]) -> None:
        goals(doc)  # type: ignore[arg-type]
        doc["role"] = text

    def case(doc: dict[str, object]) -> None:
        doc.update(title=text, unit=text)

    for rel in ("programmes/dk/projects/DK-01.yaml", "programmes/dk/projects/DK-02.yaml"):
        edit(rel, project)
    edit("programmes/dk/area.yaml", goals)
    edit("leaders/L-001.yaml", leader)
    for rel in ("quality/Q-2019-001.yaml", "quality/Q-2020-001.yaml"):
        edit(rel, case)
    return target


@pytest.fixture(scope="module", params=HOSTILE, ids=repr)
def exported(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    text: str = request.param
    folder = tmp_path_factory.mktemp("hostile")
    data = _hostile_tree(folder / "data", text)
    for args in (["--format", "xlsx", "--output", str(folder / "out.xlsx")],
                 *(["--format", "csv", "--output", str(folder / f"csv-{d}"), "--csv-dialect", d] for d in DIALECTS)):
        result = runner.invoke(app, ["export", str(data), *args])
        assert result.exit_code == 0, result.output
    return text, folder


def _as_xml_reads(text: str) -> str:
    """A carriage return in a cell's XML text is read back as a line feed
    (XML 1.0 end-of-line handling), by openpyxl as by Excel and LibreOffice."""
    return text.replace("\r", "\n")


def _read_csv(path: Path, delimiter: str = ",") -> list[list[object]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:  # a quoted CR stays in its cell
        return list(csv.reader(handle, delimiter=delimiter))


def _columns(rows: list[list[object]], sheet: str) -> dict[str, list[object]]:
    headers = [str(h) for h in rows[0]]
    return {name: [r[headers.index(name)] for r in rows[1:] if r[0] not in (TOTAL_ROW, None)]
            for name in TEXT_COLUMNS[sheet]}


# Our row formulas (deviations), each with its header names as cell references; nothing else.
ROW_FORMULAS = {re.sub(r"\{[^{}]+\}", "@", t) for t in (DEVIATION, DEVIATION_SHARE, GAIN_GAP)}


def _ours(formula: str) -> bool:
    return formula.startswith(("=SUM(", "=SUMIFS(")) or re.sub(r"\b[A-Z]{1,3}[0-9]+\b", "@", formula) in ROW_FORMULAS


def test_every_text_cell_of_the_workbook_is_a_string_and_only_our_totals_are_formulas(
    exported: tuple[str, Path],
) -> None:
    text, folder = exported
    text = _as_xml_reads(text)
    book = load_workbook(folder / "out.xlsx")
    formulas = []
    for sheet, names in TEXT_COLUMNS.items():
        ws = book[sheet]
        headers = [c.value for c in ws[1]]
        for name in names:
            cells = [row[headers.index(name)] for row in ws.iter_rows(min_row=2) if row[0].value != TOTAL_ROW]
            assert cells, (sheet, name)
            assert any(cell.value == text for cell in cells), (sheet, name)
            for cell in cells:
                assert cell.data_type == "s" and cell.value in (text, AREA_OWNER), (sheet, name, cell.coordinate)
    for ws in book.worksheets:
        formulas += [c.value for row in ws.iter_rows() for c in row if c.data_type == "f"]
    assert formulas and all(_ours(str(f)) for f in formulas), [f for f in formulas if not _ours(str(f))][:3]


@pytest.mark.parametrize("dialect", DIALECTS)
def test_every_text_cell_of_the_csv_files_is_neutralised(exported: tuple[str, Path], dialect: str) -> None:
    text, folder = exported
    for sheet, stem in CSV_NAMES.items():
        rows = _read_csv(folder / f"csv-{dialect}" / f"{stem}.csv", DIALECTS[dialect])
        for name, values in _columns(rows, sheet).items():
            assert "'" + text in values and set(values) <= {"'" + text, AREA_OWNER}, (sheet, name, values)
        # numbers stay numbers: no quote before a figure
        money = [r[8] for r in rows[1:]] if sheet == "Prosjekter" else []
        assert all(str(v)[:1].isdigit() for v in money)


def test_negative_numbers_in_csv_are_not_quoted() -> None:
    from askoy2020.export import CSV_DIALECTS

    values = (-12.5, -3, "-3", "=1")
    assert [CSV_DIALECTS["excel-nb"].value(v) for v in values] == ["-12,5", "-3", "'-3", "'=1"]
    assert [CSV_DIALECTS["plain"].value(v) for v in values] == ["-12.5", "-3", "'-3", "'=1"]


@needs_libreoffice
def test_libreoffice_evaluates_none_of_the_texts(tmp_path: Path) -> None:
    """What a spreadsheet sees: LibreOffice recalculates the workbook and
    writes every sheet as CSV; the texts come back as typed, the totals as numbers."""
    for number, text in enumerate(HOSTILE):
        data = _hostile_tree(tmp_path / f"d{number}", text)
        book = tmp_path / f"b{number}.xlsx"
        assert runner.invoke(app, ["export", str(data), "--format", "xlsx", "--output", str(book)]).exit_code == 0
    soffice(sorted(tmp_path.glob("b*.xlsx")), CSV_VALUES, tmp_path / "lo")
    for number, typed in enumerate(HOSTILE):
        text = _as_xml_reads(typed)
        for sheet in TEXT_COLUMNS:
            path = tmp_path / "lo" / f"b{number}-{sheet}.csv"
            rows = _read_csv(path)
            for name, values in _columns(rows, sheet).items():
                assert text in values and set(values) <= {text, AREA_OWNER}, (text, sheet, name, values)
        frames = _read_csv(tmp_path / "lo" / f"b{number}-Rammer.csv")
        used = [r for r in frames if r[1] == PROJECT_COST]
        assert used and all(float(v) >= 0 for r in used for v in r[2:])


@needs_libreoffice
def test_a_norwegian_spreadsheet_imports_the_csv_texts_as_texts(tmp_path: Path) -> None:
    """LibreOffice with nb-NO imports the excel-nb files as a double click
    in Excel would – and, like Excel, it runs a field that starts with '='
    (the control line shows it): every hostile text arrives as text."""
    files = []
    for number, text in enumerate(HOSTILE):
        data = _hostile_tree(tmp_path / f"d{number}", text)
        result = runner.invoke(app, ["export", str(data), "--format", "csv", "--output", str(tmp_path / f"c{number}")])
        assert result.exit_code == 0, result.output
        for stem in CSV_NAMES.values():
            files.append(tmp_path / "in" / f"h{number}-{stem}.csv")
            files[-1].parent.mkdir(exist_ok=True)
            shutil.copyfile(tmp_path / f"c{number}" / f"{stem}.csv", files[-1])
    control = tmp_path / "in" / "control.csv"
    control.write_bytes("\ufeffa;b\r\n=1+1;'=1+1\r\n".encode())
    soffice([*files, control], "xlsx", tmp_path / "lo", locale="nb-NO", infilter="CSV:59,34,76,1,,1044,false,true")
    ran, kept = load_workbook(tmp_path / "lo" / "control.xlsx").active[2]  # type: ignore[index,misc]
    assert ran.data_type == "f" and (kept.data_type, kept.value) == ("s", "'=1+1")
    for number, typed in enumerate(HOSTILE):
        text = _as_xml_reads(typed)
        for sheet, stem in CSV_NAMES.items():
            ws = load_workbook(tmp_path / "lo" / f"h{number}-{stem}.xlsx").active
            rows = [[c.value for c in r] for r in ws.iter_rows()]  # type: ignore[union-attr]
            assert not [c for r in ws.iter_rows() for c in r if c.data_type == "f"], (typed, sheet)  # type: ignore[union-attr]
            for name, values in _columns(rows, sheet).items():  # type: ignore[arg-type]
                assert "'" + text in values and set(values) <= {"'" + text, AREA_OWNER}, (typed, sheet, name, values)
