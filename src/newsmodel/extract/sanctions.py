"""Sanctions: who imposes, lifts, threatens or enforces which restrictive measure on whom.

The extractor reads one sentence at a time. It finds *measure mentions* (a noun
phrase such as ``additional tariffs`` or ``Western sanctions``, or a verb that
states a measure by itself such as ``blacklisted``), then for each mention:

* the **action** from the words around it: a lifting verb (``lifting remaining
  restrictions``, ``the ban would be lifted``) gives ``lift``; compliance or
  enforcement words (``urged compliance with sanctions``) give ``enforce``; a
  threat, plan, proposal, modal or condition (``plans to impose``, ``if
  Ottawa imposed the duties``) gives ``threaten``; else ``impose``;
* the **imposer**: a place written just before the measure (``U.S. tariffs``,
  ``Denmark's boycott``), a passive ``by`` phrase, or the subject of the clause
  (``The United States imposed ...``; ``it`` resolved to the previous sentence);
* the **target**: a place after ``on``/``against``/``with``/... (``sanctions on
  four Kyrgyz companies``), an ``anti-China`` prefix, or a place put ``under`` the
  measure; lists give one fact per target (``against Chile, Peru and Bolivia``).

A mention that names neither an explicit target nor refers back (``the sanctions``)
to a measure stated earlier is generic talk and yields nothing, and so does a
tariff cut under a free-trade agreement. One :class:`~newsmodel.model.Sanction` per
(imposer, target, action) in a sentence.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import json
from collections.abc import Iterable, Sequence
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any, Final, NamedTuple

import attrs
import regex

from newsmodel import geo
from newsmodel.document import Document
from newsmodel.extract.numbers import (
    find_amounts,
    find_percents,
    has_start,
    is_quantity_word,
    times_within,
    word_starts,
)
from newsmodel.geo import PlaceMention, find_places, is_bloc
from newsmodel.model import Amount, Sanction, SanctionAction, Span, TimeExpression
from newsmodel.text import alternation, finditer, finditer_at, new_tuple, search

__all__ = ["Lexicon", "extract", "lexicon"]


# -- lexicon ------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Lexicon:
    """The words the sanctions extractor reads, loaded from ``data/sanctions.json``."""

    measures: dict[str, str]
    """Measure phrase (lower case) -> the measure family it names."""
    modifiers: tuple[str, ...]
    """Words that may precede a measure head inside the measure phrase."""
    measure_verbs: dict[str, str]
    """Verb forms that state a measure by themselves -> the measure they name."""
    cues: dict[str, frozenset[str]]
    """Action -> the words that signal it."""
    target_prepositions: frozenset[str]
    """Words that attach a target to a measure (``on``, ``against``)."""
    reason_cues: tuple[str, ...]
    """Phrases that open a reason clause, longest first."""
    boundaries: frozenset[str]
    """Words that end a target phrase."""
    negative_contexts: tuple[str, ...]
    """Phrases that mark trade policy rather than sanctions (free-trade agreements)."""
    evasion_words: frozenset[str]
    """Words after a measure that make it something else (``sanctions busting``)."""
    party_nouns: frozenset[str]
    """Head nouns that make a phrase a target even without a country."""
    domestic_nouns: frozenset[str]
    """Nouns that make a phrase a country's own economy rather than a target."""
    speech_verbs: frozenset[str]
    """Verbs after a subject that make it a speaker (``the EU said``), not an actor."""
    reaction_verbs: frozenset[str]
    """Verbs after a subject that make it the target (``Chile condemns the Peruvian tariffs``)."""
    word_sets: dict[str, frozenset[str]]
    """Closed word classes the rules read (determiners, participles, modals ...)."""
    number_words: dict[str, int]
    """Number words that count targets (``four`` -> 4)."""


#: Words after ``as`` that open a list of further targets (``as states such as X and Y``).
_AS_LIST_HEADS: Final = frozenset({"countries", "states", "nations", "other", "such"})


@cache
def lexicon() -> Lexicon:
    """Return the sanctions lexicon (read once from the package data)."""
    raw = json.loads(
        resources.files("newsmodel").joinpath("data/sanctions.json").read_text("utf-8")
    )
    return Lexicon(
        measures={key.lower(): value for key, value in raw["measures"].items()},
        modifiers=tuple(sorted(raw["modifiers"], key=len, reverse=True)),
        measure_verbs={key.lower(): value for key, value in raw["measure_verbs"].items()},
        cues={action: frozenset(w.lower() for w in words) for action, words in raw["cues"].items()},
        target_prepositions=frozenset(raw["target_prepositions"]),
        reason_cues=tuple(sorted(raw["reason_cues"], key=len, reverse=True)),
        boundaries=frozenset(raw["boundaries"]),
        negative_contexts=tuple(raw["negative_contexts"]),
        evasion_words=frozenset(raw["evasion_words"]),
        party_nouns=frozenset(raw["party_nouns"]),
        domestic_nouns=frozenset(raw["domestic_nouns"]),
        speech_verbs=frozenset(raw["speech_verbs"]),
        reaction_verbs=frozenset(raw["reaction_verbs"]),
        word_sets={name: frozenset(words) for name, words in raw["word_sets"].items()},
        number_words={word: int(value) for word, value in raw["number_words"].items()},
    )


def _measure_pattern(lex: Lexicon) -> regex.Pattern[str]:
    """Build the measure-phrase pattern from the lexicon's modifiers and heads."""
    return regex.compile(
        rf"""
        (?<![\p{{L}}\p{{N}}\-])                        # not inside a word or compound
        (?P<mods>(?:(?:{alternation(lex.modifiers)})\s{{1,3}}){{0,3}})  # modifiers
        (?P<head>{alternation(lex.measures)})         # the measure noun
        (?![\p{{L}}\p{{N}}\-])                         # whole word, no compound (sanctions-busting)
        """,
        regex.VERBOSE | regex.IGNORECASE,
    )


def _head_pattern(lex: Lexicon) -> regex.Pattern[str]:
    """Build the pattern of a measure noun alone (the modifiers are read backwards)."""
    return regex.compile(
        rf"""
        (?<![\p{{L}}\p{{N}}\-])                        # not inside a word or compound
        (?P<head>{alternation(lex.measures)})         # the measure noun
        (?![\p{{L}}\p{{N}}\-])                         # whole word, no compound (sanctions-busting)
        """,
        regex.VERBOSE | regex.IGNORECASE,
    )


def _modifiers_pattern(lex: Lexicon) -> regex.Pattern[str]:
    """Build the pattern of the modifiers that end where a measure noun begins."""
    return regex.compile(
        rf"""
        (?<![\p{{L}}\p{{N}}\-])                        # not inside a word or compound
        (?P<mods>(?:(?:{alternation(lex.modifiers)})\s{{1,3}}){{1,3}})  # one to three modifiers
        \Z                                             # ending at the measure noun
        """,
        regex.VERBOSE | regex.IGNORECASE,
    )


def _measure_verb_pattern(lex: Lexicon) -> regex.Pattern[str]:
    """Build the pattern of verbs that state a measure by themselves."""
    return regex.compile(
        rf"""
        (?<![\p{{L}}\p{{N}}\-])                        # not inside a word
        (?P<verb>{alternation(lex.measure_verbs)})    # a verb that states a measure
        (?![\p{{L}}\p{{N}}\-])                         # whole word
        """,
        regex.VERBOSE | regex.IGNORECASE,
    )


#: A measure noun phrase: ``additional tariffs``, ``trade sanctions``, ``export controls``.
MEASURE_MENTION: Final = _measure_pattern(lexicon())

#: A measure noun alone: ``tariffs``, ``export controls`` (what :data:`MEASURE_MENTION`
#: matches, found first because it is cheap to look for).
MEASURE_HEAD: Final = _head_pattern(lexicon())

#: The modifiers just before a measure noun (``additional trade``), matched backwards
#: from the noun so that the costly modifier alternation runs only where a noun is.
MEASURE_MODIFIERS: Final = _modifiers_pattern(lexicon())

#: How far before a measure noun its modifiers may begin.
_MODIFIER_REACH: Final = 100

