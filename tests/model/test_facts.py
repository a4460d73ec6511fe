"""Each domain fact has one definition on the models, and the report, the
rules, the export and prioritise agree on it – on the sample data and on
cases built to separate the definitions each of them used to have."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import askoy2020
from askoy2020.export import sheets
from askoy2020.export.sheet import Sheet
from askoy2020.model import Portfolio
from askoy2020.model.quality import Notice
from askoy2020.prioritise.problem import Why, build_problem
from askoy2020.report.build import build_report
from helpers import AS_OF, BASE, build_case

ROOT = Path(__file__).parents[2]
SAMPLE_AS_OF = dt.date(2020, 10, 31)


def _portfolio(tmp_path: Path, files: dict[str, str]) -> Portfolio:
    root = build_case(BASE, tmp_path / "data")
    for relative, text in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")
    portfolio = askoy2020.load(root)
    assert portfolio.load_diagnostics == []
    return portfolio


def _findings(portfolio: Portfolio, rule: str, as_of: dt.date) -> list[str]:
    return [d.message for d in askoy2020.check(portfolio, as_of) if d.rule == rule]


PROJECT = """\
id: DK-03
name: Prosjekt DK-03
area: DK
manager: Prosjektleder
status: active
planned: {start: 2020-01-01, end: 2020-12-31}
actual: {start: 2020-01-01}
cost: {2020: 100}
"""


def test_latest_status_is_the_same_for_the_red_list_and_ask604(tmp_path: Path) -> None:
    # Two reports on one day (the later written is newer) and one after the
    # report's day: the report used to take the first of the two and the
    # rule the one from the future, so they disagreed.
    portfolio = _portfolio(tmp_path, {"programmes/dk/projects/DK-03.yaml": PROJECT + (
        "status_reports:\n"
        "  - {date: 2020-01-10, rag: green}\n"
        "  - {date: 2020-01-10, rag: red}\n"
        "  - {date: 2020-12-01, rag: green}\n")})
    project = portfolio.project_by_id["DK-03"]
    assert project.rag(AS_OF) is not None and project.rag(AS_OF).value == "red"  # type: ignore[union-attr]
    assert project.rag(dt.date(2020, 12, 31)).value == "green"  # type: ignore[union-attr]
    report = build_report(portfolio, 2020, AS_OF)
    assert "DK-03" in report.summary.red_projects
    assert _findings(portfolio, "ASK604", AS_OF) == ["DK-03's latest status report is red and 295 days old (limit 60)"]
    # On 2020-12-31 the December report is the latest for both.
    assert "DK-03" not in build_report(portfolio, 2020, dt.date(2020, 12, 31)).summary.red_projects
    assert _findings(portfolio, "ASK604", dt.date(2020, 12, 31)) == []


def test_overdue_cases_agree_between_report_and_ask803(tmp_path: Path) -> None:
    portfolio = _portfolio(tmp_path, {})
    for day in (dt.date(2020, 11, 30), dt.date(2020, 12, 1), dt.date(2020, 12, 2), dt.date(2021, 3, 1)):
        rows = build_report(portfolio, 2020, day).quality.overdue
        messages = _findings(portfolio, "ASK803", day)
        assert [f"{r.id} is overdue by {r.days} days (deadline 2020-12-01)" for r in rows] == messages
    assert build_report(portfolio, 2020, dt.date(2020, 12, 1)).quality.overdue == []


BREACH = """\
id: Q-2020-001
kind: personal_data_breach
title: E-post sendt til feil mottaker
unit: Kleppestø skole
occurred: {day}
reported: {day}
status: in_progress
responsible: Rektor
deadline: 2020-12-01
breach:
  became_aware: {aware}
  notified: {notified}
"""


@pytest.mark.parametrize(("aware", "notified", "hours", "in_time"), [
    # October: clocks go back at 03:00 on 25 Oct, so 71.5 hours on the wall clock are 72.5 real hours.
    ("2020-10-23T12:00", "2020-10-26T11:30", 72.5, False),
    # March: clocks go forward at 02:00 on 29 Mar, so 72.5 hours on the wall clock are 71.5 real hours.
    ("2020-03-27T12:00", "2020-03-30T12:30", 71.5, True),
    # No clock change: wall clock and elapsed time agree.
    ("2020-06-01T12:00", "2020-06-04T12:00", 72.0, True),
    ("2020-06-01T12:00", "2020-06-04T12:06", 72.1, False),
    # A zone written out is honoured: 10:00Z is 12:00 in Oslo in June.
    ("2020-06-01T10:00Z", "2020-06-04T12:30", 72.5, False),
])
def test_the_72_hours_are_elapsed_time_across_clock_changes(
    tmp_path: Path, aware: str, notified: str, hours: float, in_time: bool
) -> None:
    portfolio = _portfolio(tmp_path, {"quality/Q-2020-001.yaml": BREACH.format(
        day=aware[:10], aware=aware, notified=notified)})
    breach = portfolio.cases[-1].breach
    assert breach is not None
    assert breach.notice_delay() == dt.timedelta(hours=hours)
    assert breach.notified_in_time() is in_time
    late = _findings(portfolio, "ASK804", dt.date(2020, 12, 31))
    expected = [] if in_time else [f"Q-2020-001 was notified {hours:.1f} hours after the municipality became "
                                   "aware (limit 72)"]
    assert late == expected
    quality = build_report(portfolio, 2020, dt.date(2020, 12, 31)).quality
    counts = {c.key: c.count for c in quality.breaches.by_notice}
    # No late_reason here: a late notice is the breach of art. 33 that ASK804 reports, in the report too.
    assert (counts["in_time"], counts["late_without_reason"]) == ((1, 0) if in_time else (0, 1))
    assert quality.breaches.unlawful == len(late)


@pytest.mark.parametrize(("aware", "as_of", "overdue"), [
    # 23:59 on 28 Oct is 72 h 59 min after 23:00 on 25 Oct by the wall clock but
    # 73 h 59 min in fact; on 28 Oct at 23:59 it is overdue either way.
    ("2020-10-25T23:00", dt.date(2020, 10, 28), True),
    # 2020-03-29T00:30 + 72 h is 2020-04-01T01:30 in fact (the night lost an hour).
    ("2020-03-28T23:30", dt.date(2020, 3, 31), False),
    ("2020-03-28T23:30", dt.date(2020, 4, 1), True),
])
def test_an_unnotified_breach_is_overdue_after_72_elapsed_hours(
    tmp_path: Path, aware: str, as_of: dt.date, overdue: bool
) -> None:
    text = BREACH.format(day=aware[:10], aware=aware, notified="x").replace("  notified: x\n", "")
    portfolio = _portfolio(tmp_path, {"quality/Q-2020-001.yaml": text})
    breach = portfolio.cases[-1].breach
    assert breach is not None
    assert (breach.notice(as_of) is Notice.NOT_NOTIFIED_WITHOUT_REASON) is overdue
    assert breach.notice(as_of) is (Notice.NOT_NOTIFIED_WITHOUT_REASON if overdue else Notice.PENDING)
    assert bool(_findings(portfolio, "ASK805", as_of)) is overdue


LEADER = """\
id: L-001
role: Rektor
unit: Kleppestø skole
area: DK
cohort: 2018
goals:
  - id: L-001-M1
    text: Redusere sykefraværet
    indicator: Sykefravær i prosent
    direction: lower
    baseline: {year: 2017, value: 9}
    targets: {2020: 7}
    measurements:
      - {date: 2018-12-31, value: 8.5}
      - {date: 2019-12-31, value: 7.5}
      - {date: 2019-12-31, value: 7.8}
