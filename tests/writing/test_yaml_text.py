"""The writer for generated files reads back as what it was given."""

from __future__ import annotations

import pytest
from ruamel.yaml import YAML

from askoy2020.writing.yaml_text import document


@pytest.mark.parametrize("value", [
    {"accounting": [{}]},  # an empty record in a list once raised IndexError (found by tests/test_fuzz_typed.py)
    {"a": [{}, {"b": 1}, {}], "c": [], "d": {}},
])
def test_empty_records_and_lists_read_back(value: dict[str, object]) -> None:
    assert YAML(typ="safe", pure=True).load(document(value)) == value
