"""Find Norwegian national identity numbers in text.

Covers fødselsnummer (both check-digit rules, including the one used for
numbers issued from 2032), D-nummer (day + 40), H-nummer (month + 40) and
synthetic test numbers (month + 40 at NAV, + 80 at Skatteetaten).

A number is flagged only when its date *and* its check digits are valid, so
bank account numbers and other 11-digit figures pass.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass

_K1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_K1_2032 = (3, 7, 6, 1, 8, 9, 4, 5, 2, 1)
_K2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)

# Six digits, an optional space or dot, five digits; not part of a longer
# run of digits (or of a dotted account number such as 1234.56.78903).
_CANDIDATE = re.compile(r"(?<![\d.])(\d{6})[ .]?(\d{5})(?![\d]|\.\d)")


@dataclass(frozen=True)
class IdentityNumber:
    start: int  # offset in the text
    end: int
    kind: str  # fødselsnummer, D-nummer, H-nummer, syntetisk testnummer

    def masked(self, text: str) -> str:
        found = text[self.start:self.end]
        return re.sub(r"\d", "•", found)


def _weighted(digits: list[int], weights: tuple[int, ...]) -> int:
    return sum(d * w for d, w in zip(digits, weights)) % 11


def _check_digits_valid(d: list[int]) -> bool:
    k1 = 11 - _weighted(d, _K1)
    k1 = 0 if k1 == 11 else k1
    old_rule = k1 != 10 and k1 == d[9]
    new_rule = _weighted(d, _K1_2032) in (0, 1, 2, 3)
    if not (old_rule or new_rule):
        return False
    k2 = 11 - _weighted(d, _K2)
    k2 = 0 if k2 == 11 else k2
    return k2 != 10 and k2 == d[10]


def _years(yy: int, individual: int) -> list[int]:
    """Possible birth years by the individnummer ranges; the 2032 rule and
    synthetic numbers make this less certain, so every plausible century is
    tried."""
    years = []
    if individual <= 499:
        years.append(1900 + yy)
    if 500 <= individual <= 749 and yy >= 54:
        years.append(1800 + yy)
    if individual >= 500 and yy <= 39:
        years.append(2000 + yy)
    if individual >= 900 and yy >= 40:
        years.append(1900 + yy)
    return years or [1900 + yy, 2000 + yy]


def _date_kind(d: list[int]) -> str | None:
    day = d[0] * 10 + d[1]
    month = d[2] * 10 + d[3]
    yy = d[4] * 10 + d[5]
    individual = d[6] * 100 + d[7] * 10 + d[8]
    kind = "fødselsnummer"
    if day > 40:
        day -= 40
        kind = "D-nummer"
    if month > 80:
        month -= 80
        kind = "syntetisk testnummer"
    elif month > 40:
        month -= 40
        kind = "H-nummer eller syntetisk testnummer"
    if not 1 <= month <= 12 or day < 1:
        return None
    if any(day <= calendar.monthrange(year, month)[1] for year in _years(yy, individual)):
        return kind
    return None


def classify(digits: str) -> str | None:
    """The kind of identity number ``digits`` (11 digits) is, or None."""
    if len(digits) != 11 or not digits.isdigit():
        return None
    d = [int(c) for c in digits]
    kind = _date_kind(d)
    if kind is None or not _check_digits_valid(d):
        return None
    return kind


def find_identity_numbers(text: str) -> Iterator[IdentityNumber]:
    for match in _CANDIDATE.finditer(text):
        kind = classify(match.group(1) + match.group(2))
        if kind is not None:
            yield IdentityNumber(match.start(), match.end(), kind)


def check_digits(first_nine: str) -> str | None:
    """The two check digits (old rule) for nine digits, or None when none
    exist. Used to build synthetic numbers in tests and sample data."""
    d = [int(c) for c in first_nine]
    k1 = 11 - _weighted(d, _K1)
    k1 = 0 if k1 == 11 else k1
    if k1 == 10:
        return None
    d.append(k1)
    k2 = 11 - _weighted(d, _K2)
    k2 = 0 if k2 == 11 else k2
    if k2 == 10:
        return None
    return f"{k1}{k2}"
