"""Money, quantities, percentages and counts in news text.

This is a helper module, not a pipeline step: the trade and sanctions extractors
call it. The public functions are

* :func:`find_amounts` -- ``$3.5 billion``, ``£600m``, ``15 billion dlrs``,
  ``629.7 mln Swiss francs``, ``nearly 300 billion dollars``, ``160 mln crowns``,
  ``1.2 mln tonnes``; each an :class:`AmountMention` with an :class:`~newsmodel.Amount`
  whose ``value`` has the scale applied (``3500000000``);
* :func:`find_percents` -- ``37%``, ``11.8 percent``, ``17.9 pct``, ``ten per cent``;
* :func:`parse_number` -- ``"1,234"``, ``"3.5 billion"``, ``"four"``, ``"a dozen"``;
* :func:`currency_context` -- what an ambiguous currency word means in one article.

Ambiguous currency words (``dlrs``, ``francs``, ``crowns``, ``pounds``, ``pesos`` ...)
belong to a *family* (``data/numbers.json``). A bare family word resolves, in order:

1. to the local member when the article's own country uses it (``dlrs`` in a
   Sydney story is AUD, ``francs`` in a Berne story CHF, ``crowns`` in Oslo NOK);
2. else to the member the article itself last named in full before the amount
   (``629.7 mln Swiss francs ... 6.00 billion francs`` -> CHF), or the first it
   names after it;
3. else to the family default (``dlrs`` USD, ``francs`` FRF, ``crowns`` SEK).

``pounds`` is money (GBP, or the local pound) only with ``of`` absent and some
sign of money in context (a British article, or sterling named); otherwise it is
a weight (``lb``): ``500 mln pounds of beef`` is a volume.
"""

from __future__ import annotations

import bisect
import dataclasses
import json
import re
import threading
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from importlib import resources
from typing import Any, Final, Protocol

import attrs
import regex

from newsmodel.document import Document
from newsmodel.model import Amount, Approximation, Span, TimeExpression
from newsmodel.text import alternation, finditer, match, search, word_automaton

__all__ = [
    "AmountIndex",
    "AmountMention",
    "CurrencyContext",
    "PercentMention",
    "amount_index",
    "currency_context",
    "find_amounts",
    "find_percents",
    "has_start",
    "is_quantity_word",
    "parse_number",
    "times_within",
    "word_starts",
]


# -- lexicon -------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class _Lexicon:
    scales: dict[str, Decimal]
    glued_scales: frozenset[str]
    number_words: dict[str, Decimal]
    approximations: dict[str, Approximation]
    symbols: dict[str, str]
    currency_words: dict[str, str]
    families: dict[str, dict[str, Any]]
    family_of_code: dict[str, str]
    units: dict[str, str]
    pound_words: frozenset[str]
    percent_words: tuple[str, ...]
    point_words: tuple[str, ...]


def _fold(word: str) -> str:
    """Normalise a surface for lexicon lookup: case-folded, white space collapsed."""
    return " ".join(word.split()).casefold()


def _load() -> _Lexicon:
    raw = resources.files("newsmodel").joinpath("data/numbers.json").read_text("utf-8")
    data = json.loads(raw)
    families = {k: v for k, v in data["families"].items() if not k.startswith("_")}
    family_of_code: dict[str, str] = {}
    for family, spec in families.items():
        for code in (*spec["by_country"].values(), spec["default"]):
            family_of_code.setdefault(code, family)
    return _Lexicon(
        scales={_fold(k): Decimal(v) for k, v in data["scales"].items()},
        glued_scales=frozenset(_fold(k) for k in data["glued_scales"]),
        number_words={_fold(k): Decimal(str(v)) for k, v in data["number_words"].items()},
        approximations={_fold(k): v for k, v in data["approximations"].items()},
        symbols=dict(data["currency_symbols"]),
        currency_words={_fold(k): v for k, v in data["currency_words"].items()},
        families=families,
        family_of_code=family_of_code,
        units={_fold(k): v for k, v in data["units"].items() if not k.startswith("_")},
        pound_words=frozenset(_fold(k) for k in data["pound_unit_words"]),
        percent_words=tuple(data["percent_words"]),
        point_words=tuple(data["point_words"]),
    )


LEXICON: Final = _load()


