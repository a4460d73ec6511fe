"""``askoy2020 prioritise``: the request in, the plan out. Exit 0 with a
plan, 1 when no plan is possible or the data cannot be trusted, 2 for usage
errors."""

from __future__ import annotations

import datetime as dt
import shlex
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from ..model import Portfolio
from ..model.methods import Method
from ..model.plan import Plan
from ..model.portfolio import NoProgramme
from ..model.valuation import Valuation
from ..prioritise.adjust import AdjustmentError, Adjustments, parse_frame_change, parse_years
from ..prioritise.alternatives import AlternativeError, alternatives
from ..prioritise.diff import PlanDiff, diff_plans
from ..prioritise.fairness import fairness
from ..prioritise.formats import (
    alternatives_data,
    fairness_data,
    outcome_json,
    plan_csv,
    plan_yaml,
    robustness_data,
    weights_data,
)
from ..prioritise.inputs import blocking_problems
from ..prioritise.record import alternatives_record, fairness_record, robustness_record
from ..prioritise.robustness import robustness
from ..prioritise.run import Outcome, prioritise
from ..prioritise.solver import SolveSettings
from .choices import PlanFormat
from .failures import explain_os_errors
from .output import echo
from .plan_output import model_refusal, refusal
from .safe_text import json_safe, visible


@dataclass(frozen=True)
class PrioritiseRequest:
    folder: Path | None
    as_of: dt.date = field(default_factory=dt.date.today)
    from_year: int | None = None
    method: Method | None = None
    years: str | None = None
    frames: tuple[str, ...] = ()
    staff: tuple[str, ...] = ()
    investment_frames: tuple[str, ...] = ()
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    scenario: str | None = None
    time_limit: float | None = None
    gap: float | None = None
    explain: bool = True
    output_format: PlanFormat = PlanFormat.TEXT
    output: Path | None = None
    quiet: bool = False
    """Errors only on standard error: no progress, no "Wrote the plan"."""
    robustness: bool = False
    """Stability intervals of the weights and the Monte Carlo summary (prioritise/robustness.py)."""
    draws: int = 200
    spread: float = 0.2
    seed: int = 2020
    compare: tuple[str, ...] = ()
    """Alternative budgets as git revisions of the data, planned beside this plan (prioritise/alternatives.py)."""
    fairness: bool = False
    """Each area's share against its min_share and its proposals' value, and each min_share's price."""
    max_share: float | None = None
    """No area above this share of the programme's drift frames (--max-share)."""
    write_model: Path | None = None
    """Where to write the plan's model as MPS, for a solver of one's own (--write-model)."""


