"""Money, quantities, percentages and counts (newsmodel.extract.numbers)."""

from __future__ import annotations

import re
import time
from decimal import Decimal

import pytest
import regex
from hypothesis import example, given
from hypothesis import strategies as st

from newsmodel.codes import is_currency_code
from newsmodel.document import Document
from newsmodel.extract import numbers
from newsmodel.extract.numbers import (
    LEXICON,
    amount_index,
    currency_context,
    find_amounts,
    find_percents,
    has_start,
    is_quantity_word,
    parse_number,
    word_starts,
)


@pytest.mark.parametrize(
    ("text", "surface", "value", "currency", "unit", "approximate"),
    [
        ("Sales hit $3.5 billion.", "$3.5 billion", "3500000000", "USD", None, None),
        ("It raised $1.13bn in May.", "$1.13bn", "1130000000", "USD", None, None),
        ("a deal worth £600m for the club", "£600m", "600000000", "GBP", None, None),
        ("a bill of 15 billion dlrs", "15 billion dlrs", "15000000000", "USD", None, None),
        ("1.805 billion U.S. Dlrs", "1.805 billion U.S. Dlrs", "1805000000", "USD", None, None),
        ("output of 5.31 trillion yuan", "5.31 trillion yuan", "5310000000000", "CNY", None, None),
        ("a loss of 170 mln dlrs", "170 mln dlrs", "170000000", "USD", None, None),
        ("a 629.7 mln Swiss francs gap", "629.7 mln Swiss francs", "629700000", "CHF", None, None),
        ("paid 40 billion yen", "40 billion yen", "40000000000", "JPY", None, None),
        ("raised 300 mln marks", "300 mln marks", "300000000", "DEM", None, None),
        ("worth 1.5 billion stg", "1.5 billion stg", "1500000000", "GBP", None, None),
        ("cost 200 billion lire", "200 billion lire", "200000000000", "ITL", None, None),
        ("spent 12 billion rupees", "12 billion rupees", "12000000000", "INR", None, None),
        ("a 3 bln ECUs fund", "3 bln ECUs", "3000000000", "XEU", None, None),
        ("sold for US$45 million", "US$45 million", "45000000", "USD", None, None),
        ("a HK$3.2 billion tower", "HK$3.2 billion", "3200000000", "HKD", None, None),
        ("5 billion NZ dollars a year", "5 billion NZ dollars", "5000000000", "NZD", None, None),
        ("nearly $3.5 billion", "nearly $3.5 billion", "3500000000", "USD", None, "nearly"),
        (
            "about 300 billion dollars",
            "about 300 billion dollars",
            "300000000000",
            "USD",
            None,
            "about",
        ),
        ("more than 5 mln tonnes", "more than 5 mln tonnes", "5000000", None, "t", "more than"),
        ("over 20 mln dlrs", "over 20 mln dlrs", "20000000", "USD", None, "more than"),
        ("less than $2 billion", "less than $2 billion", "2000000000", "USD", None, "less than"),
        ("up to 30 mln dlrs", "up to 30 mln dlrs", "30000000", "USD", None, "up to"),
        ("roughly 8 billion euros", "roughly 8 billion euros", "8000000000", "EUR", None, "about"),
        ("1.2 mln barrels of crude", "1.2 mln barrels", "1200000", None, "bbl", None),
        ("300 mln bushels of corn", "300 mln bushels", "300000000", None, "bushel", None),
        ("500 mln pounds of beef", "500 mln pounds", "500000000", None, "lb", None),
        ("an eight billion dlr surplus", "eight billion dlr", "8000000000", "USD", None, None),
        ("a 59-billion-dlr surplus", "59-billion-dlr", "59000000000", "USD", None, None),
        ("rose to 1.27 billion\ndlrs", "1.27 billion\ndlrs", "1270000000", "USD", None, None),
        ("a Rs 500 crore deal", "Rs 500 crore", "5000000000", "INR", None, None),
        ("a €2.3bn bond", "€2.3bn", "2300000000", "EUR", None, None),
        ("USD 3.5 billion in 2023", "USD 3.5 billion", "3500000000", "USD", None, None),
        ("a $3.5-billion deal", "$3.5-billion", "3500000000", "USD", None, None),
        ("1.5 mln bpd of crude", "1.5 mln bpd", "1500000", None, "bbl/d", None),
    ],
)
def test_find_amounts_reads_each_form(
    text: str,
    surface: str,
    value: str,
    currency: str | None,
    unit: str | None,
    approximate: str | None,
) -> None:
    """Each written form of an amount gives its scaled value, currency or unit, and hedge."""
    (mention,) = find_amounts(text)
    assert text[mention.span.start : mention.span.end] == surface
    assert mention.amount.value == Decimal(value)
    assert str(mention.amount.value) == value
    assert mention.amount.currency == currency
    assert mention.amount.unit == unit
    assert mention.amount.approximate == approximate


