"""Words of the report's risk (ROS) subsection of Kvalitet 2020 (nb, en);
joined into the report's words in :mod:`.i18n`."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "risk_heading": ("Risiko (ROS)", "Risk (ROS)"),
    "risk_intro": ("Risikoregisteret har {n} risikoer vurdert per {day}. Risikotall = sannsynlighet × "
                   "konsekvens. Akseptkriterier: risikotall til og med {low} er akseptabel risiko (grønn), fra "
                   "{high} er risikoen ikke akseptabel (rød), og i mellom skal tiltak vurderes (gul).",
                   "Risks in the register, assessed by {day}: {n}. The risk score is probability × consequence; "
                   "the acceptance criteria: up to {low} is acceptable, from {high} is not acceptable, and in "
                   "between measures are to be considered."),
    "risk_none": ("Risikoregisteret er tomt: ingen risikoer er vurdert per {day}.",
                  "The risk register is empty: no risk has been assessed by {day}."),
    "zone_acceptable": ("● akseptabel (grønn)", "● acceptable (green)"),
    "zone_consider": ("▲ vurder tiltak (gul)", "▲ consider measures (yellow)"),
    "zone_not_acceptable": ("■ ikke akseptabel (rød)", "■ not acceptable (red)"),
    "zone_legend": ("Tegnforklaring: ● akseptabel (grønn), ▲ vurder tiltak (gul), ■ ikke akseptabel (rød). "
                    "Tallet i ruten er antall.",
                    "Key: ● acceptable (green), ▲ consider measures (yellow), ■ not acceptable (red). "
                    "The number in a cell is the count."),
    "risk_grid_before": ("Risikoer før tiltak", "Risks before measures"),
    "risk_grid_after": ("Restrisiko når alle planlagte tiltak er gjennomført (der restrisiko ikke er vurdert, "
                        "vises risikoen som vurdert før tiltak)",
                        "Residual risk once every planned measure is in place (where no residual is assessed, the "
                        "risk is shown as assessed before measures)"),
    "risk_grid_deviations": ("Programmets egne avvikssaker meldt i {year} per {day}, etter alvorlighet og "
                             "sannsynlighet for gjentakelse (avvikene i kvalitetssystemet har bare alvorlighetsgrad "
                             "og står under Volum fra kvalitetssystemet)",
                             "The programme's own deviation cases reported in {year} by {day}, by severity and "
                             "probability of recurrence (the quality system's deviations carry a severity only and "
                             "are under Volumes from the quality system)"),
    "follow_up_red_open": ("Røde risikoer der ikke alle tiltak er gjennomført: {open} av {red} (tiltak utført: "
                           "{done} av {total}); restrisikoen gjelder først når tiltakene er på plass",
                           "Red risks with a measure not yet carried out: {open} of {red} (measures done: {done} of "
                           "{total}); the residual risk holds only once the measures are in place"),
    "probability_axis": ("Sannsynlighet", "Probability"),
    "consequence_axis": ("Konsekvens", "Consequence"),
    "severity_axis": ("Alvorlighet (konsekvens)", "Severity (consequence)"),
    "risk_by_zone": ("Etter sone", "By zone"),
    "risk_zone": ("Sone", "Zone"),
    "risk_before": ("Før tiltak", "Before measures"),
    "risk_after": ("Etter tiltak", "After measures"),
    "risk_off_scale": ("Risikoer med nivåer utenfor matrisens skala, ikke plassert (se advarslene): {n}.",
                       "Risks with levels outside the matrix's scale, not placed (see the warnings): {n}."),
    "deviations_placed": ("{n} av {total} avvik er plassert i matrisen.",
                          "{n} of {total} deviations are placed on the matrix."),
    "deviations_not_assessed": ("Avvik uten vurdering av alvorlighet/sannsynlighet: {n} (de regnes ikke som "
                                "nivå 1).",
                                "Deviations without an assessment of severity/probability: {n} (they are not "
                                "counted as level 1)."),
    "deviations_off_scale": ("Avvik med nivåer utenfor matrisens skala: {n}.",
                             "Deviations with levels outside the matrix's scale: {n}."),
    "deviations_withheld": ("Avvikene vises ikke i den offentlige versjonen: programmet har for få enheter.",
                            "The deviations are not shown in the public version: the programme has too few "
                            "units."),
    "risk_follow_up": ("Oppfølging per {day}", "Follow-up on {day}"),
    "follow_up_red": ("Risikoer i rød sone før tiltak: {red}, av dem uten tiltak: {without}",
                      "Risks in the red zone before measures: {red}, of them without measures: {without}"),
    "follow_up_accept": ("Restrisiko utenfor akseptkriteriene (gul eller rød) som ingen har akseptert: {n}",
                         "Residual risk above the acceptance line without an acceptance decision: {n}"),
    "follow_up_review": ("Risikoer som har passert fristen for ny vurdering: {n}",
                         "Risks past their date for a new assessment: {n}"),
    "acceptance_not_needed": ("aksept ikke nødvendig (grønn)", "no acceptance needed (green)"),
    "red_risks_heading": ("Risikoer i rød sone, med tiltak (intern)",
                          "Risks in the red zone, with measures (internal)"),
    "red_risks_public": ("Den offentlige versjonen lister ikke risikoene med eiere og tiltaksansvarlige.",
                         "The public version does not list the risks with their owners and measure owners."),
    "risk_col": ("Risiko", "Risk"),
    "risk_score": ("Før tiltak", "Before"),
    "risk_residual": ("Etter tiltak, aksept", "After, acceptance"),
    "risk_about_line": ("gjelder {about}; eier {owner}", "about {about}; owner {owner}"),
    "accepted_line": ("akseptert av {by} {on}", "accepted by {by} on {on}"),
    "risk_measures": ("Tiltak (ansvarlig, frist, utført)", "Measures (owner, deadline, done)"),
    "measure_line": ("{text} ({owner}, frist {deadline}, {done})", "{text} ({owner}, deadline {deadline}, {done})"),
    "measure_done": ("utført {day}", "done {day}"),
    "measure_open": ("ikke utført", "not done"),
    "no_deadline": ("ingen", "none"),
    "no_measures": ("ingen tiltak", "no measures"),
    "not_accepted": ("ikke akseptert", "not accepted"),
    "severity_not_assessed": ("ikke vurdert", "not assessed"),
}
