"""Words of the Internkontroll part of the Kvalitet chapter (nb, en);
joined into the report's words in :mod:`.i18n`. Keys start with ``ic_``."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "ic_heading": ("Internkontroll", "Internal control (internkontroll)"),
    "ic_intro": ("Rådmannens årlige rapport om internkontrollen og resultater fra statlig tilsyn, per {as_of}. "
                 "Grunnlaget er kommuneloven 1992 § 23 nr. 2 (betryggende kontroll); fra 1. januar 2021 gjelder "
                 "kommuneloven § 25-1 (internkontroll) og § 25-2 (rapport til kommunestyret minst én gang i året).",
                 "The chief executive's yearly report on the internal control and the results of state "
                 "supervision, as of {as_of}. The basis is kommuneloven 1992 section 23 no. 2 (adequate control); "
                 "from 1 January 2021 kommuneloven section 25-1 (internal control) and section 25-2 (a report to "
                 "the council at least once a year)."),
    "ic_none": ("Ingen enheter, gjennomganger eller funn er ført i internkontrollregisteret (data/control).",
                "No units, reviews or findings are recorded in the internal-control register (data/control)."),
    "ic_units_line": ("{units} enheter som gir {services} ulike tjenester, er med i internkontrollen.",
                      "{units} units giving {services} different services are covered by the internal control."),
    "ic_coverage": ("Enheter og tjenester per programområde", "Units and services per programme area"),
    "ic_units": ("Enheter", "Units"),
    "ic_services": ("Ulike tjenester", "Different services"),
    "ic_routines": ("Rutiner", "Routines"),
    "ic_overdue_col": ("Over fristen for gjennomgang", "Overdue for review"),
    "ic_no_area": ("Uten kjent programområde", "No known programme area"),
    "ic_routines_line": ("Rutiner under dokumentstyring per {as_of}: {n} i alt, {in_time} gjennomgått innen "
                         "fristen og {overdue} over fristen for gjennomgang. {year_n} er gjennomgått i {year}.",
                         "Routines under document control as of {as_of}: {n} in all, {in_time} reviewed in time "
                         "and {overdue} overdue for review. {year_n} were reviewed in {year}."),
    "ic_overdue_heading": ("Rutiner over fristen for gjennomgang", "Routines overdue for review"),
    "ic_routine": ("Rutine", "Routine"),
    "ic_due": ("Skulle vært gjennomgått", "Review due"),
    "ic_days_over": ("Dager over fristen", "Days overdue"),
    "ic_sector_rules": ("Særlovgivning om internkontroll som enhetene også følger: {rules}.",
                        "Sector rules on internal control the units also follow: {rules}."),
    "ic_reviews_heading": ("Ledelsens gjennomgang", "Management review (ledelsens gjennomgang)"),
    "ic_review_held": ("Ledelsens gjennomgang for {year}, holdt {held}", "Management review for {year}, held {held}"),
    "ic_whole": ("hele kommunen", "the whole municipality"),
    "ic_scope": ("Omfang", "Scope"),
    "ic_led_by": ("Ledet av", "Led by"),
    "ic_topics": ("Tema", "Topics"),
    "ic_conclusions": ("Konklusjoner", "Conclusions"),
    "ic_decisions_line": ("Beslutninger: {done} av {n} gjennomført per {as_of}.",
                          "Decisions: {done} of {n} carried out by {as_of}."),
    "ic_decision": ("Beslutning", "Decision"),
    "ic_deadline": ("Frist", "Deadline"),
    "ic_done": ("Gjennomført", "Done"),
    "ic_not_done": ("ikke ennå", "not yet"),
    "ic_no_review_held": ("Det er ikke holdt ledelsens gjennomgang i {year} (per {as_of}).",
                          "No management review was held in {year} by {as_of}."),
    "ic_review_planned": ("Ledelsens gjennomgang for {year} er planlagt {day}.",
                          "The management review for {year} is planned for {day}."),
    "ic_review_unplanned": ("Ledelsens gjennomgang for {year} er ikke holdt, og ingen dato er satt.",
                            "The management review for {year} has not been held, and no date is set."),
    "ic_review_missing": ("Det er ikke registrert at ledelsens gjennomgang av hele kommunen er holdt for {years}.",
                          "No management review of the whole municipality is recorded as held for {years}."),
    "ic_findings_heading": ("Tilsyn, forvaltningsrevisjon og internrevisjon",
                            "Supervision (tilsyn), performance audit and internal audit"),
    "ic_source": ("Kilde", "Source"),
    "ic_new_in": ("Nye i {year}", "New in {year}"),
    "ic_closed_in": ("Lukket i {year}", "Closed in {year}"),
    "ic_open_on": ("Åpne {day}", "Open on {day}"),
    "ic_past_deadline": ("Over fristen", "Past deadline"),
    "ic_all": ("Alle", "All"),
    "ic_source_supervision": ("Tilsyn", "Supervision (tilsyn)"),
    "ic_source_performance_audit": ("Forvaltningsrevisjon", "Performance audit (forvaltningsrevisjon)"),
    "ic_source_internal_audit": ("Internrevisjon", "Internal audit"),
    "ic_source_other": ("Annet", "Other"),
    "ic_kind_breach_of_law": ("lovbrudd", "breach of law"),
    "ic_kind_order": ("pålegg", "order"),
    "ic_kind_remark": ("merknad", "remark"),
    "ic_kind_recommendation": ("anbefaling", "recommendation"),
    "ic_kind_deviation": ("avvik", "deviation"),
    "ic_status_closed": ("avsluttet {day}", "closed {day}"),
    "ic_status_open": ("åpent", "open"),
    "ic_status_past_deadline": ("åpent, {days} dager over fristen", "open, {days} days past the deadline"),
    "ic_findings_list": ("Funn fra {year} og funn som fortsatt er åpne", "Findings of {year} and findings still open"),
    "ic_finding": ("Funn", "Finding"),
    "ic_authority": ("Myndighet eller revisor", "Authority or auditor"),
    "ic_reported": ("Rapport", "Report"),
    "ic_actions_done": ("Tiltak gjennomført", "Actions done"),
    "ic_no_findings": ("Ingen funn fra {year}, og ingen er åpne.", "No findings from {year}, and none are open."),
    "ic_not_listed": ("{n} funn fra internrevisjon eller andre kilder er talt med over, men listes ikke i den "
                      "offentlige versjonen.",
                      "{n} findings from internal audits or other sources are counted above but not listed in the "
                      "public version."),
    "ic_binding_note": ("Lovbrudd må rettes og pålegg oppfylles; et tilsyn avsluttes først når tilsynsmyndigheten har "
                        "godtatt oppfølgingen. Tilsynsrapporter og forvaltningsrevisjoner er offentlige.",
                        "A breach of law or an order must be corrected; a supervision is closed only when the "
                        "authority accepts the follow-up. Supervision and performance audit reports are public."),
}
