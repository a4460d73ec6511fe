"""askoy2020 fmt FILE… and fmt -: the files named (a pre-commit hook passes
the staged ones) and nothing else; a folder inside the data folder read
with the data folder's record kinds; standard input formatted exactly as
the file would be, and given back unchanged when it cannot be."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from askoy2020.cli.app import app
from askoy2020.fmt import format_files, record_place
from model_strategies import identity_number
from test_fmt import MESSY

runner = CliRunner()
DATA = Path(__file__).parent.parent / "data"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository with the sample data, three files made messy."""
    root = tmp_path / "kommune"
    shutil.copytree(DATA, root / "data")
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    for rel in ("programmes/dk/projects/DK-09.yaml", "programmes/dk/projects/DK-10.yaml"):
        (root / "data" / rel).write_text(MESSY.replace("DK-09", Path(rel).stem), encoding="utf-8")
    leader = root / "data" / "leaders" / "L-001.yaml"
    text = leader.read_text(encoding="utf-8")
    leader.write_text(text.replace("id: L-001\n", "") + "id: L-001\n", encoding="utf-8")  # id last
    return root


def _invoke(cwd: Path, *args: str, stdin: bytes | None = None) -> tuple[int, bytes, str]:
    old = Path.cwd()
    os.chdir(cwd)
    try:
        result = runner.invoke(app, ["fmt", *args], input=stdin)
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout_bytes, result.stderr


def test_only_the_files_named_are_formatted(repo: Path) -> None:
    before = {p: p.read_bytes() for p in (repo / "data").rglob("*.yaml")}
    code, out, _ = _invoke(repo, "data/programmes/dk/projects/DK-09.yaml", "data/leaders/L-001.yaml")
    assert code == 0
    changed = {p for p in before if p.read_bytes() != before[p]}
    assert changed == {repo / "data/programmes/dk/projects/DK-09.yaml", repo / "data/leaders/L-001.yaml"}
    assert out.decode().splitlines() == ["reformatted data/programmes/dk/projects/DK-09.yaml",
                                         "reformatted data/leaders/L-001.yaml"]
    assert (repo / "data/leaders/L-001.yaml").read_text(encoding="utf-8").startswith(
        before[repo / "data/leaders/L-001.yaml"].decode().split("\n", 1)[0])  # the comment heading the file stays
    assert format_files([repo / "data/programmes/dk/projects/DK-10.yaml"], check=True).changed  # still messy


def test_check_with_files_lists_them_and_changes_nothing(repo: Path) -> None:
    before = {p: p.read_bytes() for p in (repo / "data").rglob("*.yaml")}
    code, out, err = _invoke(repo, "--check", "data/leaders/L-001.yaml", "data/risks/R-AI-01.yaml")
    assert code == 1 and out.decode() == "would reformat data/leaders/L-001.yaml\n"
    assert "1 file would reformat, 1 left as they were" in err
    assert all(p.read_bytes() == data for p, data in before.items())
    assert _invoke(repo, "--check", "data/risks/R-AI-01.yaml")[0] == 0


def test_files_and_folders_mix_and_each_file_is_formatted_once(repo: Path) -> None:
    code, out, _ = _invoke(repo, "data/programmes/dk/projects/DK-09.yaml", "data/programmes/dk",
                           "./data/programmes/dk/projects/DK-09.yaml", "data/leaders")
    assert code == 0
    assert sorted(out.decode().splitlines()) == ["reformatted data/leaders/L-001.yaml",
                                                 "reformatted data/programmes/dk/projects/DK-09.yaml",
                                                 "reformatted data/programmes/dk/projects/DK-10.yaml"]


def test_a_folder_inside_the_data_folder_is_read_with_its_kinds(repo: Path) -> None:
    """Run from a subfolder: leaders/ is the leaders of data/, not a data folder of its own."""
    code, out, _ = _invoke(repo / "data" / "leaders", ".")
    assert code == 0 and out.decode() == "reformatted L-001.yaml\n"
    code, out, _ = _invoke(repo / "data" / "programmes", "dk/projects/DK-10.yaml")
    assert code == 0 and out.decode() == "reformatted dk/projects/DK-10.yaml\n"


