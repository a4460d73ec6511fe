"""Fuzzing the whole pipeline: real records with random changes go through
load, validate and report (Markdown and HTML, internal and public), and
every outcome is diagnostics or a clean report – no exception escapes, and
no HTML report ever holds a script, an event handler or an outside URL.

The changes start from the small valid base portfolio, so most examples get
past the YAML reader and the schema and reach the rules and the report,
where a record with odd but valid values (year 9999, a budget of 1e300,
an empty list) is most likely to break something.
"""

from __future__ import annotations

import copy
import datetime as dt
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

import askoy2020
from askoy2020.model.kinds import KINDS
from askoy2020.report.build import build_report
from askoy2020.report.render import render
from helpers import AS_OF, BASE, examples, record_values, value_at
from nasty import yaml_like
from report.helpers import unsafe_parts

FILES = sorted(p.relative_to(BASE).as_posix() for p in BASE.rglob("*.yaml"))
HOSTILE = [
    "<script>alert(1)</script>", "javascript:alert(1)", "[x](javascript:alert(1))", "![i](http://evil.example/i)",
    "| a | b |", "`code`", "line\nbreak", "<img src=x onerror=alert(1)>", "{{ 7*7 }}", "{% raw %}", "&amp;",
    "]]>", "<!--", "\u202eevil", "a\x00b", "12345678901",
]
DATES = ["2020-02-30", "2020-13-01", "0001-01-01", "9999-12-31", "1990-01-01", "2100-12-31", "2019-01-01", "2020-06-15", "2021-12-31",
         "2020-10-31T25:00", "2020-03-01T09:00"]
FIELDS = sorted({name for kind in KINDS for name in kind.model.model_fields} | {"2020", "2021"})


ORIGINALS = {rel: record_values(BASE / rel) for rel in FILES}


def _strings(value: Any) -> set[str]:
    if isinstance(value, str):
        return {value}
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    return set().union(*(_strings(v) for v in items)) if items else set()


SEEN = sorted(set().union(*(_strings(v) for v in ORIGINALS.values())))

scalars = st.one_of(
    st.none(), st.booleans(), st.sampled_from(HOSTILE), st.sampled_from(DATES), st.text(max_size=20),
    st.integers(min_value=-(10**30), max_value=10**30), st.sampled_from([0, 1, 5, 1990, 2020, 2100, -1]),
    st.floats(allow_nan=True, allow_infinity=True), st.sampled_from([0.5, 1e300, -0.0, 100_000.0]),
)
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(FIELDS), inner, max_size=3)), max_leaves=8)


def _paths(value: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [here]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, here + (key,))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            found += _paths(child, here + (i,))
    return found


def _like(original: Any) -> st.SearchStrategy[Any]:
    """Odd values of the same kind as ``original``; most pass the schema
    and test the rules and the report, not only the validation."""
    if isinstance(original, bool):
        return st.booleans()
    if isinstance(original, (int, float)):
        return st.one_of(st.integers(-5, 10**12), st.sampled_from([0, 1, 5, 0.001, 1e9, 99_999.5]),
                         st.floats(min_value=0, max_value=1e15))
    if isinstance(original, str) and original[:2] in ("19", "20") and original[4:5] == "-":
        return st.one_of(st.sampled_from(DATES), st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)).map(str))
    if isinstance(original, str):
        # Another string from the base data is often a valid choice, id or
        # reference: a status flipped, a dependency pointed elsewhere.
        return st.one_of(st.sampled_from(SEEN), st.sampled_from(HOSTILE), st.text(min_size=1, max_size=30),
                         st.just(original * 50))
    if isinstance(original, list):
        return st.one_of(st.just([]), st.just(original * 3))
    return values


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, Any]:
    """A base file and its record with one to three random changes."""
    rel = draw(st.sampled_from(FILES))
    record = copy.deepcopy(ORIGINALS[rel])
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(record)
        path = draw(st.sampled_from(paths))
        op = draw(st.sampled_from(["like"] * 6 + ["replace", "delete", "add"]))
        if not path:
            record = draw(values) if op == "replace" else record
            continue
        parent = value_at(record, path[:-1])
        if op == "like":
            parent[path[-1]] = draw(_like(parent[path[-1]]))
        elif op == "delete":
            del parent[path[-1]]
        elif op == "replace":
            parent[path[-1]] = draw(values)
        elif isinstance(parent, dict):
            parent[draw(st.sampled_from(FIELDS))] = draw(values)
        else:
            parent.append(draw(values))
    return rel, record


def _pipeline(root: Path) -> list[askoy2020.Diagnostic]:
    portfolio = askoy2020.load(root)
    diagnostics = askoy2020.check(portfolio, AS_OF)
    for d in diagnostics:
        assert d.file and d.line >= 1 and d.message and d.hint, d
    for public in (False, True):
        report = build_report(portfolio, 2020, AS_OF, public=public, diagnostics=diagnostics)
        render(report, "md")
        html = render(report, "html")
        assert unsafe_parts(html) == []
    return portfolio.load_diagnostics


# A deadline turns a hang into a failure (an example takes well under a second).
@settings(max_examples=examples(200), deadline=dt.timedelta(seconds=30), suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
# Crashes the fuzzer found, kept as examples that always run:
# a completed predecessor that ended in year 9999 overflowed the report's
# delay arithmetic (date + timedelta). The schema now refuses years after
# 2100 too; tests/model/test_project.py keeps the arithmetic itself covered.
@example(("programmes/dk/projects/DK-01.yaml",
          {**ORIGINALS["programmes/dk/projects/DK-01.yaml"], "status": "completed",
           "actual": {"start": "2018-01-01", "end": "9999-12-31"}}))
def test_changed_records_give_diagnostics_or_a_clean_report(change: tuple[str, Any]) -> None:
    rel, record = change
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(shutil.copytree(BASE, Path(tmp) / "data"))
        text = yaml.safe_dump(record, allow_unicode=True, sort_keys=False)
        (root / rel).write_text(text, encoding="utf-8", errors="surrogatepass")
        refused = _pipeline(root)
    # Shown by --hypothesis-show-statistics: how many examples got past the
    # reader and the schema to the rules and the report with odd values.
    event("stopped at the reader or the schema" if refused else "passed the schema")


def test_the_fuzzer_reaches_the_report_with_valid_odd_values() -> None:
    """A sanity check of the approach: the latest valid date passes
    the schema and is rendered (so examples like it exercise the report)."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(shutil.copytree(BASE, Path(tmp) / "data"))
        record = copy.deepcopy(ORIGINALS["quality/Q-2020-001.yaml"])
        record["deadline"] = dt.date(2100, 12, 31).isoformat()  # the last day the schema allows
        (root / "quality/Q-2020-001.yaml").write_text(yaml.safe_dump(record, allow_unicode=True), encoding="utf-8")
        portfolio = askoy2020.load(root)
        assert [c.deadline for c in portfolio.cases if c.id == "Q-2020-001"] == [dt.date(2100, 12, 31)]
        _pipeline(root)


@settings(max_examples=examples(100), deadline=dt.timedelta(seconds=30))
@given(st.sampled_from(FILES), st.one_of(st.binary(max_size=300), yaml_like.map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_random_bytes_as_a_record_file_give_diagnostics_and_a_report(rel: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(shutil.copytree(BASE, Path(tmp) / "data"))
        (root / rel).write_bytes(data)
        _pipeline(root)
