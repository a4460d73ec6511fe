"""Files are replaced whole or not at all."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from askoy2020.writing import write_atomic, write_new_files


def test_writes_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "plan.yaml"
    write_atomic(target, "first\n")
    write_atomic(target, "andre – æøå\n")
    assert target.read_text(encoding="utf-8") == "andre – æøå\n"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.yaml"]


def test_a_failure_mid_write_leaves_the_old_file_and_no_debris(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "plan.yaml"
    target.write_text("old plan\n", encoding="utf-8")

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(target, "new plan that never lands\n")
    assert target.read_text(encoding="utf-8") == "old plan\n"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.yaml"]


def test_keeps_the_permissions_of_the_file_it_replaces(tmp_path: Path) -> None:
    target = tmp_path / "plan.yaml"
    target.write_text("x", encoding="utf-8")
    target.chmod(0o600)
    write_atomic(target, "y")
    assert target.stat().st_mode & 0o777 == 0o600


def test_new_files_are_written_all_or_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = [(tmp_path / "a" / "b" / f"{i}.yaml", f"id: X-{i}\n") for i in range(3)]
    written = []
    real = os.fsync

    def fail_on_the_third(fd: int) -> None:
        written.append(fd)
        if len(written) == 3:
            raise OSError(28, "No space left on device")
        real(fd)

    monkeypatch.setattr("askoy2020.writing.atomic.os.fsync", fail_on_the_third)
    with pytest.raises(OSError):
        write_new_files(files)
    assert list(tmp_path.iterdir()) == []  # the two written files and the folders made for them are gone
    monkeypatch.undo()
    assert write_new_files(files) == [path for path, _ in files]
    assert [path.read_text() for path, _ in files] == ["id: X-0\n", "id: X-1\n", "id: X-2\n"]
