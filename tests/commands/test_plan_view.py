"""The plan's first line always says how good it is proven to be."""

from __future__ import annotations

import pytest

from askoy2020.commands.plan_view import _solver_line
from askoy2020.model.plan import Plan


def _plan(status: str, gap: float) -> Plan:
    return Plan.model_validate({
        "id": "p", "programme": "X", "method": "weighted", "years": {"first_year": 2018, "last_year": 2021},
        "solver": {"status": status, "gap": gap, "bound": 1002.0}, "value": 1000.0,
    })


@pytest.mark.parametrize(("status", "gap", "says"), [
    ("optimal", 0.0, "Proven optimal: value 1 000.0 points"),
    ("gap-limit", 0.002, "within 0.200% of the best possible (1 002.0); the solver stopped at the gap limit"),
    ("time-limit", 0.002, "Stopped at the time limit after 10.0 s[/]: value 1 000.0 points, at most 0.200% below"),
])
def test_solver_line_never_hides_how_the_search_ended(status: str, gap: float, says: str) -> None:
    assert says in _solver_line(_plan(status, gap), 10.0)
