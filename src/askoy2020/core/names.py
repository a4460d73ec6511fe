"""How names of units are told apart. Standard library only: the report's
audience rule and the case importer count units by this."""

from __future__ import annotations

import unicodedata

_LETTERS = str.maketrans({"ø": "o", "æ": "ae", "ß": "ss", "đ": "d", "ł": "l"})


def unit_key(name: str) -> str:
    """A unit's name as units are told apart: without case, accents or
    extra spaces ('Klima  og Miljø' and 'klima og miljo' are one unit).
    What counts units compares names by this: the public report's threshold
    k and the case importer, which files a variant under the register's
    name. ASK815 asks for the register's exact name."""
    text = unicodedata.normalize("NFKD", name.casefold().translate(_LETTERS))
    text = "".join(char for char in text if not unicodedata.combining(char))
    return " ".join(text.split())
