"""Problems found while reading files, before the portfolio rules run.

They are declared, with their documentation and severity, in
:mod:`askoy2020.loading.problems` (the loader emits them and must not
depend on this registry); here they join the registry, so
``askoy2020 rules`` lists every id a user can see.
"""

from __future__ import annotations

from ..loading.problems import LOAD_RULES
from .registry import declare

for _rule in LOAD_RULES:
    declare(_rule.id, _rule.name, _rule.severity, _rule.doc, _rule.stage)
