"""A realistic ERP export for the importer's tests, in CSV or xlsx.

What Visma and Unit4/Agresso give a finance adviser: title rows above the
header, semicolons, decimal comma with spaces (or no-break spaces) between
thousands, Windows-1252 with ``ø`` in the header and the texts, negative
corrections written three ways, lines for several periods and another year,
lines no project claims, a sum line under the table – and, on request, a
line that matches two projects. All values are synthetic.

:func:`coded_data` copies the sample data and gives four projects their
accounting codes (with comments and an earlier period in one of them), so
the figures the tests expect can be summed by hand from :data:`LINES`.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "data"

HEADER = ("Ansvar", "Ansvar (T)", "Funksjon", "Art", "Prosjekt", "Periode", "Tekst", "Beløp")
TITLE_ROWS = ("Regnskapsrapport pr. ansvar – Askøy kommune (syntetiske tall)", "Utskrevet 05.09.2020 av Økonomi")


@dataclass(frozen=True)
class Line:
    ansvar: str
    funksjon: str
    art: str
    prosjekt: str
    periode: str
    amount: Decimal
    """Kroner."""
    text: str = ""
    ansvar_name: str = ""


def _line(ansvar: str, funksjon: str, art: str, prosjekt: str, periode: str, amount: str, text: str = "") -> Line:
    names = {"3100": "Arbeid og inkludering", "4100": "Helsehus", "5100": "Skole", "7100": "Klima"}
    return Line(ansvar, funksjon, art, prosjekt, periode, Decimal(amount), text, names.get(ansvar, ""))


LINES: tuple[Line, ...] = (
    # AI-01 (ansvar 3100, drift). T2: 45 000 + 12 345.67 + 120 000 - 7 500 - 1 234.56 + 30 154.33 = 198 765.44 kr -> 198.8
    _line("3100", "273", "10100", "", "202001", "45000.00", "Lønn prosjektleder"),
    _line("3100", "273", "11500", "", "202003", "12345.67", "Kurs og opplæring"),
    _line("3100", "273", "10100", "", "202005", "120000.00", "Lønn prosjektleder"),
    _line("3100", "273", "16900", "", "202006", "-7500.00", "Refusjon sykepenger"),
    _line("3100", "273", "11950", "", "202007", "-1234.56", "Korreksjon kjøp av tjenester"),
    _line("3100", "273", "11200", "", "202008", "30154.33", "Lisens fagsystem"),
    _line("3100", "273", "10100", "", "202009", "50000.00", "Lønn prosjektleder"),  # after T2; in T3: 248 765.44 -> 248.8
    _line("3100", "273", "10100", "", "201912", "9999.00", "Lønn (fjorårets regnskap)"),  # another year
    # HM-03 investment (prosjekt 9203, funksjon 254). T2: 1 500 000 + 2 250 000.50 - 375 000 = 3 375 000.50 -> 3375
    _line("4100", "254", "02300", "9203", "202004", "1500000.00", "Byggearbeider helsehus"),
    _line("4100", "254", "02300", "9203", "202006", "2250000.50", "Byggearbeider helsehus"),
    _line("4100", "254", "07290", "9203", "202008", "-375000.00", "Kompensasjon for merverdiavgift"),
    _line("4100", "254", "02300", "9203", "202013", "10000.00", "Årsoppgjør"),  # year-end: T3 only (3385 in T3)
    # HM-03 drift (prosjekt 9203, funksjon 120). T2: 12 500 + 1 250 = 13 750 -> 13.75 -> 13.8 (half up)
    _line("4100", "120", "11000", "9203", "202005", "12500.00", "Kjøp av konsulenttjenester"),
    _line("4100", "120", "11000", "9203", "202007", "1250.00", "Kjøp av konsulenttjenester"),
    # Lines no project claims (unmapped for T2): 88 000 + 12 000 on 5100/202, 500 on 3101, 1 000 on 03100
    _line("5100", "202", "10100", "", "202002", "88000.00", "Lønn lærere"),
    _line("3101", "273", "10100", "", "202006", "500.00", "Feilført ansvar"),
    _line("5100", "202", "10100", "", "202004", "12000.00", "Lønn lærere"),
    _line("03100", "273", "10100", "", "202003", "1000.00", "Ansvar med ledende null"),
)
AMBIGUOUS = _line("3100", "120", "11000", "9203", "202006", "2000.00", "Felles innkjøp")
"""ansvar 3100 is AI-01's, prosjekt 9203 on funksjon 120 is HM-03's drift."""

EXPECTED_T2 = {("AI-01", "drift"): 198.8, ("HM-03", "investment"): 3375.0, ("HM-03", "drift"): 13.8,
               ("KM-01", "drift"): 0.0}
"""Summed by hand from :data:`LINES` (see the comments there)."""
EXPECTED_T3 = {("AI-01", "drift"): 248.8, ("HM-03", "investment"): 3385.0, ("HM-03", "drift"): 13.8,
               ("KM-01", "drift"): 0.0}
UNMAPPED_T2 = Decimal("101500.00")
SKIPPED_T2 = Decimal("69999.00")  # 50 000 (2020-09) + 9 999 (2019) + 10 000 (2020-13)


def norwegian(amount: Decimal, thousands: str = " ", decimal: str = ",", negative: str = "leading") -> str:
    """``-1234.5`` as an ERP writes it: ``-1 234,50``, ``1 234,50-`` or ``(1 234,50)``."""
    whole, _, fraction = f"{abs(amount):.2f}".partition(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    text = thousands.join(groups) + decimal + fraction
    if amount >= 0:
        return text
    return {"leading": "-" + text, "trailing": text + "-", "parens": f"({text})"}[negative]


# Each negative line written its own way, as a ledger mixes them.
_NEGATIVE_STYLE = {Decimal("-7500.00"): "trailing", Decimal("-1234.56"): "parens"}


def csv_text(lines: tuple[Line, ...] | list[Line] = LINES, *, delimiter: str = ";", thousands: str = " ",
             decimal: str = ",", titles: tuple[str, ...] = TITLE_ROWS, header: tuple[str, ...] = HEADER,
             sum_line: bool = True) -> str:
    """The export as text (lines joined with ``\\n``)."""
    rows = [delimiter.join([title] + [""] * (len(header) - 1)) for title in titles]
    if titles:
        rows.append(delimiter * (len(header) - 1))  # an empty row under the titles
    rows.append(delimiter.join(header))
    for line in lines:
        amount = norwegian(line.amount, thousands, decimal, _NEGATIVE_STYLE.get(line.amount, "leading"))
        if delimiter in amount:
            amount = f'"{amount}"'
        cells = [line.ansvar, line.ansvar_name, line.funksjon, line.art, line.prosjekt, line.periode, line.text, amount]
        rows.append(delimiter.join(cells))
    if sum_line:
        total = norwegian(sum((line.amount for line in lines), Decimal(0)), thousands, decimal)
        rows.append(delimiter.join([""] * 6 + ["Sum", f'"{total}"' if delimiter in total else total]))
    return "\n".join(rows) + "\n"


def write_csv(path: Path, lines: tuple[Line, ...] | list[Line] = LINES, *, encoding: str = "cp1252",
              newline: str = "\r\n", bom: bool = False, **options: object) -> Path:
    """Windows-1252 with CRLF by default, as Excel and Visma write on Norwegian Windows."""
    text = csv_text(lines, **options).replace("\n", newline)  # type: ignore[arg-type]
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode(encoding))
    return path


def csv_line_numbers(lines: tuple[Line, ...] | list[Line] = LINES, titles: tuple[str, ...] = TITLE_ROWS) -> list[int]:
    """The line each ledger line is on in :func:`write_csv`'s file."""
    first = len(titles) + (1 if titles else 0) + 2
    return list(range(first, first + len(lines)))


