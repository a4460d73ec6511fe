"""Packaging: the package list in pyproject.toml is complete, the report
templates (the one copy in the top-level templates/ folder) ship in the sdist
and the wheel without a symlink, and the installed wheel makes the reports.

The version is the git tag (setuptools-scm). The tests build from a copy of
the working tree made into a git repository of its own with one commit
tagged TAG, so they hold whatever tags the real clone has (CI may clone
without any). From that repository a fresh virtual environment installs
askoy2020 by the install line of init's CI recipes, as written, and runs
every other command of the recipes: the first CI run of a new data
repository, without GitHub or GitLab."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]


def _packages_under_src() -> set[str]:
    src = REPO / "src"
    return {
        ".".join(folder.relative_to(src).parts)
        for folder in src.rglob("*")
        if folder.is_dir() and "__pycache__" not in folder.parts and any(folder.glob("*.py"))
    }


def test_every_package_under_src_is_listed_in_pyproject() -> None:
    mapped = {name for name in SETUPTOOLS["package-dir"] if name}
    assert set(SETUPTOOLS["packages"]) == _packages_under_src() | mapped


def test_the_templates_package_is_the_top_level_templates_folder() -> None:
    assert SETUPTOOLS["package-dir"]["askoy2020.templates"] == "templates"
    assert SETUPTOOLS["package-data"]["askoy2020.templates"] == ["*.j2"]
    assert {p.name for p in (REPO / "templates").glob("*.j2")} >= {"report.md.j2", "report.html.j2"}


def test_no_symlinks_under_src_or_templates() -> None:
    links = [p for top in ("src", "templates") for p in (REPO / top).rglob("*") if p.is_symlink()]
    assert links == []


# --- The built sdist and wheel -------------------------------------------------

# CI sets ASKOY2020_REQUIRE_BUILD so a missing `build` or git fails there instead of skipping.
REQUIRED = bool(os.environ.get("ASKOY2020_REQUIRE_BUILD"))
needs_build = pytest.mark.skipif(
    (importlib.util.find_spec("build") is None or shutil.which("git") is None) and not REQUIRED,
    reason="needs git and the build package from the test extras (pip install -e '.[test]')",
)
TAG = "v9.8.7"
"""A release tag only the temporary repository has."""
TEMPLATES = ("report.html.j2", "report.md.j2")
# What a working copy may hold that is not the project's: environments, build output, caches.
NOT_SOURCE = shutil.ignore_patterns(
    ".git", ".venv", "venv", "build", "dist", "*.egg-info", "__pycache__", ".*cache", ".hypothesis",
    ".askoy2020-cache", "report.html", "report.md",
)
GIT_ENV = {"GIT_AUTHOR_NAME": "Utvikler", "GIT_AUTHOR_EMAIL": "u@example.invalid", "GIT_COMMITTER_NAME": "Utvikler",
           "GIT_COMMITTER_EMAIL": "u@example.invalid", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def _run(args: list[str], timeout: float = 120, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(args, capture_output=True, text=True, encoding="utf-8", timeout=timeout, **kwargs)
    assert done.returncode == 0, f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return done


def _git(cwd: Path, *args: str) -> str:
    return _run(["git", *args], cwd=cwd, env={**os.environ, **GIT_ENV}).stdout.strip()


def _version_of(tree: Path) -> str:
    """What setuptools-scm makes of a source tree, as the build would."""
    return _run([sys.executable, "-m", "setuptools_scm"], cwd=tree).stdout.strip().splitlines()[-1]


@pytest.fixture(scope="module")
def tool_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The working tree as a git repository with one commit tagged TAG, in
    a folder whose path has a space and an ø (the URL percent-encodes them)."""
    root = tmp_path_factory.mktemp("verktøy kopi") / "askoy2020"
    shutil.copytree(REPO, root, symlinks=True, ignore=NOT_SOURCE)
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "askoy2020 as in the working tree")
    _git(root, "tag", "-a", TAG, "-m", f"askoy2020 {TAG}")
    return root


