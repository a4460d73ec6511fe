"""The JSON Schemas describe exactly what the loader accepts for dates,
times, year keys, ids, text, months and KOSTRA functions: a value the models take matches the schema's
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

from askoy2020.model.base import ByYear, Day, Id, Moment, Number, Text
from askoy2020.model.case_counts import Month
from askoy2020.model.project import KostraCode
from askoy2020.schema import schema_texts
from schema_cases import EDGE_CASES


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
TEXT = _property("project.schema.json", "Project", "name")
MONTH = _property("case-count.schema.json", "CaseCount", "month")
KOSTRA = _property("project.schema.json", "Project", "kostra_functions")["items"]


def _accepted_by(adapter: TypeAdapter[Any], value: Any) -> bool:
    try:
        adapter.validate_python(value)
    except ValidationError:
        return False
    return True


_LOADER = {"day": TypeAdapter(Day), "moment": TypeAdapter(Moment), "id": TypeAdapter(Id),
           "year": TypeAdapter(ByYear[Number]), "text": TypeAdapter(Text), "month": TypeAdapter(Month),
           "kostra": TypeAdapter(KostraCode)}
_SCHEMA = {"day": DAY, "moment": MOMENT, "id": ID, "year": {"propertyNames": YEAR_KEYS}, "text": TEXT, "month": MONTH,
           "kostra": KOSTRA}


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


@settings(max_examples=400, deadline=None)
@given(text=st.text(max_size=12) | st.text("a\n\t\x00\x07\x1f\x7f\x85\x9f\xa0\u202a\u202e\u2066\u2069\u200b", max_size=6))
def test_generated_text(text: str) -> None:
    assert schema_accepts("text", text) is loader_accepts("text", text), repr(text)
