"""Shared building blocks of every record model.

All models forbid unknown keys (a typo such as ``budjet_frames`` must be an
error, not silently ignored) and know where in which file they were written,
so rules can point at the line to edit.
"""

from __future__ import annotations

import re
import unicodedata
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import Enum
from typing import Annotated, Any, NamedTuple, TypeVar
from zoneinfo import ZoneInfo

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidatorFunctionWrapHandler,
    WithJsonSchema,
    WrapValidator,
)

from ..core.diagnostics import Location, Say, SayError
from ..core.positions import Positions, ValuePath
from ..core.scalars import source_text

# Askøy's clocks: a time written without a zone is Norwegian local time.
OSLO = ZoneInfo("Europe/Oslo")


@dataclass(frozen=True)
class Origin:
    """Where a model was written: the file, its parsed document and the path
    of the model's mapping inside that document."""

    file: str
    document: Positions
    path: ValuePath


class Record(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        allow_inf_nan=False,
        validate_default=True,
        use_attribute_docstrings=True,
    )
    _origin: Origin | None = PrivateAttr(default=None)

    @property
    def origin(self) -> Origin | None:
        """Where the record was read: its file and its path in that file's
        document (None for a record made in memory)."""
        return self._origin

    def where(self, *path: Any) -> Location:
        """The location of this record, or of one of its values."""
        if self._origin is None:
            return Location("<memory>")
        full = self._origin.path + path
        line, column = self._origin.document.where(full)
        return Location(self._origin.file, line, column)

    def where_key(self, key: str) -> Location:
        """The location of a key of this record (for 'remove this key')."""
        if self._origin is None:
            return Location("<memory>")
        line, column = self._origin.document.where_key(self._origin.path + (key,))
        return Location(self._origin.file, line, column)


class Direction(str, Enum):
    HIGHER = "higher"
    LOWER = "lower"


def _aware(value: datetime) -> datetime:
    """Without a zone, Norwegian local time; within the years a Day may take
    (1990–2100): a time such as 0001-01-01 is a typo, and turning it into
    UTC to count the hours between two times would overflow."""
    if not 1990 <= value.year <= 2100:
        shown = value.isoformat(timespec="minutes")
        raise SayError(Say(f"the time {shown} is outside 1990–2100; correct the year",
                           f"tidspunktet {shown} er utenfor 1990–2100; rett året"))
    return value if value.tzinfo is not None else value.replace(tzinfo=OSLO)


# pydantic would also take 1577836800 (a Unix time) as a date or a time, and
# 2020-01-01T00:00:00Z as a date; records write them as ISO text only.
_ISO_DAY = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_ISO_MOMENT = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}"
                         r"(?:[Tt ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]+)?)?"
                         r"(?:[Zz]|[+-][0-9]{2}(?::?[0-9]{2})?)?)?$")


# What the loader accepts, as patterns for the JSON Schemas: an editor must
# flag exactly what validate flags. JSON Schema's "format" will not do:
# "date-time" asks for seconds and a zone that records leave out, and a
# client may check "date" against the calendar or not. These take the
# calendar, the years 1990 to 2100 a Day and a Moment allow, and the spellings
# pydantic reads after _ISO_DAY and _ISO_MOMENT let them through. They end
# in (?![\s\S]) as well as $: to Python's re (check-jsonschema) '$' also
# matches before a final line break. tests/model/test_schema_patterns.py
# holds them against the loader.
_YEAR = r"(?:199[0-9]|20[0-9]{2}|2100)"
_DATE = (r"(?:" + _YEAR + r"-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
         r"|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))"
         r"|(?:199[26]|20(?:[02468][048]|[13579][26]))-02-29)")
END_OF_TEXT = r"$(?![\s\S])"
DAY_SCHEMA_PATTERN = "^" + _DATE + END_OF_TEXT
MOMENT_SCHEMA_PATTERN = ("^" + _DATE + r"(?:[Tt ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:[.,][0-9]+)?)?"
                         r"(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):?[0-5][0-9])?)?" + END_OF_TEXT)
YEAR_SCHEMA_PATTERN = "^" + _YEAR + END_OF_TEXT


def text_schema(pattern: str, message: str) -> WithJsonSchema:
    """A string of ``pattern``; ``message`` is what the YAML extension
    says instead of quoting the pattern (its ``patternErrorMessage``)."""
    return WithJsonSchema({"type": "string", "pattern": pattern, "patternErrorMessage": message})


