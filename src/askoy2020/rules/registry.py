"""The rule registry: every rule has an id, a name, a severity and a
docstring with a failing and a passing example.

Most rules are functions over the loaded :class:`Portfolio`; the problems
found while reading files (syntax, schema) are *declared* here too, with
their documentation, so ``askoy2020 rules`` lists every id a user can see.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from ..core.diagnostics import Location, Say, Severity
from ..model import Portfolio


@dataclass(frozen=True)
class Finding:
    """What a rule reports; the runner adds the rule's id and severity.
    The message (what is wrong) and the hint (how to fix it) are each said
    in English and bokmål, side by side: ``Say("…", "…")``."""

    location: Location
    message: Say
    hint: Say
    related: tuple[Location, ...] = ()


@dataclass(frozen=True)
class CheckContext:
    portfolio: Portfolio
    as_of: date


Check = Callable[[CheckContext], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    severity: Severity
    doc: str
    check: Check | None  # None: reported while loading files (or by fmt)
    declared_stage: str = "portfolio"
    # Compares records with programme.yaml's contents (criteria, rounds): when
    # programme.yaml is there but failed to load, its findings would be false.
    needs_programme: bool = False

    @property
    def summary(self) -> str:
        """The docstring's first paragraph on one line."""
        first = self.doc.strip().split("\n\n", 1)[0]
        return " ".join(first.split()) or self.name

    @property
    def stage(self) -> str:
        """load (reading files), fmt (askoy2020 fmt only) or portfolio."""
        return self.declared_stage


REGISTRY: dict[str, Rule] = {}


def _register(rule: Rule) -> None:
    if rule.id in REGISTRY:
        raise RuntimeError(f"rule id {rule.id} registered twice")
    REGISTRY[rule.id] = rule


def rule(id: str, name: str, severity: Severity, *, needs_programme: bool = False) -> Callable[[Check], Check]:
    """Register a portfolio check; its docstring is its documentation."""

    def decorate(check: Check) -> Check:
        _register(Rule(id, name, severity, inspect.cleandoc(check.__doc__ or ""), check,
                       needs_programme=needs_programme))
        return check

    return decorate


def declare(id: str, name: str, severity: Severity, doc: str, stage: str = "load") -> None:
    """Register a problem that the loader (or fmt) reports."""
    _register(Rule(id, name, severity, inspect.cleandoc(doc), None, stage))

