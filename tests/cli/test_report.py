"""``askoy2020 report``: formats from the suffix, atomic files, same input
same bytes, clear errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from askoy2020.cli.app import app

runner = CliRunner()
DATA = Path(__file__).parent.parent.parent / "data"
ARGS = ["report", "--year", "2020", str(DATA), "--as-of", "2020-10-31"]


def test_markdown_to_stdout_by_default() -> None:
    result = runner.invoke(app, ARGS)
    assert result.exit_code == 0
    # The internal report (the default) opens with its marking, then the title.
    assert result.stdout.startswith("**Unntatt offentlighet, jf. offentleglova § 14 første ledd (organinternt "
                                    "dokument)**\n\n# Askøy 2020 – rapport 2020\n")


def test_output_suffix_chooses_html_and_the_file_is_written_whole(tmp_path: Path) -> None:
    target = tmp_path / "rapport.html"
    result = runner.invoke(app, [*ARGS, "--output", str(target), "--lang", "en"])
    assert result.exit_code == 0 and result.stdout == ""
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["rapport.html"]


def test_same_input_gives_the_same_bytes_across_hash_seeds(tmp_path: Path) -> None:
    outputs = []
    for seed in ("1", "2"):
        target = tmp_path / f"r{seed}.html"
        subprocess.run([sys.executable, "-m", "askoy2020", *ARGS, "--output", str(target)], check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True)
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]


@pytest.mark.parametrize(("args", "message"), [
    (["--output", "r.pdf"], "must end in .md or .html"),
    (["--format", "md", "--output", "r.html"], "does not match"),
    (["--templates", "no-such-folder"], "is not a folder"),
])
def test_usage_errors_exit_2(args: list[str], message: str) -> None:
    result = runner.invoke(app, [*ARGS, *args])
    assert result.exit_code == 2 and message in result.stderr


def test_missing_year_is_a_usage_error() -> None:
    result = runner.invoke(app, ["report", str(DATA)])
    assert result.exit_code == 2


def test_a_broken_user_template_exits_2_with_the_reason(tmp_path: Path) -> None:
    (tmp_path / "report.md.j2").write_text("{{ r.nope }}", encoding="utf-8")
    result = runner.invoke(app, [*ARGS, "--templates", str(tmp_path)])
    assert result.exit_code == 2
    assert "report.md.j2" in result.stderr and "nope" in result.stderr
