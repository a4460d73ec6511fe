"""``askoy2020 migrate leaders`` on a real copy of the sample: the sample's
leaders are given back per-leader appraisal data (as they held before the
migration), the cohorts are removed, and the migration must aggregate them
right, keep every comment, write nothing on a dry run, drop a cohort of
fewer than 3 leaders, and change nothing the second time."""

from __future__ import annotations

import io
import shutil
import statistics
from pathlib import Path
from typing import Any

import pytest
import yaml

import askoy2020
from askoy2020.commands import migrate_leaders as migrate
from askoy2020.writing.round_trip import comments

SAMPLE = Path(__file__).parents[2] / "data"
AREAS = ["goals_and_results", "projects_and_actions", "improvement_work", "communication_and_relations",
         "methods_and_routines"]


def _score(n: int, area: int, year: int) -> float:
    """A synthetic self-assessment, 1–5, with one decimal."""
    return round(1 + ((n * 7 + area * 3 + year) % 40) / 10, 1)


def _with_appraisal(path: Path, n: int, years: list[int]) -> None:
    """Give a leader file back `competences` and `evaluations`, with comments
    inside and around them."""
    text = path.read_text(encoding="utf-8")
    competences = "competences:  # egenvurdering\n" + "".join(
        f"  {a}: {{{', '.join(f'{y}: {_score(n, i, y)}' for y in years)}}}\n" for i, a in enumerate(AREAS))
    evaluations = ("# Evalueringer per leder (gammelt format)\nevaluations:\n"
                   f"  - {{level: 1, year: {years[0]}, instrument: questionnaire, value: {3 + n % 3}, respondents: 12}}\n"
                   f"  - {{level: 3, year: {years[0]}, instrument: feedback_360, value: {3 + n % 2}, respondents: 5}}\n"
                   f"  - {{level: 3, year: {years[-1]}, instrument: feedback_360, value: 4, respondents: 6}}\n"
                   f"  - {{level: 4, year: {years[-1]}, instrument: kpi, value: 70, scale_max: 100, respondents: 0}}\n")
    assert "\ngoals:\n" in text and "\nten_factor:\n" in text
    text = text.replace("\ngoals:\n", "\n" + competences + "# Enhetens mål\ngoals:\n", 1)
    text = text.replace("\nten_factor:\n", "\n" + evaluations + "ten_factor:\n", 1)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(SAMPLE, root)
    shutil.rmtree(root / "cohorts")
    for path in sorted((root / "leaders").glob("L-*.yaml")):
        start = yaml.safe_load(path.read_text(encoding="utf-8"))["cohort"]
        _with_appraisal(path, int(path.stem[2:]), list(range(start, 2021)))
    # Two leaders of a 2017 cohort: too few to aggregate.
    for n, unit in ((31, "Testenhet A"), (32, "Testenhet B")):
        source = (root / "leaders" / "L-001.yaml").read_text(encoding="utf-8")
        text = (source.replace("id: L-001", f"id: L-0{n}").replace("L-001-M", f"L-0{n}-M")
                .replace("cohort: 2018", "cohort: 2017").replace("unit: Kleppestø skole", f"unit: {unit}"))
        (root / "leaders" / f"L-0{n}.yaml").write_text(text, encoding="utf-8")
    return root


def _run(root: Path, dry_run: bool = False) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = migrate.run(migrate.MigrateLeadersRequest(root, dry_run=dry_run), out, err)
    return code, out.getvalue(), err.getvalue()


def _snapshot(root: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file() and ".askoy2020" not in p.parts}


def _leaders(root: Path) -> list[dict[str, Any]]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((root / "leaders").glob("*.yaml"))]


def test_the_copy_has_appraisal_data_that_validate_flags(data: Path) -> None:
    found = [d for d in askoy2020.check(askoy2020.load(data)) if d.rule == "ASK710"]
    assert len(found) == 2 * 32


def test_a_dry_run_writes_nothing(data: Path) -> None:
    before = _snapshot(data)
    code, out, err = _run(data, dry_run=True)
    assert code == 0, err
    assert "would write" in out and "K-2018.yaml" in out and "would remove" in out
    assert _snapshot(data) == before


