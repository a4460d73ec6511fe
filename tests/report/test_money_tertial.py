"""The tertial report in the money section: deviations over and under the
programme's threshold with their explanations, frames the forecast passes
(as ASK421 says), budget changes in the period, investments with their
financing, gains, and the small summary page 1 reads."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import askoy2020
from askoy2020.report.build import build_report
from askoy2020.report.money_model import MoneySection
from askoy2020.report.render import render

from .test_money_years import AS_OF, _portfolio


def _money(root: Path, as_of: dt.date = AS_OF) -> MoneySection:
    money = build_report(askoy2020.load(root), 2020, as_of).money
    assert money is not None
    return money


def _set_threshold(root: Path, text: str) -> None:
    programme = root / "programme.yaml"
    programme.write_text(programme.read_text(encoding="utf-8").replace("measuring_year:", text + "\nmeasuring_year:", 1),
                         encoding="utf-8")


def test_deviations_over_the_threshold_both_ways_with_their_comments(tmp_path: Path) -> None:
    money = _money(_portfolio(tmp_path))
    assert (money.threshold.share, money.threshold.amount) == (0.05, 100)  # the model's default
    found = {(d.project, d.kind): d for d in money.deviations}
    # DK-03 drift: 1 650 against 1 500 is +150 (10 %): over both. Its investment, 19 000 against 20 000, is
    # -1 000: exactly 5 %, not over it. The cancelled DK-04 spent 300 of 800: -500.
    assert sorted(found) == [("DK-03", "drift"), ("DK-04", "drift")]
    assert (found["DK-03", "drift"].amount, found["DK-03", "drift"].comment) == (150, "Prisstigning på materialer")
    assert found["DK-04", "drift"].amount == -500
    assert found["DK-04", "drift"].comment == "Avlyst i mars; resten av budsjettet brukes ikke"
    # Page 1 reads the overruns only: over budget, not under.
    assert [(d.project, d.area, d.amount) for d in money.overruns] == [("DK-03", "DK", 150)]


def test_a_higher_threshold_leaves_the_smaller_deviations_out(tmp_path: Path) -> None:
    share = _portfolio(tmp_path / "share")
    _set_threshold(share, "overrun: {share: 0.15, amount: 100}")
    assert [d.project for d in _money(share).deviations] == ["DK-04"]  # 150 is under 15 % of 1 500
    amount = _portfolio(tmp_path / "amount")
    _set_threshold(amount, "overrun: {share: 0.05, amount: 600}")
    assert _money(amount).deviations == []  # neither 150 nor 500 is over 600
    text = render(build_report(askoy2020.load(amount), 2020, AS_OF), "md")
    assert "mer enn 5 % og med mer enn 600\u202f000 kr" in text and "Ingen prosjekter avviker" in text


def test_an_area_forecast_over_its_frame_is_shown_as_ask421_warns(tmp_path: Path) -> None:
    root = _portfolio(tmp_path)
    area = root / "programmes" / "dk" / "area.yaml"
    area.write_text(area.read_text(encoding="utf-8").replace("drift: {2020: 3500}", "drift: {2020: 2500}"),
                    encoding="utf-8")
    money = _money(root)
    # DK's forecast: DK-02 at its budget 1 000 (no figures), DK-03 1 650, DK-04 300 = 2 950 against 2 500.
    assert [(o.area, o.kind, o.frame, o.forecast, o.amount) for o in money.frame_overruns] == [
        ("DK", "drift", 2500, 2950, 450)]
    warned = [d for d in askoy2020.check(askoy2020.load(root), as_of=AS_OF) if d.rule == "ASK421"]
    assert len(warned) == 1 and "area DK" in warned[0].message and "over by 450" in warned[0].message


def test_budget_changes_decided_in_the_period(tmp_path: Path) -> None:
    root = _portfolio(tmp_path)
    money = _money(root)
    assert money.changes_from == dt.date(2020, 5, 1)
    assert [(c.date, c.decision, c.scope, c.what, c.kind, c.year, c.before, c.after, c.change) for c in money.changes] == [
        (dt.date(2020, 6, 18), "KST 40/20", "", "frame", "drift", 2020, 6000, 6500, 500),
        (dt.date(2020, 6, 18), "KST 40/20", "DK", "frame", "drift", 2020, 3000, 3500, 500),
        (dt.date(2020, 6, 18), "KST 40/20", "DK-03", "budget", "drift", 2020, 1200, 1500, 300)]
    # After the 1. tertial (to 30 April) nothing had been decided yet in 2020.
    early = _money(root, dt.date(2020, 4, 30))
    assert (early.changes_from, early.changes) == (dt.date(2020, 1, 1), [])
    assert "Ingen budsjettendringer er vedtatt fra 01.01.2020 til 30.04.2020." in render(
        build_report(askoy2020.load(root), 2020, dt.date(2020, 4, 30)), "md")


def test_investments_with_their_financing_and_the_year_s_sum(tmp_path: Path) -> None:
    money = _money(_portfolio(tmp_path))
    assert [(i.project, i.year, i.budget, i.loan, i.grants, i.vat_compensation, i.funds, i.unfinanced)
            for i in money.investments] == [("DK-03", 2020, 20000, 12000, 4000, 4000, 0, 0),
                                            ("", 2020, 20000, 12000, 4000, 4000, 0, 0)]


def test_gains_planned_realised_and_taken_out(tmp_path: Path) -> None:
    money = _money(_portfolio(tmp_path))
    rows = {(b.area, b.kind): b for b in money.benefits}
    economic = rows["DK", "economic"]
    # Ended years (to 2019): 100 planned, 80 realised. Ahead (2020-2023): 400 + 400, of which 300 taken out of
    # DK's 2021 frame by KST 140/19.
    assert (economic.planned, economic.realised, economic.realised_share) == (100, 80, 0.8)
    assert (economic.planned_ahead, economic.taken_out_ahead, economic.not_taken_out_ahead) == (800, 300, 500)
    assert (rows["DK", "staff"].planned_ahead, rows["DK", "staff"].taken_out_ahead) == (0.5, 0)


def test_the_headline_for_page_one(tmp_path: Path) -> None:
    money = _money(_portfolio(tmp_path))
    drift, investment = money.headline
    assert (drift.kind, drift.frame, drift.revised_budget, drift.actual, drift.forecast, drift.deviation) == (
        "drift", 6500, 3300, 1200, 2950, -350)
    assert (investment.kind, investment.frame, investment.revised_budget, investment.forecast) == (
        "investment", 25000, 20000, 19000)


def test_a_closed_year_s_deviations_ask_for_no_budget_decision() -> None:
    """After the accounts (T3) the year's budget can no longer change: the
    sample's 2019 deviations are listed, explained, and proposed for nothing."""
    data = Path(__file__).parents[2] / "data"
    report = build_report(askoy2020.load(data), 2019, AS_OF)
    assert report.money is not None and report.money.period == "T3"
    assert ("IK-04", -135) in [(d.project, d.amount) for d in report.money.deviations]  # cancelled: 115 of 250
    text = render(report, "md")
    assert "Året er avsluttet, så prognosen er regnskapet." in text
    assert "Året er avsluttet: avvikene forklares i årsmeldingen" in text and "budsjettet fra" not in text
    assert "| Regnskap | Prognose |" in text and "Regnskap hittil | Prognose | Avvik" not in text
