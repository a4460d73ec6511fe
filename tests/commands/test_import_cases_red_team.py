"""``import cases`` against the red team's inputs (issue 16): an identity
number typed as a number into an xlsx cell (F1), a --source that would
break the file it names (F2), values to question (F5), a filtered export
(F6) and one unit written in several ways (F9). Identity numbers here are
synthetic (model_strategies.identity_number)."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest

import askoy2020
from askoy2020.commands import import_cases
from askoy2020.counting import ImportProblem
from askoy2020.counting.columns import CountHeader
from askoy2020.counting.files import plan_files
from askoy2020.counting.reading import MAX_COUNT, CountedExport
from askoy2020.model.case_counts import CountedKind
from helpers import AS_OF, BASE
from model_strategies import identity_number


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    return root


def _run(export: Path, data: Path, source: str = "Compilo", **options: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    request = import_cases.ImportCasesRequest(export, data, source, **options)  # type: ignore[arg-type]
    return import_cases.run(request, out, err), out.getvalue(), err.getvalue()


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path


def _counts(data: Path) -> list[dict[str, object]]:
    portfolio = askoy2020.load(data)
    assert [d for d in portfolio.load_diagnostics if d.is_error] == []
    return [c.model_dump(exclude_none=True) for c in portfolio.case_counts]


def _repo_text(data: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in data.rglob("*") if p.is_file())


# -- F1: a number cell is scanned as the text that would be kept

def _xlsx_with_number(path: Path, number: str, column: int) -> Path:
    """A workbook whose row 3 holds ``number`` as Excel stores a long number
    typed into a cell: 1.5458512326E10, read back as a float."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Enhet", "Avvikstype", "Registrert", "Antall", "Beskrivelse"])
    sheet.append(["Ask skole", "Avvik", "2020-03-01", 1, "x"])
    row: list[object] = ["Ask skole", "Avvik", "2020-03-01", 1, "x"]
    row[column] = 123.25  # a placeholder written as a number, then made the identity number in the XML
    sheet.append(row)
    plain = path.with_suffix(".tmp.xlsx")
    book.save(plain)
    scientific = f"{number[0]}.{number[1:]}E{len(number) - 1}".encode()
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename.endswith("sheet1.xml"):
                assert b"123.25" in content
                content = content.replace(b"123.25", scientific)
            target.writestr(item, content)
    plain.unlink()
    return path


@pytest.mark.parametrize("seed", [9, 17, 404, 5555])  # no leading 0, which a number cell would drop
def test_an_identity_number_in_a_number_cell_of_the_unit_column_stops_the_import(
        data: Path, tmp_path: Path, seed: int) -> None:
    number = identity_number(seed)
    export = _xlsx_with_number(tmp_path / "float.xlsx", number, 0)
    code, out, err = _run(export, data)
    assert code == 1, err
    assert "float.xlsx:3: the enhet ('Enhet') column holds what looks like an identity number" in err
    assert "Nothing was written." in err and number not in out + err
    assert not (data / "quality-counts").exists()
    assert number not in _repo_text(data)


@pytest.mark.parametrize("seed", [10, 99])
def test_an_identity_number_in_a_number_cell_of_another_column_is_warned_of(
        data: Path, tmp_path: Path, seed: int) -> None:
    number = identity_number(seed)
    code, out, err = _run(_xlsx_with_number(tmp_path / "float.xlsx", number, 4), data)
    assert code == 0, err
    assert "1 line (first 3) holds what looks like an identity number outside the imported columns" in err
    assert number not in out + err + _repo_text(data)


