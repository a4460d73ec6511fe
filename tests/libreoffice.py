"""LibreOffice headless for the tests that check what a spreadsheet sees:
it recalculates our workbooks, shows cells as a reader would, and imports
our CSV files.

Each call runs with its own profile (``HOME``), so nothing of the machine's
settings leaks in; ``locale="nb-NO"`` sets the profile's locale, which is
what LibreOffice formats numbers and dates with (the process locale need
not be installed). The profile also asks for every formula to be
recalculated on load, whatever the file says it holds.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pytest

# CI sets ASKOY2020_REQUIRE_LIBREOFFICE so a missing LibreOffice fails there instead of skipping.
REQUIRED = "ASKOY2020_REQUIRE_LIBREOFFICE"
needs_libreoffice = pytest.mark.skipif(
    shutil.which("soffice") is None and not os.environ.get(REQUIRED),
    reason=f"LibreOffice is not installed (.ci/run installs it; {REQUIRED}=1 makes this a failure)",
)

# Calc's CSV filter: separator, text delimiter, charset (76 = UTF-8), first
# line, column types, language (1044 = nb-NO, 1033 = en-US) …; token 9
# "true" writes cells as shown (formatted), token 12 "-1" every sheet.
CSV_AS_SHOWN = "csv:Text - txt - csv (StarCalc):59,34,76,1,,1044,false,true,true,false,false,-1"
CSV_VALUES = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"

_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">\
<value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse">\
<value>0</value></prop></item>
{locale}</oor:items>
"""
_LOCALE = """<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse">\
<value>{}</value></prop></item>
"""


def soffice(files: Sequence[Path], convert_to: str, outdir: Path, *, locale: str | None = None,
            infilter: str | None = None) -> list[Path]:
    """Convert ``files`` (one LibreOffice start for all) into ``outdir``;
    the converted files, in the order of ``files`` (for a CSV of every
    sheet, ``outdir`` holds one file per sheet: ``<stem>-<sheet>.csv``)."""
    home = outdir.parent / f".lo-home-{outdir.name}"
    user = home / ".config" / "libreoffice" / "4" / "user"
    user.mkdir(parents=True, exist_ok=True)
    (user / "registrymodifications.xcu").write_text(
        _PROFILE.format(locale=_LOCALE.format(locale) if locale else ""), encoding="utf-8")
    command = ["soffice", "--headless", "--norestore"]
    if infilter:
        command.append(f"--infilter={infilter}")
    command += ["--convert-to", convert_to, "--outdir", str(outdir), *(str(f) for f in files)]
    env = {"HOME": str(home), "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8"}
    done = subprocess.run(command, check=True, capture_output=True, timeout=300, env=env)
    extension = convert_to.partition(":")[0]
    made = [outdir / f"{Path(f).stem}.{extension}" for f in files]
    if extension != "csv":
        missing = [p for p in made if not p.exists()]
        assert not missing, (missing, done.stdout, done.stderr)
    return made
