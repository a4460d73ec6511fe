"""The fixed sets of values options take: output formats, record kinds,
report languages. Defined once here; requests carry them and the Typer
layer offers them as choices.

Imports nothing but :mod:`enum`, since ``askoy2020 --help`` imports it.
"""

from __future__ import annotations

from enum import Enum


class DiagnosticsFormat(str, Enum):
    """``validate --format``: views of one list of diagnostics."""

    TEXT = "text"
    JSON = "json"
    GITHUB = "github"
    GITLAB = "gitlab"
    JUNIT = "junit"


class RulesFormat(str, Enum):
    TEXT = "text"
    JSON = "json"


class ExportFormat(str, Enum):
    XLSX = "xlsx"
    CSV = "csv"


class CsvDialect(str, Enum):
    """``export --csv-dialect``: for a Norwegian spreadsheet or for programs."""

    EXCEL_NB = "excel-nb"
    PLAIN = "plain"


class RecordKind(str, Enum):
    """The record kinds ``new`` can start."""

    PROJECT = "project"
    LEADER = "leader"
    CASE = "case"
    UNIT = "unit"
    REVIEW = "review"
    FINDING = "finding"
    RISK = "risk"
    COHORT = "cohort"


class PlanFormat(str, Enum):
    TEXT = "text"
    JSON = "json"
    YAML = "yaml"
    CSV = "csv"


class ReportFormat(str, Enum):
    MD = "md"
    HTML = "html"


class Language(str, Enum):
    NB = "nb"
    EN = "en"


class ImportFormat(str, Enum):
    TEXT = "text"
    JSON = "json"


class AmountUnit(str, Enum):
    """``import actuals --unit``: what the export's beløp is in."""

    KR = "kr"
    THOUSAND_KR = "1000kr"


class Shell(str, Enum):
    """``--install-completion`` and ``--show-completion``: the shells Typer
    writes a completion script for."""

    BASH = "bash"
    ZSH = "zsh"
    FISH = "fish"
    POWERSHELL = "powershell"
    PWSH = "pwsh"
