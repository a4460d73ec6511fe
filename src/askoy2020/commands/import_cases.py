"""``askoy2020 import cases``: counts of cases per unit, kind, severity and
month from a quality system's export, written to
``quality-counts/<source>-<year>.yaml``. Exit 0 when written (or, with
``dry_run``, shown); 1 when the export cannot be read whole or a file
cannot be written – and then nothing is written; 2 for a missing file or
data folder."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from .failures import explain_os_errors
from .output import echo, notes
from .safe_text import visible

EXAMPLE = "askoy2020 import cases avvik-2020.csv data --source Compilo --dry-run"


@dataclass(frozen=True)
class ImportCasesRequest:
    export: Path
    """The quality system's export, CSV or xlsx."""
    folder: Path | None
    source: str = "Kvalitetssystem"
    """The quality system, e.g. Compilo: named in each record and the file name."""
    sheet: str | None = None
    dry_run: bool = False
    quiet: bool = False
    """Errors only on standard error – and the warning that the export holds
    identity numbers, which asks for the export to be deleted."""


@explain_os_errors
def run(request: ImportCasesRequest, out: TextIO, err: TextIO) -> int:
    from ..core.identity_numbers import find_identity_numbers
    from ..core.paths import display_name
    from ..counting import ImportProblem, prepare_counts, slug, write_files
    from .paths import load_or_explain

    source = request.source.strip()
    if not source or any(True for _ in find_identity_numbers(source)) or len(source) > 60:
        echo(err, "Error: --source names the quality system, e.g. --source Compilo.")
        return 2
    if odd := _unprintable(source):
        echo(err, f"Error: --source holds {odd}; it is written into each record and the file's header, so it must "
                  "be one line of plain text. Name the quality system, e.g. --source Compilo.")
        return 2
    if not request.export.is_file():
        echo(err, f"Error: {visible(request.export)} is not a file. Give the quality system's export, e.g. "
                  f"'{EXAMPLE}'.")
        return 2
    note = notes(err, request.quiet)
    portfolio = load_or_explain(request.folder, EXAMPLE, err, quiet=request.quiet)
    if portfolio is None:
        return 2
    try:
        prepared = prepare_counts(portfolio, request.export, display_name(request.export), source, request.sheet,
                                  shown=display_name)
    except ImportProblem as stop:
        echo(err, f"Error: {visible(stop)}")
        echo(err, "Nothing was written.")
        return 1
    except ValueError as exc:  # a record that would not load: the importer's own fault, said plainly
        echo(err, f"Error: a count record would not be valid ({visible(_reason(exc))}). Nothing was written.")
        return 1
    export = prepared.export
    by_kind = Counter[str]()
    for key, count in export.counts.items():
        by_kind[key[1].value] += count
    what = "count rows" if export.header.aggregated else "cases (one row each)"
    echo(out, f"Read {export.name} ({export.form}): {export.rows} {what}, "
              f"{sum(by_kind.values())} cases in {len(export.counts)} counts.")
    if export.months:
        units = len(export.units)
        echo(out, f"Months covered: {export.months[0]} to {export.months[-1]} ({len(export.months)}); "
                  f"records of {visible(source)} for these months are replaced for the {units} "
                  f"unit{'s' * (units != 1)} the export names; other units' records are kept.")
    for kind, count in sorted(by_kind.items()):
        echo(out, f"  {kind}: {count}")
    if prepared.units_without_area:
        shown = ", ".join(visible(u) for u in prepared.units_without_area[:5])
        more = f" and {len(prepared.units_without_area) - 5} more" if len(prepared.units_without_area) > 5 else ""
        note(f"Warning: {len(prepared.units_without_area)} units have no programme area ({shown}{more}): "
             "their counts are in the programme's totals but in no area. Add an område column, or a leader "
             "record for the unit.")
    if prepared.renamed:
        pairs = sorted(prepared.renamed.items())
        shown = "; ".join(f"{visible(a)!r} as {visible(b)!r}" for a, b in pairs[:5])
        more = f" and {len(pairs) - 5} more" if len(pairs) > 5 else ""
        note(f"Warning: {len(pairs)} unit name{'s' * (len(pairs) != 1)} differ only in case, accents or spaces "
             f"from another name of the same unit, and are counted under it: {shown}{more}. Correct the names "
             "in the quality system so they match data/control/units.")
    if export.month_mismatch_lines:
        lines = export.month_mismatch_lines
        verb = "has" if len(lines) == 1 else "have"
        note(f"Warning: {len(lines)} line{'s' * (len(lines) != 1)} (first {lines[0]}) {verb} a dato in another "
             "month than their måned; the måned is what is counted. Check which one the export means.")
    if export.identity_lines:
        lines = export.identity_lines
        verb = "holds" if len(lines) == 1 else "hold"
        echo(err, f"Warning: {len(lines)} line{'s' * (len(lines) != 1)} (first {lines[0]}) {verb} what looks like an "
                  "identity number outside the imported columns (a title, a header or a column that is not "
                  "imported); nothing of it is written. The export itself holds personal data: delete it when the "
                  "import is done.")
    for change in prepared.changes:
        state = "unchanged" if not change.changed else "new" if change.old is None else "changed"
        echo(out, f"{visible(change.name)}: {state} – {change.written} records from the export, "
                  f"{change.replaced} replaced, {change.kept} kept.")
    if request.dry_run:
        changed = sum(c.changed for c in prepared.changes)
        note(f"Dry run: {changed} file{'s' * (changed != 1)} would change; nothing was written.")
        return 0
    try:
        written = write_files(prepared.changes)
    except OSError as exc:
        echo(err, f"Error: writing failed: {visible(exc.strerror or exc)}. Files written before it got their "
                  "previous contents back; nothing was imported.")
        return 1
    if not export.counts and not written:
        note("The export counts no case; no file was written.")
    elif written:
        note(f"Wrote {len(written)} file{'s' * (len(written) != 1)}: {', '.join(visible(n) for n in written)}.")
    else:
        note(f"Every count was already as in the export; no file was written ({slug(source)}-YEAR.yaml).")
    return 0


def _unprintable(text: str) -> str | None:
    """What in ``text`` cannot stand in one line of a YAML comment or record:
    a line break, tab or other control character, or a bidirectional
    override (U+202E) that makes a line read otherwise than it is; None when
    there is none."""
    import unicodedata

    for char in text:
        if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"):
            return f"the character U+{ord(char):04X} ({unicodedata.name(char, 'a control character').lower()})"
    return None


def _reason(exc: ValueError) -> str:
    """The first reason of a validation error, without pydantic's dump of
    the input and its web address."""
    errors = getattr(exc, "errors", None)
    if callable(errors):
        try:
            first = errors()[0]
            where = ".".join(str(part) for part in first.get("loc", ()))
            return f"{where}: {first['msg']}" if where else str(first["msg"])
        except (IndexError, KeyError, TypeError):
            pass
    return str(exc).splitlines()[0]
