"""``askoy2020 report``: the request in, Markdown or HTML out. Exit 0 when
the report is written, 2 for usage errors (a bad option, a broken template,
an unknown git revision)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from ..report.audience import Audience
from ..report.parts import ReportPart
from ..report.period import ReportPeriod, for_day, parse_report_period
from .choices import Language, ReportFormat
from .failures import explain_os_errors
from .output import echo
from .safe_text import visible

SUFFIX_FORMAT = {".md": ReportFormat.MD, ".markdown": ReportFormat.MD,
                 ".html": ReportFormat.HTML, ".htm": ReportFormat.HTML}


@dataclass(frozen=True)
class ReportRequest:
    folder: Path | None
    year: int | None
    as_of: dt.date | None
    """None: today, or the period's end with ``period``."""
    output_format: ReportFormat | None = None
    """None: from the suffix of ``output``, else Markdown."""
    lang: Language = Language.NB
    output: Path | None = None
    templates: Path | None = None
    audience: Audience = Audience.INTERNAL
    since: str | None = None
    part: ReportPart = ReportPart.ALL
    period: str | None = None
    """2020-T1, 2020-T2 (tertial reports) or 2020 (the year): the year and the day from it."""
    quiet: bool = False
    """Errors only on standard error: no progress, no "Wrote the … report"."""


@explain_os_errors
def run(request: ReportRequest, out: TextIO, err: TextIO) -> int:
    from ..loading.yaml_reader import ReadLimits
    from ..report.compose import ReportOptions, compose, looking_back
    from ..report.render import RenderError, render
    from ..report.since import SinceError
    from ..rules import check
    from ..writing import write_atomic
    from .paths import load_or_explain

    period = _period(request, err)
    if period is None:
        return 2
    fmt = request.output_format
    if request.output is not None:
        by_suffix = SUFFIX_FORMAT.get(request.output.suffix.lower())
        if by_suffix is None:
            echo(err, f"Error: --output {visible(request.output)}: the name must end in .md or .html.")
            return 2
        if fmt is not None and fmt is not by_suffix:
            echo(err, f"Error: --format {fmt.value} does not match --output {visible(request.output)}.")
            return 2
        fmt = by_suffix
    fmt = fmt or ReportFormat.MD
    if request.templates is not None and not request.templates.is_dir():
        echo(err, f"Error: --templates {visible(request.templates)} is not a folder.")
        return 2
    portfolio = load_or_explain(request.folder, "askoy2020 report --year 2020 data", err, quiet=request.quiet)
    if portfolio is None:
        return 2
    diagnostics = looking_back(check(portfolio, as_of=period.as_of), period.as_of, dt.date.today())
    options = ReportOptions(lang=request.lang.value, audience=request.audience, since=request.since,
                            part=request.part)
    try:
        # the limits were read, and checked, when the data was loaded
        report = compose(portfolio, period, options, diagnostics, ReadLimits.from_environment())
    except SinceError as exc:
        echo(err, f"Error: {visible(exc)}")
        return 2
    try:
        text = render(report, fmt.value, request.templates)
    except RenderError as exc:
        echo(err, f"Error: {visible(exc, keep=chr(10))}")
        return 2
    if request.output is None:
        out.write(text)
    else:
        write_atomic(request.output, text)
        if not request.quiet:
            echo(err, f"Wrote the {fmt.value} report to {visible(request.output)}")
    return 0


def _period(request: ReportRequest, err: TextIO) -> ReportPeriod | None:
    """The report's year and day from --period, or from --year and --as-of."""
    if request.period is None:
        if request.year is None:
            echo(err, "Error: give --year (e.g. --year 2020) or --period (e.g. --period 2020-T2).")
            return None
        return for_day(request.year, request.as_of or dt.date.today())
    try:
        period = parse_report_period(request.period)
    except ValueError as exc:
        echo(err, f"Error: --period {visible(exc)}")
        return None
    if request.year is not None and request.year != period.year:
        echo(err, f"Error: --year {request.year} does not match --period {visible(request.period)}.")
        return None
    if request.as_of is not None:
        echo(err, "Error: --period sets the report's day to the period's end; leave out --as-of.")
        return None
    return period
