"""No national identity numbers in the repository."""

from __future__ import annotations

import os
from collections.abc import Iterator

from ..core.diagnostics import Location, Severity
from ..core.identity_numbers import find_identity_numbers, might_hold_one
from .registry import CheckContext, Finding, rule


@rule("ASK901", "identity-number", Severity.ERROR)
def identity_number(ctx: CheckContext) -> Iterator[Finding]:
    """A valid fødselsnummer, D-nummer or H-nummer anywhere in a file –
    values, keys and comments alike, since git keeps history forever.

    The number is masked in the message. Bank account numbers and other
    11-digit figures whose date or check digits are invalid are not flagged.

    FAIL:
        description: Gjelder bruker 010190 12345   # a valid number here
    PASS:
        description: Gjelder bruker i bolig 3 (se fagsystemet)
    """
    for name, text in ctx.portfolio.sources.items():
        # One pass over the whole text first: almost no file holds 11 digits
        # in a row, and splitting 20,000 files into lines costs seconds.
        if not might_hold_one(text) or next(find_identity_numbers(text), None) is None:
            continue
        for line_no, line in enumerate(text.splitlines(), start=1):
            for found in find_identity_numbers(line):
                yield Finding(
                    Location(name, line_no, found.start + 1),
                    f"a {found.kind} ({found.masked(line)}) is in the file",
                    "Remove it and refer to the case in the professional system instead; "
                    "if it was committed, ask the git host to purge it from history.",
                )
    # A name is as lasting as the content: git keeps both. (The message masks
    # the name, as every diagnostic masks every file name.)
    root = os.path.abspath(ctx.portfolio.root)
    for name in sorted(set(ctx.portfolio.files) | set(ctx.portfolio.sources)):
        relative = os.path.relpath(os.path.abspath(name), root)
        for found in find_identity_numbers(relative):
            yield Finding(
                Location(name), f"the file's name holds a {found.kind}",
                "Rename the file (git mv) so its name refers to the case, not the person; "
                "if it was committed, ask the git host to purge it from history.",
            )
    for location, what in ctx.portfolio.hidden_identity_numbers:
        yield Finding(
            location, f"{what} is in a value, written so that the line does not show it (an escape or a line break)",
            "Remove it and refer to the case in the professional system instead; "
            "if it was committed, ask the git host to purge it from history.",
        )
