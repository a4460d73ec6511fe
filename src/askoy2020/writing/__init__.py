"""Writing files: atomically, and as YAML the reader accepts."""

from .atomic import write_atomic, write_bytes_atomic, write_new_files
from .yaml_text import document

__all__ = ["document", "write_atomic", "write_bytes_atomic", "write_new_files"]
