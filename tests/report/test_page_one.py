"""Every figure on page 1 of the sample report, recomputed here from the
YAML files with plain code – no askoy2020 model, no report model – and
found in the rendered page. If the report and this reading disagree, one
of them misreads the budget cycle."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from askoy2020.cli.app import app

DATA = Path(__file__).parent.parent.parent / "data"
AS_OF = dt.date(2020, 10, 31)
YEAR = 2020
runner = CliRunner()


def _yaml(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def _nb(value: float) -> str:
    text = f"{abs(value):,.0f}".replace(",", "\u202f")
    return ("−" if round(value) < 0 else "") + text


@pytest.fixture(scope="module")
def page() -> str:
    result = runner.invoke(app, ["report", "--year", str(YEAR), str(DATA), "--as-of", AS_OF.isoformat()])
    assert result.exit_code == 0, result.output
    return result.stdout.split("\n## 2. ", 1)[0]


def _latest(rows: list[dict[str, Any]], day_key: str = "date") -> dict[str, Any] | None:
    """The newest row on or before the day; of two on one day the last written."""
    best = None
    for row in rows or []:
        if row[day_key] <= AS_OF and (best is None or row[day_key] >= best[day_key]):
            best = row
    return best


def _in_force(base: dict[int, float], revisions: list[dict[str, Any]], key: str, *path: str) -> float | None:
    value = base.get(YEAR)
    for revision in sorted((r for r in revisions or [] if r["date"] <= AS_OF), key=lambda r: r["date"]):
        changed = revision.get(key, {})
        for step in path:
            changed = changed.get(step, {})
        if YEAR in changed:
            value = changed[YEAR]
    return value


def _projects() -> list[dict[str, Any]]:
    return [_yaml(f) for f in sorted(DATA.glob("programmes/*/projects/*.yaml"))]


def _money(kind: str) -> tuple[float, float, float, float]:
    """Frame, revised budget, actual to date and forecast for 2020 (1000 kr)."""
    programme = _yaml(DATA / "programme.yaml")
    speaking = max((r for r in programme["rounds"] if r["adopted"] <= AS_OF
                    and YEAR in r["frames"].get("drift", {})), key=lambda r: r["year"])
    frame = _in_force(speaking["frames"][kind], speaking.get("revisions", []), "frames", kind)
    key = {"drift": "cost", "investment": "investment"}[kind]
    revised = actual = forecast = 0.0
    for project in _projects():
        periods = (project.get("accounts") or {}).get(YEAR, {})
        t2 = periods.get("T2")  # the newest period closed on 31.10.2020
        if project["status"] == "cancelled" and not any(periods.get(p) for p in ("T1", "T2")):
            continue
        budget = _in_force(project.get(key) or {}, project.get("revisions", []), key) or 0.0
        revised += budget
        if t2 is not None:
            actual += (t2.get("actual") or {}).get(kind) or 0.0
        said = ((t2 or {}).get("forecast") or {}).get(kind)
        forecast += budget if said is None else said
    assert frame is not None
    return frame, revised, actual, forecast


@pytest.mark.parametrize(("kind", "label"), [("drift", "Drift (1000 kr)"), ("investment", "Investering (1000 kr)")])
def test_money_this_year_against_the_frame(page: str, kind: str, label: str) -> None:
    frame, revised, actual, forecast = _money(kind)
    deviation = ("+" if round(forecast - revised) > 0 else "") + _nb(forecast - revised)
    row = f"| {label} | {_nb(frame)} | {_nb(revised)} | {_nb(actual)} | {_nb(forecast)} | {deviation} |"
    assert row in page


def _on_track(goal: dict[str, Any]) -> bool | None:
    latest = _latest(goal.get("measurements") or [])
    base, target = goal.get("baseline"), (goal.get("targets") or {}).get(YEAR)
    if latest is None or base is None or target is None or target == base["value"]:
        return None
    share = (latest["value"] - base["value"]) / (target - base["value"])
    span = YEAR - base["year"]
    expected = min(1.0, max(0.0, (latest["date"].year - base["year"]) / span)) if span > 0 else 1.0
    return share >= expected - 1e-9


def _end_of_running(project: dict[str, Any]) -> tuple[dt.date, dt.date] | None:
    planned = project["planned"].get("end")
    if planned is None:
        return None
    report = _latest(project.get("status_reports") or [])
    end = (report or {}).get("forecast_end") or planned
    return planned, max(end, AS_OF if planned < AS_OF else planned)


def test_omstilling_sentence(page: str) -> None:
    goals = [g for f in sorted(DATA.glob("programmes/*/area.yaml")) for g in _yaml(f).get("goals") or []]
    verdicts = [_on_track(g) for g in goals]
    active = [p for p in _projects() if p["status"] == "active"]
    paused = [p for p in _projects() if p["status"] == "paused"]
    red = [p for p in active if ((_latest(p.get("status_reports") or []) or {}).get("rag")) == "red"]
    late = [p for p in active if (ends := _end_of_running(p)) and ends[1] > ends[0]]
    sentence = (f"{verdicts.count(True)} av {sum(v is not None for v in verdicts)} målte mål er i rute; "
                f"av {len(active)} pågående prosjekter er {len(red)} {'rødt' if len(red) == 1 else 'røde'} og "
                f"{len(late)} forsinket.")
    if paused:
        sentence += " 1 prosjekt er satt på vent." if len(paused) == 1 else f" {len(paused)} prosjekter er satt på vent."
    assert sentence in page


def _direction(changes: list[tuple[float, float, bool]]) -> str:
    """(before, after, lower is better) → bedre, dårligere, både bedre og dårligere, or none."""
    better = sum((a < b) if lower else (a > b) for b, a, lower in changes)
    worse = sum((a > b) if lower else (a < b) for b, a, lower in changes)
    if not changes:
        return "ingen måling før og etter ennå"
    if worse > better:
        return "dårligere"
    return "bedre" if better and not worse else "både bedre og dårligere"


def _results(leaders: list[dict[str, Any]], last: int) -> str:
    """Level 4 for a group of leaders: per indicator the mean baseline against the mean latest measurement,
    and 10-FAKTOR mastery over the units with at least 3 respondents in the first and last survey."""
    changes = []
    indicators: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for x in leaders:
        for g in x.get("goals") or []:
            found = [m for m in g.get("measurements") or [] if m["date"] <= AS_OF and m["date"].year <= last]
            if g.get("baseline") and found:
                latest = max(found, key=lambda m: m["date"])
                indicators.setdefault((g["indicator"], g.get("direction", "higher")), []).append(
                    (g["baseline"]["value"], latest["value"]))
    for (_, direction), rows in indicators.items():
        changes.append((sum(b for b, _ in rows) / len(rows), sum(a for _, a in rows) / len(rows),
                        direction == "lower"))
    years = sorted({t["year"] for x in leaders for t in x.get("ten_factor") or [] if t["year"] <= last})
    if len(years) >= 2:
        def result(x: dict[str, Any], year: int) -> dict[str, Any] | None:
            found = [t for t in x.get("ten_factor") or [] if t["year"] == year and t["respondents"] >= 3
                     and "mastery_oriented_leadership" in t["scores"]]
            return found[0] if found else None

        pairs = [(a, b) for x in leaders if (a := result(x, years[0])) and (b := result(x, years[-1]))]
        if pairs:
            def mean(side: list[dict[str, Any]]) -> float:
                return (sum(t["scores"]["mastery_oriented_leadership"] * t["respondents"] for t in side)
                        / sum(t["respondents"] for t in side))
            changes.append((mean([a for a, _ in pairs]), mean([b for _, b in pairs]), False))
    return _direction(changes)


def test_leadership_sentence(page: str) -> None:
    """Review A1: the light and the sentence come from Tabell 1 per cohort (levels 3 and 4), the leaders'
    unit goals only as one of level 4's indicators."""
    leaders = [_yaml(f) for f in sorted(DATA.glob("leaders/*.yaml"))]
    goals = [g for leader in leaders for g in leader.get("goals") or []]
    verdicts = [_on_track(g) for g in goals]
    # Tabell 1's evidence: the cohorts' aggregates of at least 3 respondents (levels 1 to 3), and level 4
    # from the units' figures: goals with a baseline and a measurement, 10-FAKTOR from at least 3.
    cohorts = sorted((_yaml(f) for f in sorted(DATA.glob("cohorts/*.yaml"))), key=lambda c: c["start"])
    years: dict[int, set[int]] = {1: set(), 2: set(), 3: set(), 4: set()}
    for c in cohorts:
        years[1] |= {r["year"] for r in c.get("reaction") or [] if r["respondents"] >= 3}
        years[2] |= {r["year"] for r in c.get("learning") or [] if r["respondents"] >= 3}
        for b in c.get("behaviour") or []:
            years[3] |= {b[side]["year"] for side in ("before", "after") if b.get(side) and b[side]["respondents"] >= 3}
    for leader in leaders:
        for g in leader.get("goals") or []:
            if g.get("baseline") and g.get("measurements"):
                years[4] |= {g["baseline"]["year"]} | {m["date"].year for m in g["measurements"]}
        years[4] |= {t["year"] for t in leader.get("ten_factor") or [] if t["respondents"] >= 3}
    levels = sum(any(y <= YEAR for y in found) for found in years.values())
    in_year = sum(YEAR in found for found in years.values())
    measuring = _yaml(DATA / "programme.yaml").get("measuring_year", 2020)
    parts, states = [], []
    for c in cohorts:
        behaviour = [(b["before"]["mean"], b["after"]["mean"], False) for b in c.get("behaviour") or []
                     if b.get("before") and b["before"]["respondents"] >= 3 and b["after"]["respondents"] >= 3]
        level3 = _direction(behaviour)
        if not behaviour and c.get("behaviour"):
            level3 = "ingen måling før programmet"
        level4 = _results([x for x in leaders if x["cohort"] == c["start"]], min(YEAR, c.get("end") or measuring))
        parts.append(f"{c['id']}: nivå 3 {level3}, nivå 4 {level4}")
        states += [level3, level4]
    sentence = (f"Tabell 1 per kull: {'; '.join(parts)}. {levels} av 4 evalueringsnivåer har resultater "
                f"(i {YEAR}: {in_year}). Ledernes enhetsmål, ett av tegnene på nivå 4: {verdicts.count(True)} av "
                f"{sum(v is not None for v in verdicts)} med måling er i rute mot {YEAR}.")
    assert sentence in page
    light = ("rød" if "dårligere" in states else "grønn" if levels == 4 and set(states) == {"bedre"} else "gul")
    row = next(line for line in page.splitlines() if line.startswith("| Prestasjonsledelse 2020 |"))
    assert f" {light} |" in row and light == "gul"  # K-2019 has no before yet


