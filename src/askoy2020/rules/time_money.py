"""Dates in order, years inside periods, costs inside frames."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..core import bokmal as nb
from ..core.diagnostics import Location, Say, Severity
from ..core.numbers import amount, fte
from ..model import Project
from ..model.base import DateRange, Record
from ..model.budget import MoneyKind, RoundFrames
from .registry import CheckContext, Finding, rule
from .words import FRAME

# "planlagt slutt", "faktisk start"
_SPAN_NB = {"planned": "planlagt", "actual": "faktisk"}
_END_NB = {"start": "start", "end": "slutt"}


@rule("ASK401", "start-after-end", Severity.ERROR)
def start_after_end(ctx: CheckContext) -> Iterator[Finding]:
    """A start after its end: project dates, area periods.

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
                    project.where(key, "end"),
                    Say(f"{project.id}: {key} end {span.end} is before its start {span.start}",
                        f"{project.id}: {_SPAN_NB[key]} slutt {nb.date(span.end)} er før {_SPAN_NB[key]} start "
                        f"{nb.date(span.start)}"),
                    Say("Swap or correct the dates.", "Bytt om eller rett datoene."),
                )
    for area in p.areas:
        span_y = area.period
        if span_y.first_year > span_y.last_year:
            yield Finding(
                area.where("period"),
                Say(f"area {area.id}: first_year {span_y.first_year} is after last_year {span_y.last_year}",
                    f"programområde {area.id}: first_year {span_y.first_year} er etter last_year "
                    f"{span_y.last_year}"),
                Say("Swap or correct the years.", "Bytt om eller rett årene."),
            )


@rule("ASK402", "outside-period", Severity.ERROR)
def outside_period(ctx: CheckContext) -> Iterator[Finding]:
    """Project dates outside its area's period; money or staff in a year no
    budget round speaks of; a round's frames in a year outside its own
    økonomiplan. Years of earlier rounds are history, never an error.

    FAIL (rounds 2018–2021 to 2020–2023):
        cost: {2024: 1500}
    PASS:
        cost: {2018: 700, 2023: 1500}
    """
    p = ctx.portfolio
    known = p.programme.known_years() if p.programme else None
    for project in p.projects:
        area = p.area_by_id.get(project.area)
        if area is not None:
            for key in ("planned", "actual"):
                span: DateRange = getattr(project, key)
                for end in ("start", "end"):
                    day = getattr(span, end)
                    if day is not None and day.year not in area.period:
                        period = f"{area.period.first_year}–{area.period.last_year}"
                        yield Finding(
                            project.where(key, end),
                            Say(f"{project.id}: {key} {end} {day} is outside area {area.id}'s period {period}",
                                f"{project.id}: {_SPAN_NB[key]} {_END_NB[end]} {nb.date(day)} ligger utenfor "
                                f"perioden til programområde {area.id} ({period})"),
                            Say("Move the date inside the area's period or widen the area's period.",
                                "Flytt datoen inn i perioden til programområdet, eller utvid perioden."),
                        )
        if known is not None:
            yield from _years_outside(project, ("cost", "investment", "staff"), known)
            for i, revision in enumerate(project.revisions):
                for key in ("cost", "investment"):
                    for year in getattr(revision, key):
                        if year not in known:
                            yield Finding(
                                project.where("revisions", i, key, year),
                                Say(f"{project.id}: the revision {revision.decision} has {key} for {year}, outside "
                                    f"the budget rounds {known[0]}–{known[-1]}",
                                    f"{project.id}: budsjettjusteringen {revision.decision} har {key} for {year}, "
                                    f"utenfor budsjettrundene {known[0]}–{known[-1]}"),
                                Say("Correct the year, or add the round that covers it.",
                                    "Rett året, eller legg til budsjettrunden som dekker det."),
                            )
    if p.programme is None:
        return
    spans = {r.year: r.years() for r in p.programme.rounds}
    owners: list[tuple[Record, list[RoundFrames]]] = [(p.programme, list(p.programme.rounds))]
    owners += [(a, list(a.rounds)) for a in p.areas]
    for owner, rounds in owners:
        for i, speaking in enumerate(rounds):
            years = spans.get(speaking.year)
            if years is None:
                yield Finding(owner.where("rounds", i, "year"),
                              Say(f"frames for the round of {speaking.year}, but programme.yaml has no round of that "
                                  "year",
                                  f"rammer for budsjettrunden {speaking.year}, men programme.yaml har ingen "
                                  "budsjettrunde for det året"),
                              Say(f"Add the {speaking.year} round to rounds in programme.yaml, or correct the year.",
                                  f"Legg til budsjettrunden for {speaking.year} under rounds i programme.yaml, eller "
                                  "rett året."))
                continue
            for frames, path in [(speaking.frames, ("rounds", i, "frames"))] + [
                    (r.frames, ("rounds", i, "revisions", j, "frames")) for j, r in enumerate(speaking.revisions)]:
                for kind in MoneyKind:
                    for year in frames.of(kind):
                        if year not in years:
                            yield Finding(owner.where(*path, kind.value, year),
                                          Say(f"the round of {speaking.year} covers {years[0]}–{years[-1]}, but has "
                                              f"a {kind.value} frame for {year}",
                                              f"budsjettrunden for {speaking.year} dekker {years[0]}–{years[-1]}, "
                                              f"men har en {FRAME[kind]} for {year}"),
                                          Say("Move the frame into the round's years, or into the round that covers "
                                              "it.",
                                              "Flytt rammen til et av rundens år, eller til runden som dekker "
                                              "året."))


