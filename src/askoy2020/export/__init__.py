"""Export for the finance department: an Excel workbook (one sheet per kind)
or UTF-8 CSV files (one per kind).

Numbers are number cells and dates are date cells, headers are frozen,
columns are sized, and totals and "used" figures are Excel formulas over the
project sheet, so a finance reader can follow and change the arithmetic.

Those formulas are the only ones: every text from the data is a string cell
in the workbook (a name like ``=HYPERLINK(…)`` stays text) and, in CSV, a
text that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
gets a leading ``'`` as OWASP advises against CSV injection, so a spreadsheet
opening the file evaluates nothing that came from the YAML.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import Any

from ..core.identity_numbers import mask
from ..core.spreadsheet import FORMULA_STARTS, csv_text
from ..model import Portfolio
from ..model.base import Goal
from ..model.budget import MoneyKind
from .money import benefit_sheet, money_sheet
from .sheet import RowFormula, Sheet


def sheets(portfolio: Portfolio, year: int | None = None, as_of: dt.date | None = None) -> list[Sheet]:
    """The sheets; ``as_of`` is the day the figures are as on (measurements
    after it are not yet known), None for every measurement in the data."""
    programme = portfolio.programme
    years = list(programme.known_years()) if programme else sorted(
        {y for p in portfolio.projects for y in p.cost})
    day = as_of or dt.date.today()
    made = [_projects(portfolio, years, year), _frames(portfolio, years, day),
            money_sheet(portfolio, years, year, day), benefit_sheet(portfolio, year, day),
            _goals(portfolio, year, as_of), _cases(portfolio, year)]
    # Every text of every sheet passes here: an identity number in a name
    # or a unit is masked in the workbook and the CSV files alike.
    for sheet in made:
        sheet.rows = [[_masked(v) for v in row] for row in sheet.rows]
    return made


def _masked(value: Any) -> Any:
    """A cell with every text in it masked – also the texts inside a
    formula's parts (the area a SUMIF matches is masked as its cell is, so
    the formula still finds it)."""
    if isinstance(value, str):
        return mask(value)
    if isinstance(value, tuple):
        return tuple(_masked(part) for part in value)
    return value


def _projects(portfolio: Portfolio, years: list[int], year: int | None) -> Sheet:
    headers = ["Id", "Prosjekt", "Område", "Status", "Start", "Slutt", "Obligatorisk", "Låst"]
    first_money = len(headers)
    headers += [f"Kostnad {y}" for y in years] + [f"Årsverk {y}" for y in years]
    sheet = Sheet("prosjekter", "Prosjekter", headers,
                  money_columns=set(range(first_money, first_money + len(years))),
                  fte_columns=set(range(first_money + len(years), first_money + 2 * len(years))))
    sheet.total_columns = sheet.money_columns | sheet.fte_columns
    for p in sorted(portfolio.projects, key=lambda p: p.id):
        if year is not None and not (p.cost.get(year) or p.staff.get(year)):
            continue
        sheet.rows.append([p.id, p.name, p.area, p.status.value, p.start(), p.end(),
                           "ja" if p.mandatory else "", "ja" if p.locked else "",
                           *(p.cost.get(y, 0.0) for y in years), *(p.staff.get(y, 0.0) for y in years)])
    return sheet


# What the "used" formula sums: the Prosjekter sheet's cost column (the
# drift budget as adopted) of every project not cancelled, proposals too;
# not spend (that is Økonomi's Regnskap) and not what a plan funds.
PROJECT_COST = "Prosjektkostnad, vedtatt og foreslått (1000 kr)"


def _frames(portfolio: Portfolio, years: list[int], as_of: dt.date) -> Sheet:
    headers = ["Område", "Ressurs", *(str(y) for y in years)]
    sheet = Sheet("rammer", "Rammer", headers)
    owners: list[tuple[str, str | None]] = []
    if portfolio.programme:
        owners.append(("Programmet", None))
    owners += [(a.id, a.id) for a in sorted(portfolio.areas, key=lambda a: a.id)]
    live = [p for p in portfolio.projects if p.is_live]
    for label, owner in owners:
        mine = [p for p in live if label == "Programmet" or p.area == label]
        used = [sum(p.cost.get(y, 0.0) for p in mine) for y in years]
        def frames(kind: MoneyKind, revised: bool = True, owner: str | None = owner) -> list[float | None]:
            return [portfolio.frame(kind, y, as_of, owner, revised=revised) for y in years]

        sheet.rows.append([label, "Driftsramme vedtatt (1000 kr)", *frames(MoneyKind.DRIFT, revised=False)])
        sheet.rows.append([label, "Driftsramme revidert (1000 kr)", *frames(MoneyKind.DRIFT)])
        sheet.rows.append([label, PROJECT_COST, *(("=USED", label, i, used[i]) for i in range(len(years)))])
        investment = frames(MoneyKind.INVESTMENT)
        if any(v is not None for v in investment):
            sheet.rows.append([label, "Investeringsramme revidert (1000 kr)", *investment])
        sheet.rows.append([label, "Årsverkramme", *frames(MoneyKind.STAFF)])
    sheet.money_columns = set(range(2, 2 + len(years)))
    return sheet


def _latest(goal: Goal, as_of: dt.date | None) -> tuple[dt.date | None, float | None]:
    m = goal.latest_measurement(as_of)
    return (m.date, m.value) if m else (None, None)


def _goals(portfolio: Portfolio, year: int | None, as_of: dt.date | None) -> Sheet:
    target_year = year or portfolio.measuring_year
    headers = ["Id", "Eier", "Mål", "Indikator", "Enhet", "Retning", "Utgangsår", "Utgangsverdi",
               f"Mål {target_year}", "Siste måling", "Siste verdi"]
    sheet = Sheet("maal", "Mål", headers)
    owned: list[tuple[str, Goal]] = [(a.id, g) for a in portfolio.areas for g in a.goals]
    owned += [(leader.role, g) for leader in portfolio.leaders for g in leader.goals]
    for owner, g in sorted(owned, key=lambda og: og[1].id):
        when, value = _latest(g, as_of)
        sheet.rows.append([g.id, owner, g.text, g.indicator, g.unit, g.direction.value,
                           g.baseline.year if g.baseline else None, g.baseline.value if g.baseline else None,
                           g.targets.get(target_year), when, value])
    return sheet


def _cases(portfolio: Portfolio, year: int | None) -> Sheet:
    headers = ["Id", "Type", "Tittel", "Enhet", "Område", "Hendt", "Meldt", "Alvorlighet", "Status", "Frist",
               "Lukket"]
    sheet = Sheet("kvalitetssaker", "Kvalitetssaker", headers)
    for c in sorted(portfolio.cases, key=lambda c: c.id):
        if year is not None and c.reported.year != year:
            continue
        sheet.rows.append([c.id, c.kind.value, c.title, c.unit, c.area or "", c.occurred, c.reported, c.severity,
                           c.status.value, c.deadline, c.closed])
    return sheet


# --------------------------------------------------------------------- xlsx

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
    last_project_row = len(projects.rows) + 1
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
                if isinstance(cell.value, dt.date):
                    cell.number_format = "dd.mm.yyyy"
                elif col - 1 in spec.money_columns:
                    cell.number_format = "#,##0"
                elif col - 1 in spec.fte_columns:
                    cell.number_format = "0.0"
                elif col - 1 in spec.percent_columns:
                    cell.number_format = "0.0 %"
            widest = max([len(str(spec.headers[col - 1]))] + [len(_shown(r[col - 1])) for r in spec.rows] or [8])
            ws.column_dimensions[letter].width = min(60, max(8, widest + 2))
        if spec.total_columns and spec.rows:
            total_row = len(spec.rows) + 2
            ws.cell(total_row, 1, "Sum").font = Font(bold=True)
            for col in sorted(spec.total_columns):
                letter = get_column_letter(col + 1)
                cell = ws.cell(total_row, col + 1, f"=SUM({letter}2:{letter}{total_row - 1})")
                cell.font = Font(bold=True)
                cell.number_format = "#,##0" if col in spec.money_columns else "0.0"
        ws.freeze_panes = "B2" if spec.name == "prosjekter" else "A2"
        ws.auto_filter.ref = ws.dimensions
    _save(book, target)


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


# ---------------------------------------------------------------------- csv

def write_csv(
    portfolio: Portfolio, folder: Path, year: int | None = None, as_of: dt.date | None = None
) -> list[Path]:
    """One UTF-8 CSV per kind, with a byte-order mark so Excel reads æøå."""
    from ..writing.atomic import write_bytes_atomic

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for spec in sheets(portfolio, year, as_of):
        text = io.StringIO()
        writer = csv.writer(text, lineterminator="\r\n")
        writer.writerow(spec.headers)
        for row in spec.rows:
            writer.writerow([_csv_value(v) for v in row])
        path = folder / f"{spec.name}.csv"
        write_bytes_atomic(path, text.getvalue().encode("utf-8-sig"))
        written.append(path)
    return written


def _csv_value(value: Any) -> Any:
    if isinstance(value, tuple):  # a formula in the workbook; CSV gets its value
        return value[3]
    if isinstance(value, RowFormula):
        return "" if value.value is None else value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if value is None:
        return ""
    return csv_text(value)  # text only: a negative number stays a number
