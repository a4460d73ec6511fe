"""askoy2020: run the municipal programme Askøy 2020 as YAML kept in git.

Library use, without the command line::

    import askoy2020
    portfolio = askoy2020.load("data")
    for d in askoy2020.check(portfolio, as_of=date(2020, 12, 31)):
        print(d.location, d.rule, d.message)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .core.lazy import lazy_names
from .core.version import __version__ as __version__

# Names are imported on first use (PEP 562) so that `askoy2020 --help` does
# not pay for Pydantic and the models.
_LAZY = {
    "Diagnostic": "core.diagnostics", "Location": "core.diagnostics", "Severity": "core.diagnostics",
    "DataFolderError": "loading.loader", "load": "loading.loader",
    "Portfolio": "model", "check": "rules", "all_rules": "rules",
}

if TYPE_CHECKING:
    from .core.diagnostics import Diagnostic, Location, Severity
    from .loading.loader import DataFolderError, load
    from .model import Portfolio
    from .rules import all_rules, check


__getattr__ = lazy_names(__name__, _LAZY)


__all__ = ["DataFolderError", "Diagnostic", "Location", "Portfolio", "Severity", "all_rules", "check", "load"]
