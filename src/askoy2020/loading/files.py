"""Read a record file's bytes only when it is safe to.

A data folder is edited by many people and arrives through merge requests,
so a path under it may be a link to a file elsewhere on the machine (which
would put that file's text into reports), a link loop, a named pipe (which
would make every command hang), or a file far too large to hold in memory.
Each of these becomes a diagnostic at the file; none is ever opened.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from ..core.diagnostics import Diagnostic, Location, Say
from . import problems as R
from .yaml_reader import too_large

# A link to a folder inside the data folder: not followed, because the folder
# is read at its real place already.
SKIP = None


def read_record_bytes(file: Path, real_root: str, name: str, max_file_bytes: int) -> bytes | Diagnostic | None:
    """The bytes of ``file``, a diagnostic saying why it is not read, or
    :data:`SKIP`. ``real_root`` is the data folder with links resolved."""
    try:
        if os.path.islink(file):
            target = os.path.realpath(file)
            if os.path.commonpath([real_root, target]) != real_root:
                folder = os.path.isdir(target)
                return R.OUTSIDE_DATA.at(
                    Location(name),
                    Say(f"this is a link to {'a folder' if folder else 'a file'} outside the data folder; it is not "
                        "read",
                        f"dette er en lenke til {'en mappe' if folder else 'en fil'} utenfor datamappen; den blir "
                        "ikke lest"),
                    Say("Copy the record into the data folder, so reviewers see what the reports are built from.",
                        "Kopier posten inn i datamappen, så de som går gjennom endringene, ser hva rapportene "
                        "bygger på."),
                )
        info = os.stat(file)
        if stat.S_ISDIR(info.st_mode):
            return SKIP
        if not stat.S_ISREG(info.st_mode):
            return _unreadable(name, Say("it is not a regular file (a named pipe, device or socket)",
                                         "dette er ikke en vanlig fil (men en navngitt pipe, en enhet eller en "
                                         "socket)"),
                               Say("Replace it with an ordinary YAML file.", "Erstatt den med en vanlig YAML-fil."))
        if info.st_size > max_file_bytes:
            return R.LIMIT_EXCEEDED.at(
                Location(name), too_large(info.st_size, max_file_bytes),
                Say("Split it into one file per record, or raise ASKOY2020_MAX_FILE_BYTES.",
                    "Del den opp i én fil per post, eller øk ASKOY2020_MAX_FILE_BYTES."),
            )
        with open(file, "rb") as handle:
            # Asking for the size found (not the limit: Python allocates what
            # is asked for, 5 MB per file) and, should the file have grown
            # since, for the rest up to the limit and never more.
            data = handle.read(info.st_size + 1)
            if len(data) > info.st_size:
                data += handle.read(max_file_bytes + 1 - len(data))
    except OSError as exc:
        return _unreadable(name, Say(f"the file cannot be read: {exc.strerror or exc}",
                                     f"filen kan ikke leses: {os_error_nb(exc)}"),
                           Say("Check that the file exists, is readable and is not a link loop.",
                               "Kontroller at filen finnes, kan leses og ikke er en lenke som peker i ring."))
    return data


# Why the operating system would not read or write a file (its strerror is English).
_WHY_NB = {
    errno.EACCES: "ingen tilgang", errno.EPERM: "ingen tilgang", errno.ENOENT: "filen finnes ikke",
    errno.ELOOP: "lenken peker i ring", errno.EISDIR: "dette er en mappe",
    errno.EIO: "lese- eller skrivefeil på disken", errno.ENAMETOOLONG: "navnet er for langt",
    errno.ENOTDIR: "en del av stien er ikke en mappe", errno.ENOSPC: "disken er full",
    errno.EROFS: "filsystemet er skrivebeskyttet", errno.EDQUOT: "diskkvoten er brukt opp",
}


def os_error_nb(exc: OSError) -> str:
    """What the operating system said, in bokmål (its own words are English)."""
    return _WHY_NB.get(exc.errno or 0, f"feil fra operativsystemet (errno {exc.errno})")


def _unreadable(name: str, message: Say, hint: Say) -> Diagnostic:
    return R.ENCODING.at(Location(name), message, hint)
