"""The plan rolls: a copy of the sample with the next December's round –
budsjett 2021 / økonomiplan 2021–2024, adopted 17 December 2020 – is valid
data on 31 October 2021, and the report for 2021 speaks of 2021–2024.

``rolled_sample`` builds that copy, and prioritise then plans 2022–2024."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from typer.testing import CliRunner

import askoy2020
from askoy2020.cli.app import app
from askoy2020.model.budget import MoneyKind

DATA = Path(__file__).parent.parent / "data"
ROUND_2021 = {"year": 2021, "decision": "KST 139/20", "adopted": dt.date(2020, 12, 17)}
AS_OF = dt.date(2021, 10, 31)
runner = CliRunner()


def _rolled_frames(frames: dict[str, Any]) -> dict[str, dict[int, Any]]:
    """The round of 2020's figures for 2021–2023 (as adopted: a new round is
    adopted whole), and 2024 at the level of 2023."""
    out: dict[str, dict[int, Any]] = {}
    for kind in MoneyKind:
        by_year = {int(y): v for y, v in (frames.get(kind.value) or {}).items()}
        if by_year:
            rolled = {y: by_year[y] for y in range(2021, 2024) if y in by_year}
            if 2023 in by_year:
                rolled[2024] = by_year[2023]
            if rolled:
                out[kind.value] = rolled
    return out


def _add_round(path: Path, extra: dict[str, Any]) -> None:
    yaml = YAML()  # round trip: comments and layout stay
    document = yaml.load(path.read_text(encoding="utf-8"))
    latest = next(r for r in document["rounds"] if r["year"] == 2020)
    document["rounds"].append({**extra, "frames": _rolled_frames(latest["frames"])})
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(document, out)


def _start_what_the_law_or_a_contract_started(path: Path) -> None:
    """A year has passed: a mandatory or locked project planned to start
    before 31 October 2021 has started (on its planned day)."""
    yaml = YAML()
    document = yaml.load(path.read_text(encoding="utf-8"))
    start = document.get("planned", {}).get("start")
    if (document.get("status") == "planned" and (document.get("mandatory") or document.get("locked"))
            and start is not None and start <= AS_OF):
        document["status"] = "active"
        document["actual"] = {"start": start}
        with path.open("w", encoding="utf-8") as out:
            yaml.dump(document, out)


def rolled_sample(target: Path) -> Path:
    """A copy of data/ at ``target`` with the round of 2021 added to the
    programme and to every area, and the duties due by then started."""
    shutil.copytree(DATA, target)
    _add_round(target / "programme.yaml", ROUND_2021)
    for area in sorted((target / "programmes").glob("*/area.yaml")):
        _add_round(area, {"year": 2021})
    for project in sorted((target / "programmes").glob("*/projects/*.yaml")):
        _start_what_the_law_or_a_contract_started(project)
    return target


def test_the_round_of_2021_speaks_for_2021_to_2024(tmp_path: Path) -> None:
    portfolio = askoy2020.load(rolled_sample(tmp_path / "data"))
    programme = portfolio.programme
    assert programme is not None
    assert [r.year for r in programme.rounds] == [2018, 2019, 2020, 2021]
    assert programme.current_round(AS_OF).years() == range(2021, 2025)
    # Before 17 December 2020 the round of 2020 still speaks for 2021.
    assert programme.round_for_year(2021, dt.date(2020, 12, 16)).year == 2020  # type: ignore[union-attr]
    assert programme.round_for_year(2021, AS_OF).year == 2021  # type: ignore[union-attr]
    # History stays: 2019 is still the round of 2019's.
    assert programme.round_for_year(2019, AS_OF).year == 2019  # type: ignore[union-attr]
    assert portfolio.frame(MoneyKind.DRIFT, 2024, AS_OF) is not None


def test_the_rolled_data_validate_without_errors(tmp_path: Path) -> None:
    portfolio = askoy2020.load(rolled_sample(tmp_path / "data"))
    diagnostics = askoy2020.check(portfolio, as_of=AS_OF)
    assert [f"{d.location} {d.rule} {d.message}" for d in diagnostics if d.is_error] == []


def test_the_2021_report_renders_and_shows_the_years_to_2024(tmp_path: Path) -> None:
    root = rolled_sample(tmp_path / "data")
    result = runner.invoke(app, ["report", "--year", "2021", str(root), "--as-of", AS_OF.isoformat()])
    assert result.exit_code == 0, result.output
    # The title follows the internal report's marking.
    assert "# Askøy 2020 – rapport 2021\n" in result.stdout.splitlines(keepends=True)[:3]
    # The budget chart (HTML) shows each year of the round that speaks: 2021-2024.
    page = tmp_path / "rapport.html"
    result = runner.invoke(app, ["report", "--year", "2021", str(root), "--as-of", AS_OF.isoformat(),
                                 "--output", str(page)])
    assert result.exit_code == 0, result.output
    chart = page.read_text(encoding="utf-8").split('<svg', 1)[1]
    for year in ("2021", "2022", "2023", "2024"):
        assert f">{year}<" in chart, year


def test_prioritise_plans_the_next_round_2022_to_2024(tmp_path: Path) -> None:
    root = rolled_sample(tmp_path / "data")
    result = runner.invoke(app, ["prioritise", str(root), "--as-of", AS_OF.isoformat(), "--format", "json",
                                 "--no-explain"])
    assert result.exit_code == 0, result.output
    plan = json.loads(result.stdout)["plan"]
    assert plan["years"] == {"first_year": 2022, "last_year": 2024} and plan["open_from"] == 2022
    # 2021's money is now sunk: no row of the plan counts it.
    for row in plan["selected"] + plan["left_out"]:
        for key in ("cost", "staff", "investment"):
            assert set(row.get(key) or {}) <= {"2022", "2023", "2024"}, (row["project"], key)
    completed = {p.id for p in askoy2020.load(root).projects if p.status.value == "completed"}
    assert completed and not completed & {row["project"] for row in plan["selected"]}
