"""``askoy2020 init``: a new data repository, all or nothing. Files that
are there already are kept."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from .failures import explain_os_errors
from .output import echo
from .safe_text import visible


@dataclass(frozen=True)
class InitRequest:
    folder: Path


@explain_os_errors
def run(request: InitRequest, out: TextIO, err: TextIO) -> int:
    from ..scaffold import init_repository

    written, kept = init_repository(request.folder)
    for path in written:
        echo(out, f"wrote {visible(path)}")
    for path in kept:
        echo(out, f"kept  {visible(path)} (already there)")
    echo(err, f"Next: cd {visible(request.folder)} && git init && askoy2020 validate")
    return 0
