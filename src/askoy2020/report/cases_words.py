"""Words of Kvalitet's volumes, service design projects and improvement
effect (report/cases.py): key -> (bokmål, English)."""

from __future__ import annotations

_MONTHS_NB = ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
              "november", "desember")
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December")

WORDS: dict[str, tuple[str, str]] = {
    "hms_deviation": ("HMS-avvik", "HMS deviation"),
    "volumes_heading": ("Volum fra kvalitetssystemet", "Volumes from the quality system"),
    "volumes_intro": ("Tallene i dette avsnittet er antall saker registrert i kvalitetssystemet ({sources}), telt "
                      "per enhet, type, alvorlighetsgrad og måned og hentet inn med «askoy2020 import cases». "
                      "Ingen sakstekst er lagret i programmet. Sakene lenger ned er programmets egen oppfølging av "
                      "enkeltsaker; de to telles hver for seg og legges aldri sammen.",
                      "The figures in this section are the numbers of cases registered in the quality system "
                      "({sources}), counted per unit, kind, severity and month and brought in with 'askoy2020 "
                      "import cases'. No case text is kept by the programme. The cases further down are the "
                      "programme's own follow-up of single cases; the two are counted apart and never added "
                      "together."),
    "volumes_year_line": ("I {year} til og med {last}: {total} saker, av dem {dev} avvik i tjenesten (pasient- og "
                          "brukeravvik), {hms} HMS-avvik (de ansattes helse, miljø og sikkerhet) og {complaints} "
                          "klager.",
                          "In {year} up to {last}: {total} cases, {dev} of them deviations in the service "
                          "(patient and user deviations), {hms} HMS deviations (employees' health, environment "
                          "and safety) and {complaints} complaints."),
    "volumes_none": ("Ingen saker er telt i kvalitetssystemet for {year}.",
                     "No cases are counted in the quality system for {year}."),
    "volumes_by_kind": ("Saker i kvalitetssystemet etter type og år", "Cases in the quality system by kind and year"),
    "volumes_by_month": ("Saker per måned i {year}", "Cases per month in {year}"),
    "month": ("Måned", "Month"),
    "deviations_col": ("Avvik i tjenesten", "Service deviations"),
    "hms_col": ("HMS-avvik", "HMS deviations"),
    "others_col": ("Andre saker", "Other cases"),
    "complaints_col": ("Klager", "Complaints"),
    "volumes_total": ("I alt", "Total"),
    "volumes_by_severity": ("Avvik etter alvorlighetsgrad i {year}", "Deviations by severity in {year}"),
    "volumes_by_area": ("Saker i kvalitetssystemet etter programområde i {year}",
                        "Cases in the quality system by programme area in {year}"),
    "volumes_too_few": ("færre enn {n}", "fewer than {n}"),
    "volumes_too_few_units": ("færre enn {n} enheter", "fewer than {n} units"),
    "volumes_withheld": ("Tallene for {year} vises ikke i den offentlige versjonen: sakene i kvalitetssystemet er "
                         "fra færre enn {n} enheter eller færre enn {n} saker, og selv et tall for hele programmet "
                         "ville peke på én av dem.",
                         "The figures for {year} are not shown in the public version: the cases in the quality "
                         "system are from fewer than {n} units or fewer than {n} cases, and even a figure for the "
                         "whole programme would point at one of them."),
    "volumes_years_note": ("Et år med saker fra færre enn {n} enheter eller færre enn {n} saker vises ikke i den "
                           "offentlige versjonen.",
                           "A year with cases from fewer than {n} units or fewer than {n} cases is not shown in the "
                           "public version."),
    "cases_withheld": ("Programmets egne saker vises ikke i den offentlige versjonen: de gjelder færre enn {n} "
                       "enheter, og selv et tall for hele programmet ville peke på én av dem.",
                       "The programme's own cases are not shown in the public version: they concern fewer than {n} "
                       "units, and even a figure for the whole programme would point at one of them."),
    "volumes_areas_note": ("I den offentlige versjonen er et programområde med færre enn {n} enheter eller {n} saker "
                           "slått sammen med andre.",
                           "In the public version, a programme area with fewer than {n} units or {n} cases is pooled "
                           "with others."),
    "volumes_by_unit_internal": ("Saker i kvalitetssystemet etter enhet i {year} (bare i den interne versjonen)",
                                 "Cases in the quality system by unit in {year} (internal version only)"),
    "follow_up_heading": ("Programmets oppfølging av enkeltsaker", "The programme's follow-up of single cases"),
    "service_design_heading": ("Tjenestedesign i prosjektene", "Service design in the projects"),
    "counted_to": ("{year} (januar–{last})", "{year} (January–{last})"),
    "service_design_projects_line": ("{n} prosjekter bruker tjenestedesign som metode; {with_users} av dem har "
                                     "registrert brukermedvirkning, til sammen {users} brukere.",
                                     "{n} projects are run with service design; {with_users} of them have recorded "
                                     "user involvement, {users} users in all."),
    "service_design_none": ("Ingen prosjekter drives med tjenestedesign.", "No project is run with service design."),
    "users_involved": ("Brukere som har medvirket", "Users involved"),
    "effect_line": ("Av {closed} saker lukket i {year} som skulle rette eller forbedre noe (alle typer unntatt "
                    "klager), har {measured} ({share}) målt effekt av tiltaket (en kontroll med målt resultat), og "
                    "{pdca} har fullført PDCA-sirkel (et tiltak utført i hvert trinn).",
                    "Of {closed} cases closed in {year} that were to correct or improve something (every kind but "
                    "complaints), {measured} ({share}) measured the effect of the action (a check with a measured "
                    "result), and {pdca} completed a PDCA cycle (an action carried out in each step)."),
    **{f"month_{i}": (nb, en) for i, (nb, en) in enumerate(zip(_MONTHS_NB, _MONTHS_EN, strict=True), start=1)},
}
