"""Typed figures of Kvalitet's volumes (counts from the quality system),
service design projects and improvement that works (part of
:class:`~.people_model.QualitySection`).

Counts give volumes; case records are the programme's own follow-up. The
two are shown apart and never added together. Rows that only the internal
report may hold say so; in a public report those lists are empty.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class KindYears:
    kind: str  # a CountedKind value (word key)
    by_year: dict[int, int | None]  # None: that year's counts cover fewer than k units or cases (public)


@dataclass(frozen=True)
class MonthRow:
    month: int  # 1 to 12, of the report year
    deviations: int  # in the service (pasient- og brukeravvik)
    hms: int  # HMS deviations
    others: int  # complaints, incidents, breaches, proposals
    total: int


@dataclass(frozen=True)
class AreaVolume:
    """The report year's counts in one programme area, or in the areas
    pooled because each alone has too few units or cases."""

    areas: tuple[str, ...]  # area ids ("" for units in none); more than one: pooled; none: too few to say
    name: str | None
    deviations: int | None  # None: the row is too small to show (public)
    hms: int | None
    total: int | None
    units: int | None


@dataclass(frozen=True)
class UnitVolume:
    """Internal report only: a unit's counts in the report year."""

    unit: str
    deviations: int
    hms: int
    complaints: int
    total: int


@dataclass(frozen=True)
class SeverityCount:
    key: str  # "1" … "5", or "none": not assessed (ikke vurdert)
    deviations: int
    hms: int


@dataclass
class CaseVolumes:
    sources: list[str]  # the quality systems counted, e.g. Compilo
    year: int
    last_month: str | None  # the last month counted in the report year (YYYY-MM), up to the report's day
    years: list[int]  # years with counts, up to the report year
    part_year: int | None  # the year in ``years`` that is not over on the report's day
    by_kind: list[KindYears]  # every counted kind, in the model's order
    by_month: list[MonthRow]  # months of the report year up to the report's day
    by_severity: list[SeverityCount]  # report year, deviations and HMS apart
    by_area: list[AreaVolume]
    by_unit: list[UnitVolume]  # empty in a public report
    total: int  # the report year, every kind
    deviations: int  # the report year, deviations in the service
    hms: int  # the report year, HMS deviations
    complaints: int  # the report year
    withheld: bool = False
    """Public, and the report year's counts cover fewer than k units or k
    cases: no figure of the year (the lists above are empty, the totals 0)."""


@dataclass(frozen=True)
class DesignProject:
    id: str
    name: str
    area: str
    users: int  # users who took part, every year


@dataclass
class ServiceDesign:
    """Projects run with service design (Project.approach), and their users."""

    projects: list[DesignProject]
    with_users: int  # of them, with users recorded as taking part
    users: int  # users who took part, over all of them


@dataclass(frozen=True)
class ImprovementEffect:
    """Case records closed in the report year that were to correct or improve
    something (every kind but complaints)."""

    closed: int
    effect_measured: int  # a check (C) done with its effect recorded, by the report's day
    pdca_completed: int  # an action carried out in each of plan, do, check and act
