"""The charts of the sample report, read as a reader and a screen reader
get them: every SVG parsed as XML, its marks found by class and checked
against the report model and the data (not against the chart code's own
arithmetic), and the Mermaid text read line by line."""

from __future__ import annotations

import datetime as dt
import html as html_lib
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

import askoy2020
from askoy2020.model import Portfolio
from askoy2020.report.build import build_report
from askoy2020.report.i18n import Lang
from askoy2020.report.model import Report
from askoy2020.report.render import render

DATA = Path(__file__).parent.parent.parent / "data"
AS_OF = dt.date(2020, 10, 31)
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def portfolio() -> Portfolio:
    return askoy2020.load(DATA)


@pytest.fixture(scope="module")
def report(portfolio: Portfolio) -> Report:
    return build_report(portfolio, 2020, AS_OF, lang="nb")


@pytest.fixture(scope="module")
def pages(portfolio: Portfolio) -> dict[tuple[str, str], str]:
    return {(lang, fmt): render(build_report(portfolio, 2020, AS_OF, lang=lang), fmt)
            for lang in ("nb", "en") for fmt in ("html", "md")}


def charts(page: str) -> dict[str, ET.Element]:
    """Every SVG of an HTML report by its chart id, parsed as XML."""
    found = {}
    for text in re.findall(r"<svg\b.*?</svg>", page, re.S):
        svg = ET.fromstring(text)
        title = svg.find(f"{SVG}title")
        assert title is not None and title.get("id", "").endswith("-t"), text[:200]
        found[title.get("id", "")[:-2]] = svg
    return found


def captions(page: str) -> dict[str, str]:
    """Each figure's caption by the id of the chart it holds."""
    found = {}
    for figure in re.findall(r"<figure>.*?</figure>", page, re.S):
        chart_id = re.search(r'<title id="([^"]+)-t"', figure)
        caption = re.search(r"<figcaption>(.*?)</figcaption>", figure, re.S)
        assert chart_id and caption, figure[:200]
        found[chart_id.group(1)] = html_lib.unescape(caption.group(1))
    return found


def text_of(element: ET.Element | None) -> str:
    return "" if element is None else "".join(element.itertext())


def by_class(svg: ET.Element, tag: str, name: str) -> list[ET.Element]:
    return [e for e in svg.iter(f"{SVG}{tag}") if name in e.get("class", "").split()]


def x_of(svg: ET.Element, day: dt.date) -> float:
    """Where a day falls on a schedule, from its year lines alone."""
    years = {int(line.get("data-year", "")): float(line.get("x1", "")) for line in by_class(svg, "line", "year")}
    start, stop = years[day.year], years[day.year + 1]
    days_in_year = (dt.date(day.year + 1, 1, 1) - dt.date(day.year, 1, 1)).days
    return start + (stop - start) * (day - dt.date(day.year, 1, 1)).days / days_in_year


# -- text alternatives


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_every_chart_states_its_own_message(pages: dict[tuple[str, str], str], lang: str) -> None:
    page = pages[lang, "html"]
    svgs, texts = charts(page), captions(page)
    words = Lang(lang)
    generic = {words.t(k) for k in ("gantt", "dependencies", "attainment_chart", "cases_per_year")}
    assert len(svgs) >= 30
    alternatives = []
    for chart_id, svg in svgs.items():
        title, desc = text_of(svg.find(f"{SVG}title")), text_of(svg.find(f"{SVG}desc"))
        assert title not in generic, chart_id
        alternatives.append(f"{title} {desc}")
        assert svg.get("aria-describedby") == f"{chart_id}-d"
        assert desc.startswith(title) and len(desc) > len(title) + 20, (chart_id, desc)
        # The caption says what the chart's <desc> says (the budget charts then say how to read them).
        assert texts[chart_id] == desc or (chart_id.startswith("budget-") and texts[chart_id].startswith(desc + " "))
    assert [a for a, n in Counter(alternatives).items() if n > 1] == []
    assert [c for c, n in Counter(texts.values()).items() if n > 1] == []


