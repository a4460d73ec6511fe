"""One straight line from baseline to target: ``Goal.expected_share`` is
what "on track" compares a measurement with and where the report's goal
chart puts its "expected by now" mark."""

from __future__ import annotations

import datetime as dt

import pytest

from askoy2020.model.base import Goal

GOAL = {"id": "DK-M1", "text": "Flere søknader digitalt", "indicator": "Andel digitale søknader", "unit": "%",
        "baseline": {"year": 2016, "value": 40}, "targets": {2020: 80},
        "measurements": [{"date": "2018-12-31", "value": 60}, {"date": "2019-06-30", "value": 66}]}


@pytest.mark.parametrize(("day", "share"), [
    (dt.date(2016, 12, 31), 0.0),  # the baseline is the value at the end of its year
    (dt.date(2016, 6, 30), 0.0),  # before it: nothing is expected yet
    (dt.date(2017, 12, 31), 0.25),
    (dt.date(2019, 12, 31), 0.75),  # a year-end figure: whole years, as before days counted
    (dt.date(2020, 10, 31), (3 + 305 / 366) / 4),  # day 305 of a leap year
    (dt.date(2020, 12, 31), 1.0),
    (dt.date(2022, 3, 1), 1.0),  # past the target year: all of it
])
def test_the_expected_share_runs_from_the_baseline_year_end_to_the_target_year_end(day: dt.date,
                                                                                   share: float) -> None:
    assert Goal.model_validate(GOAL).expected_share(2020, day) == pytest.approx(share)


def test_on_track_compares_the_latest_measurement_with_the_share_expected_on_its_day() -> None:
    goal = Goal.model_validate(GOAL)
    attainment, on_track, latest = goal.progress(2020, dt.date(2020, 10, 31))
    assert latest is not None and latest.date == dt.date(2019, 6, 30)
    expected = goal.expected_share(2020, latest.date)
    assert attainment == pytest.approx(26 / 40) and expected == pytest.approx((2 + 181 / 365) / 4)
    assert on_track is (attainment >= expected)  # 0.65 against 0.62: on track on its day …
    assert on_track and attainment < goal.expected_share(2020, dt.date(2020, 10, 31))  # … behind the line today


def test_without_a_baseline_or_a_target_nothing_is_expected() -> None:
    assert Goal.model_validate({**GOAL, "baseline": None}).expected_share(2020, dt.date(2020, 1, 1)) is None
    assert Goal.model_validate(GOAL).expected_share(2021, dt.date(2020, 1, 1)) is None
