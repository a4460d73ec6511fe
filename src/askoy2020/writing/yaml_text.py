"""A small YAML writer for files generated whole: plans, sample data,
benchmark portfolios.

Block mappings for records, flow style for short year->number maps and
lists of scalars, quotes only where YAML 1.2 needs them. Files that people
edit and the tool rewrites must keep their comments; they go through
ruamel.yaml instead.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from typing import Any

from askoy2020.core.scalars import resolve_plain

_SPECIAL_START = set("-?:,[]{}#&*!|>'\"%@`")


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
        or text != text.strip()
        or ": " in text or " #" in text or text.endswith(":")
        or "\n" in text
        or re.match(r"^\d{4}-\d{2}-\d{2}", text) is not None
        or (flow and any(c in text for c in ",[]{}"))
    )
    if not needs_quotes:
        return text
    if any(c in text for c in "\n\r\t\\") or not text.isprintable():
        return json.dumps(text, ensure_ascii=False)  # double quotes: the only style with escapes
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
            if isinstance(item, dict):
                body = dump(item, indent + 2).splitlines()
                lines.append(f"{pad}- {body[0].lstrip()}")
                lines.extend(body[1:])
            else:
                lines.append(f"{pad}- {scalar(item)}")
    return "\n".join(lines)


def document(value: Any, header: str = "") -> str:
    comment = "".join(f"# {line}\n" if line else "#\n" for line in header.splitlines())
    return comment + dump(value) + "\n"
