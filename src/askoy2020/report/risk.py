"""Risk (ROS) in Kvalitet 2020: the risk register on the programme's risk
matrix before and after measures, the year's deviations on the same
matrix, and the red risks with their measures.

Zones, residual risk, "awaits acceptance" and "review overdue" are the
model's (:mod:`askoy2020.model.risk`), the same facts ASK820–ASK822 report.
A deviation without severity or probability is in no cell: it is counted
as not assessed, never as level 1.

The public report shows counts per cell for the whole programme – risks
are about services, not people – but no owner, no measure owner and no
unit; the deviations follow the quality section and are left out when
that section is withheld (:mod:`.audience`).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable

from ..model import Portfolio
from ..model.quality import Action
from ..model.risk import Assessment, Risk, RiskMatrix, Zone
from .audience import Audience, too_few_units, withheld
from .risk_model import MeasureRow, RedRisk, RiskCell, RiskGrid, RiskRow, RiskSection, ZoneCount


def grid(matrix: RiskMatrix, assessments: Iterable[Assessment]) -> RiskGrid:
    """Counts per cell; assessments off the matrix's scale are left out."""
    counts = Counter(a for a in assessments if matrix.on_scale(*a))
    rows = [RiskRow(p, matrix.probability[p - 1],
                    [RiskCell(p, c, matrix.zone(p, c).value, counts[Assessment(p, c)])
                     for c in range(1, len(matrix.consequence) + 1)])
            for p in range(len(matrix.probability), 0, -1)]
    return RiskGrid(rows, sum(counts.values()))


def _about(risk: Risk) -> str:
    return " · ".join(part for part in (risk.unit, risk.area, risk.project) if part)


def _red(risk: Risk, matrix: RiskMatrix) -> RedRisk:
    zone = risk.remaining_zone(matrix)
    assert zone is not None  # only risks on the matrix's scale are listed
    return RedRisk(
        risk.id, risk.title, _about(risk), risk.owner, risk.inherent.score,
        risk.remaining.score if risk.residual is not None else None, zone.value,
        [MeasureRow(m.text, m.owner, m.deadline, m.done) for m in risk.measures],
        risk.accepted.by if risk.accepted else None, risk.accepted.on if risk.accepted else None)


def _open(measure: Action, as_of: dt.date) -> bool:
    return measure.done is None or measure.done > as_of


def build_risk(portfolio: Portfolio, year: int, as_of: dt.date, threshold: int, audience: Audience) -> RiskSection:
    matrix = portfolio.risk_matrix
    public = audience is Audience.PUBLIC
    risks = [r for r in portfolio.risks if r.assessed <= as_of]
    placed = [r for r in risks if matrix.on_scale(*r.inherent) and matrix.on_scale(*r.remaining)]
    before, after = grid(matrix, (r.inherent for r in placed)), grid(matrix, (r.remaining for r in placed))
    red = sorted((r for r in placed if r.zone(matrix) is Zone.NOT_ACCEPTABLE),
                 key=lambda r: (-r.inherent.score, r.id))
    deviations = [c for c in portfolio.cases
                  if c.kind.is_deviation and c.reported.year == year and c.reported <= as_of]
    # Judged on the deviations' own units: thirty units with a leader do not
    # make one unit's deviations anonymous (audience.too_few_units).
    hidden = withheld(portfolio, audience, threshold) or too_few_units([c.unit for c in deviations], audience,
                                                                       threshold)
    assessed = [Assessment(c.probability, c.severity) for c in deviations
                if c.probability is not None and c.severity is not None]
    return RiskSection(
        probability_labels=list(matrix.probability),
        consequence_labels=list(matrix.consequence),
        acceptable_up_to=matrix.acceptable_up_to,
        not_acceptable_from=matrix.not_acceptable_from,
        risks=len(risks),
        before=before,
        after=after,
        by_zone=[ZoneCount(z.value, before.zone_count(z.value), after.zone_count(z.value)) for z in Zone],
        off_scale=len(risks) - len(placed),
        red=[] if public else [_red(r, matrix) for r in red],
        red_count=len(red),
        red_without_measures=sum(r.lacks_measures(matrix) for r in red),
        # The residual is the risk once every planned measure is in place:
        # how far the red ones are from that is said beside the matrix.
        red_measures_open=sum(any(_open(m, as_of) for m in r.measures) for r in red),
        red_measures_done=sum(not _open(m, as_of) for r in red for m in r.measures),
        red_measures=sum(len(r.measures) for r in red),
        awaiting_acceptance=sum(r.awaits_acceptance(matrix) for r in placed),
        reviews_overdue=sum(r.review_overdue_days(as_of) is not None for r in risks),
        deviations=None if hidden else grid(matrix, assessed),
        deviations_total=0 if hidden else len(deviations),
        deviations_not_assessed=0 if hidden else len(deviations) - len(assessed),
        deviations_off_scale=0 if hidden else sum(not matrix.on_scale(*a) for a in assessed),
    )
