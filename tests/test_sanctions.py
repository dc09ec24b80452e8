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
        ("The EU ban on arms sales to China may soon be lifted.", [("lift", None, "CN")]),
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
            "Britain put Cuba under the same embargo as states such as Iran and Syria.",
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
        "A new round of General Agreement on Tariffs and Trade talks opened in Geneva.",
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


# -- issue 5 checklist: one row per form, and generalisation articles ----------------------


def _parse(text: str, published: str = "2024-06-25") -> list[Sanction]:
    import datetime as dt

    import newsmodel

    article = newsmodel.parse(text, published=dt.date.fromisoformat(published))
    return list(article.sanctions)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The United States imposed sanctions on two Iranian shipping firms.",
            ("impose", "US", "IR", "sanctions"),
            id="imposed-sanctions-on",
        ),
        pytest.param(
            "Washington slapped tariffs on Chinese electric vehicles.",
            ("impose", "US", "CN", "tariffs"),
            id="slapped-tariffs-on",
        ),
        pytest.param(
            "Ottawa is lifting remaining restrictions on Cuban cigars.",
            ("lift", "CA", "CU", "restrictions"),
            id="lifting-remaining-restrictions",
        ),
        pytest.param(
            "Seoul threatened sanctions against Pyongyang over the missile launch.",
            ("threaten", "KR", "KP", "sanctions"),
            id="threatened-sanctions",
        ),
        pytest.param(
            "The regulator urged compliance with Western sanctions against Moscow.",
            ("enforce", None, "RU", "sanctions"),
            id="urged-compliance",
        ),
        pytest.param(
            "The Treasury blacklisted five Syrian exchange houses.",
            ("impose", None, "SY", "blacklist"),
            id="blacklisted",
        ),
        pytest.param(
            "Moscow imposed an export ban on fertiliser to Lithuania.",
            ("impose", "RU", "LT", "ban"),
            id="export-ban",
        ),
        pytest.param(
            "Beijing announced an embargo on rare earths to Japan.",
            ("impose", "CN", "JP", "embargo"),
            id="embargo",
        ),
        pytest.param(
            "Britain imposed sanctions on three Kyrgyz companies.",
            ("impose", "GB", "KG", "sanctions"),
            id="demonym-target",
        ),
        pytest.param(
            "Beijing slapped anti-dumping duties on Australian barley.",
            ("impose", "CN", "AU", "duties"),
            id="metonym-imposer",
        ),
        pytest.param(
            "The Commerce Department added a dozen Chinese entities to its export blacklist.",
            ("impose", None, "CN", "blacklist"),
            id="added-to-blacklist",
        ),
        pytest.param(
            "China's foreign ministry urged Washington to lift the sanctions on Chinese firms.",
            ("lift", "US", "CN", "sanctions"),
            id="urged-x-to-lift",
        ),
        pytest.param(
            "The House passed the Iran sanctions bill on Thursday.",
            ("impose", None, "IR", "sanctions"),
            id="x-sanctions-bill-targets-x",
        ),
        pytest.param(
            "Officials did not rule out sanctions against Venezuela.",
            ("threaten", None, "VE", "sanctions"),
            id="not-rule-out",
        ),
        pytest.param(
            "The U.S. will not lift its embargo on Cuba, the State Department said.",
            ("impose", "US", "CU", "embargo"),
            id="will-not-lift-means-it-stands",
        ),
    ],
)
def test_issue_forms(text: str, expected: tuple[str, str | None, str | None, str]) -> None:
    """Each verb or noun form listed in issue 5 yields its action, parties and measure."""
    found = _parse(text)
    assert [(f.action, f.imposer_country, f.target_country, f.measure) for f in found] == [expected]


@pytest.mark.parametrize(
    ("text", "count", "rate", "amount", "reason"),
    [
        ("The United States imposed sanctions on four Kyrgyz companies.", 4, None, None, None),
        ("Washington blacklisted a dozen Russian banks.", 12, None, None, None),
        (
            "Washington slapped tariffs of 25 percent on $34 billion of Chinese goods.",
            None,
            "25",
            "34000000000",
            None,
        ),
        (
            "The administration imposed 100 pct tariffs on 300 mln dlrs worth of Japanese"
            " electronic goods.",
            None,
            "100",
            "300000000",
            None,
        ),
        (
            "Beijing imposed an embargo on Japanese seafood in retaliation for the release of"
            " treated water.",
            None,
            None,
            None,
            "in retaliation for the release of treated water",
        ),
        (
            "Britain imposed sanctions on Iran over its drone shipments to Russia.",
            None,
            None,
            None,
            "over its drone shipments to Russia",
        ),
    ],
)
def test_count_rate_amount_reason(
    text: str, count: int | None, rate: str | None, amount: str | None, reason: str | None
) -> None:
    """Target count, tariff rate, amount covered and reason are read; an amount is no count."""
    (fact,) = _parse(text)
    assert fact.target_count == count
    assert (str(fact.rate) if fact.rate is not None else None) == rate
    assert (str(fact.amount.value) if fact.amount else None) == amount
    assert fact.reason == reason


