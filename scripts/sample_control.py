"""Write the sample internkontroll register in data/control/: units with
their services and routines, ledelsens gjennomgang per year and findings
from tilsyn, forvaltningsrevisjon and internal audit.

Illustrative, like the rest of the sample: the units are the 30 that the
sample's quality cases and leaders name (same text), the routines, reviews
and findings are invented but of the kinds a Norwegian municipality has.
The authorities carry the names they had at the time (Fylkesmannen i
Hordaland until 2018, Fylkesmannen i Vestland 2019–2020; Statsforvalteren
from 2021). Deterministic: running it again gives the same files.

On purpose, one routine is overdue for review on 31.10.2020 (the
legemiddelhåndtering routine of Hjemmetjenesten sone sør), so that
``validate --as-of 2020-10-31`` shows ASK810 once.

    python scripts/sample_control.py data
"""

from __future__ import annotations

import random
import sys
from datetime import date, timedelta
from pathlib import Path

from askoy2020.writing import document

ILLUSTRATIVE = ("Illustrative sample data: invented, except what the seed text states (Askøy 2020, its three "
                "parts, 10 areas, the area Digital kommune, budsjett 2018 / økonomiplan 2019–2021).")
AS_OF = date(2020, 10, 31)

HEALTH = "forskrift om ledelse og kvalitetsforbedring i helse- og omsorgstjenesten"
HMS = "internkontrollforskriften (HMS)"
SCHOOL = "opplæringslova § 13-10 (forsvarlig system)"
ENVIRONMENT = "forskrift om miljørettet helsevern i barnehager og skoler"