@pytest.mark.parametrize(
    "text",
    [
        "four companies were named",
        "a dozen ships sailed",
        "in 1985 and 1986",
        "the 5m sprint",
        "a barrel of oil",
        "it was 1.2964/70 against the dollar",
        "sold 1,234 houses",
    ],
)
def test_find_amounts_ignores_counts_years_and_lengths(text: str) -> None:
    """Counts, years, lengths and 'a barrel' are not amounts of money or volume."""
    assert find_amounts(text) == []


@pytest.mark.parametrize(
    "text", ["He paid eight dollars for it.", "In 2023 he paid eight dollars for it."]
)
def test_a_number_in_words_is_an_amount_only_with_a_scale_word(text: str) -> None:
    """An amount holds a digit, a money sign or a scale word, wherever it stands:
    ``eight dollars`` is none, ``eight billion dollars`` is one."""
    assert [text[a.span.start : a.span.end] for a in find_amounts(text)] == []
    scaled = text.replace("eight", "eight billion")
    (amount,) = find_amounts(scaled)
    assert scaled[amount.span.start : amount.span.end] == "eight billion dollars"


_AMOUNT_WORDS = st.sampled_from(
    [
        *("eight", "two", "hundred", "a", "an", "nearly", "of", "rose", "to", "and", "-"),
        *("dollars", "euros", "tonnes", "stg", "yen", "barrels", "pct", "points", "U.S."),
        *("5", "1,200", "3.5", "$", "$4", "billion", "mln", "dozen", "per cent", "2023"),
    ]
)


@given(
    st.lists(_AMOUNT_WORDS, max_size=12).map(" ".join),
    st.lists(_AMOUNT_WORDS, max_size=12).map(" ".join),
)
@example(before="rose 5 pct", text="two hundred tonnes")
def test_amounts_do_not_depend_on_numbers_elsewhere(before: str, text: str) -> None:
    """What is read as an amount in a sentence does not change with the numbers of the
    text before it (the amount patterns run only near numbers; an amount is read
    only where it holds one)."""
    prefix = before + ".\n\n\n\n"
    alone = [(a.span.start, a.span.end, a.amount.value) for a in find_amounts(text)]
    after = [
        (a.span.start - len(prefix), a.span.end - len(prefix), a.amount.value)
        for a in find_amounts(prefix + text)
        if a.span.start >= len(prefix)
    ]
    assert after == alone


def test_price_per_unit_keeps_only_the_money() -> None:
    """In '18 dlrs a barrel' the amount is 18 dollars; 'a barrel' is no volume."""
    assert [(str(m.amount.value), m.amount.currency) for m in find_amounts("18 dlrs a barrel")] == [
        ("18", "USD")
    ]


def test_scaled_number_without_currency_is_bare() -> None:
    """A scaled number with no currency is returned bare, for the caller to complete."""
    (mention,) = find_amounts("from 3.39 billion in 1985")
    assert mention.bare
    assert mention.amount.value == Decimal("3390000000")
    assert mention.amount.currency is None


