"""Prestasjonsledelse 2020: Tabell 1 per cohort and for the programme, the
five leader aims, 10-FAKTOR with response rates and follow-up, and the
leaders' goals.

The evidence of levels 1–3 is the cohorts' aggregates (``cohorts/``), so
one course survey counts once; level 4 is computed from the units' KPIs
(:mod:`askoy2020.model.cohort_results`). Two thresholds, both the KS rule
of at least k (3): no aggregate or unit result from fewer than k
respondents is shown anywhere; and since a unit usually has one leader, a
public figure about leaders is over at least k leaders in k units
(:mod:`.audience`). Per-leader and per-unit rows are internal only.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence

from ..model import Portfolio
from ..model.cohort import Cohort
from ..model.cohort_results import Change, level_four, weighted_mastery
from ..model.leader import CompetenceArea, Leader, TenFactor, TenFactorResult
from .audience import Audience, pool_small_groups, withheld, without_people
from .i18n import alphabetical
from .leadership_model import (
    AimRow,
    ChangeCell,
    Evidence,
    FactorCount,
    LeaderGoalRow,
    LeadershipHeadline,
    LeadershipSection,
    LevelRow,
    MasteryCell,
    MasteryGroup,
    MasteryRow,
    SurveyYear,
    Table1,
    UnitFollowUp,
)

ON_TRACK_GREEN = 0.75
ON_TRACK_AMBER = 0.5
"""Page 1's light: green when at least three in four leader goals with a
measurement are on track, all four levels of Tabell 1 have evidence and no
cohort's level 3 went the wrong way; amber from one in two; red below
(docs/audience.md)."""


def enough_leaders(leaders: Iterable[Leader], threshold: int) -> bool:
    """At least ``threshold`` leaders in as many units: then no figure over
    them rates one person."""
    group = list(leaders)
    return len({x.id for x in group}) >= threshold and len({x.unit for x in group}) >= threshold


# -- Tabell 1


def _pooled(items: Sequence[tuple[float, float, int]]) -> tuple[float, float, int]:
    """(mean, scale, respondents) of several aggregates, weighted by
    respondents; on their common scale, or as per cent when they differ."""
    if len(items) == 1:
        return items[0]
    total = sum(n for _, _, n in items)
    scales = {s for _, s, _ in items}
    scale = scales.pop() if len(scales) == 1 else 100.0
    share = sum(m / s * n for m, s, n in items) / total
    return share * scale, scale, total


def _reaction(cohorts: Sequence[Cohort], year: int, threshold: int) -> dict[int, list[Evidence]]:
    cells: dict[int, list[Evidence]] = {}
    single = len(cohorts) == 1
    groups: dict[tuple[int, str], list[tuple[float, float, int]]] = {}
    for c in cohorts:
        for r in c.reaction:
            if r.year > year or r.respondents < threshold:
                continue
            if single and r.session:
                cells.setdefault(r.year, []).append(Evidence(r.session, False, r.mean, r.scale_max, r.respondents))
            else:
                groups.setdefault((r.year, r.instrument.value), []).append((r.mean, r.scale_max, r.respondents))
    for (y, instrument), items in sorted(groups.items()):
        mean, scale, n = _pooled(items)
        cells.setdefault(y, []).append(Evidence(instrument, True, mean, scale, n))
    return cells


def _aims(cohorts: Sequence[Cohort], year: int, threshold: int) -> tuple[list[AimRow], dict[int, list[Evidence]]]:
    """The five leader aims per year, and level 2's cells: the aims' mean
    (respondents: the fewest of them) and any course-wide test."""
    per: dict[tuple[str | None, int, str], list[tuple[float, float, int]]] = {}
    for c in cohorts:
        for x in c.learning:
            if x.year <= year and x.respondents >= threshold:
                key = (x.area.value if x.area else None, x.year, x.instrument.value)
                per.setdefault(key, []).append((x.mean, x.scale_max, x.respondents))
    years = sorted({y for _, y, _ in per})
    rows = []
    for area in CompetenceArea:
        by_year: dict[int, Evidence | None] = {}
        for y in years:
            items = [i for (a, yy, _), found in per.items() if a == area.value and yy == y for i in found]
            if items:
                mean, scale, n = _pooled(items)
                by_year[y] = Evidence(area.value, True, mean, scale, n)
            else:
                by_year[y] = None
        rows.append(AimRow(area.value, by_year))
    cells: dict[int, list[Evidence]] = {}
    for y in years:
        shown = [e for row in rows if (e := row.by_year[y]) is not None]
        if shown:
            mean, scale, _ = _pooled([(e.mean, e.scale_max or 5, 1) for e in shown])
            cells.setdefault(y, []).append(Evidence("leader_aims_mean", True, mean, scale,
                                                    min(e.respondents or 0 for e in shown)))
        for (a, yy, instrument), items in sorted(per.items(), key=lambda kv: (kv[0][1], kv[0][2])):
            if a is None and yy == y:
                mean, scale, n = _pooled(items)
                cells.setdefault(y, []).append(Evidence(instrument, True, mean, scale, n))
    if not any(row.by_year and any(row.by_year.values()) for row in rows):
        rows = []
    return rows, cells


def _behaviour(cohorts: Sequence[Cohort], year: int, threshold: int) -> LevelRow:
    cells: dict[int, list[Evidence]] = {}
    changes: list[ChangeCell] = []
    without = 0
    groups: dict[tuple[str, float], list[tuple[int | None, float | None, int | None, int, float, int]]] = {}
    for c in cohorts:
        for b in c.behaviour:
            if b.after.year > year or b.after.respondents < threshold:
                continue
            before = b.before if b.before is not None and b.before.respondents >= threshold else None
            groups.setdefault((b.instrument.value, b.scale_max), []).append(
                (before.year if before else None, before.mean if before else None,
                 before.respondents if before else None, b.after.year, b.after.mean, b.after.respondents))
    for (instrument, scale), items in sorted(groups.items()):
        for by, bm, bn, ay, am, an in items:
            if by is not None and bm is not None and bn is not None:
                cells.setdefault(by, []).append(Evidence(instrument, True, bm, scale, bn))
            cells.setdefault(ay, []).append(Evidence(instrument, True, am, scale, an))
        paired = [i for i in items if i[0] is not None]
        without += len(items) - len(paired)
        if paired:
            first = _pooled([(bm, scale, bn) for _, bm, bn, _, _, _ in paired if bm is not None and bn is not None])
            then = _pooled([(am, scale, an) for _, _, _, _, am, an in paired])
            changes.append(ChangeCell(instrument, True, min(p[0] for p in paired if p[0] is not None), first[0],
                                      max(p[3] for p in paired), then[0], scale, "",
                                      then[0] > first[0] if then[0] != first[0] else None, then[2]))
    merged = {y: _merge_same(evidence) for y, evidence in cells.items()}
    return LevelRow(3, merged, changes, without)


def _merge_same(evidence: list[Evidence]) -> list[Evidence]:
    """Several cohorts' readings of one instrument in one year, as one."""
    groups: dict[tuple[str, float | None], list[Evidence]] = {}
    for e in evidence:
        groups.setdefault((e.what, e.scale_max), []).append(e)
    out = []
    for (what, scale), found in groups.items():
        if len(found) == 1:
            out.append(found[0])
        else:
            mean, s, n = _pooled([(e.mean, scale or 5, e.respondents or 0) for e in found])
            out.append(Evidence(what, True, mean, s, n))
    return out


