"""The money of the sample data: budget rounds and their frames, building
investments and how they are financed, tertial accounts and forecasts,
budget revisions, gains (gevinstrealisering) and take-outs.

Illustrative. The seed text (budsjett 2018, handlingsprogram og økonomiplan
2019–2021) states the programme, its three parts, its 10 areas and the area
Digital kommune, and DOMAIN.md gives the municipality's size; every amount,
decision number and date below is invented. Each magnitude is sized by the
reasoning beside it so that a finance adviser in a municipality of about
29,000 inhabitants finds the orders of magnitude believable. Amounts are in
1000 kr ("tall i tusen"): 2 mill. kr is 2000. Staff in årsverk.

Called by make_sample_data.py after the records are made, with random
streams of its own (accounts, gains, frames), so leaders and quality cases
stay as they were and a change to one stream leaves the others alone.
"""

from __future__ import annotations

import math
import random
from datetime import date

# -- the municipality ---------------------------------------------------------
# DOMAIN.md (from the seed's budget document): about 29,000 inhabitants in
# 2017, about 1,970 employees and 1,620 årsverk in December 2017.
INHABITANTS = 29_000
EMPLOYEES = 1_970
ARSVERK = 1_620
# Gross operating expenditure (brutto driftsutgifter), 1000 kr: about 2.4 bn
# kr a year around 2020. Our estimate, not Askøy's accounts: Norwegian
# municipalities spend in the order of 80,000-85,000 kr per inhabitant a
# year (KOSTRA, national level), x 29,000 ≈ 2.3-2.5 bn kr.
OPERATING_BUDGET = 2_400_000
# The programme's drift frame should stay under about 2 % of that: at most
# 40-45 mill. kr a year, the order of a municipal omstillingsfond or a set of
# development projects (utviklingsmidler), not a sector. It peaks in 2018
# when most projects run and falls to about 20 mill. kr in 2020 as the first
# wave completes (results are measured in 2020); the 2021 proposals lift it.
PROGRAMME_DRIFT_RANGE = (15_000, 50_000)
# Development staff programme-wide: tens of årsverk, not hundreds (2-3 % of
# the 1,620 årsverk work partly on a project in a given year).
PROGRAMME_STAFF_RANGE = (20, 60)

SNAPSHOT = date(2020, 10, 31)  # the data describe the programme after 2. tertial 2020
MONEY_SEED = 2020

# -- the budget rounds ---------------------------------------------------------
# Askøy's kommunestyre adopts next year's budget and the økonomiplan at its
# December meeting, before the year starts (kommuneloven 2018 §§ 14-2 to
# 14-4, in force from 1 January 2020; the rounds of 2018 and 2019 fell under
# kommuneloven 1992 §§ 44-45, the same cycle). The seed belongs to the first round. Decision numbers and dates are invented
# (Thursdays in mid-December); each round covers its budget year + 3.
ROUNDS = [
    (2018, "KST 123/17", date(2017, 12, 14), "Budsjett 2018, handlingsprogram og økonomiplan 2019–2021"),
    (2019, "KST 131/18", date(2018, 12, 13), "Budsjett 2019 og økonomiplan 2019–2022"),
    (2020, "KST 142/19", date(2019, 12, 12), "Budsjett 2020 og økonomiplan 2020–2023"),
]
# The budget revision after 1. tertial 2020: covid-19 slowed projects that
# need home visits or gatherings, and tax income fell; the council took the
# money the projects could not spend out of their frames in June.
REVISION = ("KST 61/20", date(2020, 6, 18), "Budsjettjustering etter 1. tertial 2020 (covid-19)")
# Project budgets the revision cut (drift 2020): the share of the adopted
# budget that remains.
REVISED_PROJECTS = {
    "HM-01": (0.6, "Hverdagsrehabilitering: færre hjemmebesøk under covid-19; opptrappingen flyttes til 2021"),
    "OK-04": (0.75, "Ny lønns- og personalløsning avsluttet 1. april under budsjett; restmidler tilbakeføres"),
}

