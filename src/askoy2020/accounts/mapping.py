"""From ledger lines to each project's actual for a period.

A line belongs to a project when it matches one of the project's
``accounting`` codes: every code the entry gives (project, ansvar, funksjon)
equals the line's, compared as trimmed text, so ``0120`` is not ``120``.
The entry's ``kind`` says whether the line is drift or investering. A line
that matches two projects, or one project as both kinds, cannot be placed
and stops the import (with its line number); a line that matches none is
*unmapped* and listed, grouped by its codes, so a finance adviser sees
what was left out.

Only lines of the period's year up to its end are counted (actuals run from
1 January); the others are *skipped*, grouped by the reason. A project
with codes of a kind that got no line gets 0 for that kind: it had no spend.
The exception is a project with no line at all that does not run in the
year and has no figure for the period yet: it is left alone, so a project
that ended in 2019 does not gain ``accounts: {2020: …}`` full of zeros.

Kroner are summed exactly and divided by 1000 once, then rounded half up to
one decimal (100 kr), the precision the data's 1000 kr figures carry.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Context, Decimal, localcontext
from enum import Enum

from ..core import numbers
from ..core.diagnostics import Location
from ..model.base import MAX_MONEY
from ..model.budget import MoneyKind, Period
from ..model.project import Project
from .columns import CODE_FIELDS, FIELD_TITLES
from .errors import ImportProblem, shown
from .periods import why_not_counted
from .reading import Export, ExportLine

_TENTH = Decimal("0.1")


class Unit(str, Enum):
    """What the export's beløp is in."""

    KR = "kr"
    THOUSAND_KR = "1000kr"

    def to_thousands(self, amount: Decimal) -> Decimal:
        return amount / 1000 if self is Unit.KR else amount


# Room for any sum the model can hold (10⁹ thousand kr) and far beyond, so
# that rounding never fails: the range check after it names the figure.
_WIDE = Context(prec=80, Emax=999_999, Emin=-999_999)


def rounded(amount: Decimal, unit: Unit) -> float:
    """The figure written for a sum: 1000 kr, half up to one decimal (no -0.0)."""
    with localcontext(_WIDE):
        thousands = unit.to_thousands(amount)
        if thousands.copy_abs() >= Decimal(10) ** 60:  # past any plausible sum: keep it as is for the message
            return float(thousands)
        value = float(thousands.quantize(_TENTH, rounding=ROUND_HALF_UP))
    return 0.0 if value == 0 else value  # -0.04 kr rounds to -0.0, which YAML would write as -0.0


@dataclass
class Group:
    """Lines that share a reason to be left out, and what they add up to."""

    label: str
    """Their codes (unmapped) or why they were skipped."""
    codes: dict[str, str] = field(default_factory=dict)
    """Unmapped lines: their codes by column (prosjekt, ansvar, funksjon)."""
    lines: list[int] = field(default_factory=list)
    total: Decimal = Decimal(0)
    unknown: int = 0
    """Lines whose amount could not be read (sum lines only)."""

    def add(self, line: int, amount: Decimal | None) -> None:
        self.lines.append(line)
        if amount is None:
            self.unknown += 1
        else:
            self.total += amount


@dataclass(frozen=True)
class Figure:
    """A project's new actual of one kind for the period."""

    project: Project
    kind: MoneyKind
    total: Decimal
    """The exact sum of its lines, in the export's unit."""
    value: float
    """What is written: 1000 kr, one decimal."""
    old: float | None
    lines: tuple[int, ...]

    @property
    def changed(self) -> bool:
        return self.old != self.value


@dataclass(frozen=True)
class Ambiguous:
    line: int
    matches: tuple[tuple[str, MoneyKind], ...]
    """(project id, kind) of every code the line matches."""
    amount: Decimal


@dataclass
class Matching:
    year: int
    period: Period
    unit: Unit
    figures: list[Figure] = field(default_factory=list)
    left_alone: list[tuple[Project, str]] = field(default_factory=list)
    """Projects with codes that were not touched, and why."""
    unmapped: list[Group] = field(default_factory=list)
    skipped: list[Group] = field(default_factory=list)
    ambiguous: list[Ambiguous] = field(default_factory=list)
    sum_lines: Group | None = None
    """Lines with no ansvar, funksjon or prosjekt: a report's sum lines and notes, never counted."""
    problems: list[ImportProblem] = field(default_factory=list)
    lines: int = 0
    total: Decimal = Decimal(0)
    """Every ledger line of the export (sum lines not included)."""
    counted_lines: int = 0
    counted: Decimal = Decimal(0)
    """The lines of the period."""
    mapped_lines: int = 0
    mapped: Decimal = Decimal(0)

    @property
    def unmapped_total(self) -> Decimal:
        return sum((g.total for g in self.unmapped), Decimal(0))

    @property
    def ambiguous_total(self) -> Decimal:
        return sum((a.amount for a in self.ambiguous), Decimal(0))


Key = tuple[int, MoneyKind]  # (the project's place in the list, kind): two records may share an id


