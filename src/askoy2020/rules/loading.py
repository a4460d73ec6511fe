"""Problems found while reading files, before the portfolio rules run."""

from __future__ import annotations

from ..core.diagnostics import Severity
from ..loading import rule_ids as R
from .registry import declare

E, W = Severity.ERROR, Severity.WARNING

declare(R.YAML_SYNTAX, "yaml-syntax", E, """
    The file is not valid YAML (tabs, bad indentation, unclosed quotes …).

    FAIL (a tab before 'name'):
        id: DK-03
        <TAB>name: Digital innbyggerdialog
    PASS:
        id: DK-03
        name: Digital innbyggerdialog
""")

declare(R.ENCODING, "unreadable-file", E, """
    The file cannot be read as UTF-8 text, or holds control characters.

    FAIL: a file saved as Latin-1 ("Ask\\xf8y").
    PASS: the same file saved as UTF-8 ("Askøy").
""")

declare(R.DUPLICATE_KEY, "duplicate-key", E, """
    The same key appears twice in one mapping; YAML would silently keep one.

    FAIL:
        status: active
        status: completed
    PASS:
        status: completed
""")

declare(R.UNSUPPORTED_YAML, "unsupported-yaml", E, """
    YAML features records do not use: tags, merge keys, several documents.

    Tags such as ``!!python/object`` can run code in careless tools, merge
    keys (``<<``) hide values from reviewers, and a second ``---`` document
    would be ignored by most readers.

    FAIL:
        name: !!python/object:os.system x
    PASS:
        name: Digital innbyggerdialog
""")

declare(R.LIMIT_EXCEEDED, "limit-exceeded", E, """
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

declare(R.EMPTY_FILE, "empty-file", W, """
    The file holds no record (it is empty or holds only comments).

    FAIL:
        # TODO
    PASS:
        id: L-031
        …
""")

declare(R.UNKNOWN_FILE, "unknown-file", W, """
    A YAML file outside the record folders is not read.

    FAIL: data/notes.yaml
    PASS: data/quality/2019/Q-2019-001.yaml
""")

declare(R.WRONG_SHAPE, "wrong-shape", E, """
    The file holds a scalar or list where a record (a mapping) belongs.

    FAIL:
        - DK-03
        - DK-04
    PASS:
        - id: DK-03
          …
""")

declare(R.OUTSIDE_DATA, "link-outside-data", E, """
    A file in the data folder is a symbolic link to a file outside it. It is
    not read: the reports must be built only from what reviewers of the
    data repository can see.

    FAIL: data/quality/Q-2020-001.yaml -> /home/analyst/notes.yaml
    PASS: data/quality/Q-2020-001.yaml as an ordinary file
""")

declare(R.UNKNOWN_KEY, "unknown-key", E, """
    A key the record kind does not have; usually a typo.

    FAIL:
        budjet_frames: {2019: 12000}
    PASS:
        budget_frames: {2019: 12000}
""")

declare(R.MISSING_FIELD, "missing-field", E, """
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

declare(R.WRONG_TYPE, "wrong-type", E, """
    A value of the wrong type or format: text for a number, an impossible
    date such as 2020-02-30, an id with spaces.

    FAIL:
        planned: {start: 2020-02-30, end: 2020-12-31}
    PASS:
        planned: {start: 2020-02-29, end: 2020-12-31}
""")

declare(R.OUT_OF_RANGE, "out-of-range", E, """
    A number outside its range: negative money or årsverk, a 10-FAKTOR
    score outside 1–5, an evaluation level outside 1–4, negative respondents.

    FAIL:
        cost: {2019: -500}
    PASS:
        cost: {2019: 500}
""")

declare(R.NOT_ALLOWED, "not-allowed-value", E, """
    A value that is not one of the allowed choices (status, kind, RAG …).

    FAIL:
        status: aktiv
    PASS:
        status: active
""")
