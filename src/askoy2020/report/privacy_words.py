"""Words of Personvern under Digital kommune in the Kvalitet part (nb, en);
joined into the report's words in :mod:`.i18n`."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "privacy_notified": ("Meldt Datatilsynet: {notified} av {total}. Meldt i flere trinn (ettersendt, art. 33 nr. 4): "
                         "{staged}; meldingen er komplett (alle opplysninger sendt): {completed}.",
                         "Notified to Datatilsynet: {notified} of {total}. Notified in stages (further notices, "
                         "art. 33(4)): {staged}; notice completed: {completed}."),
    "privacy_form": ("Meldeskjemaet er ufullstendig (det Datatilsynet spør om, art. 33 nr. 3) for {n} av {due} brudd "
                     "som er meldt eller der fristen på 72 timer har gått ut.",
                     "The notification form is incomplete (what Datatilsynet asks for, art. 33(3)) for {n} of {due} "
                     "breaches notified or past the 72 hours."),
    "privacy_art34": ("Ble de berørte varslet? (art. 34)", "Were the people affected told? (art. 34)"),
    "privacy_decision": ("Beslutning", "Decision"),
    "privacy_informed": ("varslet", "told"),
    "privacy_not_informed": ("ikke varslet, med begrunnelse", "not told, with a reason"),
    "privacy_ground_low_risk": ("høy risiko ikke sannsynlig (art. 34 nr. 1)", "high risk not likely (art. 34(1))"),
    "privacy_ground_unintelligible": ("opplysningene var uleselige for andre, f.eks. kryptert (art. 34 nr. 3 "
                                      "bokstav a)",
                                      "the data were unintelligible to others, e.g. encrypted (art. 34(3)(a))"),
    "privacy_ground_risk_removed": ("senere tiltak fjernet den høye risikoen (art. 34 nr. 3 bokstav b)",
                                    "later measures removed the high risk (art. 34(3)(b))"),
    "privacy_ground_public_notice": ("uforholdsmessig innsats; offentlig kunngjøring i stedet (art. 34 nr. 3 "
                                     "bokstav c)",
                                     "disproportionate effort; a public notice instead (art. 34(3)(c))"),
    "privacy_decision_missing": ("ingen beslutning registrert", "no decision recorded"),
    "privacy_people": ("Om lag {n} personer er berørt (summen av anslagene for {breaches} brudd).",
                       "About {n} people affected in all (the sum of the estimates in {breaches} breaches)."),
    "privacy_people_withheld": ("Antall berørte vises ikke: færre enn {n} brudd har et anslag.",
                                "The number of people affected is not shown: fewer than {n} breaches give an "
                                "estimate."),
    "privacy_projects_heading": ("Personvern i prosjekter", "Privacy in projects"),
    "privacy_projects_intro": ("Prosjekter som behandler personopplysninger, med personvernkonsekvensvurdering (DPIA, "
                               "personvernforordningen art. 35) eller begrunnelsen for at den ikke trengs, og "
                               "ROS-analyse (art. 32).",
                               "Projects that process personal data, with their data protection impact assessment "
                               "(DPIA, GDPR art. 35) or the reason none is needed, and their risk assessment "
                               "(ROS-analyse, art. 32)."),
    "privacy_no_projects": ("Ingen prosjekter har registrert at de behandler personopplysninger.",
                            "No project has recorded that it processes personal data."),
    "privacy_missing_line": ("{dpia} av {n} mangler DPIA eller begrunnelse; {ros} mangler ROS-analyse.",
                             "{dpia} of {n} lack a DPIA or a reason; {ros} lack a risk assessment."),
    "privacy_dpia": ("DPIA", "DPIA"),
    "privacy_dpia_text": ("Konklusjon eller begrunnelse", "Conclusion or reason"),
    "privacy_ros": ("ROS-analyse", "Risk assessment (ROS)"),
    "privacy_manager": ("Prosjektleder", "Project manager"),
    "privacy_dpia_done": ("gjort {day}", "done {day}"),
    "privacy_dpia_not_needed": ("ikke nødvendig", "not needed"),
    "privacy_dpia_missing": ("mangler", "missing"),
    "privacy_ros_done": ("gjort {day}", "done {day}"),
    "privacy_ros_register": ("i risikoregisteret", "in the risk register"),
    "privacy_ros_missing": ("mangler", "missing"),
    "privacy_special": ("særlige kategorier, art. 9", "special categories, art. 9"),
    "privacy_prior_consultation": ("forhåndsdrøftet med Datatilsynet (art. 36)",
                                   "Datatilsynet consulted beforehand (art. 36)"),
}
