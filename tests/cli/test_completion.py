"""TAB completion as the shell does it: bash sources the script askoy2020
writes (``--show-completion bash``, or the one ``--install-completion bash``
installs), fills COMP_WORDS and COMP_CWORD and calls the completion
function, which runs the program; the words it offers come back in
COMPREPLY. And ``--install-completion zsh`` installs for zsh, whatever shell
runs it."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import askoy2020
from askoy2020.cli.app import app
from helpers import BASE

runner = CliRunner()
SAMPLE = Path(__file__).parents[2] / "data"
AREAS = ["AI", "DK", "EI", "HM", "IK", "KM", "OK", "OL", "SA", "TI"]

# CI sets ASKOY2020_REQUIRE_BASH so a missing bash fails there instead of skipping.
needs_bash = pytest.mark.skipif(shutil.which("bash") is None and not os.environ.get("ASKOY2020_REQUIRE_BASH"),
                                reason="bash is not installed")


@pytest.fixture(scope="module")
def program(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with an ``askoy2020`` command that runs the package under
    test (whichever this test imports), as the installed one would."""
    bin_folder = tmp_path_factory.mktemp("bin")
    command = bin_folder / "askoy2020"
    source = Path(askoy2020.__file__).parents[1]
    command.write_text(f"#!/bin/sh\nPYTHONPATH={shlex.quote(str(source))} exec {shlex.quote(sys.executable)} "
                       "-m askoy2020 \"$@\"\n", encoding="utf-8")
    command.chmod(0o755)
    return bin_folder


def _environment(program: Path, home: Path) -> dict[str, str]:
    return {**os.environ, "PATH": f"{program}{os.pathsep}{os.environ['PATH']}", "HOME": str(home)}


