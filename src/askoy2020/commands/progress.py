"""A spinner on stderr for work that takes more than about a second – only
on a terminal, so pipes, CI logs and JSON output stay clean."""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Iterator
from typing import Any, TextIO


@contextlib.contextmanager
def busy(message: str, stream: TextIO | None = None, delay: float = 1.0, enabled: bool = True) -> Iterator[None]:
    out = stream or sys.stderr
    if not enabled or not out.isatty():
        yield
        return
    from rich.console import Console

    status: Any = None
    lock = threading.Lock()
    done = False

    def start() -> None:
        nonlocal status
        with lock:
            if not done:
                status = Console(file=out).status(message)
                status.start()

    timer = threading.Timer(delay, start)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            done = True
            timer.cancel()
            if status is not None:
                status.stop()
