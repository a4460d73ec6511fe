"""Reasons for what is left out and what more money buys, on cases where
the right answer is known by hand."""

from __future__ import annotations

import datetime as dt

from askoy2020.prioritise.run import prioritise
from askoy2020.prioritise.solver import SolveSettings

from .factory import AS_OF, area, portfolio, programme, project

EXACT = SolveSettings(gap=0.0, time_limit=30)


def _reasons(p):  # type: ignore[no-untyped-def]
    outcome = prioritise(p, settings=EXACT, as_of=AS_OF)
    assert outcome.plan is not None
    return {lo.project: (lo.kind, lo.reason) for lo in outcome.plan.left_out}, outcome


def test_binding_frame_and_the_shortfall_are_named() -> None:
    p = portfolio(programme({2019: 5000}), [area()], [
        project("P1", {2019: 4150}, (5, 5), locked=True),
        project("P2", {2019: 1700}, (2, 2)),
    ])
    reasons, _ = _reasons(p)
    kind, text = reasons["P2"]
    assert kind == "frame"
    assert text.startswith("programme budget frame 2019 short by 850 (1000 kr)")
    assert "cannot be taken in even by leaving others out" in text


def test_area_and_staff_frames_are_named_too() -> None:
    prog = programme({2019: 10_000}, {2019: 3.0})
    p = portfolio(prog, [area("A", {2019: 1000})], [
        project("P1", {2019: 1200}, (5, 5), staff={2019: 3.5}),
    ])
    reasons, _ = _reasons(p)
    assert reasons["P1"][1].startswith(
        "programme staff frame 2019 short by 0.5 årsverk; area A budget frame 2019 short by 200 (1000 kr)")


def test_lower_value_than_what_it_would_displace() -> None:
    p = portfolio(programme({2019: 100}), [area()], [
        project("HIGH", {2019: 100}, (5, 5)),
        project("LOW", {2019: 100}, (2, 2)),
    ])
    reasons, _ = _reasons(p)
    assert reasons["LOW"] == (
        "frame",
        "programme budget frame 2019 short by 100 (1000 kr); taking it in (40.0 points) would push out "
        "HIGH (100.0 points): the plan would lose 60.0 points",
    )


def test_missing_predecessor_is_the_reason() -> None:
    p = portfolio(programme({2019: 100, 2020: 100}), [area()], [
        project("BASE", {2019: 100}, (1, 1)),
        project("OTHER", {2019: 100}, (4, 4)),
        project("NEXT", {2020: 50}, (2, 2), depends_on=[{"project": "BASE", "lag_days": 30}]),
    ])
    reasons, _ = _reasons(p)
    assert reasons["NEXT"] == (
        "predecessor", "needs BASE (hard, finish-to-start, lag 30 days), which is not in the plan")


def test_marginal_value_shows_what_more_money_buys() -> None:
    p = portfolio(programme({2019: 1000, 2020: 1000}, prioritisation={"frame_step": 500}), [area()], [
        project("P1", {2019: 1000}, (5, 5)),
        project("P2", {2019: 400}, (3, 3)),
        project("P3", {2020: 800}, (1, 1)),
    ])
    _, outcome = _reasons(p)
    marginal = {(m.resource, m.year): m for m in outcome.plan.marginal_values if m.scope == "programme"}
    assert marginal[("budget", 2019)].value == 60.0 and marginal[("budget", 2019)].enters == ["P2"]
    assert marginal[("budget", 2020)].value == 0.0, "2020 has room to spare: more money buys nothing"
    assert marginal[("budget", 2019)].step == 500


def test_cancelled_and_excluded_projects_are_listed_with_their_reason() -> None:
    from askoy2020.prioritise.adjust import Adjustments

    p = portfolio(programme({2019: 1000}), [area()], [
        project("P1", {2019: 100}, status="cancelled"),
        project("P2", {2019: 100}),
    ])
    outcome = prioritise(p, Adjustments(exclude={"P2"}), settings=EXACT, as_of=AS_OF)
    assert outcome.plan is not None
    assert {lo.project: lo.reason for lo in outcome.plan.left_out} == {
        "P1": "cancelled", "P2": "excluded by --exclude"}


def _rows(p, adjustments=None):  # type: ignore[no-untyped-def]
    outcome = prioritise(p, adjustments, settings=EXACT, as_of=AS_OF)
    assert outcome.plan is not None
    return {lo.project: lo for lo in outcome.plan.left_out}


def test_every_reason_keeps_its_figures_for_a_report_to_word() -> None:
    from askoy2020.prioritise.adjust import Adjustments

    p = portfolio(programme({2019: 300, 2020: 300}), [area()], [
        project("HIGH", {2019: 100}, (5, 5)),
        project("LOW", {2019: 250}, (2, 2)),
        project("NEXT", {2020: 50}, (2, 2), depends_on=[{"project": "LOW", "lag_days": 30}]),
        project("GONE", {2019: 10}, status="cancelled"),
        project("AFTER", {2020: 10}, depends_on=[{"project": "GONE"}]),
        project("OLD", {2016: 10}, status="paused", start=dt.date(2016, 1, 1), end=dt.date(2017, 6, 30)),
        project("LATE", {2019: 10}, start_window={"earliest": 2019, "latest": 2019},
                start=dt.date(2019, 1, 1), end=dt.date(2023, 12, 31), staff={2023: 0.5}),
        project("NOT", {2019: 10}),
    ])
    rows = _rows(p, Adjustments(exclude={"NOT"}))
    low = rows["LOW"]
    assert low.kind == "frame" and [(s.scope, s.year, s.amount) for s in low.short] == [("programme", 2019, 50)]
    assert low.displacement is not None and low.displacement.possible
    assert (low.displacement.pushes_out, low.displacement.loss) == (["HIGH"], 60.0)
    assert (rows["NEXT"].kind, rows["NEXT"].predecessors) == ("predecessor", ["LOW"])
    assert (rows["AFTER"].kind, rows["AFTER"].predecessors) == ("predecessor", ["GONE"])
    assert rows["OLD"].kind == "outside-years" and rows["OLD"].runs is not None
    assert (rows["OLD"].runs.first_year, rows["OLD"].runs.last_year) == (2016, 2017)
    assert rows["LATE"].kind == "no-start" and rows["LATE"].window is not None
    assert rows["LATE"].window.first_year == 2019
    assert (rows["NOT"].kind, rows["NOT"].excluded_by) == ("excluded", "--exclude")


def test_a_frame_that_what_must_be_in_fills_is_said_so() -> None:
    p = portfolio(programme({2019: 5000}), [area()], [
        project("P1", {2019: 4150}, (5, 5), locked=True),
        project("P2", {2019: 1700}, (2, 2)),
    ])
    moved = _rows(p)["P2"].displacement
    assert moved is not None and not moved.possible and moved.pushes_out == []
