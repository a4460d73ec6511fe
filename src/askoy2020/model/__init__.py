"""Typed records of Askøy 2020. Every field is documented in docs/format.md.

Names are imported on first use (PEP 562), so a module of this package that
needs no Pydantic – :mod:`.methods`, which ``askoy2020 --help`` reads – can
be imported without loading the records.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.lazy import lazy_names

_LAZY = {
    "AreaGoal": "area", "ProgrammeArea": "area", "CaseCount": "case_counts",
    "Goal": "base", "Record": "base",
    "Cohort": "cohort",
    "TenFactorSurvey": "survey",
    "Evaluation": "leader", "Leader": "leader", "LeaderGoal": "leader", "TenFactor": "leader",
    "TenFactorResult": "leader",
    "Portfolio": "portfolio",
    "Criterion": "programme", "Programme": "programme",
    "Dependency": "project", "Project": "project", "ProjectStatus": "project",
    "CaseKind": "quality", "CaseStatus": "quality", "QualityCase": "quality",
    "Risk": "risk", "RiskMatrix": "risk", "Zone": "risk",
}

if TYPE_CHECKING:
    from .area import AreaGoal, ProgrammeArea
    from .base import Goal, Record
    from .case_counts import CaseCount
    from .cohort import Cohort
    from .leader import Evaluation, Leader, LeaderGoal, TenFactor, TenFactorResult
    from .portfolio import Portfolio
    from .programme import Criterion, Programme
    from .project import Dependency, Project, ProjectStatus
    from .quality import CaseKind, CaseStatus, QualityCase
    from .risk import Risk, RiskMatrix, Zone
    from .survey import TenFactorSurvey


__getattr__ = lazy_names(__name__, _LAZY)


__all__ = [
    "AreaGoal", "CaseCount", "CaseKind", "CaseStatus", "Cohort", "Criterion", "Dependency", "Evaluation", "Goal",
    "Leader", "LeaderGoal", "Portfolio", "Programme", "ProgrammeArea", "Project",
    "ProjectStatus", "QualityCase", "Record", "Risk", "RiskMatrix", "TenFactor", "TenFactorResult",
    "TenFactorSurvey", "Zone",
]
