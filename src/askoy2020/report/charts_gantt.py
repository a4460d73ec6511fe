"""The schedule (Gantt) of an area in SVG for the HTML report (Markdown
gets charts_mermaid.mermaid_gantt with the same bars: report/areas.py chose
them, what touches the report period). A late project's delay is a
hatched extension to its new end, a red one has an outline and a ●,
paused and cancelled ones are named, and a line marks the as-of day: none
of it told by colour alone."""

from __future__ import annotations

import datetime as dt

from markupsafe import Markup, escape

from .charts_svg import RED, STATUS_COLOUR, STATUS_ORDER, hatch, legend, svg, swatch_box, swatch_vline
from .charts_text import ChartText, plural
from .i18n import Lang
from .model import Bar

_WIDTH, _LEFT, _RIGHT, _TOP, _ROW = 720, 96, 92, 34, 22


class Axis:
    """Days to x across the years first..last (1 January to 31 December)."""

    def __init__(self, first: int, last: int) -> None:
        self.start, self.stop = dt.date(first, 1, 1), dt.date(last + 1, 1, 1)
        self.span = (self.stop - self.start).days

    def x(self, day: dt.date) -> float:
        day = min(max(day, self.start), self.stop)
        return _LEFT + (_WIDTH - _LEFT - _RIGHT) * (day - self.start).days / self.span

    def holds(self, day: dt.date) -> bool:
        return self.start <= day < self.stop


def _bar(chart_id: str, i: int, bar: Bar, axis: Axis, lang: Lang) -> str:
    y = _TOP + _ROW * i
    forecast = bar.forecast_end
    classes = "bar" + (" red" if bar.red else "") + (" late" if forecast else "")
    tip = f"{bar.label}: {lang.date(bar.start)} – {lang.date(bar.end)} ({lang.t(bar.status)})"
    if forecast:
        tip += f"; {lang.t('mermaid_late', days=plural(lang, 'days', bar.late_days))}, {lang.date(forecast)}"
    if bar.red:
        tip += f"; {lang.t('legend_red')}"
    out = [f'<g class="{classes}" data-project="{escape(bar.label)}"><title>{escape(tip)}</title>',
           f'<text x="{_LEFT - 8}" y="{y + 11}" text-anchor="end" font-size="11">'
           + (f'<tspan fill="{RED}">● </tspan>' if bar.red else "") + f"{escape(bar.label)}</text>"]
    x1, x2 = axis.x(bar.start), axis.x(bar.end)
    outline = f' stroke="{RED}" stroke-width="2.5"' if bar.red else ""
    out.append(f'<rect class="planned" x="{x1:.1f}" y="{y}" width="{max(2.0, x2 - x1):.1f}" height="14" rx="2" '
               f'fill="{STATUS_COLOUR.get(bar.status, "#888")}"{outline}/>')
    # A white chevron where the bar runs on beyond the chart's years.
    if bar.start < axis.start and x2 - x1 > 12:
        out.append(f'<path class="before" d="M{x1 + 8:.1f},{y + 3} l-4,4 l4,4" stroke="#fff" fill="none"/>')
    if bar.end >= axis.stop and x2 - x1 > 12:
        out.append(f'<path class="after" d="M{x2 - 8:.1f},{y + 3} l4,4 l-4,4" stroke="#fff" fill="none"/>')
    end_x = max(x2, x1 + 2)
    if forecast:
        x3 = axis.x(forecast)
        out.append(f'<rect class="forecast" x="{x2:.1f}" y="{y}" width="{max(2.0, x3 - x2):.1f}" height="14" '
                   f'fill="url(#{escape(chart_id)}-hatch)" stroke="{RED}" stroke-width="1.2" stroke-dasharray="3 2"/>')
        end_x = max(end_x, x3)
    notes = [lang.t(bar.status)] if bar.status in ("paused", "cancelled") else []
    notes += [lang.t("late_short", days=bar.late_days)] if forecast else []
    if notes:
        out.append(f'<text x="{end_x + 4:.1f}" y="{y + 11}" font-size="10" fill="#333">'
                   f'{escape(" · ".join(notes))}</text>')
    return "".join(out) + "</g>"


def gantt_chart(chart_id: str, bars: list[Bar], first: int, last: int, as_of: dt.date, text: ChartText,
                lang: Lang) -> Markup:
    """One bar per project across the plan years, coloured by status."""
    axis = Axis(first, last)
    rows_end = _TOP + _ROW * max(1, len(bars))
    body = [hatch(chart_id)]
    for year in range(first, last + 1):
        x, x_next = axis.x(dt.date(year, 1, 1)), axis.x(dt.date(year + 1, 1, 1))
        body.append(f'<line class="year" data-year="{year}" x1="{x:.1f}" y1="14" x2="{x:.1f}" y2="{rows_end}" '
                    f'stroke="#ddd"/>')
        body.append(f'<text x="{(x + x_next) / 2:.1f}" y="27" text-anchor="middle" font-size="11" '
                    f'fill="#333">{year}</text>')
    body.append(f'<line class="year" data-year="{last + 1}" x1="{axis.x(axis.stop):.1f}" y1="14" '
                f'x2="{axis.x(axis.stop):.1f}" y2="{rows_end}" stroke="#ddd"/>')
    body += [_bar(chart_id, i, bar, axis, lang) for i, bar in enumerate(bars)]
    if axis.holds(as_of):
        x = axis.x(as_of)
        anchor = "end" if x > _WIDTH - 110 else "middle"
        body.append(f'<line class="today" x1="{x:.1f}" y1="14" x2="{x:.1f}" y2="{rows_end}" stroke="{RED}" '
                    f'stroke-width="1.5" stroke-dasharray="5 3"/>'
                    f'<text x="{x:.1f}" y="10" text-anchor="{anchor}" font-size="10" fill="{RED}">'
                    f'{escape(lang.t("chart_today", date=lang.date(as_of)))}</text>')
    present = {b.status for b in bars}
    items = [(swatch_box(STATUS_COLOUR[s]), lang.t(s)) for s in STATUS_ORDER if s in present]
    if any(b.forecast_end for b in bars):
        items.append((swatch_box(f"url(#{escape(chart_id)}-hatch)", RED, "3 2", 1.2), lang.t("legend_late")))
    if any(b.red for b in bars):
        items.append((swatch_box("#fff", RED, "", 2.5), f"● {lang.t('legend_red')}"))
    items.append((swatch_vline(RED, "5 3", 1.5), lang.t("chart_today", date=lang.date(as_of))))
    group, height = legend(items, 10, rows_end + 12, _WIDTH - 20, lang.t("chart_legend"))
    body.append(group)
    return svg(chart_id, text.title, _WIDTH, int(rows_end + 12 + height + 6), body, text.message)

