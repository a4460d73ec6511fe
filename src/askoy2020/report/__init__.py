"""The report: build the typed model from the portfolio, then render it through the templates."""
