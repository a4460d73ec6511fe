"""Round-trip YAML: rewrite a file people edit and keep what they wrote.

ruamel.yaml's round-trip mode keeps comments, blank lines and flow style
({2019: 500}); the configuration here also keeps every plain number as it
was spelled and writes invisible characters as escapes. ``fmt`` lays whole
files out with it and ``import actuals`` sets one figure in a project file
with it; both check the result with :func:`as_read` (no value changed that
should not) and :func:`comment_places` (every comment still beside the key
it was written for).
"""

from __future__ import annotations

import copy
import functools
import re
from typing import Any

from .yaml_text import escape_invisible, has_invisible

LINE_WIDTH = 4096
"""Never re-wrap a long line (the editor's formatter is told the same)."""


def round_trip_yaml() -> Any:
    """ruamel.yaml in round-trip mode with askoy2020's layout: two-space
    indentation, list dashes indented under their key (a file that is a
    list keeps them at the margin), no line re-wrapped."""
    yaml = _margin_yaml()(typ="rt")
    yaml.Emitter = _escaping_emitter()
    yaml.Constructor, yaml.Representer = _verbatim_numbers()
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = LINE_WIDTH
    yaml.preserve_quotes = False
    yaml.version = None
    return yaml


def quote_invisible(node: Any) -> None:
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
                quote_invisible(value)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            if isinstance(value, str) and has_invisible(value):
                node[index] = DoubleQuotedScalarString(value)
            else:
                quote_invisible(value)


@functools.cache
def _margin_yaml() -> type:
    """ruamel's YAML, but a file that is a list with its dashes at the
    margin – as the editor's formatter (prettier, in VS Code's YAML
    extension) and :mod:`.yaml_text` write one, and as a list made in
    memory is written – keeps them there: ruamel indents the dashes of the
    top list like those of a nested one, and ``fmt`` and the editor would
    then rewrite each other's files. Every line of such a document sits at
    least two spaces in, so moving all of them two to the left keeps block
    scalars and nesting as they were. A file written with indented dashes
    keeps them too (``import actuals`` changes one figure, not the
    layout), and the editor's formatter moves them to the margin, where
    ``fmt`` leaves them."""
    from ruamel.yaml import YAML

    class MarginYAML(YAML):
        def dump(self, data: Any, stream: Any = None, *, transform: Any = None) -> Any:
            if transform is None and isinstance(data, list) and _dashes_read_at(data) == 0:
                transform = _to_margin
                # ruamel puts a comment at the end of a line in the column it
                # was read from; the lines move two to the left afterwards.
                _shift_comments(data, 2, set())
            return super().dump(data, stream, transform=transform)

    return MarginYAML


def _dashes_read_at(data: Any) -> int:
    """The column of the list's first dash as read; 0 for one made here."""
    column = getattr(getattr(data, "lc", None), "col", None)
    return column if isinstance(column, int) else 0


def _to_margin(text: str) -> str:
    # Split at "\n" only: str.splitlines would also split inside a scalar
    # holding U+2028 or U+0085.
    return "\n".join(line[2:] if line.startswith("  ") else line for line in text.split("\n"))


def _indent_comment(line: str, by: int) -> str:
    if not line.lstrip(" ").startswith("#"):
        return line
    spaces = len(line) - len(line.lstrip(" "))
    return " " * max(0, spaces + by) + line.lstrip(" ")


def _shift_comments(node: Any, by: int, seen: set[int]) -> None:
    """Move every comment ``by`` columns, so that after :func:`_to_margin`
    each stands where it stood: ruamel writes one after a value in the
    column it was read from, and the lines that follow it as the text they
    were, spaces and all."""
    from ruamel.yaml.comments import CommentedBase
    from ruamel.yaml.tokens import CommentToken

    if by == 0 or id(node) in seen:
        return
    seen.add(id(node))

    def tokens(slot: Any) -> Any:
        if isinstance(slot, CommentToken):
            yield slot
        elif isinstance(slot, (list, tuple)):
            for part in slot:
                yield from tokens(part)

    if isinstance(node, CommentedBase):
        ca = node.ca
        for token in tokens([ca.comment, list(ca.items.values()), ca.end]):
            if token.value.startswith("#") and token.start_mark is not None:
                token.start_mark = copy.copy(token.start_mark)  # marks may be shared
                token.start_mark.column = max(0, token.start_mark.column + by)
            first, *rest = token.value.split("\n")
            token.value = "\n".join([first, *(_indent_comment(line, by) for line in rest)])
    children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
    for child in children:
        _shift_comments(child, by, seen)


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


def as_read(value: Any) -> Any:
    """The values as the model reads them: a number keeps its spelling
    (``+12`` and ``12`` are different text in a text field), and text,
    numbers, dates and booleans never compare equal to each other."""
    if isinstance(value, dict):
        return {as_read(k): as_read(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_read(v) for v in value]
    return type(value).__name__, getattr(value, "raw", None), repr(value)


def comments(text: str) -> list[str]:
    """Comment texts (a '#' outside quotes, roughly: good enough to compare
    a file with its own reformatting)."""
    return [comment for _, comment, _ in comment_lines(text)]


def comment_lines(text: str) -> list[tuple[int, str, bool]]:
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


def first_key(document: Any) -> Any:
    marks = _marks(document)
    return marks[0][3] if marks else None


def comment_places(text: str, document: Any, first: Any) -> list[tuple[str, Any]]:
    """Each comment with the key or list item it belongs to: the one on its
    line for a comment that ends a line, else the first one after it ("end"
    below the last). Above the formatted file's ``first`` key, a comment
    is "start": a comment heading the file stays at its head, and one that
    preceded the key now first is above it. Reordering keys must keep every
    pair."""
    marks = _marks(document)
    places: list[tuple[str, Any]] = []
    for number, comment, ends_line in comment_lines(text):
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


def _tail(container: Any, key: Any) -> tuple[dict[Any, Any], Any, int]:
    """Where ruamel keeps the lines after ``container[key]``: the comment
    slot of the last scalar of its value (descending into block mappings
    and lists, whose end is the end of their last item)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    value = container[key]
    if isinstance(value, (CommentedMap, CommentedSeq)) and value and not value.fa.flow_style():
        return _tail(value, list(value.keys())[-1] if isinstance(value, CommentedMap) else len(value) - 1)
    return container.ca.items, key, (0 if isinstance(container, CommentedSeq) else 2)


def take_lines(container: Any, key: Any) -> Any:
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


def put_lines(container: Any, key: Any, lines: Any) -> None:
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
