"""``askoy2020 migrate leaders``: per-leader appraisal data into cohorts.

Leader records used to hold each leader's competence self-assessment per
year (``competences``) and course results (``evaluations``): HR appraisal
data about one identifiable person (ASK710). This aggregates them per
cohort and year – the mean, and as respondents the number of leaders – into
the cohort's record (``cohorts/K-<start>.yaml``), then removes the two
fields from the leader files.

- A leader's several results of one level, year and instrument (one
  questionnaire per session, say) are averaged first, so that each leader
  counts once; ``respondents`` is the number of distinct leaders.
- An aggregate of fewer leaders than the data folder's threshold (the
  programme's ``min_respondents``, :func:`~askoy2020.model.cohort.threshold_of`)
  is dropped and reported, never written: it would be one or two leaders'
  appraisal again.
- A unit's 10-FAKTOR scores from fewer respondents than the threshold are
  removed (``invited`` and ``respondents`` stay; ASK717), and so is a leader
  record's ``name`` (ASK718); both are reported.
- Level 4 values are not migrated: level 4 is computed from the units' goals
  and 10-FAKTOR (:mod:`askoy2020.model.cohort_results`). A level 3 result
  becomes the ``after`` of a before/after comparison (its earliest year the
  ``before`` when there are two).
- An aggregate the cohort already has (same level, year and area or
  instrument) is left as it is. After a run the leaders hold nothing to
  migrate, so a second run changes nothing.
- Files are rewritten with the round-trip writer (comments and layout kept;
  comments after the last item of a cohort's list stay after the items
  added; whole numbers written as 5, not 5.0) and atomically, cohort files first: if the run stops, the leader files
  still hold their data and the run can be repeated.

Git history still holds the old values: docs/migrate.md says how to purge it.
"""

from __future__ import annotations

import copy
import io
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model.cohort import threshold_of
from ..model.leader import Instrument, Leader
from ..model.portfolio import Portfolio
from ..writing import document, write_atomic
from ..writing.round_trip import comments, put_lines, round_trip_yaml, take_lines

APPRAISAL_FIELDS = ("competences", "evaluations")
NAME = "name"


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
    removed: list[str] = field(default_factory=list)  # names and too-few 10-FAKTOR scores removed, in words
    threshold: int = 3
    new_texts: dict[Path, str] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not self.leader_files


def _mean(values: list[float]) -> float:
    return round(sum(values) / len(values), 2)


def _number(value: float) -> float | int:
    """A whole number as the files write it (5, not 5.0)."""
    return int(value) if float(value).is_integer() else value


def _small_ten_factor(leader: Leader, threshold: int) -> list[int]:
    """Indexes of the leader's 10-FAKTOR results with scores from too few respondents (ASK717)."""
    return [i for i, t in enumerate(leader.ten_factor) if t.scores and t.respondents < threshold]


def _to_clean(leader: Leader, threshold: int) -> bool:
    return bool(leader.appraisal_fields or leader.name is not None or _small_ten_factor(leader, threshold))


def plan(portfolio: Portfolio) -> Plan:
    """What a run would write, checked; raises :class:`MigrationProblem`."""
    root = portfolio.root
    threshold = threshold_of(portfolio.programme)
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
            if n < threshold:
                dropped.append(f"K-{cohort}: {what} from {n} leader(s) – fewer than {threshold}, not written")
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
        # One value per leader: a leader's several results of one level, year and
        # instrument (a questionnaire per session) are averaged first.
        groups: dict[tuple[int, int, str, float], list[float]] = defaultdict(list)
        for leader in leaders:
            own: dict[tuple[int, int, str, float], list[float]] = defaultdict(list)
            for e in leader.evaluations:
                own[(e.level, e.year, e.instrument.value, e.scale_max)].append(e.value)
            for key, values in own.items():
                groups[key].append(sum(values) / len(values))
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
                                        "scale_max": _number(scale), "respondents": len(values)})
            elif (year, None) in have_learning:
                skipped.append(f"K-{start}: {what} already in the cohort, left as it is")
            elif keep(len(values), what):
                cp.learning.append({"year": year, "instrument": instrument, "mean": _mean(values),
                                    "scale_max": _number(scale), "respondents": len(values)})
        for (instrument, scale), years in sorted(level3.items()):
            kept = [(y, v) for y, v in years if keep(len(v), f"level 3 {y} {instrument}")]
            if not kept:
                continue
            if instrument in have_behaviour:
                skipped.append(f"K-{start}: level 3 {instrument} already in the cohort, left as it is")
                continue
            item: dict[str, Any] = {"instrument": instrument, "scale_max": _number(scale)}
            if len(kept) > 1:
                y, v = kept[0]
                item["before"] = {"year": y, "mean": _mean(v), "respondents": len(v)}
            y, v = kept[-1]
            item["after"] = {"year": y, "mean": _mean(v), "respondents": len(v)}
            cp.behaviour.append(item)
        if cp.items:
            cohorts.append(cp)
    removed: list[str] = []
    for leader in portfolio.leaders:
        if leader.name is not None:
            removed.append(f"{leader.id}: the name – a leader record describes a position (ASK718)")
        for i in _small_ten_factor(leader, threshold):
            t = leader.ten_factor[i]
            removed.append(f"{leader.id}: 10-FAKTOR {t.year} scores from {t.respondents} respondent(s) – fewer than "
                           f"{threshold}; invited and respondents kept (ASK717)")
    files = sorted({Path(x.origin.file) for x in portfolio.leaders
                    if x.origin is not None and _to_clean(x, threshold)})
    result = Plan(cohorts, files, dropped, skipped, removed, threshold)
    for cp in cohorts:
        result.new_texts[cp.path] = _cohort_text(cp)
    for path in files:
        result.new_texts[path] = _without_appraisal(path, threshold)
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

    trailer = None  # comment lines at the file's end, below its last key
    for key, items in lists.items():
        if not items:
            continue
        items = [_commented(x) for x in items]
        if tree.get(key) is None:
            if trailer is None and len(tree):
                trailer = take_lines(tree, list(tree.keys())[-1])
            tree[key] = CommentedSeq()
            tree[key].extend(items)
            continue
        last = list(tree.keys())[-1] == key
        # Comment lines after the list's last item stay after the items added;
        # below the file's last list, those at column 0 are the file's end.
        own, rest = _split(take_lines(tree, key)) if last else (take_lines(tree, key), None)
        if rest is not None:
            trailer = rest if trailer is None else _joined(trailer, rest)
        tree[key].extend(items)
        put_lines(tree, key, own)
    if trailer is not None:
        put_lines(tree, list(tree.keys())[-1], trailer)
    out = io.StringIO()
    yaml.dump(tree, out)
    text = out.getvalue()
    _check_comments(cp.path, original, text, set())
    return _as_written(text, newline, bom)


