"""A programme area's record."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from askoy2020.model import ProgrammeArea


def _area(area_id: str) -> ProgrammeArea:
    return ProgrammeArea.model_validate({"id": area_id, "name": "Område", "owner": "Kommunalsjef",
                                         "period": {"first_year": 2018, "last_year": 2020}})


def test_no_area_may_be_called_programme() -> None:
    # A frame's scope is "programme" or an area id: an area of that name took the programme's
    # frames' place in the plan (the sample's value rose from 2450 to 2748.5 points).
    with pytest.raises(ValidationError, match="names the programme's own frames"):
        _area("programme")
    assert _area("Programme").id == "Programme" and _area("programmes").id == "programmes"


def test_the_editor_is_told_too() -> None:
    import json
    from pathlib import Path

    import jsonschema

    schema = json.loads((Path(__file__).parents[2] / "schemas" / "area.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    good = _area("DK").model_dump(mode="json", exclude_none=True)
    assert not list(validator.iter_errors(good))
    assert [e.path[-1] for e in validator.iter_errors(good | {"id": "programme"})] == ["id"]
