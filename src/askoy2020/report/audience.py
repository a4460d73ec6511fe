"""Who a report is for, and the one rule that keeps the public one from
pointing at a person.

``internal`` is for the chief executive's staff and the leaders: it rates
named leader positions (goal attainment, 10-FAKTOR per unit) and lists
cases by unit, so it is marked exempt from public access (offentleglova
§ 14 first paragraph: a document made for the municipality's own internal
preparation) and must not leave the administration. ``public`` is what may
go to formannskapet, kommunestyret and the press: it shows nothing that
rates or identifies one leader or one employee. docs/audience.md gives the
reasoning and the legal basis.

The rule for the public report (``enough``): a figure is shown only when it
is over at least *k* units – k is the KS rule of at least 3 respondents,
applied one level up, because a unit usually has exactly one leader, so a
unit's figure is a figure about that person – and, for counts of cases, at
least k cases too. Groups too small are pooled, and a pool too small takes
in the smallest group shown, so that no shown figure can be subtracted from
another (or from the total) to leave a group under k.

Imports only the standard library: ``askoy2020 --help`` reads the choices
from here.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Mapping
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # a type only: --help must not load the model
    from ..model.portfolio import Portfolio


PERSONAL_KINDS = frozenset({"leader", "quality-case", "unit", "case-count"})
"""Record kinds (keys of the kinds table) about people: their validation
warnings stay out of the public report. A unit's file is one: a routine of
the unit overdue for review rates its leader. A count of cases is one: its
warnings (ASK815, ASK842) name the unit whose cases it counts."""


class Audience(str, Enum):
    """``report --audience``."""

    INTERNAL = "internal"
    PUBLIC = "public"


def pool_small_groups(
    sizes: Mapping[str, int], enough: Callable[[frozenset[str]], bool]
) -> tuple[list[str], frozenset[str]]:
    """Split groups (by key) into those shown on their own and one pool of
    the rest, such that every group shown alone is ``enough``, and the
    pool is too unless it is everything (then the caller hides it, and the
    total with it, since the pool is the total). ``sizes`` decides which
    group the pool takes in first: the smallest, so the least is lost.

    The shown groups and the pool split the whole, so any sum or difference
    of shown figures is a union of groups that are each enough.
    """
    alone = sorted(key for key in sizes if enough(frozenset({key})))
    pool = frozenset(sizes) - set(alone)
    while pool and alone and not enough(pool):
        smallest = min(alone, key=lambda key: (sizes[key], key))
        alone.remove(smallest)
        pool |= {smallest}
    return alone, pool


def unit_count(names: Iterable[str]) -> int:
    """How many units ``names`` name: names that differ only in case,
    accents or spaces are one unit (:func:`~askoy2020.core.names.unit_key`),
    so a unit written two ways is not counted twice towards k."""
    from ..core.names import unit_key  # not at the top: --help loads only what it needs

    return len({unit_key(name) for name in names})


def withheld(portfolio: Portfolio, audience: Audience, threshold: int) -> bool:
    """A programme of fewer units than the threshold has no public figures
    about leaders or cases at all: even a count for the whole programme
    would point at one of too few units."""
    units = [x.unit for x in portfolio.leaders] + [c.unit for c in portfolio.cases] + [
        c.unit for c in portfolio.case_counts]
    return audience is Audience.PUBLIC and unit_count(units) < threshold


def too_few_units(units: Iterable[str], audience: Audience, threshold: int) -> bool:
    """Public, and a figure is counted over at least one but fewer than k
    units: then even a total for the whole programme points at one of them.

    Each figure is judged on the records it is counted from, not on the
    programme's units: the programme's own case tables on the case records
    (report/quality.py), the quality system's volumes on the counts
    (report/cases.py), the leader figures on the leaders. Thirty units with
    a leader do not make one unit's cases anonymous. No unit at all is no
    one to point at: then the figures are zeros."""
    return audience is Audience.PUBLIC and 0 < unit_count(units) < threshold


def without_people(portfolio: Portfolio) -> Portfolio:
    """The portfolio with its leaders and cases left out, for a section
    that is withheld."""
    return dataclasses.replace(portfolio, records={**portfolio.records, "leader": [], "quality-case": [],
                                                   "case-count": []})


def personal_ids(portfolio: Portfolio) -> frozenset[str]:
    """The ids that point at a person: leaders, their goals, quality cases.
    A public report prints none of them, wherever they were written – a
    warning, a status comment, a tertial comment (report/render.py)."""
    return frozenset({x.id for x in portfolio.leaders} | {g.id for x in portfolio.leaders for g in x.goals}
                     | {c.id for c in portfolio.cases})


def scrub(text: str, ids: frozenset[str]) -> str:
    """``text`` with every whole-word occurrence of ``ids`` replaced by '•••'."""
    if not ids:
        return text
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(i) for i in sorted(ids, key=len, reverse=True))
                         + r")(?![\w-])")
    return pattern.sub("•••", text)
