"""``askoy2020 export``: the portfolio for Excel, as one workbook or a
folder of CSV files. Exit 2 for a wrong output name or data folder."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from .choices import CsvDialect, ExportFormat, Language
from .failures import explain_os_errors
from .output import echo
from .safe_text import visible


@dataclass(frozen=True)
class ExportRequest:
    folder: Path | None
    output_format: ExportFormat
    output: Path
    """The .xlsx file, or the folder for the CSV files."""
    year: int | None = None
    """Only that year: its columns, projects with cost or staff that year, cases reported that year."""
    as_of: dt.date | None = None
    """The day the figures are as on: a goal's latest measurement is the newest on or before it."""
    csv_dialect: CsvDialect | None = None
    """None: the dialect of the export's language."""
    lang: Language = Language.NB
    """The export's language: its headers and sheet names are bokmål."""

    def dialect(self) -> CsvDialect:
        """Given, or for a Norwegian reader Norwegian Excel's, else plain."""
        if self.csv_dialect is not None:
            return self.csv_dialect
        return CsvDialect.EXCEL_NB if self.lang is Language.NB else CsvDialect.PLAIN


@explain_os_errors
def run(request: ExportRequest, out: TextIO, err: TextIO) -> int:
    from ..export import CSV_DIALECTS, write_csv, write_xlsx
    from .paths import load_or_explain

    if request.output_format is ExportFormat.XLSX and request.csv_dialect is not None:
        echo(err, "Error: --csv-dialect is for --format csv; a workbook has no dialect. "
                  "/ Feil: --csv-dialect gjelder --format csv; en arbeidsbok har ingen dialekt.")
        return 2
    portfolio = load_or_explain(request.folder, "askoy2020 export data --format xlsx --output askoy2020.xlsx", err)
    if portfolio is None:
        return 2
    output = request.output
    if request.output_format is ExportFormat.XLSX:
        if output.suffix.lower() != ".xlsx":
            echo(err, f"Error: --output {visible(output)}: an Excel file must end in .xlsx.")
            return 2
        write_xlsx(portfolio, output, request.year, request.as_of)
        echo(out, f"wrote {visible(output)}")
        return 0
    if output.suffix:
        echo(err, f"Error: --output {visible(output)}: CSV export writes one file per kind into a folder; "
                  "give a folder name such as export/.")
        return 2
    for written in write_csv(portfolio, output, request.year, request.as_of, CSV_DIALECTS[request.dialect().value]):
        echo(out, f"wrote {visible(written)}")
    return 0
