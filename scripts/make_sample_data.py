"""Generate the sample data in data/: an illustrative Askøy 2020.

Deterministic (seeded), so running it again gives the same files.

What is real is what the seed text (Askøy's budsjett 2018, handlingsprogram
og økonomiplan 2019–2021) and DOMAIN.md state: the programme Askøy 2020 with
Omstilling, Prestasjonsledelse and Kvalitet 2020, 10 programme areas, the
area "Digital kommune", the measuring year 2020 and the municipality's size.
Everything else is invented and marked so in every file: the other nine
area names, every project, amount, decision number, leader position and
quality case. No person's name or identity number is written.

The money – budget rounds, frames, investments and financing, tertial
accounts, revisions, gains and take-outs – is made in sample_budget.py,
where every magnitude sits beside its reasoning.

    python scripts/make_sample_data.py data
"""

from __future__ import annotations

import random
import shutil
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import sample_budget as money
import sample_privacy as privacy

from askoy2020.writing import document

SNAPSHOT = money.SNAPSHOT  # the data describe the programme after 2. tertial 2020
PLAN = range(2018, 2022)  # the first round: budsjett 2018, økonomiplan 2019-2021
ILLUSTRATIVE = ("Illustrative sample data: invented, except what the seed text states (Askøy 2020, its three "
                "parts, 10 areas, the area Digital kommune, budsjett 2018 / økonomiplan 2019–2021).")
MONEY_NOTE = "Amounts in 1000 kr, staff in årsverk; each magnitude is reasoned in scripts/sample_budget.py."

AREAS = [
    ("DK", "Digital kommune", False, "Kommunalsjef organisasjon og digitalisering",
     "Digitale tjenester for innbyggere og ansatte; informasjonssikkerhet og personvern.",
     [("Andel søknader som kommer inn digitalt", "%", "higher", 35, 80),
      ("Antall innbyggerhenvendelser besvart av chatbot per måned", "antall", "higher", 0, 1500)]),
    ("OL", "Oppvekst og læring", True, "Kommunalsjef oppvekst",
     "Barnehage og skole med tidlig innsats og bedre læringsresultater.",
     [("Andel elever på mestringsnivå 1 i lesing 5. trinn", "%", "lower", 27, 20)]),
    ("HM", "Helse, mestring og omsorg", True, "Kommunalsjef helse og omsorg",
     "Flere skal bo lenger hjemme med trygghet og mestring.",
     [("Andel over 80 år som bor hjemme", "%", "higher", 86, 90),
      ("Liggedøgn for utskrivningsklare pasienter", "døgn", "lower", 410, 150)]),
    ("TI", "Tidlig innsats og folkehelse", True, "Folkehelsekoordinator",
     "Forebygging og tidlig hjelp for barn, unge og familier.",
     [("Antall barn med tiltak fra barnevernet per 1000 barn", "antall", "lower", 42, 35)]),
    ("AI", "Arbeid og inkludering", True, "Leder NAV Askøy",
     "Flere i arbeid og færre på sosialhjelp.",
     [("Andel sosialhjelpsmottakere under 25 år", "%", "lower", 3.4, 2.5)]),
    ("SA", "Samfunnsutvikling og areal", True, "Kommunalsjef teknisk",
     "Arealplaner og byggesaker som holder tritt med veksten.",
     [("Gjennomsnittlig saksbehandlingstid byggesak", "dager", "lower", 48, 30)]),
    ("EI", "Eiendom og investeringer", True, "Eiendomssjef",
     "Bygg og anlegg som gir riktig kapasitet til lavest mulig kostnad.",
     [("Energibruk i kommunale bygg", "kWh/m2", "lower", 182, 160)]),
    ("KM", "Klima og miljø", True, "Miljøvernrådgiver",
     "Lavere klimautslipp fra kommunens egen drift.",
     [("Utslipp fra kommunale kjøretøy", "tonn CO2", "lower", 640, 480)]),
    ("OK", "Organisasjon og kompetanse", True, "Personalsjef",
     "Heltidskultur, lavere sykefravær og rett kompetanse.",
     [("Sykefravær i kommunen samlet", "%", "lower", 9.1, 7.5),
      ("Andel heltidsstillinger", "%", "higher", 42, 55)]),
    ("IK", "Innbyggerdialog og kommunikasjon", True, "Kommunikasjonssjef",
     "Innbyggerne skal oppleve kommunen som tilgjengelig og åpen.",
     [("Innbyggertilfredshet (innbyggerundersøkelsen, 1–6)", "poeng", "higher", 4.1, 4.6)]),
]

