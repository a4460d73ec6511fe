"""Words of the report's money section and the summary's budget chart (nb, en)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "money_units": (
        "Alle beløp er i 1000 kr (tall i tusen), bemanning i årsverk. Drift og investering holdes adskilt og "
        "summeres aldri sammen. Avvik er prognose minus budsjett: + er merforbruk, − er mindreforbruk.",
        "All amounts are in 1000 kr (thousands of kroner), staff in årsverk (full-time equivalents). Operating "
        "(drift) and investment are kept apart and never added together. A deviation is forecast minus budget: "
        "+ is an overspend, − an underspend."),
    "word_drift": ("drift", "operating"),
    "word_investment": ("investering", "investment"),
    "word_staff": ("årsverk", "staff"),
    # the round's years per area
    "area_years": ("Rammer og budsjett per programområde {first}–{last}",
                   "Frames and budget per programme area {first}–{last}"),
    "area_years_counted": (
        "Budsjett er prosjektenes budsjett med vedtatte justeringer. For år før {open} er det alle prosjekter i "
        "det vedtatte budsjettet; et avlyst prosjekt regnes med for år det har regnskap. Fra {open} regnes bare "
        "prosjekter som er i gang eller fullført, låst ved vedtak eller lovpålagte. De øvrige planlagte "
        "prosjektene er kandidater som prioriteringen tar stilling til; de står for seg og er ikke med i "
        "budsjettet.",
        "The budget is the projects' budgets with the revisions decided. For years before {open} it holds every "
        "project in the adopted budget; a cancelled project counts for the years it has actuals. From {open} "
        "only projects that are under way or completed, locked by decision or mandatory count. The other "
        "planned projects are candidates that prioritisation decides on; they are shown apart and are not in "
        "the budget."),
    "area_years_columns": (
        "Udisponert er revidert ramme minus budsjett: − betyr at budsjettet er over rammen. Regnskap og "
        "prognose finnes bare for år der et tertial er avsluttet.",
        "Unallocated is the revised frame minus the budget: − means the budget is over the frame. Actuals and "
        "forecasts exist only for years in which a tertial has closed."),
    "area_years_plan": ("Hvilke kandidater som foreslås tatt inn, står i kapittel {n} (plan {plan}).",
                        "Section {n} (plan {plan}) shows which candidates are proposed."),
    "col_adopted_frame": ("Vedtatt ramme", "Adopted frame"),
    "col_revised_frame": ("Revidert ramme", "Revised frame"),
    "col_budget": ("Budsjett", "Budget"),
    "col_unallocated": ("Udisponert", "Unallocated"),
    "col_candidates": ("Kandidater", "Candidates"),
    "col_staff_budget": ("Årsverk i budsjettet", "Staff in the budget"),
    # the report year per area and per project
    "col_over_frame": ("Prognose mot ramme (+ over)", "Forecast against frame (+ over)"),
    "project_table": ("Budsjett, regnskap og prognose {year} per prosjekt",
                      "Budget, actuals and forecast {year} per project"),
    "col_adopted_budget": ("Vedtatt budsjett", "Adopted budget"),
    "unreported": ("Uten prognose for {period}: {projects}. Budsjettet er brukt som prognose i summene.",
                   "No forecast for {period}: {projects}. The sums count them at their budget as forecast."),
    # deviations and decisions
    "deviations": ("Avvik over terskelen", "Deviations above the threshold"),
    "deviations_rule": (
        "Et prosjekt er med når prognosen avviker fra revidert budsjett med mer enn {share} og med mer enn "
        "{amount} kr, enten det er merforbruk eller mindreforbruk. Det er den samme terskelen som "
        "valideringen bruker.",
        "A project is listed when its forecast differs from its revised budget by more than {share} and by more "
        "than {amount} kr, overspend and underspend alike. Validation uses the same threshold."),
    "deviations_rule_closed": (
        "Året er avsluttet, så prognosen er regnskapet. Et prosjekt er med når regnskapet avviker fra revidert "
        "budsjett med mer enn {share} og med mer enn {amount} kr, enten det er merforbruk eller mindreforbruk.",
        "The year is closed, so the forecast is the accounts. A project is listed when its accounts differ from "
        "its revised budget by more than {share} and by more than {amount} kr, overspend and underspend alike."),
    "closed_no_decision": (
        "Året er avsluttet: avvikene forklares i årsmeldingen, og budsjettet for året kan ikke lenger endres.",
        "The year is closed: the deviations are explained in the annual report, and the year's budget can no "
        "longer be changed."),
    "actual_year": ("Regnskap", "Actual"),
    "col_deviation_share": ("Avvik i prosent", "Deviation in per cent"),
    "col_explanation": ("Forklaring", "Explanation"),
    "no_explanation": ("mangler forklaring", "no explanation given"),
    "no_deviations": ("Ingen prosjekter avviker fra budsjettet med mer enn terskelen.",
                      "No project deviates from its budget by more than the threshold."),
    "no_forecast_yet": ("Ingen tertial i {year} er avsluttet ennå, så det finnes ingen prognose å måle avvik mot.",
                        "No tertial of {year} has closed yet, so there is no forecast to measure deviations by."),
    "frame_overruns": ("Prognosen er over rammen med mer enn terskelen:",
                       "The forecast is over the frame by more than the threshold:"),
    "frame_overrun_line": ("{scope}, {kind}: prognose {forecast} mot revidert ramme {frame}, {over} over rammen",
                           "{scope}, {kind}: forecast {forecast} against the revised frame {frame}, {over} over it"),
    "changes_heading": ("Budsjettendringer", "Budget changes"),
    "changes_decided": ("Vedtatt fra {start} til {end}:", "Decided from {start} to {end}:"),
    "no_changes_decided": ("Ingen budsjettendringer er vedtatt fra {start} til {end}.",
                           "No budget changes were decided from {start} to {end}."),
    "col_date": ("Dato", "Date"),
    "col_decision": ("Vedtak", "Decision"),
    "col_applies_to": ("Gjelder", "Applies to"),
    "col_what": ("Hva", "What"),
    "what_frame": ("ramme", "frame"),
    "what_budget": ("budsjett", "budget"),
    "col_before": ("Før", "Before"),
    "col_after": ("Etter", "After"),
    "col_change": ("Endring", "Change"),
    "proposals": ("Til vedtak", "For decision"),
    "proposals_intro": (
        "Avvikene over terskelen trenger et vedtak: en budsjettjustering til prognosen (ved mindreforbruk også om "
        "midlene skal flyttes til neste år), eller tiltak slik at budsjettet holdes.",
        "The deviations above the threshold need a decision: a budget revision to the forecast (for an underspend, "
        "also whether the money moves to next year), or measures so that the budget holds."),
    "proposal_project": ("{project} {name}, {kind} {year}: budsjettet fra {before} til {after} ({change})",
                         "{project} {name}, {kind} {year}: the budget from {before} to {after} ({change})"),
    "proposal_frame": (
        "{scope}, {kind} {year}: prognosen er {over} over rammen på {frame}. Rammen må økes, eller tiltak eller "
        "omdisponering må dekke merforbruket.",
        "{scope}, {kind} {year}: the forecast is {over} over the frame of {frame}. The frame must be raised, or "
        "measures or a reallocation must cover the overspend."),
    "no_proposals": ("Ingen avvik trenger vedtak.", "No deviation needs a decision."),
    # investments
    "investments": ("Investeringer og finansiering {first}–{last}", "Investments and financing {first}–{last}"),
    "investments_intro": (
        "Prosjektene i budsjettet som har investeringer, per år med finansiering (1000 kr). Lån er bruk av lån, "
        "tilskudd er for eksempel investeringstilskudd fra Husbanken, og fond er bruk av fond og egenkapital. "
        "Summen av lån per år er lånebehovet.",
        "The projects in the budget with investments, per year with their financing (1000 kr). Loans are "
        "borrowing, grants for example Husbanken's investment grant, and funds are the use of funds and equity. "
        "The loans summed per year are the borrowing need."),
    "col_investment": ("Investering (1000 kr)", "Investment (1000 kr)"),
    "col_loan": ("Lån", "Loans"),
    "col_grants": ("Tilskudd", "Grants"),
    "col_vat": ("Momskompensasjon", "VAT compensation"),
    "col_funds": ("Fond", "Funds"),
    "sum_year": ("Sum {year}", "Total {year}"),
    "unfinanced": ("{project} {year}: budsjettet er {budget}, men finansieringen er {financed}; finansieringen må "
                   "justeres.",
                   "{project} {year}: the budget is {budget}, but the financing is {financed}; the financing must "
                   "be adjusted."),
    "no_investments": ("Ingen prosjekter i budsjettet har investeringer i {first}–{last}.",
                       "No project in the budget has investments in {first}–{last}."),
    # gains
    "benefits_intro": (
        "Planlagte gevinster mot realiserte for årene som er avsluttet, og planlagte gevinster for {first}–{last} "
        "med hvor mye som er tatt ut av rammene (uttak ved vedtak). Gevinster fra kandidater og avlyste "
        "prosjekter regnes ikke som planlagt. Et uttak står på programområdet som fikk rammen redusert.",
        "Planned gains against realised ones for the years that have ended, and planned gains for {first}–{last} "
        "with how much has been taken out of the frames (by decision). Gains of candidates and cancelled "
        "projects are not counted as planned. A take-out is shown for the area whose frame was lowered."),
    "col_planned_to": ("Planlagt t.o.m. {year}", "Planned to {year}"),
    "col_realised_to": ("Realisert t.o.m. {year}", "Realised to {year}"),
    "col_realised_share": ("Realisert andel", "Share realised"),
    "col_taken_to": ("Tatt ut t.o.m. {year}", "Taken out to {year}"),
    "col_planned_span": ("Planlagt {first}–{last}", "Planned {first}–{last}"),
    "col_taken_span": ("Tatt ut {first}–{last}", "Taken out {first}–{last}"),
    "col_not_taken_span": ("Ikke tatt ut {first}–{last}", "Not taken out {first}–{last}"),
    "quality_gains": ("Kvalitetsgevinster, målt med målets indikator",
                      "Quality gains, measured by the goal's indicator"),
    "col_planned_year": ("Planlagt {year}", "Planned {year}"),
    "col_newest_realised": ("Sist realisert", "Latest realised"),
    # the summary's budget chart
    "chart_budget": ("Revidert budsjett", "Revised budget"),
    "chart_candidates": ("Kandidater (ikke i budsjettet)", "Candidates (not in the budget)"),
    "chart_actual": ("Regnskap hittil", "Actual to date"),
    "chart_forecast": ("Prognose", "Forecast"),
    "chart_frame": ("Ramme (revidert)", "Frame (revised)"),
    "chart_frame_value": ("ramme {frame}", "frame {frame}"),
    "chart_candidates_short": ("kandidater ber om {amount} i tillegg", "candidates ask {amount} more"),
    "chart_no_frame": ("ingen ramme", "no frame"),
    "chart_title_drift": ("Drift per år: budsjett, regnskap og prognose mot ramme (1000 kr)",
                          "Operating per year: budget, actuals and forecast against the frame (1000 kr)"),
    "chart_title_investment": ("Investering per år: budsjett, regnskap og prognose mot ramme (1000 kr)",
                               "Investment per year: budget, actuals and forecast against the frame (1000 kr)"),
    "chart_caption": (
        "Søylene viser revidert budsjett, det kandidatene ber om (ikke i budsjettet), regnskap hittil og "
        "prognose; streken er revidert ramme, og rammen står under året. Regnskap og prognose finnes bare for "
        "år der et tertial er avsluttet.",
        "The bars show the revised budget, what candidates ask for (not in the budget), actuals to date and the "
        "forecast; the line is the revised frame, printed under the year. Actuals and forecasts exist only for "
        "years in which a tertial has closed."),
    "not_in_areas_lead": ("Av programmets ramme er dette ikke fordelt på noe programområde:",
                          "Of the programme's frame, this is given to no programme area:"),
    "year_amount": ("{amount} i {year}", "{amount} in {year}"),
}
