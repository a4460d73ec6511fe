"""``askoy2020 prioritise`` on the sample data and on broken input: exit
codes, formats, scenarios and the saved plan that validate understands."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

import askoy2020
from askoy2020.cli.app import app

runner = CliRunner()
DATA = Path(__file__).parent.parent.parent / "data"
# The sample data's snapshot day: budsjett 2021 is the next round.
AS_OF = ["--as-of", "2020-10-31"]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def test_sample_plan_in_text_is_proven_optimal_with_reasons() -> None:
    result = runner.invoke(app, ["prioritise", str(DATA), *AS_OF])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Proven optimal" in out
    assert "plan 2021–2023" in out and "money before 2021 is sunk" in out
    assert "Programme frames per year" in out and "Not funded: left out" in out
    # (the reason column wraps: "needs DK-05 (…), which / is not in the plan")
    assert "short by" in out and "needs DK-05 (hard, start-to-start, lag 30 days)" in out
    assert "Where more would buy value" in out
    assert "Unallocated in area frames" in out and "would fund DK-05" in out
    assert "Already done (40 completed, not planned again)" in out


def test_json_output_is_the_plan_with_a_schema_version() -> None:
    result = runner.invoke(app, ["prioritise", str(DATA), *AS_OF, "--format", "json", "--no-explain"])
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert document["schema_version"] == 1 and document["feasible"] is True
    selected = {row["project"]: row for row in document["plan"]["selected"]}
    assert selected["OL-05"]["why"] == "mandatory" and selected["EI-05"]["why"] == "locked"
    # The next round only: no completed project is selected, none of them earns points.
    assert document["plan"]["years"] == {"first_year": 2021, "last_year": 2023}
    assert document["plan"]["as_of"] == "2020-10-31" and document["plan"]["open_from"] == 2021
    assert not {"DK-01", "KM-04"} & set(selected) and "DK-01" in document["plan"]["done"]
    assert all(set(row["cost"]) <= {"2021", "2022", "2023"} for row in document["plan"]["selected"])
    left = {row["project"]: row for row in document["plan"]["left_out"]}
    # DK's 2021 drift frame is 3 500 and DK-06 uses 1 900: 1 600 left, so DK-05 (4 300) is 2 700 short;
    # AI has 2 100 left (2 300 - 200) and OL 1 950 (3 200 - 1 250): the largest first, then the rest.
    assert left["DK-05"]["cost"] == {"2021": 4300.0} and left["DK-05"]["short"][0] == {
        "scope": "DK", "kind": "drift", "year": 2021, "amount": 2700.0}
    assert {"project": "DK-05", "moves": [
        {"kind": "drift", "year": 2021, "from_area": "AI", "to_area": "DK", "amount": 2100.0},
        {"kind": "drift", "year": 2021, "from_area": "OL", "to_area": "DK", "amount": 600.0}]} in document["plan"]["transfers"]


def test_csv_has_one_row_per_project() -> None:
    result = runner.invoke(app, ["prioritise", str(DATA), *AS_OF, "--format", "csv", "--no-explain"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 72  # 70 projects of the sample and its two building phases
    assert {r["decision"] for r in rows} == {"selected", "left out", "done"}
    assert {"cost_2021", "investment_2021", "staff_2021"} <= set(rows[0])
    needs = {r["project"]: r["cost_2021"] for r in rows if r["decision"] == "left out"}
    assert needs["DK-05"] == "4300.0", "a project left out shows what it would need"


def test_saved_plan_validates_and_is_reproducible(data: Path) -> None:
    target = data / "plans" / "ny.yaml"
    first = runner.invoke(app, ["prioritise", str(data), *AS_OF, "--output", str(target)])
    assert first.exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Plan made by askoy2020 prioritise")
    assert f"#   askoy2020 prioritise {data.as_posix()} --as-of 2020-10-31 --output {target.as_posix()}\n" in text
    assert "id: ny" in text
    check = runner.invoke(app, ["validate", str(data), "--as-of", "2020-10-31", "--format", "json"])
    rules = [d["rule"] for d in json.loads(check.stdout)["diagnostics"]]
    assert check.exit_code == 0 and not [r for r in rules if r.startswith("ASK70")]
    runner.invoke(app, ["prioritise", str(data), *AS_OF, "--output", str(target)])
    assert target.read_text(encoding="utf-8") == text
    assert sorted(p.name for p in target.parent.iterdir()) == ["budsjett-2021.yaml", "ny.yaml"], "no temp files"


def test_committed_sample_plan_is_what_the_command_makes_today(data: Path) -> None:
    target = data / "plans" / "budsjett-2021.yaml"
    committed = target.read_text(encoding="utf-8")
    assert runner.invoke(app, ["prioritise", str(data), *AS_OF, "--output", str(target)]).exit_code == 0
    remade = target.read_text(encoding="utf-8")

    def records(text: str) -> list[str]:  # all but the header comment, which names the folder
        return [line for line in text.splitlines() if not line.startswith("#")]

    assert records(remade) == records(committed)


def test_saved_plan_goes_stale_when_a_cost_changes(data: Path) -> None:
    project = data / "programmes" / "ei" / "projects" / "EI-05.yaml"  # locked, so in the plan
    project.write_text(project.read_text(encoding="utf-8").replace("cost: {2021: ", "cost: {2021: 1"),
                       encoding="utf-8")
    check = runner.invoke(app, ["validate", str(data), "--as-of", "2020-10-31", "--format", "json"])
    assert "ASK702" in {d["rule"] for d in json.loads(check.stdout)["diagnostics"]}


def test_infeasible_frames_exit_1_naming_frame_amount_and_place(data: Path) -> None:
    target = data / "plans" / "budsjett-2021.yaml"
    before = target.read_bytes()
    result = runner.invoke(app, ["prioritise", str(data), *AS_OF, "--frame", "2021=5000", "--output", str(target)])
    assert result.exit_code == 1
    assert "No plan is possible" in result.stdout
    # What must be in during 2021: the running, locked and mandatory projects' 2021 drift, summed here from the data.
    must = sum(p.cost.get(2021, 0.0) for p in askoy2020.load(data).projects
               if p.status.value in ("active", "paused") or p.locked or (p.mandatory and p.status.value == "planned"))
    assert must == 6800
    assert "programme budget frame 2021" in result.stdout and "over by 1 800" in result.stdout
    assert "programme.yaml:29" in result.stdout, "the 2020 round's drift frames, which speak for 2021"
    assert "Traceback" not in result.output
    assert target.read_bytes() == before, "a failed run leaves the old plan alone"


@pytest.mark.parametrize(("args", "message"), [
    (["--frame", "2019=+x"], "is not YEAR=+N"),
    (["--frame", "2030=+5"], "outside the plan years"),
    (["--frame", "ZZ:2021=+5"], "no programme area ZZ"),
    (["--exclude", "XX-99"], "there is no project XX-99"),
    (["--scenario", "nope"], "no scenario 'nope'; known scenarios: ekstra-2021, uten-robot, wsjf"),
    (["--years", "2017-2021"], "--years 2017–2021 reach before the first open year 2021 on 2020-10-31"),
    (["--years", "2021-2030"], "outside the budget rounds' years"),
    (["--from-year", "2020"], "--from-year 2020 is before the first open year 2021 on 2020-10-31"),
    (["--from-year", "2024"], "--from-year 2024 is after the last year of budsjett 2020"),
    (["--frame", "2019=+5"], "outside the plan years 2021–2023"),
    (["--output", "plan.txt"], "must end in .yaml, .json or .csv"),
])
def test_bad_options_exit_2_with_a_clear_message(args: list[str], message: str) -> None:
    result = runner.invoke(app, ["prioritise", str(DATA), *AS_OF, *args])
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_scenario_prints_its_difference_from_the_baseline() -> None:
    result = runner.invoke(app, ["prioritise", str(DATA), *AS_OF, "--scenario", "ekstra-2021"])
    assert result.exit_code == 0
    assert "scenario: ekstra-2021" in result.stdout
    assert "Difference from the baseline plan" in result.stdout
    assert "+ DK-05" in result.stdout


def test_cli_options_change_the_plan() -> None:
    base = json.loads(runner.invoke(app, ["prioritise", str(DATA), *AS_OF, "--format", "json", "--no-explain"]).stdout)
    more = json.loads(runner.invoke(app, ["prioritise", str(DATA), *AS_OF, "--format", "json", "--no-explain",
                                          "--frame", "DK:2021=+3100", "--include", "KM-06"]).stdout)
    before = {r["project"] for r in base["plan"]["selected"]}
    chosen = {r["project"] for r in more["plan"]["selected"]}
    assert not {"DK-05", "KM-06"} & before
    assert {"DK-05", "KM-06"} <= chosen


def test_a_broken_project_file_stops_the_plan(data: Path) -> None:
    (data / "programmes" / "dk" / "projects" / "DK-05.yaml").write_text("id: DK-05\nname: [\n", encoding="utf-8")
    result = runner.invoke(app, ["prioritise", str(data), *AS_OF])
    assert result.exit_code == 1
    assert "records the plan needs could not be read" in result.stderr
    assert "DK-05.yaml:" in result.stderr


@pytest.mark.parametrize(("folder", "broken", "blocks"), [
    # The kinds table decides what a plan reads, not a path that happens to
    # contain "programmes/": a broken leader never blocks a plan, wherever
    # the data folder lies, and a broken scenario or area always does.
    ("programmes/data", "leaders/L-001.yaml", False),
    ("scenarios/data", "quality/2019/Q-2019-001.yaml", False),
    ("data", "scenarios/wsjf.yaml", True),
    ("data", "programmes/dk/area.yaml", True),
])
def test_only_broken_plan_inputs_stop_the_plan(tmp_path: Path, folder: str, broken: str, blocks: bool) -> None:
    root = tmp_path / folder
    shutil.copytree(DATA, root)
    (root / broken).write_text("id: X\nname: [\n", encoding="utf-8")
    result = runner.invoke(app, ["prioritise", str(root), *AS_OF, "--no-explain", "--format", "json"])
    assert ("records the plan needs could not be read" in result.stderr) is blocks
    assert result.exit_code == (1 if blocks else 0)


def test_no_programme_is_said_once_whoever_asks(tmp_path: Path) -> None:
    from askoy2020.loading.loader import load
    from askoy2020.model.portfolio import NoProgramme
    from askoy2020.prioritise.problem import build_problem

    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    (root / "programme.yaml").unlink()
    result = runner.invoke(app, ["prioritise", str(root), *AS_OF])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {NoProgramme()}.\n"
    with pytest.raises(NoProgramme):
        build_problem(load(root))


@pytest.mark.parametrize(("output", "written"), [
    # Inside the data folder only plans/ takes a plan.
    ("data/programme.yaml", False), ("data/programmes/dk/area.yaml", False),
    ("data/programmes/dk/projects/DK-01.yaml", False), ("data/quality/2020/Q-2020-001.yaml", False),
    ("data/leaders/L-001.yaml", False), ("data/scenarios/wsjf.yaml", False), ("data/plan.yaml", False),
    ("data/plans/x.json", False), ("data/plans/x.csv", False), ("data/plans", False),
    ("data/plans/budsjett-2021.yaml", True), ("data/plans/ny.yaml", True), ("data/plans/ny.yml", True),
    # Outside it, a file is replaced only when prioritise made it.
    ("notes.yaml", False), ("budget.csv", False), ("config.json", False),
    ("plan.yaml", True), ("plan.json", True), ("plan.csv", True),
    # The name becomes the plan's id: one that cannot be an id is refused, not a traceback.
    ("x plan.yaml", False), ("plan (2).yaml", False), (".plan.yaml", False),
])
def test_output_never_replaces_a_record_or_a_stranger(tmp_path: Path, output: str, written: bool) -> None:
    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    for name, text in (("notes.yaml", "merknad: behold meg\n"), ("budget.csv", "a,b\n1,2\n"),
                       ("config.json", '{"x": 1}\n')):
        (tmp_path / name).write_text(text, encoding="utf-8")
    target = tmp_path / output
    before = target.read_bytes() if target.is_file() else None
    result = runner.invoke(app, ["prioritise", str(root), *AS_OF, "--no-explain", "--output", str(target)])
    if written:
        assert result.exit_code == 0, result.stderr
        assert target.read_bytes() != before
        # … and again over its own file.
        assert runner.invoke(app, ["prioritise", str(root), *AS_OF, "--no-explain", "--output", str(target)]).exit_code == 0
    else:
        assert result.exit_code == 2, result.stderr
        assert result.stderr.startswith("Error: --output ") and result.stderr.count("\n") == 1
        assert (target.read_bytes() if target.is_file() else None) == before


def test_every_plan_prioritise_writes_has_the_values_the_rules_give(tmp_path: Path) -> None:
    """prioritise and ASK702 value a project by the one valuation
    (model/valuation.py): a plan just written, for the baseline and for each
    scenario, holds no value the data would not give."""
    import askoy2020

    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    for scenario in [None, "wsjf", "ekstra-2021", "uten-robot"]:
        name = scenario or "grunnlag"
        args = ["prioritise", str(root), *AS_OF, "--no-explain", "--output", str(root / "plans" / f"p-{name}.yaml")]
        assert runner.invoke(app, args + (["--scenario", scenario] if scenario else [])).exit_code == 0
    found = [d.message for d in askoy2020.check(askoy2020.load(root), dt.date(2020, 10, 31))
             if d.rule in ("ASK702", "ASK708") and "/p-" in d.file]
    assert found == []


def test_open_years_left_out_by_from_year_are_not_called_sunk() -> None:
    # 2021 is not adopted on 2020-10-31: planning from 2022 leaves it out, it does not make it spent.
    result = runner.invoke(app, ["prioritise", str(DATA), *AS_OF, "--from-year", "2022", "--frame", "OL:2022=+500",
                                 "--staff", "OL:2022=+1", "--no-explain"])
    assert result.exit_code == 0, result.output
    assert "2021 is open (not yet adopted) but left out of this plan by --from-year" in result.stdout
    assert "is sunk (spent or adopted)" not in result.stdout


def _solved_again(model: Path) -> float:
    import highspy

    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    highs.readModel(str(model))
    highs.setOptionValue("mip_rel_gap", 0.0)
    highs.run()
    assert highs.getModelStatus() == highspy.HighsModelStatus.kOptimal
    return float(highs.getInfo().objective_function_value)


def test_the_written_model_proves_the_plan_optimal_to_another_reader(tmp_path: Path) -> None:
    model = tmp_path / "budsjett-2021.mps"
    result = runner.invoke(app, ["prioritise", str(DATA), *AS_OF, "--no-explain", "--format", "json",
                                 "--write-model", str(model)])
    assert result.exit_code == 0, result.stderr
    plan = json.loads(result.stdout)["plan"]  # HiGHS wrote nothing on standard output
    assert f"Wrote the model to {model}" in result.stderr
    # The objective is in thousandths of a point.
    assert _solved_again(model) == pytest.approx(plan["value"] * 1000)
    chosen = {f"{p['project']}@{p['start']}" for p in plan["selected"]}
    assert len(chosen) == len(plan["selected"]) > 10
    assert chosen <= set(model.read_text(encoding="utf-8").split())


def test_a_model_with_no_plan_is_still_written(data: Path, tmp_path: Path) -> None:
    model = tmp_path / "m.mps"
    result = runner.invoke(app, ["prioritise", str(data), *AS_OF, "--no-explain", "--frame", "2021=5000",
                                 "--write-model", str(model)])
    assert result.exit_code == 1 and model.read_text(encoding="utf-8").startswith("NAME")


@pytest.mark.parametrize(("target", "written"), [
    ("model.mps", True), ("old.mps", True),
    ("data/model.mps", False), ("data/plans/model.mps", False), ("model.lp", False), ("model.yaml", False),
    ("notes.mps", False), ("folder.mps", False), ("no/such/folder/model.mps", False),
])
def test_write_model_never_replaces_a_record_or_a_stranger(tmp_path: Path, target: str, written: bool) -> None:
    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    (tmp_path / "notes.mps").write_text("merknad: behold meg\n", encoding="utf-8")
    (tmp_path / "old.mps").write_text("NAME        \nROWS\n N  Obj\nENDATA\n", encoding="utf-8")
    (tmp_path / "folder.mps").mkdir()
    path = tmp_path / target
    before = path.read_bytes() if path.is_file() else None
    result = runner.invoke(app, ["prioritise", str(root), *AS_OF, "--no-explain", "--write-model", str(path)])
    assert "Traceback" not in result.output
    if written:
        assert result.exit_code == 0, result.stderr
        assert path.read_bytes() != before and _solved_again(path) > 0
    else:
        assert result.exit_code == 2 and result.stderr.startswith("Error: --write-model ")
        assert result.stderr.count("\n") == 1, result.stderr
        assert (path.read_bytes() if path.is_file() else None) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no temporary left


@pytest.mark.parametrize("option", ["--output", "--write-model"])
@pytest.mark.parametrize("how", ["folder-link", "data-link"])
def test_a_symbolic_link_does_not_carry_a_file_into_the_data_folder(tmp_path: Path, option: str, how: str) -> None:
    # Before, the paths were compared as written, so a link reached records' folders.
    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    projects = root / "programmes" / "dk" / "projects"
    name = "DK-99.mps" if option == "--write-model" else "DK-99.yaml"
    if how == "folder-link":  # a folder outside that is a link to one inside
        (tmp_path / "out").symlink_to(projects)
        target, data = tmp_path / "out" / name, root
    else:  # the data folder itself given through a link, the target by its real path
        (tmp_path / "link").symlink_to(root)
        target, data = projects / name, tmp_path / "link"
    before = sorted(p.name for p in projects.iterdir())
    result = runner.invoke(app, ["prioritise", str(data), *AS_OF, "--no-explain", option, str(target)])
    assert result.exit_code == 2 and result.stderr.startswith(f"Error: {option} "), result.stderr
    assert sorted(p.name for p in projects.iterdir()) == before


@pytest.mark.parametrize(("text", "kind"), [
    ("NAME: Ola Nordmann\nfnr: 01010112345\n", "not a model"), (None, "named pipe"),
])
def test_write_model_keeps_a_file_that_only_looks_like_a_model(tmp_path: Path, text: str | None, kind: str) -> None:
    import os

    target = tmp_path / "person.mps"
    if text is None:
        os.mkfifo(target)  # once opened to be read, which waits for a writer for ever
    else:
        target.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["prioritise", str(DATA), *AS_OF, "--no-explain", "--write-model", str(target)])
    assert result.exit_code == 2 and "is not an MPS model" in result.stderr, kind
    assert text is None or target.read_text(encoding="utf-8") == text


def test_a_model_that_cannot_be_written_stops_the_command_before_the_plan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    import errno

    import askoy2020.writing.atomic

    def full(path: Path, data: bytes, durable: bool = True) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(askoy2020.writing.atomic, "write_bytes_atomic", full)
    plan = tmp_path / "plan.json"
    result = runner.invoke(app, ["prioritise", str(DATA), *AS_OF, "--no-explain", "--format", "json",
                                 "--output", str(plan), "--write-model", str(tmp_path / "m.mps")])
    assert result.exit_code == 1 and "No space left on device" in result.stderr
    assert result.stdout == "" and not plan.exists(), "no plan shown or saved as if all went well"
