"""The field reference in docs/format.md, generated from the models so it
cannot drift from them (tests/model/test_reference.py checks it)."""

from __future__ import annotations

import types
from enum import Enum
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from .area import ProgrammeArea
from .leader import Leader
from .plan import Plan
from .prioritisation import Scenario
from .programme import Programme
from .project import Project
from .quality import QualityCase

KINDS: list[tuple[str, str, type[BaseModel]]] = [
    ("Programme", "data/programme.yaml", Programme),
    ("Programme area", "data/programmes/<area>/area.yaml", ProgrammeArea),
    ("Project", "data/programmes/<area>/projects/*.yaml", Project),
    ("Leader", "data/leaders/*.yaml", Leader),
    ("Quality case", "data/quality/**/*.yaml", QualityCase),
    ("Scenario", "data/scenarios/*.yaml", Scenario),
    ("Plan", "data/plans/*.yaml (written by askoy2020 prioritise --output)", Plan),
]


def _type_name(tp: Any) -> str:
    origin = get_origin(tp)
    if origin is Annotated:
        return _type_name(get_args(tp)[0])
    if origin in (Union, types.UnionType):
        return " or ".join(_type_name(a) for a in get_args(tp) if a is not type(None))
    if origin is list:
        return f"list of {_type_name(get_args(tp)[0])}"
    if origin is dict:
        key, value = get_args(tp)
        return f"{_type_name(key)} → {_type_name(value)}"
    if isinstance(tp, type) and issubclass(tp, Enum):
        return " \\| ".join(f"`{m.value}`" for m in tp)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return f"[{tp.__name__}](#{tp.__name__.lower()})"
    names = {"str": "text", "int": "integer", "float": "number", "bool": "true/false",
             "date": "date (YYYY-MM-DD)", "datetime": "time (YYYY-MM-DDTHH:MM)"}
    return names.get(getattr(tp, "__name__", ""), str(tp))


def _nested(tp: Any) -> list[type[BaseModel]]:
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return [tp]
    return [model for arg in get_args(tp) for model in _nested(arg)]


def _table(model: type[BaseModel]) -> list[str]:
    rows = ["| field | type | required | description |", "|---|---|---|---|"]
    for name, field in model.model_fields.items():
        required = "yes" if field.is_required() else ""
        description = " ".join((field.description or "").split()).replace("|", "\\|")
        rows.append(f"| `{name}` | {_type_name(field.annotation)} | {required} | {description} |")
    return rows


def format_reference() -> str:
    out = ["# Record format", "",
           "Generated from the Pydantic models by `python -m askoy2020.model.reference > docs/format.md`.",
           "Field names are English, text values Norwegian. Amounts are in 1000 kr, staff in årsverk.",
           "Unknown keys are errors. A time without a zone is Norwegian local time (Europe/Oslo).", ""]
    done: set[type[BaseModel]] = set()
    for title, where, model in KINDS:
        out += [f"## {title}", "", f"Files: `{where}`. {' '.join((model.__doc__ or '').split())}", ""]
        out += _table(model)
        out.append("")
        pending = [t for f in model.model_fields.values() for t in _nested(f.annotation)]
        while pending:
            sub = pending.pop(0)
            if sub in done:
                continue
            done.add(sub)
            doc = " ".join((sub.__doc__ or "").split())
            if doc.startswith("A base class for creating Pydantic models") or doc.startswith("Usage docs"):
                doc = ""
            out += [f"### {sub.__name__}", "", doc, ""] if doc else [f"### {sub.__name__}", ""]
            out += _table(sub)
            out.append("")
            pending += [t for f in sub.model_fields.values() for t in _nested(f.annotation)]
    return "\n".join(out).rstrip() + "\n"


if __name__ == "__main__":
    print(format_reference(), end="")