_DIGITS: Final = r"(?:\d{1,3}(?:,\d{3}){1,5}(?:\.\d{1,8})?|\d{1,15}(?:\.\d{1,8})?|\.\d{1,8})"
_WORDS: Final = alternation(
    w for w in LEXICON.number_words if w not in {"a", "an", "half", "score"}
)
_APPROX: Final = alternation(LEXICON.approximations)
_SCALES: Final = alternation(LEXICON.scales)
_GLUED: Final = alternation(LEXICON.glued_scales)
_SYMBOLS: Final = alternation(LEXICON.symbols, case_sensitive=True)  # matched as written
_AFTER_WORDS: Final = alternation([*LEXICON.currency_words, *LEXICON.units])
_PERCENT: Final = alternation(LEXICON.percent_words)
_POINTS: Final = alternation(LEXICON.point_words)

# A number written in words: "four", "twenty-five", "a", "half a", "two dozen".
_NUMBER_IN_WORDS: Final = rf"""
    (?i:
      (?:half\s{{1,3}}an?|an?|(?:{_WORDS})(?:[\s-]{{1,3}}(?:and\s{{1,3}})?(?:{_WORDS})){{0,3}})
    )(?![^\W_])
"""

# The two number patterns are compiled by the standard library's ``re``, which runs
# them 1.7 times as fast as ``regex`` does: they are tried at every word start near a
# number. ``re`` knows no ``\p{..}``: ``[^\W_]`` is a letter or a number
# (``[\p{L}\p{N}]``), ``[^\W\d_]`` a letter (or a numeral other than a digit: ``½``).
# They run on windows of a few dozen characters around number anchors (never on a
# whole text), and their bounded quantifiers keep every match attempt short.

#: An amount: hedge, currency symbol, number, scale word, currency or unit word.
AMOUNT_PATTERN: Final = re.compile(
    rf"""
    (?<![^\W_]|[.,$£€¥/-])                      # not inside a word or a number
    (?:(?P<approx>(?i:{_APPROX}))\s{{1,3}})?     # "nearly", "more than" ...
    (?:(?P<symbol>{_SYMBOLS})\s?)?               # "$", "US$", "HK$", "£", "DM" ...
    (?P<number>{_DIGITS}|{_NUMBER_IN_WORDS})     # "3.5", "1,234", "eight", "a"
    (?:
        (?P<glued>(?i:{_GLUED}))(?![^\W_])                  # "£600m", "$1.13bn"
      | (?:\s{{1,3}}|-)(?P<scale>(?i:{_SCALES}))(?![^\W_])  # " billion", " mln"
    )?
    (?:(?:\s{{1,3}}|-)                           # the currency or unit after it
        (?P<word>(?i:{_AFTER_WORDS}))(?![^\W_])
        (?P<of>\s{{1,3}}of(?![^\W\d_]))?          # "pounds of": a weight
    )?
    """,
    re.VERBOSE,
)

#: A percentage: "37%", "11.8 percent", "17.9 pct", "ten per cent", "2 percentage points".
PERCENT_PATTERN: Final = re.compile(
    rf"""
    (?<![^\W_]|[.,])                            # not inside a word or a number
    (?:(?P<approx>(?i:{_APPROX}))\s{{1,3}})?     # "some 40 pct"
    (?P<sign>[-+−])?                             # an explicit sign
    (?P<number>{_DIGITS}|{_NUMBER_IN_WORDS})     # the value
    (?:
        \s{{0,2}}(?P<points>(?i:{_POINTS}))(?![^\W\d_])       # "2 percentage points"
      | \s{{0,2}}-?(?P<percent>(?i:{_PERCENT}))(?![^\W\d_])   # "%", "pct", "per cent"
        (?:\s{{1,3}}(?P<after_points>(?i:points?|pts))(?![^\W\d_]))?  # "pct points"
    )
    """,
    re.VERBOSE,
)

#: Something every amount or percentage contains: a digit, a money sign, a scale or
#: percent word. The full patterns run only in windows around these anchors. (The
#: scan uses :data:`NUMBER_SIGNS` and plain substring search for the words, which is
#: faster; this pattern states what an anchor is, and tests check the two agree.)
NUMBER_ANCHOR: Final = regex.compile(
    r"""
    [\d$£€¥₹₽₩%]                                       # a digit or a sign
    | (?i:billion|million|trillion|thousand|mln|bln|trln|dozen|per\s?cent|pct)  # a word
    """,
    regex.VERBOSE,
)

#: A run of digits and money or percent signs (the first half of :data:`NUMBER_ANCHOR`).
NUMBER_SIGNS: Final = regex.compile(
    r"""
    [\d$£€¥₹₽₩%]{1,40}                                 # digits and signs
    """,
    regex.VERBOSE,
)

