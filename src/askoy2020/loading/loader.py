"""``load(path) -> Portfolio``: read every record file and validate its schema.

Per file: bytes → YAML document (:mod:`.yaml_reader`) → one or more record
mappings → Pydantic model. Every problem on the way is a diagnostic; a
record that fails its schema is left out of the portfolio so the
cross-record rules see only well-formed data.
"""

from __future__ import annotations

import collections
import contextlib
import gc
import os
import pickle
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..core.diagnostics import Diagnostic, Location, Say
from ..core.identity_numbers import clip
from ..core.paths import display_name
from ..model import Portfolio
from ..model.kinds import RecordKind, kind_named, kind_of, record_folders
from . import problems as R
from .cache import content_digest
from .discover import discover, not_utf8, odd_name
from .files import read_record_bytes
from .identity_scan import decoded_numbers, unread_files, written_numbers
from .origins import attach
from .schema_errors import diagnose
from .yaml_reader import Document, ReadLimits, read_yaml


class DataFolderError(Exception):
    """The path given is not a data folder at all (a usage error)."""


# Below this many files one process is faster than starting others.
PARALLEL_MIN_FILES = 2000


def load(
    path: str | os.PathLike[str], limits: ReadLimits = ReadLimits(), workers: int | None = None,
    cache: Path | None = None,
) -> Portfolio:
    """Read every record file under ``path``. Large folders are read on every
    core (``workers`` processes; default: the machine's cores), each taking
    a contiguous slice of the files in order, so the result is the same as
    reading them one by one. With ``cache`` (a folder), files read before
    with the same bytes come from the cache instead (see :mod:`.cache`)."""
    root = Path(path)
    if not root.is_dir():
        raise DataFolderError(f"{root} is not a folder with Askøy 2020 data")
    files = discover(root)
    with _collector_paused():
        portfolio = _load(root, files, limits, workers, cache)
    # Files whose text ASK901 has not seen yet: not records, odd names, not UTF-8.
    for name, text in unread_files(root, portfolio.scanned, limits.max_file_bytes):
        portfolio.scanned.add(name)
        portfolio.written_identity_numbers += written_numbers(name, text)
    return portfolio


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Loading makes millions of small objects and no garbage cycles, yet
    every few hundred allocations start a cycle collection that walks them
    all again. At ×100 that was about 6 % of a run without the cache and
    nearly half of a repeat run with it, where unpickling makes the objects
    (benchmarks/scale.py). So the collector rests while files load."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load(root: Path, files: list[Path], limits: ReadLimits, workers: int | None, cache: Path | None) -> Portfolio:
    workers = workers if workers is not None else min(os.cpu_count() or 1, 4)
    if cache is None:
        return _merge(root, [part for part, _, _ in _load_each(root, files, limits, workers)])
    from .cache import LoadCache, file_status

    store = LoadCache(cache, root, limits)
    # An entry is the file as shown and its place below the data folder,
    # which decides its kind: the same file through another spelling of the
    # folder (a link, "..") may be another kind of record.
    names = [f"{display_name(file)}\0{_relative(file, root)}" for file in files]
    checked = time.time_ns()  # before any file is read: a change after this shows in the status
    statuses = [file_status(file) for file in files]
    parts: list[Portfolio | None] = [None] * len(files)
    for i, file in enumerate(files):
        read = store.get(names[i], file, statuses[i])
        if isinstance(read, FileRead) and read.name == names[i].partition("\0")[0]:
            parts[i] = _validated(read)
    missing = [i for i, part in enumerate(parts) if part is None]
    for i, (part, blob, digest) in zip(missing, _load_each(root, [files[i] for i in missing], limits, workers,
                                                           keep=True)):
        parts[i] = part
        if blob is not None:
            store.put(names[i], statuses[i], checked, digest, blob)
    store.save()
    return _merge(root, [p for p in parts if p is not None])


