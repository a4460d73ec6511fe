"""A late project's knock-on in the report: counted once, from the day the
successor could start, and from the forecast end while it still runs."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import askoy2020
from askoy2020.report.build import build_report
from helpers import BASE

AS_OF = dt.date(2020, 10, 31)


LATE_DK01 = ("DK-01", "actual: {start: 2018-01-01, end: 2019-06-30}",
             "actual: {start: 2018-01-01, end: 2019-09-30}")  # three months late


def _delays(tmp_path: Path, *changes: tuple[str, str, str]) -> dict[str, tuple[int, list[tuple[str, int]]]]:
    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    for project, old, new in changes:
        path = root / "programmes" / "dk" / "projects" / f"{project}.yaml"
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new), encoding="utf-8")
    report = build_report(askoy2020.load(root), 2020, AS_OF)
    return {d.project: (d.days, d.pushes) for a in report.areas for d in a.delays}


def test_a_successor_that_started_the_day_after_is_not_pushed(tmp_path: Path) -> None:
    # DK-01 ended three months late; DK-02 started the next day, as it had to.
    delays = _delays(tmp_path, LATE_DK01, ("DK-02", "actual: {start: 2019-07-01}", "actual: {start: 2019-10-01}"))
    assert delays["DK-01"] == (92, [])


def test_a_successor_not_started_is_pushed_by_the_gap_only(tmp_path: Path) -> None:
    # DK-02 is still planned to start 2019-07-01 but may start only after 2019-09-30:
    # pushed by 91 days (2019-07-01 -> 2019-09-30), not by the 92 days of lateness added to the actual end.
    delays = _delays(tmp_path, LATE_DK01, ("DK-02", "status: active", "status: planned"),
                     ("DK-02", "actual: {start: 2019-07-01}\n", ""))
    assert delays["DK-01"] == (92, [("DK-02", 91)])


def test_a_running_project_is_late_by_its_forecast_end(tmp_path: Path) -> None:
    # DK-02 (planned to end 2021-06-30) now expects to end 2021-09-30: 92 days, before it happens.
    delays = _delays(tmp_path, ("DK-02", "{date: 2020-09-30, rag: green}",
                                "{date: 2020-09-30, rag: amber, forecast_end: 2021-09-30}"))
    assert delays["DK-02"][0] == 92
