"""What one more million kroner of drift a year would buy, checked against
an exhaustive search of the problem with the frames raised by hand: the
search reads the problem's meaning, not the solver's rows."""

from __future__ import annotations

from pathlib import Path

import askoy2020
from askoy2020.model import Portfolio
from askoy2020.model.prioritisation import FrameChange
from askoy2020.prioritise.adjust import Adjustments
from askoy2020.prioritise.formats import plan_yaml
from askoy2020.prioritise.problem import build_problem
from askoy2020.prioritise.run import prioritise
from askoy2020.prioritise.solver import SolveSettings

from .exhaustive import best
from .factory import AS_OF, area, portfolio, programme, project

EXACT = SolveSettings(gap=0.0, time_limit=30)
YEARS = (2019, 2020, 2021)


def _two_areas(programme_drift: float) -> Portfolio:
    """Area A can take one of its two proposals, area B the cheaper of two
    where a million more would swap it for a better one."""
    return portfolio(programme(dict.fromkeys(YEARS, programme_drift)), [
        area("A", {2019: 2000, 2020: 2000, 2021: 2000}),
        area("B", {2019: 1500, 2020: 1500, 2021: 1500}),
        area("C", {2019: 900, 2020: 900, 2021: 900}),
    ], [
        project("A1", {2019: 1500, 2020: 1500}, (5, 5), area_id="A"),
        project("A2", {2019: 1000, 2020: 1000}, (4, 4), area_id="A"),
        project("B1", {2019: 1200}, (3, 3), area_id="B"),
        project("B2", {2019: 800}, (1, 1), area_id="B"),
        project("B3", {2019: 2200}, (5, 5), area_id="B"),
        project("C1", {2020: 500}, (2, 2), area_id="C"),
    ])


def _by_search(p: Portfolio, scope: str, years: list[int]) -> tuple[float, set[str], set[str]]:
    """The gain in points, what enters and what leaves, when ``scope`` gets
    1000 (1000 kr) more in ``years``, the programme as much with it."""
    changes = [FrameChange(year=y, area=None if scope == "programme" else scope, change=1000) for y in years]
    if scope != "programme":
        changes += [FrameChange(year=y, change=1000) for y in years]
    base = best(build_problem(p, as_of=AS_OF))
    raised = best(build_problem(p, Adjustments(budget=changes), as_of=AS_OF))
    assert base is not None and raised is not None
    return ((raised[0] - base[0]) / 1000, set(raised[1]) - set(base[1]), set(base[1]) - set(raised[1]))


def test_one_more_million_a_year_buys_what_an_exhaustive_search_finds() -> None:
    p = _two_areas(programme_drift=10_000)
    plan = prioritise(p, settings=EXACT, as_of=AS_OF).plan
    assert plan is not None
    found = {m.scope: m for m in plan.more_money}
    assert set(found) == {"programme", "A", "B"}, "C has room to spare, so a million buys it nothing"
    for scope, m in found.items():
        assert m.years == list(YEARS) and m.step == 1000 and m.kind.value == "drift"
        gain, enters, leaves = _by_search(p, scope, m.years)
        assert (m.value, set(m.enters), set(m.leaves)) == (gain, enters, leaves), scope
    assert found["programme"].value == 0, "the programme has room: the area frames are what bind"
    assert found["A"].enters == ["A2"] and found["B"].leaves == ["B1"]
    assert _by_search(p, "C", list(YEARS))[0] == 0


def test_money_for_an_area_is_money_for_the_programme_too() -> None:
    # The programme frame is as tight as the areas' use of it: a million for
    # A alone, without the programme, buys nothing.
    p = _two_areas(programme_drift=2700)
    plan = prioritise(p, settings=EXACT, as_of=AS_OF).plan
    assert plan is not None
    found = {m.scope: m for m in plan.more_money}
    gain, enters, leaves = _by_search(p, "A", list(YEARS))
    assert (found["A"].value, set(found["A"].enters), set(found["A"].leaves)) == (gain, enters, leaves)
    assert enters == {"A2"} and not leaves
    area_only = best(build_problem(p, Adjustments(budget=[FrameChange(year=y, area="A", change=1000)
                                                          for y in YEARS]), as_of=AS_OF))
    base = best(build_problem(p, as_of=AS_OF))
    assert area_only is not None and base is not None
    assert area_only[0] == base[0]


def test_the_saved_plan_keeps_what_it_found(tmp_path: Path) -> None:
    p = _two_areas(programme_drift=10_000)
    plan = prioritise(p, settings=EXACT, as_of=AS_OF).plan
    assert plan is not None
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "plan.yaml").write_text(plan_yaml(plan, "askoy2020 prioritise"), encoding="utf-8")
    [again] = askoy2020.load(tmp_path).plans
    assert [m.model_dump() for m in again.more_money] == [m.model_dump() for m in plan.more_money]
    structure = {"kind", "short", "displacement", "predecessors", "window", "runs", "excluded_by"}
    assert [r.model_dump(include=structure) for r in again.left_out] == [
        r.model_dump(include=structure) for r in plan.left_out]
