"""Find Norwegian national identity numbers in text, and mask them.

Covers fødselsnummer (both check-digit rules, including the one used for
numbers issued from 2032), D-nummer (day + 40), H-nummer (month + 40) and
synthetic test numbers (month + 40 at NAV, + 80 at Skatteetaten).

A number is flagged only when its date *and* its check digits are valid.
It is found however it is written: 11 digits in a row, or the date and the
personal number apart (space, dot, hyphen, slash, tab, no-break or thin
space), the date in groups (``01.01.90 12345``), glued to a word
(``fnr.01019012345``), or with zero-width characters inside.

Bank account numbers share the second check digit's weights, so an
11-digit account whose first six digits look like a date passes the
fødselsnummer checks about a third of the time (the 2032 rule accepts four
remainders of eleven). Written as accounts are – grouped 4.2.5, or after a
word such as "kontonummer" – they are not flagged; bare, they cannot be told
apart and are flagged (tests/core/test_identity_numbers.py measures both).

This module is in ``core`` because every diagnostic masks what it finds
(:mod:`.diagnostics`): no message can print a number in full.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, TextIO

_K1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_K1_2032 = (3, 7, 6, 1, 8, 9, 4, 5, 2, 1)
_K2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)

# Separators people and word processors put between the groups: spaces of
# every width, dots, slashes, underscores, hyphens and dashes, line breaks.
# Also the escapes repr() writes for them ("060180\\xa016530" in a message
# that quotes a value), so a quoted value cannot hide one.
_SEP_CHARS = "[ .\\-/_\t\r\n\u00a0\u2007\u2009\u202f\u2010\u2011\u2012\u2013\u2014\u2212\u2028\u2029]"
_SEP = rf"(?:{_SEP_CHARS}|\\x[0-9a-fA-F]{{2}}|\\u[0-9a-fA-F]{{4}}|\\U[0-9a-fA-F]{{8}}|\\[tnr])"
# Six digits (the date, its three pairs optionally apart, by up to four
# separators each), up to six separators, five digits; not part of a longer run of digits
# (nor of a dotted figure such as 1234.56.78903). A number after another
# figure and a space ("DK-01 01019012345") is still a number.
_CANDIDATE = re.compile(
    rf"(?<!\d)(?<!\d\.)(\d\d)({_SEP}{{0,4}})(\d\d)({_SEP}{{0,4}})(\d\d)({_SEP}{{0,6}})(\d{{5}})(?!\d)(?!\.\d)"
)
# The five digits that end every candidate, and the most characters a
# candidate can span: eleven digits and fourteen separators of at most ten
# characters each (the escape "\\U0001f600").
_RUN = re.compile(r"\d{5,}")
_SPAN = 11 + 14 * 10
# Invisible characters that can sit inside a number without showing: every
# format character (Unicode category Cf), the combining grapheme joiner,
# variation selectors and the Hangul fillers.
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u08e2\u115f\u1160\u17b4\u17b5\u180b-\u180f"
    "\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb"
    "\U000110bd\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f\U000e0100-\U000e01ef]")
_DIGIT_OR_ESCAPE = re.compile(r"(\\x[0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}|\\U[0-9a-fA-F]{8})|\d")
_ACCOUNT_CONTEXT = re.compile(r"(?i)(?:konto|kto|account)\w*[\s.:#-]*(?:nr|nummer|no)?[\s.:#-]*$")


@dataclass(frozen=True)
class IdentityNumber:
    start: int  # offset in the text
    end: int
    kind: str  # fødselsnummer, D-nummer, H-nummer, syntetisk testnummer

    def masked(self, text: str) -> str:
        """The number's digits as '•'; separators, and the escapes repr()
        writes for them, kept."""
        found = text[self.start:self.end]
        return _DIGIT_OR_ESCAPE.sub(lambda m: m.group(0) if m.group(1) else "•", found)


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


def find_identity_numbers(text: str, printed: bool = True) -> Iterator[IdentityNumber]:
    """Every identity number in ``text``, with offsets into ``text``.

    ``printed=False`` for a file's own text: a number there is as it was
    written, so the forms only printing makes – ten digits of a YAML integer
    that lost its leading zero, thousands in groups of three – are not
    looked for (twice the time over a large data folder, for nothing)."""
    if _INVISIBLE.search(text):
        # Match on the text without invisible characters, then map the
        # offsets back (only for the rare text that holds any).
        kept = [i for i, c in enumerate(text) if not _INVISIBLE.match(c)]
        visible = "".join(text[i] for i in kept)
        for found in _find(visible, printed):
            yield IdentityNumber(kept[found.start], kept[found.end - 1] + 1, found.kind)
        return
    yield from _find(text, printed)


def _candidates(text: str) -> Iterator[re.Match[str]]:
    """``_CANDIDATE.finditer(text)``, searching only near runs of five digits
    or more: a candidate ends with one (its last five digits), so it starts at
    most ``_SPAN`` characters before that run ends. Windows that overlap are
    searched as one, so no match is found twice or cut; the search reaches two
    characters past a run for the look-ahead, and look-behind sees the text
    before a window. A file with dates but no such run is not searched at all
    (the search over every character was a fifth of reading a large folder)."""
    start = end = -1
    for run in _RUN.finditer(text):
        low, high = max(0, run.end() - _SPAN), run.end() + 2
        if low > end:
            if end >= 0:
                yield from _CANDIDATE.finditer(text, start, end)
            start = low
        end = high
    if end >= 0:
        yield from _CANDIDATE.finditer(text, start, end)


def _find(text: str, printed: bool = True) -> Iterator[IdentityNumber]:
    for match in _candidates(text):
        if not match.group(2) and match.group(4) and match.group(6):
            continue  # grouped 4.2.5 ("1503 85 10190"): how account numbers are written
        digits = "".join(match.group(i) for i in (1, 3, 5, 7))
        kind = classify(digits)
        if kind is None:
            continue
        before = text[max(0, match.start() - 30):match.start()]
        if _ACCOUNT_CONTEXT.search(before):
            # "kontonummer 12345678903": an account, not a person. (Its
            # check digit is valid whenever the second check digit above is:
            # the two use the same weights, so there is nothing more to test.)
            continue
        yield IdentityNumber(match.start(), match.end(), kind)
    for pattern in (_LOST_ZERO, _GROUPED) if printed else ():
        for match in pattern.finditer(text):
            digits = "".join(c for c in match.group() if c.isdigit())
            kind = classify(digits.zfill(11)) if len(digits) >= 10 else None
            if kind is not None and not _ACCOUNT_CONTEXT.search(text[max(0, match.start() - 30):match.start()]):
                yield IdentityNumber(match.start(), match.end(), kind)


def number_is_one(value: object) -> bool:
    """A number (a YAML integer, an amount) whose digits are an identity
    number: written bare, or bare with its leading zero lost."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    if (isinstance(value, float) and not value.is_integer()) or not 0 < value < 10**11:
        return False
    return classify(str(int(value)).zfill(11)) is not None if int(value) >= 10**9 else False


