"""The package version, kept where every layer may read it without
importing the package face (``askoy2020/__init__.py``).

One definition: the build derives the version from the git tag
(setuptools-scm, ``[tool.setuptools_scm]`` in pyproject.toml) and writes it
into the installed metadata, which is read here. A tag ``v0.17.0`` gives
``0.17.0``; a commit after it ``0.17.1.devN+g<commit>``. Source without git
metadata and without an installed copy (a bare copy of ``src/`` on the path)
says :data:`UNKNOWN`, the same fallback the build uses.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

UNKNOWN = "0.0.0+unknown"
"""The version of a copy that cannot tell: PEP 440 valid, lower than every
release, and plainly not one (pyproject.toml's ``fallback_version``)."""


def installed_version(distribution: str = "askoy2020") -> str:
    try:
        return version(distribution)
    except PackageNotFoundError:
        return UNKNOWN


__version__ = installed_version()