def test_plain_numbers_only_when_asked() -> None:
    """Plain digits are amounts only with bare=True."""
    assert find_amounts("sold 1,234 houses") == []
    (mention,) = find_amounts("sold 1,234 houses", bare=True)
    assert mention.amount.value == Decimal(1234)


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        ("629.7 mln Swiss francs then 6.00 billion francs", None, ["CHF", "CHF"]),
        ("6.00 billion francs", None, ["FRF"]),
        ("6.00 billion francs", "CH", ["CHF"]),
        ("6.00 billion francs", "BE", ["BEF"]),
        ("a 42 mln dlr surplus", "AU", ["AUD"]),
        ("a 42 mln dlr surplus", "JP", ["USD"]),
        ("0.68 U.S. dlrs; a 42 mln dlr surplus", "AU", ["USD", "AUD"]),
        ("160 mln crowns", "NO", ["NOK"]),
        ("160 mln crowns", None, ["SEK"]),
        ("200 mln Norwegian crowns and 160 mln crowns", None, ["NOK", "NOK"]),
        ("5 billion pesos", "PH", ["PHP"]),
    ],
)
def test_shared_currency_words_follow_the_context(
    text: str, country: str | None, expected: list[str]
) -> None:
    """A bare 'francs' or 'dlrs' takes the local currency, else the one named, else the default."""
    context = currency_context(text, country=country)
    found = [m.amount.currency for m in find_amounts(text, context=context)]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "unit", "currency"),
    [
        ("exports of 500 mln pounds of beef", "lb", None),
        ("a 500 mln pounds deal", "lb", None),
        ("a 500 mln pounds deal, paid in sterling", None, "GBP"),
        ("500 mln pounds sterling", None, "GBP"),
        ("£500 mln", None, "GBP"),
    ],
)
def test_pounds_are_weight_unless_money_is_in_context(
    text: str, unit: str | None, currency: str | None
) -> None:
    """'pounds' is a weight with 'of' or without sterling in context, else money."""
    (mention,) = find_amounts(text)
    assert (mention.amount.unit, mention.amount.currency) == (unit, currency)


def test_family_is_reported_for_shared_currency_words() -> None:
    """The family of 'dlrs' is given so that a caller can re-read it by country."""
    (dlrs,) = find_amounts("15 billion dlrs")
    (usd,) = find_amounts("15 billion U.S. dlrs")
    assert dlrs.family == "dollar"
    assert usd.family is None


@pytest.mark.parametrize(
    ("text", "value", "points", "approximate"),
    [
        ("grew 37% last year", "37", False, None),
        ("rose 11.8 percent", "11.8", False, None),
        ("fell 17.9 pct", "17.9", False, None),
        ("a ten per cent cut", "10", False, None),
        ("down -2.1% on the day", "-2.1", False, None),
        ("up 2 percentage points", "2", True, None),
        ("fell 1.5 pct points", "1.5", True, None),
        ("some 40 pct lower", "40", False, "about"),
        ("a 25-percent tariff", "25", False, None),
    ],
)
def test_find_percents(text: str, value: str, points: bool, approximate: str | None) -> None:
    """Percentages in figures or words, with percentage points and hedges marked."""
    (mention,) = find_percents(text)
    assert mention.value == Decimal(value)
    assert mention.points is points
    assert mention.approximate == approximate


@pytest.mark.parametrize("text", ["37 people", "a percentage of the total", "per capita income"])
def test_find_percents_needs_a_percent_word(text: str) -> None:
    """Numbers without a percent word, and percent words without a number, are not percentages."""
    assert find_percents(text) == []


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("four", "4"),
        ("a dozen", "12"),
        ("two dozen", "24"),
        ("twenty-five", "25"),
        ("one hundred and five", "105"),
        ("3.5 billion", "3500000000"),
        ("4.3bn", "4300000000"),
        ("1,234", "1234"),
        ("two hundred million", "200000000"),
        ("half a million", "500000"),
        ("0.5", "0.5"),
    ],
)
def test_parse_number(words: str, value: str) -> None:
    """Digits, number words and scale words give one decimal value."""
    assert parse_number(words) == Decimal(value)


