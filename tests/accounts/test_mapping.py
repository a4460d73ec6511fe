"""Placing ledger lines on projects: every given code must match, a line
for two projects stops the import, the rest is listed."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from askoy2020.accounts.columns import Header
from askoy2020.accounts.errors import ImportProblem
from askoy2020.accounts.mapping import Unit, match, rounded
from askoy2020.accounts.periods import Month
from askoy2020.accounts.reading import Export, ExportLine
from askoy2020.model.budget import MoneyKind, Period
from askoy2020.model.project import Project

ALL_COLUMNS = {"ansvar": 0, "funksjon": 1, "project": 2, "period": 3, "amount": 4}


def project(pid: str, *codes: dict[str, str], start: str = "2020-01-01", end: str = "2020-12-31",
            **fields: Any) -> Project:
    return Project.model_validate({
        "id": pid, "name": "Prosjekt", "area": "DK", "manager": "Prosjektleder", "status": "active",
        "planned": {"start": start, "end": end}, "accounting": list(codes), **fields,
    })


def export(*lines: tuple[str, str, str, str, str], columns: dict[str, int] | None = None) -> Export:
    """Lines of (prosjekt, ansvar, funksjon, periode 'YYYYMM' or '', kroner)."""
    result = Export("e.csv", "CSV", Header(1, columns or ALL_COLUMNS, {}))
    for number, (prosjekt, ansvar, funksjon, periode, amount) in enumerate(lines, start=2):
        month = Month(int(periode[:4]), int(periode[4:])) if periode else None
        result.lines.append(ExportLine(number, (prosjekt, ansvar, funksjon), "", month, Decimal(amount)))
    return result


def figures(result: Any) -> dict[tuple[str, str], float]:
    return {(f.project.id, f.kind.value): f.value for f in result.figures}


def test_every_given_code_must_match() -> None:
    projects = [project("A", {"ansvar": "3100"}), project("B", {"project": "9203", "funksjon": "254"})]
    result = match(export(
        ("", "3100", "273", "202001", "1000"),  # A
        ("9203", "4100", "254", "202002", "2000"),  # B
        ("9203", "4100", "120", "202003", "4000"),  # 9203 but not on 254: unmapped
    ), projects, 2020, Period.T2, Unit.KR)
    assert figures(result) == {("A", "drift"): 1.0, ("B", "drift"): 2.0}
    assert [(g.label, g.lines) for g in result.unmapped] == [("prosjekt '9203', ansvar '4100', funksjon '120'", [4])]


def test_codes_are_compared_as_trimmed_text_and_leading_zeros_count() -> None:
    projects = [project("A", {"ansvar": " 0120 "})]
    result = match(export(("", "0120", "", "202001", "100"), ("", "120", "", "202001", "900")),
                   projects, 2020, Period.T2, Unit.KR)
    assert figures(result) == {("A", "drift"): 0.1}
    assert result.unmapped[0].codes == {"prosjekt": "", "ansvar": "120", "funksjon": ""}


def test_the_kind_comes_from_the_code() -> None:
    projects = [project("A", {"project": "9203", "funksjon": "254", "kind": "investment"},
                        {"project": "9203", "funksjon": "120", "kind": "drift"})]
    result = match(export(("9203", "", "254", "202004", "1500000"), ("9203", "", "120", "202004", "12500")),
                   projects, 2020, Period.T2, Unit.KR)
    assert figures(result) == {("A", "investment"): 1500.0, ("A", "drift"): 12.5}


def test_a_line_for_two_projects_is_ambiguous_with_its_line_number() -> None:
    projects = [project("A", {"ansvar": "3100"}), project("B", {"project": "9203"})]
    result = match(export(("9203", "3100", "", "202006", "2000"), ("", "3100", "", "202001", "1000")),
                   projects, 2020, Period.T2, Unit.KR)
    assert [(a.line, a.matches, a.amount) for a in result.ambiguous] == [
        (2, (("A", MoneyKind.DRIFT), ("B", MoneyKind.DRIFT)), Decimal(2000))]
    assert figures(result) == {("A", "drift"): 1.0, ("B", "drift"): 0.0}


def test_one_project_as_both_kinds_is_ambiguous_too() -> None:
    projects = [project("A", {"ansvar": "3100", "kind": "drift"}, {"project": "9203", "kind": "investment"})]
    result = match(export(("9203", "3100", "", "202006", "2000")), projects, 2020, Period.T2, Unit.KR)
    assert len(result.ambiguous) == 1


def test_two_codes_of_one_project_and_kind_count_a_line_once() -> None:
    projects = [project("A", {"ansvar": "3100"}, {"funksjon": "273"})]
    result = match(export(("", "3100", "273", "202001", "1000")), projects, 2020, Period.T2, Unit.KR)
    assert figures(result) == {("A", "drift"): 1.0} and not result.ambiguous


def test_only_the_period_s_year_to_its_end_counts() -> None:
    projects = [project("A", {"ansvar": "3100"})]
    lines = [("", "3100", "", p, "1000") for p in ("202001", "202004", "202005", "202008", "202009", "202012",
                                                    "202013", "201912", "202101", "202000")]
    by_period = {period: figures(match(export(*lines), projects, 2020, period, Unit.KR))[("A", "drift")]
                 for period in Period}
    assert by_period == {Period.T1: 2.0, Period.T2: 4.0, Period.T3: 7.0}
    t2 = match(export(*lines), projects, 2020, Period.T2, Unit.KR)
    assert {g.label: g.lines for g in t2.skipped} == {
        "after 2020-T2: 2020-09": [6], "after 2020-T2: 2020-12": [7],
        "after 2020-T2: year-end entries (2020-13), counted in T3": [8], "another year (2019)": [9],
        "another year (2021)": [10], "period 2020-00 (opening balance)": [11]}


def test_without_a_periode_column_every_line_counts() -> None:
    projects = [project("A", {"ansvar": "3100"})]
    result = match(export(("", "3100", "", "", "1000"), ("", "3100", "", "", "2000"),
                          columns={"ansvar": 0, "amount": 4}), projects, 2020, Period.T1, Unit.KR)
    assert figures(result) == {("A", "drift"): 3.0} and result.skipped == []


def test_a_code_on_a_column_the_export_lacks_stops_the_import() -> None:
    projects = [project("A", {"project": "9203"}), project("B", {"ansvar": "3100"})]
    with pytest.raises(ImportProblem, match="the export has no prosjekt column, but the accounting codes of A give "
                                            "project, so no line could match them"):
        match(export(columns={"ansvar": 0, "amount": 4}), projects, 2020, Period.T2, Unit.KR)


def test_unmapped_lines_are_grouped_by_their_codes_and_summed() -> None:
    result = match(export(("", "5100", "202", "202002", "88000"), ("", "3101", "273", "202006", "500"),
                          ("", "5100", "202", "202004", "12000.50")), [project("A", {"ansvar": "3100"})],
                   2020, Period.T2, Unit.KR)
    assert [(g.label, g.lines, g.total) for g in result.unmapped] == [
        ("prosjekt –, ansvar '5100', funksjon '202'", [2, 4], Decimal("100000.50")),
        ("prosjekt –, ansvar '3101', funksjon '273'", [3], Decimal(500)),
    ]
    assert (result.total, result.counted, result.mapped, result.unmapped_total) == (
        Decimal("100500.50"), Decimal("100500.50"), Decimal(0), Decimal("100500.50"))


def test_a_kind_without_lines_gets_zero_and_a_project_that_does_not_run_is_left_alone() -> None:
    running = project("A", {"ansvar": "3100"}, {"ansvar": "3101", "kind": "investment"})
    ended = project("B", {"ansvar": "3000"}, start="2018-01-01", end="2019-06-30")
    reported = project("C", {"ansvar": "3200"}, start="2018-01-01", end="2019-06-30",
                       accounts={2020: {"T2": {"actual": {"drift": 5}}}})
    result = match(export(("", "3100", "", "202001", "1000")), [running, ended, reported], 2020, Period.T2, Unit.KR)
    assert figures(result) == {("A", "drift"): 1.0, ("A", "investment"): 0.0, ("C", "drift"): 0.0}
    assert [(p.id, why) for p, why in result.left_alone] == [("B", "no lines, and it does not run in 2020")]
    assert [(f.project.id, f.old, f.changed) for f in result.figures][2] == ("C", 5.0, True)


def test_the_old_figure_is_known_and_an_equal_one_is_unchanged() -> None:
    a = project("A", {"ansvar": "3100"}, accounts={2020: {"T2": {"actual": {"drift": 1.0}, "comment": "Etter plan"}}})
    result = match(export(("", "3100", "", "202001", "1000")), [a], 2020, Period.T2, Unit.KR)
    assert [(f.old, f.value, f.changed) for f in result.figures] == [(1.0, 1.0, False)]


@pytest.mark.parametrize(("kroner", "unit", "value"), [
    ("99234.50", Unit.KR, 99.2), ("99250.00", Unit.KR, 99.3), ("13750", Unit.KR, 13.8), ("49.99", Unit.KR, 0.0),
    ("-40", Unit.KR, 0.0), ("812.44", Unit.THOUSAND_KR, 812.4), ("812.45", Unit.THOUSAND_KR, 812.5),
    ("1234567890123.45", Unit.KR, 1234567890.1),
])
def test_kroner_are_divided_once_and_rounded_half_up_to_one_decimal(kroner: str, unit: Unit, value: float) -> None:
    result = rounded(Decimal(kroner), unit)
    assert result == value and str(result) != "-0.0"


def test_many_oere_add_up_exactly() -> None:
    lines = [("", "3100", "", "202001", "0.10")] * 10_000 + [("", "3100", "", "202001", "-0.05")] * 2
    result = match(export(*lines), [project("A", {"ansvar": "3100"})], 2020, Period.T2, Unit.KR)
    assert result.figures[0].total == Decimal("999.90")


def test_a_negative_or_huge_sum_is_a_problem_at_its_first_line() -> None:
    projects = [project("A", {"ansvar": "3100"}), project("B", {"ansvar": "3200"})]
    result = match(export(("", "3100", "", "202001", "1000"), ("", "3100", "", "202002", "-5000"),
                          ("", "3200", "", "202001", "2000000000000000")), projects, 2020, Period.T2, Unit.KR)
    assert [str(p) for p in result.problems] == [
        "e.csv:2: A's drift actual for 2020-T2 would be -4.0 (1000 kr) from 2 lines, below 0. Actuals are spend "
        "to date and at least 0: check the correction lines and the project's accounting codes, or --unit.",
        "e.csv:4: B's drift actual for 2020-T2 would be 2 000 000 000 000.0 (1000 kr) from 1 line, above "
        "1 000 000 000. Actuals are spend to date and at least 0: check the correction lines and the "
        "project's accounting codes, or --unit.",
    ]
    assert result.figures == []


@pytest.mark.parametrize("digits", [10, 29, 30, 40, 300])
def test_any_sum_rounds_without_an_error(digits: int) -> None:
    """Decimal's default 28 digits would fail on a 30-digit sum; the range
    check after rounding names it instead."""
    amount = Decimal(10) ** digits
    assert rounded(amount, Unit.KR) == pytest.approx(float(amount / 1000))
    assert rounded(-amount, Unit.THOUSAND_KR) == pytest.approx(float(-amount))
