"""``askoy2020 init``: a new data repository, all or nothing. Files that
are there already are kept.

The CI and pre-commit files install askoy2020 from a git repository at a
tag or commit: ``--tool-url``/``--tool-ref``, by default where the running
copy came from (:func:`askoy2020.core.install_source.default_source`)."""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from .failures import explain_os_errors
from .output import echo
from .safe_text import visible

_FOUND = {
    "given": "as given",
    "installed": "where this copy of askoy2020 was installed from",
    "project-url": "the project's Source URL at this release's tag",
    "checkout": "the origin of the checkout this copy runs from",
}


@dataclass(frozen=True)
class InitRequest:
    folder: Path
    tool_url: str | None = None
    """The git repository CI installs askoy2020 from."""
    tool_ref: str | None = None
    """The tag or commit of it."""


@explain_os_errors
def run(request: InitRequest, out: TextIO, err: TextIO) -> int:
    from ..core.install_source import InstallSource, check_ref, check_url, default_source
    from ..core.paths import repository_root
    from ..scaffold import ci_files, init_repository, merge_editor_settings

    try:
        url = check_url(request.tool_url) if request.tool_url is not None else None
        ref = check_ref(request.tool_ref) if request.tool_ref is not None else None
    except ValueError as exc:
        echo(err, f"Error: {visible(exc)}.")
        return 2
    default = default_source() if url is None or ref is None else None
    if url is None and default is not None:
        url = default.url
    if ref is None and default is not None and default.url == url:
        ref = default.ref
    if url is not None and ref is None:
        echo(err, f"Error: give the tag or commit of {url} to install too, e.g. '--tool-ref v0.17.0'. "
                  "Nothing was written.")
        return 2
    if url is None or ref is None:
        echo(err, "Error: init cannot tell where CI should install askoy2020 from (this copy was not installed "
                  "from a git repository). Give the repository and a tag or commit of it, e.g. "
                  "'askoy2020 init --tool-url https://git.example.org/askoy/askoy2020.git --tool-ref v0.17.0'; "
                  "see docs/ci.md. Nothing was written.")
        return 2
    source = InstallSource(url, ref, "given" if default is None else default.found)
    written, kept = init_repository(request.folder, source=source)
    settings = request.folder / ".vscode" / "settings.json"
    added = merge_editor_settings(request.folder) if settings in kept else []
    for path in written:
        echo(out, f"wrote {visible(path)}")
    for path in kept:
        if path == settings and added:
            echo(out, f"added {visible(path)}: {visible(', '.join(added))} (the values there are kept)")
        elif path == settings and added is None:
            echo(out, f"kept  {visible(path)} (already there, not plain JSON: add the schema mapping and "
                      "formatter settings by hand, as README.md's 'Editor set-up' shows)")
        else:
            echo(out, f"kept  {visible(path)} (already there)")
    ci = [request.folder / rel for rel in ci_files(source)]
    if any(path in written for path in ci):
        echo(err, f"CI and pre-commit install askoy2020 from {source.url} at {source.ref} "
                  f"({_FOUND[source.found]}).")
    if any(path in kept for path in ci):
        echo(err, "The CI or pre-commit files that were there already are kept: check where they install "
                  "askoy2020 from (docs/ci.md).")
    if not source.pinned:
        echo(err, f"Warning: {visible(source.ref)} looks like a branch: CI then installs whatever it points to on "
                  "the day. Give a tag or commit with --tool-ref.")
    enclosing = repository_root(request.folder)
    if enclosing is not None and enclosing != request.folder.resolve():
        # GitHub, GitLab and pre-commit read their files only at the top of a
        # repository, and the hooks expect data/ there.
        echo(err, f"Warning: {visible(request.folder)} is inside the git repository {visible(enclosing)}: GitHub, "
                  "GitLab and pre-commit read their files only at its top, so the CI and pre-commit files written "
                  "here are not used. Start the data repository in a folder of its own, or move those files to "
                  "the top and change 'data' in them to the path of this data folder.")
        echo(err, f"Next: cd {shlex.quote(visible(request.folder))} && askoy2020 validate")
        return 0
    echo(err, f"Next: cd {shlex.quote(visible(request.folder))} && git init && askoy2020 validate")
    return 0
