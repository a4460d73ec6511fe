"""Records generated from the models' own types (tests/model_strategies.py)
go through every stage: load, validate, the reports (internal and public),
prioritise in every format and the export. Most pass the schema, so the
rules and the outputs see odd but valid values; some carry a synthetic
identity number in a text field.

Properties: nothing raises, and no output holds an identity number that is
not masked (ASK901 reports it, masked, at its file and line).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import askoy2020
from askoy2020.core.identity_numbers import find_identity_numbers
from askoy2020.export import sheets
from askoy2020.model.kinds import kind_named
from askoy2020.prioritise.formats import outcome_json, plan_csv, plan_yaml
from askoy2020.prioritise.run import prioritise
from askoy2020.report.build import build_report
from askoy2020.report.render import render
from askoy2020.writing import document
from helpers import AS_OF, BASE
from model_strategies import record

PLACES = {"project": "programmes/dk/projects/GEN.yaml", "area": "programmes/gen/area.yaml",
          "leader": "leaders/GEN.yaml", "quality-case": "quality/GEN.yaml", "scenario": "scenarios/GEN.yaml"}
GENERATED = st.sampled_from(sorted(PLACES)).flatmap(lambda k: st.tuples(st.just(k), record(kind_named(k).model)))


def _outputs(root: Path) -> dict[str, str]:
    portfolio = askoy2020.load(root)
    diagnostics = askoy2020.check(portfolio, AS_OF)
    event("passed the schema" if not portfolio.load_diagnostics else "stopped at the schema")
    outputs = {"validate": "\n".join(f"{d.location} {d.message} {d.hint}" for d in diagnostics)}
    for fmt in ("md", "html"):
        for public in (False, True):
            outputs[f"{fmt} {public}"] = render(build_report(portfolio, 2020, AS_OF, public=public,
                                                             diagnostics=diagnostics), fmt)
    if portfolio.programme is not None:
        outcome = prioritise(portfolio, explain=False, as_of=AS_OF)
        outputs["json"] = outcome_json(outcome.plan, outcome.conflicts, outcome.notes)
        if outcome.plan is not None:
            outputs["yaml"] = plan_yaml(outcome.plan, "askoy2020 prioritise")
            outputs["csv"] = plan_csv(outcome.plan)
    outputs["export"] = repr([sheet.rows for sheet in sheets(portfolio, 2020, AS_OF)])
    return outputs


@settings(max_examples=150, deadline=None, database=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(GENERATED)
def test_generated_records_reach_every_output_and_leak_no_number(generated: tuple[str, dict[str, Any]]) -> None:
    kind, values = generated
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "data"
        shutil.copytree(BASE, root)
        target = root / PLACES[kind]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(document(values, "generated"), encoding="utf-8")
        outputs = _outputs(root)
    event(f"kind: {kind}")
    leaks = {name: [text[f.start:f.end] for f in find_identity_numbers(text)] for name, text in outputs.items()}
    assert {k: v for k, v in leaks.items() if v} == {}
