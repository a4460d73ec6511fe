"""Internkontroll facts defined once on the model: when a routine is due
for review (calendar months, kept inside the month: month ends and leap
days), when a finding is past its deadline, which years lack a ledelsens
gjennomgang."""

from __future__ import annotations

import datetime as dt

import pytest

from askoy2020.model.control import (
    AuditFinding,
    FindingKind,
    FindingSource,
    ManagementReview,
    Routine,
    add_months,
    years_without_review,
)
from askoy2020.model.programme import Programme

D = dt.date


@pytest.mark.parametrize(("day", "months", "expected"), [
    (D(2019, 1, 31), 1, D(2019, 2, 28)),
    (D(2020, 1, 31), 1, D(2020, 2, 29)),  # leap year
    (D(2016, 2, 29), 12, D(2017, 2, 28)),  # a leap day a year on
    (D(2016, 2, 29), 48, D(2020, 2, 29)),  # … and four years on
    (D(2019, 8, 31), 2, D(2019, 10, 31)),
    (D(2019, 8, 31), 1, D(2019, 9, 30)),
    (D(2019, 12, 15), 1, D(2020, 1, 15)),  # over the new year
    (D(2019, 11, 30), 3, D(2020, 2, 29)),
    (D(2019, 10, 31), 12, D(2020, 10, 31)),
])
def test_add_months_keeps_the_day_inside_the_month(day: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(day, months) == expected


def _routine(**fields: object) -> Routine:
    return Routine.model_validate({"id": "E-01-R01", "title": "Rutine", "owner": "Rektor", **fields})


def test_a_routine_due_today_is_in_time_and_overdue_the_day_after() -> None:
    routine = _routine(approved=D(2017, 3, 1), last_reviewed=D(2019, 10, 31))
    assert routine.review_due(D(2020, 10, 31)) == D(2020, 10, 31)
    assert not routine.review_overdue(D(2020, 10, 31))
    assert routine.days_overdue(D(2020, 10, 31)) is None
    assert routine.review_overdue(D(2020, 11, 1))
    assert routine.days_overdue(D(2020, 11, 1)) == 1


def test_a_leap_day_review_is_due_on_28_february() -> None:
    routine = _routine(approved=D(2015, 1, 1), last_reviewed=D(2016, 2, 29))
    assert routine.review_due(D(2017, 3, 1)) == D(2017, 2, 28)
    assert not routine.review_overdue(D(2017, 2, 28))
    assert routine.days_overdue(D(2017, 3, 1)) == 1


def test_a_month_end_review_every_month_is_due_at_the_next_month_end() -> None:
    routine = _routine(approved=D(2016, 1, 31), last_reviewed=D(2020, 1, 31), review_every_months=1)
    assert routine.review_due(D(2020, 2, 29)) == D(2020, 2, 29)
    assert not routine.review_overdue(D(2020, 2, 29))
    assert routine.review_overdue(D(2020, 3, 1))


def test_a_routine_never_reviewed_counts_from_its_approval() -> None:
    routine = _routine(approved=D(2019, 6, 15), review_every_months=24)
    assert routine.review_due(D(2020, 10, 31)) == D(2021, 6, 15)
    assert not routine.review_overdue(D(2021, 6, 15))
    assert routine.review_overdue(D(2021, 6, 16))


def test_a_review_after_the_day_asked_about_is_not_known_then() -> None:
    routine = _routine(approved=D(2018, 1, 10), last_reviewed=D(2020, 6, 1))
    assert routine.reviewed_on(D(2020, 1, 1)) == D(2018, 1, 10)
    assert routine.review_overdue(D(2020, 1, 1))  # due 10.01.2019 as seen then
    assert not routine.review_overdue(D(2020, 6, 1))


def test_a_routine_not_yet_approved_is_not_overdue() -> None:
    routine = _routine(approved=D(2020, 6, 1))
    assert not routine.review_overdue(D(2019, 1, 1))


def _finding(**fields: object) -> AuditFinding:
    return AuditFinding.model_validate({
        "id": "F-2020-01", "source": "supervision", "authority": "Fylkesmannen i Vestland",
        "reported": D(2020, 3, 2), "title": "Funn", "kind": "breach_of_law", **fields})


def test_a_finding_is_past_its_deadline_the_day_after_while_open() -> None:
    finding = _finding(deadline=D(2020, 6, 1))
    assert not finding.past_deadline(D(2020, 6, 1))
    assert finding.past_deadline(D(2020, 6, 2))
    assert finding.days_past_deadline(D(2020, 10, 31)) == 152


def test_a_finding_closed_is_not_past_its_deadline_from_the_day_it_closed() -> None:
    finding = _finding(deadline=D(2020, 6, 1), closed=D(2020, 7, 1))
    assert finding.past_deadline(D(2020, 6, 30))  # still open then
    assert not finding.past_deadline(D(2020, 7, 1))
    assert finding.closed_by(D(2020, 7, 1)) and not finding.closed_by(D(2020, 6, 30))


def test_a_finding_without_deadline_is_never_past_it() -> None:
    assert not _finding().past_deadline(D(2030, 1, 1))


def test_actions_done_count_only_those_done_by_the_day() -> None:
    finding = _finding(actions=[{"text": "A", "owner": "Rektor", "done": D(2020, 4, 1)},
                                {"text": "B", "owner": "Rektor", "done": D(2020, 9, 1)},
                                {"text": "C", "owner": "Rektor"}])
    assert finding.actions_done(D(2020, 6, 1)) == 1
    assert finding.actions_done(D(2020, 10, 31)) == 2


def test_binding_kinds_and_public_sources() -> None:
    assert {k for k in FindingKind if k.binding} == {FindingKind.BREACH_OF_LAW, FindingKind.ORDER}
    assert {s for s in FindingSource if s.public} == {FindingSource.SUPERVISION, FindingSource.PERFORMANCE_AUDIT}


def _programme(first: int) -> Programme:
    return Programme.model_validate({
        "id": "P", "name": "Askøy 2020",
        "rounds": [{"year": first, "decision": "KST 1/17", "adopted": D(first - 1, 12, 14),
                    "frames": {"drift": {first: 1000}, "staff": {first: 1}}}],
        "criteria": [{"id": "c", "name": "C", "weight": 1, "scale": {"min": 0, "max": 5}}],
    })


def _review(year: int, held: dt.date | None, units: list[str] | None = None) -> ManagementReview:
    return ManagementReview.model_validate({"year": year, "held": held, "led_by": "Rådmann", "units": units or []})


def test_years_without_review_are_the_finished_years_of_the_programme() -> None:
    reviews = [_review(2018, D(2019, 1, 29)), _review(2019, D(2020, 2, 4)), _review(2019, D(2019, 11, 1), ["E-01"])]
    assert years_without_review(reviews, _programme(2018), D(2020, 10, 31)) == []
    # On 1 February 2020 the review for 2019 had not been held yet; the unit-only one does not count.
    assert years_without_review(reviews, _programme(2018), D(2020, 2, 1)) == [2019]
    # A programme that starts in 2020 asks for nothing before it.
    assert years_without_review([], _programme(2020), D(2020, 10, 31)) == []
    assert years_without_review([], _programme(2020), D(2021, 1, 1)) == [2020]


def test_earlier_reviews_let_an_earlier_day_see_the_review_known_then() -> None:
    routine = _routine(approved=D(2015, 3, 1), earlier_reviews=[D(2018, 9, 1), D(2019, 9, 12)],
                       last_reviewed=D(2020, 9, 20))
    assert routine.reviewed_on(D(2020, 8, 31)) == D(2019, 9, 12)
    assert not routine.review_overdue(D(2020, 8, 31))  # due 12.09.2020 as seen then
    assert routine.review_overdue(D(2020, 9, 13))  # … and overdue until the review of 20.09.2020
    assert not routine.review_overdue(D(2020, 9, 20))
    assert routine.reviewed_on(D(2018, 1, 1)) == D(2015, 3, 1)  # before every recorded review: the approval