def _results(leaders: Sequence[Leader], portfolio: Portfolio, last_year: int, as_of: dt.date,
             threshold: int, public: bool) -> LevelRow:
    changes = level_four(leaders, portfolio.areas, last_year, as_of)
    by_id = {x.id: x for x in leaders}
    cells: dict[int, list[Evidence]] = {}
    shown: list[ChangeCell] = []
    improved = measured = None
    for ch in changes:
        group = [by_id[i] for i in ch.leaders if i in by_id]
        if public and not enough_leaders(group, threshold):
            continue
        if ch.kind == "area_goals":
            improved, measured = ch.improved, ch.units
            continue
        shown.append(_change_cell(ch))
        what, key = ("mastery_oriented_leadership", True) if ch.kind == "mastery" else (ch.label, False)
        scale = 5.0 if ch.kind == "mastery" else None
        cells.setdefault(ch.before_year, []).append(
            Evidence(what, key, ch.before, scale, ch.before_respondents, ch.unit))
        cells.setdefault(ch.after_year, []).append(Evidence(what, key, ch.after, scale, ch.respondents, ch.unit))
    return LevelRow(4, cells, shown, 0, improved, measured)


def _change_cell(ch: Change) -> ChangeCell:
    what, key = ("mastery_oriented_leadership", True) if ch.kind == "mastery" else (ch.label, False)
    return ChangeCell(what, key, ch.before_year, ch.before, ch.after_year, ch.after,
                      5.0 if ch.kind == "mastery" else None, ch.unit,
                      ch.better if ch.delta else None, ch.respondents)


