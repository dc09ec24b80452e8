"""Trade figures: exports, imports, trade balances and turnover, as levels or changes.

The extractor reads one body sentence at a time:

1. It finds **measure mentions** (``exports``, ``Norwegian imports``, ``trade
   surplus``, ``trade turnover``, ``total trade``) and the balances that are not
   trade (``current account deficit``, ``budget deficit``), which block. A bare
   ``surplus`` or ``deficit`` means what the last qualified balance in the
   article meant.
2. It finds **numbers** with :mod:`newsmodel.extract.numbers`: amounts (a bare
   ``3.39 billion`` takes the currency of the amount before it) and percentages
   (a percentage counts only as a change, never as a share: ``29 percent of``).
   Converted amounts in brackets, prices per unit and the value of trade a tariff
   covers are dropped.
3. Each number **attaches** to a measure: the one it qualifies (``58.6 billion
   dlrs trade surplus``), else the nearest one before it with no blocking noun in
   between (``reserves``, ``GDP``, ``sales`` ...), else, for ``it`` / ``this``,
   the measure of the figure in the sentence before.
4. Numbers **group** into facts, one per (measure, level): a change and its level
   in one clause are one fact (``grew 37% last year to a record of nearly $3.5
   billion``); a number after ``from`` / ``against`` / ``compared with`` is a
   comparison base, a fact of its own with no change (``rose to X from Y`` is two
   facts).
5. Each fact takes its **direction** from the verbs around it, its **status**
   from forecast and target cues, ``record`` from the word before the level, its
   **period** from the time expression that belongs to it (the one after its
   number, else the one before; a base keeps to its own), and its **parties**
   from the places in its clause (reporter first; ``with``/``to``/``from`` mark a
   partner), else from the figure before, else the dateline country.

A period missing from the clause carries over from the previous figure of the same
role (level or base) in the article, for actual figures only.
"""

from __future__ import annotations

import bisect
import dataclasses
import json
from collections.abc import Sequence
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any, Final, Literal, cast

import attrs
import regex

from newsmodel.document import Document
from newsmodel.extract.numbers import (
    AmountMention,
    CurrencyContext,
    PercentMention,
    amount_index,
    find_percents,
    has_start,
    times_within,
    word_starts,
)
from newsmodel.geo import country_code, demonym_country, find_places
from newsmodel.model import (
    Amount,
    Change,
    Direction,
    Span,
    TimeExpression,
    TradeFigure,
    TradeStatus,
)
from newsmodel.text import alternation, finditer, finditer_at, match, search

__all__ = ["extract"]

Role = Literal["level", "base"]


# -- lexicon ------------------------------------------------------------------


def _fold(word: str) -> str:
    """Normalise a lexicon entry or surface: case-folded, white space collapsed."""
    return " ".join(word.split()).casefold()


def _alternation(words: Sequence[str]) -> str:
    """A regex alternation of *words*, folded (see :func:`newsmodel.text.alternation`)."""
    return alternation(_fold(w) for w in words)


@attrs.frozen(kw_only=True)
class _Lexicon:
    """The words the trade extractor reads, from ``data/trade.json``."""

    balance_nouns: dict[str, str]
    trade_qualifiers: tuple[str, ...]
    other_qualifiers: tuple[str, ...]
    trade_measures: dict[str, str]
    flow_measures: dict[str, str]
    not_after_trade: tuple[str, ...]
    not_after_flow: tuple[str, ...]
    blockers: tuple[str, ...]
    tariff_words: tuple[str, ...]
    covering_words: tuple[str, ...]
    up_words: frozenset[str]
    down_words: frozenset[str]
    base_cues: tuple[str, ...]
    target_cues: tuple[str, ...]
    forecast_cues: tuple[str, ...]
    record_words: tuple[str, ...]
    company_nouns: tuple[str, ...]
    company_suffixes: tuple[str, ...]
    non_trade_flow_qualifiers: frozenset[str]
    commodity_words: tuple[str, ...]
    earnings_nouns: tuple[str, ...]
    combining_forms: dict[str, str]


@cache
def _lexicon() -> _Lexicon:
    """Load the lexicon once."""
    raw = resources.files("newsmodel").joinpath("data/trade.json").read_text("utf-8")
    data = json.loads(raw)
    return _Lexicon(
        balance_nouns={_fold(k): v for k, v in data["balance_nouns"].items()},
        trade_qualifiers=tuple(data["trade_qualifiers"]),
        other_qualifiers=tuple(data["other_qualifiers"]),
        trade_measures={_fold(k): v for k, v in data["trade_measures"].items()},
        flow_measures={_fold(k): v for k, v in data["flow_measures"].items()},
        not_after_trade=tuple(data["not_measure_after_trade"]),
        not_after_flow=tuple(data["not_measure_after_flow"]),
        blockers=tuple(data["blockers"]),
        tariff_words=tuple(data["tariff_words"]),
        covering_words=tuple(data["covering_words"]),
        up_words=frozenset(_fold(w) for w in data["up_words"]),
        down_words=frozenset(_fold(w) for w in data["down_words"]),
        base_cues=tuple(data["base_cues"]),
        target_cues=tuple(data["target_cues"]),
        forecast_cues=tuple(data["forecast_cues"]),
        record_words=tuple(data["record_words"]),
        company_nouns=tuple(data["company_nouns"]),
        company_suffixes=tuple(data["company_suffixes"]),
        non_trade_flow_qualifiers=frozenset(_fold(w) for w in data["non_trade_flow_qualifiers"]),
        commodity_words=tuple(data["commodity_words"]),
        earnings_nouns=tuple(data["earnings_nouns"]),
        combining_forms={
            _fold(k): v for k, v in data["combining_forms"].items() if not k.startswith("_")
        },
    )


LEXICON: Final = _lexicon()
_BALANCE: Final = _alternation(list(LEXICON.balance_nouns))
_BARE_BALANCE: Final = _alternation(["surplus", "surpluses", "deficit", "deficits", "shortfall"])
_TRADE_QUAL: Final = _alternation(LEXICON.trade_qualifiers)
_OTHER_QUAL: Final = _alternation(LEXICON.other_qualifiers)
_TRADE: Final = _alternation(list(LEXICON.trade_measures))
_FLOW: Final = _alternation(list(LEXICON.flow_measures))
_NOT_AFTER_TRADE: Final = _alternation(LEXICON.not_after_trade)
_NOT_AFTER_FLOW: Final = _alternation(LEXICON.not_after_flow)
_COMMODITY: Final = _alternation(LEXICON.commodity_words)
_EARNINGS: Final = _alternation(LEXICON.earnings_nouns)