PROJECT_WORDS = {
    "DK": ["Digital postkasse for innbyggere", "Chatbot på kommunens nettsider", "Ny sak- og arkivløsning",
           "Personvernombud og internkontroll", "Skyplattform og identitetsstyring"],
    "OL": ["Tidlig innsats i lesing 1.–4. trinn", "Ny barnehagestruktur Kleppestø", "Digitale læremidler",
           "Heldagsskole pilot", "Lærernorm: bemanningsplan for skolene"],
    "HM": ["Velferdsteknologi i hjemmetjenesten", "Hverdagsrehabilitering", "Helsehus Kleppestø – forprosjekt",
           "Pasientforløp utskrivningsklare", "Demensteam i alle soner"],
    "TI": ["BTI-modell for tidlig innsats", "Familiens hus", "Helsestasjon for ungdom",
           "Fysisk aktivitet i skolen", "Rusforebygging ungdom"],
    "AI": ["Ungdomsløft i NAV", "Kvalifiseringsprogram styrket", "Språkpraksis for flyktninger",
           "Arbeidstrening i kommunale enheter", "Digital veiledning sosialhjelp"],
    "SA": ["Kommuneplanens arealdel", "Digital byggesak", "Områdeplan Kleppestø sentrum",
           "Kartgrunnlag og matrikkel", "Planstrategi 2020–2023"],
    "EI": ["Energisparing i kommunale bygg", "Ny ungdomsskole sør – forprosjekt", "Vedlikeholdsplan skolebygg",
           "Utleieboliger for vanskeligstilte", "Felles driftsorganisasjon eiendom"],
    "KM": ["Elbiler i hjemmetjenesten", "Klimabudsjett", "Miljøsertifisering av enheter",
           "Ladeinfrastruktur kommunale bygg", "Avfallsreduksjon i kantiner"],
    "OK": ["Heltidskultur", "Nærværsprosjekt sykefravær", "Lederutvikling Prestasjonsledelse 2020",
           "Kompetanseplan for alle sektorer", "Ny lønns- og personalløsning"],
    "IK": ["Innbyggerundersøkelse", "Nye nettsider", "Klart språk i vedtaksbrev",
           "Innbyggertorg med utvidet åpningstid", "Medvirkning i planarbeid"],
}

# New proposals for 2021 that compete for the 2021 frames (budget 2021 is
# prepared in autumn 2020, when the data are taken).
PROPOSALS = {
    "DK": ["Selvbetjening 2.0 på nett", "Robotisering av fakturamottak"],
    "OL": ["Rammeplan for SFO", "Skolebibliotek som læringsarena"],
    "HM": ["Medisineringsrobot i hjemmetjenesten", "Frisklivssentral"],
    "TI": ["Foreldreveiledning ICDP", "Ungdomskontakt i skolen"],
    "AI": ["Jobbsjansen for kvinner", "Sosialt entreprenørskap"],
    "SA": ["Digital planbehandling", "Team for store byggesaker"],
    "EI": ["Solceller på kommunale tak", "Ombygging av rådhuset"],
    "KM": ["Klimatilpasning og overvann", "Sykkelstrategi for ansatte"],
    "OK": ["Trainee-ordning for sykepleiere", "Digital læringsplattform for ansatte"],
    "IK": ["Chat med servicetorget", "Innbyggerpanel"],
}

# Mandatory only where a law made the work a duty in the project's own years:
#   DK-03 (2019-2020): GDPR applies in Norway from 20 July 2018 (personopplysningsloven 2018);
#         a public authority must designate a data protection officer (art. 37).
#   OL-00 (2018-2019): intensive teaching on 1.-4. trinn became a duty from 1 August 2018
#         (opplæringslova § 1-4, Prop. 52 L (2017-2018)).
#   OL-04 (2018-2019): the teacher norm (lærernormen) - at most 16/21 pupils per teacher on
#         1.-4./5.-10. trinn from autumn 2018, 15/20 from autumn 2019. It replaces the old
#         "Lovpålagt leksehjelp og SFO": a project to run an offer the school already had is no new
#         duty (the leksehjelp duty was changed in 2014, not created), and the SFO changes that
#         are duties came later (rammeplan for SFO 1 August 2021; 12 free hours for 1. trinn from
#         the school year 2022/23) - so nothing there is mandatory in 2018-2019.
#   TI-02: helsestasjon for ungdom is part of the statutory helsestasjons- og skolehelsetjeneste.
#   SA-00, SA-04: the plan- og bygningsloven's kommuneplan and planstrategi duties.
#   OL-05 (2021): the rammeplan for SFO, a forskrift under opplæringslova § 13-7, from 1 August 2021.
# HM-03 (utskrivningsklare pasienter) is no longer marked: helse- og omsorgstjenesteloven § 11-4
# makes the municipality pay for the days, it does not make a project a duty.
LEGAL = {
    ("DK", 3): "Personvernforordningen (GDPR) art. 37 (personvernombud), gjeldende i Norge fra 20. juli 2018",
    ("OL", 0): "Opplæringslova § 1-4 (intensiv opplæring på 1.–4. trinn), i kraft 1. august 2018",
    ("OL", 4): "Lærernormen i forskrift til opplæringslova: høyst 16/21 elever per lærer på 1.–4./5.–10. trinn "
               "fra 1. august 2018, 15/20 fra 1. august 2019",
    ("TI", 2): "Helse- og omsorgstjenesteloven § 3-2 første ledd nr. 1 (helsestasjons- og skolehelsetjeneste)",
    ("SA", 0): "Plan- og bygningsloven § 11-1 (kommuneplan med arealdel)",
    ("SA", 4): "Plan- og bygningsloven § 10-1 (kommunal planstrategi minst én gang i hver valgperiode)",
}

