"""Risiko (ROS) in the Kvalitet 2020 chapter: every figure recomputed from
the YAML files themselves, rendered in Markdown and HTML in both
languages, nothing about people in the public version, and a deviation
without a severity never counted as severity 1 anywhere."""

from __future__ import annotations

import dataclasses
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
from askoy2020.model import Portfolio
from askoy2020.model.quality import QualityCase
from askoy2020.report.audience import Audience
from askoy2020.report.build import build_report
from askoy2020.report.quality import build_quality
from askoy2020.report.render import render
from askoy2020.report.risk import build_risk
from askoy2020.report.risk_model import RiskGrid, RiskSection

from .helpers import Structure, gfm_tables
from .privacy import figures, isolating, problems, records, without

DATA = Path(__file__).parent.parent.parent / "data"
AS_OF = dt.date(2020, 10, 31)
K = 3


def _yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def sample() -> Portfolio:
    return askoy2020.load(DATA)


@pytest.fixture(scope="module")
def section(sample: Portfolio) -> RiskSection:
    return build_risk(sample, 2020, AS_OF, K, Audience.INTERNAL)


def _cells(g: RiskGrid) -> dict[tuple[int, int], tuple[str, int]]:
    return {(c.probability, c.consequence): (c.zone, c.count) for row in g.rows for c in row.cells}


# -- figures, recomputed from the files with a plain YAML reader

def test_the_matrix_is_the_one_written_in_programme_yaml(section: RiskSection) -> None:
    matrix = _yaml(DATA / "programme.yaml")["risk_matrix"]
    assert section.probability_labels == matrix["probability"]
    assert section.consequence_labels == matrix["consequence"]
    assert (section.acceptable_up_to, section.not_acceptable_from) == (matrix["acceptable_up_to"],
                                                                       matrix["not_acceptable_from"])
    # Probability rows from the highest to the lowest, consequence columns from the lowest.
    assert [row.probability for row in section.before.rows] == [5, 4, 3, 2, 1]
    assert [row.label for row in section.before.rows] == matrix["probability"][::-1]
    assert [c.consequence for c in section.before.rows[0].cells] == [1, 2, 3, 4, 5]


def _zone(p: int, c: int, low: int, high: int) -> str:
    return "acceptable" if p * c <= low else "not_acceptable" if p * c >= high else "consider"


def test_risk_grids_recomputed_from_the_risk_files(section: RiskSection) -> None:
    matrix = _yaml(DATA / "programme.yaml")["risk_matrix"]
    low, high = matrix["acceptable_up_to"], matrix["not_acceptable_from"]
    risks = [_yaml(path) for path in sorted((DATA / "risks").rglob("*.yaml"))]
    assert 10 <= len(risks) == section.risks <= 15
    before = Counter((r["probability"], r["consequence"]) for r in risks)
    after = Counter((r.get("residual", r)["probability"], r.get("residual", r)["consequence"]) for r in risks)
    for grid, counts in ((section.before, before), (section.after, after)):
        assert _cells(grid) == {(p, c): (_zone(p, c, low, high), counts[(p, c)])
                                for p in range(1, 6) for c in range(1, 6)}
    red = [r for r in risks if r["probability"] * r["consequence"] >= high]
    assert section.red_count == len(red) == len(section.red) and section.red_without_measures == 0
    assert [x.id for x in section.red] == [r["id"] for r in sorted(
        red, key=lambda r: (-r["probability"] * r["consequence"], r["id"]))]
    remaining = [r.get("residual", r) for r in risks]
    above = [r for r, left in zip(risks, remaining, strict=True)
             if left["probability"] * left["consequence"] > low]
    assert section.awaiting_acceptance == sum("accepted" not in r for r in above) == 0
    assert sum("accepted" in r for r in above) >= 1  # a residual above the line, accepted by a role
    assert section.reviews_overdue == sum(r["next_review"] < AS_OF for r in risks) == 1
    zones = {z.key: (z.before, z.after) for z in section.by_zone}
    assert zones["not_acceptable"] == (len(red), 0)


def test_the_digital_kommune_project_with_personal_data_has_a_ros(sample: Portfolio) -> None:
    about = {r.project for r in sample.risks if r.area == "DK"}
    assert {"DK-05", "DK-02"} <= about
    assert any(r.project == "DK-05" and r.zone(sample.risk_matrix) is not None and r.residual is not None
               for r in sample.risks)


def test_deviation_grid_recomputed_from_the_case_files(section: RiskSection) -> None:
    cases = [_yaml(p) for p in sorted((DATA / "quality").rglob("*.yaml"))]
    deviation = ("deviation", "hms_deviation")  # avvik, in the service or in HMS
    year = [c for c in cases if c["kind"] in deviation and c["reported"].year == 2020 and c["reported"] <= AS_OF]
    counts = Counter((c["probability"], c["severity"]) for c in year if "probability" in c and "severity" in c)
    assert section.deviations is not None
    assert {k: n for k, (_, n) in _cells(section.deviations).items()} == {
        (p, c): counts[(p, c)] for p in range(1, 6) for c in range(1, 6)}
    assert section.deviations_total == len(year) > 20
    assert section.deviations_not_assessed == sum("probability" not in c or "severity" not in c for c in year) == 0


