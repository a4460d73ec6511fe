"""Hostile text renders inertly; unit figures under the respondent
threshold never appear; public reports carry no names; user templates
stay in the sandbox."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

import askoy2020
from askoy2020.model.kinds import kind_of
from askoy2020.report.build import build_report
from askoy2020.report.render import RenderError, render
from helpers import BASE, build_case, record_values, value_at

from .helpers import gfm_tables, rendered_html, structure, unsafe_parts

AS_OF = dt.date(2020, 10, 31)
EVIL = 'Evil <script>alert(1)</script> | `tick` *bold* [x](javascript:alert(1)) ![i](http://evil.example/i.png)\nnext'


def _string_paths(value: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(value, str):
        return [here]
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else []
    return [path for key, child in items for path in _string_paths(child, here + (key,))]


def _set(record: Any, path: tuple[Any, ...], value: Any) -> None:
    value_at(record, path[:-1])[path[-1]] = value


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The base portfolio with EVIL in every text field that takes any text:
    each string value is replaced, and the replacement kept when the record
    still passes its schema (ids, dates and choices do not take it)."""
    root = build_case(BASE, tmp_path_factory.mktemp("hostile") / "data")
    changed = 0
    for path in sorted(root.rglob("*.yaml")):
        model = kind_of(path.relative_to(root).as_posix()).model  # type: ignore[union-attr]
        record = record_values(path)
        for where in _string_paths(record):
            original = value_at(record, where)
            _set(record, where, EVIL)
            try:
                model.model_validate(record)
                changed += 1
            except ValidationError:
                _set(record, where, original)
        path.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert changed >= 20  # names, titles, units, roles, descriptions, actions, notes …
    return root


def _report(root: Path, fmt: str, **kw: object) -> str:
    portfolio = askoy2020.load(root)
    return render(build_report(portfolio, 2020, AS_OF, diagnostics=askoy2020.check(portfolio, AS_OF), **kw), fmt)


def test_hostile_text_is_inert_in_markdown(hostile: Path) -> None:
    md = _report(hostile, "md")
    for rows in gfm_tables(md):
        assert len(set(rows)) == 1, rows
    html = rendered_html(md)  # what GitHub or GitLab would make of it
    assert unsafe_parts(html) == []
    assert "<script" not in html and "<em>" not in html and "<code>" not in html
    text = "".join(structure(html).text)
    assert "Evil <script>alert(1)</script> | `tick` *bold*" in text, "shown as the text it is"


def test_hostile_text_is_inert_in_html(hostile: Path) -> None:
    html = _report(hostile, "html")
    assert unsafe_parts(html) == []
    assert "&lt;script&gt;" in html
    assert "Evil <script>alert(1)</script>" in "".join(structure(html).text)


def test_hostile_text_leaves_every_chart_well_formed(hostile: Path) -> None:
    """Area names and goal texts reach the charts' titles, captions and
    labels: each SVG still parses, and each Mermaid line is plain words."""
    html = _report(hostile, "html")
    svgs = re.findall(r"<svg\b.*?</svg>", html, re.S)
    assert len(svgs) >= 4
    titles = ["".join(ET.fromstring(svg).find("{http://www.w3.org/2000/svg}title").itertext())  # type: ignore[union-attr]
              for svg in svgs]
    assert any("Evil <script>alert(1)</script>" in title for title in titles), "the name is kept, as text"
    syntax = re.compile(r'[<>`;#%"\[\]:|\\]')
    labels = []
    for block in re.findall(r"```mermaid\n(.*?)```", _report(hostile, "md"), re.S):
        for line in block.splitlines():
            found = (re.match(r'^    (?:n\d+|legend)\["(.*)"\]$', line) or re.match(r"^    title (.*)$", line)
                     or re.match(r"^    (.+?) :", line))
            if found:
                labels.append(found.group(1))
                assert not syntax.search(found.group(1)), line
    assert any("Evil script alert(1) /script" in label for label in labels)


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_hostile_text_is_inert_in_public_reports_too(hostile: Path, fmt: str) -> None:
    out = _report(hostile, fmt, public=True)
    assert unsafe_parts(out if fmt == "html" else rendered_html(out)) == []