UNITS = [
    ("Kleppestø skole", "OL", "Rektor"), ("Florvåg skole", "OL", "Rektor"), ("Erdal ungdomsskole", "OL", "Rektor"),
    ("Strusshamn barnehage", "OL", "Styrer"), ("Ravnanger barnehage", "OL", "Styrer"),
    ("Follese skole", "OL", "Rektor"), ("Hjemmetjenesten sone nord", "HM", "Enhetsleder"),
    ("Hjemmetjenesten sone sør", "HM", "Enhetsleder"), ("Skiftesvik sykehjem", "HM", "Avdelingsleder"),
    ("Kleppestø sykehjem", "HM", "Avdelingsleder"), ("Psykisk helse og rus", "HM", "Enhetsleder"),
    ("Helsestasjonen", "TI", "Ledende helsesykepleier"), ("Barnevernstjenesten", "TI", "Barnevernleder"),
    ("PPT", "TI", "Leder"), ("NAV Askøy", "AI", "NAV-leder"), ("Flyktningtjenesten", "AI", "Enhetsleder"),
    ("Byggesak", "SA", "Avdelingsleder"), ("Plan og miljø", "SA", "Avdelingsleder"),
    ("Eiendomsdrift", "EI", "Driftsleder"), ("Renhold", "EI", "Renholdsleder"),
    ("IKT-avdelingen", "DK", "IKT-sjef"), ("Dokumentsenteret", "DK", "Arkivleder"),
    ("Servicetorget", "IK", "Leder"), ("Lønn og personal", "OK", "Avdelingsleder"),
    ("Økonomiavdelingen", "OK", "Økonomisjef"), ("Kultur og bibliotek", "IK", "Kultursjef"),
    ("Strusshamn skole", "OL", "Rektor"), ("Ask skole", "OL", "Rektor"),
    ("Bofellesskap Hetlevik", "HM", "Enhetsleder"), ("Kjøkkenet Kleppestø sykehjem", "HM", "Kjøkkensjef"),
]

STATUS_TEXT = {
    "green": ("Framdrift etter plan", "Framdrift etter plan; leveranse fra leverandør godkjent"),
    "amber": ("Forsinkelse i leveranse fra leverandør", "Ressursmangel i enhetene under covid-19; tiltak avtalt"),
    "red": ("Kritisk forsinkelse; ny framdriftsplan legges fram for styringsgruppen",
            "Leverandør kan ikke levere som avtalt; alternativer utredes"),
}

COMPETENCES = ["goals_and_results", "projects_and_actions", "improvement_work",
               "communication_and_relations", "methods_and_routines"]
FACTORS = ["task_motivation", "mastery_belief", "autonomy", "use_of_competence",
           "mastery_oriented_leadership", "role_clarity", "competence_development", "flexibility",
           "mastery_climate", "prosocial_motivation"]

CASE_TEXTS = {
    "deviation": ["Medisin ikke gitt til rett tid", "Manglende dokumentasjon i journal", "Fall uten tilsyn",
                  "Rutine for vakthold ikke fulgt", "Feil i vaktliste ga underbemanning", "Brannalarm ute av drift"],
    "improvement_proposal": ["Felles mal for foreldresamtaler", "Digital timebestilling helsestasjon",
                             "Samordnet innkjøp av forbruksmateriell", "Enklere skjema for refusjon"],
    "service_design": ["Innbyggerreisen ved flytting til Askøy", "Søknad om sykehjemsplass",
                       "Første møte med NAV for unge", "Tildeling av barnehageplass"],
    "complaint": ["Klage på saksbehandlingstid byggesak", "Klage på svar fra servicetorget",
                  "Klage på skoleskyss", "Klage på vedtak om praktisk bistand"],
    "security_incident": ["Phishing-e-post til ansatte", "Tapt nettbrett i hjemmetjenesten",
                          "Uautorisert tilgang forsøkt på fagsystem", "Passord delt i åpent dokument"],
    "personal_data_breach": ["E-post med helseopplysninger sendt til feil mottaker",
                             "Elevliste delt i feil Teams-kanal", "Brev med vedtak sendt til gammel adresse",
                             "Ukryptert minnepinne med kartlegginger mistet"],
}
KIND_WEIGHTS = [("deviation", 45), ("improvement_proposal", 20), ("service_design", 8), ("complaint", 12),
                ("security_incident", 8), ("personal_data_breach", 7)]
ROOT_CAUSES = ["Rutinen var ikke kjent for nyansatte", "Mangelfull opplæring i fagsystemet",
               "Uklar ansvarsfordeling mellom avdelinger", "Høyt arbeidspress og underbemanning",
               "Teknisk feil i fagsystem", "Manglende kontroll før utsending"]
ACTIONS = ["Gjennomgang av rutine på personalmøte", "Opplæring av alle ansatte i enheten",
           "Rutinen revidert og publisert i kvalitetssystemet", "Sjekkliste innført",
           "Tilgangsstyring strammet inn", "Oppfølging i ledermøte etter tre måneder"]


def rounded(x: float, step: int = 50) -> int:
    return int(round(x / step) * step)


def make_programme(rounds: list[dict]) -> dict:
    return {
        "id": "ASKOY2020",
        "name": "Askøy 2020",
        "description": "Omstilling 2020, Prestasjonsledelse 2020 og Kvalitet 2020. Resultatene måles i 2020.",
        "rounds": rounds,
        "measuring_year": 2020,
        # Project staff are the units' own people, paid from the units' budgets:
        # a project's cost is what it buys (licences, vendors, leasing, backfill
        # it pays for), and its årsverk are counted against the staff frame.
        "staff_funding": "units",
        "overrun": dict(money.OVERRUN),
        "criteria": [
            {"id": "strategic_fit", "name": "Strategisk betydning", "weight": 0.35, "scale": {"min": 0, "max": 5}},
            {"id": "user_value", "name": "Nytte for innbyggerne", "weight": 0.25, "scale": {"min": 0, "max": 5}},
            {"id": "economic_gain", "name": "Økonomisk gevinst", "weight": 0.25, "scale": {"min": 0, "max": 5}},
            {"id": "risk_reduction", "name": "Risikoreduksjon", "weight": 0.15, "scale": {"min": 0, "max": 5}},
        ],
        "prioritisation": {
            "method": "weighted",
            # Adopted with the programme's first budget round (illustrative).
            "decision": "KST 123/17",
            "adopted": date(2017, 12, 14),
            "benefit_weight": 0.01,
            "delay_discount": 0.1,
            "wsjf": {"cost_of_delay": ["strategic_fit", "user_value", "risk_reduction"]},
            "gap": 0.0001,
            "time_limit_seconds": 10,
            "frame_step": 1000,
        },
        "red_status_max_age_days": 60,
        "min_respondents": 3,
    }


