"""The prioritisation part of the report, as politicians read it: counts
that mean what they say, reasons in the report's language (also from a
plan written before the reasons kept their figures), money in kroner, no
solver words."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

import askoy2020
from askoy2020.model import Portfolio
from askoy2020.report.build import build_report
from askoy2020.report.i18n import WORDS
from askoy2020.report.plan import build_plan
from askoy2020.report.plan_model import PlanSection
from askoy2020.report.render import render

DATA = Path(__file__).parent.parent.parent / "data"
PLAN = Path("plans") / "budsjett-2021.yaml"
AS_OF = dt.date(2020, 10, 31)
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
NEW_FIGURES = ("displacement", "predecessors", "window", "runs", "excluded_by")


@pytest.fixture(scope="module")
def sample() -> Portfolio:
    return askoy2020.load(DATA)


def _copy(tmp_path: Path, edit: Callable[[Any], None]) -> Portfolio:
    """The sample data with its saved plan edited as a file."""
    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    yaml = YAML()
    yaml.preserve_quotes = True
    document = yaml.load((root / PLAN).read_text(encoding="utf-8"))
    edit(document)
    with (root / PLAN).open("w", encoding="utf-8") as out:
        yaml.dump(document, out)
    return askoy2020.load(root)


def _older(document: Any, *, shortfalls: bool = True, unallocated: bool = True) -> None:
    """Make the plan what prioritise wrote before the reasons kept their figures."""
    del document["more_money"]
    for row in document["left_out"]:
        for key in NEW_FIGURES + (() if shortfalls else ("short",)):
            row.pop(key, None)
    if not unallocated:
        del document["unallocated"]


def _section(portfolio: Portfolio, lang: str) -> PlanSection:
    section = build_plan(portfolio, 2020, lang)
    assert section is not None
    return section


def _english_only_words(plan_reasons: list[str]) -> set[str]:
    """Words of the plan file's English reasons and of the English report
    words that no Norwegian report word uses: none may be in a Norwegian reason."""
    english = {w for text in plan_reasons for w in re.findall(r"[a-zA-Z]{3,}", text)}
    english |= {w for _, en in WORDS.values() for w in re.findall(r"[a-zA-Z]{3,}", _PLACEHOLDER.sub(" ", en))}
    norwegian = {w for nb, _ in WORDS.values() for w in re.findall(r"[a-zA-ZæøåÆØÅ]{3,}", _PLACEHOLDER.sub(" ", nb))}
    return {w.lower() for w in english} - {w.lower() for w in norwegian}


def _words_of(text: str, names: set[str]) -> set[str]:
    for name in sorted(names, key=len, reverse=True):  # project and area names are data, not our words
        text = text.replace(name, " ")
    return {w.lower() for w in re.findall(r"[a-zA-ZæøåÆØÅ]{3,}", text)}


def _names(portfolio: Portfolio) -> set[str]:
    return {p.name for p in portfolio.projects} | {a.name for a in portfolio.areas}


def test_reasons_in_norwegian_hold_no_english(sample: Portfolio) -> None:
    plan = sample.plans[0]
    english = _english_only_words([row.reason for row in plan.left_out])
    assert {"short", "frame", "points", "needs", "outside"} <= english, "the check knows the English words"
    section = _section(sample, "nb")
    rows = section.unfunded + section.not_placeable
    assert len(rows) == len([r for r in plan.left_out if r.kind.value != "cancelled"])
    for row in rows:
        assert row.basis and not (_words_of(row.basis, _names(sample)) & english), row
    for row in rows:  # and the English report words every reason too, without the plan file's text
        assert row.basis not in {r.reason for r in plan.left_out}


def test_a_frame_reason_names_the_frame_the_year_and_the_shortfall_in_kroner(sample: Portfolio) -> None:
    rows = {r.project: r for r in _section(sample, "nb").unfunded}
    assert rows["DK-05"].basis.startswith("Det mangler 2,7 mill. kr i driftsrammen til Digital kommune for 2021.")
    assert "fortrenge TI-06 Ungdomskontakt i skolen, som har høyere nytteverdi (159,0 mot 146,5)" in rows[
        "TI-05"].basis
    assert rows["HM-06"].basis == "Bygger på DK-05 Selvbetjening 2.0 på nett, som ikke er finansiert."
    english = {r.project: r for r in _section(sample, "en").unfunded}
    assert english["DK-05"].basis.startswith("The operating frame of Digital kommune for 2021 is NOK 2.7 million short.")


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_an_older_plan_renders_with_its_reasons_read_again(sample: Portfolio, tmp_path: Path, lang: str) -> None:
    older = _copy(tmp_path, _older)
    assert all(not getattr(r, key) for r in older.plans[0].left_out for key in ("displacement", "predecessors",
                                                                                "window", "runs"))
    now, then = _section(sample, lang), _section(older, lang)
    assert [r.project for r in then.unfunded] == [r.project for r in now.unfunded]
    for new_row, old_row in zip(now.unfunded + now.not_placeable, then.unfunded + then.not_placeable):
        # What the plan no longer says (what taking it in would push out) is left out; the rest is read again.
        assert new_row.basis.startswith(old_row.basis), (new_row.basis, old_row.basis)
    assert then.more_money_head is None and then.more_money == []
    text = render(build_report(older, 2020, AS_OF, lang=lang), "md")
    assert "short by" not in text and "points" not in text


def test_an_older_plan_without_shortfalls_still_says_why_in_norwegian(sample: Portfolio, tmp_path: Path) -> None:
    older = _copy(tmp_path, lambda d: _older(d, shortfalls=False))
    rows = {r.project: r for r in _section(older, "nb").unfunded}
    now = {r.project: r for r in _section(sample, "nb").unfunded}
    # The shortfall is read again from what the plan leaves unallocated: the same words as the plan's own.
    assert rows["DK-05"].basis == now["DK-05"].basis.split(" Prosjektet får")[0]
    bare = _copy(tmp_path / "bare", lambda d: _older(d, shortfalls=False, unallocated=False))
    rows = {r.project: r for r in _section(bare, "nb").unfunded}
    assert rows["DK-05"].basis == ("Rammene har ikke rom for det. Den fulle begrunnelsen finnes bare på engelsk i "
                                   "planfilen.")
    english = _english_only_words([r.reason for r in bare.plans[0].left_out])
    assert all(not (_words_of(r.basis, _names(bare)) & english) for r in rows.values())


def test_counts_mean_what_they_say(sample: Portfolio) -> None:
    section = _section(sample, "nb")
    status = {p.id: p for p in sample.projects}
    selected = sample.plans[0].selected
    new = [r.project for r in selected if status[r.project].status.value == "planned" and not status[r.project].locked]
    running = [r.project for r in selected if r.project not in new
               and any(v for values in (r.cost, r.investment, r.staff) for v in values.values())]
    assert [r.project for r in section.funded_new] == sorted(new) and len(new) == 8
    assert sorted(r.project for r in section.funded_continuing) == sorted(running)
    assert section.counts.startswith(f"{len(new)} nye forslag finansieres, {len(running)} pågående eller "
                                     "vedtatte prosjekter videreføres")
    assert section.ending is not None and "KM-01" in section.ending


def test_completed_projects_are_never_counted_even_in_an_older_plan(sample: Portfolio, tmp_path: Path) -> None:
    def completed_selected(document: Any) -> None:  # as plans were written before ``done``
        for pid in document["done"]:
            document["selected"].append({"project": pid, "start": 2018, "value": 1, "why": "committed",
                                         "cost": {}, "staff": {}})
        del document["done"]

    older = _copy(tmp_path, completed_selected)
    completed = {p.id for p in older.projects if p.status.value == "completed"}
    assert completed & {r.project for r in older.plans[0].selected}
    section = _section(older, "nb")
    shown = {r.project for r in section.funded_new + section.funded_continuing}
    assert not shown & completed and (section.ending is None or not any(pid in section.ending for pid in completed))
    assert section.counts == _section(sample, "nb").counts


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_no_solver_words_for_politicians(sample: Portfolio, fmt: str) -> None:
    text = render(build_report(sample, 2020, AS_OF, lang="nb"), fmt)
    start = text.index('<section id="plan">' if fmt == "html" else ". Prioritering\n")
    part = text[start:text.index("Prestasjonsledelse 2020", start)]
    for word in ("poeng", "bevist", "optimal", "MILP", "gap", "solver", "WSJF", "short by", "points"):
        assert word.lower() not in part.lower(), word
    assert "Prosjektene som er valgt, gir høyest mulig samlet nytteverdi innenfor rammene" in part
    assert "Strategisk betydning" in part and "35 %" in part and "KST 123/17" in part


def test_the_gap_is_said_in_plain_words(sample: Portfolio, tmp_path: Path) -> None:
    def stopped(document: Any) -> None:
        document["solver"] = {"status": "time-limit", "gap": 0.0123, "bound": document["value"] * 1.0123}

    section = _section(_copy(tmp_path, stopped), "nb")
    assert section.quality == ("Beregningen ble stoppet ved tidsgrensen: prosjektene som er valgt, gir høyst 1,23 % "
                               "mindre samlet nytteverdi enn det beste mulige innenfor rammene.")


def test_one_more_million_shows_what_the_plan_found(sample: Portfolio) -> None:
    plan, section = sample.plans[0], _section(sample, "nb")
    bought = sorted((m for m in plan.more_money if m.value > 0), key=lambda m: -m.value)
    assert [(row.gain, [f.split()[0] for f in row.funds]) for row in section.more_money] == [
        (m.value, m.enters) for m in bought]
    assert section.more_money_head == "Hva 1 mill. kr mer til drift per år 2021–2023 ville gitt"
    programme = next(m for m in plan.more_money if m.scope == "programme")
    assert programme.value == 0 and section.more_money_note is not None and "programmet som helhet" in (
        section.more_money_note)


def test_unallocated_money_and_transfers_are_in_kroner(sample: Portfolio) -> None:
    plan, section = sample.plans[0], _section(sample, "nb")
    drift = next(r for r in section.unallocated if r.kind == "drift")
    frame = next(f for f in plan.unallocated if f.scope == "programme" and f.kind.value == "drift")
    assert drift.scope == "Hele programmet" and drift.cells[0] == (frame.left[2021], frame.frame[2021])
    transfers = {t.project: t.moves for t in section.transfers}
    assert transfers["DK-05"] == ("2,1 mill. kr fra Arbeid og inkludering og 0,6 mill. kr fra Oppvekst og læring "
                                  "til Digital kommune (driftsrammen 2021)")
    assert [t.project for t in section.transfers][:2] == ["DK-05", "OL-06"], "the most valuable first"


def test_page_one_gets_what_the_meeting_must_decide(sample: Portfolio) -> None:
    section = _section(sample, "nb")
    decide = section.to_decide
    assert decide[0].kind == "unallocated" and decide[0].text.startswith(
        "Ikke fordelt av programmets driftsramme: 13,4 mill. kr i 2021")
    unfunded = [d for d in decide if d.kind == "unfunded"]
    assert [d.project for d in unfunded] == [r.project for r in section.unfunded]
    assert unfunded[0].text == ("DK-05 Selvbetjening 2.0 på nett (Digital kommune) finansieres ikke; det trenger "
                                "4,3 mill. kr til drift og 1,8 årsverk i 2021. Kan finansieres ved omfordeling fra "
                                "andre programområder.")
    assert unfunded[0].figures.drift == ((2021, 4300.0),) and unfunded[0].area == "DK"
