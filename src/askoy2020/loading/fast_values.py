"""The fast path of the reader: values only, straight from libyaml.

Almost every record file is plain YAML: one document, no anchors, no tags,
no duplicate keys. For those the full builder in :mod:`.yaml_reader` spends
most of its time noting the line and column of every value, although only a
file with a problem ever needs one. This loop builds the values alone and
gives up (returns :data:`BAIL`) at the first thing that is not plain; the
caller then reads the file with the full builder, so every diagnostic –
and every position, looked up later – is exactly what the full builder
gives. tests/loading/test_parsers_agree.py holds the two to that.

Measured on the ×100 benchmark portfolio (23,004 files): this loop takes
about half the time of the full builder, and the documents it makes are
cheap to send between processes and to cache, as they carry no positions.
"""

from __future__ import annotations

from typing import Any

from ..core.scalars import ScalarError, resolve_plain

BAIL = object()

_CParser: Any
try:
    from yaml import events as _events
    from yaml._yaml import CParser as _CParser
except ImportError:  # PyYAML built without libyaml: the full builder does all
    _CParser = None

AVAILABLE = _CParser is not None

if AVAILABLE:
    _SCALAR = _events.ScalarEvent
    _MAP_START = _events.MappingStartEvent
    _SEQ_START = _events.SequenceStartEvent
    _MAP_END = _events.MappingEndEvent
    _SEQ_END = _events.SequenceEndEvent
    _DOC_START = _events.DocumentStartEvent
    _PLAIN_TAGS = (None, "!")

_NO_KEY = object()


def values(text: str, max_depth: int, max_nodes: int) -> Any:
    """The value of the single YAML document in ``text``, or :data:`BAIL`."""
    if _CParser is None:
        return BAIL
    try:
        return _build(_CParser(text).get_event, max_depth, max_nodes)
    except Exception:  # any parser error: the full builder will explain it
        return BAIL


def _build(get: Any, max_depth: int, max_nodes: int) -> Any:
    # Locals, not attributes: this loop runs once per value of every file.
    stack: list[Any] = []  # open containers
    keys: list[Any] = []  # per open container: the pending key of a mapping
    root: Any = None
    documents = 0
    nodes = 0
    resolve = resolve_plain
    while True:
        event = get()
        if event is None:
            return root
        cls = type(event)
        if cls is _SCALAR:
            if event.anchor is not None or event.tag not in _PLAIN_TAGS:
                return BAIL
            nodes += 1
            if event.style == "" and event.implicit[0]:
                try:
                    value = resolve(event.value)
                except ScalarError:
                    return BAIL
            else:
                value = event.value
        elif cls is _MAP_START or cls is _SEQ_START:
            if event.anchor is not None or event.tag not in _PLAIN_TAGS or len(stack) >= max_depth:
                return BAIL
            nodes += 1
            value = {} if cls is _MAP_START else []
        elif cls is _MAP_END or cls is _SEQ_END:
            stack.pop()
            keys.pop()
            continue
        elif cls is _DOC_START:
            documents += 1
            if documents > 1:
                return BAIL
            continue
        elif cls.__name__ == "AliasEvent":
            return BAIL
        else:  # stream and document ends
            continue
        if nodes > max_nodes:
            return BAIL
        if not stack:
            root = value
        else:
            top = stack[-1]
            if top.__class__ is list:
                top.append(value)
            else:
                key = keys[-1]
                if key is _NO_KEY:  # this scalar is a key
                    if value.__class__ in (dict, list) or value == "<<" or value in top:
                        return BAIL
                    keys[-1] = value
                    continue
                top[key] = value
                keys[-1] = _NO_KEY
        if value.__class__ is dict or value.__class__ is list:
            stack.append(value)
            keys.append(_NO_KEY)
