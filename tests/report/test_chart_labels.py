"""Text placed in a chart stays text: in SVG it is escaped (and comes back
whole when the SVG is parsed), in Mermaid it loses whatever Mermaid could
read as syntax, and a gantt task never starts with a gantt keyword."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from askoy2020.report.charts import (
    attainment_chart,
    cases_chart,
    dependency_chart,
    gantt_chart,
    mermaid_flowchart,
    mermaid_gantt,
)
from askoy2020.report.charts_text import ChartText
from askoy2020.report.i18n import Lang
from askoy2020.report.model import Bar, Edge, GoalRow, Node

HOSTILE = 'Evil <script>alert(1)</script> "dq" \'sq\' ]x[ a:b c;d #e %%f &amp; `g` |h|\nnext line'
SVG = "{http://www.w3.org/2000/svg}"
NB = Lang("nb")
DAY = dt.date(2020, 10, 31)
# What a gantt task line and a flowchart node line may be, and nothing more.
TASK = re.compile(r"^    [^:;#%\"'\[\]<>`|\n]+ :(?:crit, )?(?:done, |active, )?t\d+, \d{4}-\d\d-\d\d, \d{4}-\d\d-\d\d$")
NODE = re.compile(r'^    n\d+\["[^:;#%"\'\[\]<>`|\n]+"\]$')


def _parsed(markup: str) -> ET.Element:
    svg = ET.fromstring(markup)
    assert not [e for e in svg.iter() if e.tag.endswith(("script", "foreignObject"))]
    assert not [k for e in svg.iter() for k in e.attrib if k.startswith("on")]
    return svg


def test_hostile_text_in_every_svg_chart_comes_back_as_text() -> None:
    text = ChartText(HOSTILE, f"{HOSTILE}: {HOSTILE}")
    bars = [Bar(HOSTILE, dt.date(2019, 5, 1), dt.date(2020, 3, 1), "active", 40, True)]
    nodes = [Node(HOSTILE, HOSTILE, "paused", 3, True), Node("DK-01", "DK", "planned")]
    goals = [GoalRow(HOSTILE, HOSTILE, HOSTILE, HOSTILE, 1.0, 2016, 2.0, DAY, 3.0, 0.5, False, HOSTILE, 0.75, 0.9)]
    made = {
        "gantt": gantt_chart(f'g"{HOSTILE}', bars, 2020, 2023, DAY, text, NB),
        "deps": dependency_chart(f"d'{HOSTILE}", nodes, [Edge(HOSTILE, "DK-01", False)], text, NB, "DK"),
        "goals": attainment_chart("a<b", goals, 2020, DAY, text, NB),
        "cases": cases_chart("c&d", {2019: 4, 2020: 3}, {2019: 2, 2020: 3}, DAY, text, NB),
    }
    for name, markup in made.items():
        svg = _parsed(markup)
        assert "".join(svg.find(f"{SVG}title").itertext()) == HOSTILE, name  # type: ignore[union-attr]
        assert "".join(svg.find(f"{SVG}desc").itertext()) == f"{HOSTILE}: {HOSTILE}", name  # type: ignore[union-attr]
    gantt = _parsed(made["gantt"])
    (bar,) = [g for g in gantt.iter(f"{SVG}g") if "bar" in g.get("class", "").split()]
    assert bar.get("data-project") == HOSTILE.replace("\n", " ")  # XML reads a newline in an attribute as a space
    goal_row = next(g for g in _parsed(made["goals"]).iter(f"{SVG}g") if g.get("data-goal"))
    assert "".join(goal_row.find(f"{SVG}title").itertext()) == f"{HOSTILE}: {HOSTILE}"  # type: ignore[union-attr]


@given(st.text(min_size=1, max_size=40))
def test_any_label_stays_one_plain_mermaid_line(name: str) -> None:
    bars = [Bar(name, dt.date(2020, 1, 1), dt.date(2020, 6, 1), status, days, red)
            for status, days, red in (("active", 30, True), ("paused", 0, False), ("completed", 0, False))]
    lines = mermaid_gantt(name, bars, DAY, NB).splitlines()
    assert len(lines) == 7 + len(bars), "a newline in a name made a line of its own"
    assert re.fullmatch(r"    title [^:;#%\"'<>`|]+", lines[1])
    assert all(TASK.match(line) for line in lines[7:]), lines[7:]
    flow = mermaid_flowchart([Node(name, name, "active", 2, True)], [Edge(name, f"{name}2", False)], NB).splitlines()
    nodes = [line for line in flow if line.startswith("    n")][:2]
    assert all(NODE.match(line) for line in nodes), nodes
    assert flow[3] == "    n0 -.-> n1"


@pytest.mark.parametrize("keyword", ["excludes", "section", "title", "dateFormat", "todayMarker", "click", "TICKINTERVAL"])
def test_a_project_named_like_a_gantt_keyword_is_still_a_task(keyword: str) -> None:
    lines = mermaid_gantt("Plan", [Bar(keyword, DAY, DAY, "planned")], DAY, NB).splitlines()
    assert lines[-1].startswith(f"    – {keyword} – planlagt :t0, ")
