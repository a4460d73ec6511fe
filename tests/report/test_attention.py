"""Projects that need attention: red, late or slipping, each with its
status comment, forecast end and what it pushes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import askoy2020
from askoy2020.report.attention import AttentionRow
from askoy2020.report.compose import ReportOptions, compose
from askoy2020.report.period import for_day

from .helpers import copy_sample, swap

AS_OF = dt.date(2020, 10, 31)


def _rows(root: Path) -> dict[str, AttentionRow]:
    report = compose(askoy2020.load(root), for_day(2020, AS_OF), ReportOptions(lang="en"))
    return {row.project: row for row in report.attention}


def test_a_slipping_project_says_by_how_much_since_the_previous_report(tmp_path: Path) -> None:
    rows = _rows(copy_sample(tmp_path))
    sa03 = rows["SA-03"]  # forecast end 30.09.2021 given on 30.09.2020; planned 01.04.2021
    assert sa03.why == ["late", "slipping"]
    assert (sa03.planned_end, sa03.forecast_end) == (dt.date(2021, 4, 1), dt.date(2021, 9, 30))
    assert sa03.slipped_days == (dt.date(2021, 9, 30) - dt.date(2021, 4, 1)).days
    assert sa03.days_late == sa03.slipped_days and [p for p, _ in sa03.pushes] == ["SA-05"]
    assert sa03.comment and sa03.reported == dt.date(2020, 9, 30)


def test_a_project_back_on_plan_is_not_listed(tmp_path: Path) -> None:
    root = copy_sample(tmp_path)
    path = root / "programmes" / "sa" / "projects" / "SA-03.yaml"
    swap(path, "    forecast_end: 2021-09-30\n", "")
    swap(path, "rag: amber\n    comment: Ny matrikkelklient", "rag: green\n    comment: Ny matrikkelklient")
    assert "SA-03" not in _rows(root)


def test_a_red_project_carries_its_comment_and_a_finished_one_is_history(tmp_path: Path) -> None:
    root = copy_sample(tmp_path)
    rows = _rows(root)
    portfolio = askoy2020.load(root)
    red = [p for p in portfolio.projects if p.status.value in ("active", "paused")
           and (r := p.latest_status(AS_OF)) is not None and r[1].rag.value == "red"]
    assert red and all("red" in rows[p.id].why and rows[p.id].comment for p in red)
    assert all(portfolio.project_by_id[pid].status.value in ("planned", "active", "paused") for pid in rows)
