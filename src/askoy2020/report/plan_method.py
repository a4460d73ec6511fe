"""How the proposals were valued, for the report: the method in plain
words and the criteria with their weights, as the data adopted them."""

from __future__ import annotations

from ..model import Portfolio
from ..model.methods import Method
from ..model.plan import Plan
from ..model.valuation import Valuation
from .i18n import Lang
from .plan_model import CriterionRow
from .plan_reasons import listing, plain_number


def _weights(portfolio: Portfolio, plan: Plan) -> dict[str, float]:
    """The weights the plan was made with: the programme's, changed by its scenario's."""
    scenario = next((s for s in portfolio.scenarios if s.id == plan.scenario), None)
    programme = portfolio.programme
    if programme is None:
        return {}
    return dict(Valuation.of(programme, plan.method, scenario.weights if scenario else {}).weights)


def criteria_rows(portfolio: Portfolio, plan: Plan) -> list[CriterionRow]:
    """The criteria in the order programme.yaml gives them (the order it adopted)."""
    programme = portfolio.programme
    if programme is None:
        return []
    weights = _weights(portfolio, plan)
    total = sum(weights.values())
    return [CriterionRow(c.name, weights[c.id], weights[c.id] / total if total else 0.0, c.scale.min, c.scale.max)
            for c in programme.criteria]


def method_paragraphs(portfolio: Portfolio, plan: Plan, words: Lang) -> list[str]:
    programme = portfolio.programme
    if programme is None:
        return [words.t("method_rule")]
    model = programme.prioritisation
    if plan.method is Method.WSJF:
        names = {c.id: c.name for c in programme.criteria}
        chosen = [names.get(c, c) for c in model.wsjf.cost_of_delay] or list(names.values())
        first = words.t("method_wsjf", criteria=listing(words, [n.lower() for n in chosen]))
    else:
        first = words.t("method_weighted")
    parts = [first]
    if model.delay_discount:
        parts.append(words.t("method_delay", share=words.percent(model.delay_discount)))
    if model.benefit_weight:
        parts.append(words.t("method_benefit", points=plain_number(words, model.benefit_weight * 1000)))
    paragraphs = [" ".join(parts), words.t("method_rule")]
    if not programme.criteria:
        paragraphs.append(words.t("no_criteria"))
    return paragraphs


def weights_source(portfolio: Portfolio, plan: Plan, words: Lang) -> str:
    programme = portfolio.programme
    scenario = next((s for s in portfolio.scenarios if s.id == plan.scenario), None)
    said = []
    weighing = programme.weighing() if programme else None
    if weighing is not None:
        ratio = words.number(round(weighing.consistency_ratio, 2), 2)
        said.append(words.t("weights_pairwise" if weighing.consistent else "weights_pairwise_inconsistent",
                            ratio=ratio))
    if scenario is not None and scenario.weights:
        said.append(words.t("weights_scenario", id=scenario.id))
    model = programme.prioritisation if programme else None
    if model is not None and model.decision:
        if model.adopted is not None:
            said.append(words.t("weights_adopted_on", decision=model.decision, date=words.date(model.adopted)))
        else:
            said.append(words.t("weights_adopted", decision=model.decision))
    else:
        said.append(words.t("weights_not_recorded"))
    return " ".join(said)
