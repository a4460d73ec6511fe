"""How robust the saved plan is to the criteria's weights, how it shares
the money between the areas, and the alternative budgets beside it – in
words for politicians, when the plan was made with ``prioritise
--robustness``, ``--fairness`` or ``--compare``."""

from __future__ import annotations

from collections.abc import Callable

from ..model import Portfolio
from ..model.budget import MoneyKind
from ..model.plan import Plan
from .i18n import Lang
from .plan_model import AlternativeRow, FairnessRow
from .plan_reasons import ReasonWords, listing


def robustness_paragraphs(portfolio: Portfolio, plan: Plan, words: Lang) -> list[str]:
    found = plan.robustness
    if found is None:
        return []
    names = {c.id: c.name for c in portfolio.programme.criteria} if portfolio.programme else {}
    paragraphs = []
    for interval in found.intervals:
        high = words.t("robust_no_upper") if interval.high is None else words.number(interval.high, 2)
        text = words.t("robust_interval", criterion=names.get(interval.criterion, interval.criterion),
                       weight=words.number(interval.weight, 2), low=words.number(interval.low, 2), high=high)
        paragraphs.append(text + ("" if interval.verified else " " + words.t("robust_unverified")))
    if found.draws:
        shown = _projects(portfolio, words)
        paragraphs.append(words.t("robust_draws", draws=found.draws, spread=words.percent(found.spread),
                                  always=shown(found.always), never=shown(found.never)))
        if found.edge:
            edge = [f"{_project(portfolio, pid)} ({words.percent(share)})" for pid, share in
                    sorted(found.edge.items(), key=lambda kv: (-kv[1], kv[0]))]
            paragraphs.append(words.t("robust_edge", edge=listing(words, edge)))
        else:
            paragraphs.append(words.t("robust_no_edge"))
    return paragraphs


def fairness_rows(portfolio: Portfolio, plan: Plan, reasons: ReasonWords) -> list[FairnessRow]:
    return [FairnessRow(reasons.area(row.area), row.drift_share, row.frame_share, row.min_share, row.staff_share,
                        row.value_share, row.price) for row in plan.fairness]


def _project(portfolio: Portfolio, pid: str) -> str:
    found = portfolio.project_by_id.get(pid)
    return f"{pid} {found.name}" if found is not None else pid


def _projects(portfolio: Portfolio, words: Lang) -> Callable[[list[str]], str]:
    def shown(ids: list[str]) -> str:
        return listing(words, [_project(portfolio, pid) for pid in ids]) if ids else words.t("robust_none")
    return shown


def alternative_rows(portfolio: Portfolio, plan: Plan, words: Lang) -> list[AlternativeRow]:
    """The plan itself first (the proposal the alternatives are set against), then each alternative."""
    if not plan.alternatives:
        return []
    left = plan.programme_left(MoneyKind.DRIFT)
    rows = [AlternativeRow(words.t("alt_this"), words.t("alt_yes"), plan.value, plan.programme_use(MoneyKind.DRIFT),
                           plan.programme_use(MoneyKind.STAFF), sum(left.values()) if left is not None else None, "")]
    shown = _projects(portfolio, words)
    for alternative in plan.alternatives:
        balances = {True: "alt_yes", False: "alt_no"}.get(alternative.balances, "alt_unknown")  # type: ignore[arg-type]
        if alternative.balances:
            says = words.t("alt_differs", revision=alternative.revision, funds=shown(alternative.funds),
                           leaves_out=shown(alternative.leaves_out))
            if alternative.goals:
                says += " " + words.t("alt_goals", goals=listing(words, alternative.goals))
        else:
            says = words.t("alt_not_balanced" if alternative.balances is False else "alt_not_known",
                           revision=alternative.revision, why=alternative.why or "")
        rows.append(AlternativeRow(alternative.revision, words.t(balances), alternative.value,
                                   dict(alternative.drift), dict(alternative.staff),
                                   alternative.drift_unallocated, says))
    return rows