@pytest.fixture(scope="module")
def dists(tool_repo: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The sdist and the wheel, built the way a release is: the sdist from
    the tagged repository, the wheel from the sdist. No build isolation:
    the test extras carry setuptools and setuptools-scm."""
    out = tmp_path_factory.mktemp("dists")
    _run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(tool_repo)])
    (sdist,) = out.glob("*.tar.gz")
    (wheel,) = out.glob("*.whl")
    return sdist, wheel


@needs_build
def test_the_version_is_the_release_tag(dists: tuple[Path, Path]) -> None:
    sdist, wheel = dists
    assert wheel.name == f"askoy2020-{TAG[1:]}-py3-none-any.whl"
    with tarfile.open(sdist) as archive:
        pkg_info = archive.extractfile(f"askoy2020-{TAG[1:]}/PKG-INFO")
        assert pkg_info is not None and f"\nVersion: {TAG[1:]}\n" in pkg_info.read().decode()


@needs_build
def test_a_commit_after_the_tag_is_a_development_version(tool_repo: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    _run(["git", "clone", "-q", str(tool_repo), str(clone)])
    _git(clone, "commit", "-q", "--allow-empty", "-m", "one more")
    commit = _git(clone, "rev-parse", "--short=7", "HEAD")
    version = _version_of(clone)
    assert version.startswith("9.8.8.dev1+g") and commit[:7] in version


@needs_build
def test_a_source_archive_knows_its_tag_and_a_bare_copy_says_unknown(tool_repo: Path, tmp_path: Path) -> None:
    """git archive (GitHub's and GitLab's download buttons) fills in
    .git_archival.txt; a copy with no git and no PKG-INFO gets the fallback,
    the same the package says when it is not installed."""
    from askoy2020.core.version import UNKNOWN

    archive = subprocess.run(["git", "archive", TAG], cwd=tool_repo, capture_output=True, check=True).stdout
    unpacked = tmp_path / "archive"
    unpacked.mkdir()
    subprocess.run(["tar", "-x"], input=archive, cwd=unpacked, check=True)
    assert _version_of(unpacked) == TAG[1:]
    (unpacked / ".git_archival.txt").unlink()
    assert _version_of(unpacked) == UNKNOWN == PYPROJECT["tool"]["setuptools_scm"]["fallback_version"]


@needs_build
def test_the_sdist_carries_the_templates_and_no_symlink(dists: tuple[Path, Path]) -> None:
    with tarfile.open(dists[0]) as sdist:
        members = sdist.getmembers()
    root = members[0].name.split("/")[0]
    names = {m.name for m in members}
    assert {f"{root}/templates/{name}" for name in TEMPLATES} <= names
    assert [m.name for m in members if m.issym() or m.islnk()] == []


@needs_build
def test_the_wheel_carries_the_templates_as_they_are(dists: tuple[Path, Path]) -> None:
    with zipfile.ZipFile(dists[1]) as wheel:
        for name in TEMPLATES:
            assert wheel.read(f"askoy2020/templates/{name}") == (REPO / "templates" / name).read_bytes()


@needs_build
def test_the_installed_wheel_makes_both_reports(dists: tuple[Path, Path], tmp_path: Path) -> None:
    """Installed without dependencies into a folder of its own and run from
    a folder that is not the repository: the reports come from the wheel's
    code and templates, not from the checkout or an editable install."""
    target = tmp_path / "site"
    _run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
          "--disable-pip-version-check", "--target", str(target), str(dists[1])])
    work = tmp_path / "work"
    shutil.copytree(REPO / "data", work / "data")
    env = {**os.environ, "PYTHONPATH": str(target), "NO_COLOR": "1"}

    where = _run([sys.executable, "-c", "import askoy2020, askoy2020.report.render as r; "
                  "print(askoy2020.__file__); print(r.template_folder())"], cwd=work, env=env)
    code, templates = map(Path, where.stdout.splitlines())
    assert _run([sys.executable, "-m", "askoy2020", "--version"], cwd=work, env=env).stdout == f"askoy2020 {TAG[1:]}\n"
    assert code.is_relative_to(target)
    assert templates == target / "askoy2020" / "templates"

    for name in ("report.html", "report.md"):
        _run([sys.executable, "-m", "askoy2020", "report", "--year", "2020", "data", "--as-of", "2020-10-31",
              "--output", name], cwd=work, env=env)
        text = (work / name).read_text(encoding="utf-8")
        assert len(text) > 10_000
        assert "Askøy 2020" in text


# --- init's recipes, run as written in a fresh virtual environment --------------

@pytest.fixture(scope="module")
def fresh_venv(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A new virtual environment with nothing of the project in it, pip
    brought up to date as on a CI runner (`--upgrade-deps`); the
    environment variables a shell in it has."""
    venv = tmp_path_factory.mktemp("venv") / "ci"
    _run([sys.executable, "-m", "venv", "--upgrade-deps", str(venv)], timeout=300)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    return {**env, **GIT_ENV, "VIRTUAL_ENV": str(venv), "PATH": f"{venv / 'bin'}{os.pathsep}{env['PATH']}",
            "NO_COLOR": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}


def _init(target: Path, *options: str, env: dict[str, str] | None = None) -> None:
    """`askoy2020 init` – of the working tree (env None) or of the fresh environment."""
    if env is None:
        command = [sys.executable, "-m", "askoy2020", "init", str(target), *options]
        _run(command, env={**os.environ, "PYTHONPATH": str(REPO / "src")})
    else:
        _run(["askoy2020", "init", str(target), *options], env=env)
    _git(target, "init", "-q", "-b", "main")
    _git(target, "add", "-A")
    _git(target, "commit", "-q", "-m", "askoy2020 init")


def _shell(line: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """One step as the runners run it: GitHub's `bash -e {0}`, GitLab's bash
    with errexit and pipefail. Fails the test as a red CI run would."""
    return _run(["bash", "-e", "-o", "pipefail", "-c", line], timeout=600, cwd=cwd, env=env)


@needs_build
def test_a_new_repository_passes_its_first_ci_run_with_the_recipes_as_written(
        tool_repo: Path, fresh_venv: dict[str, str], tmp_path: Path) -> None:
    kommune = tmp_path / "kommune 2030"
    url = tool_repo.as_uri()
    _init(kommune, "--tool-url", url, "--tool-ref", TAG)

    github = yaml.safe_load((kommune / ".github" / "workflows" / "askoy2020.yml").read_text(encoding="utf-8"))
    steps = github["jobs"]["validate"]["steps"]
    assert [s.get("uses", "").split("@")[0] for s in steps[:2]] == ["actions/checkout", "actions/setup-python"]
    runs = [step["run"] for step in steps[2:]]  # checkout: the repository here; setup-python: the fresh venv
    assert runs[0] == f'pip install "askoy2020 @ git+{url}@{TAG}"'
    github_env = {**fresh_venv, "GITHUB_ACTIONS": "true"}
    for line in runs:
        _shell(line, kommune, github_env)
    assert _run(["askoy2020", "--version"], env=fresh_venv).stdout == f"askoy2020 {TAG[1:]}\n"
    where = _run(["python", "-c", "import askoy2020; print(askoy2020.__file__)"], env=fresh_venv, cwd=tmp_path)
    assert Path(where.stdout.strip()).is_relative_to(fresh_venv["VIRTUAL_ENV"])  # not the working tree

    gitlab = yaml.safe_load((kommune / ".gitlab-ci.yml").read_text(encoding="utf-8"))["askoy2020"]
    for line in gitlab["script"]:
        _shell(line, kommune, fresh_venv)
    report = json.loads((kommune / gitlab["artifacts"]["reports"]["codequality"]).read_text(encoding="utf-8"))
    assert report == []  # a new repository is clean

    # The installed copy knows where it came from: init in the new
    # environment, with no options, writes the same recipes.
    again = tmp_path / "again"
    _init(again, env=fresh_venv)
    for rel in (".github/workflows/askoy2020.yml", ".gitlab-ci.yml", ".pre-commit-config.yaml"):
        assert (again / rel).read_text(encoding="utf-8") == (kommune / rel).read_text(encoding="utf-8"), rel


@needs_build
def test_a_broken_record_makes_the_recipe_fail(tool_repo: Path, fresh_venv: dict[str, str], tmp_path: Path) -> None:
    """The recipe can go red: an error in a record stops the GitHub run at validate."""
    kommune = tmp_path / "kommune"
    _init(kommune, "--tool-url", tool_repo.as_uri(), "--tool-ref", TAG)
    project = next((kommune / "data" / "programmes").rglob("projects/*.yaml"))
    project.write_text(project.read_text(encoding="utf-8").replace("status:", "status: finito\nx_status:", 1),
                       encoding="utf-8")
    github = yaml.safe_load((kommune / ".github" / "workflows" / "askoy2020.yml").read_text(encoding="utf-8"))
    install, validate = (step["run"] for step in github["jobs"]["validate"]["steps"][2:4])
    _shell(install, kommune, fresh_venv)
    done = subprocess.run(["bash", "-e", "-c", validate], cwd=kommune, capture_output=True, text=True, timeout=300,
                          env={**fresh_venv, "GITHUB_ACTIONS": "true"})
    assert done.returncode == 1 and "::error file=data/programmes/" in done.stdout, done.stdout + done.stderr
