"""Render a Report through Jinja templates, in a sandbox.

Templates come from ``--templates DIR`` first, then from the packaged
``templates/`` folder. They run in Jinja's immutable sandbox with
StrictUndefined: a typo is an error, and a template cannot reach Python
internals, the file system or the environment. HTML is autoescaped; in
Markdown every piece of user text goes through the ``md`` filter.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
import signal
import threading
import traceback
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined, TemplateError
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup
from pydantic import ValidationError

from ..core.identity_numbers import clip, mask
from .audience import scrub
from .chart_calls import TemplateCharts
from .i18n import WORDS, Lang
from .model import Report


class RenderError(Exception):
    """A template failed; the message says which and why."""


class TemplateMisuse(ValueError):
    """A template called t(), a filter or a chart with something it cannot use."""


# Longest text or list a template may build with ``*``, and the most bits
# of a power: ``"a" * 10**10`` would fill the memory before it failed.
_MAX_REPEAT = 1_000_000
_MAX_POWER_BITS = 100_000


class _Sandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox (which already caps ``range`` at 100 000)
    that also refuses ``*`` and ``**`` results too large to hold."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if (isinstance(seq, (str, list, tuple)) and isinstance(times, int)
                        and len(seq) * times > _MAX_REPEAT):
                    raise SecurityError(f"'*' would build something of {len(seq) * times:,} items "
                                        f"(at most {_MAX_REPEAT:,})")
        if (operator == "**" and isinstance(left, int) and isinstance(right, int)
                and abs(left) > 1 and right * abs(left).bit_length() > _MAX_POWER_BITS):
            raise SecurityError(f"'**' would make a number of about {right * abs(left).bit_length():,} bits")
        return super().call_binop(context, operator, left, right)


_MD_PUNCT = re.compile(r"([\\`*_{}\[\]<>|&~#!])")
_BLOCK_START = re.compile(r"^(\s*)(\d+)([.)])")
_BREAKING_SPACE = re.compile(r"[^\S\u00a0\u202f]+")


def md(value: object) -> str:
    """Text that stays text in a GFM table cell or paragraph: one line,
    Markdown and HTML punctuation backslash-escaped."""
    # One line, masked before a backslash can split a number; the no-break
    # spaces that hold "26 350" together stay.
    text = _BREAKING_SPACE.sub(" ", mask(str(value))).strip()
    text = _MD_PUNCT.sub(r"\\\1", text)
    text = _BLOCK_START.sub(r"\1\2\\\3", text)  # '1. ' must not start a list
    return "\\" + text if text[:1] and text[:1] in "-+=" else text  # nor '- ', '+ ' or '=' a list or heading


def css_string(value: object) -> Markup:
    """Text as a quoted CSS string, for ``content:`` in the stylesheet (the
    running header of a printed page). Inside <style> HTML entities are not
    decoded, so autoescaping cannot protect it: every character but letters,
    digits and a few harmless marks becomes a CSS hex escape, so a quote, a
    backslash, a newline or ``</style>`` stays text in the string."""
    text = " ".join(mask(str(value)).split())  # masked whole, before escapes split a number
    return Markup('"' + "".join(c if c.isalnum() or c in _CSS_PLAIN else f"\\{ord(c):x} " for c in text) + '"')


_CSS_PLAIN = frozenset(" .,:;–-()")


def template_folder() -> Path:
    """The built-in templates: the top-level templates/ folder, the one copy.
    Installed from a wheel or sdist it is askoy2020/templates (pyproject maps
    that package to the folder); run from a checkout (PYTHONPATH=src or an
    editable install) it is the folder next to src/."""
    installed = Path(str(resources.files("askoy2020"))) / "templates"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[3] / "templates"


@functools.lru_cache(maxsize=16)
def _environment(templates: Path | None, fmt: str, lang_code: str) -> tuple[ImmutableSandboxedEnvironment, Lang]:
    """The sandbox for a template folder, format and language; cached for
    the built-in templates so a second report in the same process does not
    compile them again (compiling takes most of a render)."""
    lang = Lang(lang_code)
    folders = [str(templates)] if templates else []
    env = _Sandbox(
        loader=ChoiceLoader([FileSystemLoader(folders), FileSystemLoader(str(template_folder()))]),
        undefined=StrictUndefined,
        autoescape=fmt == "html",
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update({
        "md": md,
        "css_string": css_string,
        "num": _checked("num", lang.number, float, int, type(None)),
        "pct": _checked("pct", lang.percent, float, int, type(None)),
        "date": _checked("date", lang.date, dt.date, type(None)),
    })
    return env, lang


def render(report: Report, fmt: str, templates: Path | None = None) -> str:
    # User templates may be edited between two renders in one process; only
    # the built-in ones, which never change, keep their compiled form.
    make = _environment.__wrapped__ if templates else _environment
    env, lang = make(templates, fmt, report.meta.lang)
    context: dict[str, Any] = {
        "r": report, "meta": report.meta, "t": _Words(lang), "lang": lang,
        "charts": TemplateCharts(lang, report.meta), "first_year": min(row.year for row in report.budget_by_year),
        "last_year": max(row.year for row in report.budget_by_year),
    }
    name = f"report.{fmt}.j2"
    limit = _TimeLimit(_user_template_seconds() if templates else None)
    try:
        # Masked as a whole: every piece of text in the report passes here,
        # the public one too, whatever a template prints.
        with limit:
            # A public report names no leader, leader goal or case, whatever
            # free text (a comment, a warning) or template wrote one.
            return scrub(mask(env.get_template(name).render(context)), report.withheld_ids)
    except Exception as exc:
        # Jinja's traceback rewriting can itself fail on the interrupted
        # frame, so the time is asked of the limit, not of the exception.
        if limit.fired:
            raise RenderError(f"template {name} took longer than {limit.seconds:g} seconds (a loop inside a "
                              "loop?); set ASKOY2020_MAX_RENDER_SECONDS to allow more") from None
        _explain(exc, name, templates)
        raise  # a bug of ours in a built-in template keeps its traceback


def _explain(exc: Exception, name: str, templates: Path | None) -> None:
    """Raise the one-line RenderError for what a template did wrong."""
    if isinstance(exc, SecurityError):
        raise RenderError(f"template {_where(exc, name)} tried something the sandbox forbids: {exc}") from None
    if isinstance(exc, TemplateError):
        line = getattr(exc, "lineno", None)
        where = f"{getattr(exc, 'name', None) or name} (line {line})" if line else _where(exc, name)
        raise RenderError(f"template {where}: {exc.message or exc}") from None
    if isinstance(exc, RecursionError):
        raise RenderError(f"template {_where(exc, name)} calls itself without end "
                          "(an include or a macro that reaches itself)") from None
    # A user's template is code we do not control: whatever it makes our
    # filters, t() or Python raise is its error, said in one line. From the
    # built-in templates it is our bug, and keeps its traceback.
    if templates is not None:
        raise RenderError(f"template {_where(exc, name)}: {_message(exc)}") from None


class _TookTooLong(Exception):
    """A user's template ran past its time."""


