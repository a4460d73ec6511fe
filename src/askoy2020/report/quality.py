"""Kvalitet 2020: the year's quality cases by kind, severity, status and
programme area, how long they take, overdue cases and personal-data
breaches against GDPR art. 33.

Every figure says what it counts: the year's cases are those *reported*
in the year up to the report's day; "closed in the year" counts every
case closed in it, also those reported earlier. The public report names
no unit and lists no case; it counts cases per programme area only over
at least k cases from k units, and shows the programme's case tables only
when the case records cover at least k units (:mod:`.audience`).
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter

from ..model import Portfolio
from ..model.quality import CaseKind, CaseStatus, Notice, QualityCase
from .audience import Audience, pool_small_groups, too_few_units, unit_count, withheld, without_people
from .cases import build_effect, build_service_design, build_volumes
from .i18n import alphabetical
from .people_model import AreaCount, BreachCounts, Count, OverdueRow, QualityHeadline, QualitySection


def _by_area(portfolio: Portfolio, cases: list[QualityCase], threshold: int) -> list[AreaCount]:
    grouped: dict[str, list[QualityCase]] = {}
    for case in cases:
        grouped.setdefault(case.area or "", []).append(case)

    def members(keys: frozenset[str]) -> list[QualityCase]:
        return [c for key in keys for c in grouped[key]]

    def enough(keys: frozenset[str]) -> bool:
        group = members(keys)
        return len(group) >= threshold and unit_count(c.unit for c in group) >= threshold

    def row(keys: frozenset[str]) -> AreaCount:
        group = members(keys)
        area = portfolio.area_by_id.get(next(iter(keys))) if len(keys) == 1 else None
        shown = enough(keys)
        if not shown:
            # Too few to show: not even which areas, or a lone area's name
            # beside the programme's counts would point at its few units.
            return AreaCount((), None, None, None)
        return AreaCount(tuple(sorted(keys)), area.name if area else None, len(group),
                         unit_count(c.unit for c in group))

    alone, pool = pool_small_groups({key: unit_count(c.unit for c in group) for key, group in grouped.items()}, enough)
    return [row(frozenset({key})) for key in alone] + ([row(pool)] if pool else [])


def _breaches(cases: list[QualityCase], as_of: dt.date) -> BreachCounts:
    notices = Counter(c.breach.notice(as_of) for c in cases
                      if c.kind is CaseKind.PERSONAL_DATA_BREACH and c.breach is not None)
    return BreachCounts([Count(n.value, notices[n]) for n in Notice], sum(notices.values()))


def _median(values: list[int]) -> float | None:
    return statistics.median(values) if values else None


def build_quality(
    portfolio: Portfolio, year: int, as_of: dt.date, threshold: int, audience: Audience
) -> QualitySection:
    public = audience is Audience.PUBLIC
    # The quality system's volumes are judged on the counts (report/cases.py),
    # the programme's own case tables on the case records: the year's and
    # every case known on the report's day must each cover k units.
    volumes = build_volumes(portfolio, year, as_of, threshold, audience)
    known = [c for c in portfolio.cases if c.reported <= as_of]
    hidden = withheld(portfolio, audience, threshold) or too_few_units(
        [c.unit for c in known], audience, threshold) or too_few_units(
        [c.unit for c in known if c.reported.year == year], audience, threshold)
    portfolio = without_people(portfolio) if hidden else portfolio
    known = [c for c in portfolio.cases if c.reported <= as_of]
    cases = [c for c in known if c.reported.year == year]
    closed = [c for c in cases if c.closed_by(as_of)]
    still_open = [c for c in cases if not c.closed_by(as_of)]
    closed_in_year = [c for c in known if c.closed_by(as_of) and c.closed.year == year]  # type: ignore[union-attr]
    kinds = Counter(c.kind for c in cases)
    statuses = Counter(c.status_on(as_of) for c in cases)
    # A case without a severity is not assessed: its own row, never level 1.
    severities = Counter(c.severity for c in cases)
    # Levels from the risk matrix; one off its scale (ASK823) gets its own row rather than vanish.
    levels = max([len(portfolio.risk_matrix.consequence)] + [s for s in severities if s is not None])
    proposals = [c for c in cases if c.kind is CaseKind.IMPROVEMENT_PROPOSAL]
    overdue = sorted((OverdueRow(c.id, c.unit, days) for c in known if (days := c.overdue_days(as_of)) is not None),
                     key=lambda r: (-r.days, r.id))
    breaches = _breaches(cases, as_of)
    open_now = sum(not c.closed_by(as_of) for c in known)
    light = "red" if breaches.unlawful else "amber" if overdue else "green"
    per_year = dict(sorted(Counter(c.reported.year for c in known).items()))
    return QualitySection(
        reported=len(cases),
        # An old service design case is still counted (ASK840 asks to move it to its project).
        by_kind=[Count(k.value, kinds[k]) for k in CaseKind if k is not CaseKind.SERVICE_DESIGN or kinds[k]],
        by_severity=[Count(str(s), severities[s]) for s in range(1, levels + 1)]
        + [Count("not_assessed", severities[None])],
        by_status=[Count(s.value, statuses[s]) for s in CaseStatus],
        by_area=_by_area(portfolio, cases, threshold),
        # A unit usually has one leader, and a unit's cases point at its
        # people: internal only.
        by_unit=[] if public else [Count(unit, n) for unit, n in
                                   sorted(Counter(c.unit for c in cases).items(), key=lambda i: alphabetical(i[0]))],
        closed_in_year=len(closed_in_year),
        closed_in_year_reported_before=sum(c.reported.year < year for c in closed_in_year),
        median_days_to_close=_median([(c.closed - c.reported).days for c in closed]),  # type: ignore[operator]
        open_now=len(still_open),
        median_days_open=_median([(as_of - c.reported).days for c in still_open]),
        overdue=[] if public else overdue,
        overdue_count=len(overdue),
        overdue_max_days=overdue[0].days if overdue else None,
        breaches=breaches,
        proposals_done=sum(c.status_on(as_of) is CaseStatus.CLOSED for c in proposals),
        proposals_total=len(proposals),
        pdca_done=sum(c.pdca_completed(as_of) for c in cases),
        per_year=per_year,
        part_year=as_of.year if as_of < dt.date(as_of.year, 12, 31) and as_of.year in per_year else None,
        withheld=hidden,
        headline=QualityHeadline(light, open_now, len(overdue), breaches.total, breaches.unlawful),
        # The as-of year is a part year: each year's cases to the same day
        # and month compare like with like.
        per_year_to_date=dict(sorted(Counter(
            c.reported.year for c in known
            if (c.reported.month, c.reported.day) <= (as_of.month, as_of.day)).items())),
        volumes=volumes,
        service_design=build_service_design(portfolio),
        effect=build_effect(known, year, as_of),
    )