# (id, name as cases and leaders write it, area, services, leader role, sector rules, own routines)
UNITS = [
    ("E-KLS", "Kleppestø skole", "OL", ["grunnskole 1.–7. trinn", "SFO"], "Rektor", [SCHOOL, ENVIRONMENT],
     ["Rutine for skolemiljø og aktivitetsplikt (opplæringslova kap. 9 A)", "Rutine for spesialundervisning"]),
    ("E-FLS", "Florvåg skole", "OL", ["grunnskole 1.–7. trinn", "SFO"], "Rektor", [SCHOOL, ENVIRONMENT],
     ["Rutine for skolemiljø og aktivitetsplikt (opplæringslova kap. 9 A)", "Rutine for fravær og bekymringsfravær"]),
    ("E-ERU", "Erdal ungdomsskole", "OL", ["grunnskole 8.–10. trinn"], "Rektor", [SCHOOL, ENVIRONMENT],
     ["Rutine for skolemiljø og aktivitetsplikt (opplæringslova kap. 9 A)", "Rutine for standpunktkarakterer"]),
    ("E-FOS", "Follese skole", "OL", ["grunnskole 1.–10. trinn", "SFO"], "Rektor", [SCHOOL, ENVIRONMENT],
     ["Rutine for skolemiljø og aktivitetsplikt (opplæringslova kap. 9 A)", "Rutine for skoleskyss"]),
    ("E-STS", "Strusshamn skole", "OL", ["grunnskole 1.–7. trinn", "SFO"], "Rektor", [SCHOOL, ENVIRONMENT],
     ["Rutine for skolemiljø og aktivitetsplikt (opplæringslova kap. 9 A)", "Rutine for spesialundervisning"]),
    ("E-ASK", "Ask skole", "OL", ["grunnskole 1.–7. trinn", "SFO"], "Rektor", [SCHOOL, ENVIRONMENT],
     ["Rutine for skolemiljø og aktivitetsplikt (opplæringslova kap. 9 A)", "Rutine for overgang barnehage–skole"]),
    ("E-STB", "Strusshamn barnehage", "OL", ["barnehage"], "Styrer", [ENVIRONMENT],
     ["Rutine for psykososialt barnehagemiljø", "Rutine for henting og levering"]),
    ("E-RAB", "Ravnanger barnehage", "OL", ["barnehage"], "Styrer", [ENVIRONMENT],
     ["Rutine for psykososialt barnehagemiljø", "Rutine for tilsyn ved utelek"]),
    ("E-HJN", "Hjemmetjenesten sone nord", "HM", ["hjemmesykepleie", "praktisk bistand"], "Enhetsleder", [HEALTH],
     ["Rutine for legemiddelhåndtering", "Rutine for tildeling av tjenester"]),
    ("E-HJS", "Hjemmetjenesten sone sør", "HM", ["hjemmesykepleie", "praktisk bistand"], "Enhetsleder", [HEALTH],
     ["Rutine for legemiddelhåndtering", "Rutine for vold og trusler i hjemmebesøk"]),
    ("E-SKS", "Skiftesvik sykehjem", "HM", ["langtidsplasser", "korttidsplasser"], "Avdelingsleder", [HEALTH],
     ["Rutine for legemiddelhåndtering", "Rutine for bruk av tvang (pasient- og brukerrettighetsloven kap. 4A)"]),
    ("E-KSH", "Kleppestø sykehjem", "HM", ["langtidsplasser", "korttidsplasser", "dagsenter"], "Avdelingsleder",
     [HEALTH], ["Rutine for legemiddelhåndtering", "Rutine for ernæring og vektoppfølging"]),
    ("E-PHR", "Psykisk helse og rus", "HM", ["psykisk helsearbeid", "rusomsorg", "oppfølgingstjeneste"],
     "Enhetsleder", [HEALTH], ["Rutine for individuell plan", "Rutine for selvmordsrisikovurdering"]),
    ("E-BHE", "Bofellesskap Hetlevik", "HM", ["bolig med heldøgns tjenester"], "Enhetsleder", [HEALTH],
     ["Rutine for bruk av tvang (pasient- og brukerrettighetsloven kap. 4A)", "Rutine for legemiddelhåndtering"]),
    ("E-KJK", "Kjøkkenet Kleppestø sykehjem", "HM", ["institusjonskjøkken", "middagsombringing"], "Kjøkkensjef",
     ["næringsmiddelhygieneforskriften (HACCP)"], ["HACCP-plan", "Rutine for allergener og spesialkost"]),
    ("E-HES", "Helsestasjonen", "TI", ["helsestasjon 0–5 år", "skolehelsetjeneste", "helsestasjon for ungdom"],
     "Ledende helsesykepleier", [HEALTH], ["Rutine for hjemmebesøk til nyfødte", "Rutine for meldeplikt til barnevernet"]),
    ("E-BVT", "Barnevernstjenesten", "TI", ["undersøkelser", "hjelpetiltak", "omsorgstiltak"], "Barnevernleder",
     ["forskrift om internkontroll for kommunens oppgaver etter barnevernloven"],
     ["Rutine for mottak og vurdering av bekymringsmeldinger", "Rutine for tiltaksplaner og evaluering"]),
    ("E-PPT", "PPT", "TI", ["sakkyndig vurdering", "systemrettet arbeid"], "Leder", ["opplæringslova § 5-6"],
     ["Rutine for sakkyndig vurdering", "Rutine for saksbehandlingstid"]),
    ("E-NAV", "NAV Askøy", "AI", ["økonomisk sosialhjelp", "kvalifiseringsprogram", "økonomisk rådgivning"],
     "NAV-leder", ["sosialtjenesteloven § 5 (internkontroll)"],
     ["Rutine for behandling av søknad om økonomisk stønad", "Rutine for nødhjelp"]),
    ("E-FLY", "Flyktningtjenesten", "AI", ["bosetting", "introduksjonsprogram"], "Enhetsleder",
     ["introduksjonsloven"], ["Rutine for individuell plan i introduksjonsprogrammet", "Rutine for bosetting"]),
    ("E-BYG", "Byggesak", "SA", ["byggesaksbehandling", "ulovlighetsoppfølging"], "Avdelingsleder",
     ["plan- og bygningsloven kap. 21 og 32"], ["Rutine for byggesaksbehandling", "Rutine for tilsyn med byggesaker"]),
    ("E-PLM", "Plan og miljø", "SA", ["arealplan", "reguleringsplan", "miljøvern"], "Avdelingsleder",
     ["plan- og bygningsloven kap. 12"], ["Rutine for behandling av private reguleringsplaner",
                                          "Rutine for høring og offentlig ettersyn"]),
    ("E-EIE", "Eiendomsdrift", "EI", ["forvaltning, drift og vedlikehold av kommunale bygg"], "Driftsleder",
     ["forskrift om brannforebygging"], ["Rutine for periodisk vedlikehold", "Rutine for brannvern i kommunale bygg"]),
    ("E-REN", "Renhold", "EI", ["renhold av kommunale bygg"], "Renholdsleder", [],
     ["Rutine for smittevernrenhold", "Rutine for bruk og oppbevaring av kjemikalier"]),
    ("E-IKT", "IKT-avdelingen", "DK", ["drift av IKT", "brukerstøtte", "informasjonssikkerhet"], "IKT-sjef",
     ["personvernforordningen art. 24 og 32"], ["Rutine for tilgangsstyring", "Rutine for sikkerhetskopi og gjenoppretting"]),
    ("E-DOK", "Dokumentsenteret", "DK", ["arkiv", "postmottak", "innsyn"], "Arkivleder",
     ["arkivforskriften", "offentleglova"], ["Rutine for journalføring", "Rutine for innsynsbegjæringer"]),
    ("E-SVT", "Servicetorget", "IK", ["innbyggerhenvendelser", "sentralbord"], "Leder", [],
     ["Rutine for mottak av henvendelser", "Rutine for klager og tilbakemeldinger"]),
    ("E-KUB", "Kultur og bibliotek", "IK", ["bibliotek", "kulturskole", "arrangementer"], "Kultursjef", [],
     ["Rutine for sikkerhet ved arrangementer", "Rutine for utlån og personvern i biblioteket"]),
    ("E-LOP", "Lønn og personal", "OK", ["lønn", "rekruttering", "personalforvaltning"], "Avdelingsleder", [],
     ["Rutine for rekruttering", "Rutine for oppfølging av sykmeldte"]),
    ("E-OKO", "Økonomiavdelingen", "OK", ["regnskap", "budsjett", "innfordring"], "Økonomisjef",
     ["forskrift om økonomiplan, årsbudsjett, årsregnskap og årsberetning"],
     ["Rutine for attestasjon og anvisning", "Rutine for månedsrapportering"]),
]

