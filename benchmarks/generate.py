"""Realistic portfolios at scale, in the same file layout as data/.

    python benchmarks/generate.py 100 /tmp/askoy-x100

Scale ×1 is the sample data itself. Scale ×N keeps the 10 areas and
multiplies the rest towards a large municipality: about 10·N projects (with
their dependencies), 20·N leader positions and 200·N quality cases (×100:
~1,000 projects, ~2,000 leaders, 20,000 cases). Copies get new ids, their
references follow, and area and programme frames grow with the projects so
the data stay valid: every round's frames and every revision's, drift,
investment and staff, are multiplied by the number of project copies (so a
take-out copied N times still matches a frame lowered N times as much).
Copies get their own accounting project numbers. Deterministic: the same
scale gives the same files.
"""

from __future__ import annotations

import io
import re
import shutil
import sys
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

SAMPLE = Path(__file__).resolve().parent.parent / "data"
PROJECT_ID = re.compile(r"\b([A-Z]{2})-(\d{2})\b")
LEADER_ID = re.compile(r"\bL-(\d{3})\b")
CASE_ID = re.compile(r"\bQ-(\d{4})-(\d{3})\b")
ACCOUNT_PROJECT = re.compile(r"(- project: ')(\d+)(')")


def copies(scale: int, per_copy: int, target_per_scale: int) -> int:
    return max(1, round(scale * target_per_scale / per_copy))


def generate(scale: int, target: Path) -> dict[str, int]:
    if target.exists():
        shutil.rmtree(target)
    if scale == 1:
        shutil.copytree(SAMPLE, target, ignore=shutil.ignore_patterns("plans"))
        return {"files": sum(1 for _ in target.rglob("*.yaml"))}
    project_files = sorted((SAMPLE / "programmes").glob("*/projects/*.yaml"))
    leader_files = sorted((SAMPLE / "leaders").glob("*.yaml"))
    case_files = sorted((SAMPLE / "quality").rglob("*.yaml"))
    n_projects = copies(scale, len(project_files), 10)
    n_leaders = copies(scale, len(leader_files), 20)
    n_cases = copies(scale, len(case_files), 200)

    def project(k: int) -> callable:  # type: ignore[valid-type]
        return lambda m: f"{m[1]}-{k * 100 + int(m[2]):04d}" if k else m[0]

    counts = {"projects": 0, "leaders": 0, "cases": 0}
    for path in sorted(SAMPLE.rglob("*.yaml")):
        rel = path.relative_to(SAMPLE)
        text = path.read_text(encoding="utf-8")
        if rel.parts[0] == "plans":
            continue
        if rel.parts[0] == "programmes" and rel.parts[-2] == "projects":
            for k in range(n_projects):
                out = PROJECT_ID.sub(project(k), text)
                if k:
                    out = ACCOUNT_PROJECT.sub(lambda m, k=k: f"{m[1]}{m[2]}-{k}{m[3]}", out)
                name = PROJECT_ID.sub(project(k), rel.name)
                (target / rel.parent).mkdir(parents=True, exist_ok=True)
                (target / rel.parent / name).write_text(out, encoding="utf-8")
                counts["projects"] += 1
        elif rel.parts[0] == "leaders":
            for k in range(n_leaders):
                out = LEADER_ID.sub(lambda m, k=k: f"L-{k * 1000 + int(m[1]):05d}", text)
                out = PROJECT_ID.sub(project(k % n_projects), out)
                (target / "leaders").mkdir(parents=True, exist_ok=True)
                (target / "leaders" / LEADER_ID.sub(lambda m, k=k: f"L-{k * 1000 + int(m[1]):05d}", rel.name)
                 ).write_text(out, encoding="utf-8")
                counts["leaders"] += 1
        elif rel.parts[0] == "quality":
            for k in range(n_cases):
                out = CASE_ID.sub(lambda m, k=k: f"Q-{m[1]}-{k * 1000 + int(m[2]):06d}", text)
                out = PROJECT_ID.sub(project(k % n_projects), out)
                name = CASE_ID.sub(lambda m, k=k: f"Q-{m[1]}-{k * 1000 + int(m[2]):06d}", rel.name)
                (target / rel.parent).mkdir(parents=True, exist_ok=True)
                (target / rel.parent / name).write_text(out, encoding="utf-8")
                counts["cases"] += 1
        else:  # programme, areas, scenarios: frames grow with the projects
            out = _scaled_rounds(text, n_projects) if "rounds:" in text else text
            (target / rel.parent).mkdir(parents=True, exist_ok=True)
            (target / rel).write_text(out, encoding="utf-8")
    counts["files"] = sum(1 for _ in target.rglob("*.yaml"))
    return counts


def _scaled_rounds(text: str, factor: int) -> str:
    """Every frame under ``rounds:`` (each round's and each revision's)
    times ``factor``; comments and flow style stay (ruamel round trip)."""
    yaml = YAML()
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    document = yaml.load(text)
    for speaking in document.get("rounds") or []:
        _scale(speaking.get("frames"), factor)
        for revision in speaking.get("revisions") or []:
            _scale(revision.get("frames"), factor)
    out = io.StringIO()
    yaml.dump(document, out)
    return out.getvalue()


def _scale(frames: Any, factor: int) -> None:
    for kind, by_year in (frames or {}).items():
        for year, value in by_year.items():
            # Money stays whole 1000 kr; årsverk keep one decimal.
            by_year[year] = round(value * factor, 1) if kind == "staff" else round(value * factor)


if __name__ == "__main__":
    print(generate(int(sys.argv[1]), Path(sys.argv[2])))
