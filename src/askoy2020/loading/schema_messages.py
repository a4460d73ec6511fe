"""What a Pydantic validation error says, in bokmål.

Pydantic words each error in English from its ``type`` and ``ctx``
("Input should be greater than or equal to 1990"); here each type the
records can raise has its bokmål wording, built from the same ``ctx``.
:data:`COVERED` lists the types (tests/loading/test_schema_messages.py
checks that every type a record can produce is among them). A model's own
check raises :class:`~askoy2020.core.diagnostics.SayError`, which carries
both languages. An unknown type – a future Pydantic's – is said with a
bokmål lead-in and Pydantic's English words quoted.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..core import bokmal as nb
from ..core.diagnostics import SayError

_DICT = "skal være en blokk med «nøkkel: verdi»-linjer"
_LIST = "skal være en liste"
_NUMBER = "skal være et tall"

# Type -> bokmål, with {ge}, {le}, {pattern} … from the error's ctx.
_WORDS: dict[str, str] = {
    # text
    "string_type": "skal være tekst",
    "string_unicode": "skal være gyldig Unicode-tekst",
    "string_not_ascii": "kan bare ha ASCII-tegn",
    "string_pattern_mismatch": "følger ikke mønsteret {pattern}",
    "string_too_short": "skal ha minst {min_length} tegn",
    "string_too_long": "kan ha høyst {max_length} tegn",
    "bytes_type": "skal være tekst",
    # numbers
    "int_type": "skal være et heltall",
    "int_parsing": "skal være et heltall, og teksten kan ikke leses som et tall",
    "int_parsing_size": "tallet er for stort",
    "int_from_float": "skal være et heltall, ikke et desimaltall",
    "float_type": _NUMBER,
    "float_parsing": "skal være et tall, og teksten kan ikke leses som et tall",
    "decimal_type": _NUMBER,
    "decimal_parsing": "skal være et tall, og teksten kan ikke leses som et tall",
    "finite_number": "skal være et endelig tall",
    "greater_than": "skal være større enn {gt}",
    "greater_than_equal": "skal være minst {ge}",
    "less_than": "skal være mindre enn {lt}",
    "less_than_equal": "kan være høyst {le}",
    "multiple_of": "skal være et multiplum av {multiple_of}",
    "bool_type": "skal være true eller false",
    "bool_parsing": "skal være true eller false",
    # dates and times
    "date_type": "skal være en dato",
    "date_parsing": "skal være en gyldig dato{detail}",
    "date_from_datetime_parsing": "skal være en gyldig dato{detail}",
    "date_from_datetime_inexact": "skal være en dato uten klokkeslett",
    "date_past": "skal være en dato som har vært",
    "date_future": "skal være en dato frem i tid",
    "datetime_type": "skal være et tidspunkt",
    "datetime_parsing": "skal være et gyldig tidspunkt{detail}",
    "datetime_from_date_parsing": "skal være et gyldig tidspunkt eller en gyldig dato{detail}",
    "datetime_object_invalid": "er ikke et gyldig tidspunkt{detail}",
    "datetime_past": "skal være et tidspunkt som har vært",
    "datetime_future": "skal være et tidspunkt frem i tid",
    "time_type": "skal være et klokkeslett",
    "time_parsing": "skal være et gyldig klokkeslett{detail}",
    "timezone_naive": "skal være uten tidssone",
    "timezone_aware": "skal ha tidssone",
    "timezone_offset": "skal ha tidssoneforskyvningen {tz_expected}",
    "time_delta_type": "skal være en varighet",
    "time_delta_parsing": "skal være en gyldig varighet",
    # structure
    "dict_type": _DICT,
    "model_type": _DICT,
    "model_attributes_type": _DICT,
    "mapping_type": _DICT,
    "dataclass_type": _DICT,
    "list_type": _LIST,
    "tuple_type": _LIST,
    "set_type": _LIST,
    "frozen_set_type": _LIST,
    "iterable_type": _LIST,
    "set_item_not_hashable": "et element i listen kan ikke brukes her (det er selv en liste eller en blokk)",
    "too_short": "skal ha minst {min_length} {items}",
    "too_long": "kan ha høyst {max_length} {items}",
    "none_required": "skal være tom",
    "invalid_key": "nøkler skal være tekst",
    "recursion_loop": "viser til seg selv (en løkke av alias)",
    "union_tag_invalid": "har en ukjent type {tag}; bruk en av {expected_tags}",
    "union_tag_not_found": "mangler feltet {discriminator}",
    "is_instance_of": "har feil type",
    "literal_error": "er ikke en tillatt verdi; bruk en av {expected}",
    "enum": "er ikke en tillatt verdi; bruk en av {expected}",
    "missing": "mangler",
    "extra_forbidden": "er en ukjent nøkkel",
}

# A model's own check (a validator) raises a SayError, so its error says
# itself in bokmål; a plain ValueError would get the lead-in below.
COVERED = frozenset(_WORDS) | {"value_error"}

# The parser Pydantic uses for dates and times (speedate) says what is wrong
# with a date in English; these are the ones a record's date or time can
# meet (the records take ISO text only). Others are left out.
_DATE_DETAILS: list[tuple[re.Pattern[str], str]] = [(re.compile(en), nb) for en, nb in (
    (r"^day value is outside expected range", "dagen finnes ikke i den måneden"),
    (r"^month value is outside expected range", "måneden må være fra 1 til 12"),
    (r"^hour value is outside expected range", "timen må være fra 0 til 23"),
    (r"^minute value is outside expected range", "minuttet må være fra 0 til 59"),
    (r"^second value is outside expected range", "sekundet må være fra 0 til 59"),
    (r"^second fraction value is more than 6 digits", "brøkdelen av sekundet har mer enn 6 sifre"),
    (r"^invalid character in (?:year|month|day|hour|minute|second)", "ugyldig tegn i datoen eller tiden"),
    (r"^invalid (?:date|time|datetime) separator", "datoen eller tiden har feil skilletegn"),
    (r"^input is too short", "teksten er for kort"),
    (r"^unexpected extra characters", "det står noe etter datoen eller tiden"),
    (r"timezone", "ugyldig tidssone"),
)]


def type_nb(error: Any) -> str:
    """What a Pydantic error (a dict of ``ValidationError.errors()``) says, in bokmål."""
    kind = str(error.get("type", ""))
    ctx = dict(error.get("ctx") or {})
    cause = ctx.get("error")
    if isinstance(cause, SayError):
        return cause.say.nb
    words = _WORDS.get(kind)
    if words is None:
        return f"ugyldig verdi (Pydantic: «{error.get('msg', kind)}»)"
    values = {key: _shown(value) for key, value in ctx.items()}
    values["detail"] = _date_detail(str(cause)) if cause is not None else ""
    values["items"] = "tegn" if isinstance(error.get("input"), str) else "elementer"
    if "expected" in ctx:
        values["expected"] = str(ctx["expected"]).replace(" or ", " eller ")
    try:
        return words.format(**values)
    except (KeyError, IndexError):  # a ctx without the value the words name
        return re.sub(r"\s*\{[a-z_]+\}", "", words)


def _shown(value: Any) -> str:
    """A bound as bokmål writes it: 1,5; 01.01.1990."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        if float(value).is_integer() and abs(value) < 1e15:
            return f"{int(value):,}".replace(",", " ")  # 1 000 000 000, not 1e+09
        return nb.number(value)
    if isinstance(value, dt.date):
        return nb.date(value)
    text = str(value)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return nb.date(dt.date.fromisoformat(text))
    return text


def _date_detail(text: str) -> str:
    for pattern, words in _DATE_DETAILS:
        if pattern.search(text):
            return f" ({words})"
    return ""
