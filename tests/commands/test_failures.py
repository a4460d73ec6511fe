"""An OSError in a command is one line on err and exit code 1."""

from __future__ import annotations

import errno
import io
from typing import TextIO

from askoy2020.commands.failures import explain_os_errors


@explain_os_errors
def _run(request: str, out: TextIO, err: TextIO) -> int:
    if request == "full":
        raise OSError(errno.ENOSPC, "No space left on device", "plan.yaml")
    out.write(request)
    return 3


def test_an_os_error_is_one_line_and_exit_1() -> None:
    out, err = io.StringIO(), io.StringIO()
    assert _run("full", out, err) == 1
    assert out.getvalue() == ""
    assert err.getvalue() == (
        "Error: No space left on device (plan.yaml). Files are replaced whole or not at all, so none is half "
        "written. Check the free space, the permissions and the path, then run the command again.\n"
    )


def test_otherwise_run_answers_for_itself() -> None:
    out, err = io.StringIO(), io.StringIO()
    assert _run("fine", out, err) == 3
    assert (out.getvalue(), err.getvalue()) == ("fine", "")
