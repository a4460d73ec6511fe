"""The three parts of Askøy 2020 as reports of their own.

``report --part kvalitet`` is the quality adviser's and the rådmann's
yearly internkontroll report (kommuneloven § 25-2); ``--part
prestasjonsledelse`` the HR adviser's; ``--part omstilling`` the budget
meeting's money and plan without the other two. ``all`` is the whole
report with page 1. Each part names the sections it prints and the record
kinds whose validation warnings belong to it, so a part report carries its
own warnings and no one else's.

Imports only the standard library: ``askoy2020 --help`` reads the choices
from here.
"""

from __future__ import annotations

from enum import Enum


class ReportPart(str, Enum):
    ALL = "all"
    OMSTILLING = "omstilling"
    PRESTASJONSLEDELSE = "prestasjonsledelse"
    KVALITET = "kvalitet"

    @property
    def sections(self) -> tuple[str, ...] | None:
        """The sections this part prints, in the report's order; None: all."""
        return _SECTIONS.get(self)

    def owns_warning(self, kind: str | None) -> bool:
        """Whether a warning on a file of ``kind`` (a kinds-table key; None
        for a file outside the record folders) belongs in this part."""
        if self is ReportPart.ALL:
            return True
        owner = next((part for part, kinds in _KINDS.items() if kind in kinds), ReportPart.OMSTILLING)
        return owner is self


_SECTIONS: dict[ReportPart, tuple[str, ...]] = {
    ReportPart.OMSTILLING: ("summary", "money", "omstilling", "plan", "changes", "warnings"),
    ReportPart.PRESTASJONSLEDELSE: ("leadership", "warnings"),
    ReportPart.KVALITET: ("quality", "warnings"),
}

# Kinds not named here (programme, areas, projects, scenarios, plans, files
# outside the record folders) belong to Omstilling.
_KINDS: dict[ReportPart, frozenset[str]] = {
    ReportPart.PRESTASJONSLEDELSE: frozenset({"leader", "cohort", "survey"}),
    ReportPart.KVALITET: frozenset({"quality-case", "case-count", "unit", "management-review", "finding", "risk"}),
}
