"""``askoy2020`` command line."""

from __future__ import annotations

import os
import sys
from datetime import date
from enum import Enum
from pathlib import Path

import typer

from .. import __version__

app = typer.Typer(
    name="askoy2020",
    help="Run Askøy 2020 – Omstilling, Prestasjonsledelse and Kvalitet 2020 – as YAML in git.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)


class OutputFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"


def _parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; write YYYY-MM-DD, e.g. 2020-12-31") from None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"askoy2020 {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    """Run Askøy 2020 as YAML in git."""


@app.command()
def validate(
    path: Path | None = typer.Argument(None, help="Data folder; default: data/ of the current git repository."),
    as_of: str | None = typer.Option(None, "--as-of", help="Validate as on this day (YYYY-MM-DD); default today."),
    strict: bool = typer.Option(False, "--strict", help="Fail on warnings too."),
    output_format: OutputFormat | None = typer.Option(
        None, "--format", help="text, json or github (default: github under GitHub Actions, else text)."
    ),
) -> None:
    """Check every record and every consistency rule; exit 1 on problems.

    Example: askoy2020 validate data --as-of 2020-12-31
    """
    from .. import DataFolderError, check, load
    from .paths import default_data_folder
    from .reporters import REPORTERS

    day = _parse_date(as_of) or date.today()
    folder = path or default_data_folder()
    try:
        portfolio = load(folder)
    except DataFolderError as exc:
        typer.echo(f"Error: {exc}. Give the data folder, e.g. 'askoy2020 validate data'.", err=True)
        raise typer.Exit(2) from None
    diagnostics = check(portfolio, as_of=day)
    if output_format is None:
        output_format = OutputFormat.github if os.environ.get("GITHUB_ACTIONS") == "true" else OutputFormat.text
    REPORTERS[output_format.value](diagnostics, len(portfolio.files), day, sys.stdout)
    failed = any(d.is_error for d in diagnostics) or (strict and bool(diagnostics))
    raise typer.Exit(1 if failed else 0)


@app.command("rules")
def list_rules(
    rule_id: str | None = typer.Argument(None, help="Show one rule's full documentation, e.g. ASK301."),
    output_format: OutputFormat = typer.Option(OutputFormat.text, "--format", help="text or json."),
) -> None:
    """List every rule with its id, severity and summary.

    Example: askoy2020 rules ASK301
    """
    from ..rules import all_rules

    chosen = [r for r in all_rules() if rule_id is None or r.id.lower() == rule_id.lower() or r.name == rule_id]
    if rule_id is not None and not chosen:
        typer.echo(f"Error: no rule {rule_id!r}; 'askoy2020 rules' lists them.", err=True)
        raise typer.Exit(2)
    if output_format is OutputFormat.json:
        import json

        rows = [{"id": r.id, "name": r.name, "severity": r.severity.value, "stage": r.stage,
                 "summary": r.summary, "doc": r.doc} for r in chosen]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for r in chosen:
        if rule_id is None:
            typer.echo(f"{r.id}  {r.severity.value:<7}  {r.name:<30}  {r.summary}")
        else:
            typer.echo(f"{r.id} {r.name} ({r.severity.value})\n\n{r.doc}")


def main() -> None:
    app()
