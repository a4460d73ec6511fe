"""Alternative budgets as git branches: each is planned from git without
touching the working tree, and its plan is the plan the same data checked
out would give."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from askoy2020.cli.app import app

DATA = Path(__file__).parent.parent.parent / "data"
AS_OF = ["--as-of", "2020-10-31"]
runner = CliRunner()


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=Analytiker", "-c", "user.email=analytiker@example.invalid",
                           *args], cwd=repo, capture_output=True, text=True, check=True).stdout


def _branch(repo: Path, name: str, old: str, new: str) -> None:
    _git(repo, "checkout", "-q", "-b", name, "main")
    programme = repo / "data" / "programme.yaml"
    text = programme.read_text(encoding="utf-8")
    assert old in text
    programme.write_text(text.replace(old, new), encoding="utf-8")
    _git(repo, "commit", "-q", "-am", f"{name}: alternative budget")
    _git(repo, "checkout", "-q", "main")


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = tmp_path_factory.mktemp("alternatives") / "repo"
    shutil.copytree(DATA, repo / "data")
    _git(repo.parent, "init", "-q", "-b", "main", str(repo))
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "the rådmann's proposal")
    # Party A weighs user value over strategic fit; party B cuts the 2021-2023 drift frames hard.
    _branch(repo, "parti-a", "weight: 0.35", "weight: 0.05")
    _branch(repo, "parti-b", "drift: {2020: 20500, 2021: 34000, 2022: 13500, 2023: 13500}",
            "drift: {2020: 20500, 2021: 3400, 2022: 1350, 2023: 1350}")
    return repo


def _plan(folder: Path, *extra: str) -> dict[str, object]:
    result = runner.invoke(app, ["prioritise", str(folder), *AS_OF, "--no-explain", "--format", "json", *extra])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_each_branch_is_planned_as_its_checkout_would_be(repository: Path, tmp_path: Path) -> None:
    head = _git(repository, "rev-parse", "HEAD")
    compared = _plan(repository / "data", "--compare", "parti-a", "--compare", "parti-b")
    assert _git(repository, "status", "--porcelain") == "" and _git(repository, "rev-parse", "HEAD") == head
    rows = {row["revision"]: row for row in compared["alternatives"]}  # type: ignore[attr-defined]
    assert list(rows) == ["working tree", "parti-a", "parti-b"]
    for branch in ("parti-a", "parti-b"):
        checkout = tmp_path / branch
        _git(repository, "worktree", "add", "-q", str(checkout), branch)
        alone = _plan(checkout / "data")
        row = rows[branch]
        assert row["balances"] == alone["feasible"]
        if alone["feasible"]:
            assert row["value"] == alone["plan"]["value"]  # type: ignore[index]
            selected = {(s["project"], s["start"]) for s in alone["plan"]["selected"]}  # type: ignore[index]
            base = {(s["project"], s["start"]) for s in compared["plan"]["selected"]}  # type: ignore[index]
            added = {(a["project"], a["start"]) for a in row["difference"]["added"]}
            assert added == selected - base
            assert set(row["difference"]["dropped"]) == {p for p, _ in base} - {p for p, _ in selected}
    assert rows["parti-a"]["balances"] and rows["parti-a"]["value"] != rows["working tree"]["value"]


def test_the_text_shows_the_alternatives_side_by_side(repository: Path) -> None:
    result = runner.invoke(app, ["prioritise", str(repository / "data"), *AS_OF, "--no-explain",
                                 "--compare", "parti-a", "--compare", "parti-b"])
    assert result.exit_code == 0, result.output
    assert "Alternatives beside this plan" in result.stdout
    assert "parti-a also funds:" in result.stdout or "parti-a" in result.stdout


@pytest.mark.parametrize("revision", ["no-such-branch", "--output=/tmp/x", "-h", ""])
def test_a_revision_that_is_none_is_a_clear_error(repository: Path, revision: str) -> None:
    result = runner.invoke(app, ["prioritise", str(repository / "data"), *AS_OF, "--no-explain",
                                 "--compare", revision])
    assert result.exit_code == 2
    assert "--compare" in result.output and "Traceback" not in result.output


def test_every_alternative_gets_its_share_of_the_time(repository: Path) -> None:
    """The time still left is shared at each alternative's turn: the same
    data four times over all balance within a few seconds."""
    data = _plan(repository / "data", *[arg for _ in range(4) for arg in ("--compare", "main")],
                 "--time-limit", "4")
    rows = data["alternatives"][1:]  # type: ignore[index]
    assert [row["balances"] for row in rows] == [True] * 4


def test_too_little_time_is_not_called_unbalanced(repository: Path) -> None:
    data = _plan(repository / "data", *[arg for _ in range(40) for arg in ("--compare", "parti-a")],
                 "--time-limit", "0.1")
    rows = data["alternatives"][1:]  # type: ignore[index]
    assert all(row["balances"] in (True, None) for row in rows)
    assert all(row["timed_out"] for row in rows if row["balances"] is None)


def _hostile_branch(repository: Path, name: str, change: object) -> None:
    _git(repository, "checkout", "-q", "-b", name, "main")
    change(repository)  # type: ignore[operator]
    _git(repository, "add", "-A")
    _git(repository, "commit", "-q", "-m", name)
    _git(repository, "checkout", "-q", "main")


def test_an_alternative_whose_records_cannot_be_read_is_not_planned(repository: Path) -> None:
    """A project file broken at the revision would drop the project from its
    plan without a word: such data are not planned, as the working tree's are not."""
    def broken(repo: Path) -> None:
        (repo / "data" / "programmes" / "dk" / "projects" / "DK-06.yaml").write_text("id: [unclosed\n")

    def ignored(repo: Path) -> None:  # the branch's own attributes may not hide a file from the archive
        (repo / "data" / ".gitattributes").write_text("programmes/dk/projects/DK-06.yaml export-ignore\n")

    _hostile_branch(repository, "broken", broken)
    _hostile_branch(repository, "hidden", ignored)
    data = _plan(repository / "data", "--compare", "broken", "--compare", "hidden")
    rows = {row["revision"]: row for row in data["alternatives"]}  # type: ignore[attr-defined]
    assert rows["broken"]["balances"] is None and rows["broken"]["unreadable"]
    assert any("DK-06.yaml" in c for c in rows["broken"]["conflicts"])
    assert rows["hidden"]["balances"] is True
    assert rows["hidden"]["difference"]["dropped"] == []


