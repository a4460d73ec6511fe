"""``load(path) -> Portfolio``: read every record file and validate its schema.

Per file: bytes → YAML document (:mod:`.yaml_reader`) → one or more record
mappings → Pydantic model. Every problem on the way is a diagnostic; a
record that fails its schema is left out of the portfolio so the
cross-record rules see only well-formed data.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..core.diagnostics import Diagnostic, Location, Say
from ..core.identity_numbers import clip
from ..core.paths import display_name
from ..model import Portfolio
from ..model.kinds import RecordKind, kind_of, record_folders
from . import problems as R
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
        return _merge(root, _load_each(root, files, limits, workers))
    from .cache import LoadCache

    store = LoadCache(cache, root)
    parts: list[Portfolio | None] = [None] * len(files)
    keys: dict[int, str] = {}
    real_root = os.path.realpath(root)
    for i, file in enumerate(files):
        data = read_record_bytes(file, real_root, display_name(file), limits.max_file_bytes)
        if not isinstance(data, bytes):
            continue  # read again below, where the problem becomes a diagnostic
        kind = kind_of(_relative(file, root))
        keys[i] = store.key(display_name(file), kind.key if kind else "unknown", data, limits)
        parts[i] = store.get(keys[i])
    missing = [i for i, part in enumerate(parts) if part is None]
    for i, part in zip(missing, _load_each(root, [files[i] for i in missing], limits, workers)):
        parts[i] = part
        if i in keys:
            store.put(keys[i], part)
    store.save()
    return _merge(root, [p for p in parts if p is not None])


def _load_each(root: Path, files: list[Path], limits: ReadLimits, workers: int) -> list[Portfolio]:
    """One small portfolio per file, in order; on every core when it pays."""
    if workers <= 1 or len(files) < PARALLEL_MIN_FILES:
        return _load_files(root, files, limits)
    size = -(-len(files) // workers)
    chunks = [files[i:i + size] for i in range(0, len(files), size)]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # "spawn": a fresh interpreter per worker, safe whatever threads run here.
    with ProcessPoolExecutor(len(chunks) - 1, mp_context=multiprocessing.get_context("spawn")) as pool:
        others = [pool.submit(_load_files, root, chunk, limits) for chunk in chunks[1:]]
        parts = _load_files(root, chunks[0], limits)
        for future in others:
            parts += future.result()
    return parts


def _load_files(root: Path, files: list[Path], limits: ReadLimits) -> list[Portfolio]:
    parts = []
    real_root = os.path.realpath(root)
    with _collector_paused():  # in a worker process too
        for file in files:
            part = Portfolio(root=root)
            _load_file(part, file, root, real_root, limits)
            parts.append(part)
    return parts


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


def _load_file(portfolio: Portfolio, file: Path, root: Path, real_root: str, limits: ReadLimits) -> None:
    name = display_name(file)
    kind = kind_of(_relative(file, root))
    problems = portfolio.load_diagnostics
    odd = odd_name(file.name)
    if odd is not None:
        portfolio.files.append(name)
        problems.append(R.UNKNOWN_FILE.at(
            Location(name), Say(f"this file is not read: {odd[0].en}", f"denne filen blir ikke lest: {odd[0].nb}"),
            Say(f"Rename it to {odd[1]} if it holds a record; otherwise move it out of the data folder.",
                f"Gi den navnet {odd[1]} hvis den inneholder en post; ellers flytt den ut av datamappen.")))
        return
    # Links are looked at even outside the record folders: one leading out
    # of the data folder is an error wherever it is.
    data = read_record_bytes(file, real_root, name, limits.max_file_bytes) \
        if kind is not None or os.path.islink(file) else b""
    if data is None:  # a link to a folder that is read at its real place
        return
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
        return
    if kind is None:
        folders = ", ".join(record_folders())
        problems.append(R.UNKNOWN_FILE.at(
            Location(name), Say("this file is not read: it is not in a record folder",
                                "denne filen blir ikke lest: den ligger ikke i en mappe for poster"),
            Say(f"Records belong in {folders}.", f"Poster hører hjemme i {folders}."),
        ))
        return
    result = read_yaml(data, name, limits)
    problems += result.diagnostics
    if result.text is not None:
        portfolio.scanned.add(name)
        portfolio.written_identity_numbers += written_numbers(name, result.text)
    if result.document is None:
        return
    doc = result.document
    if doc.value is None:
        if not result.diagnostics:
            problems.append(R.EMPTY_FILE.at(
                Location(name), Say(f"the file holds no {kind.title}", f"filen inneholder ingen {kind.title_nb}"),
                Say("Add a record or delete the file.", "Legg til en post, eller slett filen."),
            ))
        return
    if result.text is not None:
        portfolio.hidden_identity_numbers += decoded_numbers(doc, name, result.text)
    for path, mapping in _records(doc, kind, name, problems):
        _validate(portfolio, kind, mapping, doc, path, name)
    # The records hold their values now; the document is kept for its
    # positions only (half the memory, and much less to send between processes).
    doc.value = None


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
