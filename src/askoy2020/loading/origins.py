"""Give every validated model (nested ones too) its place in the source."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from ..model.base import Origin, Record
from .yaml_reader import Document

_CONTAINERS = (BaseModel, list, dict)


def attach(value: Any, file: str, doc: Document, path: tuple[Any, ...]) -> None:
    # Iterative walk: records are shallow, but a stack keeps it obviously
    # safe. Scalars are never pushed: only containers can hold a Record.
    pending: list[tuple[Any, tuple[Any, ...]]] = [(value, path)]
    while pending:
        item, where = pending.pop()
        if isinstance(item, BaseModel):
            if isinstance(item, Record):
                item._origin = Origin(file, doc, where)
            for name in type(item).model_fields:
                child = getattr(item, name)
                if isinstance(child, _CONTAINERS):
                    pending.append((child, where + (name,)))
        elif isinstance(item, list):
            pending.extend((v, where + (i,)) for i, v in enumerate(item) if isinstance(v, _CONTAINERS))
        elif isinstance(item, dict):
            pending.extend((v, where + (k.value if hasattr(k, "value") else k,))
                           for k, v in item.items() if isinstance(v, _CONTAINERS))