def _years_outside(record: Record, keys: tuple[str, ...], years: range) -> Iterator[Finding]:
    for key in keys:
        for year in getattr(record, key):
            if year not in years:
                yield Finding(
                    record.where(key, year),
                    Say(f"{key} has the year {year}, outside the budget rounds {years[0]}–{years[-1]}",
                        f"{key} har året {year}, utenfor budsjettrundene {years[0]}–{years[-1]}"),
                    Say("Remove the year, move the amount into a year of a round, or add the round that covers it.",
                        "Fjern året, flytt beløpet til et år en budsjettrunde dekker, eller legg til runden som "
                        "dekker året."),
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
                        Say(f"{project.id} has {key} in {year} but runs {years[0]}–{years[-1]}",
                            f"{project.id} har {_RUN_NB[key]} i {year}, men pågår {years[0]}–{years[-1]}"),
                        Say("Move the amount into a year the project runs, or change its dates.",
                            "Flytt beløpet til et år prosjektet pågår, eller endre datoene."),
                    )


_RUN_NB = {"cost": "kostnad (cost)", "staff": "årsverk (staff)"}


def _places(top: list[tuple[float, Project]], use_key: str, year: int) -> tuple[Location, ...]:
    # Looked up only for a finding: a position may mean reading the file again.
    return tuple(pr.where(use_key, year) for _, pr in top)


def _frame_findings(ctx: CheckContext, kind: MoneyKind, use_key: str, unit: str, show: Callable[[float], str]
                    ) -> Iterator[Finding]:
    p = ctx.portfolio
    if p.programme is None:
        return
    # Closed years are history: their budgets were adopted as they are.
    running = p.programme.current_round(ctx.as_of).year
    for area in p.areas:
        used: dict[int, list[tuple[float, Project]]] = {}
        for project in p.projects_in(area.id):
            # Only projects that must be in any plan: optional ones may ask for
            # more than the frame together; choosing among them is prioritise's job.
            if project.must_be_planned:
                for year, value in getattr(project, use_key).items():
                    if year >= running:
                        used.setdefault(year, []).append((value, project))
        for year in sorted(used):
            total = sum(v for v, _ in used[year])
            top = sorted(used[year], key=lambda vp: (-vp[0], vp[1].id))[:3]
            largest = ", ".join(f"{pr.id} ({show(v)})" for v, pr in top)
            largest_nb = ", ".join(f"{pr.id} ({nb.decimal(show(v))})" for v, pr in top)
            source = p.frame_source(year, ctx.as_of, area.id)
            found = source.frame_at(kind, year, ctx.as_of) if source is not None else None
            if found is None:
                if total > 0:
                    speaking = p.programme.round_for_year(year, ctx.as_of)
                    yield Finding(
                        _missing_frame_place(area, source, kind),
                        Say(f"area {area.id} has {use_key} of {show(total)} {unit} in {year} in projects that must "
                            f"be in but no {kind.value} frame for {year}"
                            + (f" in the round of {speaking.year}" if speaking else ""),
                            f"prosjektene i programområde {area.id} som må være med, bruker "
                            f"{nb.decimal(show(total))} {unit} i {year}, men programområdet har ingen "
                            f"{FRAME[kind]} for {year}"
                            + (f" i budsjettrunden for {speaking.year}" if speaking else "")),
                        Say(f"Add {year} to the area's {kind.value} frames in that round. Largest: {largest}.",
                            f"Legg til {year} i programområdets {FRAME[kind]}r i den runden. De største: "
                            f"{largest_nb}."),
                        _places(top, use_key, year),
                    )
                continue
            frame, where = found
            if total > frame + 1e-9:
                yield Finding(
                    where,
                    Say(f"area {area.id}: projects that must be in use {show(total)} {unit} in {year}, the frame is "
                        f"{show(frame)}: over by {show(total - frame)}",
                        f"programområde {area.id}: prosjektene som må være med, bruker {nb.decimal(show(total))} "
                        f"{unit} i {year}, mens rammen er {nb.decimal(show(frame))}: "
                        f"{nb.decimal(show(total - frame))} over rammen"),
                    Say(f"Raise the frame, or move or cut {use_key} in the largest projects: {largest}.",
                        f"Øk rammen, eller flytt eller kutt {_RUN_NB[use_key]} i de største prosjektene: "
                        f"{largest_nb}."),
                    _places(top, use_key, year),
                )


