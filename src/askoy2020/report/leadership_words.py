"""Words of the Prestasjonsledelse section (nb, en): Tabell 1 per cohort,
the five leader aims, 10-FAKTOR; joined into the report's words in :mod:`.i18n`."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # -- Tabell 1
    "table1_heading": ("Tabell 1: evaluering på fire nivåer per kull, år for år",
                       "Table 1: evaluation on four levels per cohort, year by year"),
    "table1_programme": ("Hele programmet ({ids}): {leaders} ledere", "Whole programme ({ids}): {leaders} leaders"),
    "table1_cohort": ("Kull {start} ({id}): {leaders} ledere", "Cohort {start} ({id}): {leaders} leaders"),
    "table1_sessions": ("{n} samlinger til og med {year}", "{n} sessions up to {year}"),
    "table1_pooled": ("Kull slått sammen ({ids}): {leaders} ledere", "Cohorts pooled ({ids}): {leaders} leaders"),
    "change_over_period": ("Endring i perioden", "Change over the period"),
    "table1_evidence": ("Resultat (snitt av skalaen, antall svar)", "Result (mean on the scale, respondents)"),
    "table1_no_evidence": ("ingen resultater ennå", "no results yet"),
    "no_cohorts": ("Ingen kull er registrert ennå (cohorts/). Tabell 1 føres per kull: «askoy2020 new cohort».",
                   "No cohort is recorded yet (cohorts/). Table 1 is kept per cohort: 'askoy2020 new cohort'."),
    "cohorts_left_out": ("{n} kull med færre enn {k} ledere vises ikke for seg og har ingen å slås sammen med; "
                         "de er med i tallene for hele programmet.",
                         "{n} cohorts with fewer than {k} leaders are not shown on their own and have none to be "
                         "pooled with; they are in the figures for the whole programme."),
    "evidence_scale": ("{what}: {mean} av {scale} (n = {n})", "{what}: {mean} of {scale} (n = {n})"),
    "evidence_kpi": ("{what}: {mean}{unit}", "{what}: {mean}{unit}"),
    "evidence_kpi_n": ("{what}: {mean}{unit} (n = {n})", "{what}: {mean}{unit} (n = {n})"),
    "change_cell": ("{what}: {before} ({before_year}) → {after} ({after_year})",
                    "{what}: {before} ({before_year}) → {after} ({after_year})"),
    "change_better": ("bedre", "better"),
    "change_worse": ("dårligere", "worse"),
    "change_same": ("uendret", "unchanged"),
    "area_goals_change": ("{improved} av {measured} områdemål har gått i ønsket retning",
                          "{improved} of {measured} area goals moved the wanted way"),
    "without_before": ("{cohorts}: ingen måling før programmet", "{cohorts}: no measurement before the programme"),
    "without_before_one": ("ingen måling før programmet", "no measurement before the programme"),
    "not_comparable": ("{cohorts}: ikke målt før og etter i alle kullene, så ingen endring vises",
                       "{cohorts}: not measured before and after in every cohort, so no change is shown"),
    "not_comparable_one": ("ikke målt før og etter i alle kullene, så ingen endring vises",
                           "not measured before and after in every cohort, so no change is shown"),
    "leader_aims_mean": ("de fem lederområdene, snitt", "the five leader aims, mean"),
    "aims_mean_self_assessment": ("egenvurdering per lederområde, snitt", "self-assessment per leader aim, mean"),
    "aims_mean_test": ("test per lederområde, snitt", "test per leader aim, mean"),
    "self_assessment_overall": ("egenvurdering samlet", "self-assessment overall"),
    "test_overall": ("test samlet", "test overall"),
    "employee_survey": ("medarbeiderundersøkelse", "employee survey"),
    "table1_reading": ("Hver celle er kullets samlede resultat det året: snitt på verktøyets skala og antall svar "
                       "(n). Nivå 1 er deltakernes spørreskjema etter hver samling; nivå 2 er test eller "
                       "egenvurdering per lederområde (snittet av de fem; hvert område i tabellen under) – en "
                       "egenvurdering er ledernes eget syn og svakere bevis enn en test; nivå 3 "
                       "er samme verktøy før og etter (360-evaluering eller medarbeiderundersøkelse), og endringen "
                       "vises per kull, så før og etter gjelder de samme lederne; nivå 4 er "
                       "regnet ut fra enhetenes nøkkeltall – ledernes enhetsmål, 10-FAKTOR mestringsorientert "
                       "ledelse (vektet etter antall svar, samme enheter før og etter) og programområdenes mål – "
                       "som endring over perioden. Ingen verdi bygger på færre enn {n} svar.",
                       "Each cell is the cohort's result that year: the mean on the instrument's scale and the "
                       "number of respondents (n). Level 1 is the participants' questionnaire after each session; "
                       "level 2 is a test or self-assessment per leader aim (the mean of the five; each aim in the "
                       "table below) – a self-assessment is the leaders' own view and weaker evidence than a test; "
                       "level 3 is the same instrument before and after (360 feedback or an employee survey), and "
                       "its change is told per cohort, so before and after are the same leaders; level 4 is "
                       "computed from the units' figures – the leaders' unit goals, "
                       "10-FAKTOR mastery-oriented leadership (weighted by respondents, the same units before and "
                       "after) and the programme areas' goals – as the change over the period. No figure rests on "
                       "fewer than {n} respondents."),
    "table1_public": ("Et kull vises for seg bare med minst {n} ledere i {n} enheter; nivå 4 bare over minst "
                      "{n} ledere i {n} enheter, og for hele programmet bare der kullene som vises, ikke lar "
                      "færre enn {n} ledere bli igjen.",
                      "A cohort is shown on its own only with at least {n} leaders in {n} units; level 4 only over "
                      "at least {n} leaders in {n} units, and for the whole programme only where the cohorts "
                      "shown leave no fewer than {n} leaders over."),
    "aims_heading": ("De fem lederområdene (ledermålene i Prestasjonsledelse 2020)",
                     "The five leader aims (competence areas of Prestasjonsledelse 2020)"),
    "aim": ("Lederområde", "Leader aim"),
    "aims_reading": ("Snitt av ledernes egenvurdering eller test (1–5) for kullet, med antall ledere som svarte. "
                     "Enkeltlederes vurderinger lagres ikke (personvernforordningen art. 5 nr. 1 bokstav c og e).",
                     "Mean of the leaders' self-assessment or test (1–5) for the cohort, with the number of leaders "
                     "who answered. Single leaders' assessments are not kept (GDPR art. 5(1)(c) and (e))."),
    "goals_and_results": ("fastsetter mål og følger opp resultater", "sets goals and follows up results"),
    "projects_and_actions": ("gjennomfører prosjekter og aksjoner", "carries out projects and actions"),
    "improvement_work": ("tilrettelegger for forbedringsarbeid", "makes room for improvement work"),
    "communication_and_relations": ("kommunikasjon og relasjoner", "communication and relations"),
    "methods_and_routines": ("følger metoder, prosedyrer og rutiner", "follows methods, procedures and routines"),
    "appraisal_left": ("{n} lederposter har fortsatt vurderingsdata om enkeltledere (ASK710); de er ikke brukt "
                       "her. Kjør «askoy2020 migrate leaders».",
                       "{n} leader records still hold appraisal data about single leaders (ASK710); they are not "
                       "used here. Run 'askoy2020 migrate leaders'."),
    # -- 10-FAKTOR
    "survey_heading": ("Svar, resultat og oppfølging per undersøkelse", "Responses, result and follow-up per survey"),
    "survey_year": ("År", "Year"),
    "survey_units": ("Enheter med resultat", "Units with a result"),
    "survey_rate": ("Svarprosent (svar av inviterte)", "Response rate (answers of invited)"),
    "survey_rate_cell": ("{rate} ({answered} av {invited})", "{rate} ({answered} of {invited})"),
    "survey_mastery": ("Mestringsorientert ledelse, vektet", "Mastery-oriented leadership, weighted"),
    "survey_mastery_cell": ("{mean} ({units} enheter)", "{mean} ({units} units)"),
    "survey_municipality": ("Kommunen", "Municipality"),
    "survey_national": ("Nasjonalt", "National"),
    "survey_follow_up": ("Enheter med valgt oppfølging", "Units with a chosen follow-up"),
    "survey_actions": ("Tiltak (utført)", "Actions (done)"),
    "survey_actions_cell": ("{n} ({done})", "{n} ({done})"),
    "survey_reading": ("Svarprosenten gjelder enhetene som har oppgitt antall inviterte. Kommunens tall er fra "
                       "KS' rapport for hele kommunen, med kommunens svarprosent i parentes.",
                       "The response rate is over the units that give the number invited. The municipality's "
                       "figure is from KS's report for the whole municipality, with its response rate in "
                       "brackets."),
    "no_national": ("Nasjonale tall er ikke oppgitt: det er ikke funnet publiserte nasjonale snitt, så rapporten "
                    "sammenligner bare med kommunen.",
                    "No national figures are given: no published national averages were found, so the report "
                    "compares with the municipality only."),
    "factors_chosen": ("Faktorer enhetene valgte å jobbe med etter {year} (antall enheter):",
                       "Factors the units chose to work on after {year} (number of units):"),
    "factor_count": ("{factor} {n}", "{factor} {n}"),
    "factor_pooled": ("andre faktorer ({factors}) til sammen {n}", "other factors ({factors}) together {n}"),
    "factor_pooled_all": ("{factors} til sammen {n}", "{factors} together {n}"),
    "factor_pool_reading": ("Faktorer som færre enn {n} enheter valgte, telles sammen, så ingen liten telling kan "
                            "regnes ut av de andre.",
                            "Factors fewer than {n} units chose are counted together, so that no small count can be "
                            "worked out from the others."),
    "follow_up_units": ("Oppfølging per enhet (bare i den interne versjonen)",
                        "Follow-up by unit (internal version only)"),
    "follow_up_factors": ("Valgte faktorer", "Factors chosen"),
    "follow_up_respondents": ("Svar (inviterte)", "Answers (invited)"),
    "task_motivation": ("oppgavemotivasjon", "task motivation"),
    "mastery_belief": ("mestringstro", "mastery belief"),
    "autonomy": ("opplevd selvstendighet", "autonomy"),
    "use_of_competence": ("bruk av kompetanse", "use of competence"),
    "mastery_oriented_leadership": ("mestringsorientert ledelse", "mastery-oriented leadership"),
    "role_clarity": ("rolleklarhet", "role clarity"),
    "competence_development": ("relevant kompetanseutvikling", "relevant competence development"),
    "flexibility": ("fleksibilitetsvilje", "flexibility"),
    "mastery_climate": ("mestringsklima", "mastery climate"),
    "prosocial_motivation": ("nyttemotivasjon", "prosocial motivation"),
    "mastery_weighted_scale": ("Skala: 10-FAKTOR er KS' medarbeiderundersøkelse; hver faktor besvares fra 1 (svært "
                               "uenig) til 5 (svært enig). Tallet er snittet for faktoren mestringsorientert ledelse "
                               "over enhetene, vektet etter antall svar. En enhet regnes bare med når minst {n} "
                               "medarbeidere har svart (KS' regel). Et programområde vises for seg bare når det har "
                               "minst {n} enheter med resultat hvert år; de andre er slått sammen.",
                               "Scale: 10-FAKTOR is KS's employee survey; each factor is answered from 1 (strongly "
                               "disagree) to 5 (strongly agree). The figure is the mean for the factor "
                               "mastery-oriented leadership over the units, weighted by respondents. A unit counts "
                               "only when at least {n} employees answered (KS's rule). A programme area is shown on "
                               "its own only with at least {n} units with results every year; the others are "
                               "pooled."),
}
