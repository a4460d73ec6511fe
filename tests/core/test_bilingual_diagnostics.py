"""A diagnostic in English and bokmål (core/diagnostics.py, core/bokmal.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from askoy2020 import Diagnostic, Location, Severity
from askoy2020.commands.choices import Language
from askoy2020.core import bokmal as nb
from askoy2020.core.diagnostics import Say, SayError
from askoy2020.core.identity_numbers import check_digits, find_identity_numbers

WHERE = Location("data/programmes/dk/projects/DK-03.yaml", 9, 14)


def _said(message: Say, hint: Say) -> Diagnostic:
    return Diagnostic.said(WHERE, "ASK202", Severity.ERROR, message, hint)


def _synthetic_number() -> str:
    """A synthetic fødselsnummer valid by both check digits (never a real person's on purpose)."""
    for last in range(10):
        nine = f"01019010{last}"
        digits = check_digits(nine)
        if digits is not None:
            return nine + digits
    raise AssertionError("no valid number")


def test_message_and_hint_stay_english_and_text_gives_either_language() -> None:
    d = _said(Say("project DK-03 refers to area 'DKK'", "prosjekt DK-03 viser til programområde «DKK»"),
              Say("Did you mean 'DK'?", "Mente du «DK»?"))
    assert (d.message, d.hint) == ("project DK-03 refers to area 'DKK'", "Did you mean 'DK'?")
    assert d.text("en") == (d.message, d.hint)
    assert d.text("nb") == ("prosjekt DK-03 viser til programområde «DKK»", "Mente du «DK»?")
    assert d.text(Language.NB) == d.text("nb") and d.text(Language.EN) == d.text("en")
    with pytest.raises(ValueError, match="unknown language"):
        d.text("nn")


def test_a_diagnostic_made_without_bokmal_says_english_in_both() -> None:
    d = Diagnostic(WHERE, "ASK999", Severity.WARNING, "something", "do this")
    assert d.text("nb") == ("something", "do this")


def test_an_identity_number_in_an_id_is_masked_in_both_languages() -> None:
    number = _synthetic_number()
    d = _said(Say(f"id 'L-{number}' is already used", f"id-en «L-{number}» er allerede brukt"),
              Say(f"Rename L-{number}.", f"Gi L-{number} en ny id."))
    for text in (*d.text("en"), *d.text("nb"), str(d.to_dict(nb=True))):
        assert number not in text and next(find_identity_numbers(text), None) is None, text
    assert "«L-•••••••••••»" in d.text("nb")[0]


def test_the_json_shape_gains_bokmal_only_when_asked() -> None:
    d = _said(Say("x is wrong", "x er feil"), Say("Fix x.", "Rett x."))
    assert "message_nb" not in d.to_dict()
    keys = list(d.to_dict(nb=True))
    assert keys[keys.index("hint") + 1:keys.index("hint") + 3] == ["message_nb", "hint_nb"]
    assert d.to_dict(nb=True)["message_nb"] == "x er feil"


def test_says_add_and_join_in_both_languages() -> None:
    joined = Say(", ", ", ").join([Say("a day", "en dag"), Say("two days", "to dager")]) + Say(" left", " igjen")
    assert joined == Say("a day, two days left", "en dag, to dager igjen")
    assert joined.in_language("nb") == "en dag, to dager igjen"
    error = SayError(Say("bad year", "ugyldig år"))
    assert str(error) == "bad year" and isinstance(error, ValueError) and error.say.nb == "ugyldig år"


def test_bokmal_writes_dates_decimals_and_counts_its_own_way() -> None:
    assert nb.date(dt.date(2020, 10, 31)) == "31.10.2020" and nb.date(None) == "–"
    assert nb.decimal("1 204.5") == "1 204,5" and nb.number(7.5) == "7,5" and nb.number(5.0) == "5"
    assert nb.count(1, "dag", "dager") == "1 dag" and nb.count(1500, "dag", "dager") == "1 500 dager"
    assert nb.listing(["a", "b", "c"]) == "a, b og c" and nb.listing(["a"]) == "a" and nb.listing([]) == ""
