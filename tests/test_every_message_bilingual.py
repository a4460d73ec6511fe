"""No diagnostic can be written in one language only, read from the source.

Every place that makes a diagnostic – a rule's ``Finding``, a load problem's
``LoadRule.at``, the reader's ``problem``, ``Diagnostic.said`` and the small
helpers around them – must pass its message and hint as a ``Say`` (English
and bokmål side by side), never as a plain text or f-string. mypy checks
the types; this test says it where a new rule is written, and checks what
types cannot: both texts are there and are not the same words.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[1] / "src" / "askoy2020"
SAYING = sorted([*(PACKAGE / "rules").glob("*.py"), *(PACKAGE / "loading").glob("*.py"), PACKAGE / "fmt.py"])

# Callee name -> the positions of its message and hint arguments.
TEXT_ARGUMENTS: dict[str, tuple[int, ...]] = {
    "Finding": (1, 2),  # Finding(location, message, hint, related)
    "at": (1, 2),  # LoadRule.at(location, message, hint, related)
    "problem": (2, 3),  # _Builder.problem(rule, mark, message, hint, related)
    "said": (3, 4),  # Diagnostic.said(location, rule, severity, message, hint, related)
    "_diag": (4, 5),  # schema_errors._diag(file, line, col, rule, message, hint)
    "_skip": (1,),  # fmt._skip(name, message)
    "_unreadable": (1, 2),  # files._unreadable(name, message, hint)
}


def _name(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _calls(path: Path) -> Iterator[ast.Call]:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            yield node


def _plain_text(node: ast.expr) -> bool:
    """Whether an argument is a text in one language: a literal, an
    f-string, their sum, or a str method called on a literal ("…".join)."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _plain_text(node.left) or _plain_text(node.right)
    if isinstance(node, ast.IfExp):
        return _plain_text(node.body) or _plain_text(node.orelse)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return isinstance(node.func.value, (ast.Constant, ast.JoinedStr))
    return False


def _diagnostic_calls() -> list[tuple[str, int, ast.Call]]:
    return [(str(path.relative_to(PACKAGE)), call.lineno, call) for path in SAYING for call in _calls(path)
            if _name(call) in TEXT_ARGUMENTS and len(call.args) > max(TEXT_ARGUMENTS[_name(call)], default=0) - 1]


def test_the_scan_finds_the_places_that_make_diagnostics() -> None:
    found = [name for _, _, call in _diagnostic_calls() if (name := _name(call))]
    assert found.count("Finding") >= 100 and found.count("at") >= 15 and found.count("problem") >= 10


@pytest.mark.parametrize("where", _diagnostic_calls(), ids=lambda w: f"{w[0]}:{w[1]}")
def test_every_message_and_hint_is_said_in_both_languages(where: tuple[str, int, ast.Call]) -> None:
    file, line, call = where
    for position in TEXT_ARGUMENTS[_name(call)]:
        if position < len(call.args):
            argument = call.args[position]
            assert not _plain_text(argument), (
                f"{file}:{line}: {_name(call)}() is given {ast.unparse(argument)[:80]} – "
                "write Say(\"English\", \"bokmål\")")


def _says() -> list[tuple[str, int, ast.Call]]:
    return [(str(path.relative_to(PACKAGE)), call.lineno, call) for path in sorted(PACKAGE.rglob("*.py"))
            for call in _calls(path) if _name(call) == "Say"]


def _static(node: ast.expr) -> str | None:
    """The fixed words of a literal or f-string (None for anything else)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
    return None


def test_says_are_many() -> None:
    assert len(_says()) >= 300


# Words that are the same in both languages because they are the file's own.
SAME_IN_BOTH = {"programme.yaml"}


@pytest.mark.parametrize("where", _says(), ids=lambda w: f"{w[0]}:{w[1]}")
def test_a_say_has_an_english_and_a_different_bokmal_text(where: tuple[str, int, ast.Call]) -> None:
    file, line, call = where
    positional = len(call.args) == 2 and not call.keywords
    keywords = not call.args and sorted(str(k.arg) for k in call.keywords) == ["en", "nb"]
    assert positional or keywords, f"{file}:{line}: write Say(English, bokmål)"
    texts = call.args if positional else sorted(call.keywords, key=lambda k: str(k.arg))
    en, nb = (_static(t if isinstance(t, ast.expr) else t.value) for t in texts)
    if en is not None and nb is not None:
        assert bool(en.strip()) == bool(nb.strip()), f"{file}:{line}: one language is empty"
        # Punctuation, units ("(1000 kr)") and file names may read the same; words may not.
        words = re.findall(r"[^\W\d_]{3,}", en)
        assert en != nb or not words or en in SAME_IN_BOTH, f"{file}:{line}: the bokmål is the English: {en!r}"


def test_only_the_diagnostics_module_makes_a_diagnostic_directly() -> None:
    # Diagnostic(...) with plain texts would have no bokmål; Diagnostic.said takes a Say.
    direct = [f"{path.relative_to(PACKAGE)}:{call.lineno}" for path in sorted(PACKAGE.rglob("*.py"))
              if path != PACKAGE / "core" / "diagnostics.py"
              for call in _calls(path) if isinstance(call.func, ast.Name) and call.func.id == "Diagnostic"]
    assert direct == []


# A function of the models that raises a plain ValueError is no validator:
# the command line's period parser ('2020-T2'), whose error it prints itself.
NOT_VALIDATORS = {"parse_period"}


def test_model_validators_say_their_error_in_both_languages() -> None:
    plain = []
    for path in sorted((PACKAGE / "model").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)) or function.name in NOT_VALIDATORS:
                continue
            for node in ast.walk(function):
                if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) \
                        and _name(node.exc) == "ValueError":
                    plain.append(f"{path.name}:{node.lineno} in {function.name}")
    assert plain == [], "raise SayError(Say(English, bokmål)) so the loader can say it in both"


def test_the_check_tells_a_plain_text_from_a_say() -> None:
    def argument(source: str) -> ast.expr:
        call = ast.parse(source).body[0].value  # type: ignore[attr-defined]
        assert isinstance(call, ast.Call)
        return call.args[1]

    for plain in ('Finding(w, "x", h)', 'Finding(w, f"{a} x", h)', 'Finding(w, "a" + b, h)',
                  'Finding(w, ", ".join(xs), h)', 'Finding(w, "a" if c else "b", h)'):
        assert _plain_text(argument(plain)), plain
    for said in ('Finding(w, Say("x", "y"), h)', "Finding(w, why, h)", "Finding(w, _did_you_mean(a, b), h)",
                 'Finding(w, Say("a", "b") + more, h)'):
        assert not _plain_text(argument(said)), said
