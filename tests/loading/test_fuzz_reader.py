"""Fuzzing the reader: random bytes and random YAML-like text never raise,
and the fast path agrees with the full builder on every one of them."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from askoy2020.loading.yaml_reader import ReadLimits, read_yaml
from helpers import examples
from nasty import yaml_like

# Small limits so that deep or wide inputs reach them within a small example.
LIMITS = ReadLimits(max_file_bytes=20_000, max_depth=6, max_nodes=300)



def _check(data: bytes) -> None:
    fast = read_yaml(data, "f.yaml", LIMITS, parser="auto")
    full = read_yaml(data, "f.yaml", LIMITS, parser="libyaml")
    assert fast.diagnostics == full.diagnostics
    assert (fast.document is None) == (full.document is None)
    if fast.document is not None and full.document is not None:
        # repr: a .nan (as a value or a key) is never equal to itself
        assert repr(fast.document.value) == repr(full.document.value)
        assert repr(fast.document.positions()) == repr(full.document.positions())
    for d in full.diagnostics:
        assert d.line >= 1 and d.column >= 1 and d.message and d.hint


@settings(max_examples=examples(400), deadline=timedelta(seconds=30))
@given(st.binary(max_size=400))
def test_random_bytes_are_diagnostics_or_values(data: bytes) -> None:
    _check(data)


@settings(max_examples=examples(600), deadline=timedelta(seconds=30))
@given(yaml_like)
def test_random_yaml_like_text_is_diagnostics_or_values(text: str) -> None:
    _check(text.encode("utf-8", errors="surrogatepass"))


@settings(max_examples=examples(150), deadline=timedelta(seconds=30))
@given(yaml_like)
def test_the_pure_python_parser_never_raises_either(text: str) -> None:
    result = read_yaml(text.encode("utf-8", errors="surrogatepass"), "f.yaml", LIMITS, parser="ruamel")
    assert all(d.line >= 1 for d in result.diagnostics)
