"""Pydantic's errors said in bokmål (loading/schema_messages.py).

The covered error types are listed here; every type a record can produce
must be among them. Which types a record can produce is found, not
guessed: every value of a record of each kind in the sample data (lists cut
to two items, every shape kept) is replaced in turn by wrong values of
every sort, deleted, or given a stray key, and each error is said.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from askoy2020.core.diagnostics import SayError
from askoy2020.loading.schema_messages import COVERED, type_nb
from askoy2020.model.kinds import RecordKind, kind_of
from helpers import english_words, record_values

SAMPLE = Path(__file__).parents[2] / "data"

LISTED = {
    "string_type", "string_unicode", "string_not_ascii", "string_pattern_mismatch", "string_too_short",
    "string_too_long", "bytes_type", "int_type", "int_parsing", "int_parsing_size", "int_from_float", "float_type",
    "float_parsing", "decimal_type", "decimal_parsing", "finite_number", "greater_than", "greater_than_equal",
    "less_than", "less_than_equal", "multiple_of", "bool_type", "bool_parsing", "date_type", "date_parsing",
    "date_from_datetime_parsing", "date_from_datetime_inexact", "date_past", "date_future", "datetime_type",
    "datetime_parsing", "datetime_from_date_parsing", "datetime_object_invalid", "datetime_past",
    "datetime_future", "time_type", "time_parsing", "timezone_naive", "timezone_aware", "timezone_offset",
    "time_delta_type", "time_delta_parsing", "dict_type", "model_type", "model_attributes_type", "mapping_type",
    "dataclass_type", "list_type", "tuple_type", "set_type", "frozen_set_type", "iterable_type",
    "set_item_not_hashable", "too_short", "too_long", "none_required", "invalid_key", "recursion_loop",
    "union_tag_invalid", "union_tag_not_found", "is_instance_of", "literal_error", "enum", "missing",
    "extra_forbidden", "value_error",
}

WRONG: list[Any] = [
    "x", "", "a b", "\x07", "y" * 200, -1, 3.7, 1e300, float("inf"), float("nan"), 10**40, True, None, [], ["a"],
    {"x": 1}, {None: 1}, {1.5: 2}, "2020-02-30", "2020-13-01", "2020-03-01T25:00", "2020-03-01T10:00+99:00",
    "02021", "1.5", 2020,
]
STRAY = object()


def test_the_covered_types_are_the_listed_ones() -> None:
    assert COVERED == LISTED


def _shrunk(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _shrunk(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_shrunk(v) for v in value[:2]]
    return value


def _paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else []
    for key, child in items:
        yield from _paths(child, (*path, key))


def _records() -> list[tuple[RecordKind, Any]]:
    """Records of every kind, enough that every shape of value is among them."""
    chosen: list[tuple[RecordKind, Any]] = []
    seen: set[tuple[str, tuple[Any, ...]]] = set()
    for file in sorted(SAMPLE.rglob("*.yaml")):
        kind = kind_of(file.relative_to(SAMPLE).as_posix())
        assert kind is not None, file
        values = record_values(file)
        for record in values if isinstance(values, list) else [values]:
            record = _shrunk(record)
            shapes = {(kind.key, tuple("#" if isinstance(p, int) else p for p in path)) for path in _paths(record)}
            if shapes - seen:
                seen |= shapes
                chosen.append((kind, record))
    return chosen


def _errors(kind: RecordKind, record: Any) -> Iterator[Any]:
    for path in list(_paths(record)):
        if not path:
            continue
        parent = record
        for part in path[:-1]:
            parent = parent[part]
        kept = parent[path[-1]]
        for wrong in [*WRONG, STRAY]:
            parent[path[-1]] = {"stray_key": 1} if wrong is STRAY else wrong
            try:
                kind.model.model_validate(record)
            except ValidationError as exc:
                yield from exc.errors(include_url=False)
        if isinstance(parent, dict):
            del parent[path[-1]]
            try:
                kind.model.model_validate(record)
            except ValidationError as exc:
                yield from exc.errors(include_url=False)
        parent[path[-1]] = kept


def test_every_error_a_record_can_give_is_said_in_bokmal() -> None:
    records = _records()
    assert {kind.key for kind, _ in records} == {"programme", "area", "project", "leader", "cohort", "survey",
                                                  "quality-case", "case-count", "risk", "unit", "management-review",
                                                  "finding", "scenario", "plan"}
    found: set[str] = set()
    wrong: dict[str, str] = {}
    for kind, record in records:
        for error in _errors(kind, record):
            found.add(error["type"])
            said = type_nb(error)
            cause = (error.get("ctx") or {}).get("error")
            if error["type"] == "value_error" and not isinstance(cause, SayError):
                wrong[f"value_error {error['msg']}"] = "a validator raised a plain ValueError"
            # The allowed values are the file's own words ('frame', 'cancelled'), quoted as Pydantic quotes them.
            if english_words(re.sub(r"'[^']*'", "", said)) or not said or "Pydantic:" in said:
                wrong[f"{error['type']} {error['msg']}"] = said
    assert found - COVERED == set()
    assert wrong == {}
    assert len(found) >= 20  # the mutations reach the types that matter


def test_an_unknown_type_is_said_with_a_bokmal_lead_in() -> None:
    said = type_nb({"type": "uuid_parsing", "msg": "Input should be a valid UUID", "input": "x"})
    assert said == "ugyldig verdi (Pydantic: «Input should be a valid UUID»)"


def test_bounds_and_dates_read_as_bokmal_writes_them() -> None:
    assert type_nb({"type": "less_than_equal", "ctx": {"le": 1_000_000_000}}) == "kan være høyst 1 000 000 000"
    assert type_nb({"type": "greater_than_equal", "ctx": {"ge": 0.5}}) == "skal være minst 0,5"
    assert type_nb({"type": "greater_than_equal", "ctx": {"ge": "1990-01-01"}}) == "skal være minst 01.01.1990"
    assert type_nb({"type": "date_from_datetime_parsing", "ctx": {"error": "day value is outside expected range"}}) \
        == "skal være en gyldig dato (dagen finnes ikke i den måneden)"
    assert type_nb({"type": "too_short", "ctx": {"min_length": 2}, "input": "x"}) == "skal ha minst 2 tegn"
    assert type_nb({"type": "too_short", "ctx": {"min_length": 2}, "input": ["x"]}) == "skal ha minst 2 elementer"
