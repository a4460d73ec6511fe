"""The library works without the command-line packages."""

import subprocess
import sys

from helpers import BASE


def test_library_never_imports_typer_or_rich() -> None:
    code = (
        "import sys, askoy2020\n"
        f"d = askoy2020.check(askoy2020.load({str(BASE)!r}))\n"
        "assert isinstance(d, list)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('typer', 'rich', 'click')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
