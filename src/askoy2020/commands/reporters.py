"""Views of one sorted list of diagnostics: text, JSON, GitHub annotations.

File names, keys and messages can carry control and invisible characters
from the data; every view writes them through ``safe_text`` (visible
escapes, or ``\\uXXXX`` in JSON), so none reaches a terminal, a CI log or
an XML parser raw.

Each view says the messages and hints in the language asked for
(``validate --lang``, English by default). JSON keeps ``message`` and
``hint`` in English and adds ``message_nb`` and ``hint_nb`` for bokmål.

The CI views (GitHub, GitLab, JUnit) name files from the top of their git
repository, as CI systems match them, wherever the check was run from
(:class:`~.paths.RepositoryPaths`); text and JSON keep the names relative
to the working folder, as the user typed them. A GitLab fingerprint names
the problem – file, rule, record, key path – and neither its line nor its
words (:mod:`.fingerprints`), so a new day, a comment line added above or
another ``--lang`` does not make it look fixed and new."""

from __future__ import annotations

import json
from datetime import date
from typing import Protocol, TextIO

from ..core import bokmal as nb
from ..core.diagnostics import Diagnostic
from .choices import DiagnosticsFormat, Language
from .paths import RepositoryPaths
from .safe_text import json_safe, visible

JSON_SCHEMA_VERSION = 1
EN = Language.EN

# The words of the text view around the messages: severity, "see".
_SEVERITY_NB = {"error": "feil", "warning": "advarsel"}


def summary_line(diagnostics: list[Diagnostic], files_checked: int, lang: Language = EN) -> str:
    errors = sum(d.is_error for d in diagnostics)
    warnings = len(diagnostics) - errors
    files = len({d.file for d in diagnostics})
    if lang is Language.NB:
        return (f"{nb.count(errors, 'feil', 'feil')}, {nb.count(warnings, 'advarsel', 'advarsler')} i "
                f"{nb.count(files, 'fil', 'filer')} ({nb.count(files_checked, 'fil', 'filer')} kontrollert)")
    return (
        f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)} "
        f"in {files} file{'s' * (files != 1)} ({files_checked} files checked)"
    )


def _severity(d: Diagnostic, lang: Language) -> str:
    return _SEVERITY_NB[d.severity.value] if lang is Language.NB else d.severity.value


def _see(lang: Language) -> str:
    return "se" if lang is Language.NB else "see"


def text(diagnostics: list[Diagnostic], files_checked: int, as_of: date, out: TextIO, lang: Language = EN,
         quiet: bool = False) -> None:
    from rich.console import Console
    from rich.markup import escape

    console = Console(file=out, highlight=False, soft_wrap=True)
    if console.color_system is None:  # a pipe, CI, NO_COLOR: no styles to render
        _plain_text(diagnostics, files_checked, out, lang, quiet)
        return
    current = None
    for d in diagnostics:
        if d.file != current:
            if current is not None:
                console.print()
            console.print(f"[bold underline]{escape(visible(d.file))}[/]")
            current = d.file
        colour = "red" if d.is_error else "yellow"
        message, hint = d.text(lang)
        console.print(
            f"  {d.line}:{d.column}\t[{colour}]{_severity(d, lang)}[/]\t{escape(visible(message))}  [dim]{d.rule}[/]"
        )
        if hint:
            console.print(f"  \t\t[dim]→ {escape(visible(hint))}[/]")
        for r in d.related:
            console.print(f"  \t\t[dim]  {_see(lang)} {escape(visible(r))}[/]")
    if quiet:
        return
    if diagnostics:
        console.print()
    colour = "red" if any(d.is_error for d in diagnostics) else ("yellow" if diagnostics else "green")
    console.print(f"[bold {colour}]{summary_line(diagnostics, files_checked, lang)}[/]")


def _plain_text(diagnostics: list[Diagnostic], files_checked: int, out: TextIO, lang: Language = EN,
                quiet: bool = False) -> None:
    """What :func:`text` prints without colours, written directly: rich's
    markup rendering costs about 0.7 ms a line, which made 20,000
    diagnostics take 15 s in CI. Tabs are expanded as rich expands them."""
    lines: list[str] = []
    current = None
    for d in diagnostics:
        if d.file != current:
            if current is not None:
                lines.append("")
            lines.append(visible(d.file))
            current = d.file
        message, hint = d.text(lang)
        lines.append(f"  {d.line}:{d.column}\t{_severity(d, lang)}\t{visible(message)}  {d.rule}")
        if hint:
            lines.append(f"  \t\t→ {visible(hint)}")
        lines.extend(f"  \t\t  {_see(lang)} {visible(r)}" for r in d.related)
    if diagnostics and not quiet:
        lines.append("")
    if not quiet:
        lines.append(summary_line(diagnostics, files_checked, lang))
    out.write("".join(line.expandtabs(8) + "\n" for line in lines))


def as_json(diagnostics: list[Diagnostic], files_checked: int, as_of: date, out: TextIO, lang: Language = EN,
            quiet: bool = False) -> None:
    errors = sum(d.is_error for d in diagnostics)
    document = {
        "schema_version": JSON_SCHEMA_VERSION,
        "as_of": as_of.isoformat(),
        "summary": {
            "errors": errors,
            "warnings": len(diagnostics) - errors,
            "files_with_problems": len({d.file for d in diagnostics}),
            "files_checked": files_checked,
        },
        "diagnostics": [d.to_dict(nb=lang is Language.NB) for d in diagnostics],
    }
    out.write(json_safe(json.dumps(document, ensure_ascii=False, indent=2)) + "\n")


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _rule_titles() -> dict[str, str]:
    """``ASK101 unknown-key`` by id: the id and the name, as ``askoy2020 rules`` lists them."""
    from ..rules import all_rules  # the package: every rule registered

    return {r.id: f"{r.id} {r.name}" for r in all_rules()}


