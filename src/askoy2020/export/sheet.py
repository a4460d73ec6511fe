"""A sheet of the export: headers, rows and which columns hold what."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

# Number formats as Excel stores them: ',' and '.' are placeholders that
# Excel and LibreOffice show in the reader's locale (1 234 567 and 57,6 in
# nb-NO). A space that is meant as a space is escaped: LibreOffice in nb-NO
# reads a bare one after a digit as its thousands separator and, on saving,
# writes "0.0 %" as "0.0,%": every percentage divided by a thousand.
MONEY = "#,##0"  # 1000 kr
STAFF = "#,##0.0"  # årsverk: 57.6 must not show as 58
PERCENT = "0.0\\ %"
DATE = "dd.mm.yyyy"


@dataclass
class Sheet:
    name: str  # the CSV file stem (ASCII, so every file system and zip tool takes it)
    title: str  # the sheet title in Excel
    headers: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    money_columns: set[int] = field(default_factory=set)  # 0-based
    fte_columns: set[int] = field(default_factory=set)
    total_columns: set[int] = field(default_factory=set)  # get a SUM row
    percent_columns: set[int] = field(default_factory=set)
    row_units: dict[int, str | None] = field(default_factory=dict)
    """Rows (0-based) whose money columns hold something else: the format
    for them (STAFF for an årsverk frame or gain, None for a figure in its
    own unit, shown as typed)."""

    def number_format(self, row: int | None, column: int) -> str | None:
        """The format of a cell (0-based row and column; None for the
        total row) that holds a number; None leaves Excel's General."""
        if column in self.money_columns:
            return self.row_units.get(row, MONEY) if row is not None else MONEY
        if column in self.fte_columns:
            return STAFF
        if column in self.percent_columns:
            return PERCENT
        return None


_HEADER_REFERENCE = re.compile(r"\{([^{}]+)\}")


@dataclass(frozen=True)
class RowFormula:
    """A formula over cells of its own row, written with header names in
    braces – ``={Prognose}-{Revidert budsjett}`` – so it reads like the
    sheet; the workbook gets cell references, CSV gets ``value``."""

    template: str
    value: float | None

    def excel(self, headers: list[str], row: int) -> str:
        from openpyxl.utils import get_column_letter

        def cell(match: re.Match[str]) -> str:
            return f"{get_column_letter(headers.index(match[1]) + 1)}{row}"

        return _HEADER_REFERENCE.sub(cell, self.template)

    def references(self) -> list[str]:
        return _HEADER_REFERENCE.findall(self.template)
