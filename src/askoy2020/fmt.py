"""``fmt``: one canonical layout for every record file, comments kept.

Key order follows the model (id, name, … as in docs/format.md; unknown keys
last, in their order), block indentation is two spaces with list dashes
indented under their key, and strings are quoted only where YAML needs it.
The file goes through ruamel.yaml's round-trip mode, which keeps comments,
blank lines and flow style ({2019: 500}) as written.

Two guards make a rewrite safe: the formatted text must read back to the
same values as the original (nothing lost or changed), and must hold every
comment the original held. A file that fails either, or has YAML errors, is
left as it is and reported.
"""

from __future__ import annotations

import io
import itertools
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .core.diagnostics import Diagnostic, Location, Say
from .core.paths import display_name
from .loading import problems as R
from .loading.discover import discover, odd_name
from .loading.files import os_error_nb, read_record_bytes
from .loading.yaml_reader import ReadLimits, read_yaml
from .model.kinds import YAML_SUFFIXES, RecordKind, kind_of
from .model.types import shape
from .writing.round_trip import as_read as _as_read
from .writing.round_trip import comment_places as _comment_places
from .writing.round_trip import comments as _comments
from .writing.round_trip import first_key as _first_key
from .writing.round_trip import put_lines as _put_lines
from .writing.round_trip import quote_invisible as _quote_invisible
from .writing.round_trip import round_trip_yaml as _yaml
from .writing.round_trip import take_lines as _take_lines
from .writing.yaml_text import has_invisible, is_invisible


@dataclass
class FmtResult:
    changed: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed_temp_files: list[str] = field(default_factory=list)  # left by a killed earlier run
    diagnostics: list[Diagnostic] = field(default_factory=list)


def format_folder(root: Path, check: bool = False, limits: ReadLimits = ReadLimits()) -> FmtResult:
    """Format every record file under ``root`` (or, with ``check``, only
    say which would change)."""
    result = FmtResult()
    real_root = os.path.realpath(root)
    folders: set[str] = set()
    for path in discover(root):
        kind = kind_of(path.relative_to(root).as_posix())
        if kind is None or odd_name(path.name):  # not read, so never rewritten
            continue
        _format_file(path, real_root, kind.model, check, limits, result, folders)
    return result


def format_files(paths: list[Path], check: bool = False, limits: ReadLimits = ReadLimits()) -> FmtResult:
    """Format the files and folders given, each file once (a pre-commit
    hook passes the staged files). A file is formatted as the record its
    place says it is (:func:`record_place`); a folder as the records below
    it – read from ``data/`` of its repository when it is inside that,
    else from the folder itself, as :func:`format_folder` does. A file
    named outright that is in no record folder is reported and left."""
    result = FmtResult()
    folders: set[str] = set()
    done: set[str] = set()
    for given in paths:
        found: list[tuple[Path, RecordKind | None]]
        if given.is_dir():
            real, root = Path(os.path.realpath(given)), _data_root_around(given)
            found = [(path, kind_of(inside.relative_to(root).as_posix()) if inside.is_relative_to(root) else None)
                     for path in discover(given) if not odd_name(path.name)
                     for inside in [real / path.relative_to(given)]]
        else:
            place = record_place(given)
            root = place[0] if place else Path(os.path.realpath(given.parent))
            found = [(given, place[1] if place else None)]
        for path, kind in found:
            key = os.path.realpath(path)
            if key in done:
                continue
            done.add(key)
            if kind is None:
                if not given.is_dir():
                    result.diagnostics.append(_not_a_record(display_name(path)))
                continue
            _format_file(path, os.path.realpath(root), kind.model, check, limits, result, folders)
    return result


def _data_root_around(folder: Path) -> Path:
    """``data/`` of the repository when ``folder`` is inside it (fmt
    data/leaders) or holds it (fmt . at the top), else the folder itself."""
    from .core.paths import repository_root

    real = Path(os.path.realpath(folder))
    repository = repository_root(real)
    data = repository / "data" if repository is not None else None
    if data is not None and data.is_dir() and (real.is_relative_to(data) or data.is_relative_to(real)):
        return data
    return real


