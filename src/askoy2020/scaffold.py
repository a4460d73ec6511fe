"""``init`` (a new data repository) and ``new`` (a new record with the next
free id): so nobody starts from a blank file or copies an old record."""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .core.install_source import InstallSource
from .model import Portfolio
from .model.kinds import KINDS, kind_named
from .writing import document, write_new_files

# The recipes install askoy2020 from its git repository at a tag or commit
# (@INSTALL@ below): the name is on no package index. See docs/ci.md.
GITHUB_WORKFLOW = """\
# Checks every push and pull request with askoy2020 validate.
name: askoy2020
on: [push, pull_request]
permissions:
  contents: read
jobs:
  validate:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with: {fetch-depth: 0}
      - uses: actions/setup-python@v5
        with: {python-version: '3.11'}
      - run: @INSTALL@
      - run: askoy2020 validate data   # annotations appear on the changed lines
      - run: askoy2020 fmt --check data
"""

GITLAB_CI = """\
# Checks every push and merge request; problems show in the merge request's Code Quality widget.
askoy2020:
  image: python:3.11
  script:
    - @INSTALL@
    - askoy2020 validate data || true   # readable log; the next line decides
    - askoy2020 validate data --format gitlab > gl-code-quality-report.json
    - askoy2020 fmt --check data
  artifacts:
    when: always
    reports:
      codequality: gl-code-quality-report.json
"""

PRE_COMMIT = """\
# Runs askoy2020 on the staged files before each commit: pip install pre-commit && pre-commit install
# pre-commit installs askoy2020 from this repository and tag into an environment of its own.
repos:
  - repo: @URL@
    rev: '@REF@'   # quoted: a commit id such as 1234567 would be read as a number
    hooks:
      - id: askoy2020-fmt
      - id: askoy2020-validate
"""


def ci_files(source: InstallSource) -> dict[str, str]:
    """The CI and pre-commit files, installing askoy2020 from ``source``
    (whose URL and ref :mod:`askoy2020.core.install_source` has checked)."""
    return {
        ".pre-commit-config.yaml": PRE_COMMIT.replace("@URL@", source.url).replace("@REF@", source.ref),
        ".github/workflows/askoy2020.yml": GITHUB_WORKFLOW.replace("@INSTALL@", source.pip_install),
        ".gitlab-ci.yml": GITLAB_CI.replace("@INSTALL@", source.pip_install),
    }


README = """\
# Strategic programme data

Records of the programme as YAML, checked by askoy2020.{install}

1. Edit a file under `data/` (VS Code with the YAML extension checks it as you type).
2. `askoy2020 fmt` and `askoy2020 validate`.
3. Commit; CI runs the same checks.

`askoy2020 new project --area AA --write` starts a new project with the next free id.
`askoy2020 report --year {year} --output report.html` makes the report.
"""

README_INSTALL = """ CI and pre-commit install it
from [its repository]({url}) at {ref}; install it yourself the same way:

    {pip_install}
"""


def _example_records(year: int) -> dict[str, tuple[dict[str, Any] | list[dict[str, Any]], str]]:
    """path -> (record, header comment), one per kind that has an example."""
    found = {}
    for kind in KINDS:
        if kind.example is not None:
            relative, record, header = kind.example(year)
            found[f"data/{relative}"] = (record, header)
    return found


def merge_editor_settings(target: Path) -> list[str] | None:
    """Add to an existing ``.vscode/settings.json`` the editor settings it
    lacks – each schema mapping, the formatter settings that agree with fmt –
    keeping every value the user set. The keys added (none: it had them all),
    or None when the file is not plain JSON (VS Code allows comments), which
    is then left alone for the user to edit."""
    from .schema import editor_settings
    from .writing import write_atomic

    path = target / ".vscode" / "settings.json"
    try:
        theirs = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(theirs, dict):
        return None
    added: list[str] = []
    for key, ours in editor_settings().items():
        if key not in theirs:
            theirs[key] = ours
            added.append(key)
        elif isinstance(ours, dict) and isinstance(theirs[key], dict):
            missing = {k: v for k, v in ours.items() if k not in theirs[key]}
            theirs[key].update(missing)
            added += [f"{key}: {k}" for k in missing]
    if added:
        write_atomic(path, json.dumps(theirs, indent=2, ensure_ascii=False) + "\n")
    return added


