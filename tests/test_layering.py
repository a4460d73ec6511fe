"""The layers, read from the imports: only cli/ imports typer; only
commands/ and cli/ import rich (commands produce the output). The library
below never sees either (test_library.py checks the same at run time)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "src" / "askoy2020"
MAY_IMPORT = {"typer": ("cli",), "click": ("cli",), "rich": ("cli", "commands")}


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.partition(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.partition(".")[0])
    return found


@pytest.mark.parametrize("package", sorted(MAY_IMPORT))
def test_only_the_upper_layers_import_the_command_line_packages(package: str) -> None:
    offenders = [str(path.relative_to(PACKAGE)) for path in sorted(PACKAGE.rglob("*.py"))
                 if package in _imports(path) and path.relative_to(PACKAGE).parts[0] not in MAY_IMPORT[package]]
    assert offenders == []


def test_cli_is_only_the_typer_app() -> None:
    assert sorted(p.name for p in (PACKAGE / "cli").glob("*.py")) == ["__init__.py", "app.py"]
