"""Typed figures of the Prestasjonsledelse section: Tabell 1 per cohort and
for the programme, the five leader aims, 10-FAKTOR with response rates and
follow-up, and the leaders' goals (part of the report model).

Lists only the internal report holds say so; in a public report they are
empty, and every figure left is over a group :mod:`.audience` allows
(docs/audience.md). A row's ``leaders`` or ``units`` is the size of the
group its figures are over (the privacy tests read them).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Evidence:
    """One result in a cell of Tabell 1 or of the leader aims."""

    what: str  # a word key (is_key) or text from the data (a session's name, an indicator)
    is_key: bool
    mean: float
    scale_max: float | None  # None: a KPI in its own unit
    respondents: int | None  # None: a KPI (figures from operations, no respondents)
    measure: str = ""  # a KPI's unit of measure, e.g. '%' (not an organisational unit)


@dataclass(frozen=True)
class ChangeCell:
    """Level 3 or 4 over the period: before → after."""

    what: str
    is_key: bool
    before_year: int
    before: float
    after_year: int
    after: float
    scale_max: float | None
    measure: str  # a KPI's unit of measure, e.g. '%'
    better: bool | None  # moved the wanted way; None: no wanted way
    respondents: int | None  # after; None for KPIs
    cohorts: str = ""  # whose change it is ("K-2018"), in a table of several cohorts; "": the table's own


@dataclass(frozen=True)
class LevelRow:
    level: int
    by_year: dict[int, list[Evidence]]
    changes: list[ChangeCell]  # level 3 and 4: before → after over the period
    without_before: list[str] = field(default_factory=list)  # level 3: cohorts with no before measurement
    # (their ids; [""] in a table of one cohort): no change to show
    goals_improved: int | None = None  # level 4: area goals moved the wanted way …
    goals_measured: int | None = None  # … of the area goals with a measurement
    # Level 3: pools of cohorts (their ids; "" for the table's own) not all measured before and after at the
    # same times, so no change is told for them.
    not_comparable: list[str] = field(default_factory=list)

    @property
    def measured_years(self) -> set[int]:
        return {y for y, cell in self.by_year.items() if cell}


@dataclass(frozen=True)
class AimRow:
    """One of the seed's five leader aims (competence areas), year by year."""

    key: str  # the competence area (word key)
    by_year: dict[int, Evidence | None]


@dataclass(frozen=True)
class Table1:
    """Tabell 1 for one cohort, a pool of cohorts or the whole programme."""

    ids: tuple[str, ...]  # cohort ids; more than one: pooled (or the programme)
    start: int | None  # the cohort's start year (one cohort)
    leaders: int  # leaders taking part (the cohorts' counts)
    years: list[int]
    levels: list[LevelRow]
    aims: list[AimRow]
    sessions: int  # sessions held up to the report year


@dataclass(frozen=True)
class FactorCount:
    factor: str  # word key of the 10-FAKTOR factor
    units: int | None  # units that chose it; None: fewer than the threshold (public)


@dataclass(frozen=True)
class SurveyYear:
    """10-FAKTOR in one survey year over the programme's units."""

    year: int
    units_with_result: int  # units with a result that year
    units: int | None  # of them with at least the threshold of respondents: the figure is over these
    invited: int | None  # over the units that give it
    respondents: int | None
    response_rate: float | None
    mastery: float | None  # mestringsorientert ledelse, weighted by respondents
    municipality: float | None  # the municipality's figure (survey record)
    municipality_rate: float | None
    national: float | None
    follow_up_units: int | None  # units that chose factors to work on
    follow_up: list[FactorCount]  # public: only factors chosen by at least the threshold of units
    actions: int | None
    actions_done: int | None
    # Public: the factors chosen by fewer units than the threshold, pooled so that no count under it can be
    # recovered from the others (their sum is at least the threshold); empty in the internal report.
    other_factors: tuple[str, ...] = ()
    other_count: int | None = None


@dataclass(frozen=True)
class UnitFollowUp:
    """Internal report only: one unit's 10-FAKTOR and what it chose."""

    unit: str
    year: int
    respondents: int
    invited: int | None
    mastery: float | None  # None: fewer respondents than the threshold
    factors: list[str]
    actions: int
    actions_done: int


@dataclass(frozen=True)
class MasteryCell:
    units: int | None  # units with enough respondents in the group; None when hidden
    mean: float | None  # weighted by respondents; None: fewer units than the threshold
    respondents: int | None = None


@dataclass(frozen=True)
class MasteryGroup:
    """Mestringsorientert ledelse over a group of units: one programme
    area, or the areas pooled because each alone has too few units."""

    areas: tuple[str, ...]
    name: str | None
    by_year: dict[int, MasteryCell]


@dataclass(frozen=True)
class MasteryRow:
    unit: str  # internal report only
    by_year: dict[int, float | None]  # None: too few respondents


@dataclass(frozen=True)
class LeaderGoalRow:
    leader: str  # role and unit; never a name; internal report only
    goal: str
    attainment: float | None
    on_track: bool | None


@dataclass(frozen=True)
class CohortTrend:
    """Page 1: where one cohort (or a pool of cohorts, or the whole
    programme) of Tabell 1 stands on levels 3 and 4, read off its table."""

    cohorts: str  # "K-2018"; several ids for a pool or the programme
    behaviour: str  # level 3: better, worse, mixed, no_before or none (no before → after yet)
    results: str  # level 4: better, worse, mixed or none


@dataclass(frozen=True)
class LeadershipHeadline:
    """Prestasjonsledelse on page 1, safe for the public report: read off
    the Tabell 1 tables the section shows, and programme-wide counts."""

    light: str | None  # green, amber or red (word keys); None: too few leaders to say
    cohorts: list[CohortTrend]  # each table of Tabell 1 shown: the cohorts, or the programme when none is
    goals_on_track: int | None  # the leaders' unit goals, one indicator of level 4; None: too few leaders
    goals_with_data: int | None
    goals_total: int | None
    levels_measured: int  # of the four levels, those with evidence up to the report year
    levels_measured_in_year: int  # … in the report year itself


@dataclass
class LeadershipSection:
    programme: Table1 | None  # the cohorts together; None: no cohort (or too few leaders, public)
    cohorts: list[Table1]  # each cohort, and a pool of the small ones (public)
    cohorts_left_out: int  # public: cohorts with too few leaders and nothing to pool them with
    leader_goals: list[LeaderGoalRow]  # empty in a public report
    goals_on_track: int | None  # None: fewer leaders than the threshold
    goals_with_data: int | None
    goals_total: int | None
    survey_years: list[int]
    surveys: list[SurveyYear]
    mastery_groups: list[MasteryGroup]  # programme areas, and the pool of small ones
    mastery_total: dict[int, MasteryCell]  # the whole programme
    mastery: list[MasteryRow]  # per unit; empty in a public report
    follow_up: list[UnitFollowUp]  # per unit; empty in a public report
    withheld: bool  # public, and the programme has fewer units than the threshold: no figures at all
    headline: LeadershipHeadline
    appraisal_records: int = 0  # leader records still holding per-leader appraisal data (ASK710)
    national_given: bool = False
