"""What ``import actuals`` shows: the summary as text or JSON, and the
diff of a dry run. Every text from the export or the data passes
``visible`` / ``json_safe``, which mask identity numbers and escape control
characters: a cell may hold anything."""

from __future__ import annotations

import difflib
import json
from decimal import Decimal
from typing import Any, TextIO

from ..accounts import FileChange, Group, Prepared
from ..core.numbers import amount, one_decimal
from ..model.budget import Period
from ..model.project import Project
from .output import echo
from .safe_text import json_safe, visible

JSON_SCHEMA_VERSION = 1
MAX_RANGES = 12
"""Line ranges shown per group in the text view; JSON lists every line."""
_PERIOD_SPAN = {Period.T1: "periods 1–4 (1 January to 30 April)", Period.T2: "periods 1–8 (1 January to 31 August)",
                Period.T3: "periods 1–12 and 13, the year-end entries (the whole year)"}


def kroner(value: Decimal) -> str:
    """An exact sum with two decimals and Norwegian thousands spacing: 12 345.50."""
    return f"{value:,.2f}".replace(",", " ")


def _thousands(value: float | None) -> str:
    return "–" if value is None else one_decimal(value)


def line_ranges(lines: list[int], limit: int | None = MAX_RANGES) -> str:
    """'3, 7–9, 12' – cut after ``limit`` ranges with how many lines are left."""
    ranges: list[tuple[int, int]] = []
    for line in sorted(lines):
        if ranges and line == ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], line)
        else:
            ranges.append((line, line))
    shown = ranges if limit is None else ranges[:limit]
    text = ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in shown)
    if len(shown) < len(ranges):
        rest = sum(b - a + 1 for a, b in ranges[len(shown):])
        text += f", … ({rest} more; --format json lists them all)"
    return text


def _lines(count: int) -> str:
    return f"{amount(count)} line{'s' * (count != 1)}"


def _file(project: Project) -> str:
    return project.origin.file if project.origin else "<memory>"


def text(prepared: Prepared, unit: str, out: TextIO) -> None:
    export, matching = prepared.export, prepared.matching
    year, period = matching.year, matching.period
    echo(out, f"Read {visible(export.name)} ({visible(export.form)}): header on line {export.header.row}, "
              f"{_lines(matching.lines)} with codes.")
    if not export.has_period:
        echo(out, f"The export has no periode column: every line counts for {year}-{period.value}.")
    else:
        echo(out, f"{year}-{period.value} adds up the lines of {year}, {_PERIOD_SPAN[period]}.")
        if any(line.month is not None and line.month.year is None for line in export.lines):
            echo(out, f"Periods given without a year are taken as {year}'s.")
    echo(out, f"Amounts in {unit}, written in 1000 kr rounded half up to one decimal.")
    _projects(prepared, out)
    _groups(out, "Unmapped", "no project's accounting codes match them; the largest sums first", matching.unmapped,
            unit)
    _groups(out, "Skipped", "not counted for the period", matching.skipped, unit)
    if matching.sum_lines is not None:
        _groups(out, "Sum and note lines", "no codes, never counted", [matching.sum_lines], unit)
    if matching.ambiguous:
        count = len(matching.ambiguous)
        echo(out, f"\nAmbiguous: {_lines(count)} match{'es' * (count == 1)} codes of more than one project or kind:")
        for item in matching.ambiguous:
            matches = ", ".join(f"{pid} {kind.value}" for pid, kind in item.matches)
            echo(out, f"  line {item.line}: {visible(matches)} ({kroner(item.amount)} {unit})")
    other = matching.total - matching.counted  # sum lines are in neither
    echo(out, f"\nTotals ({unit}): the export's {_lines(matching.lines)} with codes sum to {kroner(matching.total)}; "
              f"the {amount(matching.counted_lines)} of {year}-{period.value} to {kroner(matching.counted)}, the "
              f"{amount(matching.lines - matching.counted_lines)} of other periods to {kroner(other)}.")
    ambiguous = (f", ambiguous {kroner(matching.ambiguous_total)} ({_lines(len(matching.ambiguous))})"
                 if matching.ambiguous else "")
    unmapped_lines = sum(len(g.lines) for g in matching.unmapped)
    echo(out, f"Of {year}-{period.value}'s: mapped to projects {kroner(matching.mapped)} "
              f"({_lines(matching.mapped_lines)}), unmapped {kroner(matching.unmapped_total)} "
              f"({_lines(unmapped_lines)}){ambiguous}.")
    relaid = [c.name for c in prepared.changes if c.relaid]
    if relaid:
        echo(out, "Not in askoy2020 fmt's layout, so other lines are laid out anew too: "
                  + ", ".join(visible(n) for n in relaid) + ".")


