"""The use cases behind the command line, one module per command.

Each command module has a request dataclass (what the user asked for, typed:
enums, dates, paths) and ``run(request, out, err) -> int``, which does the
whole use case, writes to ``out`` and ``err`` and returns the exit code. The
Typer layer (:mod:`askoy2020.cli.app`) only turns options into a request.

Commands produce the output, so the presentation helpers that use rich live
here too; nothing below this layer imports typer or rich.

This file imports nothing: ``askoy2020 --help`` imports
:mod:`askoy2020.commands.choices`, and must stay fast.
"""
