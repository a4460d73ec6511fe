"""The CI views of ``validate`` as GitHub and GitLab read them: a problem
keeps its GitLab fingerprint from one day to the next and when lines move,
and every view names files from the top of the git repository, whatever
folder the check runs in."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from askoy2020.cli.app import app
from commands.test_reporters import GITLAB_CODE_QUALITY_SCHEMA, runner_parse
from helpers import CASES, build_case

runner = CliRunner()
SAMPLE = Path(__file__).parents[2] / "data"


def _git_repository(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    return root


def _toplevel(folder: Path) -> Path:
    done = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=folder, capture_output=True, text=True,
                          check=True)
    return Path(done.stdout.strip())


def _gitlab(folder: str, as_of: str, cwd: Path, monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    import jsonschema

    monkeypatch.chdir(cwd)
    result = runner.invoke(app, ["validate", folder, "--as-of", as_of, "--format", "gitlab", "--no-cache"])
    assert result.exit_code in (0, 1), result.output
    issues: list[dict[str, Any]] = json.loads(result.stdout)
    jsonschema.validate(issues, GITLAB_CODE_QUALITY_SCHEMA)
    assert len({i["fingerprint"] for i in issues}) == len(issues)  # unique within the run
    return issues


@pytest.fixture(scope="module")
def sample_repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = _git_repository(tmp_path_factory.mktemp("repo") / "kommune data")
    shutil.copytree(SAMPLE, repo / "data")
    return repo


def test_a_new_day_keeps_each_problems_fingerprint(sample_repository: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Between 31 October and 2 November the sample has the same problems;
    some are said differently ("49 days ago", "51 days ago")."""
    first = _gitlab("data", "2020-10-31", sample_repository, monkeypatch)
    second = _gitlab("data", "2020-11-02", sample_repository, monkeypatch)
    assert [i["fingerprint"] for i in first] == [i["fingerprint"] for i in second]
    assert len(first) >= 20
    assert sum(a["description"] != b["description"] for a, b in zip(first, second, strict=True)) >= 3
    # A later day with more problems keeps the fingerprints of the problems it shares with the first.
    later = _gitlab("data", "2020-11-20", sample_repository, monkeypatch)
    assert len(later) > len(first) and {i["fingerprint"] for i in first} <= {i["fingerprint"] for i in later}


def test_a_line_added_above_keeps_each_problems_fingerprint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = _git_repository(tmp_path / "repo")
    shutil.copytree(SAMPLE, repo / "data")
    before = _gitlab("data", "2020-12-31", repo, monkeypatch)
    for file in (repo / "data").rglob("*.yaml"):
        file.write_text("# A comment added at the top.\n" + file.read_text(encoding="utf-8"), encoding="utf-8")
    after = _gitlab("data", "2020-12-31", repo, monkeypatch)
    assert len(before) >= 40
    assert [i["fingerprint"] for i in after] == [i["fingerprint"] for i in before]
    assert [i["location"]["lines"]["begin"] for i in after] == [i["location"]["lines"]["begin"] + 1 for i in before]


@pytest.fixture
def quality_repository(tmp_path: Path) -> Path:
    """A git repository (with a space and a non-ASCII letter in its path)
    whose data folder has a case overdue in quality/ (ASK803)."""
    repo = _git_repository(tmp_path / "Askøy data")
    build_case(CASES / "ASK803" / "fail", repo / "data")
    return repo


def _github(args: list[str], cwd: Path, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, dict[str, str], str]]:
    monkeypatch.chdir(cwd)
    result = runner.invoke(app, ["validate", *args, "--as-of", "2020-10-31", "--format", "github", "--no-cache"])
    parsed = [runner_parse(line) for line in result.stdout.splitlines()]
    return [p for p in parsed if p is not None]


@pytest.mark.parametrize("where, folder", [(".", "data"), ("data", "."), ("data/quality", ".."),
                                           ("data/quality", None), ("data/programmes/dk", "../..")])