def test_a_file_over_the_read_limit_at_a_revision_is_refused_before_it_is_unpacked(
        repository: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def huge(repo: Path) -> None:
        (repo / "data" / "cohorts" / "notes.txt").write_text("x" * 120_000 + "\n")

    _hostile_branch(repository, "huge", huge)
    monkeypatch.setenv("ASKOY2020_MAX_FILE_BYTES", "100000")  # above every sample file, below this one
    result = runner.invoke(app, ["prioritise", str(repository / "data"), *AS_OF, "--no-explain",
                                 "--compare", "huge"])
    assert result.exit_code == 2
    assert "more than the limit" in result.output and "notes.txt" in result.output


@pytest.mark.parametrize("revision", ["^main", "-main"])
def test_a_revision_that_git_would_read_as_something_else_is_refused(repository: Path, revision: str) -> None:
    result = runner.invoke(app, ["prioritise", str(repository / "data"), *AS_OF, "--no-explain",
                                 "--compare", revision])
    assert result.exit_code == 2 and "not a revision" in result.output


@pytest.mark.parametrize(("lang", "words"), [
    ("nb", ("Alternative budsjetter", "Denne planen (forslaget)", "parti-b går ikke i balanse", "Går i balanse")),
    ("en", ("Alternative budgets", "This plan (the proposal)", "parti-b does not balance", "Balances")),
])
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_plan_saved_with_alternatives_shows_them_in_the_report(
        repository: Path, tmp_path: Path, lang: str, words: tuple[str, ...], fmt: str) -> None:
    checkout = tmp_path / "checkout"
    _git(repository, "worktree", "add", "-q", "--detach", str(checkout), "main")
    data = checkout / "data"
    saved = data / "plans" / "zz-alternativer-2021.yaml"
    made = runner.invoke(app, ["prioritise", str(data), *AS_OF, "--no-explain", "--compare", "parti-a",
                               "--compare", "parti-b", "--output", str(saved), "-q"])
    assert made.exit_code == 0, made.output
    assert runner.invoke(app, ["validate", str(data), *AS_OF]).exit_code == 0
    out = tmp_path / f"report.{fmt}"
    result = runner.invoke(app, ["report", "--year", "2020", str(data), *AS_OF, "--format", fmt, "--lang", lang,
                                 "--output", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    for word in words:
        assert word in text, word
