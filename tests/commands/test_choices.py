"""The --method choices are the model's own enum, importable without
Pydantic so that --help stays fast."""

from __future__ import annotations

import subprocess
import sys

from askoy2020.model.methods import Method
from askoy2020.model.prioritisation import Prioritisation


def test_method_is_defined_once() -> None:
    assert Prioritisation.model_fields["method"].annotation is Method


def test_the_choices_load_no_pydantic() -> None:
    code = "import sys, askoy2020.cli.app; print('pydantic' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
