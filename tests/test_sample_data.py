"""The sample data in data/ validates clean: on its snapshot day and today."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import askoy2020

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
    assert {c.kind.value for c in p.cases} >= {"deviation", "improvement_proposal", "service_design", "complaint",
                                               "security_incident", "personal_data_breach"}
    assert {c.occurred.year for c in p.cases} == {2017, 2018, 2019, 2020}


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
