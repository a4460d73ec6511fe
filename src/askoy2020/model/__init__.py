"""Typed records of Askøy 2020. Every field is documented in docs/format.md."""

from .area import AreaGoal, ProgrammeArea
from .base import Goal, Record
from .leader import Evaluation, Leader, LeaderGoal, TenFactor, TenFactorResult
from .portfolio import Portfolio
from .programme import Criterion, Programme
from .project import Dependency, Project, ProjectStatus
from .quality import CaseKind, CaseStatus, QualityCase

__all__ = [
    "AreaGoal", "CaseKind", "CaseStatus", "Criterion", "Dependency", "Evaluation", "Goal",
    "Leader", "LeaderGoal", "Portfolio", "Programme", "ProgrammeArea", "Project",
    "ProjectStatus", "QualityCase", "Record", "TenFactor", "TenFactorResult",
]
