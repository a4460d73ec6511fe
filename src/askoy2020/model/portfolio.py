"""Everything loaded from one data folder."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Protocol, TypeVar, cast

from ..core.diagnostics import Diagnostic, Location, Say
from .area import AreaGoal, ProgrammeArea
from .base import Goal, Record
from .budget import MoneyKind, RoundFrames
from .case_counts import CaseCount
from .cohort import Cohort
from .control import AuditFinding, ManagementReview, ServiceUnit
from .kinds import RecordKind, kind_of
from .leader import Leader, LeaderGoal
from .plan import Plan
from .prioritisation import Scenario
from .programme import Programme
from .project import Project
from .quality import QualityCase
from .risk import Risk, RiskMatrix
from .survey import TenFactorSurvey


class NoProgramme(ValueError):
    """The data folder has no valid programme.yaml (validate says ASK009 or why it failed)."""

    def __init__(self) -> None:
        super().__init__("there is no programme.yaml, so there are no frames or criteria to plan with")


@dataclass
class Portfolio:
    """The whole of Askøy 2020 as read from ``root``.

    Records are kept by kind key (:mod:`.kinds`), in the order their files
    were read; the typed properties below are views of that store, so a new
    kind needs no new field here.

    Records that failed schema validation are not here (their problems are
    in ``load_diagnostics``), but their ids are kept in ``unvalidated_ids`` so
    that references to them are not reported a second time as unknown.
    """

    root: Path
    records: dict[str, list[Record]] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    load_diagnostics: list[Diagnostic] = field(default_factory=list)
    unvalidated_ids: set[str] = field(default_factory=set)
    # Identity numbers in a file's text as written, comments too (found while
    # the file is read, so the search runs on every core and is cached with
    # the file): where, and what in masked form ('a fødselsnummer (•••)').
    written_identity_numbers: list[tuple[Location, Say]] = field(default_factory=list)
    # Identity numbers only the decoded values show (a YAML escape, a number
    # folded over two lines): where, and what in masked form.
    hidden_identity_numbers: list[tuple[Location, Say]] = field(default_factory=list)
    # The names of files whose text was searched for identity numbers,
    # records or not (a file git keeps is a leak whatever it holds).
    scanned: set[str] = field(default_factory=set)

    def kind_of_file(self, name: str) -> RecordKind | None:
        """The kind a file holds, named as diagnostics name it (relative to
        the working folder, or absolute); None outside the record folders."""
        try:
            relative = Path(os.path.abspath(name)).relative_to(os.path.abspath(self.root))
        except ValueError:
            return None
        return kind_of(relative.as_posix())

    def of(self, kind: str) -> list[Record]:
        """The records of one kind (its key in the kinds table)."""
        return self.records.setdefault(kind, [])

    @property
    def programme(self) -> Programme | None:
        found = self.records.get("programme")
        return cast(Programme, found[0]) if found else None

    def require_programme(self) -> Programme:
        """The programme, for work that cannot start without its frames and
        criteria; raises :class:`NoProgramme` when there is none."""
        if self.programme is None:
            raise NoProgramme()
        return self.programme

    @property
    def areas(self) -> list[ProgrammeArea]:
        return cast(list[ProgrammeArea], self.of("area"))

    @property
    def projects(self) -> list[Project]:
        return cast(list[Project], self.of("project"))

    @property
    def leaders(self) -> list[Leader]:
        return cast(list[Leader], self.of("leader"))

    @property
    def cohorts(self) -> list[Cohort]:
        return cast(list[Cohort], self.of("cohort"))

    @property
    def surveys(self) -> list[TenFactorSurvey]:
        return cast(list[TenFactorSurvey], self.of("survey"))

    def cohort_of(self, leader: Leader) -> Cohort | None:
        """The cohort record a leader belongs to (by its start year)."""
        return next((c for c in self.cohorts if c.start == leader.cohort), None)

    def leaders_in(self, cohort: Cohort) -> list[Leader]:
        """The leader records of a cohort."""
        return [x for x in self.leaders if x.cohort == cohort.start]

    @property
    def cases(self) -> list[QualityCase]:
        return cast(list[QualityCase], self.of("quality-case"))

    @property
    def case_counts(self) -> list[CaseCount]:
        """Cases counted in the quality system (volumes, no case text)."""
        return cast(list[CaseCount], self.of("case-count"))

    @property
    def risks(self) -> list[Risk]:
        return cast(list[Risk], self.of("risk"))

    @property
    def risk_matrix(self) -> RiskMatrix:
        """The programme's risk matrix, or the default one without a programme."""
        return self.programme.risk_matrix if self.programme else RiskMatrix()

    @property
    def scenarios(self) -> list[Scenario]:
        return cast(list[Scenario], self.of("scenario"))

    @property
    def plans(self) -> list[Plan]:
        return cast(list[Plan], self.of("plan"))

    @property
    def units(self) -> list[ServiceUnit]:
        return cast(list[ServiceUnit], self.of("unit"))

    @property
    def management_reviews(self) -> list[ManagementReview]:
        return cast(list[ManagementReview], self.of("management-review"))

    @property
    def findings(self) -> list[AuditFinding]:
        return cast(list[AuditFinding], self.of("finding"))

    @cached_property
    def unit_by_id(self) -> dict[str, ServiceUnit]:
        return _first_by_id(self.units)

    @property
    def measuring_year(self) -> int:
        return self.programme.measuring_year if self.programme else 2020

    @cached_property
    def area_by_id(self) -> dict[str, ProgrammeArea]:
        return _first_by_id(self.areas)

    @cached_property
    def project_by_id(self) -> dict[str, Project]:
        return _first_by_id(self.projects)

    @cached_property
    def leader_by_id(self) -> dict[str, Leader]:
        return _first_by_id(self.leaders)

    @cached_property
    def area_goal_by_id(self) -> dict[str, AreaGoal]:
        return _first_by_id(g for a in self.areas for g in a.goals)

    @cached_property
    def leader_goal_by_id(self) -> dict[str, LeaderGoal]:
        return _first_by_id(g for leader in self.leaders for g in leader.goals)

    @cached_property
    def goal_by_id(self) -> dict[str, Goal]:
        goals: dict[str, Goal] = dict(self.leader_goal_by_id)
        goals.update(self.area_goal_by_id)
        return goals

    def frame(
        self, kind: MoneyKind, year: int, as_of: dt.date, area: str | None = None, *, revised: bool = True
    ) -> float | None:
        """The frame for ``year`` (the programme's, or ``area``'s) in the
        round that speaks for that year on ``as_of``: as revised on that
        day, or as adopted. None when no round gives one."""
        source = self.frame_source(year, as_of, area)
        if source is None:
            return None
        return source.frame(kind, year, as_of) if revised else source.adopted_frame(kind, year)

    def frame_source(self, year: int, as_of: dt.date, area: str | None = None) -> RoundFrames | None:
        """The round (the programme's, or ``area``'s part of it) that gives
        the frames for ``year`` on ``as_of``."""
        if self.programme is None:
            return None
        speaking = self.programme.round_for_year(year, as_of)
        if speaking is None or area is None:
            return speaking
        found = self.area_by_id.get(area)
        return found.round(speaking.year) if found else None

    def projects_in(self, area_id: str) -> list[Project]:
        return self._projects_by_area.get(area_id, [])

    @cached_property
    def _projects_by_area(self) -> dict[str, list[Project]]:
        grouped: dict[str, list[Project]] = {}
        for project in self.projects:
            grouped.setdefault(project.area, []).append(project)
        return grouped


class _HasId(Protocol):
    id: str


R = TypeVar("R", bound=_HasId)


def _first_by_id(records: Iterable[R]) -> dict[str, R]:
    index: dict[str, R] = {}
    for record in records:
        index.setdefault(record.id, record)
    return index
