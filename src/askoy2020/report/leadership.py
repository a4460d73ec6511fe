"""Prestasjonsledelse 2020: the four evaluation levels, leaders' goals and
mastery-oriented leadership (10-FAKTOR), with the respondent threshold."""

from __future__ import annotations

import datetime as dt
import statistics

from ..model import Portfolio
from ..model.leader import Instrument, TenFactor
from .model import LeaderGoalRow, LeadershipSection, LevelRow, MasteryRow


def build_leadership(
    portfolio: Portfolio, year: int, as_of: dt.date, threshold: int, public: bool
) -> LeadershipSection:
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
