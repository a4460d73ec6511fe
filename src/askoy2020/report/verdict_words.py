"""Words of page 1 (the verdict), in bokmål and English."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "verdict": ("Status for Askøy 2020 per {as_of}", "Status of Askøy 2020 as of {as_of}"),
    "verdict_parts": ("Delprogram", "Part"),
    "verdict_light": ("Vurdering", "Assessment"),
    "verdict_trend": ("Siden forrige rapport", "Since the previous report"),
    "verdict_what": ("Kort status", "In short"),
    "trend_better": ("bedre", "better"),
    "trend_same": ("uendret", "unchanged"),
    "trend_worse": ("forverret", "worse"),
    "trend_none": ("ingen tidligere rapport", "no earlier report"),
    "light_green": ("● grønn", "● green"),
    "light_amber": ("▲ gul", "▲ amber"),
    "light_red": ("■ rød", "■ red"),
    "verdict_omstilling": ("{on} av {measured} målte mål er i rute; av {active} pågående prosjekter er {red} "
                           "{red_word} og {late} forsinket.",
                           "{on} of {measured} measured goals are on track; of {active} active projects {red} "
                           "{red_word} red and {late} late."),
    "red_one": ("rødt", "is"),
    "red_many": ("røde", "are"),
    "verdict_paused": ("{n} prosjekter er satt på vent.", "{n} projects are paused."),
    "verdict_paused_one": ("1 prosjekt er satt på vent.", "1 project is paused."),
    "million": ("{amount} mill. kr", "NOK {amount} million"),
    "point_cause": ("{project} ventes {over} over revidert budsjett ({budget})",
                    "{project} is expected {over} over its revised budget ({budget})"),
    "point_paused_stale": ("{project} er satt på vent, og planlagt slutt {end} er passert uten ny plan. Prosjektet "
                           "må få ny plan og kostnad for å kunne prioriteres, eller avsluttes.",
                           "{project} is paused, and its planned end {end} has passed with no new plan. It needs a "
                           "new plan and cost to be prioritised, or it ends."),
    "point_project_underspend": ("{project}: prognosen for {kind} er {over} under revidert budsjett ({budget}); "
                                 "ubrukte midler flyttes til neste år eller trekkes inn.",
                                 "{project}: the {kind} forecast is {over} under the revised budget ({budget}); "
                                 "unused money is moved to next year or withdrawn."),
    "verdict_money": ("Økonomi {year} (1000 kr)", "Finances {year} (1000 kr)"),
    "verdict_points": ("Saker møtet må avgjøre eller kjenne til", "What the meeting must decide or know"),
    "point_decide": ("Til beslutning", "To decide"),
    "point_know": ("Til orientering", "To know"),
    "points_more": ("… og {n} saker til i kapitlene under.", "… and {n} more in the chapters below."),
    "points_more_one": ("… og 1 sak til i kapitlene under.", "… and 1 more in the chapters below."),
    "money_actual_at": ("Regnskap per {day}", "Actual to {day}"),
    "money_forecast_after": ("Prognose etter {period}", "Forecast after {period}"),
    "money_unreported": ("Uten tall for {period}: {projects}; budsjettet er brukt som prognose.",
                         "No figures for {period}: {projects}; the budget is used as the forecast."),
    "verdict_quality_none": ("{open} åpne saker, {overdue} over frist; ingen personvernbrudd i {year}.",
                             "{open} open cases, {overdue} past their deadline; no personal data breaches in {year}."),
    "verdict_quality_lawful": ("{open} åpne saker, {overdue} over frist; alle {breaches} personvernbrudd i {year} er "
                               "meldt innen 72 timer eller har begrunnelse.",
                               "{open} open cases, {overdue} past their deadline; all {breaches} personal data "
                               "breaches in {year} were notified within 72 hours or have a reason."),
    "points_none": ("Ingen saker krever beslutning.", "Nothing needs a decision."),
    "see_section": ("se kapittel {n}", "see chapter {n}"),
    "kind_word_drift": ("drift", "operating"),
    "kind_word_investment": ("investering", "investment"),
    "point_area_over_frame": ("Programområde {area}: prognosen for {kind} er {over} over rammen på {frame}, og må "
                              "dekkes ved omdisponering eller budsjettendring.",
                              "Programme area {area}: the {kind} forecast is {over} over its frame of {frame}, to be "
                              "covered by moving money or a budget change."),
    "point_project_overrun": ("{project}: prognosen for {kind} er {over} over revidert budsjett ({budget}).",
                              "{project}: the {kind} forecast is {over} over the revised budget ({budget})."),
    "point_refused": ("{n} forslag får ikke plass innenfor rammene for {year}; de ville koste {cost} i drift det "
                      "første året.",
                      "{n} proposals do not fit the frames for {year}; they would cost {cost} in operating the "
                      "first year."),
    "point_breach": ("{n} personvernbrudd er meldt Datatilsynet etter fristen på 72 timer, eller ikke meldt, uten "
                     "begrunnelse (personvernforordningen art. 33 nr. 1).",
                     "{n} personal data breaches were notified to Datatilsynet after 72 hours, or not at all, without "
                     "a reason (GDPR art. 33(1))."),
    "point_late_pushes": ("{project} er {days} dager forsinket og skyver {pushed}.",
                          "{project} is {days} days late and pushes {pushed}."),
    "point_red_projects": ("Røde prosjekter: {projects}.", "Red projects: {projects}."),
    "point_goals_off_track": ("{off} av {measured} målte mål er bak plan.",
                              "{off} of {measured} measured goals are behind."),
    "started": ("startet", "started"),
    "finished": ("avsluttet", "finished"),
    "light_changed": ("ny statusfarge", "new status colour"),
    "changes_previous": ("Endringer siden {label}", "Changes since {label}"),
    "compared_with": ("Sammenlignet med {label} (data per {as_of}, {source}).",
                      "Compared with {label} (data as of {as_of}, {source})."),
    "source_tag": ("fra git-taggen {rev}", "from the git tag {rev}"),
    "source_commit": ("fra git-versjonen {rev}", "from the git revision {rev}"),
    "source_same": ("tallene slik de var registrert da{rev}", "the figures as recorded then{rev}"),
    "period_label_T1": ("1. tertial {year}", "the 1st tertial {year}"),
    "period_label_T2": ("2. tertial {year}", "the 2nd tertial {year}"),
    "period_label_T3": ("årsrapporten {year}", "the annual report {year}"),
    "attention": ("Prosjekter som trenger oppmerksomhet", "Projects that need attention"),
    "attention_none": ("Ingen pågående prosjekter er røde, forsinket eller glir ut.",
                       "No running project is red, late or slipping."),
    "why": ("Årsak", "Why"),
    "why_red": ("rød status", "red status"),
    "why_late": ("forsinket", "late"),
    "why_slipping": ("glir ut", "slipping"),
    "planned_end": ("Planlagt ferdig", "Planned end"),
    "forecast_end": ("Forventet ferdig", "Forecast end"),
    "pushed_days": ("{project} (+{days} dager)", "{project} (+{days} days)"),
    "slipped_by": ("{days} dager senere enn ved forrige rapport", "{days} days later than at the previous report"),
    "status_comment": ("Siste statuskommentar", "Latest status comment"),
    "pushes_short": ("Forsinker", "Pushes"),
    "stale": ("eldre enn et halvt år", "older than half a year"),
    "end_passed": ("ikke satt; planlagt dato er passert", "not given; the planned date has passed"),
}
