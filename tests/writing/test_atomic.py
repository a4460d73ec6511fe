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


def _temp_name(target: Path) -> str:
    """The name write_atomic would give its temporary file, taken from a
    real (interrupted) write."""
    import tempfile

    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    os.unlink(temp)
    return Path(temp).name


@pytest.mark.parametrize(
    ("name", "age", "kind", "removed"),
    [
        ("own-old", 3600, "file", True),
        ("own-fresh", 5, "file", False),  # another fmt may be writing it right now
        ("own-old-link", 3600, "link", False),  # a link is never a file we left
        ("other-tmp", 3600, "file", False),  # .notes.tmp: not our pattern
        ("other-suffix", 3600, "file", False),  # .plan.txt.<8>.tmp: not a YAML target
    ],
)
def test_stale_temp_files_of_a_killed_write_are_removed_and_nothing_else(
    tmp_path: Path, name: str, age: int, kind: str, removed: bool
) -> None:
    from askoy2020.writing import remove_stale_temp_files

    target = tmp_path / "DK-02.yaml"
    target.write_text("id: DK-02\n", encoding="utf-8")
    temp_name = {
        "other-tmp": ".notes.tmp",
        "other-suffix": _temp_name(tmp_path / "plan.txt"),
    }.get(name, _temp_name(target))
    temp = tmp_path / temp_name
    if kind == "link":
        os.symlink(target, temp)
    else:
        temp.write_text("half", encoding="utf-8")
    stamp = os.path.getmtime(target) - age
    os.utime(temp, (stamp, stamp), follow_symlinks=False)
    assert remove_stale_temp_files(tmp_path) == ([temp] if removed else [])
    assert temp.is_symlink() or temp.exists() != removed
    assert target.read_text(encoding="utf-8") == "id: DK-02\n"


@pytest.mark.skipif(os.name != "posix", reason="umask and folder fsync are POSIX")
@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o027, 0o640), (0o077, 0o600)])
def test_a_new_file_gets_the_permissions_the_umask_gives(tmp_path: Path, umask: int, mode: int) -> None:
    before = os.umask(umask)
    try:
        write_atomic(tmp_path / "new.yaml", "x\n")
        assert os.umask(before) == umask  # the umask is as it was
    finally:
        os.umask(before)
    assert (tmp_path / "new.yaml").stat().st_mode & 0o777 == mode


@pytest.mark.skipif(os.name != "posix", reason="umask and folder fsync are POSIX")
def test_a_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "plan.yaml"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o660)
    write_atomic(target, "new\n")
    assert target.stat().st_mode & 0o777 == 0o660


@pytest.mark.skipif(os.name != "posix", reason="umask and folder fsync are POSIX")
def test_the_folder_is_flushed_after_the_rename(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The new name lives in the folder: without flushing it, a power cut
    after the rename can bring back the old file."""
    import stat

    flushed: list[tuple[bool, bool]] = []  # (a folder?, the target there yet?)
    real = os.fsync

    def recording(fd: int) -> None:
        flushed.append((stat.S_ISDIR(os.fstat(fd).st_mode), (tmp_path / "plan.yaml").exists()))
        real(fd)

    monkeypatch.setattr(os, "fsync", recording)
    write_atomic(tmp_path / "plan.yaml", "x\n")
    assert flushed == [(False, False), (True, True)]  # the file's data first, then the folder after the rename


def test_a_missing_folder_is_named_in_the_error_not_the_temporary_file(tmp_path: Path) -> None:
    with pytest.raises(OSError) as caught:
        write_atomic(tmp_path / "nowhere" / "a.xlsx", "x")
    assert caught.value.filename == str(tmp_path / "nowhere") and ".tmp" not in str(caught.value)


@pytest.mark.parametrize("name", ["a" * 251 + ".mps", "ø" * 124 + ".yaml", "b" * 250 + ".json"])
def test_a_name_as_long_as_the_system_allows_is_written_and_its_debris_still_found(tmp_path: Path, name: str) -> None:
    # ".<name>.XXXXXXXX.tmp" once exceeded 255 bytes for such names, and the write failed.
    from askoy2020.writing import remove_stale_temp_files
    from askoy2020.writing.atomic import _temp_prefix

    assert len(name.encode()) <= 255
    target = tmp_path / name
    write_atomic(target, "x\n")
    assert target.read_text(encoding="utf-8") == "x\n" and os.listdir(tmp_path) == [name]
    debris = tmp_path / f"{_temp_prefix(target)}abcdefgh.tmp"
    debris.write_text("half", encoding="utf-8")
    os.utime(debris, (0, 0))
    suffixes = (target.suffix,)
    assert remove_stale_temp_files(tmp_path, suffixes) == [debris]
