"""The views of a list of diagnostics keep what CI systems parse intact."""

from __future__ import annotations

from datetime import date
from io import StringIO

from askoy2020 import Diagnostic, Location, Severity
from askoy2020.commands.reporters import github


def test_github_escapes_newlines_and_percent() -> None:
    out = StringIO()
    github([Diagnostic(Location("a,b.yaml", 2, 3), "ASK001", Severity.ERROR, "100%\nnext", "")], 1, date.today(), out)
    assert out.getvalue().splitlines()[0] == "::error file=a%2Cb.yaml,line=2,col=3,title=ASK001::100%25%0Anext"