def write_xlsx(path: Path, lines: tuple[Line, ...] | list[Line] = LINES, *, numbers: bool = True,
               sheet: str = "Regnskap", extra_sheet_first: bool = False) -> Path:
    """The export as a workbook: title rows, then the table with number cells
    (``numbers``) or the amounts as Norwegian text."""
    from openpyxl import Workbook

    book = Workbook()
    first = book.active
    assert first is not None
    if extra_sheet_first:
        first.title = "Forside"
        first.append(["Denne arkfanen er en forside"])
        table = book.create_sheet(sheet)
    else:
        first.title = sheet
        table = first
    for title in TITLE_ROWS:
        table.append([title])
    table.append([])
    table.append(list(HEADER))
    for line in lines:
        amount: object = float(line.amount) if numbers else norwegian(line.amount)
        periode: object = int(line.periode) if numbers else line.periode
        table.append([line.ansvar, line.ansvar_name, line.funksjon, line.art, line.prosjekt, periode, line.text,
                      amount])
    book.save(path)
    return path


def xlsx_row_numbers(lines: tuple[Line, ...] | list[Line] = LINES) -> list[int]:
    first = len(TITLE_ROWS) + 2 + 1
    return list(range(first, first + len(lines)))


def with_lines(*extra: Line) -> list[Line]:
    return [*LINES, *extra]


