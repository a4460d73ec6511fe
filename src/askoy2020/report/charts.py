"""Inline SVG charts for the HTML report and Mermaid text for Markdown.

Every piece of text placed in a chart goes through ``escape`` (SVG) or
``_mermaid_label`` (Mermaid), so a project called ``<script>`` stays text.
Each SVG has a <title> for screen readers and no reference to any other file.
"""

from __future__ import annotations

import datetime as dt
import re

from markupsafe import Markup, escape

from .i18n import Lang
from .model import Bar, Edge
from .money_model import AreaYearRow

_STATUS_COLOUR = {"completed": "#4d7c5b", "active": "#2f6690", "planned": "#9aa5b1",
                  "paused": "#c28f2c", "cancelled": "#b0b0b0"}


def _svg(chart_id: str, title: str, width: int, height: int, body: list[str]) -> Markup:
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{chart_id}-t" '
            f'viewBox="0 0 {width} {height}" width="100%" style="max-width:{width}px">'
            f'<title id="{chart_id}-t">{escape(title)}</title>')
    return Markup(head + "".join(body) + "</svg>")


# The budget chart's series: word key, fill, outline. The frame is a neutral
# line (a red dashed outline read as a warning whatever the figures said).
_SERIES = (("chart_budget", "#2f6690", "#2f6690"), ("chart_candidates", "#dbe6f0", "#2f6690"),
           ("chart_actual", "#4d7c5b", "#4d7c5b"), ("chart_forecast", "#8d7aa8", "#8d7aa8"))
_FRAME_COLOUR = "#333"


def budget_chart(chart_id: str, rows: list[AreaYearRow], lang: Lang) -> Markup:
    """One kind of money per year: the revised budget (with what candidates
    ask stacked on it, marked +, not in the budget), actual to date and
    forecast as bars, the revised frame as a line; every value printed, the
    frame's under its year. A series no year has is left out, legend and all."""
    kind = rows[0].kind if rows else "drift"
    rows = [r for r in rows if r.kind == kind]
    shown = [True, any(r.candidates for r in rows), any(r.actual is not None for r in rows),
             any(r.forecast is not None for r in rows)]
    columns = [s for s in (0, 2, 3) if shown[s]]  # candidates share the budget's column
    bar, gap = 40, 6
    group = len(columns) * (bar + gap) + 30
    top = max([max(r.budget + r.candidates, r.actual or 0.0, r.forecast or 0.0, r.frame or 0.0) for r in rows]
              + [1.0])
    width, tallest = 70 + group * max(1, len(rows)), 150
    body: list[str] = []
    legend: list[tuple[str, str | None, str]] = [(_SERIES[s][1], _SERIES[s][2], lang.t(_SERIES[s][0]))
                                                  for s in range(4) if shown[s]]
    base = 232 + _legend(body, [*legend, (_FRAME_COLOUR, None, lang.t("chart_frame"))], width)
    body.append(f'<line x1="50" y1="{base}" x2="{width - 10}" y2="{base}" stroke="#333"/>')
    for i, row in enumerate(rows):
        x0 = 60 + group * i
        values = [row.budget, row.candidates, row.actual, row.forecast]
        for n, column in enumerate(columns):
            x = x0 + 8 + n * (bar + gap)
            for series in (0, 1) if column == 0 else (column,):
                value = values[series]
                if value is None or (series == 1 and not value):
                    continue
                low = row.budget if series == 1 else 0.0  # candidates stand on the budget
                key, fill, stroke = _SERIES[series]
                h = tallest * value / top
                y = base - tallest * low / top - h
                text = f"{row.year}: {lang.t(key)} {lang.number(value)}"
                label = ("+" if series == 1 else "") + lang.number(value)
                body.append(f'<rect x="{x}" y="{y:.1f}" width="{bar}" height="{h:.1f}" fill="{fill}" '
                            f'stroke="{stroke}"><title>{escape(text)}</title></rect>')
                # The budget's figure goes inside its bar's top when candidates stand on it.
                inside = bool(series == 0 and row.candidates and h > 14)
                colour = ' fill="#fff"' if inside else ""
                body.append(f'<text x="{x + bar / 2:.0f}" y="{y + 11 if inside else y - 3:.1f}" '
                            f'text-anchor="middle" font-size="9"{colour}>{escape(label)}</text>')
        if row.frame is not None:
            y = base - tallest * row.frame / top
            text = f"{row.year}: {lang.t('chart_frame')} {lang.number(row.frame)}"
            body.append(f'<line x1="{x0 + 2}" y1="{y:.1f}" x2="{x0 + group - 14}" y2="{y:.1f}" '
                        f'stroke="{_FRAME_COLOUR}" stroke-width="2"><title>{escape(text)}</title></line>')
        middle = x0 + (group - 12) / 2
        body.append(f'<text x="{middle:.0f}" y="{base + 15}" text-anchor="middle" font-size="12">{row.year}</text>')
        frame_text = lang.t("chart_frame_value", frame=lang.number(row.frame)) if row.frame is not None \
            else lang.t("chart_no_frame")
        body.append(f'<text x="{middle:.0f}" y="{base + 30}" text-anchor="middle" font-size="10">'
                    f'{escape(frame_text)}</text>')
    title = lang.t("chart_title_investment" if kind == "investment" else "chart_title_drift")
    return _svg(chart_id, title, width, base + 40, body)