def _table(portfolio: Portfolio, cohorts: Sequence[Cohort], leaders: Sequence[Leader], year: int, as_of: dt.date,
           threshold: int, public: bool) -> Table1:
    last = min(year, max((c.end or portfolio.measuring_year for c in cohorts), default=year))
    aims, learning = _aims(cohorts, year, threshold)
    levels = [LevelRow(1, _reaction(cohorts, year, threshold), []), LevelRow(2, learning, []),
              _behaviour(cohorts, year, threshold), _results(leaders, portfolio, last, as_of, threshold, public)]
    years = sorted({y for row in levels for y in row.by_year} | {y for row in aims for y in row.by_year})
    for row in levels:
        for y in years:
            row.by_year.setdefault(y, [])
    aims = [AimRow(row.key, {y: row.by_year.get(y) for y in years}) for row in aims]
    sessions = sum(1 for c in cohorts for s in c.sessions if s.date is None or s.date.year <= year)
    return Table1(tuple(c.id for c in cohorts), cohorts[0].start if len(cohorts) == 1 else None,
                  sum(c.leaders for c in cohorts), years, levels, aims, sessions)


def _cohort_tables(portfolio: Portfolio, year: int, as_of: dt.date, threshold: int,
                   public: bool) -> tuple[Table1 | None, list[Table1], int]:
    cohorts = sorted((c for c in portfolio.cohorts if c.start <= year), key=lambda c: c.start)
    if not cohorts:
        return None, [], 0
    by_id = {c.id: c for c in cohorts}

    def members(keys: Iterable[str]) -> list[Leader]:
        starts = {by_id[k].start for k in keys}
        return [x for x in portfolio.leaders if x.cohort in starts]

    def enough(keys: frozenset[str]) -> bool:
        return sum(by_id[k].leaders for k in keys) >= threshold

    if public:
        alone, pool = pool_small_groups({c.id: c.leaders for c in cohorts}, enough)
    else:
        alone, pool = [c.id for c in cohorts], frozenset()
    tables = [_table(portfolio, [by_id[k]], members([k]), year, as_of, threshold, public) for k in alone]
    left_out = 0
    if pool and alone and enough(pool):
        keys = sorted(pool, key=lambda k: by_id[k].start)
        tables.append(_table(portfolio, [by_id[k] for k in keys], members(keys), year, as_of, threshold, public))
    elif pool and alone:
        left_out = len(pool)
    programme = None
    if not public or enough(frozenset(by_id)):
        programme = _table(portfolio, cohorts, portfolio.leaders, year, as_of, threshold, public)
    return programme, tables, left_out


# -- 10-FAKTOR


