"""The sample data in data/ validates clean: on its snapshot day and today."""

from __future__ import annotations

import itertools
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

import askoy2020
from askoy2020.model.budget import MoneyKind

DATA = Path(__file__).parent.parent / "data"


@pytest.mark.parametrize("as_of", [date(2020, 10, 31), date.today()])
def test_sample_data_has_no_errors(as_of: date) -> None:
    diagnostics = askoy2020.check(askoy2020.load(DATA), as_of=as_of)
    assert [str(d.location) + " " + d.message for d in diagnostics if d.is_error] == []


def test_sample_data_has_the_promised_shape() -> None:
    p = askoy2020.load(DATA)
    assert len(p.areas) == 10 and any(a.name == "Digital kommune" and not a.illustrative for a in p.areas)
    assert all(a.illustrative for a in p.areas if a.name != "Digital kommune")
    assert 60 <= len(p.projects) <= 80
    assert sum(len(x.depends_on) for x in p.projects) >= 15
    assert any(d.project.split("-")[0] != x.area for x in p.projects for d in x.depends_on)
    assert len(p.leaders) >= 30
    assert any(t.respondents < 3 for leader in p.leaders for t in leader.ten_factor)
    assert 190 <= len(p.cases) <= 210
    assert {c.kind.value for c in p.cases} >= {"deviation", "hms_deviation", "improvement_proposal", "complaint",
                                               "security_incident", "personal_data_breach"}
    assert "service_design" not in {c.kind.value for c in p.cases}  # a project's approach now (ASK840)
    assert {c.occurred.year for c in p.cases} == {2017, 2018, 2019, 2020}
    assert sum(x.approach.value == "service_design" and x.users_involved > 0 for x in p.projects) >= 5


def test_case_volumes_fit_a_municipality_of_1970_employees() -> None:
    """Counts from the quality system: several hundred service deviations a
    year, a hundred-odd HMS deviations, over the 30 units the sample names."""
    p = askoy2020.load(DATA)
    for year in (2017, 2018, 2019):
        counts = [c for c in p.case_counts if c.year == year]
        service = sum(c.count for c in counts if c.kind.value == "deviation")
        hms = sum(c.count for c in counts if c.kind.value == "hms_deviation")
        assert 300 <= service <= 900 and 80 <= hms <= 250, (year, service, hms)
        assert len({c.unit for c in counts}) == 30
    severities = [c.severity for c in p.case_counts for _ in range(c.count)]
    share = {s: severities.count(s) / len(severities) for s in (None, 1, 2, 3, 4, 5)}
    assert share[1] + share[2] > 0.6 and 0 < share[4] + share[5] < 0.1 and share[None] > 0
    assert max(c.month for c in p.case_counts) == "2020-10"


def test_sample_data_gives_prioritise_real_choices() -> None:
    p = askoy2020.load(DATA)
    optional = [x for x in p.projects if x.status.value == "planned" and not x.mandatory and not x.locked]
    assert len(optional) >= 15
    assert any(x.mandatory and x.status.value == "planned" for x in p.projects)
    assert any(x.locked for x in p.projects)
    assert len(p.scenarios) >= 3


def test_saved_sample_plan_matches_the_data() -> None:
    p = askoy2020.load(DATA)
    assert [plan.id for plan in p.plans] == ["budsjett-2021"]
    diagnostics = askoy2020.check(p, as_of=date(2020, 10, 31))
    assert [str(d.location) for d in diagnostics if d.rule.startswith("ASK70")] == []
    kinds = {row.kind for row in p.plans[0].left_out}
    assert {"frame", "predecessor", "cancelled"} <= kinds


# -- the budget cycle (scripts/sample_budget.py says why each figure is as it is)

SNAPSHOT = date(2020, 10, 31)
# The deviations the sample keeps on purpose, each marked in its file.
DELIBERATE = {
    "ASK411": "programmes/ik/projects/IK-01.yaml",  # 2. tertial 2020 forecast 20 % over the revised budget
    "ASK413": "programmes/ai/projects/AI-01.yaml",  # 2. tertial 2020 not reported
    "ASK415": "programmes/sa/projects/SA-03.yaml",  # forecast end after the planned end; SA-05 waits for it
    "ASK416": "programmes/ok/projects/OK-01.yaml",  # the 2019 gain has no realised figure
    "ASK822": "risks/R-DK-04.yaml",  # the chatbot's ROS is past its review date
}


