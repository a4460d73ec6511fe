"""docs/format.md is generated from the models and must not drift."""

from pathlib import Path

from askoy2020.model.reference import format_reference

DOC = Path(__file__).parent.parent.parent / "docs" / "format.md"


def test_format_doc_is_current() -> None:
    assert DOC.read_text(encoding="utf-8") == format_reference(), (
        "Regenerate: python -m askoy2020.model.reference > docs/format.md"
    )


def test_every_record_kind_and_nested_model_is_documented() -> None:
    text = format_reference()
    for heading in ("## Programme area", "## Project", "## Leader", "## Quality case", "### Dependency", "### Breach", "## Scenario", "## Plan", "### Prioritisation", "### StartWindow"):
        assert heading in text
