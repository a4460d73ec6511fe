"""Kvalitet's volumes from the quality system, its service design projects,
and whether improvements worked.

Volumes are the ``case-count`` records (:mod:`askoy2020.model.case_counts`),
counted by month: a year's figure is its months up to the report's day.
They are never added to the case records, which are the programme's own
follow-up of single cases (:mod:`.quality`); the report says which is which.

The public report counts per programme area only over at least k units
and k cases; a smaller area is pooled with the others (:mod:`.audience`).
Programme-wide figures (a month, a kind, a severity) are shown in public
only when the counts they are taken from cover at least k units and k
cases: a year's counts from one or two units would be those units' case
lists. Units are told apart as :func:`.audience.unit_count` does.
"""

from __future__ import annotations

import datetime as dt

from ..model import Portfolio
from ..model.case_counts import CaseCount, CountedKind
from ..model.project import Approach
from ..model.quality import CaseKind, QualityCase
from .audience import Audience, pool_small_groups, too_few_units, unit_count
from .cases_model import (
    AreaVolume,
    CaseVolumes,
    DesignProject,
    ImprovementEffect,
    KindYears,
    MonthRow,
    ServiceDesign,
    SeverityCount,
    UnitVolume,
)
from .i18n import alphabetical

DEVIATION, HMS, COMPLAINT = CountedKind.DEVIATION, CountedKind.HMS_DEVIATION, CountedKind.COMPLAINT


def _known(counts: list[CaseCount], as_of: dt.date) -> list[CaseCount]:
    """Counts of months begun by the report's day (a later month is ASK844's business)."""
    return [c for c in counts if c.first_day <= as_of]


def shown_over(counts: list[CaseCount], threshold: int, public: bool) -> bool:
    """Figures counted over ``counts`` may be shown: internal, or public and
    over at least k units and k cases (or over none: zeros point at no one)."""
    if not public or not counts:
        return True
    return sum(c.count for c in counts) >= threshold and not too_few_units(
        [c.unit for c in counts], Audience.PUBLIC, threshold)


def build_volumes(portfolio: Portfolio, year: int, as_of: dt.date, threshold: int,
                  audience: Audience) -> CaseVolumes | None:
    known = _known(portfolio.case_counts, as_of)
    if not known:
        return None
    public = audience is Audience.PUBLIC
    in_year = [c for c in known if c.year == year]
    years = sorted({c.year for c in known if c.year <= year})
    # Each year's figures are counted over that year's counts: a year of
    # fewer than k units (or cases) is not shown in public, the report
    # year's tables with it.
    shown_years = {y for y in years if shown_over([c for c in known if c.year == y], threshold, public)}
    by_kind = [KindYears(k.value, {y: sum(c.count for c in known if c.kind is k and c.year == y)
                                   if y in shown_years else None for y in years})
               for k in CountedKind]
    sources = sorted({c.source for c in known}, key=alphabetical)
    part_year = year if year in years and as_of < dt.date(year, 12, 31) and as_of.year == year else None
    if not shown_over(in_year, threshold, public):
        return CaseVolumes(sources=sources, year=year, last_month=None, years=years, part_year=part_year,
                           by_kind=by_kind, by_month=[], by_severity=[], by_area=[], by_unit=[], total=0,
                           deviations=0, hms=0, complaints=0, withheld=True)
    months = sorted({c.month_number for c in in_year})
    by_month = []
    for month in range(1, (max(months) if months else 0) + 1):
        group = [c for c in in_year if c.month_number == month]
        dev, hms = _sum(group, DEVIATION), _sum(group, HMS)
        total = sum(c.count for c in group)
        by_month.append(MonthRow(month, dev, hms, total - dev - hms, total))
    severities = [SeverityCount(str(s) if s else "none",
                                sum(c.count for c in in_year if c.kind is DEVIATION and c.severity == s),
                                sum(c.count for c in in_year if c.kind is HMS and c.severity == s))
                  for s in (1, 2, 3, 4, 5, None)]
    units: dict[str, list[CaseCount]] = {}
    for count in in_year:
        units.setdefault(count.unit, []).append(count)
    by_unit = [] if public else [
        UnitVolume(unit, _sum(group, DEVIATION), _sum(group, HMS), _sum(group, COMPLAINT),
                   sum(c.count for c in group))
        for unit, group in sorted(units.items(), key=lambda item: alphabetical(item[0]))]
    last = max((c.month for c in in_year), default=None)
    if last is not None and not last.endswith("-12"):
        # The counts end before December: the report year is a part year
        # however late the report is made (an export to October is not 2020).
        part_year = year
    return CaseVolumes(
        sources=sources, year=year, last_month=last, years=years, part_year=part_year,
        by_kind=by_kind, by_month=by_month, by_severity=severities,
        by_area=_by_area(portfolio, in_year, threshold, public),
        by_unit=by_unit, total=sum(c.count for c in in_year),
        deviations=_sum(in_year, DEVIATION), hms=_sum(in_year, HMS), complaints=_sum(in_year, COMPLAINT),
    )


def _sum(counts: list[CaseCount], kind: CountedKind) -> int:
    return sum(c.count for c in counts if c.kind is kind)


def _by_area(portfolio: Portfolio, counts: list[CaseCount], threshold: int, public: bool) -> list[AreaVolume]:
    grouped: dict[str, list[CaseCount]] = {}
    for count in counts:
        grouped.setdefault(count.area or "", []).append(count)

    def members(keys: frozenset[str]) -> list[CaseCount]:
        return [c for key in keys for c in grouped[key]]

    def enough(keys: frozenset[str]) -> bool:
        group = members(keys)
        return not public or (sum(c.count for c in group) >= threshold
                              and unit_count(c.unit for c in group) >= threshold)

    def row(keys: frozenset[str]) -> AreaVolume:
        if not enough(keys):
            return AreaVolume((), None, None, None, None, None)
        group = members(keys)
        area = portfolio.area_by_id.get(next(iter(keys))) if len(keys) == 1 else None
        # An area shown is over k units and k cases, so each of its figures is
        # over them too (hiding a small one would not help: the total less
        # the others gives it back).
        return AreaVolume(tuple(sorted(keys)), area.name if area else None, _sum(group, DEVIATION),
                          _sum(group, HMS), sum(c.count for c in group), unit_count(c.unit for c in group))

    sizes = {key: unit_count(c.unit for c in group) for key, group in grouped.items()}
    alone, pool = pool_small_groups(sizes, enough)
    return [row(frozenset({key})) for key in sorted(alone)] + ([row(pool)] if pool else [])


def build_service_design(portfolio: Portfolio) -> ServiceDesign:
    projects = [p for p in portfolio.projects if p.is_live and p.approach is Approach.SERVICE_DESIGN]
    rows = [DesignProject(p.id, p.name, p.area, p.users_involved) for p in sorted(projects, key=lambda p: p.id)]
    return ServiceDesign(rows, sum(r.users > 0 for r in rows), sum(r.users for r in rows))


def improves(case: QualityCase) -> bool:
    """A case meant to correct or improve something: every kind but a
    complaint, which is answered, and an old service design case."""
    return case.kind not in (CaseKind.COMPLAINT, CaseKind.SERVICE_DESIGN)


def build_effect(cases: list[QualityCase], year: int, as_of: dt.date) -> ImprovementEffect:
    closed = [c for c in cases if improves(c) and c.closed_by(as_of) and c.closed is not None
              and c.closed.year == year]
    return ImprovementEffect(len(closed), sum(c.effect_measured(as_of) for c in closed),
                             sum(c.pdca_completed(as_of) for c in closed))
