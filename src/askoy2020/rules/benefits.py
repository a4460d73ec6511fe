"""Gevinstrealisering: planned gains that should have a realised figure by
now, and gains taken out of frames (uttak) that the frames and the plan
can carry.

A gain is planned by year on the project (``Benefit.planned``); once its
year has ended, the benefit owner reports what was realised. A take-out
reduces an area's frame by decision: the economic gain from the drift
frame, freed årsverk from the staff frame – never more than was planned.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable, Iterator, Mapping

from ..core import bokmal as nb
from ..core.diagnostics import Say, Severity
from ..core.numbers import amount, fte, one_decimal
from ..model import Portfolio, Project
from ..model.budget import Benefit, BenefitKind, MoneyKind
from ..model.project import ProjectStatus
from .registry import CheckContext, Finding, rule
from .words import FRAME, GAIN

_SHOW: dict[BenefitKind, Callable[[float], str]] = {
    BenefitKind.ECONOMIC: amount, BenefitKind.STAFF: fte, BenefitKind.QUALITY: one_decimal,
}
_FRAME = {BenefitKind.ECONOMIC: MoneyKind.DRIFT, BenefitKind.STAFF: MoneyKind.STAFF}


def _gain(benefit: Benefit, value: float) -> Say:
    """'1 500 (1000 kr)', '2.0 årsverk' (bokmål '2,0 årsverk'), '75.0 (indikator)'."""
    unit = benefit.kind.unit
    shown = _SHOW[benefit.kind](value)
    tail = " " + (unit if unit == "årsverk" else f"({unit})")
    return Say(shown + tail, nb.decimal(shown) + tail)


@rule("ASK416", "benefit-not-realised", Severity.WARNING)
def benefit_not_realised(ctx: CheckContext) -> Iterator[Finding]:
    """A gain was planned for a year that has ended (31 December is before
    ``--as-of``), and the benefit has no realised figure for that year.
    A year counts once realised gains for it have been entered for some
    benefit (the year's realisation report is in), so data that does not
    follow gains up yet is not flooded. A planned gain of 0 needs no
    figure; a cancelled project's gains are not followed up.

    FAIL (validated on 2020-10-31; another benefit has realised: {2019: …}):
        benefits:
          - {kind: economic, owner: Kommunalsjef, planned: {2019: 500, 2020: 800}}
    PASS:
        benefits:
          - {kind: economic, owner: Kommunalsjef, planned: {2019: 500, 2020: 800}, realised: {2019: 350}}
    """
    projects = ctx.portfolio.projects
    reported = {year for project in projects for benefit in project.benefits for year in benefit.realised}
    for project in projects:
        if project.status is ProjectStatus.CANCELLED:
            continue
        for i, benefit in enumerate(project.benefits):
            for year in sorted(benefit.planned):
                planned = benefit.planned[year]
                if (planned == 0 or dt.date(year, 12, 31) >= ctx.as_of or year in benefit.realised
                        or year not in reported):
                    continue
                gain = _gain(benefit, planned)
                yield Finding(
                    project.where("benefits", i, "planned", year),
                    Say(f"{project.id}: the {benefit.kind.value} gain of {gain.en} planned for {year} "
                        f"has no realised figure, and {year} has ended",
                        f"{project.id}: {GAIN[benefit.kind]} på {gain.nb} som var planlagt for {year}, har ikke "
                        f"noe realisert tall, og {year} er avsluttet"),
                    Say(f"Add realised: {{{year}: …}} to the benefit (0 if nothing was realised); the benefit owner "
                        f"({benefit.owner}) reports it.",
                        f"Legg til realised: {{{year}: …}} på gevinsten (0 hvis ingenting ble realisert); "
                        f"gevinsteieren ({benefit.owner}) rapporterer tallet."),
                )


@rule("ASK420", "realised-before-year-end", Severity.ERROR)
def realised_before_year_end(ctx: CheckContext) -> Iterator[Finding]:
    """A realised gain for a year that has not ended on ``--as-of``: a
    year's gain is known when the year is over, so the figure is written
    before its date (a typo in the year, or a hope).

    FAIL (validated on 2020-10-31):
        realised: {2019: 80, 2020: 350}
    PASS:
        realised: {2019: 80}
    """
    for project in ctx.portfolio.projects:
        for i, benefit in enumerate(project.benefits):
            for year in benefit.realised:
                if dt.date(year, 12, 31) > ctx.as_of:
                    yield Finding(
                        project.where("benefits", i, "realised", year),
                        Say(f"{project.id} has a realised gain for {year}, a year that has not ended on {ctx.as_of}",
                            f"{project.id} har en realisert gevinst for {year}, et år som ikke er avsluttet per "
                            f"{nb.date(ctx.as_of)}"),
                        Say(f"Write it once {year} is over (from {year + 1}-01-01), or correct the year.",
                            f"Før den opp når {year} er omme (fra 01.01.{year + 1}), eller rett årstallet."),
                    )


@rule("ASK417", "take-out", Severity.ERROR, needs_programme=True)
def take_out(ctx: CheckContext) -> Iterator[Finding]:
    """A gain taken out of a frame that cannot be: the area does not exist;
    the area has no frame of the gain's kind for that year (economic gains
    come out of the drift frame, staff gains out of the staff frame) in the
    round that speaks for the year on ``--as-of``; the take-outs of a year
    add up to more than the gain planned for it; a quality gain is taken
    out (it is no money); a take-out's decision is no round's or
    revision's decision (the frame is lowered by a budget decision); or a
    benefit's goal is not an area goal.

    FAIL (planned: {2021: 800}):
        take_outs:
          - {area: DK, year: 2021, amount: 1000, decision: KST 130/20}
    PASS:
        take_outs:
          - {area: DK, year: 2021, amount: 800, decision: KST 130/20}
    """
    p = ctx.portfolio
    for project in p.projects:
        for i, benefit in enumerate(project.benefits):
            if benefit.goal is not None and benefit.goal not in p.area_goal_by_id \
                    and benefit.goal not in p.unvalidated_ids:
                leader_goal = benefit.goal in p.goal_by_id
                yield Finding(
                    project.where("benefits", i, "goal"),
                    Say(f"{project.id}: the {benefit.kind.value} gain is measured by '{benefit.goal}', "
                        + ("a leader goal, not an area goal" if leader_goal else "which is no area goal"),
                        f"{project.id}: {GAIN[benefit.kind]} måles med «{benefit.goal}», "
                        + ("som er et ledermål, ikke et områdemål" if leader_goal else "som ikke er et områdemål")),
                    _did_you_mean(benefit.goal, p.area_goal_by_id, Say(
                        "Name an area goal (e.g. DK-M1) whose indicator measures the gain.",
                        "Oppgi et områdemål (f.eks. DK-M1) med en indikator som måler gevinsten.")),
                )
            if not benefit.take_outs:
                continue
            if benefit.kind is BenefitKind.QUALITY:
                yield Finding(
                    project.where("benefits", i, "take_outs"),
                    Say(f"{project.id}: a quality gain ({benefit.goal}) has take-outs, but a quality gain is no money "
                        "and frees no årsverk",
                        f"{project.id}: en kvalitetsgevinst ({benefit.goal}) har uttak, men en kvalitetsgevinst er "
                        "ikke penger og frigjør ingen årsverk"),
                    Say("Remove the take-outs, or record the money or årsverk it frees as an economic or staff "
                        "benefit.",
                        "Fjern uttakene, eller før pengene eller årsverkene den frigjør, som en økonomisk gevinst "
                        "eller en gevinst i årsverk."),
                )
                continue
            yield from _take_outs(p, ctx.as_of, project, i, benefit)


def _budget_decisions(p: Portfolio) -> set[str]:
    """The decisions that set or changed frames: every round's and revision's."""
    if p.programme is None:
        return set()
    found = {r.decision.strip() for r in p.programme.rounds}
    found |= {v.decision.strip() for r in p.programme.rounds for v in r.revisions}
    found |= {v.decision.strip() for a in p.areas for r in a.rounds for v in r.revisions}
    return found


def _take_outs(p: Portfolio, as_of: dt.date, project: Project, i: int, benefit: Benefit) -> Iterator[Finding]:
    kind = _FRAME[benefit.kind]
    taken: dict[int, float] = {}
    decisions = _budget_decisions(p)
    for j, out in enumerate(benefit.take_outs):
        where = ("benefits", i, "take_outs", j)
        if decisions and out.decision.strip() not in decisions:
            known = ", ".join(sorted(decisions)[:6])
            yield Finding(
                project.where(*where, "decision"),
                Say(f"{project.id}: the take-out in {out.year} cites '{out.decision}', which is no budget round's "
                    "or revision's decision",
                    f"{project.id}: uttaket i {out.year} viser til «{out.decision}», som ikke er vedtaket til noen "
                    "budsjettrunde eller budsjettjustering"),
                Say(f"Cite the decision that lowered the frame: {known}.",
                    f"Vis til vedtaket som reduserte rammen: {known}."),
            )
        if out.area not in p.area_by_id:
            if out.area not in p.unvalidated_ids:
                gain = _gain(benefit, out.amount)
                yield Finding(
                    project.where(*where, "area"),
                    Say(f"{project.id}: a take-out of {gain.en} in {out.year} names area '{out.area}', which does "
                        "not exist",
                        f"{project.id}: et uttak på {gain.nb} i {out.year} gjelder programområde «{out.area}», som "
                        "ikke finnes"),
                    _did_you_mean(out.area, p.area_by_id, Say("Name the area whose frame is reduced.",
                                                              "Oppgi programområdet som får rammen redusert.")),
                )
        else:
            source = p.frame_source(out.year, as_of, out.area)
            if source is None or source.frame(kind, out.year, as_of) is None:
                speaking = p.programme.round_for_year(out.year, as_of) if p.programme else None
                gain = _gain(benefit, out.amount)
                yield Finding(
                    project.where(*where, "year"),
                    Say(f"{project.id}: {gain.en} taken out of area {out.area}'s {kind.value} frame for {out.year}, "
                        "but " + (f"the round of {speaking.year} gives the area no {kind.value} frame for {out.year}"
                                  if speaking else f"no budget round speaks for {out.year} on {as_of}"),
                        f"{project.id}: {gain.nb} er tatt ut av {FRAME[kind]}n til programområde {out.area} for "
                        f"{out.year}, men "
                        + (f"budsjettrunden for {speaking.year} gir ikke programområdet noen {FRAME[kind]} for "
                           f"{out.year}" if speaking else
                           f"ingen budsjettrunde gjelder for {out.year} per {nb.date(as_of)}")),
                    Say(f"Check the year and the area, or give area {out.area} its {kind.value} frame for "
                        f"{out.year} in that round.",
                        f"Kontroller året og programområdet, eller gi programområde {out.area} en {FRAME[kind]} for "
                        f"{out.year} i den budsjettrunden."),
                )
        before = taken.get(out.year, 0.0)
        taken[out.year] = before + out.amount
        planned = benefit.planned.get(out.year, 0.0)
        # Reported once a year, at the take-out that goes past the plan, with the year's total.
        if taken[out.year] > planned + 1e-9 >= before:
            total = sum(t.amount for t in benefit.take_outs if t.year == out.year)
            taken_out, plan = _gain(benefit, total), _gain(benefit, planned)
            excess = _SHOW[benefit.kind](total - planned)
            yield Finding(
                project.where(*where, "amount"),
                Say(f"{project.id}: {taken_out.en} taken out in {out.year}, but the gain planned for "
                    f"{out.year} is {plan.en}: {excess} too much",
                    f"{project.id}: {taken_out.nb} er tatt ut i {out.year}, men planlagt gevinst for {out.year} er "
                    f"{plan.nb}: {nb.decimal(excess)} for mye"),
                Say(f"Take out at most the planned gain, or plan a larger gain (planned: {{{out.year}: …}}).",
                    f"Ta ut høyst den planlagte gevinsten, eller planlegg en større gevinst "
                    f"(planned: {{{out.year}: …}})."),
            )


def _did_you_mean(ref: str, known: Mapping[str, object], otherwise: Say) -> Say:
    close = difflib.get_close_matches(ref, list(known), n=1, cutoff=0.6)
    return Say(f"Did you mean '{close[0]}'?", f"Mente du «{close[0]}»?") if close else otherwise
