"""Turn Pydantic validation errors into diagnostics at the right line.

A Pydantic error's ``loc`` is a path into the record; the parsed
:class:`Document` knows where every path was written. Unknown keys are
reported at the key, missing keys at the mapping that lacks them, bad values
at the value.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from pydantic import BaseModel, ValidationError

from ..core import bokmal as nb
from ..core.diagnostics import Diagnostic, Location, Say
from ..core.identity_numbers import clip
from ..core.scalars import source_text
from ..model.types import model_at
from . import problems as R
from .schema_messages import type_nb
from .yaml_reader import Document

_RANGE = {
    "greater_than", "greater_than_equal", "less_than", "less_than_equal",
    "too_short", "too_long", "string_too_short", "string_too_long", "finite_number",
}
_CHOICE = {"enum", "literal_error"}
MAX_PER_RECORD = 50
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def dotted(loc: tuple[Any, ...]) -> Say:
    text = ""
    for part in loc:  # a key read as a number is named as it was written (2021, 02021)
        text += f"[{source_text(part)}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return Say(text, text) if text else Say("the record", "posten")


def _describe(value: Any) -> str:
    # As written (a number's own text: 0123, not 123), masked before it is
    # cut: the first ten digits of an identity number give it away as well
    # as all eleven.
    # A number (a YamlInt from libyaml, a plain int from the native reader)
    # is shown bare, as written; anything else as its repr.
    shown = source_text(value)
    is_number = isinstance(value, (int, float)) and not isinstance(value, bool)
    return clip(shown if is_number else repr(shown if not isinstance(shown, (dict, list)) else type(shown).__name__),
                58)


def _field_hint(model: type[BaseModel] | None, name: str) -> str:
    if model is None or name not in model.model_fields:
        return ""
    return model.model_fields[name].description or ""


def diagnose(
    exc: ValidationError, model: type[BaseModel], doc: Document, base: tuple[Any, ...], file: str,
    what: Say,
) -> list[Diagnostic]:
    """The diagnostics of one record's validation errors; ``what`` names the
    record kind (English 'project', bokmål in the definite form 'prosjektet')."""
    out: list[Diagnostic] = []
    errors = exc.errors(include_url=False)
    if len(errors) > MAX_PER_RECORD:
        # A pasted log or a generated file can hold thousands of stray keys;
        # the first few say what is wrong, and the rest would bury them.
        line, col = doc.where(base)
        rest = len(errors) - MAX_PER_RECORD
        errors = errors[:MAX_PER_RECORD]
        out.append(_diag(file, line, col, R.TOO_MANY_PROBLEMS,
                         Say(f"this {what.en} has {rest:,} more problems than shown here",
                             f"{what.nb} har {nb.count(rest, 'problem', 'problemer')} til som ikke vises her"),
                         Say("Fix the problems listed for this record, then validate again.",
                             "Rett problemene som er listet for denne posten, og valider på nytt.")))
    for error in errors:
        loc = tuple(error["loc"])
        kind = error["type"]
        is_key = bool(loc) and loc[-1] == "[key]"
        if is_key:
            loc = loc[:-1]
        is_key = is_key or kind == "invalid_key"  # a key that is not text ('~:', '1.5:') in a record
        name = loc[-1] if loc else ""
        if kind == "extra_forbidden":
            line, col = doc.where_key(base + loc)
            parent = model_at(model, loc[:-1])
            allowed = ", ".join(parent.model_fields) if parent else ""
            close = difflib.get_close_matches(str(name), list(parent.model_fields) if parent else [], n=1, cutoff=0.6)
            hint = Say(f"Did you mean '{close[0]}'? ", f"Mente du «{close[0]}»? ") if close else Say("", "")
            if allowed:
                hint += Say(f"Allowed keys here: {allowed}.", f"Tillatte nøkler her: {allowed}.")
            out.append(_diag(file, line, col, R.UNKNOWN_KEY,
                             Say(f"unknown key '{name}' in {what.en}", f"ukjent nøkkel «{name}» i {what.nb}"), hint))
            continue
        line, col = doc.where_key(base + loc) if is_key else doc.where(base + loc)
        if kind == "missing":
            parent = model_at(model, loc[:-1])
            described = _field_hint(parent, str(name))
            in_what = what if not loc[:-1] else dotted(loc[:-1])
            out.append(
                _diag(file, line, col, R.MISSING_FIELD,
                      Say(f"missing required field '{name}' in {in_what.en}",
                          f"det påkrevde feltet «{name}» mangler i {in_what.nb}"),
                      # The field's description is English (the models' docstrings); bokmål points to the reference.
                      Say(f"Add '{name}:'" + (f" – {described}" if described else "."),
                          f"Legg til «{name}:» (docs/format.md sier hva feltet skal inneholde)."))
            )
        elif kind in _CHOICE:
            allowed_values = _allowed(error)
            close = difflib.get_close_matches(str(error.get("input")), allowed_values, n=1, cutoff=0.5)
            listed = ", ".join(allowed_values)
            where = dotted(loc)
            described = _describe(error.get("input"))
            out.append(
                _diag(file, line, col, R.NOT_ALLOWED,
                      Say(f"{where.en}: {described} is not an allowed value",
                          f"{where.nb}: {described} er ikke en tillatt verdi"),
                      Say((f"Did you mean '{close[0]}'? " if close else "") + f"Use one of: {listed}.",
                          (f"Mente du «{close[0]}»? " if close else "") + f"Bruk en av disse: {listed}."))
            )
        elif kind in _RANGE:
            bound = str((error.get("ctx") or {}).get("le", (error.get("ctx") or {}).get("ge", "")))
            is_date = bool(_ISO_DATE.match(bound))  # pydantic gives a date bound as its text
            where = dotted(loc)
            described = _describe(error.get("input"))
            out.append(
                _diag(file, line, col, R.OUT_OF_RANGE,
                      Say(f"{where.en}: {described} is out of range ({_lower(error['msg'])})",
                          f"{where.nb}: {described} er utenfor det tillatte området ({type_nb(error)})"),
                      Say("Check the year: dates run from 1990 to 2100.",
                          "Kontroller året: datoer må ligge mellom 1990 og 2100.") if is_date else
                      Say("Correct the value; amounts are in 1000 kr, staff in årsverk, scores 1–5.",
                          "Rett verdien; beløp føres i 1000 kr, bemanning i årsverk og poeng fra 1 til 5."))
            )
        else:
            where = dotted(loc) + (Say(" (key)", " (nøkkel)") if is_key else Say("", ""))
            described = _describe(error.get("input"))
            message = Say(f"{where.en}: {described} – {_lower(error['msg'])}",
                          f"{where.nb}: {described} – {type_nb(error)}")
            out.append(_diag(file, line, col, R.WRONG_TYPE, message, _type_hint(kind)))
    return out


def _allowed(error: Any) -> list[str]:
    expected = str((error.get("ctx") or {}).get("expected", ""))
    return [part.strip(" '") for part in expected.replace(" or ", ",").split(",") if part.strip(" '")]


def _lower(msg: str) -> str:
    return msg[:1].lower() + msg[1:]


def _type_hint(kind: str) -> Say:
    if "date" in kind or "datetime" in kind:
        return Say("Write dates as YYYY-MM-DD (times as YYYY-MM-DDTHH:MM) and check that the day exists.",
                   "Skriv datoer som ÅÅÅÅ-MM-DD, f.eks. 2020-03-31 (tidspunkter som 2020-03-31T14:30), og "
                   "kontroller at dagen finnes.")
    if "pattern" in kind:
        return Say("Ids use letters, digits, '.', '_' and '-' only, e.g. DK-03.",
                   "En id kan bare ha bokstaver, sifre, «.», «_» og «-», f.eks. DK-03.")
    if kind in ("string_type",):
        return Say("Put the text in quotes.", "Sett teksten i anførselstegn.")
    if kind in ("model_type", "dict_type"):
        return Say("Write a mapping (key: value lines) here.", "Skriv en blokk med «nøkkel: verdi»-linjer her.")
    if kind == "invalid_key":
        return Say("Keys are field names; remove this one, or quote it if it is meant as text.",
                   "Nøkler er feltnavn; fjern denne, eller sett den i anførselstegn hvis den er ment som tekst.")
    if kind == "list_type":
        return Say("Write a list here (lines starting with '- ').",
                   "Skriv en liste her (linjer som begynner med «- »).")
    return Say("Correct the value to the type the field expects (see docs/format.md).",
               "Rett verdien til den typen feltet skal ha (se docs/format.md).")


def _diag(file: str, line: int, col: int, rule: R.LoadRule, message: Say, hint: Say) -> Diagnostic:
    return rule.at(Location(file, line, col), message, hint)
