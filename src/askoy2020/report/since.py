"""What changed since a git revision, read from the repository's history.

The data folder as it was at REV is exported with ``git archive`` into a
temporary folder and loaded like any other; the two portfolios are then
compared project by project. Nothing in the working tree is touched.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from pathlib import Path

from ..core.numbers import amounts_by_year
from ..loading.loader import load
from ..loading.yaml_reader import ReadLimits
from ..model import Portfolio
from .model import ChangeRow


class SinceError(Exception):
    """The revision or the repository cannot be read; the message says why."""


def changes_since(portfolio: Portfolio, rev: str, limits: ReadLimits = ReadLimits()) -> list[ChangeRow]:
    root = portfolio.root.resolve()
    try:
        top = _git(root, "rev-parse", "--show-toplevel").decode().strip()
        _git(root, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    except SinceError as exc:
        raise SinceError(f"--since {rev}: {exc}") from None
    inside = root.relative_to(Path(top).resolve()).as_posix()
    archive = _git(Path(top), "archive", "--format=tar", rev, "--", inside)
    with tempfile.TemporaryDirectory(prefix="askoy2020-since-") as folder:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(folder, filter=_inside_only)
        old_root = Path(folder) / inside
        if not old_root.is_dir():
            return [ChangeRow("–", "added", f"the data folder did not exist at {rev}")]
        before = load(old_root, limits)
    return compare(before, portfolio)


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


def compare(before: Portfolio, after: Portfolio) -> list[ChangeRow]:
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
                rows.append(ChangeRow(pid, "redated", f"{a.planned.start} – {a.planned.end} → "
                                                      f"{b.planned.start} – {b.planned.end}"))
            if a.cost != b.cost:
                rows.append(ChangeRow(pid, "rebudgeted", f"{amounts_by_year(a.cost)} → {amounts_by_year(b.cost)}"))
            if a.status != b.status:
                rows.append(ChangeRow(pid, "status_changed", f"{a.status.value} → {b.status.value}"))
    old_goals = {g.id: {m.date for m in g.measurements} for g in before.goal_by_id.values()}
    for goal in sorted(after.goal_by_id.values(), key=lambda g: g.id):
        for m in sorted(goal.measurements, key=lambda m: m.date):
            if m.date not in old_goals.get(goal.id, set()):
                rows.append(ChangeRow(goal.id, "new_measurement", f"{m.date}: {m.value:g}"))
    return rows