# Frames of an area in a round: what its projects need in each year, times a
# margin, plus a reserve for projects not yet defined in the later years.
BUDGET_YEAR_MARGIN = (1.03, 1.08)  # the budget year: 3-8 % slack
PLAN_YEAR_MARGIN = (0.95, 1.15)  # years 2-4 of the økonomiplan move either way from round to round
# Reserve (ufordelt) in plan year k, as a share of the area's mean yearly
# need 2018-2020: the outer years hold room for what follows Askøy 2020.
RESERVE_SHARE = {1: 0.15, 2: 0.40, 3: 0.40}
STAFF_MARGIN = (1.05, 1.15)
STAFF_RESERVE = {0: 0.3, 1: 0.5, 2: 0.8, 3: 1.0}  # årsverk per area
# The programme frame is the sum of the areas' frames plus the programme
# office (programkontor in rådmannens stab): 1.5 mill. kr a year for tools,
# training and outside help, and 2 årsverk (programme manager, controller).
PROGRAMME_OFFICE_DRIFT = 1_500
PROGRAMME_OFFICE_STAFF = 2.0

# -- development projects (drift) -----------------------------------------------
# Total drift cost over a project's life, 1000 kr, by kind of project; the
# generator's old draw (600-9000) picks the place inside the range:
#   small:  a plan, survey or routine work done mostly by own staff, with
#           workshops and some outside help: 0.25-1 mill. kr;
#   medium: organisational development or a pilot with a vendor: 0.7-3 mill. kr;
#   large:  an IT system or a technology roll-out (licences, integration,
#           equipment, leasing): 1.8-6 mill. kr.
SIZE_RANGES = {"small": (250, 1_000), "medium": (700, 3_000), "large": (1_800, 6_000)}
SIZE_OF = {
    "large": ["DK-02", "DK-04", "OL-02", "HM-00", "SA-01", "KM-00", "OK-04"],
    "small": ["DK-03", "OL-01", "OL-04", "TI-00", "TI-02", "TI-03", "AI-02", "AI-03", "SA-04", "EI-02",
              "EI-04", "KM-01", "KM-02", "KM-04", "OK-03", "IK-00", "IK-02", "IK-04"],
}
# The old draw of staff (0.5-4 årsverk a year) gave 60-75 årsverk a year for
# the programme, too many for development work beside the daily service;
# 0.6 of it gives 0.3-2.4 årsverk a project and 30-45 for the programme.
STAFF_SCALE = 0.6

# -- building investments ---------------------------------------------------------
# Ny ungdomsskole sør (EI-07): about 600 pupils, ~8,000 m² at about 50,000
# kr/m² incl. VAT (new Norwegian school buildings 2018-2020 cost roughly
# 45,000-60,000 kr/m²; our estimate): 410 mill. kr over 2020-2022, opening
# for the school year 2022/23. Earlier rounds saw 350 and 380 mill. kr.
SCHOOL = {2020: 35_000, 2021: 190_000, 2022: 185_000}
# Helsehus Kleppestø (HM-07): 64 places (korttid, rehabilitering, langtid)
# with legevakt and dagsenter, ~9,000 m² at ~53,000 kr/m²: 480 mill. kr over
# 2020-2023. The round of 2019 saw 420 mill. kr over 2020-2022.
HEALTH_HOUSE = {2020: 12_000, 2021: 140_000, 2022: 210_000, 2023: 118_000}
HEALTH_HOUSE_PLACES = 64
# Husbanken's investeringstilskudd: 55 % of the approved cost (godkjent
# anleggskostnad) of a place in an institution, 45 % for an omsorgsbolig,
# within a maximum approved cost per place set each year (Husbanken's
# retningslinje, pkt. 4). Our assumption: about 1.7 mill. kr per place.
# It is paid when the places are taken into use; the sample budgets it in
# the last two building years and the loan bridges the rest.
HUSBANKEN_PER_PLACE = 1_700
HUSBANKEN_YEARS = {2022: 0.45, 2023: 0.55}
# Momskompensasjon: VAT is 25 % of a cost excl. VAT, so 20 % of a gross
# amount that carries VAT in full. Land, connection fees and own project
# management carry none, so a building gets back about 18 % of its gross
# cost, an IT system about 19 %. All compensation on investments finances
# investments (no longer moved to drift after the 2010-2013 transition).
VAT_SHARE = {"building": 0.18, "it": 0.19}
# Bruk av fond: some equity from the (invented) ubundet investeringsfond in
# the first year; the rest is borrowed (bruk av lån).
FUNDS = {"EI-07": {2020: 5_000}, "HM-07": {2020: 2_000}, "DK-02": {2018: 500}}
# Ny sak- og arkivløsning (DK-02): licences and implementation capitalised,
# 4.6 mill. kr over 2018-2019 beside its drift cost.
ARCHIVE_SYSTEM = {2018: 3_200, 2019: 1_400}
# Solceller på kommunale tak (EI-05, contract signed October 2020): about
# 650 kWp at roughly 10 kr/W installed: 6.5 mill. kr in 2021.
SOLAR = {2021: 6_500}
# How earlier rounds saw the investments (the school's estimate rose after
# the forprosjekt; the health house came in with the round of 2019).
EARLIER_INVESTMENT_FRAMES = {
    2018: {"DK": {2018: 3_200, 2019: 1_400}, "EI": {2019: 15_000, 2020: 140_000, 2021: 195_000}},
    2019: {"DK": {2019: 1_400}, "EI": {2020: 40_000, 2021: 170_000, 2022: 170_000},
           "HM": {2020: 10_000, 2021: 150_000, 2022: 260_000}},
}

