"""css_string: user text as a quoted CSS string in the report's <style>,
where HTML escaping does not apply (the printed page's running header)."""

from __future__ import annotations

import re

import pytest
from markupsafe import Markup

from askoy2020.core.identity_numbers import check_digits
from askoy2020.report.render import css_string

HOSTILE = ['Askøy "2020" \\ plan', "</style><script>alert(1)</script>", "a\nb\r\nc\fd", "x'; } @page { margin: 0",
           "/* comment */ url(http://evil.example/x.png)", "\u2028line\u2029separators\x00nul", "æøå ÆØÅ – 1 234,5"]


def _css_unescaped(quoted: str) -> str:
    """The value a CSS parser reads from a double-quoted string made only of
    plain characters and hex escapes ``\\hex `` (css-syntax-3, 4.3.7)."""
    assert quoted[0] == quoted[-1] == '"'
    def one(match: re.Match[str]) -> str:
        code = int(match.group(1), 16)
        return "\ufffd" if code == 0 or 0xD800 <= code <= 0xDFFF or code > 0x10FFFF else chr(code)
    return re.sub(r"\\([0-9a-f]{1,6}) ?", one, quoted[1:-1])


@pytest.mark.parametrize("text", HOSTILE)
def test_any_text_stays_inside_one_css_string(text: str) -> None:
    quoted = css_string(text)
    assert isinstance(quoted, Markup)  # not escaped again by autoescaping, which would show &#34;
    inner = str(quoted)[1:-1]
    # Nothing that ends the string, the rule or the <style> element, and no line break.
    assert not set(inner) & set("\"'<>{}/\n\r\f\u2028\u2029\x00"), inner
    assert re.fullmatch(r'(?:[^\\]|\\[0-9a-f]{1,6} )*', inner), inner
    assert _css_unescaped(str(quoted)) == " ".join(text.split()).replace("\x00", "\ufffd")


def test_letters_digits_and_plain_marks_stay_readable() -> None:
    assert css_string("Askøy 2020 – rapport 2020") == '"Askøy 2020 – rapport 2020"'
    assert css_string("Data per 31.10.2020") == '"Data per 31.10.2020"'


def test_an_identity_number_is_masked_before_escapes_could_split_it() -> None:
    nine = next(n for n in (f"01419010{d}" for d in range(10)) if check_digits(n))  # month + 40: synthetic
    number = nine + str(check_digits(nine))
    for written in (number, f"{number[:6]}/{number[6:]}", f"{number[:6]} {number[6:]}"):
        shown = _css_unescaped(str(css_string(f"Programme {written}")))
        assert not re.search(r"\d", shown.removeprefix("Programme ")), shown