def _aware(stamp: Any) -> dt.datetime:
    return stamp if isinstance(stamp, dt.datetime) else dt.datetime.fromisoformat(str(stamp))


def test_quality_sentence(page: str) -> None:
    cases = [_yaml(f) for f in sorted(DATA.glob("quality/**/*.yaml"))]
    known = [c for c in cases if c["reported"] <= AS_OF]
    still_open = [c for c in known if c.get("closed") is None or c["closed"] > AS_OF]
    overdue = sum(c.get("deadline") is not None and c["deadline"] < AS_OF for c in still_open)
    breaches = [c["breach"] for c in known if c["kind"] == "personal_data_breach" and c.get("breach")
                and c["reported"].year == YEAR]
    limit = dt.timedelta(hours=72)  # Oslo local times on both sides: no clock change inside these 72 hours
    ways = dict.fromkeys(("meldt innen 72 timer", "meldt for sent med begrunnelse",
                          "ikke meldt, med begrunnelse (lite sannsynlig risiko)", "ennå innenfor 72 timer",
                          "meldt for sent uten begrunnelse (brudd på art. 33)",
                          "ikke meldt og uten begrunnelse (brudd på art. 33)"), 0)
    for b in breaches:
        aware = _aware(b["became_aware"])
        if b.get("notified") is not None and _aware(b["notified"]).date() <= AS_OF:
            late = _aware(b["notified"]) - aware > limit
            reason = bool((b.get("late_reason") or "").strip())
            key = "meldt for sent med begrunnelse" if late and reason else \
                "meldt for sent uten begrunnelse (brudd på art. 33)" if late else "meldt innen 72 timer"
        elif (b.get("not_notified_reason") or "").strip():
            key = "ikke meldt, med begrunnelse (lite sannsynlig risiko)"
        elif dt.datetime.combine(AS_OF, dt.time(23, 59)) - aware > limit:
            key = "ikke meldt og uten begrunnelse (brudd på art. 33)"
        else:
            key = "ennå innenfor 72 timer"
        ways[key] += 1
    shown = [f"{n} {way}" for way, n in ways.items() if n]
    listed = ", ".join(shown[:-1]) + " og " + shown[-1] if len(shown) > 1 else "".join(shown)
    # The quality system's counts, this year to the report's month.
    counted: dict[str, int] = {}
    for path in sorted(DATA.glob("quality-counts/*.yaml")):
        for row in _yaml(path):
            if str(row["month"]) <= f"{YEAR}-{AS_OF.month:02d}" and str(row["month"]).startswith(str(YEAR)):
                counted[row["kind"]] = counted.get(row["kind"], 0) + row["count"]
    volumes = (f"Kvalitetssystemet, januar–oktober {YEAR}: {counted['deviation']} avvik i tjenesten, "
               f"{counted['hms_deviation']} HMS-avvik og {counted['complaint']} klager. ")
    said = f"Programmets egne saker: {len(still_open)} åpne, {overdue} over frist. "
    said += f"Personvernbrudd i {YEAR}: {len(breaches)} – {listed}." if breaches else f"Ingen personvernbrudd i {YEAR}."
    assert volumes + said in page


