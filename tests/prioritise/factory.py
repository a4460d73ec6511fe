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
# The day the tests plan on: the round for 2019-2021 is prepared, not yet
# adopted, so every one of its years is open.
AS_OF = dt.date(YEARS[0] - 1, 12, 1)
CRITERIA = [
    {"id": "strategic_fit", "name": "Strategisk betydning", "weight": 0.6, "scale": {"min": 0, "max": 5}},
    {"id": "user_value", "name": "Nytte for innbyggerne", "weight": 0.4, "scale": {"min": 0, "max": 5}},
]


def programme(
    budget: dict[int, float], staff: dict[int, float] | None = None, *,
    investment: dict[int, float] | None = None, **extra: Any,
) -> Programme:
    return Programme.model_validate({
        "id": "TEST", "name": "Test",
        "rounds": [{"year": YEARS[0], "last_year": YEARS[1], "decision": "KST 1/18",
                    "adopted": dt.date(YEARS[0] - 1, 12, 14),
                    "frames": {"drift": budget, "staff": staff or {}, "investment": investment or {}}}],
        "criteria": CRITERIA,
        "prioritisation": {"gap": 0.0, **extra.pop("prioritisation", {})}, **extra,
    })


def area(
    area_id: str = "A", budget: dict[int, float] | None = None, *,
    investment: dict[int, float] | None = None, staff: dict[int, float] | None = None, **extra: Any,
) -> ProgrammeArea:
    frames = {"drift": budget or {}, "investment": investment or {}, "staff": staff or {}}
    return ProgrammeArea.model_validate({
        "id": area_id, "name": f"Area {area_id}", "owner": "Kommunalsjef",
        "period": {"first_year": YEARS[0], "last_year": YEARS[1]},
        "rounds": [{"year": YEARS[0], "frames": frames}], **extra,
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


def allowed_starts(x: Project, first_open: int) -> set[int]:
    """The start years a plan may give ``x`` when money before ``first_open``
    is sunk, read from the record: started, paused or locked projects keep
    their years; a window gives its years from ``first_open`` on; a planned
    project whose start has passed starts in ``first_open``."""
    start = x.start()
    assert start is not None
    if x.status.value in ("active", "paused") or x.locked:
        return {start.year}
    window = x.start_window
    if window is not None and window.latest >= first_open:
        return set(range(max(window.earliest, first_open), window.latest + 1))
    if x.status.value == "planned" and start.year < first_open:
        return {first_open}
    return {start.year}


def rule_breaches(p: Portfolio, plan: Plan) -> list[str]:
    """Every way ``plan`` breaks the rules of prioritisation, read straight
    from the records: [] for a lawful plan."""
    assert p.programme is not None
    broken: list[str] = []
    chosen = {s.project: s for s in plan.selected}
    by_id = p.project_by_id
    years = plan.years.years()
    first_open = plan.first_counted_year()
    if years.start < first_open:
        broken.append(f"the plan years {years.start}–{years.stop - 1} reach before {first_open}")
    excluded_kinds = {lo.project: lo.kind for lo in plan.left_out}
    for x in p.projects:
        status = x.status.value
        start = x.start()
        assert start is not None
        if status in ("completed", "cancelled"):
            if x.id in chosen:
                broken.append(f"{x.id} is {status} but selected")
            if (status == "completed") != (x.id in plan.done):
                broken.append(f"{x.id} is {status}, and {'not ' if x.id not in plan.done else ''}listed as done")
            continue
        must = status == "active" or x.locked or x.mandatory
        if must and x.id not in chosen and excluded_kinds.get(x.id) != "excluded":
            broken.append(f"{x.id} must be in")
        if x.id not in chosen:
            continue
        row = chosen[x.id]
        allowed = allowed_starts(x, first_open)
        if row.start not in allowed:
            broken.append(f"{x.id} starts {row.start}, not in {sorted(allowed)}")
        shift = row.start - start.year
        for key in ("cost", "investment", "staff"):
            expected = {y + shift: v for y, v in getattr(x, key).items()
                        if v and y + shift in years and y + shift >= first_open}
            got = {y: v for y, v in getattr(row, key).items() if v}
            if expected != got:
                broken.append(f"{x.id} {key} in the plan {got} is not its profile {expected}")
        for dep in x.depends_on:
            pred = by_id.get(dep.project)
            if pred is None:
                continue
            pred_row = chosen.get(pred.id)
            hard = dep.strength.value == "hard"
            if pred.status.value == "completed":
                # Done before the plan: a successor that may still move must come after it.
                if hard and not x.keeps_its_years and not dependency_holds(
                        dep, pred.start(), pred.end(), _shift(x.start(), shift)):
                    broken.append(f"{x.id} starts before the completed {pred.id} allows")
                continue
            if pred_row is None:
                if hard:
                    broken.append(f"{x.id} selected without its hard predecessor {pred.id}")
                continue
            pred_start = pred.start()
            assert pred_start is not None
            ps = pred_row.start - pred_start.year
            both_committed = status == "active" and pred.status.value == "active"
            if not both_committed and not dependency_holds(
                dep, _shift(pred.start(), ps), _shift(pred.end(), ps), _shift(x.start(), shift)
            ):
                broken.append(f"{x.id} starts before {pred.id} allows ({dep.strength.value})")
    for owner, scope in [(p.programme, None), *((a, a.id) for a in p.areas)]:
        speaking = owner.rounds[0]
        for frames, use in ((speaking.frames.drift, "cost"), (speaking.frames.investment, "investment"),
                            (speaking.frames.staff, "staff")):
            for year, limit in frames.items():
                used = sum(getattr(r, use).get(year, 0.0) for r in plan.selected
                           if scope is None or by_id[r.project].area == scope)
                if year in years and used > limit + 1e-6:
                    broken.append(f"{scope or 'programme'} {use} {year}: {used} > {limit}")
    return broken
