"""Case counts, case kinds and the facts that rules and report share:
a deviation, what a kind closes on, an effect measured, a service design
project's users."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from askoy2020.model.case_counts import CaseCount, CountedKind
from askoy2020.model.project import Approach, Project
from askoy2020.model.quality import Action, CaseKind, Effect, Pdca, QualityCase

COUNT = {"source": "Compilo", "unit": "Kleppestø sykehjem", "kind": "deviation", "month": "2020-03", "count": 4}


def test_a_count_without_severity_is_not_assessed_never_1() -> None:
    count = CaseCount.model_validate(COUNT)
    assert count.severity is None
    assert (count.year, count.month_number, count.first_day) == (2020, 3, dt.date(2020, 3, 1))


@pytest.mark.parametrize("change", [{"count": 0}, {"count": -1}, {"count": True}, {"severity": 0},
                                    {"severity": 6}, {"month": "2020-13"}, {"month": "2020-3"},
                                    {"month": "03.2020"}, {"kind": "service_design"}, {"unit": ""},
                                    {"comment": "x"}])
def test_a_count_is_refused(change: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        CaseCount.model_validate(COUNT | change)


def test_counted_kinds_are_case_kinds() -> None:
    assert all(k.case_kind.value == k.value for k in CountedKind)
    assert CaseKind.SERVICE_DESIGN.value not in {k.value for k in CountedKind}


def test_deviations_and_what_a_kind_closes_on() -> None:
    assert {k for k in CaseKind if k.is_deviation} == {CaseKind.DEVIATION, CaseKind.HMS_DEVIATION}
    assert {k for k in CaseKind if k.needs_root_cause} == {
        CaseKind.DEVIATION, CaseKind.HMS_DEVIATION, CaseKind.SECURITY_INCIDENT, CaseKind.PERSONAL_DATA_BREACH}


def test_an_effect_says_something() -> None:
    with pytest.raises(ValidationError):
        Effect.model_validate({})
    with pytest.raises(ValidationError):
        Effect.model_validate({"indicator": "Fall per måned", "before": 4})  # no after
    with pytest.raises(ValidationError):
        Effect.model_validate({"note": "   "})
    assert Effect.model_validate({"indicator": "Fall per måned", "before": 4, "after": 0}).after == 0
    assert Effect.model_validate({"note": "Ingen nye fall"}).note


def _case(actions: list[dict[str, object]]) -> QualityCase:
    return QualityCase.model_validate({
        "id": "Q-2020-001", "kind": "deviation", "title": "Fall", "unit": "Kleppestø sykehjem",
        "occurred": "2020-03-01", "reported": "2020-03-01", "status": "in_progress", "responsible": "Enhetsleder",
        "actions": actions})


def test_effect_measured_is_a_done_check_with_an_effect_by_the_day() -> None:
    effect = {"note": "Ingen nye fall på tre måneder"}
    assert not _case([{"text": "x", "owner": "Enhetsleder", "done": "2020-04-01", "pdca": "check"}]).effect_measured(
        dt.date(2020, 10, 31))
    assert not _case([{"text": "x", "owner": "Enhetsleder", "done": "2020-04-01", "pdca": "act", "effect": effect}]
                     ).effect_measured(dt.date(2020, 10, 31))
    assert not _case([{"text": "x", "owner": "Enhetsleder", "pdca": "check", "effect": effect}]).effect_measured(
        dt.date(2020, 10, 31))
    measured = _case([{"text": "x", "owner": "Enhetsleder", "done": "2020-04-01", "pdca": "check", "effect": effect}])
    assert measured.effect_measured(dt.date(2020, 4, 1)) and not measured.effect_measured(dt.date(2020, 3, 31))
    assert Action.model_validate({"text": "x", "owner": "Enhetsleder"}).pdca is Pdca.DO


def test_a_project_approach_and_its_users() -> None:
    base = {"id": "DK-01", "name": "Digital postkasse", "area": "DK", "manager": "Prosjektleder",
            "status": "active", "planned": {"start": "2020-01-01", "end": "2020-12-31"}}
    assert Project.model_validate(base).approach is Approach.STANDARD
    project = Project.model_validate(base | {"approach": "service_design", "user_involvement": [
        {"method": "intervju", "users": 12, "year": 2020}, {"method": "workshop", "users": 5}]})
    assert project.users_involved == 17
    with pytest.raises(ValidationError):
        Project.model_validate(base | {"approach": "method"})
