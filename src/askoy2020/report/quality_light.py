"""Kvalitet 2020's light on page 1, from every subsection of the chapter.

The cases alone (report/quality.py) were the whole of Kvalitet once; now
the chapter also holds internkontroll, the ROS register and personvern, and
a lovbrudd from a tilsyn left past its deadline weighs as much as a breach
notified late. One rule, made here once, sets the light the chapter's
headline carries, so page 1 and the chapter cannot disagree
(docs/report.md):

- red: something the law requires is not done – a personal data breach
  notified late or not at all without a reason (GDPR art. 33(1)); a
  lovbrudd or pålegg from a tilsyn past its deadline (kommuneloven
  § 25-1); a risk in the red zone without any measure;
- amber: follow-up is behind – cases, findings or routine reviews past
  their deadline, risk reviews overdue, a breach form incomplete or the
  art. 34 decision missing, a project that processes personal data
  without its DPIA or ROS;
- green otherwise.
"""

from __future__ import annotations

import dataclasses

from .control_model import ControlSection
from .people_model import QualityHeadline
from .privacy_model import PrivacySection
from .risk_model import RiskSection


def kvalitet_headline(cases: QualityHeadline, control: ControlSection | None, risk: RiskSection | None,
                      privacy: PrivacySection | None) -> QualityHeadline:
    """The cases' headline with the other subsections' counts and the light over all of them."""
    findings_late = control.headline.findings_past_deadline if control else 0
    binding_late = control.headline.binding_past_deadline if control else 0
    routines_late = control.headline.routines_overdue if control else 0
    red_bare = risk.red_without_measures if risk else 0
    reviews_late = risk.reviews_overdue if risk else 0
    privacy_gaps = (privacy.dpia_missing + privacy.ros_missing + privacy.breaches.form_incomplete
                    + privacy.breaches.decision_missing) if privacy else 0
    if cases.breaches_unlawful or binding_late or red_bare:
        light = "red"
    elif cases.overdue_cases or findings_late or routines_late or reviews_late or privacy_gaps:
        light = "amber"
    else:
        light = "green"
    return dataclasses.replace(cases, light=light, findings_past_deadline=findings_late,
                               binding_past_deadline=binding_late, routines_overdue=routines_late,
                               red_risks_without_measures=red_bare, risk_reviews_overdue=reviews_late,
                               privacy_gaps=privacy_gaps)
