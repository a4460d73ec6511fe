"""What changed since a git revision, read from the repository's history.

The data folder as it was at REV is exported with ``git archive`` into a
temporary folder and loaded like any other; the two portfolios are then
compared project by project. Nothing in the working tree is touched.
"""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import tarfile
import tempfile
from pathlib import Path

from ..core.numbers import amounts_by_year
from ..loading.loader import load
from ..loading.yaml_reader import ReadLimits
from ..model import Portfolio
from ..model.base import Goal
from .i18n import Lang
from .model import ChangeRow


class SinceError(Exception):
    """The revision or the repository cannot be read; the message says why."""


def portfolio_at(portfolio: Portfolio, rev: str, limits: ReadLimits = ReadLimits(),
                 option: str = "--since") -> Portfolio | None:
    """The data folder as it was at ``rev``, loaded; None when the folder did
    not exist then. ``option`` names what asked, for the error."""
    root = portfolio.root.resolve()
    if rev.startswith(("-", "^")) or not rev.strip():  # an option to git, or a range's exclusion
        raise SinceError(f"{option} {rev!r}: not a revision; give a branch, tag or commit")
    try:
        top = _git(root, "rev-parse", "--show-toplevel").decode().strip()
        _git(root, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    except SinceError as exc:
        raise SinceError(f"{option} {rev}: {exc}") from None
    inside = root.relative_to(Path(top).resolve()).as_posix()
    if inside != ".":
        try:  # the data folder may not have existed yet at that revision
            _git(Path(top), "cat-file", "-e", f"{rev}:{inside}")
        except SinceError:
            return None
    _sizes_within(Path(top), rev, inside, limits, option)
    # --worktree-attributes: the revision's own .gitattributes could drop a
    # file from the archive (export-ignore) or rewrite it (export-subst).
    archive = _git(Path(top), "archive", "--worktree-attributes", "--format=tar", rev, "--", inside)
    with tempfile.TemporaryDirectory(prefix="askoy2020-since-") as folder:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(folder, filter=_inside_only)
        old_root = Path(folder) / inside
        if not old_root.is_dir():
            return None
        return load(old_root, limits)


def _sizes_within(top: Path, rev: str, inside: str, limits: ReadLimits, option: str) -> None:
    """Refuse a revision with a file larger than the read limit before it is
    unpacked: git keeps a huge file of one repeated line in a few kilobytes,
    and the archive would hold it whole in memory and on disk."""
    listing = _git(top, "ls-tree", "-r", "-l", "-z", rev, "--", inside)
    for entry in listing.split(b"\0"):
        head, _, name = entry.partition(b"\t")
        parts = head.split()
        if len(parts) == 4 and parts[1] == b"blob" and parts[3].isdigit() and int(parts[3]) > limits.max_file_bytes:
            shown = name.decode("utf-8", "replace")
            raise SinceError(f"{option} {rev}: {shown} is {int(parts[3]):,} bytes, more than the limit of "
                             f"{limits.max_file_bytes:,}; no plan is made of data not read whole")


def revision_on(portfolio: Portfolio, tag: str, day: dt.date) -> tuple[str, str] | None:
    """The revision the report of ``day`` was made from and how it was
    found: ``(tag, "tag")`` when the team tagged it, else the newest commit
    of the data folder on or before that day, ``(sha, "commit")``; None
    outside a git repository or when there is none."""
    root = portfolio.root.resolve()
    try:
        _git(root, "rev-parse", "--verify", "--quiet", f"refs/tags/{tag}^{{commit}}")
        return tag, "tag"
    except SinceError:
        pass
    try:
        found = _git(root, "rev-list", "-1", f"--before={day.isoformat()} 23:59:59", "HEAD", "--", ".")
    except SinceError:
        return None
    sha = found.decode().strip()
    return (sha, "commit") if sha else None


def _inside_only(member: tarfile.TarInfo, path: str) -> tarfile.TarInfo | None:
    """tarfile's "data" filter, but a member it refuses (a link out of the
    folder, say) is left out rather than ending the report: such a file is
    not read in the working tree either (ASK010)."""
    try:
        return tarfile.data_filter(member, path)
    except tarfile.FilterError:
        return None


def _git(cwd: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise SinceError("git is not installed") from None
    if done.returncode != 0:
        message = done.stderr.decode(errors="replace").strip().splitlines()
        raise SinceError(message[-1] if message else "not a git revision in this repository")
    return done.stdout


def compare(before: Portfolio, after: Portfolio, lang: Lang = Lang("en")) -> list[ChangeRow]:
    old, new = before.project_by_id, after.project_by_id
    rows: list[ChangeRow] = []
    for pid in sorted(set(old) | set(new)):
        a, b = old.get(pid), new.get(pid)
        if a is None and b is not None:
            rows.append(ChangeRow(pid, "added", b.name))
        elif b is None and a is not None:
            rows.append(ChangeRow(pid, "removed", a.name))
        elif a is not None and b is not None:
            if (a.planned.start, a.planned.end) != (b.planned.start, b.planned.end):
                rows.append(ChangeRow(pid, "redated", f"{lang.date(a.planned.start)} – {lang.date(a.planned.end)} → "
                                                      f"{lang.date(b.planned.start)} – {lang.date(b.planned.end)}"))
            if a.cost != b.cost:
                rows.append(ChangeRow(pid, "rebudgeted", f"{amounts_by_year(a.cost)} → {amounts_by_year(b.cost)}"))
            if a.status != b.status:
                rows.append(ChangeRow(pid, "status_changed", f"{lang.t(a.status.value)} → {lang.t(b.status.value)}"))
    # The programme areas' goals only: a leader's goal and its measurements
    # rate one person, and belong in no list of changes.
    old_goals = {g.id: {m.date for m in g.measurements} for g in _area_goals(before)}
    for goal in sorted(_area_goals(after), key=lambda g: g.id):
        for m in sorted(goal.measurements, key=lambda m: m.date):
            if m.date not in old_goals.get(goal.id, set()):
                rows.append(ChangeRow(goal.id, "new_measurement", _measured(m.date, m.value, lang)))
    return rows



def events_between(portfolio: Portfolio, after: dt.date, until: dt.date, lang: Lang) -> list[ChangeRow]:
    """What the data records as happening after one day and up to another:
    the changes since the previous report when there is no earlier version
    of the data to compare with (each record carries its dates)."""
    rows: list[ChangeRow] = []

    def inside(day: dt.date | None) -> bool:
        return day is not None and after < day <= until

    for project in sorted(portfolio.projects, key=lambda p: p.id):
        if inside(project.actual.start):
            rows.append(ChangeRow(project.id, "started", lang.date(project.actual.start)))
        if inside(project.actual.end):
            rows.append(ChangeRow(project.id, "finished", lang.date(project.actual.end)))
        before, now = project.rag(after), project.rag(until)
        if now is not None and now != before:
            was = lang.t(before.value) if before is not None else "–"
            rows.append(ChangeRow(project.id, "light_changed", f"{was} → {lang.t(now.value)}"))
    for goal in sorted(_area_goals(portfolio), key=lambda g: g.id):
        for m in sorted(goal.measurements, key=lambda m: m.date):
            if inside(m.date):
                rows.append(ChangeRow(goal.id, "new_measurement", _measured(m.date, m.value, lang)))
    return rows


def _measured(day: dt.date, value: float, lang: Lang) -> str:
    """A measurement with as many decimals as it was written with, up to three."""
    text = f"{value:g}"
    decimals = min(3, len(text.split(".")[1])) if "." in text else 0
    return f"{lang.date(day)}: {lang.number(value, decimals)}"


def _area_goals(portfolio: Portfolio) -> list[Goal]:
    return [goal for area in portfolio.areas for goal in area.goals]