def test_the_aggregates_are_the_means_over_the_leaders(data: Path) -> None:
    old = _leaders(data)
    code, out, err = _run(data)
    assert code == 0, err
    for start in (2018, 2019):
        members = [x for x in old if x["cohort"] == start]
        cohort = yaml.safe_load((data / "cohorts" / f"K-{start}.yaml").read_text(encoding="utf-8"))
        assert cohort["id"] == f"K-{start}" and cohort["start"] == start and cohort["leaders"] == len(members)
        for item in cohort["learning"]:
            if "area" not in item:
                continue
            values = [x["competences"][item["area"]][item["year"]] for x in members
                      if item["year"] in x["competences"][item["area"]]]
            assert item["respondents"] == len(values) >= 3
            assert item["mean"] == pytest.approx(round(statistics.fmean(values), 2))
        expected = {(y, a) for x in members for a, by_year in x["competences"].items() for y in by_year}
        assert {(i["year"], i["area"]) for i in cohort["learning"] if "area" in i} == expected
        level1 = [e["value"] for x in members for e in x["evaluations"] if e["level"] == 1]
        assert [(r["mean"], r["respondents"]) for r in cohort["reaction"]] == [
            (pytest.approx(round(statistics.fmean(level1), 2)), len(level1))]
        (b,) = cohort["behaviour"]
        first, last = (2018, 2020) if start == 2018 else (2019, 2020)
        assert b["before"]["year"] == first and b["after"]["year"] == last
        before = [e["value"] for x in members for e in x["evaluations"] if e["level"] == 3 and e["year"] == first]
        assert b["before"]["mean"] == pytest.approx(round(statistics.fmean(before), 2))
        assert b["before"]["respondents"] == len(before)
    # Level 4 is computed, not migrated; the 2017 cohort of two leaders is not written.
    assert "level 4" in out and "not migrated" in out
    assert not (data / "cohorts" / "K-2017.yaml").exists()
    assert "dropped K-2017" in out and "fewer than 3" in out
    for leader in _leaders(data):
        assert "competences" not in leader and "evaluations" not in leader


def test_the_leader_files_keep_their_comments_and_everything_else(data: Path) -> None:
    path = data / "leaders" / "L-001.yaml"
    old_text = path.read_text(encoding="utf-8")
    old = yaml.safe_load(old_text)
    assert _run(data)[0] == 0
    new_text = path.read_text(encoding="utf-8")
    new = yaml.safe_load(new_text)
    assert new == {k: v for k, v in old.items() if k not in ("competences", "evaluations")}
    kept = [c for c in comments(old_text) if c not in ("# egenvurdering",)]
    assert comments(new_text) == kept
    assert "# Enhetens mål\ngoals:" in new_text and "# Evalueringer per leder (gammelt format)" in new_text


def test_the_migrated_folder_validates_and_a_second_run_changes_nothing(data: Path) -> None:
    assert _run(data)[0] == 0
    diagnostics = askoy2020.check(askoy2020.load(data))
    assert not [d for d in diagnostics if d.rule == "ASK710" or d.rule == "ASK712" or d.is_error]
    # The 2017 cohort has no record: a warning, as it would be for any leader without one.
    assert {d.rule for d in diagnostics if d.rule.startswith("ASK71")} == {"ASK713"}
    after = _snapshot(data)
    code, out, _ = _run(data)
    assert code == 0 and "Nothing to migrate" in out
    assert _snapshot(data) == after


def test_an_existing_cohort_is_added_to_and_keeps_its_comments(data: Path) -> None:
    cohorts = data / "cohorts"
    cohorts.mkdir()
    (cohorts / "K-2018.yaml").write_text(
        "# Kull 2018, ført for hånd\nid: K-2018\nstart: 2018\nleaders: 20  # alle rektorer og styrere\n"
        "reaction:\n  - {year: 2018, session: Samling 1, mean: 4.2, respondents: 18}\n", encoding="utf-8")
    assert _run(data)[0] == 0
    text = (cohorts / "K-2018.yaml").read_text(encoding="utf-8")
    assert "# Kull 2018, ført for hånd" in text and "# alle rektorer og styrere" in text
    cohort = yaml.safe_load(text)
    assert cohort["leaders"] == 20 and cohort["reaction"][0]["session"] == "Samling 1"
    assert len(cohort["learning"]) == 15 and cohort["behaviour"]


def test_broken_leader_files_stop_the_run_before_anything_is_written(data: Path) -> None:
    (data / "leaders" / "L-002.yaml").write_text("id: L-002\nrole: [\n", encoding="utf-8")
    before = _snapshot(data)
    code, _, err = _run(data)
    assert code == 2 and "nothing written" in err
    assert _snapshot(data) == before


def test_a_list_file_and_windows_line_ends_are_migrated_too(tmp_path: Path) -> None:
    cases = Path(__file__).parents[1] / "cases"
    root = tmp_path / "data"
    shutil.copytree(cases / "_base", root)
    shutil.copy(cases / "ASK710" / "fail-evaluations-in-list" / "leaders" / "more.yaml", root / "leaders")
    single = (cases / "ASK710" / "fail-competences" / "leaders" / "L-001.yaml").read_text(encoding="utf-8")
    (root / "leaders" / "L-001.yaml").write_bytes(b"\xef\xbb\xbf" + single.replace("\n", "\r\n").encode("utf-8"))
    code, out, err = _run(root)
    assert code == 0, err
    # One or two leaders per aggregate: all dropped, none written; the fields are gone all the same.
    assert out.count("dropped") == 2 and "fewer than 3" in out
    raw = (root / "leaders" / "L-001.yaml").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfid: L-001\r\n") and b"competences" not in raw and b"\n" not in raw.replace(
        b"\r\n", b"")
    listed = yaml.safe_load((root / "leaders" / "more.yaml").read_text(encoding="utf-8"))
    assert [x["id"] for x in listed] == ["L-002", "L-003"]
    assert all("competences" not in x and "evaluations" not in x for x in listed)
    assert not [d for d in askoy2020.check(askoy2020.load(root)) if d.is_error or d.rule == "ASK710"]
