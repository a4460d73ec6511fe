"""Prestasjonsledelse 2020: the four evaluation levels year by year,
leaders' goals and mastery-oriented leadership (10-FAKTOR).

Two thresholds, both the KS rule of at least k (3) respondents: a result
answered by others (a questionnaire, a 360, an observation) counts only
with k respondents; and since a unit usually has one leader, a figure
about leaders is public only over at least k leaders in k units
(:mod:`.audience`). Per-leader and per-unit rows are internal only.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable

from ..model import Portfolio
from ..model.leader import Evaluation, Instrument, Leader, TenFactor
from .audience import Audience, pool_small_groups, withheld, without_people
from .i18n import alphabetical
from .people_model import (
    LeaderGoalRow,
    LeadershipHeadline,
    LeadershipSection,
    LevelCell,
    LevelRow,
    MasteryCell,
    MasteryGroup,
    MasteryRow,
)

ON_TRACK_GREEN = 0.75
ON_TRACK_AMBER = 0.5
"""Page 1's light: green when at least three in four leader goals with a
measurement are on track and all four levels have results, amber from one
in two, red below (docs/audience.md)."""


def enough_leaders(leaders: Iterable[Leader], threshold: int) -> bool:
    """At least ``threshold`` leaders in as many units: then no figure over
    them rates one person."""
    group = list(leaders)
    return len({x.id for x in group}) >= threshold and len({x.unit for x in group}) >= threshold


def _counts(e: Evaluation, threshold: int) -> bool:
    # A KPI or a leader's own test has no respondents to protect.
    return not e.instrument.answers_from_others or e.respondents >= threshold


def _levels(portfolio: Portfolio, year: int, threshold: int, public: bool) -> tuple[list[int], list[LevelRow], int]:
    pairs = [(leader, e) for leader in portfolio.leaders for e in leader.evaluations if e.year <= year]
    years = sorted({e.year for _, e in pairs})
    shown = [(leader, e) for leader, e in pairs if _counts(e, threshold)]
    rows = []
    for level in (1, 2, 3, 4):
        at = [(leader, e) for leader, e in pairs if e.level == level]
        by_year = {}
        for y in years:
            cell = [(leader, e) for leader, e in shown if e.level == level and e.year == y]
            leaders = [leader for leader, _ in cell]
            hidden = public and bool(cell) and not enough_leaders(leaders, threshold)
            by_year[y] = LevelCell(
                None if hidden else len(cell), None if hidden else len({x.id for x in leaders}),
                None if hidden or not cell else statistics.fmean(e.value / e.scale_max for _, e in cell),
            )
        used = {e.instrument for _, e in at}
        rows.append(LevelRow(level, [i.value for i in Instrument if i in used],
                             any(i.answers_from_others for i in used), by_year, year))
    return years, rows, len(pairs) - len(shown)


def _mastery_scores(portfolio: Portfolio, threshold: int) -> dict[int, dict[str, float]]:
    """Per survey year, the leaders (by id) whose unit has a score from
    enough respondents."""
    scores: dict[int, dict[str, float]] = {}
    for leader in portfolio.leaders:
        for result in leader.ten_factor:
            score = result.scores.get(TenFactor.MASTERY_ORIENTED_LEADERSHIP)
            if score is not None and result.respondents >= threshold:
                scores.setdefault(result.year, {})[leader.id] = score
    return scores


def _mastery_groups(
    portfolio: Portfolio, scores: dict[int, dict[str, float]], years: list[int], threshold: int
) -> tuple[list[MasteryGroup], dict[int, MasteryCell]]:
    """Areas with enough units every survey year, each on its own; the
    others pooled. The same split every year, so a row means one group."""
    by_id = {x.id: x for x in portfolio.leaders}
    areas = sorted({x.area for x in portfolio.leaders})

    def valid(keys: frozenset[str], y: int) -> list[Leader]:
        return [by_id[i] for i in scores.get(y, {}) if by_id[i].area in keys]

    def enough(keys: frozenset[str]) -> bool:
        return all(enough_leaders(valid(keys, y), threshold) for y in scores)

    sizes = {a: min((len(valid(frozenset({a}), y)) for y in scores), default=0) for a in areas}
    alone, pool = pool_small_groups(sizes, enough)

    def cells(keys: frozenset[str]) -> dict[int, MasteryCell]:
        out = {}
        for y in years:
            group = valid(keys, y)
            ok = enough_leaders(group, threshold)
            out[y] = MasteryCell(len(group) if ok else None,
                                 statistics.fmean(scores[y][x.id] for x in group) if ok else None)
        return out

    groups = [MasteryGroup((a,), _area_name(portfolio, a), cells(frozenset({a}))) for a in alone]
    if pool and alone:  # with nothing alone, the pool is the whole programme: the total says it
        groups.append(MasteryGroup(tuple(sorted(pool)), None, cells(pool)))
    return groups, cells(frozenset(areas))


def _area_name(portfolio: Portfolio, area: str) -> str | None:
    found = portfolio.area_by_id.get(area)
    return found.name if found else None


def build_leadership(
    portfolio: Portfolio, year: int, as_of: dt.date, threshold: int, audience: Audience
) -> LeadershipSection:
    public = audience is Audience.PUBLIC
    hidden = withheld(portfolio, audience, threshold)
    portfolio = without_people(portfolio) if hidden else portfolio
    years, levels, suppressed = _levels(portfolio, year, threshold, public)
    goal_rows = []
    measured_leaders = []
    for leader in sorted(portfolio.leaders, key=lambda x: x.id):
        for goal in leader.goals:
            # As on the report's day, like the area goals: a measurement made
            # after --as-of is not known yet.
            attainment, on_track, _ = goal.progress(year, as_of)
            goal_rows.append(LeaderGoalRow(leader.role, goal.text, attainment, on_track))
            if on_track is not None:
                measured_leaders.append(leader)
    # "n av m ledermål med måling er i rute" is about the leaders whose goals
    # are measured: they too must be enough, or the count rates one of them.
    few = public and not (enough_leaders(portfolio.leaders, threshold)
                          and enough_leaders(measured_leaders, threshold))
    on, with_data, total = (None, None, None) if few else (
        sum(r.on_track is True for r in goal_rows), sum(r.on_track is not None for r in goal_rows), len(goal_rows))
    scores = _mastery_scores(portfolio, threshold)
    survey_years = sorted({t.year for leader in portfolio.leaders for t in leader.ten_factor})
    unit_rows = []
    for leader in sorted(portfolio.leaders, key=lambda x: alphabetical(x.unit)):
        if leader.ten_factor:
            unit_rows.append(MasteryRow(leader.unit, {y: scores.get(y, {}).get(leader.id) for y in survey_years}))
    # The mean is over the units shown only: a mean over all would let a
    # reader recover a hidden unit's figure from the shown ones.
    mean: dict[int, float | None] = {}
    for y in survey_years:
        shown_scores = [score for r in unit_rows if (score := r.by_year[y]) is not None]
        mean[y] = statistics.fmean(shown_scores) if shown_scores else None
    groups, total_cells = _mastery_groups(portfolio, scores, survey_years, threshold)
    measured = sum(row.measured for row in levels)
    return LeadershipSection(
        years=years, levels=levels, suppressed_evaluations=suppressed,
        leader_goals=[] if public else goal_rows,
        goals_on_track=on, goals_with_data=with_data, goals_total=total,
        survey_years=survey_years, mastery_groups=groups, mastery_total=total_cells,
        mastery=[] if public else unit_rows, mastery_mean={} if public else mean,
        withheld=hidden,
        headline=LeadershipHeadline(_light(on, with_data, measured), on, with_data, total, measured,
                                    sum(row.results > 0 for row in levels)),
    )


def _light(on: int | None, with_data: int | None, measured: int) -> str | None:
    if on is None or not with_data:
        return None
    share = on / with_data
    if share < ON_TRACK_AMBER:
        return "red"
    return "green" if share >= ON_TRACK_GREEN and measured == 4 else "amber"
