"""The sample HTML report as a reader gets it from Chromium: printed to A4
(the PDF read back page by page) and shown on a laptop (1366 px) and a
phone (390 px). One headless Chromium per module, driven over the
DevTools pipe (browser.py). CI installs Debian's chromium and the test
extra's pypdf (.ci/run); without them here the tests are skipped, saying why."""

from __future__ import annotations

import io
import os
import re
import struct
import unicodedata
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from askoy2020.report.render import css_string

from .browser import CHROMIUM, Chromium
from .test_golden import _render

try:
    import pypdf
except ImportError:  # pragma: no cover - the test extra installs it
    pypdf = None

# CI sets ASKOY2020_REQUIRE_BROWSER so a missing browser fails there instead of skipping.
_REQUIRED = bool(os.environ.get("ASKOY2020_REQUIRE_BROWSER"))
pytestmark = [
    pytest.mark.skipif(CHROMIUM is None and not _REQUIRED, reason="no chromium on this machine (.ci/run installs it)"),
    pytest.mark.skipif(pypdf is None and not _REQUIRED, reason="no pypdf here: pip install -e '.[test]'"),
]

# What the sample report's print header says (nb, --year 2020 --as-of 2020-10-31).
TITLE, DATA_DATE = "Askøy 2020 – rapport 2020", "Data per 31.10.2020"
A4_POINTS = (595.3, 841.9)


def _plain(text: str) -> str:
    """Text as compared here: the PDF's ligatures (ﬁ) and narrow spaces
    (1 234) folded, runs of white space one space."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


@dataclass(frozen=True)
class Printed:
    """The report's PDF, each page's lines split into its margin (running
    header, page number) and its body, and what the page's DOM says."""
    pdf: bytes
    margins: list[list[str]]
    bodies: list[list[str]]
    headings: list[str]
    parts: list[str]
    rows: list[list[str]]


@pytest.fixture(scope="module")
def browser() -> Iterator[Chromium]:
    with Chromium() as chromium:
        yield chromium


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The sample report (nb, 2020, as of 31.10.2020) as a file URL."""
    page = tmp_path_factory.mktemp("browser") / "report.nb.html"
    page.write_text(_render("nb", "html"), encoding="utf-8")
    return page.as_uri()


def _pages(pdf: bytes) -> tuple[list[list[str]], list[list[str]]]:
    """Each page's margin lines and body lines. Chromium paints the page
    margin boxes first: the header (left and right box on one line), then
    the page number, then the page."""
    assert pypdf is not None
    margins, bodies = [], []
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        lines = [_plain(line) for line in page.extract_text().splitlines() if line.strip()]
        margins.append(lines[:2])
        bodies.append(lines[2:])
    return margins, bodies


def _cut(rows: list[list[str]], bodies: list[list[str]]) -> list[str]:
    """The rows whose cells, read in order, are not whole on any one page
    (the PDF's line breaks and spaces aside): a row cut by a page break."""
    pages = ["".join("".join(body).split()) for body in bodies]
    return [row for row in ("".join("".join(cells).split()) for cells in rows)
            if not any(row in page for page in pages)]


@pytest.fixture(scope="module")
def printed(browser: Chromium, report: str) -> Printed:
    browser.open(report)
    dom = browser.evaluate("""(() => {
      const text = e => e.textContent.trim();
      return {
        headings: [...document.querySelectorAll('h1, main :is(h2, h3, h4, caption)')].map(text),
        parts: [...document.querySelectorAll('main > section > h2')].map(text),
        rows: [...document.querySelectorAll('main tbody tr')].map(r => [...r.cells].map(text)),
      };
    })()""")
    pdf = browser.pdf()
    margins, bodies = _pages(pdf)
    return Printed(pdf, margins, bodies, [_plain(h) for h in dom["headings"]], [_plain(h) for h in dom["parts"]],
                   [[_plain(c) for c in row] for row in dom["rows"]])


def _words(text: str) -> str:
    """A pattern for the text, where a space may be a line break."""
    return r"\s+".join(re.escape(word) for word in text.split())


def test_the_report_prints_on_a4_pages(printed: Printed) -> None:
    assert pypdf is not None
    pages = pypdf.PdfReader(io.BytesIO(printed.pdf)).pages
    assert len(pages) >= 10, len(pages)
    for page in pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A4_POINTS, abs=1)


def test_every_page_has_the_running_header_and_its_number(printed: Printed) -> None:
    total = len(printed.margins)
    for number, margin in enumerate(printed.margins, start=1):
        assert margin == [f"{TITLE} {DATA_DATE}", f"{number} / {total}"], f"page {number}: {margin}"


def test_no_page_ends_with_a_heading(printed: Printed) -> None:
    assert len(printed.headings) > 40 and set(printed.parts) <= set(printed.headings)
    endings = {number: "\n".join(body) for number, body in enumerate(printed.bodies, start=1)}
    alone = [(number, heading) for number, ending in endings.items() for heading in set(printed.headings)
             if re.search(rf"(?:^|\n){_words(heading)}\s*$", ending)]
    assert alone == [], f"pages that end with a heading (page, heading): {alone}"


def test_each_main_part_starts_a_page_and_the_first_follows_the_title(printed: Printed) -> None:
    assert len(printed.parts) >= 7
    first, *others = printed.parts
    # The internal report's marking (offentleglova § 14) comes first, then the title.
    assert TITLE in printed.bodies[0][:2] and first in printed.bodies[0]
    tops = ["\n".join(body) for body in printed.bodies]
    for part in others:
        starts = [n for n, top in enumerate(tops, start=1) if re.match(_words(part), top)]
        assert len(starts) == 1, f"{part!r} starts no page (or several): {starts}"


