"""The frames a plan must hold: programme and area frames of drift
(budget), investment and staff for each plan year, as the budget round that
speaks for the year on the plan's day gives them (revisions included), with
the changes a scenario or the command line asks for."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from pydantic import TypeAdapter, ValidationError

from ..core.diagnostics import Location
from ..model import Portfolio
from ..model.base import Fte, Money
from ..model.budget import MoneyKind
from ..model.prioritisation import FrameChange
from .adjust import AdjustmentError, Adjustments, one_line


class Resource(str, Enum):
    BUDGET = "budget"  # drift
    INVESTMENT = "investment"
    STAFF = "staff"

    @property
    def unit(self) -> str:
        return "årsverk" if self is Resource.STAFF else "(1000 kr)"

    @property
    def kind(self) -> MoneyKind:
        return _KIND[self]


_KIND = {Resource.BUDGET: MoneyKind.DRIFT, Resource.INVESTMENT: MoneyKind.INVESTMENT, Resource.STAFF: MoneyKind.STAFF}


@dataclass(frozen=True)
class FrameKey:
    scope: str  # "programme" or an area id
    resource: Resource
    year: int

    def label(self) -> str:
        where = "programme" if self.scope == "programme" else f"area {self.scope}"
        return f"{where} {self.resource.value} frame {self.year}"


@dataclass(frozen=True)
class Frame:
    key: FrameKey
    limit: float
    location: Location


FRAME_KINDS = tuple((resource, resource.kind) for resource in Resource)


def build_frames(portfolio: Portfolio, years: range, adj: Adjustments, as_of: dt.date) -> list[Frame]:
    """Every frame of the plan years, as the round that speaks for each
    year on ``as_of`` gives it (Portfolio.frame_source), then the changes asked for."""
    owner_by_scope: dict[str, object] = {"programme": portfolio.programme}
    owner_by_scope.update((a.id, a) for a in sorted(portfolio.areas, key=lambda a: a.id))
    limits: dict[FrameKey, tuple[float, Location]] = {}
    for scope in owner_by_scope:
        for resource, kind in FRAME_KINDS:
            for year in years:
                source = portfolio.frame_source(year, as_of, None if scope == "programme" else scope)
                found = source.frame_at(kind, year, as_of) if source is not None else None
                if found is not None:
                    limits[FrameKey(scope, resource, year)] = found
    for resource, changes in ((Resource.BUDGET, adj.budget), (Resource.INVESTMENT, adj.investment),
                              (Resource.STAFF, adj.staff)):
        for change in changes:
            _apply(limits, owner_by_scope, resource, change, years)
    return [Frame(k, v[0], v[1]) for k, v in sorted(
        limits.items(), key=lambda kv: (kv[0].scope != "programme", kv[0].scope, kv[0].resource.value, kv[0].year))]


def _apply(
    limits: dict[FrameKey, tuple[float, Location]], owners: dict[str, object],
    resource: Resource, change: FrameChange, years: range,
) -> None:
    scope = change.area or "programme"
    if scope not in owners:
        raise AdjustmentError(f"there is no programme area {scope} whose frame could change")
    if change.year not in years:
        raise AdjustmentError(f"{resource.value} frame change for {change.year}, outside the plan years "
                              f"{years[0]}–{years[-1]}")
    key = FrameKey(scope, resource, change.year)
    if change.set is not None:
        limit = change.set
        location = limits[key][1] if key in limits else Location("<option>")
    else:
        if key not in limits:
            raise AdjustmentError(
                f"there is no {key.label()} to change; set one with YEAR=N instead of YEAR=+N")
        old, location = limits[key]
        assert change.change is not None
        limit = old + change.change
        if limit < 0:
            raise AdjustmentError(f"the change leaves the {key.label()} below zero ({limit:g})")
    try:
        # The frame must be one the data could hold, or the plan that
        # reports it cannot be written (a staff frame over 100 000 årsverk).
        _FRAME_TYPE[resource].validate_python(limit)
    except ValidationError as exc:
        raise AdjustmentError(f"the change makes the {key.label()} {limit:g}: {one_line(exc)}") from None
    limits[key] = (limit, location)


_FRAME_TYPE: dict[Resource, TypeAdapter[float]] = {
    Resource.BUDGET: TypeAdapter(Money), Resource.INVESTMENT: TypeAdapter(Money), Resource.STAFF: TypeAdapter(Fte),
}
