"""Following the year up (oppfølging): spend and forecasts against the
revised budget, tertials without figures, end dates that slip and the
projects they push.

Each tertial report shows budget, actual to date and forecast for the
year; these rules read them as the model does – the newest period closed
on ``--as-of`` (``Project.figures``), the budget as revised that day
(``Project.budget``), the end as last forecast (``Project.forecast_end``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

from ..core import bokmal as nb
from ..core.diagnostics import Location, Say, Severity
from ..core.numbers import amount, one_decimal
from ..model import Project
from ..model.budget import MONEY_KINDS, MoneyKind, Period
from ..model.project import ProjectStatus
from ..model.schedule import dependants, knock_on
from .money import period_name
from .registry import CheckContext, Finding, rule
from .words import BUDGET, MONEY, days


@rule("ASK411", "over-budget", Severity.WARNING)
def over_budget(ctx: CheckContext) -> Iterator[Finding]:
    """A project's actual spend or forecast for a year is over its revised
    budget by more than the programme's ``overrun`` threshold (both its
    share and its amount, by default 5 % and 100 (1000 kr)). Drift and
    investment are compared separately; spend with no budget at all warns
    once it passes the amount. The newest period closed on ``--as-of``
    counts: the year's accounts (T3), else the tertial's actual to date or
    its forecast for the year, whichever is higher.

    FAIL (cost: {2020: 1000}; overrun: {share: 0.05, amount: 100}):
        accounts:
          2020:
            T2: {actual: {drift: 700}, forecast: {drift: 1300}}
    PASS:
        accounts:
          2020:
            T2: {actual: {drift: 700}, forecast: {drift: 1040}}
    """
    p = ctx.portfolio
    if p.programme is None:
        return
    threshold = p.programme.overrun
    for project in p.projects:
        for year in sorted(project.accounts):
            found = project.figures(year, ctx.as_of)
            if found is None:
                continue
            period = found[0]
            for kind in MONEY_KINDS:
                money = MONEY[kind]
                spent = Say(f"{kind.value} actual for {year} ({period.title_nb})",
                            f"regnskapet for {money} {year}") if period is Period.T3 else \
                    Say(f"{kind.value} actual to {period.end(year)}",
                        f"regnskapet for {money} til og med {nb.date(period.end(year))}")
                spends = [(v, "actual", spent)
                          for v in (project.spent(kind, year, ctx.as_of),) if v is not None]
                if period is not Period.T3:
                    spends += [(v, "forecast", Say(f"{kind.value} forecast for {year} in {period.title_nb}",
                                                   f"prognosen for {money} {year} i {period.title_nb}"))
                               for v in (project.forecast_spend(kind, year, ctx.as_of),) if v is not None]
                if not spends:
                    continue
                spend, key, label = max(spends, key=lambda found: found[:2])
                budget, budget_path = project.budget_at(kind, year, ctx.as_of)
                excess = spend - budget
                if not threshold.exceeded(excess, budget):
                    continue
                place = project.where("accounts", year, period.value, key, kind.value)
                if budget <= 0:
                    yield Finding(
                        place,
                        Say(f"{project.id}: {label.en} is {amount(spend)} (1000 kr), but the project has no "
                            f"{kind.value} budget for {year}",
                            f"{project.id}: {label.nb} er {amount(spend)} (1000 kr), men prosjektet har ikke noe "
                            f"{BUDGET[kind]} for {year}"),
                        Say(f"Give {year} a {kind.value} budget (a revision, by decision), or correct the figures.",
                            f"Gi prosjektet et {BUDGET[kind]} for {year} (en budsjettjustering, ved vedtak), eller "
                            "rett tallene."),
                    )
                    continue
                share = one_decimal(100 * excess / budget)
                yield Finding(
                    place,
                    Say(f"{project.id}: {label.en} is {amount(spend)} (1000 kr), the revised budget is "
                        f"{amount(budget)}: over by {amount(excess)} ({share} %)",
                        f"{project.id}: {label.nb} er {amount(spend)} (1000 kr), mens revidert budsjett er "
                        f"{amount(budget)}: {amount(excess)} over budsjett ({nb.decimal(share)} %)"),
                    Say("Explain the deviation in the period's comment and propose a measure or a budget revision "
                        "(revisions: with the decision).",
                        "Forklar avviket i kommentaren for perioden, og foreslå et tiltak eller en budsjettjustering "
                        "(revisions: med vedtaket)."),
                    (project.where(*budget_path),),
                )


def _ran_in(project: Project, year: int, period: Period, ctx: CheckContext) -> bool:
    """Started (not planned), begun by the period's end, not ended before
    the year, and with a budget that year; a cancelled project only when
    its actual end says how long it ran."""
    if project.status is ProjectStatus.PLANNED or (not project.is_live and project.actual.end is None):
        return False
    start, end = project.start(), project.end()
    if start is None or start > period.end(year) or (end is not None and end.year < year):
        return False
    return any(project.budget(kind, year, ctx.as_of) > 0 for kind in MONEY_KINDS)


@rule("ASK413", "actuals-missing", Severity.WARNING)
def actuals_missing(ctx: CheckContext) -> Iterator[Finding]:
    """A project that ran in a closed period has no figures for it. Checked:
    the closed tertials of the year of ``--as-of`` and the previous year's
    accounts (T3), so old history does not flood; a period counts once
    figures for it have been entered for some project (the tertial report
    is in). A project ran if it had started by the period's end, had not
    ended before the year, is not only planned, and has a drift or
    investment budget that year.

    FAIL (validated on 2020-10-31; DK-04 has 2020-T2, DK-03 none):
        cost: {2020: 1000}
        accounts:
          2020:
            T1: {actual: {drift: 250}}
    PASS:
        accounts:
          2020:
            T1: {actual: {drift: 250}}
            T2: {actual: {drift: 600}, forecast: {drift: 1000}}
    """
    p = ctx.portfolio
    # The calendar year, not the newest round's: in December next year's
    # round is adopted while this year is still being accounted for.
    running = ctx.as_of.year
    wanted = [(running - 1, Period.T3)] + [(running, period) for period in Period]
    entered = {(year, period) for project in p.projects for year, accounts in project.accounts.items()
               for period in Period if accounts.of(period) is not None}
    checked = [(y, period) for y, period in wanted if period.end(y) <= ctx.as_of and (y, period) in entered]
    for project in p.projects:
        missing: dict[int, list[Period]] = {}
        for year, period in checked:
            accounts = project.accounts.get(year)
            if (accounts is None or accounts.of(period) is None) and _ran_in(project, year, period, ctx):
                missing.setdefault(year, []).append(period)
        for year, periods in missing.items():
            budgets = {kind: b for kind in MONEY_KINDS if (b := project.budget(kind, year, ctx.as_of)) > 0}
            names = [period_name(year, period) for period in periods]
            add = f"accounts: {{{year}: {{{periods[0].value}: {{actual: {{{next(iter(budgets)).value}: …}}}}}}}}"
            yield Finding(
                _accounts_place(project, year),
                Say(f"{project.id} ran in {year} with a budget of "
                    + ", ".join(f"{kind.value} {amount(b)}" for kind, b in budgets.items())
                    + " (1000 kr), but has no figures for " + ", ".join(name.en for name in names),
                    f"{project.id} pågikk i {year} med et budsjett på "
                    + ", ".join(f"{MONEY[kind]} {amount(b)}" for kind, b in budgets.items())
                    + " (1000 kr), men mangler tall for " + nb.listing(name.nb for name in names)),
                Say(f"Add {add} from the accounts (askoy2020 import actuals), 0 if nothing was spent.",
                    f"Legg til {add} fra regnskapet (askoy2020 import actuals), 0 hvis ingenting er brukt."),
            )


def _accounts_place(project: Project, year: int) -> Location:
    # Where the missing figures go: the year's accounts, else accounts, else the year's budget.
    if year in project.accounts:
        return project.where("accounts", year)
    if project.accounts:
        return project.where("accounts")
    kind = next((k for k in MONEY_KINDS if project.adopted(k, year) > 0), MoneyKind.DRIFT)
    return project.where("cost" if kind is MoneyKind.DRIFT else "investment", year)




@rule("ASK415", "forecast-end-slip", Severity.WARNING)
def forecast_end_slip(ctx: CheckContext) -> Iterator[Finding]:
    """A project not completed or cancelled is now expected to end after
    its planned end (the newest status report's ``forecast_end`` on
    ``--as-of``, or its actual end). Says by how many days, and which
    projects after it – by a finish-to-start dependency, hard or soft,
    directly or through others – it pushes and by how much: a dependant
    not yet started may begin on the forecast end plus its lag (as ASK302
    reads a dependency), and keeps its planned length. A push is how much
    later that is than its planned start, never the slip added again.

    FAIL (planned: {start: 2020-01-01, end: 2020-06-30}):
        status_reports:
          - {date: 2020-09-30, rag: amber, forecast_end: 2020-12-31}
    PASS:
        status_reports:
          - {date: 2020-09-30, rag: green, forecast_end: 2020-06-30}
    """
    p = ctx.portfolio
    after = dependants(p.projects)
    for project in p.projects:
        if project.status in (ProjectStatus.COMPLETED, ProjectStatus.CANCELLED) or project.planned.end is None:
            continue
        found = project.forecast_end_at(ctx.as_of)
        if found is None or found[0] <= project.planned.end:
            continue
        end, path = found
        slip = (end - project.planned.end).days
        pushed = knock_on(after, len(p.projects), project, end)
        shown = Say(", ", ", ").join(
            Say(f"{d.id} by {days(new - old).en} (start {_day(new)})",
                f"{d.id} med {days(new - old).nb} (start {_day(new, nb.date)})") for d, old, new in pushed[:_SHOWN])
        if len(pushed) > _SHOWN:
            shown += Say(f" and {len(pushed) - _SHOWN} more", f" og {len(pushed) - _SHOWN} til")
        source = Say("its actual end", "faktisk slutt") if path[0] == "actual" else \
            Say("the newest status report", "siste statusrapport")
        yield Finding(
            project.where(*path),
            Say(f"{project.id} is expected to end {end} ({source.en}), {days(slip).en} after its planned end "
                f"{project.planned.end}" + (f"; this pushes {shown.en}" if pushed else ""),
                f"{project.id} forventes ferdig {nb.date(end)} ({source.nb}), {days(slip).nb} etter planlagt "
                f"slutt {nb.date(project.planned.end)}" + (f"; dette skyver {shown.nb}" if pushed else "")),
            Say("Re-plan: move the planned end" + (" and the dependants' starts" if pushed else "")
                + ", or say in the status report how the project will catch up.",
                "Planlegg på nytt: flytt planlagt slutt" + (" og starten på prosjektene som venter på det"
                                                           if pushed else "")
                + ", eller forklar i statusrapporten hvordan prosjektet skal ta igjen forsinkelsen."),
            tuple(d.where("planned", "start") for d, _, _ in pushed[:_SHOWN]),
        )


_SHOWN = 5  # dependants named in one message


def _day(number: int, show: Callable[[dt.date], str] = str) -> str:
    if 1 <= number <= dt.date.max.toordinal():
        return show(dt.date.fromordinal(number))
    return "past year 9999" if show is str else "etter år 9999"