COMMON = [  # every unit: HMS and avvik (internkontrollforskriften § 5, kommuneloven § 23 nr. 2)
    ("Rutine for avviksbehandling", 12),
    ("HMS-handlingsplan med risikovurdering", 12),
    ("Beredskapsplan", 24),
]
OVERDUE = ("E-HJS", "Rutine for legemiddelhåndtering")


def routine(rng: random.Random, unit_id: str, number: int, title: str, owner: str, every: int) -> dict:
    approved = date(rng.choice([2014, 2015, 2016, 2017]), rng.randint(1, 12), rng.randint(1, 28))
    if (unit_id, title) == OVERDUE:
        last = date(2019, 9, 12)  # due 12.09.2020: overdue on 31.10.2020
    else:
        # Reviewed within its interval before 31.10.2020, most in the last year.
        back = rng.randint(20, every * 30 - 20) if every > 12 else rng.randint(20, 330)
        last = AS_OF - timedelta(days=back)
    # The version history: one review per interval back to the approval, each a few weeks
    # either side of its due day, so a report for an earlier day (2. tertial) sees what was known then.
    earlier = []
    day = last
    while True:
        day = day - timedelta(days=every * 30 + rng.randint(-20, 10))
        if day <= approved + timedelta(days=60) or day.year < 2018:
            break
        earlier.insert(0, day)
    found = {"id": f"{unit_id}-R{number:02d}", "title": title, "owner": owner, "approved": approved}
    if earlier:
        found["earlier_reviews"] = earlier
    found["last_reviewed"] = last
    if every != 12:
        found["review_every_months"] = every
    found["document"] = f"Kvalitetssystemet, dokument {rng.randint(1000, 4999)}"
    return found


def make_units(rng: random.Random) -> list[dict]:
    units = []
    for uid, name, area, services, leader, rules, own in UNITS:
        titles = [(t, e) for t, e in COMMON] + [(t, 12) for t in own]
        units.append({
            "id": uid, "name": name, "area": area, "services": services, "leader": leader,
            **({"sector_rules": rules} if rules else {}),
            "routines": [routine(rng, uid, n, title, leader, every) for n, (title, every) in enumerate(titles, 1)],
        })
    return units


