"""Projects that need the meeting's attention: red, late or slipping, each
with its newest status comment, its forecast end and the projects its
delay pushes – not ids alone.

Late is the report's delay (report/areas.py, from model/schedule.py);
slipping is a forecast end later now than on the previous report's day.
Only projects that still run (planned, active, paused) are listed: a
project finished late is history, told in its area's delay list.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..model import Portfolio, ProjectStatus
from ..model.project import Rag
from .model import Delay

RUNNING = (ProjectStatus.PLANNED, ProjectStatus.ACTIVE, ProjectStatus.PAUSED)


@dataclass(frozen=True)
class AttentionRow:
    project: str
    name: str
    area: str
    status: str
    rag: str | None
    comment: str | None  # the newest status report's comment
    reported: dt.date | None  # that report's date
    planned_end: dt.date | None
    forecast_end: dt.date | None
    days_late: int
    pushes: list[tuple[str, int]] = field(default_factory=list)
    slipped_days: int = 0  # how much later the forecast end is than at the previous report
    why: list[str] = field(default_factory=list)  # red, late, slipping: word keys


def build_attention(portfolio: Portfolio, delays: list[Delay], as_of: dt.date,
                    before: dt.date | None = None) -> list[AttentionRow]:
    late = {d.project: d for d in delays}
    rows = []
    for project in sorted(portfolio.projects, key=lambda p: (p.area, p.id)):
        if project.status not in RUNNING:
            continue
        rag = project.rag(as_of)
        end = project.forecast_end(as_of)
        slipped = 0
        if before is not None and end is not None:
            earlier = project.forecast_end(before)
            slipped = max(0, (end - earlier).days) if earlier is not None else 0
        why = [w for w, yes in (("red", rag is Rag.RED), ("late", project.id in late), ("slipping", slipped > 0))
               if yes]
        if not why:
            continue
        latest = project.latest_status(as_of)
        report = latest[1] if latest else None
        delay = late.get(project.id)
        rows.append(AttentionRow(
            project.id, project.name, project.area, project.status.value, rag.value if rag else None,
            report.comment if report else None, report.date if report else None, project.planned.end, end,
            delay.days if delay else 0, delay.pushes if delay else [], slipped, why,
        ))
    return rows
