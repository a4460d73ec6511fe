"""Why a proposal is not funded, worded in the report's language from the
figures the plan keeps (``LeftOut.short``, ``displacement``,
``predecessors``, ``window``, ``runs``, ``excluded_by``).

The plan's ``reason`` is English for readers of the YAML; a report never
prints it. A plan written before the figures were kept still gets a reason
in the report's language: what can be read again from the plan and the
data (a shortfall from the plan's unallocated frames, the predecessors
from the project's dependencies, its window, its years) is read again,
and where nothing can, the reason names its kind and says the full text
is only in the plan file.
"""

from __future__ import annotations

from ..model import Portfolio
from ..model.budget import MoneyKind
from ..model.plan import LeftOut, LeftOutKind, Plan
from ..model.project import Strength
from .i18n import NB, Lang

_MONEY_KINDS = (MoneyKind.DRIFT, MoneyKind.INVESTMENT, MoneyKind.STAFF)


def plain_number(lang: Lang, value: float, decimals: int = 2) -> str:
    """A number with no more decimals than it needs: 2,70 → '2,7', 10,0 → '10'."""
    text = lang.number(value, decimals)
    point = "," if lang.code == NB else "."
    if point in text:
        text = text.rstrip("0").rstrip(point)
    return text


def millions(lang: Lang, amount: float) -> str:
    """1000 kr as mill. kr: 2 700 → '2,7 mill. kr'."""
    return lang.t("mill", amount=plain_number(lang, amount / 1000))


def quantity(lang: Lang, kind: MoneyKind, amount: float) -> str:
    """Money in mill. kr, staff in årsverk."""
    return lang.t("fte", amount=lang.number(amount, 1)) if kind is MoneyKind.STAFF else millions(lang, amount)


def listing(lang: Lang, items: list[str]) -> str:
    """'a, b og c' / 'a, b and c'."""
    if len(items) <= 1:
        return "".join(items)
    joiner = " og " if lang.code == NB else " and "
    return ", ".join(items[:-1]) + joiner + items[-1]


