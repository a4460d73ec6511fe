"""No identity number reaches any output, wherever it is placed.

A synthetic number (built with the checksum rules, in several written
forms) goes into every scalar value and as a key into every record file of
the small base portfolio, and into a file name. Each variant is loaded and
validated, reported (Markdown and HTML, internal and public) and
prioritised (YAML, JSON, CSV); the real command line is run on a sample of
the variants in every output format. No output may hold a number the
finder recognises, nor the digits as written.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

import askoy2020
from askoy2020.cli.app import app
from askoy2020.commands.choices import DiagnosticsFormat, Language
from askoy2020.commands.reporters import REPORTERS
from askoy2020.core.identity_numbers import check_digits, find_identity_numbers
from askoy2020.export import sheets
from askoy2020.prioritise.formats import outcome_json, plan_csv, plan_yaml
from askoy2020.prioritise.run import prioritise
from askoy2020.report.build import build_report
from askoy2020.report.render import render
from helpers import AS_OF
from money_fixture import money_portfolio

# The base portfolio with the whole budget cycle (rounds, revisions, accounts,
# gains, accounting codes), so every money field is a slot too.
BASE = money_portfolio(Path(tempfile.mkdtemp(prefix="askoy2020-base-")) / "data")

SCENARIO = "id: S-1\nname: Ekstra\nbudget_frames:\n  - {year: 2020, change: 100}\n"


def _numbers() -> list[str]:
    """Synthetic fødselsnummer and D-nummer, valid by both check digits."""
    found = []
    for first_nine in ("010190100", "150275300", "410190200", "291199400"):
        for last in range(10):
            nine = first_nine[:8] + str(last)
            digits = check_digits(nine)
            if digits is not None:
                found.append(nine + digits)
                break
    return found


NUMBERS = _numbers()
FORMS = [lambda n: n, lambda n: f"{n[:6]} {n[6:]}", lambda n: f"fnr.{n}", lambda n: f"{n[:2]}.{n[2:4]}.{n[4:6]}-{n[6:]}"]
_LINE = re.compile(r"^(\s*(?:- )?)([A-Za-z_][\w]*): ([^{\[\s#][^#]*?)\s*$")


def _slots() -> Iterator[tuple[str, int, str]]:
    """(file, line index, kind) for every plain scalar value and every file's end (for a key)."""
    files = sorted(p.relative_to(BASE).as_posix() for p in BASE.rglob("*.yaml")) + ["scenarios/S-1.yaml"]
    for relative in files:
        text = SCENARIO if relative.startswith("scenarios/") else (BASE / relative).read_text(encoding="utf-8")
        for i, line in enumerate(text.splitlines()):
            if _LINE.match(line):
                yield relative, i, "value"
        yield relative, -1, "key"


SLOTS = list(_slots())


def _variant(tmp_path: Path, slot: tuple[str, int, str], number: str) -> Path:
    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    (root / "scenarios").mkdir()
    (root / "scenarios" / "S-1.yaml").write_text(SCENARIO, encoding="utf-8")
    relative, index, kind = slot
    path = root / relative
    lines = path.read_text(encoding="utf-8").splitlines()
    if kind == "key":
        lines.append(f"{number}: 1")
    else:
        match = _LINE.match(lines[index])
        assert match is not None
        lines[index] = f"{match.group(1)}{match.group(2)}: '{number}'"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def _leaks(text: str, number: str, written: str) -> list[str]:
    found = [text[f.start:f.end] for f in find_identity_numbers(text)]
    return found + ([written] if written in text else []) + ([number] if number in text else [])


def test_there_are_slots_in_every_kind_of_record() -> None:
    kinds = {relative.split("/")[0] for relative, _, _ in SLOTS}
    assert kinds >= {"programme.yaml", "programmes", "leaders", "quality", "scenarios"}
    assert len(SLOTS) > 60


@pytest.mark.parametrize("slot", SLOTS, ids=lambda s: f"{s[0]}:{s[1] + 1 if s[1] >= 0 else 'key'}")
def test_no_output_holds_the_number(tmp_path: Path, slot: tuple[str, int, str]) -> None:
    i = SLOTS.index(slot)
    number = NUMBERS[i % len(NUMBERS)]
    written = FORMS[i % len(FORMS)](number)
    root = _variant(tmp_path, slot, written)
    portfolio = askoy2020.load(root)
    diagnostics = askoy2020.check(portfolio, AS_OF)
    outputs: dict[str, str] = {}
    for fmt, reporter in REPORTERS.items():
        for lang in Language:  # the bokmål texts are masked as the English ones are
            out = io.StringIO()
            reporter(diagnostics, len(portfolio.files), AS_OF, out, lang)
            outputs[f"validate {fmt.value} {lang.value}"] = out.getvalue()
    for fmt in ("md", "html"):
        for public in (False, True):
            report = build_report(portfolio, 2020, AS_OF, public=public, diagnostics=diagnostics)
            outputs[f"report {fmt} public={public}"] = render(report, fmt)
    outputs["export"] = "\n".join(
        "\t".join(str(v) for v in [*sheet.headers, *(cell for row in sheet.rows for cell in row)])
        for sheet in sheets(portfolio, as_of=AS_OF))
    if portfolio.programme is not None:
        outcome = prioritise(portfolio, explain=False, as_of=AS_OF)
        if outcome.plan is not None:
            outputs["plan yaml"] = plan_yaml(outcome.plan, "askoy2020 prioritise")
            outputs["plan csv"] = plan_csv(outcome.plan)
        outputs["plan json"] = outcome_json(outcome.plan, outcome.conflicts, outcome.notes)
    leaks = {name: found for name, text in outputs.items() if (found := _leaks(text, number, written))}
    assert leaks == {}
    # And the number is reported where it is (ASK901), masked.
    assert any(d.rule == "ASK901" for d in diagnostics)


