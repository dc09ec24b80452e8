"""Time expressions: every temporal expression in the body, normalised TIMEX3-style.

Each rule below pairs a named pattern with two functions: ``accept`` rejects a
match that is not a time at all (``May`` the modal, ``2000 tonnes``, the ``Sunday
Times``), ``resolve`` turns an accepted match into a value. One pass over the body
finds its core words (months, weekdays, units, four-digit numbers: ``str.translate``
and ``split``, no pattern); each rule then runs only in small windows around the
core words it needs, after a quick test of their neighbours (``ago`` after the unit
of ``two weeks ago``). Matches of all rules are collected, the longest wins where
they overlap (``the first half of this year`` over ``this year``), and the winners
are resolved in text order against :attr:`Document.anchor`.

Values follow TIMEX3: ``2023``, ``2023-07``, ``2024-06-28``, ``2024-W27``,
``2024-W26-WE``, ``2024-Q3``, ``2024-H1``, ``2024-SU``, ``198`` (a decade),
intervals ``1986-01/1986-08``, fiscal years as written (``1987/88``), durations and
sets as ISO 8601 durations (``P2D``, ``P3M``, ``PXY`` when the count is vague).

Three kinds of expression need more than the anchor:

* A date named without its year (``in July``, ``on Friday``, ``the third
  quarter``) is placed by the tense of its clause (:func:`tense_at`): past tense
  takes the last occurrence that began by the anchor, future tense the first that
  has not ended by it, and no tense the nearest. After ``ahead of`` (``in advance
  of``, ``in the run-up to``) the main verb's tense no longer counts: the event lies
  after the main clause, so the nearest occurrence wins, leaning to the future. A
  run of days (``April 5-6``, ``April 29-May 2``, ``from Saturday to Monday``) is
  one interval, placed as a whole.
* An anaphoric expression (``a year earlier``, ``the same 1986 period``, ``the
  previous month``) shifts the *reference*: the last explicit date expression
  before it. ``a year ago`` shifts a reference in its own sentence, as agency copy
  uses it (``up from 4 mln a year ago``), else the anchor.
* A quarter, half or ``first N months`` without a year takes the year of a bare
  year named earlier in the same sentence (``In 1986, ... the fourth quarter``).

Lexicons (month names, number words, tense markers, measure words) are in
``data/times.json``.

Besides :func:`extract`, later extractors may call :func:`period_for` (the date
expression that gives a fact's period: inside its span, else nearby),
:func:`tense_at` (past or future, from the verbs of a clause) and
:func:`resolve_month` (a month without its year, placed by tense).
"""

from __future__ import annotations

import bisect
import calendar
import dataclasses
import datetime as dt
import json
import re
from collections.abc import Callable
from importlib import resources
from typing import Any, Final, Literal, NamedTuple

import attrs
import regex

from newsmodel.document import Document
from newsmodel.model import Span, TimeExpression, TimeKind, TimeModifier
from newsmodel.text import alternation, finditer, match, new_tuple

__all__ = ["Tense", "extract", "period_for", "resolve_month", "tense_at"]

Tense = Literal["past", "future"]
"""The tense of a clause as far as time resolution cares: past or future."""


# -- lexicons -------------------------------------------------------------------


