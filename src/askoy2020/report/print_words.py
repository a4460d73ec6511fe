"""Words of the printed report's page margins (templates/style.html.j2)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # Top right of every printed page: which day's data the figures show.
    "page_as_of": ("Data per {as_of}", "Data as of {as_of}"),
}
