"""``report --part``: one part of Askøy 2020 as a report of its own, with
its own sections, title and warnings, and nothing of the other parts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

import askoy2020
from askoy2020.cli.app import app
from askoy2020.model.kinds import KINDS, kind_of
from askoy2020.report.audience import Audience
from askoy2020.report.compose import ReportOptions, compose
from askoy2020.report.model import SECTIONS
from askoy2020.report.parts import ReportPart
from askoy2020.report.period import for_day
from askoy2020.report.render import render

DATA = Path(__file__).parent.parent.parent / "data"
AS_OF = dt.date(2020, 10, 31)


@pytest.fixture(scope="module")
def checked() -> tuple[askoy2020.Portfolio, list[askoy2020.Diagnostic]]:
    portfolio = askoy2020.load(DATA)
    return portfolio, askoy2020.check(portfolio, as_of=AS_OF)


@pytest.mark.parametrize("part", [p for p in ReportPart if p is not ReportPart.ALL])
def test_a_part_prints_its_own_sections_and_warnings(
    part: ReportPart, checked: tuple[askoy2020.Portfolio, list[askoy2020.Diagnostic]]
) -> None:
    portfolio, diagnostics = checked
    report = compose(portfolio, for_day(2020, AS_OF), ReportOptions(part=part), diagnostics)
    assert report.sections and set(report.sections) <= set(part.sections or ())
    assert report.number(report.sections[0]) == 1
    for row in report.warnings:  # named by its path in the data folder
        kind = kind_of(row.file)
        assert part.owns_warning(kind.key if kind else None)
    owned = [d for d in diagnostics if part.owns_warning(k.key if (k := portfolio.kind_of_file(d.file)) else None)]
    assert len(report.warnings) == len(owned)


def test_every_kind_belongs_to_exactly_one_part() -> None:
    for kind in KINDS:
        owners = [p for p in ReportPart if p is not ReportPart.ALL and p.owns_warning(kind.key)]
        assert len(owners) == 1, kind.key


def test_every_part_names_known_sections() -> None:
    for part in ReportPart:
        assert set(part.sections or SECTIONS) <= set(SECTIONS)


@pytest.mark.parametrize(("lang", "title"), [("nb", "Kvalitet 2020 – årsrapport 2020"),
                                             ("en", "Kvalitet 2020 – annual report 2020")])
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_quality_report_is_the_quality_part_alone(
    lang: str, title: str, fmt: str, checked: tuple[askoy2020.Portfolio, list[askoy2020.Diagnostic]]
) -> None:
    portfolio, diagnostics = checked
    options = ReportOptions(lang=lang, part=ReportPart.KVALITET, audience=Audience.PUBLIC)
    text = render(compose(portfolio, for_day(2020, dt.date(2020, 12, 31)), options, diagnostics), fmt)
    assert title in text
    whole = render(compose(portfolio, for_day(2020, dt.date(2020, 12, 31)),
                           ReportOptions(lang=lang, audience=Audience.PUBLIC), diagnostics), fmt)
    assert len(text) < len(whole) / 2
    # Nothing of Omstilling's money or of Prestasjonsledelse.
    for other in ("Økonomi 2020", "Finances 2020", "Prestasjonsledelse 2020</h2>", "## 2. Prestasjonsledelse"):
        assert other not in text


def test_the_command_takes_the_part_and_refuses_an_unknown_one() -> None:
    runner = CliRunner()
    done = runner.invoke(app, ["report", str(DATA), "--period", "2020", "--part", "kvalitet"])
    assert done.exit_code == 0, done.output
    assert "# Kvalitet 2020 – årsrapport 2020" in done.output
    wrong = runner.invoke(app, ["report", str(DATA), "--period", "2020", "--part", "økonomi"])
    assert wrong.exit_code == 2
    assert "Traceback" not in wrong.output


def test_warnings_name_files_by_their_path_in_the_data_folder(
    checked: tuple[askoy2020.Portfolio, list[askoy2020.Diagnostic]]
) -> None:
    """Not by a path from wherever the report was made ('../../home/…'),
    which a public report would print to the council."""
    portfolio, diagnostics = checked
    report = compose(portfolio, for_day(2020, AS_OF), ReportOptions(), diagnostics)
    assert report.warnings
    assert [row.file for row in report.warnings if row.file.startswith(("/", "..")) or "\\" in row.file] == []
    assert "risks/R-DK-04.yaml" in {row.file for row in report.warnings}
