"""The one value every problem becomes: a :class:`Diagnostic`.

Loaders and rules *collect* diagnostics instead of raising, so one run shows
every problem in every file. Text, JSON and CI annotations are all views of
the same sorted list.

Every message and hint is written twice, in English and in Norwegian
bokmål, side by side where the problem is found (:class:`Say`), so a rule's
id, severity, documentation and both texts stay in one place. English is
the diagnostic's ``message`` and ``hint`` (JSON, CI fingerprints, tests);
:meth:`Diagnostic.text` gives either language (``validate --lang nb``, the
Norwegian report).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum

from .identity_numbers import mask

LANGUAGES = ("en", "nb")


@dataclass(frozen=True)
class Say:
    """One text in English and in Norwegian bokmål, written together where
    it is said. Quoted YAML keys and values stay as the file writes them;
    dates and decimals follow each language (2020-10-31 / 31.10.2020)."""

    en: str
    nb: str

    def __add__(self, other: Say) -> Say:
        return Say(self.en + other.en, self.nb + other.nb)

    def join(self, parts: Iterable[Say]) -> Say:
        """The parts with this text between them, as ``str.join``."""
        items = list(parts)
        return Say(self.en.join(p.en for p in items), self.nb.join(p.nb for p in items))

    def in_language(self, lang: str) -> str:
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r}; use one of {', '.join(LANGUAGES)}")
        return self.nb if lang == "nb" else self.en


class SayError(ValueError):
    """A ValueError whose message is said in both languages: a model
    validator raises it, and the loader reports ``say`` in either."""

    def __init__(self, say: Say) -> None:
        super().__init__(say.en)
        self.say = say


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
    # The same message and hint in Norwegian bokmål; empty for a diagnostic
    # made without them (then text("nb") gives the English).
    message_nb: str = ""
    hint_nb: str = ""

    def __post_init__(self) -> None:
        for name in ("message", "hint", "message_nb", "hint_nb"):
            object.__setattr__(self, name, mask(getattr(self, name)))
        object.__setattr__(self, "location", _masked_location(self.location))
        object.__setattr__(self, "related", tuple(_masked_location(r) for r in self.related))

    @classmethod
    def said(cls, location: Location, rule: str, severity: Severity, message: Say, hint: Say,
             related: tuple[Location, ...] = ()) -> Diagnostic:
        """The diagnostic of a problem said in both languages."""
        return cls(location, rule, severity, message.en, hint.en, related, message.nb, hint.nb)

    def text(self, lang: str) -> tuple[str, str]:
        """(message, hint) in ``lang``: "en" or "nb" (a Language value will
        do). Identity numbers are masked in both."""
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r}; use one of {', '.join(LANGUAGES)}")
        if lang == "nb" and (self.message_nb or not self.message):
            return self.message_nb, self.hint_nb
        return self.message, self.hint

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

    def to_dict(self, nb: bool = False) -> dict[str, object]:
        """The stable JSON shape documented in README.md ("JSON output");
        with ``nb`` (validate --lang nb) the bokmål texts as well."""
        texts: dict[str, object] = {"message": self.message, "hint": self.hint}
        if nb:
            texts["message_nb"], texts["hint_nb"] = self.text("nb")
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "rule": self.rule,
            "severity": self.severity.value,
            **texts,
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
