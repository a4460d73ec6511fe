"""Time `askoy2020 validate` on the sample data (wall time, median of runs).

    python benchmarks/validate_sample.py [--runs 5]

Prints the median and spread of whole-command runs in fresh processes (so
import time counts), and a split of load vs. rules inside one process.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


def whole_command(runs: int, args: list[str]) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "askoy2020", *args], capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs

    import askoy2020

    t0 = time.perf_counter()
    portfolio = askoy2020.load(DATA)
    t1 = time.perf_counter()
    diagnostics = askoy2020.check(portfolio, as_of=date(2020, 10, 31))
    t2 = time.perf_counter()
    records = 1 + len(portfolio.areas) + len(portfolio.projects) + len(portfolio.leaders) + len(portfolio.cases)
    print(f"files: {len(portfolio.files)}, records: {records}, diagnostics: {len(diagnostics)}")
    print(f"in-process: load {t1 - t0:.3f} s, rules {t2 - t1:.3f} s")
    for label, args in (("askoy2020 --help", ["--help"]),
                        ("askoy2020 validate data", ["validate", str(DATA), "--as-of", "2020-10-31"])):
        times = whole_command(runs, args)
        spread = f"min {min(times):.3f}, max {max(times):.3f}, {runs} runs"
        print(f"{label:<28} median {statistics.median(times):.3f} s  ({spread})")


if __name__ == "__main__":
    main()
