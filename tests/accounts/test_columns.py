"""Columns found by their names, whatever the report's author called them."""

from __future__ import annotations

import pytest

from askoy2020.accounts.columns import DuplicateColumn, header_of, normal


@pytest.mark.parametrize(("name", "normalised"), [
    ("Beløp", "belop"), ("BELØP NOK", "belopnok"), ("beløp_nok", "belopnok"), ("Funksjon-kode", "funksjonkode"),
    ("Prosjekt nr.", "prosjektnr"), ("År", "ar"), ("Regnskaps\u00adperiode", "regnskapsperiode"), ("Ærend", "aerend"),
    (2020, "2020"),
])
def test_names_lose_case_accents_and_punctuation(name: object, normalised: str) -> None:
    assert normal(name) == normalised


@pytest.mark.parametrize(("cells", "columns"), [
    (["Ansvar", "Funksjon", "Art", "Prosjekt", "Periode", "Beløp"],
     {"ansvar": 0, "funksjon": 1, "art": 2, "project": 3, "period": 4, "amount": 5}),
    (["ANSVARSTED", "funksjon_kode", "Kontoart", "Prosjektnummer", "Regnskapsperiode", "Beløp NOK"],
     {"ansvar": 0, "funksjon": 1, "art": 2, "project": 3, "period": 4, "amount": 5}),
    (["Ansvar (T)", "Konto", "Prosjektnr", "periode_nr", "Regnskap"],
     {"art": 1, "project": 2, "period": 3, "amount": 4}),
    ([None, "Amount", "ansvar", None, "Year"], {"amount": 1, "ansvar": 2, "year": 4}),
])
def test_a_header_row(cells: list[object], columns: dict[str, int]) -> None:
    header = header_of(cells, 4)
    assert header is not None and header.columns == columns and header.row == 4


@pytest.mark.parametrize("cells", [
    ["Regnskapsrapport Askøy kommune"], ["Ansvar", "Funksjon"], ["Beløp"], [], ["Ansvar", "Budsjett"],
])
def test_rows_that_are_not_a_header(cells: list[object]) -> None:
    assert header_of(cells, 1) is None


def test_two_columns_for_one_thing_are_an_error_not_a_guess() -> None:
    with pytest.raises(DuplicateColumn, match="two columns could be beløp: 'Beløp' and 'Regnskap'"):
        header_of(["Ansvar", "Beløp", "Regnskap"], 1)


def test_a_title_row_with_a_repeated_word_is_no_header_and_no_error() -> None:
    assert header_of(["Regnskap", "Regnskap"], 1) is None
