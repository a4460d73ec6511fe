"""display_name builds a file's name from its folder's (worked out once per
folder); it must say exactly what os.path.relpath says for every path."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from askoy2020.core.paths import display_name

PARTS = ["a", "..", ".", "ø x", "b\\c", "", "tmp", "work", "main", "data"]


def _relpath(path: str | Path) -> str:
    return Path(os.path.relpath(path)).as_posix()


paths = st.lists(st.tuples(st.sampled_from(PARTS), st.sampled_from(["/", "//", ""])), min_size=1, max_size=6).map(
    lambda parts: "".join(part + sep for part, sep in parts)).filter(bool)


@pytest.mark.parametrize("cwd", ["/", "work/main", "work/main/data"])
@settings(max_examples=400, deadline=None)
@given(path=paths, absolute=st.booleans())
def test_display_name_is_relpath(tmp_path_factory: pytest.TempPathFactory, cwd: str, path: str,
                                 absolute: bool) -> None:
    base = Path("/") if cwd == "/" else _base(tmp_path_factory) / cwd
    base.mkdir(parents=True, exist_ok=True)
    here = os.getcwd()
    os.chdir(base)
    try:
        # Absolute paths along the working folder's own way are where a
        # folder-plus-name shortcut goes wrong ("/work" from "/work/main").
        if absolute:
            path = str(base.parent) + "/" + path
        for value in (path, Path(path)):
            assert display_name(value) == _relpath(value)
    finally:
        os.chdir(here)


def _base(factory: pytest.TempPathFactory) -> Path:
    return factory.getbasetemp() / "display-name"


def test_the_working_folder_itself_and_its_parents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inner = tmp_path / "work" / "main"
    inner.mkdir(parents=True)
    monkeypatch.chdir(inner)
    assert display_name(inner) == "."
    assert display_name(tmp_path / "work") == ".."
    assert display_name(tmp_path / "work" / "other" / "x.yaml") == "../other/x.yaml"
    assert display_name(inner / "data" / "DK-01.yaml") == "data/DK-01.yaml"
