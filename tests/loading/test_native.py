"""The native reader (yaml-rs behind a guard) gives exactly what the libyaml
builder gives, or steps aside: on the sample, the rule cases, the nasty
corpus, hostile constructs one by one, and mutated files."""

from __future__ import annotations

import itertools
import math
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from askoy2020.loading import native
from askoy2020.loading.fast_values import BAIL
from askoy2020.loading.yaml_reader import ReadLimits, read_yaml
from askoy2020.writing.yaml_text import document
from nasty import CORPUS

from .test_yaml_reader import MALFORMED

pytestmark = pytest.mark.skipif(not native.AVAILABLE, reason="yaml-rs has no wheel for this platform")

DATA = Path(__file__).parent.parent.parent / "data"
FILES = sorted(DATA.rglob("*.yaml")) + sorted((Path(__file__).parent.parent / "cases").rglob("*.y*ml"))
LIMITS = ReadLimits()


def strict(value: Any) -> Any:
    """A value with its type spelled out: 1, 1.0, True and '1' all differ."""
    if isinstance(value, dict):
        return ("map", [(strict(k), strict(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("seq", [strict(v) for v in value])
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, int):
        return ("int", int(value))
    if isinstance(value, float):
        return ("float", "nan" if math.isnan(value) else float(value))
    if isinstance(value, str):
        return ("str", str(value))
    return (type(value).__name__, value)


def agrees(text: str) -> bool:
    """True when the native path took the text; fails the test when what
    it read differs from the full builder in any value or type."""
    value = native.values(text, LIMITS.max_depth, LIMITS.max_nodes)
    if value is BAIL:
        return False
    full = read_yaml(text.encode("utf-8"), "f.yaml", parser="libyaml")
    assert full.diagnostics == [], (text, full.diagnostics)
    assert full.document is not None and strict(value) == strict(full.document.value), text
    return True


def test_every_file_read_natively_reads_the_same_and_most_do() -> None:
    taken = [agrees(path.read_text("utf-8", errors="replace")) for path in FILES]
    sample = [took for took, path in zip(taken, FILES, strict=True) if path.is_relative_to(DATA)]
    assert sum(sample) >= 0.9 * len(sample), f"{sum(sample)} of {len(sample)} sample files"


@pytest.mark.parametrize("data", [n.data for n in CORPUS] + [m[0] for m in MALFORMED], ids=range(len(CORPUS) + len(MALFORMED)))
def test_hostile_files_agree_or_step_aside(data: bytes | str) -> None:
    text = data if isinstance(data, str) else data.decode("utf-8", errors="replace")
    agrees(text)


# Each is a construct the guard must send the old way: yaml-rs reads it
# differently, loses how it was written, or crashes on it.
REFUSED = {
    "anchor and alias": "a: &x 1\nb: *x\n",
    "tag": "a: !!str 1\n",
    "merge key": "a: {b: 1}\n<<: {c: 2}\n",
    "complex key": "? a\n: b\n",
    "escape": 'a: "x\\ty"\n',
    "block scalar": "a: |\n  text\n",
    "folded scalar": "a: >\n  text\n",
    "tab": "a:\t1\n",
    "carriage return": "a: 1\r\nb: 2\r\n",
    "control": "a: x\x07y\n",
    "next line": "a: x\x85y\n",
    "line separator": "a: x\u2028y\n",
    "byte order mark": "\ufeffa: 1\n",
    "noncharacter": "a: x\uffffy\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "document end": "a: 1\n...\n",
    "directive": "%YAML 1.2\n---\na: 1\n",
    "colon opening a token": "a: :b\n",
    "space before colon": "a : 1\n",
    "json key": 'a: {"b":1}\n',
    "colon before comma": "a: [b:, c]\n",
    "colon after bracket": "a: [b]: c\n",
    "trailing space": "a: 1 \n",
    "flow across lines": "a: [1,\n  2]\n",
    "leading zero": "a: 0123\n",
    "plus sign": "a: +12\n",
    "negative zero": "a: -0\n",
    "underscore": "a: 1_000\n",
    "binary": "a: 0b11\n",
    "hex": "a: 0x1F\n",
    "octal": "a: 0o17\n",
    "trailing zero": "a: 2.10\n",
    "bare point": "a: 1.\n",
    "exponent": "a: 1e3\n",
    "infinity": "a: .inf\n",
    "not a number": "a: .nan\n",
    "long integer": "a: 1234567890123456789\n",
    "year key with zero": "a: {02021: 5}\n",
    "long line": "a: " + "x" * 1_000 + "\n",
    "deep flow": "a: " + "[" * 70 + "]" * 70 + "\n",
    "mapping as a key": "a: {{b: 1}}\n",
    "list as a key in a flow map": "a: {[b]}\n",
    "deep block": "".join(" " * i + "a:\n" for i in range(130)) + " " * 130 + "a: 1\n",
}


@pytest.mark.parametrize("text", REFUSED.values(), ids=REFUSED.keys())
def test_guard_refuses(text: str) -> None:
    assert not native.cleared(text, LIMITS.max_depth, LIMITS.max_nodes)
    agrees(text)


def test_guard_clears_plain_records() -> None:
    text = "id: DK-03\ntitle: Digital kommune – hva nå\nbudget: {2019: 500, 2020: 1250.5}\ntags: [a, b c]\n" \
           "start: 2020-10-21\nat: 2020-10-21T13:00\ntime: 12:30\nowner: 'x: y'\nok: true\nnone: null\n"
    assert agrees(text)


def test_the_value_limit_is_kept() -> None:
    """A file with as many characters as the value limit goes the old way,
    which counts values and reports ASK005."""
    text = "a: [" + ", ".join("1" for _ in range(60)) + "]\n"
    assert not native.cleared(text, LIMITS.max_depth, max_nodes=len(text))
    assert native.cleared(text, LIMITS.max_depth, max_nodes=len(text) + 1)


def test_nesting_that_crashes_yaml_rs_is_read_the_old_way() -> None:
    """yaml-rs aborts the process on about 20,000 levels of nesting; such
    a file must end in a diagnostic, in a process that lives."""
    deep = "".join(" " * i + "a:\n" for i in range(20_000)) + " " * 20_000 + "a: 1\n"
    script = (
        "import sys; from askoy2020.loading.yaml_reader import read_yaml\n"
        "r = read_yaml(sys.stdin.buffer.read(), 'deep.yaml')\n"
        "print(sorted({d.rule for d in r.diagnostics}))\n"
    )
    for text in (deep, "a: " + "[" * 20_000 + "]" * 20_000 + "\n", "- " * 20_000 + "x\n"):
        done = subprocess.run([sys.executable, "-c", script], input=text.encode(), capture_output=True, timeout=120)
        assert done.returncode == 0, done.stderr.decode()[-500:]
        assert "ASK005" in done.stdout.decode() or "ASK001" in done.stdout.decode(), done.stdout


_HARD = list("-?:,[]{}#&*!|>'\"%@`=~ \t\n\r\\.+_0123456789eE") + ["\x85", "\u2028", "\ufeff", "\x00", "---", "...",
                                                                 ": ", " #", "\n- ", "\n  ", "'", "''", "0x", ".inf"]
_SCALARS = st.one_of(
    st.integers(-10**20, 10**20), st.floats(allow_nan=False), st.booleans(), st.none(),
    st.lists(st.one_of(st.sampled_from(_HARD), st.characters(exclude_categories=["Cs"])), max_size=10).map("".join),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(min_size=1, max_size=6), inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_VALUES, st.lists(st.tuples(st.integers(0, 10_000), st.sampled_from(_HARD)), max_size=4))
def test_mutated_files_agree_or_step_aside(value: Any, mutations: list[tuple[int, str]]) -> None:
    """Files as the writer makes them, then damaged the way an editor might:
    whatever the native path takes, it reads as the libyaml builder does."""
    text = document({"id": "X-1", "value": value})
    for where, piece in mutations:
        at = where % (len(text) + 1)
        text = text[:at] + piece + text[at:]
    agrees(text)


# Every place a scalar can stand: a value, a key, a value on the next line,
# a list item (on its line or the next), a continuation line, flow items,
# flow keys and flow values.
CONTEXTS = ("k: {}\n", "{}: v\n", "k:\n  {}\n", "- {}\n", "-\n  {}\n", "- {}: v\n", "k: a\n  {}\n",
            "k: [{}, x]\n", "k: [x, {}]\n", "k: {{{}: v}}\n", "k: {{a: {}}}\n", "k: [a: {}]\n", "{}")


@pytest.mark.parametrize("alphabet", ["0_.+-e:x1", "-+.infaN0", "~nulTrFsyN1 ", "0_: -{}[,"])
def test_every_short_token_is_read_alike_or_refused(alphabet: str) -> None:
    """Every token of up to four characters from number-ish, boolean-ish
    and null-ish alphabets, as a value, a key, in a flow list and as a list
    item: yaml-rs reads YAML 1.1 forms (``_1``, ``1_0``, ``0b1``, ``1:20``)
    that the core schema keeps as text, so the guard must catch each."""
    for length in range(1, 5):
        for letters in itertools.product(alphabet, repeat=length):
            token = "".join(letters)
            for context in CONTEXTS:
                agrees(context.format(token))


CASE_FOLDERS = sorted(p for p in (Path(__file__).parent.parent / "cases").glob("ASK*/*") if p.is_dir())


def _diagnostics(folder: Path) -> list[tuple[object, ...]]:
    import askoy2020
    from helpers import AS_OF

    portfolio = askoy2020.load(folder, workers=1)  # in this process, where the reader is patched
    return [(d.file, d.line, d.column, d.rule, d.message, d.hint, d.message_nb, d.hint_nb)
            for d in askoy2020.check(portfolio, AS_OF)]


@pytest.mark.parametrize("case", CASE_FOLDERS[::2], ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_diagnostic_is_the_same_with_or_without_the_native_reader(
        case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The rule cases (every second) validated with yaml-rs and without it:
    the same problems, on the same lines, in the same words – a number the
    native reader gives as a plain int is shown as the libyaml one is."""
    from helpers import build_case

    folder = build_case(case, tmp_path / "data")
    with_native = _diagnostics(folder)
    monkeypatch.setattr(native, "_loads", None)
    assert _diagnostics(folder) == with_native


def test_without_the_wheel_everything_works_the_old_way(tmp_path: Path) -> None:
    """yaml-rs missing (no wheel for the platform): a fresh process where
    importing it fails validates the sample data with the same output."""
    import subprocess
    import sys

    data = Path(__file__).parent.parent.parent / "data"
    run = ("import sys\n"
           "if sys.argv[1] == 'missing':\n"
           "    sys.modules['yaml_rs'] = None  # import yaml_rs now raises ImportError\n"
           "from askoy2020.loading import native\n"
           "assert native.AVAILABLE == (sys.argv[1] != 'missing')\n"
           "from askoy2020.cli.app import main\n"
           "sys.argv = ['askoy2020', 'validate', sys.argv[2], '--as-of', '2020-10-31', '--format', 'json']\n"
           "main()\n")
    outputs = []
    for state in ("present", "missing"):
        done = subprocess.run([sys.executable, "-c", run, state, str(data)], capture_output=True, text=True,
                              env={**os.environ, "ASKOY2020_NO_CACHE": "1"}, check=False)
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1] and '"rule": "ASK' in outputs[0]
