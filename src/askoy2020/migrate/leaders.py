"""``askoy2020 migrate leaders``: per-leader appraisal data into cohorts.

Leader records used to hold each leader's competence self-assessment per
year (``competences``) and course results (``evaluations``): HR appraisal
data about one identifiable person (ASK710). This aggregates them per
cohort and year – the mean, and as respondents the number of leaders – into
the cohort's record (``cohorts/K-<start>.yaml``), then removes the two
fields from the leader files.

- An aggregate of fewer than :data:`~askoy2020.model.cohort.MIN_RESPONDENTS`
  leaders is dropped and reported, never written: it would be one or two
  leaders' appraisal again.
- Level 4 values are not migrated: level 4 is computed from the units' goals
  and 10-FAKTOR (:mod:`askoy2020.model.cohort_results`). A level 3 result
  becomes the ``after`` of a before/after comparison (its earliest year the
  ``before`` when there are two).
- An aggregate the cohort already has (same level, year and area or
  instrument) is left as it is. After a run the leaders hold nothing to
  migrate, so a second run changes nothing.
- Files are rewritten with the round-trip writer (comments and layout kept)
  and atomically, cohort files first: if the run stops, the leader files
  still hold their data and the run can be repeated.

Git history still holds the old values: docs/migrate.md says how to purge it.
"""

from __future__ import annotations

import io
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model.cohort import MIN_RESPONDENTS
from ..model.leader import Instrument, Leader
from ..model.portfolio import Portfolio
from ..writing import document, write_atomic
from ..writing.round_trip import comments, put_lines, round_trip_yaml, take_lines

APPRAISAL_FIELDS = ("competences", "evaluations")


class MigrationProblem(Exception):
    """A file cannot be migrated safely; nothing is written."""


@dataclass
class CohortPlan:
    start: int
    path: Path
    exists: bool
    leaders: int  # leader records in the cohort
    reaction: list[dict[str, Any]] = field(default_factory=list)
    learning: list[dict[str, Any]] = field(default_factory=list)
    behaviour: list[dict[str, Any]] = field(default_factory=list)

    @property
    def items(self) -> int:
        return len(self.reaction) + len(self.learning) + len(self.behaviour)


@dataclass
class Plan:
    cohorts: list[CohortPlan]
    leader_files: list[Path]  # files whose leaders lose their appraisal fields
    dropped: list[str]  # aggregates of too few leaders, in words
    skipped: list[str]  # what is not migrated, and why
    new_texts: dict[Path, str] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not self.leader_files


def _mean(values: list[float]) -> float:
    return round(sum(values) / len(values), 2)


def plan(portfolio: Portfolio) -> Plan:
    """What a run would write, checked; raises :class:`MigrationProblem`."""
    root = portfolio.root
    by_cohort: dict[int, list[Leader]] = defaultdict(list)
    for leader in portfolio.leaders:
        if leader.appraisal_fields:
            by_cohort[leader.cohort].append(leader)
    cohorts: list[CohortPlan] = []
    dropped: list[str] = []
    skipped: list[str] = []
    for start, leaders in sorted(by_cohort.items()):
        existing = next((c for c in portfolio.cohorts if c.start == start), None)
        if existing is not None and existing.origin is not None:
            path = Path(existing.origin.file)
        else:
            path = root / "cohorts" / f"K-{start}.yaml"
        members = len([x for x in portfolio.leaders if x.cohort == start])
        cp = CohortPlan(start, path, existing is not None, members)
        have_learning = {(x.year, x.area.value if x.area else None) for x in existing.learning} if existing else set()
        have_reaction = {(x.year, x.instrument.value) for x in existing.reaction} if existing else set()
        have_behaviour = {x.instrument.value for x in existing.behaviour} if existing else set()

        def keep(n: int, what: str, cohort: int = start) -> bool:
            if n < MIN_RESPONDENTS:
                dropped.append(f"K-{cohort}: {what} from {n} leader(s) – fewer than {MIN_RESPONDENTS}, not written")
                return False
            return True

        areas: dict[tuple[int, str], list[float]] = defaultdict(list)
        for leader in leaders:
            for competence, by_year in leader.competences.items():
                for year, score in by_year.items():
                    areas[(year, competence.value)].append(score)
        for (year, area), values in sorted(areas.items()):
            if (year, area) in have_learning:
                skipped.append(f"K-{start}: learning {year} {area} already in the cohort, left as it is")
            elif keep(len(values), f"self-assessment {year} {area}"):
                cp.learning.append({"year": year, "area": area, "instrument": "self_assessment",
                                    "mean": _mean(values), "scale_max": 5, "respondents": len(values)})
        groups: dict[tuple[int, int, str, float], list[float]] = defaultdict(list)
        for leader in leaders:
            for e in leader.evaluations:
                groups[(e.level, e.year, e.instrument.value, e.scale_max)].append(e.value)
        level3: dict[tuple[str, float], list[tuple[int, list[float]]]] = defaultdict(list)
        for (level, year, instrument, scale), values in sorted(groups.items()):
            what = f"level {level} {year} {instrument}"
            if level == 4 or instrument == Instrument.KPI.value:
                skipped.append(f"K-{start}: {what} from {len(values)} leader(s) not migrated – level 4 is "
                               "computed from the units' goals and 10-FAKTOR")
            elif level == 3:
                level3[(instrument, scale)].append((year, values))
            elif level == 1:
                if (year, instrument) in have_reaction:
                    skipped.append(f"K-{start}: {what} already in the cohort, left as it is")
                elif keep(len(values), what):
                    cp.reaction.append({"year": year, "instrument": instrument, "mean": _mean(values),
                                        "scale_max": scale, "respondents": len(values)})
            elif (year, None) in have_learning:
                skipped.append(f"K-{start}: {what} already in the cohort, left as it is")
            elif keep(len(values), what):
                cp.learning.append({"year": year, "instrument": instrument, "mean": _mean(values),
                                    "scale_max": scale, "respondents": len(values)})
        for (instrument, scale), years in sorted(level3.items()):
            kept = [(y, v) for y, v in years if keep(len(v), f"level 3 {y} {instrument}")]
            if not kept:
                continue
            if instrument in have_behaviour:
                skipped.append(f"K-{start}: level 3 {instrument} already in the cohort, left as it is")
                continue
            item: dict[str, Any] = {"instrument": instrument, "scale_max": scale}
            if len(kept) > 1:
                y, v = kept[0]
                item["before"] = {"year": y, "mean": _mean(v), "respondents": len(v)}
            y, v = kept[-1]
            item["after"] = {"year": y, "mean": _mean(v), "respondents": len(v)}
            cp.behaviour.append(item)
        if cp.items:
            cohorts.append(cp)
    files = sorted({Path(x.origin.file) for xs in by_cohort.values() for x in xs if x.origin is not None})
    result = Plan(cohorts, files, dropped, skipped)
    for cp in cohorts:
        result.new_texts[cp.path] = _cohort_text(cp)
    for path in files:
        result.new_texts[path] = _without_appraisal(path)
    return result


