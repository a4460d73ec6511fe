"""The tertial report's first question: will each area stay inside its
frame this year? Summed as the report sums it (model/forecast.py)."""

from __future__ import annotations

from collections.abc import Iterator

from ..core.diagnostics import Say, Severity
from ..core.numbers import amount
from ..model.budget import MONEY_KINDS
from ..model.forecast import in_budget, money_sum, newest_period
from .registry import CheckContext, Finding, rule
from .words import MONEY


@rule("ASK421", "area-forecast-over-frame", Severity.WARNING)
def area_forecast_over_frame(ctx: CheckContext) -> Iterator[Finding]:
    """The year's forecast for an area's projects – each project's newest
    forecast for the last closed tertial, or its revised budget when it gave
    none – is above the area's frame as revised on ``--as-of``: the area
    will overspend unless something is cut or the council adds money.
    The projects are those the year's budget holds (``in_budget``: a
    cancelled one only with spend), as the report counts them.
    Checked for the year of ``--as-of`` once its first tertial has closed,
    with the programme's ``overrun`` threshold (share and amount) as for a
    project's budget (ASK411).

    FAIL (frame 2 000; the other project forecasts 1 000):
        T2:
          forecast: {drift: 1150}
    PASS:
        T2:
          forecast: {drift: 1000}
    """
    p = ctx.portfolio
    year = ctx.as_of.year
    period = newest_period(year, ctx.as_of)
    if p.programme is None or period is None:
        return
    threshold = p.programme.overrun
    open_from = p.programme.first_open_year(ctx.as_of)
    for area in sorted(p.areas, key=lambda a: a.id):
        source = p.frame_source(year, ctx.as_of, area.id)
        for kind in MONEY_KINDS:
            found = source.frame_at(kind, year, ctx.as_of) if source is not None else None
            if found is None:
                continue
            frame, where = found
            counted = [q for q in p.projects_in(area.id) if in_budget(q, year, ctx.as_of, open_from)]
            total = money_sum(counted, kind, year, ctx.as_of)
            if total.forecast is None:
                continue
            over = total.forecast - frame
            if threshold.exceeded(over, frame):
                yield Finding(
                    where,
                    Say(f"area {area.id}: the {kind.value} forecast for {year} after {year}-{period.value} is "
                        f"{amount(total.forecast)} (1000 kr), the frame is {amount(frame)}: over by {amount(over)}",
                        f"programområde {area.id}: prognosen for {MONEY[kind]} {year} etter {year}-{period.value} "
                        f"er {amount(total.forecast)} (1000 kr), mens rammen er {amount(frame)}: {amount(over)} "
                        "over rammen"),
                    Say("Propose a cut or a budget change in the tertial report, or move money from an area with "
                        "room.",
                        "Foreslå et kutt eller en budsjettendring i tertialrapporten, eller flytt midler fra et "
                        "programområde med ledig ramme."),
                )
