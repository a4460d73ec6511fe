"""A user's ``--templates`` folder is code we do not control: whatever it
does wrong ends in one line naming the template and exit 2, never a
traceback and never a hang. Each template runs through the real command,
``python -m askoy2020 report``, in its own process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).parent.parent.parent / "data"
SRC = Path(__file__).parent.parent.parent / "src"

# name: (template body, words the error must hold). Each once ended in a
# traceback (exit 1) or filled the memory.
HOSTILE: dict[str, tuple[str, str]] = {
    "recursive-include": ('{% include "report.md.j2" %}', "calls itself without end"),
    "include-each-other": ('{% include "b.j2" %}', "calls itself without end"),
    "recursive-macro": ("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", "calls itself without end"),
    "unknown-t-key": ('{{ t("no_such_key") }}', "t() has no text 'no_such_key'"),
    "t-key-not-text": ("{{ t(5) }}", "t() has no text 5"),
    "chart-number-for-rows": ('{{ charts.budget("x", 5) }}', "charts.budget(): argument 2"),
    "chart-text-in-rows": ('{{ charts.budget("x", [[2020, "a", none]]) }}', "charts.budget(): argument 2"),
    "chart-bars-not-bars": ('{{ charts.gantt("x", [1, 2], 2018, 2021) }}', "charts.gantt(): argument 2"),
    "chart-years-as-text": ('{{ charts.gantt("x", r.areas[0], "a", "b") }}', "charts.gantt(): argument 3"),
    "chart-area-not-area": ('{{ charts.attainment_text(r.summary) }}', "charts.attainment_text(): argument 1"),
    "mermaid-nodes-number": ("{{ charts.mermaid_flowchart(5, 5) }}", "charts.mermaid_flowchart(): argument 1"),
    "chart-missing-argument": ("{{ charts.counts() }}", "charts.counts()"),
    "num-on-text": ('{{ "abc" | num }}', "the filter num takes"),
    "num-huge-decimals": ("{{ 1.5 | num(400) }}", "decimals from 0 to 20"),
    "pct-on-list": ("{{ [1] | pct }}", "the filter pct takes"),
    "date-on-number": ("{{ 5 | date }}", "the filter date takes"),
    "md-unknown-filter": ("{{ 5 | nosuch }}", "nosuch"),
    "range-too-big": ("{% for i in range(10**9) %}{% endfor %}", "MAX_RANGE"),
    "string-too-long": ('{{ "a" * 10**10 }}', "at most 1,000,000"),
    "list-too-long": ("{{ [0] * 10**9 }}", "at most 1,000,000"),
    "power-too-big": ("{{ 10 ** 10000000 }}", "bits"),
    "divide-by-zero": ("{{ 1 / 0 }}", "ZeroDivisionError"),
    "format-string": ('{{ "%s %s" % 1 }}', "TypeError"),
    "dunder": ("{{ r.__class__ }}", "sandbox forbids"),
    "format-dunder": ('{{ "{0.__class__}".format(1) }}', "sandbox forbids"),
    "undefined": ("{{ nope }}", "'nope' is undefined"),
    "syntax": ("{% if %}", "Expected an expression"),
    "missing-include": ('{% include "nope.j2" %}', "nope.j2"),
    "index-out-of-range": ("{{ r.areas[100000] }}", "no element 100000"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_template_is_one_line_and_exit_2(tmp_path: Path, case: str) -> None:
    body, says = HOSTILE[case]
    for fmt in ("md", "html"):
        (tmp_path / f"report.{fmt}.j2").write_text(f"Line one\n{body}\n", encoding="utf-8")
    (tmp_path / "b.j2").write_text('{% include "report.md.j2" %}', encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    result = subprocess.run(
        [sys.executable, "-m", "askoy2020", "report", "--year", "2020", str(DATA), "--as-of", "2020-10-31",
         "--templates", str(tmp_path)],
        capture_output=True, text=True, env=env, timeout=60, check=False)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: template "), result.stderr
    assert says in lines[0], lines[0]
    assert ".j2 (line " in lines[0]  # the template and the line it failed at


@pytest.mark.parametrize("body", [
    "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
    "{% for i in range(100000) %}{% for j in range(100000) %}{% if i == j - 1 %}{% endif %}{% endfor %}{% endfor %}",
])
def test_a_template_that_runs_for_hours_is_stopped(tmp_path: Path, body: str) -> None:
    import time

    for fmt in ("md", "html"):
        (tmp_path / f"report.{fmt}.j2").write_text(body + "\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(SRC), "ASKOY2020_MAX_RENDER_SECONDS": "1"}
    began = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "askoy2020", "report", "--year", "2020", str(DATA), "--as-of", "2020-10-31",
         "--templates", str(tmp_path)],
        capture_output=True, text=True, env=env, timeout=60, check=False)
    assert time.monotonic() - began < 30
    assert result.returncode == 2 and "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "took longer than 1 seconds" in lines[0], result.stderr
