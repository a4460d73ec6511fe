"""Shared checks for rendered reports (GFM tables, HTML structure) and
changed copies of the sample data."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

from markdown_it import MarkdownIt

_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


def gfm_tables(markdown: str) -> list[list[int]]:
    """For each GFM table, the number of cells in each source row (header,
    delimiter and body), counted from the source lines the parser assigns to
    the table – a broken cell shows up as a row with a different count."""
    md = MarkdownIt("commonmark").enable("table")
    lines = markdown.splitlines()
    tables = []
    for token in md.parse(markdown):
        if token.type == "table_open" and token.map:
            start, end = token.map
            tables.append([len(_UNESCAPED_PIPE.findall(line)) - 1 for line in lines[start:end]])
    return tables


def rendered_html(markdown: str) -> str:
    return MarkdownIt("commonmark").enable("table").render(markdown)


class Structure(HTMLParser):
    """Tags, attributes and text of an HTML document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if not self._in_style:
            self.text.append(data)


def structure(html: str) -> Structure:
    parser = Structure()
    parser.feed(html)
    parser.close()
    return parser


def unsafe_parts(html: str) -> list[str]:
    """Script elements, event-handler attributes and references to any
    other host or file: what must never be in a report."""
    found = []
    for tag, attrs in structure(html).tags:
        if tag in ("script", "iframe", "object", "embed", "link", "img", "base", "form"):
            found.append(f"<{tag}>")
        for name, value in attrs.items():
            if name.startswith("on"):
                found.append(f"{tag} {name}")
            if name in ("href", "src", "action", "xlink:href") and value and not value.startswith("#"):
                found.append(f"{tag} {name}={value}")
    return found


SAMPLE = Path(__file__).parent.parent.parent / "data"


def copy_sample(tmp_path: Path) -> Path:
    """A copy of the sample data in ``tmp_path/data``, outside any git repository."""
    root = tmp_path / "data"
    shutil.copytree(SAMPLE, root)
    return root


def swap(path: Path, old: str, new: str) -> None:
    """Replace the first ``old`` in a data file, which must hold it."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