# -- rendered, both formats and both languages

def _risk_part(text: str, fmt: str) -> str:
    if fmt == "md":
        found = re.search(r"^### (Risiko|Risk) \(ROS\)$(.*?)(?=^## )", text, re.S | re.M)
    else:
        found = re.search(r"<h3>(Risiko|Risk) \(ROS\)</h3>(.*?)</section>", text, re.S)
    assert found, "the report has a risk subsection"
    return found.group(0)


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("audience", list(Audience))
def test_the_risk_subsection_renders(sample: Portfolio, fmt: str, lang: str, audience: Audience) -> None:
    report = build_report(sample, 2020, AS_OF, lang=lang, audience=audience)
    part = _risk_part(render(report, fmt), fmt)
    words = {"nb": ("Sannsynlighet", "Konsekvens", "ikke akseptabel (rød)", "Avvik uten vurdering"),
             "en": ("Probability", "Consequence", "not acceptable (red)", "Deviations without an assessment")}
    for word in words[lang]:
        assert word in part
    # Zones are said in symbols and words, not by colour alone.
    assert "■ 0" in part and "▲" in part and "●" in part
    if fmt == "md":
        for table in gfm_tables(part):
            assert len(set(table)) == 1, table  # every row has the header's number of cells
    else:
        structure = Structure()
        structure.feed(part)
        assert sum(tag == "table" for tag, _ in structure.tags) >= 4
        assert any(tag == "td" and "light-red" in (attrs.get("class") or "") for tag, attrs in structure.tags)
    internal = audience is Audience.INTERNAL
    assert ("R-DK-01" in part) is internal and ("Prosjektleder digital kommune" in part) is internal


def test_the_public_version_prints_no_owner_unit_or_risk_title(sample: Portfolio) -> None:
    people = set()
    for r in sample.risks:
        people |= {r.owner, r.title} | ({r.unit} if r.unit else set()) | {m.owner for m in r.measures}
        people |= {r.accepted.by} if r.accepted else set()
    for fmt in ("md", "html"):
        report = build_report(sample, 2020, AS_OF, audience=Audience.PUBLIC)
        assert report.risk is not None and report.risk.red == [] and report.risk.red_count > 0
        part = _risk_part(render(report, fmt), fmt)
        assert [p for p in people if re.search(rf"(?<![\w-]){re.escape(p)}(?![\w-])", part)] == []


def test_no_public_risk_figure_isolates_a_case(sample: Portfolio) -> None:
    public = build_risk(sample, 2020, AS_OF, K, Audience.PUBLIC)
    assert problems(sample, public, K) == []
    before = figures(public)
    found = []
    for unit, record in records(sample):
        smaller = without(sample, record)
        found += isolating(sample, unit, before, figures(build_risk(smaller, 2020, AS_OF, K, Audience.PUBLIC)), K)
    assert found == []


def test_a_programme_of_too_few_units_shows_no_deviations_in_public(sample: Portfolio) -> None:
    few = dataclasses.replace(sample, records={**sample.records, "leader": [], "case-count": [], "unit": [],
                                               "quality-case": [c for c in sample.cases if c.unit == "Renhold"]})
    public = build_risk(few, 2020, AS_OF, K, Audience.PUBLIC)
    assert public.deviations is None and public.deviations_total == public.deviations_not_assessed == 0
    assert public.risks == len(sample.risks)  # risks are about services: still shown
    text = render(build_report(few, 2020, AS_OF, audience=Audience.PUBLIC), "md")
    assert "Avvikene vises ikke i den offentlige versjonen" in text


# -- a missing severity is not severity 1, anywhere in the report model

LEVEL = st.one_of(st.none(), st.integers(1, 5))


@st.composite
def cases(draw: st.DrawFn) -> list[QualityCase]:
    found = []
    for n in range(draw(st.integers(0, 25))):
        reported = dt.date(2020, 1, 1) + dt.timedelta(days=draw(st.integers(0, 330)))
        found.append(QualityCase.model_validate({
            "id": f"Q-2020-{n:03d}", "kind": draw(st.sampled_from(["deviation", "deviation", "complaint"])),
            "title": f"Sak {n}", "unit": f"Enhet {draw(st.integers(0, 4))}", "occurred": reported,
            "reported": reported, "status": "registered", "responsible": "Leder",
            "severity": draw(LEVEL), "probability": draw(LEVEL)}))
    return found


