"""How a bokmål message writes what the English one writes its own way:
dates as 31.10.2020, decimals with a comma (2,5 årsverk), a count with its
noun in the right number (1 dag, 3 dager), lists ending in "og".

Thousands are spaced in both languages (:mod:`.numbers`), so an amount
reads the same; only the decimal mark differs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable


def date(day: dt.date | None) -> str:
    """31.10.2020 ('–' for no date)."""
    return "–" if day is None else f"{day.day:02d}.{day.month:02d}.{day.year}"


def decimal(text: str) -> str:
    """A number formatted in English ('1 204.5', '0.8') with a decimal comma."""
    return text.replace(".", ",")


def number(value: float) -> str:
    """A measure or score as short as it goes (``:g``), with a decimal comma: 7,5."""
    return decimal(f"{value:g}")


def count(n: int, one: str, many: str) -> str:
    """'1 dag', '12 dager' (thousands spaced: '1 500 dager')."""
    return f"{n:,}".replace(",", " ") + " " + (one if n == 1 else many)


def listing(items: Iterable[str], last: str = "og") -> str:
    """'a, b og c'."""
    found = list(items)
    if len(found) < 2:
        return "".join(found)
    return ", ".join(found[:-1]) + f" {last} " + found[-1]
