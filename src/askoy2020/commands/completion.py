"""What the shell offers on TAB: rule ids (``askoy2020 rules ASK3<TAB>``)
and programme area ids (``new project --area <TAB>``).

The shell runs the program on every TAB, so each reads as little as it can:
the rule registry, and the area files alone, not the whole data folder. A
folder that cannot be read offers nothing rather than an error.
"""

from __future__ import annotations

import re
from pathlib import Path

Offer = tuple[str, str]
"""A value and the words the shell may show beside it."""

# What an offer may hold. The shell evaluates the list a completion
# function hands it (zsh's _arguments does, and Typer escapes no
# backslash), and an area file is text anyone can commit: a name such as
# 'x$(touch f)y' ran on TAB. So a value is an id made of safe characters
# only, and the words beside it keep letters, digits and plain punctuation.
_SAFE_VALUE = re.compile(r"[A-Za-z0-9ÆØÅæøå][A-Za-z0-9ÆØÅæøå._-]{0,63}")
_UNSAFE_WORDS = re.compile(r"[^\w .,()/–-]")


def safe(offers: list[Offer]) -> list[Offer]:
    """The offers a shell can be given: values that are plain ids, words
    with every other character replaced by a space."""
    return [(value, " ".join(_UNSAFE_WORDS.sub(" ", words).split())[:80])
            for value, words in offers if _SAFE_VALUE.fullmatch(value)]


def rule_ids(incomplete: str) -> list[Offer]:
    """Rule ids starting with ``incomplete``, or the names, when it starts a
    name instead (``askoy2020 rules`` takes either). As written: Typer
    offers only words that start with what was typed."""
    from ..rules import all_rules

    rules = all_rules()
    ids = [(r.id, r.name) for r in rules if r.id.startswith(incomplete)]
    return safe(ids or [(r.name, r.id) for r in rules if r.name.startswith(incomplete)])


def area_ids(folder: Path | None, incomplete: str) -> list[Offer]:
    """The ids of the programme areas in ``folder`` (default: data/ of the
    git repository around the working folder) starting with ``incomplete``,
    each with its name."""
    from ..loading.yaml_reader import read_yaml
    from .paths import default_data_folder

    target = folder or default_data_folder()
    offers: dict[str, str] = {}
    try:
        files = sorted(target.glob("programmes/*/area.yaml"))
    except OSError:
        return []
    for file in files:
        try:
            document = read_yaml(file.read_bytes(), file.name).document
        except OSError:
            continue
        value = document.value if document is not None else None
        if isinstance(value, dict) and isinstance(value.get("id"), str):
            name = value.get("name")
            offers.setdefault(value["id"], name if isinstance(name, str) else "")
    return safe([(area, name) for area, name in sorted(offers.items()) if area.startswith(incomplete)])

