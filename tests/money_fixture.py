"""A small portfolio with the whole budget cycle, figures chosen so every
sum can be checked by hand: two rounds (2019 and 2020) over the base's
2018 round, a June 2020 revision, a project with drift and investment,
financing, a budget revision, two tertials of 2020 and gains.

Round 2020 (adopted 2019-12-12) speaks for 2020–2023 from that day; its
drift frame for 2020 is 6 000, revised to 6 500 by KST 40/20 on 2020-06-18.
DK-03 in 2020: drift adopted 1 200, revised to 1 500 (KST 40/20);
T1 actual 300 (forecast 1 400), T2 actual 900 (forecast 1 650, comment);
investment 20 000 financed 12 000 loan + 4 000 momskompensasjon + 4 000 grants,
T2 actual 8 000, forecast 19 000.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from helpers import BASE

ROUNDS = """\
  - year: 2019
    decision: KST 130/18
    adopted: 2018-12-13
    frames:
      drift: {2019: 5000, 2020: 5500, 2021: 5000, 2022: 5000}
      staff: {2019: 5, 2020: 5, 2021: 5, 2022: 5}
  - year: 2020
    decision: KST 140/19
    adopted: 2019-12-12
    frames:
      drift: {2020: 6000, 2021: 5000, 2022: 5000, 2023: 5000}
      investment: {2020: 25000}
      staff: {2020: 5, 2021: 5, 2022: 5, 2023: 5}
    revisions:
      - decision: KST 40/20
        date: 2020-06-18
        frames:
          drift: {2020: 6500}
"""

AREA_ROUNDS = """\
  - year: 2019
    frames:
      drift: {2019: 2000, 2020: 2500, 2021: 2000, 2022: 2000}
      staff: {2019: 2, 2020: 2, 2021: 2, 2022: 2}
  - year: 2020
    frames:
      drift: {2020: 3000, 2021: 2000, 2022: 2000, 2023: 2000}
      investment: {2020: 25000}
      staff: {2020: 3, 2021: 2, 2022: 2, 2023: 2}
    revisions:
      - decision: KST 40/20
        date: 2020-06-18
        frames:
          drift: {2020: 3500}
"""

PROJECT = """\
# A project with the whole money cycle (see tests/money_fixture.py).
id: DK-03
name: Ny skolebygning
area: DK
manager: Prosjektleder bygg
status: active
planned: {start: 2020-01-01, end: 2021-06-30}
actual: {start: 2020-01-01}
cost: {2020: 1200, 2021: 300}
investment: {2020: 20000}
financing:
  2020: {loan: 12000, grants: 4000, vat_compensation: 4000}
staff: {2020: 1, 2021: 0.5}
revisions:
  - decision: KST 40/20
    date: 2020-06-18
    cost: {2020: 1500}
accounts:
  2020:
    T1:
      actual: {drift: 300, investment: 2500}
      forecast: {drift: 1400, investment: 20000}
    T2:
      actual: {drift: 900, investment: 8000}
      forecast: {drift: 1650, investment: 19000}
      comment: Prisstigning på materialer
accounting:
  - {project: "31045", kind: drift}
  - {project: "41045", kind: investment}
benefits:
  - kind: economic
    owner: Rektor
    planned: {2019: 100, 2020: 400, 2021: 400}
    realised: {2019: 80}
    take_outs:
      - {area: DK, year: 2021, amount: 300, decision: KST 140/19}
  - kind: staff
    owner: Rektor
    planned: {2021: 0.5}
scores: {strategic_fit: 4, user_value: 4}
goals: [DK-M1]
"""


def money_portfolio(target: Path) -> Path:
    """The base portfolio with the budget cycle laid over it, in ``target``."""
    shutil.copytree(BASE, target)
    programme = target / "programme.yaml"
    text = programme.read_text(encoding="utf-8")
    programme.write_text(text.replace("measuring_year:", ROUNDS + "measuring_year:", 1), encoding="utf-8")
    area = target / "programmes" / "dk" / "area.yaml"
    area.write_text(area.read_text(encoding="utf-8") + AREA_ROUNDS, encoding="utf-8")
    (target / "programmes" / "dk" / "projects" / "DK-03.yaml").write_text(PROJECT, encoding="utf-8")
    return target