@explain_os_errors
def run(request: PrioritiseRequest, out: TextIO, err: TextIO) -> int:
    from .paths import load_or_explain
    from .progress import busy

    portfolio = load_or_explain(request.folder, "askoy2020 prioritise data", err, quiet=request.quiet)
    if portfolio is None:
        return 2
    blocking = blocking_problems(portfolio)
    if blocking:
        echo(err, "Error: records the plan needs could not be read, or the criteria's weights are not given "
                  "exactly once; fix these first:")
        for d in blocking[:20]:
            echo(err, f"  {visible(d.file)}:{d.line}: {visible(d.message)}")
        if len(blocking) > 20:
            echo(err, f"  … and {len(blocking) - 20} more (askoy2020 validate shows all)")
        return 1
    try:
        portfolio.require_programme()
    except NoProgramme as exc:
        echo(err, f"Error: {visible(exc)}.")
        return 1
    if request.output is not None and request.output.suffix.lower() not in (".yaml", ".yml", ".json", ".csv"):
        echo(err, f"Error: --output {visible(request.output)}: the name must end in .yaml, .json or .csv.")
        return 2
    if request.output is not None and (why := refusal(request.output, portfolio.root)) is not None:
        echo(err, f"Error: {visible(why)}.")
        return 2
    if request.write_model is not None and (why := model_refusal(request.write_model, portfolio.root)) is not None:
        echo(err, f"Error: {visible(why)}.")
        return 2
    try:
        options = _option_adjustments(request)
        scenario_adj, scenario_id = _scenario(portfolio, request.scenario)
        settings = _settings(portfolio, request).started()  # one budget for the whole command
        plan_id = request.output.stem if request.output else (scenario_id or "plan")
        began = time.perf_counter()
        with busy("Solving…", enabled=not request.quiet):
            # With a scenario the baseline, which is not explained, may take half of the budget.
            baseline = prioritise(portfolio, options, settings.share(0.5) if scenario_adj else settings,
                                  plan_id=plan_id if not scenario_id else "baseline",
                                  explain=request.explain and scenario_id is None,
                                  as_of=request.as_of, from_year=request.from_year)
            chosen, diff = baseline, None
            if scenario_adj is not None:
                chosen = prioritise(portfolio, scenario_adj.then(options), settings, plan_id=plan_id,
                                    scenario=scenario_id, explain=request.explain,
                                    as_of=request.as_of, from_year=request.from_year)
                if baseline.plan is not None and chosen.plan is not None:
                    diff = diff_plans(baseline.plan, chosen.plan)
                elif baseline.plan is None:
                    chosen.notes.append("the baseline has no feasible plan, so there is no difference to show")
            made_with = scenario_adj.then(options) if scenario_adj is not None else options
            if request.compare and chosen.plan is not None:
                from ..loading.yaml_reader import ReadLimits

                # The same read limits as the working tree (checked when it was loaded).
                chosen.alternatives = alternatives(portfolio, list(request.compare), made_with, settings,
                                                   chosen.plan, as_of=request.as_of, from_year=request.from_year,
                                                   limits=ReadLimits.from_environment())
                chosen.plan.alternatives = alternatives_record(chosen.alternatives)
            if request.fairness and chosen.plan is not None and chosen.solution is not None:
                chosen.fairness = fairness(chosen.problem, chosen.solution, settings)
                chosen.plan.fairness = fairness_record(chosen.fairness)  # kept in a saved plan for the report
            if request.robustness and chosen.plan is not None:
                weights = Valuation.of(portfolio.require_programme(), chosen.plan.method,
                                       made_with.weights).weights
                chosen.robustness = robustness(portfolio, made_with, dict(weights), settings, as_of=request.as_of,
                                               from_year=request.from_year, draws=request.draws,
                                               spread=request.spread, seed=request.seed)
                chosen.plan.robustness = robustness_record(chosen.robustness)
                if sum(weights.values()) <= 0:
                    chosen.notes.append("every criterion's weight is 0, so every project scores 0 and there is "
                                        "nothing for --robustness to move")
                elif chosen.robustness.draws < request.draws:
                    chosen.notes.append(f"the time limit ran out after {chosen.robustness.draws} of "
                                        f"{request.draws} weight draws; raise --time-limit for all")
        seconds = time.perf_counter() - began
    except (AdjustmentError, AlternativeError) as exc:
        echo(err, f"Error: {visible(exc)}.")
        return 2
    return _emit(request, portfolio, chosen, diff, seconds, out, err)


def _option_adjustments(request: PrioritiseRequest) -> Adjustments:
    return Adjustments(
        method=request.method,
        years=parse_years(request.years) if request.years else None,
        budget=[parse_frame_change(t, "--frame") for t in request.frames],
        staff=[parse_frame_change(t, "--staff") for t in request.staff],
        investment=[parse_frame_change(t, "--investment-frame") for t in request.investment_frames],
        include=set(request.include),
        exclude=set(request.exclude),
        max_share=request.max_share,
    )


def _scenario(portfolio: Portfolio, name: str | None) -> tuple[Adjustments | None, str | None]:
    if name is None:
        return None, None
    for scenario in portfolio.scenarios:
        stem = Path(scenario.where().file).stem
        if name in (scenario.id, stem):
            return Adjustments.from_scenario(scenario), scenario.id
    known = ", ".join(sorted(s.id for s in portfolio.scenarios)) or "none – add one under scenarios/"
    raise AdjustmentError(f"there is no scenario {name!r}; known scenarios: {known}")