@rule("ASK404", "area-budget-exceeded", Severity.ERROR)
def area_budget_exceeded(ctx: CheckContext) -> Iterator[Finding]:
    """The projects of an area that must be in any plan (active, completed,
    locked or mandatory) cost more in a year than the area's budget frame,
    so no plan is possible. Planned optional projects do not count.

    FAIL:
        frames: {drift: {2019: 12000}}   # active and mandatory projects sum to 12 850
    PASS:
        frames: {drift: {2019: 13000}}
    """
    return _frame_findings(ctx, MoneyKind.DRIFT, "cost", "(1000 kr)", amount)


@rule("ASK405", "area-staff-exceeded", Severity.ERROR)
def area_staff_exceeded(ctx: CheckContext) -> Iterator[Finding]:
    """The projects of an area that must be in any plan need more årsverk
    in a year than its staff frame.

    FAIL:
        frames: {staff: {2019: 6}}   # projects need 7.5
    PASS:
        frames: {staff: {2019: 8}}
    """
    return _frame_findings(ctx, MoneyKind.STAFF, "staff", "årsverk", fte)


@rule("ASK406", "programme-frames-exceeded", Severity.ERROR)
def programme_frames_exceeded(ctx: CheckContext) -> Iterator[Finding]:
    """The areas' frames add up to more than the programme's frame for a year.

    FAIL (programme.yaml):
        frames: {drift: {2019: 90000}}   # area frames sum to 95 000
    PASS:
        frames: {drift: {2019: 95000}}
    """
    p = ctx.portfolio
    if p.programme is None:
        return
    for speaking in p.programme.rounds:
        parts_of = [(a, r) for a in p.areas if (r := a.round(speaking.year)) is not None]
        for kind, unit, show in ((MoneyKind.DRIFT, "(1000 kr)", amount), (MoneyKind.INVESTMENT, "(1000 kr)", amount),
                                 (MoneyKind.STAFF, "årsverk", fte)):
            for year in sorted(speaking.frame_years()):
                found = speaking.frame_at(kind, year, ctx.as_of)
                if found is None:
                    continue
                frame, where = found
                parts = [(r.frame(kind, year, ctx.as_of) or 0.0, a, r) for a, r in parts_of]
                total = sum(v for v, _, _ in parts)
                if total > frame + 1e-9:
                    top = sorted(parts, key=lambda var: (-var[0], var[1].id))[:3]
                    largest = ", ".join(f"{a.id} ({show(v)})" for v, a, _ in top)
                    yield Finding(
                        where,
                        Say(f"the areas' {kind.value} frames for {year} (round of {speaking.year}) add up to "
                            f"{show(total)} {unit}, the programme frame is {show(frame)}: over by "
                            f"{show(total - frame)}",
                            f"programområdenes {FRAME[kind]}r for {year} (budsjettrunden for {speaking.year}) er til "
                            f"sammen {nb.decimal(show(total))} {unit}, mens programmets {FRAME[kind]} er "
                            f"{nb.decimal(show(frame))}: {nb.decimal(show(total - frame))} over"),
                        Say(f"Raise the programme frame or lower area frames; largest: {largest}.",
                            "Øk programmets ramme eller senk programområdenes rammer; de største: "
                            + ", ".join(f"{a.id} ({nb.decimal(show(v))})" for v, a, _ in top) + "."),
                        tuple(loc for _, _, r in top if (loc := _frame_place(r, kind, year, ctx)) is not None),
                    )


def _missing_frame_place(area: Record, source: RoundFrames | None, kind: MoneyKind) -> Location:
    # Where the missing year goes: the round's frames of that kind, else the round, else rounds.
    if source is not None:
        return source.frames.where(kind.value) if source.frames.of(kind) else source.where("frames")
    return area.where("rounds")


def _frame_place(source: RoundFrames, kind: MoneyKind, year: int, ctx: CheckContext) -> Location | None:
    found = source.frame_at(kind, year, ctx.as_of)
    return found[1] if found else None
