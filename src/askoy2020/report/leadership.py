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
import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from ..model import Portfolio
from ..model.cohort import Cohort
from ..model.cohort_results import Change, level_four, weighted_mastery
from ..model.leader import CompetenceArea, Leader, TenFactor, TenFactorResult
from .audience import Audience, pool_small_groups, withheld, without_people
from .i18n import alphabetical
from .leadership_model import (
    AimRow,
    ChangeCell,
    CohortTrend,
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

LEVEL_AIMS = ("self_assessment", "test")
"""Level 2 instruments the report names: the aims' mean says whether it is
the leaders' own rating (egenvurdering) or a test."""


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
            # Named by its instrument: the leaders' own rating is weaker evidence than a test.
            used = {i for (a, yy, i) in per if a is not None and yy == y}
            what = f"aims_mean_{used.pop()}" if len(used) == 1 and used <= set(LEVEL_AIMS) else "leader_aims_mean"
            mean, scale, _ = _pooled([(e.mean, e.scale_max or 5, 1) for e in shown])
            cells.setdefault(y, []).append(Evidence(what, True, mean, scale, min(e.respondents or 0 for e in shown)))
        for (a, yy, instrument), items in sorted(per.items(), key=lambda kv: (kv[0][1], kv[0][2])):
            if a is None and yy == y:
                mean, scale, n = _pooled(items)
                what = f"{instrument}_overall" if instrument in LEVEL_AIMS else instrument
                cells.setdefault(y, []).append(Evidence(what, True, mean, scale, n))
    if not any(row.by_year and any(row.by_year.values()) for row in rows):
        rows = []
    return rows, cells


def _comparisons(cohorts: Sequence[Cohort], visible: frozenset[str]) -> list[tuple[str, list[Cohort]]]:
    """The groups a change over the period is told for: each cohort the
    reader may see on its own, and the others as one (the public pool). A
    change compares one group with itself, never one cohort's before with
    another's after. The label is "" when the table is one group."""
    alone = [c for c in cohorts if c.id in visible]
    rest = [c for c in cohorts if c.id not in visible]
    out = [(c.id, [c]) for c in alone] + ([(", ".join(c.id for c in rest), rest)] if rest else [])
    return [("", group) for _, group in out] if len(out) == 1 else out


def _learning_changes(cohorts: Sequence[Cohort], year: int, threshold: int,
                      visible: frozenset[str]) -> list[ChangeCell]:
    """Level 2 over the period, per group: the aims' mean in the group's
    first year against its last, with the same instrument, and every cohort
    of the group measured both years (the same leaders)."""
    out = []
    for label, group in _comparisons(cohorts, visible):
        _, cells = _aims(group, year, threshold)
        means = {y: e for y, found in cells.items() for e in found
                 if e.what.startswith("aims_mean_") or e.what == "leader_aims_mean"}
        if len(means) < 2:
            continue
        first, last = min(means), max(means)
        before, after = means[first], means[last]
        both = all({x.year for x in c.learning if x.area is not None} >= {first, last} for c in group)
        if before.what != after.what or not both:
            continue
        out.append(ChangeCell(after.what, True, first, before.mean, last, after.mean, after.scale_max, "",
                              after.mean > before.mean if after.mean != before.mean else None,
                              after.respondents, label))
    return out


def _behaviour(cohorts: Sequence[Cohort], year: int, threshold: int, visible: frozenset[str]) -> LevelRow:
    """Level 3: each year's readings (cohorts measured the same year pooled),
    and the change per group of :func:`_comparisons`: the same cohorts,
    the same instrument, before and after."""
    cells: dict[int, list[Evidence]] = {}
    changes: list[ChangeCell] = []
    without: list[str] = []
    unlike: list[str] = []
    for label, group in _comparisons(cohorts, visible):
        spans: dict[tuple[str, float, int, int], list[tuple[float, int, float, int]]] = {}
        missing = False
        for c in group:
            for b in c.behaviour:
                if b.after.year > year or b.after.respondents < threshold:
                    continue
                instrument = b.instrument.value
                cells.setdefault(b.after.year, []).append(
                    Evidence(instrument, True, b.after.mean, b.scale_max, b.after.respondents))
                if b.before is None or b.before.respondents < threshold:
                    missing = True
                    continue
                cells.setdefault(b.before.year, []).append(
                    Evidence(instrument, True, b.before.mean, b.scale_max, b.before.respondents))
                spans.setdefault((instrument, b.scale_max, b.before.year, b.after.year), []).append(
                    (b.before.mean, b.before.respondents, b.after.mean, b.after.respondents))
        measured = {c.id for c in group for b in c.behaviour
                    if b.after.year <= year and b.after.respondents >= threshold}
        if len(group) > 1 and (missing or len(measured) < len(group)
                               or len({(i, sc) for i, sc, _, _ in spans}) < len(spans)):
            # A pool of cohorts not all measured before and after at the same times: its before and after
            # would not be the same leaders, so no change is told for it.
            unlike.append(label)
            spans, missing = {}, False
        for (instrument, scale, first, last), items in sorted(spans.items()):
            before = _pooled([(bm, scale, bn) for bm, bn, _, _ in items])
            after = _pooled([(am, scale, an) for _, _, am, an in items])
            changes.append(ChangeCell(instrument, True, first, before[0], last, after[0], scale, "",
                                      after[0] > before[0] if after[0] != before[0] else None, after[2], label))
        if missing:
            without.append(label)
    merged = {y: _merge_same(evidence) for y, evidence in cells.items()}
    return LevelRow(3, merged, changes, without, not_comparable=unlike)


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


Groups = dict[str, frozenset[str]]
"""Level 4's figures of one table by what they are (an indicator, mastery,
area goals), each with the leader ids it is over."""


def _results(leaders: Sequence[Leader], portfolio: Portfolio, last_year: int, as_of: dt.date,
             threshold: int, public: bool) -> tuple[LevelRow, Groups]:
    changes = level_four(leaders, portfolio.areas, last_year, as_of, threshold)
    by_id = {x.id: x for x in leaders}
    cells: dict[int, list[Evidence]] = {}
    shown: list[ChangeCell] = []
    groups: Groups = {}
    improved = measured = None
    for ch in changes:
        group = [by_id[i] for i in ch.leaders if i in by_id]
        if public and not enough_leaders(group, threshold):
            continue
        if ch.kind == "area_goals":
            improved, measured = ch.improved, ch.units
            groups["area_goals"] = ch.leaders
            continue
        shown.append(_change_cell(ch))
        what, key = ("mastery_oriented_leadership", True) if ch.kind == "mastery" else (ch.label, False)
        groups[what] = groups.get(what, frozenset()) | ch.leaders
        scale = 5.0 if ch.kind == "mastery" else None
        cells.setdefault(ch.before_year, []).append(
            Evidence(what, key, ch.before, scale, ch.before_respondents, ch.unit))
        cells.setdefault(ch.after_year, []).append(Evidence(what, key, ch.after, scale, ch.respondents, ch.unit))
    return LevelRow(4, cells, shown, [], improved, measured), groups


def _change_cell(ch: Change) -> ChangeCell:
    what, key = ("mastery_oriented_leadership", True) if ch.kind == "mastery" else (ch.label, False)
    return ChangeCell(what, key, ch.before_year, ch.before, ch.after_year, ch.after,
                      5.0 if ch.kind == "mastery" else None, ch.unit,
                      ch.better if ch.delta else None, ch.respondents)


def _table(portfolio: Portfolio, cohorts: Sequence[Cohort], leaders: Sequence[Leader], year: int, as_of: dt.date,
           threshold: int, public: bool, visible: frozenset[str]) -> tuple[Table1, Groups]:
    last = min(year, max((c.end or portfolio.measuring_year for c in cohorts), default=year))
    aims, learning = _aims(cohorts, year, threshold)
    results, groups = _results(leaders, portfolio, last, as_of, threshold, public)
    levels = [LevelRow(1, _reaction(cohorts, year, threshold), []),
              LevelRow(2, learning, _learning_changes(cohorts, year, threshold, visible)),
              _behaviour(cohorts, year, threshold, visible), results]
    years = sorted({y for row in levels for y in row.by_year} | {y for row in aims for y in row.by_year})
    for row in levels:
        for y in years:
            row.by_year.setdefault(y, [])
    aims = [AimRow(row.key, {y: row.by_year.get(y) for y in years}) for row in aims]
    sessions = sum(1 for c in cohorts for s in c.sessions if s.date is None or s.date.year <= year)
    return Table1(tuple(c.id for c in cohorts), cohorts[0].start if len(cohorts) == 1 else None,
                  sum(c.leaders for c in cohorts), years, levels, aims, sessions), groups


def _cohort_tables(portfolio: Portfolio, year: int, as_of: dt.date, threshold: int, public: bool,
                   surveys: dict[int, list[frozenset[str]]]) -> tuple[Table1 | None, list[Table1], int]:
    """The programme's table and the cohorts'. In public a cohort stands
    alone only when its leader records are at least ``threshold`` leaders in
    as many units – the test every level uses (:func:`enough_leaders`), not
    the head count a cohort declares – and the others are pooled
    (:func:`.audience.pool_small_groups`). Then a level-4 figure is shown
    only where no difference of shown figures leaves a group under the
    threshold (:func:`_without_remainder`): the programme's less the
    cohorts', and the 10-FAKTOR section's mastery of a year (``surveys``:
    the leaders of the units counted in each shown group) less a table's."""
    cohorts = sorted((c for c in portfolio.cohorts if c.start <= year), key=lambda c: c.start)
    if not cohorts:
        return None, [], 0
    by_id = {c.id: c for c in cohorts}

    def members(keys: Iterable[str]) -> list[Leader]:
        starts = {by_id[k].start for k in keys}
        return [x for x in portfolio.leaders if x.cohort in starts]

    def enough(keys: frozenset[str]) -> bool:
        return sum(by_id[k].leaders for k in keys) >= threshold and enough_leaders(members(keys), threshold)

    if public:
        alone, pool = pool_small_groups({c.id: len(members([c.id])) for c in cohorts}, enough)
    else:
        alone, pool = [c.id for c in cohorts], frozenset()
    visible = frozenset(alone)
    built = [_table(portfolio, [by_id[k]], members([k]), year, as_of, threshold, public, visible) for k in alone]
    left_out = 0
    if pool and alone and enough(pool):
        keys = sorted(pool, key=lambda k: by_id[k].start)
        built.append(_table(portfolio, [by_id[k] for k in keys], members(keys), year, as_of, threshold, public,
                            visible))
    elif pool and alone:
        left_out = len(pool)
    programme = None
    if not public or enough(frozenset(by_id)):
        programme = _table(portfolio, cohorts, portfolio.leaders, year, as_of, threshold, public, visible)
    if public:
        programme, built = _without_remainder(programme, built, surveys, portfolio.leader_by_id, threshold)
    return programme[0] if programme else None, [table for table, _ in built], left_out


MASTERY = "mastery_oriented_leadership"


def _without_remainder(programme: tuple[Table1, Groups] | None, parts: list[tuple[Table1, Groups]],
                       surveys: dict[int, list[frozenset[str]]], leaders: dict[str, Leader],
                       threshold: int) -> tuple[tuple[Table1, Groups] | None, list[tuple[Table1, Groups]]]:
    """The tables less every level-4 figure that a reader could subtract
    from another shown figure of the same thing and year – or subtract
    others from – to leave fewer than ``threshold`` leaders (or more than
    none and fewer than as many units). The figures are the tables' (a
    figure's years are over one group of leaders, so this holds per level
    and year) and, for mastery, the 10-FAKTOR section's shown groups per
    survey year (``surveys``: the whole programme and each area row). Of a
    figure and the shown figures inside it, the one dropped is the
    enclosing table figure (the programme's before a cohort's) unless it is
    over the very units of a 10-FAKTOR row, else one inside it; the
    10-FAKTOR section is never changed."""

    def small(group: Iterable[str]) -> bool:
        found = [leaders[i] for i in group if i in leaders]
        return bool(found) and not enough_leaders(found, threshold)

    tables = ([programme] if programme is not None else []) + list(parts)
    while (found := _remainder(tables, surveys, small)) is not None:
        index, what = found
        tables[index] = _drop(*tables[index], {what})
    if programme is None:
        return None, tables
    return tables[0], tables[1:]


def _remainder(tables: list[tuple[Table1, Groups]], surveys: dict[int, list[frozenset[str]]],
               small: Callable[[Iterable[str]], bool]) -> tuple[int, str] | None:
    """The first table figure (its table's index and what it is) to drop,
    or None when no shown figure less any set of disjoint shown figures
    inside it leaves a small group."""
    figures: dict[tuple[str, int], list[tuple[int | None, frozenset[str]]]] = {}
    for index, (table, groups) in enumerate(tables):
        for what, group in groups.items():
            years = {y for y, cell in table.levels[3].by_year.items() if any(e.what == what for e in cell)}
            for y in years or {0}:  # area goals: a count with no year of its own
                figures.setdefault((what, y), []).append((index, group))
    for (what, y), found in figures.items():
        public = set(surveys.get(y, [])) if what == MASTERY else set()
        found += [(None, group) for group in public]
        for owner, whole in found:
            inside = [(o, g) for o, g in found if g < whole]
            for n in range(1, len(inside) + 1):
                for chosen in itertools.combinations(inside, n):
                    sets = [g for _, g in chosen]
                    if any(a & b for a, b in itertools.combinations(sets, 2)):
                        continue
                    if not small(whole - frozenset().union(*sets)):
                        continue
                    # A table figure over the same units as a 10-FAKTOR row tells nothing new: keep it.
                    owners = ([owner] if whole not in public else []) + [o for o, _ in chosen]
                    drop = next((o for o in owners if o is not None), None)
                    if drop is not None:
                        return drop, what
    return None


def _drop(table: Table1, groups: Groups, drop: set[str]) -> tuple[Table1, Groups]:
    """The table and its level-4 groups less the figures ``drop`` names."""
    if not drop:
        return table, groups
    level = table.levels[3]
    kept = dataclasses.replace(
        level, by_year={y: [e for e in cell if e.what not in drop] for y, cell in level.by_year.items()},
        changes=[c for c in level.changes if c.what not in drop],
        goals_improved=None if "area_goals" in drop else level.goals_improved,
        goals_measured=None if "area_goals" in drop else level.goals_measured)
    return (dataclasses.replace(table, levels=[*table.levels[:3], kept]),
            {what: group for what, group in groups.items() if what not in drop})


# -- 10-FAKTOR


def _surveys(portfolio: Portfolio, years: list[int], threshold: int, public: bool) -> list[SurveyYear]:
    out = []
    for y in years:
        pairs = [(x, t) for x in portfolio.leaders for t in x.ten_factor if t.year == y]
        results = [t for _, t in pairs]
        counted = [x for x, t in pairs if t.respondents >= threshold
                   and TenFactor.MASTERY_ORIENTED_LEADERSHIP in t.scores]
        ok = not public or enough_leaders([x for x, _ in pairs], threshold)
        mastery = weighted_mastery(results, threshold)
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

        alone, other, other_count = _factor_pool(factors, threshold, public)
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
            [FactorCount(f.value, factors[f.value]) for f in TenFactor if f.value in alone] if chose_ok else [],
            sum(len(f.actions) for f in chosen) if chose_ok and chosen else None,
            sum(a.done is not None for f in chosen for a in f.actions) if chose_ok and chosen else None,
            other if chose_ok else (), other_count if chose_ok else None,
        ))
    return out


