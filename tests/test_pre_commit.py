"""The published hooks run under pre-commit itself: `pre-commit try-repo`
installs this repository into its own environment and runs the hook in a
fresh git repository of data – passing a good commit, failing a broken one."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import BASE

ROOT = Path(__file__).parent.parent
PRE_COMMIT = [sys.executable, "-m", "pre_commit"]


def _run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Analytiker", "GIT_AUTHOR_EMAIL": "a@example.invalid",
           "GIT_COMMITTER_NAME": "Analytiker", "GIT_COMMITTER_EMAIL": "a@example.invalid"}
    return subprocess.run(list(args), cwd=cwd, env=env, capture_output=True, text=True, timeout=900, check=False)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is needed")
def test_validate_hook_passes_good_data_and_fails_a_broken_record(tmp_path: Path) -> None:
    repo = tmp_path / "kommune"
    shutil.copytree(BASE, repo / "data")
    _run(repo, "git", "init", "-q", "-b", "main")
    _run(repo, "git", "add", "-A")
    good = _run(repo, *PRE_COMMIT, "try-repo", str(ROOT), "askoy2020-validate", "--all-files")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "askoy2020 validate" in good.stdout and "Passed" in good.stdout
    project = repo / "data" / "programmes" / "dk" / "projects" / "DK-02.yaml"
    project.write_text(project.read_text(encoding="utf-8").replace("status: active", "status: finished"),
                       encoding="utf-8")
    _run(repo, "git", "add", "-A")
    bad = _run(repo, *PRE_COMMIT, "try-repo", str(ROOT), "askoy2020-validate", "--all-files")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "Failed" in bad.stdout and "ASK105" in bad.stdout and "DK-02.yaml" in bad.stdout
