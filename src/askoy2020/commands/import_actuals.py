"""``askoy2020 import actuals``: each project's actual for a period, from an
ERP export. Exit 0 when written (or, with ``dry_run``, shown); 1 when the
export cannot be read, a line matches more than one project, a figure cannot
be set or a file cannot be written – and then nothing is written; 2 for a
wrong period, a period not yet closed, or a missing file or folder."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from .choices import AmountUnit, ImportFormat
from .failures import explain_os_errors
from .output import echo, notes
from .safe_text import visible

if TYPE_CHECKING:
    from ..accounts import Prepared, WriteFailed


@dataclass(frozen=True)
class ImportActualsRequest:
    export: Path
    """The ERP export, CSV or xlsx."""
    folder: Path | None
    period: str
    """YEAR-T1, YEAR-T2 or YEAR-T3."""
    as_of: dt.date
    """A period is imported only once it has ended on this day."""
    unit: AmountUnit = AmountUnit.KR
    sheet: str | None = None
    dry_run: bool = False
    output_format: ImportFormat = ImportFormat.TEXT
    quiet: bool = False
    """Errors only on standard error: no warning, progress or "Wrote …"."""


@explain_os_errors
def run(request: ImportActualsRequest, out: TextIO, err: TextIO) -> int:
    from ..accounts import ImportProblem, Unit, WriteFailed, prepare, write_changes
    from ..core.paths import display_name
    from ..loading.yaml_reader import ReadLimits
    from ..model.budget import closed_periods, parse_period
    from . import import_view as view
    from .paths import load_or_explain

    try:
        year, period = parse_period(request.period)
    except ValueError as exc:
        echo(err, f"Error: --period {visible(exc)}.")
        return 2
    if period not in closed_periods(year, request.as_of):
        echo(err, f"Error: {year}-{period.value} ends on {period.end(year).isoformat()}, so on "
                  f"{request.as_of.isoformat()} its actuals cannot be known yet; nothing is imported. "
                  "Give --as-of if the day is wrong.")
        return 2
    if not request.export.is_file():
        echo(err, f"Error: {visible(request.export)} is not a file. Give the ERP export, e.g. "
                  "'askoy2020 import actuals regnskap.csv data --period 2020-T2'.")
        return 2
    note = notes(err, request.quiet)
    portfolio = load_or_explain(request.folder, "askoy2020 import actuals regnskap.csv data --period 2020-T2", err,
                                quiet=request.quiet)
    if portfolio is None:
        return 2
    unreadable = sorted({d.file for d in portfolio.load_diagnostics
                         if d.is_error and (kind := portfolio.kind_of_file(d.file)) and kind.key == "project"})
    if unreadable:
        note(f"Warning: {len(unreadable)} project file{'s' * (len(unreadable) != 1)} could not be read "
             f"({', '.join(visible(n) for n in unreadable[:3])}{' …' * (len(unreadable) > 3)}); their "
             "accounting codes are not used, so their lines show as unmapped. askoy2020 validate says why.")
    unit = Unit(request.unit.value)
    try:
        prepared = prepare(portfolio.projects, request.export, display_name(request.export), year, period, unit,
                           request.sheet, ReadLimits.from_environment())
    except ImportProblem as stop:
        echo(err, f"Error: {visible(stop)}")
        echo(err, "Nothing was written.")
        return 1
    except ValueError as exc:  # the read limits in the environment
        echo(err, f"Error: {visible(exc)}. Unset it to use the default, or see docs/robustness.md.")
        return 2
    json_out = request.output_format is ImportFormat.JSON
    if prepared.blocked:
        for problem in prepared.matching.problems:
            echo(err, f"Error: {visible(problem)}")
        if prepared.matching.ambiguous:
            count = len(prepared.matching.ambiguous)
            echo(err, f"Error: {count} line{'s' * (count != 1)} match{'es' * (count == 1)} accounting codes of "
                      "more than one project or kind (listed above). Make the codes distinct, e.g. add funksjon "
                      "or prosjekt.")
        _summary(prepared, unit.value, request.dry_run, False, json_out, out)
        echo(err, "Nothing was written.")
        return 1
    if request.dry_run:
        if not json_out:
            view.diffs(prepared, out)
        _summary(prepared, unit.value, True, False, json_out, out)
        note(f"Dry run: {_files(len(prepared.changes))} would change; nothing was written.")
        return 0
    try:
        write_changes(prepared.changes)
    except WriteFailed as failed:
        _summary(prepared, unit.value, False, False, json_out, out)
        _explain(failed, err)
        return 1
    _summary(prepared, unit.value, False, True, json_out, out)
    if prepared.changes:
        note(f"Wrote {_files(len(prepared.changes))}: "
             + ", ".join(visible(c.name) for c in prepared.changes) + ".")
    elif prepared.matching.figures:
        note("Every figure was already as in the export; no file was written.")
    else:
        note("No figure to set; no file was written.")
    return 0


def _files(count: int) -> str:
    return f"{count} file{'s' * (count != 1)}"


def _summary(prepared: Prepared, unit: str, dry_run: bool, written: bool, json_out: bool, out: TextIO) -> None:
    from . import import_view as view

    if json_out:
        view.as_json(prepared, unit, dry_run, written, out)
    else:
        view.text(prepared, unit, out)


def _explain(failed: WriteFailed, err: TextIO) -> None:
    cause = failed.cause
    reason = (cause.strerror or str(cause)) if isinstance(cause, OSError) else (str(cause) or type(cause).__name__)
    echo(err, f"Error: writing {visible(failed.failed)} failed: {visible(reason)}.")
    if failed.restored:
        echo(err, f"The {_files(len(failed.restored))} written before it "
                  f"({', '.join(visible(n) for n in failed.restored)}) got their previous contents back.")
    if failed.unrestored:
        echo(err, "Could NOT restore " + ", ".join(visible(n) for n in failed.unrestored)
                  + "; take them back from git (git checkout -- FILE).")
    else:
        echo(err, "No file was changed. Check the free space and the permissions, then import again.")