def _day(value: Any) -> Any:
    """A date is a YAML date (``2020-03-31``): not a time, not a number."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str) and _ISO_DAY.match(value):
        return value
    shown = repr(source_text(value))
    raise SayError(Say(f"write the date as YYYY-MM-DD, e.g. 2020-03-31 (not {shown})",
                       f"skriv datoen som ÅÅÅÅ-MM-DD, f.eks. 2020-03-31 (ikke {shown})"))


def _moment(value: Any) -> Any:
    """A time is ISO text (``2020-03-31T14:30``, a zone optional) or a date,
    which means 00:00; never a number."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime.combine(value, time())
    if isinstance(value, str) and _ISO_MOMENT.match(value):
        return value
    shown = repr(source_text(value))
    raise SayError(Say(f"write the time as YYYY-MM-DDTHH:MM, e.g. 2020-03-31T14:30 (not {shown})",
                       f"skriv tidspunktet som ÅÅÅÅ-MM-DDTtt:mm, f.eks. 2020-03-31T14:30 (ikke {shown})"))


# Invisible characters that a quoted YAML string can carry as escapes
# ("\0", "\u202e"): control characters, and the bidirectional overrides
# that make text read differently from what it holds ("Trojan Source").
_HIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _printable(value: str) -> str:
    found = _HIDDEN.search(value)
    if found:
        code, place = f"U+{ord(found.group()):04X}", found.start() + 1
        raise SayError(Say(f"the text holds the invisible character {code} at position {place}; remove it",
                           f"teksten inneholder det usynlige tegnet {code} på plass {place}; fjern det"))
    return value


# _HIDDEN for the schemas: text without those characters.
PRINTABLE_SCHEMA_PATTERN = (r"^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]*"
                            + END_OF_TEXT)
_PRINTABLE_MESSAGE = ("The text holds an invisible character (a control character or a direction override); remove it "
                      "(teksten inneholder et usynlig tegn; fjern det).")
# A YAML number in a text field is text as typed (``decision: 2020``): the
# schemas take a number there too, as the loader does.
_TEXT_SCHEMA = {"type": ["string", "number"], "pattern": PRINTABLE_SCHEMA_PATTERN,
                "patternErrorMessage": _PRINTABLE_MESSAGE}

Text = Annotated[str, BeforeValidator(source_text), Field(min_length=1), AfterValidator(_printable),
                 WithJsonSchema(_TEXT_SCHEMA | {"minLength": 1})]
"""Free text. A YAML number written here is kept exactly as typed."""

Note = Annotated[str, BeforeValidator(source_text), AfterValidator(_printable), WithJsonSchema(_TEXT_SCHEMA)]
"""Optional free text (comments, descriptions)."""

Role = Annotated[
    str,
    BeforeValidator(source_text),
    AfterValidator(_printable),
    Field(min_length=2, max_length=120, examples=["Kommunalsjef helse og omsorg"]),
    # A number is no role: text only here (the loader would take one of 2 to 120 digits).
    Field(json_schema_extra={"pattern": PRINTABLE_SCHEMA_PATTERN, "patternErrorMessage": _PRINTABLE_MESSAGE}),
]
"""A role title, never a person's name."""

def _composed(value: Any) -> Any:
    """An id's Æ, Ø and Å as one character each (NFC): written as A plus a
    combining ring (as macOS names files), "Å" would look the same and be
    another id."""
    value = source_text(value)
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


ID_PATTERN = r"^[A-Za-z0-9ÆØÅæøå][A-Za-z0-9ÆØÅæøå._-]{0,63}$"
# The same for the schemas, before _composed: an Å may also be written as A
# and a combining ring (U+030A) or as the Ångström sign (U+212B), and a K
# as the Kelvin sign (U+212A): NFC makes each of them the letter, and
# nothing else becomes one of these characters.
_ID_CHAR = r"(?:[A-Za-z0-9ÆØÅæøå\u212A\u212B]|[Aa]\u030A)"
ID_SCHEMA_PATTERN = "^" + _ID_CHAR + r"(?:" + _ID_CHAR + r"|[._-]){0,63}" + END_OF_TEXT
Id = Annotated[
    str,
    BeforeValidator(_composed),
    Field(pattern=ID_PATTERN, json_schema_extra={
        "pattern": ID_SCHEMA_PATTERN,
        "patternErrorMessage": "An id: letters, digits, '.', '_' and '-', at most 64, starting with a letter or a "
                               "digit (en id: bokstaver, sifre, '.', '_' og '-').",
    }),
]
"""An identifier: letters, digits, '.', '_' and '-', unique across the data
whatever the case (ASK201). :mod:`.ids` names each kind, with its example."""

