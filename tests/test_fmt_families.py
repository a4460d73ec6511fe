"""askoy2020 fmt against the red-team families: invisible characters, text
that looks like a number, comments next to reordered keys, links and stale
temporary files (docs/robustness.md)."""

from __future__ import annotations

import os
import sys
import time
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from askoy2020.fmt import format_folder, format_text
from askoy2020.loading.yaml_reader import read_yaml
from askoy2020.model import Project
from askoy2020.writing.yaml_text import document, is_invisible
from helpers import BASE, build_case, examples

# Every control (bar tab and newline), format character (Cf: U+200B, U+00AD,
# U+FEFF, the bidi marks, the tag characters …), line and paragraph separator.
INVISIBLE = [
    chr(code) for code in range(sys.maxunicode + 1)
    if unicodedata.category(chr(code)) in ("Cc", "Cf", "Zl", "Zp") and chr(code) not in "\t\n"
]


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}"


def _literal_invisible(text: str) -> list[str]:
    return [f"U+{ord(c):04X}" for c in text if is_invisible(c)]


def test_the_family_covers_every_class() -> None:
    assert {unicodedata.category(c) for c in INVISIBLE} == {"Cc", "Cf", "Zl", "Zp"}
    assert len(INVISIBLE) > 200 and {"\u200b", "\u00ad", "\u2028", "\x85", "\ufeff", "\x00"} <= set(INVISIBLE)


def test_fmt_never_writes_an_invisible_character_literally() -> None:
    """Escaped in the file, escaped after fmt: in a block value, a flow list
    and a list item, whatever fmt does with the key order."""
    wrong = {}
    for char in INVISIBLE:
        escaped = _escape(char)
        source = (
            f'name: "a{escaped}b"\nid: DK-09\nmanager: ["x{escaped}"]\n'
            f'milestones:\n  - {{name: "{escaped}", date: 2020-01-01}}\n'
        )
        text, problems = format_text(source.encode(), "f.yaml", Project)
        if text is None or problems or _literal_invisible(text):
            wrong[f"U+{ord(char):04X}"] = (text, problems)
            continue
        before, after = read_yaml(source.encode(), "f.yaml").document, read_yaml(text.encode(), "f.yaml").document
        if before is None or after is None or before.value != after.value:
            wrong[f"U+{ord(char):04X}"] = (text, "value changed")
        elif format_text(text.encode(), "f.yaml", Project)[0] != text:
            wrong[f"U+{ord(char):04X}"] = (text, "not idempotent")
    assert wrong == {}


def test_a_literal_invisible_character_in_a_value_becomes_an_escape() -> None:
    wrong = {}
    for char in INVISIBLE:
        if char in "\r\x85\u2028\u2029":  # line breaks to YAML: a reader error (ASK001/ASK014), not fmt's
            continue
        source = f"id: DK-09\nname: a{char}b\n"
        text, problems = format_text(source.encode(), "f.yaml", Project)
        if read_yaml(source.encode(), "f.yaml").document is None:
            continue  # the reader refuses it (ASK002): fmt leaves such a file alone
        if text is None or _literal_invisible(text) or f'"a{_escape(char)[:2]}' not in text.replace("\\x", "\\u"):
            wrong[f"U+{ord(char):04X}"] = (text, problems)
    assert wrong == {}


def test_the_generating_writer_never_writes_an_invisible_character_literally() -> None:
    wrong = []
    for char in INVISIBLE:
        value = {"id": "DK-09", "name": f"a{char}b", "list": [f"{char}x"], "map": {"k": char}}
        text = document(value)
        read = read_yaml(text.encode(), "f.yaml")
        if _literal_invisible(text) or read.document is None or read.document.value != value:
            wrong.append((f"U+{ord(char):04X}", text))
    assert wrong == []


# -- text that looks like a number -------------------------------------------

SIGNS = ["", "+", "-"]
INTEGERS = ["0", "7", "12", "017", "00", "1_000", "0o17", "0x1F", "2019"]
FRACTIONS = [".5", "5.", "1.50", "0.0", "1e-0", "1E+2", ".5E-1", "12e03", "1.0e1"]
SPECIAL = [".inf", ".Inf", ".INF", ".nan", ".NaN"]
SPELLINGS = sorted({sign + body for sign in SIGNS for body in INTEGERS + FRACTIONS + SPECIAL}
                   - {"+.nan", "-.nan", "+.NaN", "-.NaN"})


def _numbers_file(spelling: str) -> str:
    return (
        f"name: {spelling}\nid: DK-09\nmanager: {spelling}\n"
        f"cost: {{2019: {spelling}, 2020: 5}}\nstaff:\n  2019: {spelling}\n"
        f"milestones:\n  - date: 2020-01-01\n    name: {spelling}\n"
    )


