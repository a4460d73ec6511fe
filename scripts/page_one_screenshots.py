"""Screenshots of page 1 of the sample report (nb, internal and public) for
docs/: `python scripts/page_one_screenshots.py` (needs chromium).

The report is rendered from the sample data as on 31.10.2020 and shot at a
laptop's width; the picture is cut where page 1's points end."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if chromium is None:
        print("chromium is needed", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder:
        for audience in ("internal", "public"):
            page = Path(folder) / f"report-{audience}.html"
            subprocess.run([sys.executable, "-m", "askoy2020", "report", "--year", "2020", str(ROOT / "data"),
                            "--as-of", "2020-10-31", "--audience", audience, "--output", str(page)], check=True)
            shot = ROOT / "docs" / f"page-one-{audience}.png"
            subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                            f"--screenshot={shot}", "--window-size=1366,1500", page.as_uri()],
                           check=True, capture_output=True)
            print(f"wrote {shot.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