REVIEWS = [
    ("2018.yaml", {
        "year": 2018, "held": date(2019, 1, 29), "led_by": "Rådmann",
        "topics": ["Avvik og forbedringsforslag 2018", "Tilsyn og revisjon", "Rutiner som skal revideres",
                   "Risikovurderinger (ROS)", "Brukerundersøkelser og 10-FAKTOR"],
        "conclusions": "Avvikssystemet er tatt i bruk i alle enheter, men mange avvik lukkes uten tiltak. "
                       "Rutiner for legemiddelhåndtering må samordnes i helse og omsorg.",
        "decisions": [
            {"text": "Felles mal for avviksbehandling med krav om tiltak før lukking", "owner": "Kvalitetsrådgiver",
             "deadline": date(2019, 4, 30), "done": date(2019, 4, 11), "pdca": "act"},
            {"text": "Felles rutine for legemiddelhåndtering i hjemmetjenesten og sykehjemmene",
             "owner": "Kommunalsjef helse og omsorg", "deadline": date(2019, 9, 1), "done": date(2019, 8, 26),
             "pdca": "plan"},
            {"text": "Opplæring i avviksbehandling for alle ledere i Prestasjonsledelse 2020",
             "owner": "Personalsjef", "deadline": date(2019, 12, 31), "done": date(2019, 11, 20), "pdca": "do"},
        ],
    }),
    ("2019-helse-og-omsorg.yaml", {
        "year": 2019, "held": date(2019, 11, 26), "led_by": "Kommunalsjef helse og omsorg",
        "units": ["E-HJN", "E-HJS", "E-SKS", "E-KSH", "E-PHR", "E-BHE", "E-KJK", "E-HES"],
        "topics": ["Forskrift om ledelse og kvalitetsforbedring § 9: gjennomgang av styringssystemet",
                   "Tilsyn fra Fylkesmannen i Vestland (tjenester til personer med utviklingshemming)",
                   "Legemiddelavvik"],
        "conclusions": "Oppfølgingen av tilsynet er i rute. Legemiddelavvik er redusert etter ny felles rutine.",
        "decisions": [
            {"text": "Kvartalsvis gjennomgang av vedtak etter kapittel 4A i bofellesskapene",
             "owner": "Kommunalsjef helse og omsorg", "deadline": date(2020, 1, 31), "done": date(2020, 1, 15),
             "pdca": "check"},
        ],
    }),
    ("2019.yaml", {
        "year": 2019, "held": date(2020, 2, 4), "led_by": "Rådmann",
        "topics": ["Avvik og forbedringsforslag 2019", "Tilsyn og forvaltningsrevisjon", "Rutiner som skal revideres",
                   "Risikovurderinger (ROS)", "Oppfølging av ledelsens gjennomgang 2018"],
        "conclusions": "Forvaltningsrevisjonen av internkontrollen (januar 2020) bekrefter at avvik lukkes "
                       "bedre, men at rutinene ikke er like godt kjent i alle enheter. Internkontrollen "
                       "rapporteres årlig til kommunestyret fra 2020.",
        "decisions": [
            {"text": "Plan for oppfølging av anbefalingene i forvaltningsrevisjonen", "owner": "Rådmann",
             "deadline": date(2020, 3, 31), "done": date(2020, 3, 24), "pdca": "plan"},
            {"text": "Alle enheter gjennomgår sine rutiner i 2020 og fører dato i registeret",
             "owner": "Kvalitetsrådgiver", "deadline": date(2020, 12, 31), "pdca": "do"},
            {"text": "Internkontroll som eget kapittel i årsmeldingen 2020", "owner": "Økonomisjef",
             "deadline": date(2021, 4, 30), "pdca": "act"},
            {"text": "Måle effekten av ny avviksmal: andel avvik lukket med tiltak", "owner": "Kvalitetsrådgiver",
             "deadline": date(2020, 9, 30), "done": date(2020, 9, 22), "pdca": "check"},
        ],
    }),
    ("2020.yaml", {
        "year": 2020, "planned": date(2021, 2, 2), "led_by": "Rådmann",
        "topics": ["Avvik og forbedringsforslag 2020", "Tilsyn og forvaltningsrevisjon", "Rutiner som skal revideres",
                   "Pandemien: beredskap og smittevern"],
    }),
]

