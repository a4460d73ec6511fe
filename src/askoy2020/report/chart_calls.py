"""The chart calls a template may make (``charts.gantt(...)`` and the
rest, and nothing else): each takes typed report values, checked against
its signature, and hands them to the chart modules with the report's
language, year and as-of day."""

from __future__ import annotations

from pydantic import validate_call

from . import charts, charts_text
from .i18n import Lang
from .model import AreaSection, CrossArea, Meta
from .money_model import AreaYearRow
from .people_model import QualitySection

_chart = validate_call(config={"arbitrary_types_allowed": True, "strict": True})
"""Chart arguments are checked against the signature, so a template that
passes a number where rows belong gets a message naming the argument."""


class TemplateCharts:
    """The chart functions a template may call (and nothing else). Each
    chart has a ``…_text`` twin that says its main message in words, for
    the figure's caption or the line under a Mermaid diagram: the same
    words as the SVG's <desc>."""

    def __init__(self, lang: Lang, meta: Meta) -> None:
        self._lang = lang
        self._meta = meta

    @_chart
    def budget(self, chart_id: str, rows: list[AreaYearRow]) -> str:
        return charts.budget_chart(chart_id, rows, self._lang)

    @_chart
    def budget_text(self, rows: list[AreaYearRow]) -> str:
        return charts.budget_text(rows, self._lang)

    @_chart
    def attainment(self, chart_id: str, area: AreaSection) -> str:
        return charts.attainment_chart(chart_id, area.goals, self._meta.year, self._meta.as_of,
                                       self._attainment(area), self._lang)

    @_chart
    def attainment_text(self, area: AreaSection) -> str:
        return self._attainment(area).message

    def _attainment(self, area: AreaSection) -> charts_text.ChartText:
        return charts_text.attainment_text(area.name, area.goals, self._meta.year, self._meta.as_of, self._lang)

    @_chart
    def counts(self, chart_id: str, title: str, counts: dict[int, int]) -> str:
        return charts.count_chart(chart_id, title, counts)

    @_chart
    def cases(self, chart_id: str, quality: QualitySection) -> str:
        return charts.cases_chart(chart_id, quality.per_year, quality.per_year_to_date, self._meta.as_of,
                                  self._cases(quality), self._lang)

    @_chart
    def cases_text(self, quality: QualitySection) -> str:
        return self._cases(quality).message

    def _cases(self, quality: QualitySection) -> charts_text.ChartText:
        return charts_text.cases_text(quality.per_year, quality.per_year_to_date, self._meta.as_of, self._lang)

    @_chart
    def gantt(self, chart_id: str, area: AreaSection, first: int, last: int) -> str:
        return charts.gantt_chart(chart_id, area.bars, first, last, self._meta.as_of,
                                  self._gantt(area, first, last), self._lang)

    @_chart
    def gantt_text(self, area: AreaSection, first: int, last: int) -> str:
        return self._gantt(area, first, last).message

    def _gantt(self, area: AreaSection, first: int, last: int) -> charts_text.ChartText:
        return charts_text.gantt_text(area.name, area.bars, area.folded_bars, first, last, self._meta.year,
                                      self._lang)

    @_chart
    def dependencies(self, chart_id: str, area: AreaSection) -> str:
        return charts.dependency_chart(chart_id, area.nodes, area.edges, self._dependencies(area), self._lang,
                                       area.id)

    @_chart
    def dependencies_text(self, area: AreaSection) -> str:
        return self._dependencies(area).message

    def _dependencies(self, area: AreaSection) -> charts_text.ChartText:
        return charts_text.dependency_text(self._lang.t("deps_title", area=area.name), area.nodes, area.edges,
                                           area.folded_edges, self._meta.year, self._lang, area.id)

    @_chart
    def cross_area(self, chart_id: str, view: CrossArea) -> str:
        return charts.dependency_chart(chart_id, view.nodes, view.edges, self._cross_area(view), self._lang)

    @_chart
    def cross_area_text(self, view: CrossArea) -> str:
        return self._cross_area(view).message

    def _cross_area(self, view: CrossArea) -> charts_text.ChartText:
        return charts_text.dependency_text(self._lang.t("cross_area_heading"), view.nodes, view.edges, view.folded,
                                           self._meta.year, self._lang)

    @_chart
    def mermaid_gantt(self, area: AreaSection, first: int, last: int) -> str:
        return charts.mermaid_gantt(self._gantt(area, first, last).title, area.bars, self._meta.as_of, self._lang)

    @_chart
    def mermaid_flowchart(self, area: AreaSection) -> str:
        return charts.mermaid_flowchart(area.nodes, area.edges, self._lang, area.id)

    @_chart
    def mermaid_cross_area(self, view: CrossArea) -> str:
        return charts.mermaid_flowchart(view.nodes, view.edges, self._lang)
