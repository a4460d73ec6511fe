"""Setting a period's actual in a project file: missing levels made in the
model's order, everything else – comments, flow style, quotes, CRLF, a
BOM, other periods – kept, and the result checked before it is used."""

from __future__ import annotations

from typing import Any

import pytest

from askoy2020.accounts.editing import Edit, edited_text, keeps_layout
from askoy2020.accounts.errors import ImportProblem
from askoy2020.fmt import format_text
from askoy2020.loading.yaml_reader import read_yaml
from askoy2020.model.budget import MoneyKind, Period
from askoy2020.model.project import Project

HEAD = """\
# Prosjekt i Digital kommune (syntetisk)
id: DK-09
name: Ny løsning
area: DK
manager: Prosjektleder digital kommune
status: active
planned: {start: 2020-01-01, end: 2021-12-31}
cost: {2020: 500, 2021: 500}  # drift
"""
TAIL = """\
# kodene fra økonomi
accounting:
  - {ansvar: '3100', kind: drift}
scores: {strategic_fit: 3}
# slutt
"""


def _record(text: bytes, path: tuple[Any, ...] = ()) -> Project:
    document = read_yaml(text, "p.yaml").document
    assert document is not None
    value = document.value
    for part in path:
        value = value[part]
    return Project.model_validate(value)


def _edit(text: str, period: Period = Period.T2, path: tuple[Any, ...] = (), encoding: str = "utf-8",
          **actual: float) -> str:
    data = text.encode(encoding) if encoding != "utf-8-sig" else b"\xef\xbb\xbf" + text.encode("utf-8")
    edit = Edit(_record(data, path), path, 2020, period, {MoneyKind(k): v for k, v in actual.items()})
    return edited_text(data, "p.yaml", [edit]).decode("utf-8-sig")


def test_missing_levels_are_made_where_the_model_puts_them() -> None:
    new = _edit(HEAD + TAIL, drift=812.4)
    assert new == HEAD + "accounts:\n  2020:\n    T2:\n      actual: {drift: 812.4}\n" + TAIL
    assert format_text(new.encode(), "p.yaml", Project)[0] == new  # fmt has nothing to do


def test_both_kinds_in_model_order_and_whole_figures_without_decimals() -> None:
    new = _edit(HEAD + TAIL, investment=3375.0, drift=13.8)
    assert "      actual: {drift: 13.8, investment: 3375}\n" in new


def test_a_year_goes_between_the_years_and_a_period_between_the_periods() -> None:
    accounts = ("accounts:\n"
                "  2019: {T3: {actual: {drift: 400}}}  # regnskap 2019\n"
                "  2020:\n"
                "    T1:\n"
                "      actual: {drift: 150}\n"
                "    T3:\n"
                "      forecast: {drift: 900}\n"
                "  2021:\n"
                "    T1: {forecast: {drift: 100}}\n")
    new = _edit(HEAD + accounts + TAIL, drift=812)
    assert new == HEAD + accounts.replace("      actual: {drift: 150}\n",
                                          "      actual: {drift: 150}\n    T2:\n      actual: {drift: 812}\n") + TAIL


def test_actual_goes_before_an_existing_forecast_and_comment() -> None:
    accounts = ("accounts:\n  2020:\n    T2:\n      forecast: {drift: 760}  # prognose\n"
                "      comment: Lisens kommer i august\n")
    new = _edit(HEAD + accounts + TAIL, drift=198.8)
    assert new == HEAD + accounts.replace("    T2:\n", "    T2:\n      actual: {drift: 198.8}\n") + TAIL


def test_an_existing_figure_is_replaced_and_its_comment_kept() -> None:
    accounts = "accounts:\n  2020:\n    T2:\n      actual: {drift: 1, investment: 7}  # foreløpig\n"
    new = _edit(HEAD + accounts + TAIL, drift=812.4)
    assert new == HEAD + accounts.replace("drift: 1,", "drift: 812.4,") + TAIL


