"""The criteria's weights come from one place: each criterion's ``weight``,
or the pairwise comparisons in ``prioritisation.pairwise`` (AHP), complete
and not contradicting themselves too much (model/ahp.py)."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

from ..core import bokmal as nb
from ..core.diagnostics import Say, Severity
from ..model.ahp import CONSISTENT_ENOUGH
from .registry import CheckContext, Finding, rule


@rule("ASK720", "criterion-weights", Severity.ERROR)
def criterion_weights(ctx: CheckContext) -> Iterator[Finding]:
    """The criteria's weights are not given exactly once: a criterion has
    no weight and there are no pairwise comparisons; a criterion has a weight
    as well as the comparisons (which would decide?); or the comparisons name
    an unknown criterion, compare one with itself, compare a pair twice or
    leave a pair out.

    FAIL (programme.yaml):
        criteria:
          - {id: strategic_fit, name: Strategisk betydning, weight: 0.6}
          - {id: user_value, name: Nytte for innbyggerne}
    PASS:
        criteria:
          - {id: strategic_fit, name: Strategisk betydning}
          - {id: user_value, name: Nytte for innbyggerne}
        prioritisation:
          pairwise:
            strategic_fit: {user_value: 3}
    """
    programme = ctx.portfolio.programme
    if programme is None:
        return
    pairwise = programme.prioritisation.pairwise
    ids = [c.id for c in programme.criteria]
    if not pairwise:
        for index, criterion in enumerate(programme.criteria):
            if criterion.weight is None:
                yield Finding(programme.where("criteria", index),
                              Say(f"criterion {criterion.id} has no weight",
                                  f"kriteriet {criterion.id} har ingen vekt"),
                              Say("Give it 'weight: …', or compare the criteria pairwise under "
                                  "prioritisation.pairwise.",
                                  "Gi det «weight: …», eller sammenlign kriteriene parvis under "
                                  "prioritisation.pairwise."))
        return
    for index, criterion in enumerate(programme.criteria):
        if criterion.weight is not None:
            yield Finding(programme.where("criteria", index, "weight"),
                          Say(f"criterion {criterion.id} has a weight, but the weights come from the pairwise "
                              "comparisons",
                              f"kriteriet {criterion.id} har en vekt, men vektene kommer fra de parvise "
                              "sammenligningene"),
                          Say("Remove the weight: with prioritisation.pairwise the weights are derived from it.",
                              "Fjern vekten: med prioritisation.pairwise blir vektene regnet ut fra den."))
    said: dict[frozenset[str], tuple[str, str]] = {}
    for a, row in pairwise.items():
        for b in row:
            where = programme.where("prioritisation", "pairwise", a, b)
            unknown = [x for x in (a, b) if x not in ids]
            if unknown:
                yield Finding(where, Say(f"the comparison {a}–{b} names the unknown criterion {unknown[0]}",
                                         f"sammenligningen {a}–{b} nevner det ukjente kriteriet {unknown[0]}"),
                              Say(f"Compare only the criteria: {', '.join(ids)}.",
                                  f"Sammenlign bare kriteriene: {', '.join(ids)}."))
            elif a == b:
                yield Finding(where, Say(f"{a} is compared with itself", f"{a} er sammenlignet med seg selv"),
                              Say("Remove it: a criterion is always as important as itself (1).",
                                  "Fjern den: et kriterium er alltid like viktig som seg selv (1)."))
            elif frozenset((a, b)) in said:
                first = said[frozenset((a, b))]
                yield Finding(where, Say(f"the pair {a}–{b} is compared twice (also as {first[0]}: {first[1]})",
                                         f"paret {a}–{b} er sammenlignet to ganger (også som {first[0]}: "
                                         f"{first[1]})"),
                              Say("Keep one: the other direction is its inverse (3 one way is 1/3 the other).",
                                  "Behold én: den andre retningen er det omvendte (3 den ene veien er 1/3 den "
                                  "andre)."))
            else:
                said[frozenset((a, b))] = (a, b)
    missing = [(a, b) for a, b in combinations(ids, 2) if frozenset((a, b)) not in said]
    if missing:
        shown = ", ".join(f"{a}–{b}" for a, b in missing[:5]) + (" …" if len(missing) > 5 else "")
        pairs = "pair" if len(missing) == 1 else "pairs"
        yield Finding(programme.where("prioritisation", "pairwise"),
                      Say(f"{len(missing)} {pairs} of criteria not compared: {shown}",
                          f"{nb.count(len(missing), 'par', 'par')} av kriterier er ikke sammenlignet: {shown}"),
                      Say("Compare every pair once, e.g. 'strategic_fit: {user_value: 3}'.",
                          "Sammenlign hvert par én gang, f.eks. «strategic_fit: {user_value: 3}»."))


@rule("ASK721", "pairwise-inconsistent", Severity.WARNING)
def pairwise_inconsistent(ctx: CheckContext) -> Iterator[Finding]:
    """The pairwise comparisons contradict one another more than Saaty's
    limit allows (consistency ratio above 0.1): say A is 3 times B and B 3
    times C, yet C is 3 times A. The weights are still derived, but they rest
    on judgements that do not fit together.

    FAIL (programme.yaml):
        prioritisation:
          pairwise:
            strategic_fit: {user_value: 5, economic_gain: 1/5}
            user_value: {economic_gain: 5}
    PASS:
        prioritisation:
          pairwise:
            strategic_fit: {user_value: 2, economic_gain: 4}
            user_value: {economic_gain: 2}
    """
    programme = ctx.portfolio.programme
    weighing = programme.weighing() if programme is not None else None
    if programme is None or weighing is None or weighing.consistent:
        return
    ratio = weighing.consistency_ratio
    yield Finding(programme.where("prioritisation", "pairwise"),
                  Say(f"the pairwise comparisons have a consistency ratio of {ratio:.2f}, above "
                      f"{CONSISTENT_ENOUGH:g}: they contradict one another",
                      f"de parvise sammenligningene har en konsistensratio på {nb.decimal(f'{ratio:.2f}')}, over "
                      f"{nb.number(CONSISTENT_ENOUGH)}: de motsier hverandre"),
                  Say("Look at the comparisons again, starting with the strongest judgements.",
                      "Gå gjennom sammenligningene på nytt, og begynn med de sterkeste vurderingene."))
