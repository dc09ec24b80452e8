"""Hypothesis strategies for every model class, respecting its invariants.

Use them to property-test code that consumes or extends newsmodel::

    from hypothesis import given
    from newsmodel import from_dict, to_dict, strategies

    @given(strategies.articles())
    def test_round_trip(article):
        assert from_dict(to_dict(article)) == article

Hypothesis is an optional dependency: ``pip install newsmodel[hypothesis]``.
Strategies of facts take ``text_length``: every span they draw lies inside a text
of that many characters, so they can be placed in an :class:`~newsmodel.Article`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import cache
from typing import Any, TypeVar, get_args

try:
    from hypothesis import strategies as st
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError(
        "newsmodel.strategies needs Hypothesis: pip install 'newsmodel[hypothesis]'"
    ) from exc

import pycountry

from newsmodel.codes import WITHDRAWN_CURRENCIES
from newsmodel.model import (
    Amount,
    Approximation,
    Article,
    Change,
    Dateline,
    Direction,
    Headline,
    Paragraph,
    Quote,
    QuoteKind,
    Sanction,
    SanctionAction,
    Span,
    TimeExpression,
    TimeKind,
    TimeModifier,
    TradeFigure,
    TradeStatus,
    Visit,
    VisitStatus,
)

__all__ = [
    "amounts",
    "articles",
    "changes",
    "country_codes",
    "currency_codes",
    "datelines",
    "decimals",
    "headlines",
    "labels",
    "paragraphs",
    "quotes",
    "sanctions",
    "spans",
    "texts",
    "time_expressions",
    "trade_figures",
    "visits",
]

T = TypeVar("T")

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@cache
def _country_list() -> tuple[str, ...]:
    codes = {c.alpha_2 for c in pycountry.countries} | {"SU", "DD", "YU", "CS", "XK"}
    return tuple(sorted(codes))


@cache
def _currency_list() -> tuple[str, ...]:
    return tuple(sorted({c.alpha_3 for c in pycountry.currencies} | WITHDRAWN_CURRENCIES))


#: Any code point but lone surrogates, which no UTF-8 text can hold.
_CHARACTERS = st.characters(exclude_categories=["Cs"])


def country_codes() -> st.SearchStrategy[str]:
    """ISO 3166-1 alpha-2 codes, current and withdrawn."""
    return st.sampled_from(_country_list())


def currency_codes() -> st.SearchStrategy[str]:
    """ISO 4217 codes, current and withdrawn."""
    return st.sampled_from(_currency_list())


def texts(max_size: int = 40) -> st.SearchStrategy[str]:
    """Unicode text that is not blank (any code point, surrogates excluded)."""
    return st.text(_CHARACTERS, min_size=1, max_size=max_size).filter(lambda s: bool(s.strip()))


def labels() -> st.SearchStrategy[str]:
    """Short non-blank strings for names, cues and measures."""
    return texts(20)


def decimals() -> st.SearchStrategy[Decimal]:
    """Finite decimals of any sign, scale and magnitude."""
    return st.decimals(allow_nan=False, allow_infinity=False)


def _optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | strategy


def _literal(alias: Any) -> st.SearchStrategy[Any]:
    return st.sampled_from(get_args(alias))


@st.composite
def spans(draw: st.DrawFn, /, text_length: int = 200) -> Span:
    """Spans that lie inside a text of *text_length* characters."""
    start = draw(st.integers(0, text_length))
    end = draw(st.integers(start, text_length))
    return Span(start=start, end=end)


def headlines(text_length: int = 200) -> st.SearchStrategy[Headline]:
    """Headlines with spans inside a text of *text_length* characters."""
    return st.builds(Headline, text=texts(), span=spans(text_length))


def paragraphs(text_length: int = 200) -> st.SearchStrategy[Paragraph]:
    """Paragraphs with spans inside a text of *text_length* characters."""
    return st.builds(Paragraph, text=texts(), span=spans(text_length))


@st.composite
def datelines(draw: st.DrawFn, /, text_length: int = 200) -> Dateline:
    """Datelines whose printed weekday agrees with the date, or is flagged as a conflict."""
    date = draw(_optional(st.dates()))
    weekday = draw(_optional(st.sampled_from(_WEEKDAYS)))
    conflict = date is not None and weekday is not None and _WEEKDAYS[date.weekday()] != weekday
    return Dateline(
        text=draw(texts()),
        span=draw(spans(text_length)),
        place=draw(_optional(labels())),
        country=draw(_optional(country_codes())),
        date=date,
        year=draw(_optional(st.integers(0, 9999))),
        month=draw(_optional(st.integers(1, 12))),
        day=draw(_optional(st.integers(1, 31))),
        weekday=weekday,
        weekday_conflict=conflict,
        agency=draw(_optional(labels())),
        date_source=draw(_optional(st.sampled_from(("published", "header", "dateline")))),
    )


def time_expressions(text_length: int = 200) -> st.SearchStrategy[TimeExpression]:
    """Time expressions with spans inside a text of *text_length* characters."""
    return st.builds(
        TimeExpression,
        text=texts(),
        span=spans(text_length),
        value=_optional(labels()),
        kind=_literal(TimeKind),
        modifier=_optional(_literal(TimeModifier)),
    )


@st.composite
def amounts(draw: st.DrawFn, /) -> Amount:
    """Amounts of money, of a physical unit, or bare counts."""
    which = draw(st.sampled_from(("money", "unit", "count")))
    return Amount(
        value=draw(decimals()),
        currency=draw(currency_codes()) if which == "money" else None,
        unit=draw(labels()) if which == "unit" else None,
        approximate=draw(_optional(_literal(Approximation))),
    )


def changes() -> st.SearchStrategy[Change]:
    """Changes by percent, by amount, or direction only."""
    return st.builds(
        Change,
        direction=_optional(_literal(Direction)),
        percent=_optional(decimals()),
        value=_optional(amounts()),
    )


def quotes(text_length: int = 200) -> st.SearchStrategy[Quote]:
    """Quotes with spans inside a text of *text_length* characters."""
    return st.builds(
        Quote,
        text=texts(),
        span=spans(text_length),
        kind=_literal(QuoteKind),
        speaker=_optional(labels()),
        speaker_span=_optional(spans(text_length)),
        speaker_title=_optional(labels()),
        cue=_optional(labels()),
        cue_span=_optional(spans(text_length)),
    )


def sanctions(text_length: int = 200) -> st.SearchStrategy[Sanction]:
    """Sanctions with spans inside a text of *text_length* characters."""
    return st.builds(
        Sanction,
        span=spans(text_length),
        action=_literal(SanctionAction),
        measure=labels(),
        imposer=_optional(labels()),
        imposer_country=_optional(country_codes()),
        target=_optional(labels()),
        target_country=_optional(country_codes()),
        target_count=_optional(st.integers(0, 10**6)),
        rate=_optional(decimals()),
        amount=_optional(amounts()),
        reason=_optional(labels()),
        when=_optional(time_expressions(text_length)),
    )


def trade_figures(text_length: int = 200) -> st.SearchStrategy[TradeFigure]:
    """Trade figures with spans inside a text of *text_length* characters."""
    return st.builds(
        TradeFigure,
        span=spans(text_length),
        measure=labels(),
        parties=st.lists(country_codes(), max_size=3).map(tuple),
        amount=_optional(amounts()),
        change=_optional(changes()),
        period=_optional(time_expressions(text_length)),
        record=st.booleans(),
        status=_literal(TradeStatus),
    )


@st.composite
def visits(draw: st.DrawFn, /, text_length: int = 200) -> Visit:
    """Visits with spans inside a text of *text_length* characters; end never before start."""
    start = draw(_optional(st.dates()))
    end = draw(_optional(st.dates(min_value=start or dt.date.min)))
    return Visit(
        span=draw(spans(text_length)),
        status=draw(_literal(VisitStatus)),
        visitor=draw(_optional(labels())),
        visitor_span=draw(_optional(spans(text_length))),
        destination=draw(_optional(labels())),
        country=draw(_optional(country_codes())),
        place=draw(_optional(labels())),
        start=start,
        end=end,
        duration_days=draw(_optional(st.integers(0, 3650))),
        purpose=draw(_optional(labels())),
        mentions=tuple(draw(st.lists(spans(text_length), max_size=3))),
    )


def _ordered(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[tuple[T, ...]]:
    return st.lists(strategy, max_size=4).map(
        lambda items: tuple(sorted(items, key=lambda item: getattr(item, "span").start))  # noqa: B009
    )


@st.composite
def articles(draw: st.DrawFn, /, article_type: type[Article] = Article, **fields: Any) -> Article:
    """Articles whose every span lies inside their text and whose lists are in text order.

    Pass ``article_type`` and strategies for its extra fields to test an extension
    type: ``articles(EarningsReport, figures=st.lists(...).map(tuple))``.
    """
    text = draw(st.text(_CHARACTERS, max_size=300))
    n = len(text)
    extra = {name: draw(strategy) for name, strategy in fields.items()}
    return article_type(
        text=text,
        headline=draw(_optional(headlines(n))),
        dateline=draw(_optional(datelines(n))),
        credit=draw(_optional(labels())),
        authors=tuple(draw(st.lists(labels(), max_size=3))),
        paragraphs=draw(_ordered(paragraphs(n))),
        quotes=draw(_ordered(quotes(n))),
        sanctions=draw(_ordered(sanctions(n))),
        trade_figures=draw(_ordered(trade_figures(n))),
        visits=draw(_ordered(visits(n))),
        times=draw(_ordered(time_expressions(n))),
        **extra,
    )