def test_the_points_to_decide(page: str) -> None:
    points = re.findall(r"^\d\. \*\*(Til beslutning|Til orientering):\*\* (.*)$", page, re.M)
    assert len(points) >= 1
    decide = [text for kind, text in points if kind == "Til beslutning"]
    # Project overruns above the threshold (5 % and 100), from the T2 forecasts.
    programme = _yaml(DATA / "programme.yaml")
    share, amount = programme["overrun"]["share"], programme["overrun"]["amount"]
    for project in _projects():
        t2 = ((project.get("accounts") or {}).get(YEAR) or {}).get("T2") or {}
        said = (t2.get("forecast") or {}).get("drift")
        budget = _in_force(project.get("cost") or {}, project.get("revisions", []), "cost") or 0.0
        if said is not None and said - budget > amount and said - budget > share * budget:
            # Said on its own, or as the cause of its area's overrun of the frame.
            alone = f"{project['id']}: prognosen for drift er {_nb(said - budget)} over revidert budsjett ({_nb(budget)})."
            cause = f"{project['id']} ventes {_nb(said - budget)} over revidert budsjett ({_nb(budget)})."
            assert any(alone in d or cause in d for d in decide), alone
    # The refused proposals of the saved plan for 2021 and their first year's drift.
    plan = _yaml(max(DATA.glob("plans/*.yaml")))
    # Refused for want of money or value (not cancelled, and not a project no plan year can hold).
    refused = [r for r in plan["left_out"] if r["kind"] in ("frame", "value", "predecessor", "timing")]
    cost = sum((r.get("cost") or {}).get(2021, 0) for r in refused)
    million = f"{cost / 1000:.1f}".replace(".", ",")
    assert any(f"{len(refused)} forslag får ikke plass innenfor rammene for 2021; de ville koste {million} mill. kr i "
               "drift" in d for d in decide)


