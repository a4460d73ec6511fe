"""Kvalitet 2020: quality cases by kind, severity, status and unit, overdue
cases and personal data breaches; small groups hidden in public."""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter

from ..model import Portfolio
from ..model.quality import CaseKind, CaseStatus, Pdca
from .i18n import Lang
from .model import Count, OverdueRow, QualitySection


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


def build_quality(
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
        # The as-of year is a part year: each year's cases to the same day
        # and month compare like with like.
        per_year_to_date=dict(sorted(Counter(
            c.reported.year for c in portfolio.cases
            if c.reported <= as_of and (c.reported.month, c.reported.day) <= (as_of.month, as_of.day)).items())),
    )
