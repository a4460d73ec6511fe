"""``askoy2020`` command line."""

from __future__ import annotations

import os
import sys
from datetime import date
from enum import Enum
from pathlib import Path

import typer

from ..commands.choices import Language, MethodChoice, PlanFormat, ReportFormat
from ..core.version import __version__
from .failures import explain_os_errors

app = typer.Typer(
    name="askoy2020",
    help="Run Askøy 2020 – Omstilling, Prestasjonsledelse and Kvalitet 2020 – as YAML in git.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    # Plain help text: typer's rich help formatter imports rich and
    # markdown-it (~150 ms), doubling the start-up time of --help.
    rich_markup_mode=None,
)


class OutputFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    gitlab = "gitlab"
    junit = "junit"


class RulesFormat(str, Enum):
    text = "text"
    json = "json"


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
    no_cache: bool = typer.Option(False, "--no-cache", help="Read every file again instead of using "
                                  ".askoy2020-cache (also: ASKOY2020_NO_CACHE=1)."),
    output_format: OutputFormat | None = typer.Option(
        None, "--format", help="text, json, github, gitlab (Code Quality) or junit "
        "(default: github under GitHub Actions, else text)."
    ),
) -> None:
    """Check every record and every consistency rule; exit 1 on problems.

    Example: askoy2020 validate data --as-of 2020-12-31
    """
    from .. import check
    from ..commands.paths import load_or_explain
    from ..commands.reporters import REPORTERS

    day = _parse_date(as_of) or date.today()
    portfolio = load_or_explain(path, "askoy2020 validate data", sys.stderr, use_cache=not no_cache)
    if portfolio is None:
        raise typer.Exit(2)
    diagnostics = check(portfolio, as_of=day)
    if output_format is None:
        output_format = OutputFormat.github if os.environ.get("GITHUB_ACTIONS") == "true" else OutputFormat.text
    REPORTERS[output_format.value](diagnostics, len(portfolio.files), day, sys.stdout)
    failed = any(d.is_error for d in diagnostics) or (strict and bool(diagnostics))
    raise typer.Exit(1 if failed else 0)


@app.command("rules")
def list_rules(
    rule_id: str | None = typer.Argument(None, help="Show one rule's full documentation, e.g. ASK301."),
    output_format: RulesFormat = typer.Option(RulesFormat.text, "--format", help="text or json."),
) -> None:
    """List every rule with its id, severity and summary.

    Example: askoy2020 rules ASK301
    """
    from ..rules import all_rules

    chosen = [r for r in all_rules() if rule_id is None or r.id.lower() == rule_id.lower() or r.name == rule_id]
    if rule_id is not None and not chosen:
        typer.echo(f"Error: no rule {rule_id!r}; 'askoy2020 rules' lists them.", err=True)
        raise typer.Exit(2)
    if output_format is RulesFormat.json:
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


@app.command()
@explain_os_errors
def fmt(
    path: Path | None = typer.Argument(None, help="Data folder; default: data/ of the current git repository."),
    check: bool = typer.Option(False, "--check", help="Only list files that would change; exit 1 if any."),
) -> None:
    """Give every record file one canonical layout (key order as in the
    model, two-space indentation, quotes only where needed), keeping
    comments. Files are rewritten atomically; a file with YAML errors is
    left as it is and reported.

    Example: askoy2020 fmt --check data
    """
    from ..commands.paths import default_data_folder
    from ..fmt import format_folder
    from ..loading.yaml_reader import ReadLimits

    folder = path or default_data_folder()
    if not folder.is_dir():
        typer.echo(f"Error: {folder} is not a folder with Askøy 2020 data. Give it, e.g. 'askoy2020 fmt data'.",
                   err=True)
        raise typer.Exit(2)
    try:
        limits = ReadLimits.from_environment()
    except ValueError as exc:
        typer.echo(f"Error: {exc}. Unset it to use the default, or see docs/robustness.md.", err=True)
        raise typer.Exit(2) from None
    result = format_folder(folder, check=check, limits=limits)
    for d in result.diagnostics:
        typer.echo(f"{d.location}: {d.severity.value}: {d.message}", err=True)
    verb = "would reformat" if check else "reformatted"
    for name in result.changed:
        typer.echo(f"{verb} {name}")
    typer.echo(f"{len(result.changed)} file{'s' * (len(result.changed) != 1)} {verb}, "
               f"{result.unchanged} left as they were", err=True)
    failed = bool(result.diagnostics and any(d.is_error for d in result.diagnostics))
    raise typer.Exit(1 if failed or (check and result.changed) else 0)


