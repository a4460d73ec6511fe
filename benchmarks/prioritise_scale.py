"""How fast and how good `prioritise` is, from the sample data to 2,000 projects.

    python benchmarks/prioritise_scale.py [--sizes 100 500 2000] [--time-limit 10] [--gaps 0.001 0.0001]

For each generated portfolio (4 plan years, all open on AS_OF, 10 areas, ~0.6 dependencies per
project, ~5 % mandatory, ~30 % with a two- or three-year start window, area frames
at about 60 % of demand, adding up to the programme frame; programme staff
frames at 85 %) it prints the solve time, whether the plan is proven
optimal, the gap to the solver's bound, and the value greedy-by-score reaches
as a share of ours. The sample data row times the whole command, explanations
and marginal values included. Not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import subprocess
import sys
import time
from pathlib import Path

from askoy2020.model import Portfolio, Programme, ProgrammeArea, Project
from askoy2020.prioritise.problem import build_problem
from askoy2020.prioritise.solver import SolveSettings, solve

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # greedy-by-score is a yardstick kept with the tests
from prioritise.greedy import greedy  # noqa: E402

YEARS = range(2018, 2022)
# Planned on a day before the 2018 round is adopted, so all four of its
# years are open (from the adoption on, 2018 would be sunk).
AS_OF = dt.date(2017, 12, 1)
CRITERIA = [{"id": c, "name": c, "weight": w, "scale": {"min": 0, "max": 5}}
            for c, w in (("strategic_fit", 0.35), ("user_value", 0.25), ("economic_gain", 0.25),
                         ("risk_reduction", 0.15))]


def generate(n: int, seed: int, area_frames_bind: bool = True) -> Portfolio:
    rng = random.Random(seed)
    area_ids = [f"A{i}" for i in range(10)]
    projects: list[Project] = []
    demand = {(a, y): 0.0 for a in area_ids for y in YEARS}
    staff_demand = dict.fromkeys(YEARS, 0.0)
    must = dict.fromkeys(demand, 0.0)
    staff_must = dict.fromkeys(YEARS, 0.0)
    for i in range(n):
        pid = f"P{i:04d}"
        area = rng.choice(area_ids)
        length = rng.choice([1, 1, 2, 2, 3])
        first = rng.randint(YEARS[0], YEARS[-1] - length + 1)
        cost = {first + k: float(rng.randrange(200, 5000, 50)) for k in range(length)}
        staff = {first + k: round(rng.uniform(0.2, 3.0), 1) for k in range(length)}
        record: dict = {
            "id": pid, "name": pid, "area": area, "manager": "Prosjektleder", "status": "planned",
            "planned": {"start": dt.date(first, rng.choice([1, 4, 7]), 1),
                        "end": dt.date(first + length - 1, 12, 31)},
            "cost": cost, "staff": staff,
            "scores": {c["id"]: rng.randint(0, 5) for c in CRITERIA},
        }
        if rng.random() < 0.05:
            record |= {"mandatory": True, "legal_basis": "Lov § 1"}
        elif rng.random() < 0.3 and length < 4:
            earliest = max(YEARS[0], first - rng.randint(0, 1))
            record["start_window"] = {"earliest": earliest, "latest": min(YEARS[-1] - length + 1, earliest + 2)}
            if not earliest <= first <= record["start_window"]["latest"]:
                del record["start_window"]
        if i and rng.random() < 0.6 and not record.get("mandatory"):
            # A predecessor whose planned dates allow this project's planned start.
            kind = rng.choices(["finish-to-start", "start-to-start"], [0.8, 0.2])[0]
            lag = rng.choice([0, 0, 30, 90])
            start = record["planned"]["start"]
            fits = [p for p in projects[max(0, i - 200):] if start >= (
                (p.planned.end if kind == "finish-to-start" else p.planned.start) + dt.timedelta(days=lag))]
            if fits:
                pred = rng.choice(fits)
                record["depends_on"] = [{"project": pred.id, "type": kind, "lag_days": lag,
                                         "strength": "hard" if rng.random() < 0.9 else "soft"}]
        projects.append(Project.model_validate(record))
        for y, v in cost.items():
            demand[(area, y)] += v
            staff_demand[y] += staff[y]
            if record.get("mandatory"):  # frames always hold what the law requires
                must[(area, y)] += v
                staff_must[y] += staff[y]
    area_frames = {a: {y: round(max(demand[(a, y)] * 0.6, must[(a, y)] * 1.2), -2) for y in YEARS}
                   for a in area_ids}
    areas = [ProgrammeArea.model_validate({
        "id": a, "name": a, "owner": "Kommunalsjef", "period": {"first_year": 2018, "last_year": 2021},
        "rounds": [{"year": 2018, "frames": {"drift": area_frames[a] if area_frames_bind else {}}}],
    }) for a in area_ids]
    programme = Programme.model_validate({
        "id": "BENCH", "name": "Benchmark",
        # As in a real budget (and as validate's ASK406 demands), the area
        # frames add up to the programme frame.
        "rounds": [{"year": 2018, "decision": "KST 1/17", "adopted": "2017-12-14", "frames": {
            "drift": {y: sum(area_frames[a][y] for a in area_ids) for y in YEARS},
            "staff": {y: round(max(staff_demand[y] * 0.85, staff_must[y] * 1.2), 1) for y in YEARS}}}],
        "criteria": CRITERIA,
    })
    return Portfolio(root=ROOT, records={"programme": [programme], "area": list(areas), "project": list(projects)})


def sample_row() -> None:
    began = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "askoy2020", "prioritise", str(ROOT / "data"), "--format", "json",
                             "--as-of", "2020-10-31"], capture_output=True, text=True, check=False)
    wall = time.perf_counter() - began
    import json

    plan = json.loads(result.stdout)["plan"]
    plan_gap = 0.0001
    print(f"{'sample data (70)':>20}  {plan_gap:>9.2%}  {wall:>8.2f}  {plan['solver']['status']:>10}  "
          f"{plan['solver']['gap']:>8.4%}  {'':>11}  whole command in a new process, with reasons")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 500, 2000])
    parser.add_argument("--time-limit", type=float, default=10.0)
    parser.add_argument("--gaps", type=float, nargs="*", default=[0.001, 0.0001])
    parser.add_argument("--seeds", type=int, default=3)
    args = parser.parse_args()
    print(f"time limit {args.time_limit:g} s; {args.seeds} seeds per size; 'programme' portfolios have only "
          "programme frames, 'areas' portfolios have binding area frames as well\n")
    print(f"{'portfolio':>20}  {'gap limit':>9}  {'seconds':>8}  {'status':>10}  {'gap':>8}  {'greedy/ours':>11}")
    sample_row()
    for family in ("programme", "areas"):
        for n in args.sizes:
            for seed in range(args.seeds):
                portfolio = generate(n, seed, area_frames_bind=family == "areas")
                began = time.perf_counter()
                problem = build_problem(portfolio, as_of=AS_OF)
                built = time.perf_counter() - began
                quick = greedy(problem)
                for gap in args.gaps:
                    exact = solve(problem, SolveSettings(gap=gap, time_limit=args.time_limit))
                    ratio = quick.value / exact.value if quick.feasible and exact.value else float("nan")
                    print(f"{f'{family} n={n} s={seed}':>20}  {gap:>9.2%}  {built + exact.seconds:>8.2f}  "
                          f"{exact.status.value:>10}  {exact.gap:>8.4%}  {ratio:>11.3f}", flush=True)


if __name__ == "__main__":
    main()