def test_the_messages_name_what_the_charts_mark(pages: dict[tuple[str, str], str], report: Report) -> None:
    texts = captions(pages["nb", "html"])
    red = set(report.summary.red_projects)
    late = {d.project: d.days for a in report.areas for d in a.delays}
    assert red and late
    for i, area in enumerate(report.areas, start=1):
        gantt = texts[f"gantt-{i}"]
        for project in {b.label for b in area.bars} & red:
            assert re.search(rf"{project}[^.]* har rød statusrapport\.", gantt), gantt
        for project in {b.label for b in area.bars} & set(late):
            assert f"{project} ({late[project]} dager)" in gantt and "er forsinket." in gantt, gantt
    assert "Mål DK-M1 var 51 % av veien mot målet for 2020" in texts["att-2"]
    assert "per 31.10.2020 er 96 % forventet" in texts["att-2"]


# -- the schedule


def test_the_today_line_stands_on_the_as_of_day(pages: dict[tuple[str, str], str]) -> None:
    gantts = [svg for chart_id, svg in charts(pages["nb", "html"]).items() if chart_id.startswith("gantt-")]
    assert len(gantts) == 10
    for svg in gantts:
        (today,) = by_class(svg, "line", "today")
        assert float(today.get("x1", "")) == pytest.approx(x_of(svg, AS_OF), abs=0.11)
        # 31.10.2020 is day 305 of a leap year: five sixths of the way through 2020
        years = {int(e.get("data-year", "")): float(e.get("x1", "")) for e in by_class(svg, "line", "year")}
        assert float(today.get("x1", "")) == pytest.approx(years[2020] + (years[2021] - years[2020]) * 304 / 366,
                                                           abs=0.11)
        assert "i dag 31.10.2020" in text_of(svg)


def test_red_and_late_projects_are_marked_by_more_than_colour(pages: dict[tuple[str, str], str],
                                                             report: Report) -> None:
    svgs = charts(pages["nb", "html"])
    red = set(report.summary.red_projects)
    late = {d.project: d.days for a in report.areas for d in a.delays}
    marked_red, marked_late = set(), set()
    for i, area in enumerate(report.areas, start=1):
        svg = svgs[f"gantt-{i}"]
        for bar in svg.iter(f"{SVG}g"):
            if "bar" not in bar.get("class", "").split():
                continue
            project, classes = bar.get("data-project", ""), bar.get("class", "").split()
            if "red" in classes:
                marked_red.add(project)
                assert "●" in text_of(bar.find(f"{SVG}text")), "a symbol, not only the red outline"
            if "late" in classes:
                marked_late.add(project)
                (forecast,) = by_class(bar, "rect", "forecast")
                planned = next(b for b in area.bars if b.label == project).end
                new_end = planned + dt.timedelta(days=late[project])
                right = float(forecast.get("x", "")) + float(forecast.get("width", ""))
                assert right == pytest.approx(x_of(svg, new_end), abs=0.2)
                assert f"+{late[project]} d" in text_of(bar)
        legend = text_of(by_class(svg, "g", "legend")[0])
        assert "Forklaring" in legend and "i dag" in legend
        assert all(Lang("nb").t(b.status) in legend for b in area.bars)
        assert ("rød statusrapport" in legend) == any(b.red for b in area.bars)
        assert ("forsinkelse" in legend) == any(b.late_days for b in area.bars)
    assert marked_red == red
    assert marked_late == set(late)


