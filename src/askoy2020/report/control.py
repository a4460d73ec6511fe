"""Internkontroll in the Kvalitet chapter: the rådmann's yearly summary of
the internal control (kommuneloven 1992 § 23 nr. 2; kommuneloven § 25-1
from 2021, whose second paragraph asks for a yearly report to the council).

Everything is seen on the report's day (``as_of``): a routine reviewed,
a review held, a finding reported or closed after it is not known yet.
The year's figures count what happened in the report year up to that day.
The public report holds no role and no figure per unit (docs/audience.md);
it lists findings only from tilsyn and forvaltningsrevisjon, whose reports
are public, and counts the others.
"""

from __future__ import annotations

import datetime as dt

from ..model import Portfolio
from ..model.control import AuditFinding, FindingSource, ManagementReview, ServiceUnit, years_without_review
from ..model.quality import Action
from .audience import Audience
from .control_model import (
    ControlHeadline,
    ControlSection,
    CoverageRow,
    DecisionRow,
    FindingCounts,
    FindingRow,
    OverdueRoutineRow,
    ReviewRow,
)
from .i18n import alphabetical


def _services(units: list[ServiceUnit]) -> int:
    """Different services: SFO given by five schools is one service."""
    return len({" ".join(service.split()).casefold() for unit in units for service in unit.services})


def _coverage(portfolio: Portfolio, as_of: dt.date, public: bool) -> list[CoverageRow]:
    grouped: dict[str, list[ServiceUnit]] = {}
    for unit in portfolio.units:
        grouped.setdefault(unit.area if unit.area in portfolio.area_by_id else "", []).append(unit)
    rows = []
    for area_id, units in sorted(grouped.items(), key=lambda i: (i[0] == "", i[0])):
        area = portfolio.area_by_id.get(area_id)
        live = [r for u in units for r in u.routines if r.approved <= as_of]
        rows.append(CoverageRow(area_id, area.name if area else None, len(units), _services(units), len(live),
                                None if public else sum(r.review_overdue(as_of) for r in live)))
    return rows


def _decision(action: Action, as_of: dt.date, public: bool) -> DecisionRow:
    done = action.done if action.done is not None and action.done <= as_of else None
    return DecisionRow(action.text, None if public else action.owner, action.deadline, done)


def _review(portfolio: Portfolio, review: ManagementReview, as_of: dt.date, public: bool) -> ReviewRow:
    names = tuple(u.name if (u := portfolio.unit_by_id.get(ref)) else ref for ref in review.units)
    return ReviewRow(review.year, review.held if review.held_by(as_of) else None, review.planned,
                     None if public else review.led_by, names, list(review.topics), review.conclusions,
                     [_decision(a, as_of, public) for a in review.decisions])


def _status(finding: AuditFinding, as_of: dt.date) -> str:
    if finding.closed_by(as_of):
        return "ic_status_closed"
    return "ic_status_past_deadline" if finding.past_deadline(as_of) else "ic_status_open"


def _finding(portfolio: Portfolio, finding: AuditFinding, as_of: dt.date, public: bool) -> FindingRow:
    unit = portfolio.unit_by_id.get(finding.unit) if finding.unit else None
    # A tilsyn report is public, but in this report a unit beside a finding
    # rates the one leader it usually has: the public version says the area
    # (docs/audience.md), and the reference, which names the unit, stays out.
    return FindingRow(
        finding.id, f"ic_source_{finding.source.value}", finding.authority, None if public else finding.reference,
        None if public else unit.name if unit else finding.unit, finding.area or (unit.area if unit else None),
        finding.title,
        f"ic_kind_{finding.kind.value}", finding.kind.binding, finding.reported, finding.deadline,
        finding.closed if finding.closed_by(as_of) else None, _status(finding, as_of),
        finding.days_past_deadline(as_of), len(finding.actions), finding.actions_done(as_of), finding.closing_note
        if finding.closed_by(as_of) else None)


def _counts(key: str, findings: list[AuditFinding], year: int, as_of: dt.date) -> FindingCounts:
    return FindingCounts(
        key,
        new=sum(f.reported.year == year for f in findings),
        closed=sum(f.closed_by(as_of) and f.closed is not None and f.closed.year == year for f in findings),
        open=sum(not f.closed_by(as_of) for f in findings),
        past_deadline=sum(f.past_deadline(as_of) for f in findings),
    )


def build_control(portfolio: Portfolio, year: int, as_of: dt.date, audience: Audience) -> ControlSection:
    public = audience is Audience.PUBLIC
    routines = [(u, r) for u in portfolio.units for r in u.routines if r.approved <= as_of]
    overdue = sorted((OverdueRoutineRow(u.name, r.id, r.title, r.owner, r.review_due(as_of), days)
                      for u, r in routines if (days := r.days_overdue(as_of)) is not None),
                     key=lambda row: (-row.days, row.routine))
    reviews = sorted((r for r in portfolio.management_reviews if r.held_by(as_of) and r.held is not None
                      and r.held.year == year), key=lambda r: (r.held, r.year, r.units))
    due = next((r for r in portfolio.management_reviews
                if r.year == year and r.whole_municipality and not r.held_by(as_of)), None)
    known = [f for f in portfolio.findings if f.reported <= as_of]
    relevant = [f for f in known if f.reported.year == year or not f.closed_by(as_of)
                or (f.closed is not None and f.closed.year == year)]
    listed = [f for f in relevant if f.source.public or not public]
    counts = [_counts(f"ic_source_{s.value}", [f for f in known if f.source is s], year, as_of) for s in FindingSource]
    total = _counts("ic_all", known, year, as_of)
    binding_late = sum(f.past_deadline(as_of) and f.kind.binding for f in known)
    light = "red" if binding_late else "amber" if overdue or total.past_deadline else "green"
    missing = years_without_review(portfolio.management_reviews, portfolio.programme, as_of) \
        if portfolio.programme is not None and (portfolio.units or portfolio.management_reviews) else []
    return ControlSection(
        recorded=bool(portfolio.units or portfolio.management_reviews or portfolio.findings),
        units=len(portfolio.units),
        services=_services(portfolio.units),
        coverage=_coverage(portfolio, as_of, public),
        routines=len(routines),
        routines_in_time=len(routines) - len(overdue),
        routines_overdue=len(overdue),
        routines_reviewed_in_year=sum(r.last_reviewed is not None and r.last_reviewed <= as_of
                                      and r.last_reviewed.year == year for _, r in routines),
        overdue_routines=[] if public else overdue,
        sector_rules=sorted({rule for u in portfolio.units for rule in u.sector_rules}, key=alphabetical),
        reviews_held=[_review(portfolio, r, as_of, public) for r in reviews],
        review_due=_review(portfolio, due, as_of, public) if due else None,
        review_missing=[y for y in missing if y <= year],
        counts=counts,
        total=total,
        findings=sorted((_finding(portfolio, f, as_of, public) for f in listed),
                        key=lambda row: (row.reported, row.id)),
        findings_not_listed=len(relevant) - len(listed),
        headline=ControlHeadline(light, len(overdue), total.open, total.past_deadline, binding_late),
    )