@pytest.mark.parametrize("words", ["", "companies", "four companies", "billion dollars ago", "x1"])
def test_parse_number_rejects_non_numbers(words: str) -> None:
    """Anything that is not only a number gives None."""
    assert parse_number(words) is None


def test_lexicon_codes_are_iso_4217() -> None:
    """Every currency the data file names is a valid ISO 4217 code or a known family."""
    for code in [*LEXICON.currency_words.values(), *LEXICON.symbols.values()]:
        assert code in LEXICON.families or is_currency_code(code), code
    for family in LEXICON.families.values():
        for code in (*family["by_country"].values(), family["default"]):
            assert is_currency_code(code), code


def test_hostile_input_is_fast() -> None:
    """Long runs of digits, spaces and number words do not make the patterns backtrack."""
    text = ("1," * 5000) + " " + ("four " * 3000) + ("$" * 2000) + ("9" * 5000) + " pct"
    started = time.perf_counter()
    find_amounts(text)
    find_percents(text)
    assert time.perf_counter() - started < 2.0


# -- more currencies, counts and the shared scans -------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("a deficit of 1.12 billion markka", "1120000000", "FIM"),
        ("3 billion Finnish marks", "3000000000", "FIM"),
        ("7 bln kwacha", "7000000000", "ZMW"),
        ("3 billion Egyptian pounds", "3000000000", "EGP"),
        ("10 billion Czech crowns", "10000000000", "CZK"),
        ("2 billion dirham", "2000000000", "AED"),
        ("4.5 billion Swiss francs", "4500000000", "CHF"),
        ("1.2 billion Saudi riyals", "1200000000", "SAR"),
        ("2.1 trillion won", "2100000000000", "KRW"),
        ("A$1.2 billion", "1200000000", "AUD"),
    ],
)
def test_more_currency_words(text: str, value: str, currency: str) -> None:
    """Currency words of wire copy old and new read as their ISO 4217 codes."""
    (found,) = find_amounts(text)
    assert (str(found.amount.value), found.amount.currency) == (value, currency)


@pytest.mark.parametrize(
    ("words", "value"), [("a dozen", "12"), ("four", "4"), ("two dozen", "24"), ("5,207", "5207")]
)
def test_counts(words: str, value: str) -> None:
    """Counts in words or digits parse to their number (``a dozen`` is 12)."""
    assert str(parse_number(words)) == value


@pytest.mark.parametrize(
    ("word", "quantity"),
    [("mln", True), ("billion", True), ("dlrs", True), ("tonnes", True), ("pct", True),
     ("%", True), ("companies", False), ("Iranian", False)],
)  # fmt: skip
def test_is_quantity_word(word: str, quantity: bool) -> None:
    """Scale, currency, unit and percent words make a number an amount; nouns do not."""
    assert is_quantity_word(word) is quantity


def test_word_starts_finds_stems_at_word_starts_only() -> None:
    """The keyword prefilter finds word beginnings in any case, not stems inside words."""
    doc = Document(text="Tariffs rose. A TARIFF cut. Retariffing is no word here.")
    starts = word_starts(doc, ("tariff",))
    assert starts == [0, 16]
    assert has_start(starts, 14, 27)
    assert not has_start(starts, 27, 60)
    assert has_start(None, 0, 1)  # unsearchable text: every span may hold a hit


def test_word_starts_with_many_stems_sharing_beginnings() -> None:
    """Every stem is found, also where one stem begins another, and only inside words
    when asked; no stems find nothing."""
    doc = Document(text="Trade and trading; re-exports, reexports and exporters.")
    assert word_starts(doc, ("trade", "trading", "export")) == [0, 10, 22, 45]
    assert word_starts(doc, ("export",), inside=True) == [22, 33, 45]
    assert word_starts(doc, ()) == []
    assert word_starts(doc, ("re-exp", "and e")) == [19, 41]  # stems holding gaps
    accented = Document(text="Café owners and cafés: Élan, élite.")
    assert word_starts(accented, ("caf", "él")) == [0, 16, 23, 29]


