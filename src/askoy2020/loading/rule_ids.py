"""Ids of the problems found while reading files, before any rule runs.

Their documentation lives with the other rules in
:mod:`askoy2020.rules.loading`; the ids are here so the reader does not
depend on the rule registry.
"""

YAML_SYNTAX = "ASK001"
ENCODING = "ASK002"
DUPLICATE_KEY = "ASK003"
UNSUPPORTED_YAML = "ASK004"
LIMIT_EXCEEDED = "ASK005"
EMPTY_FILE = "ASK006"
UNKNOWN_FILE = "ASK007"
WRONG_SHAPE = "ASK008"
OUTSIDE_DATA = "ASK010"

UNKNOWN_KEY = "ASK101"
MISSING_FIELD = "ASK102"
WRONG_TYPE = "ASK103"
OUT_OF_RANGE = "ASK104"
NOT_ALLOWED = "ASK105"
