"""The committed JSON Schemas are current, and an independent validator
(jsonschema) accepts every sample file and rejects broken records."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from askoy2020.loading.discover import discover
from askoy2020.loading.yaml_reader import read_yaml
from askoy2020.model.kinds import KINDS, kind_of
from askoy2020.schema import editor_settings, schema_texts

ROOT = Path(__file__).parent.parent
DATA = ROOT / "data"
SCHEMAS = ROOT / "schemas"


def _json_like(value: Any) -> Any:
    """What an editor's YAML language server hands the schema: keys are text."""
    if isinstance(value, dict):
        return {str(k): _json_like(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_like(v) for v in value]
    return value


def _validator(kind: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_committed_schemas_are_current() -> None:
    texts = schema_texts()
    assert sorted(p.name for p in SCHEMAS.glob("*.json")) == sorted(texts)
    for name, text in texts.items():
        assert (SCHEMAS / name).read_text(encoding="utf-8") == text, "regenerate: askoy2020 schema --output schemas"


def test_editor_settings_point_every_kind_at_its_schema() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings == editor_settings()
    assert len(settings["yaml.schemas"]) == len(KINDS)


def test_every_sample_file_passes_its_schema() -> None:
    validators = {kind.key: _validator(kind.key) for kind in KINDS}
    checked = 0
    for path in discover(DATA):
        found = kind_of(path.relative_to(DATA).as_posix())
        assert found is not None, path
        kind = found.key
        document = read_yaml(path.read_bytes(), path.name).document
        assert document is not None
        errors = [e.message for e in validators[kind].iter_errors(_json_like(document.value))]
        assert errors == [], f"{path}: {errors}"
        checked += 1
    assert checked > 300


@pytest.mark.parametrize(("change", "expected"), [
    ({"status": "done"}, "'done' is not one of"),
    ({"budjet": 5}, "Additional properties are not allowed"),
    ({"cost": {"2020": -5}}, "less than the minimum"),
])
def test_a_broken_project_is_rejected(change: dict[str, Any], expected: str) -> None:
    path = DATA / "programmes" / "dk" / "projects" / "DK-05.yaml"
    record = _json_like(read_yaml(path.read_bytes(), path.name).document.value)  # type: ignore[union-attr]
    errors = [e.message for e in _validator("project").iter_errors(record | change)]
    assert any(expected in e for e in errors), errors


def test_schemas_use_json_schema_keywords_only() -> None:
    """Pydantic writes a constraint it cannot place (Field(ge=…) on an
    Optional of an Annotated type) as a raw 'ge' key, which every JSON
    Schema validator ignores: the bound would then hold in validate only."""
    stray = {"ge", "le", "gt", "lt", "min_length", "max_length"}

    def keys(node: Any) -> set[str]:
        if isinstance(node, dict):
            return set(node) | set().union(*(keys(v) for v in node.values()))
        if isinstance(node, list):
            return set().union(*(keys(v) for v in node)) if node else set()
        return set()

    for name, text in schema_texts().items():
        assert keys(json.loads(text)) & stray == set(), name
