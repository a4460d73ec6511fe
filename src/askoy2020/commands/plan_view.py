"""The plan for people: frames, selected projects, projects left out and
why, what more money would buy, and a scenario's difference."""

from __future__ import annotations

from typing import TextIO

from ..core.numbers import amount, amounts_by_year, fte, one_decimal
from ..model import Portfolio
from ..model.plan import MarginalValue, Plan, SolverStatus
from ..prioritise.diff import PlanDiff
from ..prioritise.explain import Conflict
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
    notes: list[str], seconds: float, diff: PlanDiff | None = None,
) -> None:
    from rich.console import Console
    from rich.table import Table

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
    console.print(_solver_line(plan, seconds))

    frames = Table(title="Frames per year", title_justify="left", show_edge=False)
    for head in ("Year", "Budget frame", "Used", "Slack", f"+{amount(_step(portfolio))} buys",
                 "Staff frame", "Used", "Slack", "+1 årsverk buys"):
        frames.add_column(head, justify="right" if head != "Year" else "left")
    programme = {(m.resource, m.year): m for m in plan.marginal_values if m.scope == "programme"}
    for f in plan.frames:
        frames.add_row(
            str(f.year),
            _opt(f.budget_frame, amount), amount(f.budget_used), _slack(f.budget_frame, f.budget_used, amount),
            _gain(programme.get(("budget", f.year))),
            _opt(f.staff_frame, fte), fte(f.staff_used), _slack(f.staff_frame, f.staff_used, fte),
            _gain(programme.get(("staff", f.year))),
        )
    console.print()
    console.print(frames)
    console.print("[dim]Money in 1000 kr, staff in årsverk; 'buys' is the value (points) a larger programme "
                  "frame would add, and which projects come in.[/]")
    worth = [m for m in plan.marginal_values if m.value > 0]
    if worth:
        console.print()
        console.print("[bold]Where more would buy value[/]")
        for m in sorted(worth, key=lambda m: (-m.value, m.scope, m.resource, m.year)):
            where = "programme" if m.scope == "programme" else f"area {m.scope}"
            more = f"+{amount(m.step)} (1000 kr)" if m.resource == "budget" else f"+{fte(m.step)} årsverk"
            swap = f", {', '.join(m.leaves)} making room" if m.leaves else ""
            console.print(_shown(f"  {where} {m.resource} {m.year}: {more} buys {one_decimal(m.value)} points "
                                 f"({', '.join(m.enters)} in{swap})"))

    selected = Table(title=f"Selected projects ({len(plan.selected)})", title_justify="left", show_edge=False)
    for head in ("Id", "Project", "Area", "Start", "Why", "Cost per year (1000 kr)", "Value"):
        selected.add_column(head, justify="right" if head == "Value" else "left")
    for s in plan.selected:
        selected.add_row(_shown(s.project), _shown(names.get(s.project, "")), _shown(areas.get(s.project, "")),
                         str(s.start), _shown(s.why), _by_year(s.cost), one_decimal(s.value))
    console.print()
    console.print(selected)

    if plan.left_out:
        left = Table(title=f"Left out ({len(plan.left_out)})", title_justify="left", show_edge=False)
        for head in ("Id", "Project", "Value", "Reason"):
            left.add_column(head, justify="right" if head == "Value" else "left")
        for lo in plan.left_out:
            left.add_row(_shown(lo.project), _shown(names.get(lo.project, "")),
                         "–" if lo.value is None else one_decimal(lo.value), _shown(lo.reason))
        console.print()
        console.print(left)
    if diff is not None:
        console.print()
        _render_diff(console, diff, names)
    for note in notes:
        console.print(f"[yellow]note[/]: {_shown(note)}")


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
    for year, budget, staff in diff.frames:
        say(f"  {year}: budget used {'+' if budget >= 0 else ''}{amount(budget)} (1000 kr), "
            f"staff used {'+' if staff >= 0 else ''}{fte(staff)} årsverk")
