"""Every command that writes a file survives a disk that fails mid-write:
the file that was there is intact, no temporary file is left behind, and
the user gets one line saying what went wrong – not a traceback."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from askoy2020.cli.app import app
from helpers import BASE

runner = CliRunner()
OLD = b"old contents, must survive\n"


def _full_disk(*_: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def _writers(tmp: Path) -> dict[str, tuple[list[str], list[Path]]]:
    """Command line, and the files it writes (each made to exist with OLD)."""
    data = tmp / "data"
    messy = data / "leaders" / "L-001.yaml"
    schemas = tmp / "schemas"
    return {
        "report html": (["report", "--year", "2020", str(data), "--as-of", "2020-10-31", "--output",
                         str(tmp / "r.html")], [tmp / "r.html"]),
        "report md": (["report", "--year", "2020", str(data), "--as-of", "2020-10-31", "--output",
                       str(tmp / "r.md")], [tmp / "r.md"]),
        "prioritise plan": (["prioritise", str(data), "--as-of", "2020-10-31", "--no-explain", "--output",
                             str(tmp / "plan.yaml")],
                            [tmp / "plan.yaml"]),
        "export xlsx": (["export", str(data), "--format", "xlsx", "--output", str(tmp / "a.xlsx")],
                        [tmp / "a.xlsx"]),
        "export csv": (["export", str(data), "--format", "csv", "--output", str(tmp / "csv")],
                       [tmp / "csv" / "projects.csv"]),
        "schema": (["schema", "--output", str(schemas)], [schemas / "project.schema.json"]),
        "fmt": (["fmt", str(data)], [messy]),
    }


@pytest.mark.parametrize("writer", list(_writers(Path("/x"))))
def test_a_failed_write_leaves_the_old_file_and_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, writer: str
) -> None:
    shutil.copytree(BASE, tmp_path / "data")
    args, files = _writers(tmp_path)[writer]
    messy = tmp_path / "data" / "leaders" / "L-001.yaml"
    messy.write_text("title:   Rektor\n" + messy.read_text(encoding="utf-8").replace("title: Rektor\n", ""),
                     encoding="utf-8")  # out of key order, so fmt has something to write
    before = {}
    for path in files:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.name == "plan.yaml":  # prioritise replaces only a plan it made (commands/plan_output.py)
            path.write_bytes(b"# Plan made by askoy2020 prioritise (weighted).\n" + OLD)
        elif path != messy:
            path.write_bytes(OLD)
        before[path] = path.read_bytes()
    monkeypatch.setattr("askoy2020.writing.atomic.os.fsync", _full_disk)
    result = runner.invoke(app, args, env={"ASKOY2020_NO_CACHE": "1"})
    assert result.exit_code == 1, result.output
    assert not isinstance(result.exception, OSError)  # handled, not a traceback
    assert "No space left on device" in result.output
    for path, old in before.items():
        assert path.read_bytes() == old
        assert [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_new_write_on_a_full_disk_creates_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = Path(shutil.copytree(BASE, tmp_path / "data"))
    before = sorted(p.relative_to(data) for p in data.rglob("*"))
    monkeypatch.setattr("askoy2020.writing.atomic.os.fsync", _full_disk)
    result = runner.invoke(app, ["new", "case", str(data), "--write"])
    assert result.exit_code == 1 and "No space left on device" in result.output
    assert sorted(p.relative_to(data) for p in data.rglob("*")) == before


def test_init_that_fails_halfway_leaves_the_folder_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "kommune"
    target.mkdir()
    (target / "README.md").write_bytes(OLD)  # kept by init, and must stay so
    writes = []

    def fail_on_the_fifth(fd: int) -> None:
        writes.append(fd)
        if len(writes) == 5:
            _full_disk()

    monkeypatch.setattr("askoy2020.writing.atomic.os.fsync", fail_on_the_fifth)
    result = runner.invoke(app, ["init", str(target), "--tool-url", "https://git.example.org/askoy2020.git",
                                 "--tool-ref", "v0.17.0"])
    assert result.exit_code == 1 and "No space left on device" in result.output
    assert len(writes) == 5  # four files were written before the failure …
    assert sorted(p.name for p in target.rglob("*")) == ["README.md"]  # … and removed again
    assert (target / "README.md").read_bytes() == OLD


def test_import_actuals_on_a_disk_that_fills_up_after_the_first_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from accounts.erp import coded_data, write_csv

    data = coded_data(tmp_path / "data")
    before = {p: p.read_bytes() for p in data.rglob("*") if p.is_file()}
    export = write_csv(tmp_path / "regnskap.csv")
    writes = []

    def full_after_the_first(fd: int) -> None:
        writes.append(fd)
        if len(writes) > 1:
            _full_disk()

    monkeypatch.setattr("askoy2020.writing.atomic.os.fsync", full_after_the_first)
    result = runner.invoke(app, ["import", "actuals", str(export), str(data), "--period", "2020-T2",
                                 "--as-of", "2020-10-31"], env={"ASKOY2020_NO_CACHE": "1"})
    assert result.exit_code == 1 and not isinstance(result.exception, OSError)
    assert "failed: No space left on device" in result.output and "got their previous contents back" in result.output
    assert {p: p.read_bytes() for p in data.rglob("*") if p.is_file()} == before  # the first file is back too
    assert [p for p in data.rglob("*.tmp")] == []


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("args", [["validate", "--format", "gitlab"], ["validate"], ["rules"], ["report", "--year", "2020"]],
                         ids=lambda a: " ".join(a))
def test_output_to_a_full_disk_or_a_closed_stream_is_one_message_not_a_traceback(args: list[str]) -> None:
    """`validate -f gitlab > report.json` on a full CI disk, or with standard
    output closed: exit 2 and one line in each language, no traceback (red
    team, issue 17)."""
    import subprocess
    import sys

    command = [sys.executable, "-m", "askoy2020", *args]
    if args[0] in ("validate", "report"):
        command += [str(BASE), "--as-of", "2020-10-31"]
    for stdout in ("full", "closed"):
        with open("/dev/full", "w") as full:
            done = subprocess.run(command, stdout=full if stdout == "full" else None, stderr=subprocess.PIPE,
                                  text=True, timeout=120, close_fds=True,
                                  pass_fds=(), preexec_fn=None if stdout == "full" else _close_stdout)
        assert done.returncode in (1, 2), (stdout, done.stderr)  # 1: the command's own file-write message
        assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr, done.stderr
        assert done.stderr.startswith("Error: ") and len(done.stderr.splitlines()) <= 2, done.stderr


def _close_stdout() -> None:
    import os

    os.close(1)
