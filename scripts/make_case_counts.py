"""The sample's case volumes: an invented quality-system export (one row per
case, as Compilo lists them) for 2017 to October 2020, imported with
``askoy2020 import cases`` into data/quality-counts/.

    python scripts/make_case_counts.py /tmp/compilo-avvik.csv
    askoy2020 import cases /tmp/compilo-avvik.csv data --source Compilo

Seeded, so the same export comes out every time. The volumes are reasoned
for a municipality of about 1,970 employees (årsverk spread over the 30
units the sample names): care units register most service deviations
(pasient- og brukeravvik: falls, medication), more in summer when
substitutes work; HMS deviations (vold og trusler, stikkskader, belastning)
come mostly from care, schools and kindergartens; complaints from the units
that make decisions (byggesak, NAV, servicetorget, barnevern). Registration
grows over the programme (a reporting culture is one of Kvalitet 2020's
aims). Severity is mostly 1–2 with a few 4–5; some cases are not assessed.
The export holds a title column, as real exports do; the importer never
reads it.
"""

from __future__ import annotations

import csv
import math
import random
import sys
from pathlib import Path

SEED = 2020
LAST = (2020, 10)  # the sample's report day is 31 October 2020
# unit -> yearly cases in 2019: service deviations, HMS, complaints, security, breaches, proposals
UNITS: dict[str, tuple[float, float, float, float, float, float]] = {
    "Kleppestø sykehjem": (95, 18, 3, 0.5, 0.5, 4),
    "Skiftesvik sykehjem": (85, 17, 3, 0.5, 0.5, 3),
    "Hjemmetjenesten sone nord": (80, 12, 5, 0.5, 1, 3),
    "Hjemmetjenesten sone sør": (75, 11, 5, 0.5, 1, 3),
    "Bofellesskap Hetlevik": (45, 16, 1, 0, 0.3, 2),
    "Psykisk helse og rus": (30, 6, 3, 0.3, 0.5, 2),
    "Kjøkkenet Kleppestø sykehjem": (8, 3, 0.5, 0, 0, 1),
    "Kleppestø skole": (9, 6, 2, 0.3, 0.3, 2),
    "Florvåg skole": (7, 5, 2, 0.3, 0.3, 1),
    "Erdal ungdomsskole": (10, 6, 2, 0.3, 0.3, 2),
    "Follese skole": (6, 4, 1, 0.2, 0.2, 1),
    "Strusshamn skole": (7, 5, 2, 0.2, 0.2, 1),
    "Ask skole": (7, 5, 1, 0.2, 0.2, 1),
    "Strusshamn barnehage": (6, 4, 1, 0, 0.1, 1),
    "Ravnanger barnehage": (6, 4, 1, 0, 0.1, 1),
    "Helsestasjonen": (12, 2, 2, 0.3, 0.5, 2),
    "Barnevernstjenesten": (25, 6, 6, 0.5, 1, 2),
    "PPT": (4, 1, 2, 0.2, 0.3, 1),
    "NAV Askøy": (15, 4, 12, 0.5, 0.8, 3),
    "Flyktningtjenesten": (10, 2, 3, 0.3, 0.5, 1),
    "Servicetorget": (6, 1, 10, 0.5, 0.5, 4),
    "Kultur og bibliotek": (3, 1, 2, 0, 0.1, 2),
    "Byggesak": (4, 1, 15, 0.2, 0.3, 2),
    "Plan og miljø": (2, 1, 4, 0.1, 0.1, 1),
    "IKT-avdelingen": (3, 1, 1, 8, 0.5, 3),
    "Dokumentsenteret": (4, 1, 1, 4, 1, 2),
    "Lønn og personal": (3, 1, 2, 0.5, 0.5, 1),
    "Økonomiavdelingen": (2, 1, 1, 0.3, 0.2, 1),
    "Eiendomsdrift": (5, 5, 2, 0, 0, 2),
    "Renhold": (2, 6, 1, 0, 0, 1),
}
KINDS = ("service", "hms", "complaint", "security", "breach", "proposal")
NAMES = {"service": ("Pasientavvik", "Brukeravvik", "Avvik"), "hms": ("HMS-avvik",), "complaint": ("Klage",),
         "security": ("Informasjonssikkerhet",), "breach": ("Personvernbrudd",), "proposal": ("Forbedringsforslag",)}
TITLES = {"service": ("Fall", "Feil legemiddel", "Manglende dokumentasjon", "Tilsyn ikke utført"),
          "hms": ("Vold og trusler", "Stikkskade", "Tunge løft", "Glatt underlag"),
          "complaint": ("Klage på vedtak", "Klage på ventetid"), "security": ("Phishing", "Tapt enhet"),
          "breach": ("E-post til feil mottaker",), "proposal": ("Enklere rutine", "Ny sjekkliste")}
# share of cases by severity 1..5 and not assessed (None)
SEVERITY = {"service": (35, 40, 15, 4, 1, 5), "hms": (30, 40, 18, 5, 1, 6), "complaint": (5, 5, 5, 0, 0, 85),
            "security": (30, 35, 20, 8, 2, 5), "breach": (25, 35, 25, 10, 3, 2), "proposal": (0, 0, 0, 0, 0, 100)}
SEVERITY_TEXT = {1: "1 - Ubetydelig", 2: "2 - Mindre alvorlig", 3: "3 - Moderat", 4: "4 - Alvorlig",
                 5: "5 - Svært alvorlig", None: ""}
GROWTH = {2017: 0.75, 2018: 0.88, 2019: 1.0, 2020: 1.08}  # a growing reporting culture
CARE = {"sykehjem", "Hjemmetjenesten", "Bofellesskap", "Psykisk"}


def seasonal(unit: str, kind: str, month: int) -> float:
    """Summer substitutes in care, fewer cases in school holidays, a quiet December."""
    factor = 1.0
    if kind == "service" and any(word in unit for word in CARE) and month in (6, 7, 8):
        factor *= 1.3
    if ("skole" in unit or "barnehage" in unit) and month == 7:
        factor *= 0.15
    if month == 12:
        factor *= 0.8
    return factor


def poisson(rng: random.Random, mean: float) -> int:
    limit, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def rows(rng: random.Random) -> list[list[str]]:
    out = []
    number = 0
    for year in range(2017, LAST[0] + 1):
        for month in range(1, 13):
            if (year, month) > LAST:
                break
            for unit, rates in UNITS.items():
                for kind, rate in zip(KINDS, rates, strict=True):
                    for _ in range(poisson(rng, rate / 12 * GROWTH[year] * seasonal(unit, kind, month))):
                        number += 1
                        severity = rng.choices((1, 2, 3, 4, 5, None), SEVERITY[kind])[0]
                        day = rng.randint(1, 28)
                        out.append([f"AVV-{number:05d}", f"{day:02d}.{month:02d}.{year}", unit,
                                    rng.choice(NAMES[kind]), SEVERITY_TEXT[severity], rng.choice(TITLES[kind])])
    return out


def main(target: str) -> None:
    rng = random.Random(SEED)
    with Path(target).open("w", encoding="cp1252", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Saksnr", "Registrert", "Enhet", "Avvikstype", "Alvorlighetsgrad", "Tittel"])
        writer.writerows(rows(rng))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "compilo-avvik.csv")