class ExportFormat(str, Enum):
    xlsx = "xlsx"
    csv = "csv"


@app.command()
@explain_os_errors
def export(
    path: Path | None = typer.Argument(None, help="Data folder; default: data/ of the current git repository."),
    output_format: ExportFormat = typer.Option(..., "--format", help="xlsx (one sheet per kind) or csv (one file "
                                               "per kind in the --output folder)."),
    output: Path = typer.Option(..., "--output", help="The .xlsx file, or the folder for the CSV files."),
    year: int | None = typer.Option(None, "--year", min=1990, max=2100,
                                    help="Only projects with cost or staff that year and cases reported that year."),
) -> None:
    """Projects with cost and staff per year against frames, goals with
    targets and measurements, and quality cases – for Excel.

    Example: askoy2020 export data --format xlsx --output askoy2020.xlsx
    """
    from ..commands.paths import load_or_explain
    from ..export import write_csv, write_xlsx

    portfolio = load_or_explain(path, "askoy2020 export data --format xlsx --output askoy2020.xlsx", sys.stderr)
    if portfolio is None:
        raise typer.Exit(2)
    if output_format is ExportFormat.xlsx:
        if output.suffix.lower() != ".xlsx":
            typer.echo(f"Error: --output {output}: an Excel file must end in .xlsx.", err=True)
            raise typer.Exit(2)
        write_xlsx(portfolio, output, year)
        typer.echo(f"wrote {output}")
        return
    if output.suffix:
        typer.echo(f"Error: --output {output}: CSV export writes one file per kind into a folder; "
                   "give a folder name such as export/.", err=True)
        raise typer.Exit(2)
    for written in write_csv(portfolio, output, year):
        typer.echo(f"wrote {written}")


@app.command()
@explain_os_errors
def init(
    folder: Path = typer.Argument(Path("."), help="Where to start the data repository (default: here)."),
) -> None:
    """Start a new data repository: folders, an example of each record kind,
    the prioritisation model, JSON Schemas with editor settings, a
    pre-commit config and CI files for GitHub and GitLab. Existing files are
    kept as they are.

    Example: askoy2020 init kommune-2030
    """
    from ..scaffold import init_repository

    written, kept = init_repository(folder)
    for path in written:
        typer.echo(f"wrote {path}")
    for path in kept:
        typer.echo(f"kept  {path} (already there)")
    typer.echo(f"Next: cd {folder} && git init && askoy2020 validate", err=True)


class RecordKind(str, Enum):
    project = "project"
    leader = "leader"
    case = "case"


@app.command()
@explain_os_errors
def new(
    kind: RecordKind = typer.Argument(..., help="project, leader or case."),
    path: Path | None = typer.Argument(None, help="Data folder; default: data/ of the current git repository."),
    area: str | None = typer.Option(None, "--area", help="The programme area (required for a project)."),
    write: bool = typer.Option(False, "--write", help="Write the file instead of printing it."),
) -> None:
    """Print (or --write) a new record with the next free id and every
    required field filled in.

    Example: askoy2020 new project --area DK --write
    """
    from ..commands.paths import load_or_explain
    from ..scaffold import new_record
    from ..writing import write_new_files

    portfolio = load_or_explain(path, "askoy2020 new project data --area DK", sys.stderr)
    if portfolio is None:
        raise typer.Exit(2)
    try:
        record = new_record(portfolio, kind.value, area, date.today())
    except ValueError as exc:
        typer.echo(f"Error: {exc}.", err=True)
        raise typer.Exit(2) from None
    if not write:
        typer.echo(record.text, nl=False)
        return
    target = portfolio.root / record.relative_path
    if target.exists():
        typer.echo(f"Error: {target} exists already; nothing written.", err=True)
        raise typer.Exit(2)
    write_new_files([(target, record.text)])  # on failure, no file and no new folder is left
    typer.echo(f"wrote {target}")


