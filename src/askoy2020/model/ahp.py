"""Criterion weights from pairwise comparisons (AHP, Saaty's analytic
hierarchy process).

Decision makers often find "how much more important is strategic fit than
user value?" easier to answer than a weight. The answers, on Saaty's scale
from 1 (equal) to 9 (extremely more important), or their inverses, fill a
reciprocal matrix; the weights are its principal eigenvector, normalised
to sum to 1. The consistency ratio says how far the answers contradict one
another: 0 when every answer follows from the others, and above 0.1 when
they should be looked at again (Saaty's rule of thumb).

Reference: T. L. Saaty, "Decision making with the analytic hierarchy
process", Int. J. Services Sciences 1(1), 2008, pp. 83–98 (the drinks
example in tests/model/test_ahp.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

# Saaty's random index: the average consistency index of random reciprocal
# matrices of each size (1 and 2 are always consistent).
RANDOM_INDEX = {1: 0.0, 2: 0.0, 3: 0.58, 4: 0.90, 5: 1.12, 6: 1.24, 7: 1.32, 8: 1.41, 9: 1.45, 10: 1.49,
                11: 1.51, 12: 1.48, 13: 1.56, 14: 1.57, 15: 1.59}
CONSISTENT_ENOUGH = 0.1
"""Saaty: a consistency ratio above this asks for the comparisons to be revised."""
SCALE = (1 / 9, 9.0)
"""The smallest and largest judgement on Saaty's scale."""


@dataclass(frozen=True)
class Weighing:
    """What pairwise comparisons give: a weight per criterion (summing to
    1), the principal eigenvalue and the consistency ratio."""

    weights: dict[str, float]
    eigenvalue: float
    consistency_ratio: float

    @property
    def consistent(self) -> bool:
        return self.consistency_ratio <= CONSISTENT_ENOUGH


def matrix(ids: Sequence[str], judgements: Mapping[str, Mapping[str, float]]) -> list[list[float]] | None:
    """The reciprocal matrix in the order of ``ids``: ``judgements[a][b]``
    says how much more important a is than b; b against a is its inverse.
    None when a pair is missing (the rule ASK760 says which)."""
    index = {cid: i for i, cid in enumerate(ids)}
    n = len(ids)
    rows = [[1.0 if i == j else 0.0 for j in range(n)] for i in range(n)]
    for a, row in judgements.items():
        for b, value in row.items():
            if a in index and b in index and a != b and value > 0:
                rows[index[a]][index[b]] = value
                rows[index[b]][index[a]] = 1.0 / value
    if any(value == 0.0 for row in rows for value in row):
        return None
    return rows


def weigh(ids: Sequence[str], judgements: Mapping[str, Mapping[str, float]]) -> Weighing | None:
    """The weights the comparisons give, or None when the matrix is not
    complete. Power iteration: a positive matrix has one principal
    eigenvector, which the iteration reaches from any positive start."""
    rows = matrix(ids, judgements)
    if rows is None or not rows:
        return None
    n = len(rows)
    vector = [1.0 / n] * n
    for _ in range(10_000):
        product = [sum(a * v for a, v in zip(row, vector)) for row in rows]
        total = sum(product)
        following = [p / total for p in product]
        done = max(abs(a - b) for a, b in zip(following, vector)) < 1e-15
        vector = following
        if done:
            break
    product = [sum(a * v for a, v in zip(row, vector)) for row in rows]
    eigenvalue = sum(p / v for p, v in zip(product, vector)) / n
    index = (eigenvalue - n) / (n - 1) if n > 2 else 0.0
    random = RANDOM_INDEX.get(n, RANDOM_INDEX[15])
    ratio = max(0.0, index / random) if random > 0 else 0.0
    return Weighing(dict(zip(ids, vector)), eigenvalue, ratio)
