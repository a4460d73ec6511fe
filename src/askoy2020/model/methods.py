"""How prioritise values projects. Kept apart from the Pydantic models so
the command line can offer the choices without loading them (``--help``
stays fast); :mod:`.prioritisation` uses this same enum."""

from __future__ import annotations

from enum import Enum


class Method(str, Enum):
    WEIGHTED = "weighted"
    WSJF = "wsjf"
