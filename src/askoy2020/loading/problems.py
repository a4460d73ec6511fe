"""The problems found while reading files, before any portfolio rule runs:
each declared once, here, with its id, name, severity and documentation.

The reader, the loader and ``fmt`` emit them through :meth:`LoadRule.at`,
which takes the severity from the declaration, so a problem can never be
reported with another severity than the one ``askoy2020 rules`` documents.
The rule registry (:mod:`askoy2020.rules.loading`) lists them with the
portfolio rules.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Literal

from ..core.diagnostics import Diagnostic, Location, Say, Severity

E, W = Severity.ERROR, Severity.WARNING


@dataclass(frozen=True)
class LoadRule:
    id: str
    name: str
    severity: Severity
    doc: str
    stage: Literal["load", "fmt"] = "load"
    """``fmt`` problems come from ``askoy2020 fmt`` only, never from validate."""

    def at(self, location: Location, message: Say, hint: Say,
           related: tuple[Location, ...] = ()) -> Diagnostic:
        """The problem at ``location``: what is wrong and how to fix it, each
        in English and bokmål."""
        return Diagnostic.said(location, self.id, self.severity, message, hint, related)


LOAD_RULES: list[LoadRule] = []


def _declare(id: str, name: str, severity: Severity, doc: str,
             stage: Literal["load", "fmt"] = "load") -> LoadRule:
    rule = LoadRule(id, name, severity, inspect.cleandoc(doc), stage)
    LOAD_RULES.append(rule)
    return rule


YAML_SYNTAX = _declare("ASK001", "yaml-syntax", E, """
    The file is not valid YAML (tabs, bad indentation, unclosed quotes …).

    FAIL (a tab before 'name'):
        id: DK-03
        <TAB>name: Digital innbyggerdialog
    PASS:
        id: DK-03
        name: Digital innbyggerdialog
""")

ENCODING = _declare("ASK002", "unreadable-file", E, """
    The file cannot be read as UTF-8 text, or holds control characters.

    FAIL: a file saved as Latin-1 ("Ask\\xf8y").
    PASS: the same file saved as UTF-8 ("Askøy").
""")

DUPLICATE_KEY = _declare("ASK003", "duplicate-key", E, """
    The same key appears twice in one mapping; YAML would silently keep one.

    FAIL:
        status: active
        status: completed
    PASS:
        status: completed
""")

UNSUPPORTED_YAML = _declare("ASK004", "unsupported-yaml", E, """
    YAML features records do not use: tags, merge keys, several documents.

    Tags such as ``!!python/object`` can run code in careless tools, merge
    keys (``<<``) hide values from reviewers, and a second ``---`` document
    would be ignored by most readers.

    FAIL:
        name: !!python/object:os.system x
    PASS:
        name: Digital innbyggerdialog
""")

LIMIT_EXCEEDED = _declare("ASK005", "limit-exceeded", E, """
    The file is larger, deeper or expands to more values than the limits allow.

    Limits: 5 MB per file, 64 levels of nesting, 200 000 values after
    aliases are expanded (guards against "billion laughs").

    FAIL:
        a: &a [x, x, x, x, x, x, x, x, x]
        b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
        # … eight levels more
    PASS:
        a: [x, x]
""")

EMPTY_FILE = _declare("ASK006", "empty-file", W, """
    The file holds no record (it is empty or holds only comments).

    FAIL:
        # TODO
    PASS:
        id: L-031
        …
""")

UNKNOWN_FILE = _declare("ASK007", "unknown-file", W, """
    A YAML file outside the record folders is not read; nor is one whose
    name hides it (a leading dot) or whose suffix is in capitals. A file
    whose name is not UTF-8 text is read, and named to be renamed.

    FAIL: data/notes.yaml
    PASS: data/quality/2019/Q-2019-001.yaml
""")

WRONG_SHAPE = _declare("ASK008", "wrong-shape", E, """
    The file holds a scalar or list where a record (a mapping) belongs.

    FAIL:
        - DK-03
        - DK-04
    PASS:
        - id: DK-03
          …
