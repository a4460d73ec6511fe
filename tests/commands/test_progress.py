"""The spinner appears only on a terminal and only after the delay."""

from __future__ import annotations

import io
import time

from askoy2020.commands.progress import busy


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_silent_when_not_a_terminal() -> None:
    out = io.StringIO()
    with busy("Reading…", out, delay=0.0):
        time.sleep(0.05)
    assert out.getvalue() == ""


def test_silent_when_quick_on_a_terminal() -> None:
    out = Terminal()
    with busy("Reading…", out, delay=5.0):
        pass
    assert out.getvalue() == ""


def test_shows_the_message_when_slow_on_a_terminal() -> None:
    out = Terminal()
    with busy("Reading the data…", out, delay=0.01):
        time.sleep(0.3)
    assert "Reading the data…" in out.getvalue()
