"""``askoy2020 migrate leaders``: per-leader appraisal data into cohort
records, and names and 10-FAKTOR scores from too few respondents out of the
leader records (:mod:`askoy2020.migrate.leaders`). Exit 0 when done or nothing to
do, 1 when a file cannot be migrated safely (nothing written), 2 when the
folder cannot be read or its leader or cohort files have errors."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from .failures import explain_os_errors
from .output import echo
from .safe_text import visible


@dataclass(frozen=True)
class MigrateLeadersRequest:
    folder: Path | None
    dry_run: bool = False
    """Write nothing; show what would be written."""


@explain_os_errors
def run(request: MigrateLeadersRequest, out: TextIO, err: TextIO) -> int:
    from ..migrate.leaders import MigrationProblem, plan, write
    from .paths import load_or_explain

    portfolio = load_or_explain(request.folder, "askoy2020 migrate leaders data", err, use_cache=False)
    if portfolio is None:
        return 2
    broken = [d for d in portfolio.load_diagnostics if d.is_error
              and (kind := portfolio.kind_of_file(d.location.file)) is not None and kind.key in ("leader", "cohort")]
    if broken:
        for d in broken:
            echo(err, f"{visible(d.location)}: error: {visible(d.message)}")
        echo(err, "Error: fix the leader and cohort files first (askoy2020 validate); nothing written.")
        return 2
    try:
        result = plan(portfolio)
    except MigrationProblem as exc:
        echo(err, f"Error: {visible(exc)}. Nothing written.")
        return 1
    if result.empty:
        echo(out, "Nothing to migrate: no leader holds competences, evaluations, a name or 10-FAKTOR scores "
                  f"from fewer than {result.threshold} respondents.")
        return 0
    verb = "would write" if request.dry_run else "wrote"
    for cp in result.cohorts:
        echo(out, f"{verb} {visible(cp.path)}: {len(cp.reaction)} level 1, {len(cp.learning)} level 2, "
                  f"{len(cp.behaviour)} level 3 aggregate(s) ({'added to the cohort' if cp.exists else 'new cohort'})")
    for line in result.dropped:
        echo(out, f"dropped {visible(line)}")
    for line in result.skipped:
        echo(out, f"skipped {visible(line)}")
    removing = "would remove" if request.dry_run else "removed"
    for line in result.removed:
        echo(out, f"{removing} {visible(line)}")
    kinds = (("competences and evaluations", bool(result.cohorts or result.dropped or result.skipped)),
             ("names", any("the name" in x for x in result.removed)),
             ("10-FAKTOR scores from too few respondents", any("10-FAKTOR" in x for x in result.removed)))
    what = [w for w, found in kinds if found]
    listed = " and ".join([", ".join(what[:-1]), what[-1]] if len(what) > 1 else what) or "appraisal data"
    echo(out, f"{removing} {listed} from {len(result.leader_files)} leader file(s)")
    if request.dry_run:
        return 0
    write(result)
    echo(out, "Git history still holds the old values: see docs/migrate.md to purge them.")
    return 0