def moved(line: Line, **changes: str) -> Line:
    return replace(line, **changes)  # type: ignore[arg-type]


# -- the data the export is imported into ------------------------------------------

CODES = {
    "ai/projects/AI-01.yaml": (
        "# Regnskapet føres på ansvar 3100 (syntetisk)\n"
        "accounting:\n"
        "  - {ansvar: '3100', kind: drift}  # hele ansvaret er prosjektets\n"
    ),
    "hm/projects/HM-03.yaml": (
        "accounting:\n"
        "  - project: '9203'\n"
        "    funksjon: '254'\n"
        "    kind: investment  # bygget\n"
        "  - {project: '9203', funksjon: '120', kind: drift}\n"
    ),
    "km/projects/KM-01.yaml": "accounting:\n  - {ansvar: '7100', kind: drift}\n",
    "ai/projects/AI-00.yaml": "accounting:\n  - {ansvar: '3000', kind: drift}\n",
}
"""Inserted above ``benefits:`` or ``scores:``, where the model's key order puts them."""

AI_01_ACCOUNTS = (
    "accounts:\n"
    "  2020:\n"
    "    T1:\n"
    "      actual: {drift: 150}\n"
    "      forecast: {drift: 700}  # prognose fra 1. tertial\n"
    "      comment: Etter plan\n"
    "    T2:\n"
    "      forecast: {drift: 760}\n"
    "      comment: Lisenskostnad kommer i august\n"
)
"""AI-01 had its T1 figures and a T2 forecast before the import."""


def _without(text: str, key: str) -> str:
    """``text`` without the top-level ``key:`` block (the key and its indented lines)."""
    kept: list[str] = []
    inside = False
    for line in text.splitlines(keepends=True):
        if line.startswith(f"{key}:"):
            inside = True
            continue
        if inside and (line.startswith((" ", "\t")) or not line.strip()):
            continue
        inside = False
        kept.append(line)
    return "".join(kept)


def uncoded_data(target: Path) -> Path:
    """A copy of the sample data without any accounting codes, so the
    tests decide which project is coded how."""
    data = Path(shutil.copytree(DATA, target))
    for path in sorted((data / "programmes").glob("*/projects/*.yaml")):
        text = path.read_text(encoding="utf-8")
        if "\naccounting:" in text:
            path.write_text(_without(text, "accounting"), encoding="utf-8")
    return data


def coded_data(target: Path) -> Path:
    """A copy of the sample data with accounting codes only for AI-01,
    HM-03, KM-01 and AI-00, their own accounts replaced by AI-01's earlier
    figures; returns the data folder."""
    data = uncoded_data(target)
    for name, codes in CODES.items():
        path = data / "programmes" / name
        text = _without(path.read_text(encoding="utf-8"), "accounts")
        anchor = "benefits:" if "\nbenefits:" in text else "scores:"
        before = AI_01_ACCOUNTS if name.endswith("AI-01.yaml") else ""
        text = text.replace(f"\n{anchor}", f"\n{before}{codes}{anchor}", 1)
        if name.endswith("AI-01.yaml"):
            text = text.replace("\nstaff: ", "\n# Årsverk fra enhetene\nstaff: ", 1)
        path.write_text(text, encoding="utf-8")
    return data