# -- gains (gevinstrealisering) --------------------------------------------------------
# The old draw of a yearly gain (200-3000) is scaled by 0.6: 0.1-1.8 mill. kr
# a year for a project of 0.3-7 mill. kr pays back in two to four years,
# what a business case of this kind usually promises.
GAIN_SCALE = 0.6
# Realised share of a planned economic or staff gain in a closed year:
# partly realised, as gains usually are.
REALISED_SHARE = (0.5, 1.0)
# Some gains are not kroner: årsverk freed (divide kroner by ~700,000 kr a
# årsverk incl. social costs) or an area goal's indicator.
STAFF_GAINS = {"AI-04", "DK-01", "EI-04", "SA-01"}
QUALITY_GAINS = {"IK-00": "IK-M1", "IK-02": "IK-M1", "TI-00": "TI-M1", "TI-03": "TI-M1", "OL-00": "OL-M1",
                 "OK-00": "OK-M2"}
KR_PER_ARSVERK = 700
# Take-outs (uttak): a gain the council took out of an area's drift frame in
# the next round; that round's frame is lower by exactly this much than the
# earlier round's figure for the same year.
#   project: (kind, planned by year, realised by year, owner, description, take-out (area, year, amount, round))
SPECIAL_GAINS = {
    "DK-00": ("economic", {2019: 600, 2020: 650, 2021: 700}, {2019: 520}, "Kommunalsjef organisasjon og digitalisering",
              "Lavere porto og trykk: brev går til digital postkasse", ("DK", 2019, 600, 2019)),
    "OK-04": ("economic", {2020: 600, 2021: 1_200}, {}, "Personalsjef",
              "Lisens for gammelt lønnssystem sies opp; mindre manuelt arbeid i lønn", ("OK", 2021, 1_200, 2020)),
    "HM-01": ("staff", {2021: 3.0}, {}, "Enhetsleder hjemmetjenesten",
              "Færre timer praktisk bistand når brukerne klarer mer selv", None),
    "DK-06": ("staff", {2021: 1.0}, {}, "Økonomisjef", "Færre fakturaer behandles manuelt", None),
    # Deliberate (ASK416): the 2019 gain has no realised figure.
    "OK-01": ("economic", {2019: 800, 2020: 1_500, 2021: 1_500}, {}, "Personalsjef",
              "Lavere vikarutgifter når sykefraværet går ned", None),
}

# -- accounts ---------------------------------------------------------------------------
# Drift spend trails the calendar (invoices come late): year-to-date spend at
# a tertial is the elapsed share of the project's year times 0.85-0.97; the
# year closes at 90-100 % of the revised budget (development projects
# usually spend a little less than budgeted).
SPEND_LAG = (0.85, 0.97)
YEAR_END_SPEND = (0.90, 1.00)
OVERRUN = {"share": 0.05, "amount": 100}  # ASK411 warns past 5 % AND 100 000 kr

# Accounting codes (Visma-like): drift projects 3xxxx, investments 4xxxx;
# ansvar and KOSTRA funksjon of the area.
ANSVAR = {"DK": "1200", "OL": "2000", "HM": "3000", "TI": "2500", "AI": "4000", "SA": "5200", "EI": "5600",
          "KM": "5300", "OK": "1300", "IK": "1100"}
FUNKSJON = {"DK": "120", "OL": "202", "HM": "254", "TI": "232", "AI": "273", "SA": "301", "EI": "121",
            "KM": "120", "OK": "120", "IK": "120"}
INVESTMENT_FUNKSJON = {"EI-07": "222", "HM-07": "261", "DK-02": "120", "EI-05": "121"}

