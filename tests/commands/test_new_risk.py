"""``askoy2020 new risk`` starts a risk in the ROS register with the next
free id, and the record validates as it stands."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from typer.testing import CliRunner

import askoy2020
from askoy2020.cli.app import app
from askoy2020.model.kinds import kind_named, kind_of
from askoy2020.scaffold import new_record

DATA = Path(__file__).parent.parent.parent / "data"
runner = CliRunner()


def test_new_risk_for_an_area_takes_the_next_number_of_that_area() -> None:
    portfolio = askoy2020.load(DATA)
    record = new_record(portfolio, "risk", "DK", dt.date(2020, 11, 2))
    taken = [int(r.id.rsplit("-", 1)[1]) for r in portfolio.risks if r.id.startswith("R-DK-")]
    assert record.relative_path == f"risks/R-DK-{max(taken) + 1:02d}.yaml"
    assert kind_of(record.relative_path) is kind_named("risk")
    assert "area: DK" in record.text and "next_review: 2021-11-02" in record.text


def test_new_risk_without_an_area_is_about_a_unit() -> None:
    record = new_record(askoy2020.load(DATA), "risk", None, dt.date(2020, 11, 2))
    assert record.relative_path == "risks/R-01.yaml" and "unit: Enhet" in record.text


def test_a_written_new_risk_validates(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    result = runner.invoke(app, ["new", "risk", str(root), "--area", "HM", "--write"])
    assert result.exit_code == 0, result.output
    written = [p for p in (root / "risks").glob("R-HM-*.yaml")]
    assert len(written) == 4
    diagnostics = askoy2020.check(askoy2020.load(root), as_of=dt.date.today())
    assert [d.message for d in diagnostics if "R-HM-04" in d.file] == []