@dataclass
class FileRead:
    """One file read, its records not yet validated: what a worker process
    sends back, and what the cache keeps. Plain values cross between
    processes ten times faster than validated models (pickling 11,500 files'
    models took 2 s, and 2.4 s to unpickle, more than making them), so
    models are only ever made in the process that uses them."""

    name: str
    part: Portfolio  # the file's name, diagnostics and identity numbers; no records yet
    kind: str | None = None
    document: Document | None = None
    mappings: list[tuple[tuple[Any, ...], Any]] = field(default_factory=list)
    digest: bytes | None = None  # of the bytes read, for the cache


# Files per piece of work in a parallel load: small enough that the first
# piece arrives soon, large enough that handing pieces over costs little.
_CHUNK = 500

Loaded = tuple[Portfolio, bytes | None, bytes | None]
"""A file's validated portfolio, and with ``keep`` its reading pickled and its bytes' digest."""


def _load_each(root: Path, files: list[Path], limits: ReadLimits, workers: int, keep: bool = False) -> list[Loaded]:
    """One small portfolio per file, in order. For a large folder, other
    processes read files (bytes → values: the parse, the guard, the search
    for identity numbers) while this one validates what they have read.
    Reading is most of the work, so whenever this process would wait, it
    reads a piece no other process has been given. Which process read a
    file never changes the result. With ``keep``, each reading comes
    pickled too, for the cache (a worker's is pickled once, not twice)."""
    if workers <= 1 or len(files) < PARALLEL_MIN_FILES:
        return [_finished(one, keep) for one in _read_files(root, files, limits)]
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    chunks = [files[i:i + _CHUNK] for i in range(0, len(files), _CHUNK)]
    done: list[list[Loaded]] = [[] for _ in chunks]
    waiting = collections.deque(range(len(chunks)))  # pieces no process has yet
    given: dict[int, Future[list[bytes | None]]] = {}
    broken = False

    def here(i: int) -> None:
        done[i] = [_finished(one, keep) for one in _read_files(root, chunks[i], limits)]

    # "spawn": a fresh interpreter per worker, safe whatever threads run here.
    with ProcessPoolExecutor(workers - 1, mp_context=multiprocessing.get_context("spawn")) as pool:
        while waiting or given:
            # Workers get pieces from the front, two each so none waits;
            # this process takes pieces from the back. A piece is never
            # taken back once given (cancelling one and then losing the
            # worker trips a bug in Python 3.11's executor, gh-107219).
            while not broken and waiting and len(given) < 2 * (workers - 1):
                try:
                    given[waiting[0]] = pool.submit(_read_pickled, root, chunks[waiting[0]], limits)
                    waiting.popleft()
                except BrokenProcessPool:
                    broken = True
            finished = [i for i, future in given.items() if future.done()]
            if not finished and waiting:
                here(waiting.pop())
                continue
            if not finished:
                finished = [i for i, future in given.items() if future in wait(given.values(),
                                                                                return_when=FIRST_COMPLETED)[0]]
            for i in finished:
                try:
                    items = given.pop(i).result()
                except BrokenProcessPool:  # a worker was killed (out of memory?): read the piece here
                    broken = True
                    here(i)
                    continue
                for one, file in zip(items, chunks[i]):
                    done[i].append(_finished(one if one is not None else _read_files(root, [file], limits)[0], keep))
    return [loaded for piece in done for loaded in piece]


def _read_pickled(root: Path, files: list[Path], limits: ReadLimits) -> list[bytes | None]:
    """A worker's readings, pickled once: the same bytes carry them here and
    into the cache. None for one too deeply nested to pickle (the limits
    allow 10,000 levels): this process reads that file itself."""
    return [_pickled(read) for read in _read_files(root, files, limits)]


def _pickled(read: FileRead) -> bytes | None:
    try:
        return pickle.dumps(read, protocol=pickle.HIGHEST_PROTOCOL)
    except RecursionError:
        return None


