"""The plan as YAML (a record ``validate`` reads), JSON and CSV.

Nothing here depends on the clock or the solve time, so the same data give
byte-identical files to commit and diff. Identity numbers are masked in
every format (a project id or name can hold one; ASK901 says where).
"""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING, Any

from ..core.identity_numbers import mask
from ..core.spreadsheet import csv_text
from ..model import Portfolio
from ..model.budget import MoneyKind
from ..model.plan import Plan
from ..model.valuation import Valuation
from ..writing import document
from .diff import PlanDiff
from .explain import Conflict
from .robustness import Robustness

if TYPE_CHECKING:
    from .alternatives import Alternative
    from .fairness import AreaShare

JSON_SCHEMA_VERSION = 1


def plan_yaml(plan: Plan, command: str) -> str:
    data = plan.model_dump(mode="json", exclude_none=True)
    if plan.as_of is not None:
        data["as_of"] = plan.as_of  # a date, written as YAML writes dates
    for row in data["unallocated"]:
        for key in ("frame", "used", "left"):
            row[key] = {int(y): v for y, v in row[key].items()}
    for marginal in [*data["marginal_values"], *data["more_money"]]:
        for key in ("enters", "leaves"):
            if not marginal[key]:
                del marginal[key]
    for frame in data["frames"]:
        if "investment_frame" not in frame and not frame["investment_used"]:
            del frame["investment_used"]  # no investment that year: say nothing of it
    for row in data["left_out"]:
        moved = row.get("displacement")
        if moved is not None:  # what cannot come in pushes nothing out
            row["displacement"] = {"possible": False} if not moved["possible"] else moved
    for rows, optional in ((data["selected"], ("investment",)),
                           (data["left_out"], ("investment", "short", "predecessors"))):
        for row in rows:
            for key in optional:
                if key in row and not row[key]:
                    del row[key]
            for key in ("cost", "investment", "staff"):
                if key in row:
                    row[key] = {int(y): v for y, v in row[key].items()}
    for key in ("transfers", "done", "more_money", "fairness", "alternatives"):
        if not data[key]:
            del data[key]
    header = (f"Plan made by askoy2020 prioritise ({plan.method.value}). Make it again rather than edit it:\n"
              f"  {command}")
    return mask(document(data, header))


def conflicts_data(conflicts: list[Conflict]) -> list[dict[str, Any]]:
    return [{"message": c.message, "hint": c.hint, "file": c.location.file, "line": c.location.line}
            for c in conflicts]


def weights_data(portfolio: Portfolio, plan: Plan) -> dict[str, Any] | None:
    """The criteria's weights the plan was made with, and where they come
    from: the programme's (written, or derived from pairwise comparisons
    with their consistency ratio), changed by the plan's scenario."""
    programme = portfolio.programme
    if programme is None or not programme.criteria:
        return None
    scenario = next((s for s in portfolio.scenarios if s.id == plan.scenario), None)
    changes = dict(scenario.weights) if scenario else {}
    weights = Valuation.of(programme, plan.method, changes).weights
    weighing = programme.weighing()
    data: dict[str, Any] = {"criteria": dict(weights),
                            "source": "pairwise" if weighing is not None else "programme"}
    if weighing is not None:
        data["consistency_ratio"] = round(weighing.consistency_ratio, 4)
    if changes:
        data["changed_by_scenario"] = sorted(changes)
    return data


def robustness_data(robustness: Robustness | None) -> dict[str, Any] | None:
    """The stability intervals and the Monte Carlo summary, for the JSON."""
    if robustness is None:
        return None
    return {
        "intervals": [{"criterion": i.criterion, "weight": i.weight, "low": i.low, "high": i.high,
                       "verified": i.verified} for i in robustness.intervals],
        "draws": robustness.draws, "draws_asked": robustness.draws_asked, "spread": robustness.spread,
        "seed": robustness.seed,
        "chosen_share": {pid: robustness.share(pid) for pid in sorted(robustness.optional)},
        "always": robustness.always, "edge": robustness.edge, "never": robustness.never,
    }