# -- deliberate deviations --------------------------------------------------------------
# The sample breaks a few rules on purpose, so the warnings can be seen on
# the sample; each is marked with a comment in its file. No errors.
DELIBERATE = {
    "ASK411": ("IK-01", "the 2. tertial 2020 forecast is 20 % over the revised budget"),
    "ASK413": ("AI-01", "2. tertial 2020 is not reported"),
    "ASK415": ("SA-03", "the status report of 30.9.2020 expects the end in September 2021, after the planned "
                        "1 April, and SA-05 depends on it (finish-to-start)"),
    "ASK416": ("OK-01", "the gain planned for 2019 has no realised figure"),
}


def ceil_to(x: float, step: int) -> int:
    return int(math.ceil(x / step - 1e-9) * step)


def round_to(x: float, step: int) -> int:
    return int(round(x / step) * step)


def size_range(project_id: str) -> tuple[int, int]:
    for size, ids in SIZE_OF.items():
        if project_id in ids:
            return SIZE_RANGES[size]
    return SIZE_RANGES["medium"]


def total_cost(project_id: str, old_draw: int) -> float:
    """The project's drift cost over its life from the old draw (600–9000)."""
    lo, hi = size_range(project_id)
    return lo + (old_draw - 600) / 8400 * (hi - lo)


# -- building projects ------------------------------------------------------------------

def building_projects(manager: dict[str, str]) -> list[dict]:
    """The two building phases that follow the forprosjekter EI-01 and HM-02."""
    school = {
        "id": "EI-07", "name": "Ny ungdomsskole sør – bygging", "area": "EI", "manager": manager["EI"],
        "description": "Ny ungdomsskole for om lag 600 elever, klar til skoleåret 2022/23. Investering.",
        "status": "active", "planned": {"start": date(2020, 1, 6), "end": date(2022, 7, 31)},
        "actual": {"start": date(2020, 1, 6)}, "investment": dict(SCHOOL), "staff": {2020: 1.0, 2021: 1.0, 2022: 0.6},
        "scores": {"strategic_fit": 5, "user_value": 5, "economic_gain": 2, "risk_reduction": 3},
        "depends_on": [{"project": "EI-01", "type": "finish-to-start", "lag_days": 0, "strength": "hard"}],
        "milestones": [{"name": "Kontrakt med totalentreprenør", "date": date(2020, 5, 15), "done": True},
                       {"name": "Tett bygg", "date": date(2021, 10, 1), "done": False},
                       {"name": "Skolen tatt i bruk", "date": date(2022, 8, 15), "done": False}],
        "status_reports": [
            {"date": date(2020, 3, 31), "rag": "green", "comment": "Detaljprosjektering etter plan"},
            {"date": date(2020, 6, 30), "rag": "amber", "comment": "Byggestart forskjøvet om lag to måneder "
             "(covid-19); ferdigstillelse holdes"},
            {"date": date(2020, 9, 30), "rag": "amber", "comment": "Grunnarbeid i gang; om lag 5 mill. kr "
             "forskyves fra 2020 til 2021"},
        ],
        "goals": ["EI-M1"],
    }
    health = {
        "id": "HM-07", "name": "Helsehus Kleppestø – bygging", "area": "HM", "manager": manager["HM"],
        "description": f"{HEALTH_HOUSE_PLACES} plasser (korttid, rehabilitering, langtid), legevakt og dagsenter. "
                       "Investering med tilskudd fra Husbanken.",
        "status": "active", "planned": {"start": date(2020, 6, 15), "end": date(2023, 6, 30)},
        "actual": {"start": date(2020, 6, 15)}, "investment": dict(HEALTH_HOUSE),
        "staff": {2020: 0.5, 2021: 1.0, 2022: 1.0, 2023: 0.5},
        "scores": {"strategic_fit": 5, "user_value": 5, "economic_gain": 3, "risk_reduction": 4},
        "depends_on": [{"project": "HM-02", "type": "finish-to-start", "lag_days": 0, "strength": "hard"}],
        "milestones": [{"name": "Tilsagn om investeringstilskudd fra Husbanken", "date": date(2020, 11, 30),
                        "done": False},
                       {"name": "Byggestart", "date": date(2021, 3, 1), "done": False},
                       {"name": "Plassene tatt i bruk", "date": date(2023, 6, 1), "done": False}],
        "status_reports": [
            {"date": date(2020, 6, 30), "rag": "green", "comment": "Prosjektering startet etter vedtak om forprosjekt"},
            {"date": date(2020, 9, 30), "rag": "green", "comment": "Søknad om investeringstilskudd sendt Husbanken"},
        ],
        "goals": ["HM-M1"],
    }
    return [school, health]


