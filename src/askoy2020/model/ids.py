"""What an id names, for the editor: each kind of id with an example of its
own.

Every one is :data:`~.base.Id` – the same pattern, the same checks – and
differs only in the example the JSON Schemas carry, which the editor shows
in its help and puts into a new record's skeleton. One example for every id
("DK-03") made the project skeleton say ``area: DK-03``. Each example here
is an id of its kind in the sample data (tests/test_schema_help.py).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from .base import GoalId as GoalId  # beside Goal, which base.py holds
from .base import Id

ProgrammeId = Annotated[Id, Field(examples=["ASKOY2020"])]
AreaId = Annotated[Id, Field(examples=["DK"])]
ProjectId = Annotated[Id, Field(examples=["DK-05"])]
CriterionId = Annotated[Id, Field(examples=["strategic_fit"])]
LeaderId = Annotated[Id, Field(examples=["L-001"])]
LeaderGoalId = Annotated[Id, Field(examples=["L-001-M1"])]
CohortId = Annotated[Id, Field(examples=["K-2018"])]
SurveyId = Annotated[Id, Field(examples=["10F-2018"])]
CaseId = Annotated[Id, Field(examples=["Q-2020-001"])]
RiskId = Annotated[Id, Field(examples=["R-AI-01"])]
ScenarioId = Annotated[Id, Field(examples=["ekstra-2021"])]
UnitId = Annotated[Id, Field(examples=["E-ASK"])]
RoutineId = Annotated[Id, Field(examples=["E-ASK-R01"])]
FindingId = Annotated[Id, Field(examples=["F-2018-01"])]
PlanId = Annotated[Id, Field(examples=["budsjett-2021"])]
FrameScope = Annotated[Id, Field(examples=["programme", "DK"])]
"""``programme``, or an area id: whose frame."""
FrameResource = Annotated[Id, Field(examples=["budget"])]
"""``budget`` (drift), ``investment`` or ``staff``."""
