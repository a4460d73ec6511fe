"""The sample report – nb and en, Markdown and HTML, internal and public,
the status on 31.10.2020 and the 2nd tertial report – is exactly the
committed golden file. Regenerate after an intended change with
ASKOY2020_REGEN_GOLDEN=1 pytest tests/report/test_golden.py, and read the diff."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from unittest import mock

import pytest

import askoy2020
from askoy2020.report.audience import Audience
from askoy2020.report.compose import ReportOptions, compose, looking_back
from askoy2020.report.period import ReportPeriod, for_day, parse_report_period
from askoy2020.report.render import render

from .helpers import gfm_tables, structure, unsafe_parts

DATA = Path(__file__).parent.parent.parent / "data"
GOLDEN = Path(__file__).parent / "golden"
AS_OF = dt.date(2020, 10, 31)


PERIODS = {"2020": for_day(2020, AS_OF), "T2": parse_report_period("2020-T2")}


# The report names the version it was made with, which the git tag gives
# (0.17.1.dev3+g… between tags): the golden files hold this one.
GOLDEN_VERSION = "0.1.0"


def _render(lang: str, fmt: str, audience: str = "internal", period: ReportPeriod = PERIODS["2020"]) -> str:
    portfolio = askoy2020.load(DATA)
    diagnostics = looking_back(askoy2020.check(portfolio, as_of=period.as_of), period.as_of, dt.date.today())
    options = ReportOptions(lang=lang, audience=Audience(audience))
    with mock.patch("askoy2020.report.build.__version__", GOLDEN_VERSION):
        return render(compose(portfolio, period, options, diagnostics), fmt)


@pytest.mark.parametrize("period", sorted(PERIODS))
@pytest.mark.parametrize("audience", ["internal", "public"])
@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_sample_report_matches_golden_file(lang: str, fmt: str, audience: str, period: str) -> None:
    text = _render(lang, fmt, audience, PERIODS[period])
    golden = GOLDEN / f"report.{lang}.{audience}.{period}.{fmt}"
    if os.environ.get("ASKOY2020_REGEN_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8"), f"regenerate {golden.name} if the change is intended"


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_every_markdown_table_has_the_same_number_of_cells_in_every_row(lang: str) -> None:
    tables = gfm_tables((GOLDEN / f"report.{lang}.internal.2020.md").read_text(encoding="utf-8"))
    assert len(tables) > 30
    for rows in tables:
        assert len(set(rows)) == 1, rows


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_html_has_the_structure_a_reader_and_a_screen_reader_need(lang: str) -> None:
    html = (GOLDEN / f"report.{lang}.internal.2020.html").read_text(encoding="utf-8")
    doc = structure(html)
    tags = [t for t, _ in doc.tags]
    assert ("html", {"lang": lang}) in doc.tags
    assert tags.count("h1") == 1 and tags.count("h2") >= 7 and "main" in tags
    assert all(attrs.get("scope") in ("col", "row") for t, attrs in doc.tags if t == "th")
    assert tags.count("svg") >= 20 and tags.count("title") >= tags.count("svg") + 1
    assert unsafe_parts(html) == []
    assert "@media print" in html and "size: A4" in html


def test_norwegian_and_english_differ_in_every_heading() -> None:
    nb, en = _render("nb", "md"), _render("en", "md")
    nb_heads = [line for line in nb.splitlines() if line.startswith("## ")]
    en_heads = [line for line in en.splitlines() if line.startswith("## ")]
    assert len(nb_heads) == len(en_heads)
    assert all(a != b for a, b in zip(nb_heads, en_heads))
    assert "31.10.2020" in nb and "2020-10-31" in en
    # The 2020 drift budget as revised on the day (KST 61/20): 16 100 in either language's digits.
    assert "16 100" in nb.replace("\u202f", " ") and "16,100" in en
