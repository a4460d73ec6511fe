"""``askoy2020 fmt``: one canonical layout for every record file. Exit 1
when a file has errors or, with ``check``, would change; 2 when a path given
is not there or standard input has no name.

Paths may be data folders, folders inside one, or single record files (a
pre-commit hook passes the staged ones). ``-`` reads one record from
standard input and writes its canonical text to standard output (the text
as it came when it cannot be formatted, nothing when it is over the size
limit), so an editor can format a buffer; ``--stdin-filename`` says which
file it is, and so which kind of record."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, TextIO

from .failures import explain_os_errors
from .output import echo
from .safe_text import visible

if TYPE_CHECKING:
    from ..loading.yaml_reader import ReadLimits

STDIN = Path("-")


@dataclass(frozen=True)
class FmtRequest:
    paths: list[Path] = field(default_factory=list)
    """Folders and files; none: data/ of the current repository; ``-``: standard input."""
    check: bool = False
    """Only list the files that would change."""
    stdin_filename: str | None = None
    """The name of the file standard input holds (its kind, and the name in messages)."""


@explain_os_errors
def run(request: FmtRequest, out: TextIO, err: TextIO) -> int:
    from ..loading.yaml_reader import ReadLimits
    from .paths import default_data_folder

    paths = request.paths or [default_data_folder()]
    if STDIN in paths and len(paths) > 1:
        echo(err, "Error: '-' (standard input) cannot be mixed with files or folders. "
                  "Run e.g. 'askoy2020 fmt - --stdin-filename data/leaders/L-001.yaml < L-001.yaml'.")
        return 2
    missing = [p for p in paths if p != STDIN and not (p.is_dir() or p.is_file())]
    if missing:
        what = "a folder with Askøy 2020 data" if not request.paths else "a file or folder"
        for path in missing:
            echo(err, f"Error: {visible(path)} is not {what}. Give it, e.g. 'askoy2020 fmt data'.")
        return 2
    try:
        limits = ReadLimits.from_environment()
    except ValueError as exc:
        echo(err, f"Error: {visible(exc)}. Unset it to use the default, or see docs/robustness.md.")
        return 2
    if paths == [STDIN]:
        return _run_stdin(request, limits, out, err)
    from ..fmt import format_files

    result = format_files(paths, check=request.check, limits=limits)
    for d in result.diagnostics:
        echo(err, f"{visible(d.location)}: {d.severity.value}: {visible(d.message)}")
    verb = "would reformat" if request.check else "reformatted"
    for name in result.changed:
        echo(out, f"{verb} {visible(name)}")
    echo(err, f"{len(result.changed)} file{'s' * (len(result.changed) != 1)} {verb}, "
              f"{result.unchanged} left as they were")
    failed = bool(result.diagnostics and any(d.is_error for d in result.diagnostics))
    return 1 if failed or (request.check and result.changed) else 0


def _read_at_most(stream: BinaryIO, limit: int) -> bytes:
    """Up to ``limit`` bytes, read in pieces: ``read(limit)`` would set
    aside the whole limit at once, however little comes."""
    pieces: list[bytes] = []
    size = 0
    while size < limit:
        piece = stream.read(min(1 << 16, limit - size))
        if not piece:
            break
        pieces.append(piece)
        size += len(piece)
    return b"".join(pieces)


def _run_stdin(request: FmtRequest, limits: ReadLimits, out: TextIO, err: TextIO) -> int:
    from ..fmt import format_stream

    if not request.stdin_filename:
        echo(err, "Error: give the name of the file on standard input, so fmt knows its kind: "
                  "'askoy2020 fmt - --stdin-filename data/leaders/L-001.yaml'.")
        return 2
    data = _read_at_most(sys.stdin.buffer, limits.max_file_bytes + 1)
    name = request.stdin_filename
    if len(data) > limits.max_file_bytes:
        # Too large to format: the text goes back as it came (an editor that
        # applies standard output must not get an empty buffer).
        if not request.check:
            _write_bytes(out, data)
            for chunk in iter(lambda: sys.stdin.buffer.read(1 << 16), b""):
                _write_bytes(out, chunk)
        echo(err, f"Error: standard input is larger than {limits.max_file_bytes} bytes "
                  "(ASKOY2020_MAX_FILE_BYTES); it was left as it came.")
        return 1
    formatted, problems = format_stream(data, name, limits)
    for d in problems:
        echo(err, f"{visible(d.location)}: {d.severity.value}: {visible(d.message)}")
    changed = formatted is not None and formatted.encode("utf-8") != data
    if request.check:
        if changed:
            echo(out, f"would reformat {visible(name)}")
    else:
        # The text itself, byte for byte: what fmt would write to the file,
        # not passed through the masking and escaping meant for messages.
        # An identity number in it is the text's own (validate reports it,
        # ASK901); masking it here would silently change what the editor saves.
        _write_bytes(out, formatted.encode("utf-8") if formatted is not None else data)
    failed = any(d.is_error for d in problems)
    return 1 if failed or (request.check and changed) else 0


def _write_bytes(out: TextIO, data: bytes) -> None:
    out.flush()
    buffer = getattr(out, "buffer", None)
    if buffer is not None:
        buffer.write(data)
        buffer.flush()
    else:  # a text-only stream (StringIO in a test)
        out.write(data.decode("utf-8", errors="surrogateescape"))
        out.flush()

