"""The ROS register and the risk matrix: measures where a risk is not
acceptable, a decision where what remains lies above the acceptance line,
reviews on time, levels on the configured scales, and deviations assessed
so the matrix is honest.

Legal basis: kommuneloven § 25-1 tredje ledd (from 1 January 2021; before
that kommuneloven 1992 § 23 nr. 2 and the sector rules, e.g. forskrift om
ledelse og kvalitetsforbedring i helse- og omsorgstjenesten §§ 6–8):
internal control that is proportionate to risk, that finds and follows up
deviations *and the risk of them* (bokstav c), is documented (bokstav d)
and is evaluated and improved (bokstav e).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..core import bokmal as nb
from ..core.diagnostics import Say, Severity
from ..model.base import Record
from ..model.risk import Assessment, RiskMatrix, Zone
from .registry import CheckContext, Finding, rule
from .words import days

# Said as where the risk lies: "ligger i gul sone (vurder tiltak)".
ZONE = {Zone.ACCEPTABLE: Say("in the green zone (acceptable)", "i grønn sone (akseptabel)"),
        Zone.CONSIDER: Say("in the yellow zone (consider measures)", "i gul sone (vurder tiltak)"),
        Zone.NOT_ACCEPTABLE: Say("in the red zone (not acceptable)", "i rød sone (ikke akseptabel)")}


def _cell(a: Assessment) -> Say:
    return Say(f"probability {a.probability} × consequence {a.consequence} = {a.score}",
               f"sannsynlighet {a.probability} × konsekvens {a.consequence} = {a.score}")


@rule("ASK820", "risk-without-measure", Severity.ERROR)
def risk_without_measure(ctx: CheckContext) -> Iterator[Finding]:
    """A risk in the not-acceptable (red) zone of the risk matrix without
    any measure (kommuneloven § 25-1 tredje ledd bokstav c: follow up the
    risk of deviations).

    FAIL (default matrix: red from 10):
        probability: 4
        consequence: 4
    PASS:
        probability: 4
        consequence: 4
        measures:
          - {text: Dobbeltkontroll ved utsending, owner: Enhetsleder, deadline: 2020-12-01}
    """
    matrix = ctx.portfolio.risk_matrix
    for risk in ctx.portfolio.risks:
        if risk.lacks_measures(matrix):
            yield Finding(
                risk.where("probability"),
                Say(f"risk {risk.id} is not acceptable ({_cell(risk.inherent).en}) and has no measure",
                    f"risiko {risk.id} er ikke akseptabel ({_cell(risk.inherent).nb}) og har ingen tiltak"),
                Say("Add 'measures:' – each with text, owner and deadline – that bring the risk below the "
                    "red zone, and the 'residual:' risk they leave.",
                    "Legg til «measures:» – hvert tiltak med tekst, ansvarlig (owner) og frist – som tar "
                    "risikoen ut av rød sone, og restrisikoen de etterlater («residual:»)."),
            )


@rule("ASK821", "residual-risk-not-accepted", Severity.WARNING)
def residual_risk_not_accepted(ctx: CheckContext) -> Iterator[Finding]:
    """What remains of a risk – its residual, or the risk as assessed when
    no residual is given – lies above the acceptance line (yellow or red),
    and no one has accepted it (kommuneloven § 25-1 tredje ledd bokstav c
    and d: follow up and document).

    FAIL:
        probability: 3
        consequence: 3
    PASS:
        probability: 3
        consequence: 3
        accepted: {by: Kommunalsjef helse og omsorg, on: 2020-03-01}
    """
    matrix = ctx.portfolio.risk_matrix
    for risk in ctx.portfolio.risks:
        if risk.awaits_acceptance(matrix):
            zone = risk.remaining_zone(matrix)
            assert zone is not None
            remains = Say("the residual risk", "restrisikoen") if risk.residual else Say("the risk", "risikoen")
            yield Finding(
                risk.where("residual") if risk.residual else risk.where("probability"),
                Say(f"{remains.en} of {risk.id} lies {ZONE[zone].en}, {_cell(risk.remaining).en}, "
                    "and no one has accepted it",
                    f"{remains.nb} for {risk.id} ligger {ZONE[zone].nb}, {_cell(risk.remaining).nb}, "
                    "og ingen har akseptert den"),
                Say("Add measures that bring it to the green zone, or 'accepted: {by: <role>, on: <date>}' "
                    "with the role that accepts it.",
                    "Legg til tiltak som tar den ned i grønn sone, eller «accepted:» med rollen som aksepterer "
                    "den og datoen."),
            )


@rule("ASK822", "risk-review-overdue", Severity.WARNING)
def risk_review_overdue(ctx: CheckContext) -> Iterator[Finding]:
    """A risk not assessed again by its ``next_review`` date
    (kommuneloven § 25-1 tredje ledd bokstav e: evaluate and improve).

    FAIL (validated on 2020-10-31):
        next_review: 2020-06-30
    PASS:
        next_review: 2021-06-30
    """
    for risk in ctx.portfolio.risks:
        late = risk.review_overdue_days(ctx.as_of)
        if late is not None:
            yield Finding(
                risk.where("next_review"),
                Say(f"risk {risk.id} was due for review on {risk.next_review}, {late} days ago",
                    f"risiko {risk.id} skulle vært vurdert på nytt {nb.date(risk.next_review)}, for "
                    f"{days(late).nb} siden"),
                Say("Assess the risk again: update 'assessed', the levels, the measures and 'next_review'.",
                    "Vurder risikoen på nytt: oppdater «assessed», nivåene, tiltakene og «next_review»."),
            )


def _off_scale(matrix: RiskMatrix, record: Record, what: Say, path: tuple[object, ...],
               level: int | None, axis: str) -> Iterator[Finding]:
    labels = matrix.probability if axis == "probability" else matrix.consequence
    if level is not None and not 1 <= level <= len(labels):
        axis_nb = "sannsynlighet" if axis == "probability" else "konsekvens"
        yield Finding(
            record.where(*path),
            Say(f"{what.en}: {axis} {level} is outside the risk matrix's scale 1–{len(labels)}",
                f"{what.nb}: {axis_nb} {level} er utenfor risikomatrisens skala 1–{len(labels)}"),
            Say(f"Give a level from 1 ({labels[0]}) to {len(labels)} ({labels[-1]}), or widen "
                f"'risk_matrix.{axis}' in programme.yaml.",
                f"Gi et nivå fra 1 ({labels[0]}) til {len(labels)} ({labels[-1]}), eller utvid "
                f"«risk_matrix.{axis}» i programme.yaml."),
        )


@rule("ASK823", "risk-level-off-scale", Severity.ERROR, needs_programme=True)
def risk_level_off_scale(ctx: CheckContext) -> Iterator[Finding]:
    """A probability, consequence or severity outside the scales of the
    risk matrix in programme.yaml – for risks (also the residual) and for
    quality cases, whose severity is the consequence.

    FAIL (default 5 × 5 matrix):
        consequence: 6
    PASS:
        consequence: 5
    """
    matrix = ctx.portfolio.risk_matrix
    for risk in ctx.portfolio.risks:
        what = Say(f"risk {risk.id}", f"risiko {risk.id}")
        yield from _off_scale(matrix, risk, what, ("probability",), risk.probability, "probability")
        yield from _off_scale(matrix, risk, what, ("consequence",), risk.consequence, "consequence")
        if risk.residual is not None:
            left = Say(f"the residual risk of {risk.id}", f"restrisikoen for {risk.id}")
            yield from _off_scale(matrix, risk, left, ("residual", "probability"), risk.residual.probability,
                                  "probability")
            yield from _off_scale(matrix, risk, left, ("residual", "consequence"), risk.residual.consequence,
                                  "consequence")
    for case in ctx.portfolio.cases:
        what = Say(f"case {case.id}", f"sak {case.id}")
        yield from _off_scale(matrix, case, what, ("probability",), case.probability, "probability")
        yield from _off_scale(matrix, case, what, ("severity",), case.severity, "consequence")


@rule("ASK824", "deviation-not-assessed", Severity.WARNING)
def deviation_not_assessed(ctx: CheckContext) -> Iterator[Finding]:
    """A deviation without severity or probability: it cannot be placed on
    the risk matrix, and the report counts it as not assessed – never as
    the lowest level (kommuneloven § 25-1 tredje ledd bokstav c: deviations
    are followed up as serious as they are).

    FAIL:
        kind: deviation
        severity: 3
    PASS:
        kind: deviation
        severity: 3
        probability: 2
    """
    for case in ctx.portfolio.cases:
        if not case.kind.is_deviation:
            continue
        missing = [name for name, value in (("severity", case.severity), ("probability", case.probability))
                   if value is None]
        if missing:
            names_nb = {"severity": "alvorlighet (severity)", "probability": "sannsynlighet (probability)"}
            yield Finding(
                case.where("kind"),
                Say(f"deviation {case.id} has no " + " and no ".join(missing),
                    f"avvik {case.id} mangler " + nb.listing(names_nb[m] for m in missing)),
                Say("Assess it on the risk matrix: add " + " and ".join(f"'{m}:'" for m in missing) + ".",
                    "Vurder avviket i risikomatrisen: legg til " + nb.listing(f"«{m}:»" for m in missing) + "."),
            )
