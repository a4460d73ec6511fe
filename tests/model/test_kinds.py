"""The kinds table is the one place a record kind is defined: a kind added
at test time is discovered, loaded, validated, given a schema and an editor
mapping, listed in the format reference and written by ``init`` – with no
other edit."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import askoy2020
from askoy2020.loading.discover import discover
from askoy2020.model.base import Id, Record, Text
from askoy2020.model.kinds import KINDS, RecordKind, kind_named, kind_of
from askoy2020.model.reference import format_reference
from askoy2020.scaffold import init_repository
from askoy2020.schema import editor_settings, schema_for, schema_texts
from helpers import AS_OF, BASE

ROOT = Path(__file__).parents[2]


class Decision(Record):
    """A programme decision (vedtak) with its owner."""

    id: Id
    """Unique id, e.g. R-01."""
    title: Text
    """What was decided."""
    owner: Text
    """The role that owns the decision."""


def _decision_example(year: int) -> tuple[str, dict[str, object], str]:
    return ("decisions/R-01.yaml", {"id": "R-01", "title": f"Forsinket anskaffelse {year}", "owner": "Rådmann"},
            "A decision.")


@pytest.fixture
def decision_kind() -> Iterator[RecordKind]:
    kind = RecordKind("decision", Decision, ("decisions/**/*.yaml",), "decision", "vedtak",
                      example=_decision_example)
    KINDS.append(kind)
    try:
        yield kind
    finally:
        KINDS.remove(kind)


def test_a_kind_added_to_the_table_is_read_everywhere(decision_kind: RecordKind, tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    (root / "decisions" / "2020").mkdir(parents=True)
    (root / "decisions" / "2020" / "R-01.yaml").write_text(
        "id: R-01\ntitle: Forsinket anskaffelse\nowner: Rådmann\n")
    (root / "decisions" / "R-02.yaml").write_text("- id: R-02\n  title: Mangler data\n  owner: Rådmann\n"
                                                  "- id: R-03\n  title: Ny lov\n  ownr: Rådmann\n")

    assert kind_of("decisions/2020/R-01.yaml") is decision_kind
    assert kind_named("decision") is decision_kind
    portfolio = askoy2020.load(root)
    # Files of a folder are read before its subfolders; R-03 fails its schema.
    assert [r.id for r in portfolio.of("decision")] == ["R-02", "R-01"]  # type: ignore[attr-defined]
    problems = [(d.file.rsplit("/", 1)[-1], d.line, d.rule, d.message) for d in askoy2020.check(portfolio, AS_OF)]
    assert problems == [("R-02.yaml", 4, "ASK102", "missing required field 'owner' in decision"),
                        ("R-02.yaml", 6, "ASK101", "unknown key 'ownr' in decision")]
    assert "R-03" in portfolio.unvalidated_ids

    assert schema_for("decision")["else"] == {"$ref": "#/$defs/Decision"}
    assert "decision.schema.json" in schema_texts()
    assert editor_settings()["yaml.schemas"]["./schemas/decision.schema.json"] == [
        "data/decisions/**/*.yaml", "data/decisions/**/*.yml"]
    reference = format_reference()
    assert "## Decision\n\nFiles: `data/decisions/**/*.yaml`. A programme decision (vedtak) with its owner." in reference
    assert "| `owner` | text | yes | The role that owns the decision. |" in reference

    written, _ = init_repository(tmp_path / "new", year=2030)
    assert tmp_path / "new" / "data" / "decisions" / "R-01.yaml" in written
    assert tmp_path / "new" / "schemas" / "decision.schema.json" in written
    started = askoy2020.load(tmp_path / "new" / "data")
    assert [r.id for r in started.of("decision")] == ["R-01"]  # type: ignore[attr-defined]
    assert [d for d in askoy2020.check(started, date(2030, 6, 1)) if d.is_error] == []


def test_the_table_covers_every_sample_file() -> None:
    data = ROOT / "data"
    unknown = [p for p in discover(data) if kind_of(p.relative_to(data).as_posix()) is None]
    assert unknown == []


@pytest.mark.parametrize(("relative", "expected"), [
    ("programme.yaml", "programme"), ("programme.yml", "programme"),
    ("programmes/dk/area.yaml", "area"), ("programmes/dk/area.yml", "area"),
    ("programmes/dk/projects/DK-01.yaml", "project"), ("programmes/dk/projects/2019/DK-01.yml", "project"),
    ("leaders/L-001.yaml", "leader"), ("leaders/helse/L-001.yaml", "leader"),
    ("quality/2019/Q-2019-001.yaml", "quality-case"), ("quality/Q.yaml", "quality-case"),
    ("scenarios/ekstra.yaml", "scenario"), ("plans/budsjett-2021.yaml", "plan"),
    # Outside every glob: reported as ASK007 instead of being read as something.
    ("notes.yaml", None), ("programmes/dk/DK-01.yaml", None), ("programmes/area.yaml", None),
    ("programmes/dk/projects/area.yaml.bak", None), ("leadersx/L-001.yaml", None),
])
def test_which_kind_a_path_holds(relative: str, expected: str | None) -> None:
    found = kind_of(relative)
    assert (found.key if found else None) == expected


def test_committed_editor_settings_use_the_loaders_globs() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    for kind in KINDS:
        globs = settings["yaml.schemas"][f"./schemas/{kind.schema_file}"]
        assert [g.removeprefix("data/") for g in globs if g.endswith(".yaml")] == list(kind.globs)


def test_kind_names_are_unique() -> None:
    names = [n for kind in KINDS for n in (kind.key, *kind.aliases)]
    assert len(names) == len(set(names))


@settings(max_examples=500, deadline=None)
@given(parts=st.lists(st.sampled_from(["programmes", "DK", "projects", "area.yaml", "programme.yaml", "leaders",
                                        "quality", "x.yaml", "a.yml", "cohorts", "plans", "control", "reviews",
                                        "findings", "risks", "surveys", "scenarios", "units", "quality-counts"]),
                      min_size=1, max_size=5))
def test_kind_of_is_the_first_kind_whose_globs_match(parts: list[str]) -> None:
    """kind_of matches all globs at once; the answer must be the table's first match."""
    relative = "/".join(parts)
    assert kind_of(relative) == next((kind for kind in KINDS if kind.matches(relative)), None)


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(["a", "/", ".", "..", "b.yaml", " "]), max_size=12))
def test_a_name_is_taken_as_is_only_when_pathlib_would_write_it_so(pieces: list[str]) -> None:
    from pathlib import PurePosixPath

    from askoy2020.model.kinds import _normal

    relative = "".join(pieces)
    assert _normal(relative) == PurePosixPath(relative).as_posix()
