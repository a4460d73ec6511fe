"""The money sheets: budget as adopted and revised, actual to date, forecast
and their deviation per project, year and kind (drift/investering); gains
planned, realised and taken out. Deviations are formulas over the row, so
a finance reader can change a forecast and see the deviation follow."""

from __future__ import annotations

import datetime as dt

from ..model import Portfolio, ProjectStatus
from ..model.budget import MONEY_KINDS
from .sheet import STAFF, RowFormula, Sheet

KIND_NB = {"drift": "Drift", "investment": "Investering"}
BENEFIT_NB = {"economic": "Økonomisk (1000 kr)", "staff": "Årsverk", "quality": "Kvalitet"}
# A gain's figures are in its kind's unit: 1000 kr (the money format),
# årsverk, or the goal's own indicator (48.5 %-points, shown as typed).
BENEFIT_FORMAT = {"staff": STAFF, "quality": None}

DEVIATION = '=IF(AND(ISNUMBER({Prognose}),ISNUMBER({Revidert budsjett})),{Prognose}-{Revidert budsjett},"")'
DEVIATION_SHARE = ('=IF(AND(ISNUMBER({Prognose}),ISNUMBER({Revidert budsjett}),{Revidert budsjett}<>0),'
                   '({Prognose}-{Revidert budsjett})/{Revidert budsjett},"")')
GAIN_GAP = '=IF(ISNUMBER({Realisert}),{Realisert}-{Planlagt},"")'


def money_sheet(portfolio: Portfolio, years: list[int], year: int | None, as_of: dt.date) -> Sheet:
    # Avvik is prognose minus revised budget: + is overspend (merforbruk).
    headers = ["Id", "Prosjekt", "Område", "Status", "År", "Art", "Vedtatt budsjett", "Revidert budsjett",
               "Forslag (ikke vedtatt)", "Regnskap hittil", "Periode", "Prognose", "Avvik", "Avvik %", "Kommentar"]
    money = {6, 7, 8, 9, 11, 12}
    sheet = Sheet("okonomi", "Økonomi", headers, money_columns=money, total_columns=money, percent_columns={13})
    for p in sorted(portfolio.projects, key=lambda p: p.id):
        for y in years:
            if year is not None and y != year:
                continue
            for kind in MONEY_KINDS:
                line = p.money_line(kind, y, as_of)
                if not (line.adopted or line.revised or line.actual or line.forecast):
                    continue
                # An optional project not yet started is a proposal: its money is asked for, not adopted.
                proposal = p.status is ProjectStatus.PLANNED and not p.must_be_planned
                deviation = None if proposal else line.deviation
                share = deviation / line.revised if deviation is not None and line.revised else None
                sheet.rows.append([
                    p.id, p.name, p.area, p.status.value, y, KIND_NB[kind.value],
                    None if proposal else line.adopted, None if proposal else line.revised,
                    line.revised if proposal else None,
                    line.actual, f"{y}-{line.period.value}" if line.period else "", line.forecast,
                    RowFormula(DEVIATION, None if deviation is None else round(deviation, 6)),
                    RowFormula(DEVIATION_SHARE, None if share is None else round(share, 6)), line.comment or "",
                ])
    return sheet


def benefit_sheet(portfolio: Portfolio, year: int | None, as_of: dt.date) -> Sheet:
    headers = ["Id", "Prosjekt", "Område", "Gevinsttype", "Gevinsteier", "Mål", "År", "Planlagt", "Realisert",
               "Differanse", "Tatt ut", "Vedtak om uttak"]
    # No totals: a column mixes kroner, årsverk and indicators.
    sheet = Sheet("gevinster", "Gevinster", headers, money_columns={7, 8, 9, 10})
    for p in sorted(portfolio.projects, key=lambda p: p.id):
        for benefit in p.benefits:
            for y in sorted(set(benefit.planned) | set(benefit.realised) | {t.year for t in benefit.take_outs}):
                if year is not None and y != year:
                    continue
                # A year's gain is known once the year is over (ASK420): never shown before.
                planned = benefit.planned.get(y, 0.0)
                realised = benefit.realised.get(y) if dt.date(y, 12, 31) <= as_of else None
                taken = [t for t in benefit.take_outs if t.year == y]
                if benefit.kind.value in BENEFIT_FORMAT:
                    sheet.row_units[len(sheet.rows)] = BENEFIT_FORMAT[benefit.kind.value]
                sheet.rows.append([
                    p.id, p.name, p.area, BENEFIT_NB[benefit.kind.value], benefit.owner, benefit.goal or "", y,
                    planned, realised, RowFormula(GAIN_GAP, None if realised is None else round(realised - planned, 6)),
                    sum(t.amount for t in taken) if taken else None, ", ".join(t.decision for t in taken),
                ])
    return sheet
