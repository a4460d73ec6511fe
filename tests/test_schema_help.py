"""The help an editor shows from the schemas: every field of every kind has a
description, and every id field an example of its own kind – one that the
sample data really holds in that field (the project skeleton once said
``area: DK-03``, a project id)."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from askoy2020.loading.discover import discover
from askoy2020.loading.yaml_reader import read_yaml
from askoy2020.model.base import ID_SCHEMA_PATTERN
from askoy2020.model.kinds import KINDS, kind_of
from askoy2020.schema import schema_for

DATA = Path(__file__).parent.parent / "data"
Place = tuple[str, str]
"""(model, field): where in the schemas a value sits."""


def _properties() -> dict[Place, dict[str, Any]]:
    found = {}
    for kind in KINDS:
        for model, node in schema_for(kind)["$defs"].items():
            for field, schema in node.get("properties", {}).items():
                found[(model, field)] = schema
    return found


def test_every_field_has_a_description() -> None:
    places = _properties()
    missing = sorted(f"{model}.{field}" for (model, field), schema in places.items()
                     if not str(schema.get("description", "")).strip())
    assert len(places) > 400
    assert missing == []


def _id_schemas(node: Any, suffix: str = "") -> list[tuple[str, dict[str, Any]]]:
    """The id schemas in a field's schema, each with where below the field
    it sits: "" for the field itself, a branch of ``X | None`` or a list's
    items, "{key}" for a mapping's keys, "{value}" for its values."""
    if not isinstance(node, dict):
        return []
    if node.get("pattern") == ID_SCHEMA_PATTERN:
        return [(suffix, node)]
    found = []
    for key, below in (("anyOf", ""), ("items", ""), ("propertyNames", "{key}"), ("additionalProperties", "{value}")):
        value = node.get(key)
        for part in value if isinstance(value, list) else [value]:
            found += _id_schemas(part, suffix + below)
    return found


def test_every_id_field_has_an_example_that_is_an_id() -> None:
    places = {place: ids for place, schema in _properties().items() if (ids := _id_schemas(schema))}
    assert len(places) > 50

    for place, ids in places.items():
        for _, schema in ids:
            assert schema.get("examples"), place
            for example in schema["examples"]:
                assert re.search(ID_SCHEMA_PATTERN, example), (place, example)


class _Walk:
    """Walks a sample document beside its schema and collects the text each
    (model, field) holds – values, list items and keys."""

    def __init__(self, defs: dict[str, Any]) -> None:
        self.defs = defs
        self.seen: dict[Place, set[str]] = defaultdict(set)

    def value(self, schema: dict[str, Any], value: Any, place: Place | None) -> None:
        if "$ref" in schema:
            name = schema["$ref"].rsplit("/", 1)[-1]
            self.model(name, value)
            return
        if "if" in schema:  # one record or a list of them
            self.value(schema["then"]["items"] if isinstance(value, list) else schema["else"], value, place)
            return
        if "anyOf" in schema:
            for branch in schema["anyOf"]:
                if _fits(branch, value, self.defs):
                    self.value(branch, value, place)
                    return
            return
        if isinstance(value, str) and place is not None:
            self.seen[place].add(value)
        elif isinstance(value, list) and "items" in schema:
            for item in value:
                self.value(schema["items"], item, place)
        elif isinstance(value, dict) and schema.get("type") == "object" and place is not None:
            for key, item in value.items():
                self.seen[(place[0], place[1] + "{key}")].add(str(key))
                if isinstance(schema.get("additionalProperties"), dict):
                    self.value(schema["additionalProperties"], item, (place[0], place[1] + "{value}"))

    def model(self, name: str, value: Any) -> None:
        node = self.defs[name]
        if not isinstance(value, dict) or "properties" not in node:
            return
        for key, item in value.items():
            if str(key) in node["properties"]:
                self.value(node["properties"][str(key)], item, (name, str(key)))


def _fits(branch: dict[str, Any], value: Any, defs: dict[str, Any]) -> bool:
    if "$ref" in branch:
        node = defs[branch["$ref"].rsplit("/", 1)[-1]]
        return isinstance(value, dict) and set(map(str, value)) <= set(node.get("properties", {})) \
            if "properties" in node else isinstance(value, str)
    kind = branch.get("type")
    return {"string": isinstance(value, str), "null": value is None, "array": isinstance(value, list),
            "object": isinstance(value, dict), "number": isinstance(value, (int, float)),
            "integer": isinstance(value, int)}.get(kind, False) if isinstance(kind, str) else False


def test_each_id_example_is_what_the_sample_holds_in_that_field() -> None:
    """An id field's example is an id of the kind the field holds in the
    sample data: an area id for ``area``, a project id for ``project``, a
    criterion id for a key of ``scores``; a record's own id field shows one
    of the sample's ids of that kind."""
    seen: dict[Place, set[str]] = defaultdict(set)
    for path in discover(DATA):
        kind = kind_of(path.relative_to(DATA).as_posix())
        assert kind is not None
        schema = schema_for(kind)
        document = read_yaml(path.read_bytes(), path.name).document
        assert document is not None
        walk = _Walk(schema["$defs"])
        walk.value(schema, document.value, None)
        for place, values in walk.seen.items():
            seen[place] |= values
    # The ids each kind of record has: Project.id, Goal.id, Criterion.id …
    kinds = {model: values for (model, field), values in seen.items() if field == "id"}
    checked = []
    for (model, field), schema in _properties().items():
        for suffix, ids in _id_schemas(schema):
            values = seen.get((model, field + suffix), set())
            if not values or field == "id":
                continue  # the sample never fills it; an id is its own kind
            # The kind of id the field holds: the records whose ids include
            # all the sample has in it (else: the values themselves).
            holders = [ids_of for ids_of in kinds.values() if values <= ids_of] or [values]
            assert any(set(ids["examples"]) & ids_of for ids_of in holders), \
                (model, field + suffix, ids["examples"], sorted(values)[:5])
            checked.append((model, field + suffix))
    for model, values in kinds.items():
        examples = next(ids for _, ids in _id_schemas(_properties()[(model, "id")]))["examples"]
        assert set(examples) & values, (model, examples, sorted(values)[:5])
    assert len(checked) > 30, checked
