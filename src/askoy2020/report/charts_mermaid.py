"""Mermaid text for the Markdown report: each area's schedule (gantt) and
dependency diagram (flowchart), and the programme-wide one.

Mermaid reads labels as syntax: every label goes through ``label``, which
keeps only plain words, and a gantt task may not start with one of the
gantt keywords. Node and task ids are by position (n0, t0), never made
from a name."""

from __future__ import annotations

import datetime as dt
import re

from .charts_svg import RED
from .charts_text import plural
from .i18n import Lang
from .model import Bar, Edge, Node

# Words that start a directive at the beginning of a gantt line (the
# lexer ignores case): a project called "excludes" would be read as one.
_GANTT_KEYWORDS = frozenset({
    "gantt", "dateformat", "inclusiveenddates", "topaxis", "axisformat", "tickinterval", "includes", "excludes",
    "todaymarker", "weekday", "weekend", "title", "acctitle", "accdescr", "section", "click", "call", "href",
    "displaymode", "vert", "milestone", "done", "active", "crit", "after", "until",
})


def label(text: str) -> str:
    """Mermaid labels may hold only plain words: anything that could be
    syntax (quotes, brackets, colons, semicolons, #, %, <, >, a newline)
    becomes a space."""
    return " ".join(re.sub(r"[^\w .,/()+·–-]", " ", text).split()) or "–"


def _task(text: str) -> str:
    text = label(text)
    return f"– {text}" if text.split(" ", 1)[0].lower() in _GANTT_KEYWORDS else text


def mermaid_gantt(title: str, bars: list[Bar], as_of: dt.date, lang: Lang) -> str:
    """Mermaid's own today marker shows the reader's clock, not the report's
    day, so it is off and a milestone marks the as-of day. ``tickInterval``
    takes no years (its units end at month): 12month gives one tick a year
    where the default repeated each year several times."""
    lines = ["gantt", f"    title {label(title)}", "    dateFormat YYYY-MM-DD", "    axisFormat %Y",
             "    tickInterval 12month", "    todayMarker off",
             f"    {label(lang.t('chart_today', date=lang.date(as_of)))} :milestone, today, "
             f"{as_of.isoformat()}, 0d"]
    for i, bar in enumerate(bars):
        tags = ["crit"] if bar.red or bar.forecast_end else []
        tags += {"completed": ["done"], "active": ["active"]}.get(bar.status, [])
        words = [lang.t(bar.status)]
        if bar.forecast_end:
            words.append(lang.t("mermaid_late", days=plural(lang, "days", bar.late_days)))
        if bar.red:
            words.append(lang.t("legend_red"))
        end = bar.forecast_end or bar.end
        # Task ids by position: ids made from the label collided (DK-Å1 and DK-Ø1, DK-06 and DK_06).
        lines.append(f"    {_task(bar.label)} – {label(', '.join(words))} :"
                     f"{''.join(t + ', ' for t in tags)}t{i}, {bar.start.isoformat()}, {end.isoformat()}")
    return "\n".join(lines)


def mermaid_node_ids(nodes: list[str], edges: list[Edge]) -> dict[str, str]:
    """A Mermaid node id for every project in the diagram, by position
    (n0, n1, …): one id per project whatever its name holds, where ids made
    from the name once merged DK-Å1 with DK-Ø1 and DK-06 with DK_06. The
    project id is shown as the node's label."""
    ids: dict[str, str] = {}
    for name in [*nodes, *(end for e in edges for end in (e.pred, e.succ))]:
        ids.setdefault(name, f"n{len(ids)}")
    return ids


def mermaid_flowchart(nodes: list[Node], edges: list[Edge], lang: Lang, home: str | None = None) -> str:
    """Hard dependencies solid, soft ones dotted; a late or red project has a
    red outline and says so in its label; a legend box says it again.
    ``home``: the diagram's area; other areas' projects carry their area."""
    lines = ["flowchart LR"]
    by_id = {n.id: n for n in nodes}
    ids = mermaid_node_ids([n.id for n in nodes], edges)
    flagged = []
    for name, node_id in ids.items():
        node = by_id.get(name)
        words = [name if node is None or node.area == home else f"{name} · {node.area}"]
        if node is not None and node.late_days > 0:
            words.append(lang.t("mermaid_late", days=plural(lang, "days", node.late_days)))
        if node is not None and node.red:
            words.append(lang.t("legend_red"))
        if len(words) > 1:
            flagged.append(node_id)
        lines.append(f'    {node_id}["{label(" – ".join(words))}"]')
    for e in edges:
        lines.append(f"    {ids[e.pred]} {'-->' if e.hard else '-.->'} {ids[e.succ]}")
    lines.append(f"    classDef flagged stroke:{RED},stroke-width:3px")
    if flagged:
        lines.append(f"    class {','.join(flagged)} flagged")
    # One small box: a subgraph of sample arrows came out larger than most diagrams.
    key = " · ".join(label(lang.t(k).replace(":", ",")) for k in ("mermaid_legend_hard", "mermaid_legend_soft",
                                                                  "mermaid_legend_flagged"))
    lines += [f'    legend["{label(lang.t("chart_legend"))} · {key}"]',
              "    classDef legendbox fill:#fff,stroke:#999,stroke-dasharray:3 3", "    class legend legendbox"]
    return "\n".join(lines)