#: A measure mention: a qualified balance, a trade measure, a flow, or a bare balance.
MEASURE_PATTERN: Final = regex.compile(
    rf"""
    (?<![\p{{L}}\p{{N}}-])                          # a word of its own
    (?<!(?i:terms)\s{{1,3}}(?i:of)\s{{1,3}})          # not "terms of trade"
    (?i:
        (?P<trade_qual>{_TRADE_QUAL})[\s-]{{1,3}}(?P<trade_balance>{_BALANCE})  # "trade deficit"
      | (?P<other_qual>{_OTHER_QUAL})[\s-]{{1,3}}(?P<other_balance>{_BALANCE})  # "budget deficit"
      | balance\s{{1,3}}(?:of|on)\s{{1,3}}(?P<of_what>trade|payments|current\s{{1,3}}account
          |capital\s{{1,3}}account|services|transfers|invisibles)            # "balance of trade"
      | (?<!(?i:to|will|would|could|may|can|not|early|late|midday|morning|afternoon|active
              |thin|quiet|heavy|moderate|light|nervous|choppy|overnight)\s{{1,3}})  # not a verb
        (?P<trade>{_TRADE})                                                     # "trade turnover"
        (?!\s{{1,3}}(?:{_NOT_AFTER_TRADE})(?![\p{{L}}]))                        # not "trade bill"
      | (?P<flow>{_FLOW})                                                       # "exports"
        (?!\s{{1,3}}(?:{_NOT_AFTER_FLOW})(?![\p{{L}}]))                         # not "import duty"
      | (?P<commodity>{_COMMODITY})\s{{1,3}}(?P<earnings>{_EARNINGS})             # "tea receipts"
      | (?P<bare>{_BARE_BALANCE})                                               # "the deficit"
    )
    (?![\p{{L}}\p{{N}}-])                           # ends a word
    """,
    regex.VERBOSE,
)


def _first_stems(phrases: Sequence[str]) -> tuple[str, ...]:
    """Word beginnings (at most six letters) of the first word of each phrase."""
    stems = {_fold(p).split()[0][:6] for p in phrases}
    stems.discard("")
    return tuple(sorted(s for s in stems if not any(s != o and s.startswith(o) for o in stems)))


#: Where a :data:`MEASURE_PATTERN` match may begin: a word starting with one of these
#: (a cheap substring test, see :func:`~newsmodel.extract.numbers.word_starts`).
MEASURE_STEMS: Final = _first_stems(
    [
        *LEXICON.trade_qualifiers,
        *LEXICON.other_qualifiers,
        "balance",
        *LEXICON.trade_measures,
        *LEXICON.flow_measures,
        *LEXICON.commodity_words,
        "surplus",
        "deficit",
        "shortfall",
    ]
)

