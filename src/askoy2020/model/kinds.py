"""The one table of record kinds.

What a kind *is* – where its files live, which model validates them,
whether a file holds one record or a list, what it is called in English and
Norwegian, the example ``init`` writes and the JSON Schema file – is one row
here. Discovery, the loader, ``fmt``, ``schema``, the editor settings, the
format reference in docs/format.md and ``init`` all read this table, so
adding a kind is one row plus its model (tests/model/test_kinds.py shows it).

The folder decides the kind, so a record never has to say what it is. The
globs are the single truth for both the loader and editors: a YAML file
under the data folder that matches none of them is reported (ASK007), not
silently read as something.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any, cast

from . import examples
from .area import ProgrammeArea
from .base import Record
from .case_counts import CaseCount
from .cohort import Cohort
from .control import AuditFinding, ManagementReview, ServiceUnit
from .examples import Example
from .leader import Leader
from .plan import Plan
from .prioritisation import Scenario
from .programme import Programme
from .project import Project
from .quality import QualityCase
from .risk import Risk
from .survey import TenFactorSurvey

YAML_SUFFIXES = (".yaml", ".yml")



@dataclass(frozen=True)
class RecordKind:
    key: str
    """Machine name: CLI choices, schema file names, cache keys (e.g. ``quality-case``)."""
    model: type[Record]
    globs: tuple[str, ...]
    """Where its files live, below the data folder ('**' spans folders; '.yml' is accepted too)."""
    title: str
    """English name used in messages, e.g. 'quality case'."""
    title_nb: str
    """Norwegian name, e.g. 'kvalitetssak'."""
    single: bool = False
    """One record per data folder (the programme); otherwise a file holds one record or a list."""
    aliases: tuple[str, ...] = ()
    """Other names the CLI accepts (``askoy2020 new case``)."""
    example: Callable[[int], Example] | None = None
    """The record ``init`` writes for a new repository starting in a year."""
    note: str = ""
    """A line for the format reference, e.g. who writes these files."""
    title_nb_definite: str = ""
    """The Norwegian name in the definite form, e.g. 'kvalitetssaken', as
    messages say it ("ukjent nøkkel «x» i prosjektet"); '' repeats ``title_nb``."""
    _patterns: tuple[re.Pattern[str], ...] = field(default=(), init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        patterns = tuple(_glob_pattern(g[: -len(".yaml")] + suffix)
                         for g in self.globs for suffix in YAML_SUFFIXES)
        object.__setattr__(self, "_patterns", patterns)

    @property
    def definite_nb(self) -> str:
        return self.title_nb_definite or self.title_nb

    @property
    def schema_file(self) -> str:
        return f"{self.key}.schema.json"

    def matches(self, relative: str) -> bool:
        """Whether a path below the data folder ('/'-separated) holds this kind."""
        return any(p.fullmatch(relative) for p in self._patterns)


def _glob_pattern(glob: str) -> re.Pattern[str]:
    """'**/' spans any number of folders, '*' stays inside one name."""
    out = ""
    for token in re.split(r"(\*\*/|\*)", glob):
        out += "(?:[^/]+/)*" if token == "**/" else "[^/]*" if token == "*" else re.escape(token)
    return re.compile(out)


# Order matters only for reading: more specific globs first (an area file
# sits in its area's folder, next to projects/).
KINDS: list[RecordKind] = [
    RecordKind("programme", Programme, ("programme.yaml",), "programme", "program", single=True,
               example=examples.programme, title_nb_definite="programmet"),
    RecordKind("area", ProgrammeArea, ("programmes/*/area.yaml",), "programme area", "programområde",
               example=examples.area, title_nb_definite="programområdet"),
    RecordKind("project", Project, ("programmes/*/projects/**/*.yaml",), "project", "prosjekt",
               example=examples.project, title_nb_definite="prosjektet"),
    RecordKind("leader", Leader, ("leaders/**/*.yaml",), "leader", "leder", example=examples.leader,
               title_nb_definite="lederen"),
    RecordKind("cohort", Cohort, ("cohorts/**/*.yaml",), "cohort", "kull", example=examples.cohort,
               title_nb_definite="kullet", note="Tabell 1 per cohort (kull): levels 1–3 aggregated, level 4 computed."),
    RecordKind("survey", TenFactorSurvey, ("surveys/**/*.yaml",), "10-FAKTOR survey", "10-FAKTOR-undersøkelse",
               example=examples.survey, title_nb_definite="10-FAKTOR-undersøkelsen"),
    RecordKind("quality-case", QualityCase, ("quality/**/*.yaml",), "quality case", "kvalitetssak",
               aliases=("case",), example=examples.quality_case, title_nb_definite="kvalitetssaken"),
    RecordKind("case-count", CaseCount, ("quality-counts/**/*.yaml",), "case count", "saksantall",
               example=examples.case_counts, title_nb_definite="saksantallet",
               note="Written by `askoy2020 import cases` from the quality system's export; a file holds a list."),
    RecordKind("risk", Risk, ("risks/**/*.yaml",), "risk", "risiko", example=examples.risk,
               title_nb_definite="risikoen"),
    RecordKind("scenario", Scenario, ("scenarios/**/*.yaml",), "scenario", "scenario", example=examples.scenario,
               title_nb_definite="scenarioet"),
    RecordKind("unit", ServiceUnit, ("control/units/**/*.yaml",), "unit", "enhet", example=examples.unit,
               note="Internkontroll: a unit, its services and its routines under document control.",
               title_nb_definite="enheten"),
    RecordKind("management-review", ManagementReview, ("control/reviews/**/*.yaml",), "management review",
               "ledelsens gjennomgang", aliases=("review",), example=examples.management_review,
               title_nb_definite="ledelsens gjennomgang"),
    RecordKind("finding", AuditFinding, ("control/findings/**/*.yaml",), "audit finding", "funn",
               example=examples.finding, note="Findings from tilsyn, forvaltningsrevisjon and internal audits.",
               title_nb_definite="funnet"),
    RecordKind("plan", Plan, ("plans/**/*.yaml",), "plan", "plan",
               note="Written by `askoy2020 prioritise --output`.", title_nb_definite="planen"),
]


def kind_named(name: str) -> RecordKind:
    """The kind with this key or alias; KeyError when there is none."""
    for kind in KINDS:
        if name == kind.key or name in kind.aliases:
            return kind
    raise KeyError(name)


def kind_of(relative: str | PurePosixPath) -> RecordKind | None:
    """The kind a file below the data folder holds, or None when it is in no
    record folder."""
    found = _any_kind().fullmatch(_normal(relative))
    return KINDS[int(found.lastgroup[1:])] if found is not None and found.lastgroup else None


def _normal(relative: str | PurePosixPath) -> str:
    """``relative`` as PurePosixPath writes it; a plain name below the
    folder (as the loader gives it) is that already, and is taken as is."""
    if isinstance(relative, str) and relative not in ("", ".") and "//" not in relative \
            and not relative.startswith("./") and "/./" not in relative and not relative.endswith(("/", "/.")):
        return relative
    return PurePosixPath(relative).as_posix()


def _any_kind() -> re.Pattern[str]:
    """Every kind's globs in one pattern, in the table's order (the first
    alternative that matches wins, as the first kind did): one match per
    file instead of forty. Made again when the table changes."""
    table = tuple(map(id, KINDS))
    if _ANY_KIND[0] != table:
        _ANY_KIND[:] = [table, re.compile("|".join(f"(?P<k{i}>{'|'.join(p.pattern for p in kind._patterns)})"
                                                   for i, kind in enumerate(KINDS)))]
    return cast(re.Pattern[str], _ANY_KIND[1])


_ANY_KIND: list[Any] = [(), None]


def record_folders() -> Iterator[str]:
    """The globs of every kind, for messages that say where records belong."""
    for kind in KINDS:
        yield from kind.globs
