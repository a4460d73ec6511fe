"""The commands run from a request, without typer: what a script, a test
or another front end would call."""

from __future__ import annotations

import io
import subprocess
import sys

from askoy2020.commands import rules, validate
from askoy2020.commands.choices import DiagnosticsFormat, RulesFormat
from helpers import AS_OF, BASE


def test_validate_returns_the_exit_code_and_writes_the_report_to_out() -> None:
    out, err = io.StringIO(), io.StringIO()
    request = validate.ValidateRequest(BASE, AS_OF, use_cache=False, output_format=DiagnosticsFormat.TEXT)
    assert validate.run(request, out, err) == 0
    assert out.getvalue().endswith("0 errors, 0 warnings in 0 files (8 files checked)\n")
    assert err.getvalue() == ""


def test_validate_of_a_missing_folder_is_a_usage_error_on_err() -> None:
    out, err = io.StringIO(), io.StringIO()
    request = validate.ValidateRequest(BASE / "no-such-folder", AS_OF, use_cache=False)
    assert validate.run(request, out, err) == 2
    assert out.getvalue() == "" and err.getvalue().startswith("Error: ")


def test_rules_unknown_id_is_exit_2() -> None:
    out, err = io.StringIO(), io.StringIO()
    assert rules.run(rules.RulesRequest("ASK999", RulesFormat.JSON), out, err) == 2
    assert err.getvalue() == "Error: no rule 'ASK999'; 'askoy2020 rules' lists them.\n"


def test_running_a_command_imports_no_typer() -> None:
    code = (
        "import datetime, io, pathlib, sys\n"
        "from askoy2020.commands import validate\n"
        f"request = validate.ValidateRequest(pathlib.Path({str(BASE)!r}), datetime.date(2020, 10, 31), use_cache=False)\n"
        "assert validate.run(request, io.StringIO(), io.StringIO()) == 0\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('typer', 'click')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
