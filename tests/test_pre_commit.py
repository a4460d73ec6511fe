"""The published hooks run under pre-commit itself. A repository made by
`askoy2020 init` gets them from askoy2020's git repository at a tag, as its
config is written: pre-commit installs that into an environment of its own;
fmt touches only the staged files; validate passes good data and fails a
broken record; a one-file commit is timed against the whole-folder fmt hook
it replaces. `pre-commit try-repo` runs the hooks of the working tree."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
PRE_COMMIT = [sys.executable, "-m", "pre_commit"]


def _run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Analytiker", "GIT_AUTHOR_EMAIL": "a@example.invalid",
           "GIT_COMMITTER_NAME": "Analytiker", "GIT_COMMITTER_EMAIL": "a@example.invalid"}
    return subprocess.run(list(args), cwd=cwd, env=env, capture_output=True, text=True, timeout=900, check=False)


# --- The hooks a data repository made by init uses, as pre-commit installs them --------

TAG = "v9.8.7"
SAMPLE = ROOT / "data"
NOT_SOURCE = shutil.ignore_patterns(".git", ".venv", "venv", "build", "dist", "*.egg-info", "__pycache__", ".*cache",
                                    ".hypothesis", ".askoy2020-cache", "report.html", "report.md")


def _git(cwd: Path, *args: str) -> None:
    done = _run(cwd, "git", "-c", "core.hooksPath=/dev/null", *args)
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def kommune(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """askoy2020 as a git repository tagged TAG (the working tree); a data
    repository made by init that installs from it, holding the sample data
    (380 record files); pre-commit's hook environment installed once, in a
    PRE_COMMIT_HOME of its own. Returns the data repository and the
    environment to run pre-commit in."""
    tool = tmp_path_factory.mktemp("tool") / "askoy2020"
    shutil.copytree(ROOT, tool, symlinks=True, ignore=NOT_SOURCE)
    _git(tool, "init", "-q", "-b", "main")
    _git(tool, "add", "-A")
    _git(tool, "commit", "-q", "-m", "askoy2020")
    _git(tool, "tag", TAG)
    repo = tmp_path_factory.mktemp("kommune") / "kommune"
    init = subprocess.run([sys.executable, "-m", "askoy2020", "init", str(repo), "--tool-url", tool.as_uri(),
                           "--tool-ref", TAG], capture_output=True, text=True, timeout=120, check=False,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert init.returncode == 0, init.stderr
    shutil.rmtree(repo / "data")
    shutil.copytree(SAMPLE, repo / "data")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "data")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("pre-commit-home")), "NO_COLOR": "1"}
    env.pop("PYTHONPATH", None)
    installed = subprocess.run([*PRE_COMMIT, "install-hooks"], cwd=repo, env=env, capture_output=True, text=True,
                               timeout=900, check=False)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    return repo, env


def _pre_commit(repo: Path, env: dict[str, str], *args: str) -> tuple[subprocess.CompletedProcess[str], float]:
    start = time.perf_counter()
    done = subprocess.run([*PRE_COMMIT, "run", *args], cwd=repo, env=env, capture_output=True, text=True,
                          timeout=900, check=False)
    return done, time.perf_counter() - start


def _hook_output(stdout: str, name: str) -> str:
    """What one hook printed: from its status line to the next hook's."""
    start = stdout.index(f"{name}...")
    following = stdout.find("askoy2020 ", stdout.index("\n", start))
    return stdout[start:following if following > 0 else None]


def _durations(stdout: str) -> dict[str, str]:
    """Each hook's time as pre-commit --verbose says it."""
    return dict(re.findall(r"- hook id: (\S+)\n- duration: (\S+)", stdout))


MESSY_RISK = "data/risks/R-AI-01.yaml"  # the one change: a staged file out of the canonical layout
COMMITTED_MESSY = "data/risks/R-DK-01.yaml"  # out of layout too, but committed earlier and not staged now


