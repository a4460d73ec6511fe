"""The native path of the reader: yaml-rs (Rust) behind a guard.

yaml-rs reads a plain record file about four times faster than the libyaml
loop in :mod:`.fast_values`, but it may only see files it reads exactly as
askoy2020 does. It is built with ``panic = "abort"`` and crashes the process
on about 20,000 levels of nesting; it reads YAML 1.1 numbers (``1_000``,
``0b11``), loses how a number was written (``0123`` is 123, ``2.10`` is
2.1), drops tags, keeps ``<<`` as a key and gives several documents as a
list. So :func:`cleared` first looks at the text and lets through only
files that hold none of that; everything else, and any file yaml-rs
refuses, goes the old way, with the old diagnostics.

What the guard sends the old way (the list is deliberately coarse: a file
it stops costs only time):

* the indicators ``& * ! ? < \\ | >`` anywhere (anchors, aliases, tags,
  complex keys, merge keys, escapes, block scalars);
* tab, carriage return, control characters, NEL, U+2028/2029, BOM,
  surrogates, U+FFFE/U+FFFF;
* ``---``, ``...`` or ``%`` at the start of a line (documents, directives);
* a colon that opens a token or sits oddly (`` :``, ``[:``, ``,:``,
  ``":``, ``:,``, ``:]``, ``]:`` …), and trailing spaces;
* a flow collection (``[…]``, ``{…}``) that does not close on its line;
* more nesting than the read limits allow, a line of 1,000 characters or
  more, and a file with more characters than the value limit;
* a token that looks like a number but is not written the one way both
  readers agree on: an integer ``0`` or ``-?[1-9]\\d{0,17}``, or a decimal
  number whose ``repr`` is the token itself (``2.5``, not ``2.50``).

Numbers cleared that way need no note of their spelling: ``str(n)`` and
``repr(x)`` give it back (:func:`askoy2020.core.scalars.source_text`).
tests/loading/test_native.py holds the two paths to equal values.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from .fast_values import BAIL

_loads: Any
try:
    from yaml_rs import loads as _loads
except ImportError:  # no wheel for this platform: the libyaml path does all
    _loads = None

AVAILABLE = _loads is not None

# One scan each, cheapest first; every pattern starts with a literal or a
# single character class so that the regular-expression engine can skip
# ahead (a file is scanned in tens of microseconds, a tenth of a parse).
_UNSAFE_CHAR = re.compile(
    "[&*!?<\\\\|>\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]"
)
_UNSAFE_TEXT = (" \n", "\n---", "\n...", "\n%", "\n:")  # trailing space, documents, directives, a colon opening a line
# A colon opening a token or sitting where only one reader allows it:
# " :", "[:", "{:", ",:", '":', "':", "]:", "}:", ":,", ":]", ":}".
_ODD_COLON = re.compile(r""":(?:(?<=[ \[{,"'\]}]:)|[,\]}])""")
_LONG_LINE = 1_000
# Where a plain scalar that might be a number is written whole: as a value
# after ": ", as a list item, as a key at a line's start, alone on a line
# (a value below its key, or a continuation line), or in a flow collection.
# A number inside a sentence ("i 2021.") is text to both.
_SCALAR_PLACES = (
    re.compile(r": +([-+._]*[0-9][^\s,\[\]{}#:]*) *(?:\n|#|$|[,\]}])"),
    re.compile(r"- +([-+._]*[0-9][^\s,\[\]{}#:]*) *(?:\n|#|$)"),
    re.compile(r"\n[ -]*([-+._]*[0-9][^\s,\[\]{}#:]*) *(?::(?: |\n|$)|\n|#|$)"),  # a key, or alone on a line
    re.compile(r"[\[{,] *([-+._]*[0-9][^\s,\[\]{}#:]*) *(?=[,\]}:])"),
)
# YAML's infinities and not-a-number, anywhere (".info" in a sentence only
# costs the fast path).
_INF_NAN = re.compile(r"\.(?:inf|nan)", re.IGNORECASE)
# What either reader may take for a number (YAML 1.2 core, and 1.1 with its
# underscores, sexagesimals, bases and spellings of infinity): coarse on
# purpose, as a text token caught here only costs the fast path.
_NUMBER_LIKE = re.compile(r"[-+]?[._0-9]*[0-9][._0-9A-Za-z]*(?:(?<=[eE])[-+][._0-9]*)?|[-+]?\.[A-Za-z]{3}")
_CANONICAL_INT = re.compile(r"0|-?[1-9][0-9]{0,17}")
_SUSPECT = re.compile(rf"^(?!(?:{_CANONICAL_INT.pattern})$)(?:{_NUMBER_LIKE.pattern})$", re.MULTILINE)


@functools.cache
def _deep_prefix(max_depth: int) -> re.Pattern[str]:
    # Each level of block nesting takes at least one column of indentation
    # or one dash; a prefix this long may nest deeper than the limit.
    return re.compile(rf"\n[ :-]{{{max(min(max_depth - _FLOW_DEPTH, 128), 0)}}}")


def cleared(text: str, max_depth: int, max_nodes: int) -> bool:
    """True when yaml-rs reads ``text`` exactly as the libyaml builder does."""
    lines = "\n" + text  # every line, the first too, after a newline: the patterns look for line starts
    if (
        max_depth <= 2 * _FLOW_DEPTH  # limits this tight: the old way counts exactly
        or len(text) >= max_nodes
        or _UNSAFE_CHAR.search(text)
        or any(piece in text for piece in _UNSAFE_TEXT)
        or text.startswith(("---", "...", "%", ":"))
        or text.endswith(" ")
        or _ODD_COLON.search(text)
        or _INF_NAN.search(text)
        or _deep_prefix(max_depth).search(lines)
    ):
        return False
    if len(text) >= _LONG_LINE and any(len(line) >= _LONG_LINE for line in text.split("\n")):
        return False
    if ("[" in text or "{" in text or "]" in text or "}" in text) and not _flow_closes(text):
        return False
    tokens = [token for place in _SCALAR_PLACES for token in place.findall(lines)]
    # One scan over all tokens for those that may be numbers and are not
    # canonical integers; only those (floats, mostly) are checked one by one.
    return all(_canonical(match.group()) for match in _SUSPECT.finditer("\n".join(tokens)))


# Flow collections: an innermost one, closed on its line.
_INNERMOST = re.compile(r"[\[{][^\[\]{}\n]*[\]}]")
_FLOW_DEPTH = 4  # deeper flow nesting goes the old way


def _flow_closes(text: str) -> bool:
    """Every flow collection closes on its own line, nests at most
    ``_FLOW_DEPTH`` deep, and no flow mapping holds another collection
    (it could be a key, which yaml-rs makes a frozenset where the builder
    reports ASK001). Innermost collections are removed level by level."""
    for level in range(_FLOW_DEPTH):
        if level and _INNERMOST_MAP.search(text):
            return False
        text, removed = _INNERMOST.subn("", text)
        if not removed:
            break
    return not _BRACKET.search(text)


_INNERMOST_MAP = re.compile(r"\{[^\[\]{}\n]*\}")
_BRACKET = re.compile(r"[\[\]{}]")


def _canonical(token: str) -> bool:
    if _CANONICAL_INT.fullmatch(token):
        return True
    try:
        return repr(float(token)) == token and "_" not in token
    except ValueError:
        return False


def values(text: str, max_depth: int, max_nodes: int) -> Any:
    """The value of the single YAML document in ``text``, or :data:`BAIL`
    when the guard or yaml-rs says no."""
    if _loads is None or not cleared(text, max_depth, max_nodes):
        return BAIL
    try:
        return _loads(text, parse_datetime=False)
    except Exception:  # duplicate keys, syntax: the full builder explains
        return BAIL
