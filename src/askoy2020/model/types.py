"""The one walker over the models' field types.

Schema errors need the model of the mapping at a path, ``fmt`` needs the
model a field holds (to order its keys), and the format reference needs a
readable name for every type. All three read a field's annotation through
:func:`shape`, so ``Annotated``, ``X | None``, lists and dicts are taken
apart in one place and the three cannot disagree about what a field holds.
"""

from __future__ import annotations

import types
from dataclasses import dataclass, replace
from enum import Enum
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

ShapeKind = Literal["model", "list", "dict", "enum", "union", "scalar"]


@dataclass(frozen=True)
class Shape:
    """A field type taken apart: what it is and what it holds."""

    kind: ShapeKind
    python: Any
    """The model, enum or scalar class (``list``/``dict``/the union for containers)."""
    args: tuple[Shape, ...] = ()
    """list: (item,); dict: (key, value); union: its branches other than None."""
    optional: bool = False
    """None is allowed too."""

    @property
    def model(self) -> type[BaseModel] | None:
        return self.python if self.kind == "model" else None

    def child(self, part: Any) -> Shape | None:
        """The shape one step down a value path: a model's field by name, a
        list's item, a dict's value."""
        if self.kind == "model":
            field = self.python.model_fields.get(str(part))
            return shape(field.annotation) if field is not None else None
        if self.kind == "list":
            return self.args[0]
        if self.kind == "dict":
            return self.args[1]
        return None

    def record_model(self) -> tuple[type[BaseModel] | None, bool]:
        """The model a field holds – ``Model``, ``Model | None``,
        ``list[Model]`` or a union with a model branch – and whether it
        holds a list of them."""
        if self.kind == "model":
            return self.python, False
        if self.kind == "list":
            return self.args[0].record_model()[0], True
        if self.kind == "union":
            for branch in self.args:
                model, many = branch.record_model()
                if model is not None:
                    return model, many
        return None, False

    def models(self) -> list[type[BaseModel]]:
        """Every model inside, outermost first."""
        if self.kind == "model":
            return [self.python]
        return [model for arg in self.args for model in arg.models()]


def shape(tp: Any) -> Shape:
    origin = get_origin(tp)
    if origin is Annotated:
        return shape(get_args(tp)[0])
    if origin in (Union, types.UnionType):
        branches = [a for a in get_args(tp) if a is not type(None)]
        optional = len(branches) < len(get_args(tp))
        if len(branches) == 1:
            return replace(shape(branches[0]), optional=optional)
        return Shape("union", tp, tuple(shape(b) for b in branches), optional)
    if origin is list:
        return Shape("list", list, (shape(get_args(tp)[0]),))
    if origin is dict:
        key, value = get_args(tp)
        return Shape("dict", dict, (shape(key), shape(value)))
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return Shape("model", tp)
    if isinstance(tp, type) and issubclass(tp, Enum):
        return Shape("enum", tp)
    return Shape("scalar", tp)


def model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model class of the mapping at ``loc`` inside ``model``."""
    current: Shape | None = shape(model)
    for part in loc:
        if current is None:
            return None
        current = current.child(part)
    return current.model if current is not None else None
