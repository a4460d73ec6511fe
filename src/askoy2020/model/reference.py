"""The field reference in docs/format.md, generated from the models so it
cannot drift from them (tests/model/test_reference.py checks it)."""

from __future__ import annotations

from pydantic import BaseModel

from .kinds import KINDS
from .types import Shape, shape

_SCALAR_NAMES = {"str": "text", "int": "integer", "float": "number", "bool": "true/false",
                 "date": "date (YYYY-MM-DD)", "datetime": "time (YYYY-MM-DDTHH:MM)"}


def _type_name(tp: Shape) -> str:
    if tp.kind == "union":
        return " or ".join(_type_name(branch) for branch in tp.args)
    if tp.kind == "list":
        return f"list of {_type_name(tp.args[0])}"
    if tp.kind == "dict":
        return f"{_type_name(tp.args[0])} → {_type_name(tp.args[1])}"
    if tp.kind == "enum":
        return " \\| ".join(f"`{m.value}`" for m in tp.python)
    if tp.kind == "model":
        return f"[{tp.python.__name__}](#{tp.python.__name__.lower()})"
    return _SCALAR_NAMES.get(getattr(tp.python, "__name__", ""), str(tp.python))


def _nested(model: type[BaseModel]) -> list[type[BaseModel]]:
    return [sub for f in model.model_fields.values() for sub in shape(f.annotation).models()]


def _table(model: type[BaseModel]) -> list[str]:
    rows = ["| field | type | required | description |", "|---|---|---|---|"]
    for name, field in model.model_fields.items():
        required = "yes" if field.is_required() else ""
        description = " ".join((field.description or "").split()).replace("|", "\\|")
        rows.append(f"| `{name}` | {_type_name(shape(field.annotation))} | {required} | {description} |")
    return rows


def format_reference() -> str:
    out = ["# Record format", "",
           "Generated from the Pydantic models by `python -m askoy2020.model.reference > docs/format.md`.",
           "Field names are English, text values Norwegian. Amounts are in 1000 kr, staff in årsverk.",
           "Unknown keys are errors. A time without a zone is Norwegian local time (Europe/Oslo).", ""]
    done: set[type[BaseModel]] = set()
    for kind in KINDS:
        model = kind.model
        where = ", ".join(f"`data/{glob}`" for glob in kind.globs)
        note = f" {kind.note}" if kind.note else ""
        out += [f"## {kind.title.capitalize()}", "",
                f"Files: {where}.{note} {' '.join((model.__doc__ or '').split())}", ""]
        out += _table(model)
        out.append("")
        pending = _nested(model)
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
            pending += _nested(sub)
    return "\n".join(out).rstrip() + "\n"


if __name__ == "__main__":
    print(format_reference(), end="")
