"""Dependency arithmetic on the edges of the calendar (found by fuzzing)."""

from __future__ import annotations

import datetime as dt

from askoy2020.model.project import Dependency, DependencyType, dependency_holds


def test_dependency_dates_at_the_ends_of_the_calendar_do_not_overflow() -> None:
    late = Dependency(project="DK-01", lag_days=3650)
    assert dependency_holds(late, dt.date(2018, 1, 1), dt.date.max, dt.date(2020, 1, 1)) is False
    early = Dependency(project="DK-01", type=DependencyType.START_TO_START, lag_days=-3650)
    assert dependency_holds(early, dt.date.min, None, dt.date.min) is True