def financing(project_id: str, investment: dict[int, int], kind: str) -> dict[int, dict[str, int]]:
    """Loan, grants, momskompensasjon and funds that add up exactly to each year's investment."""
    grants: dict[int, int] = {}
    if project_id == "HM-07":
        total = HEALTH_HOUSE_PLACES * HUSBANKEN_PER_PLACE
        first = round_to(total * HUSBANKEN_YEARS[2022], 100)
        grants = {2022: first, 2023: total - first}
    out = {}
    for year, amount in investment.items():
        vat = round_to(amount * VAT_SHARE[kind], 10)
        grant = grants.get(year, 0)
        funds = FUNDS.get(project_id, {}).get(year, 0)
        loan = amount - vat - grant - funds
        assert loan >= 0, (project_id, year)
        out[year] = {k: v for k, v in (("loan", loan), ("grants", grant), ("vat_compensation", vat),
                                        ("funds", funds)) if v}
    return out


# -- accounts ------------------------------------------------------------------------------

PERIODS = (("T1", (4, 30)), ("T2", (8, 31)), ("T3", (12, 31)))


def _revised(project: dict, key: str, year: int) -> float:
    value = project.get(key, {}).get(year, 0)
    for revision in project.get("revisions", []):
        if revision["date"] <= SNAPSHOT and year in revision.get(key, {}):
            value = revision[key][year]
    return value


def _segment(project: dict, year: int) -> tuple[date, date] | None:
    start = project["planned"]["start"]
    end = project["planned"]["end"]
    first, last = max(start, date(year, 1, 1)), min(end, date(year, 12, 31))
    return (first, last) if first <= last else None


def accounts(project: dict, rng: random.Random) -> dict[int, dict]:
    """Year-to-date actuals and the year's forecast for every tertial that
    had closed on the snapshot day in each year the project has a budget:
    a tertial report lists every budget line, so a project that starts
    later in the year shows 0 spent and its forecast."""
    out: dict[int, dict] = {}
    cancelled_on = date(2019, 3, 15) if project["status"] == "cancelled" else None
    paused_on = date(2020, 3, 1) if project["status"] == "paused" else None
    for year in (2018, 2019, 2020):
        segment = _segment(project, year)
        if segment is None:
            continue
        first, last = segment
        stops = [d for d in (cancelled_on, paused_on) if d is not None and first <= d <= last]
        stop = min(stops) if stops else last
        budgets = {k: _revised(project, src, year) for k, src in (("drift", "cost"), ("investment", "investment"))}
        budgets = {k: v for k, v in budgets.items() if v}
        if not budgets:
            continue
        share_spent = (stop - first).days + 1
        whole = (last - first).days + 1
        final = {k: b * rng.uniform(*YEAR_END_SPEND) * share_spent / whole for k, b in budgets.items()}
        lag = rng.uniform(*SPEND_LAG)
        year_out: dict[str, dict] = {}
        previous = {k: 0 for k in budgets}
        for period, (month, day) in PERIODS:
            end = date(year, month, day)
            if end > SNAPSHOT:
                continue
            elapsed = max(0.0, min(1.0, ((min(end, stop) - first).days + 1) / max(1, share_spent)))
            factor = 1.0 if end >= stop else lag
            actual = {k: max(previous[k], round(final[k] * elapsed * factor)) for k in budgets}
            previous = actual
            figures: dict = {"actual": actual}
            if period != "T3":
                figures["forecast"], comment = _forecast(project, year, period, budgets, final, cancelled_on,
                                                         paused_on, rng)
                if first > end:
                    comment = f"Ikke startet; oppstart {first.day}.{first.month}.{first.year}"
                if comment:
                    figures["comment"] = comment
            year_out[period] = figures
        if year_out:
            out[year] = year_out
    return out


UNDERSPEND_REASONS = [
    "Mindreforbruk ventet: mer av arbeidet gjøres med egne ansatte enn budsjettert",
    "Mindreforbruk ventet: lavere pris enn budsjettert i anskaffelsen",
    "Mindreforbruk ventet: opplæring flyttes til neste år",
    "Mindreforbruk ventet: lisenskostnaden starter senere enn antatt",
]


