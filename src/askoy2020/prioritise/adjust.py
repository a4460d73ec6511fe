"""What-if changes on top of the data: from a scenario file, from command-line
options, or both (the command line wins, as it is typed last)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pydantic import ValidationError

from ..model.methods import Method
from ..model.prioritisation import FrameChange, Scenario


class AdjustmentError(ValueError):
    """An option that cannot be applied; the message says how to fix it."""


@dataclass
class Adjustments:
    method: Method | None = None
    years: tuple[int, int] | None = None
    budget: list[FrameChange] = field(default_factory=list)  # drift
    staff: list[FrameChange] = field(default_factory=list)
    investment: list[FrameChange] = field(default_factory=list)
    weights: dict[str, float] = field(default_factory=dict)
    scores: dict[str, dict[str, float]] = field(default_factory=dict)
    include: set[str] = field(default_factory=set)
    exclude: set[str] = field(default_factory=set)
    # Who asked for an exclusion, for the left-out reason.
    exclude_source: str = "--exclude"
    # Who asked for the plan years, for an error about them.
    years_source: str = "--years"
    # No area may take more than this share of the programme's drift frames over the plan years.
    max_share: float | None = None

    @classmethod
    def from_scenario(cls, scenario: Scenario) -> Adjustments:
        return cls(
            method=scenario.method,
            years=(scenario.years.first_year, scenario.years.last_year) if scenario.years else None,
            budget=list(scenario.budget_frames),
            staff=list(scenario.staff_frames),
            investment=list(scenario.investment_frames),
            weights=dict(scenario.weights),
            scores={pid: dict(s) for pid, s in scenario.scores.items()},
            include=set(scenario.include),
            exclude=set(scenario.exclude),
            exclude_source=f"scenario {scenario.id}",
            years_source=f"scenario {scenario.id}'s years",
        )

    def then(self, later: Adjustments) -> Adjustments:
        """These adjustments followed by ``later``'s."""
        scores = {pid: dict(s) for pid, s in self.scores.items()}
        for pid, s in later.scores.items():
            scores.setdefault(pid, {}).update(s)
        return Adjustments(
            method=later.method or self.method,
            years=later.years or self.years,
            budget=self.budget + later.budget,
            staff=self.staff + later.staff,
            investment=self.investment + later.investment,
            weights=self.weights | later.weights,
            scores=scores,
            include=(self.include - later.exclude) | later.include,
            exclude=(self.exclude - later.include) | later.exclude,
            exclude_source=later.exclude_source if later.exclude else self.exclude_source,
            years_source=later.years_source if later.years else self.years_source,
            max_share=later.max_share if later.max_share is not None else self.max_share,
        )


_FRAME = re.compile(
    r"^(?:(?P<area>[A-Za-z0-9][A-Za-z0-9_.-]*):)?(?P<year>\d{4})=(?P<sign>[+-]?)(?P<amount>\d+(?:\.\d+)?)$"
)


def parse_frame_change(text: str, option: str) -> FrameChange:
    """``2019=+5000`` adds, ``2019=-5000`` cuts, ``2019=120000`` sets;
    ``DK:2019=+500`` changes area DK's frame instead of the programme's."""
    match = _FRAME.match(text.replace(" ", ""))
    if match is None:
        raise AdjustmentError(
            f"{option} {text!r} is not YEAR=+N, YEAR=-N or YEAR=N (optionally AREA:YEAR=…); "
            f"for example {option} 2019=+5000"
        )
    amount = float(match["amount"])
    year = int(match["year"])
    area = match["area"]
    try:
        if match["sign"]:
            return FrameChange(year=year, area=area, change=amount if match["sign"] == "+" else -amount)
        return FrameChange(year=year, area=area, set=amount)
    except ValidationError as exc:
        raise AdjustmentError(f"{option} {text!r}: {one_line(exc)}") from None


def one_line(exc: ValidationError) -> str:
    """A Pydantic error as one line a user can act on: the first problem,
    and the field it is in."""
    error = exc.errors(include_url=False)[0]
    where = ".".join(str(part) for part in error["loc"])
    message = str(error["msg"])
    message = message[:1].lower() + message[1:]
    return f"{where}: {message}" if where else message


def parse_years(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{4})(?:-(\d{4}))?", text.strip())
    if match is None:
        raise AdjustmentError(f"--years {text!r} is not FIRST-LAST, for example --years 2021-2023")
    first = int(match[1])
    last = int(match[2] or match[1])
    if first > last:
        raise AdjustmentError(f"--years {text}: the first year is after the last")
    return first, last