def test_fmt_keeps_every_number_spelling_in_text_and_number_fields() -> None:
    """Text fields keep the source text of a number (core/scalars.py), so
    fmt must write it as it was spelled, whatever the key order does."""
    wrong = {}
    for spelling in SPELLINGS:
        source = _numbers_file(spelling)
        text, problems = format_text(source.encode(), "f.yaml", Project)
        expected = (
            f"id: DK-09\nname: {spelling}\nmanager: {spelling}\n"
            f"cost: {{2019: {spelling}, 2020: 5}}\nstaff:\n  2019: {spelling}\n"
            f"milestones:\n  - name: {spelling}\n    date: 2020-01-01\n"
        )
        if text != expected:
            wrong[spelling] = (text, problems)
    assert len(SPELLINGS) > 60 and wrong == {}


def test_the_guard_compares_numbers_as_the_model_reads_them(monkeypatch: pytest.MonkeyPatch) -> None:
    """With ruamel's own number writing (``+12`` -> ``12``) every changed
    spelling is caught by the guard and the file left alone (ASK012)."""
    from ruamel.yaml.constructor import RoundTripConstructor
    from ruamel.yaml.representer import RoundTripRepresenter

    import askoy2020.writing.round_trip

    monkeypatch.setattr(askoy2020.writing.round_trip, "_verbatim_numbers", lambda: (RoundTripConstructor, RoundTripRepresenter))
    slipped = {}
    for spelling in SPELLINGS:
        source = _numbers_file(spelling)
        text, problems = format_text(source.encode(), "f.yaml", Project)
        if text is not None and f"name: {spelling}\n" not in text:
            slipped[spelling] = text
        elif text is None:
            assert [d.rule for d in problems] == ["ASK012"]
    assert slipped == {}


# -- comments stay with the key they precede ----------------------------------

TOP = {
    "id": ["id: DK-09"],
    "name": ["name: Ny løsning"],
    "area": ["area: DK"],
    "manager": ["manager: Prosjektleder"],
    "status": ["status: planned"],
    "planned": ["planned:", "  {end}", "  {start}"],
    "cost": ["cost: {{2021: 500}}"],
    "staff": ["staff:", "  2021: 1.5"],
    "depends_on": ["depends_on:", "  - {strength}", "    {project}"],
    "benefits": ["benefits: {{2022: 900}}"],
}
NESTED = {"end": "end: 2021-12-31", "start": "start: 2021-01-01", "strength": "strength: soft",
          "project": "project: DK-01"}


@st.composite
def commented_files(draw: st.DrawFn) -> tuple[str, dict[str, str]]:
    """A project with its keys in a random order, a comment before random
    keys (top level and nested), maybe end-of-line comments and one at the
    end of the file. Returns the text and {comment: the key it precedes}."""
    keys = draw(st.permutations(list(TOP)))
    nested_order = {"planned": draw(st.permutations(["end", "start"])),
                    "depends_on": draw(st.permutations(["strength", "project"]))}
    commented = draw(st.sets(st.sampled_from([*TOP, *NESTED])))
    eol = draw(st.sets(st.sampled_from(list(TOP))))
    precedes: dict[str, str] = {}
    lines: list[str] = []
    for key in keys:
        body = TOP[key]
        if key in nested_order:
            first, second = nested_order[key]
            filled = [body[0], body[1].replace("{" + "end}", "{first}").replace("{strength}", "{first}"),
                      body[2].replace("{start}", "{second}").replace("{project}", "{second}")]
            nested = {"first": first, "second": second}
            for index, line in enumerate(filled):
                if index == 0:
                    if key in commented:
                        precedes[f"# før {key}"] = key
                        lines.append(f"# før {key}")
                    lines.append(line + (f"  # ved {key}" if key in eol else ""))
                    continue
                name = nested["first" if index == 1 else "second"]
                indent = "  " if key == "planned" else "    "
                if name in commented and index == 2:  # before the second nested key (the first has no slot)
                    precedes[f"# før {name}"] = name
                    lines.append(f"{indent}# før {name}")
                text = line.replace("{first}", NESTED[first]).replace("{second}", NESTED[second])
                lines.append(text)
        else:
            if key in commented:
                precedes[f"# før {key}"] = key
                lines.append(f"# før {key}")
            lines.append(body[0].format() + (f"  # ved {key}" if key in eol else ""))
            lines += body[1:]
    if lines[0].startswith("#"):  # a comment above everything heads the file, and stays there
        precedes[lines[0]] = "<start>"
    if draw(st.booleans()):
        lines.append("# slutt")
        precedes["# slutt"] = "<end>"
    return "\n".join(lines) + "\n", precedes


