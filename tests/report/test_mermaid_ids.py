"""Mermaid node and task ids are one per project: ids once made from the
name merged DK-Å1 with DK-Ø1 and DK-06 with DK_06, so two projects became
one node in the dependency diagram."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import example, given
from hypothesis import strategies as st

from askoy2020.report.charts import mermaid_flowchart, mermaid_gantt
from askoy2020.report.i18n import Lang
from askoy2020.report.model import Bar, Edge, Node

# The Id pattern of model/base.py.
IDS = st.from_regex(r"\A[A-Za-z0-9ÆØÅæøå][A-Za-z0-9ÆØÅæøå._-]{0,63}\Z")
NODE = re.compile(r'^    (n\d+)\["(.*)"\]$')
EDGE = re.compile(r"^    (\S+) (-->|-\.->) (\S+)$")
TASK = re.compile(r"^    (.*) – [^:]+ :(?:crit, )?(?:done, |active, )?(t\d+), \d{4}-\d\d-\d\d, \d{4}-\d\d-\d\d$")
NB = Lang("nb")


@st.composite
def diagrams(draw: st.DrawFn) -> tuple[list[str], list[Edge]]:
    nodes = draw(st.lists(IDS, min_size=1, max_size=12, unique=True))
    pairs = st.tuples(st.sampled_from(nodes), st.sampled_from(nodes), st.booleans())
    edges = [Edge(p, s, h) for p, s, h in draw(st.lists(pairs, max_size=15))]
    # an edge may name a project that is not among the nodes
    if draw(st.booleans()):
        edges.append(Edge(nodes[0], draw(IDS.filter(lambda i: i not in nodes)), True))
    return nodes, edges


def _nodes(ids: list[str]) -> list[Node]:
    return [Node(i, "DK", "active") for i in ids]


@given(diagrams())
@example((["DK-06", "DK_06", "DK-Å1", "DK-Ø1", "DK.06"], [Edge("DK-06", "DK.06", False)]))
def test_every_project_is_its_own_node_labelled_with_its_id(diagram: tuple[list[str], list[Edge]]) -> None:
    nodes, edges = diagram
    lines = mermaid_flowchart(_nodes(nodes), edges, NB, "DK").splitlines()
    declared = [m.groups() for line in lines if (m := NODE.match(line))]
    label_of = dict(declared)
    assert len(label_of) == len(declared), "a node id is declared twice"
    everyone = list(dict.fromkeys([*nodes, *(x for e in edges for x in (e.pred, e.succ))]))
    assert sorted(label_of.values()) == sorted(everyone), "labels must be the projects' ids, each once"
    drawn = [m.groups() for line in lines if (m := EDGE.match(line))]
    assert [(label_of[p], a == "-->", label_of[s]) for p, a, s in drawn] == [(e.pred, e.hard, e.succ) for e in edges]


@given(st.lists(IDS, min_size=1, max_size=12, unique=True))
@example(["DK-06", "DK_06", "DK-Å1", "DK-Ø1", "DK.06"])
def test_every_gantt_task_has_its_own_id(labels: list[str]) -> None:
    day = dt.date(2020, 1, 1)
    bars = [Bar(label, day, day, status) for label, status in zip(labels, ["completed", "active", "planned"] * 4)]
    text = mermaid_gantt("Plan", bars, day, NB)
    tasks = [m.groups() for line in text.splitlines() if (m := TASK.match(line))]
    assert [label.removeprefix("– ") for label, _ in tasks] == labels
    assert len({task_id for _, task_id in tasks}) == len(labels)


def test_the_names_that_once_collided() -> None:
    text = mermaid_flowchart(_nodes(["DK-Å1", "DK-Ø1", "DK-06", "DK_06"]), [Edge("DK-Å1", "DK_06", True)], NB, "DK")
    assert text.splitlines()[1:6] == ['    n0["DK-Å1"]', '    n1["DK-Ø1"]', '    n2["DK-06"]', '    n3["DK_06"]',
                                      "    n0 --> n3"]
