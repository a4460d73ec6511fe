"""A YAML file in the data folder is read or reported, never skipped without
a word: a suffix in capitals or a leading dot keeps a record out of the
reports, so the loader says so (ASK007) and names the file to rename it to."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import askoy2020
from askoy2020.fmt import format_folder
from askoy2020.loading.discover import discover
from helpers import AS_OF, BASE

# Keys out of fmt's order, so fmt would rewrite the file if it read it.
PROJECT = ("name: Prosjekt\nid: DK-09\narea: DK\nmanager: Prosjektleder\nstatus: planned\n"
           "planned: {start: 2020-01-01, end: 2020-12-31}\n")
FOLDERS = ["programmes/dk/projects", "quality", "leaders", "programmes/dk/projects/2020", ""]
# (name written, the name the hint proposes)
ODD = [("DK-09.YAML", "DK-09.yaml"), ("DK-09.Yml", "DK-09.yml"), ("DK-09.YML", "DK-09.yml"),
       ("DK-09.yAml", "DK-09.yaml"), (".DK-09.yaml", "DK-09.yaml"), (".DK-09.yml", "DK-09.yml"),
       (".DK-09.YAML", "DK-09.yaml"), ("._DK-09.yaml", "_DK-09.yaml"), (".#DK-09.yaml", "#DK-09.yaml")]


def _data(tmp_path: Path) -> Path:
    shutil.copytree(BASE, tmp_path / "data")
    return tmp_path / "data"


@pytest.mark.parametrize("folder", FOLDERS)
@pytest.mark.parametrize(("name", "better"), ODD)
def test_an_odd_name_is_listed_and_reported_not_read(tmp_path: Path, folder: str, name: str, better: str) -> None:
    root = _data(tmp_path)
    path = root / folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PROJECT, encoding="utf-8")
    assert path in discover(root)
    portfolio = askoy2020.load(root)
    found = [d for d in askoy2020.check(portfolio, AS_OF) if Path(d.location.file).name == name]
    assert [d.rule for d in found] == ["ASK007"], found
    assert found[0].severity.value == "warning" and f"Rename it to {better}" in found[0].hint
    assert "DK-09" not in portfolio.project_by_id
    assert not [f for f in format_folder(root, check=True).changed if name in f]  # nor rewritten by fmt


def test_hidden_folders_stay_skipped(tmp_path: Path) -> None:
    root = _data(tmp_path)
    for folder in (".git", "programmes/dk/projects/.cache"):
        (root / folder).mkdir(parents=True)
        (root / folder / "DK-09.yaml").write_text(PROJECT, encoding="utf-8")
    assert not [p for p in discover(root) if "DK-09" in p.name]
    assert not [d for d in askoy2020.check(askoy2020.load(root), AS_OF) if "DK-09" in d.location.file]


def test_a_name_that_is_not_utf8_is_reported_not_a_traceback(tmp_path: Path) -> None:
    """A file from a zip made on Windows ('L-\\xff.yaml' on disk) is read,
    with an ASK007 warning naming a name to rename it to; with the cache on
    (its key once raised UnicodeEncodeError), and machine reports that
    strict JSON and XML readers take (red team)."""
    import json
    import os
    import subprocess
    import sys
    from xml.etree import ElementTree

    root = _data(tmp_path)
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    odd = os.fsencode(root / "leaders") + b"/L-\xff.yaml"
    with open(odd, "wb") as handle:
        handle.write(b"id: L-009\nrole: Rolle\n")
    env = {**os.environ, "CI": "", "ASKOY2020_NO_CACHE": ""}
    outputs = {}
    for fmt in ("text", "gitlab", "junit", "json"):
        done = subprocess.run([sys.executable, "-m", "askoy2020", "validate", str(root), "--as-of", "2020-10-31",
                               "-f", fmt], capture_output=True, timeout=120, env=env, cwd=tmp_path)
        assert "Traceback" not in done.stderr.decode(), done.stderr.decode()
        outputs[fmt] = done.stdout.decode("utf-8")  # strict: no lone surrogate got out
    assert "ASK007" in outputs["text"] and "Rename it to L-_.yaml" in outputs["text"]
    assert "ASK102" in outputs["text"]  # read: its record's own problems (a missing field) are there too
    assert any(item["check_name"].startswith("ASK007") or "ASK007" in item["description"]
               for item in json.loads(outputs["gitlab"]))
    ElementTree.fromstring(outputs["junit"])
    json.loads(outputs["json"])