class ReasonWords:
    """Words the reasons of one plan in one language."""

    def __init__(self, plan: Plan, portfolio: Portfolio, lang: Lang) -> None:
        self.plan = plan
        self.portfolio = portfolio
        self.lang = lang
        self.projects = portfolio.project_by_id
        self.areas = {a.id: a.name for a in portfolio.areas}
        self.rows = {r.project: r for r in plan.left_out}
        self.selected = {r.project for r in plan.selected}

    def project(self, pid: str) -> str:
        found = self.projects.get(pid)
        return f"{pid} {found.name}" if found is not None else pid

    def area(self, area_id: str) -> str:
        return self.areas.get(area_id, area_id)

    def reason(self, row: LeftOut) -> str:
        t = self.lang.t
        years = {"plan_first": self.plan.years.first_year, "plan_last": self.plan.years.last_year}
        project = self.projects.get(row.project)
        if row.kind is LeftOutKind.FRAME:
            return self._frame(row)
        if row.kind is LeftOutKind.VALUE:
            return " ".join([t("fits_but_less"), *self._displacement(row)])
        if row.kind is LeftOutKind.PREDECESSOR:
            return self._predecessors(row)
        if row.kind is LeftOutKind.TIMING:
            names = row.predecessors or self._hard_predecessors(row.project)
            return t("timing", list=self._names(names)) if names else t("timing_other")
        if row.kind is LeftOutKind.EXCLUDED:
            return t("excluded_by", by=row.excluded_by) if row.excluded_by else t("excluded_other")
        if row.kind is LeftOutKind.NO_START:
            if row.window is not None:
                return t("no_start_window", first=row.window.first_year, last=row.window.last_year, **years)
            if project is not None and project.start() is None:
                return t("no_start_date")
            if project is not None and (window := project.start_window) is not None:  # an older plan
                return t("no_start_window", first=window.earliest, last=window.latest, **years)
            return t("no_start_other")
        if row.kind is LeftOutKind.OUTSIDE_YEARS:
            runs = (row.runs.first_year, row.runs.last_year) if row.runs else None
            if runs is None and project is not None and (run := project.run_years()) is not None:
                runs = (run[0], run[-1])
            if runs is None:
                return t("outside_years_other", **years)
            return t("outside_years", first=runs[0], last=runs[1], **years)
        return t("cancelled_reason")

    # -- a frame too small

    def _frame(self, row: LeftOut) -> str:
        short = [(s.scope, s.kind, s.year, s.amount) for s in row.short] or self._shortfalls(row)
        parts = [self._short(scope, kind, year, amount) for scope, kind, year, amount in short]
        parts += self._displacement(row)
        if not parts:
            return " ".join([self.lang.t("frame_full"), self.lang.t("reason_only_in_file")])
        return " ".join(parts)

    def _short(self, scope: str, kind: MoneyKind, year: int, amount: float) -> str:
        t = self.lang.t
        shown = quantity(self.lang, kind, amount)
        if scope == "programme":
            return t("short_programme", amount=shown, frame=t(f"frame_{kind.value}"), year=year)
        return t("short_area", amount=shown, frame=t(f"frame_{kind.value}_def"), area=self.area(scope), year=year)

    def _shortfalls(self, row: LeftOut) -> list[tuple[str, MoneyKind, int, float]]:
        """An older plan's shortfalls, read again: what the project needs less
        what the plan leaves in its area's and the programme's frames."""
        project = self.projects.get(row.project)
        needs = {MoneyKind.DRIFT: row.cost, MoneyKind.INVESTMENT: row.investment, MoneyKind.STAFF: row.staff}
        found = []
        for frame in self.plan.unallocated:
            if frame.scope != "programme" and (project is None or frame.scope != project.area):
                continue
            for year, left in sorted(frame.left.items()):
                wanted = (needs[frame.kind] or {}).get(year, 0.0)
                if wanted and wanted - left > 1e-9:
                    found.append((frame.scope, frame.kind, year, wanted - left))
        return sorted(found, key=lambda s: (s[0] != "programme", s[0], _MONEY_KINDS.index(s[1]), s[2]))

    def _displacement(self, row: LeftOut) -> list[str]:
        moved = row.displacement
        t = self.lang.t
        if moved is None:
            return []
        if not moved.possible:
            return [t("cannot_enter")]
        if not moved.pushes_out:
            return [t("moves_others")]
        key = "pushes_out_one" if len(moved.pushes_out) == 1 else "pushes_out_many"
        return [t(key, list=self._names(moved.pushes_out), theirs=self.lang.number(moved.pushes_out_value, 1),
                  own=self.lang.number(row.value, 1))]

    # -- a predecessor missing

    def _predecessors(self, row: LeftOut) -> str:
        t = self.lang.t
        names = row.predecessors or self._hard_predecessors(row.project)
        if not names:
            return t("needs_other")
        groups: dict[str, list[str]] = {}
        for pid in names:
            groups.setdefault(self._why_missing(pid), []).append(pid)
        return " ".join(t(key, list=self._names(pids)) for key, pids in groups.items())

    def _why_missing(self, pid: str) -> str:
        other = self.rows.get(pid)
        if other is None:
            return "needs_unknown" if pid not in self.projects else "needs_impossible"
        if other.kind in (LeftOutKind.FRAME, LeftOutKind.VALUE, LeftOutKind.PREDECESSOR, LeftOutKind.TIMING):
            return "needs_unfunded"
        return "needs_cancelled" if other.kind is LeftOutKind.CANCELLED else "needs_impossible"

    def _hard_predecessors(self, pid: str) -> list[str]:
        """An older plan's predecessors, read again from the data: the hard ones the plan does not fund."""
        project = self.projects.get(pid)
        if project is None:
            return []
        return [d.project for d in project.depends_on
                if d.strength is Strength.HARD and d.project not in self.selected and d.project not in self.plan.done]

    def _names(self, pids: list[str]) -> str:
        return listing(self.lang, [self.project(pid) for pid in pids])
