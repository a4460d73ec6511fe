"""Hypothesis strategies built from the models' own types, so that most
generated records pass the schema and reach the rules, the reports, the
export and prioritise.

The walk reads each field's annotation and its constraints (``Ge``/``Le``,
``MinLen``/``MaxLen``, regex patterns) from the Pydantic field metadata, and
keeps values inside what the model accepts. Text fields sometimes get a
synthetic identity number in one of its written forms, which is what the
privacy property needs.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
from typing import Annotated, Any, Union, get_args, get_origin

from hypothesis import strategies as st
from pydantic import BaseModel

from askoy2020.core.identity_numbers import check_digits

_LETTERS = "abcdefghijklmnopqrstuvwxyzæøåABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ"
_SAFE_TEXT = st.builds(
    lambda first, rest: (first + rest).rstrip() if len((first + rest).rstrip()) >= 2 else first + "x",
    st.sampled_from(_LETTERS), st.text(alphabet=_LETTERS + "0123456789 .,-/()§%", max_size=29),
)


def identity_number(seed: int) -> str:
    """A synthetic identity number with valid check digits, one per seed."""
    for last in range(10):
        nine = f"{(seed % 28) + 1:02d}{(seed % 12) + 1:02d}{(seed % 90) + 10:02d}{(seed % 9) * 100 + last:03d}"
        digits = check_digits(nine)
        if digits is not None:
            return nine + digits
    return "01019010046"


IDENTITY_FORMS = st.tuples(st.integers(0, 10_000), st.sampled_from([0, 1, 2, 3])).map(
    lambda si: [lambda n: n, lambda n: f"{n[:6]} {n[6:]}", lambda n: f"fnr.{n}",
                lambda n: f"{n[:2]}.{n[2:4]}.{n[4:6]} {n[6:]}"][si[1]](identity_number(si[0])))
TEXT = st.one_of(_SAFE_TEXT, _SAFE_TEXT, _SAFE_TEXT, IDENTITY_FORMS.map(lambda n: f"Gjelder {n}"))


def _constraints(metadata: list[Any]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for item in metadata:
        for inner in getattr(item, "metadata", [item]):  # a FieldInfo carries its own list
            for name in ("ge", "le", "gt", "lt", "min_length", "max_length", "pattern"):
                value = getattr(inner, name, None)
                if value is not None and not isinstance(inner, type):
                    found[name] = value
    return found


def _scalar(tp: Any, rules: dict[str, Any]) -> st.SearchStrategy[Any]:
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return st.sampled_from([m.value for m in tp])
    if tp is bool:
        return st.booleans()
    if tp is int:
        low = rules.get("ge", rules.get("gt", -1) + 1 if "gt" in rules else 0)
        return st.integers(low, rules.get("le", max(low, 0) + 50))
    if tp is float:
        low = float(rules.get("ge", rules.get("gt", 0.0)))
        high = float(rules.get("le", low + 5_000.0))
        return st.floats(low, high, exclude_min="gt" in rules, allow_nan=False, allow_infinity=False).map(
            lambda v: round(v, 2) if round(v, 2) >= low else v)
    if tp is dt.datetime:
        return st.datetimes(dt.datetime(2018, 1, 1), dt.datetime(2020, 10, 30)).map(
            lambda d: d.replace(microsecond=0, second=0))
    if tp is dt.date:
        return st.dates(dt.date(2018, 1, 1), dt.date(2020, 10, 30))
    if tp is str:
        if "pattern" in rules:
            return st.from_regex(rules["pattern"], fullmatch=True).filter(lambda s: len(s) <= 20)
        text = TEXT
        if "max_length" in rules:
            text = text.map(lambda s: s[: rules["max_length"]])
        return text
    return st.none()


def for_type(tp: Any, metadata: list[Any] | None = None) -> st.SearchStrategy[Any]:
    """Values a field of type ``tp`` accepts (mostly)."""
    metadata = list(metadata or [])
    origin = get_origin(tp)
    if origin is Annotated:
        inner, *extra = get_args(tp)
        return for_type(inner, metadata + extra)
    if origin in (Union, types.UnionType):
        branches = [a for a in get_args(tp) if a is not type(None)]
        none = [st.none()] if len(branches) < len(get_args(tp)) else []
        return st.one_of(*none, *(for_type(b, metadata) for b in branches))
    if origin is list:
        return st.lists(for_type(get_args(tp)[0]), max_size=2)
    if origin is dict:
        key, value = get_args(tp)
        return st.dictionaries(for_type(key), for_type(value), max_size=3)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return record(tp)
    return _scalar(tp, _constraints(metadata))


def record(model: type[BaseModel]) -> st.SearchStrategy[dict[str, Any]]:
    """A mapping for ``model``: every required field, some optional ones."""
    required = {n: for_type(f.annotation, f.metadata) for n, f in model.model_fields.items() if f.is_required()}
    optional = {n: for_type(f.annotation, f.metadata) for n, f in model.model_fields.items() if not f.is_required()}
    return st.fixed_dictionaries(required, optional=optional)
