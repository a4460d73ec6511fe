"""Frame changes typed on the command line, and scenarios layered under them."""

from __future__ import annotations

import pytest

from askoy2020.model.prioritisation import FrameChange, Scenario
from askoy2020.prioritise.adjust import AdjustmentError, Adjustments, parse_frame_change, parse_years


@pytest.mark.parametrize(("text", "expected"), [
    ("2019=+5000", FrameChange(year=2019, change=5000)),
    ("2019=-2.5", FrameChange(year=2019, change=-2.5)),
    ("2019=120000", FrameChange(year=2019, set=120000)),
    ("DK:2021=+500", FrameChange(year=2021, area="DK", change=500)),
    (" 2020 = -2 ", FrameChange(year=2020, change=-2)),
])
def test_frame_changes_parse(text: str, expected: FrameChange) -> None:
    assert parse_frame_change(text, "--frame") == expected


@pytest.mark.parametrize("text", ["2019", "2019=+", "19=+5", "2019=+5k", "=5"])
def test_bad_frame_changes_say_how_to_write_them(text: str) -> None:
    with pytest.raises(AdjustmentError, match="for example --frame 2019=\\+5000"):
        parse_frame_change(text, "--frame")


def test_years() -> None:
    assert parse_years("2018-2021") == (2018, 2021)
    assert parse_years("2020") == (2020, 2020)
    with pytest.raises(AdjustmentError):
        parse_years("2021-2018")


def test_command_line_goes_on_top_of_the_scenario() -> None:
    scenario = Scenario(id="s", name="S", exclude=["A", "B"], include=["C"], scores={"A": {"x": 1}},
                        budget_frames=[FrameChange(year=2021, change=10)])
    cli = Adjustments(include={"A"}, exclude={"C"}, budget=[FrameChange(year=2021, change=5)])
    merged = Adjustments.from_scenario(scenario).then(cli)
    assert merged.include == {"A"} and merged.exclude == {"B", "C"}
    assert [c.change for c in merged.budget] == [10, 5]
    assert merged.scores == {"A": {"x": 1}}


def test_a_frame_change_needs_exactly_one_of_change_or_set() -> None:
    with pytest.raises(ValueError, match="either 'change'"):
        FrameChange(year=2021)
    with pytest.raises(ValueError, match="either 'change'"):
        FrameChange(year=2021, change=1, set=2)
