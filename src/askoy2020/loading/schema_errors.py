"""Turn Pydantic validation errors into diagnostics at the right line.

A Pydantic error's ``loc`` is a path into the record; the parsed
:class:`Document` knows where every path was written. Unknown keys are
reported at the key, missing keys at the mapping that lacks them, bad values
at the value.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from pydantic import BaseModel, ValidationError

from ..core.diagnostics import Diagnostic, Location
from ..model.types import model_at
from . import problems as R
from .yaml_reader import Document

_RANGE = {
    "greater_than", "greater_than_equal", "less_than", "less_than_equal",
    "too_short", "too_long", "string_too_short", "string_too_long", "finite_number",
}
_CHOICE = {"enum", "literal_error"}
MAX_PER_RECORD = 50
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def dotted(loc: tuple[Any, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "the record"


def _describe(value: Any) -> str:
    text = repr(value if not isinstance(value, (dict, list)) else type(value).__name__)
    return text if len(text) <= 60 else text[:57] + "…"


def _field_hint(model: type[BaseModel] | None, name: str) -> str:
    if model is None or name not in model.model_fields:
        return ""
    return model.model_fields[name].description or ""


def diagnose(
    exc: ValidationError, model: type[BaseModel], doc: Document, base: tuple[Any, ...], file: str, what: str
) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    errors = exc.errors(include_url=False)
    if len(errors) > MAX_PER_RECORD:
        # A pasted log or a generated file can hold thousands of stray keys;
        # the first few say what is wrong, and the rest would bury them.
        line, col = doc.where(base)
        rest = len(errors) - MAX_PER_RECORD
        errors = errors[:MAX_PER_RECORD]
        out.append(_diag(file, line, col, R.TOO_MANY_PROBLEMS,
                         f"this {what} has {rest:,} more problems than shown here",
                         "Fix the problems listed for this record, then validate again."))
    for error in errors:
        loc = tuple(error["loc"])
        kind = error["type"]
        is_key = bool(loc) and loc[-1] == "[key]"
        if is_key:
            loc = loc[:-1]
        is_key = is_key or kind == "invalid_key"  # a key that is not text ('~:', '1.5:') in a record
        name = loc[-1] if loc else ""
        if kind == "extra_forbidden":
            line, col = doc.where_key(base + loc)
            parent = model_at(model, loc[:-1])
            allowed = list(parent.model_fields) if parent else []
            close = difflib.get_close_matches(str(name), allowed, n=1, cutoff=0.6)
            hint = f"Did you mean '{close[0]}'? " if close else ""
            hint += "Allowed keys here: " + ", ".join(allowed) + "." if allowed else ""
            out.append(_diag(file, line, col, R.UNKNOWN_KEY, f"unknown key '{name}' in {what}", hint))
            continue
        line, col = doc.where_key(base + loc) if is_key else doc.where(base + loc)
        if kind == "missing":
            parent = model_at(model, loc[:-1])
            described = _field_hint(parent, str(name))
            hint = f"Add '{name}:'" + (f" – {described}" if described else ".")
            where = dotted(loc[:-1])
            out.append(
                _diag(file, line, col, R.MISSING_FIELD,
                      f"missing required field '{name}' in {what if not loc[:-1] else where}", hint)
            )
        elif kind in _CHOICE:
            allowed = _allowed(error)
            close = difflib.get_close_matches(str(error.get("input")), allowed, n=1, cutoff=0.5)
            hint = (f"Did you mean '{close[0]}'? " if close else "") + "Use one of: " + ", ".join(allowed) + "."
            out.append(
                _diag(file, line, col, R.NOT_ALLOWED,
                      f"{dotted(loc)}: {_describe(error.get('input'))} is not an allowed value", hint)
            )
        elif kind in _RANGE:
            bound = str((error.get("ctx") or {}).get("le", (error.get("ctx") or {}).get("ge", "")))
            is_date = bool(_ISO_DATE.match(bound))  # pydantic gives a date bound as its text
            out.append(
                _diag(file, line, col, R.OUT_OF_RANGE,
                      f"{dotted(loc)}: {_describe(error.get('input'))} is out of range ({_lower(error['msg'])})",
                      "Check the year: dates run from 1990 to 2100." if is_date else
                      "Correct the value; amounts are in 1000 kr, staff in årsverk, scores 1–5.")
            )
        else:
            where = dotted(loc) + (" (key)" if is_key else "")
            message = f"{where}: {_describe(error.get('input'))} – {_lower(error['msg'])}"
            out.append(_diag(file, line, col, R.WRONG_TYPE, message, _type_hint(kind)))
    return out


def _allowed(error: Any) -> list[str]:
    expected = str((error.get("ctx") or {}).get("expected", ""))
    return [part.strip(" '") for part in expected.replace(" or ", ",").split(",") if part.strip(" '")]


def _lower(msg: str) -> str:
    return msg[:1].lower() + msg[1:]


def _type_hint(kind: str) -> str:
    if "date" in kind or "datetime" in kind:
        return "Write dates as YYYY-MM-DD (times as YYYY-MM-DDTHH:MM) and check that the day exists."
    if "pattern" in kind:
        return "Ids use letters, digits, '.', '_' and '-' only, e.g. DK-03."
    if kind in ("string_type",):
        return "Put the text in quotes."
    if kind in ("model_type", "dict_type"):
        return "Write a mapping (key: value lines) here."
    if kind == "invalid_key":
        return "Keys are field names; remove this one, or quote it if it is meant as text."
    if kind == "list_type":
        return "Write a list here (lines starting with '- ')."
    return "Correct the value to the type the field expects (see docs/format.md)."


def _diag(file: str, line: int, col: int, rule: R.LoadRule, message: str, hint: str) -> Diagnostic:
    return rule.at(Location(file, line, col), message, hint)
