"""Inline SVG charts for the HTML report and Mermaid text for Markdown.

This module holds the budget, goal-attainment and case-count charts and
gathers the others: the schedule (charts_gantt.py), the dependency
diagrams (charts_deps.py) and the Mermaid text (charts_mermaid.py), all
built on charts_svg.py. What each chart says in words, for its <title>,
<desc> and caption, is charts_text.py's.

Every piece of text placed in a chart goes through ``escape`` (SVG) or
``charts_mermaid.label`` (Mermaid), so a project called ``<script>`` stays
text. Each SVG has a <title> for screen readers and no reference to any
other file.
"""

from __future__ import annotations

import datetime as dt
import textwrap

from markupsafe import Markup, escape

from .charts_deps import dependency_chart
from .charts_gantt import gantt_chart
from .charts_mermaid import mermaid_flowchart, mermaid_gantt, mermaid_node_ids
from .charts_svg import legend, swatch_box, swatch_vline
from .charts_svg import svg as _svg
from .charts_text import ChartText, day_month, is_part_year
from .i18n import Lang
from .model import GoalRow

__all__ = ["attainment_chart", "budget_chart", "cases_chart", "count_chart", "dependency_chart", "gantt_chart",
           "mermaid_flowchart", "mermaid_gantt", "mermaid_node_ids"]

_ON_TRACK, _BEHIND, _NO_VERDICT, _MARK = "#4d7c5b", "#c28f2c", "#9aa5b1", "#1d2733"


def budget_chart(chart_id: str, rows: list[tuple[int, float, float | None]], lang: Lang) -> Markup:
    """Used (filled) against frame (outline) per year."""
    top = max([max(u, f or 0.0) for _, u, f in rows] + [1.0])
    width, height, base = 120 + 90 * len(rows), 220, 180
    body = [f'<line x1="40" y1="{base}" x2="{width - 10}" y2="{base}" stroke="#333"/>']
    for i, (year, used, frame) in enumerate(rows):
        x = 60 + 90 * i
        h_used = 150 * used / top
        body.append(f'<rect x="{x}" y="{base - h_used:.1f}" width="40" height="{h_used:.1f}" fill="#2f6690">'
                    f'<title>{escape(f"{year}: {lang.number(used)}")}</title></rect>')
        if frame is not None:
            h_frame = 150 * frame / top
            body.append(f'<rect x="{x - 4}" y="{base - h_frame:.1f}" width="48" height="{h_frame:.1f}" '
                        f'fill="none" stroke="#c0392b" stroke-dasharray="4 2"/>')
        body.append(f'<text x="{x + 20}" y="{base + 16}" text-anchor="middle" font-size="12">{year}</text>')
        body.append(f'<text x="{x + 20}" y="{base - h_used - 4:.1f}" text-anchor="middle" font-size="10">'
                    f'{escape(lang.number(used))}</text>')
    legend = f'{lang.t("used")} ■ · {lang.t("frame")} ┆'
    body.append(f'<text x="40" y="14" font-size="11">{escape(legend)}</text>')
    return _svg(chart_id, lang.t("budget_chart"), width, height, body)


def attainment_chart(chart_id: str, goals: list[GoalRow], year: int, as_of: dt.date, text: ChartText,
                     lang: Lang) -> Markup:
    """One bar per goal: the share of the way from baseline to target at the
    latest measurement (100 % = the target for ``year`` reached), a ▲ where
    a straight line from the baseline expected it then (what "on track"
    compares with) and a dashed line where it expects it on the as-of day."""
    width, row, x0, full, top = 720, 34, 300, 250, 20
    x_value = x0 + full * 1.2 + 8  # the figures in a column of their own, clear of the marks
    height = top + row * max(1, len(goals))
    body = [f'<text x="{x}" y="12" text-anchor="middle" font-size="10" fill="#555">{escape(lang.percent(share))}</text>'
            for x, share in ((x0, 0.0), (x0 + full, 1.0))]
    body += [f'<line class="zero" x1="{x0}" y1="{top - 4}" x2="{x0}" y2="{height}" stroke="#999"/>',
             f'<line class="target" x1="{x0 + full}" y1="{top - 4}" x2="{x0 + full}" y2="{height}" stroke="#555"/>']
    for i, g in enumerate(goals):
        y = top + row * i
        lines = textwrap.wrap(f"{g.id} {g.label or g.text}", 46, max_lines=2, placeholder="…")
        words = [f'<tspan font-weight="600">{escape(g.id)}</tspan>{escape(lines[0][len(g.id):])}']
        words += [escape(line) for line in lines[1:]]
        body.append(f'<g class="goal" data-goal="{escape(g.id)}"><title>{escape(f"{g.id}: {g.text}")}</title>')
        for n, line in enumerate(words):
            body.append(f'<text x="8" y="{y + 12 + 13 * n}" font-size="11">{line}</text>')
        if g.attainment is None:
            body.append(f'<text x="{x0 + 5}" y="{y + 20}" font-size="11" fill="#666">'
                        f'{escape(lang.t("no_data"))}</text></g>')
            continue
        w = full * min(1.2, max(0.0, g.attainment))
        colour = _NO_VERDICT if g.on_track is None else _ON_TRACK if g.on_track else _BEHIND
        verdict = "" if g.on_track is None else lang.t("chart_on_track" if g.on_track else "chart_behind")
        body.append(f'<rect class="attained" x="{x0}" y="{y + 9}" width="{w:.1f}" height="14" fill="{colour}"/>')
        body.append(f'<text x="{x_value:.1f}" y="{y + 14}" font-size="10.5" font-weight="600">'
                    f'{escape(lang.percent(g.attainment))}</text>')
        if verdict:
            body.append(f'<text x="{x_value:.1f}" y="{y + 27}" font-size="10">{escape(verdict)}</text>')
        if g.expected_then is not None:
            xt = x0 + full * g.expected_then
            body.append(f'<path class="expected-then" d="M{xt:.1f},{y + 23} l-5,8 h10 z" fill="{_MARK}"/>')
        if g.expected_now is not None:
            xn = x0 + full * g.expected_now
            body.append(f'<line class="expected-now" x1="{xn:.1f}" y1="{y + 4}" x2="{xn:.1f}" y2="{y + 28}" '
                        f'stroke="{_MARK}" stroke-width="2" stroke-dasharray="3 2"/>')
        body.append("</g>")
    verdicts = {g.on_track for g in goals if g.attainment is not None}
    items = [(swatch_box(c), f"{lang.t('legend_attained')}, {lang.t(k)}")
             for v, c, k in ((True, _ON_TRACK, "chart_on_track"), (False, _BEHIND, "chart_behind")) if v in verdicts]
    items += [(f'<path d="M9,1 l-5,8 h10 z" fill="{_MARK}"/>', lang.t("legend_expected_then")),
              (swatch_vline(_MARK, "3 2"), lang.t("legend_expected_now", date=lang.date(as_of))),
              (swatch_vline("#555", "", 1), lang.t("legend_target", year=year))]
    group, h = legend(items, 8, height + 10, width - 16, lang.t("chart_legend"))
    body.append(group)
    return _svg(chart_id, text.title, width, int(height + 10 + h + 6), body, text.message)


