"""Internkontroll in the Kvalitet chapter: the figures recomputed from the
YAML of data/control, the public audience holding no role and no figure
per unit, everything seen on the report's day, and the part rendered in
Markdown and HTML, in bokmål and English."""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

import askoy2020
from askoy2020.model import Portfolio
from askoy2020.report.audience import Audience
from askoy2020.report.build import build_report
from askoy2020.report.control import build_control
from askoy2020.report.control_model import ControlSection
from askoy2020.report.render import render
from helpers import BASE

from .helpers import gfm_tables, structure

DATA = Path(__file__).parent.parent.parent / "data"
AS_OF = dt.date(2020, 10, 31)


def _yaml(folder: str) -> list[dict[str, Any]]:
    found = []
    for path in sorted((DATA / folder).rglob("*.yaml")):
        value = yaml.safe_load(path.read_text(encoding="utf-8"))
        found += value if isinstance(value, list) else [value]
    return found


def _due(routine: dict[str, Any]) -> dt.date:
    """Written out again here, not borrowed from the model."""
    last = routine.get("last_reviewed") or routine["approved"]
    months = last.month - 1 + routine.get("review_every_months", 12)
    year, month = last.year + months // 12, months % 12 + 1
    return dt.date(year, month, min(last.day, calendar.monthrange(year, month)[1]))


@pytest.fixture(scope="module")
def sample() -> Portfolio:
    return askoy2020.load(DATA)


@pytest.fixture(scope="module")
def internal(sample: Portfolio) -> ControlSection:
    return build_control(sample, 2020, AS_OF, Audience.INTERNAL)


@pytest.fixture(scope="module")
def public(sample: Portfolio) -> ControlSection:
    return build_control(sample, 2020, AS_OF, Audience.PUBLIC)


def test_units_services_and_routines_are_those_of_the_yaml(internal: ControlSection) -> None:
    units = _yaml("control/units")
    routines = [r for u in units for r in u.get("routines", [])]
    overdue = [r for r in routines if _due(r) < AS_OF]
    assert internal.units == len(units) == 30
    assert internal.services == len({s.casefold() for u in units for s in u["services"]})
    assert internal.routines == len(routines)
    assert internal.routines_overdue == len(overdue) == 1
    assert internal.routines_in_time == len(routines) - 1
    assert [(o.routine, o.due, o.days) for o in internal.overdue_routines] == \
        [(r["id"], _due(r), (AS_OF - _due(r)).days) for r in overdue] == [("E-HJS-R04", dt.date(2020, 9, 12), 49)]
    by_area: dict[str, int] = {}
    for unit in units:
        by_area[unit["area"]] = by_area.get(unit["area"], 0) + 1
    assert {row.area: row.units for row in internal.coverage} == by_area
    assert {row.area: row.services for row in internal.coverage} == {
        area: len({s.casefold() for u in units if u["area"] == area for s in u["services"]}) for area in by_area}
    assert sum(row.overdue or 0 for row in internal.coverage) == 1


def test_every_unit_that_cases_and_leaders_name_is_in_the_register() -> None:
    named = {c["unit"] for c in _yaml("quality")} | {x["unit"] for x in _yaml("leaders")}
    assert named == {u["name"] for u in _yaml("control/units")}


def test_findings_counted_per_source_as_the_yaml_says(internal: ControlSection) -> None:
    findings = [f for f in _yaml("control/findings") if f["reported"] <= AS_OF]

    def is_open(f: dict[str, Any]) -> bool:
        return f.get("closed") is None or f["closed"] > AS_OF

    for row in internal.counts:
        mine = [f for f in findings if f"ic_source_{f['source']}" == row.source]
        assert row.new == sum(f["reported"].year == 2020 for f in mine)
        assert row.closed == sum(not is_open(f) and f["closed"].year == 2020 for f in mine)
        assert row.open == sum(is_open(f) for f in mine)
        assert row.past_deadline == sum(is_open(f) and f.get("deadline") is not None and f["deadline"] < AS_OF
                                        for f in mine)
    assert internal.total.new == 5 and internal.total.closed == 2 and internal.total.open == 4
    # Listed: the year's, those closed in it, and those still open; F-2018-01 and F-2019-02 closed in 2019.
    assert [f.id for f in internal.findings] == ["F-2019-01", "F-2020-01", "F-2020-02", "F-2020-03", "F-2020-04",
                                                 "F-2020-05"]


def test_the_review_held_in_the_year_and_the_one_planned(internal: ControlSection) -> None:
    assert [(v.year, v.held, v.scope) for v in internal.reviews_held] == [(2019, dt.date(2020, 2, 4), ())]
    held = internal.reviews_held[0]
    assert held.led_by == "Rådmann" and held.decisions_done == 2 and len(held.decisions) == 4
    assert internal.review_due is not None and internal.review_due.planned == dt.date(2021, 2, 2)
    assert internal.review_missing == []


def _strings(value: object) -> Iterator[str]:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _strings(getattr(value, f.name))
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, str):
        yield value


