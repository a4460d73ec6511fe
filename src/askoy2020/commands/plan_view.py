"""The plan for people, in kroner and årsverk as well as points: the
frames and what is left unallocated, what is funded and what it costs per
year, what is not and what it would need and why, which transfers between
areas would fund a project, what more money would buy, and a scenario's
difference."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TextIO

from ..core.numbers import amount, amounts_by_year, fte, one_decimal
from ..model import Portfolio
from ..model.plan import LeftOut, MarginalValue, Move, Plan, SolverStatus, Transfer
from ..prioritise.diff import PlanDiff
from ..prioritise.explain import Conflict
from ..prioritise.robustness import Robustness

if TYPE_CHECKING:
    from ..prioritise.alternatives import Alternative
    from ..prioritise.fairness import AreaShare
from .safe_text import visible


def _shown(value: object) -> str:
    """Text from the data as rich prints it: control and invisible
    characters as escapes (rich passes ESC through), markup escaped."""
    from rich.markup import escape

    return escape(visible(value))


def _by_year(values: dict[int, float]) -> str:
    return amounts_by_year(values, " · ")


def render_text(
    out: TextIO, portfolio: Portfolio, plan: Plan | None, conflicts: list[Conflict],
    notes: list[str], seconds: float, diff: PlanDiff | None = None, robustness: Robustness | None = None,
    alternatives: list[Alternative] | None = None, fairness: list[AreaShare] | None = None,
) -> None:
    from rich.console import Console

    console = Console(file=out, highlight=False, width=None if out.isatty() else 140)
    if plan is None:
        console.print("[bold red]No plan is possible with these frames and rules.[/]")
        for c in conflicts:
            console.print(f"  [bold]{_shown(c.location)}[/]: {_shown(c.message)}")
            console.print(f"    [dim]→ {_shown(c.hint)}[/]")
        for note in notes:
            console.print(f"  [yellow]note[/]: {_shown(note)}")
        return
    names = {p.id: p.name for p in portfolio.projects}
    areas = {p.id: p.area for p in portfolio.projects}
    years = f"{plan.years.first_year}–{plan.years.last_year}"
    title = f"Askøy 2020 – prioritised plan {years} (method: {plan.method.value}"
    title += f", scenario: {plan.scenario})" if plan.scenario else ")"
    console.print(f"[bold]{_shown(title)}[/]")
    if plan.as_of is not None:
        counted = plan.first_counted_year()
        first_open = portfolio.programme.first_open_year(plan.as_of) if portfolio.programme else counted
        if counted > first_open:  # --from-year left open years out: say so, they are not adopted
            skipped = f"{first_open}" if counted == first_open + 1 else f"{first_open}–{counted - 1}"
            console.print(_shown(f"As of {plan.as_of}: money before {counted} counts against no frame; {skipped} "
                                 "is open (not yet adopted) but left out of this plan by --from-year."))
        else:
            console.print(_shown(f"As of {plan.as_of}: money before {counted} is sunk (spent or adopted) and "
                                 "counts against no frame."))
    console.print(_solver_line(plan, seconds))
    _render_weights(console, portfolio, plan)
    _render_frames(console, portfolio, plan)
    _render_where_more_buys(console, plan)
    _render_more_money(console, plan)
    _render_selected(console, plan, names, areas)
    _render_left_out(console, plan, names)
    _render_transfers(console, plan)
    if plan.done:
        shown = ", ".join(plan.done[:12]) + (f" and {len(plan.done) - 12} more" if len(plan.done) > 12 else "")
        console.print()
        console.print(_shown(f"Already done ({len(plan.done)} completed, not planned again): {shown}"))
    if diff is not None:
        console.print()
        _render_diff(console, diff, names)
    if robustness is not None:
        console.print()
        _render_robustness(console, robustness)
    if alternatives:
        console.print()
        _render_alternatives(console, plan, alternatives)
    if fairness:
        console.print()
        _render_fairness(console, fairness)
    for note in notes:
        console.print(f"[yellow]note[/]: {_shown(note)}")


def _render_weights(console: Any, portfolio: Portfolio, plan: Plan) -> None:
    """The criteria's weights as shares, and whether pairwise comparisons
    (AHP) gave them and how consistent those were."""
    from ..prioritise.formats import weights_data

    data = weights_data(portfolio, plan)
    if data is None:
        return
    total = sum(data["criteria"].values()) or 1.0
    shares = ", ".join(f"{cid} {100 * w / total:.0f} %" for cid, w in data["criteria"].items())
    if data["source"] == "pairwise":
        ratio = data["consistency_ratio"]
        warning = " – above 0.1: the comparisons contradict one another" if ratio > 0.1 else ""
        line = f"Weights from pairwise comparisons (AHP, consistency ratio {ratio:.2f}{warning}): {shares}"
    else:
        line = f"Weights as programme.yaml gives them: {shares}"
    if "changed_by_scenario" in data:
        line += f"; changed by scenario {plan.scenario}"
    console.print(_shown(line))


def _render_alternatives(console: Any, plan: Plan, alternatives: list[Alternative]) -> None:
    """Each alternative budget beside the plan: value, what it uses each
    year, whether it balances, and what it funds and refuses differently."""
    from rich.table import Table

    from ..prioritise.formats import by_year, unallocated

    console.print("[bold]Alternatives beside this plan (the working tree)[/]")
    table = Table(show_header=True, header_style="bold")
    table.add_column("")
    table.add_column("this plan", justify="right")
    for alternative in alternatives:
        table.add_column(_shown(alternative.revision), justify="right")
    plans = [plan, *(a.plan for a in alternatives)]
    table.add_row("balances", "yes", *({True: "yes", False: "no"}.get(a.balances, "not known")  # type: ignore[arg-type]
                                       for a in alternatives))
    table.add_row("value (points)", *(one_decimal(p.value) if p else "–" for p in plans))
    for year in [f.year for f in plan.frames]:
        table.add_row(f"drift {year} (1000 kr)", *(amount(by_year(p)[year]["drift"]) if p and year in by_year(p)
                                                    else "–" for p in plans))
        table.add_row(f"staff {year} (årsverk)", *(fte(by_year(p)[year]["staff"]) if p and year in by_year(p)
                                                    else "–" for p in plans))
    table.add_row("drift unallocated (1000 kr)",
                  *(amount(sum(unallocated(p).get("drift", {}).values())) if p else "–" for p in plans))
    console.print(table)
    for alternative in alternatives:
        if alternative.balances is None:
            why = "; ".join(alternative.conflicts[:3])
            what = "was not planned in the time it had" if alternative.timed_out else "cannot be planned"
            console.print(_shown(f"  {alternative.revision} {what}: {why}"))
            continue
        if not alternative.balances:
            why = "; ".join(alternative.conflicts[:3]) or "no plan keeps every frame"
            console.print(_shown(f"  {alternative.revision} does not balance: {why}"))
            continue
        diff = alternative.diff
        if diff is None:
            continue
        funds = ", ".join(f"{p} ({s})" for p, s in diff.added) or "nothing more"
        refuses = ", ".join(diff.dropped) or "nothing"
        console.print(_shown(f"  {alternative.revision} also funds: {funds}; leaves out: {refuses}"))
        if diff.moved:
            console.print(_shown("    moves: " + ", ".join(f"{p} {a}→{b}" for p, a, b in diff.moved)))
        if alternative.goals:
            console.print(_shown(f"    goals affected: {', '.join(alternative.goals)}"))


def _render_fairness(console: Any, rows: list[AreaShare]) -> None:
    """Each area's share of the plan against its minimum share and its proposals' value."""
    from rich.table import Table

    console.print("[bold]Fairness between areas[/] (shares over the plan years)")
    table = Table(show_header=True, header_style="bold")
    for head in ("Area", "Drift (1000 kr)", "of the plan", "of the frames", "min_share", "Årsverk",
                 "of the plan", "of the proposals' value", "min_share costs (points)"):
        table.add_column(head, justify="left" if head == "Area" else "right")
    for r in rows:
        table.add_row(_shown(r.area), amount(r.drift), f"{r.drift_share:.0%}", f"{r.frame_share:.0%}",
                      f"{r.min_share:.0%}" if r.min_share is not None else "–", one_decimal(r.staff),
                      f"{r.staff_share:.0%}", f"{r.value_share:.0%}",
                      one_decimal(r.price) if r.price is not None else "–")
    console.print(table)


def _render_robustness(console: Any, robustness: Robustness) -> None:
    """How far each weight may move, and which projects are in whatever the weights."""
    console.print("[bold]Robustness to the weights[/]")
    for interval in robustness.intervals:
        high = "no upper limit" if interval.high is None else f"{interval.high:.4g}"
        mark = "" if interval.verified else " (as far as the time allowed)"
        console.print(_shown(f"  {interval.criterion}: weight {interval.weight:.4g}; the plan stays the same from "
                             f"{interval.low:.4g} to {high}{mark}"))
    if not robustness.draws:
        return
    always, edge, never = robustness.always, robustness.edge, robustness.never
    console.print(_shown(f"  {robustness.draws} random weight sets (each weight ±{robustness.spread:.0%}, seed "
                         f"{robustness.seed}):"))
    console.print(_shown(f"    in under every one: {', '.join(always) or 'none'}"))
    console.print(_shown(f"    out under every one: {', '.join(never) or 'none'}"))
    if edge:
        shown = ", ".join(f"{p} {100 * robustness.share(p):.0f} %" for p in edge)
        console.print(_shown(f"    on the edge (share of draws it is in): {shown}"))
    else:
        console.print(_shown("    on the edge: none – the same projects are chosen under every draw"))


def _render_frames(console: Any, portfolio: Portfolio, plan: Plan) -> None:
    from rich.table import Table

    invest = any(f.investment_frame is not None or f.investment_used for f in plan.frames)
    frames = Table(title="Programme frames per year", title_justify="left", show_edge=False)
    heads = ["Year", "Drift frame", "Used", "Left", f"+{amount(_step(portfolio))} buys"]
    if invest:
        heads += ["Investment frame", "Used", "Left", f"+{amount(_step(portfolio))} buys"]
    heads += ["Staff frame", "Used", "Left", "+1 årsverk buys"]
    for head in heads:
        frames.add_column(head, justify="right" if head != "Year" else "left")
    programme = {(m.resource, m.year): m for m in plan.marginal_values if m.scope == "programme"}
    for f in plan.frames:
        row = [str(f.year), _opt(f.budget_frame, amount), amount(f.budget_used),
               _slack(f.budget_frame, f.budget_used, amount), _gain(programme.get(("budget", f.year)))]
        if invest:
            row += [_opt(f.investment_frame, amount), amount(f.investment_used),
                    _slack(f.investment_frame, f.investment_used, amount),
                    _gain(programme.get(("investment", f.year)))]
        row += [_opt(f.staff_frame, fte), fte(f.staff_used), _slack(f.staff_frame, f.staff_used, fte),
                _gain(programme.get(("staff", f.year)))]
        frames.add_row(*row)
    console.print()
    console.print(frames)
    console.print("[dim]Money in 1000 kr, staff in årsverk; 'Left' is unallocated; 'buys' is the value (points) "
                  "a larger programme frame would add, and which projects come in.[/]")
    by_area = [row for row in plan.unallocated if row.scope != "programme"]
    if by_area:
        plan_years = list(plan.years.years())
        table = Table(title="Unallocated in area frames (left / frame)", title_justify="left", show_edge=False)
        table.add_column("Area")
        table.add_column("Kind")
        for year in plan_years:
            table.add_column(str(year), justify="right")
        for area in sorted(by_area, key=lambda r: (r.scope, _KIND_ORDER[r.kind.value])):
            show = fte if area.kind.value == "staff" else amount
            table.add_row(_shown(area.scope), area.kind.value, *(
                f"{show(area.left[y])} / {show(area.frame[y])}" if y in area.frame else "–" for y in plan_years))
        console.print()
        console.print(table)


_KIND_ORDER = {"drift": 0, "investment": 1, "staff": 2}


def _render_where_more_buys(console: Any, plan: Plan) -> None:
    worth = [m for m in plan.marginal_values if m.value > 0]
    if not worth:
        return
    console.print()
    console.print("[bold]Where more would buy value[/]")
    for m in sorted(worth, key=lambda m: (-m.value, m.scope, m.resource, m.year)):
        where = "programme" if m.scope == "programme" else f"area {m.scope}"
        more = f"+{fte(m.step)} årsverk" if m.resource == "staff" else f"+{amount(m.step)} (1000 kr)"
        swap = f", {', '.join(m.leaves)} making room" if m.leaves else ""
        console.print(_shown(f"  {where} {m.resource} {m.year}: {more} buys {one_decimal(m.value)} points "
                             f"({', '.join(m.enters)} in{swap})"))


def _render_more_money(console: Any, plan: Plan) -> None:
    if not plan.more_money:
        return
    console.print()
    console.print("[bold]One more million kr of drift a year[/]")
    for m in sorted(plan.more_money, key=lambda m: (m.scope != "programme", -m.value, m.scope)):
        where = "the programme" if m.scope == "programme" else f"area {m.scope} (and the programme)"
        years = f"{m.years[0]}–{m.years[-1]}" if len(m.years) > 1 else str(m.years[0])
        if not m.value:
            bought = "buys nothing"
        else:
            swap = f", {', '.join(m.leaves)} making room" if m.leaves else ""
            bought = f"buys {one_decimal(m.value)} points ({', '.join(m.enters) or 'a better timing'} in{swap})"
        console.print(_shown(f"  +{amount(m.step)} (1000 kr) a year {years} for {where}: {bought}"))


def _render_selected(console: Any, plan: Plan, names: dict[str, str], areas: dict[str, str]) -> None:
    from rich.table import Table

    invest = any(s.investment for s in plan.selected)
    selected = Table(title=f"Funded: selected projects ({len(plan.selected)})", title_justify="left",
                     show_edge=False)
    heads = ["Id", "Project", "Area", "Start", "Why", "Drift per year (1000 kr)"]
    heads += ["Investment per year (1000 kr)"] if invest else []
    heads += ["Årsverk per year", "Value"]
    for head in heads:
        selected.add_column(head, justify="right" if head == "Value" else "left")
    for s in plan.selected:
        row = [_shown(s.project), _shown(names.get(s.project, "")), _shown(areas.get(s.project, "")),
               str(s.start), _shown(s.why), _by_year(s.cost)]
        row += [_by_year(s.investment)] if invest else []
        row += [_staff_by_year(s.staff), one_decimal(s.value)]
        selected.add_row(*row)
    console.print()
    console.print(selected)


def _render_left_out(console: Any, plan: Plan, names: dict[str, str]) -> None:
    from rich.table import Table

    if not plan.left_out:
        return
    left = Table(title=f"Not funded: left out ({len(plan.left_out)})", title_justify="left", show_edge=False)
    for head in ("Id", "Project", "Value", "Would need per year", "Reason"):
        left.add_column(head, justify="right" if head == "Value" else "left")
    for lo in plan.left_out:
        left.add_row(_shown(lo.project), _shown(names.get(lo.project, "")),
                     "–" if lo.value is None else one_decimal(lo.value), _shown(needs_text(lo)), _shown(lo.reason))
    console.print()
    console.print(left)


def _render_transfers(console: Any, plan: Plan) -> None:
    if not plan.transfers:
        return
    values = {lo.project: lo.value for lo in plan.left_out}
    console.print()
    console.print("[bold]Transfers between areas that would fund a project left out[/] "
                  "[dim](each on its own, within the programme frame)[/]")
    for transfer in plan.transfers:
        value = values.get(transfer.project)
        worth = f" ({one_decimal(value)} points)" if value is not None else ""
        console.print(_shown(f"  {transfer_text(transfer)}{worth}"))


def transfer_text(transfer: Transfer) -> str:
    """'moving 1 200 from OK to DK in 2021 (1000 kr drift) would fund DK-07'; several
    givers of one frame are named together."""
    groups: dict[tuple[int, str, str], list[Move]] = {}
    for move in transfer.moves:
        groups.setdefault((move.year, move.kind.value, move.to_area), []).append(move)
    parts = []
    for (year, kind, to_area), moves in groups.items():
        show = fte if kind == "staff" else amount
        unit = "årsverk" if kind == "staff" else f"1000 kr {kind}"
        givers = " and ".join(f"{show(m.amount)} from {m.from_area}" for m in moves)
        parts.append(f"{givers} to {to_area} in {year} ({unit})")
    return f"moving {', and '.join(parts)} would fund {transfer.project}"


def needs_text(row: LeftOut) -> str:
    """What a project left out would need, year by year: '2021: 4 300 drift, 1.8 årsverk'."""
    by_year: dict[int, list[str]] = {}
    for kind, figures in (("drift", row.cost), ("investment", row.investment), ("staff", row.staff)):
        for year, value in sorted((figures or {}).items()):
            if value:
                unit = "årsverk" if kind == "staff" else kind
                by_year.setdefault(year, []).append(f"{fte(value) if kind == 'staff' else amount(value)} {unit}")
    return " · ".join(f"{year}: {', '.join(parts)}" for year, parts in sorted(by_year.items())) or "–"


def _staff_by_year(values: dict[int, float]) -> str:
    return " · ".join(f"{y}: {fte(v)}" for y, v in sorted(values.items())) or "–"


def _solver_line(plan: Plan, seconds: float) -> str:
    value = one_decimal(plan.value)
    if plan.solver.gap == 0:
        return f"Proven optimal: value {value} points (solved in {seconds:.2f} s)."
    gap = f"{plan.solver.gap:.3%}"
    if plan.solver.status is SolverStatus.GAP_LIMIT:
        return (f"Value {value} points, within {gap} of the best possible ({one_decimal(plan.solver.bound)}); "
                f"the solver stopped at the gap limit after {seconds:.2f} s.")
    return (f"[yellow]Stopped at the time limit after {seconds:.1f} s[/]: value {value} points, at most "
            f"{gap} below the best possible ({one_decimal(plan.solver.bound)}). Raise --time-limit to close the gap.")


def _step(portfolio: Portfolio) -> float:
    return portfolio.programme.prioritisation.frame_step if portfolio.programme else 1000.0


def _opt(value: float | None, show: object) -> str:
    return "–" if value is None else show(value)  # type: ignore[operator]


def _slack(frame: float | None, used: float, show: object) -> str:
    return "–" if frame is None else show(frame - used)  # type: ignore[operator]


def _gain(marginal: MarginalValue | None) -> str:
    if marginal is None:
        return "–"
    if marginal.value == 0:
        return "nothing"
    shown = one_decimal(marginal.value)
    return f"{shown} ({', '.join(marginal.enters)})" if marginal.enters else shown


def _render_diff(console: object, diff: PlanDiff, names: dict[str, str]) -> None:

    say = console.print  # type: ignore[attr-defined]
    change = diff.value_change
    say(f"[bold]Difference from the baseline plan[/]: value {one_decimal(diff.baseline_value)} → "
        f"{one_decimal(diff.value)} ({'+' if change >= 0 else ''}{one_decimal(change)} points)")
    if diff.unchanged:
        say("  The same projects, with the same starts.")
    for pid, start in diff.added:
        say(f"  [green]+ {_shown(pid)}[/] {_shown(names.get(pid, ''))} comes in, starting {start}")
    for pid in diff.dropped:
        say(f"  [red]- {_shown(pid)}[/] {_shown(names.get(pid, ''))} is left out")
    for pid, before, after in diff.moved:
        say(f"  [yellow]~ {_shown(pid)}[/] {_shown(names.get(pid, ''))} starts {after} instead of {before}")
    for year, budget, staff, investment in diff.frames:
        sign = "+" if investment >= 0 else ""
        spent = f", investment used {sign}{amount(investment)} (1000 kr)" if investment else ""
        say(f"  {year}: budget used {'+' if budget >= 0 else ''}{amount(budget)} (1000 kr){spent}, "
            f"staff used {'+' if staff >= 0 else ''}{fte(staff)} årsverk")
