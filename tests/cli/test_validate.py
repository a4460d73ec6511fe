"""``askoy2020 validate``: formats, exit codes, no tracebacks."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from askoy2020.cli.app import app
from commands.test_reporters import GITLAB_CODE_QUALITY_SCHEMA
from helpers import BASE, CASES, build_case

runner = CliRunner()
AS_OF = ["--as-of", "2020-10-31"]


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    return build_case(CASES / "ASK301" / "fail-three-files", tmp_path / "data")


@pytest.fixture
def warned(tmp_path: Path) -> Path:
    return build_case(CASES / "ASK803" / "fail", tmp_path / "data")


def test_clean_data_exits_0_with_a_summary() -> None:
    result = runner.invoke(app, ["validate", str(BASE), *AS_OF])
    assert result.exit_code == 0
    assert result.stdout.strip().endswith("0 errors, 0 warnings in 0 files (8 files checked)")


def test_errors_exit_1_grouped_by_file_with_rule_and_hint(broken: Path) -> None:
    result = runner.invoke(app, ["validate", str(broken), *AS_OF])
    assert result.exit_code == 1
    assert "DK-03.yaml" in result.stdout and "ASK301" in result.stdout and "→" in result.stdout
    assert "dependency cycle: DK-03 → DK-05 → DK-04 → DK-03" in result.stdout
    assert result.stdout.strip().splitlines()[-1].startswith("2 errors, 0 warnings in 1 file (11 files checked)")


def test_warnings_pass_unless_strict(warned: Path) -> None:
    assert runner.invoke(app, ["validate", str(warned), *AS_OF]).exit_code == 0
    assert runner.invoke(app, ["validate", str(warned), *AS_OF, "--strict"]).exit_code == 1


def test_json_format_is_stable(broken: Path) -> None:
    result = runner.invoke(app, ["validate", str(broken), *AS_OF, "--format", "json"])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["schema_version"] == 1 and report["as_of"] == "2020-10-31"
    assert report["summary"] == {"errors": 2, "warnings": 0, "files_with_problems": 1, "files_checked": 11}
    first = report["diagnostics"][0]
    assert set(first) == {"file", "line", "column", "rule", "severity", "message", "hint", "related"}
    cycle = next(d for d in report["diagnostics"] if d["rule"] == "ASK301")
    assert cycle["line"] == 9 and len(cycle["related"]) == 2


def test_github_annotations_chosen_automatically(broken: Path) -> None:
    result = runner.invoke(app, ["validate", str(broken), *AS_OF], env={"GITHUB_ACTIONS": "true"})
    lines = result.stdout.splitlines()
    annotation = next(line for line in lines if "ASK301" in line)
    assert annotation.startswith("::error file=") and ",line=9,col=14,title=ASK301 dependency-cycle::" in annotation
    assert "DK-03 → DK-05" in annotation


SAMPLE = Path(__file__).parents[2] / "data"


@pytest.fixture
def sample_broken(tmp_path: Path) -> Path:
    """A copy of the sample data with a status written in Norwegian (DK-03) and an area that does not exist (DK-04)."""
    root = tmp_path / "data"
    shutil.copytree(SAMPLE, root)
    for name, old, new in (("DK-03", "status: completed\n", "status: aktiv\n"), ("DK-04", "area: DK\n", "area: DKK\n")):
        project = root / "programmes" / "dk" / "projects" / f"{name}.yaml"
        text = project.read_text(encoding="utf-8")
        assert old in text
        project.write_text(text.replace(old, new), encoding="utf-8")
    return root


def test_lang_nb_says_each_problem_in_bokmal_at_its_file_and_line(sample_broken: Path) -> None:
    result = runner.invoke(app, ["validate", str(sample_broken), *AS_OF, "--lang", "nb"], env={"NO_COLOR": "1"})
    assert result.exit_code == 1
    lines = result.stdout.splitlines()

    def under(name: str) -> list[str]:
        heading = next(i for i, line in enumerate(lines) if line.endswith(f"programmes/dk/projects/{name}.yaml"))
        return lines[heading + 1:heading + 3]

    status, hint = under("DK-03")
    assert status.startswith("  7:9 ") and " feil " in status and status.endswith("ASK105")
    assert "status: 'aktiv' er ikke en tillatt verdi" in status
    assert hint.strip() == "→ Mente du «active»? Bruk en av disse: planned, active, paused, completed, cancelled."
    area, hint = under("DK-04")
    assert area.startswith("  5:7 ") and area.endswith("ASK202")
    assert "prosjekt DK-04 viser til programområde «DKK», som ikke finnes" in area and hint.strip() == "→ Mente du «DK»?"
    assert lines[-1].startswith("2 feil, ") and " advarsler i " in lines[-1] and " filer kontrollert)" in lines[-1]
    assert "is not an allowed value" not in result.stdout and "refers to" not in result.stdout


def test_lang_en_is_the_default(sample_broken: Path) -> None:
    default = runner.invoke(app, ["validate", str(sample_broken), *AS_OF], env={"NO_COLOR": "1"})
    english = runner.invoke(app, ["validate", str(sample_broken), *AS_OF, "--lang", "en"], env={"NO_COLOR": "1"})
    assert default.stdout == english.stdout and "status: 'aktiv' is not an allowed value" in default.stdout


def test_lang_nb_json_keeps_english_and_adds_bokmal(broken: Path) -> None:
    result = runner.invoke(app, ["validate", str(broken), *AS_OF, "--format", "json", "--lang", "nb"])
    cycle = next(d for d in json.loads(result.stdout)["diagnostics"] if d["rule"] == "ASK301")
    assert list(cycle) == ["file", "line", "column", "rule", "severity", "message", "hint", "message_nb", "hint_nb",
                           "related"]
    assert cycle["message"].startswith("dependency cycle: ") and cycle["message_nb"].startswith("sirkulær avhengighet: ")


@pytest.mark.parametrize("output_format", ["github", "gitlab", "junit"])
def test_lang_nb_annotations_are_bokmal(broken: Path, output_format: str) -> None:
    result = runner.invoke(app, ["validate", str(broken), *AS_OF, "--format", output_format, "--lang", "nb"])
    assert "sirkulær avhengighet: DK-03 → DK-05 → DK-04 → DK-03" in result.stdout
    assert "dependency cycle" not in result.stdout


def test_gitlab_fingerprints_do_not_change_with_the_language(broken: Path) -> None:
    prints = [[issue["fingerprint"] for issue in json.loads(runner.invoke(
        app, ["validate", str(broken), *AS_OF, "--format", "gitlab", "--lang", lang]).stdout)] for lang in ("en", "nb")]
    assert prints[0] == prints[1]


@pytest.mark.parametrize(
    "args",
    [["validate", "no-such-folder"], ["validate", str(BASE), "--as-of", "31.12.2020"],
     ["validate", str(BASE), "--format", "xml"], ["rules", "ASK999"]],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_rules_lists_every_rule_and_explains_one() -> None:
    listing = runner.invoke(app, ["rules"])
    assert listing.exit_code == 0 and "ASK301" in listing.stdout and "ASK901" in listing.stdout
    one = runner.invoke(app, ["rules", "ASK301"])
    assert "FAIL" in one.stdout and "PASS" in one.stdout


def test_module_entry_point_and_no_traceback_on_hostile_files(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "quality").mkdir(parents=True)
    hostile = [b"\x00\x01\x02", b"\xff\xfe", b"- - - [", b"a: &a [*a]", b"\t- x", b"id: !!binary AAAA",
               b"[" * 20000, b"key: " + b"x" * 100_000]
    for i, content in enumerate(hostile):
        (data / "quality" / f"h{i}.yaml").write_bytes(content)
    env = {**os.environ, "NO_COLOR": "1"}
    done = subprocess.run([sys.executable, "-m", "askoy2020", "validate", str(data)],
                          capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr + done.stdout
    assert done.stdout.count(".yaml") >= len(hostile)
    version = subprocess.run([sys.executable, "-m", "askoy2020", "--version"], capture_output=True, text=True)
    assert version.stdout.startswith("askoy2020 ")


def test_gitlab_code_quality_report(tmp_path: Path) -> None:
    import jsonschema

    broken_case = build_case(CASES / "ASK301" / "fail-three-files", tmp_path / "broken")
    warned_case = build_case(CASES / "ASK803" / "fail", tmp_path / "warned")
    for folder, expected_exit in ((broken_case, 1), (warned_case, 0)):
        result = runner.invoke(app, ["validate", str(folder), *AS_OF, "--format", "gitlab"])
        assert result.exit_code == expected_exit
        issues = json.loads(result.stdout)
        jsonschema.validate(issues, GITLAB_CODE_QUALITY_SCHEMA)
        assert issues and len({i["fingerprint"] for i in issues}) == len(issues)


def test_junit_report_parses_with_one_case_per_problem(broken: Path) -> None:
    from xml.etree import ElementTree as ET

    result = runner.invoke(app, ["validate", str(broken), *AS_OF, "--format", "junit"])
    assert result.exit_code == 1
    root = ET.fromstring(result.stdout)
    cases = root.findall("./testsuite/testcase")
    failures = root.findall("./testsuite/testcase/failure")
    assert root.tag == "testsuites" and int(root.get("failures", "0")) == len(failures) > 0
    assert all(f.get("type", "").startswith("ASK") for f in failures)
    clean = ET.fromstring(runner.invoke(app, ["validate", str(BASE), *AS_OF, "--format", "junit"]).stdout)
    assert [c.get("name") for c in clean.iter("testcase")] == ["8 files valid"] and not list(clean.iter("failure"))
    assert len(cases) >= len(failures)


def test_a_bad_limit_setting_is_a_usage_error_naming_the_variable() -> None:
    result = runner.invoke(app, ["validate", str(BASE)], env={"ASKOY2020_MAX_VALUES": "many"})
    assert result.exit_code == 2
    assert "ASKOY2020_MAX_VALUES='many' is not a positive whole number" in result.output


def test_a_lowered_limit_turns_big_files_into_diagnostics() -> None:
    result = runner.invoke(app, ["validate", str(BASE), "--no-cache"], env={"ASKOY2020_MAX_FILE_BYTES": "100"})
    assert result.exit_code == 1
    assert "ASK005" in result.output and "more than the limit of 100" in result.output


def test_junit_timestamp_is_when_the_check_ran_and_as_of_is_a_property(broken: Path) -> None:
    """JUnit's timestamp is the run's date-time (xs:dateTime without a zone),
    not the --as-of day; SOURCE_DATE_EPOCH fixes it for reproducible output."""
    import datetime as dt
    from xml.etree import ElementTree as ET

    before = dt.datetime.now().replace(microsecond=0)
    suite = ET.fromstring(runner.invoke(app, ["validate", str(broken), *AS_OF, "--format", "junit"]).stdout)[0]
    ran = dt.datetime.fromisoformat(suite.get("timestamp", ""))
    assert ran.tzinfo is None and before <= ran <= dt.datetime.now()
    assert {p.get("name"): p.get("value") for p in suite.iter("property")}["as_of"] == AS_OF[1]
    fixed = [runner.invoke(app, ["validate", str(broken), *AS_OF, "--format", "junit"],
                           env={"SOURCE_DATE_EPOCH": "1604102400"}).stdout for _ in range(2)]
    assert fixed[0] == fixed[1] and 'timestamp="2020-10-31T00:00:00"' in fixed[0]


def test_junit_report_reads_in_junitparser(broken: Path) -> None:
    """The report as junitparser (used by CI plug-ins to publish JUnit
    results) reads it: every problem a case, failures for errors, the run's
    date-time, the --as-of day as a property."""
    import datetime as dt

    junitparser = pytest.importorskip("junitparser")
    result = runner.invoke(app, ["validate", str(broken), *AS_OF, "--format", "junit"])
    xml = junitparser.JUnitXml.fromstring(result.stdout)
    suites = list(xml) if isinstance(xml, junitparser.JUnitXml) else [xml]
    cases = [case for suite in suites for case in suite]
    failed = [case for case in cases if any(isinstance(r, junitparser.Failure) for r in case.result)]
    assert failed and all(case.result[0].type.startswith("ASK") for case in failed)
    assert sum(suite.failures for suite in suites) == len(failed) and sum(suite.tests for suite in suites) == len(cases)
    suite = suites[0]
    assert isinstance(dt.datetime.fromisoformat(suite.timestamp), dt.datetime)
    assert {p.name: p.value for p in suite.properties()}["as_of"] == AS_OF[1]
