"""ASK901 on file names: the number is looked for in the path below the data
folder, wherever the command is run from."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import askoy2020
from askoy2020.core.identity_numbers import check_digits
from helpers import AS_OF, BASE


def _synthetic() -> str:
    """A fødselsnummer made with the checksum rules (01.01.90, individnummer 100 and up)."""
    for individual in range(100, 500):
        digits = check_digits(f"010190{individual}")
        if digits is not None:
            return f"010190{individual}{digits}"
    raise AssertionError("no valid number")


@pytest.mark.parametrize("run_from", ["repository", "data", "number folder"])
def test_a_number_split_over_folder_and_file_name_is_found_from_any_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_from: str) -> None:
    number = _synthetic()
    root = shutil.copytree(BASE, tmp_path / "data")
    folder = root / "cohorts" / number[:6]
    folder.mkdir()
    (folder / f"{number[6:]}.yaml").write_text((root / "cohorts" / "K-2018.yaml").read_text(encoding="utf-8")
                                                  .replace("K-2018", f"K-{number[6:]}"), encoding="utf-8")
    (folder / f"{number[6:]}.txt").write_text("notes\n", encoding="utf-8")
    here = {"repository": tmp_path, "data": root, "number folder": folder}[run_from]
    monkeypatch.chdir(here)
    portfolio = askoy2020.load(Path(os.path.relpath(root, here)), cache=None)
    names = [d for d in askoy2020.check(portfolio, as_of=AS_OF) if d.rule == "ASK901" and "name" in d.message]
    assert len(names) == 2, names
    assert all(number not in str(d) for d in names)
