"""Setting a period's actuals in a project file, keeping everything else.

The file goes through the round-trip writer (:mod:`askoy2020.writing.round_trip`):
comments, blank lines, flow style and the spelling of every other value stay
as written. Missing levels are made (``accounts:``, the year, ``T2:``,
``actual:``) at their place in the model's key order, so ``askoy2020 fmt``
has nothing to move afterwards; the comment lines that preceded the next key
move with it. Where that cannot be done – a comment above the first key of a
mapping belongs to its parent in ruamel – the new key goes last instead.

Nothing is trusted: the new text is read back, the edited records validated
as projects, and it must give exactly the old values with the new figures,
and every comment beside the same key as before. Otherwise the file is not
written and the import stops (:class:`~.errors.ImportProblem`).
"""

from __future__ import annotations

import codecs
import difflib
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from ..core.diagnostics import Location
from ..loading.yaml_reader import Document, ReadLimits, read_yaml
from ..model.budget import Amounts, MoneyKind, Period, PeriodFigures, YearAccounts
from ..model.project import Project
from ..writing.round_trip import as_read, comment_places, comments, first_key, put_lines, round_trip_yaml, take_lines
from .errors import ImportProblem

Rank = Callable[[Any], float]


@dataclass(frozen=True)
class Edit:
    """Set ``actual`` of ``period`` of ``year`` in the record at ``path``."""

    record: Project
    """The record as loaded (its values before the edit)."""
    path: tuple[Any, ...]
    """Where its mapping is in the file's document: () or a list index."""
    year: int
    period: Period
    actual: dict[MoneyKind, float]


def edited_text(original: bytes, name: str, edits: list[Edit], limits: ReadLimits = ReadLimits()) -> bytes:
    """The file's new bytes with every edit made, checked; an
    :class:`ImportProblem` when it cannot be done safely."""
    read = read_yaml(original, name, limits)
    if read.text is None or read.document is None or any(d.is_error for d in read.diagnostics):
        raise ImportProblem(Location(name, 0), "the file cannot be read as YAML any more",
                            "Run askoy2020 validate, fix the file and import again.")
    newline = "\r\n" if "\r\n" in read.text else "\n"
    bom = codecs.BOM_UTF8 if original.startswith(codecs.BOM_UTF8) else b""
    for in_order in (True, False):
        text = _keep_comment_spacing(read.text.replace("\r\n", "\n"), _apply(read.text, edits, in_order))
        if newline != "\n":
            text = text.replace("\r\n", "\n").replace("\n", newline)
        data = bom + text.encode("utf-8")
        if _faithful(read.text, read.document, data, name, edits, limits):
            return data
    raise ImportProblem(Location(name, 0),
                        "the figure cannot be set in this file without moving a comment or changing another value, "
                        "so it is left as it is",
                        f"Set it by hand: {_by_hand(edits[0])}.")


def keeps_layout(original: bytes, name: str, limits: ReadLimits = ReadLimits()) -> bool:
    """Whether the round-trip writer gives the file back byte for byte when
    nothing is changed; if not, setting a figure also re-lays other lines."""
    read = read_yaml(original, name, limits)
    if read.text is None:
        return False
    text = _keep_comment_spacing(read.text.replace("\r\n", "\n"), _apply(read.text, [], True))
    if "\r\n" in read.text:
        text = text.replace("\n", "\r\n")
    return text == read.text


_LINE_COMMENT = re.compile(r"^(?P<code>.*?\S)(?P<gap>[ \t]+)(?P<comment>#.*)$")


def _keep_comment_spacing(old: str, new: str) -> str:
    """ruamel puts a comment at the end of a line one space after the code
    when the line got longer than the comment's old column; give it back
    the gap it had (``cost: {…}  # drift``). The text is checked afterwards
    like any other."""
    old_lines, new_lines = old.split("\n"), new.split("\n")
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "replace":
            for o, n in zip(range(i1, i2), range(j1, j2)):
                before, after = _LINE_COMMENT.match(old_lines[o]), _LINE_COMMENT.match(new_lines[n])
                if before and after and before["comment"] == after["comment"]:
                    new_lines[n] = after["code"] + before["gap"] + after["comment"]
    return "\n".join(new_lines)


def _by_hand(edit: Edit) -> str:
    figures = ", ".join(f"{kind.value}: {_number(value)}" for kind, value in _in_order(edit.actual))
    return f"accounts: {{{edit.year}: {{{edit.period.value}: {{actual: {{{figures}}}}}}}}}"


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _apply(text: str, edits: list[Edit], in_order: bool) -> str:
    yaml = round_trip_yaml()
    yaml.preserve_quotes = True  # every value not set here keeps its quotes
    tree = yaml.load(text)
    for edit in edits:
        node = tree
        for part in edit.path:
            node = node[part]
        _set(node, edit, in_order)
    out = io.StringIO()
    yaml.dump(tree, out)
    return out.getvalue()


