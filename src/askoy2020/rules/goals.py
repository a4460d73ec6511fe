"""Goals and results: something to measure at 2020, nothing from the future."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ..core.diagnostics import Severity
from ..model import Portfolio
from ..model.base import Record
from .registry import CheckContext, Finding, rule


@rule("ASK501", "area-goal-missing", Severity.ERROR)
def area_goal_missing(ctx: CheckContext) -> Iterator[Finding]:
    """A programme area needs at least one goal with a baseline and a target
    for the measuring year (2020).

    FAIL:
        goals:
          - id: DK-M1
            text: Flere digitale tjenester
            indicator: Andel digitale søknader
            targets: {2025: 90}
    PASS:
        goals:
          - id: DK-M1
            …
            baseline: {year: 2016, value: 40}
            targets: {2020: 70}
    """
    year = ctx.portfolio.measuring_year
    for area in ctx.portfolio.areas:
        if not any(g.baseline is not None and year in g.targets for g in area.goals):
            yield Finding(
                area.where("goals") if area.goals else area.where(),
                f"area {area.id} has no goal with both a baseline and a target for {year}",
                f"Give at least one goal 'baseline: {{year: …, value: …}}' and 'targets: {{{year}: …}}'.",
            )


@rule("ASK502", "leader-goal-missing", Severity.ERROR)
def leader_goal_missing(ctx: CheckContext) -> Iterator[Finding]:
    """A leader needs at least one goal with an indicator and a target for
    the measuring year (2020).

    FAIL:
        goals: []
    PASS:
        goals:
          - id: L-001-M1
            text: Redusere sykefravær
            indicator: Sykefravær i prosent
            targets: {2020: 6.5}
    """
    year = ctx.portfolio.measuring_year
    for leader in ctx.portfolio.leaders:
        if not any(g.indicator and year in g.targets for g in leader.goals):
            yield Finding(
                leader.where("goals") if leader.goals else leader.where(),
                f"leader {leader.id} has no goal with a target for {year}",
                f"Add a goal with 'indicator:' and 'targets: {{{year}: …}}'.",
            )


def _dated(p: Portfolio) -> Iterator[tuple[Record, tuple[object, ...], date, str]]:
    """Every date that records something that has happened."""
    for area in p.areas:
        for goal in area.goals:
            for i, m in enumerate(goal.measurements):
                yield goal, ("measurements", i, "date"), m.date, f"measurement of {goal.id}"
    for project in p.projects:
        for key in ("start", "end"):
            day = getattr(project.actual, key)
            if day is not None:
                yield project, ("actual", key), day, f"actual {key} of {project.id}"
        for i, r in enumerate(project.status_reports):
            yield project, ("status_reports", i, "date"), r.date, f"status report of {project.id}"
    for leader in p.leaders:
        for lgoal in leader.goals:
            for i, m in enumerate(lgoal.measurements):
                yield lgoal, ("measurements", i, "date"), m.date, f"measurement of {lgoal.id}"
    for case in p.cases:
        for key in ("occurred", "reported", "closed"):
            day = getattr(case, key)
            if day is not None:
                yield case, (key,), day, f"'{key}' of {case.id}"
        for i, action in enumerate(case.actions):
            if action.done is not None:
                yield case, ("actions", i, "done"), action.done, f"done date of an action in {case.id}"


def _dated_years(p: Portfolio) -> Iterator[tuple[Record, tuple[object, ...], int, str]]:
    for leader in p.leaders:
        for i, e in enumerate(leader.evaluations):
            yield leader, ("evaluations", i, "year"), e.year, f"level {e.level} evaluation of {leader.id}"
        for i, t in enumerate(leader.ten_factor):
            yield leader, ("ten_factor", i, "year"), t.year, f"10-FAKTOR result of {leader.id}"


@rule("ASK503", "dated-in-future", Severity.ERROR)
def dated_in_future(ctx: CheckContext) -> Iterator[Finding]:
    """Something that has happened is dated after today (or ``--as-of``):
    measurements, actual dates, status reports, evaluations, 10-FAKTOR
    results, quality-case dates.

    FAIL (validated on 2019-06-01):
        measurements: [{date: 2019-12-31, value: 52}]
    PASS:
        measurements: [{date: 2018-12-31, value: 52}]
    """
    as_of = ctx.as_of
    for record, path, day, what in _dated(ctx.portfolio):
        if day > as_of:
            yield Finding(
                record.where(*path), f"the {what} is dated {day}, after {as_of}",
                "Correct the date; results can only be recorded once they exist (or use --as-of).",
            )
    for record, path, year, what in _dated_years(ctx.portfolio):
        if year > as_of.year:
            yield Finding(
                record.where(*path), f"the {what} is for {year}, after {as_of.year}",
                "Correct the year; results can only be recorded once they exist (or use --as-of).",
            )