def test_three_rounds_that_roll_with_a_revision() -> None:
    p = askoy2020.load(DATA)
    assert p.programme is not None
    rounds = p.programme.rounds
    assert [(r.year, list(r.years())) for r in rounds] == [
        (2018, [2018, 2019, 2020, 2021]), (2019, [2019, 2020, 2021, 2022]), (2020, [2020, 2021, 2022, 2023])]
    for r in rounds:  # adopted in mid-December the year before, by a council decision
        assert r.decision.startswith("KST ") and (r.adopted.year, r.adopted.month) == (r.year - 1, 12)
        assert set(r.frames.drift) == set(r.frames.staff) == set(r.years())
    for earlier, later in itertools.pairwise(rounds):  # years 2-4 are adopted again, and change
        shared = sorted(set(earlier.years()) & set(later.years()))
        assert any(earlier.frames.drift[y] != later.frames.drift[y] for y in shared)
    revision = rounds[-1].revisions[0]
    assert revision.decision and revision.date == date(2020, 6, 18)
    revised_areas = [a.id for a in p.areas if (part := a.round(2020)) is not None and part.revisions]
    assert revised_areas and all(a.round(2020).revisions[0].date == revision.date  # type: ignore[union-attr]
                                 for a in p.areas if a.id in revised_areas)
    assert all(a.round(year) is not None for a in p.areas for year in (2018, 2019, 2020))
    # Building areas have investment frames; the rest do not.
    assert {a.id for a in p.areas if a.round(2020).frames.investment} == {"EI", "HM"}  # type: ignore[union-attr]
    assert p.programme.staff_funding.value == "units"


def test_magnitudes_fit_a_municipality_of_29000() -> None:
    p = askoy2020.load(DATA)
    assert p.programme is not None
    for year in (2018, 2019, 2020):
        speaking = p.programme.round_for_year(year, SNAPSHOT)
        assert speaking is not None
        assert 15_000 <= speaking.frames.drift[year] <= 50_000  # under 2 % of ~2.4 bn kr drift
        assert 20 <= speaking.frames.staff[year] <= 60  # tens of årsverk of ~1,620
    school = p.project_by_id["EI-07"]
    house = p.project_by_id["HM-07"]
    assert 300_000 <= sum(school.investment.values()) <= 450_000
    assert 300_000 <= sum(house.investment.values()) <= 600_000
    drift_projects = [x for x in p.projects if x.cost]
    assert all(50 <= sum(x.cost.values()) <= 8_000 for x in drift_projects)


def test_financing_adds_up_to_each_years_investment() -> None:
    p = askoy2020.load(DATA)
    investing = [x for x in p.projects if x.investment]
    assert {x.id for x in investing} >= {"EI-07", "HM-07"}
    for x in investing:
        assert set(x.financing) == set(x.investment), x.id
        for year, amount in x.investment.items():
            assert x.financing[year].total() == amount, (x.id, year)
    house = p.project_by_id["HM-07"]
    assert sum(f.grants for f in house.financing.values()) > 0  # Husbanken's investeringstilskudd
    for x in investing:  # momskompensasjon: about 18-20 % of the gross
        for year, amount in x.investment.items():
            assert 0.16 <= x.financing[year].vat_compensation / amount <= 0.20, (x.id, year)


def test_actuals_for_every_closed_tertial_a_project_ran_in() -> None:
    p = askoy2020.load(DATA)
    from askoy2020.model.budget import Period

    missing = set()
    for x in p.projects:
        start, end = x.start(), x.end()
        if x.status.value == "planned" or start is None or end is None:
            continue
        for year in (2018, 2019, 2020):
            if not (x.cost.get(year) or x.investment.get(year)):
                continue
            for period in Period:
                if period.end(year) <= SNAPSHOT and start <= period.end(year):
                    figures = x.accounts.get(year)
                    if figures is None or figures.of(period) is None:
                        missing.add((x.id, year, period.value))
    assert missing == {("AI-01", 2020, "T2")}  # deliberate (ASK413)
    # Year-to-date figures never fall within a year, and forecasts come with the open periods.
    for x in p.projects:
        for year, figures in x.accounts.items():
            found = [f for f in (figures.T1, figures.T2, figures.T3) if f is not None]
            drift = [f.actual.drift for f in found if f.actual.drift is not None]
            assert drift == sorted(drift), (x.id, year)
            assert all(f.forecast is not None for f in (figures.T1, figures.T2) if f is not None), (x.id, year)
    assert p.project_by_id["EI-07"].accounts[2020].T2.actual.investment  # type: ignore[union-attr]


