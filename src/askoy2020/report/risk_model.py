"""Typed figures of the risk (ROS) subsection of Kvalitet 2020."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class RiskCell:
    probability: int
    consequence: int
    zone: str  # acceptable, consider or not_acceptable (word keys zone_*)
    count: int


@dataclass(frozen=True)
class RiskRow:
    probability: int
    label: str  # the matrix's label of the probability level
    cells: list[RiskCell]  # consequence from the lowest to the highest


@dataclass(frozen=True)
class RiskGrid:
    """A matrix of counts: probability rows from high to low, consequence
    columns from low to high, each cell coloured by its zone."""

    rows: list[RiskRow]
    placed: int  # the count over all cells

    def zone_count(self, zone: str) -> int:
        return sum(c.count for row in self.rows for c in row.cells if c.zone == zone)


@dataclass(frozen=True)
class ZoneCount:
    key: str  # zone: acceptable, consider, not_acceptable
    before: int
    after: int


@dataclass(frozen=True)
class MeasureRow:
    text: str
    owner: str
    deadline: dt.date | None
    done: dt.date | None


@dataclass(frozen=True)
class RedRisk:
    """A risk in the red zone before measures; internal report only."""

    id: str
    title: str
    about: str  # unit, area and project it is about, as written
    owner: str
    score: int
    residual_score: int | None  # None: no residual assessed
    remaining_zone: str  # the residual's zone, or the risk's own without a residual
    measures: list[MeasureRow]
    accepted_by: str | None
    accepted_on: dt.date | None


@dataclass
class RiskSection:
    probability_labels: list[str]  # lowest first
    consequence_labels: list[str]  # lowest first
    acceptable_up_to: int
    not_acceptable_from: int
    risks: int  # in the register, assessed by the report's day
    before: RiskGrid
    after: RiskGrid  # residual, or as assessed without one
    by_zone: list[ZoneCount]
    off_scale: int  # risks with a level outside the matrix: in no cell
    red: list[RedRisk]  # empty in a public report
    red_count: int
    red_without_measures: int
    red_measures_open: int  # red risks with a measure not carried out by the report's day
    red_measures_done: int  # measures on the red risks carried out by then
    red_measures: int  # measures on the red risks in all
    awaiting_acceptance: int
    reviews_overdue: int
    deviations: RiskGrid | None  # None: withheld in a public report
    deviations_total: int  # the year's deviations to the report's day
    deviations_not_assessed: int  # no severity or no probability: in no cell, never as level 1
    deviations_off_scale: int
