"""HiGHS against other open solvers on the very model `prioritise` solves.

    python benchmarks/solver_compare.py [--families areas hard] [--sizes 100 500] [--seeds 3]
        [--gap 0.001] [--time-limit 30]

Each generated portfolio (`prioritise_scale.py`'s families) is written with
`prioritise --write-model`'s writer (MPS) and solved, single-threaded, with
the same gap and time limit by:
- HiGHS, through askoy2020's own solve (tie-break solve included, as a user
  gets it) and alone on the MPS file;
- SCIP, through PySCIPOpt, when it is installed (`pip install -e '.[solver-compare]'`);
- CBC, when a `cbc` program is on PATH or named by the CBC environment variable.
It prints seconds, the status and the gap each reached. Not a test.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from prioritise_scale import AS_OF, FAMILIES

from askoy2020.prioritise.problem import build_problem
from askoy2020.prioritise.solver import SolveSettings, solve, write_model


def highs_alone(path: Path, gap: float, limit: float) -> str:
    import highspy

    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    highs.readModel(str(path))
    for option, value in (("mip_rel_gap", gap), ("time_limit", limit), ("threads", 1), ("random_seed", 0)):
        highs.setOptionValue(option, value)
    began = time.perf_counter()
    highs.run()
    info = highs.getInfo()
    return _cell(time.perf_counter() - began, highs.getModelStatus() == highspy.HighsModelStatus.kOptimal, info.mip_gap)


def scip(path: Path, gap: float, limit: float) -> str:
    try:
        from pyscipopt import Model
    except ImportError:
        return "not installed"
    model = Model()
    model.hideOutput()
    model.readProblem(str(path))
    model.setParam("limits/gap", gap)
    model.setParam("limits/time", limit)
    model.setParam("parallel/maxnthreads", 1)
    began = time.perf_counter()
    model.optimize()
    return _cell(time.perf_counter() - began, model.getStatus() in ("optimal", "gaplimit"), model.getGap())


def cbc(path: Path, gap: float, limit: float) -> str:
    program = os.environ.get("CBC") or shutil.which("cbc")
    if not program:
        return "not installed"
    began = time.perf_counter()
    result = subprocess.run([program, str(path), "-max", "-sec", str(limit), "-ratio", str(gap), "-threads", "1",
                             "-solve"], capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - began
    found = re.search(r"Objective value:\s+(\S+)", result.stdout)
    upper = re.search(r"Upper bound:\s+(\S+)", result.stdout)
    done = "Optimal solution found" in result.stdout
    if found and upper:
        value, bound = float(found.group(1)), float(upper.group(1))
        return _cell(seconds, done, (bound - value) / max(1.0, abs(bound)))
    return _cell(seconds, done, 0.0 if done else float("nan"))


def _cell(seconds: float, done: bool, gap: float) -> str:
    return f"{seconds:6.2f} s {'done' if done else 'limit':>5} {gap:7.3%}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--families", nargs="*", choices=sorted(FAMILIES), default=["areas", "hard"])
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 500])
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--gap", type=float, default=0.001)
    parser.add_argument("--time-limit", type=float, default=30.0)
    args = parser.parse_args()
    print(f"gap {args.gap:.2%}, limit {args.time_limit:g} s, one thread each; 'done': the gap was reached\n")
    print(f"{'portfolio':>20}  {'askoy2020 (HiGHS)':>24}  {'HiGHS alone':>24}  {'SCIP':>24}  {'CBC':>24}")
    with tempfile.TemporaryDirectory() as folder:
        for family in args.families:
            for n in args.sizes:
                for seed in range(args.seeds):
                    problem = build_problem(FAMILIES[family](n, seed), as_of=AS_OF)
                    path = Path(folder) / f"{family}-{n}-{seed}.mps"
                    write_model(problem, path)
                    ours = solve(problem, SolveSettings(gap=args.gap, time_limit=args.time_limit))
                    cells = [_cell(ours.seconds, ours.status.value == "optimal", ours.gap)]
                    cells += [run(path, args.gap, args.time_limit) for run in (highs_alone, scip, cbc)]
                    print(f"{f'{family} n={n} s={seed}':>20}  " + "  ".join(f"{c:>24}" for c in cells), flush=True)


if __name__ == "__main__":
    main()
