"""The money rules (ASK410–ASK418) on hostile values: zeros, the largest
amounts the schema takes, missing keys, leap days, revisions on one day,
periods on exactly their last day, dependency cycles; every finding at a
file and line, never an internal error. The messages' figures are checked
where a case folder only checks lines."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

import askoy2020
from askoy2020.model import Portfolio, Project
from askoy2020.model.area import ProgrammeArea
from askoy2020.model.programme import Programme
from askoy2020.rules.registry import REGISTRY, CheckContext
from helpers import AS_OF, BASE, build_case, examples, relative
from model_strategies import record

MONEY_RULES = [f"ASK41{n}" for n in range(9)]
D = dt.date


def _portfolio(tmp_path: Path, files: dict[str, str]) -> Portfolio:
    root = build_case(BASE, tmp_path / "data")
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    portfolio = askoy2020.load(root)
    assert [str(d.location) + " " + d.message for d in portfolio.load_diagnostics] == []
    return portfolio


def _found(portfolio: Portfolio, as_of: dt.date = AS_OF, rules: list[str] = MONEY_RULES) -> list[str]:
    """'file:line RULE message' for the rules asked; an internal error fails."""
    diagnostics = askoy2020.check(portfolio, as_of)
    assert [d.message for d in diagnostics if "internal error" in d.message] == []
    return [f"{relative(d.file, portfolio.root)}:{d.line} {d.rule} {d.message}"
            for d in diagnostics if d.rule in rules]


def _project(pid: str, body: str) -> str:
    return f"id: {pid}\nname: Prosjekt {pid}\narea: DK\nmanager: Prosjektleder\n" + body


DK03 = "programmes/dk/projects/DK-03.yaml"


def test_zero_budgets_and_zero_spend_are_quiet(tmp_path: Path) -> None:
    p = _portfolio(tmp_path, {DK03: _project("DK-03", (
        "status: active\nplanned: {start: 2020-01-01, end: 2020-12-31}\nactual: {start: 2020-01-01}\n"
        "cost: {2020: 0}\ninvestment: {2020: 0}\nfinancing: {2020: {}}\n"
        "accounts: {2020: {T1: {actual: {drift: 0, investment: 0}, forecast: {drift: 0}}, T2: {}}}\n"
        "benefits: [{kind: economic, owner: Rådmann, planned: {2019: 0}, take_outs: []}]\n"))})
    # (DK-02 has no figures for the tertials DK-03 reports: ASK413, as it should.)
    assert _found(p, rules=[r for r in MONEY_RULES if r != "ASK413"]) == []


def test_largest_amounts_do_not_overflow(tmp_path: Path) -> None:
    # 10⁹ (1000 kr) is the most the schema takes; a sum of such must still add up.
    p = _portfolio(tmp_path, {DK03: _project("DK-03", (
        "status: active\nplanned: {start: 2020-01-01, end: 2020-12-31}\nactual: {start: 2020-01-01}\n"
        "cost: {2020: 1}\ninvestment: {2020: 1000000000}\n"
        "financing: {2020: {loan: 1000000000, grants: 1000000000, vat_compensation: 1000000000, "
        "funds: 1000000000}}\n"
        "accounts: {2020: {T2: {actual: {drift: 1000000000}}}}\n"))})
    found = _found(p)
    assert any("ASK411" in f and "1 000 000 000" in f and "over by 999 999 999 (99 999 999 900.0 %)" in f for f in found), found
    assert any("ASK414" in f and "4 000 000 000" in f and "over by 3 000 000 000" in f for f in found), found


def test_threshold_of_zero_warns_on_any_excess_but_not_on_none(tmp_path: Path) -> None:
    programme = (BASE / "programme.yaml").read_text(encoding="utf-8") + "overrun: {share: 0, amount: 0}\n"
    p = _portfolio(tmp_path, {"programme.yaml": programme, DK03: _project("DK-03", (
        "status: active\nplanned: {start: 2020-01-01, end: 2020-12-31}\nactual: {start: 2020-01-01}\n"
        "cost: {2020: 500}\naccounts: {2020: {T2: {actual: {drift: 300}, forecast: {drift: 500.01}}}}\n"))})
    assert [f.split(" ", 2)[:2] for f in _found(p, rules=["ASK411"])] == [[f"{DK03}:9", "ASK411"]]
    p.project_by_id["DK-03"].accounts[2020].T2.forecast.drift = 500  # type: ignore[union-attr]
    assert _found(p, rules=["ASK411"]) == []


def test_over_budget_names_the_figures(tmp_path: Path) -> None:
    p = _portfolio(tmp_path, {DK03: _project("DK-03", (
        "status: active\nplanned: {start: 2020-01-01, end: 2020-12-31}\nactual: {start: 2020-01-01}\n"
        "cost: {2020: 12000}\n"
        "revisions: [{decision: KST 45/20, date: 2020-02-29, cost: {2020: 10000}}]\n"
        "accounts: {2020: {T2: {actual: {drift: 7000}, forecast: {drift: 12850}}}}\n"))})
    assert _found(p, rules=["ASK411"]) == [
        f"{DK03}:10 ASK411 DK-03: drift forecast for 2020 in 2. tertial is 12 850 (1000 kr), the revised budget is "
        "10 000: over by 2 850 (28.5 %)"]
    # The day before the leap-day revision the adopted 12 000 stands, and nothing is over.
    assert _found(p, D(2020, 2, 28), ["ASK411"]) == []


def test_a_period_on_its_last_day_has_ended(tmp_path: Path) -> None:
    p = _portfolio(tmp_path, {DK03: _project("DK-03", (
        "status: active\nplanned: {start: 2020-01-01, end: 2020-12-31}\nactual: {start: 2020-01-01}\n"
        "cost: {2020: 100}\n"
        "accounts:\n  2020:\n    T1: {actual: {drift: 10}}\n    T2: {actual: {drift: 50}}\n"
        "    T3: {actual: {drift: 100}}\n"))})
    assert [f.split(" ")[0] for f in _found(p, D(2020, 8, 31), ["ASK412"])] == [f"{DK03}:13"]
    assert [f.split(" ")[0] for f in _found(p, D(2020, 8, 30), ["ASK412"])] == [f"{DK03}:12", f"{DK03}:13"]
    assert _found(p, D(2020, 12, 31), ["ASK412"]) == []
    assert _found(p, D(2020, 4, 30), ["ASK412"]) == [
        f"{DK03}:12 ASK412 DK-03 has figures for 2020-T2 (2. tertial, to 2020-08-31): actual drift 50 (1000 kr); on "
        "2020-04-30 that period has not ended",
        f"{DK03}:13 ASK412 DK-03 has figures for 2020-T3 (Regnskap, to 2020-12-31): actual drift 100 (1000 kr); "
        "on 2020-04-30 that period has not ended"]


def test_actuals_missing_follows_the_calendar(tmp_path: Path) -> None:
    # DK-02 reports 2020's T1 and the accounts of 2020; DK-03 ran all 2020.
    p = _portfolio(tmp_path, {
        "programmes/dk/projects/DK-02.yaml": (BASE / "programmes/dk/projects/DK-02.yaml").read_text()
        + "accounts: {2020: {T1: {actual: {drift: 100}}, T3: {actual: {drift: 900}}}}\n",
        DK03: _project("DK-03", "status: active\nplanned: {start: 2020-01-01, end: 2021-06-30}\n"
                                "actual: {start: 2020-01-01}\ncost: {2020: 400, 2021: 100}\n")})
    assert _found(p, D(2020, 4, 29), ["ASK413"]) == []  # T1 has not ended
    assert _found(p, D(2020, 4, 30), ["ASK413"]) == [
        f"{DK03}:8 ASK413 DK-03 ran in 2020 with a budget of drift 400 (1000 kr), but has no figures for 2020-T1 "
        "(1. tertial, to 2020-04-30)"]
    # In 2021 the accounts of 2020 are due, the tertials of 2020 are old history.
    assert [f.split(", but has no figures for ")[1] for f in _found(p, D(2021, 1, 5), ["ASK413"])] == [
        "2020-T3 (Regnskap, to 2020-12-31)"]
    assert _found(p, D(2022, 1, 5), ["ASK413"]) == []


def test_revisions_on_one_day_and_on_the_adoption_day_are_in_order(tmp_path: Path) -> None:
    programme = (BASE / "programme.yaml").read_text(encoding="utf-8").replace(
        "      staff: {2018: 5, 2019: 5, 2020: 5, 2021: 5}\n",
        "      staff: {2018: 5, 2019: 5, 2020: 5, 2021: 5}\n"
        "    revisions:\n"
        "      - {decision: KST 1/17, date: 2017-12-14, frames: {drift: {2018: 5100}}}\n"
        "      - {decision: KST 2/17, date: 2017-12-14, frames: {drift: {2018: 5200}}}\n"
        "      - {decision: KST 3/17, date: 2017-12-13, frames: {drift: {2018: 5300}}}\n")
    p = _portfolio(tmp_path, {"programme.yaml": programme})
    assert _found(p, rules=["ASK410"]) == [
        "programme.yaml:14 ASK410 programme.yaml: revision KST 3/17 of the 2018 round is dated 2017-12-13, before "
        "the round was adopted (KST 123/17, 2017-12-14)"]


def test_slip_pushes_without_counting_twice(tmp_path: Path) -> None:
    # DK-04 was planned with 30 days to spare; DK-03 slips 61 days: DK-04 moves
    # 31, and so does its end; DK-05 had one day to spare after it: it moves 30.
    files = {
        DK03: _project("DK-03", "status: active\nplanned: {start: 2020-01-01, end: 2020-06-30}\n"
                                "actual: {start: 2020-01-01}\ncost: {2020: 100}\n"
                                "status_reports: [{date: 2020-06-01, rag: amber, forecast_end: 2020-08-30}]\n"),
        "programmes/dk/projects/DK-04.yaml": _project("DK-04", (
            "status: planned\nplanned: {start: 2020-07-30, end: 2020-12-31}\n"
            "depends_on: [{project: DK-03}]\n")),
        "programmes/dk/projects/DK-05.yaml": _project("DK-05", (
            "status: planned\nplanned: {start: 2021-01-11, end: 2021-06-30}\n"
            "depends_on: [{project: DK-04, lag_days: 10}, {project: DK-03, lag_days: 60}]\n")),
    }
    p = _portfolio(tmp_path, files)
    assert _found(p, rules=["ASK415"]) == [
        f"{DK03}:9 ASK415 DK-03 is expected to end 2020-08-30 (the newest status report), 61 days after its planned "
        "end 2020-06-30; this pushes DK-04 by 31 days (start 2020-08-30), DK-05 by 30 days (start 2021-02-10)"]


def test_slip_through_a_dependency_cycle_stops(tmp_path: Path) -> None:
    files = {
        DK03: _project("DK-03", "status: active\nplanned: {start: 2020-01-01, end: 2020-06-30}\n"
                                "actual: {start: 2020-01-01}\ncost: {2020: 100}\n"
                                "status_reports: [{date: 2020-06-01, rag: amber, forecast_end: 2100-12-31}]\n"),
        "programmes/dk/projects/DK-04.yaml": _project("DK-04", (
            "status: planned\nplanned: {start: 2020-07-30, end: 2020-12-31}\n"
            "depends_on: [{project: DK-03, lag_days: 3650}, {project: DK-05, lag_days: 3650}]\n")),
        "programmes/dk/projects/DK-05.yaml": _project("DK-05", (
            "status: planned\nplanned: {start: 2021-02-01, end: 2021-06-30}\n"
            "depends_on: [{project: DK-04, lag_days: 3650}]\n")),
    }
    found = _found(_portfolio(tmp_path, files), rules=["ASK415"])
    assert len(found) == 1 and "DK-04 by" in found[0] and "DK-05 by" in found[0], found


def test_benefits_over_a_leap_year_end(tmp_path: Path) -> None:
    files = {DK03: _project("DK-03", (
        "status: completed\nplanned: {start: 2019-01-01, end: 2019-12-31}\n"
        "actual: {start: 2019-01-01, end: 2019-12-31}\ncost: {2019: 100}\n"
        "benefits:\n"
        "  - {kind: economic, owner: Rådmann, planned: {2020: 300}}\n"
        "  - {kind: staff, owner: Rådmann, planned: {2020: 0.5}, realised: {2020: 0.5}}\n"))}
    p = _portfolio(tmp_path, files)
    assert _found(p, D(2020, 12, 31), ["ASK416"]) == []  # the year's last day: not yet ended
    assert _found(p, D(2021, 1, 1), ["ASK416"]) == [
        f"{DK03}:10 ASK416 DK-03: the economic gain of 300 (1000 kr) planned for 2020 has no realised figure, and "
        "2020 has ended"]


def test_take_out_counts_the_frame_of_the_round_that_speaks(tmp_path: Path) -> None:
    # The 2018 round gives DK drift frames to 2021; a take-out in 2021 is
    # fine, in 2022 no round speaks on 2020-10-31.
    files = {DK03: _project("DK-03", (
        "status: planned\nplanned: {start: 2020-01-01, end: 2020-12-31}\ncost: {2020: 100}\n"
        "benefits:\n  - kind: economic\n    owner: Rådmann\n    planned: {2021: 100, 2022: 100}\n"
        "    take_outs:\n"
        "      - {area: DK, year: 2021, amount: 100, decision: KST 123/17}\n"
        "      - {area: DK, year: 2022, amount: 100, decision: KST 123/17}\n"))}
    p = _portfolio(tmp_path, files)
    assert [f.split(" ", 1)[0] for f in _found(p, rules=["ASK417"])] == [f"{DK03}:14"]


def test_accounting_codes_told_apart_by_spacing_are_the_same(tmp_path: Path) -> None:
    files = {DK03: _project("DK-03", "status: planned\nplanned: {start: 2020-01-01, end: 2020-12-31}\n"
                                     "accounting: [{project: '31045'}]\n"),
             "programmes/dk/projects/DK-04.yaml": _project("DK-04", (
                 "status: planned\nplanned: {start: 2020-01-01, end: 2020-12-31}\n"
                 "accounting: [{project: ' 31045 ', kind: drift}]\n"))}
    p = _portfolio(tmp_path, files)
    assert [f.split(" ", 2)[:2] for f in _found(p, rules=["ASK418"])] == [
        ["programmes/dk/projects/DK-04.yaml:7", "ASK418"]]


# -- generated values: the money rules never raise ---------------------------------

def _valid(model: type[Any], values: dict[str, Any]) -> Any:
    try:
        return model.model_validate(values)
    except ValidationError:
        return None


@settings(max_examples=examples(120), deadline=None, database=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])
@given(st.lists(record(Project), min_size=1, max_size=4), st.lists(record(ProgrammeArea), max_size=2),
       record(Programme), st.dates(D(1990, 1, 1), D(2100, 12, 31)), st.data())
def test_money_rules_never_raise_on_generated_records(projects: list[dict[str, Any]], areas: list[dict[str, Any]],
                                                      programme: dict[str, Any], as_of: dt.date,
                                                      data: st.DataObject) -> None:
    # Generated ids rarely meet, so projects, dependencies, areas and
    # take-outs are linked to each other by hand.
    valid = [p for p in (_valid(Project, v) for v in projects) if p is not None]
    parts = [a.model_copy(update={"id": f"A{i}"}) for i, a in enumerate(
        a for a in (_valid(ProgrammeArea, v) for v in areas) if a is not None)]
    ids, area_ids = [f"P{i}" for i in range(len(valid))], [a.id for a in parts] + ["NONE"]
    linked = []
    for i, project in enumerate(valid):
        deps = [d.model_copy(update={"project": data.draw(st.sampled_from(ids))}) for d in project.depends_on]
        benefits = [b.model_copy(update={"take_outs": [
            t.model_copy(update={"area": data.draw(st.sampled_from(area_ids))}) for t in b.take_outs]})
            for b in project.benefits]
        linked.append(project.model_copy(update={"id": ids[i], "depends_on": deps, "benefits": benefits,
                                                 "area": data.draw(st.sampled_from(area_ids))}))
    records: dict[str, list[Any]] = {"project": linked, "area": parts}
    if (parsed := _valid(Programme, programme)) is not None:
        records["programme"] = [parsed]
    ctx = CheckContext(Portfolio(Path("."), records), as_of)
    for rule in MONEY_RULES:
        check = REGISTRY[rule].check
        assert check is not None
        for finding in check(ctx):
            assert finding.message and finding.hint