def test_history_before_the_report_year_is_folded_into_the_caption(pages: dict[tuple[str, str], str],
                                                                  portfolio: Portfolio, report: Report) -> None:
    svgs, texts = charts(pages["nb", "html"]), captions(pages["nb", "html"])
    folded_somewhere = False
    for i, area in enumerate(report.areas, start=1):
        drawn = {g.get("data-project") for g in by_class(svgs[f"gantt-{i}"], "g", "bar")}
        for project in portfolio.projects_in(area.id):
            ended = project.end()
            running = project.status.value in ("planned", "active", "paused")
            if running or (ended is not None and ended.year >= 2020):
                assert project.id in drawn
            else:
                assert project.id not in drawn and project.id in texts[f"gantt-{i}"].split("vises ikke:")[1]
                folded_somewhere = True
    assert folded_somewhere


# -- goals


def test_goal_bars_carry_the_expected_by_now_mark(pages: dict[tuple[str, str], str], report: Report) -> None:
    svgs = charts(pages["nb", "html"])
    for i, area in enumerate(report.areas, start=1):
        svg = svgs[f"att-{i}"]
        (zero,), (target,) = by_class(svg, "line", "zero"), by_class(svg, "line", "target")
        x0, full = float(zero.get("x1", "")), float(target.get("x1", "")) - float(zero.get("x1", ""))
        for goal in area.goals:
            assert goal.baseline_year is not None and goal.latest_date == dt.date(2019, 12, 31)
            row = next(g for g in svg.iter(f"{SVG}g") if g.get("data-goal") == goal.id)
            assert goal.label and goal.label.split()[0] in text_of(row)  # its text, not an id alone
            # A straight line from the end of the baseline year to the end of 2020:
            # on 31.10.2020 (day 305 of 366), and at the measurement on 31.12.2019.
            span = 2020 - goal.baseline_year
            now = (2019 - goal.baseline_year + 305 / 366) / span
            then = (2019 - goal.baseline_year) / span
            (mark,) = by_class(row, "line", "expected-now")
            assert float(mark.get("x1", "")) == pytest.approx(x0 + full * now, abs=0.06)
            (triangle,) = by_class(row, "path", "expected-then")
            assert float(triangle.get("d", "")[1:].split(",")[0]) == pytest.approx(x0 + full * then, abs=0.06)
            assert goal.attainment is not None
            assert goal.on_track is (goal.attainment >= then - 1e-9), "one definition of on track"
            assert "bak plan" in text_of(row) or "i rute" in text_of(row)
        assert "forventet per 31.10.2020" in text_of(by_class(svg, "g", "legend")[0])


# -- dependencies


def test_the_programme_view_holds_the_dependencies_that_cross_areas(pages: dict[tuple[str, str], str],
                                                                   portfolio: Portfolio, report: Report) -> None:
    view = report.cross_area
    assert view is not None and view.edges
    area_of = {p.id: p.area for p in portfolio.projects}
    crossing = {(d.project, p.id) for p in portfolio.projects for d in p.depends_on
                if d.project in area_of and area_of[d.project] != p.area}
    assert {(e.pred, e.succ) for e in view.edges} | {(e.pred, e.succ) for e in view.folded} == crossing
    svg = charts(pages["nb", "html"])["deps-cross"]
    labels = {g.get("data-project"): text_of(g.find(f"{SVG}text")) for g in by_class(svg, "g", "node")}
    assert labels == {n.id: f"{n.id} · {n.area}" for n in view.nodes}
    drawn = {(e.get("data-pred"), e.get("data-succ"), "hard" in e.get("class", "")) for e in by_class(svg, "line", "edge")}
    assert drawn == {(e.pred, e.succ, e.hard) for e in view.edges}
    dashed = {e.get("data-succ"): e.get("stroke-dasharray") for e in by_class(svg, "line", "edge")}
    assert all((dashed[e.succ] is None) is e.hard for e in view.edges), "hard solid, soft dashed"
    legend = text_of(by_class(svg, "g", "legend")[0])
    assert "hard avhengighet" in legend and "myk avhengighet" in legend


