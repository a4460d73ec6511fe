"""Typed figures of Personvern under Digital kommune, in the Kvalitet part
(part of the report model, :mod:`.model`): the year's personal-data
breaches by their notices and art. 34 decision, and the projects that
process personal data with their DPIA and ROS-analyse.

The breach figures are programme-wide counts; a project is not a person,
so its id and name are shown in both audiences, its manager's role only in
the internal one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Count:
    key: str  # a word key (privacy_ground_*)
    count: int


@dataclass(frozen=True)
class BreachFigures:
    """The breaches reported in the year (to the report's day), as
    Kvalitet counts them by notice (report/quality.py)."""

    total: int
    notified: int  # the first notice sent by the report's day
    staged: int  # of them, notified in more than one stage (art. 33(4))
    completed: int  # of them, the notice completed
    form_due: int  # notified, or the 72 hours gone: the form must be filled in
    form_incomplete: int  # of them, with a part of Datatilsynet's form missing (ASK836)
    informed: int  # art. 34: the people affected told
    not_informed: int  # art. 34: not told, with a ground and a reason
    not_informed_by_ground: list[Count]  # in the model's order of grounds
    decision_missing: int  # art. 34: no decision (yet)
    people_affected: int | None  # the sum of the approximate numbers; None: too few breaches to show (public)
    people_breaches: int  # the breaches that give a number


@dataclass(frozen=True)
class ProjectRow:
    """A project that processes personal data."""

    id: str
    name: str
    status: str  # a project status word key
    special_categories: bool
    dpia: str  # done, not_needed or missing (word keys privacy_dpia_*)
    dpia_done: dt.date | None
    dpia_reference: str | None
    dpia_text: str | None  # the conclusion, or the reason none is needed
    prior_consultation: bool
    ros: bool
    ros_done: dt.date | None
    ros_reference: str | None
    manager: str | None  # internal report only


@dataclass(frozen=True)
class PrivacySection:
    breaches: BreachFigures
    projects: list[ProjectRow]  # by id
    dpia_missing: int
    ros_missing: int
