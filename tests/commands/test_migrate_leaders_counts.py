"""``askoy2020 migrate leaders`` counts leaders, not values (red team F4),
uses the programme's threshold (F10), keeps comments where they were and
numbers in the file's style (F8), and removes what a leader record must not
hold: 10-FAKTOR scores from too few respondents (ASK717) and a name (ASK718).

The data folders are the rule cases' small base portfolio with generated
leader files of a 2019 cohort."""

from __future__ import annotations

import io
import shutil
import statistics
from pathlib import Path
from typing import Any

import pytest
import yaml

import askoy2020
from askoy2020.commands import migrate_leaders as migrate
from askoy2020.writing.round_trip import comments
from helpers import AS_OF, BASE

# (level, instrument, where the aggregate lands in the cohort)
KINDS = [(1, "questionnaire", "reaction"), (2, "self_assessment", "learning"), (2, "test", "learning"),
         (3, "feedback_360", "behaviour")]


def _leader(n: int, results: list[float], level: int, instrument: str, extra: str = "") -> str:
    """A 2019-cohort leader file with the given results of one level, year and instrument."""
    evaluations = "".join(f"  - {{level: {level}, year: 2020, instrument: {instrument}, value: {v}, scale_max: 5, "
                          f"respondents: 1}}\n" for v in results)
    return (f"id: L-{n:03d}\nrole: Enhetsleder\nunit: Enhet {n}\narea: DK\ncohort: 2019\n{extra}"
            "goals:\n  - id: L-{n:03d}-M1\n    text: Redusere sykefraværet\n    indicator: Sykefravær i prosent\n"
            "    direction: lower\n    baseline: {{year: 2017, value: 9}}\n    targets: {{2020: 7}}\n"
            "    projects: [DK-02]\n    area_goals: [DK-M1]\n".format(n=n)
            + (f"evaluations:\n{evaluations}" if results else ""))


def _folder(tmp_path: Path, per_leader: list[list[float]], level: int, instrument: str,
            min_respondents: int | None = None) -> Path:
    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    for i, results in enumerate(per_leader):
        (root / "leaders" / f"L-{101 + i:03d}.yaml").write_text(
            _leader(101 + i, results, level, instrument), encoding="utf-8")
    if min_respondents is not None:
        with (root / "programme.yaml").open("a", encoding="utf-8") as f:
            f.write(f"min_respondents: {min_respondents}\n")
    return root


