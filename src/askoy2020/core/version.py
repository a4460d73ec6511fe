"""The package version, kept where every layer may read it without
importing the package face (``askoy2020/__init__.py``)."""

__version__ = "0.1.0"
