"""askoy2020: run the municipal programme Askøy 2020 as YAML kept in git.

Library use, without the command line::

    import askoy2020
    portfolio = askoy2020.load("data")
    for d in askoy2020.check(portfolio, as_of=date(2020, 12, 31)):
        print(d.location, d.rule, d.message)
"""

from __future__ import annotations

from .diagnostics import Diagnostic, Location, Severity
from .loading.loader import DataFolderError, load
from .model import Portfolio
from .rules import check, rules

__version__ = "0.1.0"
__all__ = ["DataFolderError", "Diagnostic", "Location", "Portfolio", "Severity", "check", "load", "rules"]