FINDINGS = [
    {"id": "F-2018-01", "source": "internal_audit", "authority": "Rådmannens stab, kvalitetsrådgiver",
     "reported": date(2018, 10, 9), "reference": "Internrevisjon av tilgangsstyring 2018",
     "title": "Tildeling og fjerning av tilganger i fagsystemene dokumenteres ikke", "kind": "deviation",
     "unit": "E-IKT", "area": "DK", "deadline": date(2019, 3, 1),
     "actions": [{"text": "Ny rutine for tilgangsstyring med skjema for bestilling og fjerning", "owner": "IKT-sjef",
                  "deadline": date(2019, 1, 31), "done": date(2019, 1, 22), "pdca": "plan"},
                 {"text": "Kontroll av tilganger mot lønnssystemet hvert kvartal", "owner": "IKT-sjef",
                  "deadline": date(2019, 3, 1), "done": date(2019, 2, 27), "pdca": "check"}],
     "closed": date(2019, 3, 12), "closing_note": "Lukket etter kontroll i februar 2019."},
    {"id": "F-2019-01", "source": "supervision", "authority": "Fylkesmannen i Vestland",
     "reported": date(2019, 5, 14),
     "reference": "Tilsynsrapport: helse- og omsorgstjenester til personer med utviklingshemming, Askøy kommune 2019",
     "title": "Kommunen sikrer ikke at helsehjelp med tvang etter pasient- og brukerrettighetsloven kapittel 4A "
              "blir vurdert og dokumentert", "kind": "breach_of_law", "unit": "E-BHE", "area": "HM",
     "deadline": date(2019, 10, 1),
     "actions": [{"text": "Opplæring i kapittel 4A for alle ansatte i bofellesskapet",
                  "owner": "Enhetsleder", "deadline": date(2019, 8, 31), "done": date(2019, 8, 20), "pdca": "do"},
                 {"text": "Ny rutine for vurdering og vedtak etter kapittel 4A", "owner": "Enhetsleder",
                  "deadline": date(2019, 9, 15), "done": date(2019, 9, 10), "pdca": "plan"},
                 {"text": "Journalgjennomgang av alle vedtak, rapport til Fylkesmannen",
                  "owner": "Kommunalsjef helse og omsorg", "deadline": date(2019, 10, 1), "done": date(2019, 9, 27),
                  "pdca": "check"}],
     "closed": date(2020, 1, 20),
     "closing_note": "Tilsynet avsluttet, brev fra Fylkesmannen i Vestland 20.01.2020."},
    {"id": "F-2019-02", "source": "supervision", "authority": "Arbeidstilsynet", "reported": date(2019, 9, 3),
     "reference": "Vedtak om pålegg etter tilsyn i hjemmetjenesten",
     "title": "Risikoen for vold og trusler i hjemmebesøk er ikke kartlagt og vurdert (arbeidsmiljøloven § 4-3 "
              "fjerde ledd)", "kind": "order", "unit": "E-HJS", "area": "HM", "deadline": date(2019, 12, 1),
     "actions": [{"text": "Risikovurdering av vold og trusler med verneombud", "owner": "Enhetsleder",
                  "deadline": date(2019, 11, 1), "done": date(2019, 10, 24), "pdca": "plan"},
                 {"text": "Rutine for vold og trusler i hjemmebesøk og opplæring", "owner": "Enhetsleder",
                  "deadline": date(2019, 12, 1), "done": date(2019, 11, 28), "pdca": "do"}],
     "closed": date(2019, 12, 10), "closing_note": "Pålegget er oppfylt, brev fra Arbeidstilsynet 10.12.2019."},
    {"id": "F-2020-01", "source": "performance_audit", "authority": "Vestland Revisjon",
     "reported": date(2020, 1, 28), "reference": "Forvaltningsrevisjon: Internkontroll og avviksbehandling "
                                                 "(kontrollutvalget sak 3/20)",
     "title": "Kommunen bør sikre at alle enheter har oppdaterte rutiner for avviksbehandling som er kjent "
              "blant de ansatte", "kind": "recommendation", "deadline": date(2021, 1, 31),
     "actions": [{"text": "Revidert rutine for avviksbehandling godkjent og publisert", "owner": "Kvalitetsrådgiver",
                  "deadline": date(2020, 4, 30), "done": date(2020, 4, 28), "pdca": "plan"},
                 {"text": "Gjennomgang av rutinen på personalmøte i alle enheter", "owner": "Kvalitetsrådgiver",
                  "deadline": date(2020, 12, 31), "pdca": "do"}]},
    {"id": "F-2020-02", "source": "performance_audit", "authority": "Vestland Revisjon",
     "reported": date(2020, 1, 28), "reference": "Forvaltningsrevisjon: Internkontroll og avviksbehandling "
                                                 "(kontrollutvalget sak 3/20)",
     "title": "Kommunen bør sikre at avvik blir lukket med tiltak og at effekten av tiltakene blir vurdert",
     "kind": "recommendation", "deadline": date(2021, 1, 31),
     "actions": [{"text": "Avvik kan ikke lukkes uten tiltak i kvalitetssystemet", "owner": "Kvalitetsrådgiver",
                  "deadline": date(2020, 3, 1), "done": date(2020, 2, 25), "pdca": "act"},
                 {"text": "Effektmåling av tiltak i ledelsens gjennomgang 2020", "owner": "Kvalitetsrådgiver",
                  "deadline": date(2021, 2, 2), "pdca": "check"}]},
    {"id": "F-2020-03", "source": "performance_audit", "authority": "Vestland Revisjon",
     "reported": date(2020, 1, 28), "reference": "Forvaltningsrevisjon: Internkontroll og avviksbehandling "
                                                 "(kontrollutvalget sak 3/20)",
     "title": "Rådmannen bør rapportere om internkontrollen til kommunestyret hvert år",
     "kind": "recommendation", "deadline": date(2021, 4, 30),
     "actions": [{"text": "Internkontroll som eget kapittel i årsmeldingen 2020", "owner": "Økonomisjef",
                  "deadline": date(2021, 4, 30), "pdca": "do"}]},
    {"id": "F-2020-04", "source": "supervision", "authority": "Fylkesmannen i Vestland",
     "reported": date(2020, 3, 2), "reference": "Tilsynsrapport: skolemiljø, Erdal ungdomsskole 2020",
     "title": "Skolen sikrer ikke at aktivitetsplikten etter opplæringslova § 9 A-4 blir oppfylt",
     "kind": "breach_of_law", "unit": "E-ERU", "area": "OL", "deadline": date(2020, 11, 15),
     "actions": [{"text": "Revidert rutine for aktivitetsplikt med skjema for aktivitetsplan", "owner": "Rektor",
                  "deadline": date(2020, 6, 1), "done": date(2020, 5, 27), "pdca": "plan"},
                 {"text": "Opplæring av alle ansatte i aktivitetsplikten", "owner": "Rektor",
                  "deadline": date(2020, 9, 30), "done": date(2020, 9, 17), "pdca": "do"},
                 {"text": "Erklæring og dokumentasjon til Fylkesmannen", "owner": "Kommunalsjef oppvekst",
                  "deadline": date(2020, 11, 15), "pdca": "check"}]},
    {"id": "F-2020-05", "source": "supervision", "authority": "Mattilsynet", "reported": date(2020, 6, 18),
     "reference": "Inspeksjonsrapport, Kjøkkenet Kleppestø sykehjem",
     "title": "Temperaturen i kjølerommet logges ikke hver dag slik HACCP-planen krever", "kind": "remark",
     "unit": "E-KJK", "area": "HM", "deadline": date(2020, 9, 1),
     "actions": [{"text": "Automatisk temperaturlogging med varsling", "owner": "Kjøkkensjef",
                  "deadline": date(2020, 8, 15), "done": date(2020, 8, 10), "pdca": "do"}],
     "closed": date(2020, 8, 25), "closing_note": "Kontrollert ved Mattilsynets oppfølging 25.08.2020."},
]


def write(root: Path, rel: str, value: object, header: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(document(value, header), encoding="utf-8")


def main(target: str) -> None:
    root = Path(target)
    rng = random.Random(2020)
    for unit in make_units(rng):
        write(root, f"control/units/{unit['id']}.yaml", unit,
              f"Internkontroll: {unit['name']}, its services and routines (owners are roles).\n{ILLUSTRATIVE}")
    for name, review in REVIEWS:
        write(root, f"control/reviews/{name}", review, f"Ledelsens gjennomgang {review['year']}.\n{ILLUSTRATIVE}")
    for finding in FINDINGS:
        write(root, f"control/findings/{finding['id']}.yaml", finding,
              f"A finding followed up to closure (tilsyn and forvaltningsrevisjon reports are public).\n{ILLUSTRATIVE}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "data")
