"""Finding the columns of an export by their names.

ERP reports name their columns as the person who set up the report chose:
``Ansvar``, ``ANSVARSTED``, ``Funksjon_kode``, ``Beløp NOK``, ``Prosjektnr.``.
A name is compared without case, accents and punctuation (``Beløp NOK`` is
``belopnok``), against the aliases below. The header is the first row, among
the first :data:`HEADER_SEARCH_ROWS`, that names a beløp column and at least
one of ansvar, funksjon and prosjekt; title rows above it (the report's name,
the date it was run) are passed over.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

HEADER_SEARCH_ROWS = 50

ALIASES: dict[str, tuple[str, ...]] = {
    "ansvar": ("ansvar", "ansvarsted", "ansvarssted", "ansvarnr", "ansvarsnummer"),
    "funksjon": ("funksjon", "funksjonkode", "funksjonnr", "kostrafunksjon"),
    "art": ("art", "konto", "kontoart", "artskonto", "kontonr"),
    "project": ("prosjekt", "prosjektnr", "prosjektnummer", "project"),
    "period": ("periode", "periodenr", "regnskapsperiode", "period"),
    "year": ("ar", "aar", "regnskapsar", "regnskapsaar", "year"),
    "amount": ("belop", "beloep", "belopnok", "beloepnok", "regnskap", "amount"),
}
"""Field -> column names, as :func:`normal` writes them."""
FIELD_TITLES = {"ansvar": "ansvar", "funksjon": "funksjon", "art": "art", "project": "prosjekt",
                "period": "periode", "year": "år", "amount": "beløp"}
"""Each field as a finance adviser calls it, in messages."""
CODE_FIELDS = ("project", "ansvar", "funksjon")
"""The fields an :class:`~askoy2020.model.budget.AccountCode` matches on."""

_BY_NAME = {alias: field for field, aliases in ALIASES.items() for alias in aliases}
_LETTERS = str.maketrans({"ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "ß": "ss"})


def normal(name: object) -> str:
    """A column name without case, accents, spaces or punctuation: 'Beløp NOK' -> 'belopnok'."""
    text = unicodedata.normalize("NFKD", str(name).translate(_LETTERS))
    return re.sub(r"[^a-z0-9]", "", text.encode("ascii", "ignore").decode().lower())


@dataclass(frozen=True)
class Header:
    row: int
    """The header's line (CSV) or row (xlsx), 1-based."""
    columns: dict[str, int]
    """Field -> 0-based column index."""
    names: dict[str, str]
    """Field -> the column's name as written."""
    width: int = 0
    """The number of cells up to the last one that names a column."""


class DuplicateColumn(ValueError):
    def __init__(self, field: str, first: str, second: str) -> None:
        super().__init__(f"two columns could be {FIELD_TITLES[field]}: {first!r} and {second!r}")


def header_of(cells: Sequence[object], row: int) -> Header | None:
    """The header this row is, or None when it is not one; a
    :class:`DuplicateColumn` when two of its columns name one field."""
    columns: dict[str, int] = {}
    names: dict[str, str] = {}
    twice: DuplicateColumn | None = None
    for index, cell in enumerate(cells):
        field = _BY_NAME.get(normal(cell)) if cell is not None else None
        if field is None:
            continue
        if field in columns:
            twice = twice or DuplicateColumn(field, names[field], str(cell).strip())
            continue
        columns[field], names[field] = index, str(cell).strip()
    if "amount" not in columns or not any(f in columns for f in CODE_FIELDS):
        return None
    if twice is not None:
        raise twice
    width = max((i + 1 for i, cell in enumerate(cells) if cell is not None and str(cell).strip()), default=0)
    return Header(row, columns, names, width)


def expected_header() -> str:
    """What a header must hold, for the message when none is found."""
    return ("a row naming a beløp column (beløp, belop, beløp_nok, regnskap or amount) and at least one of "
            "ansvar (ansvarsted), funksjon (funksjon_kode) and prosjekt (prosjektnr, prosjektnummer)")
