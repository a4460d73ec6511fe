"""Ids are one id whatever their case and however Æ, Ø and Å are composed:
a table of spellings, each tried as a clashing record of several kinds and
as a reference."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest

import askoy2020
from askoy2020.core.diagnostics import Diagnostic
from askoy2020.scaffold import next_number
from helpers import AS_OF, BASE

RING = "A\u030a"  # Å as A plus a combining ring (NFD), as macOS writes names
# (first id, the same id spelled otherwise)
SAME = [("DK-05", "dk-05"), ("DK-05", "Dk-05"), ("ÅS-05", "ås-05"), ("ÆØ-05", "æø-05"),
        ("ÅS-05", f"{RING}S-05"), ("ÅS-05", f"{RING.lower()}s-05"), ("L-0X", "l-0x")]
DIFFERENT = [("DK-05", "DK-5"), ("DK-05", "DK_05"), ("ÅS-05", "AS-05"), ("ØS-05", "OS-05")]


def _project(ident: str) -> str:
    return (f"id: {ident}\nname: Prosjekt\narea: DK\nmanager: Prosjektleder\nstatus: planned\n"
            "planned: {start: 2020-01-01, end: 2020-12-31}\n")


def _case(ident: str) -> str:
    return (f"id: {ident}\nkind: deviation\ntitle: Avvik\nunit: Kleppestø skole\noccurred: 2020-02-03\n"
            "reported: 2020-02-03\nstatus: closed\nresponsible: Rektor\nclosed: 2020-03-01\n")


WRITERS = {"project": ("programmes/dk/projects", _project), "quality case": ("quality", _case)}


def _check(tmp_path: Path, files: dict[str, str]) -> list[Diagnostic]:
    root = _base(tmp_path)
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return askoy2020.check(askoy2020.load(root), AS_OF)


def _base(tmp_path: Path) -> Path:
    shutil.copytree(BASE, tmp_path / "data")
    return tmp_path / "data"


@pytest.mark.parametrize("kind", sorted(WRITERS))
@pytest.mark.parametrize(("first", "second"), SAME, ids=ascii)
def test_ids_that_differ_in_case_or_composition_clash(tmp_path: Path, kind: str, first: str, second: str) -> None:
    folder, write = WRITERS[kind]
    found = _check(tmp_path, {f"{folder}/a.yaml": write(first), f"{folder}/b.yaml": write(second)})
    clashes = [d for d in found if d.rule == "ASK201"]
    assert len(clashes) == 1 and clashes[0].location.file.endswith("b.yaml"), found
    assert clashes[0].location.line == 1


@pytest.mark.parametrize(("first", "second"), DIFFERENT, ids=ascii)
def test_ids_that_differ_otherwise_do_not(tmp_path: Path, first: str, second: str) -> None:
    folder, write = WRITERS["project"]
    found = _check(tmp_path, {f"{folder}/a.yaml": write(first), f"{folder}/b.yaml": write(second)})
    assert not [d for d in found if d.rule == "ASK201"]


@pytest.mark.parametrize(("first", "second"), SAME, ids=ascii)
def test_a_decomposed_id_is_stored_composed(tmp_path: Path, first: str, second: str) -> None:
    folder, write = WRITERS["project"]
    root = _base(tmp_path)
    (root / folder / "b.yaml").write_text(write(second), encoding="utf-8")
    ids = set(askoy2020.load(root).project_by_id)
    assert unicodedata.normalize("NFC", second) in ids


@pytest.mark.parametrize("written", ["dk-02", "Dk-02", "dK-02"])
def test_a_reference_in_another_case_is_unknown_with_a_did_you_mean(tmp_path: Path, written: str) -> None:
    project = _project("DK-09") + f"depends_on: [{{project: {written}}}]\n"
    found = _check(tmp_path, {"programmes/dk/projects/X.yaml": project})
    broken = [d for d in found if d.rule == "ASK202"]
    assert len(broken) == 1 and "Did you mean 'DK-02'?" in broken[0].hint and "case" in broken[0].hint, broken


@pytest.mark.parametrize(("ids", "expected"), [
    ({"DK-01", "dk-07"}, 8), ({"dk-03"}, 4), ({"Dk-10", "DK-02"}, 11), ({"DK-01"}, 2), (set(), 1),
])
def test_new_counts_ids_whatever_their_case(ids: set[str], expected: int) -> None:
    assert next_number(ids, r"DK-(\d+)") == expected
