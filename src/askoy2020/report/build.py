"""From a loaded portfolio to the typed Report for one year."""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter

from ..core.diagnostics import Diagnostic
from ..core.version import __version__
from ..model import Portfolio, Project, ProjectStatus
from ..model.base import Goal
from ..model.budget import MoneyKind
from ..model.leader import Instrument, TenFactor
from ..model.plan import LeftOut, LeftOutKind, Plan
from ..model.project import Rag, Strength
from ..model.quality import CaseKind, CaseStatus, Pdca
from ..model.schedule import dependants, knock_on
from .i18n import Lang
from .model import (
    AreaSection,
    Bar,
    Count,
    Deferred,
    Delay,
    Edge,
    GoalRow,
    LeaderGoalRow,
    LeadershipSection,
    LevelRow,
    MasteryRow,
    Meta,
    Need,
    OverdueRow,
    PlanSection,
    ProjectRow,
    QualitySection,
    Report,
    Summary,
    TransferMove,
    TransferRow,
    WarningRow,
)
from .money import build_money


def build_report(
    portfolio: Portfolio, year: int, as_of: dt.date, *, lang: str = "nb", public: bool = False,
    diagnostics: list[Diagnostic] | None = None,
) -> Report:
    programme = portfolio.programme
    threshold = programme.min_respondents if programme else 3
    meta = Meta(year, as_of, lang, public, programme.name if programme else "Askøy 2020", __version__, threshold)
    after = dependants(portfolio.projects)
    areas = [_area(portfolio, area_id, year, as_of, after) for area_id in sorted(portfolio.area_by_id)]
    leadership = _leadership(portfolio, year, as_of, threshold, public)
    quality = _quality(portfolio, year, as_of, threshold, public, lang)
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
    planned = {f.year: f.budget_used for f in plan.frames} if (plan := _saved_plan(portfolio, year)) else {}
    budget_by_year = [(y, planned.get(y, sum(p.budget(MoneyKind.DRIFT, y, as_of) for p in live)),
                       portfolio.frame(MoneyKind.DRIFT, y, as_of)) for y in years]
    warnings = [WarningRow(d.file, d.line, d.rule, d.message) for d in (diagnostics or [])]
    return Report(meta, summary, areas, _plan(portfolio, year), leadership, quality, budget_by_year,
                  warnings=warnings, money=build_money(portfolio, year, as_of))


def _goal_row(goal: Goal, year: int, as_of: dt.date) -> GoalRow:
    attainment, on_track, latest = goal.progress(year, as_of)
    return GoalRow(
        goal.id, goal.text, goal.indicator, goal.unit,
        goal.baseline.value if goal.baseline else None, goal.baseline.year if goal.baseline else None,
        latest.value if latest else None, latest.date if latest else None, goal.targets.get(year), attainment,
        on_track,
    )


def _area(
    portfolio: Portfolio, area_id: str, year: int, as_of: dt.date,
    after: dict[str, list[Project]],
) -> AreaSection:
    area = portfolio.area_by_id[area_id]
    projects = sorted(portfolio.projects_in(area_id), key=lambda p: p.id)
    rows = [ProjectRow(p.id, p.name, p.status.value, rag.value if (rag := p.rag(as_of)) else None, p.start(), p.end(),
                       p.budget(MoneyKind.DRIFT, year, as_of), p.staff.get(year, 0.0)) for p in projects]
    delays = [d for p in projects if (d := _delay(p, as_of, after, len(portfolio.projects))) is not None]
    bars = [Bar(p.id, s, e, p.status.value) for p in projects
            if (s := p.start()) is not None and (e := p.end()) is not None and p.is_live]
    ids = {p.id for p in projects}
    edges = [Edge(d.project, p.id, d.strength is Strength.HARD) for p in projects for d in p.depends_on
             if d.project in ids or d.project in portfolio.project_by_id]
    return AreaSection(
        area.id, area.name, area.owner, area.illustrative, portfolio.frame(MoneyKind.DRIFT, year, as_of, area.id),
        sum(p.budget(MoneyKind.DRIFT, year, as_of) for p in projects if p.is_live),
        [_goal_row(g, year, as_of) for g in area.goals], rows, delays, bars, edges,
        sorted({e.pred for e in edges} | {e.succ for e in edges}),
    )