def _legend(body: list[str], items: list[tuple[str, str | None, str]], width: int) -> int:
    """Swatches (fill, outline, words; an outline of None is a line) wrapped
    to the chart's width; returns how far the legend reaches below one line."""
    x, y = 50, 14
    for fill, stroke, text in items:
        size = 22 + 6 * len(text)
        if x + size > width - 10 and x > 50:
            x, y = 50, y + 16
        if stroke is None:
            body.append(f'<line x1="{x}" y1="{y - 4}" x2="{x + 12}" y2="{y - 4}" stroke="{fill}" stroke-width="2"/>')
        else:
            body.append(f'<rect x="{x}" y="{y - 9}" width="10" height="10" fill="{fill}" stroke="{stroke}"/>')
        body.append(f'<text x="{x + 16}" y="{y}" font-size="11">{escape(text)}</text>')
        x += size
    return y - 14


def attainment_chart(chart_id: str, goals: list[tuple[str, float | None]], lang: Lang) -> Markup:
    """Horizontal bars: share of the way from baseline to target (100 % = reached)."""
    width, row = 520, 22
    height = 30 + row * max(1, len(goals))
    body = [f'<line x1="200" y1="10" x2="200" y2="{height - 10}" stroke="#999"/>',
            f'<line x1="480" y1="10" x2="480" y2="{height - 10}" stroke="#999" stroke-dasharray="3 3"/>']
    for i, (label, share) in enumerate(goals):
        y = 18 + row * i
        body.append(f'<text x="195" y="{y + 12}" text-anchor="end" font-size="11">{escape(label[:32])}</text>')
        if share is None:
            body.append(f'<text x="205" y="{y + 12}" font-size="11" fill="#666">{escape(lang.t("no_data"))}</text>')
            continue
        w = 280 * min(1.2, max(0.0, share))
        colour = "#4d7c5b" if share >= 1 else "#2f6690"
        body.append(f'<rect x="200" y="{y}" width="{w:.1f}" height="14" fill="{colour}">'
                    f'<title>{escape(lang.percent(share))}</title></rect>')
        body.append(f'<text x="{204 + w:.1f}" y="{y + 12}" font-size="10">{escape(lang.percent(share))}</text>')
    return _svg(chart_id, lang.t("attainment_chart"), width, height, body)


def count_chart(chart_id: str, title: str, counts: dict[int, int]) -> Markup:
    top = max(list(counts.values()) + [1])
    width, base = 60 + 70 * len(counts), 150
    body = [f'<line x1="30" y1="{base}" x2="{width - 10}" y2="{base}" stroke="#333"/>']
    for i, (year, n) in enumerate(sorted(counts.items())):
        x, h = 45 + 70 * i, 120 * n / top
        body.append(f'<rect x="{x}" y="{base - h:.1f}" width="36" height="{h:.1f}" fill="#6c5b7b"/>')
        body.append(f'<text x="{x + 18}" y="{base + 15}" text-anchor="middle" font-size="12">{year}</text>')
        body.append(f'<text x="{x + 18}" y="{base - h - 4:.1f}" text-anchor="middle" font-size="10">{n}</text>')
    return _svg(chart_id, title, width, 175, body)