#: The last word of each modifier: the word before a measure noun must be one of them.
_MODIFIER_ENDS: Final = frozenset(m.split()[-1].lower() for m in lexicon().modifiers)

#: A verb that states a measure: ``blacklisted``, ``retaliate``, ``boycotted``.
MEASURE_VERB: Final = _measure_verb_pattern(lexicon())

#: A stop to trade stated by a verb: ``suspended Argentine wheat imports``, ``halt all trade with``.
TRADE_STOP: Final = regex.compile(
    r"""
    (?<![\p{L}\-])
    (?P<verb>suspend(?:s|ed|ing)?|halt(?:s|ed|ing)?|stop(?:s|ped|ping)?|block(?:s|ed|ing)?
       |cut(?:s|ting)?|sever(?:s|ed|ing)?|forbid(?:s|ding|den)?|forbade|prohibit(?:s|ed|ing)?
       |bar(?:s|red|ring)?|curb(?:s|ed|ing)?
       |restrict(?:s|ed|ing)?)                                 # the stopping verb
    \s{1,3}
    (?P<object>(?:(?!(?:its|their|the|his|her|our|a|an|growing|bilateral)\s)
       [\p{L}\-'’.]{1,30}\s{1,3}){0,3}?)              # up to three words (all, Argentine wheat)
    (?P<flow>imports|exports|trade(?:\s{1,3}ties)?|shipments|shipping|sales)  # what is stopped
    (?![\p{L}\-])
    (?!\s{1,3}(?:surplus|surpluses|deficit|deficits|problems?|gap|balance|imbalances?
       |barriers|talks|war|disputes?|frictions?|growth))      # not trade figures or trade talk
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

#: Trade allowed again, which lifts a ban: ``allowing limited imports of``, ``resumed exports``.
TRADE_ALLOWED: Final = regex.compile(
    r"""
    (?<![\p{L}\-])
    (?P<verb>allow(?:s|ed|ing)?|permit(?:s|ted|ting)?|resum(?:e|es|ed|ing)
       |reopen(?:s|ed|ing)?)                                   # the allowing verb
    \s{1,3}
    (?P<object>(?:(?!(?:its|their|his|her|our|growing)\s)
       [\p{L}\-'’.]{1,30}\s{1,3}){0,3}?)              # up to three words (the temporary)
    (?P<flow>imports|exports|shipments|sales|trade            # what is allowed again
       |to\s{1,3}be\s{1,3}(?:imported|exported|shipped|sold))  # or goods to be imported
    (?![\p{L}\-])
    (?!\s{1,3}(?:surplus|surpluses|deficit|deficits|talks|growth))  # not trade figures
    """,
    regex.VERBOSE | regex.IGNORECASE,
)


#: What separates the words of a lexicon phrase (``counter-measures``, ``export controls``).
PHRASE_SPLIT: Final = regex.compile(
    r"""
    [\s\-]+                                         # white space or hyphens
    """,
    regex.VERBOSE,
)


def _stems(words: Iterable[str]) -> tuple[str, ...]:
    """Word beginnings (at most six letters) that find every word of *words*."""
    stems = {PHRASE_SPLIT.split(word.lower())[0][:6] for word in words}
    return tuple(sorted(s for s in stems if not any(s != o and s.startswith(o) for o in stems)))


#: Cheap first tests (plain substring search, see :func:`~newsmodel.extract.numbers.word_starts`):
#: every match of :data:`MEASURE_HEAD`, :data:`MEASURE_VERB`, :data:`TRADE_STOP` and
#: :data:`TRADE_ALLOWED` begins at a word that starts with one of these, so the
#: patterns are tried only there, anchored.
HEAD_STEMS: Final = _stems(lexicon().measures)
VERB_STEMS: Final = _stems(lexicon().measure_verbs)
STOP_STEMS: Final = _stems(lexicon().word_sets["stop_stems"])
ALLOW_STEMS: Final = _stems(lexicon().word_sets["allow_stems"])


#: A word or a punctuation mark, with its offsets (``U.S.``, ``5,207``, ``anti-China``).
TOKEN: Final = regex.compile(
    r"""
    (?P<word>[\p{L}\p{N}$€£¥]                      # a word starts with a letter, digit or currency
      (?:[\p{L}\p{N}'’%\-]|[.,](?=[\p{L}\p{N}])){0,40}  # letters, inner stops, commas (5,207)
      (?:(?<=\.\p{Lu})\.)?)                        # the final stop of an abbreviation (U.S.)
    |(?P<punct>[^\s\p{L}\p{N}])                    # or one punctuation mark
    |(?P<br>\n[ \t]{0,20}\n|\n[ \t]{2,20})           # or a paragraph or line break (ends phrases)
    """,
    regex.VERBOSE,
)

#: A pronoun that stands for a measure just named: ``lift them``, ``wanted it to end``.
PRONOUN_LIFT: Final = regex.compile(
    r"""
    (?<![\p{L}])
    (?:(?P<verb>lift|lifting|ease|easing|end|ending|drop|dropping|scrap|remove)  # lift verb
       \s{1,3}(?P<pronoun>them|it)(?![\p{L}])        # then the pronoun
     |(?P<pronoun2>it|them)\s{1,3}
       (?:(?:to|is|are|was|were|be|being)\s{1,3}){0,2}       # to (be), is ...
       (?P<verb2>end|lifted|ended|eased|dropped|scrapped|removed)(?![\p{L}])  # ... lifted
    )
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

#: A number word or digits that count the targets: ``four``, ``5,207``.
COUNT_WORD: Final = regex.compile(
    r"""
    ^(?:(?P<digits>\d{1,3}(?:,\d{3}){0,3}|\d{1,9})    # digits, with thousands commas
     |(?P<word>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve
        |dozen|twenty|thirty|forty|fifty|hundred))$  # or a small number word
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

_WORDS: Final = lexicon().word_sets

_NUMBER_WORDS: Final = lexicon().number_words

#: Words that mark a noun phrase as definite: it refers to a measure named before.
_DETERMINERS: Final = _WORDS["determiners"]

#: Words before a place that make it the object of a preposition, not a subject.
_PREPOSITIONS: Final = _WORDS["prepositions"]

#: Words after which a clause (and its subject) begins.
_CLAUSE_OPENERS: Final = _WORDS["clause_openers"]

#: Passive or participle words that may stand between a measure and its target.
_PARTICIPLES: Final = _WORDS["participles"]

#: Verbs after which the subject receives the measure (``Japan faces sanctions``).
_RECEIVING_VERBS: Final = _WORDS["receiving_verbs"]


_WORD_TRIM: Final = "'’"


# -- tokens and places ----------------------------------------------------------


class _Token(NamedTuple):
    """A word, punctuation mark or line break of a sentence, with its offsets.

    A named tuple rather than an attrs class: sentences hold many, built often.
    """

    start: int
    end: int
    text: str
    word: bool
    lower: str
    """The token in lower case (read many times, so computed once)."""


@attrs.frozen
class _Party:
    """An imposer or target: the phrase as written and its ISO code."""

    text: str
    code: str | None
    count: int | None = None
    role: str = "actor"
    """``actor``; ``speaker`` (subject of ``said``); ``receiver`` (``faces``, ``condemns``)."""


@attrs.frozen
class _Mention:
    """A measure found in a sentence, with its token range."""

    start: int
    end: int
    measure: str
    first: int
    last: int
    verb: bool = False
    action: SanctionAction | None = None
    """The action the mention itself states (``allowing imports`` lifts), or None."""


def _tokens(text: str, start: int, end: int) -> list[_Token]:
    """Return the tokens of ``text[start:end]``: words, punctuation and line breaks."""
    tokens: list[_Token] = []
    for m in finditer(TOKEN, text, start, end):
        surface = m.group()
        first, last = m.span()
        tokens.append(
            new_tuple(_Token, (first, last, surface, m.lastgroup == "word", surface.lower()))
        )
    return tokens


def _token_index(tokens: Sequence[_Token], offset: int) -> int:
    """Return the index of the first token that ends after *offset*."""
    lo, hi = 0, len(tokens)
    while lo < hi:
        mid = (lo + hi) // 2
        if tokens[mid].end <= offset:
            lo = mid + 1
        else:
            hi = mid
    return lo


# -- the extractor --------------------------------------------------------------


@dataclasses.dataclass
class _Context:
    """What earlier sentences said, for measures that refer back."""

    facts: list[Sanction] = dataclasses.field(default_factory=list)
    pending: list[Sanction] = dataclasses.field(default_factory=list)
    text: str = ""
    previous: Span | None = None
    """The sentence read last."""
    before: Span | None = None
    """The sentence before the current one (whose subject ``it`` may stand for)."""
    sentence_index: int = -1
    last_fact_sentence: int = -100


def extract(doc: Document) -> dict[str, Any]:
    """Return ``{"sanctions": [...]}``: every sanction statement in the body of *doc*.

    One cheap pass over the text (:data:`HEAD_STEMS` ...) finds the words where a
    measure may begin; the full patterns are tried only there.
    """
    lex = lexicon()
    text = doc.text
    sentences = doc.sentences()
    if not sentences:
        return {"sanctions": []}
    starts = _Starts(
        heads=word_starts(doc, HEAD_STEMS),
        verbs=word_starts(doc, VERB_STEMS),
        stops=word_starts(doc, STOP_STEMS),
        allows=word_starts(doc, ALLOW_STEMS),
    )
    if not starts.any(sentences[0].start, len(text)):
        return {"sanctions": []}
    negative = _LazyFlag(text)
    context = _Context(text=text)
    found: list[Sanction] = []
    for index, sentence in enumerate(sentences):
        context.sentence_index = index
        facts = [
            f
            for f in _sentence_facts(doc, sentence, lex, context, negative, starts)
            if _placed_fact(f)
        ]
        if facts:
            context.last_fact_sentence = index
        found.extend(facts)
        context.facts.extend(facts)
    return {"sanctions": found}


def _placed_fact(fact: Sanction) -> bool:
    """Whether a statement ties the measure to a country or bloc on either side.

    A ban on ``certain classes of people`` by no one named is talk, not a sanction.
    """
    if fact.imposer_country is not None or fact.target_country is not None:
        return True
    return fact.imposer is not None and is_bloc(fact.imposer)


@attrs.frozen
class _Starts:
    """Where each kind of measure mention may begin (None: anywhere)."""

    heads: list[int] | None
    verbs: list[int] | None
    stops: list[int] | None
    allows: list[int] | None

    def any(self, start: int, end: int) -> bool:
        """Return whether a mention of any kind may begin in ``[start, end)``."""
        return any(
            has_start(found, start, end)
            for found in (self.heads, self.verbs, self.stops, self.allows)
        )


@attrs.define
class _LazyFlag:
    """Whether the article speaks of free-trade agreements, looked up on first use."""

    text: str
    _value: bool | None = None

    def __bool__(self) -> bool:
        if self._value is None:
            self._value = search(_NEGATIVE_CONTEXT, self.text) is not None
        return self._value


def _negative_pattern(lex: Lexicon) -> regex.Pattern[str]:
    """Build the pattern of phrases that mark trade policy (free-trade agreements)."""
    return regex.compile(
        rf"""
        (?<![\p{{L}}])                                 # whole words only
        (?P<phrase>{alternation(lex.negative_contexts)})  # a free-trade agreement and the like
        (?![\p{{L}}])
        """,
        regex.VERBOSE | regex.IGNORECASE,
    )


#: Phrases that make tariff cuts trade policy: ``free trade agreement``, ``FTA``.
_NEGATIVE_CONTEXT: Final = _negative_pattern(lexicon())


@attrs.frozen
class _RawMention:
    """A measure found by the patterns, before the sentence is tokenised."""

    start: int
    end: int
    measure: str
    verb: bool = False
    action: SanctionAction | None = None


def _raw_mentions(text: str, sentence: Span, lex: Lexicon, starts: _Starts) -> list[_RawMention]:
    """Find the measure mentions of one sentence, in order, without overlaps."""
    found: list[_RawMention] = []
    for m in finditer_at(MEASURE_HEAD, text, starts.heads, sentence.start, sentence.end):
        start = m.start()
        reach = max(sentence.start, start - _MODIFIER_REACH)
        before = text[reach:start].rsplit(None, 1)
        mods = (
            search(MEASURE_MODIFIERS, text, reach, start)
            if before and before[-1].lower() in _MODIFIER_ENDS
            else None
        )
        if mods is not None:
            start = mods.start()
        if _excluded(text, start, m.end(), sentence, lex):
            continue
        head = " ".join(m.group("head").lower().split())
        found.append(_RawMention(start, m.end(), lex.measures[head]))
    for m in finditer_at(MEASURE_VERB, text, starts.verbs, sentence.start, sentence.end):
        verb = lex.measure_verbs[m.group("verb").lower()]
        found.append(_RawMention(m.start(), m.end(), verb, verb=True))
    for m in finditer_at(TRADE_STOP, text, starts.stops, sentence.start, sentence.end):
        found.append(_RawMention(m.start(), m.end(), " ".join(m.group().split()), verb=True))
    for m in finditer_at(TRADE_ALLOWED, text, starts.allows, sentence.start, sentence.end):
        surface = " ".join(m.group().split())
        found.append(_RawMention(m.start(), m.end(), surface, verb=True, action="lift"))
    found.sort(key=lambda x: (x.start, -x.end))
    kept: list[_RawMention] = []
    for mention in found:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


def _mention(
    tokens: Sequence[_Token],
    start: int,
    end: int,
    measure: str,
    *,
    verb: bool = False,
    action: SanctionAction | None = None,
) -> _Mention:
    """Place a measure found at ``[start, end)`` on the sentence's tokens."""
    first = _token_index(tokens, start)
    last = max(first, _token_index(tokens, end - 1))
    return _Mention(
        start=start, end=end, measure=measure, first=first, last=last, verb=verb, action=action
    )


def _excluded(text: str, start: int, end: int, sentence: Span, lex: Lexicon) -> bool:
    """Return whether a measure mention is a name or compound rather than a measure."""
    before = text[max(sentence.start, start - 40) : start].lower()
    after = text[end : min(sentence.end, end + 20)]
    if before.endswith(("non-", "non ", "agreement on ", "agreements on ")):
        return True
    if before.endswith(("in ", "as ")) and text[start:end].lower().startswith("retaliat"):
        return True  # ``in retaliation for`` opens a reason
    next_word = after.strip().split(" ", 1)[0].strip(".,;:\"'”’").lower() if after.strip() else ""
    if next_word in lex.evasion_words:
        return True
    # Producers' quotas (``export quotas`` of a cartel's members) restrict no one else.
    surface = text[start:end]
    words = surface.lower().split()
    if words[-1] in {"quota", "quotas"} and any(w in _PRODUCER_QUOTA_WORDS for w in words[:-1]):
        return True
    # A capitalised measure inside a name (a Tariff Commission, the Tariff Act).
    return surface[:1].isupper() and next_word in _NAME_HEADS


#: Nouns after ``X sanctions`` that make X the target (``the Iran sanctions bill``).
_LAW_NOUNS: Final = _WORDS["law_nouns"]

#: Verbs whose object is asked to act: ``urged Washington to lift``.
_URGING_VERBS: Final = _WORDS["urging_verbs"]

#: Verbs that put a target on a list: ``added four firms to its blacklist``.
_ADDING_VERBS: Final = _WORDS["adding_verbs"]

#: Words that deny the measure after them (``not``, ``no plans to``).
_NEGATORS: Final = _WORDS["negators"]

#: Words that may stand between a negator and the measure it denies.
_NEGATION_SCOPE: Final = _WORDS["negation_scope"]

#: Words that, after a negator, deny the denial (``did not rule out``, ``not only``).
_DENIAL_WORDS: Final = _WORDS["denial_words"]

#: Conditions after a measure verb whose subject is the target (``retaliate if Japan ...``).
_CONDITIONS: Final = frozenset({"if", "unless", "should"})

#: Words after a capitalised measure that make it part of a name (``Tariff Act``).
_NAME_HEADS: Final = _WORDS["name_heads"]

#: Words before ``quotas`` that make them producers' own quotas, not a sanction.
_PRODUCER_QUOTA_WORDS: Final = _WORDS["producer_quota_words"]

#: Words before a place that make it a destination (``Muslims entering the United States``).
_DESTINATION_WORDS: Final = _WORDS["destination_words"]

#: Nouns that make a ban immigration policy rather than a sanction.
_MIGRANT_NOUNS: Final = _WORDS["migrant_nouns"]

#: Object pronouns after a ban that make it a ban on a person (``the move to ban him``).
_PERSON_OBJECTS: Final = _WORDS["person_objects"]


# -- one sentence -----------------------------------------------------------------

#: Lifting participles that may follow the measure (``the ban would be lifted``).
_LIFT_AFTER: Final = _WORDS["lift_after"]

#: Forms of ``be`` (and ``to``) that put a lifting participle in the passive: ``would be lifted``.
_BE_WORDS: Final = _WORDS["be_words"]

#: Modal verbs: after a counter-measure they make it a threat (``retaliation would follow``).
_MODALS: Final = _WORDS["modals"]

#: Participles after the measure that state it is in force (``sanctions imposed on``).
_IMPOSE_AFTER: Final = _WORDS["impose_after"]

#: Threat words in the measure phrase or just after it (``tariff proposals``).
_THREAT_INSIDE: Final = _WORDS["threat_inside"]

#: Words of an amount that may stand between a measure and its target.
_AMOUNT_WORDS: Final = _WORDS["amount_words"]

#: Words that carry a condition, plan or future across the clause (``if Ottawa imposed``).
_CLAUSE_THREATS: Final = _WORDS["clause_threats"]

#: Words that open a reason clause only when followed by a gerund or a possessive.
_WEAK_REASON_CUES: Final = _WORDS["weak_reason_cues"]


@attrs.frozen
class _Placed:
    """A place mention with the tokens it covers."""

    first: int
    last: int
    place: PlaceMention


def _sentence_facts(
    doc: Document,
    sentence: Span,
    lex: Lexicon,
    context: _Context,
    negative_article: _LazyFlag,
    starts: _Starts,
) -> list[Sanction]:
    """Return the sanctions one sentence states, one per (imposer, target, action).

    A sentence where no measure may begin (see :class:`_Starts`) is read only for a
    pronoun that lifts a measure named just before.
    """
    text = doc.text
    raw = (
        _raw_mentions(text, sentence, lex, starts)
        if starts.any(sentence.start, sentence.end)
        else []
    )
    recent = bool(context.facts) and context.sentence_index - context.last_fact_sentence <= 2
    lifted_pronoun = (bool(raw) or recent) and search(
        PRONOUN_LIFT, text, sentence.start, sentence.end
    ) is not None
    context.before, context.previous = context.previous, sentence
    if not raw and not lifted_pronoun:
        return []  # most sentences: no measure, nothing to tokenise
    tokens, placed = _read(text, sentence)
    if not tokens:
        return []
    mentions = [
        _mention(tokens, m.start, m.end, m.measure, verb=m.verb, action=m.action) for m in raw
    ]
    firsts = [p.first for p in placed]
    facts: dict[tuple[str | None, str | None, str], Sanction] = {}
    context.pending = []
    inferred: list[Sanction] = []
    consumed = -1
    for k, mention in enumerate(mentions):
        if mention.first < consumed:
            continue  # a measure inside another's target: ``retaliation against Mexican tariffs``
        lo = mentions[k - 1].last + 1 if k else 0
        hi = mentions[k + 1].first if k + 1 < len(mentions) else len(tokens)
        local = _near(placed, firsts, mention)
        found, np_end, inherited = _mention_facts(
            doc, sentence, tokens, local, mention, lo, hi, lex, context
        )
        if found and np_end > mention.last + 1:
            consumed = np_end
        context.pending.extend(found)
        if inherited:
            inferred.extend(found)
    inferred_ids = {id(f) for f in inferred}
    for fact in context.pending:
        if id(fact) in inferred_ids and any(
            id(other) not in inferred_ids
            and other.action == fact.action
            and (
                other.imposer_country == fact.imposer_country
                or other.target_country == fact.target_country
            )
            for other in context.pending
        ):
            continue  # ``Denmark's boycott, forbidding shipments to Syria``: one fact
        if negative_article and fact.action == "lift" and fact.measure == "tariffs":
            continue
        key = (
            fact.imposer_country or (fact.imposer or "").lower() or None,
            fact.target_country or (fact.target or "").lower() or None,
            fact.action,
        )
        facts.setdefault(key, fact)
    context.pending = []
    if lifted_pronoun:
        lifted = _pronoun_lift(sentence, [*context.facts, *facts.values()], context)
        if lifted is not None and not any(f.action == "lift" for f in facts.values()):
            facts.setdefault((lifted.imposer_country, lifted.target_country, "lift"), lifted)
    return sorted(facts.values(), key=lambda f: f.span.start)


#: How many tokens either side of a mention its parties may stand.
_REACH: Final = 40


def _near(placed: Sequence[_Placed], firsts: Sequence[int], mention: _Mention) -> list[_Placed]:
    """The places within reach of a mention (keeps long sentences linear)."""
    lo = bisect.bisect_left(firsts, mention.first - _REACH)
    hi = bisect.bisect_right(firsts, mention.last + _REACH)
    return list(placed[lo:hi])


def _pronoun_lift(sentence: Span, known: Sequence[Sanction], context: _Context) -> Sanction | None:
    """A ``lift them`` / ``wanted it to end`` statement about the measure named just before."""
    if not known:
        return None
    last = known[-1]
    if last.span != sentence and context.sentence_index - context.last_fact_sentence > 2:
        return None
    return attrs.evolve(
        last, span=sentence, action="lift", when=None, reason=None, rate=None, amount=None
    )


def _mention_facts(
    doc: Document,
    sentence: Span,
    tokens: Sequence[_Token],
    placed: Sequence[_Placed],
    mention: _Mention,
    lo: int,
    hi: int,
    lex: Lexicon,
    context: _Context,
) -> tuple[list[Sanction], int, bool]:
    """Return the facts one measure mention states (one per target), the index of the
    token after the target phrase read for them, and whether the parties were inferred
    from earlier statements rather than read here."""
    text = doc.text
    action = _action(tokens, mention, lo, hi, lex)
    if _negated(tokens, mention, lo):
        if action != "lift":
            return [], mention.last + 1, False  # ``was not planning sanctions``: none stated
        action = "impose"  # ``will not lift the sanctions``: they stand
    imposer, imposer_adjacent = _adjacent_imposer(text, tokens, placed, mention)
    targets: list[_Party] = []
    after = mention.last + 1
    if (
        imposer is not None
        and imposer_adjacent
        and after < len(tokens)
        and tokens[after].lower in _LAW_NOUNS
    ):
        # ``the South African sanctions law``, ``an Iran sanctions bill``: on that country
        targets, imposer, imposer_adjacent = [attrs.evolve(imposer, role="actor")], None, False
    anti = _anti_target(text, placed, mention)
    if anti is not None:
        targets.append(anti)
        imposer, imposer_adjacent = None, False
    after_targets, by_imposer, np_end = _targets_after(text, tokens, placed, mention, hi, lex)
    if not targets:
        targets = after_targets
    if imposer is None and by_imposer is not None:
        imposer = by_imposer
    before = _targets_before(text, tokens, placed, mention)
    if before and (not targets or tokens[mention.first - 1].lower != "to"):
        targets = before + [t for t in targets if t.code not in {b.code for b in before}]
    subject = _clause_subject(tokens, placed, mention, context, {t.code for t in targets}, lex)
    if subject is not None and subject.role == "receiver":
        if not targets and (imposer is None or imposer.code != subject.code):
            targets = [subject]
    elif subject is not None and imposer is None:
        imposer = subject
    definite = imposer_adjacent or _is_definite(tokens, mention)
    if imposer is None:
        imposer = _possessive_imposer(tokens, placed, mention)
    inherited = not targets
    if inherited and after < len(tokens) and tokens[after].lower in _PERSON_OBJECTS:
        return [], after, True  # ``the move to ban him``: a person, not a country
    if inherited:
        np_end = mention.last + 1
        found = _inherit(imposer, mention, definite, context)
        if found is None and definite and imposer is not None and imposer.code is not None:
            host = _dateline_party(doc, [_Party(imposer.text, None)])
            if host is not None and host.code != imposer.code:
                found = imposer, [host]  # ``U.S. sanctions`` in a story filed from Caracas
        if found is None:
            return [], np_end, True
        imposer, targets = found
    elif imposer is None:
        imposer = _imposer_for(targets, context)
        known = [*context.facts, *context.pending]
        if imposer is None and any(_domestic(targets, f.imposer_country, lex) for f in known):
            return [], np_end, False  # the effect of a country's own measure on its industry
    if imposer is None:
        imposer = _dateline_party(doc, targets)
    reason = _reason(text, tokens, mention, np_end, hi, lex)
    when = _when(doc, sentence, mention)
    rate, amount = _numbers(text, sentence, mention)
    facts: list[Sanction] = []
    for target in targets:
        party = imposer
        if party is not None and party.code is not None and party.code == target.code:
            party = None
        facts.append(
            Sanction(
                span=sentence,
                action=action,
                measure=mention.measure,
                imposer=party.text if party else None,
                imposer_country=party.code if party else None,
                target=target.text,
                target_country=target.code,
                target_count=target.count,
                rate=rate,
                amount=amount,
                reason=reason,
                when=when,
            )
        )
    return facts, np_end, inherited


# -- action ---------------------------------------------------------------------


def _words(tokens: Sequence[_Token], start: int, stop: int) -> list[str]:
    """Return the lower-cased words of ``tokens[start:stop]``, punctuation skipped."""
    return [t.lower.strip(_WORD_TRIM) for t in tokens[max(0, start) : max(0, stop)] if t.word]


def _action(
    tokens: Sequence[_Token], mention: _Mention, lo: int, hi: int, lex: Lexicon
) -> SanctionAction:
    """Decide impose / lift / threaten / enforce from the words around a mention."""
    if mention.action is not None:
        return mention.action
    cues = lex.cues
    near = _words(tokens, max(lo, mention.first - 6), mention.first)
    inside = {w.lower() for w in tokens[mention.first].text.split()} | set(
        _words(tokens, mention.first, mention.last + 1)
    )
    after: list[str] = []
    for token in tokens[mention.last + 1 : min(hi, mention.last + 11)]:
        if not token.word and token.text not in "$%":
            break
        if token.lower in {"and", "but", "while", "if", "unless", "because", "when", "which"}:
            break
        after.append(token.lower)
    clause = _clause_words(tokens, mention)
    in_force = bool(set(after[:2]) & _IMPOSE_AFTER)
    lifting = any(w in cues["lift"] for w in near) or any(
        w in _LIFT_AFTER and (i == 0 or after[i - 1] in _BE_WORDS) for i, w in enumerate(after)
    )
    if lifting and not in_force:
        return "lift"
    if any(w in cues["enforce"] for w in near) and not in_force:
        return "enforce"
    threat = (
        any(w in cues["threaten"] for w in near)
        or bool(inside & _THREAT_INSIDE)
        or bool(set(after[:3]) & _THREAT_INSIDE)
        or any(w in _CLAUSE_THREATS for w in clause)
        or "threatened" in after
        or (mention.measure in _RETALIATION and bool(set(after[:3]) & _MODALS))
    )
    return "threaten" if threat else "impose"


def _negated(tokens: Sequence[_Token], mention: _Mention, lo: int) -> bool:
    """Whether the words just before a mention deny it (``not planning sanctions``,
    ``has no plans to impose``), unless they deny a denial (``did not rule out``).

    Only a denial whose every word up to the measure is a verb of imposing or
    planning, a determiner or a modifier counts: ``not to extend the exemptions``,
    ``no one has said the boycott`` and ``more likely than not`` deny nothing here.
    """
    words = _words(tokens, max(lo, mention.first - 6), mention.first)
    for i, word in enumerate(words):
        if (word in _NEGATORS or word.endswith("n't")) and (i == 0 or words[i - 1] != "than"):
            rest = words[i + 1 :]
            if any(w in _DENIAL_WORDS for w in rest):
                return False
            return all(w in _NEGATION_SCOPE or w in _MODIFIER_ENDS for w in rest)
    return False


def _clause_words(tokens: Sequence[_Token], mention: _Mention) -> list[str]:
    """Words of the clause before a mention, back to a semicolon or the sentence start."""
    words: list[str] = []
    nxt = tokens[mention.first]
    for token in reversed(tokens[max(0, mention.first - 14) : mention.first]):
        if token.text in {";", ":", "—"}:
            break
        if token.word and nxt.lower != "by":
            words.append(token.lower)
        nxt = token
    return words


# -- imposer --------------------------------------------------------------------


def _adjacent_imposer(
    text: str, tokens: Sequence[_Token], placed: Sequence[_Placed], mention: _Mention
) -> tuple[_Party | None, bool]:
    """A place written right before the measure: ``U.S. tariffs``, ``Denmark's boycott``."""
    for item in placed:
        if item.last == mention.first - 1 or (
            item.first >= mention.first and item.place.span.end <= mention.end
        ):
            gap = text[item.place.span.end : mention.start]
            if gap.strip() in {"", "'s", "’s"} and item.last < mention.last:
                return _Party(item.place.text, item.place.code), True
    return None, False


#: Nouns between a possessive imposer and its measure: ``Canada's decision to impose tariffs``.
_DECISION_WORDS: Final = _WORDS["decision_words"]

#: The nouns among them that a country may stand before (``the U.S. plan``).
_DECISION_NOUNS: Final = frozenset(
    {"announcement", "bid", "decision", "decisions", "move", "moves", "plan", "plans"}
    | {"proposal", "proposals", "threat", "threats"}
)


def _possessive_imposer(
    tokens: Sequence[_Token], placed: Sequence[_Placed], mention: _Mention
) -> _Party | None:
    """A place owning the decision: ``Canada's decision to impose tariffs``, ``the U.S.
    plan to raise tariffs``."""
    for item in placed:
        if item.last >= mention.first or mention.first - item.last > 6:
            continue
        owner = tokens[item.last].lower.endswith(("'s", "’s")) or (
            item.place.kind == "country" and tokens[item.last + 1].lower in _DECISION_NOUNS
        )
        if not owner:
            continue
        if set(_words(tokens, item.last + 1, mention.first)) <= _DECISION_WORDS:
            return _Party(item.place.text, item.place.code)
    return None


def _clause_subject(
    tokens: Sequence[_Token],
    placed: Sequence[_Placed],
    mention: _Mention,
    context: _Context,
    target_codes: set[str | None],
    lex: Lexicon,
) -> _Party | None:
    """The subject of the clause holding a mention, with its role.

    The subject is the nearest country before the mention that opens a clause (at
    the sentence start, after punctuation or a word such as ``said`` or ``if``). A
    pronoun ``it`` right before the mention stands for the previous sentence's
    subject. The words after the subject give its role: ``said`` makes a speaker,
    ``faces``/``condemns`` a receiver of the measure, anything else an actor.
    """
    urged = _urged_actor(tokens, placed, mention)
    if urged is not None:
        return urged
    for item in reversed(placed):
        if item.last >= mention.first:
            continue
        if item.place.code is not None and item.place.code in target_codes:
            continue
        if item.place.kind == "demonym":
            continue
        if _after_by(tokens, item.first) and all(
            t.word for t in tokens[item.last + 1 : mention.first]
        ):
            return _Party(item.place.text, item.place.code)
        if _opens_clause(tokens, item.first):
            stop = min(
                [mention.first, item.last + 5] + [p.first for p in placed if p.first > item.last]
            )
            verbs = set(_words(tokens, item.last + 1, stop))
            role = "actor"
            if verbs & lex.speech_verbs:
                role = "speaker"
            elif verbs & (lex.reaction_verbs | _RECEIVING_VERBS):
                role = "receiver"
            return _Party(item.place.text, item.place.code, role=role)
    for index in range(mention.first - 1, max(-1, mention.first - 4), -1):
        token = tokens[index]
        if token.lower == "it" and _opens_clause(tokens, index):
            return _previous_subject(context.text, context.before)
    return None


def _urged_actor(
    tokens: Sequence[_Token], placed: Sequence[_Placed], mention: _Mention
) -> _Party | None:
    """The country urged to act on a measure: ``urged Washington to lift the restrictions``,
    ``called on Tokyo to impose sanctions`` (the one urged acts, not the one urging)."""
    for item in reversed(placed):
        if item.last >= mention.first or mention.first - item.last > 6:
            continue
        k = item.first - 1
        if k >= 0 and tokens[k].lower == "the":
            k -= 1
        if k >= 1 and tokens[k].lower == "on":
            k -= 1  # ``called on``
        if k < 0 or tokens[k].lower not in _URGING_VERBS:
            continue
        if item.last + 1 < len(tokens) and tokens[item.last + 1].lower == "to":
            return _Party(item.place.text, item.place.code)
    return None


def _after_by(tokens: Sequence[_Token], index: int) -> bool:
    """Whether the place at *index* is the agent of a passive: ``set by Ottawa``."""
    while index > 0 and tokens[index - 1].lower in {"the"}:
        index -= 1
    return index > 0 and tokens[index - 1].lower == "by"


def _opens_clause(tokens: Sequence[_Token], index: int) -> bool:
    """Whether the token at *index* (skipping a leading ``the``) begins a clause."""
    while index > 0 and tokens[index - 1].lower in {"the"}:
        index -= 1
    if index == 0:
        return True
    before = tokens[index - 1]
    if not before.word:
        return before.text not in {"$", "-"}
    return before.lower in _CLAUSE_OPENERS


def _read(text: str, sentence: Span) -> tuple[list[_Token], list[_Placed]]:
    """Tokenise a sentence and find its places, with the tokens each place covers."""
    tokens = _tokens(text, sentence.start, sentence.end)
    places = find_places(text, sentence.start, sentence.end)
    chunk = text[sentence.start : sentence.end]
    if places and any(digit in chunk for digit in "0123456789"):
        # ``45 mln Canadian dlrs``: a currency's country is no party
        money = [a.span for a in find_amounts(text, sentence.start, sentence.end)]
        places = [p for p in places if not any(m.overlaps(p.span) for m in money)]
    placed = [
        _Placed(_token_index(tokens, p.span.start), _token_index(tokens, p.span.end - 1), p)
        for p in places
    ]
    return tokens, placed


def _previous_subject(text: str, previous: Span | None) -> _Party | None:
    """The subject of the previous sentence: what ``it`` at the start of this one means."""
    if previous is None:
        return None
    tokens, placed = _read(text, previous)
    return _sentence_subject(tokens, placed) if tokens else None


def _sentence_subject(tokens: Sequence[_Token], placed: Sequence[_Placed]) -> _Party | None:
    """The first place that opens a clause: what ``it`` in the next sentence stands for."""
    for item in placed:
        if _opens_clause(tokens, item.first):
            return _Party(item.place.text, item.place.code)
    return None


def _dateline_party(doc: Document, targets: Sequence[_Party]) -> _Party | None:
    """The dateline's country as the imposer of a measure on a foreign target.

    A wire story filed from Ottawa about sanctions on Syria that names no
    imposer reports Ottawa's measure.
    """
    dateline = doc.dateline
    if dateline is None or dateline.country is None or dateline.place is None:
        return None
    if not targets or any(geo.same_country(t.code, dateline.country) for t in targets):
        return None
    return _Party(dateline.place, dateline.country)


def _domestic(targets: Sequence[_Party], code: str | None, lex: Lexicon) -> bool:
    """Whether the targets are the economy of *code* itself (``Danish industry``)."""
    return any(
        t.code == code and bool(set(t.text.lower().split()) & lex.domestic_nouns) for t in targets
    )


def _imposer_for(targets: Sequence[_Party], context: _Context) -> _Party | None:
    """The imposer an earlier statement gave for the same target, or None."""
    codes = {t.code for t in targets if t.code}
    for fact in reversed(context.facts):
        if fact.target_country in codes and fact.imposer:
            return _Party(fact.imposer, fact.imposer_country)
    return None


def _inherit(
    imposer: _Party | None, mention: _Mention, definite: bool, context: _Context
) -> tuple[_Party | None, list[_Party]] | None:
    """Parties of the measure an earlier sentence named, for ``the sanctions`` and the like.

    Counter-measures of a country that an earlier statement targets are aimed at
    that statement's imposer. Another country named as the subject of a sentence
    about ``the tariffs`` is a speaker, not the imposer.
    """
    known = [*context.facts, *context.pending]
    if not known:
        return None
    if imposer is not None and imposer.code is not None and mention.measure in _RETALIATION:
        for fact in reversed(known):
            if fact.target_country == imposer.code and fact.imposer:
                return imposer, [_Party(fact.imposer, fact.imposer_country)]
    if not definite and mention.measure not in _RETALIATION:
        return None
    if imposer is not None and imposer.code is not None:
        for fact in reversed(known):
            if fact.imposer_country == imposer.code and fact.target:
                return imposer, [_Party(fact.target, fact.target_country)]
    if (
        not context.pending
        and context.sentence_index - context.last_fact_sentence > _REFERENCE_REACH
    ):
        return None
    ref = _dominant(known)
    if ref.target is None:
        return None
    ref_imposer = _Party(ref.imposer, ref.imposer_country) if ref.imposer else None
    if imposer is not None and imposer.code is not None and imposer.code != ref.imposer_country:
        if imposer.role == "speaker" or ref_imposer is None:
            imposer = ref_imposer  # ``Canada said the tariffs were unfair``
        elif imposer.code == ref.target_country:
            return imposer, [ref_imposer]  # the target answers with a measure of its own
    elif imposer is None:
        imposer = ref_imposer
    return imposer, [_Party(ref.target, ref.target_country)]


def _dominant(known: Sequence[Sanction]) -> Sanction:
    """The statement whose (imposer, target) the article repeats most, latest on ties."""
    counts: dict[tuple[str | None, str | None], int] = {}
    for fact in known:
        pair = (fact.imposer_country or fact.imposer, fact.target_country or fact.target)
        counts[pair] = counts.get(pair, 0) + 1
    best = max(
        range(len(known)),
        key=lambda i: (
            counts[
                (
                    known[i].imposer_country or known[i].imposer,
                    known[i].target_country or known[i].target,
                )
            ],
            i,
        ),
    )
    return known[best]


#: How many sentences after the last statement ``the sanctions`` may still refer back to it.
_REFERENCE_REACH: Final = 8

#: Measure families that answer another measure.
_RETALIATION: Final = frozenset({"retaliation", "countermeasures"})


def _is_definite(tokens: Sequence[_Token], mention: _Mention) -> bool:
    """Whether the measure phrase refers to a specific measure.

    ``the sanctions``, ``these tariffs``, ``the decade-old ban``, ``the latest tariff
    threat``, ``the decision to impose sanctions``, ``Denmark's boycott``.
    """
    if tokens[mention.first].lower in _DETERMINERS:
        return True
    if mention.verb and any(
        t.lower in _DETERMINERS for t in tokens[mention.first : mention.last + 1]
    ):
        return True  # ``allowing the remaining imports``
    for index in range(mention.first - 1, max(-1, mention.first - 5), -1):
        token = tokens[index]
        if not token.word:
            return False
        word = token.lower
        if word in _DETERMINERS:
            return not (word == "that" and index == mention.first - 1)
        if word.endswith(("'s", "’s")):
            return True
        if word in _DECISION_WORDS or "-" in word or word.endswith(("ed", "al", "ive")):
            continue
        return False
    return False


# -- target ---------------------------------------------------------------------


def _anti_target(text: str, placed: Sequence[_Placed], mention: _Mention) -> _Party | None:
    """``anti-China tariffs``: the place after ``anti-`` is the target."""
    for item in placed:
        start, end = item.place.span.start, item.place.span.end
        if (
            end <= mention.start
            and mention.start - end <= 2
            and text[max(0, start - 5) : start].lower() == "anti-"
        ):
            return _Party(item.place.text, item.place.code)
    return None


def _targets_after(
    text: str,
    tokens: Sequence[_Token],
    placed: Sequence[_Placed],
    mention: _Mention,
    hi: int,
    lex: Lexicon,
) -> tuple[list[_Party], _Party | None, int]:
    """Targets attached after a mention (``on four Kyrgyz companies``), and a ``by`` imposer.

    ``from`` right after the measure names who imposes it (``tariffs from other
    countries``, ``the tariff threat from Peru``). Returns the targets, the imposer
    of a ``by``/``from`` phrase (or None) and the index after the last phrase read.
    """
    by_imposer: _Party | None = None
    partner_target: _Party | None = None
    j = mention.last + 1
    stop = min(hi, mention.last + 16, len(tokens))
    inner = [
        _Party(p.place.text, p.place.code)
        for p in placed
        if mention.verb and p.first >= mention.first and p.last <= mention.last
    ]
    if mention.verb:
        if inner and mention.measure.lower().endswith("imports"):
            return inner, None, j  # ``suspended Argentine wheat imports``: Brazil is the target
        if inner:
            found, _, end = _targets_after(
                text, tokens, placed, attrs.evolve(mention, verb=False), hi, lex
            )
            if found:
                return found, inner[0], end  # ``halt all Danish shipping to Syria``
            return inner, None, j
        if j < stop and tokens[j].lower in {"of", "the"}:
            j += 1  # ``allowing imports of Iranian oil``
        if j + 1 < stop and tokens[j].lower in _CONDITIONS:
            j += 1  # ``would retaliate if Japan did not ...``: Japan
        if (
            j < stop
            and tokens[j].lower not in lex.target_prepositions
            and tokens[j].lower not in lex.boundaries
        ):  # the object of the verb (``blacklisted four firms``), not ``sanctioned by``
            phrase = _noun_phrase(tokens, placed, j, stop, lex)
            parties = _parties(text, tokens, placed, j, phrase, lex)
            if parties:
                return parties, None, phrase
    while j < stop:
        token = tokens[j]
        word = token.lower
        if not token.word:
            if token.text in {"$", "%", "…"}:
                j += 1
                continue
            if token.text == "," and _relative_continues(tokens, j + 1):
                j += 2
                continue
            break
        if word == "by" or (word == "from" and j == mention.last + 1):
            end = _noun_phrase(tokens, placed, j + 1, stop, lex, agent=True)
            agent = _agent(text, tokens, placed, j + 1, end)
            if agent is not None and by_imposer is None:
                by_imposer, partner = agent
                if partner is not None:
                    partner_target = partner
            j = end
            continue
        if word == "of":
            j = _noun_phrase(tokens, placed, j + 1, min(stop, j + 5), lex, agent=True)
            continue
        if word == "as" and j + 1 < len(tokens) and tokens[j + 1].lower in _AS_LIST_HEADS:
            k = j + 1
            while k < min(len(tokens), j + 5) and tokens[k].lower != "as":
                k += 1  # ``as countries such as Iran and Syria``
            end = _noun_phrase(tokens, placed, k + 1, stop + 6, lex)
            inside = [p for p in placed if j < p.first and p.last < end]
            if inside:
                return [_Party(p.place.text, p.place.code) for p in inside], by_imposer, end
            break
        if word in lex.target_prepositions:
            if word == "on" and j + 1 < len(tokens) and tokens[j + 1].lower == "behalf":
                break  # ``duties ... on behalf of the EC``: not a target
            if word == "to":
                following = tokens[j + 1].lower if j + 1 < len(tokens) else ""
                if following == "be":
                    j += 2
                    continue
                if j > 0 and tokens[j - 1].lower == "up":
                    j += 1
                    continue
                if not _place_starts(tokens, placed, j + 1):
                    break
            end = _noun_phrase(tokens, placed, j + 1, stop + 6, lex)
            parties = _parties(text, tokens, placed, j + 1, end, lex)
            if any(t.lower in _MIGRANT_NOUNS for t in tokens[j + 1 : end]):
                break  # ``a ban on admitting migrants to the country``: immigration policy
            if parties:
                if by_imposer is None and end < len(tokens) and tokens[end].lower == "by":
                    agent_end = _noun_phrase(tokens, placed, end + 1, end + 12, lex, agent=True)
                    agent = _agent(text, tokens, placed, end + 1, agent_end)
                    by_imposer = agent[0] if agent else None
                return parties, by_imposer, end
            j = end
            continue
        if word in {"which", "that"} and _relative_continues(tokens, j):
            j += 1
            continue
        if (
            word in _PARTICIPLES
            or word in _AMOUNT_WORDS
            or word[:1].isdigit()
            or word[:1] in "$€£¥"
            or (word.endswith("ly") and len(word) > 4)
        ):
            j += 1
            continue
        break
    return ([partner_target] if partner_target else []), by_imposer, j


def _agent(
    text: str, tokens: Sequence[_Token], placed: Sequence[_Placed], start: int, end: int
) -> tuple[_Party, _Party | None] | None:
    """The imposer named by a ``by``/``from`` phrase, and the country its partners face.

    ``by the United States`` names the United States; ``by Brazil's trading partners``
    names the partners (no country) and makes Brazil the target.
    """
    if end <= start:
        return None
    surface = _surface(text, tokens, start, end)
    words = set(_words(tokens, start, end))
    inside = [p for p in placed if start <= p.first and p.last < end]
    if words & _PARTNER_WORDS:
        partner = _Party(inside[0].place.text, inside[0].place.code) if inside else None
        return _Party(surface, None), partner
    if inside:
        return _Party(surface, inside[0].place.code), None
    if words & _AGENT_NOUNS:
        return _Party(surface, None), None
    return None


#: Nouns that make a ``by``/``from`` phrase without a country an imposer (not ``by October``).
_AGENT_NOUNS: Final = _WORDS["agent_nouns"]

#: Words that make a phrase the partners of a country rather than the country.
_PARTNER_WORDS: Final = _WORDS["partner_words"]


#: Verbs of a relative clause that lead on to a measure's target or imposer.
_RELATIVE_VERBS: Final = _WORDS["relative_verbs"]


def _relative_continues(tokens: Sequence[_Token], index: int) -> bool:
    """Whether ``which covers ...`` / ``which have been threatened by ...`` starts at *index*."""
    if index + 1 >= len(tokens) or tokens[index].lower not in {"which", "that"}:
        return False
    return tokens[index + 1].lower in _RELATIVE_VERBS


def _place_starts(tokens: Sequence[_Token], placed: Sequence[_Placed], index: int) -> bool:
    """Whether a place (after an optional ``the``) begins at token *index*."""
    starts = {index}
    if index < len(tokens) and tokens[index].lower == "the":
        starts.add(index + 1)
    return any(p.first in starts for p in placed)


def _noun_phrase(
    tokens: Sequence[_Token],
    placed: Sequence[_Placed],
    start: int,
    stop: int,
    lex: Lexicon,
    *,
    agent: bool = False,
) -> int:
    """Return the index after a noun phrase starting at *start* (lists of places included).

    An *agent* phrase (after ``by`` or ``from``) also ends before a target preposition:
    ``by the ministry against Peru``.
    """
    stop = min(stop, len(tokens))
    place_ends = {p.last for p in placed}
    seen_place = False
    j = start
    while j < stop and j - start < 12:
        token = tokens[j]
        if not token.word:
            if token.text in {"$", "%", "-", "'", "’"}:
                j += 1
                continue
            if token.text == "," and _list_continues(tokens, placed, j + 1):
                j += 1
                continue
            break
        word = token.lower
        if word in {"and", "or"}:
            if _list_continues(tokens, placed, j + 1):
                j += 1
                continue
            if seen_place:
                break
        if word in lex.boundaries and j > start:
            break
        if agent and word in lex.target_prepositions and j > start:
            break
        seen_place = seen_place or j in place_ends
        j += 1
    return j


def _list_continues(tokens: Sequence[_Token], placed: Sequence[_Placed], index: int) -> bool:
    """Whether a list of places goes on at *index* (``, Canada``, ``, and Mexico``)."""
    if index < len(tokens) and tokens[index].lower == "and":
        index += 1
    return _place_starts(tokens, placed, index)


def _parties(
    text: str,
    tokens: Sequence[_Token],
    placed: Sequence[_Placed],
    start: int,
    end: int,
    lex: Lexicon,
    *,
    require_country: bool = False,
) -> list[_Party]:
    """The parties a phrase names: one per listed place, or the phrase for a plural party."""
    if end <= start:
        return []
    if any(t.lower in _MIGRANT_NOUNS for t in tokens[start:end]):
        return []  # a ban on refugees or immigrants is immigration policy
    inside = [
        p for p in placed if start <= p.first and p.last < end and not _destination(tokens, p)
    ]
    count = _count_at(tokens, start)
    if len(inside) > 1 and _is_list(tokens, inside):
        return [_Party(p.place.text, p.place.code) for p in inside]
    if inside:
        last = _phrase_end(tokens, inside[-1].last, end, lex)
        return [_Party(_surface(text, tokens, start, last), inside[0].place.code, count)]
    surface = _surface(text, tokens, start, end)
    if require_country:
        return []
    words = _words(tokens, start, end)
    if (
        words
        and words[-1] in lex.party_nouns
        and words[-1] not in {"products", "goods", "imports", "exports", "items"}
    ):
        return [_Party(surface, None, count)]
    return []


def _destination(tokens: Sequence[_Token], place: _Placed) -> bool:
    """Whether a place is where people or goods go (``entering the United States``)."""
    k = place.first - 1
    if k >= 0 and tokens[k].lower == "the":
        k -= 1
    return k >= 0 and tokens[k].lower in _DESTINATION_WORDS


def _phrase_end(tokens: Sequence[_Token], place_last: int, end: int, lex: Lexicon) -> int:
    """Where a target phrase ends: the place and up to three nouns after it.

    ``four Kyrgyz companies in July`` ends after ``companies``.
    """
    best = place_last + 1
    for k in range(place_last + 1, min(end, place_last + 4)):
        word = tokens[k].lower
        if not tokens[k].word or word in lex.boundaries:
            break
        if (
            word in lex.party_nouns
            or word in lex.domestic_nouns
            or (word.endswith("s") and not word.endswith("ss"))
        ):
            best = k + 1
    return best


def _is_list(tokens: Sequence[_Token], inside: Sequence[_Placed]) -> bool:
    """Whether places stand as a list: only commas, ``and`` or ``the`` between them."""
    for a, b in itertools.pairwise(inside):
        between = {t.lower for t in tokens[a.last + 1 : b.first]}
        if not between or not between <= {",", "and", "the", "or"}:
            return False
    return True


def _count_at(tokens: Sequence[_Token], index: int) -> int | None:
    """The number of targets a phrase counts at its first token: ``four`` Kyrgyz
    companies, ``a dozen`` entities; not ``300`` mln dlrs worth of goods (an amount)."""
    if index >= len(tokens):
        return None
    word = tokens[index].lower
    following = tokens[index + 1].lower if index + 1 < len(tokens) else ""
    if word in {"a", "an"} and following == "dozen":
        return _NUMBER_WORDS["dozen"]
    if is_quantity_word(following) or tokens[index].text[:1] in "$€£¥":
        return None
    return _count(tokens[index].text)


def _count(word: str) -> int | None:
    """Return the number a count word or numeral stands for (``four`` -> 4), or None."""
    m = COUNT_WORD.match(word)
    if m is None:
        return None
    if m.group("digits"):
        return int(m.group("digits").replace(",", ""))
    return _NUMBER_WORDS[m.group("word").lower()]


def _surface(text: str, tokens: Sequence[_Token], start: int, end: int) -> str:
    """Return the text from token *start* to token *end* (exclusive), trimmed."""
    return text[tokens[start].start : tokens[end - 1].end].strip(" ,;:")


def _targets_before(
    text: str, tokens: Sequence[_Token], placed: Sequence[_Placed], mention: _Mention
) -> list[_Party]:
    """Targets written before a measure: ``put Cuba under the embargo``,
    ``lines of Canadian goods to be subject to extra tariffs``, ``added a dozen
    Chinese entities to its export blacklist``."""
    k = mention.first - 1
    while k >= 0 and tokens[k].lower in _DETERMINERS | {"a", "an", "same", "similar", "be"}:
        k -= 1
    if k >= 0 and tokens[k].lower == "under":
        for item in placed:
            if item.last == k - 1:
                return [_Party(item.place.text, item.place.code)]
    verbs = [
        i for i in range(max(0, k - 12), k) if tokens[i].lower in _ADDING_VERBS
    ]  # ``added a dozen Chinese entities to its blacklist``: the object, whole
    if k >= 1 and tokens[k].lower == "to" and verbs:
        inside = [p for p in placed if verbs[-1] < p.first and p.last < k]
        if inside:
            start = verbs[-1] + 1
            return [
                _Party(
                    _surface(text, tokens, start, k), inside[0].place.code, _count_at(tokens, start)
                )
            ]
    if k >= 1 and tokens[k].lower == "to" and tokens[k - 1].lower == "subject":
        candidates = [p for p in placed if mention.first - 14 <= p.first and p.last < k - 1]
        if candidates:
            item = candidates[-1]
            start = item.first
            while (
                start > 0
                and tokens[start - 1].word
                and tokens[start - 1].lower not in _PREPOSITIONS | _CLAUSE_OPENERS
            ):
                if start <= item.first - 4:
                    break
                start -= 1
            surface = text[tokens[start].start : item.place.span.end]
            return [_Party(surface, item.place.code, _count_at(tokens, start))]
    return []


# -- reason, time, numbers ----------------------------------------------------------


#: The reason cues with their words, longest first.
_REASON_CUES: Final = tuple((cue, cue.split()) for cue in lexicon().reason_cues)


def _reason(
    text: str, tokens: Sequence[_Token], mention: _Mention, start: int, hi: int, lex: Lexicon
) -> str | None:
    """The reason clause after a measure: ``for re-exporting ...``, ``over Ukraine``."""
    start = max(start, mention.last + 1)
    for j in range(start, min(hi, start + 25, len(tokens))):
        token = tokens[j]
        if not token.word:
            if token.text in {";", ":"}:
                return None
            continue
        for cue, words in _REASON_CUES:
            if token.lower != words[0] or [t.lower for t in tokens[j : j + len(words)]] != words:
                continue
            nxt = tokens[j + len(words)] if j + len(words) < len(tokens) else None
            if nxt is None:
                return None
            if cue in _WEAK_REASON_CUES and not (
                nxt.lower.endswith("ing")
                or nxt.lower in {"its", "their", "alleged", "what"}
                or (cue == "over" and nxt.text[:1].isupper())
            ):
                continue
            end = j + len(words)
            while end < len(tokens) and (
                tokens[end].word or tokens[end].text in {"-", "'", "’", "$", "%"}
            ):
                end += 1
            return text[token.start : tokens[end - 1].end]
    return None


def _when(doc: Document, sentence: Span, mention: _Mention) -> TimeExpression | None:
    """The time expression of the sentence nearest to the mention, or None."""
    times = [t for t in times_within(doc, sentence) if t.kind == "date"]
    if not times:
        return None
    return min(times, key=lambda t: abs(t.span.start - mention.start))


def _numbers(text: str, sentence: Span, mention: _Mention) -> tuple[Decimal | None, Amount | None]:
    """The tariff rate and the value of trade covered, read near a mention.

    A rate stands just before the measure (``25 percent tariffs``) or after it
    (``tariffs ... to 25 percent``: the last one wins); an amount of money stands
    just before it (``200 mln dlrs in tariffs``) or in the phrase after it.
    """
    rate: Decimal | None = None
    before = max(sentence.start, mention.start - 40)
    after = min(sentence.end, mention.end + 100)
    for percent in find_percents(text, before, after):
        gap = text[percent.span.end : mention.start]
        if percent.span.end <= mention.start and gap.strip(" -") == "":
            rate = percent.value
            break
        if percent.span.start >= mention.end and not percent.points:
            rate = percent.value
    amount: Amount | None = None
    for found in find_amounts(text, before, after):
        if found.amount.currency is None or found.bare:
            continue
        if (
            found.span.end <= mention.start
            and len(text[found.span.end : mention.start].split()) > 2
        ):
            continue
        amount = found.amount
        break
    return rate, amount
