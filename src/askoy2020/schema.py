"""JSON Schemas for the record kinds, generated from the models, for
editors (the YAML language server) and other tools.

Each schema accepts what the loader accepts for its folder: one record, or
(except the programme) a list of records. Descriptions, allowed values and
examples come straight from the models' field docstrings.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .model import Leader, Programme, ProgrammeArea, Project, QualityCase
from .model.plan import Plan
from .model.prioritisation import Scenario

# kind -> (model, glob of its files below the repository root, one record only)
KINDS: dict[str, tuple[type[BaseModel], str, bool]] = {
    "programme": (Programme, "data/programme.yaml", True),
    "area": (ProgrammeArea, "data/programmes/*/area.yaml", False),
    "project": (Project, "data/programmes/*/projects/*.yaml", False),
    "leader": (Leader, "data/leaders/**/*.yaml", False),
    "quality-case": (QualityCase, "data/quality/**/*.yaml", False),
    "scenario": (Scenario, "data/scenarios/*.yaml", False),
    "plan": (Plan, "data/plans/*.yaml", False),
}


def schema_for(kind: str) -> dict[str, Any]:
    model, _, single = KINDS[kind]
    record = model.model_json_schema(mode="validation")
    defs = record.pop("$defs", {})
    defs[model.__name__] = record
    ref = {"$ref": f"#/$defs/{model.__name__}"}
    document: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://askoy2020.invalid/schemas/{kind}.schema.json",
        "title": f"Askøy 2020 {kind.replace('-', ' ')}",
        "description": " ".join((model.__doc__ or "").split()),
    }
    # if/then/else rather than anyOf, so an editor points at the bad field
    # instead of saying the whole file matches neither shape.
    document |= ref if single else {"if": {"type": "array"}, "then": {"items": ref}, "else": ref}
    document["$defs"] = dict(sorted(defs.items()))
    return document


def schema_texts() -> dict[str, str]:
    """File name -> JSON text, stable byte for byte."""
    return {f"{kind}.schema.json": json.dumps(schema_for(kind), indent=2, ensure_ascii=False) + "\n"
            for kind in KINDS}


def editor_settings(schema_folder: str = "./schemas") -> dict[str, Any]:
    """VS Code's YAML extension mapping: which schema checks which files."""
    return {"yaml.schemas": {f"{schema_folder}/{kind}.schema.json": glob for kind, (_, glob, _) in KINDS.items()},
            "yaml.customTags": [], "files.encoding": "utf8", "files.eol": "\n"}


def write_schemas(folder: Path) -> list[Path]:
    from .writing import write_atomic

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_texts().items():
        write_atomic(folder / name, text)
        written.append(folder / name)
    return written
