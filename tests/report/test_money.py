"""The report's money section: rounds, frames adopted and revised, budget
against actual and forecast per area, gains planned against realised."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import askoy2020
from askoy2020.report.build import build_report
from askoy2020.report.render import render
from money_fixture import money_portfolio


def _money(tmp_path: Path, as_of: dt.date):  # type: ignore[no-untyped-def]
    report = build_report(askoy2020.load(money_portfolio(tmp_path / "data")), 2020, as_of)
    assert report.money is not None
    return report, report.money


def test_rounds_and_frames_adopted_and_revised(tmp_path: Path) -> None:
    _, money = _money(tmp_path, dt.date(2020, 10, 31))
    assert [(r.year, r.first, r.last, r.decision, r.current) for r in money.rounds] == [
        (2018, 2018, 2021, "KST 123/17", False), (2019, 2019, 2022, "KST 130/18", False),
        (2020, 2020, 2023, "KST 140/19", True)]
    drift = next(f for f in money.frames if f.kind == "drift")
    assert (drift.adopted, drift.revised, drift.revisions) == (6000, 6500, ["KST 40/20 (18.06.2020)"])


def test_budget_actual_and_forecast_per_area(tmp_path: Path) -> None:
    _, money = _money(tmp_path, dt.date(2020, 10, 31))
    assert money.period == "T2"
    rows = {(r.area, r.kind): r for r in money.rows}
    # DK-02 has 1 000 in 2020 and no figures (counted at its budget); DK-03 1 500 revised, forecast 1 650.
    dk = rows[("DK", "drift")]
    assert (dk.frame, dk.revised_budget, dk.actual, dk.forecast, dk.deviation, dk.missing_forecasts) == (
        3500, 2500, 900, 2650, 150, 1)
    assert (rows[("DK", "investment")].forecast, rows[("DK", "investment")].deviation) == (19000, -1000)


def test_before_the_first_tertial_there_are_no_actuals(tmp_path: Path) -> None:
    _, money = _money(tmp_path, dt.date(2020, 3, 31))
    assert money.period is None
    dk = next(r for r in money.rows if (r.area, r.kind) == ("DK", "drift"))
    assert (dk.frame, dk.revised_budget, dk.actual, dk.forecast) == (3000, 2200, None, None)


def test_gains_are_summed_over_ended_years_only(tmp_path: Path) -> None:
    # On 31 October 2020 only 2019 has ended: planned 100, realised 80.
    _, money = _money(tmp_path, dt.date(2020, 10, 31))
    assert money.benefits_to == 2019
    economic = next(b for b in money.benefits if (b.area, b.kind) == ("DK", "economic"))
    assert (economic.planned, economic.realised, economic.taken_out) == (100, 80, 0)
    # After New Year 2021, 2020 counts too, with its realised figure written then.
    dk03 = tmp_path / "data" / "programmes" / "dk" / "projects" / "DK-03.yaml"
    dk03.write_text(dk03.read_text(encoding="utf-8").replace("realised: {2019: 80}", "realised: {2019: 80, 2020: 350}"),
                    encoding="utf-8")
    report = build_report(askoy2020.load(tmp_path / "data"), 2020, dt.date(2021, 1, 15))
    assert report.money is not None and report.money.benefits_to == 2020
    economic = next(b for b in report.money.benefits if (b.area, b.kind) == ("DK", "economic"))
    assert (economic.planned, economic.realised) == (500, 430)


def test_a_project_behind_with_its_report_is_not_mixed_in(tmp_path: Path) -> None:
    # DK-02 reported the 1. tertial but not the 2.: its old figures are not added to the 2. tertial's.
    root = money_portfolio(tmp_path / "data")
    dk02 = root / "programmes" / "dk" / "projects" / "DK-02.yaml"
    dk02.write_text(dk02.read_text(encoding="utf-8") + "accounts:\n  2020:\n    T1:\n"
                    "      actual: {drift: 200}\n      forecast: {drift: 900}\n", encoding="utf-8")
    report = build_report(askoy2020.load(root), 2020, dt.date(2020, 10, 31))
    assert report.money is not None
    dk = next(r for r in report.money.rows if (r.area, r.kind) == ("DK", "drift"))
    assert (dk.actual, dk.forecast, dk.missing_forecasts) == (900, 1650 + 1000, 1)


def test_the_section_renders_in_norwegian(tmp_path: Path) -> None:
    report, _ = _money(tmp_path, dt.date(2020, 10, 31))
    text = render(report, "md")
    assert "## 2. Økonomi 2020" in text
    assert "Budsjett 2020 og økonomiplan 2020–2023: KST 140/19, vedtatt 12.12.2019 (gjelder for 2020)" in text
    assert "| Drift (1000 kr) | 6\u202f000 | 6\u202f500 | KST 40/20 (18.06.2020) |" in text
    assert "Regnskap til og med 2. tertial (31. august)." in text


def test_summary_and_areas_use_the_budget_as_revised_like_the_money_section(tmp_path: Path) -> None:
    report, money = _money(tmp_path, dt.date(2020, 10, 31))
    whole = next(r for r in money.rows if (r.area, r.kind) == ("", "drift"))
    dk = next(r for r in money.rows if (r.area, r.kind) == ("DK", "drift"))
    assert report.summary.budget_used == whole.revised_budget
    assert next(a for a in report.areas if a.id == "DK").budget_used == dk.revised_budget == 2500


def test_before_its_adoption_a_round_s_frames_are_called_proposals(tmp_path: Path) -> None:
    # On 1 June 2017 no round is adopted yet: the round of 2018 (adopted 14 December 2017) is being prepared.
    report = build_report(askoy2020.load(money_portfolio(tmp_path / "data")), 2018, dt.date(2017, 6, 1))
    assert report.money is not None and report.money.proposed and report.money.rounds == []
    text = render(report, "md")
    assert "| Art | Forslag | Revidert |" in text and "Runden er ikke vedtatt ennå" in text
    # Once adopted, and for a coming year of an adopted økonomiplan, they are adopted frames.
    for year, day in ((2018, dt.date(2017, 12, 14)), (2020, dt.date(2019, 12, 1))):
        adopted = build_report(askoy2020.load(tmp_path / "data"), year, day)
        assert adopted.money is not None and not adopted.money.proposed, (year, day)