def _complete(program: Path, words: list[str], cwd: Path, home: Path, setup: str | None = None) -> list[str]:
    """What bash offers for the last of ``words`` (the word being typed)."""
    script = setup or 'source <(askoy2020 --show-completion bash)'
    call = (f"{script}\nCOMP_WORDS=({' '.join(shlex.quote(w) for w in words)})\nCOMP_CWORD={len(words) - 1}\n"
            "_askoy2020_completion askoy2020\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n")
    done = subprocess.run(["bash", "--norc", "--noprofile", "-c", call], cwd=cwd, env=_environment(program, home),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    return [line for line in done.stdout.splitlines() if line]


@pytest.fixture(scope="module")
def sample_repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = tmp_path_factory.mktemp("repo") / "kommune data"
    repo.mkdir()
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    shutil.copytree(SAMPLE, repo / "data")
    (repo / "data" / "quality" / "2020").mkdir(exist_ok=True)
    return repo


@needs_bash
def test_bash_offers_rule_ids(program: Path, tmp_path: Path) -> None:
    offered = _complete(program, ["askoy2020", "rules", "ASK3"], tmp_path, tmp_path)
    assert "ASK301" in offered and offered == sorted(offered) and all(w.startswith("ASK3") for w in offered)
    assert len(_complete(program, ["askoy2020", "rules", ""], tmp_path, tmp_path)) >= 100
    assert _complete(program, ["askoy2020", "rules", "dependency-c"], tmp_path, tmp_path) == ["dependency-cycle"]


@needs_bash
def test_bash_offers_the_area_ids_of_the_data_folder(program: Path, sample_repository: Path, tmp_path: Path) -> None:
    # The default data folder, from a subfolder of the repository.
    inside = sample_repository / "data" / "quality" / "2020"
    assert _complete(program, ["askoy2020", "new", "project", "--area", ""], inside, tmp_path) == AREAS
    assert _complete(program, ["askoy2020", "new", "project", "--area", "H"], inside, tmp_path) == ["HM"]
    # The data folder given on the command line, from outside any repository.
    given = ["askoy2020", "new", "project", str(BASE), "--area", ""]
    assert _complete(program, given, tmp_path, tmp_path) == ["DK"]
    # Nowhere to read areas from: nothing, and no error.
    assert _complete(program, ["askoy2020", "new", "project", "--area", ""], tmp_path, tmp_path) == []


@needs_bash
def test_bash_offers_commands_and_options(program: Path, tmp_path: Path) -> None:
    assert "validate" in _complete(program, ["askoy2020", "va"], tmp_path, tmp_path)
    options = _complete(program, ["askoy2020", "validate", "-"], tmp_path, tmp_path)
    assert {"-q", "--quiet", "-f", "--format", "-h", "--help", "--as-of"} <= set(options)
    assert _complete(program, ["askoy2020", "validate", "-f", "g"], tmp_path, tmp_path) == ["github", "gitlab"]


@needs_bash
def test_the_installed_bash_script_completes(program: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    done = subprocess.run(["askoy2020", "--install-completion", "bash"], env=_environment(program, home),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    script = home / ".bash_completions" / "askoy2020.sh"
    assert f"source '{script}'" in (home / ".bashrc").read_text(encoding="utf-8")
    offered = _complete(program, ["askoy2020", "rules", "ASK30"], tmp_path, home, setup='source "$HOME/.bashrc"')
    assert "ASK301" in offered


def test_install_completion_zsh_installs_for_zsh(tmp_path: Path) -> None:
    """Whatever shell runs it (bash here, or none that can be detected)."""
    result = runner.invoke(app, ["--install-completion", "zsh"], env={"HOME": str(tmp_path), "SHELL": "/bin/bash"})
    assert result.exit_code == 0, result.output
    assert f"zsh completion installed in {tmp_path / '.zfunc' / '_askoy2020'}" in result.stdout
    zshrc = (tmp_path / ".zshrc").read_text(encoding="utf-8")
    assert "fpath+=~/.zfunc; autoload -Uz compinit; compinit" in zshrc
    function = (tmp_path / ".zfunc" / "_askoy2020").read_text(encoding="utf-8")
    assert function.startswith("#compdef askoy2020") and "_ASKOY2020_COMPLETE=complete_zsh askoy2020" in function
    assert not (tmp_path / ".bashrc").exists() and not (tmp_path / ".bash_completions").exists()
    # Again: nothing added twice.
    assert runner.invoke(app, ["--install-completion", "zsh"], env={"HOME": str(tmp_path)}).exit_code == 0
    assert (tmp_path / ".zshrc").read_text(encoding="utf-8") == zshrc


@pytest.mark.parametrize("shell, installed", [("bash", ".bash_completions/askoy2020.sh"),
                                              ("fish", ".config/fish/completions/askoy2020.fish")])
def test_install_completion_takes_the_shell_named(tmp_path: Path, shell: str, installed: str) -> None:
    for args in (["--install-completion", shell], [f"--install-completion={shell}"]):
        result = runner.invoke(app, args, env={"HOME": str(tmp_path)})
        assert result.exit_code == 0 and (tmp_path / installed).is_file()
        assert "askoy2020" in (tmp_path / installed).read_text(encoding="utf-8")


def test_an_unknown_shell_is_refused_not_ignored(tmp_path: Path) -> None:
    result = runner.invoke(app, ["--install-completion", "tcsh"], env={"HOME": str(tmp_path)})
    assert result.exit_code == 2 and "'tcsh' is not a shell" in result.output and "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


def test_the_scripts_name_askoy2020_also_under_python_minus_m() -> None:
    source = str(Path(askoy2020.__file__).parents[1])
    done = subprocess.run([sys.executable, "-m", "askoy2020", "--show-completion", "bash"], capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": source}, timeout=60)
    assert done.returncode == 0
    assert "complete -o default -F _askoy2020_completion askoy2020" in done.stdout
    assert "_ASKOY2020_COMPLETE=complete_bash" in done.stdout and "python" not in done.stdout


# CI sets ASKOY2020_REQUIRE_ZSH so a missing zsh fails there instead of skipping.
needs_zsh = pytest.mark.skipif(shutil.which("zsh") is None and not os.environ.get("ASKOY2020_REQUIRE_ZSH"),
                               reason="zsh is not installed")
HOSTILE = ["x$(touch {m})y", "x\\$(touch {m})y", "x`touch {m}`y", "x\\`touch {m}\\`y", "x;touch {m};y",
           "x:y$(touch {m})", "x'$(touch {m})'", 'x"$(touch {m})"']


def _hostile_repository(tmp_path: Path, marker: Path) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    shutil.copytree(BASE, repo / "data")
    for i, text in enumerate(HOSTILE):
        hostile = text.format(m=marker)
        area = repo / "data" / "programmes" / f"x{i}" / "area.yaml"
        area.parent.mkdir(parents=True)
        # One area with the text as its name, one with it as its id.
        area.write_text(f"id: X{i}\nname: {_yaml_quoted(hostile)}\n", encoding="utf-8")
        other = repo / "data" / "programmes" / f"y{i}" / "area.yaml"
        other.parent.mkdir(parents=True)
        other.write_text(f"id: {_yaml_quoted('Y' + hostile)}\nname: Område\n", encoding="utf-8")
    return repo


def _yaml_quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def test_offers_hold_only_plain_ids_and_plain_words() -> None:
    from askoy2020.commands.completion import safe

    offers = safe([(h.format(m="f"), "ok") for h in HOSTILE] + [("X1", h.format(m="f")) for h in HOSTILE] +
                  [("DK", "Digital kommune – tjenester")])
    assert [value for value, _ in offers] == ["X1"] * len(HOSTILE) + ["DK"]
    assert all(not set(words) & set("$`\\;:'\"") for _, words in offers)
    assert offers[-1] == ("DK", "Digital kommune – tjenester")


@needs_bash
def test_bash_completion_runs_nothing_from_the_data(program: Path, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    repo = _hostile_repository(tmp_path, marker)
    offered = _complete(program, ["askoy2020", "new", "project", "--area", ""], repo, tmp_path)
    assert not marker.exists()
    assert "X0" in offered and not [o for o in offered if o.startswith("Y")], offered


@needs_zsh
def test_zsh_completion_runs_nothing_from_the_data(program: Path, tmp_path: Path) -> None:
    """Real interactive zsh with the completion installed: TAB after
    --area, where area files hold command substitutions in their names and
    ids (red team: one ran, as zsh's _arguments evaluates what it is given)."""
    import pty
    import select
    import signal
    import time

    marker = tmp_path / "pwned"
    repo = _hostile_repository(tmp_path, marker)
    zdot = tmp_path / "zdot"
    zdot.mkdir()
    script = subprocess.run([str(program / "askoy2020"), "--show-completion", "zsh"], capture_output=True,
                            text=True, check=True, env=_environment(program, tmp_path)).stdout
    (zdot / ".zshrc").write_text(f"autoload -Uz compinit && compinit -u\n{script}\nPROMPT='> '\n", encoding="utf-8")
    pid, fd = pty.fork()
    if pid == 0:  # the child: an interactive zsh in the repository
        os.chdir(repo)
        os.execvpe("zsh", ["zsh", "-i"], {**_environment(program, tmp_path), "ZDOTDIR": str(zdot), "TERM": "dumb"})

    def read(seconds: float) -> bytes:
        out, end = b"", time.time() + seconds
        while time.time() < end:
            ready, _, _ = select.select([fd], [], [], 0.2)
            if ready:
                try:
                    out += os.read(fd, 65536)
                except OSError:
                    break
        return out

    try:
        read(3)
        os.write(fd, b"askoy2020 new project --area \t")
        shown = read(8)
        os.write(fd, b"\t")
        shown += read(4)
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)
    assert b"X0" in shown, shown[-2000:]  # completion ran and offered the areas
    assert not marker.exists()