""")

OUTSIDE_DATA = _declare("ASK010", "link-outside-data", E, """
    A file in the data folder is a symbolic link to a file outside it. It is
    not read: the reports must be built only from what reviewers of the
    data repository can see.

    FAIL: data/quality/Q-2020-001.yaml -> /home/analyst/notes.yaml
    PASS: data/quality/Q-2020-001.yaml as an ordinary file
""")

UNKNOWN_KEY = _declare("ASK101", "unknown-key", E, """
    A key the record kind does not have; usually a typo.

    FAIL:
        budjet_frames: {2019: 12000}
    PASS:
        budget_frames: {2019: 12000}
""")

MISSING_FIELD = _declare("ASK102", "missing-field", E, """
    A required field is missing; reported at the mapping that lacks it.

    FAIL (a project without a manager):
        id: DK-03
        name: Digital innbyggerdialog
        area: DK
        status: planned
        planned: {start: 2019-01-01, end: 2020-12-31}
    PASS:
        … plus
        manager: Prosjektleder digitalisering
""")

WRONG_TYPE = _declare("ASK103", "wrong-type", E, """
    A value of the wrong type or format: text for a number, an impossible
    date such as 2020-02-30, an id with spaces.

    FAIL:
        planned: {start: 2020-02-30, end: 2020-12-31}
    PASS:
        planned: {start: 2020-02-29, end: 2020-12-31}
""")

OUT_OF_RANGE = _declare("ASK104", "out-of-range", E, """
    A number outside its range: negative money or årsverk, a 10-FAKTOR
    score outside 1–5, an evaluation level outside 1–4, negative respondents.

    FAIL:
        cost: {2019: -500}
    PASS:
        cost: {2019: 500}
""")

NOT_ALLOWED = _declare("ASK105", "not-allowed-value", E, """
    A value that is not one of the allowed choices (status, kind, RAG …).

    FAIL:
        status: aktiv
    PASS:
        status: active
""")

TOO_MANY_PROBLEMS = _declare("ASK011", "too-many-problems", E, """
    A record has more schema problems than are shown (50 per record); the
    rest are counted. A pasted log or a generated file can hold thousands of
    stray keys, and listing them all would bury the first few that say
    what is wrong.

    FAIL: a project with 60 unknown keys.
    PASS: a project whose keys are all known.
""")

FMT_SKIPPED = _declare("ASK012", "fmt-skipped", W, """
    ``askoy2020 fmt`` left a file as it was: reformatting it would change a
    value or lose a comment, ruamel.yaml cannot round-trip it, or a file
    named to fmt lies in no record folder. Reported by fmt only; validate
    still checks the file.

    FAIL: a file whose comment sits where a reordered key would strand it.
    PASS: any file fmt can reorder with every value and comment kept.
""", stage="fmt")

WRITE_FAILED = _declare("ASK013", "write-failed", E, """
    ``askoy2020 fmt`` could not write a reformatted file (a full disk, a
    read-only folder). The file is unchanged: files are replaced whole or
    not at all. Reported by fmt only.

    FAIL: fmt on a data folder on a full disk.
    PASS: fmt with room to write.
""", stage="fmt")


HIDDEN_LINE_BREAK = _declare("ASK014", "hidden-line-break", E, """
    The file holds U+2028 (line separator), U+2029 (paragraph separator) or
    U+0085 (next line) as a character. YAML reads each as a line break, but
    grep, git diff and most editors show none: text after one inside a
    comment would be read as data no reviewer sees, and every line number
    after it would be off by one. The file is not read. The position given
    counts only ordinary line breaks, as an editor shows it.

    FAIL (U+2028 shown as <LS>):
        # Merknad fra møtet<LS>benefits: {2021: 9000}
    PASS:
        # Merknad fra møtet
    In a quoted text the escape "\\u2028" is fine: it is visible.
""")


def load_rule(rule_id: str) -> LoadRule:
    """The declaration of a load-stage problem by id (KeyError if none)."""
    return next(rule for rule in LOAD_RULES if rule.id == rule_id)
