"""What each chart says, in words: the SVG's <title> and <desc>, the
figure's caption and the Markdown line under a Mermaid diagram all come
from here, so a reader who cannot see the chart gets its main message
(which projects are late or red, how far each goal has come against what
is expected by now, how this year's cases compare with the same months of
last year), and no two charts in a report say the same thing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple, Protocol

from .i18n import NB, Lang
from .model import Bar, Edge, GoalRow, Node

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
# Edges named one by one up to this many; a larger diagram is counted.
_EDGES_NAMED = 6


class ChartText(NamedTuple):
    title: str  # short: what the chart is (unique in a report: it names the area)
    message: str  # the title and the main message in sentences


class Marked(Protocol):
    """A bar or a node: what the charts mark on a project."""

    @property
    def late_days(self) -> int: ...

    @property
    def red(self) -> bool: ...


def plural(lang: Lang, key: str, n: int, **values: object) -> str:
    return lang.t(f"{key}_{'one' if n == 1 else 'many'}", n=lang.number(n), **values)


def listed(lang: Lang, items: Sequence[str]) -> str:
    """A, B og C / A, B and C."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {lang.t('and')} {items[-1]}"


def day_month(lang: Lang, day: dt.date) -> str:
    """31.10. in Norwegian, 31 October in English."""
    return f"{day.day:02d}.{day.month:02d}." if lang.code == NB else f"{day.day} {_MONTHS[day.month - 1]}"


def flagged(lang: Lang, items: Sequence[tuple[str, Marked]]) -> str:
    """Sentences naming the late projects (and by how much) and the red ones."""
    late = [f"{name} ({plural(lang, 'days', item.late_days)})" for name, item in items if item.late_days > 0]
    red = [name for name, item in items if item.red]
    if not late and not red:
        return lang.t("none_flagged")
    parts = [plural(lang, "is_late", len(late), list=listed(lang, late))] if late else []
    parts += [plural(lang, "has_red", len(red), list=listed(lang, red))] if red else []
    return " ".join(parts)


def gantt_text(area: str, bars: list[Bar], folded: list[Bar], first: int, last: int, year: int,
               lang: Lang) -> ChartText:
    title = lang.t("gantt_title", area=area, first=first, last=last)
    parts = [f"{title}: {lang.t('gantt_shown', projects=plural(lang, 'projects', len(bars)))}",
             flagged(lang, [(b.label, b) for b in bars])]
    if folded:
        parts.append(plural(lang, "folded_projects", len(folded), year=year,
                            list=listed(lang, [b.label for b in folded])))
    return ChartText(title, " ".join(parts))


def attainment_text(area: str, goals: list[GoalRow], year: int, as_of: dt.date, lang: Lang) -> ChartText:
    title = lang.t("goals_title", area=area)
    on = sum(g.on_track is True for g in goals)
    parts = [f"{title}: {lang.t('goals_on_track_of', on=on, total=len(goals))}"]
    for g in goals:
        if g.attainment is None or g.latest_date is None:
            parts.append(lang.t("goal_no_data", id=g.id))
            continue
        parts.append(lang.t("goal_line", id=g.id, share=lang.percent(g.attainment), year=year,
                            date=lang.date(g.latest_date), then=lang.percent(g.expected_then),
                            as_of=lang.date(as_of), now=lang.percent(g.expected_now)))
    return ChartText(title, " ".join(parts))


def dependency_text(title: str, nodes: list[Node], edges: list[Edge], folded: list[Edge], year: int,
                    lang: Lang, home: str | None = None) -> ChartText:
    """``home``: the area the diagram belongs to; nodes of other areas (and
    every node when None) are named with their area."""
    names = {n.id: n.id if n.area == home else f"{n.id} ({n.area})" for n in nodes}
    hard = sum(e.hard for e in edges)
    kinds = [plural(lang, key, n) for key, n in (("hard", hard), ("soft", len(edges) - hard)) if n]
    parts = [f"{title}: {plural(lang, 'deps', len(edges))}" + (f" ({', '.join(kinds)})." if kinds else ".")]
    if 0 < len(edges) <= _EDGES_NAMED:
        waits = [lang.t("must_wait" if e.hard else "should_wait", succ=names.get(e.succ, e.succ),
                        pred=names.get(e.pred, e.pred)) for e in edges]
        parts.append(f"{'; '.join(waits)}.")
        parts[-1] = parts[-1][:1].upper() + parts[-1][1:]
    parts.append(flagged(lang, [(names[n.id], n) for n in nodes]))
    if folded:
        parts.append(plural(lang, "folded_deps", len(folded), year=year))
    return ChartText(title, " ".join(parts))


def is_part_year(as_of: dt.date) -> bool:
    return (as_of.month, as_of.day) != (12, 31)


def cases_text(per_year: dict[int, int], to_date: dict[int, int], as_of: dt.date, lang: Lang) -> ChartText:
    """The as-of year's cases against the same months of the year before:
    a part year is never set against a whole one."""
    years = sorted(per_year)
    if not years:
        return ChartText(lang.t("cases_per_year"), lang.t("no_cases"))
    title = lang.t("cases_title", first=years[0], last=years[-1])
    now, prev = years[-1], years[-1] - 1
    running = now == as_of.year and is_part_year(as_of)
    counts = [f"{lang.t('part_year', year=y, day=day_month(lang, as_of)) if running and y == now else y}: "
              f"{lang.number(per_year[y])}" for y in years]
    parts = [f"{title}: {' · '.join(counts)}."]
    cases = plural(lang, "cases", per_year[now])
    if running and prev in per_year:
        parts.append(lang.t("cases_compare", date=lang.date(as_of), cases=cases,
                            before=lang.number(to_date.get(prev, 0)), prev=prev))
    elif prev in per_year and not running:
        parts.append(lang.t("cases_full_year", year=now, cases=cases, before=lang.number(per_year[prev]), prev=prev))
    return ChartText(title, " ".join(parts))
