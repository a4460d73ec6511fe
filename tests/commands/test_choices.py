"""The --method choices are the model's methods (repeated only so that
--help need not import the model)."""

from __future__ import annotations

from askoy2020.commands.choices import MethodChoice
from askoy2020.model.prioritisation import Method


def test_method_choices_are_the_models_methods() -> None:
    assert [m.value for m in MethodChoice] == [m.value for m in Method]
