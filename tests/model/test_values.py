"""Values the models must refuse, as families over every field that can
hold them: the fields are found by walking every record kind's model with
:func:`askoy2020.model.types.shape`, so a field added later is covered too."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from enum import Enum
from typing import Annotated, Any, get_args, get_type_hints

import pytest
from pydantic import BaseModel, TypeAdapter, ValidationError

from askoy2020.core.scalars import YamlFloat, YamlInt
from askoy2020.model.base import MAX_MONEY, Fte, Money
from askoy2020.model.kinds import KINDS
from askoy2020.model.types import Shape, shape

# Every model's numbers refuse true/false now; kept as a set so a model
# can be named here, with a reason, should one ever need to wait.
_NOT_YET: set[str] = set()


def _models() -> list[type[BaseModel]]:
    found: list[type[BaseModel]] = []
    todo = [kind.model for kind in KINDS]
    while todo:
        model = todo.pop()
        if model in found:
            continue
        found.append(model)
        for field in model.model_fields.values():
            todo.extend(shape(field.annotation).models())
    return sorted(found, key=lambda m: m.__name__)


def _fields() -> Iterator[tuple[str, Any, Shape]]:
    for model in _models():
        for name, field in model.model_fields.items():
            # pydantic keeps an outer Annotated's validators and bounds apart
            annotation = Annotated[(field.annotation, *field.metadata)] if field.metadata else field.annotation
            yield f"{model.__name__}.{name}", annotation, shape(field.annotation)


def _wrap(s: Shape, inner: Any, at: Any) -> Any:
    """A value for a field of shape ``s`` with ``inner`` where ``at`` is."""
    if s is at:
        return inner
    if s.kind == "list":
        return [_wrap(s.args[0], inner, at)]
    if s.kind == "dict":
        key = s.args[0].python
        first = next(iter(key)).value if isinstance(key, type) and issubclass(key, Enum) else (
            PLAIN if key is int else "X-1")
        return {first: _wrap(s.args[1], inner, at)}
    if s.kind == "union":
        return next(_wrap(b, inner, at) for b in s.args if at in _walk(b))
    raise AssertionError(s)


def _walk(s: Shape) -> Iterator[Shape]:
    """``s`` and the shapes of the values inside it (not dict keys)."""
    yield s
    if s.kind != "model":
        for arg in s.args[1:] if s.kind == "dict" else s.args:
            yield from _walk(arg)


def _year_dicts() -> list[Any]:
    return [
        pytest.param(annotation, top, s, id=name)
        for name, annotation, top in _fields()
        for s in _walk(top) if s.kind == "dict" and s.args[0].python is int
    ]


def _numbers() -> list[Any]:
    return [
        pytest.param(annotation, top, s, id=name)
        for name, annotation, top in _fields()
        if not any(m.__module__ in _NOT_YET for m in _models() if name.startswith(m.__name__ + "."))
        for s in _walk(top) if s.kind == "scalar" and s.python in (int, float)
    ]


YEAR_DICTS = _year_dicts()
NUMBERS = _numbers()
PLAIN = YamlInt(2021, "2021")
# Other ways to write 2021 that the YAML reader keeps apart from the plain key.
SPELLINGS = ["2021", " 2021", "2021 ", "+2021", "02021", YamlInt(2021, "02021"), YamlInt(2021, "+2021"),
             YamlInt(2021, "0x7E5"), YamlFloat(2021.0, "2021.0"), "2021.0", 2021.0]
NOT_NUMBERS = [True, False]


def test_the_walk_finds_the_fields() -> None:
    assert len(YEAR_DICTS) >= 10 and len(NUMBERS) >= 20


# 02021 and 2021.0 equal 2021 in Python, so the reader already reports them
# as a duplicate key (ASK003); the rest reach the model as different keys.
@pytest.mark.parametrize("spelling", [s for s in SPELLINGS if s != PLAIN], ids=repr)
@pytest.mark.parametrize(("annotation", "top", "at"), YEAR_DICTS)
def test_a_year_written_twice_is_an_error_at_the_second_key(annotation: Any, top: Shape, at: Shape,
                                                             spelling: Any) -> None:
    adapter = TypeAdapter(annotation)
    for first, second in ((PLAIN, spelling), (spelling, PLAIN)):
        with pytest.raises(ValidationError) as caught:
            adapter.validate_python(_wrap(top, {first: YamlInt(3, "3"), second: YamlInt(4, "4")}, at))
        keys = [e["input"] for e in caught.value.errors() if e["loc"][-1] == "[key]"]
        # A spelling that is a year on its own ("2021") is refused where it repeats.
        assert keys == ([second] if spelling == "2021" else [spelling]), caught.value.errors()


@pytest.mark.parametrize("spelling", [s for s in SPELLINGS if s != "2021"] + [True], ids=repr)
@pytest.mark.parametrize(("annotation", "top", "at"), YEAR_DICTS)
def test_a_year_key_is_four_digits(annotation: Any, top: Shape, at: Shape, spelling: Any) -> None:
    with pytest.raises(ValidationError):
        TypeAdapter(annotation).validate_python(_wrap(top, {spelling: YamlInt(3, "3")}, at))


@pytest.mark.parametrize("value", NOT_NUMBERS, ids=repr)
@pytest.mark.parametrize(("annotation", "top", "at"), NUMBERS)
def test_a_boolean_is_never_a_number(annotation: Any, top: Shape, at: Shape, value: Any) -> None:
    with pytest.raises(ValidationError, match="not a number"):
        TypeAdapter(annotation).validate_python(_wrap(top, value, at))


@pytest.mark.parametrize(("annotation", "top", "at"), YEAR_DICTS)
def test_a_plain_and_a_quoted_year_still_validate(annotation: Any, top: Shape, at: Shape) -> None:
    # A year's value may itself be a record (financing, accounts): {} is a valid one.
    three, four = ({}, {}) if at.args[1].kind == "model" else (YamlInt(3, "3"), 4)
    value = TypeAdapter(annotation).validate_python(_wrap(top, {PLAIN: three, "2022": four}, at))
    assert value


def _scalars(python: type) -> list[Any]:
    return [
        pytest.param(annotation, top, s, id=name)
        for name, annotation, top in _fields()
        for s in _walk(top) if s.kind == "scalar" and s.python is python
    ]


DAYS = _scalars(date)
MOMENTS = _scalars(datetime)
NOT_DAYS = [YamlInt(1577836800, "1577836800"), YamlInt(0, "0"), YamlFloat(1577836800.0, "1577836800.0"), True,
            "1577836800", "2020-01-01T00:00:00Z", "2020-01-01T00:00:00", "2020-01-01T00:00", "2020-01-01 00:00",
            "20200101", "2020-1-1", " 2020-01-01", datetime(2020, 1, 1)]
DAYS_OK = ["2020-01-01", date(2020, 1, 1)]
NOT_MOMENTS = [YamlInt(1577836800, "1577836800"), YamlInt(0, "0"), YamlFloat(1.5, "1.5"), True, False,
               "1577836800", "1577836800.5", "20200101T1000", "2020-01-01T10", " 2020-01-01T10:00"]
MOMENTS_OK = ["2020-01-01T10:00", "2020-01-01T10:00:30", "2020-01-01T10:00:00+01:00", "2020-01-01T10:00Z",
              "2020-01-01 10:00", "2020-01-01", date(2020, 1, 1), datetime(2020, 1, 1, 10)]


def test_the_walk_finds_the_dates() -> None:
    assert len(DAYS) >= 8 and len(MOMENTS) >= 2


@pytest.mark.parametrize("value", NOT_DAYS, ids=repr)
@pytest.mark.parametrize(("annotation", "top", "at"), DAYS)
def test_a_day_is_an_iso_date_only(annotation: Any, top: Shape, at: Shape, value: Any) -> None:
    with pytest.raises(ValidationError, match="YYYY-MM-DD"):
        TypeAdapter(annotation).validate_python(_wrap(top, value, at))


@pytest.mark.parametrize("value", DAYS_OK, ids=repr)
@pytest.mark.parametrize(("annotation", "top", "at"), DAYS)
def test_a_day_takes_a_date(annotation: Any, top: Shape, at: Shape, value: Any) -> None:
    TypeAdapter(annotation).validate_python(_wrap(top, value, at))


@pytest.mark.parametrize("value", NOT_MOMENTS, ids=repr)
@pytest.mark.parametrize(("annotation", "top", "at"), MOMENTS)
def test_a_moment_is_never_a_number(annotation: Any, top: Shape, at: Shape, value: Any) -> None:
    with pytest.raises(ValidationError, match="YYYY-MM-DD"):
        TypeAdapter(annotation).validate_python(_wrap(top, value, at))


@pytest.mark.parametrize("value", MOMENTS_OK, ids=repr)
@pytest.mark.parametrize(("annotation", "top", "at"), MOMENTS)
def test_a_moment_takes_iso_text_or_a_date(annotation: Any, top: Shape, at: Shape, value: Any) -> None:
    assert TypeAdapter(annotation).validate_python(_wrap(top, value, at)).tzinfo is not None


def _holding(*types: Any) -> list[Any]:
    """The fields whose annotation holds one of ``types`` (``Money``, ``Fte``)
    anywhere inside, with the shape of the value that is of that type."""
    found = []
    for model in _models():
        hints = get_type_hints(model, include_extras=True)
        for name, field in model.model_fields.items():
            if any(t == held for t in types for held in _inside(hints[name])):
                annotation = Annotated[(field.annotation, *field.metadata)] if field.metadata else field.annotation
                top = shape(field.annotation)
                at = next(s for s in _walk(top) if s.kind == "scalar" and s.python is float)
                found.append(pytest.param(annotation, top, at, id=f"{model.__name__}.{name}"))
    return found


def _inside(tp: Any) -> Iterator[Any]:
    yield tp
    for arg in get_args(tp):
        yield from _inside(arg)


AMOUNTS = _holding(Money, Fte)
TOO_LARGE = [YamlFloat(1e15, "1e15"), YamlInt(10**15, "1000000000000000"), YamlFloat(1e300, "1e300"),
             YamlInt(MAX_MONEY + 1, str(MAX_MONEY + 1)), YamlFloat(1e9 + 0.5, "1000000000.5")]


def test_the_walk_finds_the_amounts() -> None:
    assert len(AMOUNTS) >= 12


@pytest.mark.parametrize("value", TOO_LARGE, ids=repr)
@pytest.mark.parametrize(("annotation", "top", "at"), AMOUNTS)
def test_an_amount_beyond_a_municipality_is_out_of_range(annotation: Any, top: Shape, at: Shape,
                                                         value: Any) -> None:
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(annotation).validate_python(_wrap(top, value, at))
    assert caught.value.errors()[0]["type"] == "less_than_equal"


@pytest.mark.parametrize(("annotation", "top", "at"), AMOUNTS)
def test_the_largest_amounts_still_validate(annotation: Any, top: Shape, at: Shape) -> None:
    TypeAdapter(annotation).validate_python(_wrap(top, YamlInt(100_000, "100000"), at))


def test_the_schemas_carry_the_money_bound() -> None:
    from askoy2020.model.kinds import kind_named
    from askoy2020.schema import schema_for

    assert f'"maximum": {MAX_MONEY}' in json.dumps(schema_for(kind_named("project")))
