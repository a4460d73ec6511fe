"""Where a value was written: the small protocol a record's origin needs.

The loader's parsed document implements it; the models only ask it. Keeping
the protocol here lets ``model/`` know about positions without importing
``loading/`` (docs/architecture.md).
"""

from __future__ import annotations

from typing import Any, Protocol

ValuePath = tuple[Any, ...]
"""Keys and list indexes from a document's top to one value."""


class Positions(Protocol):
    def where(self, path: ValuePath) -> tuple[int, int]:
        """Line and column (1-based) of the value at ``path``, or of its
        nearest ancestor that was written."""
        ...

    def where_key(self, path: ValuePath) -> tuple[int, int]:
        """Line and column of the key that names the value at ``path``."""
        ...
