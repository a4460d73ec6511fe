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

from ..core.identity_numbers import mask
from .charts_deps import dependency_chart
from .charts_gantt import gantt_chart
from .charts_mermaid import mermaid_flowchart, mermaid_gantt, mermaid_node_ids
from .charts_svg import legend, swatch_box, swatch_vline
from .charts_svg import svg as _svg
from .charts_text import ChartText, day_month, is_part_year
from .i18n import Lang
from .model import GoalRow
from .money_model import AreaYearRow

__all__ = ["attainment_chart", "budget_chart", "cases_chart", "count_chart", "dependency_chart", "gantt_chart",
           "mermaid_flowchart", "mermaid_gantt", "mermaid_node_ids"]

_ON_TRACK, _BEHIND, _NO_VERDICT, _MARK = "#4d7c5b", "#c28f2c", "#9aa5b1", "#1d2733"


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
    return _svg(chart_id, budget_title(rows, lang), width, base + 40, body, budget_text(rows, lang))


def budget_title(rows: list[AreaYearRow], lang: Lang) -> str:
    kind = rows[0].kind if rows else "drift"
    return lang.t("chart_title_investment" if kind == "investment" else "chart_title_drift")


def budget_text(rows: list[AreaYearRow], lang: Lang) -> str:
    """The budget chart's message in words: each year's budget (and what
    candidates ask), actual and forecast against the frame."""
    years = []
    for row in (r for r in rows if r.kind == (rows[0].kind if rows else "drift")):
        parts = [lang.t("chart_budget").lower() + " " + lang.number(row.budget)]
        if row.candidates:
            parts.append(lang.t("chart_candidates_short", amount=lang.number(row.candidates)))
        if row.actual is not None:
            parts.append(lang.t("chart_actual").lower() + " " + lang.number(row.actual))
        if row.forecast is not None:
            parts.append(lang.t("chart_forecast").lower() + " " + lang.number(row.forecast))
        frame = lang.t("chart_frame_value", frame=lang.number(row.frame)) if row.frame is not None \
            else lang.t("chart_no_frame")
        years.append(f"{row.year}: {', '.join(parts)} ({frame})")
    return f"{budget_title(rows, lang)}. " + "; ".join(years) + "."


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
        # Masked before it is wrapped: a number split over two lines is not seen as one by render().
        lines = textwrap.wrap(mask(f"{g.id} {g.label or g.text}"), 46, max_lines=2, placeholder="…")
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

