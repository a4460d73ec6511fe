"""Every diagnostic a rule case produces says itself in bokmål too.

Generated over every case folder (tests/cases/<RULE>/{fail,pass}*), so a
new rule, a new case or a new branch in a message is covered without being
listed here (tests/rules/test_rule_cases.py sees that every rule fires in
its failing case); the sample data is validated on a few dates as well. For each
diagnostic: the bokmål message and hint differ from the English ones and
hold none of the English giveaway words (tests/helpers.py). The words are
shown to catch every English message, so an untranslated one cannot pass.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import askoy2020
from helpers import AS_OF, CASES, build_case, english_words

CASE_DIRS = sorted(p for p in CASES.glob("ASK*/*") if p.is_dir())
SAMPLE = Path(__file__).parents[2] / "data"


def _problems(diagnostics: list[askoy2020.Diagnostic]) -> list[str]:
    found = []
    for d in diagnostics:
        message, hint = d.text("nb")
        where = f"{d.rule} {d.message!r}"
        if not message or message == d.message:
            found.append(f"{where}: no bokmål message ({message!r})")
        if bool(hint) != bool(d.hint) or (hint and hint == d.hint):
            found.append(f"{where}: no bokmål hint ({hint!r})")
        if english_words(message) or english_words(hint):
            found.append(f"{where}: English in {message!r} / {hint!r}: {english_words(message + ' ' + hint)}")
        if not english_words(d.message + " " + d.hint):
            found.append(f"{where}: the giveaway words would not catch this English message")
    return found


@pytest.mark.parametrize("case", CASE_DIRS, ids=lambda c: f"{c.parent.name}/{c.name}")
def test_every_diagnostic_of_a_case_is_said_in_bokmal(case: Path, tmp_path: Path) -> None:
    root = build_case(case, tmp_path / "data")
    diagnostics = askoy2020.check(askoy2020.load(root), as_of=AS_OF)
    assert _problems(diagnostics) == []


@pytest.mark.parametrize("as_of", [dt.date(2019, 6, 1), AS_OF, dt.date(2021, 12, 31)], ids=str)
def test_the_sample_data_is_said_in_bokmal(as_of: dt.date) -> None:
    diagnostics = askoy2020.check(askoy2020.load(SAMPLE), as_of=as_of)
    assert diagnostics, "the sample data should give something to say on this day"
    assert _problems(diagnostics) == []

