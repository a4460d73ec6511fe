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

import copy
import functools
import io
import itertools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .core.diagnostics import Diagnostic, Location
from .core.paths import display_name
from .loading import problems as R
from .loading.discover import discover, odd_name
from .loading.files import read_record_bytes
from .loading.yaml_reader import ReadLimits, read_yaml
from .model.kinds import kind_of
from .model.types import shape
from .writing.yaml_text import escape_invisible, has_invisible, is_invisible


@dataclass
class FmtResult:
    changed: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed_temp_files: list[str] = field(default_factory=list)  # left by a killed earlier run
    diagnostics: list[Diagnostic] = field(default_factory=list)


def format_folder(root: Path, check: bool = False, limits: ReadLimits = ReadLimits()) -> FmtResult:
    """Format every record file under ``root`` (or, with ``check``, only
    say which would change)."""
    from .writing import remove_stale_temp_files, write_atomic

    result = FmtResult()
    real_root = os.path.realpath(root)
    folders: set[str] = set()
    for path in discover(root):
        kind = kind_of(path.relative_to(root).as_posix())
        if kind is None or odd_name(path.name):  # not read, so never rewritten
            continue
        folder = os.path.dirname(os.path.realpath(path))
        if not check and folder not in folders and os.path.commonpath([real_root, folder]) == real_root:
            folders.add(folder)  # once per folder: a killed earlier run may have left a temporary file
            result.removed_temp_files += [display_name(p) for p in remove_stale_temp_files(folder)]
        name = display_name(path)
        original = read_record_bytes(path, real_root, name, limits.max_file_bytes)
        if not isinstance(original, bytes):  # a link out of the folder, a pipe …: never rewritten
            result.diagnostics += [original] if original is not None else []
            continue
        formatted, problems = format_text(original, name, kind.model, limits)
        result.diagnostics += problems
        if formatted is None or formatted.encode("utf-8") == original:
            result.unchanged += 1
            continue
        result.changed.append(name)
        if not check:
            # A link inside the data folder stays a link: its target is
            # rewritten in place (a link out of it was refused above).
            target = Path(os.path.realpath(path))
            try:
                write_atomic(target, formatted)
            except OSError as exc:
                result.diagnostics.append(R.WRITE_FAILED.at(
                    Location(name), f"could not write the formatted file ({exc.strerror or exc}); it is unchanged",
                    "Check the free space and that the folder is writable, then run fmt again.",
                ))
    return result


def format_text(
    data: bytes, name: str, model: type[BaseModel], limits: ReadLimits = ReadLimits()
) -> tuple[str | None, list[Diagnostic]]:
    """The canonical text, or None and the reasons it cannot be formatted."""
    read = read_yaml(data, name, limits)
    errors = [d for d in read.diagnostics if d.is_error]
    if errors or read.text is None or read.document is None:
        return None, errors
    try:
        text = _round_trip(read.text, model)
    except _CannotKeepComments:
        return None, [_skip(name, "a comment precedes a key that would come first, so the file was left as it is")]
    except Exception as exc:  # ruamel cannot do this file: leave it, never crash
        return None, [_skip(name, f"ruamel.yaml cannot round-trip this file: {exc}".splitlines()[0])]
    again = read_yaml(text.encode("utf-8"), name, limits)
    if again.document is None or _as_read(again.document.value) != _as_read(read.document.value):
        return None, [_skip(name, "formatting would change a value, so the file was left as it is")]
    if _invisible_count(text) > _invisible_count(read.text):  # a key or comment fmt cannot escape
        return None, [_skip(name, "formatting would write an invisible character as it is, so the file was left")]
    if sorted(_comments(read.text)) != sorted(_comments(text)):
        return None, [_skip(name, "formatting would move a comment out of reach, so the file was left as it is")]
    first = _first_key(again.document)
    if _comment_places(read.text, read.document, first) != _comment_places(text, again.document, first):
        return None, [_skip(name, "formatting would move a comment to another key, so the file was left as it is")]
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


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.Emitter = _escaping_emitter()
    yaml.Constructor, yaml.Representer = _verbatim_numbers()
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # never re-wrap a long line
    yaml.preserve_quotes = False
    yaml.version = None
    return yaml


