"""Every file of the nasty corpus (tests/nasty.py) is a diagnostic at its
file and line; the three readers agree on it; the real command line shows
no traceback and still writes the report."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

import askoy2020
from askoy2020.loading.yaml_reader import read_yaml
from helpers import BASE, build_case
from nasty import CORPUS, Nasty

AS_OF = dt.date(2020, 10, 31)
ASKOY = [sys.executable, "-m", "askoy2020"]


def _placed(root: Path, nasty: Nasty) -> Path:
    path = root / "quality" / "nasty" / f"{nasty.name}.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(nasty.data)
    return path


@pytest.mark.parametrize("nasty", CORPUS, ids=lambda n: n.name)
def test_a_nasty_file_is_a_diagnostic_at_its_line(tmp_path: Path, nasty: Nasty) -> None:
    root = build_case(BASE, tmp_path / "data")
    path = _placed(root, nasty)
    portfolio = askoy2020.load(root)
    found = [d for d in askoy2020.check(portfolio, AS_OF) if Path(d.file).name == path.name]
    if nasty.rule is None:
        assert [d for d in found if d.is_error] == []
        return
    assert nasty.rule in {d.rule for d in found}
    if nasty.line is not None:
        assert (nasty.rule, nasty.line) in {(d.rule, d.line) for d in found}
    assert all(d.message and d.hint for d in found)  # what is wrong, and how to fix it


@pytest.mark.parametrize("nasty", [n for n in CORPUS if len(n.data) < 1_000_000], ids=lambda n: n.name)
def test_the_readers_agree_on_nasty_input(nasty: Nasty) -> None:
    fast, full, pure = (read_yaml(nasty.data, "f.yaml", parser=p) for p in ("auto", "libyaml", "ruamel"))
    assert fast.diagnostics == full.diagnostics
    assert [d.rule for d in full.diagnostics] == [d.rule for d in pure.diagnostics]
    if full.document is not None and pure.document is not None and fast.document is not None:
        # repr, not ==: a .nan is never equal to itself
        assert repr(fast.document.value) == repr(full.document.value) == repr(pure.document.value)
        assert fast.document.positions() == full.document.positions() == pure.document.positions()


@pytest.fixture(scope="module")
def nasty_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = build_case(BASE, tmp_path_factory.mktemp("nasty") / "data")
    for nasty in CORPUS:
        _placed(root, nasty)
    return root


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "ASKOY2020_NO_CACHE": "1"}
    return subprocess.run([*ASKOY, *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=300)


def test_validate_reports_every_nasty_file_without_a_traceback(nasty_folder: Path) -> None:
    done = _run("validate", "data", "--as-of", "2020-10-31", cwd=nasty_folder.parent)
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    listed = set(done.stdout.splitlines())  # the text format heads each file's problems with its name
    for nasty in CORPUS:
        if nasty.rule is not None:
            assert f"data/quality/nasty/{nasty.name}.yaml" in listed, nasty.name


@pytest.mark.parametrize("suffix", ["md", "html"])
def test_the_report_is_still_written_and_lists_the_problems(nasty_folder: Path, suffix: str) -> None:
    out = nasty_folder.parent / f"report.{suffix}"
    done = _run("report", "--year", "2020", "data", "--as-of", "2020-10-31", "--output", out.name,
                cwd=nasty_folder.parent)
    assert "Traceback" not in done.stdout + done.stderr
    text = out.read_text(encoding="utf-8")
    assert "alias-bomb.yaml" in text and "ASK005" in text  # the appendix names the problem files