def project_dates(rng: random.Random, earliest: date) -> tuple[date, date]:
    start = max(earliest, date(2018, 1, 1) + timedelta(days=rng.randrange(0, 3) * 91))
    start = start + timedelta(days=rng.choice([0, 0, 30, 61]))
    length = rng.choice([181, 273, 365, 456, 546, 730])
    end = min(start + timedelta(days=length), date(2021, 12, 31))
    return start, end


def spread(total: float, start: date, end: date, step: int) -> dict[int, float]:
    """Split a total over the years in proportion to the days run in each."""
    days = {y: (min(end, date(y, 12, 31)) - max(start, date(y, 1, 1))).days + 1
            for y in range(start.year, end.year + 1)}
    whole = sum(days.values())
    shares = {y: total * d / whole for y, d in days.items()}
    return {y: (rounded(v, step) if step else round(v, 1)) for y, v in shares.items()
            if (rounded(v, step) if step else round(v, 1)) > 0}


def make_projects(rng: random.Random) -> dict[str, list[dict]]:
    by_area: dict[str, list[dict]] = {}
    ends: dict[str, date] = {}
    starts: dict[str, date] = {}
    # A few dependencies across areas: the digital platform comes first.
    cross = {"OL-02": [("DK-04", "finish-to-start", "hard")], "HM-00": [("DK-04", "start-to-start", "hard")],
             "SA-01": [("DK-02", "finish-to-start", "soft")], "IK-03": [("DK-00", "finish-to-start", "hard")],
             "OK-02": [("OK-00", "start-to-start", "hard")]}
    area_names = {a[0]: a[1].lower() for a in AREAS}
    for area_id, *_ in AREAS:
        projects = []
        for i, name in enumerate(PROJECT_WORDS[area_id]):
            pid = f"{area_id}-{i:02d}"
            deps: list[tuple[str, str, str]] = []
            if i in (1, 3) :
                deps.append((f"{area_id}-{i - 1:02d}", "finish-to-start", "hard"))
            if i == 4 and rng.random() < 0.5:
                deps.append((f"{area_id}-02", "start-to-start", "soft"))
            deps += cross.get(pid, [])
            earliest = date(2018, 1, 1)
            for dep, kind, _ in deps:
                after = ends[dep] + timedelta(days=1) if kind == "finish-to-start" else starts[dep] + timedelta(days=30)
                earliest = max(earliest, after)
            start, end = project_dates(rng, earliest)
            if end < start:
                end = start + timedelta(days=180)
            starts[pid], ends[pid] = start, end
            # The old draws, kept in their order so leaders and cases stay as they were;
            # sample_budget.py turns them into believable magnitudes.
            cost = spread(money.total_cost(pid, rng.randrange(600, 9000)), start, end, 50)
            staff = spread(rng.uniform(0.5, 4) * money.STAFF_SCALE * (end - start).days / 365, start, end, 0)
            if end < SNAPSHOT:
                status = "completed"
            elif start <= SNAPSHOT:
                status = "active"
            else:
                status = "planned"
            record: dict = {
                "id": pid, "name": name, "area": area_id,
                "manager": f"Prosjektleder {area_names[area_id]}",
                "status": status,
                "planned": {"start": start, "end": end},
            }
            if status in ("completed", "active"):
                record["actual"] = {"start": start} | ({"end": end} if status == "completed" else {})
            record["cost"] = cost
            record["staff"] = staff
            if rng.random() < 0.5:
                gain_years = [y for y in range(end.year, 2022)]
                record["_gains"] = {y: rounded(rng.randrange(200, 3000)) for y in gain_years}
            record["scores"] = {c: rng.randint(1, 5) for c in
                                ("strategic_fit", "user_value", "economic_gain", "risk_reduction")}
            if (area_id, i) in LEGAL:
                record["mandatory"] = True
                record["legal_basis"] = LEGAL[(area_id, i)]
            if deps:
                record["depends_on"] = [
                    {"project": d, "type": k, "lag_days": 0, "strength": s} for d, k, s in deps]
            mid = start + (end - start) / 2
            record["milestones"] = [
                {"name": "Forprosjekt godkjent", "date": start + timedelta(days=45), "done": start + timedelta(days=45) < SNAPSHOT},
                {"name": "Løsning tatt i bruk", "date": mid, "done": mid < SNAPSHOT},
            ]
            if status == "active":
                # The old draws (a colour, then a number for the comment); the comment now
                # matches the colour ("etter plan" means according to plan).
                reports = [
                    {"date": day, "rag": (rag := rng.choice(["green", "green", "amber", "red"])),
                     "comment": STATUS_TEXT[rag][rng.random() >= 0.6]}
                    for day in (date(2020, 3, 31), date(2020, 6, 30), date(2020, 9, 30)) if day >= start]
                if reports:
                    record["status_reports"] = reports
            record["goals"] = [f"{area_id}-M1"]
            projects.append(record)
        by_area[area_id] = projects
    # The old dates can end on 1 January or start on 31 December: one day in a
    # year with no money in it. The day moves into the year the work is in.
    for items in by_area.values():
        for record in items:
            for span in (record["planned"], record.get("actual", {})):
                if "end" in span and (span["end"].month, span["end"].day) == (1, 1):
                    span["end"] -= timedelta(days=1)
                if "start" in span and (span["start"].month, span["start"].day) == (12, 31):
                    span["start"] += timedelta(days=1)
    # One paused and one cancelled project, with no live dependants.
    by_area["KM"][4]["status"] = "paused"
    by_area["KM"][4].pop("status_reports", None)
    by_area["KM"][4]["status_reports"] = [{"date": date(2020, 9, 30), "rag": "amber",
                                           "comment": "Satt på vent i påvente av budsjettvedtak"}]
    cancelled = by_area["IK"][4]
    cancelled["status"] = "cancelled"
    cancelled["description"] = "Avsluttet; arbeidet videreføres i kommuneplanarbeidet (SA-00)."
    cancelled["milestones"] = [m | {"done": False} for m in cancelled["milestones"]][:1]
    cancelled.pop("status_reports", None)
    return by_area


