"""prioritise() end to end on in-memory portfolios: every plan obeys the
rules, infeasibility is named, and the same input gives the same plan."""

from __future__ import annotations

from hypothesis import given

from askoy2020.model import Portfolio
from askoy2020.prioritise.formats import plan_yaml
from askoy2020.prioritise.run import prioritise
from askoy2020.prioritise.solver import SolveSettings

from .exhaustive import best
from .factory import AS_OF, area, portfolio, programme, project, rule_breaches
from .strategies import portfolios

EXACT = SolveSettings(gap=0.0, time_limit=30)


@given(portfolios())
def test_every_plan_obeys_the_rules(p: Portfolio) -> None:
    outcome = prioritise(p, settings=EXACT, explain=False, as_of=AS_OF)
    if outcome.plan is None:
        assert outcome.conflicts, "no plan without a named reason"
        assert best(outcome.problem) is None or outcome.problem.not_placeable
        return
    assert rule_breaches(p, outcome.plan) == []
    planned = {s.project for s in outcome.plan.selected} | {lo.project for lo in outcome.plan.left_out}
    assert planned | set(outcome.plan.done) == {x.id for x in p.projects}, (
        "every project is in, left out with a reason, or done")
    assert not planned & set(outcome.plan.done)


def test_mandatory_projects_over_the_frame_name_projects_frame_and_amount() -> None:
    p = portfolio(programme({2019: 5000, 2020: 5000}), [area()], [
        project("HM-01", {2019: 4000}, mandatory=True),
        project("OL-04", {2019: 2500}, mandatory=True),
        project("DK-07", {2019: 500}),
    ])
    outcome = prioritise(p, settings=EXACT, as_of=AS_OF)
    assert outcome.plan is None
    [conflict] = outcome.conflicts
    assert "programme budget frame 2019" in conflict.message
    assert "over by 1 500" in conflict.message
    assert "HM-01 mandatory (4 000)" in conflict.message and "OL-04 mandatory (2 500)" in conflict.message
    assert "DK-07" not in conflict.message, "an optional project is not part of the conflict"


def test_mandatory_project_that_cannot_be_placed_is_a_conflict() -> None:
    p = portfolio(programme({2019: 5000}), [area()], [
        project("P1", {2019: 100}, mandatory=True, status="planned"),
        project("P2", {2020: 100}, mandatory=True, start_window={"earliest": 2020, "latest": 2021},
                end=None),
    ])
    outcome = prioritise(p, settings=EXACT, adjustments=None, as_of=AS_OF)
    assert outcome.plan is not None  # P2 can start 2020 or 2021: fine
    from askoy2020.prioritise.adjust import Adjustments

    excluded = prioritise(p, Adjustments(exclude={"P1"}), settings=EXACT, as_of=AS_OF)
    assert excluded.plan is None
    assert "mandatory project P1 cannot be in the plan (excluded by --exclude)" in excluded.conflicts[0].message


def test_hard_dependency_of_a_locked_project_on_a_cancelled_one_is_a_conflict() -> None:
    p = portfolio(programme({2019: 5000}), [area()], [
        project("P0", {2019: 100}, status="cancelled"),
        project("P1", {2019: 100}, locked=True, depends_on=[{"project": "P0"}]),
    ])
    outcome = prioritise(p, settings=EXACT, as_of=AS_OF)
    assert outcome.plan is None
    assert outcome.conflicts[0].message == "locked project P1 needs P0, which cannot be in the plan (cancelled)"


def test_same_input_gives_byte_identical_plan() -> None:
    projects = [project(f"P{i}", {2019 + i % 3: 100 + 50 * (i % 4)}, (i % 5, 5 - i % 5)) for i in range(12)]
    p = portfolio(programme({2019: 400, 2020: 400, 2021: 400}), [area()], projects)
    texts = {plan_yaml(prioritise(p, as_of=AS_OF).plan, "cmd") for _ in range(3)}  # type: ignore[arg-type]
    assert len(texts) == 1


def test_a_window_moves_a_project_to_the_year_with_room() -> None:
    p = portfolio(programme({2019: 100, 2020: 100}), [area()], [
        project("P1", {2019: 100}, (5, 5), locked=True),
        project("P2", {2019: 100}, (3, 3), start_window={"earliest": 2019, "latest": 2020}),
    ])
    plan = prioritise(p, settings=EXACT, as_of=AS_OF).plan
    assert plan is not None
    assert {s.project: (s.start, s.cost) for s in plan.selected} == {
        "P1": (2019, {2019: 100}), "P2": (2020, {2020: 100})}


def test_min_share_pulls_money_to_an_area() -> None:
    # Without the share, B's project (worth less) loses to A's.
    projects = [project("A1", {2019: 100}, (5, 5), area_id="A"), project("B1", {2019: 100}, (1, 1), area_id="B")]
    free = prioritise(portfolio(programme({2019: 100}), [area("A"), area("B")], projects), settings=EXACT, as_of=AS_OF).plan
    shared = prioritise(portfolio(programme({2019: 100}), [area("A"), area("B", min_share=0.5)], projects),
                        settings=EXACT, as_of=AS_OF).plan
    assert free is not None and shared is not None
    assert [s.project for s in free.selected] == ["A1"]
    assert [s.project for s in shared.selected] == ["B1"]


def test_the_rule_checker_catches_a_broken_plan() -> None:
    # The property test above is only as good as this checker: show it bites.
    p = portfolio(programme({2019: 300, 2020: 300}), [area()], [
        project("BASE", {2019: 100}, (1, 1), mandatory=True),
        project("NEXT", {2020: 100}, (5, 5), depends_on=[{"project": "BASE"}]),
    ])
    plan = prioritise(p, settings=EXACT, as_of=AS_OF).plan
    assert plan is not None and rule_breaches(p, plan) == []
    no_base = plan.model_copy(update={"selected": [s for s in plan.selected if s.project != "BASE"]})
    assert rule_breaches(p, no_base) == ["BASE must be in", "NEXT selected without its hard predecessor BASE"]
    moved = plan.model_copy(update={"selected": [
        s.model_copy(update={"start": 2019, "cost": {2019: 100}}) if s.project == "NEXT" else s
        for s in plan.selected]})
    assert rule_breaches(p, moved) == ["NEXT starts 2019, not in [2020]",
                                       "NEXT starts before BASE allows (hard)"]
    tight = portfolio(programme({2019: 50, 2020: 300}), [area()], p.projects)
    assert rule_breaches(tight, plan) == ["programme cost 2019: 100.0 > 50.0"]
