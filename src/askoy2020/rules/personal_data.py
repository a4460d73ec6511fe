"""No national identity numbers in the repository."""

from __future__ import annotations

import os
from collections.abc import Iterator

from ..core.diagnostics import Location, Say, Severity
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
    # The text was searched as each file was read (loading/identity_scan.py).
    for location, what in ctx.portfolio.written_identity_numbers:
        yield Finding(location, Say(f"{what.en} is in the file", f"filen inneholder {what.nb}"), _REMOVE)
    # A name is as lasting as the content: git keeps both. (The message masks
    # the name, as every diagnostic masks every file name.)
    root = os.path.abspath(ctx.portfolio.root)
    for name in sorted(set(ctx.portfolio.files) | ctx.portfolio.scanned):
        # The name below the folder is the end of the absolute name: one
        # that cannot hold a number has no part that can. (Not the name as
        # shown: from a folder inside the data folder that is shorter.)
        absolute = os.path.abspath(name)
        if not might_hold_one(absolute):
            continue
        relative = os.path.relpath(absolute, root)
        for found in find_identity_numbers(relative):
            yield Finding(
                Location(name),
                Say(f"the file's name holds a {found.kind}", f"filnavnet inneholder et {found.kind}"),
                Say("Rename the file (git mv) so its name refers to the case, not the person; "
                    "if it was committed, ask the git host to purge it from history.",
                    "Gi filen et nytt navn (git mv) som viser til saken, ikke personen; er det allerede lagret i "
                    "en commit, be den som drifter git-tjenesten om å slette det fra historikken."),
            )
    for location, what in ctx.portfolio.hidden_identity_numbers:
        yield Finding(
            location,
            Say(f"{what.en} is in a value, written so that the line does not show it (an escape or a line break)",
                f"{what.nb} står i en verdi, skrevet slik at linjen ikke viser det (en escape-sekvens eller et "
                "linjeskift)"),
            _REMOVE,
        )


_REMOVE = Say(
    "Remove it and refer to the case in the professional system instead; "
    "if it was committed, ask the git host to purge it from history.",
    "Fjern det og vis heller til saken i fagsystemet; er det allerede lagret i en commit, be den som drifter "
    "git-tjenesten om å slette det fra historikken.")