# Where a key goes among its siblings: the model's field order, years in order.
def _field_rank(names: list[str]) -> Rank:
    return lambda key: float(names.index(str(key))) if str(key) in names else float("inf")


def _year_rank(key: Any) -> float:
    return float(str(key)) if str(key).isdigit() else float("inf")


_PROJECT_RANK = _field_rank(list(Project.model_fields))
_PERIOD_RANK = _field_rank(list(YearAccounts.model_fields))
_FIGURES_RANK = _field_rank(list(PeriodFigures.model_fields))
_AMOUNT_RANK = _field_rank(list(Amounts.model_fields))


def _set(record: Any, edit: Edit, in_order: bool) -> None:
    from ruamel.yaml.comments import CommentedMap

    levels: list[tuple[Any, Rank, bool]] = [
        ("accounts", _PROJECT_RANK, False), (edit.year, _year_rank, False),
        (edit.period.value, _PERIOD_RANK, False), ("actual", _FIGURES_RANK, True),
    ]
    node = record
    for depth, (key, rank, _) in enumerate(levels):
        found = _key(node, key)
        if found is None or node[found] is None:
            # Build the rest below this point first, then insert it whole: the
            # comment lines that move with an insertion go after its last line.
            branch = _branch(levels[depth + 1:], edit)
            if found is None:
                _insert(node, key, branch, rank, in_order)
            else:
                node[found] = branch
            return
        if not isinstance(node[found], CommentedMap):
            raise ImportProblem(edit.record.where(), f"{key} is not a mapping here", "Fix the file by hand.")
        node = node[found]
    for kind, value in _in_order(edit.actual):
        existing = _key(node, kind.value)
        if existing is not None:
            node[existing] = _number(value)
        else:
            _insert(node, kind.value, _number(value), _AMOUNT_RANK, in_order)


def _in_order(actual: dict[MoneyKind, float]) -> list[tuple[MoneyKind, float]]:
    return sorted(actual.items(), key=lambda item: _AMOUNT_RANK(item[0].value))


def _branch(levels: list[tuple[Any, Rank, bool]], edit: Edit) -> Any:
    from ruamel.yaml.comments import CommentedMap

    leaf = CommentedMap((kind.value, _number(value)) for kind, value in _in_order(edit.actual))
    leaf.fa.set_flow_style()
    branch = leaf
    for key, _, _ in reversed(levels):
        parent = CommentedMap()
        parent[key] = branch
        branch = parent
    return branch


def _key(mapping: Any, key: Any) -> Any:
    """The key as the file writes it: ``2020``, ``'2020'`` and 2020 are one year."""
    return next((k for k in mapping if str(k) == str(key)), None)


def _insert(mapping: Any, key: Any, value: Any, rank: Rank, in_order: bool) -> None:
    keys = list(mapping.keys())
    position = len(keys)
    if in_order:
        position = next((i for i, k in enumerate(keys) if rank(k) > rank(key)), len(keys))
    lines = take_lines(mapping, keys[position - 1]) if position > 0 else None
    mapping.insert(position, key, value)
    put_lines(mapping, key, lines)


def _faithful(old_text: str, old: Document, data: bytes, name: str, edits: list[Edit], limits: ReadLimits) -> bool:
    """Whether ``data`` is the old file with the edits and nothing else."""
    new = read_yaml(data, name, limits)
    if new.document is None or new.text is None or any(d.is_error for d in new.diagnostics):
        return False
    paths = [edit.path for edit in edits]
    if as_read(_without_accounts(new.document.value, paths)) != as_read(_without_accounts(old.value, paths)):
        return False
    for edit in edits:
        value = new.document.value
        for part in edit.path:
            value = value[part]
        try:
            now = Project.model_validate(value)
        except ValidationError:
            return False
        if now.model_dump() != _expected(edit).model_dump():
            return False
    if sorted(comments(old_text)) != sorted(comments(new.text)):
        return False
    first = first_key(new.document)
    return comment_places(old_text, old, first) == comment_places(new.text, new.document, first)


def _without_accounts(value: Any, paths: list[tuple[Any, ...]]) -> Any:
    """The document's values with the edited records' ``accounts`` left out
    (the records themselves are compared as validated projects)."""
    import copy

    value = copy.deepcopy(value)
    for path in paths:
        node = value
        for part in path:
            node = node[part]
        for key in [k for k in node if str(k) == "accounts"]:
            del node[key]
    return value


def _expected(edit: Edit) -> Project:
    record = edit.record
    accounts = dict(record.accounts)
    year = accounts.get(edit.year) or YearAccounts()
    figures = year.of(edit.period) or PeriodFigures()
    actual = figures.actual.model_copy(update={kind.value: value for kind, value in edit.actual.items()})
    figures = figures.model_copy(update={"actual": actual})
    accounts[edit.year] = year.model_copy(update={edit.period.value: figures})
    return record.model_copy(update={"accounts": accounts})
