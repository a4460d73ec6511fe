"""The cache must never change an answer: after any sequence of edits a run
with the cache gives what a run without it gives, and a file whose status
looks unchanged is still seen when its bytes changed."""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path

import pytest

import askoy2020
from askoy2020.loading import cache as cache_module
from askoy2020.loading import loader
from helpers import AS_OF, BASE, CASES


def _answer(root: Path, cache: Path | None) -> tuple[list[str], list[object]]:
    portfolio = loader.load(root, cache=cache)
    diagnostics = [f"{d.location} {d.rule} {d.message}" for d in askoy2020.check(portfolio, as_of=AS_OF)]
    records = [(key, [r.model_dump() for r in records]) for key, records in sorted(portfolio.records.items())]
    return diagnostics, records


def _count_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    reads: list[str] = []
    real = loader.read_yaml
    monkeypatch.setattr(loader, "read_yaml", lambda data, name, limits: reads.append(name) or real(data, name, limits))
    return reads


def _same_size_and_mtime(path: Path, old: str, new: str) -> None:
    """Rewrite ``path`` in place with ``old`` replaced by ``new`` (same
    length) and give it back its modification time."""
    info = path.stat()
    text = path.read_text(encoding="utf-8")
    assert len(old) == len(new) and old in text
    with open(path, "r+", encoding="utf-8") as handle:  # in place: the inode stays
        handle.write(text.replace(old, new))
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert path.stat().st_size == info.st_size and path.stat().st_mtime_ns == info.st_mtime_ns


def test_an_unchanged_file_is_not_opened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = shutil.copytree(BASE, tmp_path / "data")
    monkeypatch.setattr(cache_module, "RACY_NS", 0)  # every entry trusted on its status alone
    reads = _count_reads(monkeypatch)
    first = _answer(root, tmp_path / "cache")
    assert len(reads) == 8
    reads.clear()
    assert _answer(root, tmp_path / "cache") == first
    assert reads == []


def test_a_change_that_keeps_size_and_mtime_is_seen_by_the_change_time(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = shutil.copytree(BASE, tmp_path / "data")
    monkeypatch.setattr(cache_module, "RACY_NS", 0)
    reads = _count_reads(monkeypatch)
    _answer(root, tmp_path / "cache")
    project = root / "programmes" / "dk" / "projects" / "DK-02.yaml"
    _same_size_and_mtime(project, "name: Chatbot", "name: Chatbox")
    reads.clear()
    cached = _answer(root, tmp_path / "cache")
    assert [Path(r).name for r in reads] == ["DK-02.yaml"]
    assert cached == _answer(root, None)
    assert {p.id: p.name for p in loader.load(root, cache=tmp_path / "cache").projects}["DK-02"] == "Chatbox"


def test_a_racy_entry_is_checked_by_its_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file system whose clock ticks coarsely may keep every time of a
    file rewritten just after it was read: then only the bytes tell."""
    root = shutil.copytree(BASE, tmp_path / "data")
    real_status = cache_module.file_status

    def coarse(path: Path) -> cache_module.Status | None:
        found = real_status(path)
        return None if found is None else (found[0], found[1], 0, found[3], found[4])

    monkeypatch.setattr(cache_module, "file_status", coarse)
    project = root / "programmes" / "dk" / "projects" / "DK-02.yaml"
    project.touch()  # written just now, as an editor would
    first = _answer(root, tmp_path / "cache")
    _same_size_and_mtime(project, "name: Chatbot", "name: Chatbox")
    second = _answer(root, tmp_path / "cache")
    assert second == _answer(root, None) and second != first


def test_a_damaged_cache_or_other_limits_are_not_trusted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = shutil.copytree(BASE, tmp_path / "data")
    reads = _count_reads(monkeypatch)
    cache = tmp_path / "cache"
    expected = _answer(root, cache)
    (file,) = cache.rglob("*.pickle")
    data = file.read_bytes()
    for damaged in (b"", data[: len(data) // 2], data[:-7] + b"garbage", b"\x80\x05not a pickle"):
        file.write_bytes(damaged)
        reads.clear()
        assert _answer(root, cache) == expected
        assert len(reads) == 8
    reads.clear()
    loader.load(root, cache=cache, limits=loader.ReadLimits(max_depth=40))
    assert len(reads) == 8, "entries made under other read limits are not used"


# Material for edits: files from the rule cases, which break rules on purpose.
_DONORS = sorted(p for p in CASES.rglob("*.yaml") if "_base" not in p.parts)


@pytest.mark.parametrize("seed", range(8))
def test_after_random_edits_the_cached_run_equals_a_cold_run(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int) -> None:
    rng = random.Random(seed)
    if seed % 2:
        monkeypatch.setattr(cache_module, "RACY_NS", 0)  # trust statuses at once: the change time must tell
    root = shutil.copytree(BASE, tmp_path / "data")
    cache = tmp_path / "cache"
    for step in range(10):
        files = sorted(p for p in root.rglob("*.yaml"))
        target = rng.choice(files)
        action = rng.choice(["change", "change", "add", "delete", "rename", "reference", "same-size"])
        if action == "change":
            donor = rng.choice(_DONORS)
            target.write_bytes(donor.read_bytes())
        elif action == "add":
            donor = rng.choice(_DONORS)
            relative = Path(*donor.relative_to(CASES).parts[1:])  # below the case's folder
            new = root / relative.parent / f"new-{step}-{relative.name}"
            new.parent.mkdir(parents=True, exist_ok=True)
            new.write_bytes(donor.read_bytes())
        elif action == "delete" and len(files) > 2:
            target.unlink()
        elif action == "rename":
            target.rename(target.with_name(f"renamed-{step}-{target.name}"))
        elif action == "reference":
            # A project's id changes: references to it elsewhere break.
            text = target.read_text(encoding="utf-8")
            target.write_text(text.replace("DK-01", "DK-07", 1), encoding="utf-8")
        elif action == "same-size":
            text = target.read_text(encoding="utf-8")
            digit = next((c for c in text if c.isdigit()), None)
            if digit is not None:
                _same_size_and_mtime(target, digit, str((int(digit) + 1) % 10))
        assert _answer(root, cache) == _answer(root, None), (seed, step, action, target.name)
