"""The HTML report in a real browser: headless Chromium prints it to a PDF
with pages and takes a screenshot that is not blank. CI installs Debian's
chromium (.ci/run); without it here the test is skipped, saying why."""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from .test_golden import GOLDEN

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
# CI sets ASKOY2020_REQUIRE_BROWSER so a missing browser fails there instead of skipping.
pytestmark = pytest.mark.skipif(CHROMIUM is None and not os.environ.get("ASKOY2020_REQUIRE_BROWSER"),
                                reason="no chromium on this machine (.ci/run installs it)")


def _chromium(*args: str) -> None:
    assert CHROMIUM is not None, "chromium is required here: apt-get install chromium"
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--no-first-run", "--no-pdf-header-footer", *args],
                   check=True, capture_output=True, timeout=120)


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


def test_report_prints_to_a_multi_page_pdf_and_draws_something(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    shutil.copyfile(GOLDEN / "report.nb.internal.2020.html", page)
    pdf, shot = tmp_path / "report.pdf", tmp_path / "shot.png"
    _chromium(f"--print-to-pdf={pdf}", page.as_uri())
    _chromium(f"--screenshot={shot}", "--window-size=1200,1600", page.as_uri())
    content = pdf.read_bytes()
    assert content.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", content))
    assert pages >= 5, pages
    pixels = _png_pixels(shot.read_bytes())
    assert len(set(pixels)) > 20, "the screenshot is blank"
