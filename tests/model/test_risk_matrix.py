"""The risk matrix: every cell's zone on the default 5 × 5 matrix and on a
custom 4 × 4 one, the configuration checked with clear errors, and the
facts a risk carries (what remains, awaits acceptance, lacks measures)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

import askoy2020
from askoy2020.model.quality import CaseKind, QualityCase
from askoy2020.model.risk import Risk, RiskMatrix, Zone
from helpers import AS_OF, BASE

A, C, N = Zone.ACCEPTABLE, Zone.CONSIDER, Zone.NOT_ACCEPTABLE

# Rows: probability 5 (top) to 1; columns: consequence 1 to 5. Green up to 4, red from 10.
DEFAULT = [
    [C, N, N, N, N],
    [A, C, N, N, N],
    [A, C, C, N, N],
    [A, A, C, C, N],
    [A, A, A, A, C],
]

# A 4-by-4 matrix, green up to 3, red from 8.
FOUR = [
    [C, N, N, N],  # 4: 4 8 12 16
    [A, C, N, N],  # 3: 3 6 9 12
    [A, C, C, N],  # 2: 2 4 6 8
    [A, A, A, C],  # 1: 1 2 3 4
]


def _cells(expected: list[list[Zone]]) -> list[tuple[int, int, Zone]]:
    size = len(expected)
    return [(size - r, c + 1, zone) for r, row in enumerate(expected) for c, zone in enumerate(row)]


@pytest.mark.parametrize(("probability", "consequence", "zone"), _cells(DEFAULT))
def test_default_matrix_zone_of_every_cell(probability: int, consequence: int, zone: Zone) -> None:
    assert RiskMatrix().zone(probability, consequence) is zone


FOUR_MATRIX = RiskMatrix(probability=["lite", "mulig", "sannsynlig", "svært sannsynlig"],
                         consequence=["liten", "moderat", "alvorlig", "svært alvorlig"],
                         acceptable_up_to=3, not_acceptable_from=8)


@pytest.mark.parametrize(("probability", "consequence", "zone"), _cells(FOUR))
def test_four_by_four_matrix_zone_of_every_cell(probability: int, consequence: int, zone: Zone) -> None:
    assert FOUR_MATRIX.zone(probability, consequence) is zone


def test_zones_follow_the_score_and_the_two_lines() -> None:
    matrix = RiskMatrix()
    for p in range(1, 6):
        for c in range(1, 6):
            score = p * c
            expected = A if score <= 4 else N if score >= 10 else C
            assert matrix.zone(p, c) is expected


@pytest.mark.parametrize(("probability", "consequence"), [(0, 1), (1, 0), (6, 1), (1, 6), (5, 5 + 1)])
def test_a_cell_off_the_matrix_is_an_error_not_a_zone(probability: int, consequence: int) -> None:
    with pytest.raises(IndexError, match="outside the 5 × 5 matrix"):
        RiskMatrix().zone(probability, consequence)
    assert not RiskMatrix().on_scale(probability, consequence)


def test_a_matrix_may_be_wider_than_it_is_tall() -> None:
    matrix = RiskMatrix(probability=["lav", "middels", "høy"], acceptable_up_to=3, not_acceptable_from=10)
    assert matrix.max_score == 15
    assert matrix.zone(3, 5) is N and matrix.zone(3, 1) is A and matrix.zone(2, 4) is C
    with pytest.raises(IndexError):
        matrix.zone(4, 1)


@pytest.mark.parametrize(("config", "message"), [
    ({"probability": ["bare ett nivå"]}, "risk_matrix.probability needs at least two levels"),
    ({"consequence": []}, "risk_matrix.consequence needs at least two levels"),
    ({"consequence": ["liten", "stor", "liten"]}, "names the level 'liten' twice"),
    ({"consequence": ["liten", ""]}, "at least 1 item"),
    ({"acceptable_up_to": 0}, "1 ≤ acceptable_up_to (0)"),
    ({"acceptable_up_to": 10, "not_acceptable_from": 10}, "acceptable_up_to (10) < not_acceptable_from (10)"),
    ({"acceptable_up_to": 12, "not_acceptable_from": 10}, "acceptable_up_to (12) < not_acceptable_from (10)"),
    ({"not_acceptable_from": 26}, "≤ the highest score (25)"),
    ({"acceptable_up_to": True}, "true/false is not a number"),
    ({"unknown": 1}, "Extra inputs are not permitted"),
    ({"probability": [f"nivå {n}" for n in range(11)]}, "at most 10 items"),
])
def test_a_wrong_matrix_is_refused_with_a_clear_error(config: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message.replace("(", r"\(").replace(")", r"\)")):
        RiskMatrix.model_validate(config)


def test_a_wrong_matrix_in_programme_yaml_is_reported_at_its_line(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    text = (root / "programme.yaml").read_text(encoding="utf-8")
    (root / "programme.yaml").write_text(
        text + "risk_matrix:\n  acceptable_up_to: 12\n  not_acceptable_from: 10\n", encoding="utf-8")
    found = [d for d in askoy2020.check(askoy2020.load(root), AS_OF) if d.is_error]
    assert len(found) == 1 and found[0].file.endswith("programme.yaml")
    assert found[0].line == text.count("\n") + 1  # the risk_matrix block
    assert "acceptable_up_to (12) < not_acceptable_from (10)" in found[0].message


def test_the_default_matrix_applies_without_a_block_and_without_a_programme() -> None:
    portfolio = askoy2020.load(BASE)
    assert portfolio.programme is not None
    assert portfolio.risk_matrix.model_dump() == RiskMatrix().model_dump()
    assert askoy2020.Portfolio(root=BASE).risk_matrix.model_dump() == RiskMatrix().model_dump()


# -- a risk's facts, on the default matrix

def _risk(**values: Any) -> Risk:
    base: dict[str, Any] = {"id": "R-1", "title": "Noe går galt", "unit": "Servicetorget", "owner": "Enhetsleder",
                            "assessed": "2020-01-01", "probability": 4, "consequence": 4,
                            "next_review": "2021-01-01"}
    return Risk.model_validate(base | values)


MEASURE = {"text": "Dobbeltkontroll", "owner": "Enhetsleder"}


def test_a_red_risk_without_measures_lacks_measures_and_is_not_also_awaiting_acceptance() -> None:
    risk = _risk()
    assert risk.zone(RiskMatrix()) is N and risk.lacks_measures(RiskMatrix())
    assert not risk.awaits_acceptance(RiskMatrix())


def test_what_remains_is_the_residual_or_the_risk_as_assessed() -> None:
    matrix = RiskMatrix()
    with_measure = _risk(measures=[MEASURE])
    assert with_measure.remaining == with_measure.inherent and with_measure.awaits_acceptance(matrix)
    reduced = _risk(measures=[MEASURE], residual={"probability": 1, "consequence": 4})
    assert reduced.remaining_zone(matrix) is A and not reduced.awaits_acceptance(matrix)
    yellow = _risk(measures=[MEASURE], residual={"probability": 2, "consequence": 3})
    assert yellow.remaining_zone(matrix) is C and yellow.awaits_acceptance(matrix)
    accepted = _risk(measures=[MEASURE], residual={"probability": 2, "consequence": 3},
                     accepted={"by": "Rådmann", "on": "2020-02-01"})
    assert not accepted.awaits_acceptance(matrix)


def test_a_level_off_the_scale_has_no_zone() -> None:
    risk = _risk(consequence=6, measures=[MEASURE])
    assert risk.zone(RiskMatrix()) is None and not risk.lacks_measures(RiskMatrix())
    assert not risk.awaits_acceptance(RiskMatrix())


def test_review_overdue_counts_days_after_next_review() -> None:
    risk = _risk(next_review="2020-10-30")
    assert risk.review_overdue_days(dt.date(2020, 10, 30)) is None
    assert risk.review_overdue_days(dt.date(2020, 10, 31)) == 1


def test_a_risk_must_say_what_it_is_about() -> None:
    with pytest.raises(ValidationError, match="unit, area or project"):
        _risk(unit=None)
    assert _risk(unit=None, project="DK-05").project == "DK-05"


# -- a quality case's severity and probability: missing is missing, never 1

CASE = {"id": "Q-1", "kind": "deviation", "title": "Feil", "unit": "Servicetorget", "occurred": "2020-01-01",
        "reported": "2020-01-01", "status": "registered", "responsible": "Enhetsleder"}


def test_a_case_without_severity_or_probability_has_no_risk_score() -> None:
    case = QualityCase.model_validate(CASE)
    assert case.severity is None and case.probability is None and case.risk is None
    assert QualityCase.model_validate(CASE | {"severity": 3}).risk is None
    assert QualityCase.model_validate(CASE | {"severity": 3, "probability": 2}).risk == 6


def test_a_case_level_is_bounded_by_the_matrix_not_the_schema() -> None:
    assert QualityCase.model_validate(CASE | {"severity": 7}).severity == 7  # ASK823 reports it
    with pytest.raises(ValidationError, match="less than or equal to 10"):  # no scale has eleven levels
        QualityCase.model_validate(CASE | {"severity": 11})
    with pytest.raises(ValidationError):
        QualityCase.model_validate(CASE | {"severity": 0})
    with pytest.raises(ValidationError):
        QualityCase.model_validate(CASE | {"probability": True})


def test_service_and_hms_deviations_are_deviations_and_nothing_else() -> None:
    assert [k for k in CaseKind if k.is_deviation] == [CaseKind.DEVIATION, CaseKind.HMS_DEVIATION]
