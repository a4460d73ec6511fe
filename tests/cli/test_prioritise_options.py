"""Every value an option or a scenario can carry into ``prioritise`` ends
as a plan, a one-line error with exit 2, or a diagnostic – never a
traceback. Years outside 1990–2100 or the plan, frames the data could not
hold (a staff frame over 100 000 årsverk) and numbers near the float limit
once raised Pydantic's ValidationError or an IndexError."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from askoy2020.cli.app import app
from askoy2020.loading.loader import load as load_folder
from askoy2020.prioritise.adjust import AdjustmentError, Adjustments
from askoy2020.prioritise.problem import build_problem
from helpers import examples

runner = CliRunner()
DATA = Path(__file__).parent.parent.parent / "data"


def _run(args: list[str], folder: Path = DATA) -> tuple[int, str]:
    result = runner.invoke(app, ["prioritise", str(folder), "--no-explain", "--as-of", "2020-10-31", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"{args}: {type(result.exception).__name__}: {result.exception}")
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def _refused(args: list[str], folder: Path = DATA) -> str:
    code, output = _run(args, folder)
    assert code == 2, output
    errors = [line for line in output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and output.strip() == errors[0], output
    return errors[0]


@pytest.mark.parametrize(("args", "says"), [
    (["--frame", "1800=+5"], "greater than or equal to 1990"),
    (["--frame", "2101=5"], "less than or equal to 2100"),
    (["--frame", "0000=+5"], "year"),
    (["--frame", "9999=-5"], "year"),
    (["--frame", "2030=+5"], "outside the plan years"),
    (["--frame", "1995=+5"], "outside the plan years"),
    (["--staff", "2021=+100000"], "staff frame 2021"),
    (["--staff", "2021=200000"], "less than or equal to 100000"),
    (["--staff", "DK:2021=+100000"], "area DK staff frame"),
    (["--frame", "2021=+1000000001"], "less than or equal to 1000000000"),
    (["--frame", "2021=-1000000001"], "greater than or equal to -1000000000"),
    (["--frame", "2021=" + "9" * 400], "finite number"),
    (["--frame", "2021=+" + "9" * 400], "finite number"),
    (["--frame", "2021=-99999999"], "below zero"),
    (["--years", "2021-2019"], "first year is after the last"),
    (["--years", "1800-1801"], "reach before the first open year 2021"),
    (["--years", "2021-2030"], "outside the budget rounds' years"),
    (["--years", "2019-2021"], "--years 2019–2021 reach before the first open year 2021 on 2020-10-31"),
    (["--from-year", "2019"], "--from-year 2019 is before the first open year 2021 on 2020-10-31"),
    (["--from-year", "2030"], "--from-year 2030 is after the last year of budsjett 2020 (økonomiplan 2020–2023)"),
    (["--as-of", "2031-01-01"], "no year is left to plan on 2031-01-01: the first open year is 2032"),
    (["--investment-frame", "2021=+5k"], "for example --investment-frame 2019=+5000"),
    (["--investment-frame", "AI:2021=+5"], "there is no area AI investment frame 2021 to change"),
    (["--investment-frame", "2019=500"], "investment frame change for 2019, outside the plan years 2021–2023"),
    (["--investment-frame", "DK:2021=1000000001"], "less than or equal to 1000000000"),
])
def test_out_of_range_options_are_one_line_errors(args: list[str], says: str) -> None:
    assert says in _refused(args)


@pytest.mark.parametrize("change", ["1e300", "-1e300", "1000000001", "-5e9"])
@pytest.mark.parametrize("key", ["budget_frames", "investment_frames", "staff_frames"])
def test_a_scenario_with_an_absurd_change_is_a_diagnostic_not_a_crash(
        tmp_path: Path, key: str, change: str) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    (data / "scenarios" / "stor.yaml").write_text(
        f"id: stor\nname: Stor\n{key}:\n  - year: 2021\n    change: {change}\n", encoding="utf-8")
    diagnostics = load_folder(data).load_diagnostics
    assert [(d.rule, d.line) for d in diagnostics if d.file.endswith("stor.yaml")] == [("ASK104", 5)]
    code, output = _run(["--scenario", "stor"], data)
    assert code == 1 and "stor.yaml:5" in output


@pytest.mark.parametrize(("scenario", "says"), [
    ("years: {first_year: 2019, last_year: 2021}",
     "scenario gammel's years 2019–2021 reach before the first open year 2021 on 2020-10-31"),
    ("budget_frames:\n  - {year: 2020, change: 5000}", "budget frame change for 2020, outside the plan years"),
    ("investment_frames:\n  - {year: 2021, area: DK, set: 20000}", None),
    ("investment_frames:\n  - {year: 2021, area: DK, change: 20000}",
     "there is no area DK investment frame 2021 to change"),
])
def test_a_scenario_about_sunk_years_or_missing_frames_is_one_line(
        tmp_path: Path, scenario: str, says: str | None) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    (data / "scenarios" / "gammel.yaml").write_text(f"id: gammel\nname: Gammel\n{scenario}\n", encoding="utf-8")
    if says is None:  # a frame set where there was none is a frame
        code, output = _run(["--scenario", "gammel"], data)
        assert code == 0, output
    else:
        assert says in _refused(["--scenario", "gammel"], data)


@pytest.mark.parametrize(("first", "last"), [(2021, 2019), (2021, 2020), (2100, 1990)])
def test_reversed_scenario_years_are_reported_and_refused(tmp_path: Path, first: int, last: int) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    (data / "scenarios" / "snudd.yaml").write_text(
        f"id: snudd\nname: Snudd\nyears: {{first_year: {first}, last_year: {last}}}\n", encoding="utf-8")
    portfolio = load_folder(data)
    assert [d.rule for d in portfolio.load_diagnostics if d.file.endswith("snudd.yaml")] == ["ASK103"]
    code, output = _run(["--scenario", "snudd"], data)
    assert code == 1 and "after last_year" in output
    # However the years arrive, the problem builder refuses them in words.
    with pytest.raises(AdjustmentError, match="first year is after the last"):
        build_problem(portfolio, Adjustments(years=(first, last)))


_YEAR = st.one_of(st.integers(0, 9999).map(lambda y: f"{y:04d}"), st.sampled_from(["2018", "2021", "1990", "2100"]))
_AMOUNT = st.one_of(
    st.integers(0, 10**12).map(str),
    st.floats(0, 1e12, allow_nan=False).map(lambda f: f"{f:.3f}"),
    st.integers(1, 400).map(lambda n: "9" * n),
)
_FRAME = st.one_of(
    st.builds(lambda area, year, sign, amount: f"{area}{year}={sign}{amount}",
              st.sampled_from(["", "DK:", "HM:", "XX:", "a.b-c:"]), _YEAR, st.sampled_from(["", "+", "-"]), _AMOUNT),
    st.text(max_size=30),
)
_YEARS = st.one_of(st.builds(lambda a, b: f"{a}-{b}", _YEAR, _YEAR), _YEAR, st.text(max_size=12))
_ID = st.one_of(st.sampled_from(["DK-06", "HM-05", "OL-05", "nope"]), st.text(min_size=1, max_size=12))


_DAY = st.one_of(st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)).map(str),
                 st.sampled_from(["2017-12-13", "2017-12-14", "2020-10-31", "2021-12-31", "2022-01-01"]))


@settings(max_examples=examples(60), suppress_health_check=[HealthCheck.too_slow])
@given(
    frames=st.lists(_FRAME, max_size=2), staff=st.lists(_FRAME, max_size=2),
    investment=st.lists(_FRAME, max_size=1), years=st.none() | _YEARS, include=st.lists(_ID, max_size=2),
    as_of=st.none() | _DAY, from_year=st.none() | st.integers(1990, 2100),
)
def test_any_option_string_gives_a_plan_or_a_message(
        frames: list[str], staff: list[str], investment: list[str], years: str | None, include: list[str],
        as_of: str | None, from_year: int | None) -> None:
    args = [word for f in frames for word in ("--frame", f)] + [word for s in staff for word in ("--staff", s)]
    args += [word for f in investment for word in ("--investment-frame", f)]
    args += [word for i in include for word in ("--include", i)] + (["--years", years] if years is not None else [])
    args += (["--as-of", as_of] if as_of else []) + (["--from-year", str(from_year)] if from_year else [])
    code, output = _run(args)
    assert code in (0, 1, 2), output
    assert output.strip(), args
