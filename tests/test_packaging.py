"""Packaging: the package list in pyproject.toml is complete, the report
templates (the one copy in the top-level templates/ folder) ship in the sdist
and the wheel without a symlink, and the installed wheel makes the reports."""

from __future__ import annotations

import importlib.util
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

# CI sets ASKOY2020_REQUIRE_BUILD so a missing `build` fails there instead of skipping.
needs_build = pytest.mark.skipif(
    importlib.util.find_spec("build") is None and not os.environ.get("ASKOY2020_REQUIRE_BUILD"),
    reason="needs the build package from the test extras (pip install -e '.[test]')",
)
TEMPLATES = ("report.html.j2", "report.md.j2")
# What a working copy may hold that is not the project's: environments, build output, caches.
NOT_SOURCE = shutil.ignore_patterns(
    ".git", ".venv", "venv", "build", "dist", "*.egg-info", "__pycache__", ".*cache", ".hypothesis",
    ".askoy2020-cache", "report.html", "report.md",
)


def _run(args: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(args, capture_output=True, text=True, encoding="utf-8", timeout=120, **kwargs)
    assert done.returncode == 0, f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def dists(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The sdist and the wheel, built the way a release is: the sdist from a
    copy of the working tree (so the build writes nothing into it), the wheel
    from the sdist. No build isolation: the test extras carry setuptools."""
    tmp = tmp_path_factory.mktemp("dists")
    tree = tmp / "tree"
    shutil.copytree(REPO, tree, symlinks=True, ignore=NOT_SOURCE)
    _run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(tmp / "out"), str(tree)])
    (sdist,) = (tmp / "out").glob("*.tar.gz")
    (wheel,) = (tmp / "out").glob("*.whl")
    return sdist, wheel


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
    assert code.is_relative_to(target)
    assert templates == target / "askoy2020" / "templates"

    for name in ("report.html", "report.md"):
        _run([sys.executable, "-m", "askoy2020", "report", "--year", "2020", "data", "--as-of", "2020-10-31",
              "--output", name], cwd=work, env=env)
        text = (work / name).read_text(encoding="utf-8")
        assert len(text) > 10_000
        assert "Askøy 2020" in text
