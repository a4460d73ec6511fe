"""Packaging: the package list in pyproject.toml is complete, and the report
templates (the one copy in the top-level templates/ folder) ship without a
symlink."""

from __future__ import annotations

import tomllib
from pathlib import Path

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
