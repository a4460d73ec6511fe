"""The saved prioritisation plan for the next budget round, as politicians
read it: what is funded and what is not, in kroner and årsverk, why in
words, what is left unallocated, which transfers between areas and what
one more million a year would fund, and how the proposals were valued.

Counts mean what they say: a new proposal funded is one the plan takes
in (chosen, statutory or included); a running or decided project that goes
on is counted apart, one that ends before the plan years is not counted
as continuing, and a completed project is never counted at all – not
even in an older plan, which listed completed projects among the selected.
"""

from __future__ import annotations

import datetime as dt

from ..model import Portfolio, ProjectStatus
from ..model.budget import MoneyKind
from ..model.plan import LeftOutKind, Plan, Selected, SolverStatus
from .i18n import Lang
from .plan_method import criteria_rows, method_paragraphs, weights_source
from .plan_model import (
    ByYear,
    Figures,
    FrameLeftRow,
    MoreMoneyRow,
    PlanRow,
    PlanSection,
    ToDecide,
    TransferOption,
)
from .plan_reasons import ReasonWords, listing, millions, quantity
from .plan_robustness import alternative_rows, fairness_rows, robustness_paragraphs

# Kinds of left-out row that are a decision the meeting can change; the
# others (excluded, no start, outside the years) cannot be in the plan as the data stand.
_UNFUNDED = (LeftOutKind.FRAME, LeftOutKind.VALUE, LeftOutKind.PREDECESSOR, LeftOutKind.TIMING)
_CONTINUING = ("committed", "locked")
_KIND_ORDER = (MoneyKind.DRIFT, MoneyKind.INVESTMENT, MoneyKind.STAFF)


def saved_plan(portfolio: Portfolio, year: int, as_of: dt.date | None = None) -> Plan | None:
    """The plan for the year: the last by id among those covering it; else
    the plan for the next budget round, made during the year (a plan covers
    only the years still open when it is made). A plan made after the
    report's day is not known to it (a tertial report made in May does not
    know the plan made in October)."""
    known = [p for p in portfolio.plans if as_of is None or p.as_of is None or p.as_of <= as_of]
    for covered in (year, year + 1):
        plans = [p for p in known if covered in p.years]
        if plans:
            return max(plans, key=lambda p: p.id)
    return None


