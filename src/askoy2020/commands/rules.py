"""``askoy2020 rules``: every rule with its id, severity and summary, or one
rule's documentation. Exit 2 for an unknown rule."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TextIO

from .choices import RulesFormat
from .output import echo
from .safe_text import visible


@dataclass(frozen=True)
class RulesRequest:
    rule_id: str | None = None
    """An id (any case) or a name; None lists every rule."""
    output_format: RulesFormat = RulesFormat.TEXT


def run(request: RulesRequest, out: TextIO, err: TextIO) -> int:
    from ..rules import all_rules

    rule_id = request.rule_id
    chosen = [r for r in all_rules() if rule_id is None or r.id.lower() == rule_id.lower() or r.name == rule_id]
    if rule_id is not None and not chosen:
        echo(err, f"Error: no rule {visible(repr(rule_id))}; 'askoy2020 rules' lists them.")
        return 2
    if request.output_format is RulesFormat.JSON:
        rows = [{"id": r.id, "name": r.name, "severity": r.severity.value, "stage": r.stage,
                 "summary": r.summary, "doc": r.doc} for r in chosen]
        echo(out, json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for r in chosen:
        if rule_id is None:
            echo(out, f"{r.id}  {r.severity.value:<7}  {r.name:<30}  {r.summary}")
        else:
            echo(out, f"{r.id} {r.name} ({r.severity.value})\n\n{r.doc}")
    return 0
