"""Personvern facts on the model: the 72 hours of the first notice are
elapsed time across both clock changes, notices in stages and their
completion are read as of a day, the form's gaps are named exactly, the
art. 34 decision and a project's DPIA and ROS are each one test."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pydantic import ValidationError

from askoy2020.model.privacy import Informing, PersonalData, has_ros, processing_start
from askoy2020.model.project import Project
from askoy2020.model.quality import FORM_FIELDS, Breach, Notice

FULL: dict[str, Any] = {
    "became_aware": "2020-02-03T09:00", "notified": "2020-02-04T10:00",
    "types": ["confidentiality"], "cause": "E-post til feil mottaker",
    "period": {"start": "2020-02-03T08:40", "end": "2020-02-03T08:40"},
    "people": {"categories": ["elever"], "approx": 1}, "records": {"categories": ["karakterer"], "approx": 12},
    "consequences": "Liten", "measures_taken": "Slettet", "measures_planned": "Opplæring", "contact": "Personvernombud",
}


def _breach(**values: Any) -> Breach:
    return Breach.model_validate({k: v for k, v in (FULL | values).items() if v is not None})


@pytest.mark.parametrize(("aware", "notified", "in_time"), [
    # October 2020: clocks go back at 03:00 on 25 Oct. 71.5 wall-clock hours are 72.5 elapsed.
    ("2020-10-23T12:00", "2020-10-26T11:30", False),
    ("2020-10-23T12:00", "2020-10-26T11:00", True),  # exactly 72 elapsed hours: in time
    # March 2020: clocks go forward at 02:00 on 29 Mar. 72.5 wall-clock hours are 71.5 elapsed.
    ("2020-03-27T12:00", "2020-03-30T12:30", True),
    ("2020-03-27T12:00", "2020-03-30T13:01", False),
])
def test_the_first_notice_is_in_time_on_elapsed_hours_across_clock_changes(
    aware: str, notified: str, in_time: bool
) -> None:
    breach = _breach(became_aware=aware, notified=notified)
    assert breach.notified_in_time() is in_time
    assert breach.notice(dt.date(2020, 12, 31)) is (Notice.IN_TIME if in_time else Notice.LATE_WITHOUT_REASON)


@pytest.mark.parametrize(("aware", "as_of", "due"), [
    # 72 elapsed hours after 23:30 on 28 March 2020 end at 01:30 on 1 April (the night of the 29th lost an hour).
    ("2020-03-28T23:30", dt.date(2020, 3, 31), False),
    ("2020-03-28T23:30", dt.date(2020, 4, 1), True),
    # After 23:00 on 25 October 2020 (clocks went back that night), 23:59 on the 28th is past 72 hours.
    ("2020-10-25T23:00", dt.date(2020, 10, 28), True),
    ("2020-10-25T23:00", dt.date(2020, 10, 27), False),
])
def test_the_form_is_due_when_72_elapsed_hours_have_run_out(aware: str, as_of: dt.date, due: bool) -> None:
    breach = _breach(became_aware=aware, notified=None)
    assert breach.form_due(as_of) is due
    assert breach.notice(as_of) is (Notice.NOT_NOTIFIED_WITHOUT_REASON if due else Notice.PENDING)


def test_the_form_is_due_from_the_first_notice_even_within_72_hours() -> None:
    breach = _breach(became_aware="2020-02-03T09:00", notified="2020-02-04T10:00")
    assert not breach.form_due(dt.date(2020, 2, 3))
    assert breach.form_due(dt.date(2020, 2, 4))


def test_notices_in_stages_are_counted_as_of_a_day() -> None:
    breach = _breach(further_notices=[{"sent": "2020-02-10T08:00", "added": "Antall berørte"},
                                      {"sent": "2020-02-14T08:00", "added": "Konsekvenser"}],
                     completed="2020-02-14T08:00")
    assert [breach.notices_sent(day) for day in (dt.date(2020, 2, 3), dt.date(2020, 2, 4), dt.date(2020, 2, 10),
                                                 dt.date(2020, 2, 14))] == [0, 1, 2, 3]
    assert not breach.completed_by(dt.date(2020, 2, 13)) and breach.completed_by(dt.date(2020, 2, 14))


def test_a_notice_written_in_utc_counts_on_its_oslo_day() -> None:
    # 23:30Z on 3 February is 00:30 on 4 February in Oslo.
    breach = _breach(notified="2020-02-03T23:30Z")
    assert breach.notices_sent(dt.date(2020, 2, 3)) == 0 and breach.notices_sent(dt.date(2020, 2, 4)) == 1


def test_the_form_names_exactly_what_is_missing() -> None:
    assert _breach().missing_from_form() == []
    bare = Breach.model_validate({"became_aware": "2020-02-03T09:00"})
    assert bare.missing_from_form() == [f for f in FORM_FIELDS if f != "period.end"]
    assert _breach(period={"start": "2020-02-03T08:40"}).missing_from_form() == ["period.end"]
    assert _breach(period={"start": "2020-02-03T08:40", "ongoing": True}).missing_from_form() == []
    assert _breach(cause="  ", people={"categories": ["elever"]}).missing_from_form() == ["cause", "people.approx"]
    assert _breach(records={"approx": 0}).missing_from_form() == ["records.categories"]  # 0 is a number


@pytest.mark.parametrize(("art34", "as_of", "expected"), [
    (None, None, Informing.MISSING),
    ({}, None, Informing.MISSING),
    ({"informed": "2020-02-05T12:00", "how": "Brev"}, None, Informing.INFORMED),
    ({"informed": "2020-02-05T12:00"}, dt.date(2020, 2, 5), Informing.INFORMED),
    ({"informed": "2020-02-05T12:00"}, dt.date(2020, 2, 4), Informing.MISSING),  # not told yet on that day
    ({"not_informed": "low_risk", "reason": "Slettet hos mottaker"}, None, Informing.NOT_INFORMED),
    ({"not_informed": "unintelligible", "reason": " "}, None, Informing.MISSING),  # a ground needs a reason
    ({"informed": "2020-02-05T12:00", "not_informed": "low_risk", "reason": "x"}, None, Informing.MISSING),
])
def test_the_art34_decision(art34: dict[str, Any] | None, as_of: dt.date | None, expected: Informing) -> None:
    assert _breach(art34=art34).informing(as_of) is expected


@pytest.mark.parametrize("approx", [-1, True, 1.5])
def test_an_approximate_number_is_a_whole_number_of_at_least_0(approx: object) -> None:
    with pytest.raises(ValidationError):
        _breach(people={"categories": ["elever"], "approx": approx})


PROJECT: dict[str, Any] = {"id": "DK-09", "name": "Portal", "area": "DK", "manager": "Prosjektleder",
                           "status": "active", "planned": {"start": "2020-01-01", "end": "2020-12-31"},
                           "actual": {"start": "2020-02-01"}}


def test_processing_starts_at_go_live_or_the_projects_start() -> None:
    plain = Project.model_validate(PROJECT | {"personal_data": {"processes": True}})
    assert processing_start(plain) == dt.date(2020, 2, 1)
    live = Project.model_validate(PROJECT | {"personal_data": {"processes": True, "processing_start": "2020-06-01"}})
    assert processing_start(live) == dt.date(2020, 6, 1)


def test_a_dpia_decision_and_a_ros() -> None:
    assert not PersonalData(processes=True).dpia_decided()
    assert not PersonalData(processes=True, dpia_not_needed="  ").dpia_decided()
    assert PersonalData(processes=True, dpia_not_needed="Lav risiko").dpia_decided()
    done = PersonalData.model_validate({"processes": True, "dpia": {"done": "2020-01-10", "reference": "2020/1",
                                                                    "conclusion": "Akseptabel"}})
    assert done.dpia_decided()
    without = Project.model_validate(PROJECT | {"personal_data": {"processes": True}})
    with_ros = Project.model_validate(PROJECT | {"personal_data": {
        "processes": True, "ros": {"done": "2020-01-10", "reference": "2020/2"}}})
    assert not has_ros(without) and has_ros(with_ros)
    assert not has_ros(Project.model_validate(PROJECT))


@pytest.mark.parametrize("moment", ["0001-01-01", "9999-12-31T23:59", "2101-01-01T00:00"])
def test_a_time_outside_1990_to_2100_is_a_typo_not_an_overflow(moment: str) -> None:
    # Found by tests/test_fuzz.py: 0001-01-01 in Oslo time is before year 1 in UTC.
    with pytest.raises(ValidationError, match="outside 1990–2100"):
        Breach.model_validate({"became_aware": moment})
    with pytest.raises(ValidationError, match="outside 1990–2100"):
        _breach(further_notices=[{"sent": moment, "added": "x"}])