def test_no_table_row_is_cut_between_two_pages(printed: Printed) -> None:
    assert len(printed.rows) > 200
    cut = _cut(printed.rows, printed.bodies)
    assert cut == [], f"{len(cut)} of {len(printed.rows)} rows are not whole on any page: {cut[:5]}"


def test_a_long_table_of_tall_rows_breaks_between_rows_with_its_header_repeated(
        browser: Chromium, report: str, tmp_path: Path) -> None:
    """The sample's rows are one or two lines, too short to be cut anyway;
    rows of six lines under the report's own stylesheet would be, without it."""
    head = Path(report.removeprefix("file://")).read_text(encoding="utf-8").split("<body>")[0]
    rows = [[f"row-{i:02d}", "<br>".join(f"line {n} of row {i}" for n in range(1, 7))] for i in range(60)]
    body = "".join(f"<tr><td>{key}</td><td>{text}</td></tr>" for key, text in rows)
    page = tmp_path / "tall.html"
    page.write_text(f"{head}<body><main><section id='t'><h2>Tall rows</h2><table><thead><tr><th>Key</th>"
                    f"<th>Text</th></tr></thead><tbody>{body}</tbody></table></section></main></body></html>")
    browser.open(page.as_uri())
    _margins, bodies = _pages(browser.pdf())
    assert len(bodies) >= 3
    assert _cut([[key, text.replace("<br>", " ")] for key, text in rows], bodies) == []
    assert all(body[0] == "Tall rows" or body[0] == "Key Text" for body in bodies), [b[:1] for b in bodies]


def test_the_browsers_own_header_and_footer_give_way_to_the_reports(browser: Chromium, report: str) -> None:
    """A reader who prints with the print dialog's "Headers and footers"
    ticked gets the report's header and page numbers, not the browser's
    date, file name and address."""
    browser.open(report)
    margins, _ = _pages(browser.pdf(displayHeaderFooter=True))
    assert [m[0] for m in margins] == [f"{TITLE} {DATA_DATE}"] * len(margins)
    assert [m[1] for m in margins] == [f"{n} / {len(margins)}" for n in range(1, len(margins) + 1)]


def test_text_that_ends_strings_and_styles_prints_as_text_in_the_running_header(
        browser: Chromium, tmp_path: Path) -> None:
    hostile = 'Askøy "2020" \\ </style><h1>injected</h1> x\'; } @page { margin: 0 } /*'
    page = tmp_path / "header.html"
    page.write_text("<!DOCTYPE html><html><head><meta charset='utf-8'><style>@page { size: A4; margin: 20mm; "
                    f"@top-left {{ content: {css_string(hostile)}; }} }}</style></head><body><p>Body</p></body></html>",
                    encoding="utf-8")
    browser.open(page.as_uri())
    assert browser.evaluate("document.body.innerHTML.trim()") == "<p>Body</p>"
    assert pypdf is not None
    (only,) = pypdf.PdfReader(io.BytesIO(browser.pdf())).pages
    assert [_plain(line) for line in only.extract_text().splitlines() if line.strip()] == [_plain(hostile), "Body"]


# -- on screen -------------------------------------------------------------

_MEASURE = """(() => {
  const tables = [...document.querySelectorAll('main table')].filter(t => t.querySelector('tbody tr')).map(table => {
    // Swiped to the far right, as a reader looks at a wide table's last column.
    table.scrollLeft = table.scrollWidth;
    const first = table.querySelector('tbody tr > :first-child');
    const key = first.getBoundingClientRect(), box = table.getBoundingClientRect();
    const seen = {scrolls: table.scrollWidth > table.clientWidth + 1, keyLeft: key.left, keyRight: key.right,
                  tableLeft: box.left, key: first.textContent.trim()};
    table.scrollLeft = 0;
    return seen;
  });
  return {scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth,
          innerWidth: window.innerWidth, tables};
})()"""


def _png_pixels(png: bytes) -> bytes:
    """The decompressed image rows of a PNG (enough to tell blank from drawn)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, data = 8, b""
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        if kind == b"IDAT":
            data += png[pos + 8:pos + 8 + length]
        pos += 12 + length
    return zlib.decompress(data)


@pytest.mark.parametrize(("width", "height", "phone"), [(1366, 900, False), (390, 844, True)])
def test_the_page_never_scrolls_sideways_and_each_tables_key_column_stays_in_view(
        browser: Chromium, report: str, tmp_path: Path, width: int, height: int, phone: bool) -> None:
    browser.open(report)
    browser.viewport(width, height, mobile=phone)
    try:
        seen: dict[str, Any] = browser.evaluate(_MEASURE)
        shot = tmp_path / f"report-{width}.png"
        shot.write_bytes(browser.screenshot())
    finally:
        browser.send("Emulation.clearDeviceMetricsOverride")
    assert len(set(_png_pixels(shot.read_bytes()))) > 20, f"the screenshot {shot} is blank"
    # A phone zooms out to fit a page that is too wide: then the window is
    # wider than the screen, so both are checked.
    assert seen["innerWidth"] == width, seen["innerWidth"]
    assert seen["scrollWidth"] <= seen["clientWidth"] == width, (seen["scrollWidth"], seen["clientWidth"])
    tables = seen["tables"]
    assert len(tables) > 20
    for table in tables:
        assert table["keyLeft"] >= 0 and table["keyRight"] <= width, table
        assert table["keyLeft"] == pytest.approx(table["tableLeft"], abs=1), f"the key column scrolled away: {table}"
    if phone:  # the sample has tables wider than a phone, so the swipe above was a real one
        assert sum(t["scrolls"] for t in tables) >= 5, [t["key"] for t in tables if t["scrolls"]]
    else:  # and none wider than a laptop's page column
        assert not any(t["scrolls"] for t in tables), [t["key"] for t in tables if t["scrolls"]]