"""


def test_latest_measurement_honours_the_day_in_report_and_export(tmp_path: Path) -> None:
    portfolio = _portfolio(tmp_path, {"leaders/L-001.yaml": LEADER})
    goal = portfolio.leader_goal_by_id["L-001-M1"]
    assert goal.latest_measurement(dt.date(2019, 6, 30)).value == 8.5  # type: ignore[union-attr]
    # Two on one day: the one written last (export used to take the first).
    assert goal.latest_measurement().value == 7.8  # type: ignore[union-attr]
    goals_sheet = _goals_sheet(sheets(portfolio, as_of=dt.date(2019, 6, 30)))
    row = next(r for r in goals_sheet.rows if r[0] == "L-001-M1")
    assert row[-2:] == [dt.date(2018, 12, 31), 8.5]
    row = next(r for r in _goals_sheet(sheets(portfolio)).rows if r[0] == "L-001-M1")
    assert row[-2:] == [dt.date(2019, 12, 31), 7.8]
    # The report's leader goals are as on --as-of, not on 31.12 of the year:
    # on 2019-06-30 only the 2018 figure is known (0.5 of the way, 2 of 3 years gone).
    leader_row = build_report(portfolio, 2020, dt.date(2019, 6, 30)).leadership.leader_goals[0]
    assert (leader_row.attainment, leader_row.on_track) == (0.25, False)
    leader_row = build_report(portfolio, 2020, dt.date(2020, 1, 15)).leadership.leader_goals[0]
    assert (round(leader_row.attainment, 6), leader_row.on_track) == (0.6, False)  # type: ignore[arg-type]


def test_must_be_planned_is_the_same_for_the_frame_rules_and_prioritise() -> None:
    portfolio = askoy2020.load(ROOT / "data")
    problem = build_problem(portfolio, as_of=SAMPLE_AS_OF)
    committed = {Why.COMMITTED, Why.LOCKED, Why.MANDATORY}
    for candidate in problem.candidates:
        assert (candidate.forced in committed) is candidate.project.must_be_planned, candidate.id
    assert all(not gone.project.must_be_planned for gone in problem.not_placeable if gone.kind == "cancelled")
    # Completed projects count in the frames of the years they ran, and are planned no more.
    assert {x.id for x in problem.done} == {x.id for x in portfolio.projects if not x.is_plannable and x.is_live}
    # The sample has all three reasons and optional candidates, so the check is not empty.
    assert {c.forced for c in problem.candidates} >= committed | {Why.CHOSEN}


def test_report_rules_and_export_agree_on_the_sample() -> None:
    portfolio = askoy2020.load(ROOT / "data")
    report = build_report(portfolio, 2020, SAMPLE_AS_OF)
    limit = portfolio.programme.red_status_max_age_days  # type: ignore[union-attr]
    stale = {m.split("'", 1)[0] for m in _findings(portfolio, "ASK604", SAMPLE_AS_OF)}
    red_and_old = {pid for pid in report.summary.red_projects
                   if (SAMPLE_AS_OF - portfolio.project_by_id[pid].latest_status(SAMPLE_AS_OF)[1].date).days > limit}  # type: ignore[index]
    assert stale == red_and_old
    overdue = {m.split(" ", 1)[0] for m in _findings(portfolio, "ASK803", SAMPLE_AS_OF)}
    assert overdue == {r.id for r in report.quality.overdue} and overdue
    rows = {r[0]: r for r in _goals_sheet(sheets(portfolio, as_of=SAMPLE_AS_OF)).rows}
    for area in report.areas:
        for goal in area.goals:
            assert (rows[goal.id][-2], rows[goal.id][-1]) == (goal.latest_date, goal.latest), goal.id


def _goals_sheet(made: list[Sheet]) -> Sheet:
    return next(s for s in made if s.name == "maal")
