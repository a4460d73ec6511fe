"""Text from the data made safe to show: every view writes file names, keys
and messages through :func:`visible` (or :func:`json_safe` for JSON).

A file name or YAML key may hold ESC (which can retitle a terminal, erase a
line and print a fake one), other C0/C1 controls, DEL, the bidi overrides of
"Trojan Source", line and paragraph separators, zero-width characters, or –
from a file name that is not UTF-8 – a lone surrogate that no UTF-8 stream
can write. They are shown as escapes such as ``\\x1b`` and ``\\u2028``, so
the reader sees that something is there and nothing acts on the terminal, a
CI log or an XML parser (XML 1.0 forbids most C0 controls, U+FFFE/U+FFFF and
surrogates).
"""

from __future__ import annotations

import re

from ..core.identity_numbers import mask

_UNSAFE = (
    "\x00-\x1f\x7f-\x9f"  # C0, DEL, C1
    "\u00ad\u061c\u180e"  # soft hyphen, Arabic letter mark, Mongolian vowel separator
    "\u200b-\u200f"  # zero-width space/joiners, LRM, RLM
    "\u2028\u2029"  # line and paragraph separators
    "\u202a-\u202e"  # bidi embeddings and overrides
    "\u2060-\u2069"  # word joiner, invisible operators, bidi isolates
    "\ufeff\ufff9-\ufffb\ufffe\uffff"  # zero-width no-break space, annotations, non-characters
    "\ud800-\udfff"  # lone surrogates (undecodable bytes of a file name)
    "\U000e0000-\U000e007f"  # tag characters, invisible copies of ASCII
)
UNSAFE = re.compile(f"[{_UNSAFE}]")
"""Every character :func:`visible` escapes (``\\n`` and ``\\t`` included)."""
_BEYOND_C0 = re.compile(f"[{_UNSAFE.removeprefix(chr(0) + '-' + chr(0x1f))}]")


def _escape(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _json_escape(char: str) -> str:
    code = ord(char)
    if code < 0x10000:
        return f"\\u{code:04x}"
    high, low = divmod(code - 0x10000, 0x400)
    return f"\\u{0xD800 + high:04x}\\u{0xDC00 + low:04x}"


def visible(text: object, keep: str = "") -> str:
    """``text`` with every control and invisible character as an escape;
    the characters in ``keep`` (say ``"\\n"`` for a multi-line view whose
    format frames each line) are left as they are."""
    # Masked first: an escape written into a number (a soft hyphen shown as
    # \xad) would hide it from every mask that runs later.
    value = mask(str(text))
    if keep:
        return UNSAFE.sub(lambda m: m.group() if m.group() in keep else _escape(m.group()), value)
    return UNSAFE.sub(lambda m: _escape(m.group()), value)


def json_safe(document: str) -> str:
    """JSON text with the same characters written as ``\\uXXXX`` escapes: the
    values a JSON reader gets are unchanged, but the bytes hold no control,
    bidi or separator character. ``json.dumps`` escapes C0 inside strings
    already, so a C0 character left in ``document`` is its layout."""
    return _BEYOND_C0.sub(lambda m: _json_escape(m.group()), mask(document))