# An identity number born on the 1st to the 9th written as a bare YAML
# number (cohort: 01019012345) is read as the integer 1019012345: ten digits
# that, printed anywhere, give the number away as surely as all eleven.
_LOST_ZERO = re.compile(r"(?<![\d.])\d{10}(?!\d|\.\d)")
# The same numbers as a report or a message prints an amount: in groups of
# three, spaced the Norwegian way or with commas ("13 012 230 065,0").
_GROUPED = re.compile(r"(?<![\d.,])\d{1,2}([ \u00a0\u202f\u2009,.'])\d{3}\1\d{3}\1\d{3}(?![\d]|[.,]\d{3})")


def might_hold_one(text: str) -> bool:
    """A cheap test before the full search: ten or eleven digits with at
    most a few other characters between them."""
    return _MAYBE.search(text) is not None


def mask(text: str) -> str:
    """``text`` with the digits of every identity number in it replaced by
    '•' (separators kept, so the reader sees where one was)."""
    found = list(find_identity_numbers(text)) if _MAYBE.search(text) else []
    for number in reversed(found):
        text = text[:number.start] + number.masked(text) + text[number.end:]
    return text


# A quick test that a text can hold one at all: ten digits (one that lost
# its leading zero) or eleven, with at most a few other characters between.
_MAYBE = re.compile(r"\d(?:\D{0,12}\d){9}")


def clip(text: str, limit: int) -> str:
    """``text`` masked, then cut to ``limit`` characters with "…": never
    inside a run of digits, whose first ten digits would give away an
    identity number (the eleventh is a check digit anyone can compute)."""
    text = mask(text)
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    if text[limit - 1:limit].isdigit() or _TAIL.search(cut):
        cut = _TAIL.sub("", cut)
    return cut + "…"


# A run of digits (with separators) at the end of a cut text.
_TAIL = re.compile(rf"\d(?:{_SEP}*\d)*{_SEP}*$")


class MaskingWriter:
    """A text stream that masks identity numbers in everything written to
    it; every command writes its output through one (cli/app.py)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(mask(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        # isatty, flush, encoding, fileno …: the terminal's own answers.
        return getattr(self._stream, name)


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
