"""Words of the audiences and of the Prestasjonsledelse and Kvalitet
sections (nb, en); joined into the report's words in :mod:`.i18n`."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # -- audiences (docs/audience.md)
    "marking_internal": ("Unntatt offentlighet, jf. offentleglova § 14 første ledd (organinternt dokument)",
                         "Exempt from public access: offentleglova (Freedom of Information Act) section 14 "
                         "first paragraph (internal document)"),
    "internal_note_kvalitet": ("Intern versjon for rådmannens stab og lederne: den viser saker, rutiner og risikoer "
                               "per enhet og med ansvarlige roller, og skal ikke sendes ut av administrasjonen. Til "
                               "kontrollutvalget, formannskapet, kommunestyret og pressen går den offentlige versjonen "
                               "(askoy2020 report --part kvalitet --audience public).",
                               "Internal version for the chief executive's staff and the leaders: it shows cases, "
                               "routines and risks per unit and with the roles responsible, and must not leave the "
                               "administration. The control committee, the executive committee, the council and the "
                               "press get the public version (askoy2020 report --part kvalitet --audience public)."),
    "internal_note": ("Intern versjon for rådmannens stab og lederne. Den vurderer navngitte lederstillinger "
                      "(måloppnåelse, 10-FAKTOR per enhet) og viser saker per enhet, og skal ikke sendes ut av "
                      "administrasjonen. Til formannskapet, kommunestyret og pressen går den offentlige versjonen "
                      "(askoy2020 report --audience public).",
                      "Internal version for the chief executive's staff and the leaders. It rates named leader "
                      "positions (goal attainment, 10-FAKTOR per unit) and shows cases per unit, and must not "
                      "leave the administration. The executive committee, the council and the press get the "
                      "public version (askoy2020 report --audience public)."),
    "public_note": ("Offentlig versjon: ingen tall vurderer eller peker ut én leder eller én ansatt. Tall om "
                    "ledere og enheter vises bare samlet over minst {n} enheter, og saker telles per "
                    "programområde bare når de er minst {n} og kommer fra minst {n} enheter.",
                    "Public version: no figure rates or points at one leader or one employee. Figures about "
                    "leaders and units are shown only over at least {n} units, and cases are counted per "
                    "programme area only when there are at least {n} of them from at least {n} units."),
    "withheld": ("Programmet har færre enn {n} enheter, så den offentlige versjonen viser ingen tall om ledere "
                 "eller saker: selv et tall for hele programmet ville peke på én av for få enheter.",
                 "The programme has fewer than {n} units, so the public version shows no figures about leaders or "
                 "cases: even a figure for the whole programme would point at one of too few units."),
    # -- Prestasjonsledelse
    "questionnaire": ("spørreskjema", "questionnaire"),
    "test": ("test", "test"),
    "self_assessment": ("egenvurdering", "self-assessment"),
    "observation": ("observasjon", "observation"),
    "feedback_360": ("360-evaluering", "360 feedback"),
    "kpi": ("nøkkeltall fra driften", "operating figures (KPI)"),
    "leader_goals_line": ("{on} av {total} ledermål er i rute mot {year}.",
                          "{on} of {total} leader goals are on track for {year}."),
    "leader_goals_no_data": ("{n} har ingen måling ennå.", "{n} have no measurement yet."),
    "leader_goals_hidden": ("Færre enn {n} ledere: ledermålene vises ikke samlet.",
                            "Fewer than {n} leaders: the leader goals are not shown."),
    "leader_position": ("Leder (stilling og enhet)", "Leader (position and unit)"),
    "leader_goal": ("Ledermål", "Leader goal"),
    "goal_on_track": ("i rute", "on track"),
    "goal_not_on_track": ("ikke i rute", "not on track"),
    "mastery_heading": ("Mestringsorientert ledelse (10-FAKTOR)", "Mastery-oriented leadership (10-FAKTOR)"),
    "mastery_areas": ("Per programområde", "By programme area"),
    "mastery_units": ("Per enhet (bare i den interne versjonen)", "By unit (internal version only)"),
    "mastery_cell": ("{mean} ({units} enheter)", "{mean} ({units} units)"),
    "pooled_areas": ("Andre programområder ({areas})", "Other programme areas ({areas})"),
    "whole_programme_row": ("Hele programmet", "Whole programme"),
    "too_few_units": ("færre enn {n} enheter", "fewer than {n} units"),
    # -- Kvalitet
    "cases_reported_line": ("{n} saker meldt i {year} til og med {as_of}. Tabellene under gjelder dem.",
                            "{n} cases reported in {year} up to {as_of}. The tables below are about them."),
    "status_on": ("Status per {day}", "Status on {day}"),
    "severity_1": ("1 (ubetydelig)", "1 (negligible)"),
    "severity_5": ("5 (svært alvorlig)", "5 (very serious)"),
    "severity_scale": ("Skala: alvorlighet er konsekvensen, fra 1 (ubetydelig) til 5 (svært alvorlig).",
                       "Scale: severity is the consequence, from 1 (negligible) to 5 (very serious)."),
    "cases_by_area": ("Saker etter programområde", "Cases by programme area"),
    "no_area": ("uten programområde", "no programme area"),
    "cases_units": ("Enheter", "Units"),
    "too_few_cases": ("færre enn {n} saker eller enheter", "fewer than {n} cases or units"),
    "cases_by_unit_internal": ("Saker etter enhet (bare i den interne versjonen)",
                               "Cases by unit (internal version only)"),
    "closed_in_year_line": ("Lukket i {year} til og med {as_of}: {n} saker, av dem {before} meldt før {year}.",
                            "Closed in {year} up to {as_of}: {n} cases, {before} of them reported before {year}."),
    "time_to_close_line": ("Saker meldt i {year}: {closed} er lukket, median {median} dager fra melding til "
                           "lukking. {open} ({share}) er fortsatt åpne, median {age} dager siden melding. "
                           "Medianen for de lukkede alene ser bort fra de åpne, som ofte er de som tar lengst tid.",
                           "Cases reported in {year}: {closed} are closed, median {median} days from report to "
                           "closing. {open} ({share}) are still open, median {age} days since reported. The median "
                           "of the closed ones alone leaves out the open ones, which are often the slowest."),
    "breaches_heading": ("Brudd på personopplysningssikkerheten i {year} ({n} registrert)",
                         "Personal data breaches in {year} ({n} recorded)"),
    "notice_in_time": ("meldt Datatilsynet innen 72 timer", "notified to Datatilsynet within 72 hours"),
    "notice_late_with_reason": ("meldt etter 72 timer, med begrunnelse for forsinkelsen",
                                "notified after 72 hours, with the reason for the delay"),
    "notice_not_notified_with_reason": ("ikke meldt, med begrunnelse (lite sannsynlig risiko, art. 33 nr. 1)",
                                        "not notified, with a reason (unlikely to result in a risk, art. 33(1))"),
    "notice_pending": ("ikke meldt ennå, innenfor 72 timer", "not notified yet, within 72 hours"),
    "notice_late_without_reason": ("meldt for sent uten begrunnelse (i strid med art. 33 nr. 1)",
                                   "notified after 72 hours without a reason – a breach of art. 33(1)"),
    "notice_not_notified_without_reason": ("ikke meldt og uten begrunnelse etter 72 timer (i strid med art. 33 nr. 1)",
                                           "not notified and no reason after 72 hours – a breach of art. 33(1)"),
    "breaches_law": ("Personvernforordningen art. 33 nr. 1: et brudd skal meldes til Datatilsynet uten ugrunnet "
                     "opphold og om mulig senest 72 timer etter at kommunen ble kjent med det, med mindre det er lite "
                     "sannsynlig at bruddet medfører en risiko; en sen melding skal begrunnes.",
                     "GDPR art. 33(1): a breach is notified to Datatilsynet without undue delay and, where feasible, "
                     "within 72 hours of becoming aware of it, unless it is unlikely to result in a risk; a late "
                     "notice must give the reason."),
    "proposals_closed": ("Forbedringsforslag meldt i {year}, lukket",
                         "Improvement proposals reported in {year}, closed"),
    "pdca_line": ("Saker meldt i {year} med fullført PDCA-sirkel (et tiltak utført i hvert trinn: planlegge, "
                  "utføre, kontrollere, korrigere)",
                  "Cases reported in {year} with a completed PDCA cycle (an action carried out in each step: "
                  "plan, do, check, act)"),
    "so_far": ("{year} (hittil i år, til {day})", "{year} (so far, to {day})"),
    "overdue_heading": ("Saker over frist", "Cases past their deadline"),
    "case": ("Sak", "Case"),
    "days_overdue": ("Dager over frist", "Days past deadline"),
    "overdue_public": ("{n} åpne saker er over fristen; den eldste {days} dager. Den offentlige versjonen viser "
                       "ikke hvilke.",
                       "{n} open cases are past their deadline, the oldest by {days} days. The public version "
                       "does not say which."),
    # -- page 1 (the lead's summary): one line per part, with its light
    "headline_leadership": ("Tabell 1 per kull: {cohorts}. {levels} av 4 evalueringsnivåer har resultater "
                            "(i {year}: {levels_year})",
                            "Table 1 per cohort: {cohorts}. {levels} of 4 evaluation levels have results "
                            "(in {year}: {levels_year})"),
    "headline_cohort": ("{cohort} nivå 3 {behaviour}, nivå 4 {results}",
                        "{cohort} level 3 {behaviour}, level 4 {results}"),
    "level_trend_better": ("bedre", "better"),
    "level_trend_worse": ("dårligere", "worse"),
    "level_trend_mixed": ("både bedre og dårligere", "both better and worse"),
    "level_trend_none": ("ingen måling før og etter ennå", "no before and after yet"),
    "level_trend_no_before": ("ingen måling før programmet", "no measurement before the programme"),
    "level_trend_not_comparable": ("ikke målt før og etter i alle kullene",
                                   "not measured before and after in every cohort"),
    "headline_leader_goals": ("Ledernes enhetsmål, ett av tegnene på nivå 4: {on} av {with_data} med måling er i "
                              "rute mot {year}",
                              "The leaders' unit goals, one of level 4's indicators: {on} of {with_data} with a "
                              "measurement are on track for {year}"),
    "headline_quality": ("{open} åpne saker, {overdue} over frist; {unlawful} av {breaches} personvernbrudd i "
                         "{year} meldt for sent eller ikke meldt, uten begrunnelse",
                         "{open} open cases, {overdue} past their deadline; {unlawful} of {breaches} personal "
                         "data breaches in {year} notified late or not notified, without a reason"),
    "areas_withheld": ("Programområdene samlet", "The programme areas together"),
}