def _quote_invisible(node: Any) -> None:
    """Every text value holding an invisible character (U+200B, U+00AD,
    U+2028, a control …) is written double-quoted, where the emitter writes
    such characters as escapes. Keys are left; the guard catches one that
    would be written with an invisible character."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(value, str) and has_invisible(value):
                node[key] = DoubleQuotedScalarString(value)
            else:
                _quote_invisible(value)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            if isinstance(value, str) and has_invisible(value):
                node[index] = DoubleQuotedScalarString(value)
            else:
                _quote_invisible(value)


@functools.cache
def _verbatim_numbers() -> tuple[type, type]:
    """A round-trip constructor and representer that keep every plain number
    as it was spelled: ``+12``, ``-017``, ``+.5E-1`` and ``1e-0`` are text
    to a text field (core/scalars.py keeps the source text), and ruamel
    would write them as ``12``, ``-17`` …"""
    from ruamel.yaml.constructor import RoundTripConstructor
    from ruamel.yaml.representer import RoundTripRepresenter

    class Verbatim(str):
        tag: str

    class VerbatimConstructor(RoundTripConstructor):
        def construct_verbatim(self, node: Any) -> Any:
            if node.style is not None:  # not plain: ruamel's own reading
                return self.construct_yaml_int(node) if node.tag.endswith("int") else self.construct_yaml_float(node)
            value = Verbatim(node.value)
            value.tag = node.tag
            return value

    class VerbatimRepresenter(RoundTripRepresenter):
        def represent_verbatim(self, data: Any) -> Any:
            return self.represent_scalar(data.tag, str(data))

    for tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float"):
        VerbatimConstructor.add_constructor(tag, VerbatimConstructor.construct_verbatim)
    VerbatimRepresenter.add_representer(Verbatim, VerbatimRepresenter.represent_verbatim)
    return VerbatimConstructor, VerbatimRepresenter


@functools.cache
def _escaping_emitter() -> type:
    """ruamel's round-trip emitter, but a double-quoted scalar never holds an
    invisible character literally: ruamel escapes only U+0085, U+2028,
    U+2029 and U+FEFF, and writes U+200B or U+00AD as they are."""
    from ruamel.yaml.emitter import RoundTripEmitter

    class _Escaping:
        def __init__(self, stream: Any) -> None:
            self.stream = stream

        def write(self, data: Any) -> Any:
            return self.stream.write(escape_invisible(data) if isinstance(data, str) else data)

    class EscapingEmitter(RoundTripEmitter):
        def write_double_quoted(self, text: Any, split: Any = True) -> None:
            stream = self.stream
            self.stream = _Escaping(stream)
            try:
                super().write_double_quoted(text, split)
            finally:
                self.stream = stream

    return EscapingEmitter


def _as_read(value: Any) -> Any:
    """The values as the model reads them: a number keeps its spelling
    (``+12`` and ``12`` are different text in a text field), and text,
    numbers, dates and booleans never compare equal to each other."""
    if isinstance(value, dict):
        return {_as_read(k): _as_read(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_read(v) for v in value]
    return type(value).__name__, getattr(value, "raw", None), repr(value)


def _invisible_count(text: str) -> int:
    return sum(1 for c in text if is_invisible(c)) if has_invisible(text) else 0


def _skip(name: str, message: str) -> Diagnostic:
    return R.FMT_SKIPPED.at(Location(name), message,
                      "Format it by hand, or report the file as a bug in askoy2020 fmt.")


def _comments(text: str) -> list[str]:
    """Comment texts (a '#' outside quotes, roughly: good enough to compare
    a file with its own reformatting)."""
    return [comment for _, comment, _ in _comment_lines(text)]


def _comment_lines(text: str) -> list[tuple[int, str, bool]]:
    """(line, comment, whether it ends a line of data) for each comment."""
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if stripped.startswith("#"):
            found.append((number, stripped, False))
        elif " #" in line and not re.search(r"""["'][^"']*\s#""", line):
            found.append((number, line[line.index(" #") + 1:].strip(), True))
    return found


def _marks(document: Any) -> list[tuple[int, int, int, Any]]:
    """(line, column, depth, path) of every key and list item, in file order."""
    value_marks, key_marks = document.positions()
    return sorted(
        (line, column, len(path), path)
        for path, (line, column) in [*key_marks.items(),
                                     *((p, m) for p, m in value_marks.items() if p and isinstance(p[-1], int))]
    )


def _first_key(document: Any) -> Any:
    marks = _marks(document)
    return marks[0][3] if marks else None


def _comment_places(text: str, document: Any, first: Any) -> list[tuple[str, Any]]:
    """Each comment with the key or list item it belongs to: the one on its
    line for a comment that ends a line, else the first one after it ("end"
    below the last). Above the formatted file's ``first`` key, a comment
    is "start": a comment heading the file stays at its head, and one that
    preceded the key now first is above it. Reordering keys must keep every
    pair."""
    marks = _marks(document)
    places: list[tuple[str, Any]] = []
    for number, comment, ends_line in _comment_lines(text):
        if ends_line:
            same = [mark for mark in marks if mark[0] == number]
            places.append((comment, same[-1][3] if same else "end"))
        elif marks and number < marks[0][0]:
            places.append((comment, "start"))
        else:
            following = [mark for mark in marks if mark[0] > number]
            path = following[0][3] if following else "end"
            places.append((comment, "start" if path == first else path))
    return sorted(places, key=repr)


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


def _tail(container: Any, key: Any) -> tuple[dict[Any, Any], Any, int]:
    """Where ruamel keeps the lines after ``container[key]``: the comment
    slot of the last scalar of its value (descending into block mappings
    and lists, whose end is the end of their last item)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    value = container[key]
    if isinstance(value, (CommentedMap, CommentedSeq)) and value and not value.fa.flow_style():
        return _tail(value, list(value.keys())[-1] if isinstance(value, CommentedMap) else len(value) - 1)
    return container.ca.items, key, (0 if isinstance(container, CommentedSeq) else 2)


def _take_lines(container: Any, key: Any) -> Any:
    """Remove and return the lines that follow ``container[key]``'s own
    line (as a comment token), or None."""
    items, where, slot = _tail(container, key)
    entry: Any = items.get(where)
    token = entry[slot] if entry and len(entry) > slot else None
    if token is None:
        return None
    own, newline, rest = token.value.partition("\n")
    if not rest:
        return None
    token.value = own + newline
    if not own.strip():
        entry[slot] = None  # it was only the line break before the lines
    moved = copy.copy(token)
    moved.value = rest
    return moved


def _put_lines(container: Any, key: Any, lines: Any) -> None:
    if lines is None:
        return
    items, where, slot = _tail(container, key)
    entry: Any = items.get(where)
    token = entry[slot] if entry and len(entry) > slot else None
    if token is not None:
        token.value += lines.value
        return
    lines.value = "\n" + lines.value
    if entry is None:
        items[where] = entry = [None, None, None, None]
    entry[slot] = lines
