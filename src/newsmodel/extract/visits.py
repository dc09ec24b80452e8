"""Visits: official travel by a named person or delegation to another country.

Each sentence of the body is read for the forms a trip takes in news copy:

* a travel verb with its destination (``will visit Tokyo``, ``arrived in Beijing``,
  ``leaves for Washington``, ``went to Saudi Arabia``, ``visited in 1967``);
* a trip noun (``Putin's two-day trip to Kyrgyzstan``, ``a three-day visit to
  Jakarta``, ``begins a four-day state visit``);
* a meeting with foreign officials (``is meeting British officials``, ``met his EU
  counterparts in Luxembourg``);
* a person placed abroad (``Okafor, in Chile for talks``, ``Lee's stand in
  Paris``, ``talks ... in Beijing``, ``a speech ... here``, ``a summit in Geneva
  between Smith and Swiss President Keller``);
* a guest: ``visiting Minister X``, or ``the visiting French official`` after a name.

Each reading is a candidate (visitor, host country, status ...). A trip inside
the visitor's own country is dropped: the visitor's nationality comes from their
title (``Russian President``), a national body (``Bundesbank President``), ``King X
of Y``, or else the article's home country (its dateline, or the country it names
most). Candidates of the same visitor and host are one trip: its span is the
clearest statement, the others are its ``mentions``.

Names come from :mod:`newsmodel.extract.people`; countries from :mod:`newsmodel.geo`;
dates from the time expressions of the times extractor (``doc.times_in``).
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from importlib import resources
from typing import Any, Final

import attrs
import regex

from newsmodel import geo
from newsmodel.document import Document
from newsmodel.extract import people
from newsmodel.extract.numbers import has_start, times_within, word_starts
from newsmodel.model import Span, Visit, VisitStatus
from newsmodel.text import alternation, finditer, finditer_at, match, search

__all__ = ["Lexicon", "extract", "lexicon"]


# -- lexicon ----------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Lexicon:
    """The word lists of ``data/visits.json``."""

    national_bodies: dict[str, str | None]
    """Institutions that give their officials a nationality (``bundesbank`` -> ``DE``)."""
    roles: frozenset[str]
    """Nouns for officials (``leader``, ``official``, ``delegation``)."""
    event_nouns: tuple[str, ...]
    """Events that place a person somewhere (``talks``, ``speech``)."""
    meet_verbs: tuple[str, ...]
    """Verbs of meeting (``met``, ``held talks``)."""
    future_cues: tuple[str, ...]
    """Words that put a trip in the future (``will``, ``is due to``)."""
    past_verbs: tuple[str, ...]
    """Past-tense verbs that close a trip (``visited``, ``went``)."""
    ongoing_cues: tuple[str, ...]
    """Words that place the visitor there now (``is visiting``, ``arrived``)."""
    completed_cues: tuple[str, ...]
    """Words that end a trip (``returned from``, ``wrapped up``)."""
    delegation_modifiers: tuple[str, ...]
    """Words between a demonym and ``delegation`` (``trade``, ``high-level``)."""


def _data() -> dict[str, Any]:
    """Read ``data/visits.json`` (once, at import: the patterns below are built from it)."""
    raw: dict[str, Any] = json.loads(
        resources.files("newsmodel").joinpath("data/visits.json").read_text("utf-8")
    )
    return raw


_LEX: Final = _data()


@cache
def lexicon() -> Lexicon:
    """Return the word lists of ``data/visits.json``, case-folded where matched so."""
    data = _LEX
    return Lexicon(
        national_bodies={k.casefold(): v for k, v in data["national_bodies"].items()},
        roles=frozenset(w.casefold() for w in data["roles"]),
        event_nouns=tuple(data["event_nouns"]),
        meet_verbs=tuple(data["meet_verbs"]),
        future_cues=tuple(data["future_cues"]),
        past_verbs=tuple(data["past_verbs"]),
        ongoing_cues=tuple(data["ongoing_cues"]),
        completed_cues=tuple(data["completed_cues"]),
        delegation_modifiers=tuple(data["delegation_modifiers"]),
    )


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of *words*, case-folded (see :func:`newsmodel.text.alternation`)."""
    return alternation(w.casefold() for w in words)


# -- patterns ---------------------------------------------------------------------

