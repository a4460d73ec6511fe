"""Bokmål words for the model's values where a message uses them in prose.

The English messages say the YAML value itself ("DK-01 is active", "the
drift frame"); the bokmål ones say what a Norwegian budget document says
("DK-01 er i gang", "driftsrammen"). Where a message quotes what to write
in the file, both languages keep the YAML value.
"""

from __future__ import annotations

from ..core import bokmal as nb
from ..core.diagnostics import Say
from ..model import CaseKind, CaseStatus, ProjectStatus
from ..model.budget import BenefitKind, MoneyKind
from ..model.project import Commitment

# "DK-01 er …": forms that fit any noun ("prosjektet", "DK-01").
STATUS: dict[ProjectStatus, str] = {
    ProjectStatus.PLANNED: "planlagt",
    ProjectStatus.ACTIVE: "i gang",
    ProjectStatus.PAUSED: "satt på pause",
    ProjectStatus.COMPLETED: "fullført",
    ProjectStatus.CANCELLED: "avbrutt",
}

# "drift 300, investering 1 200"
MONEY: dict[MoneyKind, str] = {
    MoneyKind.DRIFT: "drift", MoneyKind.INVESTMENT: "investering", MoneyKind.STAFF: "årsverk",
}

# "driftsrammen", "årsverksrammen" …
FRAME: dict[MoneyKind, str] = {
    MoneyKind.DRIFT: "driftsramme", MoneyKind.INVESTMENT: "investeringsramme", MoneyKind.STAFF: "årsverksramme",
}

BUDGET: dict[MoneyKind, str] = {
    MoneyKind.DRIFT: "driftsbudsjett", MoneyKind.INVESTMENT: "investeringsbudsjett",
    MoneyKind.STAFF: "årsverksbudsjett",
}

# "den økonomiske gevinsten på 500 (1000 kr)"
GAIN: dict[BenefitKind, str] = {
    BenefitKind.ECONOMIC: "den økonomiske gevinsten",
    BenefitKind.STAFF: "gevinsten i årsverk",
    BenefitKind.QUALITY: "kvalitetsgevinsten",
}

# "Q-2019-004 er et avvik …"
CASE_KIND: dict[CaseKind, str] = {
    CaseKind.DEVIATION: "et avvik",
    CaseKind.HMS_DEVIATION: "et HMS-avvik",
    CaseKind.IMPROVEMENT_PROPOSAL: "et forbedringsforslag",
    CaseKind.SERVICE_DESIGN: "en tjenestedesignsak",
    CaseKind.COMPLAINT: "en klage",
    CaseKind.SECURITY_INCIDENT: "en informasjonssikkerhetshendelse",
    CaseKind.PERSONAL_DATA_BREACH: "et brudd på personopplysningssikkerheten",
}

CASE_STATUS: dict[CaseStatus, str] = {
    CaseStatus.REGISTERED: "registrert",
    CaseStatus.IN_PROGRESS: "under behandling",
    CaseStatus.CLOSED: "lukket",
}

COMMITMENT: dict[Commitment, str] = {
    Commitment.COMMITTED: "allerede i gang eller fullført",
    Commitment.LOCKED: "låst",
    Commitment.MANDATORY: "lovpålagt",
}


def days(n: int) -> Say:
    """'1 day' / '1 dag', '12 days' / '12 dager'."""
    shown = f"{n:,}".replace(",", " ")
    return Say(f"{shown} day" if n == 1 else f"{shown} days", nb.count(n, "dag", "dager"))

