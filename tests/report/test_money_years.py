"""The money section's area × year table against the frames, recomputed here
from the YAML files alone; a cancelled project's spend in the year totals;
candidates kept apart; the summary's budget chart and its words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

import askoy2020
from askoy2020.report.build import build_report
from askoy2020.report.i18n import Lang
from askoy2020.report.render import render
from money_fixture import money_portfolio

from .helpers import gfm_tables, structure

AS_OF = dt.date(2020, 10, 31)
YEARS = (2020, 2021, 2022, 2023)

# Laid over the money fixture: a project cancelled in March 2020 after spending
# 300 of 800, one cancelled before it spent anything, a candidate and a locked one.
EXTRA = {
    "DK-04": """\
id: DK-04
name: Selvbetjening byggesak
area: DK
manager: Prosjektleder digitalisering
status: cancelled
planned: {start: 2020-01-01, end: 2020-12-31}
actual: {start: 2020-01-01, end: 2020-03-15}
cost: {2020: 800}
accounts:
  2020:
    T1:
      actual: {drift: 300}
      forecast: {drift: 300}
      comment: Avlyst i mars; resten av budsjettet brukes ikke
    T2:
      actual: {drift: 300}
      forecast: {drift: 300}
      comment: Avlyst i mars; resten av budsjettet brukes ikke
""",
    "DK-05": """\
id: DK-05
name: Innbyggerportal
area: DK
manager: Prosjektleder digitalisering
status: planned
planned: {start: 2021-01-01, end: 2022-12-31}
cost: {2021: 700, 2022: 400}
staff: {2021: 0.8}
""",
    "DK-06": """\
id: DK-06
name: Arkivplan
area: DK
manager: Arkivleder
status: planned
locked: true
planned: {start: 2021-01-01, end: 2021-12-31}
cost: {2021: 250}
""",
    "DK-07": """\
