"""Prestasjonsledelse's figures recomputed from the YAML with a plain YAML
reader (not the models): Tabell 1 per cohort and for the programme, the
five leader aims, level 4 from the units' figures, 10-FAKTOR weighted by
respondents with response rates, the municipality's figure and follow-up;
nothing under 3 respondents; the public version names no unit or role."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

import askoy2020
from askoy2020.report.audience import Audience
from askoy2020.report.build import build_report
from askoy2020.report.leadership_model import Evidence, LeadershipSection, Table1
from askoy2020.report.render import render

DATA = Path(__file__).parent.parent.parent / "data"
AS_OF = dt.date(2020, 10, 31)
K = 3


def _yaml(folder: str) -> list[dict[str, Any]]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((DATA / folder).rglob("*.yaml"))]


def _weighted(items: list[tuple[float, int]]) -> float:
    return sum(m * n for m, n in items) / sum(n for _, n in items)


@pytest.fixture(scope="module")
def section() -> LeadershipSection:
    return build_report(askoy2020.load(DATA), 2020, AS_OF).leadership


def _table(section: LeadershipSection, cohort: str) -> Table1:
    return next(t for t in section.cohorts if t.ids == (cohort,))


def _cell(table: Table1, level: int, year: int, what: str) -> Evidence:
    return next(e for e in table.levels[level - 1].by_year[year] if e.what == what)


def test_the_sample_has_a_cohort_with_all_four_levels_over_the_years(section: LeadershipSection) -> None:
    k2018 = _table(section, "K-2018")
    for row in k2018.levels:
        assert row.measured_years or row.changes, row.level
    assert len([y for y in k2018.years if k2018.levels[0].by_year[y]]) == 3  # level 1 in 2018, 2019 and 2020
    assert k2018.levels[2].changes and k2018.levels[3].changes  # level 3 before → after, level 4 over the period
    assert k2018.sessions == 5 and k2018.leaders == 20


def test_level_1_per_session_and_for_the_programme_weighted_by_respondents(section: LeadershipSection) -> None:
    cohorts = _yaml("cohorts")
    k2018 = next(c for c in cohorts if c["id"] == "K-2018")
    table = _table(section, "K-2018")
    for r in k2018["reaction"]:
        e = _cell(table, 1, r["year"], r["session"])
        assert (e.mean, e.respondents, e.scale_max) == (r["mean"], r["respondents"], 5)
    programme = section.programme
    assert programme is not None and programme.ids == ("K-2018", "K-2019")
    for year in (2018, 2019, 2020):
        items = [(r["mean"], r["respondents"]) for c in cohorts for r in c.get("reaction", []) if r["year"] == year]
        (e,) = programme.levels[0].by_year[year]
        assert e.mean == pytest.approx(_weighted(items)) and e.respondents == sum(n for _, n in items)


def test_the_five_leader_aims_per_cohort_and_year(section: LeadershipSection) -> None:
    for cohort in _yaml("cohorts"):
        table = _table(section, cohort["id"])
        assert [row.key for row in table.aims] == ["goals_and_results", "projects_and_actions", "improvement_work",
                                                   "communication_and_relations", "methods_and_routines"]
        for item in cohort["learning"]:
            if "area" in item:
                e = next(row for row in table.aims if row.key == item["area"]).by_year[item["year"]]
                assert e is not None and (e.mean, e.respondents) == (item["mean"], item["respondents"])
    # The programme's aim in 2020 is over both cohorts, weighted by respondents.
    both = [(i["mean"], i["respondents"]) for c in _yaml("cohorts") for i in c["learning"]
            if i.get("area") == "goals_and_results" and i["year"] == 2020]
    assert section.programme is not None
    e = section.programme.aims[0].by_year[2020]
    assert e is not None and e.mean == pytest.approx(_weighted(both)) and e.respondents == 30


def test_level_3_is_before_and_after_with_the_same_instrument(section: LeadershipSection) -> None:
    k2018 = next(c for c in _yaml("cohorts") if c["id"] == "K-2018")
    (b,) = k2018["behaviour"]
    (change,) = _table(section, "K-2018").levels[2].changes
    assert (change.before_year, change.before, change.after_year, change.after) == (
        b["before"]["year"], pytest.approx(b["before"]["mean"]), b["after"]["year"], pytest.approx(b["after"]["mean"]))
    assert change.better is (b["after"]["mean"] > b["before"]["mean"])
    # K-2019 measured only after: no change is claimed.
    k2019 = _table(section, "K-2019").levels[2]
    assert not k2019.changes and k2019.without_before == [""]
    # The whole programme compares no cohort's before with another's after: each cohort's change is its own.
    assert section.programme is not None
    programme = section.programme.levels[2]
    assert [(c.cohorts, c.before, c.after) for c in programme.changes] == [
        ("K-2018", pytest.approx(b["before"]["mean"]), pytest.approx(b["after"]["mean"]))]
    assert programme.without_before == ["K-2019"]


def test_level_2_changes_per_cohort_and_says_self_assessment(section: LeadershipSection) -> None:
    # Review A9: level 2 has a before and after per cohort; every area item in the sample is a self-assessment.
    assert section.programme is not None
    changes = {c.cohorts: c for c in section.programme.levels[1].changes}
    assert set(changes) == {"K-2018", "K-2019"}
    for cohort in _yaml("cohorts"):
        items = [i for i in cohort["learning"] if "area" in i]
        assert {i.get("instrument", "self_assessment") for i in items} == {"self_assessment"}
        first, last = min(i["year"] for i in items), max(i["year"] for i in items)
        mean = {y: sum(i["mean"] for i in items if i["year"] == y) / 5 for y in (first, last)}
        change = changes[cohort["id"]]
        assert change.what == "aims_mean_self_assessment"
        assert (change.before_year, change.after_year) == (first, last)
        assert (change.before, change.after) == (pytest.approx(mean[first]), pytest.approx(mean[last]))
        own = _table(section, cohort["id"]).levels[1].changes
        assert [(c.cohorts, c.before, c.after) for c in own] == [("", change.before, change.after)]


def test_level_4_mastery_is_the_same_units_before_and_after_weighted_by_respondents(
    section: LeadershipSection,
) -> None:
    leaders = [x for x in _yaml("leaders") if x["cohort"] == 2018]

    def result(x: dict[str, Any], year: int) -> dict[str, Any] | None:
        found = [t for t in x["ten_factor"] if t["year"] == year and t["respondents"] >= K
                 and "mastery_oriented_leadership" in t["scores"]]
        return found[0] if found else None

    pairs = [(a, b) for x in leaders if (a := result(x, 2018)) and (b := result(x, 2020))]
    before = _weighted([(a["scores"]["mastery_oriented_leadership"], a["respondents"]) for a, _ in pairs])
    after = _weighted([(b["scores"]["mastery_oriented_leadership"], b["respondents"]) for _, b in pairs])
    change = next(c for c in _table(section, "K-2018").levels[3].changes if c.what == "mastery_oriented_leadership")
    assert (change.before, change.after) == (pytest.approx(before), pytest.approx(after))
    assert change.respondents == sum(b["respondents"] for _, b in pairs)
    # Sick leave: the mean of the baselines and of the latest measurements of the cohort's goals.
    goals = [g for x in leaders for g in x["goals"] if g["indicator"] == "Sykefravær i prosent"
             and g.get("baseline") and g.get("measurements")]
    sick = next(c for c in _table(section, "K-2018").levels[3].changes if c.what == "Sykefravær i prosent")
    assert sick.before == pytest.approx(sum(g["baseline"]["value"] for g in goals) / len(goals))
    assert sick.after == pytest.approx(sum(max(g["measurements"], key=lambda m: m["date"])["value"]
                                           for g in goals) / len(goals))
    assert sick.better is (sick.after < sick.before)


def test_ten_factor_response_rate_weighted_mastery_municipality_and_follow_up(section: LeadershipSection) -> None:
    leaders = _yaml("leaders")
    surveys = {s["year"]: s for s in _yaml("surveys")}
    for s in section.surveys:
        results = [t for x in leaders for t in x["ten_factor"] if t["year"] == s.year]
        counted = [(t["scores"]["mastery_oriented_leadership"], t["respondents"]) for t in results
                   if t["respondents"] >= K]
        assert s.mastery == pytest.approx(_weighted(counted)) and s.units == len(counted)
        invited = [t for t in results if t.get("invited")]
        assert (s.invited, s.respondents) == (sum(t["invited"] for t in invited),
                                              sum(t["respondents"] for t in invited))
        assert s.response_rate == pytest.approx(s.respondents / s.invited)  # type: ignore[operator]
        assert s.municipality == surveys[s.year]["municipality"]["mastery_oriented_leadership"]
        assert s.national is None  # no national average was published: the sample gives none
        chosen = [t["follow_up"] for t in results if t.get("follow_up")]
        assert s.follow_up_units == len(chosen)
        for f in s.follow_up:
            assert f.units == sum(f.factor in c["factors"] for c in chosen) > 0
    # A plain mean over units would differ: the weighting matters in the sample.
    plain = [t["scores"]["mastery_oriented_leadership"] for x in leaders for t in x["ten_factor"]
             if t["year"] == 2018 and t["respondents"] >= K]
    assert abs(sum(plain) / len(plain) - section.surveys[0].mastery) > 0.005  # type: ignore[operator]
    # Units under 3 respondents show no score anywhere, not even internally.
    few = {x["unit"] for x in leaders for t in x["ten_factor"] if t["respondents"] < K and t["year"] == 2020}
    assert few and all(row.by_year[2020] is None for row in section.mastery if row.unit in few)


def test_an_aggregate_under_three_respondents_is_an_error_and_never_shown(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    path = root / "cohorts" / "K-2018.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("    mean: 3.9\n    respondents: 16\n", "    mean: 1.5\n    respondents: 2\n", 1)
    path.write_text(text, encoding="utf-8")
    portfolio = askoy2020.load(root)
    assert [d.rule for d in askoy2020.check(portfolio, AS_OF) if d.rule == "ASK712"] == ["ASK712"]
    leadership = build_report(portfolio, 2020, AS_OF).leadership
    table = _table(leadership, "K-2018")
    assert all(e.mean != 1.5 for e in table.levels[0].by_year[2020])
    assert leadership.programme is not None and not leadership.programme.levels[0].by_year[2020]


def _section_text(text: str, fmt: str) -> str:
    if fmt == "md":
        start = re.search(r"^## \d+\. Prestasjonsledelse 2020", text, re.M).start()  # type: ignore[union-attr]
        return text[start:text.index("\n## ", start)]
    return text[text.index('<section id="leadership">'):text.index("</section>", text.index('id="leadership"'))]


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_both_formats_and_languages_show_table_1_the_aims_and_ten_factor(fmt: str, lang: str) -> None:
    portfolio = askoy2020.load(DATA)
    words = {"nb": ["Tabell 1: evaluering på fire nivåer per kull", "Kull 2018 (K-2018): 20 ledere",
                    "fastsetter mål og følger opp resultater", "Svarprosent", "Endring i perioden",
                    "K-2018: 360-evaluering: 3,32 (2018) → 3,71 (2020) (bedre)", "Nasjonale tall er ikke oppgitt",
                    "K-2019: ingen måling før programmet", "egenvurdering per lederområde, snitt: 2,92 av 5",
                    "K-2018: egenvurdering per lederområde, snitt: 2,92 (2018) → 3,81 (2020) (bedre)",
                    "egenvurdering samlet: 3,75 av 5"],
             "en": ["Table 1: evaluation on four levels per cohort", "Cohort 2018 (K-2018): 20 leaders",
                    "sets goals and follows up results", "Response rate", "Change over the period",
                    "K-2018: 360 feedback: 3.32 (2018) → 3.71 (2020) (better)", "No national figures are given",
                    "K-2019: no measurement before the programme", "self-assessment per leader aim, mean",
                    "self-assessment overall: 3.75 of 5"]}
    for audience in Audience:
        report = build_report(portfolio, 2020, AS_OF, lang=lang, audience=audience)
        text = _section_text(render(report, fmt), fmt)
        for word in words[lang]:
            assert word in text, (audience, word)


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_public_section_names_no_unit_role_or_leader(fmt: str) -> None:
    portfolio = askoy2020.load(DATA)
    public = _section_text(render(build_report(portfolio, 2020, AS_OF, audience=Audience.PUBLIC), fmt), fmt)
    internal = _section_text(render(build_report(portfolio, 2020, AS_OF), fmt), fmt)
    names = {x.unit for x in portfolio.leaders} | {x.role for x in portfolio.leaders} | {x.id for x in portfolio.leaders}
    assert any(name in internal for name in names)  # the check can fail
    for name in names:
        assert not re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", public), name
    # A factor chosen by fewer than 3 units is not counted alone in public, but pooled (review A8).
    assert "andre faktorer (mestringsorientert ledelse, mestringsklima) til sammen 3" in public
    assert "mestringsorientert ledelse 1" in internal and "andre faktorer" not in internal


def test_a_small_cohort_is_never_shown_on_its_own_in_public(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    (root / "cohorts" / "K-2020.yaml").write_text(
        "id: K-2020\nstart: 2020\nleaders: 2\nreaction:\n  - {year: 2020, mean: 4.8, respondents: 3}\n",
        encoding="utf-8")
    portfolio = askoy2020.load(root)
    internal = build_report(portfolio, 2020, AS_OF).leadership
    public = build_report(portfolio, 2020, AS_OF, audience=Audience.PUBLIC).leadership
    assert ("K-2020",) in [t.ids for t in internal.cohorts]
    assert all(t.ids != ("K-2020",) and (len(t.ids) == 1 or t.leaders >= K) for t in public.cohorts)
    assert all(t.leaders >= K for t in public.cohorts)
    # The pool takes in the smallest cohort that could stand alone (K-2019), so nothing subtracts to K-2020.
    assert ("K-2019", "K-2020") in [t.ids for t in public.cohorts]
    assert public.programme is not None and public.programme.leaders == 32
