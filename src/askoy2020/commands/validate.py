"""``askoy2020 validate``: every record and every consistency rule. Exit 0
when clean (warnings allowed unless strict), 1 on problems, 2 when the
folder cannot be read."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from .choices import DiagnosticsFormat, Language


@dataclass(frozen=True)
class ValidateRequest:
    folder: Path | None
    as_of: dt.date
    strict: bool = False
    use_cache: bool = True
    output_format: DiagnosticsFormat | None = None
    """None: GitHub annotations under GitHub Actions, else text."""
    lang: Language = Language.EN
    """The language of messages and hints (the JSON keeps English and adds bokmål)."""
    quiet: bool = False
    """Show only the problems that fail the run, with no summary line and no progress."""


def run(request: ValidateRequest, out: TextIO, err: TextIO) -> int:
    from ..rules import check
    from .paths import load_or_explain
    from .reporters import REPORTERS

    portfolio = load_or_explain(request.folder, "askoy2020 validate data", err, use_cache=request.use_cache,
                                quiet=request.quiet)
    if portfolio is None:
        return 2
    diagnostics = check(portfolio, as_of=request.as_of)
    failing = [d for d in diagnostics if d.is_error or request.strict]
    output_format = request.output_format or _default_format()
    REPORTERS[output_format](failing if request.quiet else diagnostics, len(portfolio.files), request.as_of, out,
                             request.lang, quiet=request.quiet)
    return 1 if failing else 0


def _default_format() -> DiagnosticsFormat:
    if os.environ.get("GITHUB_ACTIONS") == "true":
        return DiagnosticsFormat.GITHUB
    return DiagnosticsFormat.TEXT