def test_late_and_red_nodes_are_marked_in_the_area_diagrams(pages: dict[tuple[str, str], str],
                                                          report: Report) -> None:
    svgs = charts(pages["nb", "html"])
    red = set(report.summary.red_projects)
    late = {d.project for a in report.areas for d in a.delays}
    seen = set()
    for i, area in enumerate(report.areas, start=1):
        if not area.edges:
            continue
        for node in by_class(svgs[f"deps-{i}"], "g", "node"):
            project, classes = node.get("data-project", ""), node.get("class", "").split()
            assert ("red" in classes) is (project in red) and ("late" in classes) is (project in late)
            if project in red or project in late:
                seen.add(project)
                assert "rød" in text_of(node) or "+" in text_of(node), "said in words under the id"
    assert seen & red and seen & late


# -- cases per year


def test_the_part_year_is_marked_and_compared_with_the_same_months(pages: dict[tuple[str, str], str],
                                                                  portfolio: Portfolio) -> None:
    page = pages["nb", "html"]
    svg, caption = charts(page)["cases"], captions(page)["cases"]
    part = [g.get("data-year") for g in by_class(svg, "g", "part-year")]
    assert part == ["2020"]
    assert "hittil (til 31.10.)" in text_of(by_class(svg, "g", "part-year")[0])
    same_months_2019 = sum(c.reported.year == 2019 and c.reported <= dt.date(2019, 10, 31) for c in portfolio.cases)
    so_far_2020 = sum(c.reported.year == 2020 and c.reported <= AS_OF for c in portfolio.cases)
    assert f"Til og med 31.10.2020: {so_far_2020} saker, mot {same_months_2019} i samme periode i 2019." in caption
    assert "1.1.–31.10." in text_of(by_class(svg, "g", "legend")[0])
    md = pages["nb", "md"]
    assert f"2020 hittil (til 31.10.): {so_far_2020}." in md


# -- Mermaid


def _blocks(md: str, kind: str) -> list[list[str]]:
    return [block.splitlines() for block in re.findall(r"```mermaid\n(.*?)```", md, re.S)
            if block.startswith(kind)]


def test_mermaid_gantt_ticks_once_a_year_and_marks_red_and_late(pages: dict[tuple[str, str], str],
                                                                report: Report) -> None:
    gantts = _blocks(pages["nb", "md"], "gantt")
    assert len(gantts) == 10
    flagged = set(report.summary.red_projects) | {d.project for a in report.areas for d in a.delays}
    crit = set()
    for lines in gantts:
        # Mermaid's tickInterval has no year unit (1year is silently ignored): 12month ticks each January.
        assert "    tickInterval 12month" in lines and "    axisFormat %Y" in lines
        assert "    todayMarker off" in lines, "Mermaid's marker is the reader's today, not the report's"
        assert "    i dag 31.10.2020 :milestone, today, 2020-10-31, 0d" in lines
        for line in lines:
            if task := re.match(r"^    (\S+) – ([^:]+) :(.*)$", line):
                if "crit," in task.group(3):
                    crit.add(task.group(1))
                status = next(b.status for a in report.areas for b in a.bars if b.label == task.group(1))
                assert task.group(2).startswith(Lang("nb").t(status))
    assert crit == flagged
    assert any("satt på vent" in line for lines in gantts for line in lines)


def test_mermaid_flowcharts_have_a_legend_and_mark_red_and_late(pages: dict[tuple[str, str], str]) -> None:
    flows = _blocks(pages["nb", "md"], "flowchart")
    assert len(flows) >= 10
    for lines in flows:
        assert any(line.startswith('    legend["Forklaring · heltrukken pil') for line in lines)
        flagged = {node_id for line in lines if line.startswith("    class n") for node_id in line.split()[1].split(",")}
        for line in lines:
            if node := re.match(r'^    (n\d+)\["(.*)"\]$', line):
                assert (node.group(1) in flagged) is ("forsinket" in node.group(2) or "rød" in node.group(2))
    cross = flows[0]
    assert any(re.match(r'^    n\d+\["DK-05 · DK"\]$', line) for line in cross)
