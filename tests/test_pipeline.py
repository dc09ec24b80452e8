"""The parser pipeline: composition, replacement and input checks."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import newsmodel
from newsmodel import Document, FunctionExtractor, InputError, Parser, Quote, Span


def _shout(doc: Document) -> dict[str, Any]:
    start = doc.text.find("!")
    if start < 0:
        return {}
    return {"quotes": [Quote(text="!", span=Span(start=start, end=start + 1), cue="shout")]}


def test_default_parser_runs_the_builtin_steps_in_order() -> None:
    """Layout runs first, then time, then the fact extractors."""
    names = [e.name for e in Parser().extractors]
    assert names == ["layout", "times", "quotes", "sanctions", "trade_figures", "visits"]


def test_replace_swaps_a_step_by_name() -> None:
    """replace() puts a user extractor in place of the built-in one of the same name."""
    parser = Parser().replace(FunctionExtractor(name="quotes", function=_shout))
    article = parser.parse('Hello! He said: "we are here".')
    assert [q.cue for q in article.quotes] == ["shout"]
    assert [e.name for e in parser.extractors].index("quotes") == 2


def test_without_drops_steps() -> None:
    """without() removes steps by name."""
    parser = Parser().without("quotes", "visits")
    assert "quotes" not in [e.name for e in parser.extractors]
    assert parser.parse('"We are ready to act now," he said.').quotes == ()


def test_custom_extractor_list() -> None:
    """A parser can be built from any list of extractors."""
    parser = Parser(extractors=[FunctionExtractor(name="shout", function=_shout)])
    assert len(parser.parse("Stop!").quotes) == 1


def test_extractor_names_must_be_unique() -> None:
    """Two steps with one name are rejected."""
    step = FunctionExtractor(name="x", function=_shout)
    with pytest.raises(InputError, match="unique"):
        Parser(extractors=[step, step])


def test_non_extractors_are_rejected() -> None:
    """Objects without name and extract are not steps."""
    with pytest.raises(InputError, match="not an Extractor"):
        Parser(extractors=[print])  # type: ignore[list-item]


@pytest.mark.parametrize("bad", [b"bytes", None, 42])
def test_parse_rejects_non_text(bad: object) -> None:
    """parse() takes str only and says so."""
    with pytest.raises(InputError, match="must be str"):
        newsmodel.parse(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", ["2024-06-25", dt.datetime(2024, 6, 25), 20240625])
def test_parse_rejects_bad_published(bad: object) -> None:
    """published must be a datetime.date."""
    with pytest.raises(InputError, match="published"):
        newsmodel.parse("text", published=bad)  # type: ignore[arg-type]


def test_unexpected_extractor_failures_are_wrapped() -> None:
    """A bug inside a step surfaces as ExtractorError naming the step, never a bare exception."""

    def broken(doc: Document) -> dict[str, Any]:
        return {"quotes": [1 / 0]}

    parser = Parser(extractors=[FunctionExtractor(name="broken", function=broken)])
    with pytest.raises(newsmodel.ExtractorError, match="'broken'") as info:
        parser.parse("text")
    assert isinstance(info.value.__cause__, ZeroDivisionError)
    assert info.value.extractor == "broken"