def init_repository(target: Path, year: int | None = None,
                    source: InstallSource | None = None) -> tuple[list[Path], list[Path]]:
    """Write the starter files that do not exist yet – with ``source``, the
    CI and pre-commit files that install askoy2020 from there; returns
    (written, kept)."""
    from .fmt import format_folder
    from .schema import editor_settings, schema_texts

    year = year or dt.date.today().year
    files: dict[str, str] = {rel: document(record, header) for rel, (record, header) in _example_records(year).items()}
    files |= {f"schemas/{name}": text for name, text in schema_texts().items()}
    files[".vscode/settings.json"] = json.dumps(editor_settings(), indent=2) + "\n"
    install = ""
    if source is not None:
        files |= ci_files(source)
        install = README_INSTALL.format(url=source.url, ref=source.ref, pip_install=source.pip_install)
    files["README.md"] = README.format(year=year, install=install.rstrip("\n"))
    files[".gitignore"] = "report.html\n.askoy2020-cache/\n"
    # Git for Windows checks text out with CRLF by default; fmt's layout is
    # LF, so without this every record would fail fmt --check there.
    files[".gitattributes"] = "*.yaml text eol=lf\n*.yml text eol=lf\n*.json text eol=lf\n"
    kept = [target / rel for rel in files if (target / rel).exists()]
    written = write_new_files((target / rel, text) for rel, text in files.items() if not (target / rel).exists())
    if (target / "data").is_dir():
        format_folder(target / "data")
    return written, kept


# ----------------------------------------------------------------------- new

@dataclass(frozen=True)
class NewRecord:
    relative_path: str  # below the data folder
    text: str


def next_number(ids: set[str], pattern: str) -> int:
    # Case-blind, as ASK201 compares ids: dk-07 takes the number of DK-07.
    numbers = [int(m.group(1)) for i in ids
               if (m := re.fullmatch(pattern, unicodedata.normalize("NFC", i), re.IGNORECASE))]
    return max(numbers, default=0) + 1


