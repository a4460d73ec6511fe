"""The one value every problem becomes: a :class:`Diagnostic`.

Loaders and rules *collect* diagnostics instead of raising, so one run shows
every problem in every file. Text, JSON and CI annotations are all views of
the same sorted list.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from .identity_numbers import mask


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Location:
    """A place in a file; line and column are 1-based as editors show them."""

    file: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Diagnostic:
    """One problem. Its texts – message, hint and every file name – are
    masked when it is made: an identity number placed in an id, a key, a
    reference or a file name is echoed by many rules, and this is the one
    place all of them pass, so no rule and no output format can print one."""

    location: Location
    rule: str
    severity: Severity
    message: str
    hint: str = ""
    # Other places that explain this problem: the first copy of a duplicate
    # id, each edge of a dependency cycle.
    related: tuple[Location, ...] = field(default=())

    def __post_init__(self) -> None:
        object.__setattr__(self, "message", mask(self.message))
        object.__setattr__(self, "hint", mask(self.hint))
        object.__setattr__(self, "location", _masked_location(self.location))
        object.__setattr__(self, "related", tuple(_masked_location(r) for r in self.related))

    @property
    def file(self) -> str:
        return self.location.file

    @property
    def line(self) -> int:
        return self.location.line

    @property
    def column(self) -> int:
        return self.location.column

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.column, self.rule, self.message)

    def to_dict(self) -> dict[str, object]:
        """The stable JSON shape documented in docs/format.md."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "hint": self.hint,
            "related": [
                {"file": r.file, "line": r.line, "column": r.column} for r in self.related
            ],
        }


def _masked_location(location: Location) -> Location:
    masked = mask(location.file)
    return location if masked == location.file else Location(masked, location.line, location.column)


def sort_diagnostics(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Sort by file and line and drop exact repeats (one value reached twice
    through a YAML alias must not be reported twice)."""
    unique = {(d.sort_key(), d.severity, d.hint, d.related): d for d in diagnostics}
    return sorted(unique.values(), key=Diagnostic.sort_key)