def test_word_starts_for_stem_sets_first_asked_after_a_document_was_searched() -> None:
    """Stem sets share one pass per document; a set new to the process, asked for a
    document already searched for others, still finds its own stems."""
    doc = Document(text="Quokkas and wombats met; the quokka fled.")
    assert word_starts(doc, ("wombat",)) == [12]
    assert word_starts(doc, ("quokk", "fle")) == [0, 29, 36]  # a set no extractor has
    assert word_starts(doc, ("wombat",)) == [12]
    assert word_starts(doc, ("okk",), inside=True) == [2, 31]


@given(
    text=st.text(alphabet="abeLt -'.,é\n", max_size=60),
    stems=st.lists(st.text(alphabet="abet-é", min_size=1, max_size=3), max_size=4),
    inside=st.booleans(),
)
def test_word_starts_equals_a_search_per_stem(text: str, stems: list[str], inside: bool) -> None:
    """The one-pass prefilter finds exactly what a substring search per stem finds."""
    low = text.lower()
    expected = sorted(
        {
            i
            for stem in stems
            for i in range(len(low))
            if low.startswith(stem, i) and (inside or i == 0 or not low[i - 1].isalnum())
        }
    )
    assert word_starts(Document(text=text), tuple(stems), inside=inside) == expected


def _as_regex(pattern: re.Pattern[str]) -> regex.Pattern[str]:
    """The same pattern for ``regex``, with the classes spelt as Unicode properties."""
    source = pattern.pattern.replace("[^\\W_]", "[\\p{L}\\p{N}]").replace("[^\\W\\d_]", "\\p{L}")
    return regex.compile(source, regex.VERBOSE)


@given(
    st.lists(
        st.sampled_from(
            [
                *"0123456789 ,.-$£€¥%/_\nabmnoptuxyABDHMSU",
                *("mln", "billion", "dlrs", "pct", "per cent", "points", "nearly ", "a ", "of "),
                *("é", "Ж", "ß", "٣", "\u00a0", "\u0301"),
            ]
        ),
        max_size=30,
    ).map("".join)
)
def test_number_patterns_match_as_their_unicode_property_spelling(text: str) -> None:
    """The amount and percent patterns run on the standard library's engine, whose
    ``[^\\W_]`` is ``regex``'s ``[\\p{L}\\p{N}]``: both spellings find the same."""
    for pattern in (numbers.AMOUNT_PATTERN, numbers.PERCENT_PATTERN):
        twin = _as_regex(pattern)
        found = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
        assert found == [(m.span(), m.groupdict()) for m in twin.finditer(text)]


def test_amount_index_agrees_with_find_amounts() -> None:
    """Amounts read span by span equal those of one scan of the whole text."""
    text = (
        "Exports rose to 1.2 billion Swiss francs. Imports were 900 mln francs, up 5 pct."
        " Canada sold 20 mln dlrs of wheat, worth 25 mln Canadian dlrs."
    )
    index = amount_index(text)
    whole = find_amounts(text)
    pieces = [
        a for start, end in ((0, 41), (42, 81), (82, len(text))) for a in index.within(start, end)
    ]
    assert pieces == whole
    assert [a.amount.currency for a in whole] == ["CHF", "CHF", "CAD", "CAD"]


@pytest.mark.parametrize(
    "text",
    [
        "It rose 5 per cent, or ten percent, by 3 pct; 2 billion and a dozen, $4 and £5m.",
        "No numbers at all here, just words.",
        "Per\ncent of 1987 and 12 mln tonnes.",
    ],
)
def test_fast_anchors_match_the_anchor_pattern(text: str) -> None:
    """The substring-based anchor scan finds every place the anchor pattern does."""
    import regex

    fast = [(a, b) for a, b in numbers._anchors(text)]
    slow = [(m.start(), m.end()) for m in regex.finditer(numbers.NUMBER_ANCHOR, text)]
    assert all(any(a <= s and e <= b for a, b in fast) for s, e in slow)
