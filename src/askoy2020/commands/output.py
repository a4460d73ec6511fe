"""Writing a line to ``out`` or ``err`` the way the command line always has."""

from __future__ import annotations

import re
from typing import TextIO

# Terminal control sequences, as click strips them: a message may quote a
# record, and a record must not restyle or move the cursor of a log.
_ANSI = re.compile(r"\033\[[;?0-9]*[a-zA-Z]")


def echo(stream: TextIO, message: str = "", nl: bool = True) -> None:
    """Write ``message`` (and a newline) and flush, so lines on stdout and
    stderr stay in order when both go to one log; off a terminal, terminal
    control sequences are left out. What ``typer.echo`` does, without typer."""
    text = message + "\n" if nl else message
    if text:
        if not _isatty(stream):
            text = _ANSI.sub("", text)
        stream.write(text)
    stream.flush()


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except Exception:  # a closed or odd stream is not a terminal
        return False
