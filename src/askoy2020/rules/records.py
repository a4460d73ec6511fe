"""Rules about single records that need more than their own schema."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from ..core import bokmal as nb
from ..core.diagnostics import Location, Say, Severity
from ..core.paths import display_name
from .registry import CheckContext, Finding, rule


@rule("ASK009", "programme-missing", Severity.ERROR)
def programme_missing(ctx: CheckContext) -> Iterator[Finding]:
    """The data folder has no valid ``programme.yaml``.

    The programme record holds the budget rounds, the measuring year
    and the prioritisation criteria that other rules need.

    FAIL: a data folder with programmes/, leaders/ and quality/ only.
    PASS (data/programme.yaml):
        id: ASKOY2020
        name: Askøy 2020
        rounds:
          - {year: 2018, decision: KST 123/17, adopted: 2017-12-14}
    """
    p = ctx.portfolio
    if p.programme is None and "programme.yaml" not in {f.rsplit("/", 1)[-1] for f in p.files}:
        yield Finding(
            Location(display_name(p.root / "programme.yaml")),
            Say("the data folder has no programme.yaml", "datamappen har ingen programme.yaml"),
            Say("Create programme.yaml with the programme's id, name and first budget round "
                "(rounds: year, decision, adopted).",
                "Opprett programme.yaml med programmets id, navn og første budsjettrunde "
                "(rounds: year, decision, adopted)."),
        )


@rule("ASK106", "criterion-score", Severity.ERROR)
def criterion_score(ctx: CheckContext) -> Iterator[Finding]:
    """A project's score names an unknown criterion or lies outside the
    criterion's scale (both set in programme.yaml).

    FAIL (criterion strategic_fit has scale 0–5):
        scores: {strategic_fit: 7}
    PASS:
        scores: {strategic_fit: 4}
    """
    programme = ctx.portfolio.programme
    if programme is None:
        return
    criteria = {c.id: c for c in programme.criteria}
    for project in ctx.portfolio.projects:
        for key, score in project.scores.items():
            criterion = criteria.get(key)
            if criterion is None:
                close = difflib.get_close_matches(key, list(criteria), n=1)
                listed = ", ".join(criteria)
                yield Finding(
                    project.where("scores", key),
                    Say(f"project {project.id} scores an unknown criterion '{key}'",
                        f"prosjekt {project.id} gir poeng på et ukjent kriterium «{key}»"),
                    Say((f"Did you mean '{close[0]}'? " if close else "") + f"Criteria in programme.yaml: {listed}.",
                        (f"Mente du «{close[0]}»? " if close else "") + f"Kriteriene i programme.yaml: {listed}."),
                )
            elif not criterion.scale.min <= score <= criterion.scale.max:
                low, high = criterion.scale.min, criterion.scale.max
                yield Finding(
                    project.where("scores", key),
                    Say(f"score {score:g} for '{key}' is outside the scale {low:g}–{high:g}",
                        f"poengsummen {nb.number(score)} for «{key}» er utenfor skalaen "
                        f"{nb.number(low)}–{nb.number(high)}"),
                    Say(f"Give a score between {low:g} and {high:g}.",
                        f"Gi en poengsum mellom {nb.number(low)} og {nb.number(high)}."),
                )


@rule("ASK107", "mandatory-without-legal-basis", Severity.ERROR)
def mandatory_without_legal_basis(ctx: CheckContext) -> Iterator[Finding]:
    """A mandatory project must name the statutory duty that makes it so.

    Mandatory projects are always funded when resources are prioritised, so
    the reason must be visible to reviewers.

    FAIL:
        mandatory: true
    PASS:
        mandatory: true
        legal_basis: Helse- og omsorgstjenesteloven § 3-2
    """
    for project in ctx.portfolio.projects:
        if project.mandatory and not (project.legal_basis or "").strip():
            yield Finding(
                project.where("mandatory"),
                Say(f"project {project.id} is mandatory but has no legal_basis",
                    f"prosjekt {project.id} er lovpålagt, men mangler legal_basis"),
                Say("Add 'legal_basis:' with the law and section, or set mandatory: false.",
                    "Legg til «legal_basis:» med lov og paragraf, eller sett mandatory: false."),
            )
