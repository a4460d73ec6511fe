"""``askoy2020 new unit|review|finding``: a skeleton with the next free id
that validates where it lands, in the sample and after init."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

import askoy2020
from askoy2020.model.kinds import kind_named, kind_of
from askoy2020.scaffold import init_repository, new_record
from askoy2020.writing import write_new_files

DATA = Path(__file__).parents[2] / "data"
DAY = dt.date(2020, 11, 2)


@pytest.mark.parametrize(("kind", "path"), [
    ("unit", "control/units/E-01.yaml"),
    ("review", "control/reviews/2020.yaml"),
    ("finding", "control/findings/F-2020-06.yaml"),
])
def test_a_new_control_record_is_numbered_and_validates(kind: str, path: str, tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    if kind == "review":
        (root / "control" / "reviews" / "2020.yaml").unlink()  # the sample plans one already
    record = new_record(askoy2020.load(root), kind, "HM", DAY)
    assert record.relative_path == path
    assert kind_of(record.relative_path) is kind_named(kind)
    write_new_files([(root / record.relative_path, record.text)])
    diagnostics = askoy2020.check(askoy2020.load(root), as_of=DAY)
    assert [f"{d.location} {d.rule} {d.message}" for d in diagnostics if d.is_error] == []
    assert not [d for d in diagnostics if d.file.endswith(path) and d.rule.startswith("ASK81")]


def test_the_next_finding_number_follows_the_year() -> None:
    portfolio = askoy2020.load(DATA)
    assert new_record(portfolio, "finding", None, dt.date(2020, 11, 2)).relative_path.endswith("F-2020-06.yaml")
    assert new_record(portfolio, "finding", None, dt.date(2021, 1, 4)).relative_path.endswith("F-2021-01.yaml")


@pytest.mark.parametrize("later", [0, 1])
def test_init_is_asked_for_a_review_only_once_its_year_is_over(later: int, tmp_path: Path) -> None:
    init_repository(tmp_path, year=2030)
    diagnostics = askoy2020.check(askoy2020.load(tmp_path / "data"), as_of=dt.date(2031, 1, 1) if later else dt.date(2030, 12, 31))
    assert [d.rule for d in diagnostics if d.rule.startswith("ASK81")] == (["ASK812"] if later else [])
    assert not [d for d in diagnostics if d.is_error]
