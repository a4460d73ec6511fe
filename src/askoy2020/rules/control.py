"""Internkontroll: routines under document control, ledelsens gjennomgang
once a year, findings from tilsyn and forvaltningsrevisjon followed up.

Legal basis: kommuneloven 1992 § 23 nr. 2 (the rådmann's "betryggende
kontroll") and kommuneloven 2018 § 25-1 from 1 January 2021 (internal
control that is documented to the extent needed and reviewed and improved
as needed, and a yearly report to the council); for health and care
forskrift om ledelse og kvalitetsforbedring i helse- og omsorgstjenesten
§ 6 (plan: the procedures needed), § 8 (evaluate; letter d: at least once a
year review the whole management system – ledelsens gjennomgang) and § 9
(correct what evaluation, deviations and tilsyn find).
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable, Iterator, Mapping

from ..core import bokmal as nb
from ..core.diagnostics import Location, Say, Severity
from ..model import Record
from ..model.control import FindingKind, ServiceUnit, years_without_review
from .identity import id_key
from .registry import CheckContext, Finding, rule
from .words import days

# "F-2019-02 (lovbrudd)": what a finding is called in a message.
KIND: dict[FindingKind, Say] = {
    FindingKind.BREACH_OF_LAW: Say("breach of law", "lovbrudd"),
    FindingKind.ORDER: Say("order", "pålegg"),
    FindingKind.REMARK: Say("remark", "merknad"),
    FindingKind.RECOMMENDATION: Say("recommendation", "anbefaling"),
    FindingKind.DEVIATION: Say("deviation", "avvik"),
}
UNIT, AREA = Say("unit", "enhet"), Say("programme area", "programområde")


def _unknown(ref: str, known: Iterable[str], what: Say, where: Location, owner: Say) -> Finding:
    """As ASK202 says it, with a bokmål hint that fits any noun ("ingen enhet")."""
    same = [k for k in known if id_key(k) == id_key(ref)]
    close = same or difflib.get_close_matches(ref, list(known), n=1, cutoff=0.6)
    hint = Say(f"Did you mean '{close[0]}'?", f"Mente du «{close[0]}»?") if close else \
        Say(f"Check it; no {what.en} has it.", f"Kontroller den; ingen {what.nb} har den.")
    return Finding(where, Say(f"{owner.en} refers to {what.en} '{ref}', which does not exist",
                              f"{owner.nb} viser til {what.nb} «{ref}», som ikke finnes"), hint)


@rule("ASK810", "routine-review-overdue", Severity.WARNING)
def routine_review_overdue(ctx: CheckContext) -> Iterator[Finding]:
    """A routine not reviewed within ``review_every_months`` of its last
    review (or of its approval, when never reviewed): document control.

    The due day is the last review plus that many calendar months, kept in
    the month (31.01 + 1 month is 28.02 or 29.02); a routine due today is in time.

    FAIL (validated on 2020-10-31):
        routines:
          - {id: E-01-R01, title: Rutine for avviksbehandling, owner: Rektor, approved: 2017-03-01,
             last_reviewed: 2019-09-30}
    PASS:
        routines:
          - {id: E-01-R01, title: Rutine for avviksbehandling, owner: Rektor, approved: 2017-03-01,
             last_reviewed: 2019-10-31}
    """
    for unit in ctx.portfolio.units:
        for i, routine in enumerate(unit.routines):
            late = routine.days_overdue(ctx.as_of)
            if late is None:
                continue
            field = "last_reviewed" if routine.last_reviewed is not None else "approved"
            due = routine.review_due(ctx.as_of)
            yield Finding(
                unit.where("routines", i, field),
                Say(f"routine {routine.id} ({routine.title}) of {unit.name} was due for review on {due}, "
                    f"{days(late).en} ago",
                    f"rutinen {routine.id} ({routine.title}) i {unit.name} skulle vært gjennomgått "
                    f"{nb.date(due)}, for {days(late).nb} siden"),
                Say("Review the routine and set 'last_reviewed:' to the day it was reviewed.",
                    "Gå gjennom rutinen og sett «last_reviewed:» til dagen den ble gjennomgått."),
            )


@rule("ASK811", "finding-past-deadline", Severity.WARNING)
def finding_past_deadline(ctx: CheckContext) -> Iterator[Finding]:
    """A finding from tilsyn, forvaltningsrevisjon or internal audit that is
    still open after its deadline.

    A warning, also for a lovbrudd or a pålegg: the lateness is a fact the
    report shows in red, not an error in the data, and the only honest fix
    is the follow-up itself (or a new deadline agreed with the authority).

    FAIL (validated on 2020-10-31):
        kind: breach_of_law
        deadline: 2020-06-01
    PASS:
        kind: breach_of_law
        deadline: 2020-06-01
        closed: 2020-05-20
        closing_note: Tilsynet avsluttet, brev fra Statsforvalteren 20.05.2020
    """
    for finding in ctx.portfolio.findings:
        late = finding.days_past_deadline(ctx.as_of)
        if late is None:
            continue
        kind = KIND[finding.kind]
        verb = "oppfylles" if finding.kind.value == "order" else "rettes"  # one fulfils a pålegg, corrects a lovbrudd
        must = Say(f"; a {kind.en} must be corrected", f"; et {kind.nb} må {verb}") if finding.kind.binding \
            else Say("", "")
        yield Finding(
            finding.where("deadline"),
            Say(f"{finding.id} ({kind.en} from {finding.authority}) is open {days(late).en} after its "
                f"deadline {finding.deadline}{must.en}",
                f"{finding.id} ({kind.nb} fra {finding.authority}) er åpent {days(late).nb} etter fristen "
                f"{nb.date(finding.deadline)}{must.nb}"),
            Say("Carry out the follow-up and set 'closed:' with a closing note, or record the new deadline "
                "agreed with the authority.",
                "Gjennomfør oppfølgingen og sett «closed:» med en avslutningsmerknad, eller før inn den nye "
                "fristen avtalt med tilsynsmyndigheten."),
        )


@rule("ASK812", "management-review-missing", Severity.WARNING)
def management_review_missing(ctx: CheckContext) -> Iterator[Finding]:
    """A finished year of the programme without a ledelsens gjennomgang of
    the whole municipality held (on or before the day of validation).

    Asked only once the internal control is recorded (a unit or a review
    exists), and only for years from the programme's first budget year to
    last year: a new repository is not asked for years before it started.
    The review for a year may be held early the next year.

    FAIL (validated on 2020-10-31, programme from 2018):
        year: 2018        # control/reviews/2018.yaml; none for 2019
    PASS:
        year: 2018        # control/reviews/2018.yaml
        year: 2019        # control/reviews/2019.yaml, held: 2020-02-10
    """
    p = ctx.portfolio
    if p.programme is None or not (p.units or p.management_reviews):
        return
    for year in years_without_review(p.management_reviews, p.programme, ctx.as_of):
        planned = next((r for r in p.management_reviews if r.year == year and r.whole_municipality), None)
        where = planned.where("held" if planned.held is not None else "year") if planned else \
            p.programme.where("rounds")
        yield Finding(
            where,
            Say(f"no ledelsens gjennomgang (management review) of the whole municipality is recorded as held "
                f"for {year}",
                f"det er ikke registrert at ledelsens gjennomgang av hele kommunen er holdt for {year}"),
            Say(f"Add control/reviews/{year}.yaml with 'held:' (the day), the topics and the decisions.",
                f"Legg til control/reviews/{year}.yaml med «held:» (dagen), temaene og beslutningene."),
        )


@rule("ASK813", "control-unknown-reference", Severity.ERROR)
def control_unknown_reference(ctx: CheckContext) -> Iterator[Finding]:
    """Internkontroll refers to a unit or programme area that does not
    exist: unit → area, finding → unit and area, review → units.

    FAIL:
        unit: E-KLSS
    PASS:
        unit: E-KLS
    """
    p = ctx.portfolio
    units, areas, skip = p.unit_by_id, p.area_by_id, p.unvalidated_ids

    def check(ref: str | None, known: Mapping[str, object], what: Say, record: Record, path: tuple[object, ...],
              owner: Say) -> Iterator[Finding]:
        if ref is not None and ref not in known and ref not in skip:
            yield _unknown(ref, known, what, record.where(*path), owner)

    for unit in p.units:
        yield from check(unit.area, areas, AREA, unit, ("area",), Say(f"unit {unit.id}", f"enheten {unit.id}"))
    for finding in p.findings:
        owner = Say(f"finding {finding.id}", f"funnet {finding.id}")
        yield from check(finding.unit, units, UNIT, finding, ("unit",), owner)
        yield from check(finding.area, areas, AREA, finding, ("area",), owner)
    for review in p.management_reviews:
        owner = Say(f"the management review of {review.year}", f"ledelsens gjennomgang for {review.year}")
        for i, ref in enumerate(review.units):
            yield from check(ref, units, UNIT, review, ("units", i), owner)


def _order(record: Record, path: tuple[object, ...], later: dt.date, earlier: dt.date, what: Say,
           before: Say) -> Iterator[Finding]:
    if later < earlier:
        yield Finding(
            record.where(*path),
            Say(f"{what.en} is dated {later}, before {before.en} {earlier}",
                f"{what.nb} er datert {nb.date(later)}, før {before.nb} {nb.date(earlier)}"),
            Say("Correct one of the two dates.", "Rett en av de to datoene."),
        )


def _future(record: Record, path: tuple[object, ...], day: dt.date | None, as_of: dt.date,
            what: Say) -> Iterator[Finding]:
    if day is not None and day > as_of:
        yield Finding(
            record.where(*path),
            Say(f"{what.en} is dated {day}, after {as_of}",
                f"{what.nb} er datert {nb.date(day)}, etter {nb.date(as_of)}"),
            Say("Correct the date; what has happened can only be recorded once it has (or use --as-of).",
                "Rett datoen; det som har skjedd, kan bare føres når det har skjedd (eller bruk --as-of)."),
        )


@rule("ASK814", "control-date-order", Severity.ERROR)
def control_date_order(ctx: CheckContext) -> Iterator[Finding]:
    """Dates of the internal control out of order, or after the day of
    validation: a routine reviewed before it was approved (or its reviews
    out of order: earlier_reviews oldest first, before last_reviewed); a finding
    closed or given a deadline before its report; a management review
    held before the year it covers, or a decision done before the review;
    an approval, review, report, action or closing in the future.

    FAIL:
        reported: 2019-05-02
        closed: 2019-04-30
    PASS:
        reported: 2019-05-02
        closed: 2019-09-30
    """
    as_of = ctx.as_of
    for unit in ctx.portfolio.units:
        for i, r in enumerate(unit.routines):
            name = Say(f"the approval of routine {r.id}", f"godkjenningen av rutinen {r.id}")
            yield from _future(unit, ("routines", i, "approved"), r.approved, as_of, name)
            review = Say(f"the last review of routine {r.id}", f"siste gjennomgang av rutinen {r.id}")
            yield from _future(unit, ("routines", i, "last_reviewed"), r.last_reviewed, as_of, review)
            if r.last_reviewed is not None:
                yield from _order(unit, ("routines", i, "last_reviewed"), r.last_reviewed, r.approved, review,
                                  Say("its approval", "godkjenningen"))
            before, before_what = r.approved, Say("its approval", "godkjenningen")
            for j, day in enumerate(r.earlier_reviews):
                path = ("routines", i, "earlier_reviews", j)
                what = Say(f"an earlier review of routine {r.id}", f"en tidligere gjennomgang av rutinen {r.id}")
                yield from _order(unit, path, day, before, what, before_what)
                if r.last_reviewed is not None:
                    yield from _order(unit, ("routines", i, "last_reviewed"), r.last_reviewed, day, review, what)
                before, before_what = day, Say("the review before it", "gjennomgangen før")
    for f in ctx.portfolio.findings:
        report = Say("the report", "rapporten")
        yield from _future(f, ("reported",), f.reported, as_of, Say(f"the report of {f.id}", f"rapporten for {f.id}"))
        yield from _future(f, ("closed",), f.closed, as_of, Say(f"the closing of {f.id}", f"lukkingen av {f.id}"))
        if f.closed is not None:
            yield from _order(f, ("closed",), f.closed, f.reported, Say(f"the closing of {f.id}",
                                                                        f"lukkingen av {f.id}"), report)
        if f.deadline is not None:
            yield from _order(f, ("deadline",), f.deadline, f.reported, Say(f"the deadline of {f.id}",
                                                                            f"fristen for {f.id}"), report)
        # An action may come before the final report: a unit often corrects
        # what the tilsyn found before the report is final, and the report says so.
        for i, action in enumerate(f.actions):
            what = Say(f"an action of {f.id}", f"et tiltak for {f.id}")
            yield from _future(f, ("actions", i, "done"), action.done, as_of, what)
    for rv in ctx.portfolio.management_reviews:
        name = Say(f"the management review of {rv.year}", f"ledelsens gjennomgang for {rv.year}")
        if rv.held is not None:
            yield from _order(rv, ("held",), rv.held, dt.date(rv.year, 1, 1), name,
                              Say("the year it covers began", "året den gjelder, begynte"))
            yield from _future(rv, ("held",), rv.held, as_of, name)
            for i, decision in enumerate(rv.decisions):
                if decision.done is not None:
                    what = Say(f"a decision of {name.en}", f"en beslutning i {name.nb}")
                    yield from _order(rv, ("decisions", i, "done"), decision.done, rv.held, what,
                                      Say("the review", "gjennomgangen"))
                    yield from _future(rv, ("decisions", i, "done"), decision.done, as_of, what)


@rule("ASK815", "unit-not-in-register", Severity.WARNING)
def unit_not_in_register(ctx: CheckContext) -> Iterator[Finding]:
    """A quality case, a leader or a count of cases from the quality system
    names a unit (``unit:``) that is not in the register of units
    (data/control/units), once it has units: the internal control would not
    cover it, and counts per unit would split. A count file is told once
    per unit it names so.

    FAIL:
        unit: Kleppestø skule
    PASS:
        unit: Kleppestø skole    # the name of a unit in control/units
    """
    p = ctx.portfolio
    if not p.units:
        return
    names = {u.name for u in p.units}
    named: list[tuple[Say, str, Record]] = [(Say(c.id, c.id), c.unit, c) for c in p.cases]
    named += [(Say(x.id, x.id), x.unit, x) for x in p.leaders]
    told: set[tuple[str | None, str]] = set()
    for count in p.case_counts:
        file = count.origin.file if count.origin else None
        if count.unit not in names and (file, count.unit) not in told:
            told.add((file, count.unit))
            named.append((Say(f"A count from {count.source}", f"En telling fra {count.source}"), count.unit, count))
    for owner, name, record in named:
        if name not in names:
            found = _unknown(name, names, UNIT, record.where("unit"), owner)
            yield Finding(found.location, found.message,
                          found.hint + Say(" Or add the unit to data/control/units.",
                                           " Eller legg enheten til i data/control/units."))


@rule("ASK816", "finding-closed-without-note", Severity.WARNING)
def finding_closed_without_note(ctx: CheckContext) -> Iterator[Finding]:
    """A closed finding that does not say how it was closed: for a tilsyn,
    the authority's letter that closes it; for a forvaltningsrevisjon, the
    kontrollutvalget decision. Without it the report cannot show that the
    follow-up was accepted, only that someone set a date.

    FAIL:
        closed: 2020-05-20
    PASS:
        closed: 2020-05-20
        closing_note: Tilsynet avsluttet, brev fra Statsforvalteren 20.05.2020
    """
    for finding in ctx.portfolio.findings:
        if finding.closed is not None and not (finding.closing_note or "").strip():
            yield Finding(
                finding.where("closed"),
                Say(f"{finding.id} is closed without a closing_note", f"{finding.id} er lukket uten avslutningsmerknad "
                    "(closing_note)"),
                Say("Add 'closing_note:' – e.g. the letter from the authority that closed the tilsyn.",
                    "Legg til «closing_note:» – f.eks. brevet fra tilsynsmyndigheten som avsluttet tilsynet."),
            )


@rule("ASK817", "unit-name-twice", Severity.ERROR)
def unit_name_twice(ctx: CheckContext) -> Iterator[Finding]:
    """Two units in the register with the same name: cases and leaders
    name their unit by its name, so it must point at one unit.

    FAIL (two files):
        {id: E-KLS, name: Kleppestø skole}
        {id: E-KLS2, name: Kleppestø skole}
    PASS:
        {id: E-KLS, name: Kleppestø skole}
        {id: E-KLU, name: Kleppestø ungdomsskole}
    """
    seen: dict[str, ServiceUnit] = {}
    for unit in ctx.portfolio.units:
        key = unit.name.strip().casefold()
        first = seen.setdefault(key, unit)
        if first is not unit:
            yield Finding(
                unit.where("name"),
                Say(f"unit {unit.id} has the name '{unit.name}', which unit {first.id} has already",
                    f"enheten {unit.id} har navnet «{unit.name}», som enheten {first.id} allerede har"),
                Say("Give each unit its own name, or keep one of them.",
                    "Gi hver enhet sitt eget navn, eller behold bare én av dem."),
                (first.where("name"),),
            )