def _finished(item: FileRead | bytes, keep: bool) -> Loaded:
    """The file's validated portfolio; with ``keep``, its reading pickled
    (before validation empties it) and its digest."""
    if isinstance(item, bytes):
        read = pickle.loads(item)
        return _validated(read), item if keep else None, read.digest
    blob = _pickled(item) if keep else None
    return _validated(item), blob, item.digest


def _read_files(root: Path, files: list[Path], limits: ReadLimits) -> list[FileRead]:
    real_root = os.path.realpath(root)
    with _collector_paused():  # in a worker process too
        return [_read_file(file, root, real_root, limits) for file in files]


def _validated(read: FileRead) -> Portfolio:
    """The file's records validated into its portfolio."""
    if read.kind is not None and read.document is not None:
        kind = kind_named(read.kind)
        for path, mapping in read.mappings:
            _validate(read.part, kind, mapping, read.document, path, read.name)
        # The records hold their values now; the document is kept for its
        # positions only (half the memory).
        read.document.value = None
    return read.part


def _merge(root: Path, parts: list[Portfolio]) -> Portfolio:
    whole = Portfolio(root=root)
    for part in parts:
        for key, records in part.records.items():
            whole.of(key).extend(records)
        whole.files += part.files
        whole.load_diagnostics += part.load_diagnostics
        whole.unvalidated_ids |= part.unvalidated_ids
        whole.scanned |= part.scanned
        whole.written_identity_numbers += part.written_identity_numbers
        whole.hidden_identity_numbers += part.hidden_identity_numbers
    _one_each(whole)
    return whole


def _one_each(portfolio: Portfolio) -> None:
    """A kind with one record per data folder keeps its first; each further
    one (programme.yaml and programme.yml both, or a list) is an error."""
    from ..model.kinds import KINDS

    for kind in KINDS:
        found = portfolio.records.get(kind.key, [])
        if kind.single and len(found) > 1:
            for extra in found[1:]:
                portfolio.load_diagnostics.append(R.WRONG_SHAPE.at(
                    extra.where(), Say(f"a second {kind.title} record", f"enda en post av typen {kind.title_nb}"),
                    Say(f"Keep exactly one {kind.globs[0]}.", f"Behold nøyaktig én {kind.globs[0]}."),
                ))
            del found[1:]


def _read_file(file: Path, root: Path, real_root: str, limits: ReadLimits) -> FileRead:
    name = display_name(file)
    read = FileRead(name, Portfolio(root=root))
    portfolio = read.part
    kind = kind_of(_relative(file, root))
    problems = portfolio.load_diagnostics
    odd = odd_name(file.name)
    if odd is not None:
        portfolio.files.append(name)
        problems.append(R.UNKNOWN_FILE.at(
            Location(name), Say(f"this file is not read: {odd[0].en}", f"denne filen blir ikke lest: {odd[0].nb}"),
            Say(f"Rename it to {odd[1]} if it holds a record; otherwise move it out of the data folder.",
                f"Gi den navnet {odd[1]} hvis den inneholder en post; ellers flytt den ut av datamappen.")))
        return read
    # Links are looked at even outside the record folders: one leading out
    # of the data folder is an error wherever it is.
    data = read_record_bytes(file, real_root, name, limits.max_file_bytes) \
        if kind is not None or os.path.islink(file) else b""
    if data is None:  # a link to a folder that is read at its real place
        return read
    portfolio.files.append(name)
    better = not_utf8(file.name)
    if better is not None:
        problems.append(R.UNKNOWN_FILE.at(
            Location(name), Say("the file's name is not UTF-8 text (made on another system?); it is read, but "
                                "reports and CI logs cannot show the name right",
                                "filnavnet er ikke UTF-8-tekst (laget på et annet system?); filen blir lest, men "
                                "rapporter og CI-logger kan ikke vise navnet riktig"),
            Say(f"Rename it to {better}.", f"Gi den navnet {better}.")))
    if isinstance(data, Diagnostic):
        problems.append(data)
        return read
    if kind is None:
        folders = ", ".join(record_folders())
        problems.append(R.UNKNOWN_FILE.at(
            Location(name), Say("this file is not read: it is not in a record folder",
                                "denne filen blir ikke lest: den ligger ikke i en mappe for poster"),
            Say(f"Records belong in {folders}.", f"Poster hører hjemme i {folders}."),
        ))
        return read
    read.digest = content_digest(data)
    result = read_yaml(data, name, limits)
    problems += result.diagnostics
    if result.text is not None:
        portfolio.scanned.add(name)
        portfolio.written_identity_numbers += written_numbers(name, result.text)
    if result.document is None:
        return read
    doc = result.document
    if doc.value is None:
        if not result.diagnostics:
            problems.append(R.EMPTY_FILE.at(
                Location(name), Say(f"the file holds no {kind.title}", f"filen inneholder ingen {kind.title_nb}"),
                Say("Add a record or delete the file.", "Legg til en post, eller slett filen."),
            ))
        return read
    if result.text is not None:
        portfolio.hidden_identity_numbers += decoded_numbers(doc, name, result.text)
    read.kind, read.document = kind.key, doc
    read.mappings = _records(doc, kind, name, problems)
    return read


