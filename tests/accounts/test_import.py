"""The whole import on a copy of the sample data: the figures written are the
hand-summed ones, comments stay, a second run changes nothing, a failure
half way leaves every file as it was, and validate finds nothing new."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from askoy2020.accounts import ImportProblem, Prepared, Unit, WriteFailed, prepare, write_changes
from askoy2020.fmt import format_text
from askoy2020.loading.loader import load
from askoy2020.model.budget import Period
from askoy2020.model.portfolio import Portfolio
from askoy2020.model.project import Project
from askoy2020.rules import check

from .erp import (
    AMBIGUOUS,
    EXPECTED_T2,
    EXPECTED_T3,
    LINES,
    SKIPPED_T2,
    UNMAPPED_T2,
    coded_data,
    with_lines,
    write_csv,
    write_xlsx,
)

AS_OF = dt.date(2020, 12, 31)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return coded_data(tmp_path / "data")


def _prepare(data: Path, export: Path, period: Period = Period.T2) -> tuple[Portfolio, Prepared]:
    portfolio = load(data, workers=1)
    return portfolio, prepare(portfolio.projects, export, export.name, 2020, period, Unit.KR)


def _snapshot(data: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted(data.rglob("*")) if p.is_file()}


def _actuals(data: Path, period: Period) -> dict[tuple[str, str], float]:
    found = {}
    for project in load(data, workers=1).projects:
        figures = project.accounts.get(2020)
        period_figures = figures.of(period) if figures else None
        if period_figures is not None:
            for kind in ("drift", "investment"):
                value = getattr(period_figures.actual, kind)
                if value is not None:
                    found[(project.id, kind)] = value
    return found


@pytest.mark.parametrize("form", ["csv", "xlsx"])
def test_the_figures_written_are_the_hand_summed_ones(data: Path, tmp_path: Path, form: str) -> None:
    export = write_csv(tmp_path / "r.csv") if form == "csv" else write_xlsx(tmp_path / "r.xlsx")
    coded = {"AI-01", "HM-03", "KM-01", "AI-00"}  # the rest of the sample keeps its own figures
    before = {k: v for k, v in _actuals(data, Period.T2).items() if k[0] in coded}
    _, prepared = _prepare(data, export)
    write_changes(prepared.changes)
    after = {k: v for k, v in _actuals(data, Period.T2).items() if k[0] in coded}
    assert before == {}  # AI-01 had a T2 forecast only
    assert after == {key: pytest.approx(value) for key, value in EXPECTED_T2.items()}
    assert sorted(c.name.rsplit("/", 1)[-1] for c in prepared.changes) == ["AI-01.yaml", "HM-03.yaml", "KM-01.yaml"]
    matching = prepared.matching
    assert matching.unmapped_total == UNMAPPED_T2 and matching.total - matching.counted == SKIPPED_T2
    assert [p.id for p, _ in matching.left_alone] == ["AI-00"]


def test_the_year_s_accounts_add_period_13(data: Path, tmp_path: Path) -> None:
    _, prepared = _prepare(data, write_csv(tmp_path / "r.csv"), Period.T3)
    write_changes(prepared.changes)
    assert _actuals(data, Period.T3) == {key: pytest.approx(value) for key, value in EXPECTED_T3.items()}


def test_comments_forecasts_and_other_periods_are_kept(data: Path, tmp_path: Path) -> None:
    ai01 = data / "programmes/ai/projects/AI-01.yaml"
    old = ai01.read_text(encoding="utf-8")
    _, prepared = _prepare(data, write_csv(tmp_path / "r.csv"))
    write_changes(prepared.changes)
    new = ai01.read_text(encoding="utf-8")
    assert new == old.replace("    T2:\n      forecast:", "    T2:\n      actual: {drift: 198.8}\n      forecast:")
    for comment in ("# Project in Arbeid og inkludering", "# Årsverk fra enhetene", "# prognose fra 1. tertial",
                    "# Regnskapet føres på ansvar 3100", "# hele ansvaret er prosjektets"):
        assert new.count(comment) == 1
    hm03 = (data / "programmes/hm/projects/HM-03.yaml").read_text(encoding="utf-8")
    assert "    kind: investment  # bygget\n" in hm03


def test_the_files_written_are_in_fmt_s_layout(data: Path, tmp_path: Path) -> None:
    _, prepared = _prepare(data, write_csv(tmp_path / "r.csv"))
    write_changes(prepared.changes)
    for change in prepared.changes:
        assert not change.relaid
        assert format_text(change.path.read_bytes(), change.name, Project)[0] == change.path.read_text("utf-8")


def test_a_second_run_changes_nothing(data: Path, tmp_path: Path) -> None:
    export = write_csv(tmp_path / "r.csv")
    _, first = _prepare(data, export)
    write_changes(first.changes)
    after_first = _snapshot(data)
    _, second = _prepare(data, export)
    assert second.changes == [] and not any(f.changed for f in second.matching.figures)
    write_changes(second.changes)
    assert _snapshot(data) == after_first


def test_the_same_figures_from_csv_and_xlsx(data: Path, tmp_path: Path) -> None:
    _, from_csv = _prepare(data, write_csv(tmp_path / "r.csv"))
    write_changes(from_csv.changes)
    _, from_xlsx = _prepare(data, write_xlsx(tmp_path / "r.xlsx"))
    assert from_xlsx.changes == []


def test_a_failure_half_way_leaves_every_file_as_it_was(data: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import askoy2020.accounts.applying as applying

    before = _snapshot(data)
    _, prepared = _prepare(data, write_csv(tmp_path / "r.csv"))
    assert len(prepared.changes) == 3
    real = applying.write_bytes_atomic
    calls: list[Path] = []

    def second_fails(path: Path, data: bytes, durable: bool = True) -> None:
        calls.append(Path(path))
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real(path, data, durable)

    monkeypatch.setattr(applying, "write_bytes_atomic", second_fails)
    with pytest.raises(WriteFailed) as failed:
        write_changes(prepared.changes)
    assert failed.value.failed == prepared.changes[1].name
    assert failed.value.restored == [prepared.changes[0].name] and failed.value.unrestored == []
    assert calls[0] == calls[2] == prepared.changes[0].path  # written, then restored
    assert _snapshot(data) == before
    assert [p for p in data.rglob("*.tmp")] == []


def test_a_file_changed_meanwhile_stops_the_writing(data: Path, tmp_path: Path) -> None:
    before = _snapshot(data)
    _, prepared = _prepare(data, write_csv(tmp_path / "r.csv"))
    last = prepared.changes[-1].path
    last.write_bytes(last.read_bytes() + b"# lagt til i en editor\n")
    edited = _snapshot(data)
    with pytest.raises(WriteFailed, match="changed on disk while the import ran"):
        write_changes(prepared.changes)
    assert _snapshot(data) == edited != before


def test_an_ambiguous_line_blocks_every_file(data: Path, tmp_path: Path) -> None:
    _, prepared = _prepare(data, write_csv(tmp_path / "r.csv", with_lines(AMBIGUOUS)))
    assert prepared.blocked and prepared.changes == []
    assert [(a.line, [pid for pid, _ in a.matches]) for a in prepared.matching.ambiguous] == [
        (23, ["AI-01", "HM-03"])]


def test_validate_finds_nothing_new(data: Path, tmp_path: Path) -> None:
    def problems() -> list[tuple[str, str, str]]:
        return sorted((Path(d.file).name, d.rule, d.message) for d in check(load(data, workers=1), AS_OF))

    before = problems()
    _, prepared = _prepare(data, write_csv(tmp_path / "r.csv"))
    write_changes(prepared.changes)
    new = [p for p in problems() if p not in before]
    # The written files are valid: nothing new but the money follow-up of the
    # coded projects (the fixture books investment on HM-03, which the sample
    # budgets as drift only, and replaces their earlier tertials).
    assert {rule for _, rule, _ in new} <= {"ASK411", "ASK413"}, new
    assert {name for name, _, _ in new} <= {f"{pid}.yaml" for pid in ("AI-01", "HM-03", "KM-01", "AI-00")}, new


def test_an_export_with_nothing_for_the_period_is_refused_not_zeroed(data: Path, tmp_path: Path) -> None:
    lines = [line for line in LINES if line.periode.startswith("2019")]
    with pytest.raises(ImportProblem, match=r"r.csv:4: no line of the export is for 2020-T2 \(1 another year "
                                            r"\(2019\)\). Check that the export and --period are for the same year"):
        _prepare(data, write_csv(tmp_path / "r.csv", lines))
    with pytest.raises(ImportProblem, match=r"r\.csv:4: the export has no ledger lines under its header"):
        _prepare(data, write_csv(tmp_path / "r.csv", [], sum_line=False))
