"""What the YAML parsers say, in bokmål.

libyaml (through PyYAML) and ruamel.yaml report a syntax error as a
*problem* ("found character that cannot start any token") and a *context*
("while scanning a simple key"), in English. The message is built from
both; here each known problem and context has its bokmål wording. The
problems are libyaml's full list (its scanner, parser and reader) and
ruamel.yaml's, which name the character they found where libyaml does not.
A problem not known here – a future parser version's – is said in bokmål
with the parser's own words quoted; an unknown context is left out.
"""

from __future__ import annotations

import re

# The character or token a parser quotes ('\t', '<block mapping start>') and
# the expected ones ("',' or ']'") are kept as the parser wrote them.
_PROBLEMS: list[tuple[re.Pattern[str], str]] = [(re.compile(f"^{en}$"), nb) for en, nb in (
    (r"found character (?P<x>.+) that cannot start any token", "tegnet {x} kan ikke begynne et YAML-element"),
    (r"found character that cannot start any token", "et tegn som ikke kan begynne et YAML-element"),
    (r"found a tab character that violates indentation", "et tabulatortegn bryter innrykket"),
    (r"found a tab character where an indentation space is expected",
     "et tabulatortegn står der innrykket skal ha mellomrom"),
    (r"mapping values are not allowed (?:here|in this context)",
     "et kolon som innleder en verdi, er ikke tillatt her"),
    (r"mapping keys are not allowed (?:here|in this context)", "en nøkkel er ikke tillatt her"),
    (r"block sequence entries are not allowed (?:here|in this context)",
     "et listeelement («- ») er ikke tillatt her"),
    (r"could not find expected ':'", "fant ikke det forventede kolonet («:»)"),
    (r"could not find expected directive name", "fant ikke navnet på direktivet"),
    (r"did not find expected key", "fant ikke den forventede nøkkelen"),
    (r"did not find expected node content", "fant ikke den forventede verdien"),
    (r"did not find expected <document start>", "fant ikke den forventede starten på et dokument"),
    (r"did not find expected <stream-start>", "fant ikke starten på teksten"),
    (r"did not find expected '-' indicator", "fant ikke den forventede «-» foran et listeelement"),
    (r"did not find expected ',' or '\]'", "fant ikke den forventede «,» eller «]»"),
    (r"did not find expected ',' or '\}'", "fant ikke den forventede «,» eller «}»"),
    (r"did not find expected '!'", "fant ikke den forventede «!»"),
    (r"did not find the expected '>'", "fant ikke den forventede «>»"),
    (r"did not find expected alphabetic or numeric character",
     "fant ikke den forventede bokstaven eller sifferet"),
    (r"did not find expected comment or line break", "fant ikke den forventede kommentaren eller linjeskiftet"),
    (r"did not find expected digit or '\.' character", "fant ikke det forventede sifferet eller punktumet"),
    (r"did not find expected hexdecimal number", "fant ikke det forventede heksadesimale tallet"),
    (r"did not find expected tag URI", "fant ikke den forventede tag-URI-en"),
    (r"did not find expected version number", "fant ikke det forventede versjonsnummeret"),
    (r"did not find expected whitespace or line break", "fant ikke det forventede mellomrommet eller linjeskiftet"),
    (r"did not find expected whitespace", "fant ikke det forventede mellomrommet"),
    (r"did not find URI escaped octet", "fant ikke den forventede kodede byten i URI-en"),
    (r"found unexpected end of stream",
     "teksten slutter uventet (et anførselstegn eller en parentes er ikke lukket)"),
    (r"found unexpected document (?:indicator|separator)", "uventet dokumentskille (--- eller ...)"),
    (r"found unexpected ':'", "uventet kolon («:»)"),
    (r"found unexpected non-alphabetical character", "uventet tegn som ikke er en bokstav"),
    (r"found unknown escape character(?: (?P<x>.+))?", "ukjent escape-sekvens {x}"),
    (r"found invalid Unicode character escape code", "ugyldig Unicode-kode i en escape-sekvens"),
    (r"found undefined tag handle(?: (?P<x>.+))?", "udefinert tag-prefiks {x}"),
    (r"found undefined alias (?P<x>.+)", "udefinert alias {x}"),
    (r"found duplicate %TAG directive", "%TAG-direktivet står to ganger"),
    (r"found duplicate %YAML directive|found duplicate YAML directive", "%YAML-direktivet står to ganger"),
    (r"found incompatible YAML document(?: .*)?", "dokumentet har en YAML-versjon som ikke støttes"),
    (r"found unknown directive name", "ukjent direktiv"),
    (r"found extremely long version number", "altfor langt versjonsnummer"),
    (r"found an indentation indicator equal to 0", "innrykksindikatoren er 0"),
    (r"found an incorrect (?:leading|trailing) UTF-8 octet", "ugyldig byte i UTF-8-teksten"),
    (r"(?:invalid|incomplete) (?:leading |trailing )?UTF-8 (?:octet|octet sequence)|"
     r"invalid length of a UTF-8 sequence|invalid Unicode character|incomplete UTF-16 .*|"
     r"unexpected low surrogate area", "ugyldig tegnkoding i teksten"),
    (r"control characters are not allowed", "kontrolltegn er ikke tillatt"),
    (r"special characters are not allowed", "spesialtegn er ikke tillatt"),
    (r"exceeded maximum nesting depth", "strukturen har flere nivåer enn tillatt"),
    (r"input is too long", "teksten er for lang"),
    (r"expected a single document in the stream(?:.*)?", "filen skal inneholde bare ett dokument"),
    (r"found non-comment content after document end marker(?:.*)?",
     "det står noe annet enn kommentarer etter slutten på dokumentet"),
    (r"expected indentation indicator in the range 1-9, but found 0",
     "innrykksindikatoren må være 1–9, men er 0"),
    (r"expected nothing after STREAM-END", "forventet ingenting etter slutten på teksten"),
    (r"expected the node content, but found (?P<y>.+)", "forventet en verdi, men fant {y}"),
    (r"expected a comment or a line break, but found (?P<y>.+)",
     "forventet en kommentar eller et linjeskift, men fant {y}"),
    (r"expected alphabetic or numeric character, but found (?P<y>.+)",
     "forventet en bokstav eller et siffer, men fant {y}"),
    (r"expected a digit(?: or '\.')?, but found (?P<y>.+)", "forventet et siffer, men fant {y}"),
    (r"expected chomping or indentation indicators, but found (?P<y>.+)",
     "forventet «+», «-» eller et tall for innrykket, men fant {y}"),
    (r"expected (?:URI )?escape sequence of (?P<x>\d+) hexdecimal numbers, but found (?P<y>.+)",
     "forventet en escape-sekvens med {x} heksadesimale sifre, men fant {y}"),
    (r"expected URI, but found (?P<y>.+)", "forventet en URI, men fant {y}"),
    (r"expected (?P<x>.+?),? but (?:found|got) (?P<y>.+)", "forventet {x}, men fant {y}"),
    (r"expected (?P<x>.+)", "forventet {x}"),
)]

