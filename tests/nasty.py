"""The nasty-input corpus: files people (or tools) really produce, and files
an attacker would write. Each entry is laid into the small base portfolio as
a quality case and must come out as diagnostics at the right file and line –
never a traceback, a hang or a MemoryError.

Large inputs (a 10 MB line, 10,000 levels of nesting, an alias bomb) are
built here rather than committed, so the repository stays small. The fuzz
tests share `yaml_like`, random text made of pieces of YAML syntax.
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import strategies as st

# A valid quality case to start from (the base portfolio's Q-2020-001 needs
# nothing else, so the case is complete on its own).
CASE = (
    "id: Q-2020-900\n"
    "kind: deviation\n"
    "title: Avvik i rutine\n"
    "unit: Kleppestø skole\n"
    "occurred: 2020-03-02\n"
    "reported: 2020-03-03\n"
    "status: in_progress\n"
    "responsible: Rektor\n"
    "deadline: 2020-12-01\n"
)


def _case(**changes: str) -> bytes:
    lines = [line for line in CASE.splitlines() if line.split(":")[0] not in changes]
    return ("\n".join(lines + [f"{k}: {v}" for k, v in changes.items()]) + "\n").encode()


def _alias_bomb() -> bytes:
    rows = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    rows += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 10)]
    return ("\n".join(rows) + "\n").encode()


@dataclass(frozen=True)
class Nasty:
    name: str
    data: bytes
    rule: str | None  # the diagnostic it must give; None: it is fine
    line: int | None = None  # where, when the input has a meaningful line


CORPUS = [
    Nasty("binary", bytes(range(256)) * 4, "ASK002"),
    Nasty("png-header", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "ASK002"),
    Nasty("invalid-utf8", CASE.encode() + b"description: Ask\xf8y\n", "ASK002", 10),
    Nasty("latin1-everywhere", CASE.replace("ø", "o").encode() + "title2: æøå\n".encode("latin-1"), "ASK002", 10),
    Nasty("bom", b"\xef\xbb\xbf" + CASE.encode(), None),
    Nasty("crlf", CASE.replace("\n", "\r\n").encode(), None),
    Nasty("old-mac-cr", CASE.replace("\n", "\r").encode(), None),
    Nasty("tab-indent", b"id: Q-2020-900\nbreach:\n\tnotified: 2020-03-03\n", "ASK001", 3),
    Nasty("ten-mb-line", b"title: " + b"x" * 10_000_000 + b"\n", "ASK005", None),
    Nasty("deep-flow-10000", b"id: [" + b"[" * 10_000 + b"]" * 10_001 + b"\n", "ASK005", 1),
    Nasty("deep-block-10000", b"- " * 10_000 + b"x\n", "ASK005", 1),
    Nasty("deep-mapping-200", "".join("  " * i + f"k{i}:\n" for i in range(200)).encode(), "ASK005"),
    Nasty("alias-bomb", _alias_bomb(), "ASK005"),
    Nasty("merge-key", CASE.encode() + b"base: &b {unit: X}\nextra:\n  <<: *b\n", "ASK004", 12),
    Nasty("duplicate-key", CASE.encode() + b"status: closed\n", "ASK003", 10),
    Nasty("python-object", CASE.encode() + b"title2: !!python/object/apply:os.system ['echo pwned']\n", "ASK004", 10),
    Nasty("python-name", b"!!python/name:os.system\n", "ASK004", 1),
    Nasty("custom-tag", CASE.encode() + b"extra: !secret x\n", "ASK004", 10),
    Nasty("binary-tag", CASE.encode() + b"extra: !!binary aGVsbG8=\n", "ASK004", 10),
    Nasty("set-tag", CASE.encode() + b"extra: !!set {a, b}\n", "ASK004", 10),
    Nasty("two-documents", CASE.encode() + b"---\n" + CASE.encode(), "ASK004", 10),
    Nasty("document-end-marker", CASE.encode() + b"...\n", None),
    Nasty("empty", b"", "ASK006"),
    Nasty("comments-only", b"# TODO: fill in\n\n   # later\n", "ASK006"),
    Nasty("only-null", b"~\n", "ASK006"),
    Nasty("top-level-scalar", b"just a sentence\n", "ASK008", 1),
    Nasty("top-level-number", b"42\n", "ASK008", 1),
    Nasty("list-of-scalars", b"- Q-2020-900\n- Q-2020-901\n", "ASK008", 1),
    Nasty("key-is-a-list", b"? [a, b]\n: c\n", "ASK001", 1),
    Nasty("unclosed-quote", CASE.encode() + b'description: "never closed\n', "ASK001"),
    Nasty("unknown-alias", CASE.encode() + b"extra: *nowhere\n", "ASK001", 10),
    Nasty("huge-int-5000-digits", _case(severity="9" * 5000), "ASK004", 10),
    Nasty("huge-int", _case(severity="99999999999999999999999999"), "ASK104", 10),
    Nasty("nan", _case(severity=".nan"), "ASK104", 10),
    Nasty("inf", _case(severity=".inf"), "ASK104", 10),
    Nasty("negative-inf", _case(severity="-.inf"), "ASK104", 10),
    Nasty("february-30", _case(occurred="2020-02-30"), "ASK103", 9),
    Nasty("year-9999", _case(deadline="9999-12-31"), "ASK104", 9),
    Nasty("date-as-garbage", _case(deadline="soon"), "ASK103", 9),
    Nasty("norway-words", _case(title="NO", unit="yes", responsible="on"), None),
    Nasty("leading-zero-id", _case(id="0123"), None),
    Nasty("control-char-raw", CASE.encode() + b"description: bell \x07 here\n", "ASK002", 10),
    Nasty("nul-escape", _case(description='"a\\0b"'), "ASK103", 10),
    Nasty("bidi-override", _case(title='"\\u202eevil"'), "ASK103", 9),
    Nasty("lone-surrogate", _case(title='"\\ud800"'), "ASK001", 9),
    Nasty("unknown-key", CASE.encode() + b"titel: typo\n", "ASK101", 10),
    Nasty("wrong-type-list", _case(title="[a, b]"), "ASK103", 9),
    Nasty("very-long-key", CASE.encode() + b"k" * 100_000 + b": 1\n", "ASK001", 10),  # libyaml: keys ≤ 1024 chars
    Nasty("many-keys", CASE.encode() + b"".join(b"k%d: 1\n" % i for i in range(5_000)), "ASK101"),
    Nasty("line-separator-in-comment", CASE.encode() + "# merknad\u2028status: closed\n".encode(), "ASK014", 10),
    Nasty("next-line-in-text", CASE.encode() + "description: a\x85b: c\n".encode(), "ASK014", 10),
    Nasty("paragraph-separator-in-key", CASE.encode() + "desc\u2029ription: x\n".encode(), "ASK014", 10),
]


# Pieces of YAML syntax: random text made of these parses far more often
# than random characters, so it reaches the builder, not only the scanner.
TOKENS = [
    "a", "id", "b", "2020", "0123", "-1", "1e9", ".nan", ".inf", "~", "null", "yes", "NO", "on", "true",
    "2020-02-30", "æøå", ":", ": ", "- ", "? ", "\n", "\n  ", "\n    ", "\t", "[", "]", "{", "}", ",", "&x ", "*x",
    "<<: ", "!!python/object:os.system ", "!tag ", "!!str ", "!!int ", "!!binary ", "'", '"', "\\u202e", "\\0",
    "\\ud800", "#", " # c", "---\n", "...\n", "|\n  ", ">-\n  ", "%YAML 1.2\n", "\r\n", "\ufeff", "\x00", "\x85",
]

yaml_like = st.lists(st.sampled_from(TOKENS), max_size=60).map("".join)
