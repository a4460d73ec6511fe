"""A programme.yaml that fails to load gives its own errors, and no rule
that compares other records with it (criteria, rounds) reports a false one."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

import askoy2020
from askoy2020.rules import all_rules

DATA = Path(__file__).parent.parent.parent / "data"
AS_OF = dt.date(2020, 10, 31)


@pytest.mark.parametrize(("old", "new"), [
    ("      drift: {2020: 20500,", "      drift: {2020: -5,"),  # a negative frame
    ("    weight: 0.35\n", "    weight: mye\n"),  # a weight that is no number
    ("measuring_year: 2020\n", "measuring_year: 2020\nbudget_frames: {2021: 1}\n"),  # an unknown key
    ("    decision: KST 142/19\n", ""),  # a round without its decision
])
def test_only_programme_yaml_is_blamed(tmp_path: Path, old: str, new: str) -> None:
    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    programme = root / "programme.yaml"
    text = programme.read_text(encoding="utf-8")
    assert old in text, old
    programme.write_text(text.replace(old, new, 1), encoding="utf-8")
    errors = [d for d in askoy2020.check(askoy2020.load(root), AS_OF) if d.is_error]
    assert errors, "the broken programme.yaml is reported"
    assert [f"{d.location} {d.rule} {d.message}" for d in errors if not d.file.endswith("programme.yaml")] == []


def test_the_rules_that_need_the_programme_are_the_ones_that_compare_with_it() -> None:
    assert {r.id for r in all_rules() if r.needs_programme} == {"ASK417", "ASK702", "ASK703", "ASK704", "ASK705", "ASK823"}
