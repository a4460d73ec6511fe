"""Goals and results: something to measure at 2020, nothing from the future."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ..core import bokmal as nb
from ..core.diagnostics import Say, Severity
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
                Say(f"area {area.id} has no goal with both a baseline and a target for {year}",
                    f"programområde {area.id} har ikke noe mål med både utgangspunkt og målverdi for {year}"),
                Say(f"Give at least one goal 'baseline: {{year: …, value: …}}' and 'targets: {{{year}: …}}'.",
                    f"Gi minst ett mål «baseline: {{year: …, value: …}}» og «targets: {{{year}: …}}»."),
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
                Say(f"leader {leader.id} has no goal with a target for {year}",
                    f"leder {leader.id} har ikke noe mål med målverdi for {year}"),
                Say(f"Add a goal with 'indicator:' and 'targets: {{{year}: …}}'.",
                    f"Legg til et mål med «indicator:» og «targets: {{{year}: …}}»."),
            )


_ACTUAL_NB = {"start": "faktisk start", "end": "faktisk slutt"}


def _dated(p: Portfolio) -> Iterator[tuple[Record, tuple[object, ...], date, Say]]:
    """Every date that records something that has happened."""
    for area in p.areas:
        for goal in area.goals:
            for i, m in enumerate(goal.measurements):
                yield goal, ("measurements", i, "date"), m.date, \
                    Say(f"measurement of {goal.id}", f"målingen av {goal.id}")
    for project in p.projects:
        for key in ("start", "end"):
            day = getattr(project.actual, key)
            if day is not None:
                yield project, ("actual", key), day, \
                    Say(f"actual {key} of {project.id}", f"{_ACTUAL_NB[key]} for {project.id}")
        for i, r in enumerate(project.status_reports):
            yield project, ("status_reports", i, "date"), r.date, \
                Say(f"status report of {project.id}", f"statusrapporten for {project.id}")
    for leader in p.leaders:
        for lgoal in leader.goals:
            for i, m in enumerate(lgoal.measurements):
                yield lgoal, ("measurements", i, "date"), m.date, \
                    Say(f"measurement of {lgoal.id}", f"målingen av {lgoal.id}")
    for case in p.cases:
        for key in ("occurred", "reported", "closed"):
            day = getattr(case, key)
            if day is not None:
                yield case, (key,), day, Say(f"'{key}' of {case.id}", f"«{key}» for {case.id}")
        for i, action in enumerate(case.actions):
            if action.done is not None:
                yield case, ("actions", i, "done"), action.done, \
                    Say(f"done date of an action in {case.id}", f"utført-datoen for et tiltak i {case.id}")


def _dated_years(p: Portfolio) -> Iterator[tuple[Record, tuple[object, ...], int, Say]]:
    for leader in p.leaders:
        for i, e in enumerate(leader.evaluations):
            yield leader, ("evaluations", i, "year"), e.year, \
                Say(f"level {e.level} evaluation of {leader.id}", f"evalueringen på nivå {e.level} for {leader.id}")
        for i, t in enumerate(leader.ten_factor):
            yield leader, ("ten_factor", i, "year"), t.year, \
                Say(f"10-FAKTOR result of {leader.id}", f"10-FAKTOR-resultatet for {leader.id}")
    for cohort in p.cohorts:
        results: list[tuple[tuple[object, ...], int]] = [
            (("reaction", i, "year"), x.year) for i, x in enumerate(cohort.reaction)]
        results += [(("learning", i, "year"), x.year) for i, x in enumerate(cohort.learning)]
        for i, b in enumerate(cohort.behaviour):
            results += [(("behaviour", i, side, "year"), r.year)
                        for side in ("before", "after") if (r := getattr(b, side)) is not None]
        for path, year in results:
            yield cohort, path, year, Say(f"result of cohort {cohort.id}", f"resultatet for kullet {cohort.id}")
    for survey in p.surveys:
        yield survey, ("year",), survey.year, \
            Say(f"10-FAKTOR survey {survey.id}", f"10-FAKTOR-undersøkelsen {survey.id}")


@rule("ASK503", "dated-in-future", Severity.ERROR)
def dated_in_future(ctx: CheckContext) -> Iterator[Finding]:
    """Something that has happened is dated after today (or ``--as-of``):
    measurements, actual dates, status reports, evaluations, cohort results,
    10-FAKTOR results and surveys, quality-case dates.

    FAIL (validated on 2019-06-01):
        measurements: [{date: 2019-12-31, value: 52}]
    PASS:
        measurements: [{date: 2018-12-31, value: 52}]
    """
    as_of = ctx.as_of
    for record, path, day, what in _dated(ctx.portfolio):
        if day > as_of:
            yield Finding(
                record.where(*path),
                Say(f"the {what.en} is dated {day}, after {as_of}",
                    f"{what.nb} er datert {nb.date(day)}, etter {nb.date(as_of)}"),
                Say("Correct the date; results can only be recorded once they exist (or use --as-of).",
                    "Rett datoen; resultater kan bare føres når de finnes (eller bruk --as-of)."),
            )
    for record, path, year, what in _dated_years(ctx.portfolio):
        if year > as_of.year:
            yield Finding(
                record.where(*path),
                Say(f"the {what.en} is for {year}, after {as_of.year}",
                    f"{what.nb} gjelder {year}, etter {as_of.year}"),
                Say("Correct the year; results can only be recorded once they exist (or use --as-of).",
                    "Rett året; resultater kan bare føres når de finnes (eller bruk --as-of)."),
            )