def not_a_bool(value: Any) -> Any:
    """YAML's true/false are not numbers: pydantic would read ``true`` as 1."""
    if isinstance(value, bool):
        raise SayError(Say("true/false is not a number; write the number", "true/false er ikke et tall; skriv tallet"))
    return value


_FOUR_DIGITS = re.compile(r"[0-9]{4}")


def _year(value: Any) -> Any:
    """A year is written as four digits, e.g. 2021 (quoted or not): ``02021``,
    ``" 2021"``, ``+2021``, ``2021.0`` and ``true`` are typos, and as keys
    they would silently stand for the same year as ``2021``."""
    not_a_bool(value)
    text = source_text(value)
    if isinstance(text, str):
        if not _FOUR_DIGITS.fullmatch(text):  # not match: its $ would let "2021\n" through
            raise SayError(Say(f"write the year as four digits, e.g. 2021 (not {text!r})",
                               f"skriv året med fire sifre, f.eks. 2021 (ikke {text!r})"))
        return int(text)
    return value


# The years already seen in the year-keyed mapping being validated (one set
# per mapping; a mapping inside a mapping gets its own).
_SEEN_YEARS: ContextVar[set[int] | None] = ContextVar("_SEEN_YEARS", default=None)


def _year_key(value: Any) -> Any:
    year = _year(value)
    seen = _SEEN_YEARS.get()
    if seen is not None and isinstance(year, int):
        if year in seen:
            raise SayError(Say(f"the year {year} is given twice in this mapping; keep one",
                               f"året {year} står to ganger i denne blokken; behold det ene"))
        seen.add(year)
    return year


