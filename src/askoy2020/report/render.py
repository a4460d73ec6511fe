"""Render a Report through Jinja templates, in a sandbox.

Templates come from ``--templates DIR`` first, then from the packaged
``templates/`` folder. They run in Jinja's immutable sandbox with
StrictUndefined: a typo is an error, and a template cannot reach Python
internals, the file system or the environment. HTML is autoescaped; in
Markdown every piece of user text goes through the ``md`` filter.
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined, TemplateError
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from ..core.identity_numbers import mask
from . import charts
from .i18n import Lang
from .model import Bar, Edge, Report


class RenderError(Exception):
    """A template failed; the message says which and why."""


_MD_PUNCT = re.compile(r"([\\`*_{}\[\]<>|&~#!])")
_BLOCK_START = re.compile(r"^(\s*)(\d+)([.)])")


def md(value: object) -> str:
    """Text that stays text in a GFM table cell or paragraph: one line,
    Markdown and HTML punctuation backslash-escaped."""
    text = " ".join(str(value).split())
    text = _MD_PUNCT.sub(r"\\\1", text)
    text = _BLOCK_START.sub(r"\1\2\\\3", text)  # '1. ' must not start a list
    return "\\" + text if text[:1] in "-+=" else text  # nor '- ', '+ ' or '=' a list or heading


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
    env = ImmutableSandboxedEnvironment(
        loader=ChoiceLoader([FileSystemLoader(folders), FileSystemLoader(str(template_folder()))]),
        undefined=StrictUndefined,
        autoescape=fmt == "html",
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update({
        "md": md,
        "num": lang.number,
        "pct": lang.percent,
        "date": lang.date,
    })
    return env, lang


def render(report: Report, fmt: str, templates: Path | None = None) -> str:
    # User templates may be edited between two renders in one process; only
    # the built-in ones, which never change, keep their compiled form.
    make = _environment.__wrapped__ if templates else _environment
    env, lang = make(templates, fmt, report.meta.lang)
    context: dict[str, Any] = {
        "r": report, "meta": report.meta, "t": lang.t, "lang": lang,
        "charts": _Charts(lang), "first_year": min(y for y, _, _ in report.budget_by_year),
        "last_year": max(y for y, _, _ in report.budget_by_year),
    }
    name = f"report.{fmt}.j2"
    try:
        # Masked as a whole: every piece of text in the report passes here,
        # the public one too, whatever a template prints.
        return mask(env.get_template(name).render(context))
    except SecurityError as exc:
        raise RenderError(f"template {name} tried something the sandbox forbids: {exc}") from None
    except TemplateError as exc:
        line = getattr(exc, "lineno", None)
        where = f" (line {line})" if line else ""
        raise RenderError(f"template {name}{where}: {exc.message or exc}") from None


class _Charts:
    """The chart functions a template may call (and nothing else)."""

    def __init__(self, lang: Lang) -> None:
        self._lang = lang

    def budget(self, chart_id: str, rows: list[tuple[int, float, float | None]]) -> str:
        return charts.budget_chart(chart_id, rows, self._lang)

    def attainment(self, chart_id: str, goals: list[tuple[str, float | None]]) -> str:
        return charts.attainment_chart(chart_id, goals, self._lang)

    def counts(self, chart_id: str, title: str, counts: dict[int, int]) -> str:
        return charts.count_chart(chart_id, title, counts)

    def gantt(self, chart_id: str, bars: list[Bar], first: int, last: int) -> str:
        return charts.gantt_chart(chart_id, bars, first, last, self._lang)

    def dependencies(self, chart_id: str, nodes: list[str], edges: list[Edge]) -> str:
        return charts.dependency_chart(chart_id, nodes, edges, self._lang)

    def mermaid_gantt(self, title: str, bars: list[Bar]) -> str:
        return charts.mermaid_gantt(title, bars)

    def mermaid_flowchart(self, nodes: list[str], edges: list[Edge]) -> str:
        return charts.mermaid_flowchart(nodes, edges)