#: The words of :data:`NUMBER_ANCHOR`, found by substring search in the lower-cased text
#: (``per cent`` through ``cent``, checked for ``per`` before it).
_ANCHOR_WORDS: Final = (
    "billion",
    "million",
    "trillion",
    "thousand",
    "mln",
    "bln",
    "trln",
    "dozen",
    "pct",
)

#: How far before and after an anchor an amount may reach (hedge, symbol, currency words).
_REACH: Final = 48


@lru_cache(maxsize=16)
def _anchors(text: str) -> tuple[tuple[int, int], ...]:
    """The ``(start, end)`` of every number anchor in *text*, in order (cached)."""
    found = [(m.start(), m.end()) for m in finditer(NUMBER_SIGNS, text)]
    lowered = text.lower()
    if len(lowered) != len(text):  # lower-casing moved offsets: use the pattern
        return tuple((m.start(), m.end()) for m in finditer(NUMBER_ANCHOR, text))
    for word in _ANCHOR_WORDS:
        i = lowered.find(word)
        while i >= 0:
            found.append((i, i + len(word)))
            i = lowered.find(word, i + 1)
    i = lowered.find("cent")
    while i >= 0:
        if lowered.endswith("per", 0, i):
            found.append((i - 3, i + 4))
        elif i >= 4 and lowered[i - 1].isspace() and lowered.endswith("per", 0, i - 1):
            found.append((i - 4, i + 4))
        i = lowered.find("cent", i + 1)
    found.sort()
    return tuple(found)


@lru_cache(maxsize=64)
def _windows(text: str, start: int, end: int | None) -> tuple[tuple[int, int], ...]:
    """Merged ``[a, b)`` windows of ``text[start:end]`` around number anchors.

    Cached: the amount and percent scans of one text share them.
    """
    stop = len(text) if end is None else end
    anchors = _anchors(text)
    windows: list[tuple[int, int]] = []
    i = bisect.bisect_left(anchors, (start, -1))
    while i < len(anchors) and anchors[i][0] < stop:
        first, last = anchors[i]
        i += 1
        if last > stop:
            continue
        a, b = max(start, first - _REACH), min(stop, last + _REACH)
        if windows and a <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], b))
        else:
            windows.append((a, b))
    return tuple(windows)


#: Lower-case pieces one of which every percentage holds (``%``, ``pct``, ``per cent``,
#: ``points``): a window without one cannot hold a :data:`PERCENT_PATTERN` match.
_PERCENT_PIECES: Final = ("%", "per", "pc", "point", "pts")


def _context_pieces() -> tuple[str, ...]:
    """Pieces one of which every qualified currency mention holds.

    A qualified mention (``Canadian dlrs``, ``Swiss francs``, ``C$``, ``stg``) names a
    member of a currency family; it is all :func:`currency_context` reads. The piece
    of a phrase is its longest qualifying word (``canadian``), of a word or symbol
    the whole of it. Pieces are lower case, except symbols (matched as written:
    ``TRY``) and two-letter qualifiers (``US``), which are looked for in capitals so
    that ``industry`` and ``thus`` do not count (``us dollars`` in lower case is missed).
    """
    pieces = {"£", "sterling", "stg"}
    for surface, code in LEXICON.currency_words.items():  # folded: matched in any case
        if code in LEXICON.families or code not in LEXICON.family_of_code:
            continue
        words = surface.split()
        piece = max(words[:-1], key=len) if len(words) > 1 else words[0]
        pieces.add(piece.upper() if len(piece) <= 2 else piece)
    for symbol, code in LEXICON.symbols.items():  # matched as written
        if code not in LEXICON.families and code in LEXICON.family_of_code:
            pieces.add(symbol if any(c.isupper() for c in symbol) else symbol.lower())
    return tuple(sorted(p for p in pieces if not any(o != p and o in p for o in pieces)))


#: See :func:`_context_pieces`.
_CONTEXT_PIECES: Final = _context_pieces()


@lru_cache(maxsize=64)
def _piece_offsets(text: str, pieces: tuple[str, ...]) -> list[int]:
    """Sorted offsets where a piece begins in *text*: lower-case pieces in the lower-cased
    text, pieces with capitals as written (cached: one substring scan per text)."""
    lowered = text.lower()
    same = len(lowered) == len(text)
    found: list[int] = []
    for piece in pieces:
        haystack = lowered if piece == piece.lower() and same else text
        i = haystack.find(piece)
        while i >= 0:
            found.append(i)
            i = haystack.find(piece, i + 1)
    found.sort()
    return found


