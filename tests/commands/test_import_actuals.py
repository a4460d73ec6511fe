"""``import actuals`` as a finance adviser runs it: the summary, the dry
run's diff, JSON, exit codes, and nothing written whenever anything is wrong."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from accounts.erp import AMBIGUOUS, coded_data, moved, with_lines, write_csv
from askoy2020.commands import import_actuals
from askoy2020.commands.choices import AmountUnit, ImportFormat

AS_OF = dt.date(2020, 10, 31)


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # files are named as the user would see them: r.csv, data/programmes/…
    return coded_data(tmp_path / "data")


def _snapshot(data: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted(data.rglob("*")) if p.is_file()}


def _run(export: Path, data: Path | None, period: str = "2020-T2", **options: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    request = import_actuals.ImportActualsRequest(export, data, period, options.pop("as_of", AS_OF),  # type: ignore[arg-type]
                                                  **options)  # type: ignore[arg-type]
    code = import_actuals.run(request, out, err)
    return code, out.getvalue(), err.getvalue()


def test_the_summary(data: Path, tmp_path: Path) -> None:
    code, out, err = _run(write_csv(tmp_path / "r.csv"), data)
    assert code == 0, err
    assert out.startswith("Read r.csv (CSV, Windows-1252, separated by ';'): header on line 4, 18 lines with codes.\n"
                          "2020-T2 adds up the lines of 2020, periods 1–8 (1 January to 31 August).\n"
                          "Amounts in kr, written in 1000 kr rounded half up to one decimal.\n")
    for line in ("  AI-01  drift                – → 198.8       6 lines, changed  ",
                 "  HM-03  investment           – → 3 375.0     3 lines, changed  ",
                 "  KM-01  drift                – → 0.0         no lines: 0, no spend, changed  ",
                 "  AI-00  left as it is: no lines, and it does not run in 2020\n",
                 "Unmapped: 4 lines in 3 groups, 101 500.00 kr – no project's accounting codes match them; the "
                 "largest sums first:\n"
                 "  prosjekt –, ansvar '5100', funksjon '202': 2 lines, 100 000.00 kr (lines 19, 21)\n",
                 "  another year (2019): 1 line, 9 999.00 kr (line 12)\n",
                 "Sum and note lines: 1 line in 1 group, 3 759 014.94 kr – no codes, never counted:\n",
                 "Of 2020-T2's: mapped to projects 3 587 515.94 (11 lines), unmapped 101 500.00 (4 lines).\n"):
        assert line in out
    assert err.startswith("Wrote 3 files: ") and "AI-01.yaml" in err


def test_a_dry_run_shows_the_diff_and_writes_nothing(data: Path, tmp_path: Path) -> None:
    before = _snapshot(data)
    code, out, err = _run(write_csv(tmp_path / "r.csv"), data, dry_run=True)
    assert code == 0 and _snapshot(data) == before
    assert err == "Dry run: 3 files would change; nothing was written.\n"
    assert "/programmes/ai/projects/AI-01.yaml\n+++ b/" in out
    assert "     T2:\n+      actual: {drift: 198.8}\n       forecast: {drift: 760}\n" in out
    assert "+accounts:\n+  2020:\n+    T2:\n+      actual: {drift: 13.8, investment: 3375}\n" in out
    assert out.index("@@") < out.index("Read r.csv")  # the diff, then the summary


def test_a_second_run_says_nothing_changed(data: Path, tmp_path: Path) -> None:
    export = write_csv(tmp_path / "r.csv")
    assert _run(export, data)[0] == 0
    after = _snapshot(data)
    code, out, err = _run(export, data)
    assert code == 0 and _snapshot(data) == after
    assert "198.8 → 198.8" in out and ", unchanged  " in out
    assert err == "Every figure was already as in the export; no file was written.\n"


def test_json(data: Path, tmp_path: Path) -> None:
    code, out, _ = _run(write_csv(tmp_path / "r.csv"), data, output_format=ImportFormat.JSON, dry_run=True)
    assert code == 0
    document = json.loads(out)
    assert document["schema_version"] == 1 and document["period"] == "2020-T2" and document["dry_run"] is True
    assert {(p["id"], p["kind"]): p["new"] for p in document["projects"]} == {
        ("AI-01", "drift"): 198.8, ("HM-03", "investment"): 3375.0, ("HM-03", "drift"): 13.8, ("KM-01", "drift"): 0.0}
    assert document["projects"][0]["lines"] == [5, 6, 7, 8, 9, 10]
    assert document["unmapped"][0] == {"label": "prosjekt –, ansvar '5100', funksjon '202'",
                                       "codes": {"prosjekt": "", "ansvar": "5100", "funksjon": "202"},
                                       "lines": [19, 21], "sum": 100000.0, "unreadable_amounts": 0}
    assert document["totals"]["unmapped"] == 101500.0
    assert [f["diff"].startswith("--- a/") for f in document["files"]] == [True, True, True]
    assert document["left_alone"][0]["id"] == "AI-00" and document["written"] is False


def test_thousands_of_kroner(data: Path, tmp_path: Path) -> None:
    export = tmp_path / "r.csv"
    export.write_text("Ansvar;Funksjon;Prosjekt;Periode;Beløp\n3100;273;;202001;198,76\n", encoding="utf-8")
    code, out, _ = _run(export, data, unit=AmountUnit.THOUSAND_KR, dry_run=True)
    assert code == 0 and "– → 198.8 " in out and "Amounts in 1000kr" in out


def test_no_periode_column_counts_every_line_and_says_so(data: Path, tmp_path: Path) -> None:
    export = tmp_path / "r.csv"
    export.write_text("Ansvar;Funksjon;Prosjekt;Beløp\n3100;;;1 000,00\n3100;;;2 000,00\n", encoding="utf-8")
    code, out, _ = _run(export, data, dry_run=True)
    assert code == 0
    assert "The export has no periode column: every line counts for 2020-T2.\n" in out and "– → 3.0 " in out


@pytest.mark.parametrize(("period", "as_of", "message"), [
    ("2020-T4", AS_OF, "Error: --period '2020-T4' is not a period; write YEAR-T1, YEAR-T2 or YEAR-T3, e.g. 2020-T2."),
    ("2020-T3", AS_OF, "Error: 2020-T3 ends on 2020-12-31, so on 2020-10-31 its actuals cannot be known yet; "
                       "nothing is imported. Give --as-of if the day is wrong."),
    ("2020-T2", dt.date(2020, 8, 30), "Error: 2020-T2 ends on 2020-08-31, so on 2020-08-30"),
])
def test_a_wrong_or_open_period_is_refused(data: Path, tmp_path: Path, period: str, as_of: dt.date,
                                           message: str) -> None:
    code, out, err = _run(write_csv(tmp_path / "r.csv"), data, period, as_of=as_of)
    assert (code, out) == (2, "") and err.startswith(message)


def test_a_period_is_closed_on_its_last_day(data: Path, tmp_path: Path) -> None:
    assert _run(write_csv(tmp_path / "r.csv"), data, as_of=dt.date(2020, 8, 31), dry_run=True)[0] == 0


def test_missing_export_or_folder(data: Path, tmp_path: Path) -> None:
    code, _, err = _run(tmp_path / "nei.csv", data)
    assert code == 2 and "nei.csv is not a file" in err
    code, _, err = _run(write_csv(tmp_path / "r.csv"), tmp_path / "ingen")
    assert code == 2 and err.startswith("Error: ") and "is not a folder" in err


def test_an_unreadable_export_is_one_line_and_writes_nothing(data: Path, tmp_path: Path) -> None:
    before = _snapshot(data)
    lines = with_lines(moved(AMBIGUOUS, ansvar="3100", prosjekt="", funksjon="273"))
    export = write_csv(tmp_path / "r.csv", lines)
    export.write_bytes(export.read_bytes().replace(b";2 000,00\r\n", b";2 000,00 EUR\r\n"))
    code, out, err = _run(export, data)
    assert (code, out) == (1, "")
    assert err == ("Error: r.csv:23: beløp '2 000,00 EUR' is not a number: not digits with a decimal mark and "
                   "thousands separators. Amounts look like 1 234,50, -1 234,50, 1 234,50- or (1 234,50).\n"
                   "Nothing was written.\n")
    assert _snapshot(data) == before


def test_an_ambiguous_line_is_listed_and_nothing_is_written(data: Path, tmp_path: Path) -> None:
    before = _snapshot(data)
    code, out, err = _run(write_csv(tmp_path / "r.csv", with_lines(AMBIGUOUS)), data)
    assert code == 1 and _snapshot(data) == before
    assert "Ambiguous: 1 line matches codes of more than one project or kind:\n  line 23: AI-01 drift, HM-03 drift " \
           "(2 000.00 kr)\n" in out
    assert "Error: 1 line matches accounting codes of more than one project" in err
    assert err.endswith("Nothing was written.\n")


def test_a_negative_figure_is_an_error_and_nothing_is_written(data: Path, tmp_path: Path) -> None:
    before = _snapshot(data)
    refund = moved(AMBIGUOUS, ansvar="7100", prosjekt="", funksjon="120")  # KM-01's
    export = write_csv(tmp_path / "r.csv", with_lines(refund))
    export.write_bytes(export.read_bytes().replace(b";2 000,00\r\n", b";2 000,00-\r\n"))
    code, _, err = _run(export, data)
    assert code == 1 and _snapshot(data) == before
    assert "Error: r.csv:23: KM-01's drift actual for 2020-T2 would be -2.0 (1000 kr) from 1 line, below 0." in err


def test_a_failure_half_way_restores_and_says_so(data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import askoy2020.accounts.applying as applying

    before = _snapshot(data)
    real = applying.write_bytes_atomic
    calls: list[object] = []

    def second_fails(path: Path, content: bytes, durable: bool = True) -> None:
        calls.append(path)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real(path, content, durable)

    monkeypatch.setattr(applying, "write_bytes_atomic", second_fails)
    code, _, err = _run(write_csv(tmp_path / "r.csv"), data)
    assert code == 1 and _snapshot(data) == before
    assert "HM-03.yaml failed: No space left on device.\nThe 1 file written before it (" in err
    assert ") got their previous contents back.\nNo file was changed." in err


def test_a_project_file_that_cannot_be_read_is_warned_about(data: Path, tmp_path: Path) -> None:
    broken = data / "programmes/km/projects/KM-01.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("status: active", "status: aktiv"), encoding="utf-8")
    code, out, err = _run(write_csv(tmp_path / "r.csv"), data, dry_run=True)
    assert code == 0
    assert err.startswith("Warning: 1 project file could not be read (") and "KM-01.yaml" in err
    assert "KM-01" not in out  # its codes are unknown


def test_data_without_accounting_codes_sets_nothing_and_says_why(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from accounts.erp import uncoded_data

    monkeypatch.chdir(tmp_path)
    data = uncoded_data(tmp_path / "data")
    before = _snapshot(data)
    code, out, err = _run(write_csv(tmp_path / "r.csv"), data)
    assert code == 0 and _snapshot(data) == before
    assert "\nNo project has accounting codes, so no figure is set." in out
    assert err == "No figure to set; no file was written.\n"