def _user_template_seconds() -> float:
    """How long a template from --templates may run: the sandbox stops what
    it can reach, not time, and nested loops can run for hours."""
    raw = os.environ.get("ASKOY2020_MAX_RENDER_SECONDS", "").strip()
    try:
        return max(0.1, float(raw)) if raw else 60.0
    except ValueError:
        return 60.0


class _TimeLimit:
    """Stop a render after ``seconds`` where a timer signal can be had (the
    main thread of a POSIX process); elsewhere, or with None, no limit."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds or 0.0
        self.fired = False
        self._armed = (seconds is not None and hasattr(signal, "setitimer")
                       and threading.current_thread() is threading.main_thread())
        self._previous: Any = None

    def _stop(self, signum: int, frame: Any) -> None:
        self.fired = True
        raise _TookTooLong()

    def __enter__(self) -> None:
        if self._armed:
            self._previous = signal.signal(signal.SIGALRM, self._stop)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def __exit__(self, *exc: object) -> None:
        if self._armed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._previous)


def _where(exc: BaseException, name: str) -> str:
    """The template and line an exception was raised at: Jinja rewrites the
    traceback so template frames carry the template's file and line."""
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith(".j2"):
            return f"{Path(frame.filename).name} (line {frame.lineno})"
    return name


def _message(exc: Exception) -> str:
    if isinstance(exc, ValidationError):  # from a chart's checked arguments
        error = exc.errors(include_url=False)[0]
        first, *inside = error["loc"] or ("?",)
        # The position counts self as 0, so it is the 1-based argument a template wrote.
        where = f"argument {first}" if isinstance(first, int) else f"argument {first!r}"
        where += f", item {'.'.join(str(part) for part in inside)}" if inside else ""
        message = str(error["msg"])
        return f"{exc.title.replace('TemplateCharts.', 'charts.')}(): {where}: {message[:1].lower()}{message[1:]}"
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if isinstance(exc, TemplateMisuse) else f"{type(exc).__name__}: {text}"


def _checked(name: str, function: Callable[..., str], *accepts: type) -> Callable[..., str]:
    def checked(value: object, *args: Any) -> str:
        if not isinstance(value, accepts) or isinstance(value, bool):
            raise TemplateMisuse(f"the filter {name} takes {' or '.join(a.__name__ for a in accepts)}, "
                                 f"not {type(value).__name__} {clip(str(value), 41)!r}")
        if any(not isinstance(a, int) or not 0 <= a <= 20 for a in args):
            raise TemplateMisuse(f"the filter {name} takes a number of decimals from 0 to 20, not {args!r}")
        return function(value, *args)
    return checked


class _Words:
    """``t(key, **values)`` for templates: an unknown key or a missing value
    is a clear error, not a KeyError."""

    def __init__(self, lang: Lang) -> None:
        self._lang = lang

    def __call__(self, key: object, **values: object) -> str:
        if not isinstance(key, str) or key not in WORDS:
            raise TemplateMisuse(f"t() has no text {key!r}; the keys are in askoy2020/report/i18n.py")
        try:
            return self._lang.t(key, **values)
        except (KeyError, IndexError, ValueError) as exc:
            raise TemplateMisuse(f"t({key!r}) needs the value {exc}") from None
