"""Serialisation: the JSON shape, lossless round trips and structured errors."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import attrs
import pytest

import newsmodel
from newsmodel import (
    Amount,
    Article,
    Change,
    Dateline,
    Quote,
    RegistryError,
    Span,
    StructureError,
    TimeExpression,
    TradeFigure,
    from_dict,
    from_json,
    to_dict,
    to_json,
)

TEXT = "Trade grew 37% last year to nearly $3.5 billion, he said."


def _article() -> Article:
    period = TimeExpression(text="last year", span=Span(start=15, end=24), value="2023")
    figure = TradeFigure(
        span=Span(start=0, end=48),
        measure="trade",
        parties=("RU", "KG"),
        amount=Amount(value=Decimal("3500000000"), currency="USD", approximate="nearly"),
        change=Change(direction="up", percent=Decimal("37")),
        period=period,
        record=True,
    )
    dateline = Dateline(
        text="x", span=Span(start=0, end=1), date=dt.date(2024, 6, 25), weekday="Tuesday"
    )
    return Article(text=TEXT, dateline=dateline, trade_figures=[figure], times=[period])


def test_json_shape_matches_the_contract() -> None:
    """Dates are ISO strings, amounts decimal strings, sequences lists, and the type tag leads."""
    data = to_dict(_article())
    assert next(iter(data)) == "type"
    assert data["type"] == "article"
    assert data["dateline"]["date"] == "2024-06-25"
    figure = data["trade_figures"][0]
    assert figure["amount"] == {
        "value": "3500000000",
        "currency": "USD",
        "unit": None,
        "approximate": "nearly",
    }
    assert figure["change"]["percent"] == "37"
    assert figure["parties"] == ["RU", "KG"]
    assert figure["span"] == {"start": 0, "end": 48}
    assert data["quotes"] == []
    assert data["headline"] is None


def test_round_trip_through_dict_and_json() -> None:
    """from_dict(to_dict(x)) == x and from_json(to_json(x)) == x."""
    article = _article()
    assert from_dict(to_dict(article)) == article
    assert from_json(to_json(article)) == article
    assert json.loads(to_json(article)) == to_dict(article)


def test_non_article_values_round_trip_with_a_class() -> None:
    """Any model value round-trips when its class is named."""
    amount = Amount(value=Decimal("0.000001"), unit="t")
    assert from_dict(to_dict(amount), Amount) == amount


def test_decimal_keeps_its_digits() -> None:
    """Decimal values keep every digit through JSON (no float rounding)."""
    amount = Amount(value=Decimal("12345678901234567890.123456789"), currency="USD")
    assert from_json(to_json(amount), Amount).value == amount.value


@pytest.mark.parametrize(
    ("mutate", "path"),
    [
        (
            lambda d: d["trade_figures"][0]["span"].__setitem__("start", "0"),
            "$.trade_figures[0].span.start",
        ),
        (
            lambda d: d["trade_figures"][0]["span"].__setitem__("end", 4.0),
            "$.trade_figures[0].span.end",
        ),
        (
            lambda d: d["trade_figures"][0]["amount"].__setitem__("value", 3.5),
            "$.trade_figures[0].amount.value",
        ),
        (
            lambda d: d["trade_figures"][0]["amount"].__setitem__("value", "lots"),
            "$.trade_figures[0].amount.value",
        ),
        (
            lambda d: d["trade_figures"][0]["amount"].__setitem__("currency", "ABC"),
            "$.trade_figures[0].amount.currency",
        ),
        (
            lambda d: d["trade_figures"][0].__setitem__("status", "guess"),
            "$.trade_figures[0].status",
        ),
        (lambda d: d["trade_figures"][0].__setitem__("record", "yes"), "$.trade_figures[0].record"),
        (
            lambda d: d["trade_figures"][0]["parties"].__setitem__(1, "XX"),
            "$.trade_figures[0].parties",
        ),
        (lambda d: d["dateline"].__setitem__("date", "25/06/2024"), "$.dateline.date"),
        (lambda d: d["dateline"].__setitem__("weekday", "Monday"), "$.dateline.weekday"),
        (
            lambda d: d["trade_figures"][0]["span"].__setitem__("end", 10_000),
            "$.trade_figures[0].span.end",
        ),
        (lambda d: d.pop("text"), "$.text"),
        (lambda d: d.__setitem__("quotes", {"a": 1}), "$.quotes"),
    ],
)
def test_bad_data_names_its_path(mutate: object, path: str) -> None:
    """from_dict of bad data raises StructureError naming the JSON path of the problem."""
    data = to_dict(_article())
    mutate(data)  # type: ignore[operator]
    with pytest.raises(StructureError) as info:
        from_dict(data)
    assert path in info.value.paths, info.value.errors


def test_several_problems_are_all_reported() -> None:
    """Every problem is listed, not just the first."""
    data = to_dict(_article())
    data["trade_figures"][0]["span"]["start"] = "x"
    data["dateline"]["date"] = "never"
    with pytest.raises(StructureError) as info:
        from_dict(data)
    assert len(info.value.errors) == 2


def test_unknown_type_tag_lists_the_known_ones() -> None:
    """An unknown type tag fails with the known tags in the message."""
    data = to_dict(_article())
    data["type"] = "horoscope"
    with pytest.raises(RegistryError, match=r"known types: .*article"):
        from_dict(data)


@pytest.mark.parametrize("payload", ["", "{", "[1, 2", "null", "[]", '{"type": "article"}'])
def test_malformed_json_is_a_structure_error(payload: str) -> None:
    """Truncated, empty or wrongly shaped JSON gives a StructureError, never a bare exception."""
    with pytest.raises(StructureError):
        from_json(payload)


def test_deeply_nested_json_is_a_structure_error() -> None:
    """Hostile nesting is reported, not a RecursionError."""
    with pytest.raises(StructureError):
        from_json("[" * 100_000 + "]" * 100_000)


def test_structure_error_keeps_the_cattrs_tree() -> None:
    """The cattrs exception tree stays reachable as __cause__."""
    data = to_dict(_article())
    data["trade_figures"][0]["span"]["start"] = "x"
    with pytest.raises(StructureError) as info:
        from_dict(data)
    assert info.value.__cause__ is not None


def test_registered_article_types_round_trip() -> None:
    """A subclass registered after import serialises with its tag and comes back as itself."""

    @newsmodel.register_article_type("test-brief")
    @attrs.frozen(kw_only=True)
    class Brief(Article):
        urgency: int = 0

    brief = Brief(text="FLASH", urgency=3)
    data = to_dict(brief)
    assert data["type"] == "test-brief"
    assert data["urgency"] == 3
    back = from_dict(data)
    assert type(back) is Brief
    assert back == brief
    with pytest.raises(RegistryError, match="already names"):

        @newsmodel.register_article_type("test-brief")
        @attrs.frozen(kw_only=True)
        class Other(Article):
            pass


def test_make_converter_returns_fresh_converters() -> None:
    """make_converter builds an independent converter with the same JSON shape."""
    first, second = newsmodel.make_converter(), newsmodel.make_converter()
    assert first is not second
    quote = Quote(text="x y", span=Span(start=0, end=3))
    assert first.unstructure(quote) == to_dict(quote)