def _projects(prepared: Prepared, out: TextIO) -> None:
    matching = prepared.matching
    if not matching.figures and not matching.left_alone:
        echo(out, "\nNo project has accounting codes, so no figure is set. Give projects their codes "
                  "(accounting: [{ansvar: '1200', kind: drift}]) and import again.")
        return
    echo(out, "\nProjects (1000 kr: old → new):")
    width = max((len(f.project.id) for f in matching.figures), default=5)
    for figure in matching.figures:
        state = "changed" if figure.changed else "unchanged"
        lines = _lines(len(figure.lines)) if figure.lines else "no lines: 0, no spend"
        echo(out, f"  {visible(figure.project.id):<{width}}  {figure.kind.value:<10}  "
                  f"{_thousands(figure.old):>10} → {_thousands(figure.value):<10}  {lines}, {state}  "
                  f"{visible(_file(figure.project))}")
    for project, reason in matching.left_alone:
        echo(out, f"  {visible(project.id):<{width}}  left as it is: {reason}")


def _groups(out: TextIO, title: str, why: str, groups: list[Group], unit: str) -> None:
    if not groups:
        return
    count = sum(len(g.lines) for g in groups)
    total = sum((g.total for g in groups), Decimal(0))
    echo(out, f"\n{title}: {_lines(count)} in {len(groups)} group{'s' * (len(groups) != 1)}, "
              f"{kroner(total)} {unit} – {why}:")
    for group in groups:
        unread = f", {group.unknown} without a readable amount" if group.unknown else ""
        echo(out, f"  {visible(group.label)}: {_lines(len(group.lines))}, {kroner(group.total)} {unit}{unread} "
                  f"(line{'s' * (len(group.lines) != 1)} {line_ranges(group.lines)})")


def diff(change: FileChange) -> str:
    old = change.old.decode("utf-8-sig").splitlines()
    new = change.new.decode("utf-8-sig").splitlines()
    return "\n".join(difflib.unified_diff(old, new, f"a/{change.name}", f"b/{change.name}", lineterm=""))


def diffs(prepared: Prepared, out: TextIO) -> None:
    for change in prepared.changes:
        echo(out, diff(change))


def as_json(prepared: Prepared, unit: str, dry_run: bool, written: bool, out: TextIO) -> None:
    export, matching = prepared.export, prepared.matching
    document: dict[str, Any] = {
        "schema_version": JSON_SCHEMA_VERSION,
        "export": {"file": export.name, "read_as": export.form, "header_line": export.header.row,
                   "lines": matching.lines, "periode_column": export.has_period},
        "period": f"{matching.year}-{matching.period.value}",
        "unit": unit,
        "dry_run": dry_run,
        "written": written,
        "projects": [
            {"id": f.project.id, "file": _file(f.project), "kind": f.kind.value, "old": f.old, "new": f.value,
             "changed": f.changed, "sum": float(f.total), "lines": list(f.lines)}
            for f in matching.figures
        ],
        "left_alone": [{"id": p.id, "file": _file(p), "reason": reason} for p, reason in matching.left_alone],
        "unmapped": [_group(g) for g in matching.unmapped],
        "skipped": [_group(g) for g in matching.skipped],
        "sum_lines": _group(matching.sum_lines) if matching.sum_lines else None,
        "ambiguous": [
            {"line": a.line, "amount": float(a.amount),
             "matches": [{"project": pid, "kind": kind.value} for pid, kind in a.matches]}
            for a in matching.ambiguous
        ],
        "problems": [{"file": p.location.file, "line": p.location.line, "message": p.message, "hint": p.hint}
                     for p in matching.problems],
        "totals": {"export": float(matching.total), "counted": float(matching.counted),
                   "mapped": float(matching.mapped), "unmapped": float(matching.unmapped_total),
                   "ambiguous": float(matching.ambiguous_total)},
        "files": [{"file": c.name, "projects": list(c.projects), "relaid": c.relaid,
                   **({"diff": diff(c)} if dry_run else {})} for c in prepared.changes],
    }
    out.write(json_safe(json.dumps(document, ensure_ascii=False, indent=2)) + "\n")
    out.flush()


def _group(group: Group) -> dict[str, Any]:
    return {"label": group.label, **({"codes": group.codes} if group.codes else {}), "lines": group.lines,
            "sum": float(group.total), "unreadable_amounts": group.unknown}