id: DK-07
name: Skannetjeneste
area: DK
manager: Arkivleder
status: cancelled
planned: {start: 2020-01-01, end: 2020-12-31}
cost: {2020: 500}
""",
}


def _portfolio(tmp_path: Path) -> Path:
    root = money_portfolio(tmp_path / "data")
    for pid, text in EXTRA.items():
        (root / "programmes" / "dk" / "projects" / f"{pid}.yaml").write_text(text, encoding="utf-8")
    return root


def _load(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def _revised(adopted: dict[int, float], revisions: list[dict[str, Any]], key: str, as_of: dt.date) -> dict[int, float]:
    """Adopted figures with every revision on or before the day laid over them, oldest first."""
    figures = dict(adopted)
    for revision in sorted((r for r in revisions if r["date"] <= as_of), key=lambda r: r["date"]):
        figures.update(revision.get(key, {}).get("drift", {}) if key == "frames" else revision.get(key, {}))
    return figures


def _expected_from_yaml(root: Path, area: str | None) -> dict[int, tuple[Any, ...]]:
    """(adopted frame, revised frame, budget, candidates, actual, forecast) per
    year for drift, from the files: the round of 2020 speaks for 2020–2023;
    2021 is the first open year on 31 October 2020 (its budget is not adopted),
    so from 2021 only started, locked or mandatory projects are in the budget.
    Actual and forecast come from the newest closed tertial (T2 2020)."""
    programme = _load(root / "programme.yaml")
    if area is None:
        source = next(r for r in programme["rounds"] if r["year"] == 2020)
    else:
        source = next(r for r in _load(root / "programmes" / "dk" / "area.yaml")["rounds"] if r["year"] == 2020)
    adopted = source["frames"]["drift"]
    revised = _revised(adopted, source.get("revisions", []), "frames", AS_OF)
    projects = [_load(p) for p in sorted((root / "programmes" / "dk" / "projects").glob("*.yaml"))]
    found = {}
    for year in YEARS:
        budget = candidates = actual = forecast = 0.0
        any_t2 = False
        for p in projects:
            cost = _revised(p.get("cost", {}), p.get("revisions", []), "cost", AS_OF).get(year, 0)
            t2 = p.get("accounts", {}).get(year, {}).get("T2")
            spent = t2 is not None and t2["actual"].get("drift", 0) > 0
            bound = p["status"] in ("active", "completed") or p.get("locked") or p.get("mandatory")
            if p["status"] == "cancelled":
                counted = spent
            else:
                counted = year < 2021 or bool(bound)
                if not counted:
                    candidates += cost
            if not counted:
                continue
            budget += cost
            if t2 is not None:
                any_t2 = True
                actual += t2["actual"].get("drift", 0)
                forecast += t2.get("forecast", {}).get("drift", cost)
            else:
                forecast += cost  # no figures for the period: counted at its budget
        found[year] = (adopted.get(year), revised.get(year), budget, candidates,
                       actual if any_t2 else None, forecast if any_t2 else None)
    return found


def test_the_area_year_table_is_what_the_yaml_says(tmp_path: Path) -> None:
    root = _portfolio(tmp_path)
    money = build_report(askoy2020.load(root), 2020, AS_OF).money
    assert money is not None and money.years == list(YEARS) and money.open_from == 2021
    for area, key in ((None, ""), ("DK", "DK")):
        got = {r.year: (r.adopted_frame, r.frame, r.budget, r.candidates, r.actual, r.forecast)
               for r in money.area_years if (r.area, r.kind) == (key, "drift")}
        assert got == _expected_from_yaml(root, area), area
    # By hand, for the reader: DK-03's revision (1 200 -> 1 500) and the cancelled DK-04's 800 are in 2020;
    # DK-07 spent nothing and is not; in 2021 the candidate DK-05 stands apart from DK-02, DK-03 and the locked DK-06.
    dk = {r.year: r for r in money.area_years if (r.area, r.kind) == ("DK", "drift")}
    assert (dk[2020].budget, dk[2020].actual, dk[2020].unallocated) == (1000 + 1500 + 800, 900 + 300, 3500 - 3300)
    assert (dk[2021].budget, dk[2021].candidates) == (500 + 300 + 250, 700)


def test_a_cancelled_project_s_spend_counts_in_every_total(tmp_path: Path) -> None:
    report = build_report(askoy2020.load(_portfolio(tmp_path)), 2020, AS_OF)
    money = report.money
    assert money is not None
    whole = next(r for r in money.rows if (r.area, r.kind) == ("", "drift"))
    assert report.summary.budget_used == whole.revised_budget == 1000 + 1500 + 800
    assert (whole.actual, whole.forecast) == (900 + 300, 1000 + 1650 + 300)
    cancelled = [p for p in money.projects if p.status == "cancelled"]
    assert [(p.project, p.revised, p.actual, p.deviation) for p in cancelled] == [("DK-04", 800, 300, -500)]
    assert next(r.budget for r in report.budget_by_year if r.kind == "drift") == whole.revised_budget


def test_the_sample_s_cancelled_ik04_is_in_2019_s_totals() -> None:
    """IK-04 was cancelled in 2019 after spending 115 of 250: the report for
    2019 counts it, as the accounts of 2019 do."""
    data = Path(__file__).parents[2] / "data"
    money = build_report(askoy2020.load(data), 2019, AS_OF).money
    assert money is not None and money.period == "T3"
    ik = next(r for r in money.rows if (r.area, r.kind) == ("IK", "drift"))
    accounts = {p.stem: _load(p).get("accounts", {}).get(2019, {}).get("T3")
                for p in (data / "programmes" / "ik" / "projects").glob("*.yaml")}
    assert ik.actual == sum(t3["actual"]["drift"] for t3 in accounts.values() if t3) and accounts["IK-04"]
    assert ("IK-04", 250, 115) in [(p.project, p.revised, p.actual) for p in money.projects]


def _chart(report_root: Path, lang: str) -> tuple[list[str], list[dict[str, str | None]]]:
    report = build_report(askoy2020.load(report_root), 2020, AS_OF, lang=lang)
    html = render(report, "html")
    svg = html[html.index('<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="budget-drift-t"'):]
    doc = structure(svg[:svg.index("</svg>") + 6])
    return [t.strip() for t in doc.text if t.strip()], [a for tag, a in doc.tags if tag == "line"]


def test_the_budget_chart_says_what_it_shows(tmp_path: Path) -> None:
    root = _portfolio(tmp_path)
    words, lines = _chart(root, "nb")
    nb = Lang("nb")
    for key in ("chart_budget", "chart_candidates", "chart_actual", "chart_forecast", "chart_frame"):
        assert nb.t(key) in words, key
    assert words[0] == nb.t("chart_title_drift") and "Budsjett brukt" not in " ".join(words)
    # Every frame is printed under its year, as revised (6 000 adopted, 6 500 after KST 40/20).
    assert [w for w in words if w.startswith("ramme ")] == [
        "ramme 6\u202f500", "ramme 5\u202f000", "ramme 5\u202f000", "ramme 5\u202f000"]
    assert "2\u202f950" in words and "1\u202f200" in words  # forecast and actual of 2020
    assert "+700" in words  # the candidate's ask, stacked on 2021's budget
    frame_lines = [a for a in lines if a.get("stroke-width") == "2" and a.get("x1") != "50"]
    assert frame_lines and all(a.get("stroke") == "#333" and "stroke-dasharray" not in a for a in frame_lines)
    en_words, _ = _chart(root, "en")
    assert {"Revised budget", "Candidates (not in the budget)", "Actual to date", "Forecast",
            "Frame (revised)", "frame 6,500"} <= set(en_words)


def test_a_series_no_year_has_is_not_in_the_legend(tmp_path: Path) -> None:
    # Before the first tertial there is no actual or forecast, and without candidates none stand on the budget.
    report = build_report(askoy2020.load(money_portfolio(tmp_path / "data")), 2020, dt.date(2020, 3, 31))
    html = render(report, "html")
    assert "budget-investment" in html
    svg = html[html.index('aria-labelledby="budget-drift-t"'):]
    words = [t.strip() for t in structure(svg[:svg.index("</svg>")]).text if t.strip()]
    assert "Revidert budsjett" in words and "Ramme (revidert)" in words
    assert not {"Regnskap hittil", "Prognose", "Kandidater (ikke i budsjettet)"} & set(words)


def test_the_money_section_reads_in_both_languages(tmp_path: Path) -> None:
    root = _portfolio(tmp_path)
    texts = {lang: render(build_report(askoy2020.load(root), 2020, AS_OF, lang=lang), "md") for lang in ("nb", "en")}
    for lang, words in (("nb", ["+ er merforbruk", "Rammer og budsjett per programområde 2020–2023", "Udisponert",
                                "Avvik over terskelen", "Til vedtak", "Investeringer og finansiering 2020–2023",
                                "Gevinstrealisering", "Ikke tatt ut 2020–2023"]),
                        ("en", ["+ is an overspend", "Frames and budget per programme area 2020–2023", "Unallocated",
                                "Deviations above the threshold", "For decision", "Investments and financing 2020–2023",
                                "Benefits realisation", "Not taken out 2020–2023"])):
        for word in words:
            assert word in texts[lang], (lang, word)
    for tables in (gfm_tables(texts["nb"]), gfm_tables(texts["en"])):
        assert all(len(set(rows)) == 1 for rows in tables)
