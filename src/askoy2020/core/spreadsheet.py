"""Text that a spreadsheet must not take for a formula (OWASP "CSV
injection"): a cell starting with '=', '+', '-', '@', tab or carriage
return is run by Excel and LibreOffice. Every CSV askoy2020 writes – the
export and the plan – neutralises its text cells here."""

from __future__ import annotations

from typing import Any

FORMULA_STARTS = frozenset("=+-@\t\r")


def csv_text(value: Any) -> Any:
    """A text cell with a leading quote when it would start a formula;
    numbers (a negative amount too) and everything else unchanged."""
    if isinstance(value, str) and value[:1] in FORMULA_STARTS:
        return "'" + value
    return value
