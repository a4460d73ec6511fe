"""Wall time and peak memory of the commands at ×1, ×10 and ×100 scale.

    python benchmarks/scale.py [--scales 1 10 100] [--runs 3]

For each generated portfolio (benchmarks/generate.py) it runs, in fresh
processes, `--help`, `validate`, `prioritise --no-explain` and
`report --format html`, plus two reference points on the same files: a
plain libyaml (CSafeLoader) parse of every file, and check-jsonschema
validating them against the exported schemas (schema checks only; skipped
when check-jsonschema is not installed – pip install check-jsonschema).
Then, with the cache (the folder made a git repository): a first run, a
repeat run, and a run after one file was edited (the pre-commit case).
Prints medians of wall time, the peak resident memory (GNU time) and each
time as a multiple of the plain libyaml parse in the same run (this
machine's noise is real; the ratio travels better than the seconds).
Not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import os
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


def measure(command: list[str], runs: int, env: dict[str, str] | None = None) -> tuple[float, float]:
    """Median wall seconds and the largest peak RSS in MB over ``runs``."""
    walls, peaks = [], []
    for _ in range(runs):
        # Bytecode as a user's machine keeps it: with PYTHONDONTWRITEBYTECODE
        # set (as on some CI images) every run compiles askoy2020 afresh.
        environment = {k: v for k, v in (env or os.environ).items() if k != "PYTHONDONTWRITEBYTECODE"}
        done = subprocess.run(["/usr/bin/time", "-f", "%e %M", *command], capture_output=True, text=True,
                              check=False, env=environment)
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
    print(f"{'scale':>6} {'files':>6}  {'command':<34} {'wall s':>7} {'peak MB':>8} {'÷ libyaml':>8}")
    with tempfile.TemporaryDirectory(prefix="askoy2020-bench-") as tmp:
        for scale in args.scales:
            folder = Path(tmp) / f"x{scale}"
            counts = generate(scale, folder)
            runs = args.runs
            rows = [
                ("askoy2020 --help", [ASKOY, "--help"]),
                ("askoy2020 validate", [ASKOY, "validate", str(folder), "--as-of", "2020-10-31"]),
                ("askoy2020 prioritise --no-explain", [ASKOY, "prioritise", str(folder), "--no-explain"]),
                ("askoy2020 report --format html", [ASKOY, "report", "--year", "2020", str(folder), "--as-of",
                                                    "2020-10-31", "--output", str(Path(tmp) / "r.html")]),
                ("libyaml parse (reference)", [sys.executable, "-c", PARSE, str(folder)]),
            ]
            results = {}
            for label, command in rows:
                results[label] = measure(command, runs)
            reference = results["libyaml parse (reference)"][0]
            # The cache lives at the top of a git repository, so make the folder one.
            subprocess.run(["git", "init", "-q", str(folder)], check=True)
            validate = [ASKOY, "validate", str(folder), "--as-of", "2020-10-31"]
            env = {**os.environ, "ASKOY2020_NO_CACHE": "", "CI": ""}
            results["validate, cache: first run"] = measure(validate, 1, env)
            results["validate, cache: repeat run"] = measure(validate, runs, env)
            edited = sorted((folder / "quality").rglob("*.yaml"))[0]
            walls, peaks = [], []
            for i in range(runs):
                # The pre-commit case: one file edited, everything checked again.
                edited.write_text(edited.read_text(encoding="utf-8") + f"# edit {i}\n", encoding="utf-8")
                wall, peak = measure(validate, 1, env)
                walls.append(wall)
                peaks.append(peak)
            results["validate, cache: one file edited"] = (statistics.median(walls), max(peaks))
            for label, (wall, peak) in results.items():
                print(f"{'x' + str(scale):>6} {counts['files']:>6}  {label:<34} {wall:>7.2f} {peak:>8.0f} "
                      f"{wall / reference:>8.2f}", flush=True)
            schema_commands = [] if args.skip_check_jsonschema else check_jsonschema(folder)
            if schema_commands:
                total, peak = 0.0, 0.0
                for command in schema_commands:
                    wall, mb = measure(command, 1)
                    total, peak = total + wall, max(peak, mb)
                print(f"{'x' + str(scale):>6} {counts['files']:>6}  {'check-jsonschema (reference)':<34} "
                      f"{total:>7.2f} {peak:>8.0f} {total / reference:>8.2f}", flush=True)


if __name__ == "__main__":
    main()
