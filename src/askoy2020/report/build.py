"""From a loaded portfolio to the typed Report for one year."""

from __future__ import annotations

import datetime as dt
import os

from ..core.diagnostics import Diagnostic
from ..core.version import __version__
from ..model import Portfolio, ProjectStatus
from ..model.budget import MoneyKind
from ..model.cohort import threshold_of
from ..model.schedule import dependants
from .areas import build_area, build_cross_area
from .attention import build_attention
from .audience import PERSONAL_KINDS, Audience, personal_ids
from .control import build_control
from .i18n import Lang
from .leadership import build_leadership
from .model import (
    Meta,
    Report,
    Summary,
    WarningRow,
)
from .money import budget_by_year, budget_total, build_money
from .parts import ReportPart
from .period import for_day
from .plan import build_plan
from .privacy import build_privacy
from .quality import build_quality
from .quality_light import kvalitet_headline
from .risk import build_risk


def build_report(
    portfolio: Portfolio, year: int, as_of: dt.date, *, lang: str = "nb", audience: Audience = Audience.INTERNAL,
    public: bool = False, diagnostics: list[Diagnostic] | None = None, part: ReportPart = ReportPart.ALL,
) -> Report:
    """``public=True`` is the older way to say ``audience=Audience.PUBLIC``."""
    audience = Audience.PUBLIC if public else audience
    programme = portfolio.programme
    threshold = threshold_of(programme)  # one k per data folder (model/cohort.py)
    period = for_day(year, as_of).period
    title = Lang(lang).t(f"title_{period.value}" if period else "title", name=Lang(lang).t(f"part_{part.value}"),
                         year=year)
    meta = Meta(year, as_of, lang, audience, programme.name if programme else "Askøy 2020", __version__, threshold,
                period.value if period else None, part, title)
    after = dependants(portfolio.projects)
    areas = [build_area(portfolio, area_id, year, as_of, after) for area_id in sorted(portfolio.area_by_id)]
    leadership = build_leadership(portfolio, year, as_of, threshold, audience)
    quality = build_quality(portfolio, year, as_of, threshold, audience)
    goals = [g for a in areas for g in a.goals]
    live = [p for p in portfolio.projects if p.is_live]
    summary = Summary(
        # In the life cycle's order, not the alphabet's (of either language).
        projects_by_status={s.value: n for s in ProjectStatus
                            if (n := sum(p.status is s for p in portfolio.projects))},
        budget_used=budget_total(portfolio, MoneyKind.DRIFT, year, as_of),  # as revised; as the money section sums
        budget_frame=portfolio.frame(MoneyKind.DRIFT, year, as_of),
        staff_used=sum(p.staff.get(year, 0.0) for p in live),
        staff_frame=portfolio.frame(MoneyKind.STAFF, year, as_of),
        goals_on_track=sum(g.on_track is True for g in goals),
        goals_with_data=sum(g.on_track is not None for g in goals),
        goals_total=len(goals),
        levels_with_results=leadership.headline.levels_measured_in_year,
        # The year's cases known on the day, and how many of them are closed:
        # one population, as Kvalitet 2020 counts it (report/quality.py).
        cases_opened=quality.reported,
        cases_closed=quality.reported - quality.open_now,
        red_projects=sorted(p.id for p in live if p.is_red(as_of)),
    )
    warnings = [WarningRow(_in_data(portfolio, d.file), d.line, d.rule, d.text(lang)[0]) for d in (diagnostics or [])
                if (audience is Audience.INTERNAL or not _about_people(portfolio, d)) and _in_part(portfolio, d, part)]
    control = build_control(portfolio, year, as_of, audience)
    privacy = build_privacy(portfolio, year, as_of, threshold, audience)
    risk = build_risk(portfolio, year, as_of, threshold, audience)
    # Kvalitet's light is over all of its subsections, not the cases alone.
    quality.headline = kvalitet_headline(quality.headline, control, risk, privacy)
    return Report(meta, summary, areas, build_plan(portfolio, year, lang, as_of), leadership, quality,
                  budget_by_year(portfolio, year, as_of),
                  warnings=warnings, money=build_money(portfolio, year, as_of),
                  attention=build_attention(portfolio, [d for a in areas for d in a.delays], as_of),
                  cross_area=build_cross_area(portfolio, year, as_of, after),
                  withheld_ids=personal_ids(portfolio) if audience is Audience.PUBLIC else frozenset(),
                  control=control, privacy=privacy, risk=risk)


def _in_data(portfolio: Portfolio, file: str) -> str:
    """A file as the reader finds it: its path in the data folder, not one
    that depends on where the report was made (a public report printed
    '../../home/…' before)."""
    relative = os.path.relpath(os.path.abspath(file), os.path.abspath(portfolio.root)) if file else file
    return file if not file or relative.startswith("..") else relative.replace(os.sep, "/")


def _in_part(portfolio: Portfolio, diagnostic: Diagnostic, part: ReportPart) -> bool:
    kind = portfolio.kind_of_file(diagnostic.file) if diagnostic.file else None
    return part.owns_warning(kind.key if kind else None)


def _about_people(portfolio: Portfolio, diagnostic: Diagnostic) -> bool:
    """A warning on a leader's or a quality case's file, or one that names
    a leader or a case: it points at a person, so the public report leaves
    it out (a case id and its delay are a case list)."""
    kind = portfolio.kind_of_file(diagnostic.file)
    if kind is not None and kind.key in PERSONAL_KINDS:
        return True
    named = personal_ids(portfolio)
    return any(word.strip(".,:;()'\"«»") in named for word in diagnostic.message.split())
