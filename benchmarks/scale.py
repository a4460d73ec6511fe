"""Wall time and peak memory of the commands at ×1, ×10 and ×100 scale.

    python benchmarks/scale.py [--scales 1 10 100] [--runs 3]

For each generated portfolio (benchmarks/generate.py) it runs, in fresh
processes, `--help`, `validate`, `prioritise --no-explain` and
`report --format html`, plus two reference points on the same files: a
plain libyaml (CSafeLoader) parse of every file, and check-jsonschema
validating them against the exported schemas (schema checks only; skipped
when check-jsonschema is not installed – pip install check-jsonschema).
Prints medians of wall time and the peak resident memory (GNU time).
Not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ASKOY = str(BIN / "askoy2020")
PARSE = ("import sys, yaml, pathlib\n"
         "for f in sorted(pathlib.Path(sys.argv[1]).rglob('*.yaml')):\n"
         "    yaml.load(f.read_bytes(), Loader=yaml.CSafeLoader)\n")


def measure(command: list[str], runs: int) -> tuple[float, float]:
    """Median wall seconds and the largest peak RSS in MB over ``runs``."""
    walls, peaks = [], []
    for _ in range(runs):
        done = subprocess.run(["/usr/bin/time", "-f", "%e %M", *command], capture_output=True, text=True,
                              check=False)
        wall, kb = done.stderr.strip().splitlines()[-1].split()
        walls.append(float(wall))
        peaks.append(int(kb) / 1024)
    return statistics.median(walls), max(peaks)


def check_jsonschema(folder: Path) -> list[list[str]]:
    exe = shutil.which("check-jsonschema") or str(BIN / "check-jsonschema")
    if not Path(exe).exists():
        return []
    from askoy2020.loading.discover import discover
    from askoy2020.model.kinds import KINDS, kind_of

    by_kind: dict[str, list[str]] = {}
    for path in discover(folder):
        kind = kind_of(path.relative_to(folder).as_posix())
        if kind is not None:
            by_kind.setdefault(kind.key, []).append(str(path))
    commands = []
    for kind in KINDS:
        if by_kind.get(kind.key):
            commands.append([exe, "--schemafile", str(ROOT / "schemas" / kind.schema_file), *by_kind[kind.key]])
    return commands


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scales", type=int, nargs="*", default=[1, 10, 100])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-check-jsonschema", action="store_true", help="It takes minutes at x100.")
    args = parser.parse_args()
    print(f"{'scale':>6} {'files':>6}  {'command':<34} {'wall s':>7} {'peak MB':>8}")
    with tempfile.TemporaryDirectory(prefix="askoy2020-bench-") as tmp:
        for scale in args.scales:
            folder = Path(tmp) / f"x{scale}"
            counts = generate(scale, folder)
            runs = args.runs if scale < 100 else 1
            rows = [
                ("askoy2020 --help", [ASKOY, "--help"]),
                ("askoy2020 validate", [ASKOY, "validate", str(folder), "--as-of", "2020-10-31"]),
                ("askoy2020 prioritise --no-explain", [ASKOY, "prioritise", str(folder), "--no-explain"]),
                ("askoy2020 report --format html", [ASKOY, "report", "--year", "2020", str(folder), "--as-of",
                                                    "2020-10-31", "--output", str(Path(tmp) / "r.html")]),
                ("libyaml parse (reference)", [sys.executable, "-c", PARSE, str(folder)]),
            ]
            for label, command in rows:
                wall, peak = measure(command, runs)
                print(f"{'x' + str(scale):>6} {counts['files']:>6}  {label:<34} {wall:>7.2f} {peak:>8.0f}", flush=True)
            # The cache lives at the top of a git repository, so make the folder one.
            subprocess.run(["git", "init", "-q", str(folder)], check=True)
            validate = [ASKOY, "validate", str(folder), "--as-of", "2020-10-31"]
            for label, times in (("validate, cache: first run", 1), ("validate, cache: repeat run", runs)):
                wall, peak = measure(validate, times)
                print(f"{'x' + str(scale):>6} {counts['files']:>6}  {label:<34} {wall:>7.2f} {peak:>8.0f}", flush=True)
            schema_commands = [] if args.skip_check_jsonschema else check_jsonschema(folder)
            if schema_commands:
                total, peak = 0.0, 0.0
                for command in schema_commands:
                    wall, mb = measure(command, 1)
                    total, peak = total + wall, max(peak, mb)
                print(f"{'x' + str(scale):>6} {counts['files']:>6}  {'check-jsonschema (reference)':<34} "
                      f"{total:>7.2f} {peak:>8.0f}", flush=True)


if __name__ == "__main__":
    main()
