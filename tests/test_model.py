"""The model classes: construction, invariants and helpers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest

from newsmodel import (
    Amount,
    Article,
    Dateline,
    ModelInvariantError,
    NewsmodelError,
    Quote,
    Span,
    TradeFigure,
    Visit,
)

TEXT = 'Exports rose. "We are ready," he said.'


def test_span_rejects_end_before_start() -> None:
    """A span cannot end before it starts."""
    with pytest.raises(ModelInvariantError, match="lies before start"):
        Span(start=5, end=4)


def test_span_rejects_negative_start() -> None:
    """A span cannot start before the text."""
    with pytest.raises(ModelInvariantError):
        Span(start=-1, end=4)


def test_span_helpers() -> None:
    """Spans slice text and compare by overlap and containment."""
    span = Span(start=0, end=7)
    assert span.slice(TEXT) == "Exports"
    assert len(span) == 7
    assert span.overlaps(Span(start=6, end=9))
    assert not span.overlaps(Span(start=7, end=9))
    assert span.contains(Span(start=1, end=7))


def test_models_are_frozen_and_keyword_only() -> None:
    """Model values cannot be changed and take keyword arguments only."""
    span = Span(start=0, end=1)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        span.start = 2  # type: ignore[misc]
    with pytest.raises(TypeError):
        Span(0, 1)  # type: ignore[misc]


def test_article_rejects_span_outside_text() -> None:
    """Every span of an article must lie inside its text."""
    quote = Quote(text="We are ready", span=Span(start=14, end=99), speaker="he")
    with pytest.raises(ModelInvariantError, match="outside the text") as info:
        Article(text=TEXT, quotes=[quote])
    assert info.value.field == "quotes[0].span.end"


def test_article_rejects_nested_span_outside_text() -> None:
    """Spans inside nested values are checked too."""
    figure = TradeFigure(
        span=Span(start=0, end=12), measure="exports", period=None, parties=("US",)
    )
    Article(text=TEXT, trade_figures=[figure])
    bad = Visit(span=Span(start=0, end=3), status="planned", mentions=[Span(start=0, end=500)])
    with pytest.raises(ModelInvariantError):
        Article(text=TEXT, visits=[bad])


def test_article_lists_must_be_in_text_order() -> None:
    """Fact lists are ordered by span start."""
    a = Quote(text="x y", span=Span(start=20, end=25))
    b = Quote(text="x y", span=Span(start=0, end=5))
    with pytest.raises(ModelInvariantError, match="ordered"):
        Article(text=TEXT, quotes=[a, b])


def test_sequences_are_stored_as_tuples() -> None:
    """Lists given to the model are stored immutably."""
    article = Article(text=TEXT, authors=["A B"])
    assert article.authors == ("A B",)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"value": Decimal(1), "currency": "XYZ"}, "ISO 4217"),
        ({"value": Decimal(1), "currency": "USD", "unit": "t"}, "not both"),
        ({"value": Decimal("NaN")}, "finite"),
    ],
)
def test_amount_invariants(kwargs: dict[str, object], message: str) -> None:
    """Amounts have a known currency or a unit, never both, and a finite value."""
    with pytest.raises(ModelInvariantError, match=message):
        Amount(**kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize("code", ["US", "KG", "SU", "DD", "YU", "CS"])
def test_country_codes_include_withdrawn_states(code: str) -> None:
    """Current and withdrawn ISO 3166-1 codes are accepted (1987 wire copy names the USSR)."""
    assert TradeFigure(span=Span(start=0, end=1), measure="exports", parties=(code,))


@pytest.mark.parametrize("code", ["XX", "us", "USA", ""])
def test_bad_country_codes_are_rejected(code: str) -> None:
    """Anything but an upper-case ISO alpha-2 code is rejected."""
    with pytest.raises(ModelInvariantError, match="ISO 3166"):
        TradeFigure(span=Span(start=0, end=1), measure="exports", parties=(code,))


@pytest.mark.parametrize("code", ["USD", "CNY", "DEM", "XEU", "FRF"])
def test_currency_codes_include_withdrawn_currencies(code: str) -> None:
    """Withdrawn currencies such as the Deutsche mark are valid for old copy."""
    assert Amount(value=Decimal(1), currency=code).currency == code


def test_dateline_weekday_must_agree_or_be_flagged() -> None:
    """A printed weekday that contradicts the date must be reported, not accepted silently."""
    span = Span(start=0, end=5)
    ok = Dateline(text="x", span=span, date=dt.date(2024, 6, 25), weekday="Tuesday")
    assert not ok.weekday_conflict
    with pytest.raises(ModelInvariantError, match="contradicts"):
        Dateline(text="x", span=span, date=dt.date(2024, 6, 25), weekday="Monday")
    flagged = Dateline(
        text="x", span=span, date=dt.date(2024, 6, 25), weekday="Monday", weekday_conflict=True
    )
    assert flagged.weekday_conflict


def test_empty_strings_are_not_values() -> None:
    """Missing values are None, never empty strings."""
    with pytest.raises(ModelInvariantError, match="empty"):
        Quote(text="  ", span=Span(start=0, end=1))
    with pytest.raises(ModelInvariantError, match="empty"):
        Quote(text="x y", span=Span(start=0, end=1), speaker="")


def test_visit_cannot_end_before_it_starts() -> None:
    """A visit's end date is not before its start date."""
    with pytest.raises(ModelInvariantError):
        Visit(
            span=Span(start=0, end=1),
            status="completed",
            start=dt.date(2024, 6, 2),
            end=dt.date(2024, 6, 1),
        )


def test_invariant_errors_share_the_root() -> None:
    """Every invariant error is a NewsmodelError and a ValueError."""
    assert issubclass(ModelInvariantError, NewsmodelError)
    assert issubclass(ModelInvariantError, ValueError)


def test_facts_are_yielded_in_text_order() -> None:
    """Article.facts() merges every kind of fact in text order."""
    quote = Quote(text="We are ready", span=Span(start=14, end=29), speaker="he")
    figure = TradeFigure(span=Span(start=0, end=13), measure="exports")
    article = Article(text=TEXT, quotes=[quote], trade_figures=[figure])
    assert list(article.facts()) == [figure, quote]
    assert article.surface(quote.span) == '"We are ready,"'