def test_every_kept_text_is_checked_again_as_it_is_written(tmp_path: Path) -> None:
    """Whatever reads the export, a record never holds an identity number."""
    header = CountHeader(1, {"unit": 0, "kind": 1, "date": 2}, {"unit": "Enhet", "kind": "Type", "date": "Dato"}, 3)
    for text in (identity_number(3), f"Enhet {identity_number(4)}"):
        export = CountedExport("x.csv", "CSV", header, counts={(text, CountedKind.DEVIATION, None, "2020-03"): 1})
        with pytest.raises(ImportProblem, match="would hold what looks like an identity number"):
            plan_files(export, tmp_path, "Compilo", {})
        export = CountedExport("x.csv", "CSV", header, counts={("Ask", CountedKind.DEVIATION, None, "2020-03"): 1},
                               areas={})
        with pytest.raises(ImportProblem):
            plan_files(export, tmp_path, f"Compilo {text}", {})
    assert not any(tmp_path.iterdir())


# -- F2: --source must be one line of plain text

OK = ["Enhet;Avvikstype;Registrert", "Ask skole;Avvik;2031-03-01"]


@pytest.mark.parametrize("source", [
    "Q\n- {unit: U, kind: deviation, month: 2031-01, count: 9}\n#", "C\rx", "C\tx", "Com\x01pilo", "Compilo\u202e",
    "Com\u2066pilo", "Compilo\u2028x", "Com\x85pilo", "Com\u200bpilo", "Compilo\x7f", "\ufeffCompilo",
])
def test_a_source_with_line_breaks_or_control_characters_is_refused(data: Path, tmp_path: Path, source: str) -> None:
    code, out, err = _run(_write(tmp_path / "ok.csv", OK), data, source)
    assert code == 2, err
    assert re.search(r"Error: --source holds the character U\+[0-9A-F]{4} \(", err)
    assert "pydantic" not in err and "validation error" not in err and out == ""
    assert not (data / "quality-counts").exists()


def test_a_plain_source_with_spaces_and_letters_is_taken(data: Path, tmp_path: Path) -> None:
    code, _, err = _run(_write(tmp_path / "ok.csv", OK), data, "EQS Kvalitet – Askøy")
    assert code == 0, err
    assert [c["source"] for c in _counts(data)] == ["EQS Kvalitet – Askøy"]