_CONTEXTS: list[tuple[re.Pattern[str], str]] = [(re.compile(f"^{en}$"), nb) for en, nb in (
    (r"while scanning a simple key", "under lesing av en nøkkel"),
    (r"while scanning a (?:double-)?quoted scalar|while parsing a quoted scalar",
     "under lesing av en tekst i anførselstegn"),
    (r"while scanning a plain scalar", "under lesing av en verdi"),
    (r"while scanning a block scalar", "under lesing av en blokktekst (| eller >)"),
    (r"while scanning an anchor", "under lesing av et anker (&)"),
    (r"while scanning an alias", "under lesing av et alias (*)"),
    (r"while (?:scanning|parsing) a tag", "under lesing av en tag (!)"),
    (r"while (?:scanning|parsing) (?:a|an|the) .*directive", "under lesing av et direktiv (%)"),
    (r"while scanning for the next token", "under lesing av neste element"),
    (r"while parsing a block mapping", "i en blokk med «nøkkel: verdi»-linjer"),
    (r"while parsing a flow mapping", "i en blokk i krøllparenteser { }"),
    (r"while parsing a block collection", "i en blokk med listeelementer eller nøkler"),
    (r"while parsing a flow sequence", "i en liste i hakeparenteser [ ]"),
    (r"while parsing a (?:block |flow |.+ )?node", "under lesing av en verdi"),
    (r"while increasing (?:block|flow) level", "ved et nytt nivå i strukturen"),
)]


def problem_nb(problem: str) -> str:
    """The parser's problem in bokmål; an unknown one quoted in its own words."""
    for pattern, nb in _PROBLEMS:
        match = pattern.match(problem)
        if match:
            return _fill(nb, {k: _or(v) for k, v in match.groupdict().items()})
    return f"parseren melder «{problem}»"


def context_nb(context: str) -> str | None:
    """The parser's context in bokmål, or None when it is not known."""
    for pattern, nb in _CONTEXTS:
        if pattern.match(context):
            return nb
    return None


def _fill(words: str, values: dict[str, str]) -> str:
    """``words`` with {x} and {y} filled in; not str.format, since the words
    hold braces ("«}»") and the values may too."""
    return re.sub(r"\{([xy])\}", lambda m: values.get(m.group(1), ""), words).rstrip()


def _or(text: str | None) -> str:
    return "" if text is None else text.replace(" or ", " eller ")
