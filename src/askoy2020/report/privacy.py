"""Personvern under Digital kommune, in the Kvalitet part: the year's
personal-data breaches – notified in stages and completed (GDPR art.
33(4)), what Datatilsynet's form still lacks (art. 33(3)), whether the
people affected were told (art. 34) and about how many they were – and
the projects that process personal data with their DPIA (art. 35) and
ROS-analyse.

The breaches are those Kvalitet counts (reported in the year, to the
report's day); every fact is the model's (:class:`~..model.quality.Breach`,
:mod:`..model.privacy`), as the rules read it. The public report gives
programme-wide counts only, the people affected only as a sum over at
least k breaches, and no project manager's role.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from ..model import Portfolio, ProjectStatus
from ..model.privacy import Informing, NotInformedGround, has_ros
from ..model.project import Project
from ..model.quality import Breach, CaseKind
from .audience import Audience, too_few_units, withheld, without_people
from .privacy_model import BreachFigures, Count, PrivacySection, ProjectRow


def year_breaches(portfolio: Portfolio, year: int, as_of: dt.date) -> list[Breach]:
    """The breaches of the cases reported in ``year`` by ``as_of``."""
    return [c.breach for c in portfolio.cases
            if c.kind is CaseKind.PERSONAL_DATA_BREACH and c.breach is not None
            and c.reported <= as_of and c.reported.year == year]


def _breach_figures(breaches: list[Breach], as_of: dt.date, threshold: int, public: bool) -> BreachFigures:
    sent = [b.notices_sent(as_of) for b in breaches]
    due = [b for b in breaches if b.form_due(as_of)]
    informing = [b.informing(as_of) for b in breaches]
    grounds = Counter(b.art34.not_informed for b, i in zip(breaches, informing, strict=True)
                      if i is Informing.NOT_INFORMED and b.art34 is not None)
    numbers = [b.people.approx for b in breaches if b.people is not None and b.people.approx is not None]
    shown = not public or len(numbers) >= threshold
    return BreachFigures(
        total=len(breaches),
        notified=sum(n > 0 for n in sent),
        staged=sum(n > 1 for n in sent),
        completed=sum(b.completed_by(as_of) for b in breaches),
        form_due=len(due),
        form_incomplete=sum(bool(b.missing_from_form()) for b in due),
        informed=informing.count(Informing.INFORMED),
        not_informed=informing.count(Informing.NOT_INFORMED),
        not_informed_by_ground=[Count(g.value, grounds[g]) for g in NotInformedGround],
        decision_missing=informing.count(Informing.MISSING),
        people_affected=sum(numbers) if shown else None,
        people_breaches=len(numbers),
    )


def _project_row(project: Project, portfolio: Portfolio, as_of: dt.date, public: bool) -> ProjectRow:
    """A DPIA or a ROS concluded after the report's day was not there on it."""
    data = project.personal_data
    assert data is not None
    dpia = data.dpia_on(as_of)
    ros = data.ros_on(as_of)
    reason = (data.dpia_not_needed or "").strip()
    status = "done" if dpia is not None else "not_needed" if reason else "missing"
    return ProjectRow(
        id=project.id, name=project.name, status=project.status.value,
        special_categories=data.special_categories, dpia=status,
        dpia_done=dpia.done if dpia else None, dpia_reference=dpia.reference if dpia else None,
        dpia_text=dpia.conclusion if dpia else reason or None,
        prior_consultation=bool(dpia and dpia.prior_consultation),
        ros=has_ros(project, portfolio, as_of),
        ros_done=ros.done if ros else None, ros_reference=ros.reference if ros else None,
        manager=None if public else project.manager,
    )


def build_privacy(
    portfolio: Portfolio, year: int, as_of: dt.date, threshold: int, audience: Audience
) -> PrivacySection:
    public = audience is Audience.PUBLIC
    # As Kvalitet: no breach figures at all in a programme of too few units,
    # nor when the breaches come from fewer than k units of their own.
    if withheld(portfolio, audience, threshold) or too_few_units(
            [c.unit for c in portfolio.cases if c.kind is CaseKind.PERSONAL_DATA_BREACH and c.reported.year == year
             and c.reported <= as_of], audience, threshold):
        portfolio = without_people(portfolio)
    projects = sorted((p for p in portfolio.projects
                       if p.personal_data is not None and p.personal_data.processes
                       and p.status is not ProjectStatus.CANCELLED), key=lambda p: p.id)
    rows = [_project_row(p, portfolio, as_of, public) for p in projects]
    return PrivacySection(
        breaches=_breach_figures(year_breaches(portfolio, year, as_of), as_of, threshold, public),
        projects=rows,
        dpia_missing=sum(r.dpia == "missing" for r in rows),
        ros_missing=sum(not r.ros for r in rows),
    )