def _factor_pool(factors: Counter[str], threshold: int, public: bool) -> tuple[set[str], tuple[str, ...], int | None]:
    """The factors counted on their own, and (public) the pool of those
    fewer units chose than the threshold, with its sum: at least the
    threshold, taking in the least chosen of the others when short, so
    neither the total less the shown counts nor a difference of them gives
    a count under it. A pool short even of everything is not shown."""
    chosen = {f: n for f, n in factors.items() if n}
    if not public:
        return set(chosen), (), None
    alone, pool = pool_small_groups(chosen, lambda keys: sum(chosen[f] for f in keys) >= threshold)
    order = [f.value for f in TenFactor]
    total = sum(chosen[f] for f in pool)
    if not pool or total < threshold:
        return set(alone), (), None
    return set(alone), tuple(sorted(pool, key=order.index)), total


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
            found = (weighted_mastery((valid[y][x.id] for x in members), threshold)
                     if enough_leaders(members, threshold) else None)
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
    valid = _valid(portfolio, threshold)
    survey_years = sorted({t.year for leader in portfolio.leaders for t in leader.ten_factor if t.year <= year})
    groups, total_cells = _mastery_groups(portfolio, valid, survey_years, threshold)
    shown: dict[int, list[frozenset[str]]] = {}
    for areas, cells in [(g.areas, g.by_year) for g in groups] + [(None, total_cells)]:
        for y, cell in cells.items():
            if cell.mean is not None:
                shown.setdefault(y, []).append(frozenset(
                    i for i in valid.get(y, {}) if areas is None or portfolio.leader_by_id[i].area in areas))
    programme, cohorts, left_out = _cohort_tables(portfolio, year, as_of, threshold, public, shown)
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
    survey_years = sorted({t.year for leader in portfolio.leaders for t in leader.ten_factor if t.year <= year})
    unit_rows = []
    for leader in sorted(portfolio.leaders, key=lambda x: alphabetical(x.unit)):
        if leader.ten_factor:
            unit_rows.append(MasteryRow(leader.unit, {
                y: t.scores.get(TenFactor.MASTERY_ORIENTED_LEADERSHIP) if (t := valid.get(y, {}).get(leader.id))
                else None for y in survey_years}))
    tables = [t for t in [programme, *cohorts] if t is not None]
    levels_measured, in_year = _levels_measured(tables, year)
    trends = [_trend(t) for t in (cohorts or tables)]
    light = None if hidden or not trends else _light(trends, levels_measured)
    return LeadershipSection(
        programme=programme, cohorts=cohorts, cohorts_left_out=left_out,
        leader_goals=[] if public else goal_rows,
        goals_on_track=on, goals_with_data=with_data, goals_total=total,
        survey_years=survey_years, surveys=_surveys(portfolio, survey_years, threshold, public),
        mastery_groups=groups, mastery_total=total_cells,
        mastery=[] if public else unit_rows,
        follow_up=[] if public else _follow_up_rows(portfolio, threshold),
        withheld=hidden,
        headline=LeadershipHeadline(light, trends, on, with_data, total, levels_measured, in_year),
        appraisal_records=0 if public else appraisal,
        national_given=any(s.national for s in portfolio.surveys),
    )


