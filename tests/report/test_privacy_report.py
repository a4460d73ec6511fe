"""Personvern in the Kvalitet part: each figure recomputed from the YAML
(read with a plain YAML reader, not the models); the public report prints
no manager's role, no unit and no case, and a sum of people only over
enough breaches; Markdown and HTML in bokmål and English carry the same
facts, and hostile text stays text."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import yaml

import askoy2020
from askoy2020.model import Portfolio, QualityCase
from askoy2020.report.audience import Audience
from askoy2020.report.build import build_report
from askoy2020.report.privacy import build_privacy
from askoy2020.report.render import render

from .helpers import copy_sample, gfm_tables, structure, swap, unsafe_parts
from .privacy import figures, isolating, problems, records, without

DATA = Path(__file__).parent.parent.parent / "data"
AS_OF = dt.date(2020, 10, 31)
K = 3
OSLO = ZoneInfo("Europe/Oslo")


def _yaml(folder: str) -> list[dict[str, Any]]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((DATA / folder).rglob("*.yaml"))]


def _day(value: Any) -> dt.date:
    """The Oslo day of a YAML time (a datetime without a zone is Oslo time)."""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if isinstance(value, dt.datetime):
        return value.date() if value.tzinfo is None else value.astimezone(OSLO).date()
    return value  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def sample() -> Portfolio:
    return askoy2020.load(DATA)


@pytest.fixture(scope="module")
def breaches() -> list[dict[str, Any]]:
    return [c["breach"] for c in _yaml("quality") if c["kind"] == "personal_data_breach"
            and c["reported"] <= AS_OF and c["reported"].year == 2020]


def test_breach_figures_are_recomputed_from_the_yaml(sample: Portfolio, breaches: list[dict[str, Any]]) -> None:
    counts = build_privacy(sample, 2020, AS_OF, K, Audience.INTERNAL).breaches
    notified = [b for b in breaches if "notified" in b and _day(b["notified"]) <= AS_OF]
    assert counts.total == len(breaches) == 6
    assert counts.notified == len(notified) == 5
    staged = [b for b in notified if any(_day(n["sent"]) <= AS_OF for n in b.get("further_notices", []))]
    assert counts.staged == len(staged) == 1
    assert counts.completed == sum("completed" in b and _day(b["completed"]) <= AS_OF for b in breaches) == 5
    art34 = [b.get("art34") or {} for b in breaches]
    assert counts.informed == sum("informed" in a and _day(a["informed"]) <= AS_OF for a in art34) == 3
    assert counts.not_informed == sum("not_informed" in a and bool(a.get("reason")) for a in art34) == 3
    assert {c.key: c.count for c in counts.not_informed_by_ground}["low_risk"] == 3
    assert counts.decision_missing == 0 and counts.form_incomplete == 0
    assert counts.people_affected == sum(b["people"]["approx"] for b in breaches)
    assert counts.people_breaches == 6


def test_the_breach_not_notified_for_a_reason_is_counted_as_such(sample: Portfolio) -> None:
    quality = build_report(sample, 2020, AS_OF).quality
    by_notice = {c.key: c.count for c in quality.breaches.by_notice}
    assert by_notice["not_notified_with_reason"] == 1 and quality.breaches.unlawful == 0
    assert quality.headline.breaches_unlawful == 0


def test_project_rows_are_recomputed_from_the_yaml(sample: Portfolio) -> None:
    section = build_privacy(sample, 2020, AS_OF, K, Audience.INTERNAL)
    projects = {p["id"]: p for p in _yaml("programmes") if "personal_data" in p}
    expected = sorted(pid for pid, p in projects.items()
                      if p["personal_data"]["processes"] and p["status"] != "cancelled")
    assert [r.id for r in section.projects] == expected == ["DK-00", "DK-01", "DK-02", "DK-05"]
    for row in section.projects:
        data = projects[row.id]["personal_data"]
        assert row.dpia == ("done" if "dpia" in data else "not_needed" if data.get("dpia_not_needed") else "missing")
        assert row.dpia_done == (data["dpia"]["done"] if "dpia" in data else None)
        assert row.ros == ("ros" in data)
        assert row.manager == projects[row.id]["manager"]
        assert row.special_categories == data.get("special_categories", False)
    assert section.dpia_missing == section.ros_missing == 0


def test_a_project_without_dpia_or_ros_is_shown_missing(tmp_path: Path) -> None:
    root = copy_sample(tmp_path)
    swap(root / "programmes/dk/projects/DK-05.yaml", "  ros: {done: 2020-09-28, reference: arkivsak 2020/1102}\n", "")
    path = root / "programmes/dk/projects/DK-01.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  dpia_not_needed:")
    end = text.index("  ros:", start)
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    # The ROS register names DK-05 too, and counts as its ROS until it goes.
    section = build_privacy(askoy2020.load(root), 2020, AS_OF, K, Audience.PUBLIC)
    assert {r.id: r for r in section.projects}["DK-05"].ros
    for risk in root.glob("risks/*.yaml"):
        if "project: DK-05" in risk.read_text(encoding="utf-8"):
            risk.unlink()
    section = build_privacy(askoy2020.load(root), 2020, AS_OF, K, Audience.PUBLIC)
    rows = {r.id: r for r in section.projects}
    assert rows["DK-01"].dpia == "missing" and rows["DK-01"].dpia_text is None
    assert not rows["DK-05"].ros
    assert (section.dpia_missing, section.ros_missing) == (1, 1)


def test_the_public_section_names_no_manager_unit_or_case(sample: Portfolio) -> None:
    section = build_privacy(sample, 2020, AS_OF, K, Audience.PUBLIC)
    assert all(r.manager is None for r in section.projects)
    assert problems(sample, section, K) == []
    internal = build_privacy(sample, 2020, AS_OF, K, Audience.INTERNAL)
    assert {r.manager for r in internal.projects} == {"Prosjektleder digital kommune"}


def test_removing_any_one_case_changes_only_programme_wide_figures(sample: Portfolio) -> None:
    before = figures(build_privacy(sample, 2020, AS_OF, K, Audience.PUBLIC))
    found = []
    for unit, record in records(sample):
        smaller = without(sample, record)
        after = figures(build_privacy(smaller, 2020, AS_OF, K, Audience.PUBLIC))
        found += isolating(sample, unit, before, after, K)  # type: ignore[arg-type]
    assert found == []


def _breach_case(n: int, unit: str, approx: int) -> dict[str, Any]:
    aware = dt.datetime(2020, 3, 2 + n, 9, 0)
    return {"id": f"Q-2020-{n:03d}", "kind": "personal_data_breach", "title": "Brudd", "unit": unit,
            "occurred": aware.date(), "reported": aware.date(), "status": "in_progress", "responsible": "Leder",
            "breach": {"became_aware": aware, "notified": aware + dt.timedelta(hours=5),
                       "people": {"categories": ["elever"], "approx": approx}}}


def _portfolio(cases: list[dict[str, Any]]) -> Portfolio:
    return Portfolio(root=Path("."), records={"quality-case": [QualityCase.model_validate(c) for c in cases]})


def test_the_people_affected_are_summed_only_over_enough_breaches() -> None:
    units = ["Enhet A", "Enhet B", "Enhet C"]
    two = _portfolio([_breach_case(n, units[n], 4 + n) for n in range(2)])
    assert build_privacy(two, 2020, AS_OF, K, Audience.PUBLIC).breaches.people_affected is None
    assert build_privacy(two, 2020, AS_OF, K, Audience.INTERNAL).breaches.people_affected == 9
    three = _portfolio([_breach_case(n, units[n], 4 + n) for n in range(3)])
    assert build_privacy(three, 2020, AS_OF, K, Audience.PUBLIC).breaches.people_affected == 15


def test_a_programme_of_too_few_units_shows_no_breach_figures_in_public() -> None:
    few = _portfolio([_breach_case(n, "Enhet A", 4) for n in range(4)])
    shown = build_privacy(few, 2020, AS_OF, K, Audience.PUBLIC).breaches
    assert (shown.total, shown.notified, shown.people_affected) == (0, 0, None)


@pytest.fixture(scope="module")
def rendered(sample: Portfolio) -> dict[tuple[str, str, str], str]:
    out = {}
    for lang in ("nb", "en"):
        for audience in Audience:
            report = build_report(sample, 2020, AS_OF, lang=lang, audience=audience)
            for fmt in ("md", "html"):
                out[(lang, audience.value, fmt)] = render(report, fmt)
    return out


WORDS = {
    "nb": ["Personvern i prosjekter", "Meldt i flere trinn (ettersendt, art. 33 nr. 4): 1",
           "Ble de berørte varslet? (art. 34)", "høy risiko ikke sannsynlig (art. 34 nr. 1)",
           "Om lag 78 personer er berørt", "gjort 26.11.2018, arkivsak 2018/1450", "ikke nødvendig",
           "0 av 4 mangler DPIA eller begrunnelse"],
    "en": ["Privacy in projects", "Notified in stages (further notices, art. 33(4)): 1",
           "Were the people affected told? (art. 34)", "high risk not likely (art. 34(1))",
           "About 78 people affected in all", "done 2018-11-26, arkivsak 2018/1450", "not needed",
           "0 of 4 lack a DPIA or a reason"],
}


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("audience", ["internal", "public"])
def test_both_formats_and_languages_carry_the_section(
    rendered: dict[tuple[str, str, str], str], lang: str, fmt: str, audience: str
) -> None:
    text = rendered[(lang, audience, fmt)]
    for words in WORDS[lang]:
        assert words in text, words
    manager = "Prosjektleder digital kommune"
    assert (manager in text) is (audience == "internal")
    if fmt == "md":
        for table in gfm_tables(text):
            assert len(set(table)) == 1, table
    else:
        assert unsafe_parts(text) == []


def test_the_public_report_names_no_unit_of_a_breach(rendered: dict[tuple[str, str, str], str],
                                                     sample: Portfolio) -> None:
    units = {c.unit for c in sample.cases if c.breach is not None}
    for (lang, audience, fmt), text in rendered.items():
        if audience != "public":
            continue
        start = text.index("Brudd på personopplysningssikkerheten" if lang == "nb" else "Personal data breaches")
        projects = text.index("Personvern i prosjekter" if lang == "nb" else "Privacy in projects", start)
        end = re.search(r"\n##|<h[23]", text[projects:]).start() + projects  # type: ignore[union-attr]
        part = text[start:end]
        assert "Datatilsynet" in part and "DK-05" in part
        assert not [u for u in units if u in part], (lang, fmt)


def test_hostile_text_in_a_project_stays_text(tmp_path: Path) -> None:
    root = copy_sample(tmp_path)
    hostile = "Portal | <script>alert(1)</script> **fet**"
    swap(root / "programmes/dk/projects/DK-05.yaml", "name: Selvbetjening 2.0 på nett", f"name: '{hostile}'")
    swap(root / "programmes/dk/projects/DK-05.yaml", "reference: arkivsak 2020/1187",
         "reference: '<img src=x onerror=alert(1)>'")
    report = build_report(askoy2020.load(root), 2020, AS_OF)
    html = render(report, "html")
    assert unsafe_parts(html) == []
    assert "&lt;script&gt;" in html and "<script>alert" not in html
    md = render(report, "md")
    for table in gfm_tables(md):
        assert len(set(table)) == 1, table
    assert "<script>alert" not in md
    assert any("Portal" in t for t in structure(html).text)


def test_a_dpia_or_ros_concluded_after_the_reports_day_is_not_there_on_it(sample: Portfolio) -> None:
    # DK-05's ROS is dated 28 September 2020 and its DPIA 15 October 2020.
    rows = {r.id: r for r in build_privacy(sample, 2020, dt.date(2020, 8, 31), K, Audience.INTERNAL).projects}
    assert (rows["DK-05"].dpia, rows["DK-05"].dpia_done, rows["DK-05"].ros) == ("missing", None, False)
    rows = {r.id: r for r in build_privacy(sample, 2020, dt.date(2020, 10, 1), K, Audience.INTERNAL).projects}
    assert (rows["DK-05"].dpia, rows["DK-05"].ros) == ("missing", True)
    rows = {r.id: r for r in build_privacy(sample, 2020, dt.date(2020, 10, 15), K, Audience.INTERNAL).projects}
    assert rows["DK-05"].dpia == "done"