def _forecast(project: dict, year: int, period: str, budgets: dict[str, float], final: dict[str, float],
              cancelled_on: date | None, paused_on: date | None, rng: random.Random
              ) -> tuple[dict[str, int], str | None]:
    """The year's forecast as the tertial report gives it: the budget, until
    the deviation is known well enough to say so (in T2, or when the
    project is stopped), with the reason."""
    forecast = {k: round(v) for k, v in budgets.items()}
    comment = None
    if cancelled_on is not None and year == cancelled_on.year:
        return {k: round(v) for k, v in final.items()}, \
            "Prosjektet er avsluttet; resten av budsjettet brukes ikke"
    if paused_on is not None and year == paused_on.year:
        return {k: round(v) for k, v in final.items()}, \
            "Prosjektet er satt på vent; resten av budsjettet brukes ikke i år"
    if project["id"] in REVISED_PROJECTS and year == REVISION[1].year and period == "T1":
        return forecast, REVISED_PROJECTS[project["id"]][1] + "; foreslått redusert i budsjettjusteringen i juni"
    if period == "T2":
        deviating = {k: round(final[k]) for k in budgets
                     if abs(final[k] - budgets[k]) > max(50, 0.05 * budgets[k])}
        if deviating:
            forecast.update(deviating)
            comment = rng.choice(UNDERSPEND_REASONS)
    return forecast, comment


def special_accounts(project_id: str) -> dict[int, dict] | None:
    """The building phases' figures, written out (investment, 1000 kr)."""
    if project_id == "EI-07":
        return {2020: {
            "T1": {"actual": {"investment": 3_900}, "forecast": {"investment": 35_000}},
            "T2": {"actual": {"investment": 14_600}, "forecast": {"investment": 30_000},
                   "comment": "Byggestart forskjøvet om lag to måneder (covid-19); om lag 5 mill. kr forskyves "
                              "til 2021. Sluttkostnaden holdes"},
        }}
    if project_id == "HM-07":
        return {2020: {
            "T1": {"actual": {"investment": 0}, "forecast": {"investment": 12_000},
                   "comment": "Ikke startet; oppstart etter vedtak om forprosjektet i juni"},
            "T2": {"actual": {"investment": 1_150}, "forecast": {"investment": 12_000}},
        }}
    return None


# -- frames ----------------------------------------------------------------------------------

def _live_in_round(project: dict, round_year: int) -> bool:
    # A cancelled project was in the plans adopted before it was stopped (spring 2019).
    return project["status"] != "cancelled" or round_year < 2020


def _need(projects: list[dict], key: str, year: int, round_year: int) -> float:
    return sum(p.get(key, {}).get(year, 0) for p in projects
               if _live_in_round(p, round_year) and not p.get("_proposal"))


def _must_need(projects: list[dict], key: str, year: int) -> float:
    """What the projects that must be in any plan (active, completed, locked,
    mandatory) ask for: the frame rules (ASK404/405) hold frames to this."""
    return sum(p.get(key, {}).get(year, 0) for p in projects
               if p["status"] in ("active", "completed") or p.get("locked") or p.get("mandatory"))


