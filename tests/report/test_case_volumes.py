"""Kvalitet's volumes from the quality system, recomputed here from the
count files with a plain YAML reader; service design under projects; the
share of closed cases whose effect was measured; and what the public
report leaves out."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import askoy2020
from askoy2020.model.case_counts import CaseCount
from askoy2020.model.leader import Leader
from askoy2020.report.audience import Audience
from askoy2020.report.build import build_report
from askoy2020.report.model import Report
from askoy2020.report.quality import build_quality
from askoy2020.report.render import render

from .privacy import figures, isolating, problems, without

DATA = Path(__file__).parent.parent.parent / "data"
AS_OF = dt.date(2020, 10, 31)
K = 3


def _rows() -> list[dict[str, Any]]:
    return [row for p in sorted((DATA / "quality-counts").rglob("*.yaml"))
            for row in yaml.safe_load(p.read_text(encoding="utf-8"))]


@pytest.fixture(scope="module")
def report() -> Report:
    return build_report(askoy2020.load(DATA), 2020, AS_OF)


@pytest.fixture(scope="module")
def public() -> Report:
    return build_report(askoy2020.load(DATA), 2020, AS_OF, audience=Audience.PUBLIC)


def test_volumes_per_kind_and_year_are_the_sums_of_the_count_files(report: Report) -> None:
    volumes = report.quality.volumes
    assert volumes is not None and volumes.sources == ["Compilo"]
    sums: Counter[tuple[str, int]] = Counter()
    for row in _rows():
        sums[row["kind"], int(str(row["month"])[:4])] += row["count"]
    for row in volumes.by_kind:
        for year, count in row.by_year.items():
            assert count == sums[row.kind, year], (row.kind, year)
    year = [r for r in _rows() if str(r["month"]).startswith("2020-")]
    assert volumes.total == sum(r["count"] for r in year)
    assert volumes.deviations == sum(r["count"] for r in year if r["kind"] == "deviation")
    assert volumes.hms == sum(r["count"] for r in year if r["kind"] == "hms_deviation")
    assert sum(m.total for m in volumes.by_month) == volumes.total and len(volumes.by_month) == 10
    assert sum(s.deviations for s in volumes.by_severity) == volumes.deviations
    not_assessed = next(s for s in volumes.by_severity if s.key == "none")
    assert not_assessed.deviations == sum(r["count"] for r in year if r["kind"] == "deviation"
                                          and r.get("severity") is None) > 0
    assert sum(u.total for u in volumes.by_unit) == volumes.total and len(volumes.by_unit) == 30


def test_counts_and_case_records_are_never_added(report: Report) -> None:
    """The case tables still count the case records only."""
    cases = [p for p in (DATA / "quality").rglob("*.yaml")]
    reported = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in cases]
    assert report.quality.reported == sum(c["reported"].year == 2020 for c in reported)
    text = render(report, "md")
    assert "Compilo" in text and "legges aldri sammen" in text


def test_service_design_is_shown_under_projects(report: Report) -> None:
    projects = [yaml.safe_load(p.read_text(encoding="utf-8"))
                for p in sorted((DATA / "programmes").glob("*/projects/*.yaml"))]
    design = [p for p in projects if p.get("approach") == "service_design" and p["status"] != "cancelled"]
    section = report.quality.service_design
    assert [p.id for p in section.projects] == sorted(p["id"] for p in design)
    assert section.users == sum(u["users"] for p in design for u in p.get("user_involvement", []))
    assert "service_design" not in {c.key for c in report.quality.by_kind}


def test_share_of_closed_cases_whose_effect_was_measured(report: Report) -> None:
    cases = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in (DATA / "quality").rglob("*.yaml")]
    closed = [c for c in cases if c["kind"] != "complaint" and c.get("closed") and c["closed"].year == 2020
              and c["closed"] <= AS_OF]
    measured = [c for c in closed if any(a.get("pdca") == "check" and a.get("done") and a["done"] <= AS_OF
                                         and a.get("effect") for a in c.get("actions", []))]
    completed = [c for c in closed if {a.get("pdca", "do") for a in c.get("actions", [])
                                       if a.get("done") and a["done"] <= AS_OF} == {"plan", "do", "check", "act"}]
    effect = report.quality.effect
    assert (effect.closed, effect.effect_measured, effect.pdca_completed) == (len(closed), len(measured),
                                                                              len(completed))
    assert 0 < effect.pdca_completed < effect.closed
    assert 0 < effect.effect_measured < effect.closed
    for fmt in ("md", "html"):
        assert f"{effect.effect_measured} (" in render(report, fmt)


def test_english_and_bokmal_say_it(report: Report) -> None:
    import dataclasses

    english = render(dataclasses.replace(report, meta=dataclasses.replace(report.meta, lang="en")), "md")
    assert "Volumes from the quality system" in english and "not assessed" in english
    bokmal = render(report, "html")
    assert "Volum fra kvalitetssystemet" in bokmal and "ikke vurdert" in bokmal and "HMS-avvik" in bokmal


def test_the_public_report_names_no_unit_and_no_small_area_count(public: Report, report: Report) -> None:
    volumes = public.quality.volumes
    assert volumes is not None and volumes.by_unit == []
    for row in volumes.by_area:
        assert row.units is None or (row.units >= K and (row.total or 0) >= K)
    units = {u.unit for u in report.quality.volumes.by_unit}  # type: ignore[union-attr]
    for fmt in ("md", "html"):
        text = render(public, fmt)
        section = text[text.index("Volum fra kvalitetssystemet"):text.index("Tjenestedesign i prosjektene")]
        named = [u for u in units if re.search(rf"(?<!\w){re.escape(u)}(?!\w)", section)]
        assert named == []
    # The areas shown and the pool add up to the whole: nothing is left to subtract.
    assert sum(r.total or 0 for r in volumes.by_area) == volumes.total


def _small(tmp_path: Path, rows: list[str]) -> askoy2020.Portfolio:
    import shutil

    from helpers import BASE

    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    (root / "quality-counts").mkdir()
    (root / "quality-counts" / "compilo-2020.yaml").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return askoy2020.load(root)


def test_public_small_programme_and_small_figures(tmp_path: Path) -> None:
    row = "- {{source: Compilo, unit: {unit}, area: DK, kind: {kind}, month: 2020-0{m}, count: {n}}}"
    few = _small(tmp_path / "few", [row.format(unit="Kleppestø skole", kind="deviation", m=3, n=9)])
    withheld = build_report(few, 2020, AS_OF, audience=Audience.PUBLIC).quality.volumes  # one unit: withheld
    assert withheld is not None and withheld.withheld
    assert (withheld.by_month, withheld.by_severity, withheld.by_area, withheld.total) == ([], [], [], 0)
    assert all(v is None for k in withheld.by_kind for v in k.by_year.values())
    assert build_report(few, 2020, AS_OF).quality.volumes is not None
    three = _small(tmp_path / "three", [
        row.format(unit="Kleppestø skole", kind="deviation", m=3, n=5),
        row.format(unit="Florvåg skole", kind="deviation", m=3, n=4),
        row.format(unit="Ask skole", kind="hms_deviation", m=4, n=1)])
    volumes = build_report(three, 2020, AS_OF, audience=Audience.PUBLIC).quality.volumes
    assert volumes is not None
    [area] = volumes.by_area
    assert (area.areas, area.deviations, area.hms, area.total, area.units) == (("DK",), 9, 1, 10, 3)
    text = render(build_report(three, 2020, AS_OF, audience=Audience.PUBLIC), "md")
    assert "Ask skole" not in text
    two = _small(tmp_path / "two", [  # three units, but two of them in 2020
        row.format(unit="Kleppestø skole", kind="deviation", m=3, n=5),
        row.format(unit="Florvåg skole", kind="deviation", m=3, n=4),
        row.format(unit="Ask skole", kind="deviation", m=3, n=1).replace("2020-03", "2019-03")])
    # Two units in the report year: no figure of the year at all, not only the area hidden.
    hidden = build_report(two, 2020, AS_OF, audience=Audience.PUBLIC).quality.volumes
    assert hidden is not None and hidden.withheld and hidden.by_area == [] and hidden.total == 0


# -- generated small portfolios: the volumes alone, one count record at a time

@st.composite
def count_portfolios(draw: st.DrawFn) -> askoy2020.Portfolio:
    units = draw(st.integers(1, 9))
    unit_area = {f"Enhet {n}": draw(st.sampled_from(["OL", "HM", "DK"])) for n in range(units)}
    leaders = [Leader.model_validate({"id": f"L-{n:03d}", "role": f"Leder, {unit}", "unit": unit, "area": area,
                                      "cohort": 2018})
               for n, (unit, area) in enumerate(unit_area.items())]
    counts, seen = [], set()
    for _ in range(draw(st.integers(0, 14))):
        unit = draw(st.sampled_from(sorted(unit_area)))
        key = (unit, draw(st.sampled_from(["deviation", "hms_deviation", "complaint"])),
               draw(st.sampled_from([None, 1, 2, 4])), f"2020-0{draw(st.integers(1, 9))}")
        if key in seen:
            continue
        seen.add(key)
        counts.append(CaseCount.model_validate({
            "source": "Compilo", "unit": unit, "area": unit_area[unit], "kind": key[1], "severity": key[2],
            "month": key[3], "count": draw(st.sampled_from([1, 1, 2, 3, 5, 12]))}))
    return askoy2020.Portfolio(root=Path("."), records={"leader": leaders, "case-count": counts})


def _public_volumes(portfolio: askoy2020.Portfolio) -> object:
    return build_quality(portfolio, 2020, AS_OF, K, Audience.PUBLIC)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(count_portfolios())
def test_no_public_volume_isolates_a_units_count(portfolio: askoy2020.Portfolio) -> None:
    section = _public_volumes(portfolio)
    assert problems(portfolio, section, K) == []
    before = figures(section)
    for record in portfolio.case_counts:
        smaller = without(portfolio, record)
        assert problems(smaller, _public_volumes(smaller), K) == []
        assert isolating(portfolio, record.unit, before, figures(_public_volumes(smaller)), K) == []


@pytest.mark.parametrize(("day", "header"), [(dt.date(2020, 10, 31), "2020 (januar–oktober)"),
                                             (dt.date(2020, 12, 31), "2020 (januar–oktober)"),
                                             (dt.date(2021, 3, 1), "2020 (januar–oktober)")])
def test_a_year_counted_to_october_is_never_labelled_the_whole_year(day: dt.date, header: str) -> None:
    """The sample's counts end in October 2020: the year's report, made in
    December or later, must not set ten months beside whole years."""
    last = max(str(row["month"]) for path in DATA.glob("quality-counts/*.yaml")
               for row in yaml.safe_load(path.read_text(encoding="utf-8")))
    assert last == "2020-10"
    text = render(build_report(askoy2020.load(DATA), 2020, day), "md")
    volumes = text[text.index("Volum fra kvalitetssystemet"):]
    assert f"| {header} |" in volumes.splitlines()[next(i for i, line in enumerate(volumes.splitlines())
                                                          if line.startswith("| Type |"))]
