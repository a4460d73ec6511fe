"""``askoy2020 import actuals`` against hostile exports, through the real
command line: an identity number in any cell is masked in every output,
control characters are shown as escapes, formula-looking cells are only
text, and odd files end in one line, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accounts.erp import LINES, coded_data, moved, with_lines, write_csv, write_xlsx
from askoy2020.cli.app import app
from askoy2020.core.identity_numbers import check_digits

runner = CliRunner()
# A synthetic test number (month + 80, as Skatteetaten issues them), with valid check digits.
NUMBER = "018190100" + (check_digits("018190100") or "")
FORMULA = "=cmd|' /C calc'!A0"


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return coded_data(tmp_path / "data")


def _invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["import", "actuals", *args, "--as-of", "2020-10-31"],
                           env={"ASKOY2020_NO_CACHE": "1"})
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_the_number_is_valid() -> None:
    assert len(NUMBER) == 11


@pytest.mark.parametrize("form", ["text", "json"])
def test_an_identity_number_in_a_code_is_masked(data: Path, form: str) -> None:
    hostile = moved(LINES[14], ansvar=NUMBER, prosjekt=f"{NUMBER[:6]} {NUMBER[6:]}", text=NUMBER)
    write_csv(Path("r.csv"), with_lines(hostile))
    code, out, err = _invoke("r.csv", "data", "--period", "2020-T2", "--dry-run", "--format", form)
    assert code == 0, err
    assert NUMBER not in out + err and NUMBER[6:] not in out + err
    if form == "json":
        assert [g["codes"]["ansvar"] for g in json.loads(out)["unmapped"]][1] == "•" * 11  # 88 000 kr: second
    else:
        assert "ansvar '•••••••••••'" in out


def test_an_identity_number_in_a_bad_amount_or_a_file_name_is_masked(data: Path) -> None:
    write_csv(Path(f"regnskap-{NUMBER}.csv"), with_lines(moved(LINES[0], periode="202001")))
    path = Path(f"regnskap-{NUMBER}.csv")
    path.write_bytes(path.read_bytes().replace(b"45 000,00", f"{NUMBER[:6]} {NUMBER[6:]}".encode()))
    code, out, err = _invoke(str(path), "data", "--period", "2020-T2")
    assert code == 1 and out == ""
    assert NUMBER not in err and NUMBER[6:] not in err and "regnskap-•••••••••••.csv:5: beløp '•••••• •••••'" in err


def test_control_characters_are_shown_as_escapes(data: Path) -> None:
    write_csv(Path("r.csv"), with_lines(moved(LINES[14], ansvar="51\x1b[2J00", funksjon="2\u202e02")),
              encoding="utf-8")
    code, out, _ = _invoke("r.csv", "data", "--period", "2020-T2", "--dry-run")
    assert code == 0
    assert "\x1b" not in out and "\u202e" not in out and "ansvar '51\\x1b[2J00', funksjon '2\\u202e02'" in out


def test_formula_looking_cells_are_only_text(data: Path) -> None:
    write_csv(Path("r.csv"), with_lines(moved(LINES[14], ansvar=FORMULA, art="@SUM(A1)")), encoding="utf-8")
    code, out, _ = _invoke("r.csv", "data", "--period", "2020-T2", "--dry-run", "--format", "json")
    assert code == 0 and FORMULA in [g["codes"]["ansvar"] for g in json.loads(out)["unmapped"]]
    # In a workbook the cell is a formula: what counts is the value saved with it (none here), never the formula.
    write_xlsx(Path("r.xlsx"), with_lines(moved(LINES[14], ansvar=FORMULA)))
    code, out, _ = _invoke("r.xlsx", "data", "--period", "2020-T2", "--dry-run")
    assert code == 0 and "cmd" not in out and "prosjekt –, ansvar –, funksjon '202': 1 line, 88 000.00 kr (line 23)" in out


def test_a_formula_as_an_amount_is_not_a_number(data: Path) -> None:
    path = write_csv(Path("r.csv"), encoding="utf-8")
    path.write_bytes(path.read_bytes().replace(b"45 000,00", FORMULA.encode()))
    code, _, err = _invoke("r.csv", "data", "--period", "2020-T2")
    assert code == 1 and err.startswith("Error: r.csv:5: beløp \"=cmd|' /C calc'!A0\" is not a number")


def test_huge_amounts(data: Path) -> None:
    path = write_csv(Path("r.csv"), with_lines(moved(LINES[14], periode="202001")))
    path.write_bytes(path.read_bytes().replace(b"88 000,00", b"999 999 999 999 999 999 999 999,99", 1))
    code, out, _ = _invoke("r.csv", "data", "--period", "2020-T2", "--dry-run")
    assert code == 0 and "1 000 000 000 000 000 000 099 999.99 kr (lines 19, 21, 23)" in out  # unmapped, exact
    path.write_bytes(path.read_bytes().replace(b"45 000,00", b"999 999 999 999 999 999,00"))
    code, _, err = _invoke("r.csv", "data", "--period", "2020-T2")
    assert code == 1 and "AI-01's drift actual for 2020-T2 would be 1 000 000 000 000 153.8 (1000 kr)" in err


@pytest.mark.parametrize(("content", "code", "message"), [
    (b"", 1, "Error: r.csv: the file is empty. Export the ledger lines again.\nNothing was written.\n"),
    (b"\xef\xbb\xbfAnsvar;Funksjon;Prosjekt;Periode;Bel\xc3\xb8p\r\n", 1,
     "Error: r.csv:1: the export has no ledger lines under its header. Export the ledger lines again; an empty "
     "export would set every actual to 0.\nNothing was written.\n"),
    (b"\x00\x01\x02\x03" * 100, 1, "Error: r.csv:1: the file holds NUL bytes"),
    (b"{\"ansvar\": 3100}", 1, "Error: r.csv: no header row found in the file."),
])
def test_odd_files_end_in_one_line(data: Path, content: bytes, code: int, message: str) -> None:
    Path("r.csv").write_bytes(content)
    exit_code, out, err = _invoke("r.csv", "data", "--period", "2020-T2")
    assert (exit_code, out) == (code, "") and err.startswith(message)


def test_bom_and_crlf_are_read(data: Path) -> None:
    write_csv(Path("r.csv"), encoding="utf-8", bom=True, newline="\r\n")
    code, out, _ = _invoke("r.csv", "data", "--period", "2020-T2", "--dry-run")
    assert code == 0 and "(CSV, UTF-8 with BOM, separated by ';')" in out and "– → 198.8 " in out


def test_usage_errors(data: Path) -> None:
    write_csv(Path("r.csv"))
    code, _, err = _invoke("r.csv", "data", "--period", "2020-T2", "--unit", "nok")
    assert code == 2 and "kr" in err and "1000kr" in err
    code, _, err = _invoke("r.csv", "data")
    assert code == 2 and "--period" in err
