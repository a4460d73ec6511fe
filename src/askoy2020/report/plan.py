"""The saved prioritisation plan for the next budget round, as the report
shows it."""

from __future__ import annotations

from ..model import Portfolio
from ..model.plan import LeftOut, LeftOutKind, Plan
from .model import Deferred, Need, PlanSection, TransferMove, TransferRow


def saved_plan(portfolio: Portfolio, year: int) -> Plan | None:
    """The plan for the year: the last by id among those covering it; else
    the plan for the next budget round, made during the year (a plan covers
    only the years still open when it is made)."""
    for covered in (year, year + 1):
        plans = [p for p in portfolio.plans if covered in p.years]
        if plans:
            return max(plans, key=lambda p: p.id)
    return None


def build_plan(portfolio: Portfolio, year: int) -> PlanSection | None:
    plan = saved_plan(portfolio, year)
    if plan is None:
        return None
    names = {p.id: p.name for p in portfolio.projects}
    deferred = [Deferred(r.project, names.get(r.project, ""), r.reason, _needs(r)) for r in plan.left_out
                if r.kind is not LeftOutKind.CANCELLED]
    transfers = [TransferRow(t.project, [TransferMove(m.amount, m.kind.value, m.from_area, m.to_area, m.year)
                                         for m in t.moves]) for t in plan.transfers]
    return PlanSection(plan.id, plan.method.value, plan.value, plan.solver.gap, len(plan.selected), deferred,
                       plan.years.first_year, plan.years.last_year, plan.open_from, transfers)


def _needs(row: LeftOut) -> list[Need]:
    found = [Need(year, kind, value) for kind, by_year in (("drift", row.cost), ("investment", row.investment),
                                                             ("staff", row.staff))
             for year, value in (by_year or {}).items() if value]
    return sorted(found, key=lambda n: (n.year, ("drift", "investment", "staff").index(n.kind)))
