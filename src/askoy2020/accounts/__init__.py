"""Actuals from the accounts: ``askoy2020 import actuals``.

An ERP export (CSV or xlsx, :mod:`.sources`) is read into ledger lines
(:mod:`.reading`, with :mod:`.columns`, :mod:`.amounts` and :mod:`.periods`
for what its cells may look like), the lines are placed on projects by their accounting codes
(:mod:`.mapping`), and each project's actual for the period is set in its
file (:mod:`.editing`), all files or none (:mod:`.applying`).
docs/import.md describes it for the finance adviser who runs it.
"""

from .applying import FileChange, WriteFailed, write_changes
from .errors import ImportProblem
from .importing import Prepared, prepare
from .mapping import Figure, Group, Matching, Unit

__all__ = ["Figure", "FileChange", "Group", "ImportProblem", "Matching", "Prepared", "Unit", "WriteFailed",
           "prepare", "write_changes"]
