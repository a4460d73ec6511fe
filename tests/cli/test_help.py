"""Every command explains itself with an example and is in the README."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from askoy2020.cli.app import app
from helpers import command_names

runner = CliRunner()
README = (Path(__file__).parent.parent.parent / "README.md").read_text(encoding="utf-8")


COMMANDS = sorted(command_names(typer.main.get_command(app)))


def test_the_commands_are_the_expected_ones() -> None:
    assert COMMANDS == ["export", "fmt", "import actuals", "import cases", "init", "migrate leaders", "new", "prioritise", "report", "rules", "schema",
                        "validate"]


def test_a_group_lists_its_commands() -> None:
    result = runner.invoke(app, ["import", "--help"])
    assert result.exit_code == 0 and "actuals" in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example_and_a_readme_entry(command: str) -> None:
    result = runner.invoke(app, [*command.split(), "--help"])
    assert result.exit_code == 0
    assert "Example: askoy2020" in result.stdout
    assert f"`askoy2020 {command}" in README, f"README's command table lacks askoy2020 {command}"


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("askoy2020 ")
