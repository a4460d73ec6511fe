"""Where ``prioritise --output`` may write: never over a record.

A plan written over ``data/programme.yaml`` (or any record file) would
replace the record with a plan, and validate would then read a plan where
the programme was. Inside the data folder a plan may only go where the
kinds table reads plans (``plans/``); anywhere else it may replace only a
file that prioritise wrote itself.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from ..model.base import ID_PATTERN
from ..model.kinds import kind_of


def refusal(output: Path, data_folder: Path) -> str | None:
    """Why ``output`` must not be written, or None when it may."""
    if not re.fullmatch(ID_PATTERN, output.stem):
        return (f"--output {output}: the file name without its ending becomes the plan's id, so it may hold "
                "only letters, digits, '.', '_' and '-' (e.g. budsjett-2021.yaml)")
    target = Path(os.path.abspath(output))
    place = _below(output, data_folder)
    if place is not None:
        kind = kind_of(place)
        if kind is None or kind.key != "plan":
            return (f"--output {output} is inside the data folder but is not a plan file under plans/; "
                    "a plan written there would replace or add a record. Write it to plans/<name>.yaml, "
                    "or outside the data folder")
        if not target.is_dir():
            return None  # a plan over a plan: what plans/ is for
    if target.is_dir():
        return f"--output {output} is a folder; give a file name ending in .yaml, .json or .csv"
    if target.exists() and not _made_by_prioritise(target):
        return (f"--output {output} exists and is not a plan made by askoy2020 prioritise, so it is not "
                "replaced; choose another name, or move the file away first")
    return None


def _below(path: Path, data_folder: Path) -> str | None:
    """``path``'s place below the data folder ("." for the folder itself), or
    None when it is outside – as written (data/../data/x) and as the file
    system resolves it, so a symbolic link into the data folder counts as inside."""
    for resolve in (os.path.abspath, os.path.realpath):
        target, root = Path(resolve(path)), Path(resolve(data_folder))
        if target == root or root in target.parents:
            return target.relative_to(root).as_posix()
    return None


def _head(path: Path, size: int = 4096, tail: bool = False) -> bytes | None:
    """The first (or last) ``size`` bytes of a regular file; None for anything
    else, so a named pipe is never opened (opening one waits for a writer)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        with open(path, "rb") as handle:
            if tail:
                handle.seek(max(0, os.fstat(handle.fileno()).st_size - size))
            return handle.read(size)
    except OSError:
        return None


def _made_by_prioritise(path: Path) -> bool:
    """Whether the file looks like one of prioritise's own outputs (the
    formats in prioritise/formats.py)."""
    raw = _head(path)
    if raw is None:
        return False
    head = raw.decode("utf-8", errors="replace")
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return head.startswith("# Plan made by askoy2020 prioritise")
    if suffix == ".json":
        return head.lstrip().startswith("{") and '"schema_version"' in head and '"plan"' in head
    if suffix == ".csv":
        return head.lstrip("\ufeff").startswith("project,decision,why,start,value")
    return False


def model_refusal(path: Path, data_folder: Path) -> str | None:
    """Why ``prioritise --write-model`` must not write ``path``, or None when it may:
    never into the data folder (validate would read a stray file there) and
    never over a file that is not a model."""
    if path.suffix.lower() != ".mps":
        return f"--write-model {path}: the name must end in .mps"
    target = Path(os.path.abspath(path))
    if _below(path, data_folder) is not None:
        return f"--write-model {path} is inside the data folder; write the model outside it"
    if target.is_dir():
        return f"--write-model {path} is a folder; give a file name ending in .mps"
    if not target.parent.is_dir():
        return f"--write-model {path}: there is no folder {path.parent}"
    if target.exists() and not _is_model(target):
        return (f"--write-model {path} exists and is not an MPS model, so it is not replaced; "
                "choose another name, or move the file away first")
    return None


def _is_model(path: Path) -> bool:
    """Whether the file is an MPS model as solver.write_model writes one: a
    NAME line, then OBJSENSE or ROWS, and ENDATA at the end."""
    head, tail = _head(path, 256), _head(path, 64, tail=True)
    if head is None or tail is None:
        return False
    lines = head.splitlines()
    return (len(lines) > 1 and re.fullmatch(rb"NAME[ \t]*\S*[ \t]*", lines[0]) is not None
            and lines[1].strip() in (b"OBJSENSE", b"ROWS") and tail.rstrip().endswith(b"ENDATA"))