#: A qualifier written just before a flow (``services imports``, ``beef exports``).
FLOW_QUALIFIER: Final = regex.compile(
    r"""
    (?P<qualifier>services?)        # "services imports"
    [\s-]{1,3}$                     # right before the flow word
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

#: What may stand between a number and the measure it qualifies (``152 billion dlrs
#: French trade deficit``, ``five per cent yearly cut in the trade surplus``).
ADJECTIVAL_GAP: Final = regex.compile(
    r"""
    ^(?:\s{1,3}                     # words separated by white space
       (?:[\p{Lu}][\p{L}.'’-]{0,15} # a capitalised word ("U.S.", "Japanese")
        |annual|yearly|monthly|cut|reduction|increase|rise|in|the|of|a
        |merchandise|visible|overall|total|bilateral|foreign|two-way|FOB|CIF)
    ){0,4}
    \s{0,3}$                        # then the measure
    """,
    regex.VERBOSE,
)

#: Words between a measure and a number that make the number something else.
BLOCKER_PATTERN: Final = regex.compile(
    rf"""
    (?<![\p{{L}}])(?i:{_alternation(LEXICON.blockers)})(?![\p{{L}}])   # "reserves", "GDP" ...
    """,
    regex.VERBOSE,
)

_BASE: Final = _alternation(LEXICON.base_cues)

#: A comparison cue right before a number (``from a revised 2.74 billion``,
#: ``from January's 129 mln``, ``below the 628 mln``).
BASE_BEFORE: Final = regex.compile(
    rf"""
    (?<![\p{{L}}])(?i:{_BASE})                      # the cue
    (?:\s{{1,3}}(?:a|an|the|its|revised|record|[\p{{Lu}}][\p{{L}}.]{{1,15}}['’]s?
                  |(?i:upwardly|downwardly)\s{{1,3}}revised)){{0,3}}  # fillers
    \s{{0,3}}$                                      # then the number
    """,
    regex.VERBOSE,
)

#: A comparison cue anywhere in a gap, not followed by a new "to" level.
BASE_IN_GAP: Final = regex.compile(
    rf"""
    (?<![\p{{L}}])(?P<cue>(?i:{_BASE}))(?![\p{{L}}])  # the cue
    (?!.{{0,80}}?(?<![\p{{L}}])to(?![\p{{L}}]))      # no "to <level>" after it
    """,
    regex.VERBOSE | regex.DOTALL,
)

#: A word that makes the time after it a deadline or a start, not the period.
DEADLINE_BEFORE: Final = regex.compile(
    r"""
    (?<![\p{L}])(?:until|till|through|since|before)\s{1,3}$   # "until 1988"
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

#: Where the clause of a figure ends: a comma, semicolon, dash or an attribution verb.
CLAUSE_END: Final = regex.compile(
    r"""
    ,(?!\s{0,2}\d)|[;(]|\s--?\s                                     # punctuation, not "May, 1986"
    | (?<![\p{L}])(?:said|says|showed|shows|according|reported)(?![\p{L}])   # attribution
    """,
    regex.VERBOSE,
)

#: Words that join two figures in a sentence (``to``, ``and``, ``while``, a comma).
CONNECTOR: Final = regex.compile(
    r"""
    (?<![\p{L}])(?:to|and|while|but|whereas|against)(?![\p{L}])   # a joining word
    | [,;]                                                         # or a clause mark
    """,
    regex.VERBOSE,
)

#: A subject pronoun that refers back to the figure in the sentence before.
PRONOUN_PATTERN: Final = regex.compile(
    r"""
    (?<![\p{L}])(?:it|It|they|They)(?![\p{L}])          # "it grew", "It was"
    (?!\s{1,3}(?:said|says|added|adds|told|reported|noted|estimated|forecast|expects)(?![\p{L}]))
    | (?<![\p{L}])(?:this|This)(?=\s{1,3}(?:would|was|is|will|compares)(?![\p{L}]))  # "This was"
    """,
    regex.VERBOSE,
)

#: What follows ``up``/``down`` when they give a direction (``down 6.3 pct``, ``up from``).
PARTICLE_FOLLOWER: Final = regex.compile(
    r"""
    \s{1,3}(?:[$£€¥\d]|(?:from|to|by|at|some|about|nearly|almost|more|over|a|an|sharply
    |slightly|strongly|only|just|marginally|steeply|significantly|substantially)(?![\p{L}]))
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

_PARTICLES: Final = frozenset({"up", "down", "higher", "lower"})
_CHANGE_WORDS: Final = LEXICON.up_words | LEXICON.down_words

#: Verbs that state a level after a pronoun subject (``It was 4.3 billion``).
_LEVEL_VERBS: Final = frozenset(
    "was were is are stood stands reached reaches totalled totaled totals amounted came hit "
    "would will should could may might be".split()
)

#: Adverbs between a pronoun and its verb (``it also rose``).
_ADVERBS: Final = frozenset("also then further again only still already".split())

#: A change noun right before the measure: ``the rise in imports``.
CHANGE_IN_BEFORE: Final = regex.compile(
    r"""
    (?<![\p{L}])(?P<word>\p{L}{2,12})\s{1,3}in\s{1,3}(?:the\s{1,3})?$   # "rise in (the)"
    """,
    regex.VERBOSE,
)

#: A direction verb or ``by`` right before an amount that is a change: ``rose 11.1 billion``.
DELTA_BEFORE: Final = regex.compile(
    rf"""
    (?<![\p{{L}}])(?i:{_alternation([*LEXICON.up_words, *LEXICON.down_words, "by"])})
    \s{{1,3}}$                     # right before the amount
    """,
    regex.VERBOSE,
)

#: The gap before a level that follows a change: ``, or 33 pct, to``.
TO_LEVEL: Final = regex.compile(
    r"""
    (?<![\p{L}])to\s{1,3}$         # "to" right before the level
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

#: A change by an absolute amount: ``by some $200 billion``.
BY_BEFORE: Final = regex.compile(
    r"""
    (?<![\p{L}])by\s{1,3}$         # "by" right before the amount
    """,
    regex.VERBOSE,
)

#: A change noun after the measure a number qualifies: ``$200 billion deficit reduction``.
CHANGE_NOUN_AFTER: Final = regex.compile(
    r"""
    ^\s{1,3}(?P<noun>reduction|cut|increase|rise|decrease)(?![\p{L}])   # the noun
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

#: A company owning the measure: ``the company's export revenue``, ``the carmaker's
#: exports`` (a company's sales, not a country's trade).
COMPANY_OWNER: Final = regex.compile(
    rf"""
    (?<![\p{{L}}])(?i:{_alternation(LEXICON.company_nouns)})   # the company noun
    (?:'s|’s|s'|s’)                                          # its possessive
    (?:\s{{1,3}}[\p{{L}}\-]{{1,20}}){{0,2}}                     # a qualifier or two
    \s{{1,3}}$                                                # right before the measure
    """,
    regex.VERBOSE,
)

#: A company named as the subject of a sentence (``Nokia Oy said its exports ...``): then
#: ``its`` before a measure is the company's.
COMPANY_NAME: Final = regex.compile(
    rf"""
    (?<=[\p{{Lu}}][\p{{L}}&\-]{{0,30}}\s{{1,3}})             # a capitalised name
    (?:{"|".join(regex.escape(w) for w in LEXICON.company_suffixes)})  # its company suffix
    (?![\p{{L}}])\.?
    """,
    regex.VERBOSE,
)

#: ``record`` right before a level (``a record of``, ``the record``, ``record high of``).
RECORD_BEFORE: Final = regex.compile(
    rf"""
    (?<![\p{{L}}])(?i:{_alternation(LEXICON.record_words)})  # the word
    (?:[\s-]{{1,3}}(?i:high|low|level))?                     # "record high"
    (?:\s{{1,3}}(?i:of|at))?                                 # "of", "at"
    \s{{0,3}}$                                               # then the level
    """,
    regex.VERBOSE,
)

#: ``record`` before the measure itself (``the record French trade deficit of ...``).
RECORD_BEFORE_MEASURE: Final = regex.compile(
    rf"""
    (?<![\p{{L}}])(?i:{_alternation(LEXICON.record_words)})   # the word
    (?:\s{{1,3}}[\p{{Lu}}][\p{{L}}.'’]{{0,15}}){{0,2}}         # "U.S."
    \s{{0,3}}$                                                # then the measure
    """,
    regex.VERBOSE,
)

#: A share, not a change: ``29 percent of``, ``accounting for 29 percent``.
SHARE_AFTER: Final = regex.compile(
    r"""
    ^\s{1,3}(?:of|share)(?![\p{L}])   # "of the total"
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
SHARE_BEFORE: Final = regex.compile(
    r"""
    (?:account(?:s|ed|ing)?\s{1,3}for|share\s{1,3}of|represent(?:s|ed|ing)?)
    \s{1,3}$                        # right before the number
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

#: A percentage that is a level, not a change: ``grew to 40 percent`` (of something).
PERCENT_LEVEL_BEFORE: Final = regex.compile(
    r"""
    (?<![\p{L}])(?:to|at)(?:\s{1,3}(?:only|about|around|some|a|just))?\s{1,3}$   # "to 40 pct"
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

#: A growth word that makes such a level a rate of change: ``export growth slowed to 2 pct``.
GROWTH_WORD: Final = regex.compile(
    r"""
    (?<![\p{L}])(?:growth|increase|rise|decline|decrease|fall|drop|expansion)(?![\p{L}])
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

#: What follows a number that is a price or rate, not a level (``18 dlrs a barrel``),
#: or a tariff rate (``a 25-percent tariff``).
PER_UNIT_AFTER: Final = regex.compile(
    r"""
    ^[\s-]{0,3}(?:a|per|/)\s{0,3}(?:[\d.,]{1,8}\s{0,3})?           # "per 100"
    (?:barrels?|tonnes?|tons?|ounces?|shares?|pounds?|bushels?|head|units?|kg|kilos?|lbs?|gallons?
      |litres?|liters?|dozen|bags?|bales?|acres?|hectares?|kilograms?|kilogrammes?|grammes?)
    (?![\p{L}])                     # a price per unit
    | ^[\s-]{1,3}(?:tariffs?|duty|duties|levy|rate|interest|stake|import\s{1,3}tariffs?)
    (?![\p{L}])                     # a tariff or interest rate
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

#: A verb after an amount that makes it a loan or an investment: ``500 mln dlrs lent``.
NOT_TRADE_AFTER: Final = regex.compile(
    r"""
    ^\s{1,3}(?:lent|loaned|invested|borrowed|raised|in\s{1,3}(?:loans|aid|credits|investment))
    (?![\p{L}])                    # the verb or phrase
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

#: The value of trade a tariff or sanction covers: ``tariffs on $50 billion``.
TARIFF_BEFORE: Final = regex.compile(
    rf"""
    (?<![\p{{L}}])(?i:{_alternation(LEXICON.tariff_words)})(?![\p{{L}}])  # the measure
    (?:[^.;]{{0,20}}                                                    # right before it
      |[^.;]{{0,100}}?(?<![\p{{L}}])(?i:on|covering|covers|worth|affecting|against)
       (?![\p{{L}}])[^.;]{{0,60}})                                     # or what it covers
    $                                                                  # then the amount
    """,
    regex.VERBOSE,
)
TARIFF_WORD: Final = regex.compile(
    rf"""
    (?<![\p{{L}}])(?i:{_alternation(LEXICON.tariff_words)})(?![\p{{L}}])  # a tariff or sanction
    """,
    regex.VERBOSE,
)
COVERING_BEFORE: Final = regex.compile(
    rf"""
    (?<![\p{{L}}])(?i:{_alternation(LEXICON.covering_words)})   # "affected"
    (?:\s{{1,3}}\p{{L}}{{1,12}}){{0,2}}\s{{1,3}}$                # right before the amount
    """,
    regex.VERBOSE,
)
TARIFF_AFTER: Final = regex.compile(
    r"""
    ^\s{1,3}(?:in|of|worth\s{1,3}of)\s{1,3}(?:tariffs|duties|sanctions)   # "5 bln in tariffs"
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

_WORD: Final = regex.compile(r"[\p{L}][\p{L}'’-]{0,30}")

_TARGET: Final = _alternation(LEXICON.target_cues)
_FORECAST: Final = _alternation(LEXICON.forecast_cues)

#: Words that make a figure a target (``target of``, ``aims to``).
TARGET_PATTERN: Final = regex.compile(
    rf"""
    (?<![\p{{L}}])
    (?!(?<=(?i:been|become|becomes|became|is|was|are|were|remains?)\s{{1,3}}(?:(?i:the|a)\s{{1,3}})?)
       (?i:targets?|goals?|aims?|objective)(?![\p{{L}}]))  # not "has been the target of"
    (?i:{_TARGET})(?![\p{{L}}])        # a target cue
    """,
    regex.VERBOSE,
)
#: Words that make a figure a forecast (``expected to``, ``will``).
FORECAST_PATTERN: Final = regex.compile(
    rf"""(?<![\p{{L}}])(?i:{_FORECAST})(?![\p{{L}}])   # a forecast cue""",
    regex.VERBOSE,
)

#: Two places joined by a hyphen: ``Russian-Kyrgyz trade``, ``Sino-U.S. trade``.
HYPHEN_PAIR: Final = regex.compile(
    r"""
    (?<![\p{L}])(?P<first>[\p{Lu}][\p{L}.]{1,20})-(?P<second>[\p{Lu}][\p{L}.]{1,20})(?![\p{L}])
    """,
    regex.VERBOSE,
)

#: A word before a place that makes it a trading partner, not the reporter.
PARTNER_BEFORE: Final = regex.compile(
    r"""
    (?<![\p{L}])(?:with|to|from|between|and|into|in|of|against)   # the preposition
    \s{1,3}(?:the\s{1,3})?$                                       # right before the place
    """,
    regex.VERBOSE | regex.IGNORECASE,
)


# -- mentions -----------------------------------------------------------------


@attrs.frozen(kw_only=True)
class _Measure:
    """A measure mention: what a number may be a figure of."""

    span: Span
    name: str
    trade: bool
    """False for a balance that is not trade (``current account deficit``): it blocks."""
    qualified: bool
    """True when the text says what kind of balance or flow it is."""


@attrs.frozen(kw_only=True)
class _Number:
    """An amount or a percentage that may belong to a trade figure."""

    span: Span
    amount: Amount | None = None
    percent: Decimal | None = None
    bare: bool = False
    family: str | None = None
    """The family of an ambiguous currency word (``dlrs``), to re-read by the reporter."""
    level: bool = False
    """True for a percentage after ``to``/``at``: a level, a change only with a growth word."""


@attrs.frozen(kw_only=True)
class _Attached:
    """A number with the measure it belongs to."""

    number: _Number
    measure: _Measure
    adjectival: bool
    """True when the number qualifies a measure written after it."""


@attrs.define
class _Fact:
    """Numbers of one measure that make one figure: a level and its change, or a base."""

    measure: _Measure
    role: Role
    numbers: list[_Attached]
    start: int
    end: int
    delta: Amount | None = None
    """An absolute change stated before the level (``rose 4.2 billion dlrs to 31.7 billion``)."""


@dataclasses.dataclass
class _State:
    """What the extractor remembers from one sentence to the next."""

    known_parties: tuple[str, ...] = ()
    """The parties of the figure before (read :attr:`parties`, which adds pending ones)."""
    pending: list[tuple[str, Span]] = dataclasses.field(default_factory=list)
    """Sentences whose places become the parties if asked for (found lazily)."""
    measure: _Measure | None = None
    measure_sentence: int = -10
    periods: dict[str, TimeExpression] = dataclasses.field(default_factory=dict)
    currency: str | None = None
    unit: str | None = None
    family: str | None = None
    home: str | None = None
    context: CurrencyContext = dataclasses.field(default_factory=CurrencyContext)
    places: dict[int, list[tuple[int, str, bool]]] = dataclasses.field(default_factory=dict)
    """Places of each sentence (by its start), found once."""
    cues: dict[int, list[tuple[int, TradeStatus]]] = dataclasses.field(default_factory=dict)
    """Status cues of each sentence (by its start), found once."""

    @property
    def parties(self) -> tuple[str, ...]:
        """The parties of the figure before, or of the last sentence that named a
        measure and places (those places are read only when asked for)."""
        for text, sentence in self.pending:
            places = _sentence_places(text, sentence, (), self)
            if places:
                self.known_parties = _order(places)
        self.pending.clear()
        return self.known_parties

    def set_parties(self, value: tuple[str, ...]) -> None:
        """Make *value* the parties, dropping the sentences not read yet."""
        self.pending.clear()
        self.known_parties = value


def _measures(text: str, start: int, end: int, starts: list[int] | None = None) -> list[_Measure]:
    """Find the measure mentions in ``text[start:end]`` (tried at *starts* when given)."""
    found: list[_Measure] = []
    for m in finditer_at(MEASURE_PATTERN, text, starts, start, end):
        span = Span(start=m.start(), end=m.end())
        if m.group("trade_balance"):
            noun = LEXICON.balance_nouns[_fold(m.group("trade_balance"))]
            found.append(_Measure(span=span, name=f"trade {noun}", trade=True, qualified=True))
        elif m.group("other_balance"):
            noun = LEXICON.balance_nouns[_fold(m.group("other_balance"))]
            qualifier = _fold(m.group("other_qual"))
            found.append(
                _Measure(span=span, name=f"{qualifier} {noun}", trade=False, qualified=True)
            )
        elif m.group("of_what"):
            trade = _fold(m.group("of_what")) == "trade"
            name = "trade balance" if trade else "balance of payments"
            found.append(_Measure(span=span, name=name, trade=trade, qualified=True))
        elif m.group("trade"):
            name = LEXICON.trade_measures[_fold(m.group("trade"))]
            if name == "trade turnover" and _fold(m.group("trade")) == "turnover":
                before = text[max(start, m.start() - 30) : m.start()].casefold()
                if "trade" not in before:
                    continue  # a company's turnover
            found.append(_Measure(span=span, name=name, trade=True, qualified=True))
        elif m.group("flow"):
            if _company_owned(text, start, m.start()):
                continue  # the company's export revenue: sales, not trade
            previous = text[max(start, m.start() - 20) : m.start()].split()[-1:]
            if previous and _fold(previous[0]) in LEXICON.non_trade_flow_qualifiers:
                continue  # "capital exports": money, not goods
            name = LEXICON.flow_measures[_fold(m.group("flow"))]
            lead = search(FLOW_QUALIFIER, text, max(start, m.start() - 20), m.start())
            if lead is not None and lead.group("qualifier").casefold().startswith("serv"):
                name = f"services {name}"
            found.append(_Measure(span=span, name=name, trade=True, qualified=True))
        elif m.group("commodity"):
            # "coffee earnings" of a country; not "Petroleum Revenue Tax", "Imperial's oil revenue"
            owner = text[max(start, m.start() - 15) : m.start()]
            named = m.group("commodity")[0].isupper() and m.start() != start
            if named or "'s" in owner or "’s" in owner:
                continue
            found.append(_Measure(span=span, name="exports", trade=True, qualified=True))
        else:
            noun = LEXICON.balance_nouns[_fold(m.group("bare"))]
            found.append(_Measure(span=span, name=noun, trade=True, qualified=False))
    return found


def _company_owned(text: str, start: int, measure_start: int) -> bool:
    """Whether a company owns the measure: ``the carmaker's exports``, or ``its exports``
    after a company named earlier in the sentence (``Nokia Oy said its exports``)."""
    if search(COMPANY_OWNER, text, max(start, measure_start - 60), measure_start) is not None:
        return True
    before = text[max(start, measure_start - 4) : measure_start].lower()
    return before == "its " and search(COMPANY_NAME, text, start, measure_start) is not None


def _resolve_bare(
    measure: _Measure, balances: list[tuple[int, _Measure]], trade_seen: bool, sentence_start: int
) -> _Measure | None:
    """Give a bare ``deficit`` the meaning of the last qualified balance before it."""
    if measure.qualified:
        return measure
    i = bisect.bisect_left([offset for offset, _ in balances], measure.span.start)
    earlier = [m for _, m in balances[:i]]
    same = [m for m in earlier if m.name.endswith(measure.name)]
    last = same[-1] if same else earlier[-1] if earlier else None
    if earlier and earlier[-1].span.start >= sentence_start:
        last = earlier[-1]  # "the balance on transfers narrowed to a deficit of ..."
    if last is not None and not last.trade:
        return None
    if last is None and not trade_seen:
        return None
    return attrs.evolve(measure, name=f"trade {measure.name}", qualified=True)


def _numbers(
    text: str,
    sentence: Span,
    amounts: Sequence[AmountMention],
    percents: Sequence[PercentMention],
    state: _State,
) -> list[_Number]:
    """Amounts and percentages of a sentence that may be trade figures."""
    numbers: list[_Number] = []
    previous: AmountMention | None = None
    tariff_sentence = bool(amounts) and search(TARIFF_WORD, text, sentence.start, sentence.end)
    for mention in amounts:
        span = mention.span
        after = text[span.end : min(sentence.end, span.end + 40)]
        before = text[max(sentence.start, span.start - 180) : span.start]
        converted = previous is not None and text[previous.span.end : span.start].strip() == "("
        previous = mention
        if converted or search(PER_UNIT_AFTER, after) or search(NOT_TRADE_AFTER, after):
            continue
        if (
            (tariff_sentence and search(TARIFF_BEFORE, before) is not None)
            or (tariff_sentence and search(COVERING_BEFORE, before) is not None)
            or search(TARIFF_AFTER, after) is not None
        ):
            continue
        amount = mention.amount
        family = mention.family
        if mention.bare:
            # "from 3.39 billion": the currency or unit of the amount before it
            if state.currency is None and state.unit is None:
                continue
            amount = attrs.evolve(amount, currency=state.currency, unit=state.unit)
            family = state.family
        else:
            state.currency, state.unit, state.family = amount.currency, amount.unit, family
        if amount.currency is not None and amount.value < SMALLEST_MONEY and not mention.bare:
            continue  # a price or an exchange rate ("1.2964 marks"), not a country's trade
        numbers.append(_Number(span=span, amount=amount, bare=mention.bare, family=family))
    for percent in percents:
        if percent.points:
            continue
        span = percent.span
        after = text[span.end : min(sentence.end, span.end + 30)]
        before = text[max(sentence.start, span.start - 40) : span.start]
        if search(SHARE_AFTER, after) or search(SHARE_BEFORE, before):
            continue
        if search(PER_UNIT_AFTER, after) is not None:
            continue
        if any(n.span.overlaps(span) for n in numbers):
            continue
        level = search(PERCENT_LEVEL_BEFORE, before) is not None
        numbers.append(_Number(span=span, percent=percent.value, level=level))
    numbers.sort(key=lambda n: n.span.start)
    return numbers


#: Money below this is a price, a rate or a household's bill, never a country's trade.
SMALLEST_MONEY: Final = Decimal(1_000_000)

#: How far (characters) a number may stand after the measure it belongs to.
MAX_MEASURE_GAP: Final = 150


def _attach(
    text: str,
    sentence: Span,
    number: _Number,
    measures: list[_Measure],
) -> tuple[_Measure, bool] | None:
    """Return the measure a number belongs to and whether it qualifies it adjectivally."""
    for measure in measures:
        if measure.span.start >= number.span.end:
            gap = text[number.span.end : measure.span.start]
            if len(gap) <= 30 and search(ADJECTIVAL_GAP, gap) is not None:
                return measure, True
            break
    before = [m for m in measures if m.span.end <= number.span.start]
    if not before:
        return None
    measure = before[-1]
    gap = text[measure.span.end : number.span.start]
    if len(gap) > MAX_MEASURE_GAP or search(BLOCKER_PATTERN, gap) is not None:
        return None
    if not measure.qualified and number.amount is not None and number.amount.unit is not None:
        return None  # "the world surplus by 20,000 tonnes": a commodity glut, not trade
    return measure, False


def _direction(text: str, start: int, end: int, pivot: int | None = None) -> Direction | None:
    """The direction the words of ``text[start:end]`` give.

    The last direction word before *pivot* (the figure's first number) wins, else
    the first one after it. ``up``, ``down``, ``higher`` and ``lower`` count only
    before a figure or a comparison (``down 6.3 pct``, ``down from``), not as
    particles (``opening up markets``) or in multiples (``ten times higher than``).
    """
    before: Direction | None = None
    after: Direction | None = None
    for word in finditer(_WORD, text, start, end):
        key = word.group().casefold()
        if key in _PARTICLES and match(PARTICLE_FOLLOWER, text, word.end()) is None:
            continue
        found: Direction | None = None
        if key in LEXICON.up_words:
            found = "up"
        elif key in LEXICON.down_words:
            found = "down"
        if found is None:
            continue
        if pivot is None or word.start() < pivot:
            before = found
        elif after is None:
            after = found
    return before or after


def _is_base(text: str, gap_start: int, number: _Number, first: bool) -> bool:
    """Whether *number* is a comparison base (``from 2.71 billion``)."""
    gap = text[gap_start : number.span.start]
    if search(BASE_BEFORE, gap) is not None:
        return True
    return not first and search(BASE_IN_GAP, gap) is not None


# -- periods and parties --------------------------------------------------------


def _usable(time: TimeExpression) -> bool:
    """Whether a time expression can be a period: a resolved date, not a duration."""
    return time.value is not None and time.kind == "date"


def _time_between(
    text: str, times: Sequence[TimeExpression], start: int, end: int, last: bool
) -> TimeExpression | None:
    """The first (or *last*) usable time inside ``[start, end)`` that is not a deadline."""
    inside = [
        t
        for t in times
        if start <= t.span.start
        and t.span.end <= end
        and _usable(t)
        and search(DEADLINE_BEFORE, text, max(0, t.span.start - 10), t.span.start) is None
    ]
    if not inside:
        return None
    return inside[-1] if last else inside[0]


def _places(text: str, start: int, end: int, skip: Sequence[Span]) -> list[tuple[int, str, bool]]:
    """Countries named in ``text[start:end]``: (offset, code, is_partner)."""
    found: list[tuple[int, str, bool]] = []
    for place in find_places(text, start, end):
        if place.code is None or any(place.span.overlaps(s) for s in skip):
            continue
        if place.kind == "capital" and not text.startswith(("'s", "’s"), place.span.end):
            continue
        if place.kind not in {"country", "demonym", "capital"}:
            continue
        before = text[max(start, place.span.start - 20) : place.span.start]
        partner = search(PARTNER_BEFORE, before) is not None
        found.append((place.span.start, place.code, partner))
    for pair in finditer(HYPHEN_PAIR, text, start, end):
        for group in ("first", "second"):
            word = pair.group(group)
            code = LEXICON.combining_forms.get(_fold(word)) or demonym_country(word)
            if code is None:
                code = country_code(word)
            if code is not None and not any(
                code == c and o == pair.start(group) for o, c, _ in found
            ):
                found.append((pair.start(group), code, group == "second"))
    found.sort()
    return found


def _order(places: list[tuple[int, str, bool]]) -> tuple[str, ...]:
    """Reporter first, then partners, each once."""
    codes: list[str] = []
    for _, code, _partner in sorted(places, key=lambda p: (p[2], p[0])):
        if code not in codes:
            codes.append(code)
    return tuple(codes)


# -- the extractor ----------------------------------------------------------------


#: Words one of which a sentence must contain to state a measure (a cheap first test).
_MEASURE_HINTS: Final = (
    "export", "import", "trade", "trading", "surplus", "deficit", "shortfall", "turnover",
    "balance", "gap", "earnings", "receipts", "revenue", "shipments", "purchases",
)  # fmt: skip


def _by_sentence(items: Sequence[Any], sentences: Sequence[Span]) -> list[list[Any]]:
    """Bucket mentions (ordered by ``span.start``) into the sentences that hold them."""
    buckets: list[list[Any]] = [[] for _ in sentences]
    starts = [s.start for s in sentences]
    for item in items:
        i = bisect.bisect_right(starts, item.span.start) - 1
        if i >= 0 and item.span.end <= sentences[i].end:
            buckets[i].append(item)
    return buckets


def extract(doc: Document) -> dict[str, Any]:
    """Return ``{"trade_figures": [...]}`` for *doc*."""
    text = doc.text
    dateline = doc.dateline
    home = dateline.country if dateline is not None else None
    sentences = [s for s in doc.sentences() if s.end > doc.body_start]
    hints = word_starts(doc, _MEASURE_HINTS, inside=True)
    hinted = [has_start(hints, s.start, s.end) for s in sentences]
    if not any(hinted):
        return {"trade_figures": []}
    starts = word_starts(doc, MEASURE_STEMS)
    per_sentence = [
        _measures(text, s.start, s.end, starts) if hint else []
        for s, hint in zip(sentences, hinted, strict=True)
    ]
    balances = [
        (m.span.start, m)
        for measures in per_sentence
        for m in measures
        if m.qualified and ("surplus" in m.name or "deficit" in m.name or "balance" in m.name)
    ]
    body = doc.body_start
    amounts = amount_index(text, body, country=home)
    context = amounts.context if home is None else CurrencyContext(country=home)
    state = _State(known_parties=(home,) if home else (), home=home, context=context)
    figures: list[TradeFigure] = []
    trade_seen = False
    for index, (sentence, raw) in enumerate(zip(sentences, per_sentence, strict=True)):
        follows = state.measure is not None and index - state.measure_sentence <= 1
        if not raw and not follows:
            continue
        measures = [
            m
            for m in (_resolve_bare(r, balances, trade_seen, sentence.start) for r in raw)
            if m is not None
        ]
        # A resolved non-trade bare balance still blocks: keep it as a non-trade measure.
        for r in raw:
            if not r.qualified and _resolve_bare(r, balances, trade_seen, sentence.start) is None:
                measures.append(attrs.evolve(r, trade=False))
        measures.sort(key=lambda m: m.span.start)
        trade_seen = trade_seen or any(m.trade for m in measures)
        numbers = _numbers(
            text,
            sentence,
            amounts.within(sentence.start, sentence.end),
            find_percents(text, sentence.start, sentence.end),
            state,
        )
        if not numbers:
            if any(m.trade for m in measures):
                _remember_parties(text, sentence, state)
            continue
        attached: list[_Attached] = []
        for number in numbers:
            hit = _attach(text, sentence, number, measures)
            if hit is None and not any(m.span.start < number.span.start for m in measures):
                hit = _pronoun(text, sentence, number, state, index)
            if hit is None or not hit[0].trade:
                continue
            attached.append(_Attached(number=number, measure=hit[0], adjectival=hit[1]))
        facts = _group(text, sentence, attached)
        if not facts:
            continue
        skip = [n.span for n in numbers]
        sentence_times = times_within(doc, sentence)
        for i, fact in enumerate(facts):
            nxt = facts[i + 1] if i + 1 < len(facts) else None
            figure = _figure(text, sentence, fact, nxt, facts, sentence_times, skip, state)
            if figure is not None:
                figures.append(figure)
        state.measure = facts[-1].measure
        state.measure_sentence = index
    return {"trade_figures": figures}


def _pronoun(
    text: str, sentence: Span, number: _Number, state: _State, index: int
) -> tuple[_Measure, bool] | None:
    """Attach a number in ``it grew a further 17.9%`` to the figure before."""
    if state.measure is None or index - state.measure_sentence > 1:
        return None
    pronoun = search(PRONOUN_PATTERN, text, sentence.start, number.span.start)
    if pronoun is None:
        return None
    if search(BLOCKER_PATTERN, text, sentence.start, number.span.start) is not None:
        return None
    # the pronoun is the subject of a level or change verb: "it grew", "It was", not "It sees"
    verbs = list(finditer(_WORD, text, pronoun.end(), min(number.span.start, pronoun.end() + 40)))
    words = [w.group().casefold() for w in verbs[:3]]
    words = [w for w in words if w not in _ADVERBS][:1]
    if not words or (words[0] not in _LEVEL_VERBS and words[0] not in _CHANGE_WORDS):
        return None
    return state.measure, False


def _sentence_places(
    text: str, sentence: Span, skip: Sequence[Span], state: _State
) -> list[tuple[int, str, bool]]:
    """The places of a sentence, found once."""
    if sentence.start not in state.places:
        state.places[sentence.start] = _places(text, sentence.start, sentence.end, skip)
    return state.places[sentence.start]


def _remember_parties(text: str, sentence: Span, state: _State) -> None:
    """Let the places of a sentence that names a measure become the parties, when
    a later figure asks for them (see :attr:`_State.parties`)."""
    state.pending.append((text, sentence))


def _group(text: str, sentence: Span, attached: list[_Attached]) -> list[_Fact]:
    """Group attached numbers into facts: a level with its change, bases apart."""
    facts: list[_Fact] = []
    for item in attached:
        number = item.number
        current = facts[-1] if facts else None
        gap_start = current.end if current is not None else sentence.start
        if current is None or current.measure.name != item.measure.name:
            measure_start = item.measure.span.start
            first_gap = max(gap_start, min(measure_start, number.span.start))
            base = _is_base(text, first_gap, number, first=True)
            start = (
                min(measure_start, number.span.start) if not item.adjectival else number.span.start
            )
            start = min(max(start, gap_start), number.span.start)
            facts.append(
                _Fact(
                    measure=item.measure,
                    role="base" if base else "level",
                    numbers=[item],
                    start=start,
                    end=max(number.span.end, item.measure.span.end),
                )
            )
            continue
        base = _is_base(text, current.end, number, first=False)
        if not base and current.role == "base":
            between = text[current.end : number.span.start].strip(" ,\n")
            base = between in {"and", "or", ""}
        has_amount = any(n.number.amount is not None for n in current.numbers)
        has_percent = any(n.number.percent is not None for n in current.numbers)
        clash = (number.amount is not None and has_amount) or (
            number.percent is not None and has_percent
        )
        if clash and not base and number.amount is not None and current.delta is None:
            previous = next(n.number for n in current.numbers if n.number.amount is not None)
            lead = text[max(sentence.start, previous.span.start - 25) : previous.span.start]
            gap = text[previous.span.end : number.span.start]
            if search(DELTA_BEFORE, lead) is not None and search(TO_LEVEL, gap) is not None:
                # "fell 8.1 billion dlrs or 21 pct to 30.4 billion": a change, then the level
                current.delta = previous.amount
                current.numbers = [n for n in current.numbers if n.number is not previous]
                current.numbers.append(item)
                current.end = max(current.end, number.span.end)
                continue
        if base or clash or current.role == "base":
            start = _fact_start(text, current.end, number.span.start, base)
            facts.append(
                _Fact(
                    measure=item.measure,
                    role="base" if base else "level",
                    numbers=[item],
                    start=start,
                    end=max(number.span.end, item.measure.span.end),
                )
            )
        else:
            current.numbers.append(item)
            current.end = max(current.end, number.span.end)
    return facts


def _fact_start(text: str, gap_start: int, number_start: int, base: bool) -> int:
    """Where a fact that follows another in the sentence begins.

    At its comparison cue (``from 2.71 billion``), else at the last connector before
    its number (``... in 2015 to at least 400 million``, ``... in January and 512.4
    mln``), else at the number, so that a time after the fact before stays with it.
    """
    start = number_start
    cue = search(BASE_IN_GAP, text, gap_start, number_start) if base else None
    if cue is not None:
        start = cue.start()
    else:
        connectors = list(finditer(CONNECTOR, text, gap_start, number_start))
        while connectors and connectors[-1].group().casefold() == "to":
            verb = text[gap_start : connectors[-1].start()].split()[-1:]
            if not verb or _fold(verb[0]) not in _CHANGE_WORDS | _LEVEL_VERBS:
                break
            connectors.pop()  # "and soybean exports rose to 1.2 mln": the verb is the fact's
        if connectors:
            start = connectors[-1].end()
    while start < number_start and text[start] in " ,;\n":
        start += 1
    return start


def _figure(
    text: str,
    sentence: Span,
    fact: _Fact,
    nxt: _Fact | None,
    facts: list[_Fact],
    times: Sequence[TimeExpression],
    skip: Sequence[Span],
    state: _State,
) -> TradeFigure | None:
    """Build the :class:`TradeFigure` of one fact."""
    amount: Amount | None = None
    percent: Decimal | None = None
    first = fact.numbers[0].number
    for item in fact.numbers:
        if item.number.amount is not None and amount is None:
            amount = item.number.amount
        if item.number.percent is not None and percent is None:
            percent = item.number.percent
    delta = fact.delta if fact.role == "level" else None
    # The window the change words are read from: the fact's clause up to the next fact.
    stop = nxt.start if nxt is not None else sentence.end
    cue = search(BASE_IN_GAP, text, fact.end, stop)
    after_end = cue.start() if cue is not None else stop
    window_start = fact.start
    index = facts.index(fact)
    while (
        index > 0 and facts[index - 1].role == "base" and facts[index - 1].measure == fact.measure
    ):
        index -= 1  # "rising from X to Y": the verb stands before the base
        window_start = facts[index].start
    direction = (
        _direction(text, window_start, after_end, first.span.start)
        if fact.role == "level"
        else None
    )
    measure = fact.numbers[0].measure
    level = next((n.number for n in fact.numbers if n.number.amount is not None), None)
    by_amount = level is not None and (
        search(BY_BEFORE, text, max(sentence.start, level.span.start - 10), level.span.start)
        is not None
    )
    if direction is None and fact.role == "level" and (percent is not None or by_amount):
        # "growth rate of service imports reached 9.2%", "reducing the deficit by $200 billion"
        head = max(sentence.start, measure.span.start - 30)
        if head < measure.span.start <= first.span.start:
            direction = _direction(text, head, measure.span.start)
    if direction is None and fact.role == "level" and measure.span.start <= first.span.start:
        change_in = search(
            CHANGE_IN_BEFORE, text, max(sentence.start, measure.span.start - 25), measure.span.start
        )
        if change_in is not None:
            direction = _direction(text, change_in.start(), change_in.end("word"))
    change_value: Amount | None = None
    if delta is not None and direction is not None:
        change_value = delta
    elif amount is not None and direction is not None:
        adjectival = fact.numbers[0].adjectival
        trailing = text[measure.span.end : after_end]
        if by_amount or (adjectival and search(CHANGE_NOUN_AFTER, trailing) is not None):
            change_value, amount = amount, None
    if percent is not None and direction is None:
        return None  # a percentage without a change is a share or a rate
    rate = next((n.number for n in fact.numbers if n.number.percent is not None), None)
    growth_from = max(sentence.start, min(window_start, measure.span.start - 30))
    if (
        rate is not None
        and rate.level
        and search(GROWTH_WORD, text, growth_from, rate.span.start) is None
    ):
        if amount is None:
            return None  # "imports grew to 40 percent" of something: a share
        percent = None
    change: Change | None = None
    if fact.role == "level" and (direction is not None or percent is not None):
        change = Change(direction=direction, percent=percent, value=change_value)
    if amount is None and change is None:
        return None
    status = _status(text, sentence, fact, state)
    period = _period(text, sentence, fact, facts, times, after_end, status, state)
    record = _record(text, sentence, fact)
    parties = _parties(text, sentence, fact, skip, state)
    amount = _reread_currency(amount, fact, parties, state)
    span = Span(
        start=fact.start,
        end=max(
            fact.end,
            period.span.end
            if period and period.span.start >= fact.end and period.span.end <= after_end
            else fact.end,
        ),
    )
    return TradeFigure(
        span=span,
        measure=fact.measure.name,
        parties=parties,
        amount=amount,
        change=change,
        period=period,
        record=record,
        status=status,
    )


def _reread_currency(
    amount: Amount | None, fact: _Fact, parties: tuple[str, ...], state: _State
) -> Amount | None:
    """Read ``dlrs`` as the reporter's dollar when the article has no dateline country."""
    if amount is None or state.home is not None or not parties:
        return amount
    number = next((n.number for n in fact.numbers if n.number.amount is not None), None)
    if number is None or number.family is None:
        return amount
    local = attrs.evolve(state.context, country=parties[0])
    return attrs.evolve(amount, currency=local.resolve(number.family, number.span.start))


def _status(text: str, sentence: Span, fact: _Fact, state: _State) -> TradeStatus:
    """``target`` or ``forecast`` when a cue governs the fact, else ``actual``."""
    if fact.role == "base":
        return "actual"
    if sentence.start not in state.cues:
        cues: list[tuple[int, TradeStatus]] = []
        for pattern, status in (
            (TARGET_PATTERN, "target"),
            (FORECAST_PATTERN, "forecast"),
        ):
            for cue in finditer(pattern, text, sentence.start, sentence.end):
                # "Will Smith", "Target Corp": a capitalised cue inside a sentence is a name
                if cue.group()[0].islower() or cue.start() == sentence.start:
                    cues.append((cue.end(), cast(TradeStatus, status)))
        state.cues[sentence.start] = cues
    start = _clause_start(text, sentence, fact)
    found = {status for end, status in state.cues[sentence.start] if start < end <= fact.end}
    if "target" in found:
        return "target"
    return "forecast" if "forecast" in found else "actual"


def _clause_start(text: str, sentence: Span, fact: _Fact) -> int:
    """Where the words that govern a fact begin: at most 100 characters back, never
    before the end of an earlier sentence the splitter missed."""
    start = max(sentence.start, fact.start - 100)
    stop = text.rfind(". ", start, fact.start)
    return stop + 2 if stop >= 0 else start


def _record(text: str, sentence: Span, fact: _Fact) -> bool:
    """Whether the text calls the fact's level (or its measure) a record."""
    for item in fact.numbers:
        if item.number.amount is None:
            continue
        before = text[max(sentence.start, item.number.span.start - 30) : item.number.span.start]
        if search(RECORD_BEFORE, before) is not None:
            return True
        after = text[item.number.span.end : min(sentence.end, item.number.span.end + 12)]
        if after.lstrip(" ,").casefold().startswith(("a record", "a new record")):
            return True
    measure = fact.numbers[0].measure
    if (
        fact.role == "level"
        and sentence.start <= measure.span.start < fact.numbers[0].number.span.start
    ):
        before = text[max(sentence.start, measure.span.start - 30) : measure.span.start]
        return search(RECORD_BEFORE_MEASURE, before) is not None
    return False


def _period(
    text: str,
    sentence: Span,
    fact: _Fact,
    facts: list[_Fact],
    times: Sequence[TimeExpression],
    after_end: int,
    status: TradeStatus,
    state: _State,
) -> TimeExpression | None:
    """The time expression that belongs to the fact, else the one carried over."""
    last = fact.numbers[-1].number.span.end
    # the time after the figure belongs to it up to the clause's end ("..., data showed on
    # Friday"); a conversion in brackets ("(about 2.46 trillion U.S. dollars)") is no end
    at = last
    clause_end = search(CLAUSE_END, text, at, after_end)
    while clause_end is not None and clause_end.group() == "(":
        close = text.find(")", clause_end.end(), min(after_end, clause_end.end() + 80))
        if close < 0 or not any(c.isdigit() for c in text[clause_end.end() : close]):
            break
        at = close + 1
        clause_end = search(CLAUSE_END, text, at, after_end)
    after_end = clause_end.start() if clause_end is not None else after_end
    period = _time_between(text, times, last, after_end, last=False)
    if period is None:  # "grew 37% last year to $3.5 billion"
        inner = fact.numbers[0].number.span.end
        period = _time_between(text, times, inner, fact.numbers[-1].number.span.start, last=False)
    if period is None:
        first = fact.numbers[0].number.span.start
        period = _time_between(text, times, fact.start, first, last=True)
    if period is None and fact.role == "level":
        # "In 1985 exports totalled 18.3 billion dlrs and imports 10.6 billion": the
        # sentence's lead time; for a forecast only one inside the first figure
        # ("Exports this year are expected to ..."), not the time of the statement.
        lead_start = sentence.start if status == "actual" else facts[0].start
        lead_end = facts[0].numbers[0].number.span.start
        candidates = [
            t for t in times if lead_start <= t.span.start and t.span.end <= lead_end and _usable(t)
        ]
        if candidates:
            period = candidates[-1]
    if period is not None:
        state.periods[fact.role] = period
        return period
    if status != "actual":
        return None
    return state.periods.get(fact.role)


def _parties(
    text: str, sentence: Span, fact: _Fact, skip: Sequence[Span], state: _State
) -> tuple[str, ...]:
    """The economies of a fact: reporter first, then partners.

    A place written with the measure (``Japan's 41.2 billion dlrs trade surplus``,
    ``U.S. trade deficit``, ``Norwegian imports``) is the reporter; places after a
    partner word that follow the fact (``with the United States``, ``to Saudi
    Arabia``) are partners. Without a reporter, the places of the clause count, and
    without any place the parties of the figure before.
    """
    measure = fact.numbers[-1].measure
    places = _sentence_places(text, sentence, skip, state)
    head_end = max(fact.end, measure.span.end)
    direct = [
        p
        for p in places
        if measure.span.start - 40 <= p[0] < measure.span.start
        and not p[2]
        and not _crosses(text, p[0], measure.span.start)
    ]
    after = direct[-1][0] if direct else measure.span.start
    partners = [
        p
        for p in places
        if p[2]
        and after < p[0] <= head_end + 60
        and (p[0] < head_end or not _crosses(text, head_end, p[0]))
    ]
    if direct:
        parties = _order([direct[-1], *partners])
    else:
        inside = [p for p in places if p[0] < head_end]
        chosen = list(dict.fromkeys([*inside, *partners]))  # a partner inside the fact once
        if not chosen:
            return state.parties
        if len(chosen) == 1 and chosen[0][2] and state.parties:  # "exports to Japan": whose?
            reporter = state.parties[0]
            if reporter not in {c for _, c, _ in chosen}:
                chosen = [(-1, reporter, False), *chosen]
        parties = _order(chosen)
    state.set_parties(parties)
    return parties


def _crosses(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` crosses a clause boundary (comma, semicolon, dash)."""
    return any(mark in text[start:end] for mark in (",", ";", " -", "(", ":"))
