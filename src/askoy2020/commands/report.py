"""``askoy2020 report``: the request in, Markdown or HTML out. Exit 0 when
the report is written, 2 for usage errors (a bad option, a broken template,
an unknown git revision)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from ..report.audience import Audience
from .choices import Language, ReportFormat
from .failures import explain_os_errors
from .output import echo
from .safe_text import visible

SUFFIX_FORMAT = {".md": ReportFormat.MD, ".markdown": ReportFormat.MD,
                 ".html": ReportFormat.HTML, ".htm": ReportFormat.HTML}


@dataclass(frozen=True)
class ReportRequest:
    folder: Path | None
    year: int
    as_of: dt.date
    output_format: ReportFormat | None = None
    """None: from the suffix of ``output``, else Markdown."""
    lang: Language = Language.NB
    output: Path | None = None
    templates: Path | None = None
    audience: Audience = Audience.INTERNAL
    since: str | None = None


@explain_os_errors
def run(request: ReportRequest, out: TextIO, err: TextIO) -> int:
    from ..loading.yaml_reader import ReadLimits
    from ..report.build import build_report
    from ..report.render import RenderError, render
    from ..report.since import SinceError, changes_since
    from ..rules import check
    from ..writing import write_atomic
    from .paths import load_or_explain

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
    portfolio = load_or_explain(request.folder, "askoy2020 report --year 2020 data", err)
    if portfolio is None:
        return 2
    diagnostics = check(portfolio, as_of=request.as_of)
    report = build_report(portfolio, request.year, request.as_of, lang=request.lang.value,
                          audience=request.audience, diagnostics=diagnostics)
    if request.since:
        try:
            # the limits were read, and checked, when the data was loaded
            report.changes = changes_since(portfolio, request.since, ReadLimits.from_environment())
        except SinceError as exc:
            echo(err, f"Error: {visible(exc)}")
            return 2
        report.since = request.since
    try:
        text = render(report, fmt.value, request.templates)
    except RenderError as exc:
        echo(err, f"Error: {visible(exc, keep=chr(10))}")
        return 2
    if request.output is None:
        out.write(text)
    else:
        write_atomic(request.output, text)
        echo(err, f"Wrote the {fmt.value} report to {visible(request.output)}")
    return 0
