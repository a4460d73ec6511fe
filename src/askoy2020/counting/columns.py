"""The columns and values of a quality system's export, as Norwegian
systems name them (Compilo, Landax, EQS and the municipality's own
reports): ``Enhet``, ``Avvikstype``, ``Alvorlighetsgrad``, ``Registrert``,
``Antall``. Names and values are compared as :func:`normal` writes them:
without case, accents, spaces or punctuation.

Only these columns are ever read. A description, title or name column is
passed over: its text never reaches the repository.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..accounts.columns import normal
from ..model.case_counts import CountedKind

FIELDS: dict[str, tuple[str, ...]] = {
    "unit": ("enhet", "enhetsnavn", "avdeling", "organisasjonsenhet", "orgenhet", "driftsenhet", "virksomhet",
             "unit"),
    "kind": ("avvikstype", "type", "kategori", "sakstype", "hendelsestype", "meldingstype", "typeavvik", "kind"),
    "severity": ("alvorlighetsgrad", "alvorlighet", "konsekvens", "konsekvensgrad", "grad", "severity"),
    "date": ("dato", "registrert", "registrertdato", "registreringsdato", "datoregistrert", "opprettet", "meldt",
             "meldtdato", "hendelsesdato", "date"),
    "month": ("maned", "mnd", "periode", "month"),
    "count": ("antall", "antallsaker", "antallavvik", "count"),
    "area": ("programomrade", "omrade", "area"),
}
"""Field -> column names, as :func:`normal` writes them."""
TITLES = {"unit": "enhet", "kind": "avvikstype", "severity": "alvorlighetsgrad", "date": "dato",
          "month": "måned", "count": "antall", "area": "programområde"}
KEPT = ("unit", "kind", "severity", "area")
"""The text fields whose values are written to the repository."""
_BY_NAME = {alias: f for f, aliases in FIELDS.items() for alias in aliases}

KIND_VALUES: dict[CountedKind, tuple[str, ...]] = {
    CountedKind.DEVIATION: ("avvik", "tjenesteavvik", "pasientavvik", "brukeravvik", "pasientogbrukeravvik",
                            "pasientbrukeravvik", "kvalitetsavvik", "avvikitjenesten", "uonskethendelse",
                            "deviation"),
    CountedKind.HMS_DEVIATION: ("hmsavvik", "hms", "avvikhms", "arbeidsmiljoavvik", "personskade", "skadeansatt",
                                "voldogtrusler", "hmsdeviation"),
    CountedKind.COMPLAINT: ("klage", "klagesak", "complaint"),
    CountedKind.SECURITY_INCIDENT: ("informasjonssikkerhet", "informasjonssikkerhetsavvik",
                                    "informasjonssikkerhetshendelse", "sikkerhetshendelse", "iktsikkerhet",
                                    "securityincident"),
    CountedKind.PERSONAL_DATA_BREACH: ("personvernbrudd", "personvernavvik", "avvikpersonvern",
                                       "bruddpapersonopplysningssikkerheten", "personopplysningsbrudd",
                                       "personaldatabreach"),
    CountedKind.IMPROVEMENT_PROPOSAL: ("forbedringsforslag", "forslag", "forbedring", "improvementproposal"),
}
_KIND_BY_NAME = {alias: kind for kind, aliases in KIND_VALUES.items() for alias in aliases}

SEVERITY_WORDS: dict[str, int | None] = {
    "ubetydelig": 1, "lav": 1, "liten": 1,
    "mindrealvorlig": 2, "mindre": 2, "lavmiddels": 2,
    "moderat": 3, "middels": 3, "betydelig": 3,
    "alvorlig": 4, "stor": 4, "hoy": 4,
    "svaertalvorlig": 5, "megetalvorlig": 5, "kritisk": 5, "katastrofal": 5,
    "": None, "ikkevurdert": None, "ukjent": None, "ikkeangitt": None, "na": None,
}


_LABELLED = re.compile(r"(?:(?:\s+|\s*[-–—:.)]\s*)[^\W\d_].*)?", re.DOTALL)
"""What may follow a severity's digit: nothing, or its name after a space
or a dash ('3 - Moderat', '3-Moderat', '3: moderat', '3. Moderat'), never
another digit or a decimal part ('3,5', '3.5') or letters glued to it ('5x')."""


class UnknownValue(ValueError):
    """A cell whose value the importer does not know."""


def kind_of(value: str) -> CountedKind:
    found = _KIND_BY_NAME.get(normal(value))
    if found is None:
        known = ", ".join(sorted({"Avvik", "HMS-avvik", "Pasientavvik", "Brukeravvik", "Klage",
                                  "Forbedringsforslag", "Informasjonssikkerhet", "Personvernbrudd"}))
        raise UnknownValue(f"is not a kind the importer knows (it knows e.g. {known})")
    return found


def severity_of(value: object) -> int | None:
    """1–5, a leading digit ('3 - Moderat') or a word; None: not assessed."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise UnknownValue("is not a severity")
    if isinstance(value, (int, float)):
        if float(value).is_integer() and 1 <= int(value) <= 5:
            return int(value)
        raise UnknownValue("is not a severity from 1 to 5")
    text = str(value).strip()
    if text[:1].isdigit():
        if text[:1] in "12345" and _LABELLED.fullmatch(text[1:]):
            return int(text[:1])
        raise UnknownValue("is not a severity from 1 to 5 (a digit, alone or before its name, as in "
                           "'3 - Moderat')")
    key = normal(text)
    if text in ("-", "–") or key in SEVERITY_WORDS:
        return SEVERITY_WORDS.get(key)
    raise UnknownValue("is not a severity the importer knows (1–5, ubetydelig, mindre alvorlig, moderat, "
                       "alvorlig, svært alvorlig, or empty for not assessed)")


@dataclass(frozen=True)
class CountHeader:
    row: int
    columns: dict[str, int]
    names: dict[str, str]
    width: int

    @property
    def aggregated(self) -> bool:
        """The export gives counts (an antall column); otherwise each row is one case."""
        return "count" in self.columns

    @property
    def when(self) -> str:
        """The column that gives the month: a month column, else a date."""
        return "month" if "month" in self.columns else "date"


class DuplicateColumn(ValueError):
    pass


def header_of(cells: Sequence[object], row: int) -> CountHeader | None:
    """The header this row is: it names a unit, a kind and a date or month."""
    columns: dict[str, int] = {}
    names: dict[str, str] = {}
    for index, cell in enumerate(cells):
        field = _BY_NAME.get(normal(cell)) if cell is not None else None
        if field is None:
            continue
        if field in columns:
            raise DuplicateColumn(f"two columns could be {TITLES[field]}: {names[field]!r} and {str(cell).strip()!r}")
        columns[field], names[field] = index, str(cell).strip()
    if not {"unit", "kind"} <= columns.keys() or not ({"date", "month"} & columns.keys()):
        return None
    width = max((i + 1 for i, cell in enumerate(cells) if cell is not None and str(cell).strip()), default=0)
    return CountHeader(row, columns, names, width)


def expected_header() -> str:
    return ("a row naming an enhet column, an avvikstype (type, kategori) column and a dato (registrert) or "
            "måned column; antall and alvorlighetsgrad (konsekvens) are read when there")
