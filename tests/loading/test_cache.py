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


def test_a_planted_cache_file_cannot_run_code(tmp_path: Path) -> None:
    """A cache file is a pickle: one planted in the repository must not run
    anything when read, only make the files be read again."""
    import pickle

    root = shutil.copytree(BASE, tmp_path / "data")
    cache = tmp_path / "cache"
    expected = _answer(root, cache)
    (file,) = cache.rglob("*.pickle")
    marker = tmp_path / "ran"

    class Payload:
        def __reduce__(self) -> tuple[object, ...]:
            return (os.system, (f"touch {marker}",))

    with open(file, "rb") as handle:
        header = pickle.load(handle)
        entries = pickle.load(handle)
    name = next(iter(entries))
    status, digest, checked, _ = entries[name]
    entries[name] = (status, digest, checked, pickle.dumps(Payload()))
    file.write_bytes(pickle.dumps(header) + pickle.dumps(entries))
    assert _answer(root, cache) == expected
    file.write_bytes(pickle.dumps(Payload()))  # the header itself
    assert _answer(root, cache) == expected
    assert not marker.exists()


def test_every_class_a_reading_holds_is_known_to_the_cache() -> None:
    """The cache's unpickler makes only listed classes: every reading of the
    sample and of every rule case must come back through it."""
    from askoy2020.loading.cache import unpickle
    from askoy2020.loading.discover import discover
    from askoy2020.loading.yaml_reader import ReadLimits

    roots = [Path(__file__).parent.parent.parent / "data", BASE]
    roots += [case for rule in CASES.iterdir() if rule.is_dir() for case in rule.iterdir() if case.is_dir()]
    count = 0
    for root in roots:
        for read in loader._read_files(root, discover(root), ReadLimits()):
            assert unpickle(loader._pickled(read)) == read
            count += 1
    assert count > 800  # the sample and every case folder


def test_the_code_is_known_by_its_bytes_not_its_times(tmp_path: Path) -> None:
    """An install may give every file one time (Nix gives 1 s): a fix of the
    same size must still make a new cache."""
    from askoy2020.loading.cache import code_digest

    package = Path(cache_module.__file__).resolve().parent.parent
    copy = tmp_path / "askoy2020"
    for sub in ("core", "loading", "model"):
        shutil.copytree(package / sub, copy / sub, ignore=shutil.ignore_patterns("__pycache__"))
    before = code_digest(copy)
    source = copy / "loading" / "yaml_reader.py"
    info = source.stat()
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("max_depth: int = 64", "max_depth: int = 65"), encoding="utf-8")
    os.utime(source, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert source.stat().st_size == info.st_size
    assert code_digest(copy) != before


def test_the_cache_folder_ignores_itself(tmp_path: Path) -> None:
    """It holds what the records say, identity numbers too: git must not
    offer it for a commit, in a repository init did not make as well."""
    import subprocess

    repository = tmp_path / "repo"
    root = shutil.copytree(BASE, repository / "data")
    subprocess.run(["git", "init", "-q", str(repository)], check=True)
    _answer(root, repository / cache_module.FOLDER_NAME)
    status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=repository,
                            capture_output=True, text=True, check=True).stdout
    assert "data/programme.yaml" in status
    assert cache_module.FOLDER_NAME not in status
    assert (repository / cache_module.FOLDER_NAME / "CACHEDIR.TAG").read_text().startswith(
        "Signature: 8a477f597d28d172789f06886806bc55")


def test_a_file_seen_through_another_spelling_of_the_folder_is_read_as_its_kind(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same file (a hard link) under the same shown name, but another
    place below the folder ('cohorts/L/..'): another kind, so not the
    cached reading."""
    repository = tmp_path / "repo"
    root = shutil.copytree(BASE, repository / "data")
    os.link(root / "programme.yaml", root / "cohorts" / "programme.yaml")
    os.symlink(root / "programmes", root / "cohorts" / "L")
    monkeypatch.setattr(cache_module, "RACY_NS", 0)
    monkeypatch.chdir(repository)
    cache = repository / cache_module.FOLDER_NAME
    _answer(Path("data"), cache)
    other = Path("data/cohorts/L/..")
    assert _answer(other, cache) == _answer(other, None)


def test_a_reading_too_deep_to_pickle_is_read_here_and_not_kept(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The limits allow 10,000 levels; pickling stops near 500. Such a file
    is neither cached nor sent between processes, and nothing breaks."""
    root = shutil.copytree(BASE, tmp_path / "data")
    depth = 800
    (root / "cohorts" / "K-deep.yaml").write_text("id: K-deep\nx: " + "[" * depth + "]" * depth + "\n",
                                                   encoding="utf-8")
    limits = loader.ReadLimits(max_depth=10_000)

    def answer(**kwargs: object) -> list[str]:
        portfolio = loader.load(root, limits=limits, **kwargs)  # type: ignore[arg-type]
        return [f"{d.location} {d.rule} {d.message}" for d in askoy2020.check(portfolio, as_of=AS_OF)]

    expected = answer(workers=1)
    assert any("K-deep" in line for line in expected)
    assert answer(cache=tmp_path / "cache") == expected
    assert answer(cache=tmp_path / "cache") == expected
    monkeypatch.setattr(loader, "PARALLEL_MIN_FILES", 5)
    monkeypatch.setattr(loader, "_CHUNK", 2)
    assert answer(workers=2) == expected