def record_place(file: Path) -> tuple[Path, RecordKind] | None:
    """The data folder ``file`` belongs to and the kind of record it holds
    there: ``data/`` of the git repository around it when the file is in
    there (what validate reads by default), else the nearest folder above
    the file from which it is in a record folder (``leaders/L-001.yaml``,
    ``programmes/dk/projects/…``). None when there is none, or the name is
    one the loader does not read. The file need not exist (standard input)."""
    from .core.paths import repository_root

    if odd_name(file.name) or not file.name.endswith(YAML_SUFFIXES):
        return None
    absolute = Path(os.path.realpath(file.parent)) / file.name
    repository = repository_root(absolute.parent)
    data = repository / "data" if repository is not None else None
    if data is not None and absolute.is_relative_to(data):
        kind = kind_of(absolute.relative_to(data).as_posix())
        return (data, kind) if kind is not None else None
    for folder in absolute.parents:
        kind = kind_of(absolute.relative_to(folder).as_posix())
        if kind is not None:
            return folder, kind
    return None


def _format_file(path: Path, real_root: str, model: type[BaseModel], check: bool, limits: ReadLimits,
                 result: FmtResult, folders: set[str]) -> None:
    from .writing import remove_stale_temp_files, write_atomic

    folder = os.path.dirname(os.path.realpath(path))
    if not check and folder not in folders and os.path.commonpath([real_root, folder]) == real_root:
        folders.add(folder)  # once per folder: a killed earlier run may have left a temporary file
        result.removed_temp_files += [display_name(p) for p in remove_stale_temp_files(folder)]
    name = display_name(path)
    original = read_record_bytes(path, real_root, name, limits.max_file_bytes)
    if not isinstance(original, bytes):  # a link out of the folder, a pipe …: never rewritten
        result.diagnostics += [original] if original is not None else []
        return
    formatted, problems = format_text(original, name, model, limits)
    result.diagnostics += problems
    if formatted is None or formatted.encode("utf-8") == original:
        result.unchanged += 1
        return
    result.changed.append(name)
    if not check:
        # A link inside the data folder stays a link: its target is
        # rewritten in place (a link out of it was refused above).
        target = Path(os.path.realpath(path))
        try:
            write_atomic(target, formatted)
        except OSError as exc:
            result.diagnostics.append(R.WRITE_FAILED.at(
                Location(name),
                Say(f"could not write the formatted file ({exc.strerror or exc}); it is unchanged",
                    f"kunne ikke skrive den formaterte filen ({os_error_nb(exc)}); den er uendret"),
                Say("Check the free space and that the folder is writable, then run fmt again.",
                    "Kontroller at det er ledig plass og at mappen er skrivbar, og kjør fmt på nytt."),
            ))


def format_stream(data: bytes, name: str, limits: ReadLimits = ReadLimits()) -> tuple[str | None, list[Diagnostic]]:
    """The canonical text of a record read from standard input, its kind
    told by ``name`` – the path it will be saved as (``--stdin-filename``)."""
    place = record_place(Path(name))
    if place is None:
        return None, [_not_a_record(name)]
    return format_text(data, name, place[1].model, limits)


def _not_a_record(name: str) -> Diagnostic:
    return R.FMT_SKIPPED.at(
        Location(name),
        Say("this file is in no record folder of a data folder, so fmt cannot tell which kind of record it holds; "
            "it was left as it is",
            "filen ligger ikke i noen postmappe i en datamappe, så fmt kan ikke vite hva slags post den har; den "
            "ble latt være"),
        Say("Give a file under data/ (e.g. data/leaders/L-001.yaml) or the data folder itself; see docs/format.md "
            "for the folders.",
            "Oppgi en fil under data/ (f.eks. data/leaders/L-001.yaml) eller selve datamappen; se docs/format.md "
            "for mappene."),
    )