@app.command()
@explain_os_errors
def schema(
    output: Path = typer.Option(Path("schemas"), "--output", help="Folder for the *.schema.json files."),
) -> None:
    """Write a JSON Schema per record kind, for the YAML language server in
    VS Code and other editors (see README: editor set-up).

    Example: askoy2020 schema --output schemas
    """
    from ..schema import write_schemas

    for path in write_schemas(output):
        typer.echo(f"wrote {path}")


@app.command()
def prioritise(
    path: Path | None = typer.Argument(None, help="Data folder; default: data/ of the current git repository."),
    method: MethodChoice | None = typer.Option(None, "--method", help="weighted or wsjf (default: programme.yaml)."),
    years: str | None = typer.Option(None, "--years", help="Plan years, e.g. 2018-2021 (default: the economic plan)."),
    frame: list[str] = typer.Option([], "--frame", help="Change a budget frame: 2019=+5000, 2019=-5000, "
                                    "2019=120000 or DK:2019=+500. Repeatable."),
    staff: list[str] = typer.Option([], "--staff", help="Change a staff frame, e.g. 2020=-2. Repeatable."),
    include: list[str] = typer.Option([], "--include", help="A project that must be in. Repeatable."),
    exclude: list[str] = typer.Option([], "--exclude", help="A project kept out. Repeatable."),
    scenario: str | None = typer.Option(None, "--scenario", help="Solve a scenario from scenarios/ and show "
                                        "its difference from the baseline."),
    time_limit: float | None = typer.Option(None, "--time-limit", min=0.1, help="Seconds the solver may search."),
    gap: float | None = typer.Option(None, "--gap", min=0.0, max=0.5,
                                     help="Relative gap to stop at (0 = prove optimal)."),
    explain: bool = typer.Option(True, "--explain/--no-explain", help="Reasons and marginal values (extra solves)."),
    output_format: PlanFormat = typer.Option(PlanFormat.TEXT, "--format", help="text, json, yaml or csv."),
    output: Path | None = typer.Option(None, "--output", help="Write the plan to a file (.yaml, .json or .csv), "
                                       "atomically; data/plans/*.yaml is checked by validate."),
) -> None:
    """Choose the projects and start years that give the most value within
    the frames, and say why every other project is left out. Exit 1 when no
    plan is possible.

    Example: askoy2020 prioritise data --frame 2021=+5000 --output data/plans/budsjett-2021.yaml
    """
    from ..commands import prioritise as command
    from ..model.prioritisation import Method

    request = command.PrioritiseRequest(
        folder=path, method=Method(method.value) if method else None, years=years, frames=tuple(frame),
        staff=tuple(staff), include=tuple(include), exclude=tuple(exclude), scenario=scenario,
        time_limit=time_limit, gap=gap, explain=explain, output_format=output_format, output=output,
    )
    raise typer.Exit(command.run(request, sys.stdout, sys.stderr))


@app.command()
def report(
    path: Path | None = typer.Argument(None, help="Data folder; default: data/ of the current git repository."),
    year: int = typer.Option(..., "--year", min=1990, max=2100, help="The year the report is for, e.g. 2020."),
    output_format: ReportFormat | None = typer.Option(None, "--format", help="md or html (default: from --output, "
                                                      "else md)."),
    lang: Language = typer.Option(Language.NB, "--lang", help="nb (Norwegian bokmål) or en."),
    output: Path | None = typer.Option(None, "--output", help="Write to a file (.md or .html), atomically."),
    as_of: str | None = typer.Option(None, "--as-of", help="Report as on this day (YYYY-MM-DD); default today."),
    templates: Path | None = typer.Option(None, "--templates", help="A folder whose report.md.j2 / report.html.j2 "
                                          "replace the built-in ones (run in Jinja's sandbox)."),
    public: bool = typer.Option(False, "--public", help="Leave out names and figures that could identify a person."),
    since: str | None = typer.Option(None, "--since", help="Add what changed since this git revision."),
) -> None:
    """The budget-meeting report: summary, programme areas, the plan,
    leadership, quality and validation warnings, in Markdown or HTML.

    Example: askoy2020 report --year 2020 data --as-of 2020-10-31 --output report.html
    """
    from ..commands import report as command

    request = command.ReportRequest(
        folder=path, year=year, as_of=_parse_date(as_of) or date.today(), output_format=output_format, lang=lang,
        output=output, templates=templates, public=public, since=since,
    )
    raise typer.Exit(command.run(request, sys.stdout, sys.stderr))


def main() -> None:
    app()
