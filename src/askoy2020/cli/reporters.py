"""Views of one sorted list of diagnostics: text, JSON, GitHub annotations."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import TextIO

from ..diagnostics import Diagnostic

JSON_SCHEMA_VERSION = 1


def summary_line(diagnostics: list[Diagnostic], files_checked: int) -> str:
    errors = sum(d.is_error for d in diagnostics)
    warnings = len(diagnostics) - errors
    files = len({d.file for d in diagnostics})
    return (
        f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)} "
        f"in {files} file{'s' * (files != 1)} ({files_checked} files checked)"
    )


def text(diagnostics: list[Diagnostic], files_checked: int, as_of: date, out: TextIO) -> None:
    from rich.console import Console
    from rich.markup import escape

    console = Console(file=out, highlight=False, soft_wrap=True)
    current = None
    for d in diagnostics:
        if d.file != current:
            if current is not None:
                console.print()
            console.print(f"[bold underline]{escape(d.file)}[/]")
            current = d.file
        colour = "red" if d.is_error else "yellow"
        console.print(
            f"  {d.line}:{d.column}\t[{colour}]{d.severity.value}[/]\t{escape(d.message)}  [dim]{d.rule}[/]"
        )
        if d.hint:
            console.print(f"  \t\t[dim]→ {escape(d.hint)}[/]")
        for r in d.related:
            console.print(f"  \t\t[dim]  see {escape(str(r))}[/]")
    if diagnostics:
        console.print()
    colour = "red" if any(d.is_error for d in diagnostics) else ("yellow" if diagnostics else "green")
    console.print(f"[bold {colour}]{summary_line(diagnostics, files_checked)}[/]")


def as_json(diagnostics: list[Diagnostic], files_checked: int, as_of: date, out: TextIO) -> None:
    errors = sum(d.is_error for d in diagnostics)
    document = {
        "schema_version": JSON_SCHEMA_VERSION,
        "as_of": as_of.isoformat(),
        "summary": {
            "errors": errors,
            "warnings": len(diagnostics) - errors,
            "files_with_problems": len({d.file for d in diagnostics}),
            "files_checked": files_checked,
        },
        "diagnostics": [d.to_dict() for d in diagnostics],
    }
    json.dump(document, out, ensure_ascii=False, indent=2)
    out.write("\n")


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(diagnostics: list[Diagnostic], files_checked: int, as_of: date, out: TextIO) -> None:
    """GitHub Actions workflow commands; each becomes an annotation on the line."""
    for d in diagnostics:
        level = "error" if d.is_error else "warning"
        props = f"file={_escape_property(d.file)},line={d.line},col={d.column},title={_escape_property(d.rule)}"
        message = d.message + (f" – {d.hint}" if d.hint else "")
        out.write(f"::{level} {props}::{_escape_data(message)}\n")
    out.write(summary_line(diagnostics, files_checked) + "\n")


Reporter = Callable[[list[Diagnostic], int, date, TextIO], None]
REPORTERS: dict[str, Reporter] = {"text": text, "json": as_json, "github": github}