def count_chart(chart_id: str, title: str, counts: dict[int, int]) -> Markup:
    """A plain count per year (kept for user templates; the report's own
    case chart is ``cases_chart``, which marks the part year)."""
    top = max(list(counts.values()) + [1])
    width, base = 60 + 70 * len(counts), 150
    body = [f'<line x1="30" y1="{base}" x2="{width - 10}" y2="{base}" stroke="#333"/>']
    for i, (year, n) in enumerate(sorted(counts.items())):
        x, h = 45 + 70 * i, 120 * n / top
        body.append(f'<rect x="{x}" y="{base - h:.1f}" width="36" height="{h:.1f}" fill="#6c5b7b"/>')
        body.append(f'<text x="{x + 18}" y="{base + 15}" text-anchor="middle" font-size="12">{year}</text>')
        body.append(f'<text x="{x + 18}" y="{base - h - 4:.1f}" text-anchor="middle" font-size="10">{n}</text>')
    return _svg(chart_id, title, width, 175, body)


def cases_chart(chart_id: str, per_year: dict[int, int], to_date: dict[int, int], as_of: dt.date,
                text: ChartText, lang: Lang) -> Markup:
    """Cases reported per year. When the as-of year is not over, each bar's
    dark part is the cases from 1 January to the as-of day's date, so the
    part year is compared with the same months of the years before; the
    light rest is the rest of those years, and the part year says "so far"."""
    part = is_part_year(as_of)
    years = sorted(per_year)
    peak = max(list(per_year.values()) + [1])
    base, tall, pitch = 160, 130, 80
    width = max(440, 60 + pitch * len(years))
    body = [f'<line x1="30" y1="{base}" x2="{width - 10}" y2="{base}" stroke="#333"/>']
    for i, year in enumerate(years):
        x, n, early = 50 + pitch * i, per_year[year], to_date.get(year, 0) if part else per_year[year]
        h, h_early = tall * n / peak, tall * early / peak
        running = part and year == as_of.year
        body.append(f'<g class="year{" part-year" if running else ""}" data-year="{year}">')
        body.append(f'<rect class="whole" x="{x}" y="{base - h:.1f}" width="40" height="{h:.1f}" fill="#e4deeb" '
                    f'stroke="#6c5b7b"/>')
        body.append(f'<rect class="to-date" x="{x}" y="{base - h_early:.1f}" width="40" height="{h_early:.1f}" '
                    f'fill="#6c5b7b"/>')
        body.append(f'<text x="{x + 20}" y="{base - h - 4:.1f}" text-anchor="middle" font-size="10">'
                    f'{escape(lang.number(n))}</text>')
        if part and not running and h_early > 16:
            body.append(f'<text x="{x + 20}" y="{base - h_early + 13:.1f}" text-anchor="middle" font-size="10" '
                        f'fill="#fff">{escape(lang.number(early))}</text>')
        body.append(f'<text x="{x + 20}" y="{base + 15}" text-anchor="middle" font-size="12">{year}</text>')
        if running:
            body.append(f'<text x="{x + 20}" y="{base + 28}" text-anchor="middle" font-size="10">'
                        f'{escape(lang.t("part_year", year="", day=day_month(lang, as_of)).strip())}</text>')
        body.append("</g>")
    height = base + 34
    if part:
        items = [(swatch_box("#6c5b7b"), lang.t("legend_to_date", day=day_month(lang, as_of))),
                 (swatch_box("#e4deeb", "#6c5b7b", "", 1), lang.t("legend_rest_of_year"))]
        group, h = legend(items, 30, height, width - 40, lang.t("chart_legend"))
        body.append(group)
        height += int(h) + 4
    return _svg(chart_id, text.title, width, height, body, text.message)

