"""The public report's volumes and case tables are judged on the records
they are counted from: the quality system's counts must cover at least k
units and k cases, the programme's case records at least k units – thirty
leaders' units do not make one unit's cases anonymous (red team F7). A unit
written in several spellings (case, accents, spaces) is one unit (F9)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import askoy2020
from askoy2020.model.case_counts import CaseCount
from askoy2020.model.leader import Leader
from askoy2020.model.quality import QualityCase
from askoy2020.report.audience import Audience, unit_count, withheld
from askoy2020.report.quality import build_quality

AS_OF = dt.date(2020, 10, 31)
K = 3
AREAS = ("OL", "HM", "DK")
# Thirty leaders in thirty units: the union of units is far over k.
LEADERS = [Leader.model_validate({"id": f"L-{n:03d}", "role": f"Leder, Enhet {n}", "unit": f"Enhet {n}",
                                  "area": AREAS[n % 3], "cohort": 2018}) for n in range(30)]


def spellings(name: str) -> list[str]:
    """Ways an export writes the same unit."""
    return [name, name.lower(), name.upper(), name.replace(" ", "  "), f" {name}\u00a0", name.replace("ø", "o"),
            name.replace("ø", "Ø").title()]


def _count(unit: str, kind: str = "deviation", month: str = "2020-03", count: int = 1, area: str = "KM",
           severity: int | None = None) -> CaseCount:
    return CaseCount.model_validate({"source": "Compilo", "unit": unit, "area": area, "kind": kind,
                                     "severity": severity, "month": month, "count": count})


def _case(n: int, unit: str, area: str = "KM") -> QualityCase:
    return QualityCase.model_validate({
        "id": f"Q-2020-{n:03d}", "kind": "deviation", "title": "Testsak", "unit": unit, "area": area,
        "occurred": "2020-05-01", "reported": "2020-05-02", "status": "closed", "closed": "2020-06-15",
        "severity": 3, "responsible": "Rektor", "deadline": "2020-12-30"})


def _portfolio(counts: list[CaseCount] = [], cases: list[QualityCase] = []) -> askoy2020.Portfolio:  # noqa: B006
    records: dict[str, list[Any]] = {"leader": list(LEADERS), "case-count": counts, "quality-case": cases}
    return askoy2020.Portfolio(root=Path("."), records=records)


def test_one_units_counts_are_not_shown_beside_thirty_leaders_units() -> None:
    """Red team F7 repro A: every count from one unit – an HMS deviation of
    severity 5 in June, a breach in July – was printed by month and severity."""
    unit = "Bofellesskap Hetlevik"
    counts = [_count(unit, "hms_deviation", "2020-03", severity=4), _count(unit, "deviation", "2020-03", severity=2),
              _count(unit, "hms_deviation", "2020-06", severity=5),
              _count(unit, "personal_data_breach", "2020-07", severity=3)]
    portfolio = _portfolio(counts)
    assert not withheld(portfolio, Audience.PUBLIC, K)  # the programme as a whole has units enough
    volumes = build_quality(portfolio, 2020, AS_OF, K, Audience.PUBLIC).volumes
    assert volumes is not None and volumes.withheld
    assert (volumes.by_month, volumes.by_severity, volumes.by_area, volumes.total, volumes.hms) == ([], [], [], 0, 0)
    assert [k.by_year for k in volumes.by_kind] == [{2020: None}] * len(volumes.by_kind)
    internal = build_quality(portfolio, 2020, AS_OF, K, Audience.INTERNAL).volumes
    assert internal is not None and not internal.withheld and internal.total == 4
    assert [s.hms for s in internal.by_severity if s.key == "5"] == [1]


def test_a_year_of_few_units_is_not_shown_though_the_report_year_is() -> None:
    counts = [_count(f"Enhet {n}", month="2020-03", count=2, area=AREAS[n % 3]) for n in range(4)]
    counts += [_count("Enhet 1", month="2019-05", count=7, area="HM"), _count("Enhet 2", month="2019-06", count=3)]
    volumes = build_quality(_portfolio(counts), 2020, AS_OF, K, Audience.PUBLIC).volumes
    assert volumes is not None and not volumes.withheld and volumes.total == 8
    deviations = next(k for k in volumes.by_kind if k.kind == "deviation")
    assert deviations.by_year == {2019: None, 2020: 8}


@pytest.mark.parametrize("units, cases, shown", [(3, 3, True), (2, 9, False), (3, 2, None), (1, 1, False)])
def test_k_units_and_k_cases(units: int, cases: int, shown: bool | None) -> None:
    """Three units with two cases between them cannot be: zero-count rows are not written."""
    if shown is None:
        return
    counts = [_count(f"Enhet {n}", count=cases // units + (n < cases % units), area="OL") for n in range(units)]
    volumes = build_quality(_portfolio(counts), 2020, AS_OF, K, Audience.PUBLIC).volumes
    assert volumes is not None and volumes.withheld is (not shown)


@pytest.mark.parametrize("name", ["Klima og miljø", "Kleppestø skole"])
def test_spellings_of_one_unit_count_once(name: str) -> None:
    """Red team F9: four spellings of one unit made area KM '4 enheter'."""
    assert unit_count(spellings(name)) == 1
    counts = [_count(f"Enhet {n}", count=3, area="OL") for n in range(3)]
    counts += [_count(spelled, "hms_deviation", count=1, area="KM", severity=5) for spelled in spellings(name)]
    volumes = build_quality(_portfolio(counts), 2020, AS_OF, K, Audience.PUBLIC).volumes
    assert volumes is not None and not volumes.withheld
    assert all(row.areas != ("KM",) for row in volumes.by_area)
    for row in volumes.by_area:  # KM is pooled with OL: four units, none alone
        assert row.units is None or row.units >= K
    only_spellings = build_quality(_portfolio([_count(s) for s in spellings(name)]), 2020, AS_OF, K,
                                   Audience.PUBLIC).volumes
    assert only_spellings is not None and only_spellings.withheld


def test_the_programme_of_spellings_is_withheld() -> None:
    """audience.withheld counts a unit written three ways once."""
    portfolio = askoy2020.Portfolio(root=Path("."), records={"leader": [], "case-count": [
        _count(s) for s in spellings("Klima og miljø")[:3]]})
    assert withheld(portfolio, Audience.PUBLIC, K)
    assert not withheld(portfolio, Audience.INTERNAL, K)


@pytest.mark.parametrize("units", [1, 2])
def test_case_records_of_few_units_are_withheld(units: int) -> None:
    """Red team F7 repro B: the one case's kind, severity, status and days to close were printed."""
    cases = [_case(n, f"Enhet {n % units}", AREAS[n % 3]) for n in range(1, 6)]
    section = build_quality(_portfolio(cases=cases), 2020, AS_OF, K, Audience.PUBLIC)
    assert section.withheld and section.reported == 0 and section.median_days_to_close is None
    assert section.breaches.total == 0 and section.by_area == [] and section.by_kind[0].count == 0
    internal = build_quality(_portfolio(cases=cases), 2020, AS_OF, K, Audience.INTERNAL)
    assert not internal.withheld and internal.reported == 5


