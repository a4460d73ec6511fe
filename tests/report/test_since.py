"""--since REV reads the data as it was from a real git repository."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from askoy2020.cli.app import app
from helpers import BASE

runner = CliRunner()
GIT_ENV = {"GIT_AUTHOR_NAME": "Analytiker", "GIT_AUTHOR_EMAIL": "analytiker@example.invalid",
           "GIT_COMMITTER_NAME": "Analytiker", "GIT_COMMITTER_EMAIL": "analytiker@example.invalid"}


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env={**os.environ, **GIT_ENV})


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    shutil.copytree(BASE, tmp_path / "data")
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-q", "-m", "Budsjett 2020")
    project = tmp_path / "data" / "programmes" / "dk" / "projects" / "DK-02.yaml"
    text = project.read_text(encoding="utf-8")
    project.write_text(text.replace("cost: {2019: 500, 2020: 1000, 2021: 500}", "cost: {2019: 500, 2020: 1400, 2021: 500}")
                       .replace("end: 2021-06-30}", "end: 2021-09-30}"), encoding="utf-8")
    (tmp_path / "data" / "programmes" / "dk" / "projects" / "DK-03.yaml").write_text(
        "id: DK-03\nname: Ny nettside\narea: DK\nmanager: Prosjektleder\nstatus: planned\n"
        "planned: {start: 2021-01-01, end: 2021-06-30}\ncost: {2021: 300}\n", encoding="utf-8")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-q", "-m", "Revidert")
    return tmp_path


def test_changes_since_a_revision_are_listed(repo: Path) -> None:
    result = runner.invoke(app, ["report", "--year", "2020", str(repo / "data"), "--as-of", "2020-10-31",
                                 "--lang", "en", "--since", "HEAD~1"])
    assert result.exit_code == 0, result.output
    section = result.stdout.split("## 8. Changes since HEAD\\~1", 1)[1].split("## 9.", 1)[0]
    assert "| DK-02 | re-dated | 2019-07-01 – 2021-06-30 → 2019-07-01 – 2021-09-30 |" in section
    assert "re-budgeted | 2019: 500, 2020: 1 000, 2021: 500 → 2019: 500, 2020: 1 400, 2021: 500 |" in section
    assert "| DK-03 | added | Ny nettside |" in section
    assert "## 9. Appendix" in result.stdout


def test_an_unknown_revision_is_a_usage_error(repo: Path) -> None:
    result = runner.invoke(app, ["report", "--year", "2020", str(repo / "data"), "--since", "no-such-tag"])
    assert result.exit_code == 2
    assert "--since no-such-tag" in result.stderr and "Traceback" not in result.output


def test_a_link_out_of_the_data_folder_at_the_old_revision_is_left_out(repo: Path) -> None:
    (repo / "data" / "quality" / "linked.yaml").symlink_to("/etc/hostname")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "Lenke")
    (repo / "data" / "quality" / "linked.yaml").unlink()
    result = runner.invoke(app, ["report", "--year", "2020", str(repo / "data"), "--as-of", "2020-10-31",
                                 "--since", "HEAD"])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("public", [[], ["--public"]])
def test_a_number_removed_from_the_data_does_not_come_back_from_history(
    tmp_path: Path, fmt: str, public: list[str]
) -> None:
    from askoy2020.core.identity_numbers import check_digits, find_identity_numbers

    number = "010190100" + (check_digits("010190100") or "")
    assert len(number) == 11
    shutil.copytree(BASE, tmp_path / "data")
    project = tmp_path / "data" / "programmes" / "dk" / "projects" / "DK-09.yaml"
    project.write_text(f"id: DK-09\nname: Bruker {number[:6]} {number[6:]}\narea: DK\nmanager: Prosjektleder\n"
                       "status: planned\nplanned: {start: 2021-01-01, end: 2021-06-30}\n", encoding="utf-8")
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-q", "-m", "Med nummer")
    project.unlink()
    _git(tmp_path, "commit", "-q", "-am", "Uten nummer")
    result = runner.invoke(app, ["report", "--year", "2020", str(tmp_path / "data"), "--as-of", "2020-10-31",
                                 "--format", fmt, "--since", "HEAD~1", *public])
    assert result.exit_code == 0, result.stderr
    assert "DK-09" in result.stdout  # the removed project is listed …
    assert list(find_identity_numbers(result.stdout)) == [] and number[6:] not in result.stdout  # … masked