CLI_SAMPLE = [s for i, s in enumerate(SLOTS) if i % 9 == 0]


@pytest.mark.parametrize("slot", CLI_SAMPLE, ids=lambda s: f"{s[0]}:{s[1] + 1 if s[1] >= 0 else 'key'}")
def test_the_command_line_prints_no_number(tmp_path: Path, slot: tuple[str, int, str]) -> None:
    number = NUMBERS[0]
    written = FORMS[1](number)
    root = _variant(tmp_path, slot, written)
    # A file name that is itself a number, too.
    shutil.copyfile(root / "quality" / "Q-2020-001.yaml", root / "quality" / f"{number}.yaml")
    runner = CliRunner()
    runs = [["validate", str(root), "--as-of", "2020-10-31", "--format", f.value, "--lang", lang.value]
            for f in DiagnosticsFormat for lang in Language]
    runs += [["report", "--year", "2020", str(root), "--as-of", "2020-10-31", "--format", fmt] + public
             for fmt in ("md", "html") for public in ([], ["--public"])]
    runs += [["prioritise", str(root), "--as-of", "2020-10-31", "--no-explain", "--format", fmt]
             for fmt in ("text", "json", "yaml", "csv")]
    runs += [["rules"], ["new", "case", str(root)]]
    for args in runs:
        result = runner.invoke(app, args)
        assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
        assert _leaks(result.stdout + result.stderr, number, written) == [], args


def test_a_date_that_is_a_number_is_masked_in_the_usage_error() -> None:
    number = NUMBERS[0]
    result = CliRunner().invoke(app, ["validate", "--as-of", number])
    assert result.exit_code == 2
    assert number not in result.stdout + result.stderr


def test_the_finder_sees_the_forms_used_here() -> None:
    for number in NUMBERS:
        for form in FORMS:
            assert len(list(find_identity_numbers(f"x {form(number)} y"))) == 1, form(number)
    assert dt.date(2020, 10, 31) == AS_OF


# -- found by a red-team pass: escapes and wrapping must never split a number --

SHY = "\u00ad"


@pytest.mark.parametrize("hidden", [f"{NUMBERS[0][:6]}{SHY}{NUMBERS[0][6:]}", f"{NUMBERS[0][:6]}\u200b{NUMBERS[0][6:]}",
                                    f"{NUMBERS[0][:2]}.{NUMBERS[0][2:4]}.{NUMBERS[0][4:6]} {NUMBERS[0][6:]}"])
def test_escaping_for_the_terminal_or_markdown_never_splits_a_number(tmp_path: Path, hidden: str) -> None:
    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    project = root / "programmes" / "dk" / "projects" / "DK-01.yaml"
    project.write_text(project.read_text(encoding="utf-8").replace("name: Digital postkasse", f"name: 'Bruker {hidden}'"),
                       encoding="utf-8")
    case = root / "quality" / "Q-2020-001.yaml"
    case.write_text(case.read_text(encoding="utf-8").replace("unit: Kleppestø skole", f"unit: '{hidden}'"),
                    encoding="utf-8")
    runner = CliRunner()
    outputs = [runner.invoke(app, ["prioritise", str(root), "--as-of", "2020-10-31", "--no-explain"]),
               runner.invoke(app, ["report", "--year", "2020", str(root), "--as-of", "2020-10-31", "--format", "md"]),
               runner.invoke(app, ["report", "--year", "2020", str(root), "--as-of", "2020-10-31", "--output",
                                   str(tmp_path / f"r-{hidden}.md")]),
               runner.invoke(app, ["fmt", "--check", str(root)])]
    for result in outputs:
        text = result.stdout + result.stderr
        assert NUMBERS[0][6:] not in text and not list(find_identity_numbers(text)), text[-300:]


