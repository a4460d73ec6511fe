"""The starter record of each kind that ``askoy2020 init`` writes. Each one
validates as it stands (tests/test_scaffold.py), so a new repository starts
green. The kinds table (:mod:`.kinds`) names the one for each kind."""

from __future__ import annotations

import datetime as dt
from typing import Any

Example = tuple[str, dict[str, Any] | list[dict[str, Any]], str]


def programme(first: int) -> Example:
    last = first + 3
    return "programme.yaml", {
        "id": "PROGRAM", "name": "Omstillingsprogrammet",
        "rounds": [{
            "year": first, "decision": "KST 1/" + str(first - 1)[-2:], "adopted": dt.date(first - 1, 12, 15),
            "frames": {"drift": {y: 10000 for y in range(first, last + 1)},
                       "staff": {y: 10 for y in range(first, last + 1)}},
        }],
        "measuring_year": last - 1,
        "criteria": [
            {"id": "strategic_fit", "name": "Strategisk betydning", "weight": 0.5, "scale": {"min": 0, "max": 5}},
            {"id": "user_value", "name": "Nytte for innbyggerne", "weight": 0.5, "scale": {"min": 0, "max": 5}},
        ],
        "prioritisation": {"method": "weighted", "gap": 0.0001, "time_limit_seconds": 10},
    }, "The programme: budget rounds with their frames (1000 kr, årsverk) and prioritisation criteria."


def area(first: int) -> Example:
    last = first + 3
    return "programmes/aa/area.yaml", {
        "id": "AA", "name": "Første programområde", "owner": "Kommunalsjef",
        "period": {"first_year": first, "last_year": last},
        "goals": [{"id": "AA-M1", "text": "Flere digitale søknader", "indicator": "Andel digitale søknader",
                   "unit": "%", "direction": "higher", "baseline": {"year": first - 1, "value": 40},
                   "targets": {last - 1: 70}}],
        "rounds": [{"year": first, "frames": {"drift": {y: 10000 for y in range(first, last + 1)},
                                              "staff": {y: 10 for y in range(first, last + 1)}}}],
    }, "A programme area (programområde) with its goals and frames."


def project(first: int) -> Example:
    return "programmes/aa/projects/AA-01.yaml", {
        "id": "AA-01", "name": "Første prosjekt", "area": "AA", "manager": "Prosjektleder",
        # A proposal for the next budget year: one for the running year would already be due.
        "status": "planned", "planned": {"start": dt.date(first + 1, 1, 1), "end": dt.date(first + 1, 12, 31)},
        "cost": {first + 1: 1000}, "staff": {first + 1: 1},
        "scores": {"strategic_fit": 3, "user_value": 4}, "goals": ["AA-M1"],
    }, "A project; askoy2020 new project --area AA makes the next one."


def leader(first: int) -> Example:
    last = first + 3
    return "leaders/L-001.yaml", {
        "id": "L-001", "role": "Enhetsleder", "unit": "Første enhet", "area": "AA", "cohort": first,
        "goals": [{"id": "L-001-M1", "text": "Lavere sykefravær", "indicator": "Sykefravær i prosent",
                   "unit": "%", "direction": "lower", "baseline": {"year": first - 1, "value": 8},
                   "targets": {last - 1: 6}}],
    }, "A leader position (role and unit; no name)."


def cohort(first: int) -> Example:
    return f"cohorts/K-{first}.yaml", {
        "id": f"K-{first}", "start": first, "leaders": 12,
        "sessions": [{"name": "Samling 1: Mål og resultater", "date": dt.date(first, 3, 1)}],
        "reaction": [{"year": first, "session": "Samling 1: Mål og resultater", "mean": 4.2, "respondents": 11}],
        "learning": [{"year": first, "area": "goals_and_results", "mean": 3.1, "respondents": 12}],
    }, "A cohort (kull): Tabell 1 evidence aggregated over its leaders (at least 3 respondents each)."


