"""Personvern in the sample data: the Digital kommune projects that process
personal data, with their DPIA or the reason none is needed and their
ROS-analyse, and what Datatilsynet's notification form asks of each
personal-data breach (GDPR art. 33(3)), with one breach notified in stages
(art. 33(4)) and every breach's art. 34 decision.

Illustrative: every case number, date, count and text is invented. Called
by make_sample_data.py with random streams of its own (one per case id), so
every other record stays as it was.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

# -- projects -----------------------------------------------------------------
# Of the Digital kommune projects, those that process personal data about
# citizens. DK-02 (the archive holds every case, health and child welfare
# included: special categories, large scale) and DK-05 (a citizen portal
# with ID-porten login and applications that hold health and financial
# information) meet the criteria of Datatilsynet's list, so each has a DPIA
# made before its processing starts. DK-00 and DK-01 record why none is
# needed. DK-03 (the data protection officer) and DK-04 (the cloud platform,
# employees' identities) are left without the block: the rule asks only of
# projects that say they process personal data.
PERSONAL_DATA: dict[str, dict] = {
    "DK-00": {
        "processes": True,
        "categories": ["navn", "fødselsnummer", "adresse", "brev og vedtak"],
        "dpia_not_needed": "De samme brevene som før sendes digitalt (SvarUt til Digipost og e-Boks), med de "
                           "samme opplysningene og formålene. Vurdert mot Datatilsynets liste: ingen av "
                           "kriteriene er oppfylt, og høy risiko er lite sannsynlig (art. 35 nr. 1).",
        "ros": {"done": date(2018, 6, 18), "reference": "arkivsak 2018/702"},
    },
    "DK-01": {
        "processes": True,
        "categories": ["det innbyggeren skriver i chatten (kan inneholde navn)"],
        "dpia_not_needed": "Chatboten svarer på generelle spørsmål uten innlogging; samtalene lagres uten "
                           "identitet og slettes etter 30 dager. Ingen av kriteriene i Datatilsynets liste er "
                           "oppfylt, og høy risiko er lite sannsynlig (art. 35 nr. 1).",
        "ros": {"done": date(2018, 12, 10), "reference": "arkivsak 2018/1533"},
    },
    "DK-02": {
        "processes": True,
        "categories": ["navn", "fødselsnummer", "adresse", "saksopplysninger", "helseopplysninger i enkeltsaker"],
        "special_categories": True,
        # The project started with procurement in January 2018; the new system went live after migration.
        "processing_start": date(2019, 1, 7),
        "dpia": {"done": date(2018, 11, 26), "reference": "arkivsak 2018/1450",
                 "conclusion": "Høy risiko før tiltak (alle kommunens saker, også særlige kategorier); "
                               "akseptabel restrisiko med rollebasert tilgang, logging av oppslag og "
                               "sletterutiner etter arkivplanen"},
        "ros": {"done": date(2018, 10, 29), "reference": "arkivsak 2018/1451"},
    },
    "DK-05": {
        "processes": True,
        "categories": ["navn", "fødselsnummer", "kontaktopplysninger",
                       "opplysninger i søknader (blant annet helse og økonomi)"],
        "special_categories": True,
        "dpia": {"done": date(2020, 10, 15), "reference": "arkivsak 2020/1187",
                 "conclusion": "Høy risiko før tiltak (innlogging med ID-porten, helseopplysninger i "
                               "søknader); akseptabel restrisiko med kryptering, tilgangsstyring og "
                               "databehandleravtale med leverandøren"},
        "ros": {"done": date(2020, 9, 28), "reference": "arkivsak 2020/1102"},
    },
}


def add_personal_data(projects: dict[str, list[dict]]) -> None:
    for items in projects.values():
        for project in items:
            if project["id"] in PERSONAL_DATA:
                project["personal_data"] = PERSONAL_DATA[project["id"]]


# -- breaches -----------------------------------------------------------------
# Per title: type of breach, cause, who and what, likely consequences,
# measures, whether the people were told (art. 34) and how long it went on.
FORMS: dict[str, dict] = {
    "E-post med helseopplysninger sendt til feil mottaker": {
        "types": ["confidentiality"],
        "cause": "E-post med helseopplysninger ble sendt til feil mottaker fordi e-postprogrammet foreslo en "
                 "adresse med likt navn",
        "people": (["pasienter"], (1, 2)), "records": (["navn", "fødselsdato", "helseopplysninger"], (1, 3)),
        "consequences": "Helseopplysninger ble kjent for én uvedkommende; mottakeren har bekreftet at e-posten "
                        "er slettet. Risiko for belastning og tap av tillit hos den registrerte",
        "measures_taken": "Mottakeren har slettet e-posten og bekreftet det skriftlig",
        "measures_planned": "Automatisk forslag av adresser slås av; helseopplysninger sendes bare i fagsystemet",
        "art34": "informed", "how": "Telefon og brev i Digipost", "lasts": timedelta(minutes=0),
    },
    "Elevliste delt i feil Teams-kanal": {
        "types": ["confidentiality"],
        "cause": "En elevliste med kontaktopplysninger ble lagt i en Teams-kanal med flere medlemmer enn "
                 "tiltenkt",
        "people": (["elever", "foresatte"], (18, 28)), "records": (["navn", "klasse", "telefon til foresatte"],
                                                                  (18, 28)),
        "consequences": "Opplysningene var synlige for ansatte med taushetsplikt i under ett døgn; ingen særlige "
                        "kategorier",
        "measures_taken": "Listen er fjernet fra kanalen, og tilgangsloggen er kontrollert",
        "measures_planned": "Maler for klassekanaler med riktige medlemmer; opplæring av kontaktlærere",
        "art34": "low_risk", "reason": "Bare ansatte med taushetsplikt hadde tilgang, i under ett døgn, og "
                                       "opplysningene er ikke sensitive: høy risiko er ikke sannsynlig",
        "lasts": timedelta(hours=6),
    },
    "Brev med vedtak sendt til gammel adresse": {
        "types": ["confidentiality"],
        "cause": "Vedtaksbrev ble sendt til en tidligere adresse fordi adressen i fagsystemet ikke var "
                 "oppdatert fra Folkeregisteret",
        "people": (["søkere"], (1, 1)), "records": (["navn", "adresse", "vedtak"], (1, 1)),
        "consequences": "Vedtaket kan ha blitt lest av de nye beboerne på adressen",
        "measures_taken": "Brevet er hentet tilbake uåpnet eller bekreftet destruert",
        "measures_planned": "Fagsystemet oppdaterer adresser fra Folkeregisteret hver natt",
        "art34": "informed", "how": "Telefon, og nytt brev i Digipost", "lasts": timedelta(days=2),
    },
    "Ukryptert minnepinne med kartlegginger mistet": {
        "types": ["confidentiality", "availability"],
        "cause": "En ukryptert minnepinne med kartlegginger av brukere ble mistet utenfor kontoret",
        "people": (["brukere av tjenesten"], (12, 40)),
        "records": (["navn", "fødselsdato", "helseopplysninger (kartlegginger)"], (12, 40)),
        "consequences": "Helseopplysninger kan bli kjent for uvedkommende; risiko for belastning og misbruk",
        "measures_taken": "Søk etter minnepinnen; melding til politiet om tapt gjenstand",
        "measures_planned": "USB-lagring sperres på kommunens PC-er; kartlegginger lagres bare i fagsystemet",
        "art34": "informed", "how": "Brev i Digipost, og telefon til de mest sårbare", "lasts": None,
    },
}
NOT_NOTIFIED_REASON = ("Bruddet er vurdert til ikke å medføre risiko for de registrerte (art. 33 nr. 1); da er "
                       "heller ikke høy risiko sannsynlig (art. 34 nr. 1)")

# The full example: notified in stages, first within 72 hours with what was
# known, then a further notice once the number of people was clear.
STAGED = "Q-2020-034"


def breach_form(record: dict, breach: dict) -> dict:
    """What Datatilsynet's form asks for, for one generated breach."""
    rng = random.Random(record["id"])
    form = FORMS[record["title"]]
    aware: datetime = breach["became_aware"]
    start = datetime.combine(record["occurred"], time(8)) + timedelta(minutes=rng.randrange(0, 120, 5))
    start = min(start, aware)
    lasts = form["lasts"]
    people = rng.randint(*form["people"][1])
    out: dict = {
        "types": form["types"], "cause": form["cause"],
        "period": {"start": start} | ({"ongoing": True} if lasts is None else {"end": start + lasts}),
        "people": {"categories": form["people"][0], "approx": people},
        "records": {"categories": form["records"][0], "approx": max(people, rng.randint(*form["records"][1]))},
        "consequences": form["consequences"], "measures_taken": form["measures_taken"],
        "measures_planned": form["measures_planned"], "contact": "Personvernombud",
    }
    if "notified" in breach:
        out["completed"] = breach["notified"]
    if "not_notified_reason" in breach:
        out["art34"] = {"not_informed": "low_risk", "reason": NOT_NOTIFIED_REASON}
    elif form["art34"] == "informed":
        out["art34"] = {"informed": aware + timedelta(days=rng.randint(1, 3)), "how": form["how"]}
    else:
        out["art34"] = {"not_informed": form["art34"], "reason": form["reason"]}
    if record["id"] == STAGED:
        # The first notice said what was known; the count came a week later.
        further = breach["notified"] + timedelta(days=5, hours=2)
        out["people"]["approx"] = 34
        out["records"]["approx"] = 34
        out["further_notices"] = [{"sent": further, "added": "Antall berørte brukere klarlagt (34) etter "
                                   "gjennomgang av hvilke kartlegginger som lå på minnepinnen; brukerne er varslet"}]
        out["completed"] = further
        out["art34"] = {"informed": further - timedelta(hours=4), "how": form["how"]}
    return out