def make_areas(rng: random.Random) -> tuple[list[dict], dict[str, list[float]]]:
    """The areas, and the old draws of their first round's margins."""
    areas = []
    margins: dict[str, list[float]] = {}
    for k, (aid, name, illustrative, owner, description, goals) in enumerate(AREAS):
        goal_records = []
        for g, (indicator, unit, direction, base, target) in enumerate(goals, start=1):
            step = (target - base) / 4
            goal_records.append({
                "id": f"{aid}-M{g}", "text": indicator.split(" (")[0] + (" skal øke" if direction == "higher" else " skal ned"),
                "indicator": indicator, "unit": unit, "direction": direction,
                "baseline": {"year": 2016, "value": base},
                "targets": {2020: target, 2025: round(target + step * 2, 1)},
                "measurements": [
                    {"date": date(y, 12, 31), "value": round(base + step * (y - 2016) * rng.uniform(0.6, 1.2), 1),
                     "source": "KOSTRA" if rng.random() < 0.5 else "Internrapport"} for y in (2017, 2018, 2019)],
            })
        margins[aid] = [rng.uniform(1.05, 1.2) for _ in PLAN]
        areas.append({
            "id": aid, "name": name, "illustrative": illustrative, "description": description, "owner": owner,
            # Through the last year of the newest økonomiplan (2023): the building projects run until then.
            "period": {"first_year": 2018, "last_year": 2023},
            "strategic_weight": [3, 3, 3, 2, 2, 2, 1.5, 1, 2, 1][k],
            "goals": goal_records,
            "decisions": [f"PS {rng.randint(10, 140)}/17"],
        })
    return areas, margins


def make_leaders(rng: random.Random, projects: dict[str, list[dict]], areas: list[dict]) -> list[dict]:
    leaders = []
    for n, (unit, area, role) in enumerate(UNITS, start=1):
        lid = f"L-{n:03d}"
        cohort = 2018 if n % 3 else 2019
        area_goal = next(a["goals"][0]["id"] for a in areas if a["id"] == area)
        base = round(rng.uniform(6, 12), 1)
        goals = [{
            "id": f"{lid}-M1", "text": "Redusere sykefraværet i enheten", "indicator": "Sykefravær i prosent",
            "unit": "%", "direction": "lower", "baseline": {"year": 2017, "value": base},
            "targets": {2020: round(base * 0.8, 1)},
            "measurements": [{"date": date(2019, 12, 31), "value": round(base * rng.uniform(0.8, 1.05), 1)}],
            "projects": ["OK-01"], "area_goals": ["OK-M1"],
        }]
        if rng.random() < 0.7:
            goals.append({
                "id": f"{lid}-M2", "text": "Bidra til programområdets mål", "indicator": "Måloppnåelse i enhetens tiltak",
                "unit": "%", "direction": "higher", "baseline": {"year": 2017, "value": 50},
                "targets": {2020: 80}, "measurements": [{"date": date(2019, 12, 31), "value": rng.randint(55, 85)}],
                "projects": [projects[area][rng.randrange(0, 4)]["id"]], "area_goals": [area_goal],
            })
        years = [y for y in (2018, 2019, 2020) if y >= cohort]
        competences = {c: {y: min(5, round(rng.uniform(2.5, 3.5) + 0.4 * (y - cohort), 1)) for y in years}
                       for c in COMPETENCES}
        evaluations = [
            {"level": 1, "year": cohort, "instrument": "questionnaire", "value": round(rng.uniform(3.8, 4.7), 1),
             "scale_max": 5, "respondents": rng.randint(12, 18)},
            {"level": 2, "year": cohort + 1, "instrument": "self_assessment", "value": round(rng.uniform(3.2, 4.4), 1),
             "scale_max": 5, "respondents": 1},
            {"level": 3, "year": 2020, "instrument": "feedback_360", "value": round(rng.uniform(3.0, 4.5), 1),
             "scale_max": 5, "respondents": rng.randint(4, 12)},
            {"level": 4, "year": 2020, "instrument": "kpi", "value": rng.randint(60, 95), "scale_max": 100,
             "respondents": 0, "comment": "Andel av enhetens driftsmål nådd"},
        ]
        # Small units show how the 3-respondent rule works: some answer with 1 or 2.
        respondents = [rng.choice([1, 2]) if n % 7 == 0 else rng.randint(3, 40) for _ in (2018, 2020)]
        ten_factor = [{"year": y, "respondents": r,
                       "scores": {f: round(min(5, rng.uniform(3.4, 4.6) + 0.1 * (y - 2018)), 1) for f in FACTORS}}
                      for y, r in zip((2018, 2020), respondents)]
        leaders.append({
            "id": lid, "role": f"{role}, {unit}", "unit": unit, "area": area, "cohort": cohort,
            "competences": competences, "goals": goals, "evaluations": evaluations, "ten_factor": ten_factor,
        })
    return leaders


