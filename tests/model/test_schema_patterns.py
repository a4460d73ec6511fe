"""The JSON Schemas describe exactly what the loader accepts for dates,
times, year keys and ids: a value the models take matches the schema's
pattern, and one they refuse does not – checked by jsonschema (Python's
regex, as check-jsonschema reads it) on named edge cases and on generated
variants. tests/test_schema_in_editor.py checks the same edge cases with the
YAML language server (JavaScript's regex)."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from askoy2020.model.base import ByYear, Day, Id, Moment, Number
from askoy2020.schema import schema_texts


def _schemas() -> dict[str, Any]:
    return {name: json.loads(text) for name, text in schema_texts().items()}


def _property(schema_file: str, model: str, field: str) -> dict[str, Any]:
    found: dict[str, Any] = _schemas()[schema_file]["$defs"][model]["properties"][field]
    return found


def _string_branch(node: dict[str, Any]) -> dict[str, Any]:
    """The text branch of ``X | None``."""
    for branch in node.get("anyOf", [node]):
        if branch.get("type") == "string":
            return dict(branch)
    raise AssertionError(node)


# The schema each value kind gets, taken from the committed schemas as an
# editor reads them (not from the constants in base.py).
DAY = _string_branch(_property("quality-case.schema.json", "QualityCase", "occurred"))
MOMENT = _string_branch(_property("quality-case.schema.json", "Breach", "became_aware"))
ID = _string_branch(_property("project.schema.json", "Project", "id"))
YEAR_KEYS = _property("project.schema.json", "Project", "cost")["propertyNames"]


def _accepted_by(adapter: TypeAdapter[Any], value: Any) -> bool:
    try:
        adapter.validate_python(value)
    except ValidationError:
        return False
    return True


_LOADER = {"day": TypeAdapter(Day), "moment": TypeAdapter(Moment), "id": TypeAdapter(Id),
           "year": TypeAdapter(ByYear[Number])}
_SCHEMA = {"day": DAY, "moment": MOMENT, "id": ID, "year": {"propertyNames": YEAR_KEYS}}


def loader_accepts(kind: str, text: str) -> bool:
    """What validate does with the text as YAML gives it to the models."""
    return _accepted_by(_LOADER[kind], {text: 1} if kind == "year" else text)


def schema_accepts(kind: str, text: str) -> bool:
    return jsonschema.Draft202012Validator(_SCHEMA[kind]).is_valid({text: 1} if kind == "year" else text)


def test_no_format_keyword_is_left() -> None:
    """'format: date-time' wants seconds and a zone; 'format: date' is
    checked against the calendar by some clients and not by others."""
    for name, text in schema_texts().items():
        assert '"format"' not in text, name


EDGE_CASES = [
    # (kind, text, the loader accepts it)
    ("moment", "2020-10-21T13:00", True), ("moment", "2020-10-21 13:00", True), ("moment", "2020-10-21t13:00", True),
    ("moment", "2020-10-21", True), ("moment", "2020-10-21T13:00:59", True), ("moment", "2020-10-21T13:00:59.5", True),
    ("moment", "2020-10-21T13:00:59,25", True), ("moment", "2020-10-21T13:00Z", True),
    ("moment", "2020-10-21T13:00z", True), ("moment", "2020-10-21T13:00+01:00", True),
    ("moment", "2020-10-21T13:00+0100", True), ("moment", "2020-10-21T13:00-23:59", True),
    ("moment", "1990-01-01T00:00", True), ("moment", "2100-12-31T23:59-05:00", True),
    ("moment", "2020-02-29T10:00", True),
    ("moment", "2020-10-21T13:00+01", False), ("moment", "2020-10-21T13:00+24:00", False),
    ("moment", "2020-10-21T13:00+01:60", False), ("moment", "2020-10-21T24:00", False),
    ("moment", "2020-10-21T23:60", False), ("moment", "2020-10-21T13:00:60", False),
    ("moment", "2020-10-21T13", False), ("moment", "2020-10-21T", False), ("moment", "2020-10-21T1:00", False),
    ("moment", "2020-10-21  13:00", False), ("moment", "2020-10-21T13:00 ", False),
    ("moment", "2020-10-21T13:00\n", False), ("moment", "2020-10-21T13:00.5", False),
    ("moment", "2020-10-21T13:00:00.", False), ("moment", "2019-02-29T10:00", False),
    ("moment", "2020-02-30T10:00", False), ("moment", "1989-12-31T23:59", False),
    ("moment", "2101-01-01T00:00", False), ("moment", "2020-10-21Z", False), ("moment", "1603290000", False),
    ("day", "2020-03-31", True), ("day", "2000-02-29", True), ("day", "2096-02-29", True), ("day", "1990-01-01", True),
    ("day", "2100-12-31", True), ("day", "1992-02-29", True),
    ("day", "2100-02-29", False), ("day", "1900-02-29", False), ("day", "2019-02-29", False),
    ("day", "2020-04-31", False), ("day", "2020-13-01", False), ("day", "2020-00-10", False),
    ("day", "2020-01-00", False), ("day", "1989-12-31", False), ("day", "2101-01-01", False),
    ("day", "2020-3-31", False), ("day", "2020-03-31T00:00", False), ("day", "2020-03-31\n", False),
    ("day", " 2020-03-31", False), ("day", "20200331", False), ("day", "２０２０-03-31", False),
    ("id", "DK-05", True), ("id", "Q-2020-001", True), ("id", "strategic_fit", True), ("id", "Å-1", True),
    ("id", "A\u030a-1", True), ("id", "\u212bS", True), ("id", "\u212a1", True), ("id", "x" * 64, True),
    ("id", "x" * 65, False), ("id", "A\u030a" * 64, True), ("id", "A\u030a" * 65, False),
    ("id", "-DK", False), ("id", ".DK", False), ("id", "DK 05", False), ("id", "DK\n", False), ("id", "", False),
    ("id", "É", False), ("id", "A\u030a\u0301", False), ("id", "Ø\u0301", False), ("id", "DK\u200b", False),
    ("id", "DK/05", False), ("id", "\u030aA", False),
    ("year", "2021", True), ("year", "1990", True), ("year", "2100", True),
    ("year", "1989", False), ("year", "2101", False), ("year", "02021", False), ("year", "+2021", False),
    ("year", "2021.0", False), ("year", " 2021", False), ("year", "2021\n", False), ("year", "MMXXI", False),
]


@pytest.mark.parametrize(("kind", "text", "accepted"), EDGE_CASES)
def test_edge_cases(kind: str, text: str, accepted: bool) -> None:
    assert loader_accepts(kind, text) is accepted, "the loader changed: update the case and the pattern"
    assert schema_accepts(kind, text) is accepted


def _two(low: int, high: int) -> st.SearchStrategy[str]:
    return st.integers(low, high).map(lambda n: f"{n:02d}") | st.integers(0, 9).map(str)


_dates = st.builds(
    lambda y, m, d, sep1, sep2: f"{y}{sep1}{m}{sep2}{d}",
    st.sampled_from([1989, 1990, 1992, 1996, 2000, 2019, 2020, 2096, 2099, 2100, 2101, 1900]).map(str)
    | st.integers(0, 99999).map(str),
    _two(0, 13), _two(0, 32), st.sampled_from(["-", "-", "-", "/", ""]), st.sampled_from(["-", "-", "-", "."]),
)
_times = st.builds(
    lambda sep, h, m, s, frac, zone: f"{sep}{h}:{m}{s}{frac}{zone}",
    st.sampled_from(["T", "t", " ", "  ", "_", ""]), _two(0, 25), _two(0, 61),
    st.sampled_from(["", ""]) | _two(0, 61).map(lambda s: ":" + s),
    st.sampled_from(["", "", "."]) | st.builds(lambda sep, d: sep + d, st.sampled_from([".", ","]),
                                               st.text("0123456789", min_size=0, max_size=12)),
    st.sampled_from(["", "Z", "z", "+01:00", "+0100", "+01", "-23:59", "+24:00", "+01:60", "+1", " Z", "+01:00:00"]),
)
_junk = st.sampled_from(["", "", "", "\n", " ", "x", "\u2028"])


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(date=_dates, time=st.none() | _times, junk=_junk)
def test_generated_times_and_dates(date: str, time: str | None, junk: str) -> None:
    text = date + (time or "") + junk
    for kind in ("moment", "day"):
        assert schema_accepts(kind, text) is loader_accepts(kind, text), (kind, text)


_ID_CHARS = "ADKQaxzÅØÆåøæ019._- /\n\u030a\u0301\u212a\u212b\u200bÉé"


@settings(max_examples=600, deadline=None)
@given(text=st.text(_ID_CHARS, max_size=70) | st.text(max_size=8))
def test_generated_ids(text: str) -> None:
    assert schema_accepts("id", text) is loader_accepts("id", text), repr(text)


@settings(max_examples=300, deadline=None)
@given(text=st.text("0123456789+-. \n", min_size=1, max_size=6) | st.integers(1980, 2110).map(str))
def test_generated_year_keys(text: str) -> None:
    assert schema_accepts("year", text) is loader_accepts("year", text), repr(text)
