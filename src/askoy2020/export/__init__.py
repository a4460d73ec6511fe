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

from .build import PROJECT_COST, sheets
from .csv_files import CSV_DIALECTS, CsvDialect, write_csv
from .workbook import write_xlsx

__all__ = ["CSV_DIALECTS", "PROJECT_COST", "CsvDialect", "sheets", "write_csv", "write_xlsx"]
