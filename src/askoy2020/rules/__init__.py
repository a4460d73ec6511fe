"""All consistency rules, registered by importing their modules.

``check(portfolio, as_of)`` runs every portfolio rule and returns the
loader's diagnostics together with the rules', sorted by file and line.
"""

from __future__ import annotations

from datetime import date

from ..core.diagnostics import Diagnostic, Location, Say, Severity, sort_diagnostics
from ..model import Portfolio
from . import (  # noqa: F401  (imported to register their rules)
    benefits,
    cases,
    control,
    dependencies,
    follow_up,
    frames_forecast,
    goals,
    identity,
    leadership,
    loading,
    money,
    personal_data,
    prioritisation,
    privacy,
    quality,
    records,
    risk,
    status,
    time_money,
    weights,
)
from .registry import REGISTRY, CheckContext, Rule


def check(portfolio: Portfolio, as_of: date | None = None) -> list[Diagnostic]:
    ctx = CheckContext(portfolio, as_of or date.today())
    found = list(portfolio.load_diagnostics)
    programme_broken = portfolio.programme is None and any(
        (kind := portfolio.kind_of_file(name)) is not None and kind.key == "programme" for name in portfolio.files)
    for rule in REGISTRY.values():
        if rule.check is None or (rule.needs_programme and programme_broken):
            continue
        try:
            for f in rule.check(ctx):
                found.append(Diagnostic.said(f.location, rule.id, rule.severity, f.message, f.hint, f.related))
        except Exception as exc:  # a bug in one rule must not hide the others' findings
            error = f"{type(exc).__name__}: {exc}"
            found.append(Diagnostic.said(
                Location(str(portfolio.root)), rule.id, Severity.ERROR,
                Say(f"internal error in rule {rule.id} ({rule.name}): {error}",
                    f"intern feil i regel {rule.id} ({rule.name}): {error}"),
                Say("Please report this as a bug in askoy2020, with the data that triggers it.",
                    "Meld dette som en feil i askoy2020, sammen med dataene som utløser den."),
            ))
    return sort_diagnostics(found)


def all_rules() -> list[Rule]:
    return sorted(REGISTRY.values(), key=lambda r: r.id)


__all__ = ["Rule", "all_rules", "check"]
