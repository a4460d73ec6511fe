"""Numbers as a Norwegian budget document writes them: thousands spaced
("12 850"), money in whole 1000 kr, årsverk with one decimal. Every message,
plan view and report change list formats through here, so one figure never
reads two ways."""

from __future__ import annotations


def amount(value: float) -> str:
    """1000 kr figures with Norwegian thousands spacing: 12 850."""
    return f"{value:,.0f}".replace(",", " ")


def fte(value: float) -> str:
    """Årsverk with one decimal and thousands spacing: 1 204.5."""
    return one_decimal(value)


def one_decimal(value: float) -> str:
    """Points and other measures shown with one decimal: 1 204.5."""
    return f"{value:,.1f}".replace(",", " ")


def amounts_by_year(by_year: dict[int, float], separator: str = ", ") -> str:
    """'2019: 1 500, 2020: 2 000' – or '–' when there is none."""
    return separator.join(f"{y}: {amount(v)}" for y, v in sorted(by_year.items())) or "–"
