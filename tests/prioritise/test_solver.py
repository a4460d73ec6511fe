"""The MILP gives exactly the value an exhaustive search finds, and says
so (proven optimal, zero gap) – on random small portfolios."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from askoy2020.model import Portfolio
from askoy2020.prioritise.problem import build_problem
from askoy2020.prioritise.solver import SolutionStatus, SolveSettings, solve

from .exhaustive import best
from .factory import AS_OF, area, portfolio, programme, project
from .strategies import portfolios

EXACT = SolveSettings(gap=0.0, time_limit=30)


@given(portfolios())
def test_solver_value_equals_exhaustive_search(p: Portfolio) -> None:
    problem = build_problem(p, as_of=AS_OF)
    reference = best(problem)
    solution = solve(problem, EXACT)
    if reference is None:
        assert solution.status is SolutionStatus.INFEASIBLE
        return
    assert solution.status is SolutionStatus.OPTIMAL
    assert solution.value == reference[0]
    assert solution.gap == 0.0
    # The plan returned is itself lawful by the reference's reading.
    assert solve(problem, EXACT).chosen == solution.chosen  # same input, same plan


def test_ties_go_to_the_lower_id() -> None:
    # Two identical projects, room for one: P1 is chosen every time.
    p = portfolio(programme({2019: 100}), [area()],
                  [project("P2", {2019: 100}, (4, 4)), project("P1", {2019: 100}, (4, 4))])
    for _ in range(3):
        assert solve(build_problem(p, as_of=AS_OF), EXACT).chosen == {"P1": 0}


def test_ties_in_time_go_to_the_earlier_start() -> None:
    window = {"earliest": 2019, "latest": 2021}
    p = portfolio(programme({2019: 100, 2020: 100, 2021: 100}), [area()],
                  [project("P1", {2019: 100}, start_window=window)])
    problem = build_problem(p, as_of=AS_OF)
    solution = solve(problem, EXACT)
    assert problem.candidates[0].options[solution.chosen["P1"]].start == 2019


def test_zero_value_projects_are_not_taken_just_because_they_fit() -> None:
    p = portfolio(programme({2019: 1000}), [area()], [project("P1", {2019: 100}, (0, 0))])
    assert solve(build_problem(p, as_of=AS_OF), EXACT).chosen == {}


def test_elastic_solve_reports_the_excess_of_each_frame() -> None:
    p = portfolio(programme({2019: 100}), [area()],
                  [project("P1", {2019: 80}, mandatory=True), project("P2", {2019: 70}, mandatory=True)])
    problem = build_problem(p, as_of=AS_OF)
    assert solve(problem, EXACT).status is SolutionStatus.INFEASIBLE
    elastic = solve(problem, EXACT, elastic=True)
    assert [(k.scope, k.year, v) for k, v in elastic.excess.items()] == [("programme", 2019, 50.0)]


def test_solver_prints_nothing(capfd: object) -> None:
    p = portfolio(programme({2019: 100}), [area()], [project("P1", {2019: 50})])
    solve(build_problem(p, as_of=AS_OF), EXACT)
    out, _ = capfd.readouterr()  # type: ignore[attr-defined]
    assert out == ""


def test_solve_many_gives_the_serial_answers_in_question_order(capfd: object) -> None:
    from askoy2020.prioritise.solver import solve_many

    p = portfolio(programme({2019: 100, 2020: 100}), [area()],
                  [project(f"P{i}", {2019 + i % 2: 30 + 10 * i}, (i % 5, 5 - i % 5)) for i in range(8)])
    problem = build_problem(p, as_of=AS_OF)
    questions = [{"force_in": f"P{i}"} for i in range(8)]
    parallel = solve_many(problem, EXACT, questions)
    serial = [solve(problem, EXACT, **q) for q in questions]
    assert [(s.value, s.chosen) for s in parallel] == [(s.value, s.chosen) for s in serial]
    out, _ = capfd.readouterr()  # type: ignore[attr-defined]
    assert out == "", "no solver banner from any thread"


def test_settings_come_from_the_model_unless_an_option_overrides_them() -> None:
    from askoy2020.model.prioritisation import Prioritisation

    model = Prioritisation.model_validate({"gap": 0.01, "time_limit_seconds": 3})
    assert SolveSettings.from_model(model) == SolveSettings(gap=0.01, time_limit=3.0)
    assert SolveSettings.from_model(model, gap=0.0) == SolveSettings(gap=0.0, time_limit=3.0)
    assert SolveSettings.from_model(model, time_limit=0.5) == SolveSettings(gap=0.01, time_limit=0.5)


@st.composite
def linked_windows(draw: st.DrawFn) -> Portfolio:
    """Projects that may each start in two or three years, chained by hard
    dependencies with lags, under tight frames: where the row that sums a
    successor's starts cuts, if it cut too much a plan would be lost."""
    projects = []
    for i in range(draw(st.integers(2, 5))):
        first = draw(st.integers(2019, 2020))
        window = {"earliest": first, "latest": draw(st.integers(first + 1, 2021))}
        deps = [{"project": f"P{j}", "type": draw(st.sampled_from(["finish-to-start", "start-to-start"])),
                 "lag_days": draw(st.sampled_from([0, 200])), "strength": "hard"}
                for j in range(i) if draw(st.integers(0, 2)) == 0]
        projects.append(project(f"P{i}", {first: float(draw(st.integers(1, 8)) * 50)},
                                (draw(st.integers(0, 5)), draw(st.integers(0, 5))), start_window=window,
                                **({"depends_on": deps} if deps else {})))
    frames = {y: float(draw(st.integers(1, 8)) * 50) for y in (2019, 2020, 2021)}
    return portfolio(programme(frames), [area()], projects)


@given(linked_windows())
def test_the_cut_for_a_successor_with_several_starts_loses_no_plan(p: Portfolio) -> None:
    problem = build_problem(p, as_of=AS_OF)
    reference = best(problem)
    solution = solve(problem, EXACT)
    assert reference is not None  # leaving everything out is always a plan here
    assert solution.status is SolutionStatus.OPTIMAL and solution.value == reference[0]