def build_plan(portfolio: Portfolio, year: int, lang: str = "nb", as_of: dt.date | None = None) -> PlanSection | None:
    plan = saved_plan(portfolio, year, as_of)
    if plan is None:
        return None
    words = Lang(lang)
    reasons = ReasonWords(plan, portfolio, words)
    projects = portfolio.project_by_id
    done = set(plan.done) | {p.id for p in portfolio.projects if p.status is ProjectStatus.COMPLETED}
    new: list[PlanRow] = []
    continuing: list[PlanRow] = []
    ending: list[PlanRow] = []
    for row in plan.selected:
        if row.project in done:
            continue  # finished: an older plan listed it, its money is spent
        basis = row.why
        if row.why == "chosen" and (p := projects.get(row.project)) and p.status is ProjectStatus.PAUSED:
            basis = "resumed"
        shown = PlanRow(row.project, _name(portfolio, row.project), reasons.area(_area(portfolio, row.project)),
                        _figures(row.cost, row.investment, row.staff), row.value, words.t(f"basis_{basis}"))
        if basis in _CONTINUING or basis == "resumed":
            (continuing if _any_money(row) else ending).append(shown)
        else:
            new.append(shown)
    unfunded: list[PlanRow] = []
    not_placeable: list[PlanRow] = []
    for out in plan.left_out:
        if out.kind is LeftOutKind.CANCELLED or out.project in done:
            continue
        shown = PlanRow(out.project, _name(portfolio, out.project), reasons.area(_area(portfolio, out.project)),
                        _figures(out.cost or {}, out.investment or {}, out.staff or {}), out.value,
                        reasons.reason(out))
        (unfunded if out.kind in _UNFUNDED else not_placeable).append(shown)
    unfunded.sort(key=lambda r: (-(r.value or 0.0), r.project))
    area_order = {a.id: i for i, a in enumerate(sorted(portfolio.areas, key=lambda a: a.id))}
    by_area = {r.project: area_order.get(_area(portfolio, r.project), len(area_order)) for r in plan.selected}
    for rows in (new, continuing):
        rows.sort(key=lambda r: (by_area.get(r.project, 0), r.project))
    transfers = _transfers(plan, reasons, words)
    more_head, more_rows, more_note = _more_money(plan, reasons, words)
    return PlanSection(
        id=plan.id, first_year=plan.years.first_year, last_year=plan.years.last_year, open_from=plan.open_from,
        years=list(plan.years.years()),
        counts=words.t("plan_counts", new=_count(words, "new", len(new)),
                       continuing=_count(words, "continuing", len(continuing)),
                       unfunded=_count(words, "unfunded", len(unfunded))),
        quality=_quality(plan, words),
        funded_new=new, funded_continuing=continuing,
        ending=_ending(ending, plan, words), unfunded=unfunded, not_placeable=not_placeable,
        unallocated=_unallocated(plan, reasons, words), transfers=transfers,
        more_money_head=more_head, more_money=more_rows, more_money_note=more_note,
        method=method_paragraphs(portfolio, plan, words), criteria=criteria_rows(portfolio, plan),
        weights_source=weights_source(portfolio, plan, words),
        to_decide=_to_decide(plan, unfunded, transfers, words, portfolio),
        scenario=words.t("plan_scenario", id=plan.scenario) if plan.scenario else None,
        robustness=robustness_paragraphs(portfolio, plan, words), fairness=fairness_rows(portfolio, plan, reasons),
        alternatives=alternative_rows(portfolio, plan, words),
    )


def _name(portfolio: Portfolio, pid: str) -> str:
    found = portfolio.project_by_id.get(pid)
    return found.name if found is not None else ""


def _area(portfolio: Portfolio, pid: str) -> str:
    found = portfolio.project_by_id.get(pid)
    return found.area if found is not None else ""


def _by_year(values: dict[int, float]) -> ByYear:
    return tuple((y, v) for y, v in sorted(values.items()) if v)


def _figures(cost: dict[int, float], investment: dict[int, float], staff: dict[int, float]) -> Figures:
    return Figures(_by_year(cost), _by_year(investment), _by_year(staff))


def _any_money(row: Selected) -> bool:
    return any(v for values in (row.cost, row.investment, row.staff) for v in values.values())


def _count(words: Lang, what: str, n: int) -> str:
    return words.t(f"n_{what}_{'one' if n == 1 else 'many'}", n=n)


def _ending(rows: list[PlanRow], plan: Plan, words: Lang) -> str | None:
    if not rows:
        return None
    key = "plan_ending_one" if len(rows) == 1 else "plan_ending_many"
    return words.t(key, n=len(rows), year=plan.first_counted_year(),
                   list=listing(words, [f"{r.project} {r.name}".strip() for r in rows]))


def _quality(plan: Plan, words: Lang) -> str:
    if plan.solver.status is SolverStatus.OPTIMAL or plan.solver.gap == 0:
        return words.t("plan_optimal")
    share = words.number(plan.solver.gap * 100, 2) + (" %" if words.code == "nb" else "%")
    key = "plan_stopped" if plan.solver.status is SolverStatus.TIME_LIMIT else "plan_near"
    return words.t(key, share=share)


def _unallocated(plan: Plan, reasons: ReasonWords, words: Lang) -> list[FrameLeftRow]:
    years = list(plan.years.years())
    rows = []
    for frame in sorted(plan.unallocated, key=lambda f: (f.scope != "programme", f.scope, _KIND_ORDER.index(f.kind))):
        scope = words.t("whole_programme") if frame.scope == "programme" else reasons.area(frame.scope)
        cells = tuple((frame.left[y], frame.frame[y]) if y in frame.frame else None for y in years)
        rows.append(FrameLeftRow(scope, frame.kind.value, cells))
    return rows


