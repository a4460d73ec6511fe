"""The part of the programme's frame no area holds is said, per kind and
year, as the YAML gives it: the programme's revised frame less the areas'."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

import askoy2020
from askoy2020.report.compose import compose
from askoy2020.report.period import for_day

DATA = Path(__file__).parent.parent.parent / "data"
AS_OF = dt.date(2020, 10, 31)


def _yaml(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def _frame(rounds: list[dict[str, Any]], kind: str, year: int) -> float | None:
    """The newest round adopted by the day that has the year, with its revisions to the day."""
    speaking = [r for r in rounds if r.get("adopted", dt.date.min) <= AS_OF and year in r["frames"].get(kind, {})]
    if not speaking:
        return None
    chosen = max(speaking, key=lambda r: r["year"])
    value = chosen["frames"][kind][year]
    for revision in sorted(chosen.get("revisions") or [], key=lambda r: r["date"]):
        if revision["date"] <= AS_OF and year in revision["frames"].get(kind, {}):
            value = revision["frames"][kind][year]
    return value


def test_the_programme_frame_no_area_holds() -> None:
    programme = _yaml(DATA / "programme.yaml")
    adopted = {r["year"]: r["adopted"] for r in programme["rounds"]}
    areas = [_yaml(f) for f in sorted(DATA.glob("programmes/*/area.yaml"))]
    expected = []
    for kind in ("drift", "investment", "staff"):
        for year in range(2020, 2024):
            whole = _frame(programme["rounds"], kind, year)
            # An area's part of a round carries the round's adoption day.
            parts = [_frame([{**r, "adopted": adopted[r["year"]]} for r in a.get("rounds") or []], kind, year)
                     for a in areas]
            if whole is None or any(p is None for p in parts) or abs(whole - sum(parts)) < 1e-9:
                continue
            expected.append((kind, year, whole - sum(parts)))
    report = compose(askoy2020.load(DATA), for_day(2020, AS_OF))
    assert report.money is not None
    assert [(k, y, round(v, 6)) for k, y, v in report.money.not_in_areas] == [(k, y, round(v, 6)) for k, y, v in expected]
    assert ("drift", 2021, 1800.0) in expected