def _commented(value: Any) -> Any:
    """New items as round-trip nodes (so comments can follow them), whole numbers as 5, not 5.0."""
    from ruamel.yaml.comments import CommentedMap

    if isinstance(value, dict):
        node = CommentedMap()
        for k, v in value.items():
            node[k] = _commented(v)
        return node
    if isinstance(value, float):
        return _number(value)
    return value


def _split(lines: Any) -> tuple[Any, Any]:
    """Comment lines after a list: (those indented, which belong to the list;
    those from the first comment at column 0 on, which belong to what follows)."""
    if lines is None:
        return None, None
    text: str = lines.value
    parts = text.split("\n")
    at = next((i for i, line in enumerate(parts) if line.startswith("#")), None)
    if at is None:
        return lines, None
    if at == 0:
        return None, lines
    own, rest = copy.copy(lines), copy.copy(lines)
    own.value = "\n".join(parts[:at]) + "\n"
    rest.value = "\n".join(parts[at:])
    return own, rest


def _joined(first: Any, second: Any) -> Any:
    first.value += second.value
    return first


def _without_appraisal(path: Path, threshold: int) -> str:
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
        for name in (*APPRAISAL_FIELDS, NAME):
            if name in record:
                removed_lines |= _remove(record, name)
        results = record.get("ten_factor")
        if not isinstance(results, list):
            continue
        for result in results:
            if not hasattr(result, "keys") or not result.get("scores"):
                continue
            respondents = result.get("respondents")
            try:
                too_few = int(str(respondents)) < threshold
            except ValueError:
                continue
            if too_few:
                removed_lines |= _remove(result, "scores")
    out = io.StringIO()
    yaml.dump(tree, out)
    text = out.getvalue()
    _check_comments(path, original, text, removed_lines)
    return _as_written(text, newline, bom)


def _remove(record: Any, name: str) -> set[int]:
    """Remove a key and its block from a mapping; returns the (1-based) lines it held."""
    keys = list(record.keys())
    lines_of = _lines_of(record, name, keys)
    index = keys.index(name)
    lines = take_lines(record, name)  # comment lines after the block belong to what follows
    if index > 0:
        put_lines(record, keys[index - 1], lines)
    del record[name]
    return lines_of


def _last_line(node: Any, line: int) -> int:
    """The last (0-based) line of a block node starting at ``line``."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(node, CommentedMap) and node and not node.fa.flow_style():
        key = list(node.keys())[-1]
        return _last_line(node[key], node.lc.key(key)[0])
    if isinstance(node, CommentedSeq) and node and not node.fa.flow_style():
        return _last_line(node[-1], node.lc.item(len(node) - 1)[0])
    return line


def _lines_of(record: Any, name: str, keys: list[Any]) -> set[int]:
    """The (1-based) lines of a key's block: from its line to the next key's."""
    start = record.lc.key(name)[0]
    index = keys.index(name)
    end = record.lc.key(keys[index + 1])[0] if index + 1 < len(keys) else None
    if end is None:  # the last key: its block runs to its last line
        end = _last_line(record[name], start) + 1
    return set(range(start + 1, end + 1))


def _check_comments(path: Path, old: str, new: str, removed_lines: set[int]) -> None:
    """Every comment outside the removed blocks must still be there, in the same order."""
    from ..writing.round_trip import comment_lines

    kept = [c for line, c, _ in comment_lines(old) if line not in removed_lines]
    remaining = comments(new)
    for comment in kept:
        if comment not in remaining:
            raise MigrationProblem(f"{path}: the comment {comment!r} would be lost; remove the fields by hand")
        del remaining[:remaining.index(comment) + 1]


def write(result: Plan) -> list[Path]:
    """Write the cohort files, then the leader files; returns what was written."""
    order = [cp.path for cp in result.cohorts] + result.leader_files
    for path in order:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, result.new_texts[path])
    return order
