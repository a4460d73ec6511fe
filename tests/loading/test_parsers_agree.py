"""The three ways to read a file give the same records, positions and
diagnostics: the values-only fast path (positions read later, on demand),
the full builder over libyaml's events, and the full builder over
ruamel.yaml's pure-Python parser."""

from __future__ import annotations

from pathlib import Path

import pytest

from askoy2020.loading.yaml_reader import read_yaml

from .test_yaml_reader import MALFORMED

DATA = Path(__file__).parent.parent.parent / "data"
SAMPLES = sorted(DATA.rglob("*.yaml"))[::7] + sorted((Path(__file__).parent.parent / "cases").rglob("*.y*ml"))


ALL = sorted(DATA.rglob("*.yaml")) + sorted((Path(__file__).parent.parent / "cases").rglob("*.y*ml"))


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
    assert fast.document.positions() == pure.document.positions()


def _fast_and_full(data: bytes) -> tuple:  # type: ignore[type-arg]
    return read_yaml(data, "f.yaml", parser="auto"), read_yaml(data, "f.yaml", parser="libyaml")


@pytest.mark.parametrize("path", ALL, ids=lambda p: str(p.relative_to(p.parent.parent)))
def test_fast_path_agrees_with_full_builder(path: Path) -> None:
    fast, full = _fast_and_full(path.read_bytes())
    assert fast.diagnostics == full.diagnostics
    assert (fast.document is None) == (full.document is None)
    if fast.document is not None and full.document is not None:
        assert fast.document.value == full.document.value
        assert fast.document.positions() == full.document.positions()


def test_fast_path_reads_plain_files_without_positions() -> None:
    """The sample data is plain YAML, so the fast path takes (nearly) all of
    it; positions are only read when asked for."""
    fast = [read_yaml(p.read_bytes(), p.name, parser="auto") for p in ALL if p.is_relative_to(DATA)]
    unread = [r for r in fast if r.document is not None and r.document.source is not None]
    assert len(unread) == len(fast)
    doc = unread[0].document
    assert doc is not None and doc.where(("id",)) != (1, 1) and doc.source is None


@pytest.mark.parametrize(("data", "expected"), MALFORMED)
def test_same_diagnostics_on_malformed_input(data: bytes, expected: list[tuple[str, int]]) -> None:
    fast, pure = _both(data)
    assert [(d.rule, d.line) for d in fast.diagnostics] == [(d.rule, d.line) for d in pure.diagnostics] == expected


@pytest.mark.parametrize(("data", "expected"), MALFORMED)
def test_fast_path_gives_way_on_malformed_input(data: bytes, expected: list[tuple[str, int]]) -> None:
    fast, full = _fast_and_full(data)
    assert fast.diagnostics == full.diagnostics
