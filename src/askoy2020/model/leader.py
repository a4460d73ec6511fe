"""Leaders in Prestasjonsledelse 2020: ``data/leaders/*.yaml``.

A leader record describes a *position* (role, unit), not a person: it holds
no name (ASK718).
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated

from pydantic import BeforeValidator, Field

from .base import ByYear, Count, Goal, Note, Number, Record, Role, Score, Text, Year, not_a_bool
from .ids import AreaId, GoalId, LeaderGoalId, LeaderId, ProjectId
from .quality import Action

People = Annotated[int, Field(ge=0), BeforeValidator(not_a_bool)]
"""A number of people (invited, answering)."""


class CompetenceArea(str, Enum):
    """The five competence areas of Prestasjonsledelse 2020 (the seed's list)."""

    GOALS_AND_RESULTS = "goals_and_results"  # fastsetter mål og følger opp resultater
    PROJECTS_AND_ACTIONS = "projects_and_actions"  # gjennomfører prosjekter og aksjoner
    IMPROVEMENT_WORK = "improvement_work"  # tilrettelegger for forbedringsarbeid
    COMMUNICATION = "communication_and_relations"  # kommunikasjon og relasjoner
    METHODS_AND_ROUTINES = "methods_and_routines"  # følger metoder, prosedyrer og rutiner


class TenFactor(str, Enum):
    """The ten factors of KS 10-FAKTOR, in the survey's order."""

    TASK_MOTIVATION = "task_motivation"  # 1 Oppgavemotivasjon
    MASTERY_BELIEF = "mastery_belief"  # 2 Mestringstro
    AUTONOMY = "autonomy"  # 3 Opplevd selvstendighet
    USE_OF_COMPETENCE = "use_of_competence"  # 4 Bruk av kompetanse
    MASTERY_ORIENTED_LEADERSHIP = "mastery_oriented_leadership"  # 5 Mestringsorientert ledelse
    ROLE_CLARITY = "role_clarity"  # 6 Rolleklarhet
    COMPETENCE_DEVELOPMENT = "competence_development"  # 7 Relevant kompetanseutvikling
    FLEXIBILITY = "flexibility"  # 8 Fleksibilitetsvilje
    MASTERY_CLIMATE = "mastery_climate"  # 9 Mestringsklima
    PROSOCIAL_MOTIVATION = "prosocial_motivation"  # 10 Nyttemotivasjon


class Instrument(str, Enum):
    """Typical evidence per evaluation level (Kirkpatrick)."""

    QUESTIONNAIRE = "questionnaire"  # level 1
    TEST = "test"  # level 2
    SELF_ASSESSMENT = "self_assessment"  # level 2
    OBSERVATION = "observation"  # level 3
    FEEDBACK_360 = "feedback_360"  # level 3
    EMPLOYEE_SURVEY = "employee_survey"  # level 3: the staff's survey, e.g. 10-FAKTOR, before and after
    KPI = "kpi"  # level 4

    @property
    def answers_from_others(self) -> bool:
        """People answer about someone else (participants about the programme,
        staff and colleagues about the leader): the respondent threshold
        protects them. A test, a self-assessment and a KPI have no such
        respondents to protect – the leader's own result or figures from
        operations – so the threshold does not apply to them."""
        return self in (Instrument.QUESTIONNAIRE, Instrument.OBSERVATION, Instrument.FEEDBACK_360,
                        Instrument.EMPLOYEE_SURVEY)


class LeaderGoal(Goal):
    """A leader's own goal, linked to projects and area goals."""

    id: LeaderGoalId
    """Unique id, e.g. L-001-M1."""
    projects: list[ProjectId] = Field(default_factory=list)
    """Projects that support the goal."""
    area_goals: list[GoalId] = Field(default_factory=list)
    """Area goals the goal contributes to."""


class Evaluation(Record):
    """One measurement on the four-level evaluation model, about one leader.

    Superseded: evaluations are kept per cohort (``cohorts/``), where one
    course survey counts once. Still read, so that ``askoy2020 migrate
    leaders`` can aggregate old records and ASK710 can point at them."""

    level: Count = Field(ge=1, le=4)
    """1 Opplevelse, 2 Læring, 3 Atferd, 4 Driftsresultat."""
    year: Year
    """The year the evidence is from."""
    instrument: Instrument
    """How it was measured."""
    value: Number
    """The result on the instrument's scale."""
    scale_max: Number = Field(default=5, gt=0)
    """Top of the instrument's scale (5 for a 1–5 questionnaire, 100 for a percentage)."""
    respondents: Count = Field(default=1, ge=0)
    """How many answered."""
    comment: Note | None = None
    """Anything a reader of the evaluation should know."""


class TenFactorFollowUp(Record):
    """What the unit chose to work on after the survey (KS: pick a few factors)."""

    factors: list[TenFactor] = Field(min_length=1)
    """The factors the unit works on, e.g. two."""
    actions: list[Action] = Field(default_factory=list)
    """The tiltak, each with an owner (a role) and a deadline."""


class TenFactorResult(Record):
    """The unit's KS 10-FAKTOR result for one survey year."""

    year: Year
    """The survey year."""
    invited: People | None = None
    """How many employees were invited; with ``respondents`` it gives the response rate."""
    respondents: Count = Field(ge=0)
    """How many answered. From fewer than the programme's ``min_respondents``
    (3 by default) the result keeps only ``invited`` and ``respondents``, no
    scores (ASK717)."""
    scores: dict[TenFactor, Score] = Field(default_factory=dict)
    """Mean score per factor, 1–5; left out when too few answered (ASK717)."""
    follow_up: TenFactorFollowUp | None = None
    """The factors the unit chose to work on and its actions."""

    @property
    def response_rate(self) -> float | None:
        """Respondents as a share of those invited; None when not known."""
        return self.respondents / self.invited if self.invited else None


class Leader(Record):
    """A leader position taking part in Prestasjonsledelse 2020."""

    id: LeaderId
    """Unique id, e.g. L-014."""
    role: Role
    """Role title, e.g. Rektor."""
    name: Note | None = None
    """Leave it out: a leader record describes a position, and a name next to
    the unit's goals and 10-FAKTOR makes it a personnel file in git (ASK718).
    Read only so that the warning can point at it and ``askoy2020 migrate
    leaders`` can remove it."""
    unit: Text
    """The unit led, e.g. Kleppestø skole."""
    area: AreaId
    """The programme area the unit belongs to."""
    cohort: Year
    """The year the leader started the programme: the cohort (kull) whose
    record in ``cohorts/`` has this ``start``."""
    competences: dict[CompetenceArea, ByYear[Score]] = Field(default_factory=dict)
    """Not to be kept: one leader's self-assessment is HR appraisal data
    (ASK710). Read only so that ``askoy2020 migrate leaders`` can aggregate
    it into the cohort and remove it."""
    goals: list[LeaderGoal] = Field(default_factory=list)
    """At least one goal with an indicator and a target for the measuring year."""
    evaluations: list[Evaluation] = Field(default_factory=list)
    """Not to be kept: evaluations belong to the cohort (ASK710). Read only
    so that ``askoy2020 migrate leaders`` can aggregate them and remove them."""
    ten_factor: list[TenFactorResult] = Field(default_factory=list)
    """KS 10-FAKTOR results of the unit per survey year."""

    @property
    def appraisal_fields(self) -> list[str]:
        """The per-leader appraisal fields this record still holds."""
        return [name for name in ("competences", "evaluations") if getattr(self, name)]
