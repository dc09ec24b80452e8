"""The plugin's model: one fact class and one article type."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

import newsmodel
from newsmodel import Amount, Change, Span, TimeExpression
from newsmodel.plugins import BUILTIN_EXTRACTORS

__all__ = ["EarningsFigure", "EarningsReport"]


def _in_text_order(_: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    starts = [item.span.start for item in value]
    if starts != sorted(starts):
        raise newsmodel.ModelInvariantError(
            f"{attribute.name}: items must be ordered by span.start", field=attribute.name
        )


def _as_tuple(items: Iterable[EarningsFigure]) -> tuple[EarningsFigure, ...]:
    return tuple(items)


@attrs.frozen(kw_only=True)
class EarningsFigure:
    """One reported result: a metric with its amount and/or change."""

    span: Span
    """From the metric's name to the last number read for it."""
    metric: str
    """``"revenue"``, ``"net income"``, ``"operating profit"`` or ``"earnings per share"``."""
    amount: Amount | None = None
    """The level reported, or None when only a change is given."""
    change: Change | None = None
    """The change reported, or None."""
    period: TimeExpression | None = None
    """The period the figure covers, or None."""


@newsmodel.register_article_type("earnings", extractors=(*BUILTIN_EXTRACTORS, "earnings_figures"))
@attrs.frozen(kw_only=True)
class EarningsReport(newsmodel.Article):
    """A news article about company results, with every earnings figure in it."""

    figures: tuple[EarningsFigure, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_in_text_order
    )
    """Every earnings figure, in text order."""
