"""Every Typer command is a thin front for one module in askoy2020.commands:
it builds that module's request dataclass and exits with what its ``run``
returns, so a new command cannot put its logic back into the CLI."""

from __future__ import annotations

import ast
import dataclasses
import importlib
import inspect
import sys
import typing
from pathlib import Path
from typing import Any, TextIO

import pytest
import typer.main

from askoy2020.cli.app import app
from helpers import command_names

APP = Path(__file__).parent.parent.parent / "src" / "askoy2020" / "cli" / "app.py"


def _callbacks(typer_app: typer.Typer, prefix: str = "") -> dict[str, Any]:
    """Command name -> its function; a sub-app's commands as 'import actuals'."""
    found = {prefix + typer.main.get_command_name(info.name or info.callback.__name__): info.callback  # type: ignore[union-attr]
             for info in typer_app.registered_commands}
    for group in typer_app.registered_groups:
        assert group.typer_instance is not None and group.name
        found |= _callbacks(group.typer_instance, f"{prefix}{group.name} ")
    return found


CALLBACKS = _callbacks(app)
MODULES = {name: name.replace(" ", "_") for name in CALLBACKS}  # 'import actuals' is commands/import_actuals.py
# What app.py may import: Typer and the standard library, the commands
# layer, the version, and the model's Method (to build the prioritise request).
ALLOWED = {"typer", "__future__", "sys", "datetime", "pathlib", "typing", "askoy2020.commands", "askoy2020.core.version",
           "askoy2020.model.methods", "askoy2020.report.audience", "askoy2020.report.parts",
           "askoy2020.core.identity_numbers"}


def test_every_command_is_registered() -> None:
    assert sorted(CALLBACKS) == sorted(command_names(typer.main.get_command(app)))


@pytest.mark.parametrize("name", sorted(CALLBACKS))
def test_command_has_a_module_with_a_request_and_run(name: str) -> None:
    module = importlib.import_module(f"askoy2020.commands.{MODULES[name]}")
    run = getattr(module, "run", None)
    assert callable(run), f"askoy2020.commands.{name} has no run()"
    hints = typing.get_type_hints(inspect.unwrap(run))
    assert list(inspect.signature(run).parameters) == ["request", "out", "err"]
    assert hints["out"] is TextIO and hints["err"] is TextIO and hints["return"] is int
    request = hints["request"]
    assert dataclasses.is_dataclass(request) and request.__name__.endswith("Request")
    assert request.__module__ == module.__name__


@pytest.mark.parametrize("name", sorted(CALLBACKS))
def test_typer_function_only_builds_the_request_and_runs_it(name: str) -> None:
    source = inspect.getsource(CALLBACKS[name])
    assert f"from ..commands import {MODULES[name]} as command" in source
    assert "raise typer.Exit(command.run(" in source
    assert "typer.echo" not in source


def test_app_imports_nothing_that_does_the_work() -> None:
    imported = set()
    for node in ast.walk(ast.parse(APP.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = "askoy2020.cli" if node.level else ""
            for _ in range(node.level - 1):
                base = base.rpartition(".")[0]
            imported.add(".".join(part for part in (base, node.module or "") if part))
    assert {m for m in imported if not any(m == a or m.startswith(a + ".") for a in ALLOWED)} == set()


def test_help_loads_no_command_module() -> None:
    import subprocess

    code = ("import sys\nfrom askoy2020.cli.app import app\n"
            "print(sorted(m for m in sys.modules if m.startswith('askoy2020.')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(ast.literal_eval(done.stdout))
    assert loaded <= {"askoy2020.cli", "askoy2020.cli.app", "askoy2020.commands", "askoy2020.commands.choices",
                      "askoy2020.core", "askoy2020.core.lazy", "askoy2020.core.version", "askoy2020.model",
                      "askoy2020.model.methods", "askoy2020.report", "askoy2020.report.audience",
                      "askoy2020.report.parts"}
