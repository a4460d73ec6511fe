"""A year's ledger of a large municipality: 50,000 lines.

Measured on the development machine (2 shared cores): reading, placing
and preparing the files for a 50,000-line semicolon CSV (2.6 MB,
Windows-1252) takes 1.1–1.8 s, the whole command with the data folder's
315 files 1.5–1.8 s; the same lines as xlsx take 3.9–5.9 s, nearly all of
it openpyxl reading the sheet (docs/import.md). The bound below is loose, for slow CI machines;
it catches a quadratic step, not a few per cent.
"""

from __future__ import annotations

import random
import time
from decimal import Decimal
from pathlib import Path

from askoy2020.accounts import Unit, prepare, write_changes
from askoy2020.loading.loader import load
from askoy2020.model.budget import Period

from .erp import Line, coded_data, write_csv

LINES = 50_000
SECONDS = 20.0


def _ledger(count: int) -> list[Line]:
    rng = random.Random(14)
    ansvar = ["3100", "7100", "5100", "3101"] + [str(1000 + i) for i in range(300)]
    lines = []
    for _ in range(count):
        code = rng.choice(ansvar)
        prosjekt = "" if code in ("3100", "7100") else rng.choice(["", "", "9203", "9300"])  # else ambiguous
        amount = Decimal(rng.randrange(-500_000, 5_000_000)) / 100
        lines.append(Line(code, rng.choice(["120", "254", "202", "273"]), "10100", prosjekt,
                          f"2020{rng.randrange(1, 14):02d}", amount, "Syntetisk linje"))
    return lines


def test_fifty_thousand_lines(tmp_path: Path) -> None:
    data = coded_data(tmp_path / "data")
    lines = _ledger(LINES)
    export = write_csv(tmp_path / "hovedbok.csv", lines)
    projects = load(data, workers=1).projects
    started = time.perf_counter()
    prepared = prepare(projects, export, export.name, 2020, Period.T2, Unit.KR)
    write_changes(prepared.changes)
    seconds = time.perf_counter() - started
    assert seconds < SECONDS, f"{LINES} lines took {seconds:.1f} s"
    matching = prepared.matching
    assert matching.lines == LINES and not prepared.blocked
    expected = sum((line.amount for line in lines if line.ansvar == "3100" and int(line.periode[4:]) <= 8),
                   Decimal(0))
    ai01 = next(f for f in matching.figures if f.project.id == "AI-01")
    assert ai01.total == expected
    assert matching.counted == matching.mapped + matching.unmapped_total
    assert matching.total == sum((line.amount for line in lines), Decimal(0))
