"""attach looks only into fields whose type can hold a model, a list or a
dict; every model in the sample data must still get its place."""

from __future__ import annotations

import typing
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

import askoy2020
from askoy2020.loading.origins import _container_fields, _may_hold_container
from askoy2020.model.base import Record
from askoy2020.model.kinds import KINDS

DATA = Path(__file__).parent.parent.parent / "data"


def _every_model(value: Any) -> list[tuple[BaseModel, tuple[Any, ...]]]:
    """Every model below ``value`` by looking into every field (the walk
    before it was narrowed), with its path from the record."""
    found, pending = [], [(value, ())]
    while pending:
        item, path = pending.pop()
        if isinstance(item, BaseModel):
            found.append((item, path))
            pending.extend((getattr(item, name), (*path, name)) for name in type(item).model_fields)
        elif isinstance(item, list):
            pending.extend((v, (*path, i)) for i, v in enumerate(item))
        elif isinstance(item, dict):
            pending.extend((v, (*path, getattr(k, "value", k))) for k, v in item.items())
    return found


def test_every_model_in_the_sample_knows_its_place() -> None:
    portfolio = askoy2020.load(DATA, cache=None)
    checked = 0
    for records in portfolio.records.values():
        for record in records:
            assert record.origin is not None
            for model, path in _every_model(record):
                if isinstance(model, Record):
                    assert model.origin is not None
                    assert model.origin.path == record.origin.path + path
                    checked += 1
                skipped = set(type(model).model_fields) - set(_container_fields(type(model)))
                for name in skipped:
                    assert not isinstance(getattr(model, name), (BaseModel, list, dict)), (type(model), name)
    assert checked > 4000


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.key)
def test_a_field_typed_to_hold_a_model_or_collection_is_looked_into(kind: Any) -> None:
    looked = set(_container_fields(kind.model))
    for name, field in kind.model.model_fields.items():
        if _holds_model_or_collection(field.annotation):
            assert name in looked, name


def _holds_model_or_collection(annotation: Any) -> bool:
    origin = typing.get_origin(annotation)
    if origin in (list, dict, tuple, set, frozenset):
        return True
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_holds_model_or_collection(arg) for arg in typing.get_args(annotation))


def test_scalars_are_skipped_and_unknown_types_are_not() -> None:
    from datetime import date
    from typing import Literal

    assert not _may_hold_container(date | None)
    assert not _may_hold_container(Literal["a", "b"])
    assert not _may_hold_container(int | str | None)
    assert _may_hold_container(Any)
    assert _may_hold_container(list[int] | None)
    assert _may_hold_container(dict[str, int])
