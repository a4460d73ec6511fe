"""What a reader of the public report can learn about one person, read off
the typed report model (every figure a template can print is there).

A *figure* is one value in the Prestasjonsledelse or Kvalitet section,
found by walking the dataclasses, with

- its *scope*: the units of the organisation it is about – the whole
  programme, the programme areas a row names (``areas``) or one unit (a row
  with a ``unit``). The reader is assumed to know which units belong to
  which area (the organisation chart is public), but not who answered what;
- its *size*: how many units, leaders or cases it is over, for rows that
  say so (``units``, ``leaders``, ``cases``).

``problems`` lists what the public report must never hold; ``isolating``
compares the report with and without one record, as a reader holding both
versions could.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

from askoy2020.model import Portfolio

Scope = tuple[str, tuple[str, ...]] | None  # ("areas", ids) or ("unit", (name,)); None: the whole programme
SIZES = ("units", "leaders", "cases")
ITEM_KEYS = ("areas", "key", "level", "unit", "id", "leader")


@dataclasses.dataclass(frozen=True)
class Figure:
    value: Any
    scope: Scope
    size: int | None


def figures(section: object) -> dict[str, Figure]:
    out: dict[str, Figure] = {}
    _walk(section, "", None, None, out)
    return out


def _walk(value: Any, path: str, scope: Scope, size: int | None, out: dict[str, Figure]) -> None:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        if isinstance(getattr(value, "areas", None), tuple):
            scope = ("areas", value.areas)  # type: ignore[attr-defined]
        elif isinstance(getattr(value, "unit", None), str):
            scope = ("unit", (value.unit,))  # type: ignore[attr-defined]
        sizes = [getattr(value, name) for name in SIZES if isinstance(getattr(value, name, None), int)]
        size = min(sizes) if sizes else size
        for f in dataclasses.fields(value):
            _walk(getattr(value, f.name), f"{path}.{f.name}", scope, size, out)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            key = next((getattr(item, k) for k in ITEM_KEYS if hasattr(item, k)), index)
            _walk(item, f"{path}[{key}]", scope, size, out)
    elif isinstance(value, dict):
        for key, item in value.items():
            _walk(item, f"{path}[{key}]", scope, size, out)
    else:
        out[path] = Figure(value, scope, size)


def names(portfolio: Portfolio) -> set[str]:
    """What points at a person: units, leader positions and ids, cases."""
    found = {x.unit for x in portfolio.leaders} | {x.role for x in portfolio.leaders} | {x.id for x in portfolio.leaders}
    found |= {c.unit for c in portfolio.cases} | {c.id for c in portfolio.cases} | {c.title for c in portfolio.cases}
    return found


def problems(portfolio: Portfolio, section: object, threshold: int) -> list[str]:
    """Figures a public report must not hold: a name, a figure about one
    unit, or a figure over a group smaller than the threshold."""
    found = []
    people = names(portfolio)
    for path, figure in figures(section).items():
        texts = figure.value if isinstance(figure.value, tuple) else (figure.value,)
        if any(isinstance(text, str) and text in people for text in texts):
            found.append(f"{path}: names {figure.value!r}")
        if figure.scope is not None and figure.scope[0] == "unit":
            found.append(f"{path}: a figure about the unit {figure.scope[1][0]!r}")
        shown = figure.value is not None and figure.value != 0 and not isinstance(figure.value, str)
        if shown and figure.size is not None and 0 < figure.size < threshold:
            found.append(f"{path} = {figure.value!r} is over {figure.size} (fewer than {threshold})")
    return found


def scope_units(portfolio: Portfolio, scope: Scope) -> set[str]:
    if scope is None:
        return {x.unit for x in portfolio.leaders} | {c.unit for c in portfolio.cases}
    kind, keys = scope
    if kind == "unit":
        return set(keys)
    return ({x.unit for x in portfolio.leaders if x.area in keys}
            | {c.unit for c in portfolio.cases if (c.area or "") in keys})


def changed(before: dict[str, Figure], after: dict[str, Figure]) -> tuple[set[str], set[str]]:
    """Figures in both whose value changed; figures in only one of them."""
    both = {p for p in before.keys() & after.keys() if before[p].value != after[p].value}
    return both, before.keys() ^ after.keys()


def isolating(portfolio: Portfolio, unit: str, before: dict[str, Figure], after: dict[str, Figure],
              threshold: int) -> list[str]:
    """What the change from ``before`` (all records) to ``after`` (one
    record of ``unit`` removed) gives away. Every figure that changed must
    be about a scope that holds the unit, and together they must leave at
    least ``threshold`` units it could be: the reader learns that one of
    them changed, not which. A row that comes or goes must itself be over
    enough."""
    found = []
    values, rows = changed(before, after)
    candidates = scope_units(portfolio, None)
    for path in sorted(values):
        units = scope_units(portfolio, before[path].scope)
        if unit not in units:
            found.append(f"{path} changed, but its scope does not hold {unit!r}")
        candidates &= units
    if values and len(candidates) < threshold:
        found.append(f"the figures that changed ({sorted(values)}) narrow the record to {sorted(candidates)}")
    for path in sorted(rows):
        figure = before.get(path) or after[path]
        if figure.value is not None and figure.size is not None and 0 < figure.size < threshold:
            found.append(f"{path} comes or goes, over only {figure.size}")
    return found


def without(portfolio: Portfolio, record: object) -> Portfolio:
    """The portfolio with one record left out."""
    return dataclasses.replace(portfolio, records={kind: [r for r in records if r is not record]
                                                   for kind, records in portfolio.records.items()})


def records(portfolio: Portfolio) -> Iterable[tuple[str, object]]:
    """Every leader and case, with its unit."""
    for leader in portfolio.leaders:
        yield leader.unit, leader
    for case in portfolio.cases:
        yield case.unit, case
