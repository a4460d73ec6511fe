"""Kvalitet's light on page 1 is over the whole chapter: a lovbrudd from a
tilsyn past its deadline or a red risk without measures is red like a
breach notified late; a routine or risk review behind is amber. Each
variant changes one real record of a copy of the sample."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import askoy2020
from askoy2020.report.build import build_report
from askoy2020.report.verdict import build_verdict

from .helpers import copy_sample, swap

AS_OF = dt.date(2020, 10, 31)


def _quality_line(root: Path, lang: str = "nb") -> tuple[str, str]:
    portfolio = askoy2020.load(root)
    report = build_report(portfolio, 2020, AS_OF, lang=lang)
    verdict = build_verdict(portfolio, report)
    part = next(p for p in verdict.parts if p.part == "quality")
    assert part.light.value == report.quality.headline.light, "page 1 and the chapter say the same"
    return part.light.value, part.text


def test_the_sample_is_amber_for_a_routine_and_a_risk_review_behind(tmp_path: Path) -> None:
    light, text = _quality_line(copy_sample(tmp_path))
    assert light == "amber"
    assert "1 rutine over fristen for gjennomgang" in text and "1 risiko over fristen for ny vurdering" in text


def test_nothing_behind_is_green(tmp_path: Path) -> None:
    root = copy_sample(tmp_path)
    for case in ("Q-2020-006", "Q-2020-037"):  # the two cases past their deadline
        path = root / "quality" / "2020" / f"{case}.yaml"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("deadline: 2020-09-", "deadline: 2020-12-", 1), encoding="utf-8")
    swap(root / "risks" / "R-DK-04.yaml", "next_review: 2020-06-30", "next_review: 2021-06-30")
    swap(root / "control" / "units" / "E-HJS.yaml", "last_reviewed: 2019-09-12", "last_reviewed: 2020-09-12")
    light, text = _quality_line(root)
    assert (light, "Internkontroll" in text) == ("green", False)


@pytest.mark.parametrize(("file", "old", "new", "said"), [
    # A lovbrudd from Fylkesmannen, its deadline moved before the report's day.
    ("control/findings/F-2020-04.yaml", "deadline: 2020-11-15", "deadline: 2020-10-15",
     "1 funn fra tilsyn eller revisjon over fristen"),
    # A red risk whose measures are gone.
    ("risks/R-AI-01.yaml", "measures:\n", "unused:\n", "1 risiko i rød sone uten tiltak"),
])
def test_what_the_law_requires_undone_is_red(tmp_path: Path, file: str, old: str, new: str, said: str) -> None:
    root = copy_sample(tmp_path)
    path = root / file
    text = path.read_text(encoding="utf-8")
    if new == "unused:\n":  # drop the measures block and the residual with it
        head, _, _ = text.partition("measures:\n")
        text = head + "next_review: 2021-01-31\n"
    else:
        assert old in text
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    light, line = _quality_line(root)
    assert light == "red"
    assert said in line


def test_the_english_line_says_the_same(tmp_path: Path) -> None:
    light, text = _quality_line(copy_sample(tmp_path), "en")
    assert light == "amber" and "1 routine past its review date" in text and "1 risk past its review date" in text


def test_a_lovbrudd_past_its_deadline_is_a_point_on_page_one(tmp_path: Path) -> None:
    """F-2020-04 (Fylkesmannen, deadline 15.11.2020) is open in the year's
    report; on 31.10.2020 it is not yet late, so it is not a point."""
    portfolio = askoy2020.load(copy_sample(tmp_path))
    said = {}
    for day in (AS_OF, dt.date(2020, 12, 31)):
        verdict = build_verdict(portfolio, build_report(portfolio, 2020, day))
        said[day] = [p.text for p in verdict.points if p.kind == "finding_late"]
    assert said[AS_OF] == []
    assert said[dt.date(2020, 12, 31)] == [
        "Lovbrudd fra Fylkesmannen i Vestland (F-2020-04) er ikke rettet; fristen 15.11.2020 er passert med 46 dager."]
