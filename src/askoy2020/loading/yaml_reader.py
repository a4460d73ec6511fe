"""Read one YAML file into plain values plus the position of every value.

This is the only module that talks to a YAML parser. It consumes the
parser's *event stream* and builds the values itself, which gives us, in one
pass and without recursion:

* the line and column of every key and value (``Document.where``),
* duplicate keys, unknown tags, merge keys and several documents reported as
  diagnostics instead of being silently resolved,
* limits on nesting depth and alias expansion ("billion laughs"),
* YAML 1.2 core-schema scalars (see :mod:`.scalars`).

Nothing here raises for bad input: every problem becomes a ``Diagnostic``.
Most files take the fast path in :mod:`.fast_values` (values only); this
builder reads the rest, and the fast-path files again when a position is
asked for.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..core import bokmal as nb
from ..core.diagnostics import Diagnostic, Location, Say
from ..core.scalars import CORE, ScalarError, resolve_plain, resolve_tagged
from . import fast_values, native
from . import problems as R
from .yaml_messages import context_nb, problem_nb

Path = tuple[Any, ...]


@dataclass(frozen=True)
class ReadLimits:
    """What one file may hold. Beyond a limit the file is a diagnostic
    (ASK005), never a MemoryError or RecursionError. Each can be set with
    an environment variable (:data:`LIMIT_VARIABLES`); docs/robustness.md
    lists them."""

    max_file_bytes: int = 5_000_000
    max_depth: int = 64
    max_nodes: int = 200_000  # values after alias expansion, per file

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> ReadLimits:
        """The defaults, changed by any ASKOY2020_MAX_* variable that is set.
        Raises ValueError with a message for the user on a bad value."""
        env = os.environ if environ is None else environ
        changes: dict[str, int] = {}
        for name, variable in LIMIT_VARIABLES.items():
            raw = env.get(variable, "").strip().replace("_", "")
            if not raw:
                continue
            if not raw.isdigit() or int(raw) < 1:
                raise ValueError(f"{variable}={env[variable]!r} is not a positive whole number")
            changes[name] = int(raw)
        if changes.get("max_depth", 0) > 10_000:  # deeper would reach Python's own limits elsewhere
            raise ValueError(f"{LIMIT_VARIABLES['max_depth']} may be at most 10000")
        return cls(**changes)


LIMIT_VARIABLES = {
    "max_file_bytes": "ASKOY2020_MAX_FILE_BYTES",
    "max_depth": "ASKOY2020_MAX_DEPTH",
    "max_nodes": "ASKOY2020_MAX_VALUES",
}


@dataclass
class Document:
    """The values of one file and where each was written (1-based).

    A document read by the fast path (:mod:`.fast_values`) keeps its text
    in ``source`` instead of positions; the first question about a position
    reads the text again with the full builder. Only files with a finding
    are ever asked, so most files are read once."""

    value: Any
    value_marks: dict[Path, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Path, tuple[int, int]] = field(default_factory=dict)
    source: tuple[str, str, ReadLimits] | None = None  # (text, file, limits) while positions are unread

    def where(self, path: Path) -> tuple[int, int]:
        """Position of the value at ``path``, or of its nearest ancestor
        (a missing key is reported at the mapping that lacks it)."""
        marks = self.positions()[0]
        path = self._as_written(path, marks)
        while path not in marks and path:
            path = path[:-1]
        return marks.get(path, (1, 1))

    def where_key(self, path: Path) -> tuple[int, int]:
        path = self._as_written(path, self.positions()[0])
        return self.positions()[1].get(path) or self.where(path)

    def _as_written(self, path: Path, marks: dict[Path, tuple[int, int]]) -> Path:
        """``path`` with each key as this document holds it: Pydantic names a
        key that is not text by its text ('None', '1.5'), an id field by the
        source text ('1.50', '0x1F'), where the document has None, 1.5, 31.
        Only the marks are asked: the loader drops the values once read."""
        for n in range(len(path)):
            if path[: n + 1] in marks:
                continue
            head, part = path[:n], path[n]
            written = [p[n] for p in marks if len(p) == n + 1 and p[:n] == head and part in _spellings(p[n])]
            if not written:
                break
            path = head + (written[0],) + path[n + 1:]
        return path

    def positions(self) -> tuple[dict[Path, tuple[int, int]], dict[Path, tuple[int, int]]]:
        if self.source is not None:
            text, file, limits = self.source
            builder = _Builder(file, limits)
            # The fast path read this text cleanly, so the builder cannot stop
            # early; were it ever to, positions fall back to the file's start.
            with contextlib.suppress(Exception):
                builder.feed(_event_source("auto")[0](text))
            self.value_marks, self.key_marks = builder.doc.value_marks, builder.doc.key_marks
            self.source = None
        return self.value_marks, self.key_marks


def _spellings(key: Any) -> set[str]:
    """The texts a non-text key goes by in a Pydantic loc or an id field."""
    if isinstance(key, str):
        return set()
    names = {str(key), repr(key), getattr(key, "raw", str(key))}
    if isinstance(key, bool):
        names.add(str(key).lower())
    return names


@dataclass
class ReadResult:
    file: str
    text: str | None = None
    document: Document | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)


class _Abort(Exception):
    """Stop building a file after a problem that makes the rest meaningless."""


@dataclass
class _Frame:
    container: dict[Any, Any] | list[Any]
    path: Path
    anchor: str | None
    size: int = 1
    key: Any = None
    has_key: bool = False
    skip_value: bool = False  # the value of a duplicate key is ignored


_SURROGATE = re.compile("[\ud800-\udfff]")

# Event class -> its kind ("Scalar", "MappingStart", …), filled as met.
_EVENT_KINDS: dict[type, str] = {}


class _Builder:
    def __init__(self, file: str, limits: ReadLimits) -> None:
        self.file = file
        self.limits = limits
        self.doc = Document(value=None)
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.diagnostics: list[Diagnostic] = []
        self.documents = 0
        self.total = 0

    def problem(
        self, rule: R.LoadRule, mark: Any, message: Say, hint: Say, related: tuple[Location, ...] = ()
    ) -> None:
        self.diagnostics.append(rule.at(self.loc(mark), message, hint, related))

    def loc(self, mark: Any) -> Location:
        return Location(self.file, mark.line + 1, mark.column + 1)

    # -- events ---------------------------------------------------------
    def feed(self, events: Iterable[Any]) -> None:
        kinds = _EVENT_KINDS
        for event in events:
            cls = type(event)
            kind = kinds.get(cls)
            if kind is None:  # once per event class of each parser
                kind = kinds[cls] = cls.__name__.removesuffix("Event")
            if kind == "Scalar":
                self.add(self.scalar(event), event.start_mark, event.anchor, 1)
            elif kind in ("MappingStart", "SequenceStart"):
                self.check_tag(event, "map" if kind == "MappingStart" else "seq")
                self.open({} if kind == "MappingStart" else [], event)
            elif kind in ("MappingEnd", "SequenceEnd"):
                self.close()
            elif kind == "Alias":
                self.alias(event)
            elif kind == "DocumentStart":
                self.documents += 1
                if self.documents > 1:
                    self.problem(
                        R.UNSUPPORTED_YAML, event.start_mark,
                        Say("the file holds more than one YAML document", "filen inneholder mer enn ett YAML-dokument"),
                        Say("Keep one document per file: a single record, or a list of records.",
                            "Ha ett dokument per fil: én post, eller en liste med poster."),
                    )
                    raise _Abort

    def scalar(self, event: Any) -> Any:
        if _SURROGATE.search(event.value):  # ruamel lets "\ud800" through; libyaml does not
            self.problem(
                R.YAML_SYNTAX, event.start_mark,
                Say("a \\u escape stands for half of a character (a lone surrogate)",
                    "en \\u-escape står for et halvt tegn (et surrogat uten sin andre halvdel)"),
                Say("Write the character itself, or its full \\U escape.",
                    "Skriv selve tegnet, eller hele \\U-escape-sekvensen."),
            )
            raise _Abort
        tag = str(event.tag) if event.tag is not None else None
        if tag in (None, "!"):
            plain = not event.style and bool(event.implicit[0])  # libyaml says '', ruamel None
            try:
                return resolve_plain(event.value) if plain else event.value
            except ScalarError as exc:
                self.problem(R.UNSUPPORTED_YAML, event.start_mark, exc.say,
                             Say("Write a smaller number.", "Skriv et mindre tall."))
                return event.value
        try:
            return resolve_tagged(tag, event.value)
        except ScalarError as exc:
            self.problem(R.UNSUPPORTED_YAML, event.start_mark, exc.say, _NO_TAGS)
            return event.value

    def check_tag(self, event: Any, kind: str) -> None:
        tag = str(event.tag) if event.tag is not None else None
        if tag not in (None, "!", CORE + kind):
            self.problem(R.UNSUPPORTED_YAML, event.start_mark, Say(f"unknown tag {tag!r}", f"ukjent tag {tag!r}"),
                         _NO_TAGS)

    def child_path(self) -> Path:
        if not self.stack:
            return ()
        top = self.stack[-1]
        if isinstance(top.container, list):
            return top.path + (len(top.container),)
        return top.path + (top.key,)

    def open(self, container: dict[Any, Any] | list[Any], event: Any) -> None:
        if self.stack and isinstance(self.stack[-1].container, dict) and not self.stack[-1].has_key:
            self.problem(
                R.YAML_SYNTAX, event.start_mark, _KEY_NOT_PLAIN,
                Say("Keys must be plain words such as 'name' or years such as 2020.",
                    "Nøkler må være enkle ord som «name» eller årstall som 2020."),
            )
            raise _Abort
        if len(self.stack) >= self.limits.max_depth:
            self.problem(
                R.LIMIT_EXCEEDED, event.start_mark,
                Say(f"nesting is deeper than {self.limits.max_depth} levels",
                    f"strukturen har flere enn {self.limits.max_depth} nivåer"),
                Say("Records are at most a few levels deep; check the indentation.",
                    "En post har bare noen få nivåer; kontroller innrykket."),
            )
            raise _Abort
        path = self.child_path()
        self.attach(container, event.start_mark, path)
        self.stack.append(_Frame(container, path, event.anchor))

    def close(self) -> None:
        frame = self.stack.pop()
        if frame.anchor is not None:
            self.anchors[frame.anchor] = (frame.container, frame.size)
        if self.stack:
            self.stack[-1].size += frame.size

    def alias(self, event: Any) -> None:
        if event.anchor not in self.anchors:
            self.problem(
                R.YAML_SYNTAX, event.start_mark,
                Say(f"unknown alias *{event.anchor}", f"ukjent alias *{event.anchor}"),
                Say("Define the anchor (&name) before using it.", "Definer ankeret (&navn) før du bruker det."),
            )
            raise _Abort
        value, size = self.anchors[event.anchor]
        self.add(value, event.start_mark, None, size)

    def add(self, value: Any, mark: Any, anchor: str | None, size: int) -> None:
        self.total += size
        if self.total > self.limits.max_nodes:
            self.problem(
                R.LIMIT_EXCEEDED, mark,
                Say(f"the file expands to more than {self.limits.max_nodes} values",
                    f"filen blir til mer enn {nb.count(self.limits.max_nodes, 'verdi', 'verdier')} når aliasene "
                    "er satt inn"),
                Say("Aliases (*name) may repeat a value only a few times; write the data out.",
                    "Et alias (*navn) kan bare gjenta en verdi noen få ganger; skriv dataene ut i sin helhet."),
            )
            raise _Abort
        if self.stack and isinstance(self.stack[-1].container, dict) and not self.stack[-1].has_key:
            self.key(value, mark)
            return
        self.attach(value, mark, self.child_path())
        if anchor is not None:
            self.anchors[anchor] = (value, size)
        if self.stack:
            self.stack[-1].size += size

    def key(self, key: Any, mark: Any) -> None:
        top = self.stack[-1]
        assert isinstance(top.container, dict)
        if isinstance(key, (dict, list)):
            self.problem(R.YAML_SYNTAX, mark, _KEY_NOT_PLAIN, Say("Use plain keys.", "Bruk enkle nøkler."))
            raise _Abort
        top.key, top.has_key, top.skip_value = key, True, False
        path = top.path + (key,)
        if key == "<<":
            self.problem(
                R.UNSUPPORTED_YAML, mark, Say("merge keys (<<) are not supported", "flettenøkler (<<) støttes ikke"),
                Say("Write the keys out in each record; merges hide values from reviewers.",
                    "Skriv nøklene ut i hver post; fletting skjuler verdier for dem som går gjennom endringene."),
            )
            top.skip_value = True
        elif key in top.container:
            first = self.doc.key_marks.get(path, (1, 1))
            self.problem(
                R.DUPLICATE_KEY, mark,
                Say(f"key '{key}' appears twice in the same mapping", f"nøkkelen «{key}» står to ganger i samme blokk"),
                Say(f"Remove one of them; the first is on line {first[0]}.",
                    f"Fjern den ene; den første står på linje {first[0]}."),
                (Location(self.file, *first),),
            )
            top.skip_value = True
        else:
            self.doc.key_marks[path] = (mark.line + 1, mark.column + 1)

    def attach(self, value: Any, mark: Any, path: Path) -> None:
        if not self.stack:
            self.doc.value = value
            self.doc.value_marks[()] = (mark.line + 1, mark.column + 1)
            return
        top = self.stack[-1]
        if isinstance(top.container, list):
            top.container.append(value)
        else:
            top.has_key = False
            if top.skip_value:
                return
            top.container[top.key] = value
        # A block mapping or list is reported at its key ("goals:"), not at
        # its first item, which is where the reader expects to look.
        where = self.doc.key_marks.get(path) if isinstance(value, (dict, list)) else None
        self.doc.value_marks.setdefault(path, where or (mark.line + 1, mark.column + 1))


def _decode(data: bytes, file: str) -> tuple[str | None, list[Diagnostic]]:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # editors on Windows write a BOM; it is harmless
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        return None, [
            R.ENCODING.at(
                Location(file, line, column),
                Say(f"the file is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})",
                    f"filen er ikke UTF-8-tekst (byte 0x{data[exc.start]:02x} på plass {exc.start})"),
                Say("Save the file as UTF-8 (æ, ø and å then work everywhere).",
                    "Lagre filen som UTF-8 (da fungerer æ, ø og å overalt)."),
            )
        ]


def _parser_problem(exc: Exception, file: str, text: str) -> Diagnostic:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    if "end of stream" in str(problem) and getattr(exc, "context_mark", None) is not None:
        mark = exc.context_mark  # type: ignore[attr-defined]  # where the unclosed quote or bracket opened
    context = getattr(exc, "context", None)
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    rule = R.YAML_SYNTAX
    hint = Say("Check the indentation and the quoting on this line and the one above.",
               "Kontroller innrykket og anførselstegnene på denne linjen og linjen over.")
    if "\\t" in str(problem) or "tab" in str(problem):
        hint = Say("YAML indentation must use spaces, not tabs.",
                   "Innrykk i YAML skal være mellomrom, ikke tabulatortegn.")
    if "depth" in str(problem):  # libyaml's own nesting limit
        rule = R.LIMIT_EXCEEDED
        hint = Say("Records are at most a few levels deep; check the brackets and the indentation.",
                   "En post har bare noen få nivåer; kontroller parentesene og innrykket.")
    said = Say(str(problem), problem_nb(str(problem)))
    if type(exc).__name__ == "ReaderError":
        rule = R.ENCODING
        hint = Say("Remove the control character; records hold printable text only.",
                   "Fjern kontrolltegnet; en post kan bare inneholde synlige tegn.")
        position = getattr(exc, "position", None)
        char = getattr(exc, "character", "?")
        code = char if isinstance(char, int) else ord(char[:1] or "?")
        said = Say(f"the control character U+{code:04X} is not allowed", f"kontrolltegnet U+{code:04X} er ikke tillatt")
        if isinstance(position, int):
            before = text[:position]
            line, column = before.count("\n") + 1, position - (before.rfind("\n") + 1) + 1
    context_said = context_nb(str(context)) if context else None
    message = Say(f"YAML cannot be read: {said.en}" + (f" ({context})" if context else ""),
                  f"YAML-teksten kan ikke leses: {said.nb}" + (f" ({context_said})" if context_said else ""))
    return rule.at(Location(file, line, column), message, hint)


# Line breaks to YAML (libyaml and ruamel alike), invisible to grep, git diff
# and most editors. Each is checked here, in the text every reader path and
# fmt pass through; the escape "\u2028" in a quoted text is not matched.
_HIDDEN_BREAKS = re.compile("[\u2028\u2029\x85]")
_EDITOR_BREAKS = re.compile("\r\n|\r|\n")
_HIDDEN_NAMES = {"\u2028": Say("line separator", "linjeskilletegn"),
                 "\u2029": Say("paragraph separator", "avsnittsskilletegn"),
                 "\x85": Say("next line", "neste linje, NEL")}


def _hidden_line_breaks(text: str, file: str) -> list[Diagnostic]:
    """ASK014 for each U+2028, U+2029 and U+0085, at the line and column an
    editor shows (counting only CR, LF and CRLF as line breaks)."""
    # The usual case: three plain scans for a character, nothing found (a
    # character-class search is several times slower over a large folder).
    if "\u2028" not in text and "\u2029" not in text and "\x85" not in text:
        return []
    found: list[Diagnostic] = []
    for number, line in enumerate(_EDITOR_BREAKS.split(text), start=1):
        for match in _HIDDEN_BREAKS.finditer(line):
            char = match.group()
            name, escape = _HIDDEN_NAMES[char], f"\"\\u{ord(char):04x}\""
            found.append(R.HIDDEN_LINE_BREAK.at(
                Location(file, number, match.start() + 1),
                Say(f"the invisible character U+{ord(char):04X} ({name.en}) is a line break to YAML",
                    f"det usynlige tegnet U+{ord(char):04X} ({name.nb}) er et linjeskift for YAML"),
                Say(f"Delete it (or replace it with a space); in a quoted text write the escape {escape} if it is "
                    "meant.",
                    f"Slett det (eller bytt det ut med et mellomrom); i en tekst i anførselstegn kan du skrive "
                    f"escape-sekvensen {escape} hvis tegnet er ment."),
            ))
    return found


# After one of these the document is not trusted, whatever else was read.
_UNREADABLE = frozenset(rule.id for rule in (R.YAML_SYNTAX, R.ENCODING, R.LIMIT_EXCEEDED))


@functools.cache
def _event_source(parser: str) -> tuple[Callable[[str], Iterable[Any]], tuple[type[Exception], ...]]:
    """The YAML event stream: libyaml (C, through PyYAML) when available –
    about ten times faster – else ruamel.yaml's pure-Python parser. Both
    only *parse*; values are resolved by the builder, so both give the same
    records (tests/loading/test_parsers_agree.py)."""
    if parser in ("auto", "libyaml"):
        try:
            import yaml

            if yaml.__with_libyaml__:
                return (lambda text: yaml.parse(text, Loader=yaml.CSafeLoader)), (yaml.YAMLError,)
        except ImportError:
            pass
        if parser == "libyaml":
            raise RuntimeError("PyYAML with libyaml is not installed")
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    reader = YAML(typ="safe", pure=True)  # built once: it is costly, and files are read one at a time
    return reader.parse, (YAMLError,)


def read_yaml(data: bytes, file: str, limits: ReadLimits = ReadLimits(), parser: str = "auto") -> ReadResult:
    """Parse ``data`` (the bytes of ``file``) into a :class:`Document`."""
    result = ReadResult(file)
    if len(data) > limits.max_file_bytes:
        result.diagnostics.append(
            R.LIMIT_EXCEEDED.at(
                Location(file), too_large(len(data), limits.max_file_bytes),
                Say("Split it into one file per record.", "Del den opp i én fil per post."),
            )
        )
        return result
    text, problems = _decode(data, file)
    result.diagnostics += problems
    if text is None:
        return result
    result.text = text
    hidden = _hidden_line_breaks(text, file)
    if hidden:  # YAML would see lines no reviewer sees: nothing of the file is read
        result.diagnostics += hidden
        return result
    if parser == "auto":
        value = native.values(text, limits.max_depth, limits.max_nodes)
        if value is fast_values.BAIL:
            value = fast_values.values(text, limits.max_depth, limits.max_nodes)
        if value is not fast_values.BAIL:
            result.document = Document(value, source=(text, file, limits))
            return result
    builder = _Builder(file, limits)
    events, errors = _event_source(parser)
    caught: tuple[type[Exception], ...] = (*errors, ValueError)
    try:
        builder.feed(events(text))
    except _Abort:
        pass
    except caught as exc:
        builder.diagnostics.append(_parser_problem(exc, file, text))
    except RecursionError:
        builder.problem(R.LIMIT_EXCEEDED, _Mark0,
                        Say("the file is nested too deeply to read", "filen har for mange nivåer til å kunne leses"),
                        Say("Flatten it.", "Gjør strukturen flatere."))
    result.diagnostics += builder.diagnostics
    if not any(d.is_error for d in builder.diagnostics if d.rule in _UNREADABLE):
        result.document = builder.doc
    return result


class _Mark0:
    line = 0
    column = 0


_NO_TAGS = Say("Remove the tag: records use plain YAML values only.",
               "Fjern taggen: postene bruker bare vanlige YAML-verdier.")
_KEY_NOT_PLAIN = Say("a key is itself a mapping or list",
                     "en nøkkel er selv en liste eller en blokk med «nøkkel: verdi»-linjer")


def too_large(size: int, limit: int) -> Say:
    """'the file is 6,000,000 bytes, more than the limit of 5,000,000'."""
    return Say(f"the file is {size:,} bytes, more than the limit of {limit:,}",
               f"filen er på {nb.count(size, 'byte', 'byte')}, mer enn grensen på {nb.count(limit, 'byte', 'byte')}")
