"""``askoy2020 schema``: a JSON Schema per record kind, for editors."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from .failures import explain_os_errors
from .output import echo
from .safe_text import visible


@dataclass(frozen=True)
class SchemaRequest:
    output: Path
    """The folder for the *.schema.json files."""


@explain_os_errors
def run(request: SchemaRequest, out: TextIO, err: TextIO) -> int:
    from ..schema import write_schemas

    for path in write_schemas(request.output):
        echo(out, f"wrote {visible(path)}")
    return 0