def _roles(portfolio: Portfolio) -> set[str]:
    roles = {u.leader for u in portfolio.units} | {r.owner for u in portfolio.units for r in u.routines}
    roles |= {a.owner for f in portfolio.findings for a in f.actions}
    roles |= {v.led_by for v in portfolio.management_reviews}
    roles |= {d.owner for v in portfolio.management_reviews for d in v.decisions}
    return roles


def test_the_public_section_holds_no_role_and_nothing_per_unit(sample: Portfolio, public: ControlSection,
                                                                internal: ControlSection) -> None:
    roles = _roles(sample)
    assert len(roles) > 10
    assert not roles & set(_strings(public))
    assert roles & set(_strings(internal))  # the check can fail
    assert public.overdue_routines == [] and all(row.overdue is None for row in public.coverage)
    # Programme-wide totals stay.
    assert (public.routines, public.routines_overdue) == (internal.routines, internal.routines_overdue)


def test_the_public_report_lists_findings_only_from_public_reports(sample: Portfolio) -> None:
    portfolio = dataclasses.replace(sample, records=dict(sample.records))
    audit = sample.findings[0].model_copy(update={"id": "F-2020-09", "reported": dt.date(2020, 5, 1),
                                                  "closed": None, "closing_note": None})
    assert audit.source.value == "internal_audit"
    portfolio.records["finding"] = [*sample.findings, audit]
    public = build_control(portfolio, 2020, AS_OF, Audience.PUBLIC)
    internal = build_control(portfolio, 2020, AS_OF, Audience.INTERNAL)
    assert "F-2020-09" in [f.id for f in internal.findings] and internal.findings_not_listed == 0
    assert "F-2020-09" not in [f.id for f in public.findings] and public.findings_not_listed == 1
    assert public.total == internal.total  # counted all the same


def test_an_earlier_day_sees_what_was_known_then(sample: Portfolio) -> None:
    then = build_control(sample, 2019, dt.date(2019, 12, 31), Audience.INTERNAL)
    rows = {f.id: f for f in then.findings}
    # F-2019-01 (lovbrudd) was closed only on 20.01.2020: open and past its deadline at the end of 2019.
    assert rows["F-2019-01"].status == "ic_status_past_deadline" and rows["F-2019-01"].closed is None
    assert rows["F-2019-01"].days_past_deadline == 91
    assert then.headline.light == "red" and then.headline.binding_past_deadline == 1
    assert "F-2020-01" not in rows  # reported in 2020
    assert [v.year for v in then.reviews_held] == [2018, 2019]  # held 29.01.2019 and 26.11.2019 (helse og omsorg)
    assert then.review_due is not None and then.review_due.year == 2019 and then.review_due.held is None


def test_no_register_says_so() -> None:
    section = build_control(askoy2020.load(BASE), 2020, AS_OF, Audience.INTERNAL)
    assert not section.recorded and section.units == 0 and section.findings == [] and section.review_missing == []


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("audience", [Audience.INTERNAL, Audience.PUBLIC])
def test_the_part_renders_in_markdown_and_html(sample: Portfolio, lang: str, audience: Audience) -> None:
    report = build_report(sample, 2020, AS_OF, lang=lang, audience=audience)
    md, html = render(report, "md"), render(report, "html")
    heading = "Internkontroll" if lang == "nb" else "Internal control (internkontroll)"
    part = md.split(f"### {heading}\n", 1)[1].split("\n## ", 1)[0]
    assert all(len(set(rows)) == 1 for rows in gfm_tables(part)), "every row of every table has the same cells"
    page = structure(html)
    text = " ".join(page.text)
    assert heading in text
    review = "Ledelsens gjennomgang" if lang == "nb" else "Management review"
    assert review in part and review in text
    for shown in ("F-2020-04", "Fylkesmannen i Vestland"):
        assert shown in part and shown in text
    # The unit of a lovbrudd rates its leader: named in the internal report only.
    assert ("Erdal ungdomsskole" in part) is (audience is Audience.INTERNAL)
    owner = "Kvalitetsrådgiver"  # a decision's owner
    internal = audience is Audience.INTERNAL
    assert (owner in part) is internal and (owner in text) is internal
    assert ("E-HJS-R04" in part) is internal and ("E-HJS-R04" in text) is internal
    if lang == "nb":
        assert "31.10.2020" in part and "lovbrudd" in part
    else:
        assert "2020-10-31" in part and "breach of law" in part


def test_hostile_text_stays_text(sample: Portfolio) -> None:
    portfolio = dataclasses.replace(sample, records=dict(sample.records))
    hostile = sample.findings[-1].model_copy(update={"title": "<script>alert(1)</script> | ** # x",
                                                     "authority": "A|B <b>"})
    portfolio.records["finding"] = [*sample.findings[:-1], hostile]
    report = build_report(portfolio, 2020, AS_OF)
    md, html = render(report, "md"), render(report, "html")
    assert "<script>" not in html and "&lt;script&gt;" in html and "A|B &lt;b&gt;" in html
    part = md.split("### Internkontroll\n", 1)[1].split("\n## ", 1)[0]
    assert "<script>" not in part
    assert all(len(set(rows)) == 1 for rows in gfm_tables(part))
