"""Hypothesis strategies for the plugin's model, built on :mod:`newsmodel.strategies`."""

from __future__ import annotations

from hypothesis import strategies as st

from newsmodel import strategies as nst
from newsmodel_earnings.model import EarningsFigure, EarningsReport

__all__ = ["earnings_figures", "earnings_reports"]

_METRICS = ("revenue", "net income", "net loss", "operating profit", "earnings per share")


def earnings_figures(text_length: int = 200) -> st.SearchStrategy[EarningsFigure]:
    """Earnings figures with spans inside a text of *text_length* characters."""
    return st.builds(
        EarningsFigure,
        span=nst.spans(text_length),
        metric=st.sampled_from(_METRICS),
        amount=st.none() | nst.amounts(),
        change=st.none() | nst.changes(),
        period=st.none() | nst.time_expressions(text_length),
    )


def earnings_reports() -> st.SearchStrategy[EarningsReport]:
    """Earnings reports: every base field from ``newsmodel.strategies.articles``, plus figures
    whose spans lie inside the drawn text, in text order."""

    def with_figures(report: EarningsReport) -> st.SearchStrategy[EarningsReport]:
        figures = st.lists(earnings_figures(len(report.text)), max_size=4).map(
            lambda items: tuple(sorted(items, key=lambda f: f.span.start))
        )
        return figures.map(lambda found: _evolve(report, found))

    base = nst.articles(EarningsReport)
    return base.flatmap(with_figures)  # type: ignore[arg-type]


def _evolve(report: EarningsReport, figures: tuple[EarningsFigure, ...]) -> EarningsReport:
    import attrs

    return attrs.evolve(report, figures=figures)
