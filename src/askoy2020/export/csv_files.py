"""The CSV files: one per kind, in one of two dialects.

``excel-nb`` is what Excel and LibreOffice with Norwegian settings open by
a double click: ';' between fields (the list separator when ',' is the
decimal sign), decimal comma, whole numbers without ``.0``, dates as
31.12.2020, UTF-8 with a byte-order mark (else Excel reads æøå as
Windows-1252) and CRLF line ends. Written with a decimal point, årsverk
2.3 would become the date 2 March in a Norwegian spreadsheet.

``plain`` is for programs (Python's csv module, pandas, R): ',' between
fields, decimal point, ISO dates, no byte-order mark, CRLF (RFC 4180).

Both neutralise a text that a spreadsheet would run as a formula (see
:mod:`askoy2020.core.spreadsheet`); numbers are never quoted, so a
negative amount stays a number.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..core.spreadsheet import csv_text
from ..model import Portfolio
from .build import sheets
from .sheet import RowFormula


@dataclass(frozen=True)
class CsvDialect:
    name: str
    delimiter: str
    decimal: str
    byte_order_mark: bool
    nordic_dates: bool  # 31.12.2020, else 2020-12-31

    def value(self, value: Any) -> str:
        """A cell's text: a formula's value, a number in this dialect's
        decimal sign, a date, or a text guarded against formula injection."""
        if isinstance(value, tuple):  # a "used" formula in the workbook; CSV gets its value
            value = value[3]
        if isinstance(value, RowFormula):
            value = value.value
        if value is None:
            return ""
        if isinstance(value, dt.date):
            day = value.date() if isinstance(value, dt.datetime) else value
            return f"{day.day:02d}.{day.month:02d}.{day.year:04d}" if self.nordic_dates else day.isoformat()
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return _number(value, self.decimal)
        return str(csv_text(value if isinstance(value, str) else str(value)))


EXCEL_NB = CsvDialect("excel-nb", delimiter=";", decimal=",", byte_order_mark=True, nordic_dates=True)
PLAIN = CsvDialect("plain", delimiter=",", decimal=".", byte_order_mark=False, nordic_dates=False)
CSV_DIALECTS = {d.name: d for d in (EXCEL_NB, PLAIN)}


def _number(value: float, decimal: str) -> str:
    """The shortest text that reads back as the same number, without an
    exponent (1e-07 is a text to a spreadsheet) and without ``.0``."""
    if not math.isfinite(value):
        return str(value)
    if float(value).is_integer():
        return str(int(value))
    return format(Decimal(repr(float(value))), "f").replace(".", decimal)


def _points(value: Any) -> Any:
    """A share as the percent points its header ("Avvik %") promises: the
    workbook shows -0.02 as -2,0 % by its format, and a CSV has no format,
    so -0,02 under "Avvik %" would read as a fiftieth of a per cent."""
    if isinstance(value, RowFormula):
        value = value.value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return round(value * 100, 10)  # 10 decimals: no float noise (-2.0000000000000004)
    return value


def write_csv(
    portfolio: Portfolio, folder: Path, year: int | None = None, as_of: dt.date | None = None,
    dialect: CsvDialect = EXCEL_NB,
) -> list[Path]:
    """One CSV per kind in ``folder``, named by the sheet (prosjekter.csv …)."""
    from ..writing.atomic import write_bytes_atomic

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for spec in sheets(portfolio, year, as_of):
        text = io.StringIO()
        writer = csv.writer(text, delimiter=dialect.delimiter, lineterminator="\r\n")
        writer.writerow([csv_text(h) for h in spec.headers])
        for row in spec.rows:
            writer.writerow([dialect.value(_points(v) if i in spec.percent_columns else v) for i, v in enumerate(row)])
        path = folder / f"{spec.name}.csv"
        write_bytes_atomic(path, text.getvalue().encode("utf-8-sig" if dialect.byte_order_mark else "utf-8"))
        written.append(path)
    return written
