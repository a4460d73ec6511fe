"""Dates in order, years inside periods, costs inside frames."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..core.diagnostics import Location, Severity
from ..core.numbers import amount, fte
from ..model import Project
from ..model.base import DateRange, Record
from .registry import CheckContext, Finding, rule


@rule("ASK401", "start-after-end", Severity.ERROR)
def start_after_end(ctx: CheckContext) -> Iterator[Finding]:
    """A start after its end: project dates, area periods, the economic plan.

    FAIL:
        planned: {start: 2020-06-01, end: 2019-12-31}
    PASS:
        planned: {start: 2019-06-01, end: 2020-12-31}
    """
    p = ctx.portfolio
    for project in p.projects:
        for key in ("planned", "actual"):
            span: DateRange = getattr(project, key)
            if span.start and span.end and span.start > span.end:
                yield Finding(
                    project.where(key, "end"), f"{project.id}: {key} end {span.end} is before its start {span.start}",
                    "Swap or correct the dates.",
                )
    ranges: list[tuple[Record, str, str]] = [(a, "period", f"area {a.id}") for a in p.areas]
    if p.programme:
        ranges.append((p.programme, "economic_plan", "the economic plan"))
    for record, key, owner in ranges:
        span_y = getattr(record, key)
        if span_y.first_year > span_y.last_year:
            yield Finding(
                record.where(key), f"{owner}: first_year {span_y.first_year} is after last_year {span_y.last_year}",
                "Swap or correct the years.",
            )


@rule("ASK402", "outside-period", Severity.ERROR)
def outside_period(ctx: CheckContext) -> Iterator[Finding]:
    """Project dates outside its area's period, or costs, staff or frames in
    years outside the economic plan.

    FAIL (economic plan 2018–2021):
        cost: {2022: 1500}
    PASS:
        cost: {2021: 1500}
    """
    p = ctx.portfolio
    plan = p.programme.economic_plan if p.programme else None
    for project in p.projects:
        area = p.area_by_id.get(project.area)
        if area is not None:
            for key in ("planned", "actual"):
                span: DateRange = getattr(project, key)
                for end in ("start", "end"):
                    day = getattr(span, end)
                    if day is not None and day.year not in area.period:
                        yield Finding(
                            project.where(key, end),
                            f"{project.id}: {key} {end} {day} is outside area {area.id}'s period "
                            f"{area.period.first_year}–{area.period.last_year}",
                            "Move the date inside the area's period or widen the area's period.",
                        )
        if plan is not None:
            yield from _years_outside(project, ("cost", "staff"), plan.years(), "the economic plan")
    if plan is not None:
        for area in p.areas:
            yield from _years_outside(area, ("budget_frames", "staff_frames"), plan.years(), "the economic plan")


def _years_outside(record: Record, keys: tuple[str, ...], years: range, what: str) -> Iterator[Finding]:
    for key in keys:
        for year in getattr(record, key):
            if year not in years:
                yield Finding(
                    record.where(key, year),
                    f"{key} has the year {year}, outside {what} {years[0]}–{years[-1]}",
                    "Remove the year or move the amount into a plan year.",
                )


@rule("ASK403", "cost-outside-run-years", Severity.ERROR)
def cost_outside_run_years(ctx: CheckContext) -> Iterator[Finding]:
    """Cost or staff in a year the project does not run (by its dates).

    FAIL (planned 2019-01-01 – 2019-12-31):
        cost: {2019: 800, 2020: 200}
    PASS:
        cost: {2019: 1000}
    """
    for project in ctx.portfolio.projects:
        years = project.run_years()
        if years is None:
            continue
        for key in ("cost", "staff"):
            for year in getattr(project, key):
                if year not in years:
                    yield Finding(
                        project.where(key, year),
                        f"{project.id} has {key} in {year} but runs {years[0]}–{years[-1]}",
                        "Move the amount into a year the project runs, or change its dates.",
                    )


def _places(top: list[tuple[float, Project]], use_key: str, year: int) -> tuple[Location, ...]:
    # Looked up only for a finding: a position may mean reading the file again.
    return tuple(pr.where(use_key, year) for _, pr in top)


def _frame_findings(
    ctx: CheckContext, frames_key: str, use_key: str, unit: str, show: Callable[[float], str]
) -> Iterator[Finding]:
    p = ctx.portfolio
    for area in p.areas:
        frames: dict[int, float] = getattr(area, frames_key)
        used: dict[int, list[tuple[float, Project]]] = {}
        for project in p.projects_in(area.id):
            # Only projects that must be in any plan: optional ones may ask for
            # more than the frame together; choosing among them is prioritise's job.
            if project.must_be_planned:
                for year, value in getattr(project, use_key).items():
                    used.setdefault(year, []).append((value, project))
        for year in sorted(used):
            total = sum(v for v, _ in used[year])
            top = sorted(used[year], key=lambda vp: (-vp[0], vp[1].id))[:3]
            largest = ", ".join(f"{pr.id} ({show(v)})" for v, pr in top)
            if year not in frames:
                if total > 0:
                    yield Finding(
                        area.where(frames_key) if frames else area.where(),
                        f"area {area.id} has {use_key} of {show(total)} {unit} in {year} in projects that must be in "
                        f"but no {frames_key} for {year}",
                        f"Add {year} to {frames_key}. Largest: {largest}.", _places(top, use_key, year),
                    )
                continue
            if total > frames[year] + 1e-9:
                yield Finding(
                    area.where(frames_key, year),
                    f"area {area.id}: projects that must be in use {show(total)} {unit} in {year}, the frame is "
                    f"{show(frames[year])}: over by {show(total - frames[year])}",
                    f"Raise the frame, or move or cut {use_key} in the largest projects: {largest}.",
                    _places(top, use_key, year),
                )


@rule("ASK404", "area-budget-exceeded", Severity.ERROR)
def area_budget_exceeded(ctx: CheckContext) -> Iterator[Finding]:
    """The projects of an area that must be in any plan (active, completed,
    locked or mandatory) cost more in a year than the area's budget frame,
    so no plan is possible. Planned optional projects do not count.

    FAIL:
        budget_frames: {2019: 12000}   # active and mandatory projects sum to 12 850
    PASS:
        budget_frames: {2019: 13000}
    """
    return _frame_findings(ctx, "budget_frames", "cost", "(1000 kr)", amount)


@rule("ASK405", "area-staff-exceeded", Severity.ERROR)
def area_staff_exceeded(ctx: CheckContext) -> Iterator[Finding]:
    """The projects of an area that must be in any plan need more årsverk
    in a year than its staff frame.

    FAIL:
        staff_frames: {2019: 6}   # projects need 7.5
    PASS:
        staff_frames: {2019: 8}
    """
    return _frame_findings(ctx, "staff_frames", "staff", "årsverk", fte)


@rule("ASK406", "programme-frames-exceeded", Severity.ERROR)
def programme_frames_exceeded(ctx: CheckContext) -> Iterator[Finding]:
    """The areas' frames add up to more than the programme's frame for a year.

    FAIL (programme.yaml):
        budget_frames: {2019: 90000}   # area frames sum to 95 000
    PASS:
        budget_frames: {2019: 95000}
    """
    p = ctx.portfolio
    if p.programme is None:
        return
    for key, unit, show in (("budget_frames", "(1000 kr)", amount), ("staff_frames", "årsverk", fte)):
        frames: dict[int, float] = getattr(p.programme, key)
        for year, frame in sorted(frames.items()):
            parts = [(getattr(a, key).get(year, 0.0), a) for a in p.areas]
            total = sum(v for v, _ in parts)
            if total > frame + 1e-9:
                top = sorted(parts, key=lambda va: (-va[0], va[1].id))[:3]
                yield Finding(
                    p.programme.where(key, year),
                    f"the areas' {key} for {year} add up to {show(total)} {unit}, the programme frame is "
                    f"{show(frame)}: over by {show(total - frame)}",
                    "Raise the programme frame or lower area frames; largest: "
                    + ", ".join(f"{a.id} ({show(v)})" for v, a in top) + ".",
                    tuple(a.where(key, year) for _, a in top),
                )


