"""Personvern under Digital kommune: a project that processes personal
data has a DPIA (GDPR art. 35) or a recorded reason that none is needed,
and a ROS-analyse (art. 32); a personal-data breach holds what
Datatilsynet's form asks for (art. 33(3)), its notices come in order
(art. 33(4)) and the decision whether to tell the people affected is
recorded (art. 34).

A project's DPIA and ROS are errors once the project has started (active,
paused or completed): art. 35(1) asks for the DPIA "prior to the
processing", and a started project processes, or is about to. While it is
planned they are warnings – there is still time, and a budget proposal is
not yet a processing.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..core import bokmal as nb
from ..core.diagnostics import Say, Severity
from ..model import ProjectStatus
from ..model.privacy import Informing, has_ros, processing_start
from ..model.project import Project
from ..model.quality import QualityCase
from .registry import CheckContext, Finding, rule

_STARTED = (ProjectStatus.ACTIVE, ProjectStatus.PAUSED, ProjectStatus.COMPLETED)


def _processing(ctx: CheckContext, started: bool) -> Iterator[Project]:
    """Projects that process personal data, started or planned."""
    statuses = _STARTED if started else (ProjectStatus.PLANNED,)
    for project in ctx.portfolio.projects:
        if project.personal_data is not None and project.personal_data.processes and project.status in statuses:
            yield project


def _dpia_missing(ctx: CheckContext, started: bool) -> Iterator[Finding]:
    for project in _processing(ctx, started):
        assert project.personal_data is not None
        if not project.personal_data.dpia_decided(ctx.as_of):
            yield Finding(
                project.where("personal_data", "processes"),
                Say(f"{project.id} processes personal data but has neither a DPIA nor a recorded reason that none "
                    "is needed",
                    f"{project.id} behandler personopplysninger, men har verken en personvernkonsekvensvurdering "
                    "(DPIA) eller en begrunnelse for at den ikke trengs"),
                Say("Add 'dpia: {done: …, reference: …, conclusion: …}', or 'dpia_not_needed:' with the "
                    "assessment that high risk is unlikely (GDPR art. 35(1), Datatilsynet's list).",
                    "Legg til «dpia: {done: …, reference: …, conclusion: …}», eller «dpia_not_needed:» med "
                    "vurderingen av at høy risiko er lite sannsynlig (personvernforordningen art. 35 nr. 1, "
                    "Datatilsynets liste)."),
            )


@rule("ASK830", "dpia-missing", Severity.ERROR)
def dpia_missing(ctx: CheckContext) -> Iterator[Finding]:
    """A started project (active, paused or completed) that processes
    personal data has neither a DPIA nor a recorded reason that none is
    needed (GDPR art. 35(1): the assessment comes before the processing).

    FAIL:
        status: active
        personal_data: {processes: true}
    PASS:
        status: active
        personal_data:
          processes: true
          dpia: {done: 2019-11-04, reference: arkivsak 2019/812, conclusion: Akseptabel restrisiko}
          ros: {done: 2019-10-21, reference: arkivsak 2019/790}
    """
    yield from _dpia_missing(ctx, started=True)


@rule("ASK831", "dpia-missing-planned", Severity.WARNING)
def dpia_missing_planned(ctx: CheckContext) -> Iterator[Finding]:
    """A planned project that will process personal data has neither a
    DPIA nor a recorded reason that none is needed yet: it must have one
    before the processing starts (GDPR art. 35(1)).

    FAIL:
        status: planned
        personal_data: {processes: true}
    PASS:
        status: planned
        personal_data:
          processes: true
          dpia_not_needed: Ingen nye opplysninger eller formål; høy risiko er lite sannsynlig
          ros: {done: 2020-09-14, reference: arkivsak 2020/655}
    """
    yield from _dpia_missing(ctx, started=False)


def _ros_missing(ctx: CheckContext, started: bool) -> Iterator[Finding]:
    for project in _processing(ctx, started):
        if not has_ros(project, ctx.portfolio, ctx.as_of):
            yield Finding(
                project.where("personal_data", "processes"),
                Say(f"{project.id} processes personal data without a risk assessment (ROS-analyse)",
                    f"{project.id} behandler personopplysninger uten en risikovurdering (ROS-analyse)"),
                Say("Add 'ros: {done: …, reference: …}' under personal_data (GDPR art. 32: security "
                    "appropriate to the risk).",
                    "Legg til «ros: {done: …, reference: …}» under personal_data (personvernforordningen "
                    "art. 32: sikkerhet tilpasset risikoen)."),
            )


@rule("ASK832", "ros-missing", Severity.ERROR)
def ros_missing(ctx: CheckContext) -> Iterator[Finding]:
    """A started project that processes personal data has no ROS-analyse
    (GDPR art. 32 asks for security appropriate to the risk, which needs
    the risk assessed).

    FAIL:
        status: active
        personal_data:
          processes: true
          dpia_not_needed: Kun kontaktopplysninger til ansatte
    PASS:
        status: active
        personal_data:
          processes: true
          dpia_not_needed: Kun kontaktopplysninger til ansatte
          ros: {done: 2019-10-21, reference: arkivsak 2019/790}
    """
    yield from _ros_missing(ctx, started=True)


@rule("ASK833", "ros-missing-planned", Severity.WARNING)
def ros_missing_planned(ctx: CheckContext) -> Iterator[Finding]:
    """A planned project that will process personal data has no
    ROS-analyse yet (GDPR art. 32).

    FAIL:
        status: planned
        personal_data:
          processes: true
          dpia_not_needed: Kun kontaktopplysninger til ansatte
    PASS:
        status: planned
        personal_data:
          processes: true
          dpia_not_needed: Kun kontaktopplysninger til ansatte
          ros: {done: 2020-09-14, reference: arkivsak 2020/655}
    """
    yield from _ros_missing(ctx, started=False)


@rule("ASK834", "dpia-and-not-needed", Severity.ERROR)
def dpia_and_not_needed(ctx: CheckContext) -> Iterator[Finding]:
    """A project has both a DPIA and a reason that none is needed: one of
    them is wrong.

    FAIL:
        personal_data:
          processes: true
          dpia: {done: 2019-11-04, reference: arkivsak 2019/812, conclusion: Akseptabel restrisiko}
          dpia_not_needed: Lav risiko
    PASS:
        personal_data:
          processes: true
          dpia: {done: 2019-11-04, reference: arkivsak 2019/812, conclusion: Akseptabel restrisiko}
    """
    for project in ctx.portfolio.projects:
        data = project.personal_data
        if data is not None and data.dpia is not None and data.dpia_not_needed is not None:
            yield Finding(
                project.where("personal_data", "dpia_not_needed"),
                Say(f"{project.id} has both a DPIA and a reason that none is needed",
                    f"{project.id} har både en personvernkonsekvensvurdering (DPIA) og en begrunnelse for at den "
                    "ikke trengs"),
                Say("Keep 'dpia:' if the assessment was made, and remove 'dpia_not_needed:'; otherwise the other "
                    "way round.",
                    "Behold «dpia:» hvis vurderingen er gjort, og fjern «dpia_not_needed:»; ellers omvendt."),
            )


@rule("ASK835", "dpia-after-start", Severity.WARNING)
def dpia_after_start(ctx: CheckContext) -> Iterator[Finding]:
    """A DPIA dated after the processing started: GDPR art. 35(1) asks for
    it "prior to the processing". The processing starts on
    'personal_data.processing_start' when given, else on the project's
    start.

    FAIL:
        actual: {start: 2019-09-01}
        personal_data:
          processes: true
          dpia: {done: 2019-11-04, reference: arkivsak 2019/812, conclusion: Akseptabel restrisiko}
    PASS:
        actual: {start: 2019-09-01}
        personal_data:
          processes: true
          processing_start: 2020-01-06
          dpia: {done: 2019-11-04, reference: arkivsak 2019/812, conclusion: Akseptabel restrisiko}
    """
    for project in ctx.portfolio.projects:
        data = project.personal_data
        start = processing_start(project)
        if data is None or not data.processes or data.dpia is None or start is None or data.dpia.done <= start:
            continue
        yield Finding(
            project.where("personal_data", "dpia", "done"),
            Say(f"{project.id}'s DPIA is dated {data.dpia.done}, after the processing started {start}",
                f"personvernkonsekvensvurderingen (DPIA) for {project.id} er datert {nb.date(data.dpia.done)}, "
                f"etter at behandlingen startet {nb.date(start)}"),
            Say("A DPIA comes before the processing (GDPR art. 35(1)). If the processing started later than the "
                "project, write 'processing_start:'; otherwise record why it came late in the conclusion.",
                "En DPIA skal gjøres før behandlingen starter (personvernforordningen art. 35 nr. 1). Startet "
                "behandlingen senere enn prosjektet, skriv «processing_start:»; ellers skriv i konklusjonen "
                "hvorfor den kom sent."),
        )


_FORM = {
    "types": Say("the type of breach (types)", "type brudd (types)"),
    "cause": Say("what happened (cause)", "hva som skjedde (cause)"),
    "period": Say("when the breach went on (period)", "når bruddet pågikk (period)"),
    "period.end": Say("when it ended, or 'ongoing: true' (period.end)",
                      "når det sluttet, eller «ongoing: true» (period.end)"),
    "people.categories": Say("categories of people affected (people.categories)",
                             "kategorier av berørte personer (people.categories)"),
    "people.approx": Say("the approximate number of people (people.approx)",
                         "omtrentlig antall berørte personer (people.approx)"),
    "records.categories": Say("categories of personal data (records.categories)",
                              "kategorier av personopplysninger (records.categories)"),
    "records.approx": Say("the approximate number of records (records.approx)",
                          "omtrentlig antall registreringer (records.approx)"),
    "consequences": Say("likely consequences (consequences)", "sannsynlige konsekvenser (consequences)"),
    "measures_taken": Say("measures taken (measures_taken)", "tiltak som er satt i verk (measures_taken)"),
    "measures_planned": Say("measures planned (measures_planned)", "planlagte tiltak (measures_planned)"),
    "contact": Say("a contact point (contact)", "kontaktpunkt (contact)"),
}


@rule("ASK836", "breach-form-incomplete", Severity.ERROR)
def breach_form_incomplete(ctx: CheckContext) -> Iterator[Finding]:
    """A personal-data breach lacks what Datatilsynet's notification form
    asks for (GDPR art. 33(3); art. 33(5) asks the same facts documented
    when it is not notified), once the first notice is sent or the 72 hours
    have run out. The message lists exactly what is missing.

    FAIL:
        breach:
          became_aware: 2020-02-03T09:00
          notified: 2020-02-04T10:00
    PASS:
        breach:
          became_aware: 2020-02-03T09:00
          notified: 2020-02-04T10:00
          types: [confidentiality]
          cause: E-post med karakterer sendt til feil foresatt
          period: {start: 2020-02-03T08:40, end: 2020-02-03T08:40}
          people: {categories: [elever], approx: 1}
          records: {categories: [navn, karakterer], approx: 12}
          consequences: Lite sannsynlig skade; mottaker har slettet e-posten
          measures_taken: Mottaker har bekreftet sletting
          measures_planned: Opplæring i sikker e-post
          contact: Personvernombud
          completed: 2020-02-04T10:00
          art34: {not_informed: low_risk, reason: Opplysningene er slettet hos mottaker}
    """
    for case in ctx.portfolio.cases:
        breach = case.breach
        if breach is None or not breach.form_due(ctx.as_of):
            continue
        missing = [_FORM[name] for name in breach.missing_from_form()]
        if missing:
            yield Finding(
                case.where("breach"),
                Say(f"{case.id}'s breach record lacks what Datatilsynet's form asks for: "
                    + ", ".join(m.en for m in missing),
                    f"{case.id} mangler det Datatilsynets meldeskjema spør om: "
                    + nb.listing(m.nb for m in missing)),
                Say("Fill them in under 'breach:' (GDPR art. 33(3)); what is not known yet may follow in a "
                    "further notice (art. 33(4)) – write what is known now.",
                    "Fyll dem inn under «breach:» (personvernforordningen art. 33 nr. 3); det som ikke er kjent "
                    "ennå, kan ettersendes (art. 33 nr. 4) – skriv det som er kjent nå."),
            )


@rule("ASK837", "art34-decision-missing", Severity.ERROR)
def art34_decision_missing(ctx: CheckContext) -> Iterator[Finding]:
    """A personal-data breach without a decision whether to tell the people
    affected (GDPR art. 34), once the first notice is sent or the 72 hours
    have run out: 'art34:' with 'informed:' (when) or 'not_informed:'
    (low_risk, unintelligible, risk_removed or public_notice – art. 34(1)
    and 34(3) a–c) and a 'reason:'.

    FAIL:
        breach:
          became_aware: 2020-02-03T09:00
          notified: 2020-02-04T10:00
    PASS:
        breach:
          became_aware: 2020-02-03T09:00
          notified: 2020-02-04T10:00
          art34: {informed: 2020-02-05T12:00, how: Brev i Digipost}
    """
    for case in ctx.portfolio.cases:
        breach = case.breach
        if breach is None or not breach.form_due(ctx.as_of) or breach.informing() is not Informing.MISSING:
            continue
        decision = breach.art34
        if decision is None:
            where = case.where("breach")
            what = Say("has no art. 34 decision", "har ikke registrert om de berørte ble varslet, eller hvorfor ikke")
        elif decision.informed is not None and decision.not_informed is not None:
            where = case.where("breach", "art34", "not_informed")
            what = Say("says both that the people affected were told and that they were not",
                       "sier både at de berørte ble varslet og at de ikke ble det")
        elif decision.not_informed is not None:
            where = case.where("breach", "art34", "not_informed")
            what = Say("says the people affected were not told, but not why (reason)",
                       "sier at de berørte ikke ble varslet, men ikke hvorfor (reason)")
        else:
            where = case.where("breach", "art34")
            what = Say("has an art. 34 block without a decision", "har en art. 34-blokk uten beslutning")
        yield Finding(
            where,
            Say(f"{case.id} {what.en} (were the people affected told? GDPR art. 34)",
                f"{case.id} {what.nb} (ble de berørte varslet? personvernforordningen art. 34)"),
            Say("Write 'art34: {informed: <when>, how: …}', or 'art34: {not_informed: low_risk | unintelligible | "
                "risk_removed | public_notice, reason: …}'.",
                "Skriv «art34: {informed: <når>, how: …}», eller «art34: {not_informed: low_risk | unintelligible "
                "| risk_removed | public_notice, reason: …}»."),
        )


@rule("ASK838", "breach-times-order", Severity.ERROR)
def breach_times_order(ctx: CheckContext) -> Iterator[Finding]:
    """A breach's times out of order: further notices after the first
    notice and each after the one before (GDPR art. 33(4)), the notice
    completed after the last stage, the breach's period starting before
    its end and before it was discovered, the people affected told after
    it was discovered. (A period that ends after the breach was discovered
    is fine.)

    FAIL:
        breach:
          became_aware: 2020-02-03T09:00
          notified: 2020-02-04T10:00
          further_notices:
            - {sent: 2020-02-04T08:00, added: Antall berørte}
    PASS:
        breach:
          became_aware: 2020-02-03T09:00
          notified: 2020-02-04T10:00
          further_notices:
            - {sent: 2020-02-10T08:00, added: Antall berørte}
          completed: 2020-02-10T08:00
    """
    for case in ctx.portfolio.cases:
        yield from _times_order(case)


def _times_order(case: QualityCase) -> Iterator[Finding]:
    breach = case.breach
    if breach is None:
        return

    def finding(path: tuple[str | int, ...], en: str, nb_: str) -> Finding:
        return Finding(case.where("breach", *path), Say(f"{case.id}: {en}", f"{case.id}: {nb_}"),
                       Say("Correct the times; they are Norwegian local time unless a zone is written.",
                           "Rett tidspunktene; de er norsk tid hvis ikke en tidssone er skrevet."))

    previous = breach.notified
    for i, further in enumerate(breach.further_notices):
        if breach.notified is None:
            yield finding(("further_notices", i, "sent"), "a further notice without a first notice ('notified')",
                          "en ettersending uten første melding («notified»)")
        elif previous is not None and further.sent < previous:
            yield finding(("further_notices", i, "sent"),
                          "a further notice sent before the notice before it",
                          "en ettersending er sendt før meldingen før den")
        previous = further.sent if previous is None else max(previous, further.sent)
    if breach.completed is not None:
        if breach.notified is None:
            yield finding(("completed",), "the notice is completed, but no notice was sent ('notified')",
                          "meldingen er fullført, men ingen melding er sendt («notified»)")
        elif previous is not None and breach.completed < previous:
            yield finding(("completed",), "the notice is completed before its last stage was sent",
                          "meldingen er fullført før siste del ble sendt")
    period = breach.period
    if period is not None:
        if period.end is not None and period.end < period.start:
            yield finding(("period", "end"), "the breach ended before it began",
                          "bruddet sluttet før det begynte")
        if period.end is not None and period.ongoing:
            yield finding(("period", "ongoing"), "the breach has an end but is marked ongoing",
                          "bruddet har en slutt, men er merket som pågående")
        if period.start > breach.became_aware:
            yield finding(("period", "start"), "the breach began after the municipality became aware of it",
                          "bruddet begynte etter at kommunen fikk kjennskap til det")
    if breach.art34 is not None and breach.art34.informed is not None \
            and breach.art34.informed < breach.became_aware:
        yield finding(("art34", "informed"), "the people affected were told before the breach was discovered",
                      "de berørte ble varslet før bruddet ble oppdaget")


@rule("ASK839", "dpia-not-needed-special-categories", Severity.WARNING)
def dpia_not_needed_special_categories(ctx: CheckContext) -> Iterator[Finding]:
    """A project that processes special categories of personal data (GDPR
    art. 9) records that no DPIA is needed. Art. 35(3)(b) and Datatilsynet's
    list make a DPIA the rule for such processing; check the reason.

    FAIL:
        personal_data:
          processes: true
          special_categories: true
          dpia_not_needed: Få personer
    PASS:
        personal_data:
          processes: true
          special_categories: true
          dpia: {done: 2019-11-04, reference: arkivsak 2019/812, conclusion: Akseptabel restrisiko}
    """
    for project in ctx.portfolio.projects:
        data = project.personal_data
        if data is not None and data.processes and data.special_categories and data.dpia is None \
                and (data.dpia_not_needed or "").strip():
            yield Finding(
                project.where("personal_data", "dpia_not_needed"),
                Say(f"{project.id} processes special categories of personal data (art. 9) but records that no "
                    "DPIA is needed",
                    f"{project.id} behandler særlige kategorier av personopplysninger (art. 9), men skriver at "
                    "det ikke trengs en personvernkonsekvensvurdering (DPIA)"),
                Say("Special categories usually need a DPIA (GDPR art. 35(3)(b), Datatilsynet's list); make one, "
                    "or make sure the reason says why this processing is the exception.",
                    "Særlige kategorier krever som regel en DPIA (personvernforordningen art. 35 nr. 3 bokstav b, "
                    "Datatilsynets liste); gjør en, eller sørg for at begrunnelsen sier hvorfor denne behandlingen "
                    "er et unntak."),
            )
