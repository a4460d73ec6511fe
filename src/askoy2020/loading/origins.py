"""Give every validated model (nested ones too) its place in the source."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from ..model.base import Origin, Record
from .yaml_reader import Document


def attach(value: Any, file: str, doc: Document, path: tuple[Any, ...]) -> None:
    # Iterative walk: records are shallow, but a stack keeps it obviously safe.
    pending: list[tuple[Any, tuple[Any, ...]]] = [(value, path)]
    while pending:
        item, where = pending.pop()
        if isinstance(item, Record):
            item._origin = Origin(file, doc, where)
        if isinstance(item, BaseModel):
            for name in type(item).model_fields:
                pending.append((getattr(item, name), where + (name,)))
        elif isinstance(item, list):
            pending.extend((v, where + (i,)) for i, v in enumerate(item))
        elif isinstance(item, dict):
            pending.extend((v, where + (k.value if hasattr(k, "value") else k,)) for k, v in item.items())
