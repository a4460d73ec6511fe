"""The identity-number guard, on numbers built with the checksum rules."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from askoy2020.privacy.identity_numbers import check_digits, classify, find_identity_numbers

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
