"""Paths that must never be opened, or not opened blindly: links out of the
data folder, link loops, named pipes, unreadable and oversized files."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import askoy2020
from askoy2020.loading import problems as R
from askoy2020.loading.yaml_reader import ReadLimits
from helpers import BASE, build_case

CASE = (BASE / "quality" / "Q-2020-001.yaml").read_text(encoding="utf-8")


def _problems(root: Path) -> dict[str, str]:
    """File name -> rule of its load diagnostics."""
    return {Path(d.file).name: d.rule for d in askoy2020.load(root).load_diagnostics}


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return build_case(BASE, tmp_path / "data")


def test_a_link_to_a_file_outside_the_data_folder_is_not_read(root: Path, tmp_path: Path) -> None:
    secret = tmp_path / "elsewhere.yaml"
    secret.write_text(CASE.replace("Q-2020-001", "Q-2020-777"), encoding="utf-8")
    (root / "quality" / "linked.yaml").symlink_to(secret)
    portfolio = askoy2020.load(root)
    assert "Q-2020-777" not in {c.id for c in portfolio.cases}
    assert _problems(root)["linked.yaml"] == R.OUTSIDE_DATA.id


def test_a_link_to_a_folder_outside_is_reported_and_not_followed(root: Path, tmp_path: Path) -> None:
    outside = tmp_path / "other"
    outside.mkdir()
    (outside / "Q-2020-778.yaml").write_text(CASE.replace("Q-2020-001", "Q-2020-778"), encoding="utf-8")
    (root / "quality" / "more").symlink_to(outside, target_is_directory=True)
    portfolio = askoy2020.load(root)
    assert "Q-2020-778" not in {c.id for c in portfolio.cases}
    assert _problems(root)["more"] == R.OUTSIDE_DATA.id


def test_a_link_inside_the_data_folder_is_read(root: Path) -> None:
    (root / "quality" / "again.yaml").symlink_to(root / "quality" / "Q-2020-001.yaml")
    assert [c.id for c in askoy2020.load(root).cases].count("Q-2020-001") == 2  # then ASK2xx: a duplicate id


def test_link_loops_and_dangling_links_are_unreadable_files(root: Path) -> None:
    (root / "quality" / "a.yaml").symlink_to(root / "quality" / "b.yaml")
    (root / "quality" / "b.yaml").symlink_to(root / "quality" / "a.yaml")
    (root / "quality" / "gone.yaml").symlink_to(root / "quality" / "missing.yaml")
    (root / "quality" / "loop").symlink_to(root / "quality", target_is_directory=True)
    problems = _problems(root)
    assert problems["a.yaml"] == problems["b.yaml"] == problems["gone.yaml"] == R.ENCODING.id
    assert "loop" not in problems  # a link to a folder inside is read at its real place, once


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_not_opened(root: Path) -> None:
    # Opening a pipe for reading blocks until someone writes: this test
    # would hang, not fail, if the loader opened it.
    os.mkfifo(root / "quality" / "pipe.yaml")
    assert _problems(root)["pipe.yaml"] == R.ENCODING.id


def test_an_unreadable_file_is_a_diagnostic(root: Path) -> None:
    path = root / "quality" / "locked.yaml"
    path.write_text(CASE.replace("Q-2020-001", "Q-2020-779"), encoding="utf-8")
    path.chmod(0)
    if os.geteuid() != 0:
        assert _problems(root)["locked.yaml"] == R.ENCODING.id
        return
    # root reads every file, so run the loader as an ordinary user instead
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv")
    for folder in (root, *root.parents):
        folder.chmod(folder.stat().st_mode | 0o055)  # let that user reach the data folder (tmp_path is 0700)
        if folder == Path(root.anchor) or folder.name.startswith("pytest-of-"):
            break
    program = "import askoy2020, sys; print([(d.file, d.rule) for d in askoy2020.load(sys.argv[1]).load_diagnostics])"
    done = subprocess.run([setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-c",
                           program, str(root)], capture_output=True, text=True, timeout=120, cwd=root)
    assert done.returncode == 0, done.stderr
    assert f"'{R.ENCODING.id}'" in done.stdout and "locked.yaml" in done.stdout


def test_a_file_over_the_size_limit_is_not_read_into_memory(root: Path) -> None:
    big = root / "quality" / "big.yaml"
    with big.open("wb") as handle:  # sparse: 3 GB on paper, nothing on disk
        handle.truncate(3 * 1024**3)
    diagnostics = askoy2020.load(root).load_diagnostics
    assert [(Path(d.file).name, d.rule) for d in diagnostics] == [("big.yaml", R.LIMIT_EXCEEDED.id)]
    assert "3,221,225,472 bytes" in diagnostics[0].message


def test_limits_come_from_the_environment_and_bad_values_are_refused() -> None:
    env = {"ASKOY2020_MAX_FILE_BYTES": "20_000_000", "ASKOY2020_MAX_DEPTH": "8", "ASKOY2020_MAX_VALUES": "100"}
    assert ReadLimits.from_environment(env) == ReadLimits(max_file_bytes=20_000_000, max_depth=8, max_nodes=100)
    assert ReadLimits.from_environment({}) == ReadLimits()
    for bad in ("0", "-1", "lots", "1e6"):
        with pytest.raises(ValueError, match="ASKOY2020_MAX_DEPTH"):
            ReadLimits.from_environment({"ASKOY2020_MAX_DEPTH": bad})
