"""Tests for the sanctions extractor (newsmodel.extract.sanctions)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from newsmodel.document import Document
from newsmodel.extract import sanctions
from newsmodel.model import Dateline, Sanction, Span, TimeExpression

SEED = Path(__file__).resolve().parent.parent / "seeds" / "putin-kyrgyzstan-2024-06-25.txt"


def _run(text: str, **fields: object) -> list[Sanction]:
    doc = Document(text=text)
    doc.fields.update(fields)
    found: list[Sanction] = sanctions.extract(doc)["sanctions"]
    return found


def _dateline(text: str, place: str, country: str) -> Dateline:
    end = text.index(" -")
    return Dateline(text=text[:end], span=Span(start=0, end=end), place=place, country=country)


def _summary(fact: Sanction) -> tuple[str, str | None, str | None]:
    return (fact.action, fact.imposer_country, fact.target_country)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The United States imposed sanctions on four Kyrgyz companies.", [("impose", "US", "KG")]),
        ("Washington slapped tariffs on Chinese steel last year.", [("impose", "US", "CN")]),
        ("Canada lifted remaining restrictions on Cuba last month.", [("lift", "CA", "CU")]),
        ("Brazil threatened sanctions against Paraguay.", [("threaten", "BR", "PY")]),
        ("Japan plans to impose tariffs on U.S. goods.", [("threaten", "JP", "US")]),
        (
            "The bank urged compliance with Western sanctions against Moscow.",
            [("enforce", None, "RU")],
        ),
        ("Western sanctions imposed on Russia over Ukraine hurt trade.", [("impose", None, "RU")]),
        ("Beijing imposed anti-dumping duties on Australian wine.", [("impose", "CN", "AU")]),
        ("The EU embargo on arms exports to China is likely to be lifted.", [("lift", None, "CN")]),
        ("The U.S. Treasury blacklisted three Venezuelan officials.", [("impose", "US", "VE")]),
        ("Moscow retaliated against Lithuania on Friday.", [("impose", "RU", "LT")]),
        ("Germany will lift its export ban on Chile if the talks succeed.", [("lift", "DE", "CL")]),
        (
            "If Ottawa imposed the duties on Chile, Santiago would complain.",
            [("threaten", "CA", "CL")],
        ),
        (
            "Washington imposed tariffs on Canada, Mexico and the EU.",
            [("impose", "US", "CA"), ("impose", "US", "MX"), ("impose", "US", None)],
        ),
        ("France criticised the plan. It imposed an embargo on Syria.", [("impose", "FR", "SY")]),
        ("Denmark forbade arms shipments to Syria.", [("impose", "DK", "SY")]),
        ("The ministry will allow imports of Iranian oil.", [("lift", None, "IR")]),
        (
            "Egypt halted Argentine wheat imports in 2019 and lifted the ban this spring.",
            [("impose", "EG", "AR"), ("lift", "EG", "AR")],
        ),
        (
            "Britain put Cuba under the same embargo as countries such as Iran and Syria.",
            [("impose", "GB", "CU"), ("impose", "GB", "IR"), ("impose", "GB", "SY")],
        ),
        (
            "The law may provoke retaliation by Brazil's trading partners.",
            [("threaten", None, "BR")],
        ),
        (
            "Japan imposed tariffs on Korea. China condemned the Japanese tariffs.",
            [
                ("impose", "JP", "KR"),
                ("impose", "JP", "CN"),
            ],
        ),
    ],
)
def test_actions_and_parties(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    """Each form of statement yields its action, imposer country and target country."""
    assert sorted(map(_summary, _run(text)), key=str) == sorted(expected, key=str)


@pytest.mark.parametrize(
    "text",
    [
        "Sanctions are ineffective.",
        "India will lower import duties on electronics next year.",
        "Under the new free trade agreement, Korea will eliminate tariffs on goods from Chile.",
        "The fund said sanctions-busting by Russian businesses had grown.",
        "Talks under the General Agreement on Tariffs and Trade resumed in Geneva.",
        "He said the firm would ban smoking in its offices.",
        "Vietnam aims to cut its trade surplus with Japan.",
        "Tariffs and quotas hurt consumers, the economist said.",
        "Mexico raised tariffs on footwear imports.",
    ],
)
def test_no_sanction(text: str) -> None:
    """Generic talk, trade policy, FTA tariff cuts, evasion and names are not sanctions."""
    assert _run(text) == []


def test_target_count_reason_and_span() -> None:
    """A counted target, a reason as written and the sentence span are reported."""
    text = "Intro line here. Britain imposed sanctions on two Iranian banks for financing militias."
    (fact,) = _run(text)
    assert fact.target == "two Iranian banks"
    assert fact.target_count == 2
    assert fact.reason == "for financing militias"
    assert fact.measure == "sanctions"
    assert text[fact.span.start : fact.span.end].startswith("Britain imposed")


def test_passive_by_imposer() -> None:
    """A passive ``by`` phrase names the imposer; a bloc keeps its country null."""
    (fact,) = _run("Sanctions were imposed on North Korea by the United Nations.")
    assert fact.imposer == "the United Nations"
    assert (fact.imposer_country, fact.target_country) == (None, "KP")


def test_rate_and_amount() -> None:
    """A tariff rate and the value of trade covered are read next to the measure."""
    (fact,) = _run("India imposed 25 percent tariffs on 300 mln dlrs of U.S. goods.")
    assert fact.rate == Decimal(25)
    assert fact.amount is not None
    assert fact.amount.value == Decimal(300_000_000)
    assert fact.amount.currency == "USD"


def test_refers_back_to_named_measure() -> None:
    """``The sanctions`` in the next sentence repeats the parties of the measure named before."""
    text = "Washington imposed sanctions on Iran. The sanctions hit its oil exports."
    found = _run(text)
    assert [_summary(f) for f in found] == [("impose", "US", "IR"), ("impose", "US", "IR")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Washington imposed tariffs on Japan. Tokyo said the tariffs were unfair.",
            [("impose", "US", "JP"), ("impose", "US", "JP")],
        ),
        (
            "Washington imposed tariffs on Japan. Japan said it would take countermeasures.",
            [("impose", "US", "JP"), ("threaten", "JP", "US")],
        ),
        (
            "Canada imposed sanctions on Iran. The sanctions hurt Canadian industry.",
            [
                ("impose", "CA", "IR"),
                ("impose", "CA", "IR"),
            ],
        ),
        (
            "Canada imposed sanctions on Iran. Tariffs are a tax on consumers.",
            [
                ("impose", "CA", "IR"),
            ],
        ),
    ],
)
def test_reference_to_earlier_measure(
    text: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    """A measure that refers back takes the earlier statement's parties; a speaker is no
    imposer, and a counter-measure of the target is aimed at the first imposer."""
    assert [_summary(f) for f in _run(text)] == expected


def test_dateline_gives_missing_party() -> None:
    """A story's dateline country stands in for an imposer or target the text leaves out."""
    text = "CARACAS, May 3 - U.S. sanctions imposed in 2019 hurt the oil industry."
    (fact,) = _run(text, dateline=_dateline(text, "Caracas", "VE"))
    assert (fact.imposer_country, fact.target_country) == ("US", "VE")
    text = "LONDON, May 2 - Sanctions were imposed on Syria, officials said."
    (fact,) = _run(text, dateline=_dateline(text, "London", "GB"))
    assert (fact.imposer_country, fact.target_country) == ("GB", "SY")


