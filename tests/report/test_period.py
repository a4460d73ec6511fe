"""--period makes tertial reports and the year's report; each knows the
report before it, and finds that report's data in git."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

import askoy2020
from askoy2020.cli.app import app
from askoy2020.model.budget import Period
from askoy2020.report.compose import ReportOptions, compose
from askoy2020.report.period import ReportPeriod, for_day, parse_report_period

from .helpers import swap

DATA = Path(__file__).parent.parent.parent / "data"
runner = CliRunner()
GIT_ENV = {"GIT_AUTHOR_NAME": "Analytiker", "GIT_AUTHOR_EMAIL": "analytiker@example.invalid",
           "GIT_COMMITTER_NAME": "Analytiker", "GIT_COMMITTER_EMAIL": "analytiker@example.invalid"}


@pytest.mark.parametrize(("text", "year", "as_of", "period"), [
    ("2020-T1", 2020, dt.date(2020, 4, 30), Period.T1), ("2020-t2", 2020, dt.date(2020, 8, 31), Period.T2),
    ("2020", 2020, dt.date(2020, 12, 31), Period.T3), (" 2021-T3 ", 2021, dt.date(2021, 12, 31), Period.T3),
])
def test_a_period_gives_the_year_and_its_last_day(text: str, year: int, as_of: dt.date, period: Period) -> None:
    assert parse_report_period(text) == ReportPeriod(year, as_of, period)


@pytest.mark.parametrize("text", ["2020-T4", "T2", "20-T1", "1989", "2101-T1", "2020-T2-x", ""])
def test_a_bad_period_says_what_to_write(text: str) -> None:
    with pytest.raises(ValueError, match="2020"):
        parse_report_period(text)


@pytest.mark.parametrize(("day", "before"), [
    (dt.date(2020, 10, 31), dt.date(2020, 8, 31)), (dt.date(2020, 8, 31), dt.date(2020, 4, 30)),
    (dt.date(2020, 4, 30), dt.date(2019, 12, 31)), (dt.date(2020, 1, 1), dt.date(2019, 12, 31)),
    (dt.date(2020, 12, 31), dt.date(2020, 8, 31)), (dt.date(2020, 5, 1), dt.date(2020, 4, 30)),
])
def test_the_previous_report_is_the_last_period_ended_before_the_day(day: dt.date, before: dt.date) -> None:
    previous = for_day(day.year, day).previous()
    assert previous.as_of == before and previous.period is not None and previous.period.end(previous.year) == before


@pytest.mark.parametrize(("args", "message"), [
    (["--period", "2020-T5"], "is not a report period"),
    (["--period", "2020-T2", "--as-of", "2020-10-31"], "leave out --as-of"),
    (["--period", "2020-T2", "--year", "2019"], "does not match --period"),
    ([], "give --year"),
])
def test_period_options_that_do_not_fit_are_usage_errors(args: list[str], message: str) -> None:
    result = runner.invoke(app, ["report", str(DATA), *args])
    assert result.exit_code == 2, result.output
    assert message in result.stderr and "Traceback" not in result.output


def test_a_tertial_report_is_titled_and_dated_by_its_period() -> None:
    result = runner.invoke(app, ["report", str(DATA), "--period", "2020-T2"])
    assert result.exit_code == 0, result.output
    assert "\n# Askøy 2020 – 2. tertialrapport 2020\n" in result.stdout
    # Made after the tertial: what the data records since 31.08.2020 is not yet known to it, and not an error.
    assert "ASK503" not in result.stdout and "ASK412" not in result.stdout
    assert "## 1. Status for Askøy 2020 per 31.08.2020" in result.stdout
    assert "Sammenlignet med 1. tertial 2020 (data per 30.04.2020" in result.stdout


def _git(repo: Path, *args: str, when: str | None = None) -> str:
    env = {**os.environ, **GIT_ENV}
    if when:
        env |= {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True, env=env).stdout


@pytest.fixture
def history(tmp_path: Path) -> Path:
    """The sample as committed in early September 2020 with DK-05 planned to
    end 31.12.2021, then moved to 31.03.2022 in a commit made in October."""
    shutil.copytree(DATA, tmp_path / "data")
    project = tmp_path / "data" / "programmes" / "dk" / "projects" / "DK-05.yaml"
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-q", "-m", "T2", when="2020-08-30T12:00:00+02:00")
    swap(project, "end: 2021-12-31}", "end: 2022-03-31}")
    _git(tmp_path, "commit", "-q", "-am", "Ny sluttdato", when="2020-10-15T12:00:00+02:00")
    return tmp_path


def _report(root: Path, since: str | None = None) -> askoy2020.model.Portfolio:
    portfolio = askoy2020.load(root / "data")
    return compose(portfolio, for_day(2020, dt.date(2020, 10, 31)), ReportOptions(lang="en", since=since))


def test_the_previous_report_is_read_from_the_last_commit_before_its_day(history: Path) -> None:
    report = _report(history)
    assert report.verdict is not None and report.verdict.previous is not None
    first = _git(history, "rev-list", "--max-parents=0", "HEAD").strip()
    assert (report.verdict.previous.source, report.verdict.previous.rev) == ("commit", first[:10])
    assert [(c.project, c.what) for c in report.changes] == [("DK-05", "redated")]
    assert report.changes_heading == "Changes since the 2nd tertial 2020"


def test_a_tag_for_the_previous_report_wins_over_the_dates(history: Path) -> None:
    _git(history, "tag", "rapport-2020-T2", "HEAD")  # the report was made from the October data
    report = _report(history)
    assert report.verdict is not None and report.verdict.previous is not None
    assert (report.verdict.previous.source, report.verdict.previous.rev) == ("tag", "rapport-2020-T2")
    assert report.changes == []


def test_without_history_the_data_is_read_as_known_on_the_previous_day(tmp_path: Path) -> None:
    shutil.copytree(DATA, tmp_path / "data")  # not a git repository
    report = _report(tmp_path)
    assert report.verdict is not None and report.verdict.previous is not None
    assert report.verdict.previous.source == "same"
    # What is dated after 31.08.2020 and up to 31.10.2020 in the data itself.
    portfolio = askoy2020.load(tmp_path / "data")
    measured = sorted((g.id, m.date) for g in portfolio.goal_by_id.values() for m in g.measurements
                      if dt.date(2020, 8, 31) < m.date <= dt.date(2020, 10, 31))
    listed = sorted((c.project, c.detail.split(":")[0]) for c in report.changes if c.what == "new_measurement")
    assert listed == [(gid, day.isoformat()) for gid, day in measured]
    assert all(c.what in {"new_measurement", "light_changed", "started", "finished"} for c in report.changes)


def test_a_named_revision_is_compared_instead(history: Path) -> None:
    report = _report(history, since="HEAD~1")
    assert report.changes_heading == "Changes since HEAD~1"
    assert [(c.project, c.what) for c in report.changes] == [("DK-05", "redated")]
