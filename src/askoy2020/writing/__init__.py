"""Writing files: atomically, and as YAML the reader accepts."""

from .atomic import remove_stale_temp_files, write_atomic, write_bytes_atomic, write_new_files
from .yaml_text import document

__all__ = ["document", "remove_stale_temp_files", "write_atomic", "write_bytes_atomic", "write_new_files"]