def new_record(portfolio: Portfolio, kind: str, area: str | None, today: dt.date) -> NewRecord:
    """A skeleton with the next free id and every required field filled in;
    ``kind`` is a key or alias in the kinds table (project, leader, case, risk)."""
    try:
        key = kind_named(kind).key
    except KeyError:
        key = ""
    if key == "project":
        if area is None or area not in portfolio.area_by_id:
            known = ", ".join(sorted(portfolio.area_by_id)) or "none yet"
            raise ValueError(f"give the area with --area (known: {known})")
        number = next_number(set(portfolio.project_by_id) | portfolio.unvalidated_ids, rf"{re.escape(area)}-(\d+)")
        pid = f"{area}-{number:02d}"
        period = portfolio.area_by_id[area].period
        # Start next January, kept inside the area's period so the skeleton validates.
        start_year = min(max(today.year + 1, period.first_year), period.last_year)
        record: dict[str, Any] = {
            "id": pid, "name": "Nytt prosjekt", "area": area, "manager": "Prosjektleder", "status": "planned",
            "planned": {"start": dt.date(start_year, 1, 1), "end": dt.date(start_year, 12, 31)},
            "cost": {}, "staff": {}, "scores": {c.id: 0 for c in portfolio.programme.criteria}
            if portfolio.programme else {},
        }
        return NewRecord(f"programmes/{area.lower()}/projects/{pid}.yaml",
                         document(record, "New project: fill in name, manager, dates, cost and scores."))
    if key == "leader":
        number = next_number(set(portfolio.leader_by_id) | portfolio.unvalidated_ids, r"L-(\d+)")
        lid = f"L-{number:03d}"
        target = portfolio.measuring_year
        record = {
            "id": lid, "role": "Enhetsleder", "unit": "Enhet",
            "area": area or next(iter(sorted(portfolio.area_by_id)), "AA"),
            "cohort": today.year,
            "goals": [{"id": f"{lid}-M1", "text": "Mål for enheten", "indicator": "Indikator",
                       "baseline": {"year": today.year - 1, "value": 0}, "targets": {target: 1}}],
        }
        return NewRecord(f"leaders/{lid}.yaml", document(record, "New leader position: role and unit, no name."))
    if key == "quality-case":
        ids = {c.id for c in portfolio.cases} | portfolio.unvalidated_ids
        number = next_number(ids, rf"Q-{today.year}-(\d+)")
        cid = f"Q-{today.year}-{number:03d}"
        record = {
            "id": cid, "kind": "deviation", "title": "Kort beskrivelse av saken", "unit": "Enhet",
            "occurred": today, "reported": today, "status": "registered", "responsible": "Enhetsleder",
            "deadline": today + dt.timedelta(days=30),
        }
        return NewRecord(f"quality/{today.year}/{cid}.yaml",
                         document(record, "New quality case: kind, title, unit and responsible role."))
    if key == "risk":
        prefix = f"R-{area}-" if area else "R-"
        ids = {r.id for r in portfolio.risks} | portfolio.unvalidated_ids
        number = next_number(ids, re.escape(prefix) + r"(\d+)")
        rid = f"{prefix}{number:02d}"
        record = {
            "id": rid, "title": "Uønsket hendelse", **({"area": area} if area else {"unit": "Enhet"}),
            "owner": "Enhetsleder", "assessed": today, "probability": 1, "consequence": 1,
            "next_review": today + dt.timedelta(days=365),
        }
        return NewRecord(f"risks/{rid}.yaml", document(
            record, "New risk: the unwanted event, what it is about, its owner, probability and consequence."))
    if key == "cohort":
        taken = {c.start for c in portfolio.cohorts}
        start = today.year
        while start in taken:
            start += 1
        record = {"id": f"K-{start}", "start": start, "leaders": 0, "sessions": [], "reaction": [], "learning": []}
        return NewRecord(f"cohorts/K-{start}.yaml",
                         document(record, "New cohort (kull): how many leaders, sessions and Tabell 1 aggregates "
                                          "(at least 3 respondents each)."))
    if key in ("unit", "management-review", "finding"):
        return _new_control(portfolio, key, area, today)
    raise ValueError(f"unknown record kind {kind!r}; "
                     "choose project, leader, case, cohort, unit, review, finding or risk")


def _new_control(portfolio: Portfolio, key: str, area: str | None, today: dt.date) -> NewRecord:
    """Internkontroll: a unit, the year's ledelsens gjennomgang, a finding."""
    area = area or next(iter(sorted(portfolio.area_by_id)), "AA")
    if key == "unit":
        ids = {u.id for u in portfolio.units} | portfolio.unvalidated_ids
        number = next_number(ids, r"E-(\d+)")
        uid = f"E-{number:02d}"
        record: dict[str, Any] = {
            "id": uid, "name": "Enhet", "area": area, "services": ["Tjeneste"], "leader": "Enhetsleder",
            "routines": [{"id": f"{uid}-R01", "title": "Rutine for avviksbehandling", "owner": "Enhetsleder",
                          "approved": today}],
        }
        return NewRecord(f"control/units/{uid}.yaml",
                         document(record, "New unit: its name as cases and leaders write it, services, routines."))
    if key == "management-review":
        record = {"year": today.year, "planned": dt.date(today.year, 12, 15), "led_by": "Rådmann",
                  "topics": ["Avvik og forbedringsforslag", "Tilsyn og forvaltningsrevisjon"]}
        return NewRecord(f"control/reviews/{today.year}.yaml",
                         document(record, "Ledelsens gjennomgang: set held: when it is held, and add decisions."))
    ids = {f.id for f in portfolio.findings} | portfolio.unvalidated_ids
    number = next_number(ids, rf"F-{today.year}-(\d+)")
    fid = f"F-{today.year}-{number:02d}"
    record = {"id": fid, "source": "supervision", "authority": "Statsforvalteren", "reported": today,
              "title": "Kort beskrivelse av funnet", "kind": "breach_of_law", "area": area,
              "deadline": today + dt.timedelta(days=90)}
    return NewRecord(f"control/findings/{fid}.yaml",
                     document(record, "New finding: source, authority, kind, the unit or area, deadline and actions."))
