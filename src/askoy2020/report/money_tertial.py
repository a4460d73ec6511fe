"""The tertial report's lines: each project's budget against actual and
forecast, the deviations over the programme's threshold with their
explanations, frames the forecast passes, and the budget changes decided
since the previous tertial."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from ..model import Portfolio, Project
from ..model.budget import MONEY_KINDS, MoneyKind, OverrunThreshold, Period, Revision, revisions_in_force
from ..model.forecast import newest_period
from .money_model import BudgetChange, DeviationRow, FrameOverrun, MoneyRow, ProjectMoneyRow


def project_rows(counted: list[Project], year: int, as_of: dt.date) -> list[ProjectMoneyRow]:
    """Per kind, every project with money of that kind in ``year``. Actual
    and forecast only from the newest closed period, as the sums take them:
    a project behind with its report shows none."""
    period = newest_period(year, as_of)
    rows = []
    for kind in MONEY_KINDS:
        for project in counted:
            line = project.money_line(kind, year, as_of)
            if not (line.adopted or line.revised or line.actual or line.forecast):
                continue
            reported = period is not None and line.period is period
            rows.append(ProjectMoneyRow(
                project.id, project.name, project.area, project.status.value, kind.value, line.adopted,
                line.revised, line.actual if reported else None, line.forecast if reported else None, reported))
    return rows


def deviations(counted: list[Project], year: int, as_of: dt.date, threshold: OverrunThreshold) -> list[DeviationRow]:
    """Forecasts off the revised budget by more than the threshold, over or
    under: both need an explanation, and most a decision."""
    period = newest_period(year, as_of)
    found = []
    for kind in MONEY_KINDS:
        for project in counted:
            line = project.money_line(kind, year, as_of)
            if period is None or line.period is not period or line.forecast is None:
                continue
            if threshold.exceeded(abs(line.forecast - line.revised), line.revised):
                found.append(DeviationRow(project.id, project.name, project.area, kind.value, line.revised,
                                          line.forecast, line.comment, period.value))
    return found


def frame_overruns(rows: list[MoneyRow], threshold: OverrunThreshold) -> list[FrameOverrun]:
    """The areas (and the programme) whose forecast passes the revised frame
    by more than the threshold: ASK421's finding, as the table sums it."""
    return [FrameOverrun(r.area, r.kind, r.frame, r.forecast) for r in rows
            if r.frame is not None and r.forecast is not None and threshold.exceeded(r.forecast - r.frame, r.frame)]


_FROM = {Period.T1: (1, 1), Period.T2: (5, 1), Period.T3: (9, 1)}


def changes_from(year: int, as_of: dt.date) -> dt.date:
    """The first day after the tertial before the newest closed one: a
    report after the 2. tertial shows what was decided from 1 May."""
    period = newest_period(year, as_of)
    return dt.date(year, *_FROM[period]) if period is not None else dt.date(year, 1, 1)


def budget_changes(portfolio: Portfolio, start: dt.date, as_of: dt.date) -> list[BudgetChange]:
    """Every frame and project budget a decision changed from ``start`` to
    ``as_of``, with the figure it replaced."""
    found: list[BudgetChange] = []
    programme = portfolio.programme
    rounds = programme.rounds if programme is not None else []
    for budget_round in rounds:
        found += _frame_changes("", budget_round.frames.of, budget_round.revisions, start, as_of)
    for area in sorted(portfolio.areas, key=lambda a: a.id):
        for area_round in area.rounds:
            found += _frame_changes(area.id, area_round.frames.of, area_round.revisions, start, as_of)
    for project in sorted(portfolio.projects, key=lambda p: p.id):
        found += _project_changes(project, start, as_of)
    kinds = [k.value for k in MoneyKind]
    return sorted(found, key=lambda c: (c.date, c.decision, c.what != "frame", c.scope != "", c.scope,
                                        kinds.index(c.kind), c.year))


def _frame_changes(scope: str, adopted: Callable[[MoneyKind], dict[int, float]], revisions: Sequence[Revision],
                   start: dt.date, as_of: dt.date) -> list[BudgetChange]:
    found = []
    current = {kind: dict(adopted(kind)) for kind in MoneyKind}
    for _, revision in revisions_in_force(revisions, as_of):
        for kind in MoneyKind:
            for year, after in sorted(revision.frames.of(kind).items()):
                before = current[kind].get(year, 0.0)
                current[kind][year] = after
                if start <= revision.date and before != after:
                    found.append(BudgetChange(revision.date, revision.decision, scope, "frame", kind.value, year,
                                              before, after))
    return found


def _project_changes(project: Project, start: dt.date, as_of: dt.date) -> list[BudgetChange]:
    found = []
    current = {MoneyKind.DRIFT: dict(project.cost), MoneyKind.INVESTMENT: dict(project.investment)}
    for _, revision in revisions_in_force(project.revisions, as_of):
        for kind, changed in ((MoneyKind.DRIFT, revision.cost), (MoneyKind.INVESTMENT, revision.investment)):
            for year, after in sorted(changed.items()):
                before = current[kind].get(year, 0.0)
                current[kind][year] = after
                if start <= revision.date and before != after:
                    found.append(BudgetChange(revision.date, revision.decision, project.id, "budget", kind.value,
                                              year, before, after))
    return found
