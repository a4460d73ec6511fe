"""Loading a data folder: kinds by folder, schema errors at their lines."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import askoy2020
from askoy2020.loading.loader import DataFolderError
from helpers import AS_OF, BASE, relative


def test_base_portfolio_loads_every_kind() -> None:
    p = askoy2020.load(BASE)
    assert p.programme is not None and p.programme.id == "ASKOY2020"
    assert [a.id for a in p.areas] == ["DK"]
    assert [x.id for x in p.projects] == ["DK-01", "DK-02"]
    assert [x.id for x in p.leaders] == ["L-001"]
    assert [x.id for x in p.cases] == ["Q-2019-001", "Q-2020-001"]
    assert p.load_diagnostics == []


def test_nested_records_know_their_lines() -> None:
    p = askoy2020.load(BASE)
    dk02 = p.project_by_id["DK-02"]
    assert dk02.where("depends_on", 0, "project").line == 11
    assert p.area_by_id["DK"].goals[0].where("targets", 2020).line == 11


def test_id_with_leading_zero_stays_text(tmp_path: Path) -> None:
    (tmp_path / "leaders").mkdir()
    text = (BASE / "leaders" / "L-001.yaml").read_text().replace("id: L-001\n", "id: 0123\n")
    (tmp_path / "leaders" / "x.yaml").write_text(text)
    p = askoy2020.load(tmp_path)
    assert [leader.id for leader in p.leaders] == ["0123"]


def test_a_file_with_yaml_errors_does_not_stop_the_others(tmp_path: Path) -> None:
    (tmp_path / "leaders").mkdir()
    (tmp_path / "leaders" / "a.yaml").write_bytes(b"id: [\n")
    (tmp_path / "leaders" / "b.yaml").write_text((BASE / "leaders" / "L-001.yaml").read_text())
    p = askoy2020.load(tmp_path)
    assert [leader.id for leader in p.leaders] == ["L-001"]
    assert [(relative(d.file, tmp_path), d.rule) for d in p.load_diagnostics] == [("leaders/a.yaml", "ASK001")]


def test_a_folder_named_like_a_file_and_a_missing_folder(tmp_path: Path) -> None:
    (tmp_path / "quality" / "x.yaml").mkdir(parents=True)
    assert askoy2020.load(tmp_path).load_diagnostics == []
    with pytest.raises(DataFolderError):
        askoy2020.load(tmp_path / "nowhere")


def test_parallel_loading_gives_exactly_the_sequential_result(monkeypatch: pytest.MonkeyPatch) -> None:
    from askoy2020.loading import loader

    data = Path(__file__).parent.parent.parent / "data"
    monkeypatch.setattr(loader, "PARALLEL_MIN_FILES", 10)
    monkeypatch.setattr(loader, "_CHUNK", 7)  # many pieces: some read here, some by the worker
    one = loader.load(data, workers=1)
    two = loader.load(data, workers=2)
    assert two.files == one.files
    assert two.load_diagnostics == one.load_diagnostics
    for kind in ("areas", "projects", "leaders", "cases", "scenarios", "plans"):
        a, b = getattr(one, kind), getattr(two, kind)
        assert [r.model_dump() for r in a] == [r.model_dump() for r in b], kind
        assert [str(r.where("id")) for r in a] == [str(r.where("id")) for r in b], kind
    assert two.programme == one.programme and two.scanned == one.scanned
    assert two.written_identity_numbers == one.written_identity_numbers
    assert askoy2020.check(two, as_of=AS_OF) == askoy2020.check(one, as_of=AS_OF)


def test_a_second_programme_file_is_reported(tmp_path: Path) -> None:
    from helpers import build_case

    root = build_case(BASE, tmp_path / "data")
    (root / "programme.yml").write_text((root / "programme.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    diagnostics = askoy2020.load(root).load_diagnostics
    assert [d.message for d in diagnostics] == ["a second programme record"]


def test_cache_rereads_only_changed_files_and_ignores_a_corrupt_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from askoy2020.loading import loader
    from helpers import build_case

    root = build_case(BASE, tmp_path / "data")
    cache = tmp_path / ".askoy2020-cache"
    reads: list[str] = []
    real = loader.read_yaml
    monkeypatch.setattr(loader, "read_yaml", lambda data, name, limits: reads.append(name) or real(data, name, limits))
    first = loader.load(root, cache=cache)
    assert len(reads) == 8
    reads.clear()
    second = loader.load(root, cache=cache)
    assert reads == [], "nothing changed: everything comes from the cache"
    assert askoy2020.check(second, as_of=AS_OF) == askoy2020.check(first, as_of=AS_OF)
    assert [p.model_dump() for p in second.projects] == [p.model_dump() for p in first.projects]
    project = root / "programmes" / "dk" / "projects" / "DK-02.yaml"
    project.write_text(project.read_text(encoding="utf-8").replace("name: Chatbot", "name: Chatbot 2"),
                       encoding="utf-8")
    third = loader.load(root, cache=cache)
    assert [Path(r).name for r in reads] == ["DK-02.yaml"]
    assert {p.id: p.name for p in third.projects}["DK-02"] == "Chatbot 2"
    entries = list(cache.rglob("*.pickle"))
    assert len(entries) == 1, "one cache file per data folder"
    for entry in entries:
        entry.write_bytes(b"not a pickle")
    reads.clear()
    fourth = loader.load(root, cache=cache)
    assert len(reads) == 8, "a corrupt cache is ignored and rebuilt"
    assert [p.model_dump() for p in fourth.projects] == [p.model_dump() for p in third.projects]


@pytest.mark.parametrize("spelling", ["data", "./data", "data/", "ABS", ".", "data/../data"])
def test_a_files_place_below_the_folder_is_what_pathlib_says(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spelling: str) -> None:
    from askoy2020.loading.discover import discover
    from askoy2020.loading.loader import _relative
    from helpers import build_case

    build_case(BASE, tmp_path / "data")
    monkeypatch.chdir(tmp_path / "data" if spelling == "." else tmp_path)
    root = Path(str(tmp_path / "data") if spelling == "ABS" else spelling)
    files = discover(root)
    assert len(files) >= 8
    assert [_relative(f, root) for f in files] == [f.relative_to(root).as_posix() for f in files]


def test_a_worker_that_dies_costs_time_not_the_result(monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker process killed (out of memory, say) breaks the pool: the
    pieces it had are read in this process and the result is the same."""
    import concurrent.futures
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    from askoy2020.loading import loader

    class DyingPool:
        def __init__(self, *args: object, **kwargs: object) -> None:
            self.calls = 0

        def __enter__(self) -> DyingPool:
            return self

        def __exit__(self, *exc: object) -> None:
            return None

        def submit(self, reader: Any, *args: object) -> Future[object]:
            # The worker reads the first pieces, then dies: every later
            # piece fails as a broken pool fails them.
            future: Future[object] = Future()
            future.set_running_or_notify_cancel()
            self.calls += 1
            if self.calls <= 3:
                future.set_result(reader(*args))
            else:
                future.set_exception(BrokenProcessPool("a process terminated abruptly"))
            return future

    data = Path(__file__).parent.parent.parent / "data"
    expected = loader.load(data, workers=1)
    monkeypatch.setattr(loader, "PARALLEL_MIN_FILES", 10)
    monkeypatch.setattr(loader, "_CHUNK", 7)
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", DyingPool)
    found = loader.load(data, workers=2)
    assert found.files == expected.files
    assert askoy2020.check(found, as_of=AS_OF) == askoy2020.check(expected, as_of=AS_OF)
