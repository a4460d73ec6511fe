"""``report --audience internal|public`` and ``--public``, its alias: the
internal report opens with its marking, the public one says what it is
and holds nothing per leader."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import askoy2020
from askoy2020.cli.app import app

runner = CliRunner()
DATA = Path(__file__).parent.parent.parent / "data"
ARGS = ["report", "--year", "2020", str(DATA), "--as-of", "2020-10-31"]
MARKING = "Unntatt offentlighet, jf. offentleglova § 14 første ledd (organinternt dokument)"


def _run(*extra: str) -> str:
    result = runner.invoke(app, [*ARGS, *extra], env={"ASKOY2020_NO_CACHE": "1"})
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_public_is_the_alias_of_audience_public(fmt: str) -> None:
    public = _run("--format", fmt, "--audience", "public")
    assert _run("--format", fmt, "--public") == public
    assert _run("--format", fmt, "--public", "--audience", "public") == public
    assert "Offentlig versjon: ingen tall vurderer eller peker ut én leder eller én ansatt" in public
    assert MARKING not in public and "Unntatt offentlighet" not in public


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_internal_report_is_the_default_and_is_marked_at_the_top(fmt: str) -> None:
    internal = _run("--format", fmt)
    assert _run("--format", fmt, "--audience", "internal") == internal
    title = "# Askøy 2020" if fmt == "md" else "<h1>"
    assert MARKING in internal and internal.index(MARKING) < internal.index(title)
    assert "skal ikke sendes ut av administrasjonen" in internal
    if fmt == "html":
        assert f'<p class="marking">{MARKING}</p>' in internal
    else:
        assert internal.startswith(f"**{MARKING}**\n")


def test_public_with_audience_internal_is_a_usage_error() -> None:
    result = runner.invoke(app, [*ARGS, "--public", "--audience", "internal"])
    assert result.exit_code == 2
    assert "--public means --audience public" in result.output


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_nothing_per_leader_or_per_case_in_the_public_report(fmt: str) -> None:
    public, internal = _run("--format", fmt, "--public"), _run("--format", fmt)
    portfolio = askoy2020.load(DATA)
    for leader in portfolio.leaders:
        assert leader.role in internal  # "Rektor, Kleppestø skole": role and unit together
        assert leader.role not in public and not re.search(rf"\b{leader.id}\b", public)
    for case in portfolio.cases:
        assert case.id not in public and case.title not in public
    # The two people sections name no unit at all (the areas section may name an area's owner).
    start, end = ('<section id="leadership">', '<section id="warnings">') if fmt == "html" else (
        re.search(r"^## \d+\. Prestasjonsledelse", public, re.M).group(0),  # type: ignore[union-attr]
        re.search(r"^## \d+\. Vedlegg", public, re.M).group(0))  # type: ignore[union-attr]
    people = public[public.index(start):public.index(end)]
    assert "Mestringsorientert ledelse" in people and "Personvernforordningen" in people
    units = {x.unit for x in portfolio.leaders} | {c.unit for c in portfolio.cases}
    assert [u for u in units if u in people] == []
    assert [u for u in units if u in internal] != []
