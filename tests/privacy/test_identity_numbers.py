"""The identity-number guard, on numbers built with the checksum rules."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from askoy2020.cli.app import app
from askoy2020.privacy.identity_numbers import check_digits, classify, find_identity_numbers
from helpers import BASE, build_case

_K1_2032 = (3, 7, 6, 1, 8, 9, 4, 5, 2, 1)
_K2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def synthetic(day: date, individual: int, *, day_add: int = 0, month_add: int = 0) -> str | None:
    first = f"{day.day + day_add:02d}{day.month + month_add:02d}{day.year % 100:02d}{individual:03d}"
    digits = check_digits(first)
    return first + digits if digits else None


def numbers(seed: int, **kw: int) -> list[str]:
    rng = random.Random(seed)
    found: list[str] = []
    while len(found) < 200:
        day = date(1940, 1, 1) + timedelta(days=rng.randrange(0, 365 * 60))
        number = synthetic(day, rng.randrange(0, 500), **kw)
        if number:
            found.append(number)
    return found


@pytest.mark.parametrize(
    ("kw", "kind"),
    [({}, "fødselsnummer"), ({"day_add": 40}, "D-nummer"), ({"month_add": 40}, "H-nummer"),
     ({"month_add": 80}, "syntetisk")],
)
def test_valid_numbers_of_every_form_are_found(kw: dict[str, int], kind: str) -> None:
    for number in numbers(len(kind), **kw):
        result = classify(number)
        assert result is not None and kind in result, number
        for text in (number, f"{number[:6]} {number[6:]}", f"{number[:6]}.{number[6:]}", f"nr:{number}."):
            assert len(list(find_identity_numbers(f"Gjelder {text} i saken"))) == 1, text


def test_the_2032_rule_for_the_first_check_digit() -> None:
    rng = random.Random(2032)
    tried = 0
    for _ in range(5000):
        first = f"{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{rng.randint(0, 99):02d}{rng.randint(0, 499):03d}"
        for k1 in range(10):
            d = [int(c) for c in first + str(k1)]
            remainder = sum(a * b for a, b in zip(d, _K1_2032)) % 11
            k2 = 11 - sum(a * b for a, b in zip(d, _K2)) % 11
            k2 = 0 if k2 == 11 else k2
            if remainder in (1, 2, 3) and k2 != 10:
                tried += 1
                assert classify(first + str(k1) + str(k2)) is not None
    assert tried > 100


@pytest.mark.parametrize(
    "text",
    [
        "Kontonummer 1234.56.78903",  # bank account, dotted
        "Org.nr. 964 338 531",
        "Telefon 55 00 00 00 og saksnummer 2019/12345",
        "Beløp 123456789012 kr",  # 12 digits
        "310290 12345",  # 31 February
        "001290 12345",  # day 0
        "011390 12345",  # month 13
        "721290 12345",  # D-nummer days stop at 71
        "015390 12345",  # H-nummer months stop at 52
        "Sak 1234567890123 i arkivet",  # 13 digits: part of a longer number
        "Versjon 1.12345678901",  # a decimal, not a number on its own
        "2020-10-31 12345",  # a date and a count
    ],
)
def test_near_misses_are_not_flagged(text: str) -> None:
    assert list(find_identity_numbers(text)) == []


def test_wrong_check_digits_are_not_flagged() -> None:
    for number in numbers(7):
        wrong = number[:10] + str((int(number[10]) + 1) % 10)
        assert classify(wrong) is None
        wrong_k1 = number[:9] + str((int(number[9]) + 5) % 10) + number[10]
        assert classify(wrong_k1) is None  # k1 + 5 moves the 2032 remainder out of 0-3 too


def test_the_message_masks_every_digit() -> None:
    number = numbers(1)[0]
    line = f"x {number[:6]} {number[6:]}"
    (found,) = find_identity_numbers(line)
    assert found.masked(line) == "•••••• •••••"


def test_a_number_in_a_record_is_flagged_and_never_printed(tmp_path: Path) -> None:
    """End to end: validate names the file and line with the digits masked,
    and neither report format repeats the number."""
    number = numbers(11)[0]
    root = build_case(BASE, tmp_path / "data")
    case = root / "quality" / "Q-2020-001.yaml"
    case.write_text(case.read_text(encoding="utf-8") + f"root_cause: Feil person, {number[:6]} {number[6:]}\n",
                    encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(root), "--as-of", "2020-10-31", "--format", "json"])
    assert result.exit_code == 1
    found = [d for d in json.loads(result.stdout)["diagnostics"] if d["rule"] == "ASK901"]
    assert [Path(d["file"]).name for d in found] == ["Q-2020-001.yaml"] and found[0]["line"] == 13
    assert number[:6] not in result.stdout and number[6:] not in result.stdout
    for suffix in ("md", "html"):
        out = tmp_path / f"report.{suffix}"
        CliRunner().invoke(app, ["report", "--year", "2020", str(root), "--as-of", "2020-10-31", "--output", str(out)])
        text = out.read_text(encoding="utf-8")
        assert "ASK901" in text and number[:6] not in text and number[6:] not in text
