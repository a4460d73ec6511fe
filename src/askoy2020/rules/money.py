"""The budget cycle's money as written: rounds in order, figures only for
closed periods, financing that adds up, one project per accounting code.
Following the year up (spend against budget, missing actuals, slipping
ends) is :mod:`.follow_up`; gains are :mod:`.benefits`.

Amounts are 1000 kr as the data writes them (``core.numbers.amount``).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from ..core.diagnostics import Severity
from ..core.numbers import amount
from ..model import Project
from ..model.base import Record
from ..model.budget import MONEY_KINDS, BudgetRound, MoneyKind, Period, PeriodFigures, Revision
from .registry import CheckContext, Finding, rule

# Financing may differ from the investment by rounding: 0.5 = 500 kr.
FINANCING_TOLERANCE = 0.5


def period_name(year: int, period: Period) -> str:
    """'2020-T2 (2. tertial, to 2020-08-31)'."""
    return f"{year}-{period.value} ({period.title_nb}, to {period.end(year)})"


def figures_text(figures: PeriodFigures) -> str:
    """'actual drift 300, forecast drift 1 200 (1000 kr)' – or 'no amounts'."""
    parts = [f"{what} {kind.value} {amount(value)}"
             for what, amounts in (("actual", figures.actual), ("forecast", figures.forecast)) if amounts is not None
             for kind in MONEY_KINDS if (value := amounts.of(kind)) is not None]
    return ", ".join(parts) + " (1000 kr)" if parts else "no amounts"


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
                f"two rounds for the budget year {speaking.year} ({first.decision} and {speaking.decision})",
                "Keep one round per budget year; a change during the year is a revision under that round.",
                (first.where("year"),),
            )
        else:
            first_of[speaking.year] = speaking
    ordered = [first_of[y] for y in sorted(first_of)]
    for earlier, later in itertools.pairwise(ordered):
        if later.adopted <= earlier.adopted:
            yield Finding(
                later.where("adopted"),
                f"the round of {later.year} ({later.decision}) is adopted {later.adopted}, not after the round of "
                f"{earlier.year} ({earlier.decision}, adopted {earlier.adopted})",
                "Correct the adoption date (or the year): a budget year's round is adopted after the one before it, "
                "usually in December the year before.",
                (earlier.where("adopted"),),
            )
    for speaking in rounds:
        yield from _revisions_before(speaking.revisions, speaking, speaking, "programme.yaml")
    for area in p.areas:
        seen: set[int] = set()
        for i, part in enumerate(area.rounds):
            if part.year in seen:
                yield Finding(
                    area.where("rounds", i, "year"),
                    f"area {area.id} has two rounds for the budget year {part.year}; only the first counts",
                    "Merge them into one round; a change during the year is a revision under it.",
                )
                continue
            seen.add(part.year)
            speaking_round = first_of.get(part.year)
            if speaking_round is not None:
                yield from _revisions_before(part.revisions, part, speaking_round, f"area {area.id}")


def _revisions_before(revisions: list[Revision], owner: Record, speaking: BudgetRound, who: str
                      ) -> Iterator[Finding]:
    for j, revision in enumerate(revisions):
        if revision.date < speaking.adopted:
            yield Finding(
                owner.where("revisions", j, "date"),
                f"{who}: revision {revision.decision} of the {speaking.year} round is dated {revision.date}, "
                f"before the round was adopted ({speaking.decision}, {speaking.adopted})",
                "Correct the revision's date, or move it to the round it revises.",
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
                    yield Finding(
                        accounts.where_key(period.value),
                        f"{project.id} has figures for {period_name(year, period)}: {figures_text(figures)}; on "
                        f"{ctx.as_of} that period has not ended",
                        "Remove them until the period has ended, check the year and the period, or validate with "
                        "a later --as-of.",
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
                    f"{project.id}: financing of {amount(total)} (1000 kr) for {year}, a year without investment",
                    f"Remove the financing for {year}, or give the investment for {year}.",
                )
                continue
            target = revised if revised != adopted else adopted
            what = "revised investment" if revised != adopted else "investment"
            yield Finding(
                place,
                f"{project.id}: the financing for {year} adds up to {amount(total)} (1000 kr)"
                + (f" ({parts})" if parts else "")
                + f", the {what} is {amount(target)}: {'over' if total > target else 'short'} by "
                + amount(abs(total - target)),
                "Make loan, grants, vat_compensation and funds add up to the year's investment.",
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
                f"{project.id}'s accounting code ({shown}, {code.kind.value}) is also {other.id}'s: the import of "
                "actuals could not tell their lines apart",
                "Give each project its own code (its own project number), or add ansvar or funksjon so that each "
                "code matches only its own lines.",
                (other.where("accounting", j),),
            )
