"""A public report names no unit and lists no case: overdue cases are only
counted, with the longest delay; the internal report lists them with
their unit. Cases per programme area are shown only over at least three
cases from three units, the rest pooled."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import askoy2020
from askoy2020.report.audience import Audience
from askoy2020.report.build import build_report
from askoy2020.report.render import render
from helpers import BASE, build_case

DAY = dt.date(2021, 1, 15)
CASE = """\
id: Q-2020-{n:03d}
kind: deviation
title: Avvik
unit: {unit}
area: {area}
occurred: 2020-03-02
reported: 2020-03-03
status: in_progress
responsible: Enhetsleder
deadline: 2020-12-{day:02d}
"""


def _portfolio(tmp_path: Path, cases: list[tuple[str, str]]) -> askoy2020.Portfolio:
    root = build_case(BASE, tmp_path / "data")
    for n, (unit, area) in enumerate(cases):
        (root / "quality" / f"Q-2020-{100 + n:03d}.yaml").write_text(
            CASE.format(n=100 + n, day=1 + n, unit=unit, area=area), encoding="utf-8")
    portfolio = askoy2020.load(root)
    assert portfolio.load_diagnostics == []
    return portfolio


@pytest.mark.parametrize("cases", [1, 2, 3, 4])
def test_overdue_cases_are_counted_not_listed_in_public(tmp_path: Path, cases: int) -> None:
    # A third unit, so that the programme has enough units for public figures at all.
    portfolio = _portfolio(tmp_path, [("Liten enhet", "DK")] * cases + [("Tredje enhet", "DK")])
    for fmt in ("md", "html"):
        internal = render(build_report(portfolio, 2020, DAY), fmt)
        public = render(build_report(portfolio, 2020, DAY, audience=Audience.PUBLIC), fmt)
        assert "Liten enhet" in internal and "Q-2020-100" in internal
        assert "Liten enhet" not in public and "Q-2020-100" not in public
    quality = build_report(portfolio, 2020, DAY, audience=Audience.PUBLIC).quality
    overdue = [c for c in portfolio.cases if c.overdue_days(DAY) is not None]
    assert quality.overdue == [] and quality.overdue_count == len(overdue) >= cases
    assert quality.overdue_max_days == max(c.overdue_days(DAY) or 0 for c in overdue)
    text = render(build_report(portfolio, 2020, DAY, audience=Audience.PUBLIC), "md")
    assert f"{len(overdue)} åpne saker er over fristen; den eldste {quality.overdue_max_days} dager" in text


def test_an_area_is_counted_alone_only_over_three_cases_from_three_units(tmp_path: Path) -> None:
    # DK: four cases from two units; OL: three cases from three units; SA: one case.
    portfolio = _portfolio(tmp_path, [("IKT", "DK"), ("IKT", "DK"), ("Arkiv", "DK"), ("Arkiv", "DK"),
                                      ("Skole A", "OL"), ("Skole B", "OL"), ("Skole C", "OL"), ("Byggesak", "SA")])
    rows = build_report(portfolio, 2020, DAY, audience=Audience.PUBLIC).quality.by_area
    year = [c for c in portfolio.cases if c.reported.year == 2020]
    alone = {r.areas[0]: r.cases for r in rows if len(r.areas) == 1}
    assert alone == {"OL": sum(c.area == "OL" for c in year)}
    # The rest is one pool, counted because it has enough cases and units: nothing is left to subtract.
    pooled = [r for r in rows if len(r.areas) > 1]
    assert len(pooled) == 1 and set(pooled[0].areas) == {c.area or "" for c in year} - {"OL"}
    assert pooled[0].cases == sum(c.area != "OL" for c in year) and pooled[0].units >= 3


def test_a_programme_of_fewer_than_three_units_has_no_public_figures_about_people(tmp_path: Path) -> None:
    portfolio = _portfolio(tmp_path, [("Liten enhet", "DK")])
    units = {x.unit for x in portfolio.leaders} | {c.unit for c in portfolio.cases}
    assert len(units) == 2
    report = build_report(portfolio, 2020, DAY, audience=Audience.PUBLIC)
    assert report.leadership.withheld and report.quality.withheld
    assert report.quality.reported == 0 and report.leadership.goals_total is None
    text = render(report, "md")
    assert "Programmet har færre enn 3 enheter" in text and "Liten enhet" not in text
    assert not build_report(portfolio, 2020, DAY).quality.withheld  # the internal report shows them
