"""Every command keeps the command-line conventions: ``-h`` as well as
``--help``, ``-o``/``-f``/``-q`` for ``--output``/``--format``/``--quiet``,
``--as-of DATE``, and ``-V``/``--version`` on ``askoy2020`` itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from askoy2020.cli.app import app
from helpers import BASE, CASES, build_case, command_names

runner = CliRunner()
ROOT = typer.main.get_command(app)
COMMANDS = sorted(command_names(ROOT))
SHORT = {"--output": "-o", "--format": "-f", "--quiet": "-q", "--version": "-V", "--help": "-h"}


def _command(name: str) -> typer.main.TyperCommand:
    command = ROOT
    for part in name.split():
        command = command.commands[part]  # type: ignore[attr-defined]
    return command  # type: ignore[return-value]


@pytest.mark.parametrize("command", ["", "import", "migrate", *COMMANDS])
def test_minus_h_is_help(command: str) -> None:
    short = runner.invoke(app, [*command.split(), "-h"])
    long = runner.invoke(app, [*command.split(), "--help"])
    assert short.exit_code == long.exit_code == 0
    assert short.stdout == long.stdout and "-h, --help" in short.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_each_long_option_with_a_convention_has_its_short_form(command: str) -> None:
    options = [p for p in _command(command).params if isinstance(p, typer.core.TyperOption)]
    for option in options:
        for long, short in SHORT.items():
            if long in option.opts:
                assert short in option.opts, f"askoy2020 {command} {long} lacks {short}"
    # A short form means the same in every command: one of the table's, for its long option.
    meaning = {short: long for long, short in SHORT.items()}
    for option in options:
        for short in (o for o in option.opts if len(o) == 2):
            assert meaning.get(short) in option.opts, f"askoy2020 {command}: {short} is not {meaning.get(short)}"


@pytest.mark.parametrize("command", [c for c in COMMANDS if any(
    "--as-of" in p.opts for p in _command(c).params if isinstance(p, typer.core.TyperOption))])
def test_as_of_says_it_takes_a_date(command: str) -> None:
    shown = runner.invoke(app, [*command.split(), "-h"], terminal_width=200).stdout
    assert "--as-of DATE" in shown


def test_the_commands_with_these_options_are_the_expected_ones() -> None:
    def having(long: str) -> list[str]:
        return [c for c in COMMANDS if any(long in p.opts for p in _command(c).params
                                           if isinstance(p, typer.core.TyperOption))]

    assert having("--output") == ["export", "prioritise", "report", "schema"]
    assert having("--format") == ["export", "import actuals", "prioritise", "report", "rules", "validate"]
    assert having("--quiet") == ["import actuals", "import cases", "prioritise", "report", "validate"]
    assert having("--as-of") == ["export", "import actuals", "prioritise", "report", "validate"]


def test_minus_v_is_the_version() -> None:
    short, long = runner.invoke(app, ["-V"]), runner.invoke(app, ["--version"])
    assert short.exit_code == 0 and short.stdout == long.stdout and short.stdout.startswith("askoy2020 ")


def test_short_options_do_what_the_long_ones_do(tmp_path: Path) -> None:
    as_of = ["--as-of", "2020-10-31"]
    short = runner.invoke(app, ["validate", str(BASE), *as_of, "-f", "json"])
    long = runner.invoke(app, ["validate", str(BASE), *as_of, "--format", "json"])
    assert short.exit_code == 0 and json.loads(short.stdout) == json.loads(long.stdout)
    assert json.loads(runner.invoke(app, ["rules", "-f", "json"]).stdout)[0]["id"].startswith("ASK")
    assert runner.invoke(app, ["schema", "-o", str(tmp_path / "schemas")]).exit_code == 0
    assert list((tmp_path / "schemas").glob("*.schema.json"))
    plan = runner.invoke(app, ["prioritise", str(BASE), *as_of, "-f", "json", "-o", str(tmp_path / "plan.json"),
                               "--no-explain"])
    assert plan.exit_code == 0, plan.output
    assert json.loads((tmp_path / "plan.json").read_text(encoding="utf-8"))


@pytest.fixture
def warned(tmp_path: Path) -> Path:
    return build_case(CASES / "ASK803" / "fail", tmp_path / "warned")


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """The overdue case (a warning) and a project with an unknown key (an error)."""
    folder = build_case(CASES / "ASK803" / "fail", tmp_path / "broken")
    project = folder / "programmes" / "dk" / "projects" / "DK-01.yaml"
    project.write_text(project.read_text(encoding="utf-8") + "statu: typo\n", encoding="utf-8")
    return folder


AS_OF = ["--as-of", "2020-10-31", "--no-cache"]


def test_quiet_shows_nothing_when_only_warnings(warned: Path) -> None:
    loud = runner.invoke(app, ["validate", str(warned), *AS_OF], env={"NO_COLOR": "1"})
    assert loud.exit_code == 0 and "ASK803" in loud.stdout and "2 warnings" in loud.stdout
    quiet = runner.invoke(app, ["validate", str(warned), *AS_OF, "-q"], env={"NO_COLOR": "1"})
    assert quiet.exit_code == 0 and quiet.stdout == "" and quiet.stderr == ""
    for output_format in ("github", "gitlab", "junit", "json"):
        shown = runner.invoke(app, ["validate", str(warned), *AS_OF, "-q", "-f", output_format]).stdout
        assert "ASK803" not in shown and "warning" not in shown.replace('"warnings": 0', "")


def test_quiet_shows_only_the_errors(broken: Path) -> None:
    loud = runner.invoke(app, ["validate", str(broken), *AS_OF], env={"NO_COLOR": "1"})
    assert loud.exit_code == 1 and "ASK803" in loud.stdout and "ASK101" in loud.stdout
    quiet = runner.invoke(app, ["validate", str(broken), *AS_OF, "--quiet"], env={"NO_COLOR": "1"})
    assert quiet.exit_code == 1 and "ASK101" in quiet.stdout and "ASK803" not in quiet.stdout
    assert "error" in quiet.stdout and "1 error" not in quiet.stdout and "DK-01.yaml" in quiet.stdout  # no summary
    github = runner.invoke(app, ["validate", str(broken), *AS_OF, "-q", "-f", "github"]).stdout.splitlines()
    assert len(github) == 1 and github[0].startswith("::error ") and "ASK101" in github[0]


def test_quiet_and_strict_show_the_warnings_that_fail_the_run(warned: Path) -> None:
    result = runner.invoke(app, ["validate", str(warned), *AS_OF, "-q", "--strict"], env={"NO_COLOR": "1"})
    assert result.exit_code == 1 and "ASK803" in result.stdout and "warning" in result.stdout
    assert "2 warnings" not in result.stdout


def test_quiet_import_says_no_warning_and_no_note(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One project file unreadable (a warning), the rest imported (a note):
    quiet keeps standard output – the result – and drops both."""
    from accounts.erp import coded_data, write_csv

    monkeypatch.chdir(tmp_path)
    runs = {}
    for quiet in (False, True):
        data = coded_data(tmp_path / f"data-{quiet}")
        (data / "programmes" / "ti" / "projects" / "TI-07.yaml").write_text("id: TI-07\nname: [\n", encoding="utf-8")
        write_csv(Path("r.csv"))
        args = ["import", "actuals", "r.csv", str(data), "--period", "2020-T2", "--as-of", "2020-10-31"]
        runs[quiet] = runner.invoke(app, args + ["-q"] * quiet, env={"ASKOY2020_NO_CACHE": "1"})
    loud, quiet_run = runs[False], runs[True]
    assert loud.exit_code == quiet_run.exit_code == 0, loud.output
    assert "Warning: 1 project file could not be read" in loud.stderr and "Wrote " in loud.stderr
    assert quiet_run.stderr == "" and quiet_run.stdout == loud.stdout.replace("data-False", "data-True")


def test_quiet_prioritise_and_report_do_not_say_what_they_wrote(tmp_path: Path) -> None:
    as_of = ["--as-of", "2020-10-31"]
    for quiet in (False, True):
        plan = runner.invoke(app, ["prioritise", str(BASE), *as_of, "--no-explain", "-o",
                                   str(tmp_path / f"plan-{quiet}.yaml"), *["-q"] * quiet])
        report = runner.invoke(app, ["report", str(BASE), "--year", "2020", *as_of, "-o",
                                     str(tmp_path / f"report-{quiet}.md"), *["-q"] * quiet])
        assert plan.exit_code == report.exit_code == 0, plan.output + report.output
        assert (tmp_path / f"plan-{quiet}.yaml").is_file() and (tmp_path / f"report-{quiet}.md").is_file()
        assert ("Wrote the plan" in plan.stderr) is not quiet and ("Wrote the md report" in report.stderr) is not quiet