def alternatives_data(found: list[Alternative], plan: Plan | None) -> list[dict[str, Any]] | None:
    """Each alternative beside the plan, for the JSON."""
    if not found or plan is None:
        return None
    rows = []
    for alternative in found:
        row: dict[str, Any] = {"revision": alternative.revision, "balances": alternative.balances,
                               "conflicts": alternative.conflicts, "timed_out": alternative.timed_out,
                               "unreadable": alternative.unreadable}
        if alternative.plan is not None and alternative.diff is not None:
            row |= {"value": alternative.plan.value, "difference": alternative.diff.to_dict(),
                    "goals_affected": alternative.goals, "by_year": by_year(alternative.plan),
                    "unallocated": unallocated(alternative.plan)}
        rows.append(row)
    return [{"revision": "working tree", "balances": True, "value": plan.value, "by_year": by_year(plan),
             "unallocated": unallocated(plan)}, *rows]


def by_year(plan: Plan) -> dict[int, dict[str, float]]:
    """What the plan uses of the programme frames each year: drift and investment in 1000 kr, staff in årsverk."""
    use = {kind: plan.programme_use(kind) for kind in MoneyKind}
    return {f.year: {kind.value: use[kind][f.year] for kind in MoneyKind} for f in plan.frames}


def unallocated(plan: Plan) -> dict[str, dict[int, float]]:
    """The programme frames left unallocated, by kind and year."""
    return {kind.value: left for kind in MoneyKind if (left := plan.programme_left(kind)) is not None}


def fairness_data(rows: list[AreaShare] | None) -> list[dict[str, Any]] | None:
    """Each area's shares and the price of its minimum share, for the JSON."""
    if rows is None:
        return None
    return [{"area": r.area, "drift": r.drift, "drift_share": r.drift_share, "share_of_drift_frames": r.frame_share,
             "staff": r.staff, "staff_share": r.staff_share, "share_of_proposals_value": r.value_share,
             "min_share": r.min_share, "price_of_min_share": r.price} for r in rows]


def outcome_json(
    plan: Plan | None, conflicts: list[Conflict], notes: list[str], diff: PlanDiff | None = None,
    weights: dict[str, Any] | None = None, robustness: dict[str, Any] | None = None,
    alternatives: list[dict[str, Any]] | None = None, fairness: list[dict[str, Any]] | None = None,
) -> str:
    data: dict[str, Any] = {
        "schema_version": JSON_SCHEMA_VERSION,
        "feasible": plan is not None,
        "plan": plan.model_dump(mode="json") if plan else None,
        "conflicts": conflicts_data(conflicts),
        "notes": notes,
    }
    if weights is not None:
        data["weights"] = weights
    if robustness is not None:
        data["robustness"] = robustness
    if alternatives is not None:
        data["alternatives"] = alternatives
    if fairness is not None:
        data["fairness"] = fairness
    if diff is not None:
        data["difference_from_baseline"] = diff.to_dict()
    return mask(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def plan_csv(plan: Plan) -> str:
    """One row per project, with drift, investment and staff per plan year
    (for a project left out: what it would need): what a finance officer
    pastes into a spreadsheet."""
    years = list(plan.years.years())
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["project", "decision", "why", "start", "value",
                     *(f"cost_{y}" for y in years), *(f"investment_{y}" for y in years),
                     *(f"staff_{y}" for y in years), "reason"])
    for row in plan.selected:
        writer.writerow([csv_text(row.project), "selected", row.why, row.start, row.value,
                         *(row.cost.get(y, 0) for y in years), *(row.investment.get(y, 0) for y in years),
                         *(row.staff.get(y, 0) for y in years), ""])
    for out_row in plan.left_out:
        figures = (out_row.cost, out_row.investment, out_row.staff)
        writer.writerow([csv_text(out_row.project), "left out", out_row.kind, out_row.start or "",
                         "" if out_row.value is None else out_row.value,
                         *(_need(by_year, y) for by_year in figures for y in years), csv_text(out_row.reason)])
    for pid in plan.done:
        writer.writerow([csv_text(pid), "done", "completed", "", "", *("" for _ in years * 3), ""])
    return mask(out.getvalue())


def _need(by_year: dict[int, float] | None, year: int) -> float | str:
    return "" if by_year is None else by_year.get(year, 0)
