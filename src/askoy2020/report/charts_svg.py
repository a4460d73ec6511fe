"""The ground floor of the SVG charts: the <svg> element with its text
alternative, legends, and patterns. Every piece of text goes through
``escape``, attribute values too, so a project called ``<script>`` or an
id holding a quote stays text."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

STATUS_COLOUR = {"completed": "#4d7c5b", "active": "#2f6690", "planned": "#9aa5b1",
                 "paused": "#c28f2c", "cancelled": "#b0b0b0"}
# Domain order: planned → active → paused → completed → cancelled.
STATUS_ORDER = ("planned", "active", "paused", "completed", "cancelled")
RED = "#b03a2e"
FONT = 'font-family="system-ui, sans-serif"'


def svg(chart_id: str, title: str, width: int, height: int, body: Sequence[str], desc: str = "") -> Markup:
    """A self-contained chart: <title> names it, <desc> says its main message."""
    cid = escape(chart_id)
    described = f' aria-describedby="{cid}-d"' if desc else ""
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{cid}-t"{described} '
            f'viewBox="0 0 {width} {height}" width="100%" style="max-width:{width}px" {FONT}>'
            f'<title id="{cid}-t">{escape(title)}</title>')
    if desc:
        head += f'<desc id="{cid}-d">{escape(desc)}</desc>'
    return Markup(head + "".join(body) + "</svg>")


def hatch(chart_id: str, colour: str = RED) -> str:
    """A diagonal hatch, so a delay is told by pattern, not colour alone."""
    return (f'<defs><pattern id="{escape(chart_id)}-hatch" patternUnits="userSpaceOnUse" width="6" height="6" '
            f'patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/>'
            f'<line x1="0" y1="0" x2="0" y2="6" stroke="{colour}" stroke-width="2.2"/></pattern></defs>')


def text_width(text: str, size: float = 11) -> float:
    """Rough width of ``text`` in the report's sans-serif font."""
    return len(text) * size * 0.56


def legend(items: Sequence[tuple[str, str]], x: float, y: float, width: float, title: str = "") -> tuple[str, float]:
    """A legend of (swatch, label) pairs flowing left to right and wrapping
    inside ``width``; each swatch is SVG drawn in a 16 × 12 box at (0, 0).
    Returns the SVG group and its height."""
    parts = [f'<g class="legend" transform="translate({x:.1f},{y:.1f})">']
    cx, cy = 0.0, 0.0
    if title:
        parts.append(f'<text x="0" y="10" font-size="11" font-weight="600">{escape(title)}:</text>')
        cx = text_width(title, 11) + 12
    for swatch, label in items:
        w = 22 + text_width(label, 10.5) + 14
        if cx > 0 and cx + w > width:
            cx, cy = 0.0, cy + 18
        parts.append(f'<g class="legend-item" transform="translate({cx:.1f},{cy:.1f})">{swatch}'
                     f'<text x="21" y="10" font-size="10.5">{escape(label)}</text></g>')
        cx += w
    parts.append("</g>")
    return "".join(parts), cy + 16


def swatch_box(fill: str, stroke: str = "none", dash: str = "", stroke_width: float = 1.5) -> str:
    dashed = f' stroke-dasharray="{dash}"' if dash else ""
    return (f'<rect x="1" y="1" width="16" height="10" rx="2" fill="{fill}" stroke="{stroke}" '
            f'stroke-width="{stroke_width}"{dashed}/>')


def swatch_line(colour: str, dash: str = "", arrow: bool = False, width: float = 1.5) -> str:
    dashed = f' stroke-dasharray="{dash}"' if dash else ""
    head = f'<path d="M13,2 L18,6 L13,10 z" fill="{colour}"/>' if arrow else ""
    line_end = 14 if arrow else 18
    return f'<line x1="0" y1="6" x2="{line_end}" y2="6" stroke="{colour}" stroke-width="{width}"{dashed}/>{head}'


def swatch_vline(colour: str, dash: str = "", width: float = 2) -> str:
    dashed = f' stroke-dasharray="{dash}"' if dash else ""
    return f'<line x1="9" y1="-1" x2="9" y2="13" stroke="{colour}" stroke-width="{width}"{dashed}/>'
