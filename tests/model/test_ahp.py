"""Weights from pairwise comparisons (AHP): the principal eigenvector and
Saaty's consistency ratio, checked against a published worked example."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from askoy2020.model.ahp import weigh
from askoy2020.model.prioritisation import Prioritisation

# T. L. Saaty, "Decision making with the analytic hierarchy process",
# Int. J. Services Sciences 1(1), 2008, pp. 83-98: the relative consumption
# of drinks in the United States. Table: the judgements (row over column);
# the paper gives the derived priorities .177 .019 .042 .116 .190 .129 .327
# and a consistency ratio of .022.
DRINKS = ["coffee", "wine", "tea", "beer", "sodas", "milk", "water"]
JUDGEMENTS = [
    [1, 9, 5, 2, 1, 1, 1 / 2],
    [1 / 9, 1, 1 / 3, 1 / 9, 1 / 9, 1 / 9, 1 / 9],
    [1 / 5, 3, 1, 1 / 3, 1 / 4, 1 / 3, 1 / 9],
    [1 / 2, 9, 3, 1, 1 / 2, 1, 1 / 3],
    [1, 9, 4, 2, 1, 2, 1 / 2],
    [1, 9, 3, 1, 1 / 2, 1, 1 / 3],
    [2, 9, 9, 3, 2, 3, 1],
]
PUBLISHED = {"coffee": 0.177, "wine": 0.019, "tea": 0.042, "beer": 0.116, "sodas": 0.190, "milk": 0.129,
             "water": 0.327}


def _upper(ids: list[str], rows: list[list[float]]) -> dict[str, dict[str, float]]:
    return {a: {b: rows[i][j] for j, b in enumerate(ids) if j > i} for i, a in enumerate(ids)}


def test_saatys_drinks_example() -> None:
    weighing = weigh(DRINKS, _upper(DRINKS, JUDGEMENTS))
    assert weighing is not None
    assert {k: round(v, 3) for k, v in weighing.weights.items()} == PUBLISHED
    assert round(weighing.consistency_ratio, 3) == 0.022
    assert weighing.consistent


def test_the_lower_triangle_gives_the_same_weights() -> None:
    lower = {a: {b: JUDGEMENTS[i][j] for j, b in enumerate(DRINKS) if j < i} for i, a in enumerate(DRINKS)}
    upper = weigh(DRINKS, _upper(DRINKS, JUDGEMENTS))
    other = weigh(DRINKS, lower)
    assert upper is not None and other is not None
    assert other.weights == pytest.approx(upper.weights, abs=1e-12)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.floats(min_value=0.2, max_value=5.0), min_size=1, max_size=12))
def test_consistent_judgements_give_back_the_weights_they_came_from(raw: list[float]) -> None:
    """a_ij = w_i / w_j is perfectly consistent: the weights come back and
    the consistency ratio is 0."""
    ids = [f"c{i}" for i in range(len(raw))]
    rows = [[wi / wj for wj in raw] for wi in raw]
    weighing = weigh(ids, _upper(ids, rows))
    assert weighing is not None
    total = sum(raw)
    assert list(weighing.weights.values()) == pytest.approx([w / total for w in raw], rel=1e-9, abs=1e-12)
    assert weighing.consistency_ratio == pytest.approx(0.0, abs=1e-9)
    assert weighing.eigenvalue == pytest.approx(len(raw), rel=1e-9)


def test_a_missing_pair_gives_no_weights() -> None:
    judgements = _upper(DRINKS, JUDGEMENTS)
    del judgements["coffee"]["wine"]
    assert weigh(DRINKS, judgements) is None


def test_contradicting_judgements_are_inconsistent() -> None:
    weighing = weigh(["a", "b", "c"], {"a": {"b": 5, "c": 1 / 5}, "b": {"c": 5}})
    assert weighing is not None and not weighing.consistent and weighing.consistency_ratio > 1


@pytest.mark.parametrize(("written", "value"), [("1/3", 1 / 3), (" 1 / 9 ", 1 / 9), (3, 3.0), ("9", 9.0)])
def test_a_judgement_may_be_written_as_a_fraction(written: object, value: float) -> None:
    model = Prioritisation.model_validate({"pairwise": {"a": {"b": written}}})
    assert model.pairwise["a"]["b"] == pytest.approx(value)


@pytest.mark.parametrize("written", ["1/0", "a/b", 10, "1/10", 0, True, "1/3/4", "1.5/3", "10/2"])
def test_a_judgement_off_saatys_scale_is_refused(written: object) -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        Prioritisation.model_validate({"pairwise": {"a": {"b": written}}})