def test_the_top_of_the_repository_means_its_data_folder(repo: Path) -> None:
    """fmt . at the top formats the records under data/, and no other YAML file."""
    (repo / ".gitlab-ci.yml").write_text("b: 1\na: 2\n", encoding="utf-8")
    (repo / "leaders").mkdir()  # a record folder's name, but not under data/
    (repo / "leaders" / "L-001.yaml").write_text("role: x\nid: L-001\n", encoding="utf-8")
    code, out, _ = _invoke(repo, "--check", ".")
    assert code == 1 and sorted(out.decode().splitlines()) == [
        "would reformat data/leaders/L-001.yaml", "would reformat data/programmes/dk/projects/DK-09.yaml",
        "would reformat data/programmes/dk/projects/DK-10.yaml"]


def test_a_file_in_no_record_folder_is_reported_and_left(repo: Path) -> None:
    (repo / "notes.yaml").write_text("b: 1\na: 2\n", encoding="utf-8")
    (repo / "data" / "misc").mkdir()
    (repo / "data" / "misc" / "x.yaml").write_text("b: 1\na: 2\n", encoding="utf-8")
    code, _, err = _invoke(repo, "notes.yaml", "data/misc/x.yaml", "data/leaders/L-001.YAML")
    assert code == 2  # the last one does not exist
    code, out, err = _invoke(repo, "notes.yaml", "data/misc/x.yaml")
    assert code == 0 and out == b""
    assert err.count("warning: this file is in no record folder") == 2 and "notes.yaml" in err
    assert (repo / "notes.yaml").read_text(encoding="utf-8") == "b: 1\na: 2\n"


@pytest.mark.parametrize("folder", ["data folder", "mappe med æøå", "x/leaders/y"])
def test_outside_a_repository_the_nearest_record_folder_says_the_kind(tmp_path: Path, folder: str) -> None:
    root = tmp_path / folder
    (root / "programmes" / "dk" / "projects").mkdir(parents=True)
    target = root / "programmes" / "dk" / "projects" / "DK-09.yaml"
    target.write_text(MESSY, encoding="utf-8")
    place = record_place(target)
    assert place is not None and place[0] == root.resolve() and place[1].key == "project"
    code, _, _ = _invoke(tmp_path, str(target))
    assert code == 0 and target.read_text(encoding="utf-8").startswith("# Prosjekt i Digital kommune")
    assert target.read_text(encoding="utf-8").split("\n")[1] == "id: DK-09"


# --- Standard input ------------------------------------------------------------------

def test_stdin_gives_what_the_file_would_become(repo: Path) -> None:
    for rel in ("programmes/dk/projects/DK-09.yaml", "leaders/L-001.yaml", "risks/R-AI-01.yaml"):
        path = repo / "data" / rel
        original = path.read_bytes()
        code, out, _ = _invoke(repo, "-", "--stdin-filename", f"data/{rel}", stdin=original)
        assert code == 0
        assert path.read_bytes() == original  # not written
        _invoke(repo, f"data/{rel}")
        assert out == path.read_bytes(), rel


def test_stdin_keeps_every_byte_of_non_ascii_text(repo: Path) -> None:
    text = MESSY.encode("utf-8")
    code, out, _ = _invoke(repo, "-", "--stdin-filename", "data/programmes/dk/projects/DK-09.yaml", stdin=text)
    assert code == 0 and "Ny løsning for æøå" in out.decode("utf-8") and out.decode().split("\n")[1] == "id: DK-09"


def test_stdin_writes_the_text_as_the_file_would_hold_it_not_masked(repo: Path) -> None:
    """Masking is for messages: the text goes back to the editor as fmt
    would write the file (validate flags the number, ASK901)."""
    number = identity_number(7)
    path = repo / "data" / "risks" / "R-AI-01.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("title: ", f"title: {number} ", 1), encoding="utf-8")
    code, out, err = _invoke(repo, "-", "--stdin-filename", "data/risks/R-AI-01.yaml", stdin=path.read_bytes())
    assert code == 0 and out == path.read_bytes() and number in out.decode() and number not in err


