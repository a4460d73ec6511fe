"""Writing a line to ``out`` or ``err`` the way the command line always has."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from .safe_text import visible


def echo(stream: TextIO, message: str = "", nl: bool = True) -> None:
    """Write ``message`` (and a newline) and flush, so lines on stdout and
    stderr stay in order when both go to one log. A message may quote a file
    name or a record, and a record must not restyle the terminal, move its
    cursor or fake a line: control and invisible characters are shown as
    escapes (``\\x1b``), on a terminal or not; a line break is kept, so a call
    that quotes a single value from the data passes it through ``visible``."""
    text = visible(message, keep="\n") + ("\n" if nl else "")
    if text:
        stream.write(text)
    stream.flush()


def notes(stream: TextIO, quiet: bool) -> Callable[[str], None]:
    """:func:`echo` to ``stream`` for what is not an error – a warning, a
    "Wrote …" – or, with ``--quiet``, nothing: a quiet command says only
    its errors (and its result on standard output)."""
    if quiet:
        return lambda message: None
    return lambda message: echo(stream, message)
