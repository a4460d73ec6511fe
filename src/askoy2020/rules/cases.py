"""Case kinds, counts from the quality system, and improvement that works.

Service design is a way of running a project (Project.approach), not a
case (ASK840). A check (C) done without a measure of the effect does not
say whether the improvement worked (ASK841). Counts imported from the
quality system must count each unit's cases of a kind, severity and month
once (ASK842), name known programme areas (ASK843) and not lie ahead of
the day checked (ASK844).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..core import bokmal as nb
from ..core.diagnostics import Say, Severity
from ..model import CaseKind
from ..model.case_counts import CaseCount
from ..model.quality import Pdca
from .registry import CheckContext, Finding, rule


@rule("ASK840", "service-design-case", Severity.WARNING)
def service_design_case(ctx: CheckContext) -> Iterator[Finding]:
    """A quality case of kind service_design: service design is a way of
    running a project, not a case with a root cause to close.

    FAIL:
        kind: service_design
    PASS:
        kind: improvement_proposal
        project: DK-02
    """
    for case in ctx.portfolio.cases:
        if case.kind is CaseKind.SERVICE_DESIGN:
            yield Finding(
                case.where("kind"),
                Say(f"{case.id} is a service design case; service design is a way of running a project",
                    f"{case.id} er en tjenestedesignsak; tjenestedesign er en måte å drive et prosjekt på"),
                Say("Record it on the project (approach: service_design, user_involvement: […]) and close or "
                    "remove the case; an improvement it found can stay as kind: improvement_proposal.",
                    "Før det på prosjektet (approach: service_design, user_involvement: […]) og lukk eller fjern "
                    "saken; et forbedringsforslag den fant, kan bli stående som kind: improvement_proposal."),
            )


@rule("ASK841", "check-without-effect", Severity.WARNING)
def check_without_effect(ctx: CheckContext) -> Iterator[Finding]:
    """A check (C) action marked done without an effect measure: the PDCA
    step that asks whether the action worked has no answer (forskrift om
    ledelse og kvalitetsforbedring i helse- og omsorgstjenesten § 8).

    FAIL:
        actions:
          - {text: Kontroll etter tre måneder, owner: Enhetsleder, done: 2019-06-01, pdca: check}
    PASS:
        actions:
          - text: Kontroll etter tre måneder
            owner: Enhetsleder
            done: 2019-06-01
            pdca: check
            effect: {indicator: Feilmedisineringer per måned, before: 6, after: 2}
    """
    for case in ctx.portfolio.cases:
        for index, action in enumerate(case.actions):
            if action.pdca is Pdca.CHECK and action.done is not None and action.effect is None:
                yield Finding(
                    case.where("actions", index, "done"),
                    Say(f"{case.id}: the check '{action.text}' is done but records no effect",
                        f"{case.id}: kontrollen «{action.text}» er utført, men uten målt effekt"),
                    Say("Add 'effect: {indicator: …, before: …, after: …}' or 'effect: {note: …}' saying what "
                        "the check found.",
                        "Legg til «effect:» med indikatoren (indicator) og verdien før og etter tiltaket, eller et "
                        "notat (note) om hva kontrollen fant."),
                )


def _key_text(count: CaseCount) -> tuple[str, str]:
    severity = str(count.severity) if count.severity is not None else "not assessed"
    severity_nb = str(count.severity) if count.severity is not None else "ikke vurdert"
    return (f"{count.unit}, {count.kind.value}, severity {severity}, {count.month}",
            f"{count.unit}, {count.kind.value}, alvorlighetsgrad {severity_nb}, {count.month}")


@rule("ASK842", "case-count-twice", Severity.ERROR)
def case_count_twice(ctx: CheckContext) -> Iterator[Finding]:
    """Two count records for the same unit, kind, severity and month (in
    one file or two, from one source or two): the cases would be counted
    twice.

    FAIL:
        - {source: Compilo, unit: Ravnanger sykehjem, kind: deviation, severity: 2, month: 2020-03, count: 4}
        - {source: Compilo, unit: Ravnanger sykehjem, kind: deviation, severity: 2, month: 2020-03, count: 5}
    PASS:
        - {source: Compilo, unit: Ravnanger sykehjem, kind: deviation, severity: 2, month: 2020-03, count: 9}
    """
    first: dict[tuple[object, ...], CaseCount] = {}
    for count in ctx.portfolio.case_counts:
        earlier = first.setdefault(count.key, count)
        if earlier is count:
            continue
        where = earlier.where()
        en, nb_text = _key_text(count)
        yield Finding(
            count.where("count"),
            Say(f"{en} is counted again (first at {where.file}:{where.line})",
                f"{nb_text} er telt to ganger (første gang i {where.file}:{where.line})"),
            Say("Keep one record with the sum, or import the export again (it replaces the months it covers).",
                "Behold én post med summen, eller importer eksporten på nytt (den erstatter månedene den dekker)."),
        )


@rule("ASK843", "case-count-unknown-area", Severity.ERROR)
def case_count_unknown_area(ctx: CheckContext) -> Iterator[Finding]:
    """A count record names a programme area that does not exist.

    FAIL:
        - {source: Compilo, unit: Kleppestø skole, area: XX, kind: deviation, month: 2020-03, count: 2}
    PASS:
        - {source: Compilo, unit: Kleppestø skole, area: DK, kind: deviation, month: 2020-03, count: 2}
    """
    known = ctx.portfolio.area_by_id
    for count in ctx.portfolio.case_counts:
        if count.area is not None and count.area not in known and count.area not in ctx.portfolio.unvalidated_ids:
            shown = ", ".join(sorted(known)) or "none"
            yield Finding(
                count.where("area"),
                Say(f"{count.unit}: area {count.area!r} is not a programme area (known: {shown})",
                    f"{count.unit}: område «{count.area}» er ikke et programområde (kjente: {shown})"),
                Say("Correct the area id, or leave 'area' out when the unit belongs to none.",
                    "Rett områdekoden, eller utelat «area» når enheten ikke hører til noe område."),
            )


@rule("ASK844", "case-count-in-future", Severity.WARNING)
def case_count_in_future(ctx: CheckContext) -> Iterator[Finding]:
    """A count for a month that has not begun on the day checked: the
    export's dates, or the day given with --as-of, are wrong.

    FAIL (validated on 2020-10-31):
        - {source: Compilo, unit: Kleppestø skole, kind: deviation, month: 2020-12, count: 2}
    PASS:
        - {source: Compilo, unit: Kleppestø skole, kind: deviation, month: 2020-10, count: 2}
    """
    for count in ctx.portfolio.case_counts:
        if count.first_day > ctx.as_of:
            yield Finding(
                count.where("month"),
                Say(f"{count.unit}: cases counted for {count.month}, after {ctx.as_of}",
                    f"{count.unit}: saker telt for {count.month}, etter {nb.date(ctx.as_of)}"),
                Say("Check the dates of the export, or give the right --as-of.",
                    "Sjekk datoene i eksporten, eller gi riktig --as-of."),
            )