def test_case_records_of_three_units_are_shown_and_spellings_are_one() -> None:
    cases = [_case(n, f"Enhet {n % 3}", "OL") for n in range(1, 7)]
    assert not build_quality(_portfolio(cases=cases), 2020, AS_OF, K, Audience.PUBLIC).withheld
    variants = [_case(n, spelled, "OL") for n, spelled in enumerate(spellings("Klima og miljø"), start=1)]
    assert build_quality(_portfolio(cases=variants), 2020, AS_OF, K, Audience.PUBLIC).withheld


def test_no_case_at_all_is_zeros_not_withheld() -> None:
    section = build_quality(_portfolio(), 2020, AS_OF, K, Audience.PUBLIC)
    assert not section.withheld and section.reported == 0 and section.volumes is None


@st.composite
def unit_counts(draw: st.DrawFn) -> list[CaseCount]:
    names = draw(st.lists(st.sampled_from(["Ask skole", "Florvåg skole", "Kleppestø skole", "Hanøy bhg"]),
                          min_size=1, max_size=4))
    out, seen = [], set()
    for name in names:
        spelled = draw(st.sampled_from(spellings(name)))
        month = f"2020-0{draw(st.integers(1, 9))}"
        kind = draw(st.sampled_from(["deviation", "hms_deviation", "complaint"]))
        if (spelled, month, kind) in seen:
            continue
        seen.add((spelled, month, kind))
        out.append(_count(spelled, kind, month, draw(st.integers(1, 4)), draw(st.sampled_from(AREAS))))
    return out


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(unit_counts())
def test_public_volumes_only_over_k_distinct_units_and_k_cases(counts: list[CaseCount]) -> None:
    distinct = len({" ".join(c.unit.casefold().replace("ø", "o").split()) for c in counts})
    total = sum(c.count for c in counts)
    volumes = build_quality(_portfolio(counts), 2020, AS_OF, K, Audience.PUBLIC).volumes
    assert volumes is not None
    assert volumes.withheld is (distinct < K or total < K)
    if volumes.withheld:
        assert volumes.by_month == [] and volumes.by_severity == [] and volumes.total == 0
    for row in volumes.by_area:
        assert row.units is None or row.units >= K


def test_a_warning_about_a_count_record_names_no_unit_in_public(tmp_path: Path) -> None:
    """ASK815 on a count names its unit: the public report leaves it out, as
    it does a leader's or a case's warnings."""
    import shutil

    from askoy2020.report.build import build_report
    from askoy2020.report.render import render
    from helpers import BASE

    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    (root / "control" / "units").mkdir(parents=True)
    (root / "control" / "units" / "E-KLS.yaml").write_text(
        "id: E-KLS\nname: Kleppestø skole\narea: DK\nservices: [grunnskole]\nleader: Rektor\n", encoding="utf-8")
    (root / "quality-counts").mkdir()
    (root / "quality-counts" / "compilo-2020.yaml").write_text(
        "- {source: Compilo, unit: Sjøbris bofellesskap, area: DK, kind: deviation, month: 2020-03, count: 4}\n",
        encoding="utf-8")
    portfolio = askoy2020.load(root)
    assert any(d.rule == "ASK815" and "quality-counts" in d.location.file
               for d in askoy2020.check(portfolio, as_of=AS_OF))
    for audience, named in ((Audience.PUBLIC, False), (Audience.INTERNAL, True)):
        text = render(build_report(portfolio, 2020, AS_OF, audience=audience), "md")
        assert ("Sjøbris bofellesskap" in text) is named