def make_cases(rng: random.Random, projects: dict[str, list[dict]]) -> list[dict]:
    cases = []
    kinds = [k for k, w in KIND_WEIGHTS for _ in range(w)]
    counters: dict[int, int] = {}
    breaches = 0
    for n in range(200):
        year = 2017 + n * 4 // 200
        counters[year] = counters.get(year, 0) + 1
        kind = rng.choice(kinds)
        last = date(year, 12, 31) if year < 2020 else SNAPSHOT - timedelta(days=5)
        occurred = date(year, 1, 1) + timedelta(days=rng.randrange(0, (last - date(year, 1, 1)).days))
        reported = min(occurred + timedelta(days=rng.choice([0, 0, 1, 2, 5, 9])), SNAPSHOT)
        unit, area, role = rng.choice(UNITS)
        record: dict = {
            "id": f"Q-{year}-{counters[year]:03d}", "kind": kind, "title": rng.choice(CASE_TEXTS[kind]),
            "unit": unit, "area": area, "occurred": occurred, "reported": reported,
            "severity": rng.randint(1, 4), "probability": rng.randint(1, 4),
        }
        age = (SNAPSHOT - reported).days
        closes = reported + timedelta(days=rng.randrange(5, 120))
        open_case = closes > SNAPSHOT or (age < 200 and rng.random() < 0.3)
        record["status"] = ("registered" if age < 20 else "in_progress") if open_case else "closed"
        record["responsible"] = f"{role}, {unit}"
        record["deadline"] = reported + timedelta(days=rng.choice([30, 60, 90, 180]))
        if open_case and record["deadline"] < SNAPSHOT and rng.random() < 0.8:
            record["deadline"] = SNAPSHOT + timedelta(days=rng.choice([14, 30, 60]))
        if not open_case:
            record["closed"] = closes
            record["root_cause"] = rng.choice(ROOT_CAUSES)
        actions = []
        for a in range(rng.randint(1, 3) if not open_case else rng.randint(0, 2)):
            done = None if open_case else min(closes, reported + timedelta(days=3 + a * 10))
            actions.append({"text": rng.choice(ACTIONS), "owner": role, "deadline": reported + timedelta(days=30),
                            **({"done": done} if done else {}), "pdca": ["plan", "do", "check", "act"][min(a + 1, 3)]})
        if actions:
            record["actions"] = actions
        if kind == "service_design":
            record["user_involvement"] = {"method": rng.choice(["intervju", "workshop", "brukerreise"]),
                                          "users": rng.randint(5, 25)}
            record["project"] = projects[area][rng.randrange(0, 4)]["id"]
        if kind == "improvement_proposal" and rng.random() < 0.5:
            record["goal"] = f"{area}-M1"
        if kind == "personal_data_breach":
            breaches += 1
            aware = datetime.combine(reported, datetime.min.time()) + timedelta(hours=rng.randint(8, 15))
            breach: dict = {"became_aware": aware}
            if breaches % 5 == 0:
                breach["not_notified_reason"] = "Lite sannsynlig at bruddet medfører risiko for de registrerte"
            elif breaches % 4 == 0:
                breach["notified"] = aware + timedelta(hours=rng.randint(80, 120))
                breach["late_reason"] = "Omfanget ble først klarlagt etter gjennomgang med leverandør"
            else:
                breach["notified"] = aware + timedelta(hours=rng.randint(2, 60))
            breach.update(privacy.breach_form(record, breach))  # a stream of its own: nothing else moves
            record["breach"] = breach
        cases.append(record)
    return cases


def add_proposals(rng: random.Random, projects: dict[str, list[dict]], areas: list[dict]) -> dict[str, float]:
    """Two 2021 proposals per area. Returns, per area, the share of its
    optional proposals' cost that the 2021 frame holds beside what its
    must-have proposals need (30–70 %), so prioritise has real choices."""
    names = {a[0]: a[1].lower() for a in AREAS}
    shares: dict[str, float] = {}
    for area in areas:
        aid = area["id"]
        for i, name in enumerate(PROPOSALS[aid], start=5):
            pid = f"{aid}-{i:02d}"
            start = date(2021, rng.choice([1, 3]), 1)
            cost = rounded(rng.randrange(800, 4500))
            staff = round(rng.uniform(0.5, 2.5), 1)
            record: dict = {
                "id": pid, "name": name, "area": aid, "manager": f"Prosjektleder {names[aid]}",
                "description": "Forslag til budsjett 2021.", "status": "planned",
                "planned": {"start": start, "end": date(2021, 12, 31)},
                "cost": {2021: cost}, "staff": {2021: staff}, "_proposal": True,
            }
            if rng.random() < 0.5:
                record["_gains"] = {2021: rounded(rng.randrange(200, 1500))}
            record["scores"] = {c: rng.randint(1, 5) for c in
                                ("strategic_fit", "user_value", "economic_gain", "risk_reduction")}
            if pid == "OL-05":
                record["mandatory"] = True
                record["legal_basis"] = ("Opplæringslova § 13-7 og forskrift om rammeplan for skolefritidsordningen, "
                                         "i kraft 1. august 2021")
                record["description"] = "Forslag til budsjett 2021: SFO innrettes etter ny nasjonal rammeplan."
            if pid == "EI-05":
                record["locked"] = True
                record["description"] = ("Kontrakt signert i oktober 2020. Drift: prosjektledelse og energikartlegging; "
                                         "investering: anlegget.")
                record["investment"] = dict(money.SOLAR)
            if pid == "SA-05":
                # After the new matrikkel client of SA-03; SA-03's slip pushes it (ASK415).
                record["planned"]["start"] = date(2021, 5, 1)
                record["depends_on"] = [{"project": "SA-03", "type": "finish-to-start", "lag_days": 0,
                                         "strength": "hard"}]
            if pid == "HM-06":
                record["planned"]["start"] = date(2021, 5, 1)  # after DK-05 has started + 30 days
                record["depends_on"] = [{"project": "DK-05", "type": "start-to-start", "lag_days": 30,
                                         "strength": "hard"}]
            if pid == "DK-06":
                record["depends_on"] = [{"project": "DK-05", "type": "start-to-start", "lag_days": 0,
                                         "strength": "soft"}]
            record["goals"] = [f"{aid}-M1"]
            projects[aid].append(record)
        shares[aid] = rng.uniform(0.3, 0.7)
    return shares


