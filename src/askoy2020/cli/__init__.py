"""The command line: Typer signatures that turn options into the typed
requests of :mod:`askoy2020.commands`. Only this package imports typer."""
