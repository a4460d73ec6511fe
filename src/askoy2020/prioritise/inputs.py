"""What must be right in the data before a plan can be made from it: the
records a plan is built from read without error, and the criteria's weights
given exactly once (ASK720). The working tree's plan and every alternative
budget are held to the same."""

from __future__ import annotations

from ..core.diagnostics import Diagnostic
from ..model import Portfolio

# Record kinds a plan is built from: a load error in one of these means a
# record is missing from the plan, so no plan is made.
PLAN_INPUTS = frozenset({"programme", "area", "project", "scenario"})


def blocking_problems(portfolio: Portfolio) -> list[Diagnostic]:
    """Load errors in the records a plan is built from, and the criteria's
    weights not given exactly once: each would make a plan of the wrong
    data (a project missing, every weight 0)."""
    import datetime as dt

    from ..rules.registry import REGISTRY, CheckContext

    found = [d for d in portfolio.load_diagnostics
             if d.is_error and (kind := portfolio.kind_of_file(d.file)) is not None and kind.key in PLAN_INPUTS]
    weights = REGISTRY["ASK720"]
    if portfolio.programme is not None and weights.check is not None:
        for finding in weights.check(CheckContext(portfolio, dt.date.today())):
            found.append(Diagnostic.said(finding.location, weights.id, weights.severity, finding.message,
                                         finding.hint, finding.related))
    return found