# A word of travel: the verb or noun a trip is told with.
TRAVEL_WORD: Final = regex.compile(
    r"""
    (?<![\p{L}\-])
    (?:
      (?P<visit>visit(?:s|ed|ing)?|tour(?:s|ed|ing)?)      # visit China, visited in 1967
      |(?P<trip>trip|trips|journey)                         # his first foreign trip
      |(?P<move>(?:travel(?:s|led|ed|ling|ing)?|go|goes|going|went|gone
          |fly|flies|flew|flown|flying|head(?:s|ed|ing)?)
          \s{1,3}(?:on\s{1,3})?to)                           # travel to, went to, fly on to
      |(?P<arrive>arriv(?:e|es|ed|ing)\s{1,3}(?:in|at))      # arrived in Beijing
      |(?P<leave>(?:leave|leaves|leaving|left|depart(?:s|ed|ing)?)
          \s{1,3}for)                                       # leaves for Washington
      |(?P<back>(?:return(?:s|ed|ing)?|back)\s{1,3}from)      # returned from Moscow
    )
    (?![\p{L}])
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# Words before "visit" or "tour" that make it a noun: determiners, possessives,
# adjectives of trips, "N-day".
NOUN_CONTEXT: Final = regex.compile(
    r"""
    (?:
      (?:^|\s)(?P<det>a|an|the|his|her|their|its|this|that|several|two|three|first|second
        |last|next|recent|previous|official|state|working|private|brief|planned|upcoming
        |historic|foreign|overseas|return|surprise|rare|such|whose|of|during|on)
      |(?P<days>-day)
      |(?P<possessive>['’]s?)
    )
    \s{0,3}$
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# The length of a trip: "two-day", "four-day", "10-day".
DURATION: Final = regex.compile(
    r"""
    (?<![\p{L}\d])
    (?P<count>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve
      |thirteen|fourteen|fifteen)                           # how many
    [\-\s]day                                               # -day
    (?![\p{L}])
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# What may stand between a travel word and its destination ("to the", "of").
DESTINATION_GAP: Final = regex.compile(
    r"""
    [\s,]{0,3}                                              # white space
    (?:(?:later|earlier|next|this|last|on|in)\s{1,3}         # a time between: "later
      (?:[\p{L}\d]{1,10}\s{1,3}){1,2}(?=to\s))?                # this month to Moscow"
    (?:(?:to|of|in|for|from|at)\s{1,3})?                    # a preposition
    (?:the\s{1,3})?                                         # an article
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# Why the trip is made: "for the third Belt and Road Forum", "to attend a summit",
# "for talks on ...", up to the next "in <Place>", clause mark or time word.
PURPOSE: Final = regex.compile(
    r"""
    (?P<purpose>
      (?:for|to\s{1,3}(?:attend|take\s{1,3}part\s{1,3}in|join|discuss|hold|sign|meet
          |negotiate|renegotiate|try\s{1,3}to|press|seek|open|mark|address|cut|convince
          |explore|boost|promote|strengthen))              # the head: for / to attend
      (?:\s{1,3}(?!in\s|on\s(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)
          |next\s|this\s|last\s|from\s|and\s(?:will|is|was)|which\s|where\s|that\s
          |tomorrow|today|yesterday)
         [\p{L}\d'’\-]{1,30}){1,10}                          # its words, up to ten
    )
    """,
    regex.VERBOSE,
)

# A delegation as visitor: "a US trade delegation", "A special Taiwanese trade delegation".
DELEGATION: Final = regex.compile(
    r"""
    (?P<np>
      (?P<nation>[\p{Lu}][\p{L}.]{1,20}(?:\s[\p{Lu}][\p{L}.]{1,20})?)   # US, Taiwanese
      \s{1,3}
      (?:(?:"""
    + _alternation(_LEX["delegation_modifiers"])
    + r""")\s{1,3}){0,2}                                    # trade, high-level
      (?:delegation|mission)                                # the head
    )
    (?![\p{L}])
    """,
    regex.VERBOSE,
)

# Pronouns and definite descriptions that stand for a visitor: "he", "his", "the
# Russian leader", "the king".
REFERRING: Final = regex.compile(
    r"""
    (?<![\p{L}])
    (?:
      (?P<pronoun>he|she|his|her)                           # a pronoun
      |(?P<description>(?:the|The)\s{1,3}
         (?:(?-i:[\p{Lu}])[\p{L}]{2,20}\s{1,3})?                  # a demonym: Russian
         (?:"""
    + _alternation(_LEX["roles"])
    + r"""))                                                # a role: leader, king
    )
    (?![\p{L}])
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

#: Word beginnings one of which every :data:`TRAVEL_WORD` match holds (a cheap first
#: test, see :func:`~newsmodel.extract.numbers.word_starts`).
TRAVEL_STEMS: Final = tuple(_LEX["travel_stems"])

#: Word beginnings one of which every :data:`MEET` match holds (``met``, ``meeting``, ``talks``).
MEET_STEMS: Final = ("meet", "met", "talks")

#: The word every :data:`VISITING` match holds.
VISITING_STEMS: Final = ("visiting",)

# The separator between listed destinations: ", " or " and " or ", and ".
LIST_SEPARATOR: Final = regex.compile(
    r"""
    (?:\s{0,2},\s{1,3}(?:and\s{1,3})?                       # a comma, maybe "and"
      |\s{1,3}and\s{1,3})                                 # or "and" alone
    """,
    regex.VERBOSE,
)

# A meeting: "met", "is meeting", "held talks with".
MEET: Final = regex.compile(
    r"""
    (?<![\p{L}])
    (?P<verb>"""
    + _alternation(_LEX["meet_verbs"])
    + r""")                                                 # the verb
    (?![\p{L}])
    (?P<with>\s{1,3}with)?                                  # with
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# A person placed abroad by an apposition: ", in New Zealand for talks".
LOCATIVE_APPOSITIVE: Final = regex.compile(
    r"""
    [,\s]{1,3}                                              # the comma after the name
    (?:who\s{1,3}(?:is|was)\s{1,3})?(?:now\s{1,3})?         # who is
    in\s{1,3}
    (?P<place>[\p{Lu}][\p{L}.'’\-]{1,30}(?:\s{1,3}[\p{Lu}][\p{L}.'’\-]{1,30}){0,3})  # the place
    [\s,]{1,3}
    (?P<why>for|to)\s                                       # and why he is there
    """,
    regex.VERBOSE,
)

# What every LOCATIVE_APPOSITIVE holds, wherever it stands: "in New Zealand for".
LOCATIVE_TAIL: Final = regex.compile(
    r"""
    (?<![\p{L}])in\s{1,3}
    [\p{Lu}][\p{L}.'’\-]{1,30}(?:\s{1,3}[\p{Lu}][\p{L}.'’\-]{1,30}){0,3}  # the place
    [\s,]{1,3}(?:for|to)\s                                  # and why he is there
    """,
    regex.VERBOSE,
)

# An event placed in a city or country: "talks ... in Beijing", "stand in Washington".
EVENT_IN_PLACE: Final = regex.compile(
    r"""
    (?<![\p{L}])
    (?P<event>"""
    + _alternation(_LEX["event_nouns"])
    + r""")                                                 # the event
    (?![\p{L}])
    (?P<between>[^.;:"“”]{0,60}?)                           # words between
    (?<![\p{L}])in\s{1,3}
    (?P<place>(?-i:[\p{Lu}])[\p{L}.'’\-]{1,30}                # the place: Beijing
      (?:\s{1,3}(?-i:[\p{Lu}])[\p{L}.'’\-]{1,30}){0,2})        # New Zealand
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# An event in the dateline city: "In a speech ... here", "told a news conference here".
EVENT_HERE: Final = regex.compile(
    r"""
    (?<![\p{L}])
    (?P<event>speech|address|(?:press|news)\s{1,3}conference|briefing|told)  # the event
    (?![\p{L}])
    [^.;:"“”]{0,80}?                                        # its audience
    (?<![\p{L}])here(?![\p{L}])                             # here
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# "the visiting French official" (a person named before), "visiting Prime Minister X".
VISITING: Final = regex.compile(
    r"""
    (?<![\p{L}])
    (?:
      (?P<article>the|a)\s{1,3}visiting\s{1,3}              # the visiting
      (?P<nation>(?-i:[\p{Lu}])[\p{L}.]{1,20}\s{1,3})?            # French
      (?P<role>"""
    + _alternation(_LEX["roles"])
    + r""")                                                 # official
      (?![\p{L}])
      |visiting(?=\s{1,3}(?-i:[\p{Lu}]))                          # or: visiting Minister X
    )
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# A second visitor in a gapped clause: "... visited in 1972 and King Omar in 1984".
GAPPED: Final = regex.compile(
    r"""
    \s{1,3}in\s{1,3}(?P<year>(?:1[89]|20)\d\d)              # in 1981
    (?![\p{N}])
    """,
    regex.VERBOSE,
)

# Words that put the text around a trip in time, when no time expression is known.
FUTURE_CUE: Final = regex.compile(
    r"""
    (?<![\p{L}'’])
    (?P<cue>"""
    + _alternation(_LEX["future_cues"])
    + r"""
      |tomorrow|next\s{1,3}(?:week|month|year|Monday|Tuesday|Wednesday|Thursday|Friday
        |Saturday|Sunday)|later\s{1,3}this\s{1,3}(?:week|month|year)|coming\s{1,3}(?:days|weeks)
    )
    (?![\p{L}])
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

PAST_CUE: Final = regex.compile(
    r"""
    (?<![\p{L}])
    (?P<cue>"""
    + _alternation(_LEX["past_verbs"])
    + r"""
      |yesterday|last\s{1,3}(?:week|month|year)|ago|earlier\s{1,3}this\s{1,3}(?:week|month|year)
      |in\s{1,3}(?:1[89]|20)\d\d
    )
    (?![\p{L}])
    """,
    regex.VERBOSE | regex.IGNORECASE,
)


def _cue_pattern(words: Iterable[str]) -> regex.Pattern[str]:
    """A pattern for any of *words* as whole words, in any case (group ``cue``)."""
    return regex.compile(
        r"(?<![\p{L}])(?P<cue>" + _alternation(words) + r")(?![\p{L}])",
        regex.VERBOSE | regex.IGNORECASE,
    )


# Words that tell a trip is under way ("is visiting", "arrived") or over ("wrapped up").
ONGOING_CUE: Final = _cue_pattern(_LEX["ongoing_cues"])
COMPLETED_CUE: Final = _cue_pattern(_LEX["completed_cues"])

# A time still to come: "tomorrow", "next week", "later this month", "the coming days".
FUTURE_TIME: Final = regex.compile(
    r"""
    (?<![\p{L}])
    (?:tomorrow
      |next\s{1,3}(?:week|month|year|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)
      |later\s{1,3}this\s{1,3}(?:week|month|year)
      |coming\s{1,3}(?:days|weeks|months))
    (?![\p{L}])
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# A past event older than the news day ("earlier this month", "last year", "in 1967").
OLD_PAST: Final = regex.compile(
    r"""
    (?<![\p{L}])
    (?:last\s{1,3}(?:month|year)|ago|earlier\s{1,3}this\s{1,3}(?:month|year)
      |in\s{1,3}(?:1[89]|20)\d\d|in\s{1,3}(?:January|February|March|April|May|June|July
        |August|September|October|November|December))
    (?![\p{L}])
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# A past day close to the news day: "yesterday", "last week".
RECENT_PAST: Final = regex.compile(
    r"""
    (?<![\p{L}])
    (?:yesterday|last\s{1,3}(?:night|week)|earlier\s{1,3}this\s{1,3}week)
    (?![\p{L}])
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# A part of the current period still to come: "later this month", "the coming week".
LATER: Final = regex.compile(
    r"""
    (?<![\p{L}])(?:later|coming|rest\s{1,3}of|remainder\s{1,3}of)(?![\p{L}])  # later
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# Verbs that start or end a trip on a date: "begins ... on Tuesday", "culminate ... on Friday".
TRIP_BOUNDARY: Final = regex.compile(
    r"""
    (?<![\p{L}])
    (?:(?P<start>begin|begins|began|start|starts|started|arrive|arrives|arrived|opens)
      |(?P<end>culminate|culminates|end|ends|ended|conclude|concludes|concluded
        |wrap|wraps|wrapped|close|closes|closed))
    (?![\p{L}])
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# A present-tense verb that announces a dated trip ("begins a state visit on Tuesday").
PRESENT_ANNOUNCE: Final = regex.compile(
    r"""
    (?<![\p{L}])
    (?:begins|starts|opens|leaves|visits|arrives|travels|goes|heads|pays|makes)
    (?![\p{L}])
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# A weekday, read when the times extractor has not resolved one.
WEEKDAY: Final = regex.compile(
    r"""
    (?<![\p{L}])
    (?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)
    (?![\p{L}])
    """,
    regex.VERBOSE,
)

# A title line at the top, read while the layout extractor gives none: short, not
# indented, not ending a sentence, followed by blank lines ("| 25 June 2024 |",
# "U.S. OFFICIAL TO VISIT JAPAN").
HEADER_LINE: Final = regex.compile(
    r"""
    (?:[ \t]{0,8}\n){0,4}                                    # blank lines before
    (?P<line>[^\s][^\n]{0,118})                             # the line, not indented
    \n                                                      # its end
    """,
    regex.VERBOSE,
)

# A dateline at the head of the body, read while the layout extractor gives none:
# "WASHINGTON, March 31 -", "TAUPO, New Zealand, March 24 -", "Rio de Janeiro, Feb. 1 (Xinhua) --".
DATELINE_FALLBACK: Final = regex.compile(
    r"""
    ^[ \t]{0,8}
    (?P<place>[\p{Lu}][\p{L}.'’\-]{1,30}(?:[ ][\p{L}.'’\-]{2,30}){0,3})   # the city
    (?:,[ ](?P<region>[\p{Lu}][\p{L}.]{1,20}(?:[ ][\p{Lu}][\p{L}.]{1,20}){0,2}))?  # region
    ,[ ]
    (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[\p{L}]{0,6}\.?   # month
    [ ]\d{1,2}                                              # day
    """,
    regex.VERBOSE | regex.MULTILINE,
)

# Where the words that qualify a title stop, reading backwards from it.
CLAUSE_BREAK: Final = regex.compile(
    r"""
    [,;:()\"“”]                                             # punctuation
    |\.\s                                                   # the end of a sentence
    |\n\s{0,8}\n                                            # a paragraph break
    |\s(?:said|says|told|and|with|to|by|as)\s                # a verb or conjunction
    """,
    regex.VERBOSE,
)

# A national body in a title: "Bundesbank President", "White House spokesman".
NATIONAL_BODY: Final = regex.compile(
    r"""
    (?<![\p{L}])
    (?P<body>"""
    + _alternation(_LEX["national_bodies"])
    + r""")                                                 # the body
    (?![\p{L}])
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# "King Omar of Jordan": the country after a name.
OF_COUNTRY: Final = regex.compile(
    r"""
    \s{1,3}of\s{1,3}
    (?P<place>[\p{Lu}][\p{L}]{1,20}(?:\s[\p{Lu}][\p{L}]{1,20}){0,2})  # the country
    """,
    regex.VERBOSE,
)

# "by <agent>" after a trip noun: "visits to Peru by Dutch officials".
BY_AGENT: Final = regex.compile(
    r"""
    [ \t\n]{1,3}by[ \t\n]{1,3}                              # by
    (?:the[ \t\n]{1,3})?                                    # the
    """,
    regex.VERBOSE,
)

# "of" after a trip noun, before its visitor: "the visit of French Foreign Minister X".
OF_AGENT: Final = regex.compile(
    r"""
    [ \t\n]{1,3}of[ \t\n]{1,3}                              # of
    """,
    regex.VERBOSE,
)

# A verb that opens a reported clause with a subject of its own: "X said a mission
# would visit".
SAID: Final = regex.compile(
    r"""
    (?<![\p{L}])(?:said|says|added|noted|stressed|insisted|announced)(?![\p{L}])  # said
    """,
    regex.VERBOSE,
)

# A trip noun that stands for a visit to the dateline country without naming it:
# "begins a four-day state visit", "an official visit".
STATE_VISIT: Final = regex.compile(
    r"""
    (?<![\p{L}])
    (?:state|official|working|\d{1,2}-day|(?:one|two|three|four|five|six|seven|eight|nine|ten)-day)
    \s{1,3}(?:[\p{L}]{1,12}\s{1,3})?                        # an adjective between
    (?:visit|visits|tour|tours|trip)                        # the noun
    (?![\p{L}])
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# "visited" without an object: the next words are a time or the clause ends.
NO_OBJECT: Final = regex.compile(
    r"""
    \s{0,3}
    (?:[.,;]|$|(?:in|on|last|this|earlier|twice|once|before|since|and)(?![\p{L}]))
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# What stands between a gapped clause and its second subject: " in 1967 and ".
GAP_AND: Final = regex.compile(
    r"""
    [^.;]{0,30}                                             # the first clause's time
    (?<![\p{L}])and\s{1,3}                                  # and
    (?:[\p{Lu}][\p{L}.]{1,15}\s{1,3}){0,3}$                   # the second subject's title
    """,
    regex.VERBOSE,
)

# The end of a clause after a verb: a comma, semicolon or relative pronoun.
CLAUSE_END: Final = regex.compile(
    r"""
    [,;:]                                                   # punctuation
    |(?<![\p{L}])(?:who|which|that|where|to\s{1,3}[\p{Ll}]{2,20})(?![\p{L}])  # a new clause
    """,
    regex.VERBOSE,
)

# A relative or reported clause between a subject and a verb that is not its own.
RELATIVE: Final = regex.compile(
    r"""
    (?<![\p{L}])(?:who|whom|which|whose)(?![\p{L}])       # a relative pronoun
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# An official met: "officials", "his EU counterparts", "the Kyrgyz President".
ROLE: Final = regex.compile(
    r"""
    (?<![\p{L}])
    (?P<role>"""
    + _alternation(_LEX["roles"])
    + r""")                                                 # the role
    (?![\p{L}])
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# Quoted speech: an opening mark, words that may wrap lines but not paragraphs, a close.
QUOTED: Final = regex.compile(
    r"""
    (?:["“]|'')                                             # the opening mark
    (?:[^"“”\n]|\n(?![ \t]{0,8}\n|[ \t]{3})){1,2000}?        # the words, in one paragraph
    (?:["”]|'')                                             # the closing mark
    """,
    regex.VERBOSE,
)

# A hint that a sentence places someone: "in" before a capitalised word, or "here".
PLACED_HINT: Final = regex.compile(
    r"""
    (?<![\p{L}])
    (?:in\s{1,3}[\p{Lu}]                                     # in Beijing
      |here(?![\p{L}]))                                     # here
    """,
    regex.VERBOSE,
)

# Title words between "by" and a name: "by German Chancellor ".
TITLE_GAP: Final = regex.compile(
    r"""
    (?:(?:[\p{Lu}][\p{L}.'’\-]{0,20}|of|the)\s{1,3}){0,6}     # capitalised title words
    $
    """,
    regex.VERBOSE,
)

# "and" inside a title run: where another person's title ends.
TITLE_AND: Final = regex.compile(
    r"""
    \s{1,3}and\s{1,3}                                       # and
    """,
    regex.VERBOSE,
)

# Two coordinated subjects: " and Princess ".
COORDINATION: Final = regex.compile(
    r"""
    \s{1,3}and\s{1,3}                                       # and
    (?:[\p{Lu}][\p{L}.]{1,15}\s{1,3}){0,3}                  # the second one's title
    $
    """,
    regex.VERBOSE,
)

# The two sides of a meeting: "summit meeting in Ottawa between".
BETWEEN: Final = regex.compile(
    r"""
    (?<![\p{L}])
    (?:summit|meeting|meetings|talks)                       # the event
    (?:\s{1,3}[\p{L}\-]{1,20}){0,6}?                          # when and where
    \s{1,3}between\s{1,3}                                     # between
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# A verb of saying: what follows it is reported speech, whose tense is not the trip's.
SPEECH_VERB: Final = regex.compile(
    r"""
    (?<![\p{L}])
    (?:said|says|told|added|warned|noted|stressed|insisted)  # the verb
    (?![\p{L}])
    """,
    regex.VERBOSE,
)

# "it" before "comes to": the idiom "when it comes to", no travel.
IDIOM_BEFORE: Final = regex.compile(
    r"""
    (?<![\p{L}])it\s{1,3}$                                  # it
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# "in <Place>": the place of a meeting or event.
IN_PLACE: Final = regex.compile(
    r"""
    (?<![\p{L}])in\s{1,3}                                   # in
    (?P<place>[\p{Lu}][\p{L}.'’\-]{1,30}(?:\s{1,3}[\p{Lu}][\p{L}.'’\-]{1,30}){0,2})  # the place
    """,
    regex.VERBOSE,
)

#: Month and weekday names that geonames also lists as towns.
_CALENDAR_WORDS: Final = frozenset(
    "january february march april may june july august september october november december"
    " monday tuesday wednesday thursday friday saturday sunday".split()
)
_WEEKDAYS: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NUMBERS: Final = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15,
}  # fmt: skip
_INTERNATIONAL: Final = "international"
_PLACE_KINDS: Final = frozenset({"country", "capital", "city"})


# -- values -----------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class _Actor:
    """Someone who may be the visitor, as the sentence names them."""

    span: Span
    name: str
    stated: str | None
    """The nationality the article states, when :attr:`explicit`."""
    explicit: bool
    """Whether the nationality is stated (title, ``of Y``) rather than assumed."""
    kind: str
    """``person``, ``delegation``, ``pronoun`` or ``description``."""
    home: Callable[[], str | None] = attrs.field(eq=False, repr=False)
    """The article's home country, assumed when none is stated (found only if asked)."""

    @property
    def nationality(self) -> str | None:
        """ISO code, ``"international"`` for blocs and world bodies, or None."""
        return self.stated if self.explicit else self.home()


@attrs.frozen(kw_only=True)
class _Candidate:
    """One reading of a trip in one sentence."""

    span: Span
    visitor: _Actor
    country: str
    destination: str | None
    place: str | None
    status: VisitStatus | None
    strength: int
    """3 for a travel word with its destination, 2 for other readings, 1 for a mention."""
    duration: int | None = None
    purpose: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None


@dataclasses.dataclass(kw_only=True)
class _Context:
    """What every rule needs to know about the document; costly parts read on demand."""

    doc: Document
    dateline_country: str | None
    dateline_place: str | None
    anchor: dt.date | None
    meet_starts: list[int] | None
    visiting_starts: list[int] | None
    """Where words of :data:`MEET_STEMS` and :data:`VISITING_STEMS` begin."""
    travel_word_starts: list[int] | None
    """Where a :data:`TRAVEL_WORD` may begin (see :func:`_travel_word_starts`)."""
    nationality: dict[str, str | None] = dataclasses.field(default_factory=dict)
    """Nationalities the article states, read so far (None: it states none)."""
    _home: list[str | None] = dataclasses.field(default_factory=list)
    _quoted: list[list[tuple[int, int]]] = dataclasses.field(default_factory=list)
    _by_nationality: dict[str, tuple[list[int], list[people.Person]]] = dataclasses.field(
        default_factory=dict
    )
    """Per stated nationality, the starts of its persons' mentions and the persons
    (built on first use, in one pass over the mentions)."""
    _index: list[people.PersonIndex] = dataclasses.field(default_factory=list)
    _people: list[tuple[list[int], dict[str, list[people.PersonMention]]]] = dataclasses.field(
        default_factory=list
    )

    @property
    def index(self) -> people.PersonIndex:
        """The article's person index, built on first use: an article where no rule
        looks for a traveller is never read for names here."""
        if not self._index:
            self._index.append(people.index(self.doc))
        return self._index[0]

    @property
    def mention_starts(self) -> list[int]:
        """Where each resolved person mention starts, in order (found on first use)."""
        return self._mentions()[0]

    @property
    def by_person(self) -> dict[str, list[people.PersonMention]]:
        """Each person's mentions, by name (found on first use)."""
        return self._mentions()[1]

    def _mentions(self) -> tuple[list[int], dict[str, list[people.PersonMention]]]:
        if not self._people:
            index = self.index
            by_person: dict[str, list[people.PersonMention]] = {}
            for mention in index.mentions:
                person = index.person_at(mention.span.start)
                if person is not None:
                    by_person.setdefault(person.name, []).append(mention)
            self._people.append(([m.span.start for m in index.mentions], by_person))
        return self._people[0]

    @property
    def home(self) -> str | None:
        """The article's home country: the dateline's, else the one it names most."""
        if not self._home:
            self._home.append(self.dateline_country or _most_named_country(self.doc))
        return self._home[0]

    def stated_nationality(self, name: str) -> str | None:
        """Return the nationality the article states for a person, or None."""
        if name not in self.nationality:
            found = None
            for mention in self.by_person.get(name, ()):
                found = _mention_nationality(self.doc.text, mention)
                if found is not None:
                    break
            self.nationality[name] = found
        return self.nationality[name]

    def latest_of_nationality(self, code: str, offset: int) -> people.Person | None:
        """Return the person of stated nationality *code* mentioned last before *offset*."""
        if not self._by_nationality:
            self._by_nationality[""] = ([], [])  # built, even when no one has a nationality
            for mention in self.index.mentions:
                person = self.index.person_at(mention.span.start)
                stated = self.stated_nationality(person.name) if person is not None else None
                if person is not None and stated is not None:
                    starts, persons = self._by_nationality.setdefault(stated, ([], []))
                    starts.append(mention.span.start)
                    persons.append(person)
        starts, persons = self._by_nationality.get(code, ([], []))
        i = bisect.bisect_left(starts, offset)
        return persons[i - 1] if i > 0 else None

    @property
    def quoted(self) -> list[tuple[int, int]]:
        """Stretches of quoted speech, in order (found on first use)."""
        if not self._quoted:
            self._quoted.append([(m.start(), m.end()) for m in finditer(QUOTED, self.doc.text)])
        return self._quoted[0]

    def in_quote(self, offset: int) -> bool:
        """Return whether *offset* lies inside quoted speech."""
        i = bisect.bisect_right(self.quoted, (offset, len(self.doc.text))) - 1
        return i >= 0 and self.quoted[i][0] < offset < self.quoted[i][1]


# -- entry point --------------------------------------------------------------------


def extract(doc: Document) -> dict[str, Any]:
    """Return ``{"visits": [Visit, ...]}``: each trip once, at its clearest statement.

    Args:
        doc: the document, after the layout and times extractors have run.

    Returns:
        The ``visits`` field, ordered by span.
    """
    ctx = _context(doc)
    candidates: list[_Candidate] = []
    body = _body_start(doc)
    for sentence in doc.sentences():
        if sentence.end <= body:
            continue
        start = max(sentence.start, body)
        while start < sentence.end and doc.text[start].isspace():
            start += 1
        for span in _windows(doc.text, start, sentence.end):
            candidates.extend(_read_sentence(ctx, span))
    return {"visits": _merge(ctx, candidates)}


#: The longest stretch read as one sentence; a longer "sentence" (a list, hostile
#: input) is read in pieces so that the work per sentence stays bounded.
_MAX_SENTENCE: Final = 1000


def _windows(text: str, start: int, end: int) -> Iterator[Span]:
    """Yield the sentence ``[start, end)``, cut at white space into bounded pieces."""
    while end - start > _MAX_SENTENCE:
        cut = text.rfind(" ", start + _MAX_SENTENCE // 2, start + _MAX_SENTENCE)
        cut = cut if cut > start else start + _MAX_SENTENCE
        yield Span(start=start, end=cut)
        start = cut + 1
    if end > start:
        yield Span(start=start, end=end)


def _body_start(doc: Document) -> int:
    """Offset of the body: after the headline line when layout has not run."""
    if "paragraphs" in doc.fields:
        return doc.body_start
    offset = 0
    for _ in range(3):
        found = match(HEADER_LINE, doc.text, offset)
        if found is None:
            break
        line = found.group("line").rstrip()
        if line.endswith((".", "!", "?", '"', "”")) and not line.isupper():
            break
        offset = found.end()
    return offset


# -- context ----------------------------------------------------------------------


def _context(doc: Document) -> _Context:
    """Gather the dateline, home country, anchor date and people of *doc*."""
    place, country = _dateline(doc)
    return _Context(
        doc=doc,
        dateline_country=country,
        dateline_place=place,
        anchor=doc.anchor,
        meet_starts=word_starts(doc, MEET_STEMS),
        visiting_starts=word_starts(doc, VISITING_STEMS),
        travel_word_starts=_travel_word_starts(doc),
    )


def _travel_word_starts(doc: Document) -> list[int] | None:
    """Where a :data:`TRAVEL_WORD` may begin: a travel stem (the pattern ignores case,
    the stems are found in the lower-cased text), not after a letter or a hyphen.

    None (try every offset) when lower-casing is not what the pattern's case folding
    does: ``ſ`` folds to ``s`` but stays ``ſ`` in lower case.
    """
    text = doc.text
    found = word_starts(doc, TRAVEL_STEMS, inside=True)
    if found is None or "ſ" in text:
        return None
    return [i for i in found if i == 0 or not (text[i - 1].isalpha() or text[i - 1] == "-")]


def _dateline(doc: Document) -> tuple[str | None, str | None]:
    """Return the dateline's place and country (read here while layout gives none)."""
    dateline = doc.dateline
    if dateline is not None:
        return dateline.place, dateline.country
    if "dateline" in doc.fields:
        return None, None
    start = _body_start(doc)
    found = search(DATELINE_FALLBACK, doc.text, start, min(len(doc.text), start + 200))
    if found is None or doc.text[start : found.start()].strip():
        return None, None
    place = found.group("place").strip()
    region = found.group("region")
    code = geo.place_country(f"{place}, {region}" if region else place)
    return (place.title() if place.isupper() else place), code


def _most_named_country(doc: Document) -> str | None:
    """Return the country the body names most often, when one clearly leads."""
    counts: Counter[str] = Counter()
    for found in geo.find_places(doc.text, _body_start(doc)):
        if found.code and found.kind in ("country", "demonym", "capital"):
            counts[found.code] += 1
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 3 or (len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]):
        return None
    return ranked[0][0]


def _mention_nationality(text: str, mention: people.PersonMention) -> str | None:
    """Read a nationality from a mention's title, the words before it and ``of Y`` after.

    Returns:
        The ISO code, ``"international"`` for a bloc or world body, or None.
    """
    if mention.title is not None or mention.honorific is not None:
        title_start = mention.span.start
        # "Canadian Prime Minister Anne Roy and President": only the last title is theirs
        for joined in finditer(TITLE_AND, text, title_start, mention.name_span.start):
            title_start = joined.end()
        found = _title_nationality(text, title_start, mention.name_span.start)
        if found is not None:
            return found
    after = match(OF_COUNTRY, text, mention.name_span.end)
    return geo.country_code(after.group("place")) if after is not None else None


def _title_nationality(text: str, title_start: int, name_start: int) -> str | None:
    """Read a nationality from the title before a name and the words touching it.

    ``US Secretary``, ``Korean trade minister``, ``Bundesbank President``, ``World Bank
    President`` (international).
    """
    lo = max(0, title_start - 30)
    for found in finditer(CLAUSE_BREAK, text, lo, title_start):
        lo = found.end()
    for body in finditer(NATIONAL_BODY, text, lo, name_start):
        code = lexicon().national_bodies.get(" ".join(body.group("body").casefold().split()))
        return code or _INTERNATIONAL
    # a place before the title counts only when it touches it: "US Undersecretary",
    # "Britain's Prince", not "a summit in Ottawa between President"
    places = [
        p
        for p in geo.find_places(text, lo, name_start)
        if p.span.start >= title_start or text[p.span.end : title_start].strip() in ("", "'s", "’s")
    ]
    if places:
        return places[-1].code or _INTERNATIONAL
    return None


# -- actors -----------------------------------------------------------------------


def _nationality(ctx: _Context, name: str) -> tuple[str | None, bool]:
    """Return the nationality the article states for a person, and whether it states one.

    When it states none, the actor's nationality is the article's home country,
    which :class:`_Actor` looks up only when a reading needs it.
    """
    stated = ctx.stated_nationality(name)
    return stated, stated is not None


def _home_of(ctx: _Context) -> Callable[[], str | None]:
    return lambda: ctx.home


def _person_name(person: people.Person) -> str:
    """Return the name to report: a lone royal name keeps its title (``King Omar``)."""
    title = (person.title or "").split()
    if " " not in person.name and title and title[-1] in ("King", "Queen", "Prince", "Princess"):
        return f"{title[-1]} {person.name}"
    return person.name


def _actors(ctx: _Context, span: Span) -> list[_Actor]:
    """Return everyone in the sentence who may be a visitor, in text order."""
    text = ctx.doc.text
    found: list[_Actor] = []
    mentions = ctx.index.mentions
    i = bisect.bisect_left(ctx.mention_starts, span.start)
    while i < len(mentions) and mentions[i].span.start < span.end:
        mention = mentions[i]
        i += 1
        person = ctx.index.person_at(mention.span.start)
        if person is None:
            continue
        nationality, explicit = _nationality(ctx, person.name)
        found.append(
            _Actor(
                span=mention.name_span,
                name=_person_name(person),
                stated=nationality,
                explicit=explicit,
                kind="person",
                home=_home_of(ctx),
            )
        )
    for m in finditer(DELEGATION, text, span.start, span.end):
        nation = m.group("nation")
        code = geo.demonym_country(nation) or geo.country_code(nation)
        if code is None:
            continue
        found.append(
            _Actor(
                span=Span(start=m.start("np"), end=m.end("np")),
                name=" ".join(m.group("np").split()),
                stated=code,
                explicit=True,
                kind="delegation",
                home=_home_of(ctx),
            )
        )
    for m in finditer(REFERRING, text, span.start, span.end):
        if any(a.span.start <= m.start() < a.span.end for a in found):
            continue
        if m.group("pronoun"):
            person = ctx.index.resolve_pronoun(m.start(), m.group("pronoun").lower())
        else:
            person = ctx.index.resolve(m.group("description"), m.start())
            if person is None:
                person = _by_nationality(ctx, m.group("description"), m.start())
        if person is None:
            continue
        nationality, explicit = _nationality(ctx, person.name)
        found.append(
            _Actor(
                span=Span(start=m.start(), end=m.end()),
                name=_person_name(person),
                stated=nationality,
                explicit=explicit,
                kind="pronoun" if m.group("pronoun") else "description",
                home=_home_of(ctx),
            )
        )
    found.sort(key=lambda a: a.span.start)
    return found


def _by_nationality(ctx: _Context, description: str, offset: int) -> people.Person | None:
    """Resolve ``the Saudi leader`` to the latest person of that nationality before it."""
    words = description.split()
    code = geo.demonym_country(words[1]) if len(words) > 2 else None
    if code is None:
        return None
    return ctx.latest_of_nationality(code, offset)


def _actor_before(text: str, actors: list[_Actor], offset: int) -> _Actor | None:
    """Return the actor nearest before *offset* (the subject or possessor of a trip).

    Of coordinated subjects (``Prince Ali and Princess Sara went``) the first.
    """
    before = [a for a in actors if a.span.end <= offset]
    if not before:
        return None
    k = len(before) - 1
    while k > 0 and match(COORDINATION, text[before[k - 1].span.end : before[k].span.start]):
        k -= 1
    return before[k]


# -- places ---------------------------------------------------------------------------


def _destination(ctx: _Context, start: int, end: int) -> geo.PlaceMention | None:
    """Return the place a travel word at *start* points to, if it follows at once."""
    text = ctx.doc.text
    gap = match(DESTINATION_GAP, text, start, end)
    at = gap.end() if gap is not None else start
    body = match(NATIONAL_BODY, text, at, end)
    if body is not None:
        code = lexicon().national_bodies.get(" ".join(body.group("body").casefold().split()))
        site = body.group("body")
        return geo.PlaceMention(
            span=Span(start=at, end=body.end()), text=site, code=code, kind="city"
        )
    for place in geo.find_places(text, at, min(end, at + 60), cities=True):
        if place.span.start != at or not _real_place(ctx, place):
            return None
        return place if place.kind in _PLACE_KINDS and place.code else None
    return None


def _listed_destinations(ctx: _Context, start: int, end: int) -> Iterator[geo.PlaceMention]:
    """Further destinations listed after the first: ``France, Serbia and Hungary``.

    Only countries count (``Beijing and Shanghai`` is one country's trip anyway).
    """
    text = ctx.doc.text
    at = start
    for _ in range(8):
        separator = match(LIST_SEPARATOR, text, at, end)
        if separator is None:
            return
        place = _destination(ctx, separator.end(), end)
        if place is None or place.kind != "country":
            return
        yield place
        at = place.span.end


def _real_place(ctx: _Context, place: geo.PlaceMention) -> bool:
    """Reject a city name that is a person's name, a possessive (``Clinton's``) or a
    month or weekday (``said in March``: not the town of March)."""
    if place.kind != "city":
        return True
    if place.text.casefold() in _CALENDAR_WORDS:
        return False
    if ctx.doc.text.startswith(("'s", "’s"), place.span.end):
        return False
    return ctx.index.mention_at(place.span.start) is None


def _city_in(ctx: _Context, span: Span, code: str, after: int) -> str | None:
    """Return a city of country *code* named after *after* in the sentence, if any."""
    for place in geo.find_places(ctx.doc.text, after, min(span.end, after + 200), cities=True):
        if place.code == code and place.kind in ("capital", "city") and _real_place(ctx, place):
            return place.text
    return None


def _place_code(ctx: _Context, start: int, end: int) -> geo.PlaceMention | None:
    """Return the first country, capital or city named in ``text[start:end]``."""
    for place in geo.find_places(ctx.doc.text, start, end, cities=True):
        if place.kind in _PLACE_KINDS and place.code and _real_place(ctx, place):
            return place
    return None


# -- time -----------------------------------------------------------------------------


def _parse_value(value: str) -> tuple[dt.date, dt.date] | None:
    """Return the first and last day a TIMEX value covers, or None."""
    try:
        if "/" in value:
            a, b = value.split("/", 1)
            head, tail = _parse_value(a), _parse_value(b)
            return (head[0], tail[1]) if head and tail else None
        if len(value) == 10:
            day = dt.date.fromisoformat(value)
            return day, day
        if len(value) == 8 and value[5] == "W":
            monday = dt.date.fromisocalendar(int(value[:4]), int(value[6:]), 1)
            return monday, monday + dt.timedelta(days=6)
        if len(value) == 7 and value[4] == "-":
            month = dt.date(int(value[:4]), int(value[5:]), 1)
            following = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
            return month, following - dt.timedelta(days=1)
        if len(value) == 4 and value.isdigit():
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
    except ValueError:
        return None
    return None


def _when(ctx: _Context, span: Span) -> str | None:
    """Place a sentence in time relative to the anchor.

    Returns ``past`` (before the last two days), ``recent`` (yesterday, the day
    before), ``present``, ``future`` or None.

    Uses the resolved time expressions; while none are known for the document, falls
    back on time words (``tomorrow``, ``last year``) and weekdays.
    """
    anchor = ctx.anchor
    text = ctx.doc.text
    if ctx.doc.times:
        for time in times_within(ctx.doc, span):
            if time.kind != "date" or not time.value or anchor is None:
                continue
            lead = text[max(span.start, time.span.start - 7) : time.span.start].rstrip().lower()
            if lead.endswith(" since") or lead == "since":
                continue  # ``his first since 2012``: a point of reference, not the trip's time
            bounds = _parse_value(time.value)
            if bounds is None:
                continue
            if bounds[0] > anchor or (bounds[1] >= anchor and _has(LATER, time.text)):
                return "future"
            if bounds[1] < anchor - dt.timedelta(days=2):
                return "past"
            if bounds[1] < anchor:
                return "recent"
            return "present"
        return None
    if search(OLD_PAST, text, span.start, span.end) is not None:
        return "past"
    if search(RECENT_PAST, text, span.start, span.end) is not None:
        return "recent"
    if search(FUTURE_TIME, text, span.start, span.end) is not None:
        return "future"
    cue = search(FUTURE_CUE, text, span.start, span.end)
    day = search(WEEKDAY, text, span.start, span.end)
    if day is not None and anchor is not None:
        if _WEEKDAYS.index(day.group("day").lower()) == anchor.weekday():
            return "present"
        if search(PRESENT_ANNOUNCE, text, span.start, day.start()) is not None or cue is not None:
            return "future"
        return "recent"
    return None


def _dates(ctx: _Context, span: Span) -> tuple[dt.date | None, dt.date | None]:
    """Return the start and end dates a sentence gives a trip (``from Saturday to Monday``)."""
    start: dt.date | None = None
    end: dt.date | None = None
    text = ctx.doc.text
    for time in times_within(ctx.doc, span):
        if time.kind != "date" or not time.value:
            continue
        if "/" in time.value:
            bounds = _parse_value(time.value)
            if bounds is not None and len(time.value) == 21:
                return bounds
            continue
        if len(time.value) != 10:
            continue
        day = dt.date.fromisoformat(time.value)
        verb = None
        for found in finditer(TRIP_BOUNDARY, text, span.start, time.span.start):
            verb = found
        if verb is not None and verb.group("end"):
            end = day
        elif verb is not None and verb.group("start"):
            start = day
    return start, end


def _status(
    ctx: _Context, span: Span, before: str, word: str, when: str | None, *, noun: bool = False
) -> VisitStatus | None:
    """Decide completed, ongoing or planned from the words before a trip and its time.

    Args:
        ctx: the document context.
        span: the sentence.
        before: the words between the visitor and the travel word.
        word: the travel word as written, lower-cased (``visited``, ``arrived in``).
        when: the sentence's place in time (see :func:`_when`).
        noun: the travel word is a noun (``his visit``), whose tense the sentence's
            other verbs do not give.
    """
    if word.startswith(("return", "back", "wrap")) or _has(COMPLETED_CUE, before + " " + word):
        return "completed"
    if _has(FUTURE_CUE, before):
        return "planned"
    if _has(ONGOING_CUE, before + " " + word) and when != "past":
        return "ongoing"
    if word.startswith(("leave", "leaving", "depart")):
        return "planned"
    if word.startswith("arriv") or word.startswith("left"):
        return "completed" if when == "past" else "planned" if when == "future" else "ongoing"
    if when == "future":
        return "planned"
    if when in ("past", "recent") and not word.startswith("visiting"):
        return "completed"
    if _has(PAST_CUE, before + " " + word):
        return "completed"
    if noun:
        return None
    if word in ("visits", "visit", "tours", "travels", "goes", "heads", "flies"):
        return "ongoing"
    if search(PAST_CUE, ctx.doc.text, span.start, span.end) is not None:
        return "completed"
    return None


def _unquoted(ctx: _Context, span: Span) -> str:
    """Return the sentence without its quoted speech (whose tense is not the trip's)."""
    text = ctx.doc.text
    pieces: list[str] = []
    at = span.start
    for a, b in ctx.quoted:
        if b <= span.start or a >= span.end:
            continue
        pieces.append(text[at : max(at, a)])
        at = max(at, b)
    pieces.append(text[at : span.end])
    return " ... ".join(pieces)


def _has(pattern: regex.Pattern[str], text: str) -> bool:
    """Return whether *pattern* occurs in a short piece of text."""
    return search(pattern, text) is not None


# -- readings -------------------------------------------------------------------------


def _foreign(ctx: _Context, actor: _Actor, host: str, *, strong: bool, named_country: bool) -> bool:
    """Return whether a trip by *actor* to *host* is foreign travel.

    Args:
        ctx: the document context.
        actor: the visitor.
        host: the host country.
        strong: the trip is told with a travel word (not inferred from a meeting or place).
        named_country: the destination is written as a country (``visit Britain``), which
            a visitor seldom says of their own country.
    """
    nationality = actor.nationality
    if nationality == _INTERNATIONAL:
        return strong
    if nationality is None:
        return strong and named_country
    if _same_country(nationality, host):
        return not actor.explicit and strong and named_country
    return True


def _same_country(a: str, b: str) -> bool:
    """Compare ISO codes, a withdrawn state equal to its successor."""
    return geo.same_country(a, b)


def _details(ctx: _Context, span: Span, after: int) -> tuple[int | None, str | None]:
    """Return the duration in days and the purpose a sentence gives a trip."""
    text = ctx.doc.text
    duration = None
    found = search(DURATION, text, span.start, span.end)
    if found is not None:
        count = found.group("count").lower()
        duration = int(count) if count.isdigit() else _NUMBERS.get(count)
    purpose = None
    why = search(PURPOSE, text, after, min(span.end, after + 160))
    if why is not None and len(text[after : why.start()].split()) <= 4:
        purpose = " ".join(why.group("purpose").split()).rstrip(",.;")
    return duration, purpose


def _candidate(
    ctx: _Context,
    span: Span,
    actor: _Actor,
    place: geo.PlaceMention | None,
    host: str,
    status: VisitStatus | None,
    strength: int,
    after: int,
) -> _Candidate:
    """Build a candidate, filling place, duration, purpose and dates from the sentence."""
    city = place.text if place is not None and place.kind in ("capital", "city") else None
    if city is None:
        city = _city_in(ctx, span, host, after)
    if city is None and ctx.dateline_country == host and ctx.dateline_place:
        city = ctx.dateline_place.split(",")[0]
    duration, purpose = _details(ctx, span, place.span.end if place is not None else after)
    start, end = _dates(ctx, span)
    if start is not None and end is None and duration:
        end = start + dt.timedelta(days=duration - 1)
    return _Candidate(
        span=span,
        visitor=actor,
        country=host,
        destination=place.text if place is not None else None,
        place=city,
        status=status,
        strength=strength,
        duration=duration,
        purpose=purpose,
        start=start,
        end=end,
    )


def _read_sentence(ctx: _Context, span: Span) -> list[_Candidate]:
    """Return every reading of a trip in one sentence.

    Each pattern runs only when the sentence holds a word it needs (see
    :data:`TRAVEL_STEMS`): most sentences hold none and cost a few bisections.
    """
    text = ctx.doc.text
    travel = next(_travel_words(ctx, span), None) is not None
    meet = (
        has_start(ctx.meet_starts, span.start, span.end)
        and search(MEET, text, span.start, span.end) is not None
    )
    placed = search(PLACED_HINT, text, span.start, span.end) is not None and _may_place(ctx, span)
    visiting = (
        has_start(ctx.visiting_starts, span.start, span.end)
        and search(VISITING, text, span.start, span.end) is not None
    )
    if not (travel or meet or placed or visiting):
        return []
    actors = _actors(ctx, span)
    if not actors:
        return []
    when = _when(ctx, span)
    found: list[_Candidate] = []
    if travel:
        found.extend(_travel_readings(ctx, span, actors, when))
    if meet:
        found.extend(_meet_readings(ctx, span, actors, when))
    if placed:
        found.extend(_placed_readings(ctx, span, actors, when))
    if visiting:
        found.extend(_visiting_readings(ctx, span, actors))
    return found


def _travel_words(ctx: _Context, span: Span) -> Iterator[regex.Match[str]]:
    """The :data:`TRAVEL_WORD` matches of *span*, as ``finditer`` finds them."""
    return finditer_at(TRAVEL_WORD, ctx.doc.text, ctx.travel_word_starts, span.start, span.end)


def _may_place(ctx: _Context, span: Span) -> bool:
    """Return whether one of the patterns :func:`_placed_readings` reads holds in *span*.

    Most sentences with ``in`` before a capital place no one (``a rally in Ohio``):
    this spares them the search for actors.
    """
    text = ctx.doc.text
    return (
        search(LOCATIVE_TAIL, text, span.start, span.end) is not None
        or search(EVENT_IN_PLACE, text, span.start, span.end) is not None
        or search(BETWEEN, text, span.start, span.end) is not None
        or (
            ctx.dateline_country is not None
            and search(EVENT_HERE, text, span.start, span.end) is not None
        )
    )


def _travel_readings(
    ctx: _Context, span: Span, actors: list[_Actor], when: str | None
) -> Iterator[_Candidate]:
    """Read travel verbs and trip nouns: ``will visit Tokyo``, ``Putin's trip to Kyrgyzstan``."""
    text = ctx.doc.text
    for m in _travel_words(ctx, span):
        if ctx.in_quote(m.start()):
            continue
        if text[m.start()].isupper() and _inside_name(text, span, m.start()):
            continue  # "Universal Studios Tour Florida": part of a name
        word = " ".join(m.group().lower().split())
        noun = bool(m.group("trip"))
        if m.group("move") and search(
            IDIOM_BEFORE, text, max(span.start, m.start() - 12), m.start()
        ):
            continue  # "when it comes to Israel"
        if m.group("visit"):
            adjective = search(VISITING, text, max(span.start, m.start() - 5), m.end() + 40)
            if word == "visiting" and (
                (adjective is not None and adjective.group("role"))
                or _guest_after(text, actors, m.end()) is not None
            ):
                continue  # "the visiting French official", "visiting Minister X"
            noun = word in ("visit", "visits", "tour", "tours") and (
                search(NOUN_CONTEXT, text, max(span.start, m.start() - 25), m.start()) is not None
            )
        # "the visit of French Foreign Minister X": the agent, not a destination, follows
        of = match(OF_AGENT, text, m.end(), span.end) if noun else None
        agent = _agent_after(text, actors, of.end()) if of is not None else None
        if agent is not None:
            place = _destination(ctx, agent.span.end, span.end)
            after = place.span.end if place is not None else agent.span.end
            by = of
        else:
            place = _destination(ctx, m.end(), span.end)
            after = place.span.end if place is not None else m.end()
            by = match(BY_AGENT, text, after, span.end)
            if by is not None:
                agent = _agent_after(text, actors, by.end())
                if agent is None:
                    continue  # "visits to Peru by Dutch officials": nobody named
                if place is None:  # "the visit by German Chancellor X to Brazil"
                    place = _destination(ctx, agent.span.end, span.end)
                    after = place.span.end if place is not None else after
        actor = agent if agent is not None else _actor_before(text, actors, m.start())
        if actor is None:
            continue
        before = text[actor.span.end : m.start()]
        if by is None and not _subject_reaches(before):
            continue
        if not noun and text.startswith(("'s", "’s", "'", "’"), actor.span.end):
            continue  # "Trump's flood of migrants coming to": the possessor does not travel
        trip_when = when
        if noun:
            # "ahead of X's visit": the cue may stand before the possessor; "his visit
            # later this month", "trip ... will culminate": the time and tense after it
            before = text[max(span.start, actor.span.start - 60, m.start() - 160) : m.start()]
            near = Span(start=max(span.start, m.start() - 30), end=min(span.end, after + 50))
            trip_when = _when(ctx, near)
            if trip_when is None and _has(FUTURE_CUE, text[after : near.end]):
                trip_when = "future"
        status = _status(ctx, span, before[-160:], word, trip_when, noun=noun)
        if place is not None:
            host = place.code or ""
            if not host or not _foreign(
                ctx, actor, host, strong=True, named_country=place.kind == "country"
            ):
                continue
            yield _candidate(ctx, span, actor, place, host, status, 3, after)
            for listed in _listed_destinations(ctx, place.span.end, span.end):
                code = listed.code or ""
                if code and _foreign(ctx, actor, code, strong=True, named_country=True):
                    yield _candidate(ctx, span, actor, listed, code, status, 3, listed.span.end)
        elif agent is not None or _implicit_ok(text, m, noun, word, span):
            host = ctx.dateline_country or ""
            if host and not (actor.explicit and _same_country(actor.nationality or "", host)):
                yield _candidate(ctx, span, actor, None, host, status, 2, after)
            yield from _gapped(ctx, span, actors, m.end(), host, status)
        elif noun or m.group("visit"):
            # "his visit", "the trip": a mention of a trip told elsewhere
            yield _Candidate(
                span=span, visitor=actor, country="", destination=None, place=None,
                status=status, strength=1,
            )  # fmt: skip


def _inside_name(text: str, span: Span, offset: int) -> bool:
    """Return whether a capitalised word at *offset* continues a capitalised name."""
    words = text[max(span.start, offset - 40) : offset].split()
    return bool(words) and words[-1][:1].isupper()


def _agent_after(text: str, actors: list[_Actor], offset: int) -> _Actor | None:
    """Return the person named after "by" or "of" at *offset*, behind title words only."""
    for actor in actors:
        if offset <= actor.span.start <= offset + 60:
            return actor if match(TITLE_GAP, text[offset : actor.span.start]) else None
    return None


def _subject_reaches(between: str) -> bool:
    """Return whether a subject can govern a travel word *between* words later.

    Not across a relative clause (``who was allowed to come``), a reported clause
    (``Greenidge said a mission would visit``) or too many words.
    """
    return (
        len(between.split()) <= 14
        and search(RELATIVE, between) is None
        and search(SAID, between) is None
    )


def _implicit_ok(text: str, m: regex.Match[str], noun: bool, word: str, span: Span) -> bool:
    """Return whether a travel word without a destination means "visited here".

    ``King X visited in 1967`` and ``begins a four-day state visit`` do; ``his visit`` and
    ``a visit to support candidates`` do not.
    """
    if noun:
        return search(STATE_VISIT, text, max(span.start, m.start() - 30), m.end()) is not None
    if word in ("visited", "visits"):
        return match(NO_OBJECT, text, m.end(), span.end) is not None
    return False


def _gapped(
    ctx: _Context,
    span: Span,
    actors: list[_Actor],
    after: int,
    host: str,
    status: VisitStatus | None,
) -> Iterator[_Candidate]:
    """Read a gapped second visitor: ``... visited in 1972 and King Omar in 1984``."""
    text = ctx.doc.text
    if not host:
        return
    for actor in actors:
        if actor.span.start <= after or actor.kind != "person":
            continue
        between = text[after : actor.span.start]
        if match(GAP_AND, between) is None:
            continue
        if match(GAPPED, text, actor.span.end, span.end) is None:
            continue
        if actor.explicit and _same_country(actor.nationality or "", host):
            continue
        yield _candidate(ctx, span, actor, None, host, status, 2, actor.span.end)


def _meet_readings(
    ctx: _Context, span: Span, actors: list[_Actor], when: str | None
) -> Iterator[_Candidate]:
    """Read meetings with foreign officials: ``is meeting British officials``."""
    text = ctx.doc.text
    for m in finditer(MEET, text, span.start, span.end):
        clause = search(CLAUSE_END, text, m.end(), span.end)
        stop = clause.start() if clause is not None else span.end
        stop = min(stop, m.end() + 90)
        located = search(IN_PLACE, text, m.end(), min(span.end, stop + 40))
        place = _place_code(ctx, located.start("place"), located.end()) if located else None
        host = place.code if place is not None else None
        guest = [a for a in actors if m.end() <= a.span.start < stop]
        if not guest and search(ROLE, text, m.end(), stop) is None:
            continue  # "to meet U.S. demands": nobody is met
        if host is None:
            for found in geo.find_places(text, m.end(), stop):
                if found.kind in ("demonym", "country") and found.code:
                    host = found.code
                    break
            if ctx.dateline_country and host and not _same_country(ctx.dateline_country, host):
                continue  # "WASHINGTON - X met a Korean official": in Washington, no trip
        if not host:
            continue
        actor = _actor_before(text, actors, m.start())
        if actor is None and m.group("verb").lower().endswith("meeting with"):
            actor = next((a for a in actors if a.span.start >= stop), None)
        if actor is None:
            continue
        if actor.explicit and actor.nationality and _same_country(actor.nationality, host):
            # a host receiving a guest at home: the visit is the guest's
            actor = next(
                (
                    g
                    for g in guest
                    if g.explicit and g.nationality and not _same_country(g.nationality, host)
                ),
                None,
            )
            if actor is None:
                continue
        if not _foreign(ctx, actor, host, strong=False, named_country=False):
            continue
        word = m.group("verb").lower()
        before = text[actor.span.end : m.start()] if actor.span.end <= m.start() else ""
        status = _status(ctx, span, before, word, when)
        if status is None and word in ("met", "held talks"):
            status = "completed"
        yield _candidate(ctx, span, actor, place, host, status or "ongoing", 2, stop)


def _placed_readings(
    ctx: _Context, span: Span, actors: list[_Actor], when: str | None
) -> Iterator[_Candidate]:
    """Read a person placed abroad: ``X, in New Zealand for talks``, ``talks ... in Beijing``,
    ``a speech ... here``."""
    text = ctx.doc.text
    persons = [a for a in actors if a.kind in ("person", "delegation")]

    def status_at(offset: int) -> VisitStatus:
        """The status the words up to the reading (not reported speech after it) give."""
        speech = search(SPEECH_VERB, text, offset, span.end)
        plain = _unquoted(ctx, Span(start=span.start, end=speech.start() if speech else span.end))
        if _has(FUTURE_CUE, plain) or when == "future":
            return "planned"
        return "completed" if _has(OLD_PAST, plain) or when == "past" else "ongoing"

    for actor in persons:
        found = match(LOCATIVE_APPOSITIVE, text, actor.span.end, span.end)
        if found is None:
            continue
        place = _place_code(ctx, found.start("place"), found.end("place"))
        if place is None or place.code is None:
            continue
        if _foreign(ctx, actor, place.code, strong=False, named_country=False):
            status = status_at(found.end())
            yield _candidate(ctx, span, actor, place, place.code, status, 2, found.end("place"))
    for found in finditer(EVENT_IN_PLACE, text, span.start, span.end):
        place = _place_code(ctx, found.start("place"), found.end("place"))
        if place is None or place.code is None:
            continue
        host = place.code
        placed = [
            a
            for a in persons
            if a.span.end <= found.start()
            and a.explicit
            and search(SPEECH_VERB, text, a.span.end, found.start()) is None
        ]  # not a speaker reporting on talks elsewhere
        visitor = next(
            (a for a in placed if _foreign(ctx, a, host, strong=False, named_country=False)), None
        )
        if visitor is not None:
            status = status_at(found.end())
            yield _candidate(ctx, span, visitor, place, host, status, 2, found.end("place"))
    between = search(BETWEEN, text, span.start, span.end)
    if between is not None:
        yield from _between_readings(ctx, span, persons, status_at(between.end()))
    here = search(EVENT_HERE, text, span.start, span.end)
    if here is not None and ctx.dateline_country:
        host = ctx.dateline_country
        for actor in actors:
            if actor.explicit and _foreign(ctx, actor, host, strong=False, named_country=False):
                yield _candidate(ctx, span, actor, None, host, status_at(here.end()), 2, here.end())
                break


def _between_readings(
    ctx: _Context, span: Span, persons: list[_Actor], status: VisitStatus
) -> Iterator[_Candidate]:
    """Read ``a summit in Geneva between Smith and Swiss President Keller``.

    Of the two, the one of the host country receives; the other travels.
    """
    text = ctx.doc.text
    for found in finditer(BETWEEN, text, span.start, span.end):
        located = search(IN_PLACE, text, max(span.start, found.start() - 60), span.end)
        place = _place_code(ctx, located.start("place"), located.end()) if located else None
        if place is None or place.code is None:
            continue
        pair = [a for a in persons if found.end() <= a.span.start < found.end() + 80][:2]
        if len(pair) != 2:
            continue
        home = [a for a in pair if a.nationality and _same_country(a.nationality, place.code)]
        away = [a for a in pair if a.nationality and not _same_country(a.nationality, place.code)]
        if len(home) == 1 and len(away) == 1 and away[0].nationality != _INTERNATIONAL:
            yield _candidate(ctx, span, away[0], place, place.code, status, 2, found.end())


def _guest_after(text: str, actors: list[_Actor], offset: int) -> _Actor | None:
    """Return the person named right after *offset* behind title words only."""
    for actor in actors:
        if offset <= actor.span.start <= offset + 80:
            if match(TITLE_GAP, text[offset : actor.span.start].lstrip()):
                return actor
            return None
    return None


def _visiting_readings(ctx: _Context, span: Span, actors: list[_Actor]) -> Iterator[_Candidate]:
    """Read ``visiting Minister X`` and ``X ... the visiting French official`` as X's trip."""
    text = ctx.doc.text
    for m in finditer(VISITING, text, span.start, span.end):
        persons = [a for a in actors if a.kind == "person"]
        if m.group("role"):
            actor = _actor_before(text, persons, m.start())
        else:
            actor = _guest_after(text, persons, m.end())
        if actor is None:
            continue
        located = search(IN_PLACE, text, span.start, span.end)
        place = _place_code(ctx, located.start("place"), located.end()) if located else None
        host = place.code if place is not None and place.code else ctx.dateline_country or ctx.home
        if not host:
            continue
        nation = m.group("nation")
        code = geo.demonym_country(nation.strip()) if nation else None
        if code is not None and _same_country(code, host):
            continue
        if actor.explicit and actor.nationality and _same_country(actor.nationality, host):
            continue
        named = attrs.evolve(actor, stated=code or actor.nationality, explicit=True)
        when = _when(ctx, span)
        status: VisitStatus = (
            "completed" if when == "past" else "planned" if when == "future" else "ongoing"
        )
        yield _candidate(ctx, span, named, place, host, status, 2, m.end())


# -- merging ----------------------------------------------------------------------------


def _key(actor: _Actor) -> str:
    """Return the key that identifies a visitor across sentences (the surname)."""
    words = actor.name.lower().split()
    return words[-1] if words else ""


def _merge(ctx: _Context, candidates: list[_Candidate]) -> list[Visit]:
    """Group candidates into trips and build one :class:`Visit` per trip."""
    groups: dict[tuple[str, str], list[_Candidate]] = {}
    for cand in candidates:
        if cand.strength >= 2:
            groups.setdefault((_key(cand.visitor), cand.country), []).append(cand)
    text = ctx.doc.text
    for cand in candidates:
        if cand.strength >= 2:
            continue
        owners = [key for key in groups if key[0] == _key(cand.visitor)]
        if len(owners) > 1:  # the trip whose country the sentence names
            places = geo.find_places(text, cand.span.start, cand.span.end, cities=True)
            named = {p.code for p in places}
            owners = [key for key in owners if key[1] in named]
        if len(owners) == 1:
            groups[owners[0]].append(cand)
    visits = [_visit(ctx, group) for group in groups.values()]
    return sorted(visits, key=lambda v: (v.span.start, v.span.end))


def _clarity(cand: _Candidate) -> tuple[int, int, int]:
    """Rank statements of one trip: the strongest reading, then the most details."""
    details = sum(
        x is not None for x in (cand.destination, cand.place, cand.duration, cand.purpose, cand.end)
    )
    return cand.strength, details, -cand.span.start


def _visit(ctx: _Context, group: list[_Candidate]) -> Visit:
    """Build the :class:`Visit` of one trip from its statements."""
    best = max(group, key=_clarity)
    # a mention ("his visit", "the trip") says little about the trip's time
    stated = [c for c in group if c.strength >= 2 and c.status is not None]
    statuses = {c.status for c in stated or group if c.status is not None}
    status: VisitStatus
    if "ongoing" in statuses or ({"completed", "planned"} <= statuses and best.status is None):
        status = "ongoing"
    elif best.status is not None:
        status = best.status
    elif statuses:
        status = sorted(statuses)[0]
    else:
        status = "ongoing"  # told without tense or time: the trip the news is about

    def first(values: Iterable[Any]) -> Any:
        return next((v for v in values if v is not None), None)

    ordered = [best, *sorted((c for c in group if c is not best), key=_clarity, reverse=True)]
    mentions = sorted(
        {c.span for c in group if c.span != best.span}, key=lambda s: (s.start, s.end)
    )
    start = first(c.start for c in ordered)
    end = first(c.end for c in ordered)
    if start is not None and end is not None and end < start:
        end = None
    return Visit(
        span=best.span,
        status=status,
        visitor=best.visitor.name,
        visitor_span=best.visitor.span,
        destination=first(c.destination for c in ordered),
        country=best.country or None,
        place=first(c.place for c in ordered),
        start=start,
        end=end,
        duration_days=first(c.duration for c in ordered),
        purpose=first(c.purpose for c in ordered),
        mentions=mentions,
    )
