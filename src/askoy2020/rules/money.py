"""The budget cycle's money as written: rounds in order, figures only for
closed periods, financing that adds up, one project per accounting code.
Following the year up (spend against budget, missing actuals, slipping
ends) is :mod:`.follow_up`; gains are :mod:`.benefits`.

Amounts are 1000 kr as the data writes them (``core.numbers.amount``).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from ..core import bokmal as nb
from ..core.diagnostics import Say, Severity
from ..core.numbers import amount
from ..model import Project
from ..model.base import Record
from ..model.budget import MONEY_KINDS, BudgetRound, MoneyKind, Period, PeriodFigures, Revision
from .registry import CheckContext, Finding, rule
from .words import MONEY

# Financing may differ from the investment by rounding: 0.5 = 500 kr.
FINANCING_TOLERANCE = 0.5


def period_name(year: int, period: Period) -> Say:
    """'2020-T2 (2. tertial, to 2020-08-31)' / '2020-T2 (2. tertial, til og med 31.08.2020)'."""
    title = "årsregnskapet" if period is Period.T3 else period.title_nb
    return Say(f"{year}-{period.value} ({period.title_nb}, to {period.end(year)})",
               f"{year}-{period.value} ({title}, til og med {nb.date(period.end(year))})")


def figures_text(figures: PeriodFigures) -> Say:
    """'actual drift 300, forecast drift 1 200 (1000 kr)' – or 'no amounts'."""
    parts = [Say(f"{what.en} {kind.value} {amount(value)}", f"{what.nb} {MONEY[kind]} {amount(value)}")
             for what, amounts in ((Say("actual", "regnskap"), figures.actual),
                                   (Say("forecast", "prognose"), figures.forecast)) if amounts is not None
             for kind in MONEY_KINDS if (value := amounts.of(kind)) is not None]
    return Say(", ", ", ").join(parts) + Say(" (1000 kr)", " (1000 kr)") if parts else Say("no amounts", "ingen beløp")


@rule("ASK410", "budget-round", Severity.ERROR)
def budget_round(ctx: CheckContext) -> Iterator[Finding]:
    """Budget rounds that contradict each other: two rounds of one budget
    year (in programme.yaml or in an area), a round adopted on or before the
    round of an earlier budget year, or a revision dated before the round it
    revises was adopted. Which round speaks for a year depends on these
    dates, so they must be in order. (An area round without a programme
    round of its year is ASK402.)

    FAIL:
        rounds:
          - {year: 2019, decision: KST 110/18, adopted: 2018-12-13}
          - {year: 2020, decision: KST 120/19, adopted: 2018-12-01}
    PASS:
        rounds:
          - {year: 2019, decision: KST 110/18, adopted: 2018-12-13}
          - {year: 2020, decision: KST 120/19, adopted: 2019-12-12}
    """
    p = ctx.portfolio
    if p.programme is None:
        return
    rounds = p.programme.rounds
    first_of: dict[int, BudgetRound] = {}
    for i, speaking in enumerate(rounds):
        if speaking.year in first_of:
            first = first_of[speaking.year]
            yield Finding(
                p.programme.where("rounds", i, "year"),
                Say(f"two rounds for the budget year {speaking.year} ({first.decision} and {speaking.decision})",
                    f"to budsjettrunder for budsjettåret {speaking.year} ({first.decision} og {speaking.decision})"),
                Say("Keep one round per budget year; a change during the year is a revision under that round.",
                    "Behold én budsjettrunde per budsjettår; en endring i løpet av året er en budsjettjustering "
                    "under den runden."),
                (first.where("year"),),
            )
        else:
            first_of[speaking.year] = speaking
    ordered = [first_of[y] for y in sorted(first_of)]
    for earlier, later in itertools.pairwise(ordered):
        if later.adopted <= earlier.adopted:
            yield Finding(
                later.where("adopted"),
                Say(f"the round of {later.year} ({later.decision}) is adopted {later.adopted}, not after the round of "
                    f"{earlier.year} ({earlier.decision}, adopted {earlier.adopted})",
                    f"budsjettrunden for {later.year} ({later.decision}) er vedtatt {nb.date(later.adopted)}, ikke "
                    f"etter budsjettrunden for {earlier.year} ({earlier.decision}, vedtatt "
                    f"{nb.date(earlier.adopted)})"),
                Say("Correct the adoption date (or the year): a budget year's round is adopted after the one before "
                    "it, usually in December the year before.",
                    "Rett vedtaksdatoen (eller året): budsjettet for et år vedtas etter budsjettet for året før, "
                    "vanligvis i desember året før."),
                (earlier.where("adopted"),),
            )
    for speaking in rounds:
        yield from _revisions_before(speaking.revisions, speaking, speaking, Say("programme.yaml", "programme.yaml"))
    for area in p.areas:
        seen: set[int] = set()
        for i, part in enumerate(area.rounds):
            if part.year in seen:
                yield Finding(
                    area.where("rounds", i, "year"),
                    Say(f"area {area.id} has two rounds for the budget year {part.year}; only the first counts",
                        f"programområde {area.id} har to budsjettrunder for budsjettåret {part.year}; bare den "
                        "første teller"),
                    Say("Merge them into one round; a change during the year is a revision under it.",
                        "Slå dem sammen til én runde; en endring i løpet av året er en budsjettjustering under den."),
                )
                continue
            seen.add(part.year)
            speaking_round = first_of.get(part.year)
            if speaking_round is not None:
                yield from _revisions_before(part.revisions, part, speaking_round,
                                             Say(f"area {area.id}", f"programområde {area.id}"))


def _revisions_before(revisions: list[Revision], owner: Record, speaking: BudgetRound, who: Say
                      ) -> Iterator[Finding]:
    for j, revision in enumerate(revisions):
        if revision.date < speaking.adopted:
            yield Finding(
                owner.where("revisions", j, "date"),
                Say(f"{who.en}: revision {revision.decision} of the {speaking.year} round is dated {revision.date}, "
                    f"before the round was adopted ({speaking.decision}, {speaking.adopted})",
                    f"{who.nb}: budsjettjusteringen {revision.decision} av budsjettrunden for {speaking.year} er "
                    f"datert {nb.date(revision.date)}, før runden ble vedtatt ({speaking.decision}, "
                    f"{nb.date(speaking.adopted)})"),
                Say("Correct the revision's date, or move it to the round it revises.",
                    "Rett datoen på budsjettjusteringen, eller flytt den til runden den justerer."),
            )


@rule("ASK412", "period-not-closed", Severity.ERROR)
def period_not_closed(ctx: CheckContext) -> Iterator[Finding]:
    """Figures for a period that has not ended on ``--as-of``: a tertial's
    actuals exist only after its last day (T1 30 April, T2 31 August, T3
    31 December). On the last day itself the period is closed.

    FAIL (validated on 2020-10-31):
        accounts:
          2020:
            T3: {actual: {drift: 900}}
    PASS:
        accounts:
          2020:
            T2: {actual: {drift: 600}}
    """
    for project in ctx.portfolio.projects:
        for year in sorted(project.accounts):
            accounts = project.accounts[year]
            for period in Period:
                figures = accounts.of(period)
                if figures is not None and period.end(year) > ctx.as_of:
                    name, shown = period_name(year, period), figures_text(figures)
                    yield Finding(
                        accounts.where_key(period.value),
                        Say(f"{project.id} has figures for {name.en}: {shown.en}; on {ctx.as_of} that period has "
                            "not ended",
                            f"{project.id} har tall for {name.nb}: {shown.nb}; per {nb.date(ctx.as_of)} er den "
                            "perioden ikke avsluttet"),
                        Say("Remove them until the period has ended, check the year and the period, or validate "
                            "with a later --as-of.",
                            "Fjern dem til perioden er avsluttet, kontroller året og perioden, eller valider med en "
                            "senere --as-of."),
                    )


@rule("ASK414", "financing", Severity.ERROR)
def financing(ctx: CheckContext) -> Iterator[Finding]:
    """A year's financing (loan, grants, VAT compensation, funds) does not
    add up to that year's investment – as adopted or as revised on
    ``--as-of`` – within 0.5 (500 kr), or financing is given for a year
    with no investment.

    FAIL:
        investment: {2020: 12000}
        financing: {2020: {loan: 8000, vat_compensation: 2400}}
    PASS:
        investment: {2020: 12000}
        financing: {2020: {loan: 8000, vat_compensation: 2400, grants: 1600}}
    """
    for project in ctx.portfolio.projects:
        for year in sorted(project.financing):
            given = project.financing[year]
            total = given.total()
            adopted = project.adopted(MoneyKind.INVESTMENT, year)
            revised = project.budget(MoneyKind.INVESTMENT, year, ctx.as_of)
            if any(abs(total - target) <= FINANCING_TOLERANCE for target in (adopted, revised)):
                continue
            parts = " + ".join(f"{name} {amount(value)}" for name, value in given.model_dump().items() if value)
            place = project.where("financing", year)
            if adopted <= 0 and revised <= 0:
                yield Finding(
                    place,
                    Say(f"{project.id}: financing of {amount(total)} (1000 kr) for {year}, a year without investment",
                        f"{project.id}: finansiering på {amount(total)} (1000 kr) for {year}, et år uten "
                        "investering"),
                    Say(f"Remove the financing for {year}, or give the investment for {year}.",
                        f"Fjern finansieringen for {year}, eller før opp investeringen for {year}."),
                )
                continue
            target = revised if revised != adopted else adopted
            what = Say("revised investment", "den reviderte investeringen") if revised != adopted else \
                Say("investment", "investeringen")
            listed = f" ({parts})" if parts else ""
            gap = amount(abs(total - target))
            yield Finding(
                place,
                Say(f"{project.id}: the financing for {year} adds up to {amount(total)} (1000 kr){listed}, the "
                    f"{what.en} is {amount(target)}: {'over' if total > target else 'short'} by {gap}",
                    f"{project.id}: finansieringen for {year} er til sammen {amount(total)} (1000 kr){listed}, mens "
                    f"{what.nb} er {amount(target)}: {gap} for {'mye' if total > target else 'lite'}"),
                Say("Make loan, grants, vat_compensation and funds add up to the year's investment.",
                    "Sørg for at loan, grants, vat_compensation og funds til sammen blir årets investering."),
            )


@rule("ASK418", "accounting-code-shared", Severity.ERROR)
def accounting_code_shared(ctx: CheckContext) -> Iterator[Finding]:
    """Two projects have the same accounting code (the same project, ansvar
    and funksjon, and the same kind): the import of actuals could not tell
    their lines apart.

    FAIL (DK-03 has the same):
        accounting:
          - {project: "31045", kind: drift}
    PASS:
        accounting:
          - {project: "31046", kind: drift}
    """
    seen: dict[tuple[MoneyKind, tuple[tuple[str, str], ...]], tuple[Project, int]] = {}
    for project in ctx.portfolio.projects:
        for i, code in enumerate(project.accounting):
            key = (code.kind, tuple(sorted((k, v.strip()) for k, v in code.codes().items())))
            first = seen.setdefault(key, (project, i))
            if first[0] is project:
                continue
            other, j = first
            shown = ", ".join(f"{k} {v}" for k, v in key[1])
            yield Finding(
                project.where("accounting", i),
                Say(f"{project.id}'s accounting code ({shown}, {code.kind.value}) is also {other.id}'s: the import "
                    "of actuals could not tell their lines apart",
                    f"kontostrengen til {project.id} ({shown}, {MONEY[code.kind]}) er også brukt av {other.id}: "
                    "importen av regnskapstall kan ikke skille linjene deres fra hverandre"),
                Say("Give each project its own code (its own project number), or add ansvar or funksjon so that "
                    "each code matches only its own lines.",
                    "Gi hvert prosjekt sin egen kontostreng (eget prosjektnummer), eller legg til ansvar eller "
                    "funksjon slik at hver kontostreng bare treffer sine egne linjer."),
                (other.where("accounting", j),),
            )