def test_when_is_the_nearest_date() -> None:
    """The time expression of the statement becomes ``when``."""
    (fact,) = _parse("The EU imposed sanctions on Belarus in March.")
    assert fact.when is not None
    assert fact.when.value == "2024-03"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Australia said it was not planning sanctions against Indonesia.", id="negated"
        ),
        pytest.param("Economists say sanctions are ineffective.", id="ineffective"),
        pytest.param(
            "Under the free trade agreement, Peru will cut tariffs on Chinese goods to zero.",
            id="fta-tariff-cut",
        ),
        pytest.param("He called for a ban on migrants crossing the border.", id="immigration-ban"),
        pytest.param("She backed a ban on Syrian refugees.", id="refugee-ban"),
        pytest.param("The Tariff Act of 1930 gives the commission broad powers.", id="law-name"),
        pytest.param(
            "Member states levy import duties on behalf of the bloc.", id="duties-on-behalf"
        ),
        pytest.param(
            "All members except Zaire and Australia agreed to the export quotas under the plan.",
            id="producers-quotas",
        ),
        pytest.param("The plan was sanctioned by EC farm ministers.", id="sanctioned-approved"),
        pytest.param("The move to ban him from the country failed.", id="personal-ban"),
        pytest.param(
            "Voters backed banning certain classes of people, the poll found.", id="no-country"
        ),
        pytest.param("The state will ban smoking in bars from July.", id="domestic-ban"),
        pytest.param("He didn't suggest retaliation against Russia.", id="did-not-suggest"),
    ],
)
def test_not_a_sanction(text: str) -> None:
    """Denials, generic talk, trade policy, names, immigration and personal bans are none."""
    assert _parse(text) == []


def test_place_inside_an_amount_is_no_party() -> None:
    """``Canadian dlrs`` in the amount a duty covers does not make Canada the target."""
    text = (
        "Canada imposed a duty of 28 pct on pasta from Italy. The duty covers about 45 mln"
        " Canadian dlrs of imports a year."
    )
    found = _parse(text)
    assert [(f.imposer_country, f.target_country) for f in found] == [("CA", "IT"), ("CA", "IT")]
    assert found[1].amount is not None
    assert found[1].amount.currency == "CAD"


# Generalisation: short articles in the styles of Reuters 1987, modern wire copy, Xinhua
# and the BBC, written for these tests. Each row: (text, published, expected facts).
ARTICLES = [
    pytest.param(
        "EC WEIGHS STEEL CURBS\n    BRUSSELS, March 3 - The European Community said it"
        " would impose quotas on steel imports from Brazil if talks fail.\n    Brazilian"
        " officials said Brasilia would retaliate against European farm goods.\n REUTER\n",
        "1987-03-03",
        [("threaten", None, "BR"), ("threaten", "BR", None)],
        id="reuters-1987",
    ),
    pytest.param(
        "U.S. hits solar firms\nWASHINGTON, May 14 (Reuters) - The United States on Tuesday"
        " imposed sanctions on five Chinese solar panel makers over forced labour, the"
        " Commerce Department said.\nChina's foreign ministry urged Washington to lift the"
        " restrictions.\nAnalysts said the sanctions were unlikely to move prices.\n",
        "2024-05-14",
        [("impose", "US", "CN"), ("lift", "US", "CN"), ("impose", "US", "CN")],
        id="modern-wire",
    ),
    pytest.param(
        "China opposes tariffs\n    BEIJING, Aug. 3 (Xinhua) -- China firmly opposes the U.S."
        " plan to raise tariffs on 200 billion U.S. dollars of Chinese goods, the Ministry of"
        " Commerce said Friday.\n    China will take countermeasures against the United"
        " States, the ministry said.\n",
        "2018-08-03",
        [("threaten", "US", "CN"), ("threaten", "CN", "US")],
        id="xinhua",
    ),
    pytest.param(
        "EU agrees Iran sanctions\n\nThe European Union has agreed to impose new sanctions on"
        " Iran over its supply of drones to Russia.\n\nThe measures include an asset freeze on"
        " six Iranian officials.\n\nEconomists say such sanctions rarely work.\n",
        "2024-03-20",
        [("impose", None, "IR"), ("impose", None, "IR")],
        id="bbc",
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), ARTICLES)
def test_generalisation_articles(
    text: str, published: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    """Self-made articles in four house styles give the statements they make, in order."""
    found = _parse(text, published)
    assert [(f.action, f.imposer_country, f.target_country) for f in found] == expected


def test_prefilter_stems_find_every_lexicon_word() -> None:
    """Every measure and measure verb of the lexicon begins with one of the prefilter stems."""
    lex = sanctions.lexicon()
    for phrase in [*lex.measures, *lex.measure_verbs]:
        first = phrase.lower().split()[0]
        stems = sanctions.VERB_STEMS if phrase in lex.measure_verbs else sanctions.HEAD_STEMS
        assert any(first.startswith(stem) for stem in stems), phrase
