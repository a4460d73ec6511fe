"""A public report names no unit with fewer cases than the respondent
threshold: its overdue cases show only how late they are."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import askoy2020
from askoy2020.report.build import build_report
from askoy2020.report.render import render
from helpers import BASE, build_case

DAY = dt.date(2021, 1, 15)
CASE = """\
id: Q-2020-{n:03d}
kind: deviation
title: Avvik
unit: Liten enhet
occurred: 2020-03-02
reported: 2020-03-03
status: in_progress
responsible: Enhetsleder
deadline: 2020-12-{day:02d}
"""


@pytest.mark.parametrize(("cases", "hidden"), [(1, True), (2, True), (3, False), (4, False)])
def test_overdue_cases_of_a_small_unit_are_not_named_in_public(tmp_path: Path, cases: int, hidden: bool) -> None:
    root = build_case(BASE, tmp_path / "data")
    for n in range(cases):
        (root / "quality" / f"Q-2020-{100 + n:03d}.yaml").write_text(CASE.format(n=100 + n, day=1 + n))
    portfolio = askoy2020.load(root)
    assert portfolio.load_diagnostics == []
    for fmt in ("md", "html"):
        internal = render(build_report(portfolio, 2020, DAY), fmt)
        public = render(build_report(portfolio, 2020, DAY, public=True), fmt)
        assert "Liten enhet" in internal and "Q-2020-100" in internal
        assert ("Liten enhet" in public, "Q-2020-100" in public) == (not hidden, not hidden)
        # How late they are is still shown.
        assert public.count("dager over frist") == internal.count("dager over frist")