def _surveys(portfolio: Portfolio, years: list[int], threshold: int, public: bool) -> list[SurveyYear]:
    out = []
    for y in years:
        pairs = [(x, t) for x in portfolio.leaders for t in x.ten_factor if t.year == y]
        results = [t for _, t in pairs]
        counted = [x for x, t in pairs if t.respondents >= threshold
                   and TenFactor.MASTERY_ORIENTED_LEADERSHIP in t.scores]
        ok = not public or enough_leaders([x for x, _ in pairs], threshold)
        mastery = weighted_mastery(results)
        shown_mastery = mastery is not None and (not public or enough_leaders(counted, threshold))
        with_invited = [t for t in results if t.invited]
        invited = sum(t.invited or 0 for t in with_invited)
        answered = sum(t.respondents for t in with_invited)
        survey = next((s for s in portfolio.surveys if s.year == y), None)
        chosen = [t.follow_up for t in results if t.follow_up is not None]
        factors = Counter(f.value for fu in chosen for f in fu.factors)
        chose_ok = not public or not chosen or enough_leaders(
            [x for x, t in pairs if t.follow_up is not None], threshold)

        def small(n: int) -> int | None:
            return None if public and 0 < n < threshold else n

        out.append(SurveyYear(
            y, len(results) if ok else 0,
            (mastery[1] if mastery else 0) if shown_mastery or not public else None,
            invited if ok and with_invited else None, answered if ok and with_invited else None,
            answered / invited if ok and invited else None,
            mastery[0] if mastery and shown_mastery else None,
            survey.municipality.get(TenFactor.MASTERY_ORIENTED_LEADERSHIP) if survey else None,
            survey.response_rate if survey else None,
            survey.national.get(TenFactor.MASTERY_ORIENTED_LEADERSHIP) if survey else None,
            small(len(chosen)) if chose_ok else None,
            [FactorCount(f.value, small(factors[f.value]) if chose_ok else None)
             for f in TenFactor if factors[f.value]],
            sum(len(f.actions) for f in chosen) if chose_ok and chosen else None,
            sum(a.done is not None for f in chosen for a in f.actions) if chose_ok and chosen else None,
        ))
    return out


def _follow_up_rows(portfolio: Portfolio, threshold: int) -> list[UnitFollowUp]:
    rows = []
    for leader in sorted(portfolio.leaders, key=lambda x: alphabetical(x.unit)):
        for t in sorted(leader.ten_factor, key=lambda t: t.year):
            if t.follow_up is None:
                continue
            score = t.scores.get(TenFactor.MASTERY_ORIENTED_LEADERSHIP)
            rows.append(UnitFollowUp(leader.unit, t.year, t.respondents, t.invited,
                                     score if t.respondents >= threshold else None,
                                     [f.value for f in t.follow_up.factors], len(t.follow_up.actions),
                                     sum(a.done is not None for a in t.follow_up.actions)))
    return rows


def _valid(portfolio: Portfolio, threshold: int) -> dict[int, dict[str, TenFactorResult]]:
    """Per survey year, the leaders (by id) whose unit has a mastery score
    from enough respondents."""
    out: dict[int, dict[str, TenFactorResult]] = {}
    for leader in portfolio.leaders:
        for t in leader.ten_factor:
            if t.respondents >= threshold and TenFactor.MASTERY_ORIENTED_LEADERSHIP in t.scores:
                out.setdefault(t.year, {})[leader.id] = t
    return out


