"""JSON Schemas for the record kinds, generated from the models, for
editors (the YAML language server) and other tools.

Each schema accepts what the loader accepts for its folder: one record, or
(except the programme) a list of records. Descriptions, allowed values and
examples come straight from the models' field docstrings. Which files each
schema checks comes from the kinds table, the same globs the loader reads.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .model.kinds import KINDS, RecordKind, kind_named


def schema_for(kind: str | RecordKind) -> dict[str, Any]:
    row = kind_named(kind) if isinstance(kind, str) else kind
    model = row.model
    record = model.model_json_schema(mode="validation")
    defs = record.pop("$defs", {})
    defs[model.__name__] = record
    ref = {"$ref": f"#/$defs/{model.__name__}"}
    document: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://askoy2020.invalid/schemas/{row.schema_file}",
        "title": f"Askøy 2020 {row.key.replace('-', ' ')}",
        "description": " ".join((model.__doc__ or "").split()),
    }
    # if/then/else rather than anyOf, so an editor points at the bad field
    # instead of saying the whole file matches neither shape.
    document |= ref if row.single else {"if": {"type": "array"}, "then": {"items": ref}, "else": ref}
    document["$defs"] = dict(sorted(defs.items()))
    tidied: dict[str, Any] = _keys_by_name(document)
    return tidied


def _keys_by_name(node: Any) -> Any:
    """pydantic writes a mapping whose keys have a pattern (years, ids) as
    ``patternProperties``, which lets any other key through: the loader
    refuses it. ``propertyNames`` says what every key must be – without
    "type": the YAML language server checks a key as the YAML it is, and
    ``2021:`` is a number there, ``strategic_fit:`` text."""
    if isinstance(node, list):
        return [_keys_by_name(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _keys_by_name(value) for key, value in node.items()}
    patterns = node.get("patternProperties")
    if isinstance(patterns, dict) and len(patterns) == 1 and "additionalProperties" not in node:
        (pattern, value), = patterns.items()
        del node["patternProperties"]
        node["propertyNames"] = {"pattern": pattern} | node.get("propertyNames", {})
        node["additionalProperties"] = value
    return node


def schema_texts() -> dict[str, str]:
    """File name -> JSON text, stable byte for byte."""
    return {kind.schema_file: json.dumps(schema_for(kind), indent=2, ensure_ascii=False) + "\n" for kind in KINDS}


def editor_settings(schema_folder: str = "./schemas", data_folder: str = "data") -> dict[str, Any]:
    """VS Code's YAML extension mapping: which schema checks which files –
    the kinds table's globs, so the editor and the loader agree.

    Its formatter (prettier) is told to lay files out as ``fmt`` does, so
    "Format Document" and ``fmt --check`` agree (0 of the sample's files
    changed, tests/test_schema_in_editor.py): flow mappings without inner
    spaces ({2019: 500}), single quotes where quotes are needed, no line
    wrapped (the round-trip writer's width), two spaces of indentation –
    and it is the formatter for YAML here, not another extension's with
    its own defaults. ``yaml.format.enable`` is spelled out: given other
    yaml.format settings without it, the language server formats nothing
    for an editor that does not fill in the extension's defaults."""
    from .writing.round_trip import LINE_WIDTH

    schemas: dict[str, str | list[str]] = {}
    for kind in KINDS:
        globs = [f"{data_folder}/{g[: -len('.yaml')]}{suffix}" for g in kind.globs for suffix in (".yaml", ".yml")]
        schemas[f"{schema_folder}/{kind.schema_file}"] = globs
    return {
        "yaml.schemas": schemas, "yaml.customTags": [],
        "yaml.format.enable": True, "yaml.format.bracketSpacing": False, "yaml.format.singleQuote": True,
        "yaml.format.printWidth": LINE_WIDTH,
        "yaml.format.proseWrap": "preserve",
        "[yaml]": {"editor.defaultFormatter": "redhat.vscode-yaml", "editor.tabSize": 2, "editor.insertSpaces": True,
                   "editor.detectIndentation": False},
        "files.encoding": "utf8", "files.eol": "\n",
    }


def write_schemas(folder: Path) -> list[Path]:
    from .writing import write_atomic

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_texts().items():
        write_atomic(folder / name, text)
        written.append(folder / name)
    return written