def frames(projects: dict[str, list[dict]], legacy_margins: dict[str, list[float]],
           proposal_shares: dict[str, float], rng: random.Random) -> tuple[list[dict], dict[str, list[dict]]]:
    """The programme's rounds and each area's part of them."""
    areas = list(projects)
    cut = {a: 0 for a in areas}
    for pid, (share, _why) in REVISED_PROJECTS.items():
        project = next(p for p in projects[pid[:2]] if p["id"] == pid)
        cut[pid[:2]] += project["cost"][2020] - round_to(project["cost"][2020] * share, 50)
    drift: dict[tuple[int, str], dict[int, int]] = {}
    staff: dict[tuple[int, str], dict[int, float]] = {}
    for round_year, *_ in ROUNDS:
        years = range(round_year, round_year + 4)
        for area in areas:
            mean = sum(_need(projects[area], "cost", y, 2020) for y in (2018, 2019, 2020)) / 3
            d: dict[int, int] = {}
            s: dict[int, float] = {}
            for offset, year in enumerate(years):
                need = _need(projects[area], "cost", year, round_year)
                staff_need = _need(projects[area], "staff", year, round_year)
                if round_year == 2018:  # the first round: the old generator's draws (1.05-1.2), as 3-10 %
                    margin = 1.03 + (legacy_margins[area][offset] - 1.05) / 0.15 * 0.07
                elif offset == 0:
                    margin = rng.uniform(*BUDGET_YEAR_MARGIN)
                else:
                    margin = rng.uniform(*PLAN_YEAR_MARGIN)
                # The round of 2020 set room aside in 2021 for new projects: the
                # proposals for budget 2021 compete for it (prioritise chooses).
                if round_year == 2020 and year == 2021:
                    must = [p for p in projects[area] if p.get("_proposal") and (p.get("mandatory") or p.get("locked"))]
                    optional = [p for p in projects[area] if p.get("_proposal") and p not in must]
                    need += sum(p["cost"][2021] for p in must) + proposal_shares[area] * sum(
                        p["cost"][2021] for p in optional)
                    staff_need += sum(p["staff"][2021] for p in must) + 0.8 * sum(p["staff"][2021] for p in optional)
                reserve = RESERVE_SHARE.get(offset, 0) * mean
                floor = _must_need(projects[area], "cost", year) if round_year == 2020 else 0
                d[year] = max(ceil_to(need * margin + reserve, 100), ceil_to(floor, 100))
                if round_year == 2020 and year == 2020:
                    d[year] = ceil_to(need * margin, 100) + cut[area]  # room for the June cut
                s_floor = _must_need(projects[area], "staff", year) if round_year == 2020 else 0
                s[year] = round(max(staff_need * rng.uniform(*STAFF_MARGIN) + STAFF_RESERVE[offset], s_floor), 1)
            drift[round_year, area] = d
            staff[round_year, area] = s
    # Take-outs: the earlier round's figure is the later one's plus the gain taken out.
    for _pid, (*_, take_out) in SPECIAL_GAINS.items():
        if take_out is not None:
            area, year, amount, round_year = take_out
            drift[round_year - 1, area][year] = drift[round_year, area][year] + amount
    investment = _investment_frames(projects)
    area_rounds: dict[str, list[dict]] = {a: [] for a in areas}
    programme_rounds = []
    for round_year, decision, adopted, _title in ROUNDS:
        for area in areas:
            part: dict = {"year": round_year, "frames": {"drift": drift[round_year, area]}}
            if investment[round_year].get(area):
                part["frames"]["investment"] = investment[round_year][area]
            part["frames"]["staff"] = staff[round_year, area]
            if round_year == 2020 and cut[area]:
                part["revisions"] = [{"decision": REVISION[0], "date": REVISION[1],
                                      "frames": {"drift": {2020: drift[2020, area][2020] - cut[area]}}}]
            area_rounds[area].append(part)
        years = range(round_year, round_year + 4)
        total = {y: ceil_to(sum(drift[round_year, a][y] for a in areas) + PROGRAMME_OFFICE_DRIFT, 500) for y in years}
        programme: dict = {"year": round_year, "decision": decision, "adopted": adopted, "frames": {"drift": total}}
        invest = {y: sum(investment[round_year].get(a, {}).get(y, 0) for a in areas) for y in years}
        if any(invest.values()):
            programme["frames"]["investment"] = {y: v for y, v in invest.items() if v}
        programme["frames"]["staff"] = {
            y: round(sum(staff[round_year, a][y] for a in areas) + PROGRAMME_OFFICE_STAFF, 1) for y in years}
        if round_year == 2020:
            programme["revisions"] = [{"decision": REVISION[0], "date": REVISION[1],
                                       "frames": {"drift": {2020: total[2020] - sum(cut.values())}}}]
        programme_rounds.append(programme)
    return programme_rounds, area_rounds


def _investment_frames(projects: dict[str, list[dict]]) -> dict[int, dict[str, dict[int, int]]]:
    """The rounds of 2018 and 2019 as those rounds saw the investments; the
    round of 2020 holds exactly what the projects now have."""
    out = {2018: EARLIER_INVESTMENT_FRAMES[2018], 2019: EARLIER_INVESTMENT_FRAMES[2019], 2020: {}}
    for area, items in projects.items():
        total: dict[int, int] = {}
        for p in items:
            for year, amount in p.get("investment", {}).items():
                if year >= 2020:
                    total[year] = total.get(year, 0) + amount
        if total:
            out[2020][area] = dict(sorted(total.items()))
    return out


# -- gains ---------------------------------------------------------------------------------------