def test_a_record_that_would_not_load_is_said_without_pydantics_dump(
        data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from askoy2020.counting import files

    def strict(*args: object) -> object:
        from askoy2020.model.case_counts import CaseCount
        CaseCount.model_validate({"source": "x", "unit": "y", "kind": "nothing", "month": "2020-13", "count": 1})
        raise AssertionError("not reached")

    monkeypatch.setattr(files, "_record", strict)
    code, _, err = _run(_write(tmp_path / "ok.csv", OK), data)
    assert code == 1 and "Error: a count record would not be valid (" in err
    assert "pydantic" not in err and "For further information" not in err and "\n" not in err.strip()


# -- F5: values the importer questions

def _antall(tmp_path: Path, *values: str) -> Path:
    return _write(tmp_path / "antall.csv", ["Måned;Enhet;Type;Antall"]
                  + [f"2020-0{i + 1};Ask skole;Avvik;{v}" for i, v in enumerate(values)])


@pytest.mark.parametrize("value", [str(MAX_COUNT + 1), "99999999999999999999999", "1 000 001", "1e9"])
def test_a_count_over_the_bound_is_refused(data: Path, tmp_path: Path, value: str) -> None:
    code, _, err = _run(_antall(tmp_path, value), data)
    assert code == 1, err
    assert "antall.csv:2: antall ('Antall')" in err
    assert not (data / "quality-counts").exists()


def test_a_count_at_the_bound_is_taken_and_rows_may_not_add_up_past_it(data: Path, tmp_path: Path) -> None:
    code, _, err = _run(_antall(tmp_path, str(MAX_COUNT)), data)
    assert code == 0, err
    assert [c["count"] for c in _counts(data)] == [MAX_COUNT]
    twice = _write(tmp_path / "twice.csv", ["Måned;Enhet;Type;Antall", "2020-05;Ask skole;Avvik;600000",
                                           "2020-05;Ask skole;Avvik;600000"])
    code, _, err = _run(twice, data)
    assert code == 1 and "twice.csv:3: antall ('Antall') brings the count of 'Ask skole'" in err


@pytest.mark.parametrize(("value", "severity"), [
    ("3", 3), ("3 - Moderat", 3), ("3-Moderat", 3), ("5 – Svært alvorlig", 5), ("2: mindre alvorlig", 2),
    ("1 Ubetydelig", 1), ("4. Alvorlig", 4), ("moderat", 3), ("", None),
])
def test_severities_written_as_quality_systems_write_them(data: Path, tmp_path: Path, value: str,
                                                          severity: int | None) -> None:
    export = _write(tmp_path / "sev.csv", ["Enhet;Avvikstype;Registrert;Alvorlighetsgrad",
                                          f"Ask skole;Avvik;2020-03-01;{value}"])
    code, _, err = _run(export, data)
    assert code == 0, err
    assert [c.get("severity") for c in _counts(data)] == [severity]


@pytest.mark.parametrize("value", ["3,5", "3.5", "5x", "35", "3 5", "3 ,5", "3.", "0", "6 - Katastrofe", "3 - 4"])
def test_a_severity_that_is_not_one_digit_with_its_name_is_refused(data: Path, tmp_path: Path, value: str) -> None:
    export = _write(tmp_path / "sev.csv", ["Enhet;Avvikstype;Registrert;Alvorlighetsgrad",
                                          f"Ask skole;Avvik;2020-03-01;{value}"])
    code, _, err = _run(export, data)
    assert code == 1, err
    assert f"sev.csv:2: alvorlighetsgrad ('Alvorlighetsgrad') '{value}' is not a severity from 1 to 5" in err
    assert not (data / "quality-counts").exists()


def test_a_dato_and_a_maned_that_disagree_are_warned_of_by_line(data: Path, tmp_path: Path) -> None:
    export = _write(tmp_path / "dm.csv", ["Enhet;Avvikstype;Dato;Måned", "Ask skole;Avvik;2020-04-03;2020-04",
                                         "Ask skole;Avvik;2020-03-01;2020-04", "Ask skole;Avvik;2020-05-01;2020-06"])
    code, _, err = _run(export, data)
    assert code == 0, err
    assert "Warning: 2 lines (first 3) have a dato in another month than their måned; the måned is what is counted" \
        in err
    assert sorted(c["month"] for c in _counts(data)) == ["2020-04", "2020-06"]
    agree = _write(tmp_path / "agree.csv", ["Enhet;Avvikstype;Dato;Måned", "Ask skole;Avvik;2020-04-03;04.2020"])
    assert "dato in another month" not in _run(agree, data)[2]


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16-le", "latin-1"])
def test_an_existing_count_file_that_is_not_utf8_is_named(data: Path, tmp_path: Path, encoding: str) -> None:
    folder = data / "quality-counts"
    folder.mkdir()
    old = "# Tellinger fra Compilo, Askøy\n- {source: Compilo, unit: Ask skole, kind: deviation, month: 2020-01, " \
          "count: 1}\n"
    (folder / "compilo-2031.yaml").write_bytes(old.encode(encoding))
    code, _, err = _run(_write(tmp_path / "ok.csv", OK), data)
    assert code == 1, err
    assert "compilo-2031.yaml:1: the file is not UTF-8 text" in err and "record would not be valid" not in err
    assert (folder / "compilo-2031.yaml").read_bytes() == old.encode(encoding)


# -- F6: a filtered export replaces only its own units

def test_an_export_of_one_unit_keeps_every_other_units_counts(data: Path, tmp_path: Path) -> None:
    everyone = _write(tmp_path / "all.csv", ["Enhet;Avvikstype;Registrert"] + [
        f"{unit};Avvik;2020-0{m}-01" for unit in ("Ask skole", "Florvåg skole", "Kleppestø skole") for m in (3, 4, 5)])
    assert _run(everyone, data)[0] == 0
    one = _write(tmp_path / "one.csv", ["Enhet;Avvikstype;Registrert", "Ask skole;HMS-avvik;2020-03-01",
                                       "ask  skole;Avvik;2020-05-01"])
    code, out, err = _run(one, data)
    assert code == 0, err
    assert "records of Compilo for these months are replaced for the 1 unit the export names; other units' " \
           "records are kept" in out
    assert "compilo-2020.yaml: changed – 2 records from the export, 3 replaced, 6 kept." in out
    counts = {(c["unit"], c["kind"], c["month"]) for c in _counts(data)}
    assert counts == {("Ask skole", "hms_deviation", "2020-03"), ("Ask skole", "deviation", "2020-05")} | {
        (unit, "deviation", f"2020-0{m}") for unit in ("Florvåg skole", "Kleppestø skole") for m in (3, 4, 5)}
    assert askoy2020.check(askoy2020.load(data), as_of=AS_OF) == []


def test_a_unit_that_counts_zero_in_the_export_is_replaced(data: Path, tmp_path: Path) -> None:
    before = _write(tmp_path / "b.csv", ["Måned;Enhet;Type;Antall", "2020-03;Ask skole;Avvik;4",
                                        "2020-03;Hanøy skole;Avvik;2"])
    assert _run(before, data)[0] == 0
    zero = _write(tmp_path / "z.csv", ["Måned;Enhet;Type;Antall", "2020-03;Ask skole;Avvik;0"])
    code, out, _ = _run(zero, data)
    assert code == 0 and "0 records from the export, 1 replaced, 1 kept." in out
    assert [(c["unit"], c["count"]) for c in _counts(data)] == [("Hanøy skole", 2)]


# -- F9: one unit, several spellings

VARIANTS = ["Klima og miljø", "klima og miljø", "Klima og Miljø", "Klima  og miljø", "KLIMA OG MILJO"]


def test_spellings_of_one_unit_are_counted_as_the_first_and_warned_of(data: Path, tmp_path: Path) -> None:
    export = _write(tmp_path / "v.csv", ["Enhet;Avvikstype;Registrert;Alvorlighetsgrad"]
                    + [f"{v};HMS-avvik;2020-06-0{i + 1};5" for i, v in enumerate(VARIANTS)])
    code, _, err = _run(export, data, "Miljosys")
    assert code == 0, err
    assert "Warning: 4 unit names differ only in case, accents or spaces from another name of the same unit, " \
           "and are counted under it: " in err
    assert [(c["unit"], c["count"]) for c in _counts(data)] == [("Klima og miljø", 5)]


def test_spellings_are_counted_under_the_registers_name(data: Path, tmp_path: Path) -> None:
    units = data / "control" / "units"
    units.mkdir(parents=True)
    (units / "E-KM.yaml").write_text("id: E-KM\nname: Klima og miljø\narea: DK\nservices: [miljø]\n"
                                     "leader: Enhetsleder\n", encoding="utf-8")
    export = _write(tmp_path / "v.csv", ["Enhet;Avvikstype;Registrert"]
                    + [f"{v};Avvik;2020-06-0{i + 1}" for i, v in enumerate(reversed(VARIANTS))])
    code, _, err = _run(export, data)
    assert code == 0, err
    assert "'KLIMA OG MILJO' as 'Klima og miljø'" in err
    assert [(c["unit"], c["count"]) for c in _counts(data)] == [("Klima og miljø", 5)]
    assert not [d for d in askoy2020.check(askoy2020.load(data), as_of=AS_OF)
                if d.rule == "ASK815" and "quality-counts" in d.location.file]


def test_an_identity_number_in_a_title_or_header_cell_is_warned_of(data: Path, tmp_path: Path) -> None:
    number = identity_number(21)
    export = _write(tmp_path / "hdr.csv", [f"Avviksrapport for {number}", f"Enhet;Avvikstype;Registrert;{number}",
                                          "Ask skole;Avvik;2020-03-01;x"])
    code, out, err = _run(export, data)
    assert code == 0, err
    assert "2 lines (first 1) hold what looks like an identity number outside the imported columns" in err
    assert number not in out + err + _repo_text(data)