def github(diagnostics: list[Diagnostic], files_checked: int, as_of: date, out: TextIO, lang: Language = EN,
           quiet: bool = False) -> None:
    """GitHub Actions workflow commands; each becomes an annotation on the
    line. Escaped as the runner unescapes them (actions/runner,
    ``ActionCommand.cs``): ``%``, CR and LF in the message; also ``:`` and
    ``,`` in a property, which would end it."""
    shown, titles = RepositoryPaths(), _rule_titles()
    for d in diagnostics:
        level = "error" if d.is_error else "warning"  # GitHub's command names, in any language
        # A line break in a file name goes as %0A, which the runner reads back.
        file = _escape_property(visible(shown(d.file), keep="\r\n"))
        title = _escape_property(visible(titles.get(d.rule, d.rule)))
        props = f"file={file},line={d.line},col={d.column},title={title}"
        said, hint = d.text(lang)
        message = visible(said + (f" – {hint}" if hint else ""), keep="\n")  # %0A: one annotation
        out.write(f"::{level} {props}::{_escape_data(message)}\n")
    if not quiet:
        out.write(summary_line(diagnostics, files_checked, lang) + "\n")


def gitlab(diagnostics: list[Diagnostic], files_checked: int, as_of: date, out: TextIO, lang: Language = EN,
           quiet: bool = False) -> None:
    """GitLab Code Quality report (a JSON array); save it as the job's
    ``artifacts:reports:codequality`` and problems show in the merge request."""
    from .fingerprints import fingerprints

    shown = RepositoryPaths()
    issues = []
    for d, fingerprint in zip(diagnostics, fingerprints(diagnostics, shown), strict=True):
        said, hint = d.text(lang)
        issues.append({
            "type": "issue",
            "check_name": d.rule,
            "description": said + (f" – {hint}" if hint else ""),
            "categories": ["Bug Risk"],
            "severity": "major" if d.is_error else "minor",
            "fingerprint": fingerprint,
            "location": {"path": shown(d.file), "lines": {"begin": max(1, d.line)}},
        })
    out.write(json_safe(json.dumps(issues, ensure_ascii=False, indent=2)) + "\n")


def junit(diagnostics: list[Diagnostic], files_checked: int, as_of: date, out: TextIO, lang: Language = EN,
          quiet: bool = False) -> None:
    """JUnit XML for CI systems that show test reports: one test case per
    problem (errors fail, warnings pass with their text), or one passing case."""
    from xml.etree import ElementTree as ET

    errors = sum(d.is_error for d in diagnostics)
    suites = ET.Element("testsuites", name="askoy2020 validate", tests=str(max(1, len(diagnostics))),
                        failures=str(errors))
    # The timestamp is when the check ran (JUnit's xs:dateTime, no zone), as
    # CI systems show it; the day the data was checked as of is a property.
    suite = ET.SubElement(suites, "testsuite", name="askoy2020 validate", tests=str(max(1, len(diagnostics))),
                          failures=str(errors), errors="0", timestamp=_run_time())
    shown = RepositoryPaths()
    properties = ET.SubElement(suite, "properties")
    ET.SubElement(properties, "property", name="as_of", value=as_of.isoformat())
    ET.SubElement(properties, "property", name="files_checked", value=str(files_checked))
    for d in diagnostics:
        file = visible(shown(d.file))  # also keeps out what XML 1.0 cannot hold
        case = ET.SubElement(suite, "testcase", classname=file, name=f"{d.rule} {d.line}:{d.column}",
                             file=file, line=str(d.line))
        said, hint = d.text(lang)
        text = visible(said + (f"\n{hint}" if hint else ""), keep="\n")
        if d.is_error:
            ET.SubElement(case, "failure", message=visible(said), type=d.rule).text = text
        else:
            ET.SubElement(case, "system-out").text = f"{_severity(d, lang)}: {text}"
    if not diagnostics:
        ET.SubElement(suite, "testcase", classname="askoy2020", name=f"{files_checked} files valid")
    ET.indent(suites)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n")


def _run_time() -> str:
    """Now, to the second; SOURCE_DATE_EPOCH (the reproducible-builds
    convention) fixes it, so a test or a rebuild gives the same bytes."""
    import datetime as dt
    import os

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC).replace(tzinfo=None)
    else:
        moment = dt.datetime.now()
    return moment.isoformat(timespec="seconds")


class Reporter(Protocol):
    """A view: the diagnostics, how many files were checked, the day, the
    stream and the language; ``quiet`` leaves out what is not a problem
    (the summary line). A quiet run hands over only the failing problems."""

    def __call__(self, diagnostics: list[Diagnostic], files_checked: int, as_of: date, out: TextIO,
                 lang: Language = EN, quiet: bool = False) -> None: ...


REPORTERS: dict[DiagnosticsFormat, Reporter] = {
    DiagnosticsFormat.TEXT: text, DiagnosticsFormat.JSON: as_json, DiagnosticsFormat.GITHUB: github,
    DiagnosticsFormat.GITLAB: gitlab, DiagnosticsFormat.JUNIT: junit,
}