def test_usage_errors_and_the_process_streams_are_masked() -> None:
    import subprocess
    import sys

    number = NUMBERS[0]
    for args in (["validate", "--format", number], ["new", number], ["validate", "data", f"--bogus-{number}"]):
        done = subprocess.run([sys.executable, "-m", "askoy2020", *args], capture_output=True, text=True)
        assert done.returncode == 2, args
        assert number not in done.stdout + done.stderr, args


# A number born on the 1st to the 9th, written bare: YAML reads it as an
# integer and drops the leading zero, so what is left to print is ten digits.
BARE = [n for n in NUMBERS if n.startswith("0")]
BARE_SLOTS = [s for i, s in enumerate(SLOTS) if i % 3 == 0]


def _bare_variant(tmp_path: Path, slot: tuple[str, int, str], number: str) -> Path:
    root = _variant(tmp_path, slot, "PLACEHOLDER-X")
    relative, _, _ = slot
    path = root / relative
    path.write_text(path.read_text(encoding="utf-8").replace("'PLACEHOLDER-X'", number)
                    .replace("PLACEHOLDER-X", number), encoding="utf-8")
    return root


@pytest.mark.parametrize("slot", BARE_SLOTS, ids=lambda s: f"{s[0]}:{s[1] + 1 if s[1] >= 0 else 'key'}")
def test_a_bare_number_that_lost_its_leading_zero_is_masked_too(tmp_path: Path, slot: tuple[str, int, str]) -> None:
    """cohort: 01019010046 is the integer 1019010046 to YAML; its ten digits
    give the number away. No output may hold them (red team, issue 17)."""
    number = BARE[SLOTS.index(slot) % len(BARE)]
    root = _bare_variant(tmp_path, slot, number)
    runner = CliRunner()
    runs = [["validate", str(root), "--as-of", "2020-10-31", "--format", f.value, "--lang", lang.value]
            for f in DiagnosticsFormat for lang in Language]
    runs += [["report", "--year", "2020", str(root), "--as-of", "2020-10-31", "--format", "md"] + public
             for public in ([], ["--public"])]
    runs += [["prioritise", str(root), "--as-of", "2020-10-31", "--no-explain", "--format", "csv"]]
    for args in runs:
        result = runner.invoke(app, args)
        assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
        assert _leaks(result.stdout + result.stderr, number, number[1:]) == [], args
    csv_folder = tmp_path / "csv"
    result = runner.invoke(app, ["export", str(root), "-f", "csv", "-o", str(csv_folder), "--as-of", "2020-10-31"])
    exported = "".join(p.read_text(encoding="utf-8-sig") for p in sorted(csv_folder.glob("*.csv")))
    assert _leaks(exported, number, number[1:]) == []


@pytest.mark.parametrize("number", [NUMBERS[1], BARE[0]], ids=["eleven-digits", "lost-zero"])
def test_an_identity_number_in_a_number_field_is_masked_in_every_output(tmp_path: Path, number: str) -> None:
    """An identity number typed into a goal's baseline, target and
    measurement (number fields, so YAML reads integers): the report prints
    them grouped (13 012 230 065,0), the export as number cells; neither may
    show one (red team, issue 17)."""
    from openpyxl import load_workbook

    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    (area,) = [p for p in root.rglob("area.yaml") if "value: 35" in p.read_text(encoding="utf-8")]
    area.write_text(area.read_text(encoding="utf-8").replace("value: 35", f"value: {number}")
                    .replace("{2020: 70}", f"{{2020: {number}}}").replace("value: 52", f"value: {number}"),
                    encoding="utf-8")
    runner = CliRunner()
    outputs = {}
    for fmt in ("md", "html"):
        for public in ([], ["--public"]):
            result = runner.invoke(app, ["report", "--year", "2020", str(root), "--as-of", "2020-10-31",
                                         "--format", fmt, *public])
            outputs[f"report {fmt} {public}"] = result.stdout
    for lang in Language:
        outputs[f"validate {lang.value}"] = runner.invoke(
            app, ["validate", str(root), "--as-of", "2020-10-31", "--lang", lang.value]).stdout
    runner.invoke(app, ["export", str(root), "-f", "csv", "-o", str(tmp_path / "csv"), "--as-of", "2020-10-31"])
    outputs["csv"] = "".join(p.read_text(encoding="utf-8-sig") for p in sorted((tmp_path / "csv").glob("*.csv")))
    runner.invoke(app, ["export", str(root), "-f", "xlsx", "-o", str(tmp_path / "x.xlsx"), "--as-of", "2020-10-31"])
    outputs["xlsx"] = "\n".join(str(cell.value) for ws in load_workbook(tmp_path / "x.xlsx").worksheets
                                for row in ws.iter_rows() for cell in row)
    assert "•" in outputs["csv"] and "•" in outputs["xlsx"]  # the cells were there, masked
    leaks = {name: found for name, text in outputs.items() if (found := _leaks(text, number, number.lstrip("0")))}
    assert leaks == {}
