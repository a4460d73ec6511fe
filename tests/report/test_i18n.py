"""Every word the templates ask for exists in both languages, and numbers
and dates are written the Norwegian or the English way."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from askoy2020.model import ProjectStatus
from askoy2020.model.budget import BenefitKind, MoneyKind, Period, StaffFunding
from askoy2020.model.leader import Instrument
from askoy2020.model.privacy import NotInformedGround
from askoy2020.model.quality import CaseKind, CaseStatus, Notice
from askoy2020.model.risk import Zone
from askoy2020.report.i18n import WORDS, Lang
from askoy2020.report.verdict import Light

TEMPLATES = Path(__file__).parent.parent.parent / "templates"


def test_every_key_used_by_a_template_is_translated() -> None:
    used = set()
    for template in TEMPLATES.glob("*.j2"):
        used |= set(re.findall(r"""\bt\(["']([a-z_0-9]+)["']""", template.read_text(encoding="utf-8")))
    assert used, "the templates use t()"
    used.discard("level_")  # t("level_" ~ n) and t("level_" ~ n ~ "_text"): checked below
    used |= {f"level_{n}" for n in range(1, 5)} | {f"level_{n}_text" for n in range(1, 5)}
    # Keys built from the budget model's enums: every value they can take.
    dynamic = {"kind_": [k.value for k in MoneyKind], "period_": [p.value for p in Period],
               "staff_funding_": [f.value for f in StaffFunding],
               "benefit_": [BenefitKind.ECONOMIC.value, BenefitKind.STAFF.value],
               "light_": [light.value for light in Light], "trend_": ["better", "same", "worse", "none"],
               "why_": ["red", "late", "slipping"], "title_": [p.value for p in Period], "source_": ["tag", "commit", "same"],
               "notice_": [n.value for n in Notice], "severity_": ["1", "5", "not_assessed"],
               "privacy_dpia_": ["done", "not_needed", "missing"],
               "privacy_ground_": [g.value for g in NotInformedGround],
               "month_": [str(m) for m in range(1, 13)], "zone_": [z.value for z in Zone]}
    for prefix, values in dynamic.items():
        used.discard(prefix)
        used |= {prefix + v for v in values}
    used.discard("need_")  # t("need_" ~ kind), a kind of money
    used |= {f"need_{kind}" for kind in ("drift", "investment", "staff")}
    assert sorted(used - set(WORDS)) == []
    for key, (nb, en) in WORDS.items():
        assert nb.strip() and en.strip(), key


def test_every_value_a_template_translates_by_its_key_has_words() -> None:
    # t(c.key) and t(i) with a kind, a status or an instrument: the regex above cannot see them.
    keys = {k.value for k in CaseKind} | {s.value for s in CaseStatus} | {i.value for i in Instrument} \
        | {s.value for s in ProjectStatus}
    assert sorted(keys - set(WORDS)) == []


@pytest.mark.parametrize(("lang", "number", "decimals", "text"), [
    ("nb", 1234567.8, 1, "1\u202f234\u202f567,8"), ("en", 1234567.8, 1, "1,234,567.8"),
    ("nb", -850, 0, "−850"), ("nb", None, 0, "–"),
])
def test_numbers(lang: str, number: float | None, decimals: int, text: str) -> None:
    assert Lang(lang).number(number, decimals) == text


def test_dates_and_percentages() -> None:
    assert Lang("nb").date(dt.date(2020, 12, 31)) == "31.12.2020"
    assert Lang("en").date(dt.date(2020, 12, 31)) == "2020-12-31"
    assert Lang("nb").percent(0.512) == "51 %" and Lang("en").percent(0.512) == "51%"