def test_when_from_time_expressions() -> None:
    """``when`` is the dated time expression of the sentence nearest the measure."""
    text = "The United States imposed sanctions on Cuba in July for two days."
    july = text.index("July")
    two_days = text.index("two days")
    times = (
        TimeExpression(text="July", span=Span(start=july, end=july + 4), value="2023-07"),
        TimeExpression(
            text="two days",
            span=Span(start=two_days, end=two_days + 8),
            value="P2D",
            kind="duration",
        ),
    )
    (fact,) = _run(text, times=times)
    assert fact.when is not None
    assert fact.when.value == "2023-07"


def test_seed_article() -> None:
    """The seed article has its three sanctions with the parties the model contract lists."""
    found = _run(SEED.read_text("utf-8"))
    assert [_summary(f) for f in found] == [
        ("impose", None, "RU"),
        ("impose", "US", "KG"),
        ("enforce", None, "RU"),
    ]
    western, us, central_bank = found
    assert western.imposer == "Western"
    assert western.reason == "over Ukraine"
    assert us.imposer == "The United States"
    assert us.target == "four Kyrgyz companies"
    assert us.target_count == 4
    assert us.reason == "for re-exporting electronics components and other technology to Russia"
    assert central_bank.imposer == "Western"


@pytest.mark.parametrize(
    ("text", "matches"),
    [
        ("additional tariffs", True),
        ("trade sanctions", True),
        ("export controls", True),
        ("anti-dumping duties", True),
        ("sanctions-busting", False),
        ("heavy-duty", False),
        ("non-tariff", False),
    ],
)
def test_measure_pattern(text: str, matches: bool) -> None:
    """The measure pattern matches measure phrases and not compounds built on them."""
    assert (sanctions.MEASURE_MENTION.search(text) is not None) == matches
