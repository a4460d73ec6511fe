"""The sheets of the export, as rows of values: the workbook and the CSV
files are two writings of the same list."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..core.identity_numbers import mask, number_is_one
from ..model import Portfolio
from ..model.base import Goal
from ..model.budget import MoneyKind
from .money import benefit_sheet, money_sheet
from .sheet import STAFF, Sheet


def sheets(portfolio: Portfolio, year: int | None = None, as_of: dt.date | None = None) -> list[Sheet]:
    """The sheets; ``as_of`` is the day the figures are as on (measurements
    after it are not yet known), None for every measurement in the data."""
    programme = portfolio.programme
    years = list(programme.known_years()) if programme else sorted(
        {y for p in portfolio.projects for y in p.cost})
    if year is not None:
        # Only that year's columns: the project sheet keeps only projects
        # with cost or staff that year, so a total or a "used" formula over
        # another year's column would sum a part and show a wrong figure.
        years = [year]
    day = as_of or dt.date.today()
    made = [_projects(portfolio, years, year), _frames(portfolio, years, day),
            money_sheet(portfolio, years, year, day), benefit_sheet(portfolio, year, day),
            _goals(portfolio, year, as_of), _cases(portfolio, year)]
    # Every text of every sheet passes here: an identity number in a name
    # or a unit is masked in the workbook and the CSV files alike.
    for sheet in made:
        sheet.rows = [[_masked(v) for v in row] for row in sheet.rows]
    return made


def _masked(value: Any) -> Any:
    """A cell with every text in it masked – also the texts inside a
    formula's parts (the area a SUMIF matches is masked as its cell is, so
    the formula still finds it)."""
    if isinstance(value, str):
        return mask(value)
    if number_is_one(value):  # an identity number typed into a number field goes out as the masked text
        return "•" * 11
    if isinstance(value, tuple):
        return tuple(_masked(part) for part in value)
    return value


def _projects(portfolio: Portfolio, years: list[int], year: int | None) -> Sheet:
    headers = ["Id", "Prosjekt", "Område", "Status", "Start", "Slutt", "Obligatorisk", "Låst"]
    first_money = len(headers)
    headers += [f"Kostnad {y}" for y in years] + [f"Årsverk {y}" for y in years]
    sheet = Sheet("prosjekter", "Prosjekter", headers,
                  money_columns=set(range(first_money, first_money + len(years))),
                  fte_columns=set(range(first_money + len(years), first_money + 2 * len(years))))
    sheet.total_columns = sheet.money_columns | sheet.fte_columns
    for p in sorted(portfolio.projects, key=lambda p: p.id):
        if year is not None and not (p.cost.get(year) or p.staff.get(year)):
            continue
        sheet.rows.append([p.id, p.name, p.area, p.status.value, p.start(), p.end(),
                           "ja" if p.mandatory else "", "ja" if p.locked else "",
                           *(p.cost.get(y, 0.0) for y in years), *(p.staff.get(y, 0.0) for y in years)])
    return sheet


# What the "used" formula sums: the Prosjekter sheet's cost column (the
# drift budget as adopted) of every project not cancelled, proposals too;
# not spend (that is Økonomi's Regnskap) and not what a plan funds.
PROJECT_COST = "Prosjektkostnad, vedtatt og foreslått (1000 kr)"


def _frames(portfolio: Portfolio, years: list[int], as_of: dt.date) -> Sheet:
    headers = ["Område", "Ressurs", *(str(y) for y in years)]
    sheet = Sheet("rammer", "Rammer", headers)
    owners: list[tuple[str, str | None]] = []
    if portfolio.programme:
        owners.append(("Programmet", None))
    owners += [(a.id, a.id) for a in sorted(portfolio.areas, key=lambda a: a.id)]
    live = [p for p in portfolio.projects if p.is_live]
    for label, owner in owners:
        mine = [p for p in live if label == "Programmet" or p.area == label]
        used = [sum(p.cost.get(y, 0.0) for p in mine) for y in years]
        def frames(kind: MoneyKind, revised: bool = True, owner: str | None = owner) -> list[float | None]:
            return [portfolio.frame(kind, y, as_of, owner, revised=revised) for y in years]

        sheet.rows.append([label, "Driftsramme vedtatt (1000 kr)", *frames(MoneyKind.DRIFT, revised=False)])
        sheet.rows.append([label, "Driftsramme revidert (1000 kr)", *frames(MoneyKind.DRIFT)])
        sheet.rows.append([label, PROJECT_COST, *(("=USED", label, i, used[i]) for i in range(len(years)))])
        investment = frames(MoneyKind.INVESTMENT)
        if any(v is not None for v in investment):
            sheet.rows.append([label, "Investeringsramme revidert (1000 kr)", *investment])
        sheet.row_units[len(sheet.rows)] = STAFF
        sheet.rows.append([label, "Årsverkramme", *frames(MoneyKind.STAFF)])
    sheet.money_columns = set(range(2, 2 + len(years)))
    return sheet


def _latest(goal: Goal, as_of: dt.date | None) -> tuple[dt.date | None, float | None]:
    m = goal.latest_measurement(as_of)
    return (m.date, m.value) if m else (None, None)


def _goals(portfolio: Portfolio, year: int | None, as_of: dt.date | None) -> Sheet:
    target_year = year or portfolio.measuring_year
    headers = ["Id", "Eier", "Mål", "Indikator", "Enhet", "Retning", "Utgangsår", "Utgangsverdi",
               f"Mål {target_year}", "Siste måling", "Siste verdi"]
    sheet = Sheet("maal", "Mål", headers)
    owned: list[tuple[str, Goal]] = [(a.id, g) for a in portfolio.areas for g in a.goals]
    owned += [(leader.role, g) for leader in portfolio.leaders for g in leader.goals]
    for owner, g in sorted(owned, key=lambda og: og[1].id):
        when, value = _latest(g, as_of)
        sheet.rows.append([g.id, owner, g.text, g.indicator, g.unit, g.direction.value,
                           g.baseline.year if g.baseline else None, g.baseline.value if g.baseline else None,
                           g.targets.get(target_year), when, value])
    return sheet


def _cases(portfolio: Portfolio, year: int | None) -> Sheet:
    headers = ["Id", "Type", "Tittel", "Enhet", "Område", "Hendt", "Meldt", "Alvorlighet", "Status", "Frist",
               "Lukket"]
    sheet = Sheet("kvalitetssaker", "Kvalitetssaker", headers)
    for c in sorted(portfolio.cases, key=lambda c: c.id):
        if year is not None and c.reported.year != year:
            continue
        sheet.rows.append([c.id, c.kind.value, c.title, c.unit, c.area or "", c.occurred, c.reported, c.severity,
                           c.status.value, c.deadline, c.closed])
    return sheet