def _transfers(plan: Plan, reasons: ReasonWords, words: Lang) -> list[TransferOption]:
    values = {r.project: r.value for r in plan.left_out}
    found = []
    for transfer in plan.transfers:
        groups: dict[tuple[MoneyKind, int, str], list[str]] = {}  # one frame, one year, one receiver
        for m in transfer.moves:
            groups.setdefault((m.kind, m.year, m.to_area), []).append(
                words.t("transfer_from", amount=quantity(words, m.kind, m.amount), source=reasons.area(m.from_area)))
        moves = "; ".join(
            words.t("transfer_moves", list=listing(words, parts), target=reasons.area(to_area),
                    frame=words.t(f"frame_{kind.value}_def"), year=year)
            for (kind, year, to_area), parts in groups.items())
        found.append(TransferOption(transfer.project, _name(reasons.portfolio, transfer.project),
                                    values.get(transfer.project), moves))
    return sorted(found, key=lambda t: (-(t.value or 0.0), t.project))


def _more_money(plan: Plan, reasons: ReasonWords, words: Lang) -> tuple[str | None, list[MoreMoneyRow], str | None]:
    if not plan.more_money:
        return None, [], None
    first = plan.more_money[0]
    amount = millions(words, first.step)
    head = words.t("more_money", amount=amount, first=first.years[0], last=first.years[-1])
    rows = [MoreMoneyRow(words.t("whole_programme") if m.scope == "programme" else reasons.area(m.scope), m.value,
                         [reasons.project(p) for p in m.enters] or [words.t("more_timing")],
                         [reasons.project(p) for p in m.leaves])
            for m in sorted(plan.more_money, key=lambda m: (-m.value, m.scope)) if m.value > 0]
    programme = next((m for m in plan.more_money if m.scope == "programme"), None)
    note = None
    if not rows:
        note = words.t("more_nothing", amount=amount)
    elif programme is not None and programme.value == 0:
        note = words.t("more_programme_nothing")
    return head, rows, note


def _to_decide(
    plan: Plan, unfunded: list[PlanRow], transfers: list[TransferOption], words: Lang, portfolio: Portfolio,
) -> list[ToDecide]:
    """For page 1: the programme money the plan leaves unallocated, then the
    proposals it does not fund, the most valuable first, with their cost."""
    found = []
    for frame in plan.unallocated:
        if frame.scope != "programme" or frame.kind is MoneyKind.STAFF:
            continue
        left = {y: v for y, v in sorted(frame.left.items()) if v > 0}
        if left:
            found.append(ToDecide("unallocated", words.t(
                "decide_unallocated", frame=words.t(f"frame_{frame.kind.value}"),
                list=listing(words, [words.t("in_year", amount=millions(words, v), year=y) for y, v in left.items()])),
                figures=Figures(**{"drift" if frame.kind is MoneyKind.DRIFT else "investment": _by_year(left)})))
    fundable = {t.project for t in transfers}
    for row in unfunded:
        by_year: dict[int, list[str]] = {}  # "4,3 mill. kr til drift og 1,8 årsverk i 2021"
        for kind, values in ((MoneyKind.DRIFT, row.figures.drift), (MoneyKind.INVESTMENT, row.figures.investment),
                             (MoneyKind.STAFF, row.figures.staff)):
            for y, v in values:
                shown = quantity(words, kind, v)
                by_year.setdefault(y, []).append(shown if kind is MoneyKind.STAFF
                                                 else words.t(f"cost_{kind.value}", amount=shown))
        cost = "; ".join(words.t("in_year", amount=listing(words, parts), year=y)
                         for y, parts in sorted(by_year.items()))
        text = words.t("decide_unfunded", project=f"{row.project} {row.name}".strip(), area=row.area,
                       cost=cost or "–")
        if row.project in fundable:
            text += " " + words.t("decide_transfer")
        found.append(ToDecide("unfunded", text, row.project, _area(portfolio, row.project), row.figures, row.value))
    return found
