"""``askoy2020`` command line: Typer signatures only. Each command turns its
options into the request of its module in :mod:`askoy2020.commands` and
exits with what that module's ``run`` returns. The command modules are
imported inside each function, so ``--help`` loads neither them nor the
library.

Conventions every command keeps: ``-h``/``--help``; ``-o``/``--output``,
``-f``/``--format`` and ``-q``/``--quiet`` wherever a command has them;
``--as-of DATE``; ``-V``/``--version`` on ``askoy2020`` itself. TAB offers
rule ids and programme area ids (:mod:`askoy2020.commands.completion`)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, cast

import typer
from typer._completion_classes import completion_init
from typer.core import TyperGroup

from ..commands.choices import (
    AmountUnit,
    CsvDialect,
    DiagnosticsFormat,
    ExportFormat,
    ImportFormat,
    Language,
    PlanFormat,
    RecordKind,
    ReportFormat,
    RulesFormat,
    Shell,
)
from ..core.version import __version__
from ..model.methods import Method
from ..report.audience import Audience
from ..report.parts import ReportPart

if TYPE_CHECKING:
    from typer._click import Context as ClickContext  # Typer 0.29 carries its own Click

PROG = "askoy2020"
CONTEXT = {"help_option_names": ["-h", "--help"]}
DATE = "DATE"  # the metavar of every --as-of: YYYY-MM-DD
_COMPLETE_VAR = "_ASKOY2020_COMPLETE"  # what Click names it for askoy2020, also under python -m
_DETECT = "detect"  # --install-completion without a shell: the shell it runs in
_SHELL_OPTIONS = ("--install-completion", "--show-completion")


class _Group(TyperGroup):
    """``askoy2020``'s own options: ``--install-completion`` and
    ``--show-completion`` take a shell or none (the current one). Click has
    no option with an optional value, and Typer's own pair is a flag that
    leaves ``zsh`` behind as a stray word and installs for the shell it
    detects; so the word that follows, unless it is an option, is joined to
    its option as the shell."""

    def parse_args(self, ctx: ClickContext, args: list[str]) -> list[str]:
        joined: list[str] = []
        rest = list(args)
        while rest and rest[0].startswith("-") and rest[0] != "--":
            arg = rest.pop(0)
            if arg in _SHELL_OPTIONS:
                # The next word, if not an option, is the shell (a wrong one is refused, not ignored).
                arg = f"{arg}={rest.pop(0) if rest and not rest[0].startswith('-') else _DETECT}"
            joined.append(arg)
        return super().parse_args(ctx, joined + rest)


_SHELLS = frozenset(shell.value for shell in Shell)
completion_init()  # Typer's completion scripts for each shell, which add_completion=True would register

app = typer.Typer(
    name=PROG,
    help="Run Askøy 2020 – Omstilling, Prestasjonsledelse and Kvalitet 2020 – as YAML in git.",
    no_args_is_help=True,
    add_completion=False,  # replaced by _Group's and _root's pair, which take a shell
    cls=_Group,
    context_settings=CONTEXT,
    pretty_exceptions_enable=False,
    # Plain help text: typer's rich help formatter imports rich and
    # markdown-it (~150 ms), doubling the start-up time of --help.
    rich_markup_mode=None,
)


def _streams() -> tuple[TextIO, TextIO]:
    """Standard output and error, masking identity numbers in all that any
    command writes (its own text, a rule's message, a record's name)."""
    from ..core.identity_numbers import MaskingWriter

    return cast(TextIO, MaskingWriter(sys.stdout)), cast(TextIO, MaskingWriter(sys.stderr))


def _parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        from ..core.identity_numbers import mask

        raise typer.BadParameter(mask(f"{value!r} is not a date; write YYYY-MM-DD, e.g. 2020-12-31")) from None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"{PROG} {__version__}")
        raise typer.Exit()


def _shell(value: str) -> str | None:
    if value == _DETECT:
        return None
    if value not in _SHELLS:
        raise typer.BadParameter(f"{value!r} is not a shell; use one of {', '.join(sorted(_SHELLS))}")
    return value


def _install_completion(ctx: typer.Context, value: str | None) -> None:
    if value is None or ctx.resilient_parsing:
        return
    from typer._completion_shared import install

    shell, path = install(shell=_shell(value), prog_name=PROG, complete_var=_COMPLETE_VAR)
    typer.echo(f"{shell} completion installed in {path}")
    typer.echo("Completion will take effect once you restart the terminal.")
    raise typer.Exit()


def _show_completion(ctx: typer.Context, value: str | None) -> None:
    if value is None or ctx.resilient_parsing:
        return
    from typer._completion_shared import _get_shell_name, get_completion_script

    shell = _shell(value) or _get_shell_name() or ""
    typer.echo(get_completion_script(prog_name=PROG, complete_var=_COMPLETE_VAR, shell=shell))
    raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "-V", "--version", callback=_version, is_eager=True, help="Show the version."),
    install_completion: str | None = typer.Option(
        None, "--install-completion", metavar="[SHELL]", callback=_install_completion, is_eager=True,
        expose_value=False, help="Install TAB completion for SHELL: bash, zsh, fish, powershell or pwsh "
        "(default: the shell this runs in)."),
    show_completion: str | None = typer.Option(
        None, "--show-completion", metavar="[SHELL]", callback=_show_completion, is_eager=True,
        expose_value=False, help="Print the completion script for SHELL, to install it yourself."),
) -> None:
    """Run Askøy 2020 as YAML in git."""


def _complete_rule(incomplete: str) -> list[tuple[str, str]]:
    from ..commands.completion import rule_ids

    return rule_ids(incomplete)


def _folder_given(ctx: typer.Context) -> Path | None:
    """The data folder typed before the TAB. While an option's value is
    being completed Click leaves the arguments unparsed in ``ctx.args``:
    the last of them that is a folder is taken."""
    folder = ctx.params.get("path")
    if folder:
        return Path(folder)
    folders = [Path(a) for a in ctx.args if not a.startswith("-") and Path(a).is_dir()]
    return folders[-1] if folders else None


def _complete_area(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    from ..commands.completion import area_ids

    return area_ids(_folder_given(ctx), incomplete)


@app.command()
def validate(
    path: Path | None = typer.Argument(None, help="Data folder; default: data/ of the current git repository."),
    as_of: str | None = typer.Option(None, "--as-of", metavar=DATE,
                                     help="Validate as on this day (YYYY-MM-DD); default today."),
    strict: bool = typer.Option(False, "--strict", help="Fail on warnings too."),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="Show only the problems that fail the run (errors; "
                               "with --strict, warnings too), without the summary line or progress."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Read every file again instead of using "
                                  ".askoy2020-cache (also: ASKOY2020_NO_CACHE=1)."),
    output_format: DiagnosticsFormat | None = typer.Option(
        None, "-f", "--format", help="text, json, github, gitlab (Code Quality) or junit "
        "(default: github under GitHub Actions, else text)."
    ),
    lang: Language = typer.Option(Language.EN, "--lang", help="Messages and hints in en or nb (Norwegian bokmål); "
                                  "JSON keeps English and adds message_nb and hint_nb."),
) -> None:
    """Check every record and every consistency rule; exit 1 on problems.

    Example: askoy2020 validate data --as-of 2020-12-31 --lang nb
    """
    from ..commands import validate as command

    request = command.ValidateRequest(
        folder=path, as_of=_parse_date(as_of) or date.today(), strict=strict, use_cache=not no_cache,
        output_format=output_format, lang=lang, quiet=quiet,
    )
    raise typer.Exit(command.run(request, *_streams()))


@app.command("rules")
def list_rules(
    rule_id: str | None = typer.Argument(None, help="Show one rule's full documentation, e.g. ASK301.",
                                         autocompletion=_complete_rule),
    output_format: RulesFormat = typer.Option(RulesFormat.TEXT, "-f", "--format", help="text or json."),
) -> None:
    """List every rule with its id, severity and summary.

    Example: askoy2020 rules ASK301
    """
    from ..commands import rules as command

    request = command.RulesRequest(rule_id=rule_id, output_format=output_format)
    raise typer.Exit(command.run(request, *_streams()))


@app.command()
def fmt(
    paths: list[Path] | None = typer.Argument(None, metavar="PATH",
                                              help="Data folders, folders in one, or record files; '-' reads "
                                              "standard input. Default: data/ of the current git repository."),
    check: bool = typer.Option(False, "--check", help="Only list files that would change; exit 1 if any."),
    stdin_filename: str | None = typer.Option(None, "--stdin-filename", help="With '-': the file the text on "
                                              "standard input belongs to, e.g. data/leaders/L-001.yaml."),
) -> None:
    """Give record files one canonical layout (key order as in the model,
    two-space indentation, quotes only where needed), keeping comments.
    Files are rewritten atomically; a file with YAML errors is left as it
    is and reported. With '-' the formatted text goes to standard output.

    Example: askoy2020 fmt --check data/leaders/L-001.yaml data/risks
    """
    from ..commands import fmt as command

    request = command.FmtRequest(paths=paths or [], check=check, stdin_filename=stdin_filename)
    raise typer.Exit(command.run(request, *_streams()))


@app.command()
def export(
    path: Path | None = typer.Argument(None, help="Data folder; default: data/ of the current git repository."),
    output_format: ExportFormat = typer.Option(..., "-f", "--format", help="xlsx (one sheet per kind) or csv (one file "
                                               "per kind in the --output folder)."),
    output: Path = typer.Option(..., "-o", "--output", help="The .xlsx file, or the folder for the CSV files."),
    year: int | None = typer.Option(None, "--year", min=1990, max=2100, metavar="YEAR",
                                    help="Only that year: its columns, the projects with cost or staff that year and "
                                    "the cases reported that year."),
    as_of: str | None = typer.Option(None, "--as-of", help="Figures as on this day (YYYY-MM-DD): the latest "
                                     "measurement of each goal on or before it; default today.", metavar=DATE),
    csv_dialect: CsvDialect | None = typer.Option(None, "--csv-dialect", help="excel-nb (';', decimal comma, "
                                                  "31.12.2020, BOM: opens in Norwegian Excel; the default) or plain "
                                                  "(',', decimal point, ISO dates: for programs)."),
) -> None:
    """Projects with cost and staff per year against frames, goals with
    targets and measurements, and quality cases – for Excel.

    Example: askoy2020 export data --format xlsx --output askoy2020.xlsx
    """
    from ..commands import export as command

    request = command.ExportRequest(folder=path, output_format=output_format, output=output, year=year,
                                    as_of=_parse_date(as_of) or date.today(), csv_dialect=csv_dialect)
    raise typer.Exit(command.run(request, *_streams()))


@app.command()
def init(
    folder: Path = typer.Argument(Path("."), help="Where to start the data repository (default: here)."),
    tool_url: str | None = typer.Option(None, "--tool-url", help="The git repository CI and pre-commit install "
                                        "askoy2020 from (https://…); default: where this copy came from."),
    tool_ref: str | None = typer.Option(None, "--tool-ref", help="The tag or commit of it to install, e.g. "
                                        "v0.17.0; default: this copy's."),
) -> None:
    """Start a new data repository: folders, an example of each record kind,
    the prioritisation model, JSON Schemas with editor settings, a
    pre-commit config and CI files for GitHub and GitLab that install
    askoy2020 from its repository at a tag. Existing files are kept.

    Example: askoy2020 init kommune-2030 --tool-url https://git.example.org/askoy/askoy2020.git --tool-ref v0.17.0
    """
    from ..commands import init as command

    request = command.InitRequest(folder=folder, tool_url=tool_url, tool_ref=tool_ref)
    raise typer.Exit(command.run(request, *_streams()))


@app.command()
def new(
    kind: RecordKind = typer.Argument(..., help="project, leader, case, cohort, unit, review, finding or risk."),
    path: Path | None = typer.Argument(None, help="Data folder; default: data/ of the current git repository."),
    area: str | None = typer.Option(None, "--area", help="The programme area (required for a project).",
                                    autocompletion=_complete_area),
    write: bool = typer.Option(False, "--write", help="Write the file instead of printing it."),
) -> None:
    """Print (or --write) a new record with the next free id and every
    required field filled in.

    Example: askoy2020 new project --area DK --write
    """
    from ..commands import new as command

    request = command.NewRequest(kind=kind, folder=path, area=area, write=write)
    raise typer.Exit(command.run(request, *_streams()))


@app.command()
def schema(
    output: Path = typer.Option(Path("schemas"), "-o", "--output", help="Folder for the *.schema.json files."),
) -> None:
    """Write a JSON Schema per record kind, for the YAML language server in
    VS Code and other editors (see README: editor set-up).

    Example: askoy2020 schema --output schemas
    """
    from ..commands import schema as command

    raise typer.Exit(command.run(command.SchemaRequest(output=output), *_streams()))


@app.command()
def prioritise(
    path: Path | None = typer.Argument(None, help="Data folder; default: data/ of the current git repository."),
    as_of: str | None = typer.Option(None, "--as-of", help="Plan as on this day (YYYY-MM-DD): the budget rounds "
                                     "adopted by then decide which years are open; default today.", metavar=DATE),
    from_year: int | None = typer.Option(None, "--from-year", min=1990, max=2100, metavar="YEAR",
                                         help="First plan year; money "
                                         "before it is sunk (default: the first open year, the year after the "
                                         "newest adopted budget)."),
    method: Method | None = typer.Option(None, "--method", help="weighted or wsjf (default: programme.yaml)."),
    years: str | None = typer.Option(None, "--years", metavar="YEAR-YEAR",
                                     help="Plan years, e.g. 2021-2023 (default: from the first "
                                     "open year to the end of the economic plan; never before the first open year)."),
    frame: list[str] = typer.Option([], "--frame", metavar="[AREA:]YEAR=±AMOUNT",
                                    help="Change a budget (drift) frame: 2021=+5000, 2021=-5000, "
                                    "2021=120000 or DK:2021=+500. Repeatable."),
    investment_frame: list[str] = typer.Option([], "--investment-frame", metavar="[AREA:]YEAR=±AMOUNT",
                                               help="Change an investment frame, e.g. "
                                               "2022=+20000 or HM:2022=+20000. Repeatable."),
    staff: list[str] = typer.Option([], "--staff", metavar="[AREA:]YEAR=±FTE",
                                    help="Change a staff frame, e.g. 2021=-2. Repeatable."),
    include: list[str] = typer.Option([], "--include", metavar="PROJECT",
                                      help="A project that must be in. Repeatable."),
    exclude: list[str] = typer.Option([], "--exclude", metavar="PROJECT", help="A project kept out. Repeatable."),
    scenario: str | None = typer.Option(None, "--scenario", help="Solve a scenario from scenarios/ and show "
                                        "its difference from the baseline."),
    time_limit: float | None = typer.Option(None, "--time-limit", min=0.1, metavar="SECONDS",
                                            help="Seconds the whole command may "
                                            "solve for: the plan, a scenario and every explanation share them."),
    gap: float | None = typer.Option(None, "--gap", min=0.0, max=0.5,
                                     help="Relative gap to stop at (0 = prove optimal)."),
    explain: bool = typer.Option(True, "--explain/--no-explain", help="Reasons and marginal values (extra solves)."),
    output_format: PlanFormat = typer.Option(PlanFormat.TEXT, "-f", "--format", help="text, json, yaml or csv."),
    output: Path | None = typer.Option(None, "-o", "--output", help="Write the plan to a file (.yaml, .json or .csv), "
                                       "atomically; data/plans/*.yaml is checked by validate."),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="Errors only: no warnings, progress or notes on "
                               "standard error."),
    robustness: bool = typer.Option(False, "--robustness", help="How far each criterion's weight may move before "
                                    "the plan changes, and which projects are in under weights drawn at random "
                                    "(re-solves within --time-limit)."),
    draws: int = typer.Option(200, "--draws", min=1, max=100_000, help="Random weight sets for --robustness."),
    spread: float = typer.Option(0.2, "--spread", min=0.0, max=0.99,
                                 help="How far each weight may be drawn from its own for --robustness: 0.2 = ±20 %."),
    seed: int = typer.Option(2020, "--seed", min=0, help="Seed of the draws: the same seed gives the same answer."),
    fairness: bool = typer.Option(False, "--fairness", help="Each area's share of the plan's money and årsverk "
                                  "against its min_share and its share of the proposals' value, and the value each "
                                  "min_share costs (re-solves)."),
    max_share: float | None = typer.Option(None, "--max-share", min=0.0, max=1.0, metavar="SHARE",
                                           help="No area may take more than this share of the programme's drift "
                                           "frames over the plan years, e.g. 0.3."),
    compare: list[str] = typer.Option([], "--compare", metavar="REV",
                                      help="An alternative budget as a git branch, tag or commit of the data: "
                                      "planned with the same options and shown beside this plan. Repeatable; "
                                      "the working tree is not touched."),
    write_model: Path | None = typer.Option(None, "--write-model", metavar="FILE",
                                            help="Also write the plan's mixed-integer model as MPS "
                                            "(.mps), to check the plan with another solver."),
) -> None:
    """Plan the next budget round: choose the projects and start years that
    give the most value within the frames of the open years (money in
    adopted years is sunk), say in kroner and årsverk what is funded, what
    is not and what it would need, what is left unallocated and which
    transfers between areas would fund a project, and why every other
    project is left out. Exit 1 when no plan is possible.

    Example: askoy2020 prioritise data --as-of 2020-10-31 --output data/plans/budsjett-2021.yaml
    """
    from ..commands import prioritise as command

    request = command.PrioritiseRequest(
        folder=path, as_of=_parse_date(as_of) or date.today(), from_year=from_year, method=method, years=years,
        frames=tuple(frame), staff=tuple(staff), investment_frames=tuple(investment_frame), include=tuple(include),
        exclude=tuple(exclude), scenario=scenario, time_limit=time_limit, gap=gap, explain=explain,
        output_format=output_format, output=output, quiet=quiet, robustness=robustness, draws=draws,
        spread=spread, seed=seed, compare=tuple(compare), fairness=fairness, max_share=max_share,
        write_model=write_model,
    )
    raise typer.Exit(command.run(request, *_streams()))


@app.command()
def report(
    path: Path | None = typer.Argument(None, help="Data folder; default: data/ of the current git repository."),
    year: int | None = typer.Option(None, "--year", min=1990, max=2100, metavar="YEAR",
                                    help="The year the report is for, e.g. 2020."),
    period: str | None = typer.Option(None, "--period", help="A tertial report (2020-T1, 2020-T2) or the year "
                                      "(2020), as on the period's last day; instead of --year and --as-of."),
    output_format: ReportFormat | None = typer.Option(None, "-f", "--format", help="md or html (default: from "
                                                      "--output, else md)."),
    lang: Language = typer.Option(Language.NB, "--lang", help="nb (Norwegian bokmål) or en."),
    output: Path | None = typer.Option(None, "-o", "--output", help="Write to a file (.md or .html), atomically."),
    as_of: str | None = typer.Option(None, "--as-of", metavar=DATE,
                                     help="Report as on this day (YYYY-MM-DD); default today."),
    templates: Path | None = typer.Option(None, "--templates", help="A folder whose report.md.j2 / report.html.j2 "
                                          "replace the built-in ones (run in Jinja's sandbox)."),
    audience: Audience | None = typer.Option(
        None, "--audience", help="internal (default): for the administration, marked exempt from public access "
        "(offentleglova § 14); public: for formannskapet, the council and the press, with nothing that rates or "
        "identifies one leader or employee."),
    public: bool = typer.Option(False, "--public", help="The same as --audience public."),
    since: str | None = typer.Option(None, "--since", help="Compare with the data at this git revision (default: "
                                     "the previous report's, from its tag rapport-2020-T2 or the last commit before "
                                     "its day)."),
    part: ReportPart = typer.Option(ReportPart.ALL, "--part", help="all (default): the whole report with page 1; "
                                    "kvalitet: Kvalitet 2020 alone – the rådmann's yearly internkontroll report; "
                                    "prestasjonsledelse or omstilling: that part alone."),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="Errors only: no warnings, progress or notes on "
                               "standard error."),
) -> None:
    """The budget-meeting report: summary, programme areas, the plan,
    leadership, quality and validation warnings, in Markdown or HTML.

    Example: askoy2020 report --year 2020 data --as-of 2020-10-31 --audience public --output report.html
    """
    from ..commands import report as command

    if public and audience is Audience.INTERNAL:
        raise typer.BadParameter("--public means --audience public; give one of them", param_hint="--public")
    request = command.ReportRequest(
        folder=path, year=year, as_of=_parse_date(as_of), output_format=output_format, lang=lang,
        output=output, templates=templates, audience=Audience.PUBLIC if public else audience or Audience.INTERNAL,
        since=since, period=period, part=part, quiet=quiet,
    )
    raise typer.Exit(command.run(request, *_streams()))


import_app = typer.Typer(
    name="import",
    context_settings=CONTEXT,
    help="Bring figures from other systems into the data files.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(import_app, name="import")


@import_app.command("actuals")
def import_actuals(
    export: Path = typer.Argument(..., help="The ERP export: CSV (';', ',' or tab; UTF-8 or Windows-1252) or xlsx."),
    path: Path | None = typer.Argument(None, help="Data folder; default: data/ of the current git repository."),
    period: str = typer.Option(..., "--period", help="The period: 2020-T1 (to 30 April), 2020-T2 (to 31 August) "
                               "or 2020-T3 (the year's accounts)."),
    as_of: str | None = typer.Option(None, "--as-of", help="Today, as far as the import knows (YYYY-MM-DD): a "
                                     "period not ended on it is refused; default today.", metavar=DATE),
    unit: AmountUnit = typer.Option(AmountUnit.KR, "--unit", help="What beløp is in: kr (divided by 1000) or 1000kr."),
    sheet: str | None = typer.Option(None, "--sheet", help="The xlsx sheet to read (default: the first)."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Write nothing; show each file's diff and the summary."),
    output_format: ImportFormat = typer.Option(ImportFormat.TEXT, "-f", "--format", help="text or json."),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="Errors only: no warnings, progress or notes on "
                               "standard error."),
) -> None:
    """Set each project's actual (regnskap hittil i år) for a period from
    an ERP export, by the projects' accounting codes. Lines that match no
    project are listed with their line numbers; every file is written or
    none.

    Example: askoy2020 import actuals regnskap-2020-08.csv data --period 2020-T2 --dry-run
    """
    from ..commands import import_actuals as command

    request = command.ImportActualsRequest(
        export=export, folder=path, period=period, as_of=_parse_date(as_of) or date.today(), unit=unit,
        sheet=sheet, dry_run=dry_run, output_format=output_format, quiet=quiet,
    )
    raise typer.Exit(command.run(request, *_streams()))


@import_app.command("cases")
def import_cases(
    export: Path = typer.Argument(..., help="The quality system's export: CSV (';', ',' or tab; UTF-8 or "
                                  "Windows-1252) or xlsx; one row per case, or counts with an antall column."),
    path: Path | None = typer.Argument(None, help="Data folder; default: data/ of the current git repository."),
    source: str = typer.Option("Kvalitetssystem", "--source", help="The quality system, e.g. Compilo, Landax or "
                               "EQS: named in each record and in the file name."),
    sheet: str | None = typer.Option(None, "--sheet", help="The xlsx sheet to read (default: the first)."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Write nothing; show what would be written."),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="Errors only on standard error (and the warning that "
                               "the export holds identity numbers)."),
) -> None:
    """Count cases per unit, kind, severity and month from a quality
    system's export (Compilo, Landax, EQS …) into
    data/quality-counts/<source>-<year>.yaml. Only the counts are kept:
    no description, title or name reaches the repository. The months the
    export covers are replaced; other months and comments are kept.

    Example: askoy2020 import cases avvik-2020.csv data --source Compilo --dry-run
    """
    from ..commands import import_cases as command

    request = command.ImportCasesRequest(export=export, folder=path, source=source, sheet=sheet, dry_run=dry_run,
                                         quiet=quiet)
    raise typer.Exit(command.run(request, *_streams()))


migrate_app = typer.Typer(
    name="migrate",
    context_settings=CONTEXT,
    help="Bring records written for an older format up to date.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(migrate_app, name="migrate")


@migrate_app.command("leaders")
def migrate_leaders(
    path: Path | None = typer.Argument(None, help="Data folder; default: data/ of the current git repository."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Write nothing; say what would be written and dropped."),
) -> None:
    """Aggregate the leaders' competences and evaluations (per-leader
    appraisal data, ASK710) into cohort records – mean and number of
    leaders per cohort and year; fewer than 3 leaders are dropped – and
    remove them from the leader files, keeping comments. Running it again
    changes nothing. Git history keeps the old values: docs/migrate.md.

    Example: askoy2020 migrate leaders data --dry-run
    """
    from ..commands import migrate_leaders as command

    request = command.MigrateLeadersRequest(folder=path, dry_run=dry_run)
    raise typer.Exit(command.run(request, *_streams()))


def main() -> None:
    # Everything the process writes is masked, Click's usage errors and a
    # traceback included; each command also writes through _streams().
    from ..commands.failures import ClosedStream, output_failed
    from ..core.identity_numbers import MaskingWriter

    sys.stdout = cast(TextIO, MaskingWriter(sys.stdout if sys.stdout is not None else cast(TextIO, ClosedStream())))
    sys.stderr = cast(TextIO, MaskingWriter(sys.stderr if sys.stderr is not None else cast(TextIO, ClosedStream())))
    try:
        try:
            app(prog_name=PROG)  # also under python -m askoy2020: usage lines, completion scripts
        finally:
            sys.stdout.flush()  # here, where a full disk can still be reported, not at exit
    except OSError as exc:  # the output cannot be written: a full disk, a closed stream
        output_failed(exc)

