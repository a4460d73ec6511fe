"""Amounts as ERP exports write them.

Visma and Unit4/Agresso write ``1 234,50`` (decimal comma, a space – often a
no-break or thin space – between thousands), ``1.234,50`` or, set to English,
``1234.50`` and ``1,234.50``. Negatives come as ``-1 234,50``, ``1 234,50-``
(a trailing minus, as on a printed ledger) and ``(1 234,50)``.

Whether ``1.234`` is one thousand two hundred and thirty-four or a little
over one depends on the file, not the cell, so the decimal mark is decided
once for the whole beløp column (:func:`decimal_mark`): a cell that can only
be read one way (``1 234,50``, ``1.234,5``, ``12.5``) says which; a column
where no cell says (every separator followed by exactly three digits) is
read the Norwegian way, decimal comma. A column that says both is refused.

Sums are kept as :class:`~decimal.Decimal` kroner, so 50,000 lines of øre add
up exactly; only the figure written is rounded.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation
from typing import Literal, cast

DecimalMark = Literal[",", "."]

_SPACES = " \u00a0\u2007\u2009\u202f"  # space, no-break, figure, thin and narrow no-break space
_MINUS = "-\u2212"  # hyphen-minus and the minus sign
_CURRENCY = re.compile(r"^(?:kr\.?|nok)\s*|\s*(?:kr\.?|nok)$", re.IGNORECASE)
_BODY = re.compile(rf"^[0-9][0-9{_SPACES}.,]*$")
_SCIENTIFIC = re.compile(r"^[+\-\u2212]?[0-9]+(?:[.,][0-9]+)?[eE][+\-]?[0-9]+$")
_GROUP_SEPARATORS = re.compile(rf"[{_SPACES}]+")
MAX_LENGTH = 40
"""Longer is not an amount: 10¹⁸ kroner with øre and every separator fits in 30."""


class NotAnAmount(ValueError):
    """The text is not an amount; the message says what was expected."""


def _unsigned(text: str) -> tuple[bool, str]:
    """(negative, the digits and separators) of a cell's text."""
    body = text.strip(_SPACES)
    body = _CURRENCY.sub("", body).strip(_SPACES)
    negative = False
    if body.startswith("(") and body.endswith(")"):
        negative, body = True, body[1:-1].strip(_SPACES)
    elif body[-1:] in _MINUS:
        negative, body = True, body[:-1].strip(_SPACES)
    if body[:1] in _MINUS or body[:1] == "+":
        if negative:
            raise NotAnAmount("two signs")
        negative, body = body[:1] != "+", body[1:].strip(_SPACES)
    return negative, body


def evidence(text: str) -> DecimalMark | None:
    """The decimal mark a cell shows, or None when it could be either (no
    separator, or one followed by exactly three digits)."""
    marks = [(i, c) for i, c in enumerate(text) if c in ".,"]
    if not marks:
        return None
    last_index = marks[-1][0]
    last = cast(DecimalMark, marks[-1][1])
    other: DecimalMark = "." if last == "," else ","
    if any(c != last for _, c in marks[:-1]):
        return last  # '1.234,50': the last one is the decimal mark
    if len(marks) > 1:
        return other  # '1.234.567': dots between thousands, so the decimal mark is the comma
    digits_after = len(text) - last_index - 1
    if digits_after != 3 or text[last_index + 1:].strip("0123456789"):
        return last
    return None


def decimal_mark(cells: list[tuple[int, str]]) -> tuple[DecimalMark, tuple[int, int] | None]:
    """The beløp column's decimal mark from its text cells (line, text), and
    when the column shows both, the first line of each (comma, point)."""
    first: dict[str, int] = {}
    for line, text in cells:
        try:
            body = _unsigned(text)[1]
        except NotAnAmount:
            continue  # reported when the cell is read
        found = evidence(body)
        if found is not None and found not in first:
            first[found] = line
            if len(first) == 2:
                return ",", (first[","], first["."])
    return ("." if "." in first else ","), None


def parse_amount(text: str, mark: DecimalMark) -> Decimal:
    """The amount a cell's text gives, read with the column's decimal mark;
    :class:`NotAnAmount` when it is not one."""
    if len(text) > MAX_LENGTH:
        raise NotAnAmount(f"more than {MAX_LENGTH} characters")
    if _SCIENTIFIC.match(text.strip(_SPACES)):
        raise NotAnAmount("written in scientific notation, which has lost digits; "
                          "format the column as a number in the spreadsheet and export again")
    negative, body = _unsigned(text)
    if not body:
        raise NotAnAmount("no digits")
    if not _BODY.match(body) or body[-1] not in "0123456789":
        raise NotAnAmount("not digits with a decimal mark and thousands separators")
    thousands = "." if mark == "," else ","
    whole, _, fraction = body.partition(mark)
    if mark in fraction or thousands in fraction or _GROUP_SEPARATORS.search(fraction):
        raise NotAnAmount(f"the decimal mark is {mark!r}, and this has more after it than digits")
    groups = _GROUP_SEPARATORS.sub(" ", whole.replace(thousands, " ")).split(" ")
    if len(groups) > 1 and (not 1 <= len(groups[0]) <= 3 or any(len(g) != 3 for g in groups[1:])):
        raise NotAnAmount("thousands separators that do not group digits by three")
    try:
        value = Decimal("".join(groups) + ("." + fraction if fraction else ""))
    except InvalidOperation as exc:  # pragma: no cover - the patterns above admit digits only
        raise NotAnAmount("not a number") from exc
    return -value if negative else value


def cell_amount(value: object, mark: DecimalMark) -> Decimal:
    """A spreadsheet cell: a number as it is, text read as text."""
    if isinstance(value, bool):
        raise NotAnAmount("a true/false cell")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise NotAnAmount("not a finite number")
        return Decimal(repr(value))  # the shortest text of the float: 1234.5, not 1234.4999999…
    if isinstance(value, str):
        return parse_amount(value, mark)
    raise NotAnAmount(f"a {type(value).__name__} cell, not a number")