def _levels_measured(tables: Sequence[Table1], year: int) -> tuple[int, int]:
    """Levels of Tabell 1 with evidence in any table shown, up to the
    report year and in the report year itself."""
    ever = sum(any(bool(t.levels[i].measured_years) or bool(t.levels[i].changes) for t in tables) for i in range(4))
    now = sum(any(year in t.levels[i].measured_years for t in tables) for i in range(4))
    return ever, now


def _direction(changes: Sequence[ChangeCell]) -> str:
    """better when every change over the period moved the wanted way, worse
    when more moved the wrong way than the wanted way, mixed between; none
    without a change."""
    better = sum(c.better is True for c in changes)
    worse = sum(c.better is False for c in changes)
    if not changes:
        return "none"
    if worse > better:
        return "worse"
    return "better" if better and not worse else "mixed"


def _trend(table: Table1) -> CohortTrend:
    behaviour, results = table.levels[2], table.levels[3]
    level3 = _direction(behaviour.changes)
    if behaviour.without_before and level3 in ("none", "better"):
        level3 = "no_before"  # some of the table's leaders have no before: not all of it is known to improve
    if behaviour.not_comparable and level3 in ("none", "better"):
        level3 = "not_comparable"
    return CohortTrend(", ".join(table.ids), level3, _direction(results.changes))


def _light(trends: Sequence[CohortTrend], levels: int) -> str:
    """Page 1's light, from Tabell 1 per cohort (docs/report.md): red when a
    cohort's level 3 or 4 went the wrong way; green when every cohort's
    levels 3 and 4 improved and all four levels have evidence; amber
    otherwise (no before → after yet, mixed, or fewer than four levels with
    evidence). The leaders' unit goals are one of level 4's indicators."""
    if any("worse" in (t.behaviour, t.results) for t in trends):
        return "red"
    if levels == 4 and all(t.behaviour == t.results == "better" for t in trends):
        return "green"
    return "amber"