def test_a_block_figure_keeps_its_layout() -> None:
    accounts = "accounts:\n  2020:\n    T2:\n      actual:\n        drift: 1  # foreløpig\n"
    new = _edit(HEAD + accounts + TAIL, drift=2, investment=3)
    assert new == HEAD + accounts.replace("drift: 1  # foreløpig\n",
                                          "drift: 2  # foreløpig\n        investment: 3\n") + TAIL


def test_a_quoted_year_and_an_empty_period_are_used_not_doubled() -> None:
    accounts = "accounts:\n  '2020':\n    T2:\n"
    new = _edit(HEAD + accounts + TAIL, drift=5)
    assert new == HEAD + "accounts:\n  '2020':\n    T2:\n      actual: {drift: 5}\n" + TAIL


def test_flow_style_accounts_stay_flow() -> None:
    text = HEAD + "accounts: {2020: {T1: {actual: {drift: 1}}}}\n" + TAIL
    new = _edit(text, drift=5)
    assert "accounts: {2020: {T1: {actual: {drift: 1}}, T2: {actual: {drift: 5}}}}\n" in new


def test_crlf_and_a_bom_are_kept() -> None:
    text = (HEAD + TAIL).replace("\n", "\r\n")
    data = b"\xef\xbb\xbf" + text.encode()
    edit = Edit(_record(data), (), 2020, Period.T2, {MoneyKind.DRIFT: 5.0})
    new = edited_text(data, "p.yaml", [edit])
    assert new.startswith(b"\xef\xbb\xbf# Prosjekt") and b"\n" not in new.replace(b"\r\n", b"")
    assert b"accounts:\r\n  2020:\r\n    T2:\r\n      actual: {drift: 5}\r\n# kodene" in new


def test_one_record_of_a_file_with_two() -> None:
    one = HEAD.replace("# Prosjekt i Digital kommune (syntetisk)\n", "") + TAIL.replace("# slutt\n", "")
    two = one.replace("DK-09", "DK-10")
    text = "  - " + one.replace("\n", "\n    ").rstrip() + "\n  - " + two.replace("\n", "\n    ").rstrip() + "\n"
    new = _edit(text, path=(1,), drift=5)
    first, second = new.split("\n  - id: DK-10")
    assert "accounts" not in first
    assert second == two.replace("id: DK-10", "").replace("\n", "\n    ").rstrip().replace(
        "\n    # kodene", "\n    accounts:\n      2020:\n        T2:\n          actual: {drift: 5}\n    # kodene") + "\n"


def test_a_comment_above_the_first_key_of_a_mapping_stays_above_it() -> None:
    accounts = "accounts:\n  # senere år\n  2021:\n    T1: {forecast: {drift: 100}}\n"
    new = _edit(HEAD + accounts + TAIL, drift=5)  # 2020 would come first; it goes last instead
    assert "  # senere år\n  2021:\n" in new and "  2020:\n    T2:\n      actual: {drift: 5}\n" in new
    assert _record(new.encode()).accounts[2020].T2.actual.drift == 5  # type: ignore[union-attr]


def test_a_shared_anchor_is_not_edited_through_its_alias() -> None:
    accounts = "accounts:\n  2020:\n    T1: &same {actual: {drift: 1}}\n    T2: *same\n"
    with pytest.raises(ImportProblem, match="cannot be set in this file without moving a comment or changing "
                                            "another value"):
        _edit(HEAD + accounts + TAIL, drift=5)


def test_a_file_not_in_fmt_layout_is_said_to_be_relaid_but_keeps_its_values() -> None:
    odd = HEAD.replace("cost: {2020: 500, 2021: 500}", "cost:\n    2020: 500\n    2021: 500") + TAIL
    assert keeps_layout((HEAD + TAIL).encode(), "p.yaml")
    assert not keeps_layout(odd.encode(), "p.yaml")
    new = _edit(odd, drift=5)
    assert _record(new.encode()).cost == {2020: 500, 2021: 500}


def test_quotes_and_spellings_elsewhere_are_kept() -> None:
    text = HEAD.replace("name: Ny løsning", 'name: "Ny løsning"') + "kostra_functions: ['120']\n" + TAIL
    new = _edit(text, drift=5)
    assert 'name: "Ny løsning"\n' in new and "kostra_functions: ['120']\n" in new