SCENARIOS = [
    {"id": "ekstra-2021", "name": "Ekstra 5 mill. kr til omstilling i 2021",
     "description": "Hva gir 5 mill. kr mer til Digital kommune og Helse, mestring og omsorg i 2021?",
     "budget_frames": [{"year": 2021, "area": "DK", "change": 2500}, {"year": 2021, "area": "HM", "change": 2500},
                       {"year": 2021, "change": 5000}]},
    {"id": "wsjf", "name": "Prioriter etter WSJF (kostnad ved utsettelse delt på størrelse)", "method": "wsjf"},
    {"id": "uten-robot", "name": "Uten robotisering av fakturamottak",
     "exclude": ["DK-06"], "scores": {"HM-05": {"user_value": 5}}},
]


def write_plan(root: Path) -> None:
    """The baseline plan, made by the tool itself so it matches the data."""
    from askoy2020 import load
    from askoy2020.prioritise.formats import plan_yaml
    from askoy2020.prioritise.run import prioritise

    # On the sample's snapshot day the next budget round is budsjett 2021.
    outcome = prioritise(load(root), plan_id="budsjett-2021", as_of=date(2020, 10, 31))
    assert outcome.plan is not None, outcome.conflicts
    rel = "plans/budsjett-2021.yaml"
    text = plan_yaml(outcome.plan, f"askoy2020 prioritise {root.as_posix()} --as-of 2020-10-31 "
                                   f"--output {root.as_posix()}/{rel}")
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_text(text, encoding="utf-8")


def add_money(projects: dict[str, list[dict]], areas: list[dict], margins: dict[str, list[float]],
              shares: dict[str, float]) -> list[dict]:
    """Investments and financing, revisions, accounts, gains, accounting
    codes and the budget rounds; returns the programme's rounds and sets
    each area's. Streams of their own – accounts, gains, frames – so
    nothing else moves, and a change to one leaves the others alone."""
    accounts_rng, gains_rng, frames_rng = (random.Random(money.MONEY_SEED + k) for k in range(3))
    managers = {a[0]: f"Prosjektleder {a[1].lower()}" for a in AREAS}
    for building in money.building_projects(managers):
        projects[building["area"]].append(building)
    by_id = {p["id"]: p for items in projects.values() for p in items}
    by_id["DK-02"]["investment"] = dict(money.ARCHIVE_SYSTEM)
    for pid, (share, why) in money.REVISED_PROJECTS.items():
        adopted = by_id[pid]["cost"][2020]
        by_id[pid]["revisions"] = [{"decision": money.REVISION[0], "date": money.REVISION[1],
                                    "cost": {2020: money.round_to(adopted * share, 50)}}]
        by_id[pid]["description"] = f"Budsjettjustert juni 2020: {why}."
    for project in by_id.values():
        if project.get("investment"):
            kind = "it" if project["id"] == "DK-02" else "building"
            project["financing"] = money.financing(project["id"], project["investment"], kind)
        if not project.get("_proposal"):
            found = money.special_accounts(project["id"]) or money.accounts(project, accounts_rng)
            if found:
                project["accounts"] = found
    money.apply_deliberate(by_id)
    owners = {a[0]: a[3] for a in AREAS}
    goals = {g["id"]: g for a in areas for g in a["goals"]}
    for project in by_id.values():
        gains = money.benefits(project, project.pop("_gains", {}), owners[project["area"]], goals, gains_rng)
        if gains:
            project["benefits"] = gains
    for k, (aid, *_rest) in enumerate(AREAS):
        for i, project in enumerate(projects[aid]):
            if project["status"] in ("active", "paused") or project.get("locked"):
                project["accounting"] = money.account_codes(project, k, 40 + i)
    programme_rounds, area_rounds = money.frames(projects, margins, shares, frames_rng)
    for area in areas:
        area["rounds"] = area_rounds[area["id"]]
    return programme_rounds


def check_magnitudes(rounds: list[dict], projects: dict[str, list[dict]]) -> None:
    """The promises of sample_budget.py, checked on what was made."""
    latest = rounds[-1]["frames"]
    for year in (2018, 2019, 2020):
        speaking = next(r for r in rounds if r["year"] == year)["frames"]
        lo, hi = money.PROGRAMME_DRIFT_RANGE
        assert lo <= speaking["drift"][year] <= hi, (year, speaking["drift"][year])
        lo, hi = money.PROGRAMME_STAFF_RANGE
        assert lo <= speaking["staff"][year] <= hi, (year, speaking["staff"][year])
    assert 300_000 <= sum(latest["investment"].values()) <= 1_200_000
    for items in projects.values():
        for p in items:
            for year, amount in p.get("investment", {}).items():
                assert sum(p["financing"][year].values()) == amount, (p["id"], year)


def clean(record: dict) -> dict:
    """Without the generator's own working keys (``_gains``, ``_proposal``)."""
    return {k: v for k, v in record.items() if not k.startswith("_")}