def _settings(portfolio: Portfolio, request: PrioritiseRequest) -> SolveSettings:
    return SolveSettings.from_model(portfolio.require_programme().prioritisation, request.gap, request.time_limit)


def _emit(
    request: PrioritiseRequest, portfolio: Portfolio, outcome: Outcome, diff: PlanDiff | None,
    seconds: float, out: TextIO, err: TextIO,
) -> int:
    from ..writing import write_atomic
    from .plan_view import render_text

    plan = outcome.plan
    command = _command(request)
    if request.write_model is not None:
        from ..prioritise.solver import write_model

        # First, so a model that cannot be written stops the command before any plan is shown.
        # Written whether or not a plan is possible: an infeasible model is one to check too.
        write_model(outcome.problem, request.write_model)
        if not request.quiet:
            echo(err, f"Wrote the model to {visible(request.write_model)}: columns PROJECT@START, the objective "
                      "in thousandths of a point, to be maximised")
    if request.output is not None:
        if plan is None:
            echo(err, f"No plan is possible, so {visible(request.output)} was not written.")
        else:
            write_atomic(request.output, _file_text(request.output.suffix.lower(), plan, outcome, diff, command,
                                                    portfolio))
    fmt = request.output_format
    if fmt is PlanFormat.TEXT or (plan is None and fmt in (PlanFormat.YAML, PlanFormat.CSV)):
        render_text(out if plan is not None or fmt is PlanFormat.TEXT else err, portfolio, plan, outcome.conflicts,
                    outcome.notes, seconds, diff, outcome.robustness, outcome.alternatives, outcome.fairness)
    elif fmt is PlanFormat.JSON:
        out.write(json_safe(_json(portfolio, outcome, diff)))
    elif fmt is PlanFormat.YAML:
        assert plan is not None
        out.write(plan_yaml(plan, command))
    else:
        assert plan is not None
        out.write(plan_csv(plan))
    if request.output is not None and plan is not None and not request.quiet:
        echo(err, f"Wrote the plan to {visible(request.output)}")
    return 0 if plan is not None else 1


def _command(request: PrioritiseRequest) -> str:
    """The command that makes this plan again, for the saved file's header
    (built from the options, not argv, so it is the same however it was run)."""
    words = ["askoy2020", "prioritise"]
    if request.folder is not None:
        words.append(request.folder.as_posix())
    # Always the day: the same data give another plan once a round is adopted.
    words += ["--as-of", request.as_of.isoformat()]
    method = request.method.value if request.method else None
    from_year = str(request.from_year) if request.from_year is not None else None
    for flag, value in (("--from-year", from_year), ("--method", method), ("--years", request.years),
                        ("--scenario", request.scenario)):
        if value:
            words += [flag, value]
    for flag, values in (("--frame", request.frames), ("--investment-frame", request.investment_frames),
                         ("--staff", request.staff), ("--include", request.include), ("--exclude", request.exclude)):
        for value in values:
            words += [flag, value]
    if request.output is not None:
        words += ["--output", request.output.as_posix()]
    return shlex.join(words)


def _json(portfolio: Portfolio, outcome: Outcome, diff: PlanDiff | None) -> str:
    """The outcome as JSON, with every part asked for: the same on standard output and in a .json file."""
    plan = outcome.plan
    return outcome_json(plan, outcome.conflicts, outcome.notes, diff,
                        weights_data(portfolio, plan) if plan is not None else None,
                        robustness_data(outcome.robustness), alternatives_data(outcome.alternatives, plan),
                        fairness_data(outcome.fairness))


def _file_text(suffix: str, plan: Plan, outcome: Outcome, diff: PlanDiff | None, command: str,
               portfolio: Portfolio) -> str:
    if suffix == ".json":
        return _json(portfolio, outcome, diff)
    if suffix == ".csv":
        return plan_csv(plan)
    return plan_yaml(plan, command)