def test_underspends_and_unallocated_money_to_decide(page: str) -> None:
    decide = [text for kind, text in re.findall(r"^\d\. \*\*(Til beslutning|Til orientering):\*\* (.*)$", page, re.M)
              if kind == "Til beslutning"]
    programme = _yaml(DATA / "programme.yaml")
    share, amount = programme["overrun"]["share"], programme["overrun"]["amount"]
    for project in _projects():
        t2 = ((project.get("accounts") or {}).get(YEAR) or {}).get("T2") or {}
        for kind, key, word in (("drift", "cost", "drift"), ("investment", "investment", "investering")):
            said = (t2.get("forecast") or {}).get(kind)
            budget = _in_force(project.get(key) or {}, project.get("revisions", []), key) or 0.0
            if said is not None and budget - said > amount and budget - said > share * budget:
                assert any(f"{project['id']}: prognosen for {word} er {_nb(budget - said)} under revidert budsjett "
                           f"({_nb(budget)})" in d for d in decide), project["id"]
    # The programme's drift the saved plan leaves unallocated, year by year, in mill. kr.
    plan = _yaml(max(DATA.glob("plans/*.yaml")))
    left = next(u["left"] for u in plan["unallocated"] if u["scope"] == "programme" and u["kind"] == "drift")
    for year, value in left.items():
        if value:
            assert any(f"{value / 1000:.1f}".replace(".", ",") + f" mill. kr i {year}" in d for d in decide), year


def test_a_paused_project_past_its_end_is_put_to_the_meeting(page: str) -> None:
    stale = []
    for project in _projects():
        report = _latest(project.get("status_reports") or []) or {}
        end = report.get("forecast_end") or project["planned"].get("end")
        if project["status"] == "paused" and end is not None and end < AS_OF:
            stale.append(project)
    assert stale, "the sample has one (KM-04)"
    for project in stale:
        day = project["planned"]["end"].strftime("%d.%m.%Y")
        assert (f"**Til beslutning:** {project['id']} {project['name']} er satt på vent, og planlagt slutt {day} er "
                "passert uten ny plan.") in page
