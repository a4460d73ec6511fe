"""A goal's newest figure older than half a year is marked as old in the
report, with where it comes from (KOSTRA …); a fresh one is not."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import askoy2020
from askoy2020.model.base import STALE_AFTER_DAYS
from askoy2020.report.build import build_report
from askoy2020.report.render import render

DATA = Path(__file__).parent.parent.parent / "data"


def test_old_and_fresh_figures_are_told_apart() -> None:
    portfolio = askoy2020.load(DATA)
    as_of = dt.date(2020, 10, 31)
    report = build_report(portfolio, 2020, as_of)
    rows = {g.id: g for a in report.areas for g in a.goals}
    for goal in (g for a in portfolio.areas for g in a.goals):
        latest = goal.latest_measurement(as_of)
        row = rows[goal.id]
        assert row.stale == (latest is not None and (as_of - latest.date).days > STALE_AFTER_DAYS), goal.id
        assert row.source == (latest.source if latest else None)
    assert any(r.stale for r in rows.values())
    # The sample's yearly figures of 31.12.2019 are fresh at the 1st tertial, old by autumn.
    spring = build_report(portfolio, 2020, dt.date(2020, 4, 30))
    assert any(not g.stale and g.latest is not None for a in spring.areas for g in a.goals)
    text = render(report, "md")
    stale = next(r for r in rows.values() if r.stale)
    line = next(line for line in text.splitlines() if line.startswith(f"| {stale.text}"))
    assert "eldre enn et halvt år" in line and (stale.source or "") in line


def test_a_figure_is_old_only_after_half_a_year() -> None:
    goal = next(g for a in askoy2020.load(DATA).areas for g in a.goals if g.measurements)
    day = max(m.date for m in goal.measurements)
    assert not goal.is_stale(day + dt.timedelta(days=STALE_AFTER_DAYS))
    assert goal.is_stale(day + dt.timedelta(days=STALE_AFTER_DAYS + 1))
