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


def _two() -> list[Diagnostic]:
    from askoy2020.core.diagnostics import Say

    where = Location("data/a.yaml", 4, 2)
    return [Diagnostic.said(where, "ASK803", Severity.WARNING, Say("Q-1 is overdue", "Q-1 har passert fristen"),
                            Say("Close it.", "Lukk saken."), (Location("data/b.yaml", 1, 1),)),
            Diagnostic.said(where, "ASK801", Severity.ERROR, Say("Q-1 is reported early", "Q-1 er meldt for tidlig"),
                            Say("Correct it.", "Rett det."))]


def test_the_text_view_in_bokmal_says_severity_see_and_the_summary_in_bokmal() -> None:
    from askoy2020.commands.choices import Language
    from askoy2020.commands.reporters import summary_line, text

    out = StringIO()
    text(_two(), 1, date.today(), out, Language.NB)
    shown = out.getvalue()
    assert "advarsel" in shown and "feil" in shown and "Q-1 har passert fristen" in shown and "→ Lukk saken." in shown
    assert "  se data/b.yaml:1:1" in shown and "see" not in shown and "overdue" not in shown
    assert shown.splitlines()[-1] == "1 feil, 1 advarsel i 1 fil (1 fil kontrollert)"
    assert summary_line([], 317, Language.NB) == "0 feil, 0 advarsler i 0 filer (317 filer kontrollert)"
    english = StringIO()
    text(_two(), 1, date.today(), english)
    assert english.getvalue().splitlines()[-1] == "1 error, 1 warning in 1 file (1 files checked)"
