"""Where CI installs askoy2020 from: a git repository URL and a ref (a tag or
a commit) that ``init`` writes into the recipes as
``pip install "askoy2020 @ git+<url>@<ref>"`` and as pre-commit's
``repo:``/``rev:``. The name is on no package index (anyone could claim it
there), so the recipes name the repository itself, pinned.

Both values end up in YAML files and in a shell command, so they are held
to a narrow alphabet – no quote, space, ``$``, ``#``, backtick, ``@`` or
line break can pass – rather than escaped for two languages at once. That
also keeps credentials (``https://token@host/…``) out of committed files.
"""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

DISTRIBUTION = "askoy2020"
_HOST = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::[0-9]{1,5})?"
_SEGMENT = r"[A-Za-z0-9_~][A-Za-z0-9._~%+-]*"
_URL = re.compile(rf"(?:https://{_HOST}|file://)(?:/{_SEGMENT})+/?")
_REF = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*(?:/[A-Za-z0-9][A-Za-z0-9._-]*)*")
_PINNED = re.compile(r"v?[0-9]+(?:\.[0-9]+)*(?:[.-]?[A-Za-z0-9]+)*|[0-9a-f]{7,40}")
_RELEASE = re.compile(r"[0-9]+(?:\.[0-9]+)*")
MAX_URL = 300
MAX_REF = 100


@dataclass(frozen=True)
class InstallSource:
    url: str
    ref: str
    found: str = "given"
    """How it was found: given, installed (PEP 610 origin), project-url or checkout."""

    @property
    def requirement(self) -> str:
        """What pip installs: the PEP 508 direct reference."""
        return f"askoy2020 @ git+{self.url}@{self.ref}"

    @property
    def pip_install(self) -> str:
        """The command line, as a shell and a YAML plain scalar both read it."""
        return f'pip install "{self.requirement}"'

    @property
    def pinned(self) -> bool:
        """Whether the ref looks like a tag or a commit, not a branch that moves."""
        return _PINNED.fullmatch(self.ref) is not None and self.ref not in ("main", "master")


def check_url(url: str) -> str:
    """``url`` if it is a repository URL the recipes can carry; else ValueError."""
    if len(url) > MAX_URL or not _URL.fullmatch(url):
        raise ValueError(
            f"{url[:MAX_URL]!r} is not a repository URL init can write into the CI files: use "
            "https://host/path/askoy2020.git (or file:///path for a local copy), with letters, digits and "
            "._~%+- only – no user name or token, no spaces, quotes, '#', '?' or '@'")
    if any(segment in (".", "..") for segment in unquote(urlsplit(url).path).split("/")):
        raise ValueError(f"{url!r}: a repository URL cannot go up a folder ('..')")
    return url


def check_ref(ref: str) -> str:
    """``ref`` if it is a tag or commit name the recipes can carry; else ValueError."""
    if (len(ref) > MAX_REF or not _REF.fullmatch(ref) or ".." in ref or ref.endswith((".", ".lock"))
            or ref == "HEAD"):
        raise ValueError(
            f"{ref[:MAX_REF]!r} is not a tag or commit init can write into the CI files: use a tag such as "
            "v0.17.0 or a commit id, with letters, digits and ._-/ only")
    return ref


def default_source() -> InstallSource | None:
    """Where the running askoy2020 came from, when it can tell: the git URL
    and commit pip recorded when it was installed from a repository (PEP
    610 ``direct_url.json``); the project's Source URL at its release tag;
    or, for a checkout installed editable, its ``origin`` remote at its tag
    or commit. None when none of these is known."""
    try:
        dist = distribution(DISTRIBUTION)
    except PackageNotFoundError:
        return None
    version = dist.version
    release_tag = f"v{version}" if _RELEASE.fullmatch(version) else None
    direct = _direct_url(dist.read_text("direct_url.json"))
    vcs = direct.get("vcs_info") if direct is not None else None
    if direct is not None and isinstance(vcs, dict):
        ref = release_tag or vcs.get("commit_id")
        return _valid(_quoted(str(direct.get("url", ""))), str(ref or ""), "installed")
    for entry in dist.metadata.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("source", "repository") and release_tag:
            return _valid(url.strip(), release_tag, "project-url")
    if direct is not None and str(direct.get("url", "")).startswith("file://"):
        return _checkout_source(Path(unquote(urlsplit(str(direct["url"])).path)), release_tag)
    return None


def _direct_url(text: str | None) -> dict[str, object] | None:
    try:
        found = json.loads(text) if text else None
    except ValueError:
        return None
    return found if isinstance(found, dict) else None


def _quoted(url: str) -> str:
    """The URL with its path percent-encoded: pip records ``file:///a b``
    for the ``file:///a%20b`` it was given."""
    parts = urlsplit(url)
    return parts._replace(path=quote(unquote(parts.path), safe="/~")).geturl()


def _valid(url: str, ref: str, found: str) -> InstallSource | None:
    try:
        return InstallSource(check_url(url), check_ref(ref), found)
    except ValueError:
        return None


def _checkout_source(folder: Path, release_tag: str | None) -> InstallSource | None:
    """The ``origin`` of a git checkout (an scp-like ``git@host:path`` read
    as ``https://host/path``) at its release tag, else its commit."""
    remote = _git(folder, "remote", "get-url", "origin")
    if remote is None:
        return None
    scp = re.fullmatch(r"[A-Za-z0-9._-]+@([A-Za-z0-9.-]+):(?!/)(.+)", remote)
    url = f"https://{scp.group(1)}/{scp.group(2)}" if scp else remote
    ref = release_tag
    if ref is None:
        # Between releases: the commit, but only one origin has (a branch of
        # origin holds it); a commit made here and not pushed would give CI
        # a ref it cannot fetch, so init asks for --tool-ref instead.
        if not _git(folder, "branch", "-r", "--contains", "HEAD"):
            return None
        ref = _git(folder, "rev-parse", "HEAD")
    return _valid(url, ref or "", "checkout")


def _git(folder: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, timeout=10,
                              check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() if done.returncode == 0 else None
