"""Page 1: the verdict a budget meeting reads first.

One sentence per part of Askøy 2020 with a traffic light and the trend
since the previous report, this year's money against the frames (drift
and investering apart), and the few things the meeting must decide or
know. Everything here is read from the rest of the report and from the
model's own definitions (over budget, late, on track, notified in time),
so page 1 cannot disagree with the chapters behind it.

How the lights are set (docs/report.md says the same to readers):

- Omstilling is red when the programme's drift forecast is over its frame
  (beyond the ``overrun`` threshold), when fewer than half of the measured
  goals are on track, or when a quarter or more of the running projects
  are red; amber when any project is red or late, any goal is off track or
  any area's forecast is over its frame; else green.
- Prestasjonsledelse and Kvalitet take the light their own chapters set
  (their ``headline``: report/leadership.py, report/quality.py), so page 1
  and the chapter cannot disagree; a public report too small to say
  anything about leaders leaves that line out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum

from ..model import Portfolio, ProjectStatus
from ..model.budget import MoneyKind, Period
from .i18n import Lang
from .model import Report
from .money_model import MoneyRow

MAX_POINTS = 5
"""Page 1 names every decision and fills up to five points with what the
meeting must know (at least two of those); the rest are counted."""


class Light(str, Enum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"

    @property
    def rank(self) -> int:
        return ("green", "amber", "red").index(self.value)


@dataclass(frozen=True)
class PartVerdict:
    part: str  # omstilling, leadership, quality: the section it sums up
    light: Light
    text: str  # one sentence in the report's language
    before: Light | None = None  # the light in the previous report

    @property
    def trend(self) -> str | None:
        """better, same or worse since the previous report; None without one."""
        if self.before is None:
            return None
        step = self.light.rank - self.before.rank
        return "same" if step == 0 else ("worse" if step > 0 else "better")


@dataclass(frozen=True)
class Point:
    """One thing the meeting must decide (``decide``) or know."""

    kind: str  # area_over_frame, project_overrun, refused, breach, finding_late, red_risk_bare, red_project, …
    text: str
    section: str  # the part of the report that explains it
    decide: bool


@dataclass(frozen=True)
class Previous:
    """Which report page 1 is compared with."""

    as_of: dt.date
    label: str  # "2. tertial 2020", in the report's language
    source: str  # tag, commit or same (today's data as known on that day)
    rev: str | None


@dataclass
class Verdict:
    as_of: dt.date
    parts: list[PartVerdict]
    money: list[MoneyRow]  # the whole programme's drift and investering this year
    points: list[Point]  # the most pressing, at most MAX_POINTS
    more_points: int  # how many more there are
    previous: Previous | None = None
    money_day: dt.date | None = None  # the end of the period the actuals are to
    money_period: str | None = None  # that period, worded ("2. tertial 2020")
    unreported: list[str] = field(default_factory=list)  # projects without figures for it: counted at budget


def build_verdict(portfolio: Portfolio, report: Report, before: Report | None = None,
                  previous: Previous | None = None) -> Verdict:
    lang = Lang(report.meta.lang)
    old = {p.part: p.light for p in lights(portfolio, before)} if before is not None else {}
    parts = [PartVerdict(p.part, p.light, p.text, old.get(p.part)) for p in lights(portfolio, report)]
    money = [row for row in (report.money.headline if report.money else [])
             if row.kind in (MoneyKind.DRIFT.value, MoneyKind.INVESTMENT.value)]
    points = _points(portfolio, report, lang)
    # Every decision is on page 1; what the meeting must know fills it up to
    # MAX_POINTS, and at least the two most pressing are always there.
    decide = [p for p in points if p.decide]
    know = [p for p in points if not p.decide]
    shown = decide + know[:max(2, MAX_POINTS - len(decide))]
    period = Period(report.money.period) if report.money and report.money.period else None
    return Verdict(report.meta.as_of, parts, money, shown, len(points) - len(shown), previous,
                   period.end(report.meta.year) if period else None,
                   lang.t(f"period_label_{period.value}", year=report.meta.year) if period else None,
                   report.money.unreported if report.money and period else [])


def lights(portfolio: Portfolio, report: Report) -> list[PartVerdict]:
    lang = Lang(report.meta.lang)
    parts = [_omstilling(portfolio, report, lang), _leadership(report, lang), _quality(report, lang)]
    return [p for p in parts if p is not None]


def _omstilling(portfolio: Portfolio, report: Report, lang: Lang) -> PartVerdict:
    s = report.summary
    active = [p for p in portfolio.projects if p.status is ProjectStatus.ACTIVE]
    paused = [p for p in portfolio.projects if p.status is ProjectStatus.PAUSED]
    # Red and late among the active projects the sentence counts; a paused
    # one is said apart, and history is not late.
    red = [x.project for x in report.attention if "red" in x.why and x.status == "active"]
    late = [x.project for x in report.attention if "late" in x.why and x.status == "active"]
    overruns = report.money.frame_overruns if report.money else []  # beyond the threshold, as ASK421
    over = [o for o in overruns if o.area == "" and o.kind == MoneyKind.DRIFT.value]
    areas_over = [o for o in overruns if o.area != ""]
    running = len(active) + len(paused)
    if (over or (s.goals_with_data and s.goals_on_track < s.goals_with_data / 2)
            or (running and len(s.red_projects) >= running / 4)):
        light = Light.RED
    elif s.red_projects or late or s.goals_on_track < s.goals_with_data or areas_over:
        light = Light.AMBER
    else:
        light = Light.GREEN
    text = lang.t("verdict_omstilling", on=s.goals_on_track, measured=s.goals_with_data, active=len(active),
                  red=len(red), red_word=lang.t("red_one" if len(red) == 1 else "red_many"), late=len(late))
    if paused:
        text += " " + lang.t("verdict_paused_one" if len(paused) == 1 else "verdict_paused", n=len(paused))
    return PartVerdict("omstilling", light, text)


def _leadership(report: Report, lang: Lang) -> PartVerdict | None:
    """The section's own headline (report/leadership.py): where each cohort
    of Tabell 1 stands on levels 3 and 4, and the leaders' unit goals as one
    of level 4's indicators; None when a public report has too few leaders
    to say anything about them."""
    h = report.leadership.headline
    if h.light is None:
        return None
    cohorts = "; ".join(lang.t("headline_cohort", cohort=c.cohorts + ":",
                               behaviour=lang.t("level_trend_" + c.behaviour),
                               results=lang.t("level_trend_" + c.results)) for c in h.cohorts)
    text = lang.t("headline_leadership", cohorts=cohorts, levels=h.levels_measured,
                  levels_year=h.levels_measured_in_year, year=report.meta.year) + "."
    if h.goals_on_track is not None and h.goals_with_data:
        text += " " + lang.t("headline_leader_goals", on=h.goals_on_track, with_data=h.goals_with_data,
                             year=report.meta.year) + "."
    return PartVerdict("leadership", Light(h.light), text)


def _quality(report: Report, lang: Lang) -> PartVerdict | None:
    """The chapter's own headline (report/quality_light.py), said as the
    kontrollutvalg reads it: the quality system's volumes first, then the
    programme's own cases, every breach by where it stands, and what of
    the internal control is behind."""
    if report.quality.withheld:
        return None
    h = report.quality.headline
    year = report.meta.year
    said = []
    volumes = report.quality.volumes
    if volumes is not None and volumes.total:
        # Named by the months the counts cover: an export to October is not the year.
        last = int(volumes.last_month[5:]) if volumes.last_month else 12
        period = str(year) if last == 12 else lang.t("verdict_months", first=lang.t("month_1"),
                                                     last=lang.t(f"month_{last}"), year=year)
        said.append(lang.t("verdict_quality_volumes", period=period, deviations=lang.number(volumes.deviations),
                           hms=lang.number(volumes.hms), complaints=lang.number(volumes.complaints)))
    said.append(lang.t("verdict_quality_cases", open=h.open_cases, overdue=h.overdue_cases))
    if h.breaches:
        notices = {c.key: c.count or 0 for c in report.quality.breaches.by_notice}
        ways = [lang.t(f"verdict_breach_{key}", n=n) for key, n in notices.items() if n]
        said.append(lang.t("verdict_quality_breaches", n=h.breaches, year=year, ways=lang.listing(ways)))
    else:
        said.append(lang.t("verdict_quality_no_breaches", year=year))
    text = " ".join(s if s.endswith(".") else s + "." for s in said)
    # The rest of the chapter, said only when something is behind.
    behind = [lang.t(k + ("_one" if n == 1 else ""), n=n) for k, n in (
        ("verdict_findings_late", h.findings_past_deadline), ("verdict_routines_late", h.routines_overdue),
        ("verdict_red_risks_bare", h.red_risks_without_measures), ("verdict_risk_reviews_late", h.risk_reviews_overdue),
        ("verdict_privacy_gaps", h.privacy_gaps)) if n]
    if behind:
        text += " " + lang.t("verdict_control_behind", what=lang.listing(behind)) + "."
    return PartVerdict("quality", Light(h.light), text)


def _points(portfolio: Portfolio, report: Report, lang: Lang) -> list[Point]:
    """Decisions first (money over frames, over budget, refused proposals),
    then what the meeting must know (breaches, red projects, goals)."""
    points: list[Point] = []
    names = {a.id: a.name for a in portfolio.areas}
    money = report.money
    deviations = list(money.deviations) if money else []
    for over in (o for o in (money.frame_overruns if money else []) if o.area != ""):
        # An area over its frame because of its own projects' overruns is one
        # matter: said once, with the projects that cause it.
        mine = [d for d in deviations if d.area == over.area and d.kind == over.kind and d.amount > 0]
        deviations = [d for d in deviations if d not in mine]
        causes = "; ".join(lang.t("point_cause", project=d.project, over=lang.number(d.amount),
                                  budget=lang.number(d.revised)) for d in mine)
        points.append(Point("area_over_frame", lang.t(
            "point_area_over_frame", area=f"{over.area} {names.get(over.area, '')}".strip(),
            kind=lang.t("kind_word_" + over.kind), over=lang.number(over.amount),
            frame=lang.number(over.frame)) + (" " + causes + "." if causes else ""), "money", True))
    for d in sorted(deviations, key=lambda d: (-abs(d.amount), d.project)):
        key = "point_project_overrun" if d.amount > 0 else "point_project_underspend"
        points.append(Point("project_overrun" if d.amount > 0 else "project_underspend", lang.t(
            key, project=d.project, kind=lang.t("kind_word_" + d.kind), over=lang.number(abs(d.amount)),
            budget=lang.number(d.revised)), "money", True))
    plan = report.plan
    if plan is not None:
        if plan.unfunded:
            first = plan.first_year
            cost = sum(v for row in plan.unfunded for y, v in row.figures.drift if y == first)
            points.append(Point("refused", lang.t("point_refused", n=len(plan.unfunded), year=first,
                                                  cost=lang.t("million", amount=lang.number(cost / 1000, 1))),
                                "plan", True))
        points += [Point("unallocated", d.text, "plan", True) for d in plan.to_decide if d.kind == "unallocated"]
    for row in report.attention:
        # Paused past its planned end with no new end: no plan holds it, so
        # only the meeting can restart it with a new plan, or end it.
        if row.status == "paused" and (row.forecast_end is None or row.forecast_end < report.meta.as_of):
            points.append(Point("paused_stale", lang.t(
                "point_paused_stale", project=f"{row.project} {row.name}", end=lang.date(row.planned_end)),
                "omstilling", True))
    unlawful = report.quality.headline.breaches_unlawful
    if unlawful and not report.quality.withheld:
        points.append(Point("breach", lang.t("point_breach", n=unlawful), "quality", False))
    # A lovbrudd or pålegg left past its deadline is what the kontrollutvalg
    # asks about first (kommuneloven § 25-2: results of state supervision).
    for f in report.control.findings if report.control else []:
        if f.binding and f.status == "ic_status_past_deadline":
            kind = lang.t(f.kind)
            points.append(Point("finding_late", lang.t(
                "point_finding_late", kind=kind, kind_first=kind[:1].upper() + kind[1:], authority=f.authority, id=f.id,
                deadline=lang.date(f.deadline), days=f.days_past_deadline), "quality", False))
    bare = report.quality.headline.red_risks_without_measures
    if bare:
        points.append(Point("red_risk_bare", lang.t("point_red_risk_bare" + ("_one" if bare == 1 else ""), n=bare),
                            "quality", False))
    for row in report.attention:
        if row.pushes:
            points.append(Point("late_pushes", lang.t(
                "point_late_pushes", project=row.project, days=row.days_late,
                pushed=", ".join(pid for pid, _ in row.pushes)), "omstilling", False))
    if report.summary.red_projects:
        points.append(Point("red_projects", lang.t("point_red_projects",
                                                   projects=", ".join(report.summary.red_projects)),
                            "omstilling", False))
    s = report.summary
    if s.goals_with_data > s.goals_on_track:
        points.append(Point("goals_off_track", lang.t("point_goals_off_track", off=s.goals_with_data - s.goals_on_track,
                                                      measured=s.goals_with_data), "omstilling", False))
    return points
