"""A sheet of the export: headers, rows and which columns hold what."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any


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