def _one_set_of_years(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    token = _SEEN_YEARS.set(set())
    try:
        return handler(value)
    finally:
        _SEEN_YEARS.reset(token)


Year = Annotated[int, Field(ge=1990, le=2100), BeforeValidator(_year)]
# A year key is text to JSON and a number to the YAML language server, which
# checks ``2021:`` as the YAML it is: the pattern holds text, the bounds a
# number. As a key (its only use) the schema loses its "type" (schema.py).
YearKey = Annotated[int, Field(ge=1990, le=2100), BeforeValidator(_year_key), WithJsonSchema({
    "type": "string", "pattern": YEAR_SCHEMA_PATTERN, "minimum": 1990, "maximum": 2100,
    "patternErrorMessage": "A year from 1990 to 2100, e.g. 2021 (et år fra 1990 til 2100).",
})]
V = TypeVar("V")
ByYear = Annotated[dict[YearKey, V], WrapValidator(_one_set_of_years)]
"""Values by year. A year written twice – ``2021`` and ``"2021"`` – is an
error at the second key, never a silent merge where the last one wins."""
Day = Annotated[date, Field(ge=date(1990, 1, 1), le=date(2100, 12, 31)), BeforeValidator(_day),
                text_schema(DAY_SCHEMA_PATTERN, "A date as YYYY-MM-DD from 1990 to 2100, e.g. 2020-03-31 "
                                                "(en dato som ÅÅÅÅ-MM-DD).")]
"""A date within the years a Year may take: one outside, such as 2202 or
9999, is a typo, and date arithmetic near year 9999 would overflow."""
Number = Annotated[float, BeforeValidator(not_a_bool)]
"""Any number; ``true``/``false`` are not numbers."""
Count = Annotated[int, BeforeValidator(not_a_bool)]
"""A whole number; ``true``/``false`` are not numbers."""
MAX_MONEY = 1_000_000_000
Money = Annotated[float, Field(ge=0, le=MAX_MONEY), BeforeValidator(not_a_bool)]
"""An amount in 1000 kr ("tall i tusen"), at most 10⁹ (a trillion kroner):
more is a typo, and a sum of such amounts would defeat the planner."""
Fte = Annotated[float, Field(ge=0, le=100_000), BeforeValidator(not_a_bool)]
"""Staff in årsverk (full-time equivalents)."""
Share = Annotated[float, Field(ge=0, le=1), BeforeValidator(not_a_bool)]
"""A share from 0 to 1."""
Score = Annotated[float, Field(ge=1, le=5), BeforeValidator(not_a_bool)]
"""A value on a 1–5 scale (1 = svært uenig / svært svak, 5 = svært enig / svært god)."""
Moment = Annotated[datetime, BeforeValidator(_moment), AfterValidator(_aware),
                   text_schema(MOMENT_SCHEMA_PATTERN, "A time as YYYY-MM-DDTHH:MM from 1990 to 2100, e.g. "
                                                      "2020-03-31T14:30, a zone optional (et tidspunkt som "
                                                      "ÅÅÅÅ-MM-DDTtt:mm).")]
"""A date and time (or a date, meaning 00:00); without a zone it is
Norwegian local time. Never a number."""


class YearRange(Record):
    first_year: Year
    """First year, inclusive."""
    last_year: Year
    """Last year, inclusive."""

    def years(self) -> range:
        return range(self.first_year, self.last_year + 1)

    def __contains__(self, year: object) -> bool:
        return isinstance(year, int) and self.first_year <= year <= self.last_year


class DateRange(Record):
    start: Day | None = None
    """First day."""
    end: Day | None = None
    """Last day."""


class Baseline(Record):
    year: Year
    """The year the baseline was measured."""
    value: Number
    """The indicator's value that year."""


class Measurement(Record):
    date: Day
    """When the value was measured (not after the day of validation)."""
    value: Number
    """The measured value, in the goal's unit."""
    source: Note | None = None
    """Where the figure comes from (KOSTRA, Bedre skole, internal report …)."""


STALE_AFTER_DAYS = 183
"""Half a year: a goal's newest figure older than this is marked as old in
the report (a yearly KOSTRA figure published in March is old by autumn)."""


GoalId = Annotated[Id, Field(examples=["DK-M1"])]
"""An area goal (DK-M1) or a leader's goal (L-001-M1); here, for the goal
itself, with the other kinds of id in :mod:`.ids`."""


class Goal(Record):
    """A measurable goal with a baseline, targets by year and measurements."""

    id: GoalId
    """Unique id, e.g. DK-M1."""
    text: Text
    """The goal as adopted, in Norwegian."""
    indicator: Text
    """What is measured."""
    unit: Note = ""
    """Unit of the indicator: %, dager, antall, kr …"""
    direction: Direction = Direction.HIGHER
    """Whether a higher or a lower value is better."""
    baseline: Baseline | None = None
    """Starting point."""
    targets: ByYear[Number] = Field(default_factory=dict)
    """Target value by year; the measuring year (2020) is required."""
    measurements: list[Measurement] = Field(default_factory=list)
    """Measured values, oldest first."""

    def latest_measurement(self, as_of: date | None = None) -> Measurement | None:
        """The newest measurement on or before ``as_of`` (any, when None); of
        two on one day, the one written last."""
        best: Measurement | None = None
        for measurement in self.measurements:
            if (as_of is None or measurement.date <= as_of) and (best is None or measurement.date >= best.date):
                best = measurement
        return best

    def is_stale(self, as_of: date) -> bool:
        """The newest measurement known on ``as_of`` is older than
        :data:`STALE_AFTER_DAYS`: a reader should know the figure is old."""
        latest = self.latest_measurement(as_of)
        return latest is not None and (as_of - latest.date).days > STALE_AFTER_DAYS

    def progress(self, year: int, as_of: date) -> GoalProgress:
        """How far the goal has come by ``as_of`` towards its target for
        ``year``: the share of the way from baseline to target, and whether
        that is at least the share of the time gone."""
        latest = self.latest_measurement(as_of)
        target = self.targets.get(year)
        if latest is None or target is None or self.baseline is None or target == self.baseline.value:
            return GoalProgress(None, None, latest)
        attainment = (latest.value - self.baseline.value) / (target - self.baseline.value)
        expected = self.expected_share(year, latest.date)
        return GoalProgress(attainment, expected is None or attainment >= expected - 1e-9, latest)

    def expected_share(self, year: int, day: date) -> float | None:
        """The share of the way from baseline to the target for ``year`` that
        a straight line expects on ``day``: the baseline is the value at the
        end of its year and the target the value at the end of ``year``, so a
        figure for 2019 (measured 31.12.2019) is judged against 3 of the 4
        years from a 2016 baseline to 2020, and 31.10.2020 expects 96 %. Used
        for "on track" (at the latest measurement) and for the report's
        "expected by now" mark (at --as-of). None without baseline or target."""
        if self.baseline is None or year not in self.targets:
            return None
        span = year - self.baseline.year
        if span <= 0:
            return 1.0
        days_in_year = date(day.year, 12, 31).timetuple().tm_yday
        gone = day.year - 1 - self.baseline.year + day.timetuple().tm_yday / days_in_year
        return min(1.0, max(0.0, gone / span))


class GoalProgress(NamedTuple):
    attainment: float | None
    """Share of the way from baseline to target (1.0 = reached)."""
    on_track: bool | None
    """At least as far as the time gone; None without the figures to tell."""
    latest: Measurement | None