@lru_cache(maxsize=64)
def _scan(
    pattern: re.Pattern[str],
    text: str,
    start: int,
    end: int | None,
    pieces: tuple[str, ...] | None = None,
) -> tuple[re.Match[str], ...]:
    """All matches of *pattern* in ``text[start:end]``, looked for only near number anchors.

    A match counts only when it holds an anchor (a digit, a money or percent sign, a
    scale or percent word): one without (``eight dollars``) would otherwise be found
    or not by whether a number happened to stand within reach of it.

    With *pieces*, only windows whose lower-cased text holds one of them are read
    (a percentage needs a percent word; a qualified currency its qualifier).
    Cached (a pure function of its arguments): the trade and sanctions extractors and
    :func:`currency_context` read the same spans.
    """
    found: list[re.Match[str]] = []
    hits = _piece_offsets(text, pieces) if pieces is not None else None
    anchors = _anchors(text)
    for a, b in _windows(text, start, end):
        if hits is not None:
            i = bisect.bisect_left(hits, a)
            if i >= len(hits) or hits[i] >= b:
                continue
        for m in pattern.finditer(text, a, b):
            if found and m.start() < found[-1].end():
                continue
            # an anchor inside the match: what it holds does not depend on the window
            i = bisect.bisect_left(anchors, (m.end(), -1)) - 1
            if i < 0 or anchors[i][1] <= m.start():
                continue
            found.append(m)
    return tuple(found)


