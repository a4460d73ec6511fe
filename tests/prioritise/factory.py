"""Small in-memory portfolios for the prioritisation tests, and an
independent checker of the rules every plan must obey (it reads the
records, not the solver's Problem, so a modelling bug cannot hide)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from askoy2020.model import Portfolio, Programme, ProgrammeArea, Project
from askoy2020.model.plan import Plan
from askoy2020.model.project import dependency_holds

YEARS = (2019, 2021)
CRITERIA = [
    {"id": "strategic_fit", "name": "Strategisk betydning", "weight": 0.6, "scale": {"min": 0, "max": 5}},
    {"id": "user_value", "name": "Nytte for innbyggerne", "weight": 0.4, "scale": {"min": 0, "max": 5}},
]


def programme(budget: dict[int, float], staff: dict[int, float] | None = None, **extra: Any) -> Programme:
    return Programme.model_validate({
        "id": "TEST", "name": "Test",
        "rounds": [{"year": YEARS[0], "last_year": YEARS[1], "decision": "KST 1/18",
                    "adopted": dt.date(YEARS[0] - 1, 12, 14), "frames": {"drift": budget, "staff": staff or {}}}],
        "criteria": CRITERIA,
        "prioritisation": {"gap": 0.0, **extra.pop("prioritisation", {})}, **extra,
    })


def area(area_id: str = "A", budget: dict[int, float] | None = None, **extra: Any) -> ProgrammeArea:
    return ProgrammeArea.model_validate({
        "id": area_id, "name": f"Area {area_id}", "owner": "Kommunalsjef",
        "period": {"first_year": YEARS[0], "last_year": YEARS[1]}, "rounds": [{"year": YEARS[0], "frames": {"drift": budget or {}}}], **extra,
    })


def project(
    pid: str, cost: dict[int, float], score: tuple[int, int] = (3, 3), *, area_id: str = "A",
    status: str = "planned", start: dt.date | None = None, end: dt.date | None = None, **extra: Any,
) -> Project:
    first, last = min(cost, default=YEARS[0]), max(cost, default=YEARS[0])
    record: dict[str, Any] = {
        "id": pid, "name": f"Prosjekt {pid}", "area": area_id, "manager": "Prosjektleder", "status": status,
        "planned": {"start": start or dt.date(first, 1, 1), "end": end or dt.date(last, 12, 31)},
        "cost": cost, "scores": {"strategic_fit": score[0], "user_value": score[1]},
    }
    if status in ("active", "completed"):
        record["actual"] = {"start": record["planned"]["start"]}
        if status == "completed":
            record["actual"]["end"] = record["planned"]["end"]
    if extra.get("mandatory"):
        extra.setdefault("legal_basis", "Test § 1")
    record.update(extra)
    return Project.model_validate(record)


def portfolio(prog: Programme, areas: list[ProgrammeArea], projects: list[Project]) -> Portfolio:
    return Portfolio(root=Path("."), records={"programme": [prog], "area": list(areas), "project": list(projects)})


def _shift(day: dt.date | None, years: int) -> dt.date | None:
    if day is None:
        return None
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def rule_breaches(p: Portfolio, plan: Plan) -> list[str]:
    """Every way ``plan`` breaks the rules of prioritisation, read straight
    from the records: [] for a lawful plan."""
    assert p.programme is not None
    broken: list[str] = []
    chosen = {s.project: s for s in plan.selected}
    by_id = p.project_by_id
    years = plan.years.years()
    excluded_kinds = {lo.project: lo.kind for lo in plan.left_out}
    for x in p.projects:
        committed = x.status.value in ("active", "completed")
        start = x.start()
        assert start is not None
        must = (committed or x.locked or x.mandatory) and x.status.value != "cancelled"
        if must and x.id not in chosen and excluded_kinds.get(x.id) != "excluded":
            broken.append(f"{x.id} must be in")
        if x.id not in chosen:
            continue
        row = chosen[x.id]
        if x.status.value == "cancelled":
            broken.append(f"{x.id} is cancelled but selected")
        if (committed or x.locked or x.start_window is None) and row.start != start.year:
            broken.append(f"{x.id} must keep its start year {start.year}, got {row.start}")
        window = x.start_window
        if window and not (committed or x.locked) and not window.earliest <= row.start <= window.latest:
            broken.append(f"{x.id} starts {row.start}, outside its window")
        shift = row.start - start.year
        expected = {y + shift: v for y, v in x.cost.items() if v and y + shift in years}
        if expected != {y: v for y, v in row.cost.items() if v}:
            broken.append(f"{x.id} cost in the plan {row.cost} is not its profile {expected}")
        for dep in x.depends_on:
            pred = by_id.get(dep.project)
            if pred is None:
                continue
            pred_row = chosen.get(pred.id)
            if pred_row is None:
                if dep.strength.value == "hard":
                    broken.append(f"{x.id} selected without its hard predecessor {pred.id}")
                continue
            pred_start = pred.start()
            assert pred_start is not None
            ps = pred_row.start - pred_start.year
            both_committed = committed and pred.status.value in ("active", "completed")
            if not both_committed and not dependency_holds(
                dep, _shift(pred.start(), ps), _shift(pred.end(), ps), _shift(x.start(), shift)
            ):
                broken.append(f"{x.id} starts before {pred.id} allows ({dep.strength.value})")
    for owner, scope in [(p.programme, None), *((a, a.id) for a in p.areas)]:
        speaking = owner.rounds[0]
        for frames, use in ((speaking.frames.drift, "cost"), (speaking.frames.staff, "staff")):
            for year, limit in frames.items():
                used = sum(getattr(r, use).get(year, 0.0) for r in plan.selected
                           if scope is None or by_id[r.project].area == scope)
                if year in years and used > limit + 1e-6:
                    broken.append(f"{scope or 'programme'} {use} {year}: {used} > {limit}")
    return broken