def _next_key(lines: list[str], index: int) -> str:
    for line in lines[index + 1:]:
        stripped = line.strip().removeprefix("- ")
        if stripped and not stripped.startswith("#"):
            return stripped.split(":")[0]
    return "<end>"


@settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(commented_files())
def test_each_comment_still_precedes_the_same_key_after_fmt(case: tuple[str, dict[str, str]]) -> None:
    source, precedes = case
    text, problems = format_text(source.encode(), "f.yaml", Project)
    if text is None:  # left alone (ASK012) only when a nested key that becomes first had a comment
        assert [d.rule for d in problems] == ["ASK012"], problems
        assert any(f"# før {name}" in precedes for name in NESTED), source
        return
    lines = text.split("\n")
    for comment, key in precedes.items():
        found = [i for i, line in enumerate(lines) if line.strip() == comment]
        assert len(found) == 1, (comment, text)
        assert (found[0] == 0 if key == "<start>" else _next_key(lines, found[0]) == key), (comment, source, text)
    for line in source.split("\n"):
        if "# ved " in line:
            key = line.split("# ved ")[1]
            assert any(out.startswith(f"{key}:") and out.endswith(f"# ved {key}") for out in lines), text
    before, after = read_yaml(source.encode(), "f.yaml").document, read_yaml(text.encode(), "f.yaml").document
    assert before is not None and after is not None and before.value == after.value


def test_the_known_cases_are_formatted_not_skipped() -> None:
    """From the red-team issue: a comment above cost when keys move, and a
    comment at the end of the file after a block list."""
    source = "name: x\n# om kostnaden\ncost: {2019: 1}\nid: A\nmilestones:\n  - {name: M, date: 2020-01-01}\n# slutt\n"
    text, problems = format_text(source.encode(), "f.yaml", Project)
    assert problems == []
    assert text == (
        "id: A\nname: x\n# om kostnaden\ncost: {2019: 1}\nmilestones:\n  - {name: M, date: 2020-01-01}\n# slutt\n"
    )
    source = "milestones:\n  - name: M\n    date: 2020-01-01\nid: A\n# slutt\n"
    text, problems = format_text(source.encode(), "f.yaml", Project)
    assert problems == [] and text == "id: A\nmilestones:\n  - name: M\n    date: 2020-01-01\n# slutt\n"


# -- links and temporary files --------------------------------------------------

def _messy(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return "name: Chatbot\n" + text.replace("name: Chatbot\n", "")


def test_a_link_inside_the_data_folder_stays_a_link_and_its_target_is_formatted(tmp_path: Path) -> None:
    root = build_case(BASE, tmp_path / "data")
    projects = root / "programmes" / "dk" / "projects"
    original = projects / "DK-02.yaml"
    canonical = original.read_text(encoding="utf-8")
    (root / "shared").mkdir()
    real = root / "shared" / "DK-02.yaml"
    real.write_text(_messy(original), encoding="utf-8")
    original.unlink()
    original.symlink_to(os.path.relpath(real, projects))
    result = format_folder(root)
    assert result.diagnostics == []
    assert original.is_symlink() and os.readlink(original) == os.path.relpath(real, projects)
    assert real.read_text(encoding="utf-8") == canonical
    assert sorted(p.name for p in (root / "shared").iterdir()) == ["DK-02.yaml"]


def test_a_link_out_of_the_data_folder_is_never_written(tmp_path: Path) -> None:
    root = build_case(BASE, tmp_path / "data")
    original = root / "programmes" / "dk" / "projects" / "DK-02.yaml"
    outside = tmp_path / "outside.yaml"
    outside.write_text(_messy(original), encoding="utf-8")
    before = outside.read_text(encoding="utf-8")
    original.unlink()
    original.symlink_to(outside)
    result = format_folder(root)
    assert [d.rule for d in result.diagnostics] == ["ASK010"]
    assert original.is_symlink() and outside.read_text(encoding="utf-8") == before


def test_fmt_removes_the_stale_temporary_file_a_killed_run_left(tmp_path: Path) -> None:
    root = build_case(BASE, tmp_path / "data")
    folder = root / "programmes" / "dk" / "projects"
    stale = folder / ".DK-02.yaml.k1ll3d_x.tmp"
    fresh = folder / ".DK-01.yaml.wr1t1ng_.tmp"
    for temp, age in ((stale, 3600), (fresh, 0)):
        temp.write_text("id: DK-0", encoding="utf-8")
        stamp = time.time() - age
        os.utime(temp, (stamp, stamp))
    assert format_folder(root, check=True).removed_temp_files == [] and stale.exists()  # --check writes nothing
    result = format_folder(root)
    assert [Path(name).name for name in result.removed_temp_files] == [stale.name]
    assert not stale.exists() and fresh.exists()