def test_a_project_budget_revised_by_decision() -> None:
    p = askoy2020.load(DATA)
    revised = [x for x in p.projects if x.revisions]
    assert revised
    for x in revised:
        revision = x.revisions[0]
        assert revision.decision and revision.cost
        (year, amount), = revision.cost.items()
        assert amount < x.cost[year]
        assert x.budget(MoneyKind.DRIFT, year, revision.date) == amount
        assert x.budget(MoneyKind.DRIFT, year, revision.date - timedelta(days=1)) == x.cost[year]


def test_gains_planned_partly_realised_and_taken_out() -> None:
    p = askoy2020.load(DATA)
    benefits = [(x, b) for x in p.projects for b in x.benefits]
    assert len({x.id for x, _ in benefits}) >= 20
    assert {b.kind.value for _, b in benefits} == {"economic", "staff", "quality"}
    closed = [(x, b, y) for x, b in benefits for y in b.planned if date(y, 12, 31) < SNAPSHOT]
    realised = [(x, b, y) for x, b, y in closed if y in b.realised]
    assert realised and any(b.realised[y] < b.planned[y] for x, b, y in realised if b.kind.value != "quality")
    assert {x.id for x, b, y in closed if y not in b.realised} == {"OK-01"}  # deliberate (ASK416)
    take_outs = [(x, t) for x, b in benefits for t in b.take_outs]
    assert take_outs
    assert p.programme is not None
    by_decision = {r.decision: r for r in p.programme.rounds}
    for x, t in take_outs:
        later = by_decision[t.decision]
        area = p.area_by_id[t.area]
        before = area.round(later.year - 1).adopted_frame(MoneyKind.DRIFT, t.year)  # type: ignore[union-attr]
        after = area.round(later.year).adopted_frame(MoneyKind.DRIFT, t.year)  # type: ignore[union-attr]
        assert before is not None and after is not None and before - after == t.amount, (x.id, t)


def test_mandatory_only_where_a_law_made_it_a_duty() -> None:
    p = askoy2020.load(DATA)
    mandatory = {x.id: x.legal_basis or "" for x in p.projects if x.mandatory}
    assert set(mandatory) == {"DK-03", "OL-00", "OL-04", "OL-05", "TI-02", "SA-00", "SA-04"}
    assert all(text for text in mandatory.values())
    assert not any("leksehjelp" in (x.name + (x.legal_basis or "")).lower() for x in p.projects)
    # GDPR applies in Norway from 20 July 2018: a project under it runs after that day.
    assert p.project_by_id["DK-03"].end() > date(2018, 7, 20)  # type: ignore[operator]


def test_running_projects_have_accounting_codes() -> None:
    p = askoy2020.load(DATA)
    running = [x for x in p.projects if x.status.value in ("active", "paused")]
    assert running and all(x.accounting for x in running)
    kinds = {c.kind.value for x in running for c in x.accounting}
    assert kinds == {"drift", "investment"}


def test_deliberate_deviations_are_the_only_ones() -> None:
    """Each deliberate warning comes from its one file, for the rules that
    exist in this build (the budget rules are written in parallel)."""
    from askoy2020.rules import all_rules

    known = {r.id for r in all_rules()}
    diagnostics = askoy2020.check(askoy2020.load(DATA), as_of=SNAPSHOT)
    for rule_id, rel in DELIBERATE.items():
        text = (DATA / rel).read_text(encoding="utf-8")
        assert f"# Deliberate ({rule_id})" in text, rel
        if rule_id in known:
            files = {Path(d.file).as_posix().split("data/", 1)[-1] for d in diagnostics if d.rule == rule_id}
            assert files == {rel}, (rule_id, files)
    assert not [d for d in diagnostics if d.rule == "ASK414"]


def test_the_worked_example_in_the_docs_is_the_sample() -> None:
    """docs/budget-cycle.md quotes OK-04 and its area; every line it quotes is in those files."""
    doc = (DATA.parent / "docs" / "budget-cycle.md").read_text(encoding="utf-8")
    example = doc.split("## Worked example", 1)[1]
    blocks = re.findall(r"```yaml\n(.*?)```", example, re.S)
    assert len(blocks) >= 4
    quoted = {line.strip() for block in blocks for line in block.splitlines() if line.strip()}
    files = ("programmes/ok/projects/OK-04.yaml", "programmes/ok/area.yaml")
    lines = {line.strip() for rel in files for line in (DATA / rel).read_text(encoding="utf-8").splitlines()}
    assert sorted(quoted - lines) == []
