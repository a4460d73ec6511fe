"""``echo`` writes exactly what ``typer.echo`` wrote for ordinary text, so
moving the commands off typer changed no byte of their output; text with
control characters is shown as escapes, on a terminal or not."""

from __future__ import annotations

import io

import pytest
import typer

from askoy2020.commands.output import echo


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("message", ["", "wrote a.yaml", "Askøy – æøå\n", "two\nlines"])
@pytest.mark.parametrize("nl", [True, False])
@pytest.mark.parametrize("stream", [io.StringIO, Terminal])
def test_echo_writes_what_typer_echo_wrote(message: str, nl: bool, stream: type[io.StringIO]) -> None:
    ours, theirs = stream(), stream()
    echo(ours, message, nl=nl)
    typer.echo(message, file=theirs, nl=nl)
    assert ours.getvalue() == theirs.getvalue()


@pytest.mark.parametrize("stream", [io.StringIO, Terminal])
def test_echo_shows_control_sequences_as_escapes(stream: type[io.StringIO]) -> None:
    out = stream()
    echo(out, "\x1b[31mred\x1b[0m and \x1b[2Kgone\x1b]0;title\x07 \u202etxt.exe")
    assert out.getvalue() == "\\x1b[31mred\\x1b[0m and \\x1b[2Kgone\\x1b]0;title\\x07 \\u202etxt.exe\n"