def _load_lexicon() -> dict[str, Any]:
    """Read ``data/times.json`` (once, at import)."""
    raw = resources.files("newsmodel").joinpath("data/times.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(raw)
    return data


_LEX: Final = _load_lexicon()
MONTHS: dict[str, int] = _LEX["months"]
AMBIGUOUS_MONTHS: Final = frozenset(_LEX["ambiguous_months"])
WEEKDAYS: dict[str, int] = _LEX["weekdays"]
SEASONS: dict[str, str] = _LEX["seasons"]
NUMBERS: dict[str, int] = _LEX["numbers"]
VAGUE_NUMBERS: Final = frozenset(_LEX["vague_numbers"])
ORDINALS: dict[str, int] = _LEX["ordinals"]
UNITS: dict[str, str] = _LEX["units"]
MODIFIERS: dict[str, TimeModifier] = _LEX["modifiers"]
APPROXIMATORS: Final = frozenset(_LEX["approximators"])
TEMPORAL_WORDS: Final = frozenset(_LEX["temporal_words"])
SENTENCE_CAPITALS: Final = frozenset(_LEX["sentence_capitals"])
NUMBER_HEADS: Final = frozenset(_LEX["number_heads"])
AMOUNT_HEDGES: Final = frozenset(_LEX["amount_hedges"])
MEASURE_WORDS: Final = frozenset(_LEX["measure_words"])
FUTURE_WORDS: Final = frozenset(_LEX["future_words"])
FUTURE_BEFORE_TO: Final = frozenset(_LEX["future_before_to"])
AHEAD_CUES: Final = frozenset(tuple(pair) for pair in _LEX["ahead_cues"])
MOVE_VERBS: Final = frozenset(_LEX["move_verbs"])
BOUNDARY_PREPOSITIONS: Final = frozenset(_LEX["boundary_prepositions"])
PAST_WORDS: Final = frozenset(_LEX["past_words"])
PARTICIPLES: Final = frozenset(_LEX["participles"])
HAVE_FORMS: Final = frozenset(_LEX["have_forms"])
PRESENT_BE: Final = frozenset(_LEX["present_be"])
PRESENT_WORDS: Final = frozenset(_LEX["present_words"])
CLAUSE_ADVERBS: Final = frozenset(_LEX["clause_adverbs"])
BE_FUTURES: Final = frozenset(_LEX["be_futures"])
ATTRIBUTIVE_WORDS: Final = frozenset(_LEX["attributive_words"])
SEASON_WORDS: Final = frozenset(_LEX["season_words"])
PERIOD_NOUNS: Final = frozenset(_LEX["period_nouns"])
BOUNDARY_WORDS: Final = frozenset(_LEX["boundary_words"])
NOT_PAST: Final = frozenset(_LEX["not_past"])
ADJECTIVE_SLOTS: Final = frozenset(_LEX["adjective_slots"])

#: Forms of ``be`` before ``due to``, ``set to`` that make them mark the future.
_BE_FORMS: Final = PRESENT_BE | {"was", "were", "been"}

#: Past-tense words that are never nouns or adjectives, so no context check is needed.
_PAST_AUXILIARIES: Final = frozenset({"was", "were", "had", "did", "ago", "said", "told"})


# -- pattern fragments (built from the lexicons) --------------------------------


def _is_abbreviation(name: str) -> bool:
    """Return whether a month name is a short form of a longer one (``sept``, ``jun``)."""
    return any(o != name and o.startswith(name) and MONTHS[o] == MONTHS[name] for o in MONTHS)


#: Month names that are short forms of longer ones (``sept``, ``jun``).
MONTH_ABBREVIATIONS: Final = frozenset(n for n in MONTHS if _is_abbreviation(n))
_FULL_MONTHS: Final = alternation(n for n in MONTHS if n not in MONTH_ABBREVIATIONS)
_SHORT_MONTHS: Final = alternation(MONTH_ABBREVIATIONS)
_WEEKDAY_NAMES: Final = alternation(WEEKDAYS)
_SEASON_NAMES: Final = alternation(SEASONS)
_ONES: Final = "one|two|three|four|five|six|seven|eight|nine"
_TENS: Final = alternation(w for w, n in NUMBERS.items() if n in range(20, 100, 10))
_NUMBER_WORDS: Final = alternation(w for w in NUMBERS if w not in ("a", "an"))
_VAGUE: Final = alternation(VAGUE_NUMBERS)
_APPROX: Final = alternation(APPROXIMATORS)
_UNIT_WORDS: Final = alternation([*UNITS, *(u + "s" for u in UNITS if u != "century"), "centuries"])
_S: Final = r"\s{1,3}"


def _month(name: str) -> str:
    """A month name, full or abbreviated (``Dec.``), in group *name*."""
    return rf"(?P<{name}>(?:{_FULL_MONTHS})\b|(?:{_SHORT_MONTHS})\b\.?)"


def _year(name: str) -> str:
    """A four-digit year 1800-2099, not part of a longer number or an amount, in group *name*."""
    return rf"(?<![\d.,$£€¥])(?P<{name}>(?:1[89]|20)\d{{2}})(?!\d|[.,]\d)"


def _number(name: str, *, article: bool = False, vague: bool = False) -> str:
    """A count in digits or words (``12``, ``eight``, ``twenty-five``), in group *name*."""
    extra = ("|a|an" if article else "") + (f"|{_VAGUE}" if vague else "")
    return (
        rf"(?P<{name}>\d{{1,3}}(?:\.\d{{1,2}})?|(?:{_TENS})-(?:{_ONES})|{_NUMBER_WORDS}{extra})\b"
    )


#: A part-of-period modifier before the period: ``early``, ``mid-``, ``the end of``.
_MOD: Final = rf"""
    (?:
      (?:the{_S})?(?P<mod>end|start|beginning|middle|turn){_S}of{_S}  # the end of
      (?:the{_S}(?=\d))?                               #   the 1980s
    | (?P<mod>early|mid|late)(?:-|{_S})               # early, mid-, late
    | (?P<mod>end)-                                   # end-June
    | (?P<mod>earlier|later){_S}(?=this|last|next)    # earlier this year (no modifier)
    )?
"""

#: A year phrase after a part of a year: ``1987``, ``this year``, ``the year``, ``fiscal 1987``.
_YEAR_PHRASE: Final = rf"""
    (?:(?:fiscal|financial|calendar){_S})?{_year("year")}  # 1987, fiscal 1987
  | (?P<yrel>this|last|next|the|the{_S}current|the{_S}previous|the{_S}same)  # this, the
    {_S}(?:(?:fiscal|financial|calendar){_S})?year\b  #   year, fiscal year
"""

#: Rules run over the text with ASCII capitals lowered (same offsets, faster than
#: IGNORECASE); capitalisation is checked on the original text by the accept functions.
_FLAGS: Final = regex.VERBOSE | regex.VERSION0
_ASCII_LOWER: Final = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


# -- patterns -------------------------------------------------------------------

ISO_DATE: Final = regex.compile(
    r"""
    \b(?P<year>(?:1[89]|20)\d{2})    # year
    -(?P<month>0[1-9]|1[0-2])        # month
    -(?P<day>0[1-9]|[12]\d|3[01])    # day
    (?![\d-])                        # not part of a longer code
    """,
    _FLAGS,
)

MONTH_DAY_DATE: Final = regex.compile(
    rf"""
    \b                                                # at a word start
    (?P<between>(?<=\bbetween{_S}))?                  # empty: set after "between"
    (?:(?P<weekday>{_WEEKDAY_NAMES})\b,?{_S})?       # optional weekday: Tuesday, June 25
    {_month("month")}(?:{_S}|-)                       # the month (April 5, April-5)
    (?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d,.]?\d)    # the day, not part of a longer number
    (?:(?:\s?[-–]\s?|{_S}(?:to|through){_S}          # optional last day of a range
      | {_S}and{_S}(?(between)|(?=[0-3]?\d\b)))       #   ("and" before a month after "between")
       (?:{_month("month2")}(?:{_S}|-))?              #   in another month: April 29-May 2
       (?P<day2>[0-3]?\d)(?:st|nd|rd|th)?(?![\d,.]?\d))?  #   June 25-28, April 6 to 8
    (?:,?{_S}{_year("year")})?                        # optional year: June 1, 2018
    """,
    _FLAGS,
)

DAY_MONTH_DATE: Final = regex.compile(
    rf"""
    \b                                                # at a word start
    (?:(?P<weekday>{_WEEKDAY_NAMES})\b,?{_S})?       # optional weekday: Tuesday 25 June
    (?<![\d.,$£€¥])(?P<day>[0-3]?\d)(?:st|nd|rd|th)?  # the day
    (?:\s?[-–]\s?(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?)? # optional last day of a range: 25-28 June
    {_S}(?:of{_S})?                                   # the 25th of June
    {_month("month")}                                 # the month
    (?:,?{_S}{_year("year")})?                        # optional year: 25 June 2024
    """,
    _FLAGS,
)

MONTH_RANGE: Final = regex.compile(
    rf"""
    \b                                                # at a word start
    (?:(?P<lead>from|between){_S})?                   # from April to June, between ... and
    {_month("m1")}(?:,?{_S}{_year("y1")})?            # first month, optional year
    \s{{0,3}}(?P<sep>[-–—/]|to\b|through\b|till\b|until\b|and\b)\s{{0,3}}  # the link
    {_month("m2")}(?:,?{_S}{_year("y2")})?            # last month, optional year
    (?:{_S}(?P<noun>quarter|period)\b)?               # the April-June quarter
    """,
    _FLAGS,
)

PERIOD_TO: Final = regex.compile(
    rf"""
    \b                                                # at a word start
    (?:the{_S})?                                      # the
    (?:
      {_number("n")}{_S}(?P<unit>months|weeks)        # the 12 months to June
    | (?:(?:fiscal|financial|crop|marketing|business){_S})?(?P<year_word>year)  # the year to March
    | (?:(?:first|second|third|fourth|final)[-\s]{{1,3}})?  # the fourth
      (?:(?P<quarter>quarter)                         #   quarter to March
      | (?P<half>half|half-year))                     #   half-year to June
    | (?P<week>week)                                  # the week ended March 3
    )
    {_S}(?P<link>to|ended|ending|through)             # the link
    {_S}(?:(?:the{_S})?end[-\s]{{1,3}}(?:of{_S})?)?   # optional end-: the year to end-March
    {_month("month")}                                 # the last month
    (?:{_S}(?P<day>[0-3]?\d)\b)?                      # optional day: ended June 30
    (?:,?{_S}{_year("year")})?                        # optional year
    """,
    _FLAGS,
)

FIRST_N_PERIODS: Final = regex.compile(
    rf"""
    \b                                                # at a word start
    (?:the{_S})?                                      # the
    (?P<which>first|opening|last|final|past|next|coming|previous|latest)  # which end
    {_S}{_number("n")}{_S}                            # how many
    (?P<unit>months|quarters|weeks|days|years|decades)\b  # of what
    (?:{_S}(?:of{_S})?(?:{_YEAR_PHRASE}))?            # optional year: of 1986, this year
    """,
    _FLAGS,
)

QUARTER: Final = regex.compile(
    rf"""
    \b                                                # at a word start
    (?:
      (?:the{_S})?                                    # the
      (?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[-\s]{{1,3}}  # which quarter
      (?:(?:fiscal|calendar)[-\s]{{1,3}})?             # fiscal
      quarter\b                                       # quarter
      (?:,?{_S}(?:of{_S})?(?:{_YEAR_PHRASE}))?        # optional year
    | (?P<code>q[1-4]|[1-4]q)(?:{_S}|-)?(?:{_year("year")})?  # Q3 2024, 1Q
    )
    """,
    _FLAGS,
)

HALF: Final = regex.compile(
    rf"""
    \b                                                # at a word start
    (?:
      (?:the{_S})?                                    # the
      (?P<ord>first|second|1st|2nd|latter|last|final)[-\s]{{1,3}}half\b  # which half
      (?!-)                                           # not first-half-year words
      (?:,?{_S}(?:of{_S})?(?:{_YEAR_PHRASE}))?        # optional year
    | (?P<code>h[12]|[12]h)(?:{_S}|-)?(?:{_year("year")})?  # H1 2024
    )
    """,
    _FLAGS,
)

DECADE: Final = regex.compile(
    rf"""
    \b                                                # at a word start
    (?:the{_S})?{_MOD}(?:the{_S})?                    # optional part: the early / the end of the
    (?<![\d.,$£€¥])(?P<decade>(?:1[89]|20)\d0)'?s\b   # the decade: 1980s
    """,
    _FLAGS,
)

YEAR_RANGE: Final = regex.compile(
    rf"""
    \b                                                # at a word start
    (?:(?P<lead>from|between){_S})?                   # from 2008 to 2017
    (?:(?P<fiscal>fiscal|financial|crop|marketing|calendar)(?:{_S}years?)?{_S})?  # fiscal 1987/88
    {_year("y1")}                                     # first year
    \s{{0,3}}(?P<sep>[-–/]|to\b|through\b|till\b|until\b|and\b)\s{{0,3}}  # the link
    (?:fiscal{_S})?                                   # fiscal 1987 to fiscal 1988
    (?P<y2>(?:1[89]|20)\d{{2}}|\d{{2}})(?!\d|[.,]\d)  # last year, four or two digits
    """,
    _FLAGS,
)

SAME_PERIOD: Final = regex.compile(
    rf"""
    \b                                                # at a word start
    the{_S}same{_S}                                   # the same
    (?:{_year("year")}{_S})?                          # optional year: the same 1986 period
    (?P<unit>period|month|quarter|week|day|time|half|season)\b  # what
    (?:{_S}(?P<tail>                                  # optional shift
        (?:of{_S})?last{_S}year\b
      | a{_S}year{_S}(?:ago|earlier|before)\b
      | (?:of|in){_S}{_year("year2")}
      | (?:of{_S})?the{_S}(?:previous|prior|preceding){_S}year\b
    ))?
    """,
    _FLAGS,
)

YEAR_AGO_ADJECTIVE: Final = regex.compile(
    r"""
    \byear-(?:ago|earlier)\b      # the year-ago figure, year-earlier period
    """,
    _FLAGS,
)

OFFSET: Final = regex.compile(
    rf"""
    \b                                                # at a word start
    (?:(?P<approx>{_APPROX}){_S})?                    # about two weeks ago
    {_number("n", article=True, vague=True)}{_S}      # how many
    (?:(?:more|further|full){_S})?                    # two more weeks
    (?P<unit>{_UNIT_WORDS})\b{_S}                     # of what
    (?P<dir>ago|earlier|later|before|after|previously|hence|from{_S}now|back)\b  # which way
    """,
    _FLAGS,
)

THE_UNIT_BEFORE: Final = regex.compile(
    rf"""
    \b                                                # at a word start
    the{_S}(?P<unit>year|month|week|day|quarter){_S}  # the year
    (?P<dir>before|earlier|after|later)\b             # before (the reference)
    """,
    _FLAGS,
)

RELATIVE: Final = regex.compile(
    rf"""
    \b                                                # at a word start
    {_MOD}                                            # optional part: early, late, the end of
    (?:
      (?:(?P<the>the){_S})?
      (?P<rel>this|last|next|past|coming|current|previous|prior|preceding|following|present)
    | (?P<rel>the)                                    # the year (after a part: end of the year)
    )
    {_S}(?:(?:fiscal|financial|calendar){_S})?         # fiscal
    (?P<unit>year|month|week|weekend|quarter|decade|century)\b  # the unit
    (?!-)                                             # not this year-end, last year-on-year
    """,
    _FLAGS,
)

DAY_WORD: Final = regex.compile(
    rf"""
    \b                                                # at a word start
    (?:
      (?P<word>today|yesterday|tomorrow|tonight)\b    # the day word
      (?:{_S}(?P<part>morning|afternoon|evening|night)\b)?  # optional part of the day
    | this{_S}(?P<part>morning|afternoon|evening)\b   # this morning
    )
    """,
    _FLAGS,
)

WEEKDAY: Final = regex.compile(
    rf"""
    \b                                                # at a word start
    (?:(?P<rel>last|next|this|coming|past|previous){_S})?  # optional direction
    (?P<weekday>{_WEEKDAY_NAMES})\b                  # the day
    (?:{_S}(?P<part>morning|afternoon|evening|night)\b)?  # optional part of the day
    """,
    _FLAGS,
)

WEEKDAY_RANGE: Final = regex.compile(
    rf"""
    \b                                                # at a word start
    (?:(?P<lead>from|between){_S})?                   # from Saturday to Monday
    (?P<w1>{_WEEKDAY_NAMES})\b                        # the first day
    \s{{0,3}}(?P<sep>[-–]|to\b|through\b|and\b)\s{{0,3}}  # the link
    (?P<w2>{_WEEKDAY_NAMES})\b                        # the last day
    """,
    _FLAGS,
)

SEASON: Final = regex.compile(
    rf"""
    \b                                                # at a word start
    {_MOD}                                            # optional part: early, late
    (?:(?P<rel>this|last|next|past|coming){_S})?      # optional direction
    (?P<season>{_SEASON_NAMES})\b                     # the season
    (?:,?{_S}(?:of{_S})?{_year("year")})?             # optional year
    """,
    _FLAGS,
)

MONTH: Final = regex.compile(
    rf"""
    \b                                                # at a word start
    {_MOD}                                            # optional part: early, mid-, the end of
    (?:(?P<rel>last|next|this|coming|past|previous){_S})?  # optional direction: last February
    {_month("month")}                                 # the month
    (?:
      ,?{_S}(?:of{_S})?{_year("year")}                # February 1986, March of 1987
    | {_S}(?:of{_S})?(?P<yrel>last|this|next){_S}year\b  # February last year
    )?
    """,
    _FLAGS,
)

YEAR: Final = regex.compile(
    rf"""
    \b                                                # at a word start
    {_MOD}                                            # optional part: early 2022, mid-1986
    (?:the{_S}year{_S})?                              # the year 2000
    (?:(?P<fiscal>fiscal|financial|calendar)(?:{_S}year)?{_S})?  # fiscal 1987
    {_year("year")}                                   # the year
    """,
    _FLAGS,
)

DURATION_ADJECTIVE: Final = regex.compile(
    rf"""
    \b                                                # at a word start
    {_number("n")}[-–]                                # two-, 10-
    (?P<unit>day|week|month|year|hour|minute|decade|century)\b  # -day, -year
    (?:-long\b)?                                      # optional -long
    """,
    _FLAGS,
)

DURATION: Final = regex.compile(
    rf"""
    \b                                                # at a word start
    (?:(?P<approx>{_APPROX}){_S})?                    # optional hedge: about two years
    {_number("n", article=True, vague=True)}{_S}      # how many
    (?:(?:more|further|additional|full|straight|consecutive|successive){_S})?  # more
    (?P<unit>{_UNIT_WORDS})\b(?!-)                    # of what (not year-on-year)
    """,
    _FLAGS,
)

VAGUE_DURATION: Final = regex.compile(
    rf"""
    (?<=\bfor{_S})                                    # for years, for months
    (?P<unit>years|months|weeks|days|decades)\b       # the unit, no count
    """,
    _FLAGS,
)

SET: Final = regex.compile(
    rf"""
    \b                                                # at a word start
    (?:
      (?P<quant>every|each|per|a|an){_S}              # every, per, a (after an amount)
      (?:{_number("n")}{_S})?                         # optional count: every two years
      (?P<unit>{_UNIT_WORDS})\b(?!-)                  # the unit
    | (?P<unit>annually)\b                            # annually
    )
    """,
    _FLAGS,
)

#: Words some rule needs (see :data:`_CORE_KINDS`): a quick pass finds them, and each
#: rule then runs only in a window around the kinds it needs (rules are costly to try
#: at every word).
_CORE_KINDS: dict[str, str] = {
    **dict.fromkeys([*UNITS, *(u + "s" for u in UNITS), "centuries", "weekend"], "unit"),
    **dict.fromkeys(MONTHS, "month"),
    **dict.fromkeys(WEEKDAYS, "weekday"),
    **dict.fromkeys(SEASONS, "season"),
    **dict.fromkeys(["quarter", "q1", "q2", "q3", "q4", "1q", "2q", "3q", "4q"], "quarter"),
    **dict.fromkeys(["h1", "h2", "1h", "2h"], "quarter"),
    "half": "half",
    "same": "same",
    **dict.fromkeys(["annually", "year-ago", "year-earlier"], "unit"),
    **dict.fromkeys(["today", "yesterday", "tomorrow", "tonight", "morning", "afternoon"], "day"),
    "evening": "day",
}

YEAR_DIGITS: Final = regex.compile(
    r"""
    (?<![\d.,])                                      # not inside a longer number
    (?P<number>(?:1[89]|20)\d\d)                      # a four-digit number that may be a year
    """,
    _FLAGS,
)

#: Every character that is no word character (below U+3100) mapped to a space: the
#: words of a text are then its ``str.split()``, found at C speed (an alternation of
#: all :data:`_CORE_KINDS` words costs several times more in ``regex``).
_WORD_GAPS: Final = {i: " " for i in range(0x3100) if not (chr(i).isalnum() or chr(i) == "_")}

#: :data:`_WORD_GAPS` for ASCII text, as a ``bytes.translate`` table.
_ASCII_WORD_GAPS: Final = bytes(
    ord(_WORD_GAPS.get(i, chr(i))) if i < 128 else i for i in range(256)
)


def _char_class(codes: list[int]) -> str:
    """Return a character class matching exactly the code points *codes* (sorted)."""
    ranges: list[list[int]] = []
    for code in codes:
        if ranges and code == ranges[-1][1] + 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    parts = (
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )
    return "[" + "".join(parts) + "]"


# Any text: one gap character of :data:`_WORD_GAPS`, for ``sub(" ", ...)``. The standard
# library's engine does this substitution several times faster than ``str.translate``
# with a dict table (and than the ``regex`` engine): it is on every article's path.
_WORD_GAP_CHAR: Final = re.compile(_char_class(sorted(_WORD_GAPS)))
#: Characters outside ASCII (to check that ``str.lower`` leaves them alone).
_NON_ASCII: Final = re.compile(r"[^\x00-\x7f]")


def _ascii_lower(text: str) -> str:
    """Return *text* with its ASCII capitals lowered and every other character kept."""
    if all(c.lower() == c for c in set(_NON_ASCII.findall(text))):
        return text.lower()  # no capital outside ASCII: the same, at C speed
    return text.translate(_ASCII_LOWER)


#: A run of characters that are no word characters (splits words the table missed).
NON_WORD_RUN: Final = regex.compile(
    r"""
    [^\w]{1,64}                                      # gap characters
    """,
    _FLAGS,
)

#: The :data:`_CORE_KINDS` words a text may hold as words of its own (``year-ago`` is
#: found as ``year``, a unit too).
_CORE_WORDS: Final = frozenset(word for word in _CORE_KINDS if word.isalnum())

#: How far a rule's match may reach before and after the core word it needs.
_WINDOW: Final = 48

#: The word after a position.
_NEXT_WORD: Final = regex.compile(
    r"""
    \s{0,3}                                           # white space
    (?P<word>[\p{L}\p{N}][\p{L}\p{N}'’-]{0,30})      # the word
    """,
    regex.VERBOSE,
)

#: Words and clause punctuation of a sentence, for the tense of a clause.
_TOKEN: Final = regex.compile(
    r"""
    (?P<word>[\p{L}'’][\p{L}'’]{0,30}(?:-[\p{L}]{1,20}){0,3})  # a word, hyphenated compounds whole
  | (?P<stop>[,;:()—–]|\s-\s)                         # clause punctuation
    """,
    regex.VERBOSE,
)

#: A normalised value's side: a year and what follows it (``1987-Q2``, ``1987/88``).
_VALUE_SIDE: Final = regex.compile(
    r"""
    (?P<year>\d{4})                                   # the year
    (?:-(?:
        (?P<month>\d{2})(?:-(?P<day>\d{2}))?          # month and day
      | Q(?P<quarter>[1-4])                           # quarter
      | H(?P<half>[12])                               # half
      | W(?P<week>\d{2})(?P<weekend>-WE)?             # week
      | (?P<season>SP|SU|FA|WI)                       # season
    ))?$
    """,
    regex.VERBOSE,
)


# -- small helpers ----------------------------------------------------------------


def _lower(text: str | None) -> str:
    """Return *text* lower-cased with white space collapsed (``""`` for None)."""
    return " ".join(text.lower().split()) if text else ""


class _Word(NamedTuple):
    """A word next to a match, as the original text writes it."""

    text: str
    start: int
    bracketed: bool
    """True when a closing bracket stands between the word and the match."""


def _word_before(text: str, pos: int) -> _Word | None:
    """Return the word just before *pos* (up to three spaces and a bracket away), or None."""
    i = pos
    while i > max(0, pos - 3) and text[i - 1].isspace():
        i -= 1
    bracketed = i > 0 and text[i - 1] in ")]"
    end = i - 1 if bracketed else i
    i = end
    while i > max(0, end - 31) and (text[i - 1].isalnum() or text[i - 1] in "'’.-"):
        i -= 1
    while i < end and not text[i].isalnum():
        i += 1
    return _Word(text[i:end], i, bracketed) if i < end else None


def _previous_word(text: str, pos: int) -> str:
    """Return the word just before *pos* (lower-cased), or ``""``."""
    word = _word_before(text, pos)
    return word.text.lower() if word else ""


def _next_word(text: str, pos: int) -> str:
    """Return the word just after *pos* as written, or ``""``."""
    found = match(_NEXT_WORD, text, pos, min(len(text), pos + 40))
    return found.group("word") if found else ""


def _starts_sentence(text: str, pos: int) -> bool:
    """Return whether *pos* begins a sentence or line (nothing but an opener before it)."""
    i = pos - 1
    while i >= 0 and text[i] in " \t\"'“‘(":
        i -= 1
    return i < 0 or text[i] in ".!?:\n\r"


def _is_name_like(text: str, pos: int) -> bool:
    """Return whether the capitalised word before *pos* makes the next word part of a name.

    ``Good Friday``, ``Arab Spring``, ``Vision 2030``: a capitalised word that is
    neither a function word nor sentence-initial, possessive or all capitals.
    """
    found = _word_before(text, pos)
    if found is None or found.bracketed:
        return False
    word = found.text
    if not word[0].isupper() or word.isupper() or word.endswith(("'s", "’s", ".")):
        return False
    if word.lower() in SENTENCE_CAPITALS or word.lower() in MONTHS:
        return False
    return not _starts_sentence(text, found.start)


def _followed_by_name(text: str, end: int) -> bool:
    """Return whether a capitalised word follows *end* directly (``Sunday Times``)."""
    word = _next_word(text, end)
    return bool(word) and word[0].isupper() and not word.isupper() and word.lower() not in MONTHS


def _raw(found: regex.Match[str], text: str, group: str) -> str:
    """Return a group of a match on the lowered text as the original text writes it."""
    start, end = found.span(group)
    return text[start:end] if start >= 0 else ""


def _capitalised(word: str) -> bool:
    """Return whether *word* starts with a capital letter."""
    return bool(word) and word[0].isupper()


def _count(word: str | None) -> int | None:
    """Return the number a count word or numeral stands for, or None when vague."""
    key = _lower(word)
    if not key or key in VAGUE_NUMBERS:
        return None
    if key in NUMBERS:
        return NUMBERS[key]
    if "-" in key:
        tens, _, ones = key.partition("-")
        return NUMBERS.get(tens, 0) + NUMBERS.get(ones, 0)
    try:
        value = float(key)
    except ValueError:
        return None
    return int(value) if value.is_integer() else None


def _count_text(word: str | None) -> str:
    """Return the count of a duration as ISO 8601 writes it (``2``, ``1.5``, ``X``)."""
    key = _lower(word)
    number = _count(word)
    if number is not None:
        return str(number)
    try:
        return str(float(key))
    except ValueError:
        return "X"


def _unit(word: str | None) -> str:
    """Return the singular unit of a unit word (``months`` -> ``month``)."""
    key = _lower(word)
    if key == "centuries":
        return "century"
    return key[:-1] if key.endswith("s") and key[:-1] in UNITS else key


def _duration(count: str, unit: str) -> str:
    """Return an ISO 8601 duration: ``P2D``, ``P3M``, ``PT24H``, ``P10Y`` for a decade."""
    code = UNITS[unit]  # D, 2W, 3M, 10Y, TH ...: an optional T, a scale, a designator
    prefix = "PT" if code.startswith("T") else "P"
    scale, letter = code.lstrip("T")[:-1], code[-1]
    if scale and count != "X":
        number = float(count) * int(scale)
        count = str(int(number)) if number.is_integer() else str(number)
    return f"{prefix}{count}{letter}"


def _modifier(found: regex.Match[str]) -> TimeModifier | None:
    """Return the part-of-period modifier a match carries (``early``), or None."""
    word = _lower(found.group("mod")) if "mod" in found.re.groupindex else ""
    return MODIFIERS.get(word)


def _month_number(word: str) -> int:
    """Return the month number of a month name (``Dec.`` -> 12)."""
    return MONTHS[word.lower().rstrip(".")]


def _ym(year: int, month: int) -> str:
    """Return ``YYYY-MM``."""
    return f"{year:04d}-{month:02d}"


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    """Return (year, month) shifted by *months*."""
    total = year * 12 + month - 1 + months
    return total // 12, total % 12 + 1


def _week(day: dt.date) -> str:
    """Return the ISO week of *day*: ``2024-W26``."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _month_end(year: int, month: int) -> dt.date:
    """Return the last day of a month."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


# -- resolving against the anchor ------------------------------------------------


def _pick(
    anchor: dt.date,
    tense: Tense | None,
    period: Callable[[int], tuple[dt.date, dt.date] | None],
) -> int:
    """Return the year (of a yearly recurring period) that the tense points to.

    Args:
        anchor: the document date.
        tense: past takes the last period that began by the anchor, future the
            first that has not ended by it, None the nearest.
        period: the (first day, last day) of the period in a given year, or None
            when it does not exist that year (29 February).
    """
    options: list[tuple[int, dt.date, dt.date]] = []
    for year in range(anchor.year - 2, anchor.year + 3):
        bounds = period(year)
        if bounds is not None:
            options.append((year, *bounds))
    if tense == "past":
        return max(year for year, start, _ in options if start <= anchor)
    if tense == "future":
        return min(year for year, _, end in options if end >= anchor)

    def distance(option: tuple[int, dt.date, dt.date]) -> tuple[int, int]:
        _, start, end = option
        if start <= anchor <= end:
            return (0, 0)
        gap = (start - anchor).days if start > anchor else (anchor - end).days
        return (gap, 0 if start <= anchor else 1)

    return min(options, key=distance)[0]


def _months_period(first: int, last: int) -> Callable[[int], tuple[dt.date, dt.date] | None]:
    """Return the period function of a run of months (``last < first`` wraps the year)."""

    def period(year: int) -> tuple[dt.date, dt.date]:
        end_year = year + 1 if last < first else year
        return dt.date(year, first, 1), _month_end(end_year, last)

    return period


def resolve_month(month: int, anchor: dt.date, tense: Tense | None = None) -> str:
    """Return the ``YYYY-MM`` value of a month named without a year.

    Past tense gives the last such month that began by *anchor*, future tense the
    first that has not ended by it, no tense the nearest one.

    >>> resolve_month(7, dt.date(2024, 6, 25), "past")
    '2023-07'
    >>> resolve_month(7, dt.date(2024, 6, 25), "future")
    '2024-07'
    """
    return _ym(_pick(anchor, tense, _months_period(month, month)), month)


#: Days a dated event may lie on the "wrong" side of the anchor (a dateline a day
#: after the publication date, time zones).
_DAY_SLACK: Final = 3


def _resolve_day(month: int, day: int, anchor: dt.date, tense: Tense | None) -> dt.date | None:
    """Return the date of a day and month given without a year, or None if impossible."""

    def period(year: int) -> tuple[dt.date, dt.date] | None:
        try:
            date = dt.date(year, month, day)
        except ValueError:
            return None
        return date, date

    if day < 1 or day > 31:
        return None
    slack = {"past": _DAY_SLACK, "future": -_DAY_SLACK}.get(tense or "", 0)
    try:
        year = _pick(anchor + dt.timedelta(days=slack), tense, period)
    except ValueError:
        return None
    return dt.date(year, month, day)


def _resolve_weekday(
    weekday: int, anchor: dt.date, tense: Tense | None, rel: str, *, ahead_of: bool = False
) -> dt.date:
    """Return the date of a weekday named relative to *anchor*.

    ``last`` is strictly before the anchor, ``next`` strictly after, ``this`` in
    the anchor's week; otherwise the tense chooses (same day allowed), and without
    a tense the nearer one, or the past one when it is at most a day further (news
    reports more than it announces); after ``ahead of`` (*ahead_of*) the future
    one when it is at most a day further.
    """
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if rel in ("last", "past", "previous"):
        return anchor - dt.timedelta(days=back or 7)
    if rel in ("next", "coming"):
        return anchor + dt.timedelta(days=ahead or 7)
    if rel == "this":
        return anchor + dt.timedelta(days=weekday - anchor.weekday())
    if tense is None and ahead_of:
        return (
            anchor + dt.timedelta(days=ahead)
            if ahead <= back + 1
            else anchor - dt.timedelta(days=back)
        )
    if tense == "past" or (tense is None and back <= ahead + 1):
        return anchor - dt.timedelta(days=back)
    return anchor + dt.timedelta(days=ahead)


def _anchor_value(anchor: dt.date, unit: str, offset: int) -> str | None:
    """Return the value of the *unit* containing *anchor*, shifted by *offset* units."""
    if unit == "year":
        return f"{anchor.year + offset:04d}"
    if unit == "month":
        return _ym(*_add_months(anchor.year, anchor.month, offset))
    if unit in ("week", "weekend"):
        value = _week(anchor + dt.timedelta(weeks=offset))
        return value + "-WE" if unit == "weekend" else value
    if unit == "day":
        return (anchor + dt.timedelta(days=offset)).isoformat()
    if unit == "quarter":
        year, month = _add_months(anchor.year, (anchor.month - 1) // 3 * 3 + 1, 3 * offset)
        return f"{year:04d}-Q{(month - 1) // 3 + 1}"
    if unit == "half":
        year, month = _add_months(anchor.year, (anchor.month - 1) // 6 * 6 + 1, 6 * offset)
        return f"{year:04d}-H{(month - 1) // 6 + 1}"
    if unit == "decade":
        return f"{anchor.year // 10 + offset:03d}"
    if unit == "century":
        return f"{anchor.year // 100 + offset:02d}"
    return None


def _shift(value: str, unit: str, amount: int) -> str | None:
    """Return a normalised value moved by *amount* units (``1987-Q2`` -1 year -> ``1986-Q2``).

    Each side of an interval moves; None when the value has no such unit.
    """
    sides = value.split("/")
    if len(sides) == 2 and len(sides[1]) == 2 and sides[0].isdigit():  # fiscal 1987/88
        if unit != "year":
            return None
        first = int(sides[0]) + amount
        return f"{first:04d}/{(first + 1) % 100:02d}"
    shifted = [_shift_side(side, unit, amount) for side in sides]
    if any(side is None for side in shifted):
        return None
    return "/".join(side for side in shifted if side is not None)


def _shift_side(side: str, unit: str, amount: int) -> str | None:
    """Move one point value by *amount* units, or None when it cannot."""
    found = match(_VALUE_SIDE, side)
    if found is None:
        return None
    year = int(found.group("year"))
    month, day = found.group("month"), found.group("day")
    if unit == "year":
        if day is not None:  # 29 February moves to the 28th
            last = calendar.monthrange(year + amount, int(month))[1]
            return f"{year + amount:04d}-{month}-{min(int(day), last):02d}"
        return f"{year + amount:04d}{side[4:]}"
    if day is not None:
        date = dt.date.fromisoformat(side)
        days = {"day": 1, "week": 7}.get(unit)
        if days is not None:
            return (date + dt.timedelta(days=days * amount)).isoformat()
        if unit in ("month", "quarter"):
            y, m = _add_months(date.year, date.month, amount * (3 if unit == "quarter" else 1))
            return dt.date(y, m, min(date.day, calendar.monthrange(y, m)[1])).isoformat()
        return None
    if month is not None and unit in ("month", "quarter"):
        return _ym(*_add_months(year, int(month), amount * (3 if unit == "quarter" else 1)))
    if found.group("quarter") and unit == "quarter":
        y, m = _add_months(year, (int(found.group("quarter")) - 1) * 3 + 1, 3 * amount)
        return f"{y:04d}-Q{(m - 1) // 3 + 1}"
    if found.group("week") and unit == "week":
        monday = dt.date.fromisocalendar(year, int(found.group("week")), 1)
        return _week(monday + dt.timedelta(weeks=amount)) + (found.group("weekend") or "")
    return None


def _set_year(value: str, year: int) -> str | None:
    """Return *value* moved so that its first side falls in *year*."""
    found = match(_VALUE_SIDE, value.split("/")[0])
    if found is None:
        return None
    return _shift(value, "year", year - int(found.group("year")))


# -- the tense of a clause --------------------------------------------------------


_Mark = Literal["past", "future", "present", "ahead"]


class _Token(NamedTuple):
    """A word or clause punctuation of a sentence."""

    start: int
    end: int
    word: str
    """Lower-cased word, or ``""`` for clause punctuation."""
    raw: str


def _tokens(text: str, start: int, end: int) -> list[_Token]:
    """Return the words and clause punctuation of ``text[start:end]``."""
    return [
        new_tuple(
            _Token,
            (
                m.start(),
                m.end(),
                m.group().lower().replace("’", "'") if m.lastgroup == "word" else "",
                m.group(),
            ),
        )
        for m in finditer(_TOKEN, text, start, end)
    ]


def _auxiliary(tokens: list[_Token], i: int) -> str:
    """Return the word before token *i*, skipping adverbs (``has not yet mentioned``)."""
    j = i - 1
    while j >= 0 and tokens[j].word in CLAUSE_ADVERBS:
        j -= 1
    return tokens[j].word if j >= 0 else ""


def _marker(tokens: list[_Token], i: int) -> _Mark | None:
    """Return the tense token *i* marks (``present`` for is, are, says), or None."""
    token = tokens[i]
    word = token.word
    if not word:
        return None
    before = _auxiliary(tokens, i)
    after = tokens[i + 1].word if i + 1 < len(tokens) else ""
    after2 = tokens[i + 2].word if i + 2 < len(tokens) else ""
    if (word, after) in AHEAD_CUES:
        # "ahead of the visit on Saturday": after the main event, not always after the
        # anchor ("met on Sunday ahead of Friday's summit" may tell of a past summit).
        return "ahead"
    if word in FUTURE_BEFORE_TO and after == "to":
        if word in BE_FUTURES and before not in _BE_FORMS and after2 != "be":
            return None  # delays due to rain, set to work; not: is due to, due to be
        return "present" if before in ("was", "were") else "future"  # a past plan: nearest
    if word in PRESENT_WORDS or word.endswith(("'re", "'m")):  # is, says, we're
        return "future" if after in FUTURE_BEFORE_TO and after2 == "to" else "present"
    if word.endswith("'ll"):  # we'll
        return "future"
    if word in FUTURE_WORDS:
        return None if word == "may" and token.raw[0].isupper() else "future"
    if word in _PAST_AUXILIARIES:
        return "past"
    if before in HAVE_FORMS and (word in PARTICIPLES or word.endswith(("ed", "en"))):
        return "past"
    if before in ADJECTIVE_SLOTS or before in PRESENT_BE:
        return None
    if word in PAST_WORDS:
        return "past"
    if (
        word.endswith("ed")
        and len(word) > 4
        and not word.endswith("eed")
        and word not in NOT_PAST
        and ("-" not in word or word.startswith("re-"))
        and not (i > 0 and token.raw[0].isupper())
    ):
        return "past"
    return None


class _Clauses(NamedTuple):
    """The tense markers of a sentence, indexed for quick look-up around any span."""

    starts: list[int]
    """Start offset of each token."""
    ends: list[int]
    """End offset of each token."""
    before: list[_Mark | None]
    """``before[i]``: the mark of the nearest marker among tokens ``[0, i)``."""
    after: list[_Mark | None]
    """``after[i]``: the mark of the nearest marker among tokens ``[i, n)``."""


def _clauses(text: str, start: int, end: int) -> _Clauses:
    """Tokenise ``text[start:end]`` and index its tense markers."""
    tokens = _tokens(text, start, end)
    marks = [_marker(tokens, i) for i in range(len(tokens))]
    before: list[_Mark | None] = [None] * (len(tokens) + 1)
    after: list[_Mark | None] = [None] * (len(tokens) + 1)
    for i, mark in enumerate(marks):
        before[i + 1] = mark or before[i]
    for i in range(len(tokens) - 1, -1, -1):
        after[i] = marks[i] or after[i + 1]
    return _Clauses([t.start for t in tokens], [t.end for t in tokens], before, after)


def _clause_tense(clauses: _Clauses, start: int, end: int) -> _Mark | None:
    """Return the tense of the verb that governs ``[start, end)`` in a sentence.

    The governing verb of a time expression usually comes before it (``imposed
    sanctions ... in July``, ``will culminate ... on Friday``): the nearest tense
    marker before the expression decides; without one, the nearest after it
    (``In July, exports are expected to rise``).
    """
    preceding = clauses.before[bisect.bisect_right(clauses.ends, start)]
    return preceding or clauses.after[bisect.bisect_left(clauses.starts, end)]


def _as_tense(mark: _Mark | None) -> Tense | None:
    """Return the public tense of a mark (present and ``ahead of`` count as none)."""
    if mark == "past" or mark == "future":
        return mark
    return None


def tense_at(doc: Document, span: Span) -> Tense | None:
    """Return the tense of the clause around *span*: ``"past"``, ``"future"`` or None.

    Looks at the verbs of the sentence that holds *span*: the nearest tense marker
    before the span decides, else the nearest after it. ``will``, ``is due to``,
    ``plans to`` and modals mark the future; ``was``, ``imposed``, ``rose``,
    ``has grown`` the past; ``is``, ``are``, ``says`` the present (None). A
    reporting verb counts as past, so ``said on Friday`` is past while ``said it
    will meet on Friday`` is future.
    """
    sentence = doc.sentence_at(span.start)
    lo, hi = (
        (sentence.start, sentence.end) if sentence else (max(0, span.start - 200), span.end + 200)
    )
    clauses = _clauses(doc.text, lo, min(hi, len(doc.text)))
    return _as_tense(_clause_tense(clauses, span.start, span.end))


# -- rules ------------------------------------------------------------------------


@attrs.frozen
class _Found:
    """A resolved expression before it becomes a :class:`TimeExpression`."""

    value: str | None
    kind: TimeKind = "date"
    modifier: TimeModifier | None = None
    anaphoric: bool = False
    """True when the value was read off another expression (never a reference itself)."""


@dataclasses.dataclass
class _Context:
    """What resolution needs beyond the match: the anchor, tense, the reference time."""

    doc: Document
    anchor: dt.date | None
    reference: tuple[str, int] | None = None
    """The last explicit date value and where it started."""
    _tokens: dict[int, _Clauses] = dataclasses.field(default_factory=dict)
    """The indexed tense markers of each sentence used so far, by sentence start."""

    def tense(self, start: int, end: int) -> Tense | None:
        """Return the tense of the clause around ``[start, end)`` (past after ``since``)."""
        return _as_tense(self.mark(start, end))

    def mark(self, start: int, end: int) -> _Mark | None:
        """Return the tense mark that governs ``[start, end)``, ``ahead`` included."""
        if _previous_word(self.doc.text, start) == "since":
            return "past"
        sentence = self.doc.sentence_at(start)
        if sentence is None:
            return tense_at(self.doc, Span(start=start, end=end))
        if sentence.start not in self._tokens:
            self._tokens[sentence.start] = _clauses(self.doc.text, sentence.start, sentence.end)
        return _clause_tense(self._tokens[sentence.start], start, end)

    def placement(
        self, start: int, end: int, *, period: bool = False
    ) -> tuple[dt.date, Tense | None] | None:
        """Return the anchor and tense that place a date named without its year.

        After a boundary word (``until July 1``, ``effective from July``) in a past
        clause, the date bounds what the past event set up, so it may lie up to
        :data:`_BOUNDARY_DAYS` after the anchor. A date used as a modifier (``the
        March 3 pact``) names an event the clause does not place in time: the
        nearest one is taken, unless it names a period (``the June quarter``, or
        *period* for a match that holds its own noun). None without an anchor.
        """
        if self.anchor is None:
            return None
        before = _previous_word(self.doc.text, start)
        modifier = before in ATTRIBUTIVE_WORDS or before.endswith(("'s", "’s"))
        if modifier and not period and _next_word(self.doc.text, end).lower() not in PERIOD_NOUNS:
            return self.anchor, None  # the March 3 pact, its May slump: nearest
        tense = self.tense(start, end)
        bound = before in BOUNDARY_WORDS
        if not bound and before in BOUNDARY_PREPOSITIONS:  # starting on April 29
            hit = _word_before(self.doc.text, start)
            bound = hit is not None and _previous_word(self.doc.text, hit.start) in BOUNDARY_WORDS
        if tense == "past" and bound:
            return self.anchor + dt.timedelta(days=_BOUNDARY_DAYS), tense
        return self.anchor, tense

    def sentence_year(self, start: int) -> int | None:
        """Return the bare year named earlier in the sentence holding *start*, if any."""
        value = self.same_sentence_reference(start)
        return int(value) if value is not None and len(value) == 4 and value.isdigit() else None

    def same_sentence_reference(self, start: int) -> str | None:
        """Return the reference value when it lies in the sentence holding *start*."""
        if self.reference is None:
            return None
        here = self.doc.sentence_at(start)
        if here is None or self.doc.sentence_at(self.reference[1]) != here:
            return None
        return self.reference[0]


#: How far after the anchor a bounding date in a past clause may lie (``until July 1``).
_BOUNDARY_DAYS: Final = 120

Accept = Callable[[regex.Match[str], str], bool]
Near = Callable[["_Scan", "_Core"], bool]
Resolve = Callable[[regex.Match[str], _Context], _Found]


def _always(found: regex.Match[str], text: str) -> bool:
    """Accept every match (for patterns that cannot match a non-time)."""
    return True


class _Rule(NamedTuple):
    """A named pattern with the core words it needs, its false-positive filter and resolver."""

    name: str
    pattern: regex.Pattern[str]
    needs: str
    """Kinds of :data:`_CORE_KINDS` word (space-separated), one of which the match holds."""
    resolve: Resolve
    accept: Accept = _always
    near: Near | None = None
    """A quick test of a core word's surroundings: False when no match of the rule can
    hold it (``ago`` must follow the unit of ``two weeks ago``). None: every core word."""

    reach: tuple[int, int] = (_WINDOW, _WINDOW)
    """How far a match may start before its core word and end after the core word's start."""

    @property
    def kinds(self) -> tuple[str, ...]:
        """The kinds of :attr:`needs`, split."""
        return _KINDS[self.needs]


def _year_of(found: regex.Match[str], ctx: _Context, group: str = "year") -> int | None:
    """Return the year a match names (``1987``, ``this year``, ``the year``), or None."""
    year = found.group(group) if group in found.re.groupindex else None
    if year:
        return int(year)
    rel = _lower(found.group("yrel")) if "yrel" in found.re.groupindex else ""
    if not rel or ctx.anchor is None:
        return None
    offset = {"last": -1, "the previous": -1, "next": 1}.get(rel, 0)
    if rel == "the same" and ctx.reference is not None:
        side = match(_VALUE_SIDE, ctx.reference[0].split("/")[0])
        return int(side.group("year")) if side else None
    return ctx.anchor.year + offset


def _part_year(found: regex.Match[str], ctx: _Context, first: int, last: int) -> int | None:
    """Return the year of a part of a year (months *first*..*last*) named without one."""
    year = _year_of(found, ctx)
    if year is not None:
        return year
    year = ctx.sentence_year(found.start())
    if year is not None:
        return year
    if ctx.anchor is None:
        return None
    return _pick(ctx.anchor, ctx.tense(found.start(), found.end()), _months_period(first, last))


# dates -----------------------------------------------------------------------------


def _second_month(found: regex.Match[str]) -> str | None:
    """Return the month of a range's last day when the match names one (``April 29-May 2``)."""
    return found.group("month2") if "month2" in found.re.groupindex else None


def _accept_day_date(found: regex.Match[str], text: str) -> bool:
    """A day-and-month date: a capitalised month and a day that exists."""
    day, day2 = int(found.group("day")), found.group("day2")
    if not _capitalised(_raw(found, text, "month")) or not 1 <= day <= 31:
        return False
    month2 = _second_month(found)
    if month2 is not None:
        if not _capitalised(_raw(found, text, "month2")) or not 1 <= int(day2) <= 31:
            return False
    elif day2 is not None and not day < int(day2) <= 31:
        return False
    return not (
        found.group("year") is None and _next_word(text, found.end()).lower() in MEASURE_WORDS
    )


def _resolve_day_date(found: regex.Match[str], ctx: _Context) -> _Found:
    """``June 1, 2018``, ``25 June``, ``June 25-28``, ``April 29-May 2``: a date or a run."""
    month = _month_number(found.group("month"))
    day, day2 = int(found.group("day")), found.group("day2")
    month2 = _second_month(found)
    last_month = _month_number(month2) if month2 else month
    if found.group("year"):
        year = int(found.group("year")) - (1 if last_month < month else 0)  # Dec 29-Jan 2, 2024
        try:
            first = dt.date(year, month, day)
        except ValueError:
            return _Found(None)
    elif day2 is not None:
        placement = ctx.placement(found.start(), found.end())
        if placement is None:
            return _Found(None)
        ahead = ctx.mark(found.start(), found.end()) == "ahead"
        run = _place_run(_days_period(month, day, last_month, int(day2)), *placement, ahead)
        if run is None:
            return _Found(None)
        first = run[0]
    else:
        placement = ctx.placement(found.start(), found.end())
        resolved = _resolve_day(month, day, *placement) if placement else None
        if resolved is None:
            return _Found(None)
        first = resolved
    if day2 is None:
        return _Found(first.isoformat())
    try:
        last = dt.date(first.year + (last_month < month), last_month, int(day2))
    except ValueError:
        return _Found(None)
    if last <= first or (last - first).days > 366:
        return _Found(first.isoformat())  # no run of days: keep the first date
    return _Found(f"{first.isoformat()}/{last.isoformat()}")


def _days_period(
    month: int, day: int, month2: int, day2: int
) -> Callable[[int], tuple[dt.date, dt.date] | None]:
    """Return the period function of a run of days (``April 29-May 2``; wraps the year)."""

    def period(year: int) -> tuple[dt.date, dt.date] | None:
        try:
            return dt.date(year, month, day), dt.date(year + (month2 < month), month2, day2)
        except ValueError:
            return None

    return period


def _place_run(
    period: Callable[[int], tuple[dt.date, dt.date] | None],
    anchor: dt.date,
    tense: Tense | None,
    ahead: bool = False,
) -> tuple[dt.date, dt.date] | None:
    """Return the yearly run of days (``April 29-May 2``) that the tense points to.

    Past tense takes the last run over by the anchor (a few days' slack), future
    the first not begun before it; without a tense the nearest, leaning to the
    past (news reports more than it announces), or after ``ahead of`` (*ahead*)
    to the future. None when the run exists in no year near the anchor.
    """
    slack = dt.timedelta(days=_DAY_SLACK)
    runs = [run for year in range(anchor.year - 2, anchor.year + 3) if (run := period(year))]
    if tense == "past":
        over = [run for run in runs if run[1] <= anchor + slack]
        return over[-1] if over else None
    if tense == "future":
        ahead_runs = [run for run in runs if run[0] >= anchor - slack]
        return ahead_runs[0] if ahead_runs else None
    lean = anchor + slack if ahead else anchor - slack

    def distance(run: tuple[dt.date, dt.date]) -> int:
        if run[0] <= lean <= run[1]:
            return 0
        return (run[0] - lean).days if run[0] > lean else (lean - run[1]).days

    return min(runs, key=distance) if runs else None


def _resolve_iso_date(found: regex.Match[str], ctx: _Context) -> _Found:
    """``2024-06-25`` as written, when it is a real date."""
    try:
        return _Found(dt.date.fromisoformat(found.group()).isoformat())
    except ValueError:
        return _Found(None)


# months ----------------------------------------------------------------------------


def _accept_month(found: regex.Match[str], text: str) -> bool:
    """A month name: capitalised; a bare ambiguous one (``May``, ``March``) needs a temporal
    word before it, a bare abbreviation is refused, a name-like use (``June Smith``) too."""
    word = _raw(found, text, "month")
    if not _capitalised(word):
        return False
    if found.group("year") or found.group("yrel") or found.group("rel") or found.group("mod"):
        return True
    key = word.lower().rstrip(".")
    if key in MONTH_ABBREVIATIONS or word.endswith("."):
        return False
    if _followed_by_name(text, found.end()) or _is_name_like(text, found.start()):
        return False
    if key in AMBIGUOUS_MONTHS:
        return _previous_word(text, found.start()) in TEMPORAL_WORDS
    return True


def _resolve_month(found: regex.Match[str], ctx: _Context) -> _Found:
    """``February 1986``, ``February last year``, ``last February``, ``in July``."""
    month = _month_number(found.group("month"))
    modifier = _modifier(found)
    year = _year_of(found, ctx)
    if year is not None:
        return _Found(_ym(year, month), modifier=modifier)
    if ctx.anchor is None:
        return _Found(None, modifier=modifier)
    rel = _lower(found.group("rel"))
    if rel in ("last", "past", "previous"):
        year = ctx.anchor.year if month < ctx.anchor.month else ctx.anchor.year - 1
    elif rel in ("next", "coming"):
        year = ctx.anchor.year if month > ctx.anchor.month else ctx.anchor.year + 1
    elif rel == "this":
        year = ctx.anchor.year
    else:
        anchor, tense = ctx.placement(found.start(), found.end()) or (ctx.anchor, None)
        return _Found(resolve_month(month, anchor, tense), modifier=modifier)
    return _Found(_ym(year, month), modifier=modifier)


def _accept_month_range(found: regex.Match[str], text: str) -> bool:
    """``January-February``, ``from April to June``; ``and`` only after ``between``."""
    if not (_capitalised(_raw(found, text, "m1")) and _capitalised(_raw(found, text, "m2"))):
        return False
    sep, lead = _lower(found.group("sep")), _lower(found.group("lead"))
    if sep == "and" and lead != "between":
        return False
    if sep in ("to", "till", "until") and not lead:
        return found.group("m1").lower() not in AMBIGUOUS_MONTHS
    return True


def _resolve_month_range(found: regex.Match[str], ctx: _Context) -> _Found:
    """A run of months: ``1987-01/1987-02``; a calendar quarter named by its months -> ``Qn``."""
    m1, m2 = _month_number(found.group("m1")), _month_number(found.group("m2"))
    y1 = int(found.group("y1")) if found.group("y1") else None
    y2 = int(found.group("y2")) if found.group("y2") else None
    wraps = m2 < m1
    if y1 is None and y2 is not None:
        y1 = y2 - 1 if wraps else y2
    if y1 is not None and y2 is None:
        y2 = y1 + 1 if wraps else y1
    if y1 is None or y2 is None:
        placement = ctx.placement(found.start(), found.end(), period=bool(found.group("noun")))
        if placement is None:
            return _Found(None)
        y1 = _pick(placement[0], placement[1], _months_period(m1, m2))
        y2 = y1 + 1 if wraps else y1
    if _lower(found.group("noun")) == "quarter" and y1 == y2 and m1 % 3 == 1 and m2 == m1 + 2:
        return _Found(f"{y1:04d}-Q{m2 // 3}")
    return _Found(f"{_ym(y1, m1)}/{_ym(y2, m2)}")


def _resolve_period_to(found: regex.Match[str], ctx: _Context) -> _Found:
    """``the year to March``, ``the 12 months to June``: the months ending then;
    ``the week ended March 3``: that ISO week; ``the two weeks to March 3``: the days."""
    last = _period_end(found, ctx)
    if last is None:
        return _Found(None)
    if found.group("week"):
        return _Found(_week(last) if found.group("day") else None)
    count = _count(found.group("n")) if found.group("n") else None
    if _lower(found.group("unit")) == "weeks":
        if count is None or not 0 < count <= 52 or not found.group("day"):
            return _Found(None)
        first_day = last - dt.timedelta(days=7 * count - 1)
        return _Found(f"{first_day.isoformat()}/{last.isoformat()}")
    if found.group("n"):
        months = count
    else:
        months = 3 if found.group("quarter") else 6 if found.group("half") else 12
    if not months or months > 120:
        return _Found(None)
    first = _add_months(last.year, last.month, 1 - months)
    return _Found(f"{_ym(*first)}/{_ym(last.year, last.month)}")


def _period_end(found: regex.Match[str], ctx: _Context) -> dt.date | None:
    """Return the last day (or a day of the last month) of a ``... to March`` period.

    ``ended`` puts the end in the past; otherwise the clause's tense does, and
    without one ``to`` means the past (results are reported after the period)
    and ``ending`` the future (a period not over yet). A day the month lacks (30
    February) is read as its last day.
    """
    month = _month_number(found.group("month"))
    day = int(found.group("day")) if found.group("day") else None
    if day is not None:
        day = min(day, 30 if month in (4, 6, 9, 11) else 29 if month == 2 else 31)
    if found.group("year"):
        year = int(found.group("year"))
        if day is None:
            return _month_end(year, month)
        return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))
    if ctx.anchor is None:
        return None
    link = _lower(found.group("link"))
    tense: Tense | None = "past"
    if link != "ended":
        tense = ctx.tense(found.start(), found.end()) or ("future" if link == "ending" else "past")
    if day is not None:
        return _resolve_day(month, day, ctx.anchor, tense)
    year = int(resolve_month(month, ctx.anchor, tense)[:4])
    return _month_end(year, month)


# parts of years ------------------------------------------------------------------


def _resolve_first_n(found: regex.Match[str], ctx: _Context) -> _Found:
    """``the first eight months of 1986`` -> ``1986-01/1986-08``; ``the past two years`` -> P2Y."""
    which, unit = _lower(found.group("which")), _unit(found.group("unit"))
    count = _count(found.group("n"))
    has_year = bool(found.group("year") or found.group("yrel"))
    if which in ("first", "opening", "last", "final") and unit in ("month", "quarter"):
        size = 12 if unit == "month" else 4
        if count is None or not 1 <= count <= size:
            return _Found(None)
        if which in ("last", "final") and not has_year:
            return _Found(_duration(str(count), unit), kind="duration")
        first, last = (1, count) if which in ("first", "opening") else (size - count + 1, size)
        months = (first, last) if unit == "month" else (3 * first - 2, 3 * last)
        year = _part_year(found, ctx, *months)
        if year is None:
            return _Found(None)
        if unit == "month":
            return _Found(f"{_ym(year, first)}/{_ym(year, last)}")
        return _Found(f"{year:04d}-Q{first}/{year:04d}-Q{last}")
    return _Found(_duration(_count_text(found.group("n")), unit), kind="duration")


def _accept_part(found: regex.Match[str], text: str) -> bool:
    """A half or quarter: ``Q1`` in capitals; without a year not ``the first half of the match``."""
    if found.group("code"):
        return _raw(found, text, "code").isupper()
    if found.group("year") or found.group("yrel"):
        return True
    return _next_word(text, found.end()).lower() != "of"


def _resolve_quarter(found: regex.Match[str], ctx: _Context) -> _Found:
    """``the third quarter``, ``first quarter of 1987``, ``Q3 2024`` -> ``YYYY-Qn``."""
    code = found.group("code")
    ordinal = _lower(found.group("ord"))
    if code:
        quarter = int(code.strip("Qq"))
    elif ordinal in ("last", "final"):
        has_the = _lower(found.group()).startswith("the")
        if ordinal == "last" and not has_the and not (found.group("year") or found.group("yrel")):
            if ctx.anchor is None:
                return _Found(None)
            return _Found(_anchor_value(ctx.anchor, "quarter", -1))
        quarter = 4
    else:
        quarter = ORDINALS[ordinal]
    year = _part_year(found, ctx, 3 * quarter - 2, 3 * quarter)
    return _Found(f"{year:04d}-Q{quarter}" if year is not None else None)


def _resolve_half(found: regex.Match[str], ctx: _Context) -> _Found:
    """``the first half of this year`` -> ``2024-H1``."""
    code = found.group("code")
    if code:
        half = int(code.strip("Hh"))
    else:
        half = 1 if _lower(found.group("ord")) in ("first", "1st") else 2
    year = _part_year(found, ctx, 6 * half - 5, 6 * half)
    return _Found(f"{year:04d}-H{half}" if year is not None else None)


def _accept_season(found: regex.Match[str], text: str) -> bool:
    """A season needs a direction, a year, a part or a preposition (``in the summer``);
    not a name (``Arab Spring``), a noun (``the fall in prices``) or a bare ``fall``."""
    if found.group("rel") or found.group("year") or found.group("mod"):
        return True
    if _is_name_like(text, found.start()) or _followed_by_name(text, found.end()):
        return False
    if (
        _next_word(text, found.end()).lower() in ("of", "in")
        or _next_word(text, found.end()).lower() in MEASURE_WORDS
    ):
        return False  # the fall in prices, the spring of hope
    before = _previous_word(text, found.start())
    if before == "the":
        hit = _word_before(text, found.start())
        return (_previous_word(text, hit.start) if hit else "") in SEASON_WORDS
    return found.group("season").lower() != "fall" and before in SEASON_WORDS


def _resolve_season(found: regex.Match[str], ctx: _Context) -> _Found:
    """``this summer``, ``the spring of 1986`` -> ``2024-SU``, ``1986-SP``."""
    code = SEASONS[found.group("season").lower()]
    modifier = _modifier(found)
    first = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    if found.group("year"):
        return _Found(f"{found.group('year')}-{code}", modifier=modifier)
    if ctx.anchor is None:
        return _Found(None, modifier=modifier)
    rel = _lower(found.group("rel"))
    period = _months_period(first, (first + 1) % 12 + 1)
    if rel in ("last", "past"):
        year = _pick(ctx.anchor - dt.timedelta(days=92), "past", period)
    elif rel in ("next", "coming"):
        year = _pick(ctx.anchor + dt.timedelta(days=92), "future", period)
    elif rel == "this":
        year = _pick(ctx.anchor, None, period)
    else:
        year = _pick(ctx.anchor, ctx.tense(found.start(), found.end()), period)
    return _Found(f"{year:04d}-{code}", modifier=modifier)


# years -----------------------------------------------------------------------------


def _accept_year(found: regex.Match[str], text: str) -> bool:
    """A bare year, unless it reads as an amount (``some 2000``, ``2000 tonnes``) or a label
    (``Resolution 2231``, ``Vision 2030``); years before 1900 need a temporal word."""
    if found.group("mod") or found.group("fiscal") or _lower(found.group()).startswith("the"):
        return True
    start = found.start("year")
    before = _previous_word(text, start)
    if before in AMOUNT_HEDGES or before in NUMBER_HEADS or before.endswith("-"):
        return False
    if _next_word(text, found.end()).lower() in MEASURE_WORDS:
        return False
    if (
        text[found.end() : found.end() + 1] in ("%", "-", "–", "/")
        or text[start - 1 : start] == "/"
    ):
        return False
    if _is_name_like(text, start):
        return False
    return int(found.group("year")) >= 1900 or before in TEMPORAL_WORDS


def _resolve_year(found: regex.Match[str], ctx: _Context) -> _Found:
    """``1986``, ``early 2022`` (modifier early), ``fiscal 1987`` -> ``1987``."""
    return _Found(found.group("year"), modifier=_modifier(found))


def _accept_decade(found: regex.Match[str], text: str) -> bool:
    """A decade: ``the 1980s``; not ``1980s-era`` amounts."""
    return _next_word(text, found.end()).lower() not in MEASURE_WORDS


def _resolve_decade(found: regex.Match[str], ctx: _Context) -> _Found:
    """``the early 1980s`` -> ``198`` (modifier early)."""
    return _Found(found.group("decade")[:3], modifier=_modifier(found))


def _accept_year_range(found: regex.Match[str], text: str) -> bool:
    """``1987/88``, ``2008-2017``, ``from 2008 to 2017``: a later second year, no amount after."""
    sep, lead = _lower(found.group("sep")), _lower(found.group("lead"))
    if sep == "and" and lead != "between":
        return False
    if sep in ("to", "till", "until") and lead != "from" and not found.group("fiscal"):
        return False
    y1, y2 = int(found.group("y1")), found.group("y2")
    last = _full_year(y1, y2)
    if last is None or not y1 < last <= y1 + 100 or (len(y2) == 2 and last != y1 + 1):
        return False
    if "/" in (
        text[found.start("y1") - 1 : found.start("y1")],
        text[found.end() : found.end() + 1],
    ):
        return False  # a path or a date written with slashes
    if _next_word(text, found.end()).lower() in MEASURE_WORDS:
        return False
    before = _previous_word(text, found.start())
    return before not in AMOUNT_HEDGES and before not in NUMBER_HEADS


def _full_year(first: int, written: str) -> int | None:
    """Return the four-digit year a two- or four-digit second year stands for."""
    if len(written) == 4:
        return int(written)
    last = first // 100 * 100 + int(written)
    return last + 100 if last <= first else last


def _resolve_year_range(found: regex.Match[str], ctx: _Context) -> _Found:
    """``1987/88`` (fiscal, as written), ``2008/2017``."""
    y1, written = int(found.group("y1")), found.group("y2")
    if len(written) == 2:
        last = _full_year(y1, written)
        if last == y1 + 1:
            return _Found(f"{y1:04d}/{written}")
        return _Found(f"{y1:04d}/{last:04d}")
    return _Found(f"{y1:04d}/{written}")


# relative and anaphoric ------------------------------------------------------------


def _accept_relative(found: regex.Match[str], text: str) -> bool:
    """``this year``, ``last week``; ``the year`` only after a part (``the end of the year``)."""
    rel = _lower(found.group("rel"))
    return rel != "the" or bool(found.group("mod"))


def _resolve_relative(found: regex.Match[str], ctx: _Context) -> _Found:
    """``last year`` -> 2023, ``next week`` -> 2024-W27, ``the past year`` -> P1Y."""
    rel, unit = _lower(found.group("rel")), _lower(found.group("unit"))
    the = bool(found.group("the"))
    modifier = _modifier(found)
    if rel in ("past",) or (the and rel == "last"):
        return _Found(_duration("1", "week" if unit == "weekend" else unit), kind="duration")
    if rel in ("previous", "prior", "preceding", "following"):
        step = 1 if rel == "following" else -1
        if ctx.reference is not None:
            shifted = _shift(ctx.reference[0], "week" if unit == "weekend" else unit, step)
            if shifted is not None:
                return _Found(shifted, modifier=modifier, anaphoric=True)
        if ctx.anchor is None or step > 0:
            return _Found(None, modifier=modifier, anaphoric=True)
        return _Found(_anchor_value(ctx.anchor, unit, step), modifier=modifier, anaphoric=True)
    if ctx.anchor is None:
        return _Found(None, modifier=modifier)
    offset = {"last": -1, "next": 1, "coming": 1}.get(rel, 0)
    return _Found(_anchor_value(ctx.anchor, unit, offset), modifier=modifier)


def _accept_day_word(found: regex.Match[str], text: str) -> bool:
    """``today``, ``yesterday``; not a capitalised name mid-sentence (``the Today programme``)."""
    word = _raw(found, text, "word")
    if word and word[0].isupper() and not _starts_sentence(text, found.start()):
        return False
    return not (word and _previous_word(text, found.start()).endswith(("'s", "’s")))


def _resolve_day_word(found: regex.Match[str], ctx: _Context) -> _Found:
    """``yesterday`` -> the day before the anchor."""
    if ctx.anchor is None:
        return _Found(None)
    offset = {"yesterday": -1, "tomorrow": 1}.get(_lower(found.group("word")), 0)
    return _Found((ctx.anchor + dt.timedelta(days=offset)).isoformat())


def _accept_weekday(found: regex.Match[str], text: str) -> bool:
    """A weekday: capitalised, not part of a name (``Sunday Times``, ``Good Friday``)."""
    if not _capitalised(_raw(found, text, "weekday")):
        return False
    if _followed_by_name(text, found.end()):
        return False
    return bool(found.group("rel")) or not _is_name_like(text, found.start())


def _resolve_weekday_match(found: regex.Match[str], ctx: _Context) -> _Found:
    """``on Friday`` -> the Friday of the anchor's week that the tense points to."""
    if ctx.anchor is None:
        return _Found(None)
    weekday = WEEKDAYS[found.group("weekday").lower()]
    rel = _lower(found.group("rel"))
    mark = None if rel else ctx.mark(found.start(), found.end())
    day = _resolve_weekday(weekday, ctx.anchor, _as_tense(mark), rel, ahead_of=mark == "ahead")
    return _Found(day.isoformat())


def _words_before(text: str, pos: int, count: int) -> list[str]:
    """Return up to *count* words before *pos*, nearest first, lower-cased."""
    words: list[str] = []
    while len(words) < count:
        hit = _word_before(text, pos)
        if hit is None:
            break
        words.append(hit.text.lower())
        pos = hit.start
    return words


def _accept_weekday_range(found: regex.Match[str], text: str) -> bool:
    """``from Saturday to Monday``, ``Tuesday-Thursday``, ``between Monday and Wednesday``;
    not a move from one day to another (``postponed the vote from Friday to Monday``)."""
    if not (_capitalised(_raw(found, text, "w1")) and _capitalised(_raw(found, text, "w2"))):
        return False
    if _lower(found.group("sep")) == "and" and _lower(found.group("lead")) != "between":
        return False
    return not any(word in MOVE_VERBS for word in _words_before(text, found.start(), 4))


def _resolve_weekday_range(found: regex.Match[str], ctx: _Context) -> _Found:
    """``from Saturday to Monday`` -> ``2024-06-29/2024-07-01``.

    Past tense takes the run that began last by the anchor, future tense the next
    one to begin; without a tense, the run holding the anchor, else the nearer of
    the last and the next run, the last one when it is at most a day further
    (after ``ahead of``, the next one when it is at most a day further).
    """
    anchor = ctx.anchor
    if anchor is None:
        return _Found(None)
    w1, w2 = WEEKDAYS[found.group("w1").lower()], WEEKDAYS[found.group("w2").lower()]
    length = dt.timedelta(days=(w2 - w1) % 7 or 7)
    mark = ctx.mark(found.start(), found.end())
    last_start = anchor - dt.timedelta(days=(anchor.weekday() - w1) % 7)
    next_start = anchor + dt.timedelta(days=(w1 - anchor.weekday()) % 7 or 7)
    if mark == "past" or (mark != "future" and last_start + length >= anchor):
        first = last_start
    elif mark == "future":
        first = last_start if last_start == anchor else next_start
    else:
        behind = (anchor - (last_start + length)).days
        ahead = (next_start - anchor).days
        lean_back = behind <= ahead + 1 if mark != "ahead" else not ahead <= behind + 1
        first = last_start if lean_back else next_start
    return _Found(f"{first.isoformat()}/{(first + length).isoformat()}")


def _accept_offset(found: regex.Match[str], text: str) -> bool:
    """``two weeks ago``, ``a year earlier``; ``before``/``after`` only at a clause end."""
    if _lower(found.group("dir")) in ("before", "after"):
        return _next_word(text, found.end()) == "" or text[found.end() : found.end() + 1] in ",.;"
    return True


def _resolve_offset(found: regex.Match[str], ctx: _Context) -> _Found:
    """``two weeks ago`` -> the anchor's week minus two; ``a year earlier`` -> the reference
    minus a year; granularity is the unit's."""
    direction = _lower(found.group("dir"))
    unit = _unit(found.group("unit"))
    count = _count(found.group("n"))
    modifier: TimeModifier | None = "approx" if found.group("approx") else None
    if count is None or unit in ("hour", "minute", "fortnight"):
        return _Found(None, modifier=modifier, anaphoric=direction != "ago")
    step = -count if direction in ("ago", "earlier", "before", "previously", "back") else count
    if direction in ("ago", "back", "hence") or direction.startswith("from"):
        reference = ctx.same_sentence_reference(found.start()) if unit == "year" else None
        if reference is not None and count == 1 and direction == "ago":
            return _Found(_shift(reference, unit, step), modifier=modifier, anaphoric=True)
        if ctx.anchor is None:
            return _Found(None, modifier=modifier)
        return _Found(_anchor_value(ctx.anchor, unit, step), modifier=modifier)
    if ctx.reference is not None:
        shifted = _shift(ctx.reference[0], unit, step)
        if shifted is not None:
            return _Found(shifted, modifier=modifier, anaphoric=True)
    if ctx.anchor is None or step > 0:
        return _Found(None, modifier=modifier, anaphoric=True)
    return _Found(_anchor_value(ctx.anchor, unit, step), modifier=modifier, anaphoric=True)


def _accept_clause_end(found: regex.Match[str], text: str) -> bool:
    """``the year before``, at a clause end only (``the year before the war`` is no date)."""
    return _next_word(text, found.end()) == "" or text[found.end() : found.end() + 1] in ",.;"


def _resolve_unit_before(found: regex.Match[str], ctx: _Context) -> _Found:
    """``the year before`` -> the reference minus a year."""
    unit = _lower(found.group("unit"))
    step = -1 if _lower(found.group("dir")) in ("before", "earlier") else 1
    if ctx.reference is not None:
        shifted = _shift(ctx.reference[0], unit, step)
        if shifted is not None:
            return _Found(shifted, anaphoric=True)
    return _Found(None, anaphoric=True)


def _accept_same_period(found: regex.Match[str], text: str) -> bool:
    """``the same period``; ``the same time`` only with a shift (``last year``)."""
    return _lower(found.group("unit")) != "time" or bool(found.group("tail"))


def _resolve_same_period(found: regex.Match[str], ctx: _Context) -> _Found:
    """``the same 1986 period`` -> the reference moved to 1986; ``the same month last year``
    -> the reference a year back."""
    year = found.group("year") or found.group("year2")
    tail = _lower(found.group("tail"))
    back = bool(tail) and not found.group("year2")
    reference = ctx.reference[0] if ctx.reference is not None else None
    if reference is not None:
        if year:
            return _Found(_set_year(reference, int(year)), anaphoric=True)
        return _Found(_shift(reference, "year", -1) if back else reference, anaphoric=True)
    if year:
        return _Found(year, anaphoric=True)
    if back and ctx.anchor is not None:
        return _Found(f"{ctx.anchor.year - 1:04d}", anaphoric=True)
    return _Found(None, anaphoric=True)


def _resolve_year_ago_adjective(found: regex.Match[str], ctx: _Context) -> _Found:
    """``the year-ago figure`` -> the reference a year back."""
    if ctx.reference is not None:
        return _Found(_shift(ctx.reference[0], "year", -1), anaphoric=True)
    if ctx.anchor is None:
        return _Found(None, anaphoric=True)
    return _Found(f"{ctx.anchor.year - 1:04d}", anaphoric=True)


# durations and sets ----------------------------------------------------------------


def _accept_duration(found: regex.Match[str], text: str) -> bool:
    """``three months``, ``a year``: singular unit with one, plural with more."""
    unit_word = _lower(found.group("unit"))
    count = _count(found.group("n"))
    plural = unit_word.endswith("s") and unit_word != "century"
    if unit_word.startswith("quarter") and (
        _next_word(text, found.end()).lower() == "of"
        or _previous_word(text, found.start()) not in TEMPORAL_WORDS
    ):
        return False  # a fraction: a quarter of the market, save a quarter
    if _lower(found.group("n")) in ("a", "an", "one"):
        return not plural
    if count is not None and count > 1 and not plural:
        return False
    return not (_lower(found.group("n")) == "some" and not plural)


def _resolve_duration(found: regex.Match[str], ctx: _Context) -> _Found:
    """``two-day`` -> P2D, ``for three months`` -> P3M, ``several years`` -> PXY."""
    unit = _unit(found.group("unit"))
    approx: TimeModifier | None = (
        "approx" if "approx" in found.re.groupindex and found.group("approx") else None
    )
    return _Found(_duration(_count_text(found.group("n")), unit), kind="duration", modifier=approx)


def _resolve_vague_duration(found: regex.Match[str], ctx: _Context) -> _Found:
    """``for years`` -> PXY."""
    return _Found(_duration("X", _unit(found.group("unit"))), kind="duration")


def _accept_set(found: regex.Match[str], text: str) -> bool:
    """``every year``, ``per month``; ``a year`` only after an amount (``3 pct a year``)."""
    quant = _lower(found.group("quant"))
    if quant not in ("a", "an"):
        return True
    if found.group("n") or _lower(found.group("unit")).endswith("s"):
        return False
    hit = _word_before(text, found.start())
    if hit is None:
        return False
    word = hit.text.lower().rstrip(".")
    return (
        word in MEASURE_WORDS
        or word in ("times", "twice", "once", "thrice")
        or word[:1].isdigit()
        or text[found.start() - 2 : found.start()].strip() in ("%", ")")
    )


def _resolve_set(found: regex.Match[str], ctx: _Context) -> _Found:
    """``every year`` -> P1Y, ``every two years`` -> P2Y (kind set)."""
    unit = _lower(found.group("unit"))
    if unit == "annually":
        return _Found("P1Y", kind="set")
    count = _count_text(found.group("n")) if found.group("n") else "1"
    return _Found(_duration(count, _unit(unit)), kind="set")


# core words and quick tests ------------------------------------------------------


class _Core(NamedTuple):
    """A core word (or a four-digit number) in the body."""

    start: int
    end: int
    word: str
    """The word lower-cased, or the four digits."""
    before: str
    """The word before it, lower-cased, across any gap (for quick tests, never a parse)."""
    after: str
    """The word after it, lower-cased, across any gap."""


class _Scan(NamedTuple):
    """The body's core words and the lowered text the rules and :data:`Near` tests read."""

    low: str
    """The text with ASCII capitals lowered (same offsets)."""
    flat: str
    """``low`` with every gap character a space (same offsets): words split at spaces."""
    cores: dict[str, list[_Core]]
    """Core words by kind, each list in text order."""


def _scan(text: str, lo: int, hi: int) -> _Scan:
    """Find the core words of :data:`_CORE_KINDS` and possible years in ``text[lo:hi]``.

    The words of the text come from one ``str.translate`` and ``split``; only the core
    words among them are then located, each with ``str.find``.
    """
    if text.isascii():  # the common case, at C speed: lower() and a bytes table
        low = text.lower()
        flat = low.encode("ascii").translate(_ASCII_WORD_GAPS).decode("ascii")
    else:
        low = _ascii_lower(text)
        flat = _WORD_GAP_CHAR.sub(" ", low)
    cores: dict[str, list[_Core]] = {}
    part = flat[lo:hi]
    words = set(part.split())
    if not part.isascii():  # a gap character above the table may glue two words
        for word in [w for w in words if not w.isascii()]:
            words.update(NON_WORD_RUN.split(word))
    for word in words & _CORE_WORDS:
        found = cores.setdefault(_CORE_KINDS[word], [])
        i = low.find(word, lo, hi)
        while i >= 0:
            j = i + len(word)
            if not _is_word_char(low[i - 1 : i] or " ") and not _is_word_char(
                low[j : j + 1] or " "
            ):
                found.append(
                    new_tuple(_Core, (i, j, word, _token_before(flat, i), _token_after(flat, j)))
                )
            i = low.find(word, j, hi)
    for kind in cores:
        cores[kind].sort()
    years = [
        _Core(m.start(), m.end(), m.group(), "", "") for m in finditer(YEAR_DIGITS, low, lo, hi)
    ]
    if years:
        cores["number"] = years
    return _Scan(low, flat, cores)


def _token_before(flat: str, pos: int) -> str:
    """Return the word of *flat* (words split by spaces) before *pos*, across any gap."""
    j = pos
    while j > 0 and flat[j - 1] == " ":
        j -= 1
    return flat[flat.rfind(" ", 0, j) + 1 : j]


def _token_after(flat: str, pos: int) -> str:
    """Return the word of *flat* after *pos*, across any gap."""
    j = pos
    size = len(flat)
    while j < size and flat[j] == " ":
        j += 1
    k = flat.find(" ", j)
    return flat[j : k if k >= 0 else size]


def _other_within(scan: _Scan, core: _Core, kind: str, reach: int) -> bool:
    """Return whether another core word of *kind* starts within *reach* of *core*."""
    others = scan.cores.get(kind, [])
    i = bisect.bisect_left(others, (core.start - reach,))
    while i < len(others) and others[i].start <= core.start + reach:
        if others[i].start != core.start:
            return True
        i += 1
    return False


#: Words that may stand for the count before a unit (``two``, ``a``, ``several``, ``of``
#: in ``a couple of``); digits and words beginning with one count too.
_COUNT_WORDS: Final = frozenset(
    {*NUMBERS, *(w for phrase in VAGUE_NUMBERS for w in phrase.split()), "a", "an"}
)
_MORE_WORDS: Final = frozenset(
    ["more", "further", "additional", "full", "straight", "consecutive", "successive"]
)
_OFFSET_WORDS: Final = frozenset(
    ["ago", "earlier", "later", "before", "after", "previously", "hence", "from", "back"]
)
_RELATIVE_WORDS: Final = frozenset(
    """this last next past coming current previous prior preceding following present the
    fiscal financial calendar""".split()
)
_RELATIVE_UNITS: Final = frozenset(
    ["year", "month", "week", "weekend", "quarter", "decade", "century"]
)
_SET_WORDS: Final = frozenset(["every", "each", "per", "a", "an"])
_RANGE_LINKS: Final = ("-", "–", "/", "to", "through", "till", "until", "and")


def _counted(scan: _Scan, core: _Core) -> bool:
    """A count (or ``more``, ``full``) may stand before the unit."""
    word = core.before
    return word in _COUNT_WORDS or word in _MORE_WORDS or word[:1].isdigit()


def _near_iso(scan: _Scan, core: _Core) -> bool:
    """``2024-06-25``: a hyphen after the year."""
    return scan.low[core.end : core.end + 1] == "-"


def _near_day_after(scan: _Scan, core: _Core) -> bool:
    """``June 25``: a digit just after the month."""
    return any(ch.isdigit() for ch in scan.low[core.end : core.end + 6])


def _near_day_before(scan: _Scan, core: _Core) -> bool:
    """``25 June``, ``the 25th of June``: a digit shortly before the month."""
    return any(ch.isdigit() for ch in scan.low[max(0, core.start - 14) : core.start])


def _near_period_to(scan: _Scan, core: _Core) -> bool:
    """``the year to March``, ``the quarter ended June``: a link shortly before the month."""
    before = scan.low[max(0, core.start - 32) : core.start]
    return "to" in before or "end" in before or "through" in before


def _near_month_range(scan: _Scan, core: _Core) -> bool:
    """``April-June``: another month close by."""
    return _other_within(scan, core, "month", 40)


def _near_weekday_range(scan: _Scan, core: _Core) -> bool:
    """``Saturday to Monday``: another weekday close by."""
    return _other_within(scan, core, "weekday", 30)


def _near_offset(scan: _Scan, core: _Core) -> bool:
    """``two weeks ago``: a direction word after the unit."""
    return core.after in _OFFSET_WORDS


def _near_unit_before(scan: _Scan, core: _Core) -> bool:
    """``the year before``: ``the`` before the unit, a direction after it."""
    return core.before == "the" and core.after in (
        "before",
        "earlier",
        "after",
        "later",
    )


def _near_year_range(scan: _Scan, core: _Core) -> bool:
    """``1987/88``, ``2008 to 2017``: a link after the year."""
    return scan.low[core.end : core.end + 20].lstrip().startswith(_RANGE_LINKS)


def _near_decade(scan: _Scan, core: _Core) -> bool:
    """``the 1980s``: a year ending in 0 followed by ``s``."""
    return core.word.endswith("0") and scan.low[core.end : core.end + 1] in ("s", "'", "’")


def _near_relative(scan: _Scan, core: _Core) -> bool:
    """``last year``, ``the current fiscal year``: a singular unit after a direction."""
    return core.word in _RELATIVE_UNITS and core.before in _RELATIVE_WORDS


def _near_set(scan: _Scan, core: _Core) -> bool:
    """``every year``, ``a year``, ``every two years``, ``annually``."""
    word = core.before
    return (
        core.word == "annually" or word in _SET_WORDS or word in _COUNT_WORDS or word[:1].isdigit()
    )


def _near_duration_adjective(scan: _Scan, core: _Core) -> bool:
    """``two-day``: a hyphen just before the unit."""
    return scan.low[core.start - 1 : core.start] in ("-", "–")


def _near_vague_duration(scan: _Scan, core: _Core) -> bool:
    """``for years``: ``for`` before the unit."""
    return core.before == "for"


def _near_year_ago(scan: _Scan, core: _Core) -> bool:
    """``year-ago``: ``year`` and a hyphen."""
    return core.word == "year" and scan.low[core.end : core.end + 1] == "-"


#: The kinds of core word of each ``needs`` string, split once.
_KINDS: dict[str, tuple[str, ...]] = {
    needs: tuple(needs.split())
    for needs in (
        "number",
        "month",
        "unit",
        "quarter",
        "unit quarter",
        "half quarter",
        "same",
        "day",
        "weekday",
        "season",
    )
}

#: The rules, most specific first: on equal spans the earlier rule wins.
RULES: tuple[_Rule, ...] = (
    _Rule("iso date", ISO_DATE, "number", _resolve_iso_date, near=_near_iso, reach=(1, 12)),
    _Rule(
        "month day",
        MONTH_DAY_DATE,
        "month",
        _resolve_day_date,
        _accept_day_date,
        _near_day_after,
        reach=(20, 48),
    ),
    _Rule(
        "day month",
        DAY_MONTH_DATE,
        "month",
        _resolve_day_date,
        _accept_day_date,
        _near_day_before,
        reach=(36, 24),
    ),
    _Rule(
        "period to", PERIOD_TO, "month", _resolve_period_to, near=_near_period_to, reach=(48, 28)
    ),
    _Rule(
        "month range",
        MONTH_RANGE,
        "month",
        _resolve_month_range,
        _accept_month_range,
        _near_month_range,
    ),
    _Rule("first n", FIRST_N_PERIODS, "unit quarter", _resolve_first_n, near=_counted),
    _Rule("quarter", QUARTER, "quarter", _resolve_quarter, _accept_part),
    _Rule("half", HALF, "half quarter", _resolve_half, _accept_part),
    _Rule("same period", SAME_PERIOD, "same", _resolve_same_period, _accept_same_period),
    _Rule(
        "year-ago",
        YEAR_AGO_ADJECTIVE,
        "unit",
        _resolve_year_ago_adjective,
        near=_near_year_ago,
        reach=(1, 14),
    ),
    _Rule(
        "offset",
        OFFSET,
        "unit quarter",
        _resolve_offset,
        _accept_offset,
        _near_offset,
        reach=(48, 28),
    ),
    _Rule(
        "unit before",
        THE_UNIT_BEFORE,
        "unit quarter",
        _resolve_unit_before,
        _accept_clause_end,
        _near_unit_before,
    ),
    _Rule(
        "year range",
        YEAR_RANGE,
        "number",
        _resolve_year_range,
        _accept_year_range,
        _near_year_range,
        reach=(48, 40),
    ),
    _Rule("decade", DECADE, "number", _resolve_decade, _accept_decade, _near_decade, reach=(48, 8)),
    _Rule(
        "relative",
        RELATIVE,
        "unit quarter",
        _resolve_relative,
        _accept_relative,
        _near_relative,
        reach=(48, 12),
    ),
    _Rule("day word", DAY_WORD, "day", _resolve_day_word, _accept_day_word, reach=(14, 24)),
    _Rule(
        "weekday range",
        WEEKDAY_RANGE,
        "weekday",
        _resolve_weekday_range,
        _accept_weekday_range,
        _near_weekday_range,
    ),
    _Rule("weekday", WEEKDAY, "weekday", _resolve_weekday_match, _accept_weekday, reach=(14, 24)),
    _Rule("season", SEASON, "season", _resolve_season, _accept_season, reach=(40, 30)),
    _Rule("month", MONTH, "month", _resolve_month, _accept_month, reach=(40, 32)),
    _Rule("year", YEAR, "number", _resolve_year, _accept_year, reach=(48, 6)),
    _Rule("set", SET, "unit quarter", _resolve_set, _accept_set, _near_set, reach=(48, 12)),
    _Rule(
        "duration adjective",
        DURATION_ADJECTIVE,
        "unit quarter",
        _resolve_duration,
        near=_near_duration_adjective,
        reach=(20, 16),
    ),
    _Rule(
        "duration",
        DURATION,
        "unit quarter",
        _resolve_duration,
        _accept_duration,
        _counted,
        reach=(48, 12),
    ),
    _Rule(
        "vague duration",
        VAGUE_DURATION,
        "unit",
        _resolve_vague_duration,
        near=_near_vague_duration,
        reach=(1, 12),
    ),
)


# -- extraction -------------------------------------------------------------------


@attrs.frozen
class _Candidate:
    start: int
    end: int
    rank: int
    found: regex.Match[str]


def _is_word_char(ch: str) -> bool:
    """Return whether *ch* is a word character (for word boundaries)."""
    return ch.isalnum() or ch == "_"


def _candidates(doc: Document) -> list[_Candidate]:
    """Return every accepted rule match in the body, outside the headline and dateline.

    One pass finds the core words of the whole body (:func:`_scan`); each rule then
    runs only in the windows around the core words it needs (and its :data:`Near`
    test keeps), inside their paragraph.
    """
    bounds = [(p.span.start, p.span.end) for p in doc.paragraphs]
    if not bounds:
        return []
    text = doc.text
    scan = _scan(text, bounds[0][0], bounds[-1][1])
    if not scan.cores:
        return []
    blocked = [f.span for f in (doc.headline, doc.dateline) if f is not None]
    starts = [lo for lo, _ in bounds]
    found: list[_Candidate] = []
    by_needs: dict[str, list[_Core]] = {}  # rules that need the same kinds share the list
    for rank, rule in enumerate(RULES):
        cores = by_needs.get(rule.needs)
        if cores is None:
            cores = by_needs[rule.needs] = [c for k in rule.kinds for c in scan.cores.get(k, ())]
        if rule.near is not None:
            cores = [c for c in cores if rule.near(scan, c)]
        if not cores:
            continue
        offsets = sorted(c.start for c in cores)
        for start, end in _windows(offsets, bounds, starts, rule.reach):
            for hit in finditer(rule.pattern, scan.low, start, end):
                first, last = _trim(text, hit.start(), hit.end())
                if last <= first or any(b.start < last and first < b.end for b in blocked):
                    continue
                if rule.accept(hit, text):
                    found.append(_Candidate(start=first, end=last, rank=rank, found=hit))
    return found


def _windows(
    offsets: list[int],
    bounds: list[tuple[int, int]],
    starts: list[int],
    reach: tuple[int, int] = (_WINDOW, _WINDOW),
) -> list[tuple[int, int]]:
    """Return the merged windows around sorted *offsets* (*reach* characters before and
    after each), each inside the paragraph (*bounds*, whose starts are *starts*) of its
    offset."""
    ahead, behind = reach
    windows: list[tuple[int, int]] = []
    last_paragraph = -1
    for offset in offsets:
        i = bisect.bisect_right(starts, offset) - 1
        if i < 0 or offset >= bounds[i][1]:
            continue  # between paragraphs: a layout line
        lo, hi = bounds[i]
        start, end = max(lo, offset - ahead), min(hi, offset + behind)
        if windows and i == last_paragraph and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
        last_paragraph = i
    return windows


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Return ``[start, end)`` without surrounding white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """Keep the longest candidates that do not overlap (earlier rule on ties), in text order."""
    ordered = sorted(candidates, key=lambda c: (c.start - c.end, c.rank, c.start))
    starts: list[int] = []
    kept: list[_Candidate] = []
    for candidate in ordered:
        i = bisect.bisect_left(starts, candidate.end)
        if i > 0 and kept[i - 1].end > candidate.start:
            continue
        if i < len(kept) and kept[i].start < candidate.end:
            continue
        starts.insert(i, candidate.start)
        kept.insert(i, candidate)
    return kept


def extract(doc: Document) -> dict[str, Any]:
    """Return ``{"times": [TimeExpression, ...]}``: every time expression in the body.

    Values are resolved against :attr:`Document.anchor`; relative expressions get
    None when there is no anchor. Spans are tight: no preposition (``in July`` ->
    ``July``), the part and the year included (``the first half of this year``).
    """
    ctx = _Context(doc=doc, anchor=doc.anchor)
    times: list[TimeExpression] = []
    for candidate in _select(_candidates(doc)):
        rule = RULES[candidate.rank]
        resolved = rule.resolve(candidate.found, ctx)
        span = Span(start=candidate.start, end=candidate.end)
        times.append(
            TimeExpression(
                text=doc.text[span.start : span.end],
                span=span,
                value=resolved.value,
                kind=resolved.kind,
                modifier=resolved.modifier,
            )
        )
        if resolved.kind == "date" and resolved.value is not None and not resolved.anaphoric:
            ctx.reference = (resolved.value, candidate.start)
    return {"times": times}


def period_for(doc: Document, span: Span) -> TimeExpression | None:
    """Return the date expression that most likely gives the period of a fact at *span*.

    For extractors that run after this one (it reads ``doc.times``): the first
    date expression inside *span*; else the nearest one before *span* in its
    sentence, else the nearest after it in the sentence; else the last one
    before *span* in its paragraph (``Exports rose 5 pct in 1986. Imports fell
    2 pct.``: the imports are 1986 too). Durations, sets and unresolved
    expressions are skipped. None when there is none.
    """
    dates = [t for t in doc.times if t.kind == "date" and t.value is not None]
    inside = [t for t in dates if span.contains(t.span)]
    if inside:
        return inside[0]
    sentence = doc.sentence_at(span.start)
    if sentence is not None:
        before = [t for t in dates if sentence.start <= t.span.start and t.span.end <= span.start]
        if before:
            return before[-1]
        after = [t for t in dates if span.end <= t.span.start and t.span.end <= sentence.end]
        if after:
            return after[0]
    paragraph = doc.paragraph_at(span.start)
    start = paragraph.span.start if paragraph is not None else 0
    earlier = [t for t in dates if start <= t.span.start and t.span.end <= span.start]
    return earlier[-1] if earlier else None