def _relative(file: Path, root: Path) -> str:
    """``file`` below ``root``, '/'-separated: by its text when discovery
    built it by joining names to ``root`` (pathlib's ``relative_to`` for
    23,000 files cost a fifth of a second)."""
    text, top = str(file), str(root)
    if top != os.curdir and text.startswith(top + os.sep):
        return text[len(top) + 1:].replace(os.sep, "/")
    return file.relative_to(root).as_posix()


def _records(
    doc: Document, kind: RecordKind, name: str, problems: list[Diagnostic]
) -> list[tuple[tuple[Any, ...], Any]]:
    value = doc.value
    if isinstance(value, dict):
        return [((), value)]
    if isinstance(value, list) and not kind.single:
        found = []
        for i, item in enumerate(value):
            if isinstance(item, dict):
                found.append(((i,), item))
            else:
                line, col = doc.where((i,))
                problems.append(_shape(name, line, col, kind, item))
        return found
    line, col = doc.where(())
    problems.append(_shape(name, line, col, kind, value))
    return []


def _shape(name: str, line: int, col: int, kind: RecordKind, value: Any) -> Diagnostic:
    shown = repr(clip(str(value), 41))
    what = Say("a list", "en liste") if isinstance(value, list) else Say(f"the value {shown}", f"verdien {shown}")
    allowed = Say("one mapping", "én blokk med «nøkkel: verdi»-linjer") if kind.single else \
        Say("a mapping, or a list of mappings", "en blokk med «nøkkel: verdi»-linjer, eller en liste med slike blokker")
    return R.WRONG_SHAPE.at(
        Location(name, line, col),
        Say(f"expected a {kind.title} record here but found {what.en}",
            f"her skulle det stå en post av typen {kind.title_nb}, men det står {what.nb}"),
        Say(f"A {kind.title} file holds {allowed.en} of 'key: value' lines.",
            f"En fil av typen {kind.title_nb} inneholder {allowed.nb}."),
    )


def _validate(
    portfolio: Portfolio, kind: RecordKind, mapping: dict[Any, Any], doc: Document, path: tuple[Any, ...], name: str
) -> None:
    try:
        record = kind.model.model_validate(mapping)
    except ValidationError as exc:
        portfolio.load_diagnostics.extend(diagnose(exc, kind.model, doc, path, name,
                                                   Say(kind.title, kind.definite_nb)))
        portfolio.unvalidated_ids.update(_raw_ids(mapping))
        return
    attach(record, name, doc, path)
    portfolio.of(kind.key).append(record)


def _raw_ids(value: Any) -> set[str]:
    """Ids of a record that failed validation, and of its goals, so that
    references to them are not reported again as unknown."""
    found: set[str] = set()
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, dict):
            raw = item.get("id")
            if isinstance(raw, (str, int)):
                found.add(str(getattr(raw, "raw", raw)))
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return found