def format_text(
    data: bytes, name: str, model: type[BaseModel], limits: ReadLimits = ReadLimits()
) -> tuple[str | None, list[Diagnostic]]:
    """The canonical text, or None and the reasons it cannot be formatted."""
    read = read_yaml(data, name, limits)
    errors = [d for d in read.diagnostics if d.is_error]
    if errors or read.text is None or read.document is None:
        return None, errors
    if not isinstance(read.document.value, (dict, list)):
        # An empty or comment-only file, or a lone scalar: there is no layout
        # to give it (validate says what is wrong), and round-tripping would
        # write "null" and a document end marker into it.
        return read.text, []
    try:
        text = _round_trip(read.text, model)
    except _CannotKeepComments:
        return None, [_skip(name, Say("a comment precedes a key that would come first, so the file was left as it is",
                                      "en kommentar står foran en nøkkel som ville blitt den første, så filen ble "
                                      "latt være"))]
    except Exception as exc:  # ruamel cannot do this file: leave it, never crash
        return None, [_skip(name, Say(f"ruamel.yaml cannot round-trip this file: {exc}".splitlines()[0],
                                      "ruamel.yaml kan ikke lese og skrive denne filen uendret "
                                      f"({type(exc).__name__})"))]
    again = read_yaml(text.encode("utf-8"), name, limits)
    if again.document is None or _as_read(again.document.value) != _as_read(read.document.value):
        return None, [_skip(name, Say("formatting would change a value, so the file was left as it is",
                                      "formateringen ville endret en verdi, så filen ble latt være"))]
    if _invisible_count(text) > _invisible_count(read.text):  # a key or comment fmt cannot escape
        return None, [_skip(name, Say("formatting would write an invisible character as it is, so the file was left",
                                      "formateringen ville skrevet et usynlig tegn som det er, så filen ble latt "
                                      "være"))]
    if sorted(_comments(read.text)) != sorted(_comments(text)):
        return None, [_skip(name, Say("formatting would move a comment out of reach, so the file was left as it is",
                                      "formateringen ville flyttet en kommentar dit den ikke hører hjemme, så filen "
                                      "ble latt være"))]
    first = _first_key(again.document)
    if _comment_places(read.text, read.document, first) != _comment_places(text, again.document, first):
        return None, [_skip(name, Say("formatting would move a comment to another key, so the file was left as it is",
                                      "formateringen ville flyttet en kommentar til en annen nøkkel, så filen ble "
                                      "latt være"))]
    return text, []


def _round_trip(text: str, model: type[BaseModel]) -> str:
    yaml = _yaml()
    tree = yaml.load(text)
    if isinstance(tree, list):
        for item in tree:
            _reorder(item, model)
    else:
        _reorder(tree, model, top=True)
    _quote_invisible(tree)
    out = io.StringIO()
    yaml.dump(tree, out)
    return out.getvalue()


def _invisible_count(text: str) -> int:
    return sum(1 for c in text if is_invisible(c)) if has_invisible(text) else 0


def _skip(name: str, message: Say) -> Diagnostic:
    return R.FMT_SKIPPED.at(Location(name), message,
                            Say("Format it by hand, or report the file as a bug in askoy2020 fmt.",
                                "Formater den for hånd, eller meld filen som en feil i askoy2020 fmt."))


class _CannotKeepComments(Exception):
    """A comment precedes a key that would become the first of its mapping,
    where ruamel keeps no comment of its own: the file is left alone."""


def _reorder(node: Any, model: type[BaseModel], top: bool = False) -> None:
    from ruamel.yaml.comments import CommentedMap

    if not isinstance(node, CommentedMap):
        return
    order = list(model.model_fields)
    keys = list(node.keys())
    wanted = [k for k in order if k in node] + [k for k in keys if k not in order]
    if wanted != keys:
        # ruamel keeps the lines before a key (comments, blank lines) at the
        # end of the value before it, however deep that value ends. Take
        # them off there, and put them back before the same key.
        before = {key: _take_lines(node, previous) for previous, key in itertools.pairwise(keys)}
        after = _take_lines(node, keys[-1])  # the lines after the mapping
        first_lines = before.get(wanted[0])
        if first_lines is not None and not top:
            raise _CannotKeepComments  # ruamel keeps those in the parent: not worth the risk
        values = {k: node[k] for k in keys}
        comments = {k: node.ca.items.get(k) for k in keys}
        for key in keys:
            del node[key]
        for key in wanted:
            node[key] = values[key]
            if comments[key] is not None:
                node.ca.items[key] = comments[key]
        for previous, key in itertools.pairwise(wanted):
            _put_lines(node, previous, before.get(key))
        _put_lines(node, wanted[-1], after)
        if first_lines is not None:  # at the top of the file, below any comment that heads it
            if node.ca.comment is None:
                node.ca.comment = [None, []]
            elif node.ca.comment[1] is None:
                node.ca.comment[1] = []
            node.ca.comment[1].append(first_lines)
    for key, info in model.model_fields.items():
        if key not in node:
            continue
        nested, many = shape(info.annotation).record_model()
        if nested is None:
            continue
        if many and isinstance(node[key], list):
            for item in node[key]:
                _reorder(item, nested)
        else:
            _reorder(node[key], nested)