def gantt_chart(chart_id: str, bars: list[Bar], first: int, last: int, lang: Lang) -> Markup:
    """One bar per project across the plan years, coloured by status."""
    start, end = dt.date(first, 1, 1), dt.date(last, 12, 31)
    span = (end - start).days or 1
    width, row, left = 640, 20, 70
    height = 30 + row * max(1, len(bars))
    body = []
    for y in range(first, last + 1):
        x = left + (width - left - 10) * (dt.date(y, 1, 1) - start).days / span
        body.append(f'<line x1="{x:.1f}" y1="12" x2="{x:.1f}" y2="{height}" stroke="#ddd"/>')
        body.append(f'<text x="{x + 3:.1f}" y="11" font-size="10">{y}</text>')
    for i, bar in enumerate(bars):
        y = 16 + row * i
        a = max(bar.start, start)
        b = min(bar.end, end)
        x = left + (width - left - 10) * (a - start).days / span
        w = max(2.0, (width - left - 10) * (b - a).days / span)
        body.append(f'<text x="{left - 4}" y="{y + 11}" text-anchor="end" font-size="10">{escape(bar.label)}</text>')
        body.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="13" rx="2" '
                    f'fill="{_STATUS_COLOUR.get(bar.status, "#888")}"><title>'
                    f'{escape(f"{bar.label}: {lang.date(bar.start)} – {lang.date(bar.end)} ({lang.t(bar.status)})")}'
                    f'</title></rect>')
    return _svg(chart_id, lang.t("gantt"), width, height, body)


def dependency_chart(chart_id: str, nodes: list[str], edges: list[Edge], lang: Lang) -> Markup:
    """Layered left-to-right: a project one column right of its latest predecessor."""
    layer: dict[str, int] = dict.fromkeys(nodes, 0)
    for _ in nodes:  # longest-path layering; the graph is acyclic when validate passes
        changed = False
        for e in edges:
            if e.pred in layer and e.succ in layer and layer[e.succ] < layer[e.pred] + 1 <= len(nodes):
                layer[e.succ] = layer[e.pred] + 1
                changed = True
        if not changed:
            break
    columns: dict[int, list[str]] = {}
    for node in nodes:
        columns.setdefault(layer[node], []).append(node)
    pos = {n: (20 + 120 * c, 20 + 30 * r) for c, ns in columns.items() for r, n in enumerate(ns)}
    width = 40 + 120 * (max(columns, default=0) + 1)
    height = 40 + 30 * max((len(ns) for ns in columns.values()), default=1)
    body = ['<defs><marker id="' + chart_id + '-a" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="6" '
            'markerHeight="6" orient="auto"><path d="M0,0 L8,4 L0,8 z" fill="#555"/></marker></defs>']
    for e in edges:
        if e.pred in pos and e.succ in pos:
            (x1, y1), (x2, y2) = pos[e.pred], pos[e.succ]
            dash = "" if e.hard else ' stroke-dasharray="4 3"'
            body.append(f'<line x1="{x1 + 80}" y1="{y1 + 10}" x2="{x2}" y2="{y2 + 10}" stroke="#555"{dash} '
                        f'marker-end="url(#{chart_id}-a)"/>')
    for node, (x, y) in pos.items():
        body.append(f'<rect x="{x}" y="{y}" width="80" height="20" rx="4" fill="#eef2f6" stroke="#2f6690"/>'
                    f'<text x="{x + 40}" y="{y + 14}" text-anchor="middle" font-size="11">{escape(node)}</text>')
    return _svg(chart_id, lang.t("dependencies"), width, height, body)


# ------------------------------------------------------------------ Mermaid

def _mermaid_label(text: str) -> str:
    """Mermaid labels may hold only plain words: anything that could be
    syntax (quotes, brackets, colons, semicolons, #, <, >) is dropped."""
    return re.sub(r"[^\w .,/()+–-]", " ", text.replace("\n", " ")).strip() or "–"


def mermaid_gantt(title: str, bars: list[Bar]) -> str:
    lines = ["gantt", f"    title {_mermaid_label(title)}", "    dateFormat YYYY-MM-DD", "    axisFormat %Y"]
    for i, bar in enumerate(bars):
        tag = {"completed": "done, ", "active": "active, "}.get(bar.status, "")
        # Task ids by position: ids made from the label collided (DK-Å1 and DK-Ø1, DK-06 and DK_06).
        lines.append(f"    {_mermaid_label(bar.label)} :{tag}t{i}, "
                     f"{bar.start.isoformat()}, {bar.end.isoformat()}")
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


def mermaid_flowchart(nodes: list[str], edges: list[Edge]) -> str:
    lines = ["flowchart LR"]
    ids = mermaid_node_ids(nodes, edges)
    for node, node_id in ids.items():
        lines.append(f'    {node_id}["{_mermaid_label(node)}"]')
    for e in edges:
        arrow = "-->" if e.hard else "-.->"
        lines.append(f"    {ids[e.pred]} {arrow} {ids[e.succ]}")
    return "\n".join(lines)
