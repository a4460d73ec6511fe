"""init starts a repository that validates, reports and formats clean;
new gives the next free id with every required field."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

import askoy2020
from askoy2020.cli.app import app
from askoy2020.commands.choices import RecordKind
from askoy2020.core.install_source import InstallSource
from askoy2020.fmt import format_folder
from askoy2020.loading.yaml_reader import read_yaml
from askoy2020.model.kinds import kind_named, kind_of
from askoy2020.scaffold import ci_files, init_repository, new_record

runner = CliRunner()
DATA = Path(__file__).parent.parent / "data"


SOURCE = InstallSource("https://git.example.org/askoy/askoy2020.git", "v0.17.0")
"""Where the recipes in docs/ci.md install from (example.org: no one can claim it)."""
INIT = ["init", "--tool-url", SOURCE.url, "--tool-ref", SOURCE.ref]


def test_init_makes_a_repository_that_validates_reports_and_is_formatted(tmp_path: Path) -> None:
    result = runner.invoke(app, [*INIT, str(tmp_path / "kommune")])
    assert result.exit_code == 0, result.output
    root = tmp_path / "kommune"
    for rel in ("data/programme.yaml", "data/programmes/aa/area.yaml", "data/leaders/L-001.yaml",
                "data/scenarios/ekstra.yaml", "schemas/project.schema.json", ".vscode/settings.json",
                ".pre-commit-config.yaml", ".github/workflows/askoy2020.yml", ".gitlab-ci.yml", "README.md"):
        assert (root / rel).is_file(), rel
    portfolio = askoy2020.load(root / "data")
    assert [d.message for d in askoy2020.check(portfolio, as_of=dt.date.today())] == []
    assert len(portfolio.projects) == 1 and len(portfolio.cases) == 1 and len(portfolio.scenarios) == 1
    assert format_folder(root / "data", check=True).changed == []
    for rel, text in ci_files(SOURCE).items():
        assert (root / rel).read_text(encoding="utf-8") == text
    assert SOURCE.pip_install in (root / "README.md").read_text(encoding="utf-8")
    report = runner.invoke(app, ["report", "--year", str(dt.date.today().year), str(root / "data")])
    assert report.exit_code == 0
    plan = runner.invoke(app, ["prioritise", str(root / "data")])
    assert plan.exit_code == 0 and "Proven optimal" in plan.stdout


def test_init_keeps_existing_files(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("ours\n", encoding="utf-8")
    written, kept = init_repository(tmp_path, 2030, SOURCE)
    assert kept == [tmp_path / "README.md"] and (tmp_path / "README.md").read_text() == "ours\n"
    assert tmp_path / "data" / "programme.yaml" in written


def test_new_project_gets_the_next_id_and_validates(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    result = runner.invoke(app, ["new", "project", str(root), "--area", "DK", "--write"])
    assert result.exit_code == 0, result.output
    target = root / "programmes" / "dk" / "projects" / "DK-07.yaml"
    assert target.is_file()
    schema = json.loads((DATA.parent / "schemas" / "project.schema.json").read_text(encoding="utf-8"))
    record = read_yaml(target.read_bytes(), target.name).document
    assert record is not None
    jsonschema.validate({k: v for k, v in record.value.items()}, schema)  # the editor would not complain either
    diagnostics = askoy2020.check(askoy2020.load(root), as_of=dt.date(2020, 10, 31))
    assert [str(d.location) for d in diagnostics if "DK-07" in d.file and d.is_error] == []
    again = runner.invoke(app, ["new", "project", str(root), "--area", "DK", "--write"])
    assert again.exit_code == 0 and (root / "programmes" / "dk" / "projects" / "DK-08.yaml").is_file()


def test_new_case_and_leader_numbering() -> None:
    portfolio = askoy2020.load(DATA)
    case = new_record(portfolio, "case", None, dt.date(2020, 11, 2))
    assert case.relative_path.startswith("quality/2020/Q-2020-") and "status: registered" in case.text
    number = int(case.relative_path.rsplit("-", 1)[1].split(".")[0])
    assert number == max(int(c.id.rsplit("-", 1)[1]) for c in portfolio.cases if c.id.startswith("Q-2020-")) + 1
    leader = new_record(portfolio, "leader", "DK", dt.date(2020, 11, 2))
    assert leader.relative_path == "leaders/L-031.yaml" and "name:" not in leader.text


def test_new_project_without_area_says_which_areas_exist() -> None:
    result = runner.invoke(app, ["new", "project", str(DATA)])
    assert result.exit_code == 2 and "--area" in result.stderr and "DK" in result.stderr


def test_ci_recipes_in_the_docs_are_the_ones_init_writes() -> None:
    docs = (DATA.parent / "docs" / "ci.md").read_text(encoding="utf-8")
    for rel, text in ci_files(SOURCE).items():
        assert text in docs, rel
    assert "pip install askoy2020\n" not in docs and "v0.1.0" not in docs


def test_no_instruction_installs_the_name_from_an_index() -> None:
    """The name is on no index: anyone could claim it there. (A pinned
    version, ==0.18.0, is how docs/ci.md says to install once published.)"""
    for path in (DATA.parent / "README.md", DATA.parent / "docs" / "ci.md", DATA.parent / ".pre-commit-hooks.yaml"):
        text = path.read_text(encoding="utf-8")
        assert re.search(r"pip install ['\"]?askoy2020(?![ \w]*@|==)", text) is None, path.name


def test_the_recipes_pass_the_published_github_and_gitlab_schemas(tmp_path: Path) -> None:
    """check-jsonschema's copies of the SchemaStore schemas GitHub's and
    GitLab's editors use; a misspelt permission must fail, or the check
    proves nothing."""
    files = ci_files(SOURCE)
    checks = {".github/workflows/askoy2020.yml": "vendor.github-workflows", ".gitlab-ci.yml": "vendor.gitlab-ci"}
    for rel, schema in checks.items():
        good = tmp_path / "good" / Path(rel).name
        bad = tmp_path / "bad" / Path(rel).name
        good.parent.mkdir(exist_ok=True), bad.parent.mkdir(exist_ok=True)
        good.write_text(files[rel], encoding="utf-8")
        bad.write_text(files[rel].replace("contents: read", "contents: reed").replace("when: always", "when: allways"),
                       encoding="utf-8")
        ok = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(good)],
                            capture_output=True, text=True, timeout=60)
        assert ok.returncode == 0, ok.stdout + ok.stderr
        broken = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(bad)],
                                capture_output=True, text=True, timeout=60)
        assert broken.returncode == 1, broken.stdout + broken.stderr


def test_init_installs_from_where_this_copy_came_from(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    installed = InstallSource("https://git.example.org/fork/askoy2020.git", "0123456789abcdef0123456789abcdef01234567",
                              "installed")
    monkeypatch.setattr("askoy2020.core.install_source.default_source", lambda: installed)
    result = runner.invoke(app, ["init", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / ".gitlab-ci.yml").read_text(encoding="utf-8") == ci_files(installed)[".gitlab-ci.yml"]
    assert "where this copy of askoy2020 was installed from" in result.stderr and "Warning" not in result.stderr
    # The ref alone, for the same repository.
    other = tmp_path / "other"
    assert runner.invoke(app, ["init", str(other), "--tool-ref", "v0.18.0"]).exit_code == 0
    assert "rev: 'v0.18.0'" in (other / ".pre-commit-config.yaml").read_text(encoding="utf-8")


def test_init_that_cannot_tell_the_source_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("askoy2020.core.install_source.default_source", lambda: None)
    result = runner.invoke(app, ["init", str(tmp_path / "kommune")])
    assert result.exit_code == 2 and "--tool-url" in result.stderr and "Traceback" not in result.output
    assert not (tmp_path / "kommune").exists()
    result = runner.invoke(app, ["init", str(tmp_path / "kommune"), "--tool-url", SOURCE.url])
    assert result.exit_code == 2 and "--tool-ref" in result.stderr and not (tmp_path / "kommune").exists()


@pytest.mark.parametrize(("option", "value"), [("--tool-url", "https://git.example.org/a\n  - run: curl x|sh"),
                                               ("--tool-url", 'https://git.example.org/a" && curl x|sh #'),
                                               ("--tool-ref", "v1 && curl x|sh"),
                                               ("--tool-ref", "${{ secrets.TOKEN }}")])
def test_init_refuses_a_hostile_url_or_ref_and_writes_nothing(tmp_path: Path, option: str, value: str) -> None:
    args = {"--tool-url": SOURCE.url, "--tool-ref": SOURCE.ref, option: value}
    result = runner.invoke(app, ["init", str(tmp_path / "k"), *[x for kv in args.items() for x in kv]])
    assert result.exit_code == 2 and "Error:" in result.stderr and "Traceback" not in result.output
    assert not (tmp_path / "k").exists()


def test_init_over_existing_ci_files_says_they_are_kept(tmp_path: Path) -> None:
    (tmp_path / ".gitlab-ci.yml").write_text("ours: {script: [pip install something]}\n", encoding="utf-8")
    result = runner.invoke(app, [*INIT, str(tmp_path)])
    assert result.exit_code == 0 and "are kept: check where they install" in result.stderr
    assert (tmp_path / ".gitlab-ci.yml").read_text(encoding="utf-8").startswith("ours:")


def test_init_warns_when_the_ref_is_a_branch(tmp_path: Path) -> None:
    result = runner.invoke(app, ["init", str(tmp_path), "--tool-url", SOURCE.url, "--tool-ref", "main"])
    assert result.exit_code == 0 and "looks like a branch" in result.stderr


@pytest.mark.parametrize("choice", list(RecordKind), ids=lambda c: c.value)
def test_every_new_record_lands_where_the_kinds_table_reads_it(choice: RecordKind) -> None:
    portfolio = askoy2020.load(DATA)
    record = new_record(portfolio, choice.value, "DK", dt.date(2020, 11, 2))
    assert kind_of(record.relative_path) is kind_named(choice.value)


def test_new_cohort_takes_the_next_free_start_year_and_validates(tmp_path: Path) -> None:
    portfolio = askoy2020.load(DATA)
    assert {c.start for c in portfolio.cohorts} == {2018, 2019}
    record = new_record(portfolio, "cohort", None, dt.date(2019, 3, 1))
    assert record.relative_path == "cohorts/K-2020.yaml" and "id: K-2020" in record.text
    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    (root / record.relative_path).write_text(record.text, encoding="utf-8")
    loaded = askoy2020.load(root)
    assert loaded.load_diagnostics == [] and [c.id for c in loaded.cohorts if c.start == 2020] == ["K-2020"]


def test_init_inside_a_repository_warns_that_its_ci_files_are_not_read(tmp_path: Path) -> None:
    """CI and pre-commit read their files only at the top of a repository:
    init in a subfolder of one says so and does not ask for a nested git
    init; the next command is quoted for the shell (red team)."""
    from askoy2020.cli.app import app

    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    inner = tmp_path / "sub" / "kø mune"
    result = CliRunner().invoke(app, ["init", str(inner), "--tool-url", "https://git.example.org/a.git",
                                      "--tool-ref", "v0.17.0"])
    assert result.exit_code == 0, result.output
    assert "is inside the git repository" in result.stderr and "git init" not in result.stderr
    assert f"cd '{inner}' && askoy2020 validate" in result.stderr
    alone = tmp_path.parent / f"{tmp_path.name}-alone" / "kø mune"
    result = CliRunner().invoke(app, ["init", str(alone), "--tool-url", "https://git.example.org/a.git",
                                      "--tool-ref", "v0.17.0"])
    assert "inside the git repository" not in result.stderr and f"cd '{alone}' && git init" in result.stderr


def test_a_windows_checkout_gets_the_records_with_lf(tmp_path: Path) -> None:
    """Git with core.autocrlf=true (Git for Windows' default) checks the
    records out with LF, as fmt lays them out, because init writes
    .gitattributes (red team: every file failed fmt --check there)."""
    from askoy2020.cli.app import app
    from askoy2020.fmt import format_folder

    source = tmp_path / "source"
    result = CliRunner().invoke(app, ["init", str(source), "--tool-url", "https://git.example.org/a.git",
                                      "--tool-ref", "v0.17.0"])
    assert result.exit_code == 0, result.output
    git = ["git", "-c", "user.name=a", "-c", "user.email=a@example.invalid"]
    subprocess.run([*git, "init", "-q", str(source)], check=True)
    subprocess.run([*git, "-C", str(source), "add", "-A"], check=True)
    subprocess.run([*git, "-C", str(source), "commit", "-qm", "init"], check=True)
    clone = tmp_path / "windows"
    subprocess.run([*git, "-c", "core.autocrlf=true", "clone", "-q", "--config", "core.autocrlf=true",
                    str(source), str(clone)], check=True)
    records = list((clone / "data").rglob("*.yaml"))
    assert records and not [p for p in records if b"\r\n" in p.read_bytes()]
    assert format_folder(clone / "data", check=True).changed == []


def test_init_adds_the_editor_settings_an_existing_file_lacks(tmp_path: Path) -> None:
    """An existing .vscode/settings.json gets the schema mapping and the
    formatter settings that agree with fmt, the user's own values kept; a
    file with comments (JSONC) is left and init says what to add (red team)."""
    from askoy2020.cli.app import app
    from askoy2020.schema import editor_settings

    args = ["--tool-url", "https://git.example.org/a.git", "--tool-ref", "v0.17.0"]
    plain = tmp_path / "plain"
    (plain / ".vscode").mkdir(parents=True)
    (plain / ".vscode" / "settings.json").write_text('{"editor.tabSize": 4, "yaml.format.printWidth": 100}\n')
    result = CliRunner().invoke(app, ["init", str(plain), *args])
    assert result.exit_code == 0 and "added" in result.stdout, result.output
    merged = json.loads((plain / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    ours = editor_settings()
    assert merged["editor.tabSize"] == 4 and merged["yaml.format.printWidth"] == 100  # theirs kept
    assert merged["yaml.schemas"] == ours["yaml.schemas"] and merged["yaml.format.singleQuote"] is True
    again = CliRunner().invoke(app, ["init", str(plain), *args])
    assert "added" not in again.stdout and "kept" in again.stdout  # nothing left to add
    commented = tmp_path / "commented"
    (commented / ".vscode").mkdir(parents=True)
    text = '// mine\n{"editor.tabSize": 4,}\n'
    (commented / ".vscode" / "settings.json").write_text(text)
    result = CliRunner().invoke(app, ["init", str(commented), *args])
    assert (commented / ".vscode" / "settings.json").read_text() == text and "by hand" in result.stdout