def survey(first: int) -> Example:
    return f"surveys/10F-{first}.yaml", {
        "id": f"10F-{first}", "year": first, "invited": 1900, "respondents": 1400,
        "municipality": {"mastery_oriented_leadership": 4.1},
    }, "One KS 10-FAKTOR survey: the municipality's (and national) figures."


def quality_case(first: int) -> Example:
    last = first + 3
    return f"quality/{first}/Q-{first}-001.yaml", {
        "id": f"Q-{first}-001", "kind": "improvement_proposal", "title": "Enklere skjema",
        "unit": "Første enhet", "occurred": dt.date(first, 1, 15), "reported": dt.date(first, 1, 15),
        "status": "registered", "responsible": "Enhetsleder", "deadline": dt.date(last, 12, 31),
    }, "A quality case followed through PDCA to closure."


def case_counts(first: int) -> Example:
    month = f"{first}-01"
    return f"quality-counts/kvalitetssystem-{first}.yaml", [
        {"source": "Kvalitetssystem", "unit": "Første enhet", "area": "AA", "kind": "deviation", "severity": 2,
         "month": month, "count": 3},
        {"source": "Kvalitetssystem", "unit": "Første enhet", "area": "AA", "kind": "hms_deviation",
         "month": month, "count": 1},
    ], "Cases counted in the quality system; askoy2020 import cases writes these from its export."
def risk(first: int) -> Example:
    return "risks/R-AA-01.yaml", {
        "id": "R-AA-01", "title": "Søknader går tapt ved overgang til nytt fagsystem", "area": "AA",
        "project": "AA-01", "owner": "Prosjektleder", "assessed": dt.date(first, 2, 1),
        "probability": 3, "consequence": 4,
        "measures": [{"text": "Parallell drift i to uker", "owner": "Prosjektleder",
                      "deadline": dt.date(first + 1, 3, 1)}],
        "residual": {"probability": 2, "consequence": 2}, "next_review": dt.date(first + 1, 2, 1),
    }, "A risk in the ROS register, on the risk matrix of programme.yaml."


def scenario(first: int) -> Example:
    return "scenarios/ekstra.yaml", {
        "id": "ekstra", "name": "Ekstra 1 mill. kr første år",
        "budget_frames": [{"year": first, "change": 1000}],
    }, "A what-if for askoy2020 prioritise --scenario ekstra."


def unit(first: int) -> Example:
    return "control/units/E-01.yaml", {
        "id": "E-01", "name": "Første enhet", "area": "AA", "services": ["Første tjeneste"],
        "leader": "Enhetsleder",
        "routines": [{"id": "E-01-R01", "title": "Rutine for avviksbehandling", "owner": "Enhetsleder",
                      "approved": dt.date(first, 1, 1), "review_every_months": 12}],
    }, "Internkontroll: a unit, its services and its routines (owner, approval, last review)."


def management_review(first: int) -> Example:
    return f"control/reviews/{first}.yaml", {
        "year": first, "planned": dt.date(first, 12, 15), "led_by": "Rådmann",
        "topics": ["Avvik og forbedringsforslag", "Tilsyn og forvaltningsrevisjon", "Rutiner som skal revideres"],
    }, "Ledelsens gjennomgang of the internal control for one year: held (or planned), topics and decisions."


def finding(first: int) -> Example:
    return f"control/findings/F-{first}-01.yaml", {
        "id": f"F-{first}-01", "source": "supervision", "authority": "Statsforvalteren",
        "reported": dt.date(first, 1, 1), "title": "Rutinen for avviksbehandling er ikke kjent i enheten",
        "kind": "breach_of_law", "unit": "E-01", "deadline": dt.date(first + 1, 6, 1),
        "actions": [{"text": "Opplæring i avviksbehandling", "owner": "Enhetsleder",
                     "deadline": dt.date(first, 9, 1)}],
    }, "A finding from tilsyn, forvaltningsrevisjon or internal audit, followed up to closure."
