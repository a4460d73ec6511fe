"""A small YAML writer for files generated whole: plans, sample data,
benchmark portfolios.

Block mappings for records, flow style for short year->number maps and
lists of scalars, quotes only where YAML 1.2 needs them. Files that people
edit and the tool rewrites must keep their comments; they go through
ruamel.yaml instead.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from typing import Any

from askoy2020.core.scalars import resolve_plain

_SPECIAL_START = set("-?:,[]{}#&*!|>'\"%@`")

# Characters no reader can see: controls (bar tab and newline, which YAML
# writes visibly), format characters such as U+200B and U+00AD, and the line
# and paragraph separators. Written literally they hide text or, to YAML,
# break lines; every writer puts them in double quotes as escapes. Code
# points with no character (Cn: U+FFFE, U+FFFF, unassigned ones) and lone
# surrogates (Cs) are outside what a YAML file may hold at all, so they are
# written as escapes too.
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cn", "Cs"})


def is_invisible(char: str) -> bool:
    return char not in "\t\n" and unicodedata.category(char) in _INVISIBLE_CATEGORIES


def has_invisible(text: str) -> bool:
    return not text.isprintable() and any(is_invisible(c) for c in text)  # isprintable: fast in C


_ESCAPES = {"\0": "\\0", "\a": "\\a", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\v": "\\v",
            "\f": "\\f", "\r": "\\r", "\x1b": "\\e", '"': '\\"', "\\": "\\\\"}


def escape_invisible(text: str) -> str:
    """``text`` with every invisible character as its YAML escape (for the
    inside of a double-quoted scalar; quotes and backslashes untouched)."""
    if not has_invisible(text):
        return text
    return "".join(_escape(c) if is_invisible(c) else c for c in text)


def _escape(char: str) -> str:
    code = ord(char)
    if char in _ESCAPES:
        return _ESCAPES[char]
    return f"\\x{code:02X}" if code <= 0xFF else f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}"


def double_quoted(text: str) -> str:
    """A YAML double-quoted scalar that reads back as ``text``, with no
    invisible character written literally."""
    return '"' + "".join(_ESCAPES.get(c) or (_escape(c) if is_invisible(c) else c) for c in text) + '"'


def scalar(value: Any, flow: bool = False) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%dT%H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        # repr is the shortest text that reads back as the same float.
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, int):
        return str(value)
    text = str(value)
    needs_quotes = (
        not text
        or not isinstance(resolve_plain(text), str)
        or text[0] in _SPECIAL_START
        or text in ("<<", "=")  # a merge key, and YAML 1.1's value key that ruamel's round-trip reader still knows
        or text != text.strip()
        or ": " in text or " #" in text or text.endswith(":")
        or "\n" in text or "\t" in text  # a tab in a plain scalar is read as text by some parsers, not by others
        or has_invisible(text)
        or re.match(r"^\d{4}-\d{2}-\d{2}", text) is not None
        or (flow and any(c in text for c in ",[]{}:"))  # libyaml reads no colon inside a flow plain scalar
    )
    if not needs_quotes:
        return text
    if any(c in text for c in "\n\r\t\\") or not text.isprintable():
        return double_quoted(text)  # double quotes: the only style with escapes
    return "'" + text.replace("'", "''") + "'"  # single quotes otherwise, as askoy2020 fmt writes them


def _is_flat(value: Any) -> bool:
    return not isinstance(value, (dict, list))


def _flow(value: Any) -> str | None:
    """Flow style for short maps and lists of scalars."""
    if isinstance(value, dict) and all(_is_flat(v) for v in value.values()) and len(value) <= 6:
        inner = ", ".join(f"{scalar(k, True)}: {scalar(v, True)}" for k, v in value.items())
        text = "{" + inner + "}"
    elif isinstance(value, list) and all(_is_flat(v) for v in value):
        text = "[" + ", ".join(scalar(v, True) for v in value) + "]"
    else:
        return None
    return text if len(text) <= 90 else None


def dump(value: Any, indent: int = 0) -> str:
    pad = " " * indent
    lines: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            flow = _flow(item)
            if _is_flat(item):
                lines.append(f"{pad}{scalar(key)}: {scalar(item)}")
            elif flow is not None:
                lines.append(f"{pad}{scalar(key)}: {flow}")
            else:
                lines.append(f"{pad}{scalar(key)}:")
                lines.append(dump(item, indent + 2))
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, dict) and not item:
                lines.append(f"{pad}- {{}}")  # an empty record: dump() would give no line to hang the dash on
            elif isinstance(item, dict):
                body = dump(item, indent + 2).splitlines()
                lines.append(f"{pad}- {body[0].lstrip()}")
                lines.extend(body[1:])
            else:
                lines.append(f"{pad}- {scalar(item)}")
    return "\n".join(lines)


def document(value: Any, header: str = "") -> str:
    comment = "".join(f"# {line}\n" if line else "#\n" for line in header.splitlines())
    return comment + dump(value) + "\n"
