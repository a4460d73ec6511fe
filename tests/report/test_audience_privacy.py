"""The public report rates or identifies no one: on the sample data and on
generated small portfolios, removing any one leader or case changes only
figures over at least three units, together still pointing at at least
three units; no public figure is over fewer than three or names a unit,
a position or a case; and no shown figures can be subtracted from each
other to leave a group under three. The internal report does all of
these things, which shows the checks can fail."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import askoy2020
from askoy2020.model import Portfolio
from askoy2020.model.cohort import Cohort
from askoy2020.model.leader import Leader
from askoy2020.model.quality import QualityCase
from askoy2020.report.audience import Audience
from askoy2020.report.leadership import build_leadership
from askoy2020.report.quality import build_quality

from .privacy import figures, isolating, problems, records, without

DATA = Path(__file__).parent.parent.parent / "data"
AS_OF = dt.date(2020, 10, 31)
K = 3


def _sections(portfolio: Portfolio, audience: Audience = Audience.PUBLIC) -> tuple[object, object]:
    return (build_leadership(portfolio, 2020, AS_OF, K, audience), build_quality(portfolio, 2020, AS_OF, K, audience))


def _figures(portfolio: Portfolio) -> dict[str, object]:
    leadership, quality = _sections(portfolio)
    found = {f"leadership{p}": f for p, f in figures(leadership).items()}
    found.update({f"quality{p}": f for p, f in figures(quality).items()})
    return found


def _mastery_partition_problems(portfolio: Portfolio) -> list[str]:
    """The shown area groups and the total: recomputed from the records, the
    groups split the units with a result, each has enough, and what the
    total holds beyond them is nothing or enough."""
    leadership, _ = _sections(portfolio)
    found = []
    for year in leadership.survey_years:  # type: ignore[attr-defined]
        valid = {x.id: (s, t.respondents) for x in portfolio.leaders for t in x.ten_factor if t.year == year
                 and t.respondents >= K and (s := t.scores.get("mastery_oriented_leadership")) is not None}
        covered: set[str] = set()
        for group in leadership.mastery_groups:  # type: ignore[attr-defined]
            members = {i for i in valid if portfolio.leader_by_id[i].area in group.areas}
            cell = group.by_year[year]
            if cell.mean is None:
                continue
            if members & covered or len(members) < K or cell.units != len(members):
                found.append(f"{year} {group.areas}: {sorted(members)} overlaps, is small or is miscounted")
            weighted = sum(valid[i][0] * valid[i][1] for i in members) / sum(valid[i][1] for i in members)
            if abs(cell.mean - weighted) > 1e-9:
                found.append(f"{year} {group.areas}: mean {cell.mean} is not its units' mean weighted by respondents")
            covered |= members
        total = leadership.mastery_total[year]  # type: ignore[attr-defined]
        if total.mean is not None and 0 < len(set(valid) - covered) < K:
            found.append(f"{year}: the total less the groups leaves {sorted(set(valid) - covered)}")
    return found


def _case_partition_problems(portfolio: Portfolio) -> list[str]:
    """The kinds add up to every case of the year, so the area rows shown
    must leave out nothing, or enough cases from enough units."""
    _, quality = _sections(portfolio)
    if quality.withheld:  # type: ignore[attr-defined]
        return []
    year = [c for c in portfolio.cases if c.reported.year == 2020 and c.reported <= AS_OF]
    if sum(c.count or 0 for c in quality.by_kind) != len(year):  # type: ignore[attr-defined]
        return ["the kinds do not add up to the year's cases"]
    left = [c for c in year if not any((c.area or "") in row.areas and row.cases is not None
                                       for row in quality.by_area)]  # type: ignore[attr-defined]
    # Nothing shown by area: what is left is the whole programme, which the kinds count anyway.
    if left and len(left) < len(year) and (len(left) < K or len({c.unit for c in left}) < K):
        return [f"the total less the areas shown leaves {sorted(c.id for c in left)}"]
    return []


def _check(portfolio: Portfolio) -> list[str]:
    found = [p for section in _sections(portfolio) for p in problems(portfolio, section, K)]
    found += _mastery_partition_problems(portfolio) + _case_partition_problems(portfolio)
    before = _figures(portfolio)
    for unit, record in records(portfolio):
        smaller = without(portfolio, record)
        found += [f"without {getattr(record, 'id', '?')}: {p}" for section in _sections(smaller)
                  for p in problems(smaller, section, K)]
        found += [f"without {getattr(record, 'id', '?')}: {p}"
                  for p in _mastery_partition_problems(smaller) + _case_partition_problems(smaller)]
        found += [f"without {getattr(record, 'id', '?')}: {p}"
                  for p in isolating(portfolio, unit, before, _figures(smaller), K)]  # type: ignore[arg-type]
    return found


@pytest.fixture(scope="module")
def sample() -> Portfolio:
    return askoy2020.load(DATA)


def test_no_public_figure_isolates_a_leader_or_a_case_in_the_sample(sample: Portfolio) -> None:
    assert len(sample.leaders) >= 30 and len(sample.cases) >= 200  # every record is tried
    assert _check(sample) == []


def test_the_internal_report_fails_the_same_checks(sample: Portfolio) -> None:
    found = [p for section in _sections(sample, Audience.INTERNAL) for p in problems(sample, section, K)]
    assert any("a figure about the unit" in p for p in found)  # 10-FAKTOR per unit
    assert any("names 'Rektor, Kleppestø skole'" in p for p in found)  # a leader's goals
    assert any("names 'Q-2020-006'" in p for p in found)  # an overdue case


# -- generated small portfolios: few units per area, few respondents, few cases

AREAS = ["OL", "HM", "DK"]


@st.composite
def portfolios(draw: st.DrawFn) -> Portfolio:
    units = draw(st.integers(1, 10))
    unit_area = {f"Enhet {n}": draw(st.sampled_from(AREAS)) for n in range(units)}
    leaders = []
    for n, (unit, area) in enumerate(unit_area.items()):
        # Mostly surveyed both years with enough answers, so areas of three units and more are common.
        ten_factor = [{"year": year, "respondents": draw(st.sampled_from([0, 2, 3, 5, 8, 12])),
                       "scores": {"mastery_oriented_leadership": draw(st.integers(10, 50)) / 10},
                       "follow_up": draw(st.sampled_from([None, {"factors": [draw(st.sampled_from(
                           ["autonomy", "role_clarity", "mastery_climate"]))]}]))}
                      for year in draw(st.sampled_from([[2018, 2020], [2018, 2020], [2020], []]))]
        goals = [{"id": f"L-{n:03d}-M{g}", "text": "Mål", "indicator": "Andel", "baseline": {"year": 2017, "value": 0},
                  "targets": {2020: 100}, "measurements": [{"date": "2019-12-31", "value": draw(st.integers(0, 100))}]}
                 for g in range(draw(st.integers(0, 2)))]
        leaders.append(Leader.model_validate({
            "id": f"L-{n:03d}", "role": f"Leder, {unit}", "unit": unit, "area": area,
            "cohort": draw(st.sampled_from([2018, 2019])), "goals": goals, "ten_factor": ten_factor}))
    # Cohorts of any size: a small one must be pooled or left out in public, never shown alone.
    cohorts = [Cohort.model_validate({
        "id": f"K-{start}", "start": start, "leaders": sum(x.cohort == start for x in leaders),
        "reaction": [{"year": start, "mean": draw(st.integers(1, 5)), "respondents": draw(st.integers(3, 9))}],
        "learning": [{"year": 2020, "area": "goals_and_results", "mean": draw(st.integers(1, 5)),
                      "respondents": draw(st.integers(3, 9))}],
        "behaviour": [{"before": {"year": 2018, "mean": 3, "respondents": 5},
                       "after": {"year": 2020, "mean": draw(st.integers(1, 5)), "respondents": 6}}],
    }) for start in (2018, 2019)]
    cases = []
    for n in range(draw(st.integers(0, 16))):
        unit = draw(st.sampled_from(sorted(unit_area)))
        kind = draw(st.sampled_from(["deviation", "complaint", "improvement_proposal", "personal_data_breach"]))
        reported = dt.date(2020, 1, 1) + dt.timedelta(days=draw(st.integers(0, 300)))
        closed = draw(st.one_of(st.none(), st.integers(1, 120)))
        case = {"id": f"Q-2020-{n:03d}", "kind": kind, "title": f"Sak {n}", "unit": unit,
                "area": draw(st.sampled_from([unit_area[unit], None])), "occurred": reported, "reported": reported,
                "status": "closed" if closed else "in_progress", "responsible": "Leder",
                "deadline": reported + dt.timedelta(days=30),
                "closed": reported + dt.timedelta(days=closed) if closed else None,
                "severity": draw(st.integers(1, 5))}
        if kind == "personal_data_breach":
            aware = dt.datetime.combine(reported, dt.time(9))
            case["breach"] = {"became_aware": aware,
                              "notified": draw(st.one_of(st.none(), st.just(aware + dt.timedelta(hours=80))))}
        cases.append(QualityCase.model_validate(case))
    return Portfolio(root=Path("."), records={"leader": leaders, "quality-case": cases, "cohort": cohorts})


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(portfolios())
def test_no_public_figure_isolates_a_leader_or_a_case_in_small_portfolios(portfolio: Portfolio) -> None:
    assert _check(portfolio) == []
