"""Hypothesis properties: lossless round trips and a parser that never breaks its promises."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsmodel
from newsmodel import strategies as nst
from newsmodel.model import (
    Amount,
    Article,
    Change,
    Dateline,
    Headline,
    Paragraph,
    Quote,
    Sanction,
    Span,
    TimeExpression,
    TradeFigure,
    Visit,
)

STRATEGIES: list[tuple[type[Any], st.SearchStrategy[Any]]] = [
    (Span, nst.spans()),
    (Headline, nst.headlines()),
    (Paragraph, nst.paragraphs()),
    (Dateline, nst.datelines()),
    (TimeExpression, nst.time_expressions()),
    (Amount, nst.amounts()),
    (Change, nst.changes()),
    (Quote, nst.quotes()),
    (Sanction, nst.sanctions()),
    (TradeFigure, nst.trade_figures()),
    (Visit, nst.visits()),
    (Article, nst.articles()),
]


def _is_json_native(value: object) -> bool:
    if value is None or isinstance(value, (str, bool, int)):
        return not isinstance(value, float)
    if isinstance(value, list):
        return all(_is_json_native(item) for item in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _is_json_native(v) for k, v in value.items())
    return False


@pytest.mark.parametrize(("cls", "strategy"), STRATEGIES, ids=[c.__name__ for c, _ in STRATEGIES])
def test_dict_round_trip(cls: type[Any], strategy: st.SearchStrategy[Any]) -> None:
    """from_dict(to_dict(x)) == x for every model class, and to_dict is JSON-native."""

    @given(strategy)
    def check(value: Any) -> None:
        data = newsmodel.to_dict(value)
        assert _is_json_native(data)
        assert newsmodel.from_dict(data, cls) == value

    check()


@pytest.mark.parametrize(("cls", "strategy"), STRATEGIES, ids=[c.__name__ for c, _ in STRATEGIES])
def test_json_round_trip(cls: type[Any], strategy: st.SearchStrategy[Any]) -> None:
    """from_json(to_json(x)) == x for every model class."""

    @given(strategy)
    def check(value: Any) -> None:
        text = newsmodel.to_json(value)
        assert json.loads(text) == newsmodel.to_dict(value)
        assert newsmodel.from_json(text, cls) == value

    check()


def _spans_of(article: Article) -> list[Span]:
    from newsmodel.model import _spans

    return [span for _, span in _spans(article)]


def _check_parse(text: str) -> None:
    try:
        article = newsmodel.parse(text)
    except newsmodel.ParseTimeoutError:
        return  # allowed on hostile input; an ExtractorError is a bug and fails the test
    assert article.text == text
    for span in _spans_of(article):
        assert 0 <= span.start <= span.end <= len(text)
    for paragraph in article.paragraphs:
        assert text[paragraph.span.start : paragraph.span.end] == paragraph.text
    assert newsmodel.from_dict(newsmodel.to_dict(article)) == article


@given(st.text(st.characters(exclude_categories=["Cs"]), max_size=2000))
def test_parse_any_text(text: str) -> None:
    """For any text, parse returns an article with spans inside the text, or a NewsmodelError."""
    _check_parse(text)


NEWSY = st.lists(
    st.sampled_from(
        [
            "BISHKEK, Oct 12 (Reuters) - ",
            "| 25 June 2024, Tuesday |\n\n",
            "\u201cWe are ready,\u201d he said. ",
            '"We are ready," said President Ann Lee. ',
            "Exports rose 12.5% in 2023 to $3.5 billion. ",
            "The United States imposed sanctions on four companies in July. ",
            "Prime Minister Joe Bloggs will visit China next week. ",
            "\n\n",
            "    ",
            "\u00ab ",
            "\u201d",
            '"',
            "'",
            "\x00",
            "\r\n",
            " REUTER\n",
            "last year",
            "1,234,567",
        ]
    ),
    max_size=40,
).map("".join)


@given(NEWSY)
def test_parse_article_like_text(text: str) -> None:
    """Article-like text built from wire-copy fragments parses with valid spans and round-trips."""
    _check_parse(text)


@pytest.mark.parametrize(
    "text",
    ["", " ", "\n\n\n", "\x00\x01\x02", "\ufeff", "\u2028\u2029", '"' * 1000, "9" * 5000],
)
def test_parse_edge_inputs(text: str) -> None:
    """Empty, blank, control-character and degenerate inputs parse without crashing."""
    _check_parse(text)


def test_parse_surrogates() -> None:
    """Lone surrogates (possible in Python str) do not crash the parser."""
    _check_parse('He said \ud800 "hi there" \udfff.')


def test_parse_is_pure(seed_text: str) -> None:
    """Same input, same output."""
    assert newsmodel.parse(seed_text) == newsmodel.parse(seed_text)


def test_parsed_seed_round_trips(seed_text: str) -> None:
    """The parsed seed article survives dict and JSON round trips unchanged."""
    article = newsmodel.parse(seed_text)
    assert newsmodel.from_dict(newsmodel.to_dict(article)) == article
    assert newsmodel.from_json(newsmodel.to_json(article)) == article
