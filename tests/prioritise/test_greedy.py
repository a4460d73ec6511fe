"""Greedy-by-score (the spreadsheet way) is never better than the exact
plan, and on a crafted case it is clearly worse."""

from __future__ import annotations

from hypothesis import given

from askoy2020.model import Portfolio
from askoy2020.prioritise.problem import build_problem
from askoy2020.prioritise.solver import SolutionStatus, SolveSettings, solve

from .exhaustive import _lawful
from .factory import AS_OF, area, portfolio, programme, project
from .greedy import greedy
from .strategies import portfolios

EXACT = SolveSettings(gap=0.0, time_limit=30)


@given(portfolios())
def test_greedy_is_never_better_and_always_lawful(p: Portfolio) -> None:
    problem = build_problem(p, as_of=AS_OF)
    exact = solve(problem, EXACT)
    quick = greedy(problem)
    if quick.status is SolutionStatus.INFEASIBLE:
        return
    assert _lawful(problem, quick.chosen)
    assert exact.feasible
    assert quick.value <= exact.value


def test_greedy_funds_the_top_scorer_and_loses_to_two_smaller_projects() -> None:
    # Frame 100: the best-scored project takes it all (value 100), while
    # the two next together are worth 2 * 80 = 160.
    p = portfolio(programme({2019: 100}), [area()], [
        project("BIG", {2019: 100}, (5, 5)),
        project("S1", {2019: 50}, (4, 4)),
        project("S2", {2019: 50}, (4, 4)),
    ])
    problem = build_problem(p, as_of=AS_OF)
    quick, exact = greedy(problem), solve(problem, EXACT)
    assert set(quick.chosen) == {"BIG"} and quick.value == 100_000
    assert set(exact.chosen) == {"S1", "S2"} and exact.value == 160_000


def test_greedy_misses_a_valuable_successor_whose_predecessor_scores_low() -> None:
    p = portfolio(programme({2019: 100, 2020: 100}), [area()], [
        project("BASE", {2019: 100}, (1, 1)),
        project("OTHER", {2019: 100}, (2, 2)),
        project("TOP", {2020: 100}, (5, 5), depends_on=[{"project": "BASE"}]),
    ])
    problem = build_problem(p, as_of=AS_OF)
    quick, exact = greedy(problem), solve(problem, EXACT)
    assert set(quick.chosen) == {"OTHER"}
    assert set(exact.chosen) == {"BASE", "TOP"}
