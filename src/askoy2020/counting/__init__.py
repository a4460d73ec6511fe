"""``askoy2020 import cases``: counts of cases per unit, kind, severity and
month from a quality system's export (Compilo, Landax, EQS …), kept as
``case-count`` records. Reading is :mod:`.reading`, the files
:mod:`.files`; nothing here writes until :func:`write_files` is called."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..accounts.errors import ImportProblem
from ..core.names import unit_key
from ..model import Portfolio
from .files import FileChange, plan_files, slug, write_files
from .reading import CountedExport, read_counts

__all__ = ["FileChange", "ImportProblem", "PreparedCounts", "prepare_counts", "same_units", "slug", "unit_areas",
           "write_files"]


@dataclass
class PreparedCounts:
    export: CountedExport
    changes: list[FileChange] = field(default_factory=list)
    units_without_area: list[str] = field(default_factory=list)
    """Units the export names that neither it nor the data places in a programme area."""
    renamed: dict[str, str] = field(default_factory=dict)
    """A unit's name as the export wrote it -> the name it is counted under:
    one unit written otherwise only in case, accents or spaces."""


def same_units(export: CountedExport, portfolio: Portfolio) -> dict[str, str]:
    """Each of the export's unit names that :func:`unit_key` makes one with
    another name, mapped to the name to keep: the register's
    (data/control/units), else a leader's or case record's, else the one the
    export wrote first."""
    known: dict[str, str] = {}
    for name in ([u.name for u in portfolio.units] + [x.unit for x in portfolio.leaders]
                 + [c.unit for c in portfolio.cases]):
        known.setdefault(unit_key(name), name)
    renamed: dict[str, str] = {}
    for name in export.units:
        chosen = known.setdefault(unit_key(name), name)
        if chosen != name:
            renamed[name] = chosen
    return renamed


def unit_areas(portfolio: Portfolio) -> dict[str, str]:
    """The programme area of each unit the data names: from the leaders'
    records, then from the case records (the area most of its cases give)."""
    found: dict[str, str] = {}
    for leader in portfolio.leaders:
        found.setdefault(leader.unit, leader.area)
    votes: dict[str, Counter[str]] = {}
    for case in portfolio.cases:
        if case.area:
            votes.setdefault(case.unit, Counter())[case.area] += 1
    for unit, counter in votes.items():
        found.setdefault(unit, counter.most_common(1)[0][0])
    return found


def prepare_counts(portfolio: Portfolio, export_file: Path, export_name: str, source: str,
                   sheet: str | None = None, shown: Any = str) -> PreparedCounts:
    """Everything the import would write; an :class:`ImportProblem` when
    the export cannot be read whole."""
    export = read_counts(export_file, export_name, sheet)
    renamed = same_units(export, portfolio)
    if renamed:
        export.rename_units(renamed)
    areas = unit_areas(portfolio)
    changes = plan_files(export, portfolio.root, source, areas, shown)
    missing = sorted({key[0] for key in export.counts if key[0] not in export.areas and key[0] not in areas})
    return PreparedCounts(export, changes, missing, renamed)
