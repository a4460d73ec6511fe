"""How fast and how good `prioritise` is, from the sample data to 2,000 projects.

    python benchmarks/prioritise_scale.py [--sizes 100 500 2000] [--families areas hard programme]
        [--time-limit 10] [--proof-limit 30] [--proof-sizes 100 500] [--seeds 3]

Three families of generated portfolios, all with 4 plan years open on AS_OF:
- "areas" (`generate`): 10 areas, ~0.6 dependencies per project, ~5 %
  mandatory, ~30 % with a two- or three-year start window, area frames at
  about 60 % of demand adding up to the programme frame, programme staff
  frames at 85 %.
- "programme": the same without area frames.
- "hard" (`generate_hard`): see its docstring; costs, staff and value go
  together and frames bind at two levels in two resources.
For each it prints the time to a plan within 0.1 % of the solver's bound,
the time to a proven optimum, the last solve's gap, and the value
greedy-by-score reaches as a share of ours. The sample data row times the
whole command, explanations and marginal values included. Not a test:
nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

from askoy2020.model import Portfolio, Programme, ProgrammeArea, Project
from askoy2020.prioritise.problem import build_problem
from askoy2020.prioritise.solver import Solution, SolutionStatus, SolveSettings, solve

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


def generate_hard(n: int, seed: int) -> Portfolio:
    """The hard family: every area's drift frame binds in each of the four
    plan years and its staff frame in the first (five yearly frames per
    area); the programme's drift frame is a little below the sum of the
    areas' and its staff frames are tight too, so two kinds of frame bind
    at two levels with little slack. Costs, staff and value go together (a
    larger project scores higher and needs more people), which is what
    makes a knapsack's LP bound weak; a third of the projects may start in
    two or three years, and about half depend on another. Small portfolios
    have fewer areas (25 projects each, at least 4), so their knapsacks are
    not trivially small."""
    rng = random.Random(1_000_003 * seed + n)
    area_ids = [f"A{i}" for i in range(max(4, min(10, n // 25)))]
    years = YEARS
    projects: list[Project] = []
    demand = {(a, y): 0.0 for a in area_ids for y in years}
    must = dict.fromkeys(demand, 0.0)
    staff_demand = dict.fromkeys(years, 0.0)
    staff_must = dict.fromkeys(years, 0.0)
    area_staff_demand = dict.fromkeys(area_ids, 0.0)  # in the first year
    area_staff_must = dict.fromkeys(area_ids, 0.0)
    for i in range(n):
        pid = f"P{i:04d}"
        area = rng.choice(area_ids)
        length = rng.choice([1, 2, 2, 3])
        first = rng.randint(years[0], years[-1] - length + 1)
        cost = {first + k: float(rng.randrange(300, 3000, 50)) for k in range(length)}
        staff = {y: round(v / 1000 * rng.uniform(0.8, 1.2), 1) for y, v in cost.items()}
        size = sum(cost.values()) / (3000 * length)  # 0.1 to 1: how large it is for its length
        scores = {c["id"]: min(5, max(0, round(5 * size + rng.uniform(-1.0, 1.0)))) for c in CRITERIA}
        record: dict = {
            "id": pid, "name": pid, "area": area, "manager": "Prosjektleder", "status": "planned",
            "planned": {"start": dt.date(first, 1, 1), "end": dt.date(first + length - 1, 12, 31)},
            "cost": cost, "staff": staff, "scores": scores,
        }
        if rng.random() < 0.03:
            record |= {"mandatory": True, "legal_basis": "Lov § 1"}
        elif rng.random() < 0.35:
            earliest = max(years[0], first - rng.randint(0, 1))
            latest = min(years[-1] - length + 1, earliest + 2)
            if earliest <= first <= latest < years[-1] + 1:
                record["start_window"] = {"earliest": earliest, "latest": latest}
        if i and rng.random() < 0.5 and not record.get("mandatory"):
            same = [p for p in projects if p.area == area] if rng.random() < 0.6 else projects
            fits = [p for p in same[-100:] if p.planned.end < record["planned"]["start"]]
            if fits:
                record["depends_on"] = [{"project": rng.choice(fits).id, "type": "finish-to-start"}]
        projects.append(Project.model_validate(record))
        for y, v in cost.items():
            demand[(area, y)] += v
            staff_demand[y] += staff[y]
            if record.get("mandatory"):
                must[(area, y)] += v
                staff_must[y] += staff[y]
        area_staff_demand[area] += staff.get(years[0], 0.0)
        area_staff_must[area] += staff.get(years[0], 0.0) if record.get("mandatory") else 0.0
    area_frames = {a: {y: round(max(demand[(a, y)] * 0.5, must[(a, y)] * 1.2), -2) for y in years}
                   for a in area_ids}
    area_staff = {a: round(max(area_staff_demand[a] * 0.5, area_staff_must[a] * 1.2), 1) for a in area_ids}
    areas = [ProgrammeArea.model_validate({
        "id": a, "name": a, "owner": "Kommunalsjef", "period": {"first_year": years[0], "last_year": years[-1]},
        "rounds": [{"year": years[0], "frames": {"drift": area_frames[a], "staff": {years[0]: area_staff[a]}}}],
    }) for a in area_ids]
    programme = Programme.model_validate({
        "id": "HARD", "name": "Hard benchmark",
        "rounds": [{"year": years[0], "decision": "KST 1/17", "adopted": "2017-12-14", "frames": {
            "drift": {y: round(0.95 * sum(area_frames[a][y] for a in area_ids), -2) for y in years},
            "staff": {y: round(max(staff_demand[y] * 0.5, staff_must[y] * 1.2), 1) for y in years}}}],
        "criteria": CRITERIA,
    })
    return Portfolio(root=ROOT, records={"programme": [programme], "area": list(areas), "project": list(projects)})


def sample_row() -> None:
    import json

    began = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "askoy2020", "prioritise", str(ROOT / "data"), "--format", "json",
                             "--as-of", "2020-10-31"], capture_output=True, text=True, check=False)
    wall = time.perf_counter() - began
    plan = json.loads(result.stdout)["plan"]
    print(f"{'sample data (70)':>22}  {'':>9}  {wall:>9.2f}  {plan['solver']['status']:>10}  "
          f"{plan['solver']['gap']:>8.4%}  {'':>11}  whole command in a new process, with reasons")


FAMILIES = {
    "programme": lambda n, seed: generate(n, seed, area_frames_bind=False),
    "areas": generate,
    "hard": generate_hard,
}


def _seconds(solution: Solution, proven: bool) -> str:
    """The time a solve took if it got there (proof, or the gap asked for), else how far it got."""
    if solution.status is SolutionStatus.OPTIMAL and (not proven or solution.gap == 0.0):
        return f"{solution.seconds:.2f}"
    return f">{solution.seconds:.0f}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 500, 2000])
    parser.add_argument("--families", nargs="*", choices=sorted(FAMILIES), default=["areas", "hard"])
    parser.add_argument("--time-limit", type=float, default=10.0, help="for the 0.1 %% solve")
    parser.add_argument("--proof-limit", type=float, default=30.0, help="for the solve that proves optimality")
    parser.add_argument("--proof-sizes", type=int, nargs="*", default=[100, 500],
                        help="sizes whose optimum is proven as well (each costs up to --proof-limit)")
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--no-sample", action="store_true")
    args = parser.parse_args()
    print(f"{args.seeds} seeds per size. 'to 0.1 %': solve with gap 0.1 %, limit {args.time_limit:g} s; "
          f"'to proof': gap 0, limit {args.proof_limit:g} s ('>N': not there at the limit; 'gap' is then "
          "that solve's). Times include building the problem.\n")
    print(f"{'portfolio':>22}  {'to 0.1 %':>9}  {'to proof':>9}  {'status':>10}  {'gap':>8}  {'greedy/ours':>11}")
    if not args.no_sample:
        sample_row()
    for family in args.families:
        for n in args.sizes:
            for seed in range(args.seeds):
                portfolio = FAMILIES[family](n, seed)
                began = time.perf_counter()
                problem = build_problem(portfolio, as_of=AS_OF)
                built = time.perf_counter() - began
                quick = greedy(problem)
                near = solve(problem, SolveSettings(gap=0.001, time_limit=args.time_limit))
                last = near
                proof = "-"
                if n in args.proof_sizes:
                    last = solve(problem, SolveSettings(gap=0.0, time_limit=args.proof_limit))
                    proof = _seconds(replace(last, seconds=last.seconds + built), proven=True)
                ratio = quick.value / last.value if quick.feasible and last.value else float("nan")
                print(f"{f'{family} n={n} s={seed}':>22}  "
                      f"{_seconds(replace(near, seconds=near.seconds + built), proven=False):>9}  {proof:>9}  "
                      f"{last.status.value:>10}  {last.gap:>8.4%}  {ratio:>11.3f}", flush=True)


if __name__ == "__main__":
    main()
