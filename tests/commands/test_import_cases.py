"""``import cases`` as a quality adviser runs it on real export files:
CSV with ';' or ',', UTF-8 with a BOM or Windows-1252, Norwegian headers,
one row per case or counts already, and a description column whose text –
an identity number too – never reaches the repository."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

import askoy2020
from askoy2020.commands import import_cases
from helpers import AS_OF, BASE
from model_strategies import identity_number


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # files named as the user sees them: avvik.csv, data/quality-counts/…
    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    return root


def _run(export: Path, data: Path, source: str = "Compilo", **options: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    request = import_cases.ImportCasesRequest(export, data, source, **options)  # type: ignore[arg-type]
    code = import_cases.run(request, out, err)
    return code, out.getvalue(), err.getvalue()


def _write(path: Path, lines: list[str], encoding: str = "utf-8", bom: bool = False) -> Path:
    text = "\r\n".join(lines) + "\r\n"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode(encoding))
    return path


def _counts(data: Path) -> list[dict[str, object]]:
    portfolio = askoy2020.load(data)
    assert [d for d in portfolio.load_diagnostics if d.is_error] == []
    return [c.model_dump(exclude_none=True) for c in portfolio.case_counts]


PER_CASE = [
    "Saksnr;Registrert;Enhet;Avvikstype;Alvorlighetsgrad;Beskrivelse",
    "AVV-1;03.02.2020;Kleppestø skole;Pasientavvik;2 - Mindre alvorlig;Elev falt i gangen",
    "AVV-2;14.02.2020;Kleppestø skole;Avvik;2;Feil i timeplan",
    "AVV-3;20.02.2020;Kleppestø skole;HMS-avvik;;Stikkskade",
    "AVV-4;02.03.2020;Ravnanger barnehage;Klage;Ikke vurdert;Klage på plass",
    "AVV-5;30.03.2020;Ravnanger barnehage;Forbedringsforslag;;Ny sjekkliste",
]


def test_one_row_per_case_in_windows_1252_with_semicolons(data: Path, tmp_path: Path) -> None:
    export = _write(tmp_path / "avvik.csv", PER_CASE, "cp1252")
    code, out, err = _run(export, data)
    assert code == 0, err
    assert out.startswith("Read avvik.csv (CSV, Windows-1252, separated by ';'): 5 cases (one row each), 5 cases in "
                          "4 counts.\nMonths covered: 2020-02 to 2020-03 (2)")
    assert "Wrote 1 file: data/quality-counts/compilo-2020.yaml." in err
    assert "Ravnanger barnehage" in err  # no leader or case places it in an area
    counts = _counts(data)
    assert counts == [
        {"source": "Compilo", "unit": "Kleppestø skole", "area": "DK", "kind": "deviation", "severity": 2,
         "month": "2020-02", "count": 2},
        {"source": "Compilo", "unit": "Kleppestø skole", "area": "DK", "kind": "hms_deviation", "month": "2020-02",
         "count": 1},
        {"source": "Compilo", "unit": "Ravnanger barnehage", "kind": "complaint", "month": "2020-03", "count": 1},
        {"source": "Compilo", "unit": "Ravnanger barnehage", "kind": "improvement_proposal", "month": "2020-03",
         "count": 1},
    ]
    text = (data / "quality-counts" / "compilo-2020.yaml").read_text(encoding="utf-8")
    for free_text in ("falt", "timeplan", "Stikkskade", "AVV-", "sjekkliste"):
        assert free_text not in text


def test_counts_with_commas_a_bom_and_a_month_column(data: Path, tmp_path: Path) -> None:
    export = _write(tmp_path / "antall.csv", [
        "Måned,Enhet,Type,Konsekvens,Antall,Programområde",
        "2020-01,Kleppestø skole,Brukeravvik,1,4,DK",
        "2020-01,Kleppestø skole,Brukeravvik,1,0,DK",  # a month without cases: no record
        "01.2020,Kleppestø skole,Brukeravvik,Alvorlig,2,DK",
        "202002,Ravnanger barnehage,HMS,\"3 - Moderat\",\"1\",DK",
    ], bom=True)
    code, out, err = _run(export, data, source="Landax")
    assert code == 0, err
    assert out.startswith("Read antall.csv (CSV, UTF-8 with BOM, separated by ','): 4 count rows, 7 cases in 3 counts.")
    assert [(c["unit"], c["kind"], c.get("severity"), c["month"], c["count"], c.get("area")) for c in _counts(data)] == [
        ("Kleppestø skole", "deviation", 1, "2020-01", 4, "DK"),
        ("Kleppestø skole", "deviation", 4, "2020-01", 2, "DK"),
        ("Ravnanger barnehage", "hms_deviation", 3, "2020-02", 1, "DK"),
    ]
    assert (data / "quality-counts" / "landax-2020.yaml").is_file()


def test_an_identity_number_in_a_description_is_never_written(data: Path, tmp_path: Path) -> None:
    number = identity_number(7)
    export = _write(tmp_path / "avvik.csv", [*PER_CASE, f"AVV-6;31.03.2020;Kleppestø skole;Avvik;1;Gjelder {number}"])
    code, out, err = _run(export, data)
    assert code == 0, err
    assert "1 line (first 7) holds what looks like an identity number outside the imported columns" in err
    assert number not in out + err
    for path in data.rglob("*"):
        if path.is_file():
            assert number not in path.read_text(encoding="utf-8", errors="replace")


def test_an_identity_number_in_a_kept_column_stops_the_import(data: Path, tmp_path: Path) -> None:
    number = identity_number(8)
    export = _write(tmp_path / "avvik.csv", [*PER_CASE, f"AVV-6;31.03.2020;{number};Avvik;1;x"])
    code, out, err = _run(export, data)
    assert code == 1
    assert "avvik.csv:7: the enhet ('Enhet') column holds what looks like an identity number" in err
    assert number not in out + err and "Nothing was written." in err
    assert not (data / "quality-counts").exists()


@pytest.mark.parametrize(("row", "message"), [
    ("AVV-9;03.02.2020;Kleppestø skole;Uhell med bil;2;x",
     "avvik.csv:3: avvikstype ('Avvikstype') 'Uhell med bil' is not a kind the importer knows"),
    ("AVV-9;31.02.2020;Kleppestø skole;Avvik;2;x", "avvik.csv:3: dato ('Registrert') '31.02.2020' is not a date"),
    ("AVV-9;03.02.2020;;Avvik;2;x", "avvik.csv:3: enhet ('Enhet') is empty"),
    ("AVV-9;03.02.2020;Kleppestø \u202eskole;Avvik;2;x",
     "avvik.csv:3: enhet ('Enhet') cannot be kept: the text holds the invisible character U+202E"),
    ("AVV-9;03.02.2020;Kleppestø skole;Avvik;7;x",
     "avvik.csv:3: alvorlighetsgrad ('Alvorlighetsgrad') '7' is not a severity from 1 to 5"),
])
def test_a_bad_row_names_file_line_and_column_and_nothing_is_written(data: Path, tmp_path: Path, row: str,
                                                                      message: str) -> None:
    export = _write(tmp_path / "avvik.csv", [PER_CASE[0], PER_CASE[1], row])
    code, _, err = _run(export, data)
    assert code == 1
    assert message in err, err
    assert not (data / "quality-counts").exists()


def test_a_negative_count_is_refused(data: Path, tmp_path: Path) -> None:
    export = _write(tmp_path / "antall.csv", ["Måned;Enhet;Type;Antall", "2020-01;Kleppestø skole;Avvik;-2"])
    code, _, err = _run(export, data)
    assert code == 1 and "antall.csv:2: antall ('Antall') '-2' is not a whole number of cases" in err


def test_no_header_says_what_it_looks_for(data: Path, tmp_path: Path) -> None:
    export = _write(tmp_path / "x.csv", ["a;b;c", "1;2;3"])
    code, _, err = _run(export, data)
    assert code == 1 and "x.csv: no header row found" in err and "enhet" in err


def test_reimport_is_idempotent_replaces_its_months_and_keeps_other_months_and_comments(
        data: Path, tmp_path: Path) -> None:
    march = _write(tmp_path / "mars.csv", ["Dato;Enhet;Avvikstype;Alvorlighetsgrad",
                                          "2020-03-05;Kleppestø skole;Avvik;2",
                                          "2020-03-06;Kleppestø skole;Avvik;2"])
    april = _write(tmp_path / "april.csv", ["Dato;Enhet;Avvikstype;Alvorlighetsgrad",
                                           "2020-04-05;Kleppestø skole;HMS-avvik;1"])
    assert _run(march, data)[0] == 0
    target = data / "quality-counts" / "compilo-2020.yaml"
    text = target.read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if "2020-03" in x)
    target.write_text("# Kvalitetsrådgiverens merknad øverst\n" + text.replace(
        line, "  # Mars kontrollert mot Compilo 1. april\n" + line + "  # sjekket"), encoding="utf-8")
    assert _run(april, data)[0] == 0
    after_april = target.read_text(encoding="utf-8")
    assert "# Kvalitetsrådgiverens merknad øverst" in after_april
    assert "  # Mars kontrollert mot Compilo 1. april\n" in after_april and "count: 2}  # sjekket" in after_april
    assert after_april.index("2020-03") < after_april.index("2020-04")
    code, _, err = _run(april, data)
    assert code == 0 and "no file was written" in err
    assert target.read_text(encoding="utf-8") == after_april
    # March again, now with one case more: the month is replaced, not added to.
    march_again = _write(tmp_path / "mars.csv", ["Dato;Enhet;Avvikstype;Alvorlighetsgrad",
                                                "2020-03-05;Kleppestø skole;Avvik;2",
                                                "2020-03-06;Kleppestø skole;Avvik;2",
                                                "2020-03-07;Kleppestø skole;Avvik;2"])
    assert _run(march_again, data)[0] == 0
    counts = [(c["month"], c["kind"], c["count"]) for c in _counts(data)]
    assert counts == [("2020-03", "deviation", 3), ("2020-04", "hms_deviation", 1)]
    assert "# Kvalitetsrådgiverens merknad øverst" in target.read_text(encoding="utf-8")
    assert askoy2020.check(askoy2020.load(data), as_of=AS_OF) == []


def test_a_dry_run_writes_nothing(data: Path, tmp_path: Path) -> None:
    export = _write(tmp_path / "avvik.csv", PER_CASE, "cp1252")
    code, out, err = _run(export, data, dry_run=True)
    assert code == 0 and "data/quality-counts/compilo-2020.yaml: new – 4 records" in out
    assert "Dry run: 1 file would change; nothing was written." in err
    assert not (data / "quality-counts").exists()


def test_an_export_over_two_years_writes_a_file_per_year(data: Path, tmp_path: Path) -> None:
    export = _write(tmp_path / "avvik.csv", ["Dato;Enhet;Avvikstype", "2019-12-30;Kleppestø skole;Avvik",
                                             "2020-01-02;Kleppestø skole;Avvik"])
    code, _, err = _run(export, data, source="EQS Kvalitet")
    assert code == 0, err
    assert sorted(p.name for p in (data / "quality-counts").iterdir()) == ["eqs-kvalitet-2019.yaml",
                                                                            "eqs-kvalitet-2020.yaml"]
    assert {c.get("severity") for c in _counts(data)} == {None}  # not assessed, never 1


def test_xlsx(data: Path, tmp_path: Path) -> None:
    import datetime as dt

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Registrert", "Enhet", "Kategori", "Alvorlighetsgrad"])
    sheet.append([dt.datetime(2020, 5, 4, 10, 30), "Kleppestø skole", "Pasientavvik", 3])
    sheet.append([dt.date(2020, 5, 9), "Kleppestø skole", "Pasientavvik", 3.0])
    book.save(tmp_path / "avvik.xlsx")
    code, _, err = _run(tmp_path / "avvik.xlsx", data)
    assert code == 0, err
    assert [(c["month"], c["severity"], c["count"]) for c in _counts(data)] == [("2020-05", 3, 2)]


def test_hostile_unit_names_are_written_as_the_text_they_are(data: Path, tmp_path: Path) -> None:
    names = ["Enhet: A, {B} # x", "- =cmd", "null", "2020-03-01", "O'Brien [1]"]
    export = _write(tmp_path / "avvik.csv", ["Enhet;Avvikstype;Dato"] + [f'"{n}";Avvik;2020-03-0{i + 1}'
                                                                          for i, n in enumerate(names)])
    code, _, err = _run(export, data)
    assert code == 0, err
    assert sorted(c["unit"] for c in _counts(data)) == sorted(names)
    assert _run(export, data)[0] == 0 and "no file was written" in _run(export, data)[2]


def test_a_count_file_that_is_not_a_list_stops_the_import(data: Path, tmp_path: Path) -> None:
    (data / "quality-counts").mkdir()
    broken = data / "quality-counts" / "compilo-2020.yaml"
    broken.write_text("source: Compilo\n", encoding="utf-8")
    code, _, err = _run(_write(tmp_path / "avvik.csv", PER_CASE), data)
    assert code == 1 and "compilo-2020.yaml:1: the file is not a list of count records" in err
    assert broken.read_text(encoding="utf-8") == "source: Compilo\n"


def test_an_export_without_cases_writes_nothing(data: Path, tmp_path: Path) -> None:
    code, _, err = _run(_write(tmp_path / "antall.csv", ["Måned;Enhet;Type;Antall", "2020-01;Kleppestø skole;Avvik;0"]),
                        data)
    assert code == 0 and "The export counts no case; no file was written." in err
    assert not (data / "quality-counts").exists()
