"""askoy2020 fmt: canonical, idempotent, keeps every comment and value,
leaves broken files alone."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from askoy2020.cli.app import app
from askoy2020.fmt import _comments, format_folder, format_text
from askoy2020.loading.yaml_reader import read_yaml
from askoy2020.model import Project
from helpers import BASE, build_case
from nasty import CORPUS

runner = CliRunner()
DATA = Path(__file__).parent.parent / "data"
MESSY = """# Prosjekt i Digital kommune – kommentaren skal bli
status: planned   # ikke startet ennå
id: DK-09
cost: {2021: 500}  # anslag
name: "Ny løsning for æøå"
area: "DK"
manager: Prosjektleder
planned:
    end: 2021-12-31
    start: 2021-01-01

depends_on:
- strength: soft
  project: DK-01     # etter postkassen
"""


def test_sample_data_is_already_canonical() -> None:
    assert format_folder(DATA, check=True).changed == []


def test_messy_file_is_ordered_indented_and_unquoted_keeping_comments() -> None:
    text, problems = format_text(MESSY.encode(), "DK-09.yaml", Project)
    assert problems == [] and text is not None
    assert text == """# Prosjekt i Digital kommune – kommentaren skal bli
id: DK-09
name: Ny løsning for æøå
area: DK
manager: Prosjektleder
status: planned   # ikke startet ennå
planned:
  start: 2021-01-01
  end: 2021-12-31
cost: {2021: 500}  # anslag

depends_on:
  - project: DK-01   # etter postkassen
    strength: soft
"""
    # The blank line stays before depends_on, the key it preceded.
    assert format_text(text.encode(), "DK-09.yaml", Project)[0] == text, "idempotent"


def _other_layout(text: str) -> str:
    """The same data laid out another way: four-space indents, dashes flush."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.indent(mapping=4, sequence=4, offset=0)
    yaml.width = 4096
    out = io.StringIO()
    yaml.dump(yaml.load(text), out)
    return out.getvalue()


def test_every_sample_file_round_trips_to_its_canonical_bytes(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    originals = {p: p.read_bytes() for p in root.rglob("*.yaml")}
    for path, data in originals.items():
        path.write_text(_other_layout(data.decode("utf-8")), encoding="utf-8")
    assert sum(p.read_bytes() != data for p, data in originals.items()) > 100, "the other layout really differs"
    result = format_folder(root)
    assert result.diagnostics == []
    changed = [p.relative_to(root).as_posix() for p, data in originals.items() if p.read_bytes() != data]
    # Byte for byte, comments included; and since the originals are canonical
    # (test above), a second run would change nothing.
    assert changed == [], "fmt restores every sample file"


def test_check_lists_files_and_exits_1_without_writing(tmp_path: Path) -> None:
    root = build_case(BASE, tmp_path / "data")
    project = root / "programmes" / "dk" / "projects" / "DK-02.yaml"
    messy = "name: Chatbot\n" + project.read_text(encoding="utf-8").replace("name: Chatbot\n", "")
    project.write_text(messy, encoding="utf-8")
    result = runner.invoke(app, ["fmt", str(root), "--check"])
    assert result.exit_code == 1
    assert result.stdout.strip().endswith("DK-02.yaml") and "would reformat" in result.stdout
    assert project.read_text(encoding="utf-8") == messy
    assert runner.invoke(app, ["fmt", str(root)]).exit_code == 0
    assert project.read_text(encoding="utf-8").startswith("id: DK-02\nname: Chatbot\n")


@pytest.mark.parametrize("broken", ["id: DK-02\nname: [unclosed\n", "id: DK-02\nid: DK-03\nname: x\n"])
def test_a_file_with_yaml_errors_is_left_alone_and_reported(tmp_path: Path, broken: str) -> None:
    root = build_case(BASE, tmp_path / "data")
    project = root / "programmes" / "dk" / "projects" / "DK-02.yaml"
    project.write_text(broken, encoding="utf-8")
    result = runner.invoke(app, ["fmt", str(root)])
    assert result.exit_code == 1
    assert "DK-02.yaml" in result.stderr
    assert project.read_text(encoding="utf-8") == broken


def test_a_file_fmt_cannot_rewrite_safely_is_reported_not_crashed() -> None:
    # The guards' diagnostic itself: it once named a rule id that does not exist.
    from askoy2020.core.diagnostics import Say
    from askoy2020.fmt import _skip
    from askoy2020.rules.registry import REGISTRY

    diagnostic = _skip("data/x.yaml", Say("formatting would change a value, so the file was left as it is",
                                          "formateringen ville endret en verdi, så filen ble latt være"))
    assert diagnostic.rule == "ASK012" and diagnostic.location.file == "data/x.yaml"
    declared = REGISTRY[diagnostic.rule]
    assert (declared.name, declared.stage, declared.severity) == ("fmt-skipped", "fmt", diagnostic.severity)


def test_fmt_over_the_nasty_corpus_never_loses_a_comment_a_key_or_a_file(tmp_path: Path) -> None:
    """Every corpus file (tests/nasty.py), with a comment added where the
    file is text, is either left byte for byte as it was or rewritten with
    the same values and the same comments; fmt never crashes on one."""
    root = build_case(BASE, tmp_path / "data")
    (root / "quality" / "nasty").mkdir()
    originals = {}
    for nasty in CORPUS:
        if len(nasty.data) > 1_000_000:
            continue
        data = nasty.data if b"\t" in nasty.data or not nasty.data.strip() else b"# note\n" + nasty.data
        path = root / "quality" / "nasty" / f"{nasty.name}.yaml"
        path.write_bytes(data)
        originals[path] = data
    result = format_folder(root)
    assert result.changed, "some corpus files are valid but not canonical"
    for path, data in originals.items():
        after = path.read_bytes()
        if after == data:
            continue
        before_doc = read_yaml(data, path.name).document
        after_doc = read_yaml(after, path.name).document
        assert before_doc is not None and after_doc is not None, path.name
        assert _same_order(after_doc.value) == _same_order(before_doc.value), path.name
        assert sorted(_comments(after.decode("utf-8"))) == sorted(_comments(data.decode("utf-8-sig"))), path.name


def _same_order(value: object) -> str:
    """The values with mapping keys sorted (fmt orders keys by the model),
    as text so that a .nan equals itself."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k!r}: {_same_order(v)}" for k, v in sorted(value.items(), key=repr)) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_same_order(v) for v in value) + "]"
    return repr(value)
