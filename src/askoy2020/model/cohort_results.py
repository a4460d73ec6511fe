"""Level 4 of Tabell 1: a cohort's results, computed from its leaders' units.

The one definition of "results" for the four-level evaluation (rules and
report use it; nothing is typed by hand): over the programme period of the
cohort, the change in

- the leaders' unit goals (e.g. sykefravær), per indicator: the mean of
  the baselines and the mean of the latest measurements up to the day;
- mestringsorientert ledelse in KS 10-FAKTOR, weighted by respondents, over
  the units with results from at least the programme's ``min_respondents``
  (the threshold; never below :data:`.cohort.MIN_RESPONDENTS`) in both the
  first and the last survey of the period (the same units: a fair
  before/after);
- the goals of the programme areas the cohort's units belong to: how many
  moved the wanted way from their baseline.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .area import ProgrammeArea
from .base import Direction, Goal
from .cohort import MIN_RESPONDENTS
from .leader import Leader, TenFactor, TenFactorResult


@dataclass(frozen=True)
class Change:
    """One KPI before and after over a group of units."""

    kind: str  # "unit_goal", "mastery" or "area_goals"
    label: str  # the indicator (unit goals), or "" for the others
    unit: str  # the indicator's unit, e.g. '%'
    direction: Direction
    before_year: int
    before: float
    after_year: int
    after: float
    units: int  # units (leaders) the figures are over; for area goals: the goals
    respondents: int | None  # 10-FAKTOR: respondents after; None for the others
    leaders: frozenset[str]  # the leader ids behind the figure (for the privacy threshold)
    improved: int | None = None  # area goals: how many moved the wanted way
    before_respondents: int | None = None  # 10-FAKTOR: respondents before

    @property
    def delta(self) -> float:
        return self.after - self.before

    @property
    def better(self) -> bool:
        return self.delta < 0 if self.direction is Direction.LOWER else self.delta > 0


def weighted_mastery(results: Iterable[TenFactorResult],
                     threshold: int = MIN_RESPONDENTS) -> tuple[float, int, int] | None:
    """Mestringsorientert ledelse over units, weighted by respondents: (mean,
    units, respondents). Units under the threshold (the programme's
    ``min_respondents``) are left out; None when none is left."""
    shown = [(s, r.respondents) for r in results
             if r.respondents >= max(threshold, MIN_RESPONDENTS)
             and (s := r.scores.get(TenFactor.MASTERY_ORIENTED_LEADERSHIP)) is not None]
    total = sum(n for _, n in shown)
    if not total:
        return None
    return sum(s * n for s, n in shown) / total, len(shown), total


def _latest(goal: Goal, as_of: dt.date, last_year: int) -> tuple[int, float] | None:
    found = [m for m in goal.measurements if m.date <= as_of and m.date.year <= last_year]
    if not found:
        return None
    latest = max(found, key=lambda m: m.date)
    return latest.date.year, latest.value


def level_four(leaders: Sequence[Leader], areas: Iterable[ProgrammeArea], last_year: int,
               as_of: dt.date, threshold: int = MIN_RESPONDENTS) -> list[Change]:
    """The cohort's results: unit goals per indicator, 10-FAKTOR, area
    goals. ``threshold`` is the programme's ``min_respondents``: a unit's
    10-FAKTOR counts only from that many respondents."""
    out: list[Change] = []
    by_indicator: dict[tuple[str, str, Direction], list[tuple[str, int, float, int, float]]] = {}
    for leader in leaders:
        for goal in leader.goals:
            latest = _latest(goal, as_of, last_year)
            if goal.baseline is None or latest is None:
                continue
            key = (goal.indicator, goal.unit, goal.direction)
            by_indicator.setdefault(key, []).append(
                (leader.id, goal.baseline.year, goal.baseline.value, latest[0], latest[1]))
    for (indicator, unit, direction), rows in sorted(by_indicator.items(), key=lambda kv: kv[0][0]):
        out.append(Change("unit_goal", indicator, unit, direction,
                          min(r[1] for r in rows), sum(r[2] for r in rows) / len(rows),
                          max(r[3] for r in rows), sum(r[4] for r in rows) / len(rows),
                          len({r[0] for r in rows}), None, frozenset(r[0] for r in rows)))
    years = sorted({t.year for x in leaders for t in x.ten_factor if t.year <= last_year})
    if len(years) >= 2:
        first, last = years[0], years[-1]
        kept = [(x, a, b) for x in leaders
                if (a := _result(x, first)) is not None and (b := _result(x, last)) is not None
                and _counts(a, threshold) and _counts(b, threshold)]
        before = weighted_mastery((a for _, a, _ in kept), threshold)
        after = weighted_mastery((b for _, _, b in kept), threshold)
        if before and after:
            out.append(Change("mastery", "", "", Direction.HIGHER, first, before[0], last, after[0],
                              len(kept), after[2], frozenset(x.id for x, _, _ in kept),
                              before_respondents=before[2]))
    wanted = {x.area for x in leaders}
    goals = [(g, latest) for a in areas if a.id in wanted for g in a.goals
             if g.baseline is not None and (latest := _latest(g, as_of, last_year)) is not None]
    if goals:
        improved = sum((v < g.baseline.value) if g.direction is Direction.LOWER else (v > g.baseline.value)
                       for g, (_, v) in goals if g.baseline is not None)
        out.append(Change("area_goals", "", "", Direction.HIGHER,
                          min(g.baseline.year for g, _ in goals if g.baseline is not None), 0.0,
                          max(y for _, (y, _) in goals), float(improved), len(goals), None,
                          frozenset(x.id for x in leaders), improved))
    return out


def _counts(result: TenFactorResult, threshold: int) -> bool:
    return (result.respondents >= max(threshold, MIN_RESPONDENTS)
            and TenFactor.MASTERY_ORIENTED_LEADERSHIP in result.scores)


def _result(leader: Leader, year: int) -> TenFactorResult | None:
    return next((t for t in leader.ten_factor if t.year == year), None)
