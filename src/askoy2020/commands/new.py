"""``askoy2020 new``: a new record with the next free id, printed or
written. Exit 2 when it cannot be made or its file exists."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from .choices import RecordKind
from .failures import explain_os_errors
from .output import echo
from .safe_text import visible


@dataclass(frozen=True)
class NewRequest:
    kind: RecordKind
    folder: Path | None
    area: str | None = None
    """The programme area (required for a project)."""
    write: bool = False
    """Write the file instead of printing it."""


@explain_os_errors
def run(request: NewRequest, out: TextIO, err: TextIO) -> int:
    from ..scaffold import new_record
    from ..writing import write_new_files
    from .paths import load_or_explain

    portfolio = load_or_explain(request.folder, "askoy2020 new project data --area DK", err)
    if portfolio is None:
        return 2
    try:
        record = new_record(portfolio, request.kind.value, request.area, dt.date.today())
    except ValueError as exc:
        echo(err, f"Error: {visible(exc)}.")
        return 2
    if not request.write:
        echo(out, record.text, nl=False)
        return 0
    target = portfolio.root / record.relative_path
    if target.exists():
        echo(err, f"Error: {visible(target)} exists already; nothing written.")
        return 2
    write_new_files([(target, record.text)])  # on failure, no file and no new folder is left
    echo(out, f"wrote {visible(target)}")
    return 0
