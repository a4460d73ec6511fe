"""The whole report for a period: the chapters, the previous report it is
compared with, page 1 and what changed since.

The previous report is the one of the period that ended last before this
report's day (report/period.py). Its data is found in git, in this order:
the tag the team set when they made it (``rapport-2020-T2``), else the
newest commit of the data folder on or before that day; outside git, or
with no such commit, today's data as it was known on that day (every
figure carries its date: measurements, status reports, tertial figures).
``--since REV`` names the revision instead.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..core.diagnostics import Diagnostic
from ..loading.yaml_reader import ReadLimits
from ..model import Portfolio
from .attention import build_attention
from .audience import Audience
from .build import build_report
from .i18n import Lang
from .model import Report
from .parts import ReportPart
from .period import ReportPeriod
from .since import SinceError, compare, events_between, portfolio_at, revision_on
from .verdict import Previous, build_verdict

TAG_PREFIX = "rapport-"
"""A report's tag: ``rapport-2020-T2``, ``rapport-2020`` (the year)."""


@dataclass(frozen=True)
class ReportOptions:
    lang: str = "nb"
    audience: Audience = Audience.INTERNAL
    since: str | None = None  # a git revision; None: the previous report, found as above
    previous: bool = True  # compare with the previous report at all
    part: ReportPart = ReportPart.ALL  # one part of the programme alone (report --part kvalitet)


LATER_THAN_THE_DAY = frozenset({"ASK503", "ASK412"})
"""Rules that flag what is dated after the checking day (a measurement, a
case, a tertial not yet ended). A report looking back – a tertial report
made weeks after the tertial – checks its data as of its own day, and what
the data records since is not an error there, only not yet known to it."""


def looking_back(diagnostics: list[Diagnostic], as_of: dt.date, today: dt.date) -> list[Diagnostic]:
    """The diagnostics a report of ``as_of`` shows when it is made on ``today``."""
    if as_of >= today:
        return diagnostics
    return [d for d in diagnostics if d.rule not in LATER_THAN_THE_DAY]


def compose(portfolio: Portfolio, period: ReportPeriod, options: ReportOptions = ReportOptions(),
            diagnostics: list[Diagnostic] | None = None, limits: ReadLimits = ReadLimits()) -> Report:
    """Raises SinceError when ``options.since`` cannot be read."""
    lang = Lang(options.lang)
    report = build_report(portfolio, period.year, period.as_of, lang=options.lang, audience=options.audience,
                          diagnostics=diagnostics, part=options.part)
    before_period = period.previous()
    if before_period is None:  # a day in the calendar's first year: nothing came before
        report.verdict = build_verdict(portfolio, report)
        return report
    label = lang.t(f"period_label_{before_period.period.value}", year=before_period.year) \
        if before_period.period else lang.date(before_period.as_of)
    rev, source = options.since, "commit"
    if rev is None and options.previous:
        rev, source = revision_on(portfolio, TAG_PREFIX + before_period.label, before_period.as_of) or (None, "")
    before_data: Portfolio | None = None
    if rev is not None:
        before_data = portfolio_at(portfolio, rev, limits)
        if before_data is None and options.since is not None:
            raise SinceError(f"--since {rev}: the data folder did not exist at that revision")
    if options.since is None and options.previous and before_data is None:
        source, rev, before_data = "same", None, portfolio
    before = None
    previous = None
    if before_data is not None:
        before = build_report(before_data, before_period.year, before_period.as_of, lang=options.lang,
                              audience=options.audience)
        previous = Previous(before_period.as_of, label, source, _short(rev, options.since))
        report.attention = build_attention(portfolio, [d for a in report.areas for d in a.delays], period.as_of,
                                           before_period.as_of)
        if source == "same":
            report.changes = events_between(portfolio, before_period.as_of, period.as_of, lang)
        else:
            report.changes = compare(before_data, portfolio, lang)
        report.changes_heading = lang.t("changes", rev=options.since) if options.since else \
            lang.t("changes_previous", label=label)
    report.verdict = build_verdict(portfolio, report, before, previous)
    return report


def _short(rev: str | None, named: str | None) -> str | None:
    """A revision as a reader can find it: the name given or the tag, else 10 hex digits."""
    if rev is None:
        return None
    return named or (rev if rev.startswith(TAG_PREFIX) else rev[:10])
