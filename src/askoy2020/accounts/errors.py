"""What stops an import: one problem, with the file and line to look at.

An export that cannot be read whole is not imported in part – a figure
summed from some of the lines would be wrong without saying so – so the
first problem found ends the reading and is shown as one line. Its texts
are masked like every :class:`~askoy2020.core.diagnostics.Diagnostic`: a
cell may hold anything, an identity number too.
"""

from __future__ import annotations

from ..core.diagnostics import Location
from ..core.identity_numbers import clip, mask


class ImportProblem(Exception):
    """The export (or the data) cannot be imported; nothing is written."""

    def __init__(self, location: Location, message: str, hint: str = "") -> None:
        self.location = Location(mask(location.file), location.line, location.column)
        self.message = mask(message)
        self.hint = mask(hint)
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.location.file if self.location.line <= 0 else f"{self.location.file}:{self.location.line}"
        return f"{where}: {self.message}" + (f". {self.hint}" if self.hint else "")


def shown(value: str, limit: int = 40) -> str:
    """A cell's text quoted for a message, cut short when long."""
    return repr(clip(value, limit))