def test_stdin_check_says_whether_it_would_change(repo: Path) -> None:
    name = "data/programmes/dk/projects/DK-09.yaml"
    code, out, _ = _invoke(repo, "-", "--check", "--stdin-filename", name, stdin=MESSY.encode())
    assert code == 1 and out.decode() == f"would reformat {name}\n"
    formatted = _invoke(repo, "-", "--stdin-filename", name, stdin=MESSY.encode())[1]
    assert _invoke(repo, "-", "--check", "--stdin-filename", name, stdin=formatted)[:2] == (0, b"")


def test_stdin_that_cannot_be_formatted_comes_back_as_it_was(repo: Path) -> None:
    broken = "id: DK-09\nname: [Ny løsning\n".encode()
    code, out, err = _invoke(repo, "-", "--stdin-filename", "data/programmes/dk/projects/DK-09.yaml", stdin=broken)
    assert code == 1 and out == broken and "data/programmes/dk/projects/DK-09.yaml:" in err and "error" in err
    code, out, err = _invoke(repo, "-", "--stdin-filename", "notes.yaml", stdin=b"b: 1\na: 2\n")
    assert code == 0 and out == b"b: 1\na: 2\n" and "no record folder" in err


@pytest.mark.parametrize("args", [["-"], ["-", "data/leaders"], ["-", "-", "--stdin-filename", "data/leaders/a.yaml"]])
def test_stdin_needs_a_name_and_no_company(repo: Path, args: list[str]) -> None:
    code, out, err = _invoke(repo, *args, stdin=b"id: L-001\n")
    assert code == 2 and out == b"" and "Error:" in err and "Traceback" not in err


def test_stdin_over_the_size_limit_comes_back_as_it_came(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Not formatted, and not emptied either: an editor that applies what fmt
    prints keeps its text (red team); --check prints nothing."""
    monkeypatch.setenv("ASKOY2020_MAX_FILE_BYTES", "1000")
    text = b"id: L-001\n" * 200
    code, out, err = _invoke(repo, "-", "--stdin-filename", "data/leaders/L-001.yaml", stdin=text)
    assert code == 1 and out == text and "larger than 1000 bytes" in err
    code, out, err = _invoke(repo, "-", "--check", "--stdin-filename", "data/leaders/L-001.yaml", stdin=text)
    assert code == 1 and out == b"" and "larger than 1000 bytes" in err


@pytest.mark.parametrize("text", ["", "# only a comment\n", "hello\n", "42\n", "\n\n"],
                         ids=["empty", "comment", "scalar", "number", "blank-lines"])
def test_a_file_with_no_record_to_lay_out_is_left_as_it_is(tmp_path: Path, text: str) -> None:
    """An empty, comment-only or scalar file has no layout: fmt neither
    writes 'null' and '...' into it nor fails --check on it (red team), from
    a file or from standard input."""
    from askoy2020.fmt import format_text
    from askoy2020.model.leader import Leader

    formatted, problems = format_text(text.encode("utf-8"), "data/leaders/L-090.yaml", Leader)
    assert (formatted, problems) == (text, [])


@pytest.mark.parametrize("limit", ["1000", "99999999999999999999"], ids=["over-the-limit", "huge-limit"])
def test_stdin_over_or_under_any_limit_comes_back_whole_in_a_real_process(tmp_path: Path, limit: str) -> None:
    """An editor applies what fmt prints: input over the size limit comes
    back as it came (not empty), and a huge limit is no MemoryError or
    OverflowError (red team); a real process, as an editor runs it."""
    import sys

    text = ("# " + "x" * 70 + "\n") * 200 + "id: L-001\n"
    done = subprocess.run([sys.executable, "-m", "askoy2020", "fmt", "-", "--stdin-filename", "data/leaders/L-001.yaml"],
                          input=text.encode("utf-8"), capture_output=True, timeout=60,
                          env={**os.environ, "ASKOY2020_MAX_FILE_BYTES": limit})
    assert "Traceback" not in done.stderr.decode()
    assert done.stdout.decode("utf-8") == text or done.returncode == 0
    if limit == "1000":
        assert done.returncode == 1 and done.stdout.decode("utf-8") == text
