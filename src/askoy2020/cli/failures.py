"""A failing disk is an error message, not a traceback.

Every file askoy2020 writes goes through :mod:`askoy2020.writing.atomic`, so
when the disk is full, a folder is read-only or a path is wrong, each file
is either its old self or the new one – never half written. What is left
is to say so plainly and exit 1.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import typer

F = TypeVar("F", bound=Callable[..., Any])


def explain_os_errors(command: F) -> F:
    @functools.wraps(command)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except OSError as exc:
            where = f" ({exc.filename})" if exc.filename else ""
            typer.echo(
                f"Error: {exc.strerror or exc}{where}. Files are replaced whole or not at all, so none is half "
                "written. Check the free space, the permissions and the path, then run the command again.",
                err=True,
            )
            raise typer.Exit(1) from None

    return guarded  # type: ignore[return-value]