def test_annotations_name_files_from_the_top_of_the_repository(quality_repository: Path, where: str,
                                                               folder: str | None,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    cwd = quality_repository / where
    annotations = _github([folder] if folder else [], cwd, monkeypatch)
    overdue = [p for _, p, _ in annotations if p["title"] == "ASK803 case-overdue"]
    expected = (quality_repository / "data" / "quality" / "Q-2020-009.yaml").relative_to(_toplevel(cwd))
    assert [p["file"] for p in overdue] == [expected.as_posix()] == ["data/quality/Q-2020-009.yaml"]
    issues = _gitlab(folder or "../..", "2020-10-31", cwd, monkeypatch) if folder else []
    assert all(i["location"]["path"].startswith("data/") for i in issues)


def test_outside_a_repository_files_are_named_from_the_working_folder(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    build_case(CASES / "ASK803" / "fail", tmp_path / "plain" / "data")
    (tmp_path / "plain" / "elsewhere").mkdir()
    assert subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=tmp_path / "plain",
                          capture_output=True).returncode != 0  # really outside a repository
    for cwd, folder, shown in ((tmp_path / "plain", "data", "data/quality/Q-2020-009.yaml"),
                               (tmp_path / "plain" / "elsewhere", "../data", "../data/quality/Q-2020-009.yaml")):
        overdue = [p for _, p, _ in _github([folder], cwd, monkeypatch) if p["title"].startswith("ASK803")]
        assert [p["file"] for p in overdue] == [shown]


def test_fingerprints_are_the_same_from_any_folder(quality_repository: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runs = [_gitlab(folder, "2020-10-31", quality_repository / where, monkeypatch)
            for where, folder in ((".", "data"), ("data/quality", ".."), ("data/programmes/dk", "../.."))]
    assert runs[0] and runs[0] == runs[1] == runs[2]


def test_junit_names_files_from_the_top_of_the_repository(quality_repository: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from xml.etree import ElementTree as ET

    monkeypatch.chdir(quality_repository / "data" / "quality")
    result = runner.invoke(app, ["validate", "..", "--as-of", "2020-10-31", "--format", "junit", "--no-cache"])
    files = {case.get("file") for case in ET.fromstring(result.stdout).iter("testcase")}
    assert "data/quality/Q-2020-009.yaml" in files and not any(f and f.startswith("..") for f in files)


def test_a_row_added_above_in_a_list_without_ids_keeps_each_problems_fingerprint(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Case-count rows have no id, and `import cases` sorts a new unit in
    above older rows: a problem in a row keeps its fingerprint when a row
    is added above it, since the row is named by its source, unit, kind,
    severity and month rather than by its place (red team)."""
    repo = _git_repository(tmp_path / "repo")
    shutil.copytree(SAMPLE, repo / "data")
    counts = sorted((repo / "data" / "quality-counts").glob("*.yaml"))[-1]
    lines = counts.read_text(encoding="utf-8").splitlines()
    rows = [i for i, line in enumerate(lines) if line.lstrip().startswith("- {")]
    lines[rows[2]] = lines[rows[2]].replace("}", ", bogus: 1}")  # ASK101 in the third row
    counts.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = [i for i in _gitlab("data", "2020-12-31", repo, monkeypatch) if "bogus" in i["description"]]
    new_row = lines[rows[0]].replace("unit: ", "unit: Aaa ny enhet ", 1)
    counts.write_text("\n".join([*lines[:rows[0]], new_row, *lines[rows[0]:]]) + "\n", encoding="utf-8")
    after = [i for i in _gitlab("data", "2020-12-31", repo, monkeypatch) if "bogus" in i["description"]]
    assert len(before) == len(after) == 1
    assert after[0]["location"]["lines"]["begin"] == before[0]["location"]["lines"]["begin"] + 1
    assert after[0]["fingerprint"] == before[0]["fingerprint"]
