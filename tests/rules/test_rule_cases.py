"""Every rule has failing and passing cases in tests/cases/<RULE>/.

A failing case marks each line that must be reported with
``# expect: ASKnnn``; the test asserts the rule reports exactly those lines.
A passing case must produce no diagnostic of that rule and no error at all.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import askoy2020
from askoy2020.rules import Rule
from helpers import AS_OF, CASES, build_case, expectations, relative

CASE_DIRS = sorted(p for p in CASES.glob("ASK*/*") if p.is_dir())


def _run(case: Path, tmp_path: Path) -> tuple[Path, list[askoy2020.Diagnostic]]:
    root = build_case(case, tmp_path / "data")
    return root, askoy2020.check(askoy2020.load(root), as_of=AS_OF)


@pytest.mark.parametrize("case", [c for c in CASE_DIRS if c.name.startswith("fail")], ids=lambda c: f"{c.parent.name}/{c.name}")
def test_failing_case_reports_rule_at_marked_lines(case: Path, tmp_path: Path) -> None:
    rule = case.parent.name
    root, diagnostics = _run(case, tmp_path)
    expected = {(e.file, e.line) for e in expectations(case) if e.rule == rule}
    assert expected, f"{case} marks no line with '# expect: {rule}'"
    reported = {(relative(d.file, root), d.line) for d in diagnostics if d.rule == rule}
    assert reported == expected, "\n".join(f"{d.location} {d.rule} {d.message}" for d in diagnostics)
    for d in diagnostics:
        if d.rule == rule:
            assert d.message and d.hint, "every diagnostic says what is wrong and how to fix it"


@pytest.mark.parametrize("case", [c for c in CASE_DIRS if c.name.startswith("pass")], ids=lambda c: f"{c.parent.name}/{c.name}")
def test_passing_case_is_clean(case: Path, tmp_path: Path) -> None:
    _, diagnostics = _run(case, tmp_path)
    assert [f"{d.location} {d.rule} {d.message}" for d in diagnostics] == []


def test_base_portfolio_is_clean() -> None:
    diagnostics = askoy2020.check(askoy2020.load(CASES / "_base"), as_of=AS_OF)
    assert diagnostics == []


# fmt's own problems are never reported by validate; tests/test_fmt.py covers them.
@pytest.mark.parametrize("rule", [r for r in askoy2020.all_rules() if r.stage != "fmt"], ids=lambda r: r.id)
def test_every_rule_has_a_failing_and_a_passing_case(rule: Rule) -> None:
    names = [p.name for p in (CASES / rule.id).glob("*") if p.is_dir()]
    assert any(n.startswith("fail") for n in names), f"tests/cases/{rule.id}/fail-*/ is missing"
    assert any(n.startswith("pass") for n in names), f"tests/cases/{rule.id}/pass-*/ is missing"
    assert "FAIL" in rule.doc and "PASS" in rule.doc, "the docstring shows a failing and a passing example"