def _read(path: Path) -> tuple[str, str, str]:
    """The file's text with '\n' line ends, and its line end and byte-order mark to write back."""
    raw = path.read_bytes()
    bom = "\ufeff" if raw.startswith(b"\xef\xbb\xbf") else ""
    text = raw.decode("utf-8-sig")
    newline = "\r\n" if "\r\n" in text else "\n"
    return text.replace("\r\n", "\n"), newline, bom


def _as_written(text: str, newline: str, bom: str) -> str:
    return bom + (text.replace("\n", newline) if newline != "\n" else text)


def _cohort_text(cp: CohortPlan) -> str:
    lists = {"reaction": cp.reaction, "learning": cp.learning, "behaviour": cp.behaviour}
    if not cp.exists:
        record: dict[str, Any] = {"id": f"K-{cp.start}", "start": cp.start, "leaders": cp.leaders}
        record.update({k: v for k, v in lists.items() if v})
        return document(record, f"Cohort (kull) {cp.start} of Prestasjonsledelse 2020: aggregated by "
                                "askoy2020 migrate leaders from the leaders' records (respondents = leaders).")
    original, newline, bom = _read(cp.path)
    yaml = round_trip_yaml()
    yaml.preserve_quotes = True
    tree = yaml.load(original)
    from ruamel.yaml.comments import CommentedSeq

    for key, items in lists.items():
        if not items:
            continue
        if tree.get(key) is None:
            tree[key] = CommentedSeq()
        tree[key].extend(items)
    out = io.StringIO()
    yaml.dump(tree, out)
    text = out.getvalue()
    _check_comments(cp.path, original, text, set())
    return _as_written(text, newline, bom)


def _without_appraisal(path: Path) -> str:
    """The file's text without the appraisal fields of any leader in it."""
    original, newline, bom = _read(path)
    yaml = round_trip_yaml()
    yaml.preserve_quotes = True
    tree = yaml.load(original)
    records = tree if isinstance(tree, list) else [tree]
    removed_lines: set[int] = set()
    for record in records:
        if not hasattr(record, "keys"):
            continue
        keys = list(record.keys())
        for name in APPRAISAL_FIELDS:
            if name not in record:
                continue
            removed_lines |= _lines_of(record, name, keys)
            index = keys.index(name)
            lines = take_lines(record, name)  # comment lines after the block belong to what follows
            if index > 0:
                put_lines(record, keys[index - 1], lines)
            del record[name]
            keys.remove(name)
    out = io.StringIO()
    yaml.dump(tree, out)
    text = out.getvalue()
    _check_comments(path, original, text, removed_lines)
    return _as_written(text, newline, bom)


def _lines_of(record: Any, name: str, keys: list[Any]) -> set[int]:
    """The (1-based) lines of a key's block: from its line to the next key's."""
    start = record.lc.key(name)[0]
    index = keys.index(name)
    end = record.lc.key(keys[index + 1])[0] if index + 1 < len(keys) else None
    if end is None:  # the last key: its block runs to the end of the record
        end = start + 1 + len(str(record[name]).splitlines()) + 10_000
    return set(range(start + 1, end + 1))


def _check_comments(path: Path, old: str, new: str, removed_lines: set[int]) -> None:
    """Every comment outside the removed blocks must still be there."""
    from ..writing.round_trip import comment_lines

    kept = [c for line, c, _ in comment_lines(old) if line not in removed_lines]
    remaining = comments(new)
    for comment in kept:
        if comment in remaining:
            remaining.remove(comment)
        else:
            raise MigrationProblem(f"{path}: the comment {comment!r} would be lost; remove the fields by hand")


def write(result: Plan) -> list[Path]:
    """Write the cohort files, then the leader files; returns what was written."""
    order = [cp.path for cp in result.cohorts] + result.leader_files
    for path in order:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, result.new_texts[path])
    return order
