"""The plan as YAML (a record ``validate`` reads), JSON and CSV.

Nothing here depends on the clock or the solve time, so the same data give
byte-identical files to commit and diff. Identity numbers are masked in
every format (a project id or name can hold one; ASK901 says where).
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from ..core.identity_numbers import mask
from ..core.spreadsheet import csv_text
from ..model.plan import Plan
from ..writing import document
from .diff import PlanDiff
from .explain import Conflict

JSON_SCHEMA_VERSION = 1


def plan_yaml(plan: Plan, command: str) -> str:
    data = plan.model_dump(mode="json", exclude_none=True)
    for marginal in data["marginal_values"]:
        for key in ("enters", "leaves"):
            if not marginal[key]:
                del marginal[key]
    for row in data["left_out"]:
        for key in ("cost", "staff"):
            if key in row:
                row[key] = {int(y): v for y, v in row[key].items()}
    for row in data["selected"]:
        row["cost"] = {int(y): v for y, v in row["cost"].items()}
        row["staff"] = {int(y): v for y, v in row["staff"].items()}
    header = (f"Plan made by askoy2020 prioritise ({plan.method.value}). Make it again rather than edit it:\n"
              f"  {command}")
    return mask(document(data, header))


def conflicts_data(conflicts: list[Conflict]) -> list[dict[str, Any]]:
    return [{"message": c.message, "hint": c.hint, "file": c.location.file, "line": c.location.line}
            for c in conflicts]


def outcome_json(
    plan: Plan | None, conflicts: list[Conflict], notes: list[str], diff: PlanDiff | None = None
) -> str:
    data: dict[str, Any] = {
        "schema_version": JSON_SCHEMA_VERSION,
        "feasible": plan is not None,
        "plan": plan.model_dump(mode="json") if plan else None,
        "conflicts": conflicts_data(conflicts),
        "notes": notes,
    }
    if diff is not None:
        data["difference_from_baseline"] = diff.to_dict()
    return mask(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def plan_csv(plan: Plan) -> str:
    """One row per project, with cost and staff per plan year: what a
    finance officer pastes into a spreadsheet."""
    years = list(plan.years.years())
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["project", "decision", "why", "start", "value",
                     *(f"cost_{y}" for y in years), *(f"staff_{y}" for y in years), "reason"])
    for row in plan.selected:
        writer.writerow([csv_text(row.project), "selected", row.why, row.start, row.value,
                         *(row.cost.get(y, 0) for y in years), *(row.staff.get(y, 0) for y in years), ""])
    for out_row in plan.left_out:
        writer.writerow([csv_text(out_row.project), "left out", out_row.kind, "",
                         "" if out_row.value is None else out_row.value,
                         *("" for _ in years), *("" for _ in years), csv_text(out_row.reason)])
    return mask(out.getvalue())
