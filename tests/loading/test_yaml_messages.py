"""The YAML parsers' errors said in bokmål (loading/yaml_messages.py).

libyaml's problems and contexts are its whole list (the texts of its
scanner, parser and reader, version 0.2.5); ruamel.yaml's are read from
what it says on the nasty corpus. Each is said without English.
"""

from __future__ import annotations

import re

import pytest

from askoy2020.loading.yaml_messages import context_nb, problem_nb
from askoy2020.loading.yaml_reader import read_yaml
from helpers import english_words
from nasty import CORPUS, Nasty

LIBYAML_PROBLEMS = [
    "block sequence entries are not allowed in this context", "control characters are not allowed",
    "could not find expected ':'", "could not find expected directive name", "did not find URI escaped octet",
    "did not find expected '!'", "did not find expected ',' or ']'", "did not find expected ',' or '}'",
    "did not find expected '-' indicator", "did not find expected <document start>",
    "did not find expected <stream-start>", "did not find expected alphabetic or numeric character",
    "did not find expected comment or line break", "did not find expected digit or '.' character",
    "did not find expected hexdecimal number", "did not find expected key", "did not find expected node content",
    "did not find expected tag URI", "did not find expected version number", "did not find expected whitespace",
    "did not find expected whitespace or line break", "did not find the expected '>'",
    "exceeded maximum nesting depth", "found a tab character that violates indentation",
    "found a tab character where an indentation space is expected", "found an incorrect leading UTF-8 octet",
    "found an incorrect trailing UTF-8 octet", "found an indentation indicator equal to 0",
    "found character that cannot start any token", "found duplicate %TAG directive",
    "found duplicate %YAML directive", "found extremely long version number", "found incompatible YAML document",
    "found invalid Unicode character escape code", "found undefined tag handle", "found unexpected ':'",
    "found unexpected document indicator", "found unexpected end of stream",
    "found unexpected non-alphabetical character", "found unknown directive name",
    "found unknown escape character", "incomplete UTF-16 character", "incomplete UTF-16 surrogate pair",
    "incomplete UTF-8 octet sequence", "input is too long", "invalid Unicode character",
    "invalid leading UTF-8 octet", "invalid length of a UTF-8 sequence", "invalid trailing UTF-8 octet",
    "mapping keys are not allowed in this context", "mapping values are not allowed in this context",
    "unexpected low surrogate area", "expected DOCUMENT-END", "expected nothing after STREAM-END",
]
LIBYAML_CONTEXTS = [
    "while increasing block level", "while increasing flow level", "while parsing a %TAG directive",
    "while parsing a block collection", "while parsing a block mapping", "while parsing a block node",
    "while parsing a flow mapping", "while parsing a flow node", "while parsing a flow sequence",
    "while parsing a node", "while parsing a quoted scalar", "while parsing a tag",
    "while parsing a tag directive", "while scanning a %TAG directive", "while scanning a %YAML directive",
    "while scanning a block scalar", "while scanning a directive", "while scanning a plain scalar",
    "while scanning a quoted scalar", "while scanning a simple key", "while scanning a tag",
    "while scanning a tag directive", "while scanning an alias", "while scanning an anchor",
    "while scanning for the next token",
]
RUAMEL_PROBLEMS = [
    "found character '\\t' that cannot start any token", "mapping values are not allowed here",
    "expected <block end>, but found '<scalar>'", "expected ',' or ']', but got '<stream end>'",
    "expected the node content, but found '<block end>'", "found unknown escape character 'q'",
    "expected a comment or a line break, but found 'x'", "found undefined alias 'a'",
    "expected alphabetic or numeric character, but found ' '", "found unexpected document separator",
    "expected escape sequence of 4 hexdecimal numbers, but found 'g'", "expected a digit or '.', but found 'x'",
    "expected chomping or indentation indicators, but found 'x'", "expected URI, but found ' '",
    "expected '>' but found 'x'", "special characters are not allowed",
]


def _english(text: str) -> list[str]:
    # What the parser quotes ('<block end>', ',' or ']') is its own, not prose.
    return english_words(re.sub(r"'[^']*'|<[^>]*>|\b[A-Z][A-Z_-]+[A-Z]\b", "", text))


@pytest.mark.parametrize("problem", LIBYAML_PROBLEMS + RUAMEL_PROBLEMS)
def test_every_parser_problem_is_said_in_bokmal(problem: str) -> None:
    said = problem_nb(problem)
    assert "parseren melder" not in said and _english(said) == [], said


@pytest.mark.parametrize("context", LIBYAML_CONTEXTS + ["while scanning a double-quoted scalar",
                                                        "while parsing a block mapping node"])
def test_every_parser_context_is_said_in_bokmal(context: str) -> None:
    said = context_nb(context)
    assert said is not None and _english(said) == [], said


def test_an_unknown_problem_keeps_the_parser_words_behind_a_bokmal_lead_in() -> None:
    assert problem_nb("something new went wrong") == "parseren melder «something new went wrong»"
    assert context_nb("while doing something new") is None


def test_what_the_parser_found_is_kept() -> None:
    assert problem_nb("found character '\\t' that cannot start any token") == \
        "tegnet '\\t' kan ikke begynne et YAML-element"
    assert problem_nb("expected ',' or ']', but got '<stream end>'") == "forventet ',' eller ']', men fant '<stream end>'"


@pytest.mark.parametrize("nasty", [n for n in CORPUS if len(n.data) < 1_000_000], ids=lambda n: n.name)
@pytest.mark.parametrize("parser", ["auto", "libyaml", "ruamel"])
def test_the_nasty_corpus_is_said_in_bokmal_by_every_parser(nasty: Nasty, parser: str) -> None:
    for d in read_yaml(nasty.data, "f.yaml", parser=parser).diagnostics:
        message, hint = d.text("nb")
        assert message != d.message and hint != d.hint
        assert "parseren melder" not in message and _english(message) == [] and _english(hint) == [], message