def _mastery_groups(
    portfolio: Portfolio, valid: dict[int, dict[str, TenFactorResult]], years: list[int], threshold: int
) -> tuple[list[MasteryGroup], dict[int, MasteryCell]]:
    """Areas with enough units every survey year, each on its own; the
    others pooled. The same split every year, so a row means one group.
    Means weighted by respondents."""
    by_id = {x.id: x for x in portfolio.leaders}
    areas = sorted({x.area for x in portfolio.leaders})

    def group(keys: frozenset[str], y: int) -> list[Leader]:
        return [by_id[i] for i in valid.get(y, {}) if by_id[i].area in keys]

    def enough(keys: frozenset[str]) -> bool:
        return all(enough_leaders(group(keys, y), threshold) for y in valid)

    sizes = {a: min((len(group(frozenset({a}), y)) for y in valid), default=0) for a in areas}
    alone, pool = pool_small_groups(sizes, enough)

    def cells(keys: frozenset[str]) -> dict[int, MasteryCell]:
        out = {}
        for y in years:
            members = group(keys, y)
            found = weighted_mastery(valid[y][x.id] for x in members) if enough_leaders(members, threshold) else None
            out[y] = MasteryCell(found[1], found[0], found[2]) if found else MasteryCell(None, None)
        return out

    groups = [MasteryGroup((a,), _area_name(portfolio, a), cells(frozenset({a}))) for a in alone]
    if pool and alone:  # with nothing alone, the pool is the whole programme: the total says it
        groups.append(MasteryGroup(tuple(sorted(pool)), None, cells(pool)))
    return groups, cells(frozenset(areas))


def _area_name(portfolio: Portfolio, area: str) -> str | None:
    found = portfolio.area_by_id.get(area)
    return found.name if found else None


# -- the section


def build_leadership(
    portfolio: Portfolio, year: int, as_of: dt.date, threshold: int, audience: Audience
) -> LeadershipSection:
    public = audience is Audience.PUBLIC
    hidden = withheld(portfolio, audience, threshold)
    appraisal = sum(bool(x.appraisal_fields) for x in portfolio.leaders)
    if hidden:
        portfolio = without_people(portfolio)
        portfolio = dataclasses.replace(portfolio, records={**portfolio.records, "cohort": []})
    programme, cohorts, left_out = _cohort_tables(portfolio, year, as_of, threshold, public)
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
    valid = _valid(portfolio, threshold)
    survey_years = sorted({t.year for leader in portfolio.leaders for t in leader.ten_factor if t.year <= year})
    unit_rows = []
    for leader in sorted(portfolio.leaders, key=lambda x: alphabetical(x.unit)):
        if leader.ten_factor:
            unit_rows.append(MasteryRow(leader.unit, {
                y: t.scores.get(TenFactor.MASTERY_ORIENTED_LEADERSHIP) if (t := valid.get(y, {}).get(leader.id))
                else None for y in survey_years}))
    groups, total_cells = _mastery_groups(portfolio, valid, survey_years, threshold)
    levels_measured, in_year = _levels_measured(programme, year)
    worse = any(ch.better is False for t in cohorts for ch in t.levels[2].changes)
    return LeadershipSection(
        programme=programme, cohorts=cohorts, cohorts_left_out=left_out,
        leader_goals=[] if public else goal_rows,
        goals_on_track=on, goals_with_data=with_data, goals_total=total,
        survey_years=survey_years, surveys=_surveys(portfolio, survey_years, threshold, public),
        mastery_groups=groups, mastery_total=total_cells,
        mastery=[] if public else unit_rows,
        follow_up=[] if public else _follow_up_rows(portfolio, threshold),
        withheld=hidden,
        headline=LeadershipHeadline(_light(on, with_data, levels_measured, worse), on, with_data, total,
                                    levels_measured, in_year),
        appraisal_records=0 if public else appraisal,
        national_given=any(s.national for s in portfolio.surveys),
    )


def _levels_measured(programme: Table1 | None, year: int) -> tuple[int, int]:
    """Levels of the programme's Tabell 1 with evidence up to the report
    year, and in the report year itself."""
    if programme is None:
        return 0, 0
    ever = sum(bool(row.measured_years) or bool(row.changes) for row in programme.levels)
    now = sum(year in row.measured_years for row in programme.levels)
    return ever, now


def _light(on: int | None, with_data: int | None, levels: int, worse: bool) -> str | None:
    if on is None or not with_data:
        return None
    share = on / with_data
    if share < ON_TRACK_AMBER:
        return "red"
    return "green" if share >= ON_TRACK_GREEN and levels == 4 and not worse else "amber"
