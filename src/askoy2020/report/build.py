"""From a loaded portfolio to the typed Report for one year."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from ..core.diagnostics import Diagnostic
from ..core.version import __version__
from ..model import Portfolio, ProjectStatus
from ..model.budget import MoneyKind
from ..model.project import Rag
from ..model.schedule import dependants
from .areas import build_area
from .leadership import build_leadership
from .model import (
    Meta,
    Report,
    Summary,
    WarningRow,
)
from .money import build_money
from .plan import build_plan, saved_plan
from .quality import build_quality


def build_report(
    portfolio: Portfolio, year: int, as_of: dt.date, *, lang: str = "nb", public: bool = False,
    diagnostics: list[Diagnostic] | None = None,
) -> Report:
    programme = portfolio.programme
    threshold = programme.min_respondents if programme else 3
    meta = Meta(year, as_of, lang, public, programme.name if programme else "Askøy 2020", __version__, threshold)
    after = dependants(portfolio.projects)
    areas = [build_area(portfolio, area_id, year, as_of, after) for area_id in sorted(portfolio.area_by_id)]
    leadership = build_leadership(portfolio, year, as_of, threshold, public)
    quality = build_quality(portfolio, year, as_of, threshold, public, lang)
    goals = [g for a in areas for g in a.goals]
    live = [p for p in portfolio.projects if p.is_live]
    summary = Summary(
        projects_by_status=dict(sorted(Counter(p.status.value for p in portfolio.projects).items())),
        budget_used=sum(p.budget(MoneyKind.DRIFT, year, as_of) for p in live),  # as revised on the day
        budget_frame=portfolio.frame(MoneyKind.DRIFT, year, as_of),
        staff_used=sum(p.staff.get(year, 0.0) for p in live),
        staff_frame=portfolio.frame(MoneyKind.STAFF, year, as_of),
        goals_on_track=sum(g.on_track is True for g in goals),
        goals_with_data=sum(g.on_track is not None for g in goals),
        goals_total=len(goals),
        levels_with_results=sum(row.results > 0 for row in leadership.levels),
        cases_opened=sum(c.reported.year == year for c in portfolio.cases),
        cases_closed=sum(c.closed is not None and c.closed.year == year for c in portfolio.cases),
        red_projects=sorted(p.id for p in live if p.rag(as_of) is Rag.RED
                            and p.status in (ProjectStatus.ACTIVE, ProjectStatus.PAUSED)),
    )
    years = programme.current_round(as_of).years() if programme else range(year, year + 1)
    # With a saved plan, a year's use is what the plan funds; without one,
    # every live project (candidates included), so the chart shows the ask.
    planned = {f.year: f.budget_used for f in plan.frames} if (plan := saved_plan(portfolio, year)) else {}
    budget_by_year = [(y, planned.get(y, sum(p.budget(MoneyKind.DRIFT, y, as_of) for p in live)),
                       portfolio.frame(MoneyKind.DRIFT, y, as_of)) for y in years]
    warnings = [WarningRow(d.file, d.line, d.rule, d.message) for d in (diagnostics or [])]
    return Report(meta, summary, areas, build_plan(portfolio, year, lang), leadership, quality, budget_by_year,
                  warnings=warnings, money=build_money(portfolio, year, as_of))
