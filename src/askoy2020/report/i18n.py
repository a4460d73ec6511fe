"""Words and number formats of the report in Norwegian bokmål and English.

Every heading, label and status word goes through ``Lang.t`` so a missing
translation is a KeyError in the tests, never an English word in a
Norwegian report.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..core.bokmal import listing
from . import control_words, leadership_words, money_words, print_words, privacy_words, risk_words, verdict_words
from .cases_words import WORDS as CASES_WORDS
from .charts_words import WORDS as CHART_WORDS
from .people_words import WORDS as PEOPLE_WORDS
from .plan_words import WORDS as PLAN_WORDS

NB, EN = "nb", "en"

BASE_WORDS: dict[str, tuple[str, str]] = {
    "title": ("{name} – rapport {year}", "{name} – report {year}"),
    "title_T1": ("{name} – 1. tertialrapport {year}", "{name} – 1st tertial report {year}"),
    "title_T2": ("{name} – 2. tertialrapport {year}", "{name} – 2nd tertial report {year}"),
    "title_T3": ("{name} – årsrapport {year}", "{name} – annual report {year}"),
    # The programme's parts are names, the same in both languages.
    "part_all": ("Askøy 2020", "Askøy 2020"),
    "part_omstilling": ("Omstilling 2020", "Omstilling 2020"),
    "part_prestasjonsledelse": ("Prestasjonsledelse 2020", "Prestasjonsledelse 2020"),
    "part_kvalitet": ("Kvalitet 2020", "Kvalitet 2020"),
    "generated": ("Laget med askoy2020 {version} fra data per {as_of}.",
                  "Made with askoy2020 {version} from data as of {as_of}."),
    "contents": ("Innhold", "Contents"),
    "summary": ("Sammendrag", "Summary"),
    "money": ("Økonomi {year}", "Finances {year}"),
    "rounds": ("Budsjettrunder", "Budget rounds"),
    "round_line": ("Budsjett {year} og økonomiplan {first}–{last}: {decision}, vedtatt {adopted}",
                   "Budget {year} and economic plan {first}–{last}: {decision}, adopted {adopted}"),
    "round_speaks": ("gjelder for {year}", "applies to {year}"),
    "frames_in": ("Rammer {year}", "Frames {year}"),
    "money_kind": ("Art", "Kind"),
    "kind_drift": ("Drift (1000 kr)", "Operating (1000 kr)"),
    "kind_investment": ("Investering (1000 kr)", "Investment (1000 kr)"),
    "kind_staff": ("Årsverk", "Staff (FTE)"),
    "adopted_frame": ("Vedtatt", "Adopted"),
    "proposed_frame": ("Forslag", "Proposed"),
    "frames_proposed": ("Runden er ikke vedtatt ennå: rammene er forslag.",
                        "The round is not adopted yet: the frames are proposals."),
    "revised_frame": ("Revidert", "Revised"),
    "revisions": ("Budsjettjusteringer", "Revisions"),
    "money_table": ("Budsjett, regnskap og prognose {year} per programområde",
                    "Budget, actuals and forecast {year} per programme area"),
    "actuals_to": ("Regnskap til og med {period}.", "Actuals to the end of {period}."),
    "period_T1": ("1. tertial (30. april)", "the 1st tertial (30 April)"),
    "period_T2": ("2. tertial (31. august)", "the 2nd tertial (31 August)"),
    "period_T3": ("årsregnskapet (31. desember)", "the year's accounts (31 December)"),
    "no_period": ("Ingen tertial i {year} er avsluttet ennå; det finnes ikke regnskapstall.",
                  "No tertial of {year} has closed yet, so there are no actuals."),
    "whole_programme": ("Hele programmet", "Whole programme"),
    "frame_revised": ("Ramme", "Frame"),
    "revised_budget": ("Revidert budsjett", "Revised budget"),
    "actual_to_date": ("Regnskap hittil", "Actual to date"),
    "forecast": ("Prognose", "Forecast"),
    "forecast_deviation": ("Avvik (+ merforbruk)", "Deviation (+ overspend)"),
    "missing_forecasts": ("Prosjekter uten tall for denne perioden er regnet med sitt budsjett som prognose "
                          "({n} i alt).",
                          "Projects without figures for this period are counted at their budget as forecast "
                          "({n} in all)."),
    "staff_funding_units": ("Årsverk er egne ansatte som enhetene lønner, i tillegg til prosjektkostnaden.",
                            "Staff (årsverk) are the units' own employees, paid by the units on top of the cost."),
    "staff_funding_cost": ("Årsverk er med i prosjektkostnaden.", "Staff (årsverk) are included in the cost."),
    "benefits": ("Gevinstrealisering", "Benefits realisation"),
    "no_benefit_year": ("Ingen gevinstår er avsluttet ennå, så ingen gevinst kan være realisert.",
                        "No benefit year has ended yet, so no gain can have been realised."),
    "benefit_kind": ("Gevinst", "Benefit"),
    "benefit_economic": ("Økonomisk (1000 kr)", "Economic (1000 kr)"),
    "benefit_staff": ("Årsverk frigjort", "Staff freed (FTE)"),
    "benefit_planned": ("Planlagt", "Planned"),
    "benefit_realised": ("Realisert", "Realised"),
    "benefit_taken_out": ("Tatt ut av rammene", "Taken out of frames"),
    "no_benefits": ("Ingen gevinster er planlagt.", "No benefits are planned."),
    "omstilling": ("Omstilling 2020", "Omstilling 2020 (transformation)"),
    "plan": ("Prioritering", "Prioritisation"),
    "leadership": ("Prestasjonsledelse 2020", "Prestasjonsledelse 2020 (performance leadership)"),
    "quality": ("Kvalitet 2020", "Kvalitet 2020 (quality)"),
    "changes": ("Endringer siden {rev}", "Changes since {rev}"),
    "warnings": ("Vedlegg: valideringsadvarsler", "Appendix: validation warnings"),
    "key_figures": ("Nøkkeltall", "Key figures"),
    "figure": ("Nøkkeltall", "Figure"),
    "value": ("Verdi", "Value"),
    "projects_by_status": ("Prosjekter etter status", "Projects by status"),
    "budget_used": ("Prosjektenes reviderte budsjett {year}, drift (1000 kr)",
                    "The projects' revised budget {year}, operating (1000 kr)"),
    "staff_used": ("Årsverk i prosjektene {year}", "Staff in the projects {year} (årsverk)"),
    "of_frame": ("{used} (ramme {frame})", "{used} (frame {frame})"),
    "goals_on_track": ("Mål i rute mot {year}", "Goals on track for {year}"),
    "of": ("{a} av {b}", "{a} of {b}"),
    "evaluation_levels": ("Evalueringsnivåer med resultater {year}", "Evaluation levels with results {year}"),
    "cases_opened_closed": ("Kvalitetssaker meldt i {year}", "Quality cases reported in {year}"),
    "cases_line": ("{n}, av dem {closed} lukket og {open} åpne", "{n}, of them {closed} closed and {open} open"),
    "red_projects": ("Røde prosjekter", "Red projects"),
    "none": ("ingen", "none"),
    "area": ("Programområde", "Programme area"),
    "owner": ("Eier", "Owner"),
    "illustrative": ("Illustrativt eksempel", "Illustrative example"),
    "goals": ("Mål", "Goals"),
    "goal": ("Mål", "Goal"),
    "indicator": ("Indikator", "Indicator"),
    "baseline": ("Utgangspunkt", "Baseline"),
    "latest": ("Siste måling", "Latest measurement"),
    "target": ("Målverdi {year}", "Target {year}"),
    "attainment": ("Måloppnåelse", "Attainment"),
    "on_track": ("i rute", "on track"),
    "behind": ("bak plan", "behind"),
    "no_data": ("mangler data", "no data"),
    "projects": ("Prosjekter", "Projects"),
    "project": ("Prosjekt", "Project"),
    "status": ("Status", "Status"),
    "rag": ("Statusfarge", "Status colour"),
    "start": ("Start", "Start"),
    "end": ("Slutt", "End"),
    "cost_year": ("Kostnad {year}", "Cost {year}"),
    "frame_year": ("Ramme {year}", "Frame {year}"),
    "budget_vs_frame": ("Budsjett {year}: {used} av ramme {frame} (1000 kr)",
                        "Budget {year}: {used} of frame {frame} (1000 kr)"),
    "delayed": ("Forsinkede prosjekter og hva de skyver", "Delayed projects and what they push"),
    "delayed_by": ("forsinket {days} dager", "delayed by {days} days"),
    "pushes": ("skyver {list}", "pushes {list}"),
    "pushes_nothing": ("skyver ingen andre prosjekter", "pushes no other project"),
    "gantt": ("Tidsplan", "Schedule"),
    "dependencies": ("Avhengigheter", "Dependencies"),
    "no_dependencies": ("Ingen avhengigheter.", "No dependencies."),
    "plan_none": ("Ingen lagret prioriteringsplan (lag en med askoy2020 prioritise --output data/plans/….yaml).",
                  "No saved prioritisation plan (make one with askoy2020 prioritise --output data/plans/….yaml)."),
    "reason": ("Begrunnelse", "Reason"),
    "plan_years": ("Planen gjelder {first}–{last}: midler før {open} er brukt eller vedtatt og telles ikke.",
                   "The plan covers {first}–{last}: money before {open} is spent or adopted and is not counted."),
    "need_drift": ("{amount} drift", "{amount} drift"),
    "need_investment": ("{amount} investering", "{amount} investment"),
    "need_staff": ("{amount} årsverk", "{amount} årsverk"),
    "and": ("og", "and"),
    "level": ("Nivå", "Level"),
    "level_1": ("Nivå 1: Opplevelse", "Level 1: Reaction"),
    "level_2": ("Nivå 2: Læring", "Level 2: Learning"),
    "level_3": ("Nivå 3: Atferd", "Level 3: Behaviour"),
    "level_4": ("Nivå 4: Driftsresultat", "Level 4: Results"),
    "level_1_text": ("Deltakerne opplever programmet som motiverende og energigivende",
                     "Participants find the programme motivating and energising"),
    "level_2_text": ("Deltakerne oppnår lederrelevante kunnskaper og ferdigheter",
                     "Participants gain leadership knowledge and skills"),
    "level_3_text": ("Deltakerne utvikler omforent ledelsesatferd", "Participants develop shared leadership behaviour"),
    "level_4_text": ("Avdelinger og enheter oppnår forbedret drift, leverer bedre og i henhold til mål og krav",
                     "Departments and units run better and deliver to goals and requirements"),
    "description": ("Beskrivelse", "Description"),
    "leader_goals": ("Ledernes måloppnåelse", "Leaders' goal attainment"),
    "leader": ("Leder", "Leader"),
    "unit": ("Enhet", "Unit"),
    "too_few": ("for få svar", "too few respondents"),
    "mean_shown": ("Snitt av viste enheter", "Mean of the units shown"),
    "cases_by_kind": ("Saker etter type", "Cases by kind"),
    "cases_by_severity": ("Saker etter alvorlighet", "Cases by severity"),
    "cases_by_status": ("Saker etter status", "Cases by status"),
    "kind": ("Type", "Kind"),
    "severity": ("Alvorlighet", "Severity"),
    "count": ("Antall", "Count"),
    "cases_per_year": ("Meldte saker per år", "Cases reported per year"),
    "change": ("Endring", "Change"),
    "no_changes": ("Ingen endringer.", "No changes."),
    "added": ("lagt til", "added"),
    "removed": ("fjernet", "removed"),
    "redated": ("nye datoer", "re-dated"),
    "rebudgeted": ("ny kostnad", "re-budgeted"),
    "status_changed": ("ny status", "status changed"),
    "new_measurement": ("ny måling", "new measurement"),
    "file": ("Fil", "File"),
    "rule": ("Regel", "Rule"),
    "message": ("Melding", "Message"),
    "no_warnings": ("Ingen advarsler.", "No warnings."),
    "warnings_intro": ("{n} advarsler fra valideringen; de viser hvor mye man kan stole på tallene. Filene er "
                       "oppgitt med stien i datamappen.",
                       "{n} validation warnings; they tell how far the figures can be trusted. Files are given by "
                       "their path in the data folder."),
    "warnings_intro_one": ("1 advarsel fra valideringen; den viser hvor mye man kan stole på tallene. Filen er "
                           "oppgitt med stien i datamappen.",
                           "1 validation warning; it tells how far the figures can be trusted. The file is given by "
                           "its path in the data folder."),
    "attainment_chart": ("Måloppnåelse per mål", "Attainment per goal"),
    "frame": ("Ramme", "Frame"),
    "year": ("År", "Year"),
    # status words
    "planned": ("planlagt", "planned"),
    "active": ("pågår", "active"),
    "paused": ("satt på vent", "paused"),
    "completed": ("fullført", "completed"),
    "cancelled": ("avlyst", "cancelled"),
    "red": ("rød", "red"),
    "amber": ("gul", "amber"),
    "green": ("grønn", "green"),
    "registered": ("registrert", "registered"),
    "in_progress": ("under behandling", "in progress"),
    "closed": ("lukket", "closed"),
    "deviation": ("avvik i tjenesten", "service deviation"),
    "improvement_proposal": ("forbedringsforslag", "improvement proposal"),
    "service_design": ("tjenestedesign", "service design"),
    "complaint": ("klage", "complaint"),
    "security_incident": ("sikkerhetshendelse", "security incident"),
    "personal_data_breach": ("personvernbrudd", "personal data breach"),
}


# A part of the report may keep its words in its own module (a dict named
# WORDS); they are joined here, and a key defined twice is an error at import.
_PARTS: tuple[dict[str, tuple[str, str]], ...] = (
    CASES_WORDS,
    CHART_WORDS,
    control_words.WORDS,
    leadership_words.WORDS,
    money_words.WORDS,
    PEOPLE_WORDS,
    PLAN_WORDS,
    print_words.WORDS,
    privacy_words.WORDS,
    risk_words.WORDS,
    verdict_words.WORDS,
)


def _joined(*parts: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    words: dict[str, tuple[str, str]] = {}
    for part in parts:
        twice = sorted(set(words) & set(part))
        if twice:
            raise RuntimeError(f"report words defined twice: {', '.join(twice)}")
        words.update(part)
    return words


WORDS = _joined(BASE_WORDS, *_PARTS)


@dataclass(frozen=True)
class Lang:
    code: str

    def t(self, key: str, **values: object) -> str:
        nb, en = WORDS[key]
        text = nb if self.code == NB else en
        return text.format(**values) if values else text

    def listing(self, items: list[str]) -> str:
        """'a, b og c' / 'a, b and c'."""
        return listing(items, "og" if self.code == NB else "and")

    def number(self, value: float | None, decimals: int = 0) -> str:
        """1 234 567,8 in Norwegian (with a narrow no-break space), 1,234,567.8 in English."""
        if value is None:
            return "–"
        text = f"{value:,.{decimals}f}"
        if self.code == NB:
            text = text.replace(",", "\u202f").replace(".", ",")
        return text.replace("-", "−") if value < 0 else text

    def percent(self, share: float | None) -> str:
        if share is None:
            return "–"
        return self.number(share * 100) + (" %" if self.code == NB else "%")

    def date(self, day: dt.date | None) -> str:
        if day is None:
            return "–"
        return day.strftime("%d.%m.%Y") if self.code == NB else day.isoformat()


# After casefold: three characters that sort after z, in the Norwegian order.
_NORWEGIAN_LETTERS = str.maketrans({"æ": "{", "ø": "|", "å": "}"})


def alphabetical(text: str) -> tuple[str, str]:
    """Sort key for Norwegian names: æ, ø and å after z, as a reader looks
    for them (code-point order puts å before æ)."""
    return text.casefold().translate(_NORWEGIAN_LETTERS), text