def _delay(project: Project, as_of: dt.date, after: dict[str, list[Project]], count: int) -> Delay | None:
    """How late a project is or is expected to be, and how far that pushes
    the projects after it (model/schedule.py, as ASK415 says it): a
    completed project by its actual end; one still running by its forecast
    end, and at least by today once its planned end has passed."""
    planned_end = project.planned.end
    if planned_end is None or not project.is_live:
        return None
    if project.status is ProjectStatus.COMPLETED:
        end = project.actual.end or planned_end
    else:
        end = max(project.forecast_end(as_of) or planned_end, as_of if as_of > planned_end else planned_end)
    late = (end - planned_end).days
    if late <= 0:
        return None
    pushed = knock_on(after, count, project, end)
    return Delay(project.id, late, [(succ.id, new - old) for succ, old, new in pushed])


def _saved_plan(portfolio: Portfolio, year: int) -> Plan | None:
    """The plan for the year: the last by id among those covering it; else
    the plan for the next budget round, made during the year (a plan covers
    only the years still open when it is made)."""
    for covered in (year, year + 1):
        plans = [p for p in portfolio.plans if covered in p.years]
        if plans:
            return max(plans, key=lambda p: p.id)
    return None


def _plan(portfolio: Portfolio, year: int) -> PlanSection | None:
    plan = _saved_plan(portfolio, year)
    if plan is None:
        return None
    names = {p.id: p.name for p in portfolio.projects}
    deferred = [Deferred(r.project, names.get(r.project, ""), r.reason, _needs(r)) for r in plan.left_out
                if r.kind is not LeftOutKind.CANCELLED]
    transfers = [TransferRow(t.project, [TransferMove(m.amount, m.kind.value, m.from_area, m.to_area, m.year)
                                         for m in t.moves]) for t in plan.transfers]
    return PlanSection(plan.id, plan.method.value, plan.value, plan.solver.gap, len(plan.selected), deferred,
                       plan.years.first_year, plan.years.last_year, plan.open_from, transfers)


def _needs(row: LeftOut) -> list[Need]:
    found = [Need(year, kind, value) for kind, by_year in (("drift", row.cost), ("investment", row.investment),
                                                             ("staff", row.staff))
             for year, value in (by_year or {}).items() if value]
    return sorted(found, key=lambda n: (n.year, ("drift", "investment", "staff").index(n.kind)))


def _leadership(portfolio: Portfolio, year: int, as_of: dt.date, threshold: int, public: bool) -> LeadershipSection:
    evaluations = [e for leader in portfolio.leaders for e in leader.evaluations if e.year == year]
    # A KPI is read from operations, not from people answering: the
    # respondent threshold protects answers, so it does not apply to KPIs.
    shown = [e for e in evaluations if e.instrument is Instrument.KPI or e.respondents >= threshold]
    levels = []
    for level in (1, 2, 3, 4):
        at = [e for e in shown if e.level == level]
        levels.append(LevelRow(
            level, sorted({e.instrument.value for e in at}), len(at),
            statistics.fmean(e.value / e.scale_max for e in at) if at else None,
        ))
    goal_rows = []
    for leader in sorted(portfolio.leaders, key=lambda x: x.id):
        for goal in leader.goals:
            # As on the report's day, like the area goals: a measurement made
            # after --as-of is not known yet.
            attainment, on_track, _ = goal.progress(year, as_of)
            goal_rows.append(LeaderGoalRow(leader.role, goal.text, attainment, on_track))
    years = sorted({t.year for leader in portfolio.leaders for t in leader.ten_factor})
    rows = []
    for leader in sorted(portfolio.leaders, key=lambda x: x.unit):
        if not leader.ten_factor:
            continue
        by_year: dict[int, float | None] = {}
        for result in leader.ten_factor:
            score = result.scores.get(TenFactor.MASTERY_ORIENTED_LEADERSHIP)
            by_year[result.year] = score if result.respondents >= threshold and score is not None else None
        rows.append(MasteryRow(leader.unit, {y: by_year.get(y) for y in years}))
    # The mean is over the units shown only: a mean over all would let a
    # reader recover a hidden unit's figure from the shown ones.
    mean: dict[int, float | None] = {}
    for y in years:
        shown_scores = [score for r in rows if (score := r.by_year[y]) is not None]
        mean[y] = statistics.fmean(shown_scores) if shown_scores else None
    return LeadershipSection(
        levels, len(evaluations) - len(shown), [] if public else goal_rows,
        sum(r.on_track is True for r in goal_rows), len(goal_rows), years, rows, mean,
    )


