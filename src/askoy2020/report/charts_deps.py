"""Dependency diagrams in SVG: an area's, and the programme-wide one of
the dependencies that cross areas. Hard dependencies are solid arrows,
soft ones dashed; a late or red project has a red outline and says so in
words under its id. The legend says all of that again."""

from __future__ import annotations

from markupsafe import Markup, escape

from .charts_svg import RED, legend, svg, swatch_box, swatch_line
from .charts_text import ChartText
from .i18n import Lang
from .model import Edge, Node

_BOX_W, _BOX_H, _COL, _ROW, _MARGIN, _MIN_WIDTH = 104, 32, 150, 46, 16, 560


def layers(nodes: list[str], edges: list[Edge]) -> dict[str, int]:
    """Longest-path layering: a project one column right of its latest
    predecessor. Bounded, as a cycle (ASK301) would otherwise push forever."""
    layer: dict[str, int] = dict.fromkeys(nodes, 0)
    for _ in nodes:
        changed = False
        for e in edges:
            if e.pred in layer and e.succ in layer and layer[e.succ] < layer[e.pred] + 1 <= len(nodes):
                layer[e.succ] = layer[e.pred] + 1
                changed = True
        if not changed:
            break
    return layer


def _ordered(nodes: list[Node], edges: list[Edge], layer: dict[str, int]) -> dict[int, list[Node]]:
    """The columns, each ordered by where its projects' predecessors stand
    (one barycentre pass), so arrows cross as little as they can."""
    columns: dict[int, list[Node]] = {}
    for node in nodes:
        columns.setdefault(layer[node.id], []).append(node)
    row: dict[str, int] = {}
    for c in sorted(columns):
        preds = {n.id: [row[e.pred] for e in edges if e.succ == n.id and e.pred in row] for n in columns[c]}
        columns[c].sort(key=lambda n: sum(preds[n.id]) / len(preds[n.id]) if preds[n.id] else float(len(nodes)))
        row.update((n.id, r) for r, n in enumerate(columns[c]))
    return columns


def _node(node: Node, x: int, y: int, home: str | None, lang: Lang) -> str:
    name = node.id if node.area == home else f"{node.id} · {node.area}"
    flags = ([f"● {lang.t('red')}"] if node.red else []) + (
        [lang.t("late_short", days=node.late_days)] if node.late_days > 0 else [])
    classes = "node" + (" red" if node.red else "") + (" late" if node.late_days > 0 else "")
    stroke = f'stroke="{RED}" stroke-width="2.5"' if flags else 'stroke="#2f6690" stroke-width="1"'
    dash = ' stroke-dasharray="5 2"' if node.late_days > 0 and not node.red else ""
    out = [f'<g class="{classes}" data-project="{escape(node.id)}"><title>'
           f'{escape(f"{name}: {lang.t(node.status)}")}</title>'
           f'<rect x="{x}" y="{y}" width="{_BOX_W}" height="{_BOX_H}" rx="4" fill="#eef2f6" {stroke}{dash}/>']
    if flags:
        out.append(f'<text x="{x + _BOX_W / 2}" y="{y + 13}" text-anchor="middle" font-size="11">{escape(name)}</text>'
                   f'<text x="{x + _BOX_W / 2}" y="{y + 26}" text-anchor="middle" font-size="9.5" fill="{RED}">'
                   f'{escape(" · ".join(flags))}</text>')
    else:
        out.append(f'<text x="{x + _BOX_W / 2}" y="{y + 20}" text-anchor="middle" font-size="11">{escape(name)}</text>')
    return "".join(out) + "</g>"


def dependency_chart(chart_id: str, nodes: list[Node], edges: list[Edge], text: ChartText, lang: Lang,
                     home: str | None = None) -> Markup:
    """``home``: the diagram's area; other areas' projects are named with
    their area (all of them when None, as in the programme-wide view)."""
    layer = layers([n.id for n in nodes], edges)
    columns = _ordered(nodes, edges, layer)
    pos = {n.id: (_MARGIN + _COL * c, _MARGIN + _ROW * r) for c, ns in columns.items() for r, n in enumerate(ns)}
    width = max(_MIN_WIDTH, 2 * _MARGIN + _COL * max(columns, default=0) + _BOX_W)
    rows_end = _MARGIN + _ROW * max((len(ns) for ns in columns.values()), default=1)
    cid = escape(chart_id)
    body = [f'<defs><marker id="{cid}-a" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="7" markerHeight="7" '
            'orient="auto"><path d="M0,0 L8,4 L0,8 z" fill="#555"/></marker></defs>']
    for e in edges:
        if e.pred in pos and e.succ in pos:
            (x1, y1), (x2, y2) = pos[e.pred], pos[e.succ]
            dash = "" if e.hard else ' stroke-dasharray="5 3"'
            body.append(f'<line class="edge {"hard" if e.hard else "soft"}" data-pred="{escape(e.pred)}" '
                        f'data-succ="{escape(e.succ)}" x1="{x1 + _BOX_W}" y1="{y1 + _BOX_H / 2}" x2="{x2 - 2}" '
                        f'y2="{y2 + _BOX_H / 2}" stroke="#555" stroke-width="1.4"{dash} marker-end="url(#{cid}-a)"/>')
    body += [_node(node, *pos[node.id], home, lang) for node in nodes]
    items = [(swatch_line("#555", "", True), lang.t("legend_hard")),
             (swatch_line("#555", "5 3", True), lang.t("legend_soft")),
             (swatch_box("#eef2f6", RED, "", 2.5), lang.t("legend_flagged"))]
    group, height = legend(items, _MARGIN, rows_end + 8, width - 2 * _MARGIN, lang.t("chart_legend"))
    body.append(group)
    return svg(chart_id, text.title, width, int(rows_end + 8 + height + 6), body, text.message)
