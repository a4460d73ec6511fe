"""Which years a plan decides: the next budget round only.

On a given day (``--as-of``) the budgets of some years are adopted: their
money is spent or bound, and a plan that counted it would re-plan the past
(a paused project "chosen" with its 2018 cost, completed projects earning
points). The plan therefore runs from the first open year
(:meth:`Programme.first_open_year`, or a later ``--from-year``) to the last
year of the round that speaks on that day; money before it is sunk.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model.programme import Programme
from .adjust import AdjustmentError


@dataclass(frozen=True)
class Horizon:
    as_of: dt.date
    open_from: int  # the first year whose money counts
    years: range  # the plan years, never before open_from


def plan_horizon(
    programme: Programme, as_of: dt.date, from_year: int | None = None,
    years: tuple[int, int] | None = None, years_source: str = "--years",
) -> Horizon:
    """The plan years on ``as_of``; AdjustmentError (one line, saying what
    to do) when the options reach into sunk years or nothing is left."""
    current = programme.current_round(as_of)
    first_open = programme.first_open_year(as_of)
    if from_year is not None and from_year < first_open:
        raise AdjustmentError(
            f"--from-year {from_year} is before the first open year {first_open} on {as_of} "
            f"({_why_closed(programme, as_of, first_open)}): money before {first_open} is sunk; "
            f"give --from-year {first_open} or later")
    open_from = first_open if from_year is None else from_year
    if years is not None:
        first, last = years
        if first > last:
            raise AdjustmentError(f"plan years {first}–{last}: the first year is after the last")
        if first < open_from:
            boundary = (f"--from-year {open_from}" if from_year is not None
                        else f"the first open year {open_from} on {as_of}")
            raise AdjustmentError(
                f"{years_source} {first}–{last} reach before {boundary}: money before {open_from} is sunk "
                f"(the budget is adopted); plan from {open_from}")
        span = programme.known_years()
        if last > span[-1]:
            raise AdjustmentError(
                f"plan years {first}–{last} reach outside the budget rounds' years {span[0]}–{span[-1]}")
        return Horizon(as_of, open_from, range(first, last + 1))
    last = current.years()[-1]
    if open_from > last:
        if from_year is not None:
            raise AdjustmentError(
                f"--from-year {from_year} is after the last year of budsjett {current.year} "
                f"(økonomiplan {current.year}–{last}), the round that speaks on {as_of}; give a year up to {last}, "
                f"or --years inside a later round")
        raise AdjustmentError(
            f"no year is left to plan on {as_of}: the first open year is {open_from}, and the newest round "
            f"adopted by then, budsjett {current.year} ({current.decision}), ends in {last}; "
            f"{_what_to_add(programme, as_of, open_from)}, or plan as on an earlier day with --as-of")
    return Horizon(as_of, open_from, range(open_from, last + 1))


def _what_to_add(programme: Programme, as_of: dt.date, open_from: int) -> str:
    """The round whose økonomiplan would give ``open_from`` a frame on ``as_of``."""
    wanted = open_from - 1
    found = next((r for r in programme.rounds if r.year == wanted), None)
    if found is None:
        return (f"add the round budsjett {wanted} (økonomiplan {wanted}–{wanted + 3}) to rounds in "
                "programme.yaml")
    if found.adopted > as_of:
        return f"budsjett {wanted} in programme.yaml is adopted only on {found.adopted}"
    return f"give budsjett {wanted} the later years of its økonomiplan (last_year in programme.yaml)"


def _why_closed(programme: Programme, as_of: dt.date, first_open: int) -> str:
    current = programme.current_round(as_of)
    if current.adopted <= as_of and current.year == first_open - 1:
        return f"budsjett {current.year} ({current.decision}) was adopted on {current.adopted}"
    return f"{first_open - 1} has begun, so its budget is adopted"