def benefits(project: dict, legacy: dict[int, int], owner: str, goals: dict[str, dict],
             rng: random.Random) -> list[dict]:
    """A project's gains: the special ones written out, the others from the
    old draw (sorted, so a gain builds up and stays), realised in part for
    the years closed on the snapshot day."""
    pid = project["id"]
    if pid in SPECIAL_GAINS:
        kind, planned, realised, who, text, take_out = SPECIAL_GAINS[pid]
        benefit: dict = {"kind": kind, "description": text, "owner": who, "planned": planned}
        if realised:
            benefit["realised"] = realised
        if take_out is not None:
            area, year, amount, round_year = take_out
            decision = next(d for y, d, *_ in ROUNDS if y == round_year)
            benefit["take_outs"] = [{"area": area, "year": year, "amount": amount, "decision": decision}]
        return [benefit]
    if not legacy or project["status"] == "cancelled":  # a stopped project promises nothing more
        return []
    legacy = dict(zip(sorted(legacy), sorted(legacy.values())))
    closed = [y for y in legacy if date(y, 12, 31) < SNAPSHOT]
    if pid in QUALITY_GAINS:
        return [_quality_gain(goals[QUALITY_GAINS[pid]], legacy, owner)]
    if pid in STAFF_GAINS:
        planned = {y: round(v * GAIN_SCALE / KR_PER_ARSVERK, 1) or 0.1 for y, v in legacy.items()}
        benefit = {"kind": "staff", "description": "Årsverk frigjort i enhetene", "owner": owner, "planned": planned}
        step = 0.1
    else:
        planned = {y: max(50, round_to(v * GAIN_SCALE, 50)) for y, v in legacy.items()}
        benefit = {"kind": "economic", "description": "Lavere driftsutgifter i enhetene (1000 kr per år)",
                   "owner": owner, "planned": planned}
        step = 50
    realised = {}
    for year in closed:
        value = planned[year] * rng.uniform(*REALISED_SHARE)
        realised[year] = round(value, 1) if step == 0.1 else round_to(value, 50)
    if realised:
        benefit["realised"] = realised
    return [benefit]


def _quality_gain(goal: dict, legacy: dict[int, int], owner: str) -> dict:
    """A quality gain: the area goal's indicator, planned on the line from
    its baseline to the 2020 target, realised as measured."""
    base, target = goal["baseline"]["value"], goal["targets"][2020]
    first = goal["baseline"]["year"]
    planned = {y: round(base + (target - base) * min(1.0, (y - first) / (2020 - first)), 1) for y in legacy}
    measured = {m["date"].year: m["value"] for m in goal["measurements"]}
    realised = {y: measured[y] for y in planned if y in measured and date(y, 12, 31) < SNAPSHOT}
    benefit = {"kind": "quality", "description": goal["indicator"], "owner": owner, "goal": goal["id"],
               "planned": planned}
    if realised:
        benefit["realised"] = realised
    return benefit


def account_codes(project: dict, k: int, n: int) -> list[dict]:
    """Where the accounts find the project: a drift project number, and an
    investment project number when it invests."""
    area = project["area"]
    codes = []
    if project.get("cost"):
        codes.append({"project": f"3{k}{n:03d}", "ansvar": ANSVAR[area], "funksjon": FUNKSJON[area], "kind": "drift"})
    if project.get("investment"):
        codes.append({"project": f"4{k}{n:03d}", "ansvar": ANSVAR[area],
                      "funksjon": INVESTMENT_FUNKSJON.get(project["id"], FUNKSJON[area]), "kind": "investment"})
    return codes


def apply_deliberate(by_id: dict[str, dict]) -> None:
    """The deviations the sample keeps on purpose (DELIBERATE); the gain of
    OK-01 (ASK416) is written in SPECIAL_GAINS."""
    ik = by_id["IK-01"]
    t2 = ik["accounts"][2020]["T2"]
    t2["forecast"] = {"drift": round(_revised(ik, "cost", 2020) * 1.2)}
    t2["comment"] = ("Integrasjon mot sak/arkiv og innbyggerchat ble dyrere enn antatt; merforbruket foreslås "
                     "dekket i budsjettjusteringen etter 2. tertial")
    del by_id["AI-01"]["accounts"][2020]["T2"]
    sa = by_id["SA-03"]
    report = sa["status_reports"][-1]
    assert report["date"] == date(2020, 9, 30)
    report.update(rag="amber", forecast_end=date(2021, 9, 30),
                  comment="Ny matrikkelklient fra leverandør er forsinket; ferdig september 2021")