def annotate(text: str, anchors: list[str], comment: str) -> str:
    """Put ``# comment`` on its own line before the line reached by finding
    each anchor (a line's start, indentation aside) in turn."""
    lines = text.split("\n")
    at = 0
    for anchor in anchors:
        at = next(i for i in range(at, len(lines)) if lines[i].lstrip().startswith(anchor)) + (anchor != anchors[-1])
    pad = lines[at][: len(lines[at]) - len(lines[at].lstrip())]
    if lines[at].lstrip().startswith("- "):
        pad += ""
    return "\n".join(lines[:at] + [f"{pad}# {line}" for line in comment.splitlines()] + lines[at:])


# Comments the files keep (fmt keeps comments): why a figure is as it is,
# and where the sample deviates on purpose.
def notes(rounds: list[dict]) -> dict[str, list[tuple[list[str], str]]]:
    titles = {year: title for year, _d, _a, title in money.ROUNDS}
    out: dict[str, list[tuple[list[str], str]]] = {
        "programme.yaml": [
            (["rounds:", f"- year: {year}"], f"{titles[year]} ({decision}, adopted {adopted.isoformat()})")
            for year, decision, adopted, _t in money.ROUNDS
        ] + [
            (["rounds:", "- year: 2020", "revisions:"], f"{money.REVISION[2]}: projects slowed down "
             "gave back what they could not spend"),
            (["staff_funding:"], "units: project staff are the units' own people, paid from the units' budgets.\n"
             "A project's cost is what it buys (licences, vendors, leasing); its årsverk count\n"
             "against the staff frame, on top of the cost. This is how Norwegian municipalities\n"
             "usually staff development projects (frikjøp inside the unit's own frame)."),
            (["overrun:"], "A deviation is flagged (ASK411) when it is over 5 % AND over 100 000 kr."),
        ],
    }
    for pid, (*_x, take_out) in money.SPECIAL_GAINS.items():
        if take_out is None:
            continue
        area, year, amount, round_year = take_out
        decision = next(d for y, d, *_ in money.ROUNDS if y == round_year)
        out.setdefault(f"programmes/{area.lower()}/area.yaml", []).append(
            (["rounds:", f"- year: {round_year}", "drift:"],
             f"{year} is {amount} lower than in the round of {round_year - 1}: the gain of {pid} taken out ({decision})"))
    dev = money.DELIBERATE
    out[f"programmes/ik/projects/{dev['ASK411'][0]}.yaml"] = [
        (["accounts:", "2020:", "T2:"], f"Deliberate (ASK411): {dev['ASK411'][1]}.")]
    out[f"programmes/ai/projects/{dev['ASK413'][0]}.yaml"] = [
        (["accounts:", "2020:"], f"Deliberate (ASK413): {dev['ASK413'][1]}.")]
    out[f"programmes/sa/projects/{dev['ASK415'][0]}.yaml"] = [
        (["status_reports:", "- date: 2020-09-30", "forecast_end:"], f"Deliberate (ASK415): {dev['ASK415'][1]}.")]
    out[f"programmes/ok/projects/{dev['ASK416'][0]}.yaml"] = [
        (["benefits:", "planned:"], f"Deliberate (ASK416): {dev['ASK416'][1]}.")]
    return out


def write(root: Path, rel: str, value: object, header: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(document(value, header), encoding="utf-8")


def main(target: str) -> None:
    root = Path(target)
    for sub in ("programmes", "leaders", "quality", "scenarios", "plans"):
        shutil.rmtree(root / sub, ignore_errors=True)
    rng = random.Random(2018)
    projects = make_projects(rng)
    areas, margins = make_areas(rng)
    leaders = make_leaders(rng, projects, areas)
    cases = make_cases(rng, projects)
    # Separate streams, so the proposals and the money leave every other record as it was.
    shares = add_proposals(random.Random(2021), projects, areas)
    rounds = add_money(projects, areas, margins, shares)
    privacy.add_personal_data(projects)
    check_magnitudes(rounds, projects)
    write(root, "programme.yaml", make_programme(rounds),
          f"Askøy 2020 – the programme and every budget round it has had.\n{ILLUSTRATIVE}\n{MONEY_NOTE}")
    for area in areas:
        folder = f"programmes/{area['id'].lower()}"
        note = "Digital kommune is a real programme area of Askøy 2020." if not area["illustrative"] else ILLUSTRATIVE
        write(root, f"{folder}/area.yaml", area, f"Programme area {area['name']}.\n{note}\n{MONEY_NOTE}")
        for project in projects[area["id"]]:
            write(root, f"{folder}/projects/{project['id']}.yaml", clean(project),
                  f"Project in {area['name']}. {ILLUSTRATIVE}\n{MONEY_NOTE}")
    for leader in leaders:
        write(root, f"leaders/{leader['id']}.yaml", leader,
              "A leader position in Prestasjonsledelse 2020 (role and unit, no name).\n" + ILLUSTRATIVE)
    for case in cases:
        write(root, f"quality/{case['id'][2:6]}/{case['id']}.yaml", case, ILLUSTRATIVE)
    for scenario in SCENARIOS:
        write(root, f"scenarios/{scenario['id']}.yaml", scenario,
              "A what-if for askoy2020 prioritise --scenario. " + ILLUSTRATIVE)
    for rel, comments in notes(rounds).items():
        text = (root / rel).read_text(encoding="utf-8")
        for anchors, comment in comments:
            text = annotate(text, anchors, comment)
        (root / rel).write_text(text, encoding="utf-8")
    write_plan(root)
    # The tool's own canonical layout, so `askoy2020 fmt --check data` is clean.
    from askoy2020.fmt import format_folder

    format_folder(root)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "data")