def _run(root: Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = migrate.run(migrate.MigrateLeadersRequest(root), out, err)
    return code, out.getvalue(), err.getvalue()


def _aggregate(root: Path, where: str) -> dict[str, Any] | None:
    path = root / "cohorts" / "K-2019.yaml"
    if not path.exists():
        return None
    items = yaml.safe_load(path.read_text(encoding="utf-8")).get(where) or []
    assert len(items) <= 1
    if not items:
        return None
    item: dict[str, Any] = items[0]
    return item["after"] | {"scale_max": item["scale_max"]} if where == "behaviour" else item


# Too few distinct leaders, however many results they hold: nothing is written.
TOO_FEW = {
    "one leader, three results": [[2.1, 1.5, 4.2]],
    "two leaders, two results each": [[3.0, 4.0], [2.0, 5.0]],
    "two leaders, one with three": [[3.0, 4.0, 2.5], [4.5]],
    "one leader with one result": [[3.5]],
}


@pytest.mark.parametrize(("level", "instrument", "where"), KINDS)
@pytest.mark.parametrize("per_leader", TOO_FEW.values(), ids=TOO_FEW.keys())
def test_an_aggregate_of_fewer_than_three_leaders_is_never_written(
        tmp_path: Path, per_leader: list[list[float]], level: int, instrument: str, where: str) -> None:
    root = _folder(tmp_path, per_leader, level, instrument)
    code, out, err = _run(root)
    assert code == 0, err
    assert _aggregate(root, where) is None
    assert f"from {len(per_leader)} leader(s) – fewer than 3, not written" in out
    assert not [d for d in askoy2020.check(askoy2020.load(root), as_of=AS_OF) if d.rule in ("ASK710", "ASK712")]


ENOUGH = {
    "three leaders, one with three results": [[2.1, 1.5, 4.2], [3.0], [4.0]],
    "three leaders, two results each": [[3.0, 4.0], [2.0, 5.0], [4.5, 3.5]],
    "four leaders, one without results": [[1.0, 2.0, 3.0, 4.0], [5.0], [3.3], []],
}


@pytest.mark.parametrize(("level", "instrument", "where"), KINDS)
@pytest.mark.parametrize("per_leader", ENOUGH.values(), ids=ENOUGH.keys())
def test_each_leader_counts_once_and_the_mean_is_over_the_leaders(
        tmp_path: Path, per_leader: list[list[float]], level: int, instrument: str, where: str) -> None:
    root = _folder(tmp_path, per_leader, level, instrument)
    code, out, err = _run(root)
    assert code == 0, err
    item = _aggregate(root, where)
    assert item is not None, out
    answering = [statistics.fmean(r) for r in per_leader if r]
    assert item["respondents"] == len(answering)
    assert item["mean"] == pytest.approx(round(statistics.fmean(answering), 2))
    assert item["scale_max"] == 5 and isinstance(item["scale_max"], int)
    assert not [d for d in askoy2020.check(askoy2020.load(root), as_of=AS_OF) if d.is_error]


@pytest.mark.parametrize("k", [4, 5, 12])
def test_the_programme_threshold_is_the_one_used(tmp_path: Path, k: int) -> None:
    per_leader = [[3.0 + i / 10] for i in range(k - 1)]
    root = _folder(tmp_path / "below", per_leader, 1, "questionnaire", min_respondents=k)
    code, out, _ = _run(root)
    assert code == 0 and _aggregate(root, "reaction") is None
    assert f"from {k - 1} leader(s) – fewer than {k}, not written" in out
    root = _folder(tmp_path / "at", [*per_leader, [4.0]], 1, "questionnaire", min_respondents=k)
    assert _run(root)[0] == 0
    item = _aggregate(root, "reaction")
    assert item is not None and item["respondents"] == k


def test_comments_after_a_lists_last_item_stay_after_the_items_added(tmp_path: Path) -> None:
    root = _folder(tmp_path, [[3.0], [4.0], [3.5]], 2, "self_assessment")
    (root / "cohorts" / "K-2019.yaml").write_text(
        "# Kull 2019, ført for hånd\nid: K-2019\nstart: 2019\nleaders: 10  # ti ledere\n"
        "learning:\n  - year: 2019\n    area: goals_and_results\n    mean: 3.1\n    scale_max: 5\n"
        "    respondents: 10\n  # end of learning list\n# before behaviour\n", encoding="utf-8")
    code, _, err = _run(root)
    assert code == 0, err
    text = (root / "cohorts" / "K-2019.yaml").read_text(encoding="utf-8")
    cohort = yaml.safe_load(text)
    assert [x["year"] for x in cohort["learning"]] == [2019, 2020]
    # The indented comment follows the list's new last item; the one at column 0 ends the file.
    assert text.index("# end of learning list") > text.index("year: 2020")
    assert text.rstrip("\n").endswith("# before behaviour")
    assert comments(text) == ["# Kull 2019, ført for hånd", "# ti ledere", "# end of learning list",
                              "# before behaviour"]
    assert "5.0" not in text and "scale_max: 5\n" in text


def test_comments_after_a_middle_list_stay_before_the_next_key(tmp_path: Path) -> None:
    root = _folder(tmp_path, [[3.0, 4.0], [4.0], [3.5]], 1, "questionnaire")
    (root / "cohorts" / "K-2019.yaml").write_text(
        "id: K-2019\nstart: 2019\nleaders: 10\n"
        "reaction:\n  - {year: 2019, session: Samling 1, mean: 4.2, scale_max: 5, respondents: 9}\n"
        "  # end of reaction list\n# level 2\nlearning:\n  - {year: 2019, mean: 3.1, respondents: 10}\n",
        encoding="utf-8")
    assert _run(root)[0] == 0
    text = (root / "cohorts" / "K-2019.yaml").read_text(encoding="utf-8")
    assert text.index("year: 2020") < text.index("# end of reaction list") < text.index("# level 2") \
        < text.index("learning:")
    assert [x["year"] for x in yaml.safe_load(text)["reaction"]] == [2019, 2020]


@pytest.mark.parametrize(("respondents", "invited"), [(0, 5), (1, 2), (2, 3), (2, 2), (3, 4), (12, 14)])
def test_ten_factor_scores_from_too_few_respondents_are_removed(
        tmp_path: Path, respondents: int, invited: int) -> None:
    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    path = root / "leaders" / "L-001.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.index("ten_factor:")] +
                    f"ten_factor:\n  - year: 2018\n    invited: {invited}\n    respondents: {respondents}\n"
                    "    scores:  # KS' rapport\n      mastery_oriented_leadership: 4.6\n      role_clarity: 4.3\n"
                    "    # valgte faktorer\n    follow_up:\n      factors: [role_clarity]\n"
                    "  - year: 2020\n    invited: 14\n    respondents: 12\n    scores: {role_clarity: 4.4}\n"
                    "# slutt\n", encoding="utf-8")
    too_few = respondents < 3
    assert [d.rule for d in askoy2020.check(askoy2020.load(root), as_of=AS_OF)] == (["ASK717"] if too_few else [])
    code, out, err = _run(root)
    assert code == 0, err
    new = path.read_text(encoding="utf-8")
    results = yaml.safe_load(new)["ten_factor"]
    assert results[0]["respondents"] == respondents and results[0]["invited"] == invited
    assert results[0]["follow_up"] == {"factors": ["role_clarity"]}
    assert results[1]["scores"] == {"role_clarity": 4.4}
    if too_few:
        assert "scores" not in results[0]
        assert f"L-001: 10-FAKTOR 2018 scores from {respondents} respondent(s) – fewer than 3" in out
        assert comments(new) == ["# valgte faktorer", "# slutt"]
    else:
        assert results[0]["scores"] == {"mastery_oriented_leadership": 4.6, "role_clarity": 4.3}
        assert "Nothing to migrate" in out and new == path.read_text(encoding="utf-8")
    assert askoy2020.check(askoy2020.load(root), as_of=AS_OF) == []


