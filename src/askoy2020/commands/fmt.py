"""``askoy2020 fmt``: one canonical layout for every record file. Exit 1
when a file has errors or, with ``check``, would change; 2 when the folder
is not a data folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from .failures import explain_os_errors
from .output import echo
from .safe_text import visible


@dataclass(frozen=True)
class FmtRequest:
    folder: Path | None
    check: bool = False
    """Only list the files that would change."""


@explain_os_errors
def run(request: FmtRequest, out: TextIO, err: TextIO) -> int:
    from ..fmt import format_folder
    from ..loading.yaml_reader import ReadLimits
    from .paths import default_data_folder

    folder = request.folder or default_data_folder()
    if not folder.is_dir():
        echo(err, f"Error: {visible(folder)} is not a folder with Askøy 2020 data. Give it, e.g. 'askoy2020 fmt data'.")
        return 2
    try:
        limits = ReadLimits.from_environment()
    except ValueError as exc:
        echo(err, f"Error: {visible(exc)}. Unset it to use the default, or see docs/robustness.md.")
        return 2
    result = format_folder(folder, check=request.check, limits=limits)
    for d in result.diagnostics:
        echo(err, f"{visible(d.location)}: {d.severity.value}: {visible(d.message)}")
    verb = "would reformat" if request.check else "reformatted"
    for name in result.changed:
        echo(out, f"{verb} {visible(name)}")
    echo(err, f"{len(result.changed)} file{'s' * (len(result.changed) != 1)} {verb}, "
              f"{result.unchanged} left as they were")
    failed = bool(result.diagnostics and any(d.is_error for d in result.diagnostics))
    return 1 if failed or (request.check and result.changed) else 0
