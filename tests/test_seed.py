"""The seed article comes out as the model contract says, and matches its golden JSON."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

import newsmodel
from newsmodel import Article

from .conftest import SEEDS


@pytest.fixture(scope="module")
def seed(seed_text: str) -> Article:
    """The parsed seed article."""
    return newsmodel.parse(seed_text)


def test_layout(seed: Article) -> None:
    """Headline, header date with its weekday, and the Reuters credit."""
    assert seed.headline is not None
    assert seed.headline.text.startswith("Russia’s Putin visits Kyrgyzstan")
    assert seed.dateline is not None
    assert seed.dateline.date == dt.date(2024, 6, 25)
    assert seed.dateline.weekday == "Tuesday"
    assert not seed.dateline.weekday_conflict
    assert seed.credit == "Reuters"
    assert seed.paragraphs[0].text.startswith("Russian President Vladimir Putin met")
    assert seed.paragraphs[-1].text.startswith("The United States imposed sanctions")


def test_direct_quotes(seed: Article) -> None:
    """Four direct quotes with full speaker names and their cues."""
    direct = [q for q in seed.quotes if q.kind == "direct"]
    assert [q.speaker for q in direct] == [
        "Vladimir Putin",
        "Vladimir Putin",
        "Sadyr Japarov",
        "Vladimir Putin",
    ]
    assert direct[0].text.startswith("This military outpost")
    assert direct[1].text.startswith("Our country is the main supplier")
    assert direct[1].cue == "told a briefing"
    assert direct[2].text.startswith("We very highly value")
    assert direct[3].text.startswith("Russia is one of the leading trade partners")
    for quote in direct:
        surface = seed.surface(quote.span)
        assert surface[0] == "“"
        assert surface[-1] == "”"
        assert quote.speaker_span is not None
        assert seed.surface(quote.speaker_span) in {"Putin", "Japarov"}


def test_trade_figures(seed: Article) -> None:
    """Trade turnover up 37% in 2023 to a record of nearly $3.5 billion; up 17.9% in 2024-H1."""
    figures = seed.trade_figures
    assert len(figures) == 2
    first, second = figures
    assert first.amount is not None
    assert first.amount.value == Decimal("3500000000")
    assert first.amount.currency == "USD"
    assert first.amount.approximate == "nearly"
    assert first.change is not None
    assert (first.change.direction, first.change.percent) == ("up", Decimal("37"))
    assert first.period is not None
    assert first.period.value == "2023"
    assert first.record
    assert set(first.parties) == {"RU", "KG"}
    assert second.change is not None
    assert (second.change.direction, second.change.percent) == ("up", Decimal("17.9"))
    assert second.period is not None
    assert second.period.value == "2024-H1"


def test_sanctions(seed: Article) -> None:
    """US sanctions on four Kyrgyz companies, Western sanctions on Russia, and enforcement."""
    by_action = {(s.action, s.target_country) for s in seed.sanctions}
    assert ("impose", "KG") in by_action
    assert ("impose", "RU") in by_action
    assert ("enforce", "RU") in by_action
    us = next(s for s in seed.sanctions if s.target_country == "KG")
    assert us.imposer_country == "US"
    assert us.target_count == 4
    assert us.when is not None
    assert us.when.value == "2023-07"
    assert us.reason is not None
    assert us.reason.startswith("for re-exporting electronics")
    western = next(s for s in seed.sanctions if s.action == "impose" and s.target_country == "RU")
    assert western.imposer_country is None


def test_visits(seed: Article) -> None:
    """Putin in Kyrgyzstan (ongoing, two days, to 2024-06-28) and planned to China next week."""
    visits = {v.country: v for v in seed.visits}
    assert set(visits) == {"KG", "CN"}
    kyrgyzstan, china = visits["KG"], visits["CN"]
    assert kyrgyzstan.visitor == china.visitor == "Vladimir Putin"
    assert kyrgyzstan.status == "ongoing"
    assert kyrgyzstan.duration_days == 2
    assert kyrgyzstan.end == dt.date(2024, 6, 28)
    assert kyrgyzstan.place == "Bishkek"
    assert china.status == "planned"
    assert china.place == "Beijing"
    assert china.purpose is not None
    assert "Belt and Road Forum" in china.purpose


@pytest.mark.parametrize(
    ("surface", "value"),
    [
        ("March", "2024-03"),
        ("early 2022", "2022"),
        ("next week", "2024-W27"),
        ("Friday", "2024-06-28"),
        ("last year", "2023"),
        ("the first half of this year", "2024-H1"),
        ("July", "2023-07"),
        ("last week", "2024-W25"),
    ],
)
def test_times(seed: Article, surface: str, value: str) -> None:
    """Time expressions are resolved against the header date."""
    found = {(t.text.lower().removeprefix("in ").removeprefix("on "), t.value) for t in seed.times}
    assert (surface.lower(), value) in found, sorted(found)


def test_golden_json(seed: Article, request: pytest.FixtureRequest) -> None:
    """The whole parsed seed equals the reviewed JSON beside it (--update-golden rewrites it)."""
    golden = SEEDS / "putin-kyrgyzstan-2024-06-25.json"
    produced = newsmodel.to_json(seed, indent=1) + "\n"
    if request.config.getoption("--update-golden"):
        golden.write_text(produced, encoding="utf-8")
    expected = json.loads(golden.read_text(encoding="utf-8"))
    assert newsmodel.to_dict(seed) == expected
    assert newsmodel.from_dict(expected) == seed
