"""The layers of docs/architecture.md, checked on the import graph: no
import runs back up a floor, ``core`` imports nothing of the project, and
only the top floors touch typer and rich.

Every ``import`` and ``from … import`` in src/ counts, including those
inside functions (a lazy import is still a dependency) and under
TYPE_CHECKING (a type is a dependency too).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).parents[1] / "src"
PACKAGE = SRC / "askoy2020"

# Floor of each top-level part of the package: a module may import its own
# floor and the floors below, never one above.
FLOORS: dict[str, int] = {
    "core": 0,
    "model": 1,
    "writing": 2,
    "loading": 3,
    "rules": 4,
    "prioritise": 5, "report": 5, "export": 5, "fmt": 5, "schema": 5, "scaffold": 5, "accounts": 5,
    "counting": 5, "migrate": 5,
    "commands": 6,
    "cli": 7, "__main__": 7,
}
FACE = "askoy2020"  # the package's __init__: for library users, imported by no module of its own


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(path: Path, name: str) -> set[str]:
    """Absolute names of every module (or package) the file imports."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    known = _modules()
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.add(target)
            # `from . import problems` imports the module askoy2020.loading.problems
            found |= {f"{target}.{a.name}" for a in node.names if f"{target}.{a.name}" in known}
    return found


def _part(module: str) -> str:
    """'askoy2020.loading.loader' -> 'loading'; the face is ''."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


GRAPH = {name: _imports(path, name) for name, path in _modules().items()}


def test_every_part_of_the_package_has_a_floor() -> None:
    parts = {_part(name) for name in GRAPH} - {""}
    assert parts <= set(FLOORS), f"give these a floor here and in docs/architecture.md: {parts - set(FLOORS)}"


@pytest.mark.parametrize("module", sorted(n for n in GRAPH if _part(n)))
def test_no_import_runs_up_a_floor(module: str) -> None:
    floor = FLOORS[_part(module)]
    upward = sorted(target for target in GRAPH[module]
                    if target.startswith(FACE + ".") and FLOORS[_part(target)] > floor)
    assert upward == [], f"{module} (floor {floor}) imports from above"
    assert FACE not in GRAPH[module], f"{module} imports the package face; import the module that defines the name"


def test_core_imports_nothing_of_the_project() -> None:
    for module, targets in GRAPH.items():
        if _part(module) == "core":
            assert {t for t in targets if t.startswith(FACE)} <= {t for t in GRAPH if _part(t) == "core"}, module


def test_model_imports_only_core() -> None:
    for module, targets in GRAPH.items():
        if _part(module) == "model":
            assert {_part(t) for t in targets if t.startswith(FACE + ".")} <= {"core", "model"}, module


@pytest.mark.parametrize(("library", "allowed"), [("typer", {"cli"}), ("rich", {"cli", "commands"})])
def test_terminal_libraries_stay_at_the_top(library: str, allowed: set[str]) -> None:
    users = sorted(m for m, targets in GRAPH.items()
                   if any(t == library or t.startswith(library + ".") for t in targets))
    assert [m for m in users if _part(m) not in allowed] == []


def test_the_graph_is_read() -> None:
    # The checks above mean something only if imports are found at all.
    assert "askoy2020.core.diagnostics" in GRAPH["askoy2020.loading.loader"]
    assert "askoy2020.loading.problems" in GRAPH["askoy2020.loading.yaml_reader"]
    assert any(t.startswith("typer") for m, ts in GRAPH.items() for t in ts)
