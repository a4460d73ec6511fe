"""YAML 1.2 core-schema scalars that remember how they were written.

The core schema is what makes ``NO``, ``yes`` and ``on`` stay strings (the
"Norway problem" of YAML 1.1) and keeps dates as text, so the Pydantic
models – not the YAML parser – decide what ``2020-02-30`` means.

``YamlInt`` and ``YamlFloat`` keep the source text so a text field can take
``0123`` or ``2.10`` back exactly as typed (an id with a leading zero must
not silently become 123).
"""

from __future__ import annotations

import re
from typing import Any

from .diagnostics import Say, SayError

CORE = "tag:yaml.org,2002:"


class YamlInt(int):
    raw: str

    def __new__(cls, value: int, raw: str) -> YamlInt:
        obj = super().__new__(cls, value)
        obj.raw = raw
        return obj

    def __reduce__(self) -> tuple[type[YamlInt], tuple[int, str]]:  # pickling (parallel loading)
        return YamlInt, (int(self), self.raw)


class YamlFloat(float):
    raw: str

    def __new__(cls, value: float, raw: str) -> YamlFloat:
        obj = super().__new__(cls, value)
        obj.raw = raw
        return obj

    def __reduce__(self) -> tuple[type[YamlFloat], tuple[float, str]]:
        return YamlFloat, (float(self), self.raw)


_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT10 = re.compile(r"^[-+]?[0-9]+$")
_INT8 = re.compile(r"^0o[0-7]+$")
_INT16 = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_INF = re.compile(r"^[-+]?\.(?:inf|Inf|INF)$")
_NAN = re.compile(r"^\.(?:nan|NaN|NAN)$")


class ScalarError(SayError):
    """A scalar that cannot become a value (e.g. an integer too large)."""


# A plain scalar can only be null, a boolean or a number when it starts
# with one of these; every other one (names, titles, dates) is text at once.
_SPECIAL_START = frozenset("~nNtTfF0123456789+-.")


def resolve_plain(text: str) -> Any:
    """Resolve an untagged plain scalar by the YAML 1.2 core schema."""
    if text and text[0] not in _SPECIAL_START:
        return text
    if _NULL.match(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    try:
        if _INT10.match(text):
            return YamlInt(int(text, 10), text)
        if _INT8.match(text):
            return YamlInt(int(text[2:], 8), text)
        if _INT16.match(text):
            return YamlInt(int(text[2:], 16), text)
    except ValueError as exc:  # Python refuses ints beyond 4300 digits
        raise ScalarError(Say(f"the number {text[:20]}… is too large", f"tallet {text[:20]}… er for stort")) from exc
    if _FLOAT.match(text):
        return YamlFloat(float(text), text)
    if _INF.match(text):
        return YamlFloat(float("-inf") if text.startswith("-") else float("inf"), text)
    if _NAN.match(text):
        return YamlFloat(float("nan"), text)
    return text


def resolve_tagged(tag: str, text: str) -> Any:
    """Resolve a scalar with an explicit core tag; raise for any other tag."""
    if tag == CORE + "str":
        return text
    value = resolve_plain(text)
    allowed: dict[str, type | tuple[type, ...]] = {
        CORE + "null": type(None),
        CORE + "bool": bool,
        CORE + "int": int,
        CORE + "float": (float, int),
    }
    expected = allowed.get(tag)
    if expected is None:
        raise ScalarError(Say(f"unknown tag {tag!r}", f"ukjent tag {tag!r}"))
    if not isinstance(value, expected) or (tag == CORE + "int" and isinstance(value, bool)):
        name = tag.removeprefix(CORE)
        raise ScalarError(Say(f"{text!r} is not a valid {name}", f"{text!r} er ikke en gyldig {name}"))
    return value


def source_text(value: Any) -> Any:
    """Give back the text a YAML number was written as; used by text fields.
    A plain int or float comes from the native reader, which only reads
    numbers written the one canonical way, so ``str``/``repr`` is that text."""
    if isinstance(value, (YamlInt, YamlFloat)):
        return value.raw
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return value
    return str(value) if isinstance(value, int) else repr(value)
