"""A failing disk is an error message, not a traceback.

Every file askoy2020 writes goes through :mod:`askoy2020.writing.atomic`, so
when the disk is full, a folder is read-only or a path is wrong, each file
is either its old self or the new one – never half written. What is left
is to say so plainly and exit 1.
"""

from __future__ import annotations

import errno
import functools
import os
import sys
from collections.abc import Callable
from typing import NoReturn, TextIO, TypeVar

from .output import echo
from .safe_text import visible

Request = TypeVar("Request")
Run = Callable[[Request, TextIO, TextIO], int]


def explain_os_errors(run: Run[Request]) -> Run[Request]:
    """Wrap a command's ``run``: an OSError becomes one line on ``err`` and
    exit code 1."""

    @functools.wraps(run)
    def guarded(request: Request, out: TextIO, err: TextIO) -> int:
        try:
            return run(request, out, err)
        except OSError as exc:
            where = f" ({visible(exc.filename)})" if exc.filename else ""
            echo(err, f"Error: {visible(exc.strerror or exc)}{where}. Files are replaced whole or not at all, "
                      "so none is half written. Check the free space, the permissions and the path, "
                      "then run the command again.")
            return 1

    return guarded


class ClosedStream:
    """Standard output or error closed by the caller (``>&-``)."""

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "the stream is closed")

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


def output_failed(exc: OSError) -> NoReturn:
    """One line on standard error (when it can take one) and exit 2, never
    a traceback; the output is replaced by nothing so that Python's own
    flush at exit has nothing left to fail on."""
    reason = exc.strerror or str(exc)
    sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (kept open until the process ends)
    try:
        sys.stderr.write(f"Error: cannot write the output: {reason}. Check the free space and where the output "
                         f"goes, then run the command again.\nFeil: kan ikke skrive utdata: {reason}. Sjekk ledig "
                         "plass og hvor utdataene skal, og kjør kommandoen på nytt.\n")
        sys.stderr.flush()
    except OSError:
        pass
    raise SystemExit(2)