def _units(counter: Counter[str], threshold: int, public_lang: str | None) -> list[Count]:
    """Cases per unit; in a public report (``public_lang``) the units below
    the threshold become one row, its count hidden too while it is small."""
    if public_lang is None:
        return [Count(k, v) for k, v in sorted(counter.items())]
    rows = [Count(k, v) for k, v in sorted(counter.items()) if v >= threshold]
    small = sum(v for v in counter.values() if v < threshold)
    if small:
        label = Lang(public_lang).t("small_units", n=threshold)
        rows.append(Count(label, small if small >= threshold else None))
    return rows


def _quality(
    portfolio: Portfolio, year: int, as_of: dt.date, threshold: int, public: bool, lang: str = "nb"
) -> QualitySection:
    cases = [c for c in portfolio.cases if c.reported.year == year and c.reported <= as_of]

    def counted(counter: Counter[str], hide_small: bool) -> list[Count]:
        return [Count(k, None if hide_small and v < threshold else v) for k, v in sorted(counter.items())]

    closed = [c for c in cases if c.closed is not None]
    breaches = [c for c in cases if c.kind is CaseKind.PERSONAL_DATA_BREACH]
    in_time = [c.breach.notified_in_time() if c.breach else None for c in breaches]
    within, late, not_notified = in_time.count(True), in_time.count(False), in_time.count(None)
    proposals = [c for c in cases if c.kind is CaseKind.IMPROVEMENT_PROPOSAL]
    designs = [c for c in cases if c.kind is CaseKind.SERVICE_DESIGN]
    # A unit with few cases can point at a person: in a public report its
    # overdue cases show only how late they are, like the hidden counts above.
    per_unit = Counter(c.unit for c in portfolio.cases)
    overdue = [
        OverdueRow(None, None, days) if public and per_unit[c.unit] < threshold else OverdueRow(c.id, c.unit, days)
        for c in sorted(portfolio.cases, key=lambda c: c.id) if (days := c.overdue_days(as_of)) is not None
    ]
    overdue.sort(key=lambda r: (-r.days, r.id or ""))
    return QualitySection(
        by_kind=counted(Counter(c.kind.value for c in cases), False),
        by_severity=counted(Counter(str(c.severity) for c in cases), False),
        by_status=counted(Counter(c.status.value for c in cases), False),
        # Few cases in one unit can point at a person: when public, such
        # units are not named but counted together.
        by_unit=_units(Counter(c.unit for c in cases), threshold, lang if public else None),
        median_days_to_close=statistics.median((c.closed - c.reported).days for c in closed)  # type: ignore[operator]
        if closed else None,
        overdue=overdue,
        breaches=len(breaches), breaches_within_72h=within, breaches_late=late, breaches_not_notified=not_notified,
        proposals_done=sum(c.status is CaseStatus.CLOSED for c in proposals), proposals_total=len(proposals),
        pdca_done=sum(c.status is CaseStatus.CLOSED and any(a.pdca is Pdca.ACT and a.done for a in c.actions)
                      for c in cases),
        service_design_with_users=sum(bool(c.user_involvement and c.user_involvement.users) for c in designs),
        service_design_total=len(designs),
        per_year=dict(sorted(Counter(c.reported.year for c in portfolio.cases if c.reported <= as_of).items())),
    )
