"""The fast libyaml path and the pure-Python ruamel path give the same
records, positions and diagnostics."""

from __future__ import annotations

from pathlib import Path

import pytest

from askoy2020.loading.yaml_reader import read_yaml

from .test_yaml_reader import MALFORMED

DATA = Path(__file__).parent.parent.parent / "data"
SAMPLES = sorted(DATA.rglob("*.yaml"))[::7] + sorted((Path(__file__).parent.parent / "cases").rglob("*.y*ml"))


def _both(data: bytes) -> tuple:  # type: ignore[type-arg]
    fast, pure = (read_yaml(data, "f.yaml", parser=p) for p in ("libyaml", "ruamel"))
    return fast, pure


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_same_records_and_positions(path: Path) -> None:
    fast, pure = _both(path.read_bytes())
    assert [(d.rule, d.line) for d in fast.diagnostics] == [(d.rule, d.line) for d in pure.diagnostics]
    if fast.document is None or pure.document is None:
        assert fast.document is pure.document is None
        return
    assert fast.document.value == pure.document.value
    assert fast.document.value_marks == pure.document.value_marks
    assert fast.document.key_marks == pure.document.key_marks


@pytest.mark.parametrize(("data", "expected"), MALFORMED)
def test_same_diagnostics_on_malformed_input(data: bytes, expected: list[tuple[str, int]]) -> None:
    fast, pure = _both(data)
    assert [(d.rule, d.line) for d in fast.diagnostics] == [(d.rule, d.line) for d in pure.diagnostics] == expected