def _levels(portfolio: Portfolio) -> tuple[dict[str, int | None], dict[tuple[int, int], tuple[str, int]]]:
    quality = build_quality(portfolio, 2020, AS_OF, K, Audience.INTERNAL)
    risk = build_risk(portfolio, 2020, AS_OF, K, Audience.INTERNAL)
    assert risk.deviations is not None
    return {c.key: c.count for c in quality.by_severity}, _cells(risk.deviations)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_a_case_without_severity_is_never_counted_as_severity_one(found: list[QualityCase]) -> None:
    portfolio = Portfolio(root=Path("."), records={"quality-case": found})
    assessed = Portfolio(root=Path("."), records={"quality-case": [c for c in found if c.severity is not None]})
    severities, grid = _levels(portfolio)
    severities_assessed, grid_assessed = _levels(assessed)
    year = [c for c in found if c.reported <= AS_OF]
    # Leaving out every case without a severity changes no level's figure, only "not assessed".
    assert {k: v for k, v in severities.items() if k != "not_assessed"} == \
        {k: v for k, v in severities_assessed.items() if k != "not_assessed"}
    assert grid == grid_assessed
    assert severities["1"] == sum(c.severity == 1 for c in year)
    assert severities["not_assessed"] == sum(c.severity is None for c in year)
    risk = build_risk(portfolio, 2020, AS_OF, K, Audience.INTERNAL)
    deviations = [c for c in year if c.kind.is_deviation]
    assert risk.deviations_not_assessed == sum(c.severity is None or c.probability is None for c in deviations)
    assert risk.deviations is not None and risk.deviations.placed + risk.deviations_not_assessed == len(deviations)
    consequence_one = sum(n for (_, c), (_, n) in grid.items() if c == 1)
    assert consequence_one == sum(c.severity == 1 and c.probability is not None for c in deviations)


def test_the_rendered_severity_table_says_not_assessed(sample: Portfolio) -> None:
    case = sample.cases[0].model_copy(update={"id": "Q-2020-900", "severity": None, "probability": None,
                                              "reported": dt.date(2020, 6, 1), "occurred": dt.date(2020, 6, 1),
                                              "kind": sample.cases[0].kind.DEVIATION})
    more = dataclasses.replace(sample, records={**sample.records, "quality-case": [*sample.cases, case]})
    quality = {c.key: c.count for c in build_report(more, 2020, AS_OF).quality.by_severity}
    assert quality["not_assessed"] == 1
    before = {c.key: c.count for c in build_report(sample, 2020, AS_OF).quality.by_severity}
    assert quality["1"] == before["1"]
    text = render(build_report(more, 2020, AS_OF), "md")
    assert "| ikke vurdert | 1 |" in text
    assert "Avvik uten vurdering av alvorlighet/sannsynlighet: 1 (de regnes ikke som nivå 1)." in text
    english = render(build_report(more, 2020, AS_OF, lang="en"), "html")
    assert "<td>not assessed</td><td class=\"num\">1</td>" in english


# -- hostile text stays text

HOSTILE = "Brudd | <script>alert(1)</script> **fet** [lenke](http://x) \\| slutt"


def test_hostile_risk_text_stays_text_in_both_formats(sample: Portfolio) -> None:
    first = sample.risks[0]
    hostile = first.model_copy(update={
        "id": "R-XX-01", "title": HOSTILE, "unit": HOSTILE, "owner": "Leder <b>x</b> | y",
        "probability": 5, "consequence": 5, "residual": None,
        "measures": [first.measures[0].model_copy(update={"text": HOSTILE, "owner": "Eier | <i>z</i>"})]})
    more = dataclasses.replace(sample, records={**sample.records, "risk": [*sample.risks, hostile]})
    report = build_report(more, 2020, AS_OF)
    assert report.risk is not None and report.risk.red[0].id == "R-XX-01"
    md_part = _risk_part(render(report, "md"), "md")
    for table in gfm_tables(md_part):
        assert len(set(table)) == 1, table
    assert "<script>" not in md_part and "\\<script\\>" in md_part
    html_part = _risk_part(render(report, "html"), "html")
    assert "<script>" not in html_part and "&lt;script&gt;" in html_part and "<b>x</b>" not in html_part
    assert "■ 25" in md_part and "ikke akseptert" in md_part  # red, no residual, not accepted


def test_red_risks_say_how_many_of_their_measures_are_done() -> None:
    """The residual holds once the measures are in place: the section says
    how far the red risks are from that, counted here from the YAML alone."""
    red = done = total = with_open = 0
    for path in sorted((DATA / "risks").glob("*.yaml")):
        risk = yaml.safe_load(path.read_text(encoding="utf-8"))
        if risk["probability"] * risk["consequence"] < 10:  # the sample's red line (programme.yaml)
            continue
        red += 1
        measures = risk.get("measures", [])
        finished = [m for m in measures if m.get("done") is not None and m["done"] <= AS_OF]
        total, done = total + len(measures), done + len(finished)
        with_open += len(finished) < len(measures)
    section = build_risk(askoy2020.load(DATA), 2020, AS_OF, 3, Audience.PUBLIC)
    assert (section.red_count, section.red_measures_open, section.red_measures_done, section.red_measures) == (
        red, with_open, done, total)
    assert 0 < with_open < red
