"""Red team F3: no public Prestasjonsledelse figure can be subtracted from
another to give a figure over fewer than 3 leaders (or 3 units).

Variants of the sample: for each cohort in turn, all but a few of its
leader records removed (the cohort still declares its head count), or the
10-FAKTOR blocks or the unit goals removed from all but a few of its
leaders; and each programme area's 10-FAKTOR removed. For every public
level-4 figure of Tabell 1 and every 10-FAKTOR mastery figure (whole
programme, per area), the group of leaders behind it is
recomputed here from the records (not read from the report's internals),
and for each figure, every set of other shown figures of the same thing
and year that lie inside it must leave nothing or at least 3 leaders in 3
units: else (mean · n − Σ mean_i · n_i) / (n − Σ n_i) is the remainder's
own figure."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from collections.abc import Callable
from pathlib import Path

import pytest

import askoy2020
from askoy2020.model import Portfolio
from askoy2020.model.leader import Leader
from askoy2020.report.audience import Audience
from askoy2020.report.leadership import build_leadership
from askoy2020.report.leadership_model import LeadershipSection, Table1

DATA = Path(__file__).parent.parent.parent / "data"
AS_OF = dt.date(2020, 10, 31)
YEAR = 2020
K = 3
MASTERY = "mastery_oriented_leadership"


@pytest.fixture(scope="module")
def sample() -> Portfolio:
    return askoy2020.load(DATA)


def _enough(leaders: list[Leader]) -> bool:
    return len({x.id for x in leaders}) >= K and len({x.unit for x in leaders}) >= K


def _valid(x: Leader, year: int) -> bool:
    return any(t.year == year and t.respondents >= K and MASTERY in t.scores for t in x.ten_factor)


def _members(portfolio: Portfolio, table: Table1) -> list[Leader]:
    starts = {c.start for c in portfolio.cohorts if c.id in table.ids}
    return [x for x in portfolio.leaders if x.cohort in starts]


def _group(portfolio: Portfolio, table: Table1, what: str) -> frozenset[str]:
    """The leaders a level-4 figure of ``table`` is over, from the records."""
    leaders = _members(portfolio, table)
    cohorts = [c for c in portfolio.cohorts if c.id in table.ids]
    last = min(YEAR, max(c.end or portfolio.measuring_year for c in cohorts))
    if what == MASTERY:
        years = sorted({t.year for x in leaders for t in x.ten_factor if t.year <= last})
        return frozenset(x.id for x in leaders if _valid(x, years[0]) and _valid(x, years[-1]))
    return frozenset(x.id for x in leaders for g in x.goals if g.indicator == what and g.baseline is not None
                     and any(m.date <= AS_OF and m.date.year <= last for m in g.measurements))


def _figures(portfolio: Portfolio, section: LeadershipSection) -> dict[tuple[str, int], list[frozenset[str]]]:
    """Every public level-4 figure and whole-programme 10-FAKTOR figure, by (what, year): their groups."""
    found: dict[tuple[str, int], list[frozenset[str]]] = {}
    tables = [t for t in [section.programme, *section.cohorts] if t is not None]
    for table in tables:
        for year, cell in table.levels[3].by_year.items():
            for e in cell:
                found.setdefault((e.what, year), []).append(_group(portfolio, table, e.what))
    for s in section.surveys:
        if s.mastery is not None:
            found.setdefault((MASTERY, s.year), []).append(
                frozenset(x.id for x in portfolio.leaders if _valid(x, s.year)))
    for row in section.mastery_groups:  # the 10-FAKTOR rows per programme area (and the pool of small ones)
        for year, cell in row.by_year.items():
            if cell.mean is not None:
                found.setdefault((MASTERY, year), []).append(
                    frozenset(x.id for x in portfolio.leaders if x.area in row.areas and _valid(x, year)))
    return found


def _remainders(portfolio: Portfolio) -> list[str]:
    return _problems(portfolio, build_leadership(portfolio, YEAR, AS_OF, K, Audience.PUBLIC))


def _problems(portfolio: Portfolio, section: LeadershipSection) -> list[str]:
    by_id = portfolio.leader_by_id
    problems = []
    for (what, year), groups in _figures(portfolio, section).items():
        for i, whole in enumerate(groups):
            inside = [g for j, g in enumerate(groups) if j != i and g <= whole and g != whole]
            for n in range(1, len(inside) + 1):
                for parts in itertools.combinations(inside, n):
                    if any(a & b for a, b in itertools.combinations(parts, 2)):
                        continue  # overlapping figures do not subtract to a group
                    rest = whole - frozenset().union(*parts)
                    if rest and not _enough([by_id[x] for x in rest]):
                        problems.append(f"{what} {year}: {len(whole)} less {[len(p) for p in parts]} "
                                        f"leaves {sorted(rest)}")
    return problems


def _cohort_leaders(portfolio: Portfolio, start: int) -> list[Leader]:
    return sorted((x for x in portfolio.leaders if x.cohort == start), key=lambda x: x.id)


def _with(portfolio: Portfolio, leaders: list[Leader]) -> Portfolio:
    return dataclasses.replace(portfolio, records={**portfolio.records, "leader": leaders})


def _remove_records(portfolio: Portfolio, start: int, keep: int) -> Portfolio:
    gone = {x.id for x in _cohort_leaders(portfolio, start)[keep:]}
    return _with(portfolio, [x for x in portfolio.leaders if x.id not in gone])


def _strip(field: str) -> Callable[[Portfolio, int, int], Portfolio]:
    def strip(portfolio: Portfolio, start: int, keep: int) -> Portfolio:
        # The last ``keep`` of the cohort keep theirs (the red team kept L-027 and L-030).
        bare = {x.id for x in _cohort_leaders(portfolio, start)[:-keep or None]}
        return _with(portfolio, [x.model_copy(update={field: []}) if x.id in bare else x
                                 for x in portfolio.leaders])
    return strip


VARIANTS = {"records": _remove_records, "ten_factor": _strip("ten_factor"), "goals": _strip("goals")}


def test_the_red_teams_two_reproductions_are_closed(sample: Portfolio) -> None:
    # t1: K-2019 keeps one leader record of its declared 10; t4: 8 of K-2019's 10 leaders without 10-FAKTOR.
    t1 = _remove_records(sample, 2019, 1)
    assert [x.id for x in _cohort_leaders(t1, 2019)] == ["L-003"]
    t4 = _strip("ten_factor")(sample, 2019, 2)
    assert [x.id for x in _cohort_leaders(t4, 2019) if x.ten_factor] == ["L-027", "L-030"]
    for portfolio in (t1, t4):
        assert _remainders(portfolio) == []
    # t1: K-2019 has one leader record, so it is pooled (here: with everything): no cohort stands beside the
    # programme; t4: the programme's mastery, or each cohort's, is not shown beside a figure it subtracts to two.
    assert build_leadership(t1, YEAR, AS_OF, K, Audience.PUBLIC).cohorts == []
    section = build_leadership(t4, YEAR, AS_OF, K, Audience.PUBLIC)
    assert section.programme is not None and [t.ids for t in section.cohorts] == [("K-2018",), ("K-2019",)]
    shown = [t for t in [section.programme, *section.cohorts]
             if any(e.what == MASTERY for cell in t.levels[3].by_year.values() for e in cell)]
    assert len(shown) <= 1


def test_no_remainder_when_an_area_loses_its_ten_factor(sample: Portfolio) -> None:
    # An area row of the 10-FAKTOR section beside a cohort's mastery: nested groups come from areas too.
    for area in sorted({x.area for x in sample.leaders}):
        for keep in range(0, 4):
            ids = [x.id for x in sample.leaders if x.area == area][keep:]
            portfolio = _with(sample, [x.model_copy(update={"ten_factor": []}) if x.id in ids else x
                                       for x in sample.leaders])
            assert _remainders(portfolio) == [], (area, keep)


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("start", [2018, 2019])
def test_no_public_figure_subtracts_to_fewer_than_three_leaders(sample: Portfolio, variant: str, start: int) -> None:
    for keep in range(0, 5):
        portfolio = VARIANTS[variant](sample, start, keep)
        assert _remainders(portfolio) == [], (variant, start, keep)


def test_the_check_finds_the_remainder_the_red_team_found(sample: Portfolio) -> None:
    """The check can fail: the tables the public report used to show for t1 – the programme and K-2018, with
    K-2019 (one leader record) left out – leave L-003's unit by subtraction."""
    t1 = _remove_records(sample, 2019, 1)
    internal = build_leadership(t1, YEAR, AS_OF, K, Audience.INTERNAL)
    before = dataclasses.replace(internal, cohorts=[t for t in internal.cohorts if t.ids == ("K-2018",)])
    found = _problems(t1, before)
    assert any(p.startswith(f"{MASTERY} 2018") and p.endswith("['L-003']") for p in found), found
    assert any(p.startswith("Sykefravær i prosent 2017") for p in found), found
