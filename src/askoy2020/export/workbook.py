"""The workbook: one sheet per kind, number and date cells with formats
Excel and LibreOffice show in the reader's locale, frozen headers, and
totals and "used" figures as formulas over the project sheet."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

from ..core.spreadsheet import FORMULA_STARTS
from ..model import Portfolio
from .build import sheets
from .sheet import DATE, RowFormula, Sheet

# The label of a sheet's total row: every row above, whatever its status
# (the frames sheet's totals leave cancelled projects out, so it says so).
TOTAL_ROW = "Sum, alle rader"


def write_xlsx(portfolio: Portfolio, target: Path, year: int | None = None, as_of: dt.date | None = None) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    if book.active is not None:
        book.remove(book.active)  # the empty default sheet
    all_sheets = sheets(portfolio, year, as_of)
    projects = all_sheets[0]
    money_letters = {h.split(" ", 1)[1]: get_column_letter(i + 1) for i, h in enumerate(projects.headers)
                     if h.startswith("Kostnad ")}
    area_letter = get_column_letter(projects.headers.index("Område") + 1)
    status_letter = get_column_letter(projects.headers.index("Status") + 1)
    # A range down to row 2 at least: with no project, Prosjekter!I2:I1
    # would be read as I1:I2 and take in the header row.
    last_project_row = max(2, len(projects.rows) + 1)
    for spec in all_sheets:
        ws = book.create_sheet(spec.title)
        ws.append(spec.headers)
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for row_index, row in enumerate(spec.rows, start=2):
            for col, value in enumerate(row, start=1):
                if isinstance(value, str):
                    _text_cell(ws.cell(row_index, col), value)
                elif isinstance(value, RowFormula):
                    ws.cell(row_index, col, value.excel(spec.headers, row_index))
                else:
                    ws.cell(row_index, col, _cell(value, money_letters, area_letter, status_letter,
                                                  last_project_row, spec))
        for col in range(1, len(spec.headers) + 1):
            letter = get_column_letter(col)
            for cell in ws[letter][1:]:
                _format(cell, spec, cell.row - 2, col - 1)
            widest = max([len(str(spec.headers[col - 1]))] + [len(_shown(r[col - 1])) for r in spec.rows] or [8])
            ws.column_dimensions[letter].width = min(60, max(8, widest + 2))
        if spec.total_columns and spec.rows:
            total_row = len(spec.rows) + 2
            ws.cell(total_row, 1, TOTAL_ROW).font = Font(bold=True)
            for col in sorted(spec.total_columns):
                letter = get_column_letter(col + 1)
                cell = ws.cell(total_row, col + 1, f"=SUM({letter}2:{letter}{total_row - 1})")
                cell.font = Font(bold=True)
                cell.number_format = spec.number_format(None, col) or "General"
        ws.freeze_panes = "B2" if spec.name == "prosjekter" else "A2"
        # The filter covers the rows, not the sum below them (it would sort in among them).
        ws.auto_filter.ref = f"A1:{get_column_letter(len(spec.headers))}{len(spec.rows) + 1}"
    _save(book, target)


def _format(cell: Any, spec: Sheet, row: int, column: int) -> None:
    """A date cell shows as a date; a number cell (a formula's too) gets its
    column's format, or the row's where a row holds another unit."""
    if isinstance(cell.value, dt.date):
        cell.number_format = DATE
        return
    if cell.value is None or cell.data_type == "s":  # empty, or a text (one from the data starting "=" too)
        return
    shown = spec.number_format(row, column)
    if shown:
        cell.number_format = shown


def _cell(value: Any, money: dict[str, str], area_col: str, status_col: str, last: int, spec: Sheet) -> Any:
    """Placeholders become formulas: ("=USED", owner, i) is the cost of the
    owner's live projects in the i-th plan year, summed on the project sheet."""
    if isinstance(value, tuple) and value and value[0] == "=USED":
        _, owner, index, _ = value
        year = spec.headers[2 + index]
        column = money[year]
        cost = f"Prosjekter!{column}2:{column}{last}"
        live = f'Prosjekter!{status_col}2:{status_col}{last},"<>cancelled"'
        if owner == "Programmet":
            return f"=SUMIFS({cost},{live})"
        owner_literal = '"' + owner.replace('"', '""') + '"'  # an Excel string literal, never formula text
        return f"=SUMIFS({cost},Prosjekter!{area_col}2:{area_col}{last},{owner_literal},{live})"
    return value


def _text_cell(cell: Any, value: str) -> None:
    """A text from the data is a string cell, whatever it starts with:
    openpyxl would otherwise write a value starting with '=' as a formula.
    Characters XML 1.0 cannot hold (openpyxl refuses them) are shown as
    escapes. quotePrefix keeps the text a text when someone edits the cell."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    shown = ILLEGAL_CHARACTERS_RE.sub(lambda m: f"\\x{ord(m.group()):02x}", value)
    cell.value = shown
    cell.data_type = "s"
    if shown[:1] in FORMULA_STARTS:
        cell.quotePrefix = True


def _shown(value: Any) -> str:
    if isinstance(value, dt.date):
        return "00.00.0000"
    if isinstance(value, (tuple, RowFormula)):
        return "0000000"
    return "" if value is None else str(value)


def _save(book: Any, target: Path) -> None:
    from ..writing.atomic import write_bytes_atomic

    buffer = io.BytesIO()
    book.save(buffer)
    write_bytes_atomic(target, buffer.getvalue())