@pytest.fixture
def few_respondents(tmp_path: Path) -> Path:
    root = build_case(BASE, tmp_path / "data")
    leader = root / "leaders" / "L-002.yaml"
    leader.write_text("""id: L-002
role: Styrer
name: Testleder Alfa
unit: Liten barnehage
area: DK
cohort: 2018
goals:
  - id: L-002-M1
    text: Flere barn i lek ute
    indicator: Timer ute per uke
    baseline: {year: 2017, value: 5}
    targets: {2020: 9}
    measurements: [{date: 2019-12-31, value: 8}]
ten_factor:
  - year: 2020
    respondents: 2
    scores: {mastery_oriented_leadership: 1.37}
""", encoding="utf-8")
    # A cohort aggregate from 2 respondents (an error, ASK712) must not be shown either.
    (root / "cohorts" / "K-2018.yaml").write_text("""id: K-2018
start: 2018
leaders: 12
reaction:
  - {year: 2020, session: Samling 5, mean: 1.17, respondents: 2}
behaviour:
  - {instrument: observation, after: {year: 2020, mean: 3.5, respondents: 4}}
""", encoding="utf-8")
    return root


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_unit_figures_under_three_respondents_appear_nowhere(few_respondents: Path, fmt: str, lang: str) -> None:
    text = _report(few_respondents, fmt, lang=lang)
    for hidden in ("1,37", "1.37", "1,17", "1.17", "23 %", "23%", "27 %", "27%"):
        assert hidden not in text, hidden
    assert ("for få svar" if lang == "nb" else "too few respondents") in text
    # The mean is over the shown unit only (4.1), so the hidden 1.37 cannot be recovered from it.
    assert ("4,10" if lang == "nb" else "4.10") in text
    portfolio = askoy2020.load(few_respondents)
    leadership = build_report(portfolio, 2020, AS_OF).leadership
    assert [s.mastery for s in leadership.surveys] == [4.1]
    # The 2-respondent questionnaire is not in Tabell 1; the observation from 4 is.
    assert leadership.programme is not None
    assert leadership.programme.levels[0].by_year.get(2020, []) == []
    assert [e.mean for e in leadership.programme.levels[2].by_year[2020]] == [3.5]


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_public_report_has_no_names_and_no_per_leader_figures(few_respondents: Path, fmt: str) -> None:
    internal = _report(few_respondents, fmt)
    public = _report(few_respondents, fmt, public=True)
    assert "Testleder Alfa" not in internal and "Testleder Alfa" not in public
    assert "Flere barn i lek ute" in internal and "Flere barn i lek ute" not in public
    assert "Kleppestø skole" in internal  # the one case's unit, shown internally
    assert ("færre enn 3" in public) and "| Kleppestø skole | 1 |" not in public


def test_a_template_reaching_for_internals_fails_clearly(tmp_path: Path) -> None:
    portfolio = askoy2020.load(BASE)
    report = build_report(portfolio, 2020, AS_OF)
    for body in ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "{{ r.__class__.__init__.__globals__ }}",
                 "{{ lang.t.__globals__['__builtins__'] }}",
                 "{{ lipsum.__globals__['os'].environ }}",  # the classic template-injection escape
                 "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
                 "{{ self._TemplateReference__context }}",
                 "{{ r.meta.__class__.__dict__ }}",
                 "{{ charts._lang.__dict__ }}",
                 "{% set x = r.summary.__setattr__('budget_used', 0) %}"):
        (tmp_path / "report.md.j2").write_text(body, encoding="utf-8")
        with pytest.raises(RenderError, match=r"sandbox forbids|unsafe|has no attribute|undefined"):
            render(report, "md", tmp_path)


@pytest.mark.parametrize("body", ["{% include '/etc/passwd' %}", "{% include '../../../../etc/passwd' %}",
                                  "{% import '/etc/hostname' as h %}", "{% extends '../pyproject.toml' %}"])
def test_a_template_cannot_read_files_outside_the_template_folders(tmp_path: Path, body: str) -> None:
    (tmp_path / "report.md.j2").write_text(body, encoding="utf-8")
    with pytest.raises(RenderError, match=r"report\.md\.j2.*(not found|passwd|hostname|pyproject)"):
        render(build_report(askoy2020.load(BASE), 2020, AS_OF), "md", tmp_path)


def test_a_typo_in_a_template_fails_loudly(tmp_path: Path) -> None:
    (tmp_path / "report.md.j2").write_text("# {{ r.summery.budget_used }}\n", encoding="utf-8")
    with pytest.raises(RenderError, match=r"report\.md\.j2.*summery"):
        render(build_report(askoy2020.load(BASE), 2020, AS_OF), "md", tmp_path)


def test_a_user_template_replaces_the_built_in_one(tmp_path: Path) -> None:
    (tmp_path / "report.md.j2").write_text("Budget {{ r.summary.budget_used|num }} {{ t('summary') }}\n",
                                           encoding="utf-8")
    text = render(build_report(askoy2020.load(BASE), 2020, AS_OF), "md", tmp_path)
    assert text == "Budget 1\u202f000 Sammendrag\n"  # Norwegian thousands: a narrow no-break space
