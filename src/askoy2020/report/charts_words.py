"""Words of the report's charts: legends and the text alternatives that
state each chart's main message (charts_text.py puts them together).

A key ending in ``_one`` has a twin ending in ``_many``: charts_text.plural
picks by the number, so Norwegian gets "1 prosjekt" and "2 prosjekter".
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # counted nouns
    "projects_one": ("{n} prosjekt", "{n} project"),
    "projects_many": ("{n} prosjekter", "{n} projects"),
    "days_one": ("{n} dag", "{n} day"),
    "days_many": ("{n} dager", "{n} days"),
    "deps_one": ("{n} avhengighet", "{n} dependency"),
    "deps_many": ("{n} avhengigheter", "{n} dependencies"),
    "hard_one": ("{n} hard", "{n} hard"),
    "hard_many": ("{n} harde", "{n} hard"),
    "soft_one": ("{n} myk", "{n} soft"),
    "soft_many": ("{n} myke", "{n} soft"),
    "cases_one": ("{n} sak", "{n} case"),
    "cases_many": ("{n} saker", "{n} cases"),
    # what is marked, in a sentence
    "is_late_one": ("{list} er forsinket.", "{list} is late."),
    "is_late_many": ("{list} er forsinket.", "{list} are late."),
    "has_red_one": ("{list} har rød statusrapport.", "{list} has a red status report."),
    "has_red_many": ("{list} har rød statusrapport.", "{list} have a red status report."),
    "none_flagged": ("Ingen er forsinket, og ingen har rød statusrapport.",
                     "None is late, and none has a red status report."),
    "folded_projects_one": ("{n} prosjekt som ble avsluttet før {year}, vises ikke: {list}.",
                            "{n} project that ended before {year} is not shown: {list}."),
    "folded_projects_many": ("{n} prosjekter som ble avsluttet før {year}, vises ikke: {list}.",
                             "{n} projects that ended before {year} are not shown: {list}."),
    "folded_deps_one": ("{n} avhengighet mellom prosjekter som ble avsluttet før {year}, vises ikke.",
                        "{n} dependency between projects that ended before {year} is not shown."),
    "folded_deps_many": ("{n} avhengigheter mellom prosjekter som ble avsluttet før {year}, vises ikke.",
                         "{n} dependencies between projects that ended before {year} are not shown."),
    # schedule (Gantt)
    "gantt_title": ("Tidsplan for {area} {first}–{last}", "Schedule for {area} {first}–{last}"),
    "gantt_shown": ("{projects} vises.", "{projects} shown."),
    "chart_today": ("i dag {date}", "today {date}"),
    "legend_late": ("forsinkelse (ny sluttdato)", "delay (new end date)"),
    "legend_red": ("rød statusrapport", "red status report"),
    "late_short": ("+{days} d", "+{days} d"),
    "mermaid_late": ("forsinket {days}", "late by {days}"),
    # goals
    "goals_title": ("Måloppnåelse for {area}", "Goal attainment for {area}"),
    "goals_on_track_of": ("{on} av {total} mål i rute.", "{on} of {total} goals on track."),
    "goal_line": ("Mål {id} var {share} av veien mot målet for {year} ved målingen {date}, da {then} var forventet; "
                  "per {as_of} er {now} forventet.",
                  "Goal {id} was {share} of the way to its {year} target when measured on {date}, when {then} was "
                  "expected; {now} is expected by {as_of}."),
    "goal_no_data": ("Mål {id} mangler data.", "Goal {id} has no data."),
    "legend_attained": ("oppnådd ved siste måling", "attained at the latest measurement"),
    "legend_expected_then": ("forventet ved målingen", "expected at the measurement"),
    "legend_expected_now": ("forventet per {date}", "expected by {date}"),
    "legend_target": ("målet for {year}", "the {year} target"),
    "chart_behind": ("bak plan", "behind plan"),
    "chart_on_track": ("i rute", "on track"),
    # dependencies
    "deps_title": ("Avhengigheter i {area}", "Dependencies in {area}"),
    "must_wait": ("{succ} må vente på {pred}", "{succ} must wait for {pred}"),
    "should_wait": ("{succ} bør vente på {pred}", "{succ} should wait for {pred}"),
    "legend_hard": ("hard avhengighet: må vente", "hard dependency: must wait"),
    "legend_soft": ("myk avhengighet: bør vente", "soft dependency: should wait"),
    "legend_flagged": ("forsinket eller rød statusrapport", "late or red status report"),
    "chart_legend": ("Forklaring", "Legend"),
    "mermaid_legend_hard": ("heltrukken pil er hard avhengighet, må vente",
                            "solid arrow is a hard dependency, must wait"),
    "mermaid_legend_soft": ("stiplet pil er myk avhengighet, bør vente",
                            "dotted arrow is a soft dependency, should wait"),
    "mermaid_legend_flagged": ("rød ramme er forsinket eller rød statusrapport",
                               "red frame is late or a red status report"),
    "cross_area_heading": ("Avhengigheter på tvers av programområder", "Dependencies across programme areas"),
    "cross_intro": ("Ingen av programområdene eier disse avhengighetene alene; programstyringen må følge dem opp.",
                    "No single area owns these dependencies; programme management has to follow them up."),
    "cross_none": ("Ingen avhengigheter på tvers av programområder berører {year}.",
                   "No dependency across programme areas touches {year}."),
    # cases per year
    "cases_title": ("Meldte saker per år {first}–{last}", "Cases reported per year {first}–{last}"),
    "part_year": ("{year} hittil (til {day})", "{year} so far (to {day})"),
    "cases_compare": ("Til og med {date}: {cases}, mot {before} i samme periode i {prev}.",
                      "Up to {date}: {cases}, against {before} in the same period of {prev}."),
    "cases_full_year": ("{year}: {cases}, mot {before} i {prev}.", "{year}: {cases}, against {before} in {prev}."),
    "legend_to_date": ("1.1.–{day}", "1 January to {day}"),
    "legend_rest_of_year": ("resten av året", "rest of the year"),
    "no_cases": ("Ingen saker er meldt.", "No cases are reported."),
}