#: Sterling named anywhere (``paid in sterling``, ``£``): ``pounds`` is then money.
STERLING_PATTERN: Final = regex.compile(
    r"""
    (?<![\p{L}])(?:sterling|stg)(?![\p{L}])   # the word
    | £                                        # or the sign
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

#: A number with an optional scale word, for :func:`parse_number`.
NUMBER_WITH_SCALE: Final = regex.compile(
    rf"""
    \s{{0,3}}(?P<sign>[-+−])?                    # an explicit sign
    (?P<digits>{_DIGITS})                        # the digits
    (?:\s{{0,3}}-?(?P<scale>(?i:{_SCALES})))?    # a scale word, glued or spaced
    \s{{0,3}}$                                   # nothing else
    """,
    regex.VERBOSE,
)

#: Tokens of a number written in words.
NUMBER_TOKEN: Final = regex.compile(
    r"""
    [\p{L}.]{1,20}            # a word ("twenty", "mln.")
    | [-+−]?[\d.,]{1,30}      # or digits
    """,
    regex.VERBOSE,
)


# -- results -------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class AmountMention:
    """An amount of money or of a physical unit in the text."""

    span: Span
    """From the hedge (``nearly``) or symbol to the currency or unit word."""
    amount: Amount
    """The value with scale applied, its currency or unit, and its hedge."""
    bare: bool = False
    """True when the text gave neither currency nor unit (``from 3.39 billion``)."""
    family: str | None = None
    """The family of a shared currency word (``"dollar"`` for ``dlrs``) when
    ``amount.currency`` was resolved from context, else None (see :class:`CurrencyContext`)."""


@attrs.frozen(kw_only=True)
class PercentMention:
    """A percentage (or a change in percentage points) in the text."""

    span: Span
    """The number and its percent word, with a hedge if any."""
    value: Decimal
    """The percentage as stated (``37`` for ``37%``)."""
    points: bool = False
    """True for percentage points (``2 percentage points``)."""
    approximate: Approximation | None = None
    """The hedge before the number (``some 40 pct`` -> ``"about"``), or None."""


@attrs.frozen(kw_only=True)
class CurrencyContext:
    """What ambiguous currency words mean in one article (see the module docstring)."""

    country: str | None = None
    """The article's own country (ISO 3166-1), usually the dateline's."""
    offsets: tuple[int, ...] = ()
    """Offsets of the qualified currency mentions, ascending."""
    codes: tuple[str, ...] = ()
    """The ISO 4217 code of each qualified mention, parallel to ``offsets``."""
    sterling: bool = False
    """True when the text names sterling or the pound sign anywhere."""

    def resolve(self, family: str, offset: int) -> str:
        """Return the ISO 4217 code a bare *family* word at *offset* stands for."""
        spec = LEXICON.families[family]
        local: str | None = spec["by_country"].get(self.country) if self.country else None
        if local is not None:
            return local
        members = {*spec["by_country"].values(), spec["default"]}
        i = bisect.bisect_right(self.offsets, offset)
        before = [c for c in reversed(self.codes[:i]) if c in members]
        if before:
            return before[0]
        after = [c for c in self.codes[i:] if c in members]
        if after:
            return after[0]
        default: str = spec["default"]
        return default

    def is_money_pounds(self) -> bool:
        """Return whether a bare ``pounds`` should be read as money rather than weight."""
        local = LEXICON.families["pound"]["by_country"]
        return self.sterling or (self.country is not None and self.country in local)


def currency_context(
    text: str, start: int = 0, end: int | None = None, *, country: str | None = None
) -> CurrencyContext:
    """Collect the qualified currency mentions in ``text[start:end]`` once per article.

    Args:
        text: The article text.
        start: Where to start looking.
        end: Where to stop (default: the end of the text).
        country: The article's own country, e.g. the dateline's ISO code.

    Returns:
        The context to pass to :func:`find_amounts` for every span of that text.
    """
    return _context(_scan(AMOUNT_PATTERN, text, start, end), text, start, end, country)


def _context(
    matches: Iterable[re.Match[str]], text: str, start: int, end: int | None, country: str | None
) -> CurrencyContext:
    """Build a :class:`CurrencyContext` from the amount matches of a text."""
    offsets: list[int] = []
    codes: list[str] = []
    sterling = False
    for m in matches:
        code = _written_code(m)
        if code == "GBP":
            sterling = True
        if code is not None and code in LEXICON.family_of_code:
            offsets.append(m.start())
            codes.append(code)
    if not sterling:
        sterling = _names_sterling(text, start, end)
    return CurrencyContext(
        country=country, offsets=tuple(offsets), codes=tuple(codes), sterling=sterling
    )


@lru_cache(maxsize=64)
def _names_sterling(text: str, start: int, end: int | None) -> bool:
    """Whether ``text[start:end]`` names sterling (cached: a pure whole-text scan)."""
    chunk = text[start:end]
    lowered = chunk.lower()
    if "£" not in chunk and "sterling" not in lowered and "stg" not in lowered:
        return False  # neither the sign nor the words: no need for the pattern
    return search(STERLING_PATTERN, text, start, end) is not None


def _written_code(m: re.Match[str]) -> str | None:
    """Return the ISO code an amount match names unambiguously, else None."""
    for group, table in (("word", LEXICON.currency_words), ("symbol", LEXICON.symbols)):
        surface = m.group(group)
        if surface:
            key = _fold(surface) if group == "word" else surface
            value = table.get(key)
            if value is not None and value not in LEXICON.families:
                return value
    return None


# -- numbers -------------------------------------------------------------------


def _normal(value: Decimal) -> Decimal:
    """Return *value* without an exponent or trailing zeros (``3.5E+9`` -> ``3500000000``)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def parse_number(words: str) -> Decimal | None:
    """Read a number written in digits or words.

    ``"1,234"`` -> 1234, ``"3.5 billion"`` -> 3500000000, ``"4.3bn"`` -> 4300000000,
    ``"four"`` -> 4, ``"twenty-five"`` -> 25, ``"a dozen"`` -> 12,
    ``"two hundred million"`` -> 200000000, ``"half a million"`` -> 500000.

    Args:
        words: The number as written, and nothing else.

    Returns:
        The value, or None when *words* is not a number.
    """
    m = match(NUMBER_WITH_SCALE, words)
    if m is not None:
        try:
            value = Decimal(m.group("digits").replace(",", ""))
        except InvalidOperation:
            return None
        if m.group("scale"):
            value *= LEXICON.scales[_fold(m.group("scale"))]
        if m.group("sign") in {"-", "−"}:
            value = -value
        return _normal(value)
    return _parse_words(words)


def _parse_words(words: str) -> Decimal | None:
    """Evaluate a number in words (``"two hundred and five thousand"``), else None."""
    tokens = [t.group() for t in finditer(NUMBER_TOKEN, words.replace("-", " "))]
    if not tokens or len(tokens) > 12:
        return None
    total = Decimal(0)
    current: Decimal | None = None
    factor = Decimal(1)
    for token in tokens:
        key = _fold(token).rstrip(".")
        if key == "and":
            continue
        if key in {"a", "an"}:
            current = current if current is not None else Decimal(1)
            continue
        if key == "half":
            factor = Decimal("0.5")
            continue
        if key in LEXICON.scales and key not in LEXICON.glued_scales | {"k"}:
            total += (current if current is not None else Decimal(1)) * LEXICON.scales[key]
            current = None
            continue
        if key in {"hundred", "hundreds", "dozen", "dozens", "score"}:
            # A multiplier; "dozens"/"hundreds" are vague and count as one of the unit.
            base = current if current is not None else Decimal(1)
            current = base * LEXICON.number_words[key.removesuffix("s")]
            continue
        if key in LEXICON.number_words:
            current = (current or Decimal(0)) + LEXICON.number_words[key]
            continue
        digits = parse_number(token) if token[:1].isdigit() or token[:1] in "-+−" else None
        if digits is None:
            return None
        current = (current or Decimal(0)) + digits
    value = (total + (current or Decimal(0))) * factor
    if total == 0 and current is None:
        return None
    return _normal(value)


# -- amounts and percents --------------------------------------------------------


def _approximation(surface: str | None) -> Approximation | None:
    return LEXICON.approximations.get(_fold(surface)) if surface else None


def _value(m: re.Match[str]) -> Decimal | None:
    """Return the matched number with its scale applied, or None."""
    number = parse_number(m.group("number"))
    if number is None:
        return None
    scale = m.group("glued") or m.group("scale")
    if scale:
        number *= LEXICON.scales[_fold(scale)]
    return _normal(number)


def _family(m: re.Match[str]) -> str | None:
    """Return the currency family of a match's ambiguous word or symbol, else None."""
    symbol, word = m.group("symbol"), m.group("word")
    if symbol and LEXICON.symbols[symbol] not in LEXICON.families:
        return None
    for value in (
        LEXICON.currency_words.get(_fold(word)) if word else None,
        LEXICON.symbols.get(symbol) if symbol else None,
    ):
        if value in LEXICON.families:
            return value
    return None


def _currency_and_unit(m: re.Match[str], context: _Context) -> tuple[str | None, str | None]:
    """Return ``(currency, unit)`` for an amount match; both None for a bare number."""
    symbol, word = m.group("symbol"), m.group("word")
    if word:
        key = _fold(word)
        if key in LEXICON.units:
            return None, LEXICON.units[key]
        weight = m.group("of") or not context.is_money_pounds()
        if key in LEXICON.pound_words and weight and symbol is None:
            return None, "lb"
        code = LEXICON.currency_words[key]
        if key in {"dlrs", "dlr", "dollars", "dollar"} and symbol:
            code = LEXICON.symbols[symbol]  # "$5 dollars" / "HK$ 5 dollars": the symbol says
        if code in LEXICON.families:
            code = context.resolve(code, m.start())
        return code, None
    if symbol:
        code = LEXICON.symbols[symbol]
        if code in LEXICON.families:
            code = context.resolve(code, m.start())
        return code, None
    return None, None


def find_amounts(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    context: CurrencyContext | None = None,
    country: str | None = None,
    bare: bool = False,
) -> list[AmountMention]:
    """Find amounts of money and physical quantities in ``text[start:end]``.

    Args:
        text: The article text (spans index it).
        start: Where to start looking.
        end: Where to stop (default: the end of the text).
        context: How to read ambiguous currency words; build it once per article
            with :func:`currency_context`. Without it, ``text[start:end]`` itself is
            the context (one pass: call this once over a whole article body).
        country: The article's own country, used when *context* is not given.
        bare: Also return plain numbers with no scale, currency or unit (``1985``).

    Returns:
        The amounts in text order. An amount holds a digit, a money sign or a scale
        word: a number in words counts with a scale (``eight billion dollars``), not
        without (``eight dollars``). A scaled number without currency or unit
        (``from 3.39 billion``) is returned with ``bare=True`` so callers can
        inherit the currency of a neighbouring amount.
    """
    matches = _scan(AMOUNT_PATTERN, text, start, end)
    if context is None:
        context = _context(matches, text, start, end, country)
    found: list[AmountMention] = []
    for m in matches:
        mention = _read_amount(m, context, bare)
        if mention is not None:
            found.append(mention)
    return found


@dataclasses.dataclass
class AmountIndex:
    """The amounts of a text, read span by span on demand, with the currency context
    of the whole text.

    For an extractor that needs the amounts of a few sentences but the currency
    context of the whole article: :meth:`within` returns what :func:`find_amounts`
    over the whole text would return for that span. The context is read on first
    use, which an article without a shared currency word (``dlrs``, ``francs``,
    ``pounds``) never needs.
    """

    text: str
    """The article text."""
    start: int = 0
    """Where the context is read from."""
    end: int | None = None
    """Where it ends (None: the end of the text)."""
    country: str | None = None
    """The article's own country."""
    _context: list[CurrencyContext] = dataclasses.field(default_factory=list)

    @property
    def context(self) -> CurrencyContext:
        """How ambiguous currency words read in this text (built on first use).

        Only the stretches around a qualified currency mention (``Swiss francs``,
        ``C$``) are scanned for it: nothing else changes what an ambiguous word means.
        """
        if not self._context:
            matches = _scan(AMOUNT_PATTERN, self.text, self.start, self.end, _CONTEXT_PIECES)
            self._context.append(_context(matches, self.text, self.start, self.end, self.country))
        return self._context[0]

    def resolve(self, family: str, offset: int) -> str:
        """Resolve a shared currency word, as :meth:`CurrencyContext.resolve`."""
        local: str | None = (
            LEXICON.families[family]["by_country"].get(self.country) if self.country else None
        )
        return local if local is not None else self.context.resolve(family, offset)

    def is_money_pounds(self) -> bool:
        """Whether a bare ``pounds`` is money, as :meth:`CurrencyContext.is_money_pounds`."""
        local = LEXICON.families["pound"]["by_country"]
        if self.country is not None and self.country in local:
            return True
        return self.context.is_money_pounds()

    def within(self, start: int, end: int) -> list[AmountMention]:
        """Return the amounts that lie inside ``[start, end)``, in text order."""
        found: list[AmountMention] = []
        for m in _scan(AMOUNT_PATTERN, self.text, start, end):
            mention = _read_amount(m, self, False)
            if mention is not None:
                found.append(mention)
        return found


def amount_index(
    text: str, start: int = 0, end: int | None = None, *, country: str | None = None
) -> AmountIndex:
    """Index the amounts of ``text[start:end]`` (see :class:`AmountIndex`).

    Args:
        text: The article text.
        start: Where to start looking.
        end: Where to stop (default: the end of the text).
        country: The article's own country (as for :func:`find_amounts`).

    Returns:
        The index; its context is the one :func:`find_amounts` would build.
    """
    return AmountIndex(text=text, start=start, end=end, country=country)


class _Context(Protocol):
    """What reading an amount asks of a currency context."""

    def resolve(self, family: str, offset: int) -> str: ...  # pragma: no cover

    def is_money_pounds(self) -> bool: ...  # pragma: no cover


def _read_amount(m: re.Match[str], context: _Context, bare: bool) -> AmountMention | None:
    """Read one amount match, or None when it is no amount (see :func:`find_amounts`)."""
    scale = m.group("glued") or m.group("scale")
    symbol, word = m.group("symbol"), m.group("word")
    number_is_digits = m.group("number")[:1].isdigit() or m.group("number")[:1] == "."
    if m.group("glued") and not (symbol or word):
        return None  # "5m" alone may be metres: only money with a symbol or word
    if not (scale or symbol or word) and not (bare and number_is_digits):
        return None  # a plain number is an amount only when asked for, and only in digits
    if not scale and _fold(m.group("number")).split()[-1] in {"a", "an"}:
        return None  # "a barrel", "an ounce": a rate's denominator, not an amount
    value = _value(m)
    if value is None:
        return None
    currency, unit = _currency_and_unit(m, context)
    stop = m.end("word") if word else m.end()
    amount = Amount(
        value=value,
        currency=currency,
        unit=unit,
        approximate=_approximation(m.group("approx")),
    )
    return AmountMention(
        span=Span(start=m.start(), end=stop),
        amount=amount,
        bare=currency is None and unit is None,
        family=_family(m) if currency is not None else None,
    )


def find_percents(text: str, start: int = 0, end: int | None = None) -> list[PercentMention]:
    """Find percentages in ``text[start:end]``: ``37%``, ``11.8 percent``, ``17.9 pct``.

    Args:
        text: The article text (spans index it).
        start: Where to start looking.
        end: Where to stop (default: the end of the text).

    Returns:
        The percentages in text order; ``points`` marks percentage points.
    """
    found: list[PercentMention] = []
    for m in _scan(PERCENT_PATTERN, text, start, end, _PERCENT_PIECES):
        value = parse_number(m.group("number"))
        if value is None:
            continue
        if m.group("sign") in {"-", "−"}:
            value = -value
        found.append(
            PercentMention(
                span=Span(start=m.start(), end=m.end()),
                value=value,
                points=bool(m.group("points") or m.group("after_points")),
                approximate=_approximation(m.group("approx")),
            )
        )
    return found


def is_quantity_word(word: str) -> bool:
    """Return whether *word* makes the number before it an amount or a percentage.

    ``mln``, ``billion``, ``dlrs``, ``yuan``, ``tonnes``, ``pct``, ``%`` do; ``companies``
    does not (``four companies`` is a count).
    """
    key = _fold(word).strip(".,;:")
    return (
        key in LEXICON.scales
        or key in LEXICON.currency_words
        or key in LEXICON.units
        or key in LEXICON.percent_words
    )


# -- keyword prefilters ------------------------------------------------------------


def _lowered(doc: Document) -> str | None:
    """The text in lower case, built once per document; None when lower-casing
    would move offsets (a few non-ASCII letters lower to two characters)."""

    def build() -> str | None:
        lowered = doc.text.lower()
        return lowered if len(lowered) == len(doc.text) else None

    return doc.memo("numbers.lowered", build)


def word_starts(doc: Document, stems: tuple[str, ...], *, inside: bool = False) -> list[int] | None:
    """Return the sorted offsets (each once) where a word of *doc* begins with one of *stems*.

    A cheap first test for the extractors (one multi-string search, no pattern): a
    sentence with no such word cannot hold the fact they look for, so their full
    patterns run only where a stem was found. Memoised per document and stem set;
    the stem sets asked for share one Aho-Corasick pass over each document.

    Args:
        doc: The document.
        stems: Lower-case word beginnings (``"tariff"`` also finds ``Tariffs``).
        inside: Also find stems inside words (``export`` in ``re-exports``).

    Returns:
        The offsets in text order, or None when the text cannot be searched this
        way (then every sentence must be read).
    """

    def build() -> list[int] | None:
        lowered = _lowered(doc)
        if lowered is None:
            return None
        if not stems:
            return []
        members = _STEM_SETS.get(stems)
        if members is None and len(_STEM_SETS) < _SHARED_STEM_SETS:
            members = _share(stems)
        if members is None:  # too many sets: this one gets a pass of its own
            hits = list(_stem_automaton(stems).iter(lowered))
        else:
            generation, automaton = _SHARED[0]
            hits = doc.memo(
                f"numbers.stem_hits.{generation}", lambda: list(automaton.iter(lowered))
            )
        found: list[int] = []
        for last, stem in hits:
            if members is not None and stem not in members:
                continue
            i = last - len(stem) + 1
            if inside or i == 0 or not lowered[i - 1].isalnum():
                found.append(i)
        return sorted(set(found))

    return doc.memo(f"numbers.word_starts.{inside}.{hash(stems)}", build)


#: How many stem sets share the one pass per document (the extractors' own are a
#: dozen; further sets, beyond this bound, are searched apart).
_SHARED_STEM_SETS: Final = 64

#: The stem sets sharing the pass, each with its stems as a set.
_STEM_SETS: dict[tuple[str, ...], frozenset[str]] = {}

#: (generation, automaton of every stem of :data:`_STEM_SETS`); the generation
#: grows with each set added, so a document's hits from an older automaton are
#: never taken for the new one's.
_SHARED: list[tuple[int, Any]] = [(0, None)]


_SHARING: Final = threading.Lock()


def _share(stems: tuple[str, ...]) -> frozenset[str]:
    """Add *stems* to the shared pass and return them as a set."""
    with _SHARING:
        members = _STEM_SETS.get(stems)
        if members is None:
            members = frozenset(stems)
            automaton = word_automaton(members.union(*_STEM_SETS.values()))
            # the automaton first, then the set: a set listed is always in the automaton
            _SHARED[0] = (_SHARED[0][0] + 1, automaton)
            _STEM_SETS[stems] = members
        return members


@lru_cache(maxsize=256)
def _stem_automaton(stems: tuple[str, ...]) -> Any:
    """An Aho-Corasick automaton of *stems* alone (for sets beyond the shared ones)."""
    return word_automaton(stems)


def has_start(starts: list[int] | None, start: int, end: int) -> bool:
    """Return whether one of the offsets *starts* lies in ``[start, end)``.

    None (the text could not be searched) counts as a hit everywhere.
    """
    if starts is None:
        return True
    i = bisect.bisect_left(starts, start)
    return i < len(starts) and starts[i] < end


def times_within(doc: Document, span: Span) -> list[TimeExpression]:
    """Return the time expressions of *doc* that lie inside *span*, in text order.

    Like :meth:`Document.times_in`, but by bisection over the start offsets (built once
    per document and set of times), so reading every sentence stays linear in the
    length of the article.
    """
    times = doc.times
    starts: list[int] = doc.memo(
        f"numbers.time_starts.{len(times)}", lambda: [t.span.start for t in times]
    )
    found: list[TimeExpression] = []
    i = bisect.bisect_left(starts, span.start)
    while i < len(times) and times[i].span.start < span.end:
        if span.contains(times[i].span):
            found.append(times[i])
        i += 1
    return found