def _mess_up(path: Path) -> None:
    """An edit (a comment at the end) that moves the id to the end too: fmt puts it back first."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if line.startswith("id: "))
    path.write_text("".join(lines[:index] + lines[index + 1:] + [lines[index], "# vurdert på nytt\n"]),
                    encoding="utf-8")


@pytest.mark.skipif(shutil.which("git") is None, reason="git is needed")
def test_the_hooks_init_configures_are_valid_for_pre_commit(tmp_path: Path) -> None:
    manifest = _run(ROOT, *PRE_COMMIT, "validate-manifest", str(ROOT / ".pre-commit-hooks.yaml"))
    assert manifest.returncode == 0, manifest.stdout + manifest.stderr
    done = subprocess.run([sys.executable, "-m", "askoy2020", "init", str(tmp_path), "--tool-url",
                           "https://git.example.org/askoy/askoy2020.git", "--tool-ref", TAG], capture_output=True,
                          text=True, timeout=120, check=False, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert done.returncode == 0, done.stderr
    config = _run(tmp_path, *PRE_COMMIT, "validate-config", ".pre-commit-config.yaml")
    assert config.returncode == 0, config.stdout + config.stderr


@pytest.mark.skipif(shutil.which("git") is None, reason="git is needed")
def test_fmt_hook_formats_only_the_staged_file_and_is_faster_than_the_whole_folder(
        kommune: tuple[Path, dict[str, str]]) -> None:
    repo, env = kommune
    _mess_up(repo / COMMITTED_MESSY)
    _git(repo, "commit", "-q", "--no-verify", "-am", "a file out of layout, committed past the hooks")
    committed = (repo / COMMITTED_MESSY).read_bytes()
    _mess_up(repo / MESSY_RISK)
    _git(repo, "add", MESSY_RISK)

    after, after_seconds = _pre_commit(repo, env, "--verbose")
    assert after.returncode == 1, after.stdout + after.stderr  # fmt changed the file: the commit stops
    fmt_said = _hook_output(after.stdout, "askoy2020 fmt")
    assert "files were modified by this hook" in fmt_said
    assert "reformatted data/risks/R-AI-01.yaml" in fmt_said and "R-DK-01" not in fmt_said
    assert (repo / MESSY_RISK).read_text(encoding="utf-8").split("\n")[1].startswith("id: R-AI-01")
    assert (repo / COMMITTED_MESSY).read_bytes() == committed  # not staged, not touched
    _git(repo, "add", MESSY_RISK)
    clean, clean_seconds = _pre_commit(repo, env)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert clean.stdout.count("Passed") == 2

    # Before issue 17 the fmt hook took no file names and formatted the
    # whole data folder (pass_filenames: false): the same installed hook
    # with that setting, on the same one-file change.
    _git(repo, "checkout", "-q", "HEAD", "--", MESSY_RISK)
    _mess_up(repo / MESSY_RISK)
    _git(repo, "add", MESSY_RISK)
    config = repo / ".pre-commit-config.yaml"
    current = config.read_text(encoding="utf-8")
    config.write_text(current.replace("      - id: askoy2020-fmt\n",
                                      "      - id: askoy2020-fmt\n        pass_filenames: false\n"
                                      "        files: \\.ya?ml$\n"), encoding="utf-8")
    _git(repo, "add", ".pre-commit-config.yaml")
    before, before_seconds = _pre_commit(repo, env, "--verbose")
    config.write_text(current, encoding="utf-8")
    assert before.returncode == 1, before.stdout
    assert "reformatted data/risks/R-DK-01.yaml" in _hook_output(before.stdout, "askoy2020 fmt")
    print(f"\npre-commit run, one staged file, {len(list((repo / 'data').rglob('*.yaml')))} record files: "
          f"before (whole folder) {before_seconds:.1f} s {_durations(before.stdout)}, "
          f"after (staged file) {after_seconds:.1f} s {_durations(after.stdout)}, "
          f"after and clean {clean_seconds:.1f} s")
    assert after_seconds < before_seconds


@pytest.mark.skipif(shutil.which("git") is None, reason="git is needed")
def test_validate_hook_passes_good_data_and_fails_a_broken_record(kommune: tuple[Path, dict[str, str]]) -> None:
    repo, env = kommune
    good, _ = _pre_commit(repo, env, "askoy2020-validate", "--all-files")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "askoy2020 validate" in good.stdout and "Passed" in good.stdout
    project = repo / "data" / "programmes" / "dk" / "projects" / "DK-02.yaml"
    original = project.read_text(encoding="utf-8")
    project.write_text(original.replace("status: completed", "status: finished"), encoding="utf-8")
    _git(repo, "add", "-A")
    try:
        bad, _ = _pre_commit(repo, env, "askoy2020-validate")
    finally:
        project.write_text(original, encoding="utf-8")
        _git(repo, "add", "-A")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "Failed" in bad.stdout and "ASK105" in bad.stdout and "DK-02.yaml" in bad.stdout


@pytest.mark.skipif(shutil.which("git") is None, reason="git is needed")
def test_try_repo_runs_the_working_tree_hooks(tmp_path: Path) -> None:
    """`pre-commit try-repo` on this repository (its working tree, not a
    tag): the manifest's fmt-check hook checks the files it is given and
    names the one out of layout."""
    repo = tmp_path / "kommune"
    shutil.copytree(SAMPLE / "risks", repo / "data" / "risks")
    _mess_up(repo / MESSY_RISK)
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    done = _run(repo, *PRE_COMMIT, "try-repo", str(ROOT), "askoy2020-fmt-check", "--all-files")
    assert done.returncode == 1, done.stdout + done.stderr
    said = _hook_output(done.stdout, "askoy2020 fmt --check")
    assert "would reformat data/risks/R-AI-01.yaml" in said and said.count("would reformat data/") == 1
    assert (repo / MESSY_RISK).read_text(encoding="utf-8").endswith("# vurdert på nytt\n")  # checked, not changed