def match(export: Export, projects: Sequence[Project], year: int, period: Period, unit: Unit) -> Matching:
    """Place every line of ``export`` for ``period`` of ``year``."""
    coded = [(i, p) for i, p in enumerate(projects) if p.accounting]
    _require_columns(export, coded)
    index = _index(coded)
    result = Matching(year, period, unit)
    sums: dict[Key, Decimal] = {}
    lines_of: dict[Key, list[int]] = {}
    unmapped: dict[tuple[str, ...], Group] = {}
    skipped: dict[str, Group] = {}
    for line in export.lines:
        result.lines += 1
        result.total += line.amount
        reason = why_not_counted(line.month, year, period) if line.month is not None else None
        if reason is not None:
            skipped.setdefault(reason, Group(reason)).add(line.line, line.amount)
            continue
        result.counted_lines += 1
        result.counted += line.amount
        found = _matches(line, index)
        if not found:
            codes = tuple(line.code(f) for f in CODE_FIELDS if export.has(f))
            if codes not in unmapped:
                named = dict(zip([FIELD_TITLES[f] for f in CODE_FIELDS if export.has(f)], codes))
                unmapped[codes] = Group(_label(named), named)
            unmapped[codes].add(line.line, line.amount)
        elif len(found) > 1:
            matches = tuple(sorted((projects[i].id, kind) for i, kind in found))
            result.ambiguous.append(Ambiguous(line.line, matches, line.amount))
        else:
            key = next(iter(found))
            sums[key] = sums.get(key, Decimal(0)) + line.amount
            lines_of.setdefault(key, []).append(line.line)
            result.mapped_lines += 1
            result.mapped += line.amount
    if export.sum_lines:
        result.sum_lines = Group("no ansvar, funksjon or prosjekt")
        for number, amount in export.sum_lines:
            result.sum_lines.add(number, amount)
    if result.counted_lines == 0:
        raise _nothing_counted(export, result, skipped)
    # The most money first: what a finance adviser must look at is at the top.
    result.unmapped = sorted(unmapped.values(), key=lambda g: (-abs(g.total), g.lines[0]))
    result.skipped = sorted(skipped.values(), key=lambda g: g.lines[0])
    for i, project in coded:
        _figures(result, export, i, project, sums, lines_of)
    return result


def _nothing_counted(export: Export, result: Matching, skipped: dict[str, Group]) -> ImportProblem:
    """An export with no line for the period would set every project's
    actual to 0: far likelier the wrong file or the wrong --period."""
    where = Location(export.name, export.header.row)
    if not export.lines:
        return ImportProblem(where, "the export has no ledger lines under its header",
                             "Export the ledger lines again; an empty export would set every actual to 0.")
    seen = "; ".join(f"{len(g.lines)} {g.label}" for g in sorted(skipped.values(), key=lambda g: -len(g.lines))[:3])
    return ImportProblem(where, f"no line of the export is for {result.year}-{result.period.value} ({seen})",
                         "Check that the export and --period are for the same year.")


def _require_columns(export: Export, coded: list[tuple[int, Project]]) -> None:
    for name in CODE_FIELDS:
        users = sorted({p.id for _, p in coded for code in p.accounting if name in code.codes()})
        if users and not export.has(name):
            listed = ", ".join(users[:5]) + (f" and {len(users) - 5} more" if len(users) > 5 else "")
            raise ImportProblem(
                Location(export.name, export.header.row),
                f"the export has no {FIELD_TITLES[name]} column, but the accounting codes of {listed} "
                f"give {name}, so no line could match them",
                f"Add the {FIELD_TITLES[name]} column to the ERP report and export again.",
            )


Index = dict[tuple[str, ...], dict[tuple[str, ...], set[Key]]]


def _index(coded: list[tuple[int, Project]]) -> Index:
    """Codes by the fields they give: a line is looked up once per set of
    fields in use (at most seven), not compared with every code."""
    index: Index = {}
    for i, project in coded:
        for code in project.accounting:
            given = {k: v.strip() for k, v in code.codes().items()}
            fields = tuple(f for f in CODE_FIELDS if f in given)
            index.setdefault(fields, {}).setdefault(tuple(given[f] for f in fields), set()).add((i, code.kind))
    return index


def _matches(line: ExportLine, index: Index) -> set[Key]:
    found: set[Key] = set()
    for fields, table in index.items():
        hit = table.get(tuple(line.code(f) for f in fields))
        if hit:
            found |= hit
    return found


def _label(codes: dict[str, str]) -> str:
    return ", ".join(f"{name} {shown(code) if code else '–'}" for name, code in codes.items())


def _figures(result: Matching, export: Export, i: int, project: Project, sums: dict[Key, Decimal],
             lines_of: dict[Key, list[int]]) -> None:
    year, period = result.year, result.period
    kinds = list(dict.fromkeys(code.kind for code in project.accounting))
    accounts = project.accounts.get(year)
    figures = accounts.of(period) if accounts else None
    runs = project.run_years()
    if not any((i, k) in sums for k in kinds) and figures is None and (runs is None or year not in runs):
        result.left_alone.append((project, f"no lines, and it does not run in {year}"))
        return
    for kind in kinds:
        total = sums.get((i, kind), Decimal(0))
        value = rounded(total, result.unit)
        lines = tuple(lines_of.get((i, kind), ()))
        if value < 0 or value > MAX_MONEY:
            what = "below 0" if value < 0 else f"above {numbers.amount(MAX_MONEY)}"
            first = lines[0] if lines else export.header.row
            result.problems.append(ImportProblem(
                Location(export.name, first),
                f"{project.id}'s {kind.value} actual for {year}-{period.value} would be {numbers.one_decimal(value)} "
                f"(1000 kr) from {len(lines)} line{'s' * (len(lines) != 1)}, {what}",
                "Actuals are spend to date and at least 0: check the correction lines and the project's "
                "accounting codes, or --unit.",
            ))
            continue
        result.figures.append(Figure(project, kind, total, value, figures.actual.of(kind) if figures else None,
                                     lines))