def test_the_programme_threshold_applies_to_ten_factor_scores(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    with (root / "programme.yaml").open("a", encoding="utf-8") as f:
        f.write("min_respondents: 13\n")
    # The base's 10-FAKTOR result has 12 respondents (its cohort's aggregates get ASK712 too).
    assert [d.rule for d in askoy2020.check(askoy2020.load(root), as_of=AS_OF) if d.rule == "ASK717"] == ["ASK717"]
    code, out, _ = _run(root)
    assert code == 0 and "scores from 12 respondent(s) – fewer than 13" in out
    assert "scores" not in yaml.safe_load((root / "leaders" / "L-001.yaml").read_text(encoding="utf-8"))["ten_factor"][0]
    assert not [d for d in askoy2020.check(askoy2020.load(root), as_of=AS_OF) if d.rule == "ASK717"]


def test_a_leaders_name_is_removed_and_the_rest_kept(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    path = root / "leaders" / "L-001.yaml"
    old = path.read_text(encoding="utf-8")
    path.write_text(old.replace("unit: Kleppestø skole\n", "unit: Kleppestø skole\nname: Kari Nordmann  # rektor\n"),
                    encoding="utf-8")
    assert [d.rule for d in askoy2020.check(askoy2020.load(root), as_of=AS_OF)] == ["ASK718"]
    code, out, err = _run(root)
    assert code == 0, err
    assert "removed L-001: the name" in out and "names" in out
    assert path.read_text(encoding="utf-8") == old
    assert askoy2020.check(askoy2020.load(root), as_of=AS_OF) == []
    assert "Nothing to migrate" in _run(root)[1]
