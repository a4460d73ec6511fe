"""Shared test helpers: rule cases laid over a small valid portfolio."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

CASES = Path(__file__).parent / "cases"
BASE = CASES / "_base"
AS_OF = date(2020, 10, 31)
_MARKER = re.compile(r"#\s*expect:\s*((?:ASK\d{3}[ ,]*)+)")


@dataclass(frozen=True)
class Expected:
    file: str  # relative to the data folder
    line: int
    rule: str


def build_case(case: Path, target: Path) -> Path:
    """Copy the base portfolio to ``target`` and lay the case's files over
    it; ``_delete.txt`` lists base files to remove."""
    shutil.copytree(BASE, target)
    for path in sorted(case.rglob("*")):
        rel = path.relative_to(case)
        if path.is_dir() or rel.name in ("_delete.txt", "expect.txt"):
            continue
        (target / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target / rel, follow_symlinks=False)  # a link stays a link (ASK010)
    delete = case / "_delete.txt"
    if delete.exists():
        for rel_name in delete.read_text().split():
            (target / rel_name).unlink()
    return target


def expectations(case: Path) -> list[Expected]:
    """``# expect: ASK301`` at the end of a line, or ``file:line RULE`` in expect.txt."""
    found: list[Expected] = []
    for path in sorted(case.rglob("*.y*ml")):
        text = path.read_bytes().decode("utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), start=1):
            match = _MARKER.search(line)
            if match:
                for rule in re.findall(r"ASK\d{3}", match.group(1)):
                    found.append(Expected(path.relative_to(case).as_posix(), number, rule))
    listed = case / "expect.txt"
    if listed.exists():
        for row in listed.read_text().splitlines():
            if row.strip():
                where, rule = row.split()
                file, line = where.rsplit(":", 1)
                found.append(Expected(file, int(line), rule))
    return found


def relative(file: str, root: Path) -> str:
    # absolute() and normpath, not resolve(): a linked file is named by its link (ASK010)
    return Path(os.path.normpath(Path(file).absolute())).relative_to(root.resolve()).as_posix()


def examples(ci: int) -> int:
    """How many examples a costly property test tries: ``ci`` in CI, twenty
    times as many under HYPOTHESIS_PROFILE=explore."""
    return ci * (20 if os.environ.get("HYPOTHESIS_PROFILE") == "explore" else 1)


def plain(value: Any) -> Any:
    """The reader's values (YamlInt, YamlFloat …) as plain Python, ready
    for a YAML emitter."""
    if isinstance(value, dict):
        return {plain(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int):
        return int(value)
    return float(value)


def record_values(path: Path) -> Any:
    """The plain values of a record file."""
    from askoy2020.loading.yaml_reader import read_yaml

    document = read_yaml(path.read_bytes(), path.name).document
    assert document is not None, path
    return plain(document.value)


def value_at(record: Any, path: tuple[Any, ...]) -> Any:
    """The value at ``path`` (keys and list indexes) inside ``record``."""
    for part in path:
        record = record[part]
    return record


def command_names(group: Any, prefix: str = "") -> Iterator[str]:
    """Every command of a Click group as it is typed, a sub-group's
    commands included ('import actuals')."""
    for name, command in group.commands.items():
        if hasattr(command, "commands"):  # a group (Typer vendors its own Click)
            yield from command_names(command, f"{prefix}{name} ")
        else:
            yield prefix + name


# Words that give an untranslated English message away: common in English
# messages, absent from bokmål ("to", "for", "at", "be", "over" and "plan"
# are bokmål words too) and from the YAML keys messages quote ("area",
# "project", "value", "goal" are keys). Paths and --options are left out
# before the search, so a temporary folder's name or --as-of cannot match.
ENGLISH_GIVEAWAYS = (
    "the", "is", "are", "was", "were", "been", "must", "has", "have", "not", "should", "missing", "cannot",
    "could", "with", "which", "does", "would", "before", "after", "found", "expected", "but", "and", "or", "of",
    "on", "its", "this", "than", "by", "while", "you", "mean", "days", "budget", "frame", "round", "case", "add",
    "remove", "check", "correct", "give", "keep", "use", "write", "unknown", "allowed", "field", "input",
    "valid", "error", "warning", "see",
)
_GIVEAWAY = re.compile(r"\b(" + "|".join(ENGLISH_GIVEAWAYS) + r")\b", re.IGNORECASE)
_NOT_PROSE = re.compile(r"\S*/\S*|--[\w-]+")


def english_words(text: str) -> list[str]:
    """The English giveaway words in a text that should be bokmål."""
    return _GIVEAWAY.findall(_NOT_PROSE.sub(" ", text))
