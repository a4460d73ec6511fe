"""Hypothesis strategies: small random portfolios with every feature the
prioritisation model has (windows, mandatory, locked, committed, paused,
completed, cancelled, hard and soft dependencies of both types with lags,
area frames, staff and investment frames, minimum shares, benefits, both
methods), and the days a plan may be made on (every year of the round
open, or the first one or two of them sunk)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from askoy2020.model import Portfolio

from .factory import AS_OF, YEARS, area, programme, project

PLAN_YEARS = list(range(YEARS[0], YEARS[1] + 1))
# Before the round is adopted (2019 open), and in 2019 and 2020 (their money sunk).
DAYS = [AS_OF, dt.date(YEARS[0], 6, 1), dt.date(YEARS[0] + 1, 6, 1)]


def planning_days() -> st.SearchStrategy[dt.date]:
    return st.sampled_from(DAYS)


@st.composite
def portfolios(draw: st.DrawFn, max_projects: int = 6) -> Portfolio:
    area_ids = ["A", "B"][: draw(st.integers(1, 2))]
    n = draw(st.integers(1, max_projects))
    projects = []
    for i in range(n):
        pid = f"P{i}"
        length = draw(st.integers(1, 2))
        first = draw(st.integers(YEARS[0], YEARS[1] - length + 1))
        cost = {first + j: float(draw(st.integers(0, 40)) * 50) for j in range(length)}
        staff = {first + j: draw(st.sampled_from([0.0, 0.5, 1.0, 2.0])) for j in range(length)}
        status = draw(st.sampled_from(["planned"] * 6 + ["active", "completed", "cancelled", "paused"]))
        start = dt.date(first, draw(st.sampled_from([1, 4, 7])), 1)
        end = dt.date(first + length - 1, draw(st.sampled_from([6, 12])), 28)
        extra: dict[str, Any] = {"staff": staff}
        if draw(st.integers(0, 3)) == 0:
            extra["investment"] = {first + j: float(draw(st.integers(0, 20)) * 500) for j in range(length)}
        if draw(st.integers(0, 5)) == 0:
            extra["mandatory"] = True
        if draw(st.integers(0, 7)) == 0:
            extra["locked"] = True
        if status == "planned" and draw(st.booleans()):
            extra["start_window"] = {"earliest": draw(st.integers(YEARS[0], first)),
                                     "latest": draw(st.integers(first, YEARS[1]))}
        if draw(st.booleans()):
            extra["benefits"] = [{"kind": "economic", "owner": "Økonomisjef",
                                  "planned": {y: float(draw(st.integers(0, 20)) * 100) for y in cost}}]
        deps = []
        for j in range(i):
            if draw(st.integers(0, 3)) == 0:
                deps.append({
                    "project": f"P{j}",
                    "type": draw(st.sampled_from(["finish-to-start", "start-to-start"])),
                    "lag_days": draw(st.sampled_from([0, 30, 200])),
                    "strength": draw(st.sampled_from(["hard", "hard", "soft"])),
                })
        if deps:
            extra["depends_on"] = deps
        projects.append(project(
            pid, cost, (draw(st.integers(0, 5)), draw(st.integers(0, 5))),
            area_id=draw(st.sampled_from(area_ids)), status=status, start=start, end=end, **extra,
        ))
    budget = {y: float(draw(st.integers(0, 60)) * 50) for y in PLAN_YEARS}
    staff_frames = {y: float(draw(st.integers(0, 6))) for y in PLAN_YEARS} if draw(st.booleans()) else {}
    investment = {y: float(draw(st.integers(0, 20)) * 1000) for y in PLAN_YEARS} if draw(st.booleans()) else {}
    prog = programme(budget, staff_frames, investment=investment, prioritisation={
        "method": draw(st.sampled_from(["weighted", "wsjf"])),
        "benefit_weight": draw(st.sampled_from([0.0, 0.01])),
        "delay_discount": draw(st.sampled_from([0.0, 0.1])),
    })
    areas = []
    for aid in area_ids:
        frames = {y: float(draw(st.integers(0, 40)) * 50) for y in PLAN_YEARS} if draw(st.booleans()) else {}
        invest = {y: float(draw(st.integers(0, 10)) * 1000) for y in PLAN_YEARS} if draw(st.booleans()) else {}
        share = draw(st.sampled_from([None, None, None, 0.05, 0.2]))
        areas.append(area(aid, frames, investment=invest, **({"min_share": share} if share else {})))
    from .factory import portfolio

    return portfolio(prog, areas, projects)
