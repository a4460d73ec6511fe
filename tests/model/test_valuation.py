"""Project value: weighted scoring and WSJF, as the model in the data says."""

from __future__ import annotations

import pytest

from askoy2020.model.valuation import to_points
from askoy2020.prioritise.problem import build_problem
from prioritise.factory import AS_OF, area, portfolio, programme, project


def _value(prog_extra: dict, **project_extra) -> float:  # type: ignore[no-untyped-def, type-arg]
    prog = programme({2019: 10_000, 2020: 10_000, 2021: 10_000}, prioritisation=prog_extra)
    cost = project_extra.pop("cost", {2019: 2000})
    p = portfolio(prog, [area(strategic_weight=project_extra.pop("area_weight", 1.0))],
                  [project("P1", cost, project_extra.pop("score", (5, 0)), **project_extra)])
    return to_points(build_problem(p, as_of=AS_OF).candidates[0].options[0].value)


def test_weighted_score_is_normalised_and_weighted() -> None:
    # strategic_fit 5/5 * 0.6 + user_value 0/5 * 0.4 = 60 %
    assert _value({}) == 60.0
    assert _value({}, score=(0, 5)) == 40.0
    assert _value({}, area_weight=2.0) == 120.0


def test_missing_score_counts_as_the_bottom_of_the_scale() -> None:
    assert _value({}, scores={"strategic_fit": 5}) == 60.0


def test_benefits_inside_the_plan_years_add_value() -> None:
    assert _value({"benefit_weight": 0.01}, benefits=[{"kind": "economic", "owner": "Økonomisjef", "planned": {2020: 1000, 2021: 500, 2022: 9000}}]) == pytest.approx(75.0)


def test_wsjf_divides_cost_of_delay_by_size_in_million_kr() -> None:
    model = {"method": "wsjf", "wsjf": {"cost_of_delay": ["strategic_fit"]}}
    assert _value(model, cost={2019: 4000}) == 25.0  # 100 / 4 million kr
    assert _value(model, cost={2019: 500}) == 100.0  # size is at least 1


def test_a_later_start_loses_the_delay_discount() -> None:
    prog = programme({2019: 1, 2020: 1, 2021: 1}, prioritisation={"delay_discount": 0.1})
    p = portfolio(prog, [area()], [project("P1", {2019: 100}, (5, 5),
                                           start_window={"earliest": 2019, "latest": 2021})])
    values = [to_points(o.value) for o in build_problem(p, as_of=AS_OF).candidates[0].options]
    assert values == [100.0, 90.0, 81.0]
