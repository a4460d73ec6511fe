"""The import as one call: read the export, place its lines, make the new
files. Nothing is written here; :func:`~.applying.write_changes` does that."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..loading.yaml_reader import ReadLimits
from ..model.budget import Period
from ..model.project import Project
from .applying import FileChange, plan_changes
from .mapping import Matching, Unit, match
from .reading import Export, read_export


@dataclass
class Prepared:
    export: Export
    matching: Matching
    changes: list[FileChange] = field(default_factory=list)
    """Empty when the matching found problems: then nothing may be written."""

    @property
    def blocked(self) -> bool:
        """Lines that could not be placed, or a figure that cannot be: nothing is written."""
        return bool(self.matching.ambiguous or self.matching.problems)


def prepare(projects: Sequence[Project], export_file: Path, export_name: str, year: int, period: Period,
            unit: Unit = Unit.KR, sheet: str | None = None, limits: ReadLimits = ReadLimits()) -> Prepared:
    """Everything the import would do, decided and checked; raises
    :class:`~.errors.ImportProblem` when the export cannot be read or a file
    cannot be edited safely."""
    export = read_export(export_file, export_name, sheet)
    matching = match(export, projects, year, period, unit)
    prepared = Prepared(export, matching)
    if not prepared.blocked:
        prepared.changes = plan_changes(matching, limits)
    return prepared
