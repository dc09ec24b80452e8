"""Quotes: words in quotation marks and reported speech, each with its speaker.

The extractor works paragraph by paragraph:

1. :func:`find_marks` pairs quotation marks of every common style (straight,
   curly, British single, guillemets, German low-high, corner brackets), telling
   apostrophes from closing marks by context. An unbalanced mark is dropped with
   its paragraph, so it cannot derail the rest of the article; a paragraph that
   ends inside a quote continues into the next one when that one opens a quote.
2. Each quoted stretch of two or more words is attributed: a speech verb right
   after it (``," said Putin``, ``," he told a briefing``), a cue right before it
   (``Putin said: "``, ``According to X, "``), or a speech verb earlier in the
   same sentence for a fragment (``described it as "very troubling"``).
3. A quote split by its attribution (``"We are ready," he said, "to act."``) is
   one quote; a quote without attribution that goes on from the previous quote
   of the paragraph or the previous paragraph keeps that speaker.
4. Reported speech (``X said (that) ...``, ``according to X, ...``) outside the
   quotes becomes ``kind="indirect"`` quotes.

Speakers are resolved with :mod:`newsmodel.extract.people`: a surname, title or
pronoun becomes the fullest name the article gives.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator, Sequence
from functools import cache, lru_cache
from operator import attrgetter
from typing import Any, Final, NamedTuple

import attrs
import regex

from newsmodel import geo
from newsmodel.document import Document
from newsmodel.extract import people
from newsmodel.model import Quote, Span
from newsmodel.text import (
    ABBREVIATIONS,
    alternation,
    finditer,
    match,
    new_tuple,
    search,
    word_automaton,
)

__all__ = ["CueHit", "QuotedStretch", "extract", "find_cues", "find_marks", "find_quotes"]


# -- lexicon -----------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class _Cues:
    indirect: frozenset[str]
    all: frozenset[str]
    complements: frozenset[str]
    determiners: frozenset[str]
    adverbs: frozenset[str]


@cache
def _cues() -> _Cues:
    raw = people.lexicon().raw
    indirect = frozenset(w.lower() for w in raw["cue_verbs"]["indirect"])
    direct = frozenset(w.lower() for w in raw["cue_verbs"]["direct_only"])
    return _Cues(
        indirect=indirect,
        all=indirect | direct,
        complements=frozenset(w.lower() for w in raw["cue_complements"]["nouns"]),
        determiners=frozenset(raw["determiners"]),
        adverbs=frozenset(raw["adverbs_before_cue"]),
    )


def _alternation(words: Sequence[str]) -> str:
    """A regex alternation of *words*, lower-cased (see :func:`newsmodel.text.alternation`)."""
    return alternation(w.lower() for w in words)


# A lower-case word (or "According") that may be a speech verb; membership in the
# cue lexicon is checked in Python, which is much faster than a 200-way alternation.
SPEECH_WORD_CANDIDATE: Final = regex.compile(
    r"""
    (?<![\p{L}\p{N}'’\-])                          # a whole word
    (?P<word>[a-zA-Z][a-z]{1,12})                  # letters only
    (?![\p{L}\p{N}\-])                             # ends the word
    """,
    regex.VERBOSE,
)

# The second word of a two-word cue ("according to", "pointed out").
NEXT_WORD: Final = regex.compile(
    r"""
    \s{1,3}(?P<word>[a-z]{2,6})(?![\p{L}\-])       # a short lower-case word
    """,
    regex.VERBOSE,
)


class CueHit(NamedTuple):
    """A piece of the text with the match interface (``start``, ``end``, ``group``).

    A speech verb (or ``according to``) found by :func:`find_cues`; the word
    splitter of the attribution rules returns its words the same way.
    """

    at: int
    stop: int
    surface: str

    def start(self) -> int:
        """Offset of the piece's first character."""
        return self.at

    def end(self) -> int:
        """Offset one past the piece."""
        return self.stop

    def group(self) -> str:
        """The piece as written."""
        return self.surface


@cache
def _cue_words() -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    raw = people.lexicon().raw
    single: set[str] = set()
    pairs: dict[str, set[str]] = {"according": {"to"}}
    for form in [*raw["cue_verbs"]["indirect"], *raw["cue_verbs"]["direct_only"]]:
        words = form.lower().split()
        if len(words) == 1:
            single.add(words[0])
        else:
            pairs.setdefault(words[0], set()).add(words[1])
    return frozenset(single), {k: frozenset(v) for k, v in pairs.items()}


def find_cues(text: str, start: int, end: int) -> Iterator[CueHit]:
    """Yield the speech verbs and ``according to`` cues in ``text[start:end]``.

    The whole text is scanned once (the table is kept for the latest text) and
    each call reads its stretch from that table.
    """
    starts, hits = _cue_table(text)
    i = bisect.bisect_left(starts, start)
    while i < len(hits) and hits[i].end() <= end:
        yield hits[i]
        i += 1


#: The cue table of the latest text: (text, starts, hits). One slot is enough: the
#: extractor asks about one document at a time.
_CUE_SLOT: list[tuple[str, list[int], list[CueHit]]] = []


def _cue_table(text: str) -> tuple[list[int], list[CueHit]]:
    """Return every cue of *text*, scanned once, and their start offsets."""
    slot = _CUE_SLOT[0] if _CUE_SLOT else None
    if slot is not None and slot[0] is text:
        return slot[1], slot[2]
    hits = list(_scan_cues(text, 0, len(text)))
    starts = [h.start() for h in hits]
    _CUE_SLOT[:] = [(text, starts, hits)]
    return starts, hits


@cache
def _cue_firsts() -> frozenset[str]:
    """Words that may open a cue, as written (lower case, and ``According``)."""
    single, pairs = _cue_words()
    return frozenset({*single, *pairs, "According"})


def _scan_cues(text: str, start: int, end: int) -> Iterator[CueHit]:
    """Yield the cues of ``text[start:end]``.

    One Aho-Corasick pass finds every occurrence of a word that may open a cue;
    only those standing as whole words are then checked.
    """
    single, pairs = _cue_words()
    found: list[tuple[int, str]] = []
    for last, word in _cue_automaton().iter(text, start, end):
        at = last - len(word) + 1
        if _whole_word(text, at, last + 1):
            found.append((at, word))
    for at, word in sorted(found):
        low = word.lower()
        stop = at + len(word)
        if low in pairs:
            nxt = match(NEXT_WORD, text, stop, end)
            if nxt is not None and nxt.group("word") in pairs[low]:
                yield CueHit(at, nxt.end(), text[at : nxt.end()])
                continue
        if low in single:
            yield CueHit(at, stop, word)


@cache
def _cue_automaton() -> Any:
    """An Aho-Corasick automaton of :func:`_cue_firsts`."""
    return word_automaton(_cue_firsts())


def _whole_word(text: str, lo: int, hi: int) -> bool:
    """Return whether ``text[lo:hi]`` stands as a whole word (not inside another)."""
    before = text[lo - 1] if lo > 0 else " "
    after = text[hi] if hi < len(text) else " "
    return not (before.isalnum() or before in "'’-") and not (after.isalnum() or after == "-")


def _complement_pattern() -> regex.Pattern[str]:
    nouns = people.lexicon().raw["cue_complements"]["nouns"]
    return regex.compile(
        r"""
        \s{1,3}
        (?P<complement>
          (?:in|during|at|on|via|through|with)\s{1,3}     # the preposition
          (?:(?:a|an|the|his|her|its|their|our)\s{1,3})?  # an article or possessive
          (?:[\p{L}\-]{1,20}\s{1,3}){0,2}                 # up to two modifiers
          (?:NOUNS)                                       # the channel
        )
        (?![\p{L}\-])
        """.replace("NOUNS", _alternation(nouns)),
        regex.VERBOSE | regex.IGNORECASE,
    )


#: What may follow a speech verb as part of the cue: ``in a statement``, ``on Twitter``.
CUE_COMPLEMENT: Final = _complement_pattern()

# The object of "told": up to four words up to a preposition or punctuation
# ("told reporters", "told a briefing", "told the BBC").
TOLD_OBJECT: Final = regex.compile(
    r"""
    \s{1,3}
    (?P<object>
      (?!(?:that|him|her|them|me|us|you|it)\b)     # not a pronoun object or "that"
      [\p{L}][\p{L}'’.\-]{0,25}                    # the first word
      (?:\s{1,3}(?!(?:that|in|on|at|during|after|before|when|while|about|from|by|with|as|if)\b)
         [\p{L}][\p{L}'’.\-]{0,25}){0,5}           # up to five more words
    )
    """,
    regex.VERBOSE,
)

# "According to X," at the head of a clause, or ", according to X" after one.
ACCORDING_TO: Final = regex.compile(
    r"""
    (?<![\p{L}])according\s{1,3}to\s{1,3}          # the cue
    (?P<speaker>[^,.;:!?"“”«»\n]{1,80})            # the source, up to punctuation
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# -- quotation marks -----------------------------------------------------------------

#: Every character that may open or close a quote (apostrophes included).
QUOTE_MARK: Final = regex.compile(
    r"""
    (?P<mark>["'“”‘’„‚«»‹›「」『』‟])               # one quotation mark
    """,
    regex.VERBOSE,
)

# Which closers each opener accepts.
_CLOSERS: dict[str, str] = {
    '"': '"”“',
    "“": '”"“',
    "‟": '”"',
    "„": '“”"',
    "«": "»",
    "»": "«",  # reversed guillemets (»Danish and German style«)
    "‹": "›",
    "›": "‹",
    "「": "」",
    "『": "』",
    "‘": "’'‘",
    "'": "'’",
    "‚": "‘’",
    "”": '”"',  # a right mark used to open (some sources use one mark for both)
}
_DOUBLE: Final = frozenset('"“”„‟«»「」『』')
_DIRECTIONAL_OPEN: Final = frozenset("“„‟«‹「『‘‚")
_DIRECTIONAL_CLOSE: Final = frozenset("”»›」』’")
_OPEN_CONTEXT: Final = frozenset(" \t\n\u00a0([{—–-/:;,”’»") | _DIRECTIONAL_OPEN | frozenset("\"'")
_CLOSE_CONTEXT: Final = (
    frozenset(" \t\n\u00a0)]}—–-/.,;:!?…") | _DIRECTIONAL_CLOSE | frozenset("\"'")
)
_ELISIONS: Final = ("em ", "n ", "n’", "n'", "til ", "cause ", "tis ", "twas ")
_MAX_DEPTH: Final = 4


@attrs.frozen(kw_only=True)
class QuotedStretch:
    """A top-level stretch of text in quotation marks, inside one paragraph."""

    open: int
    """Offset of the opening mark."""
    close: int | None
    """Offset of the closing mark, or None when the quote runs past the paragraph."""
    end: int
    """One past the closing mark (or the paragraph's last character)."""
    paragraph: int
    """Index of the paragraph that holds it."""
    reopened: tuple[int, ...] = ()
    """Offsets of marks that reopen the quote at a new sentence (left out of its words)."""

    @property
    def inner(self) -> tuple[int, int]:
        """Where the quoted words are (between the marks)."""
        return self.open + 1, self.close if self.close is not None else self.end


def _can_open(text: str, i: int, lo: int, hi: int) -> bool:
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    return before in _OPEN_CONTEXT and not after.isspace()


def _can_close(text: str, i: int, lo: int, hi: int) -> bool:
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    return not before.isspace() and (after in _CLOSE_CONTEXT or not after.isalnum())


def _is_apostrophe(text: str, i: int, lo: int, hi: int) -> bool:
    """Return whether the single mark at *i* is an apostrophe, not a quotation mark."""
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    if before.isalnum() and after.isalnum():
        return True  # don't, Putin's, O'Brien
    if after.isdigit():
        return True  # '90s
    if before.isspace() or i == lo:
        tail = text[i + 1 : i + 7].lower()
        return tail.startswith(_ELISIONS)
    return False


def find_marks(text: str, start: int, end: int) -> list[tuple[int, int | None]]:
    """Pair the quotation marks in one paragraph ``text[start:end]``.

    Returns:
        ``(open, close)`` offsets of every quote found, nested ones included;
        ``close`` is None for a quote left open: at the end of the paragraph (only
        the outermost such quote is reported), or before a new quote opens at the
        start of the next sentence (``"We are ready. "The talks ...``).
    """
    return [(a, b) for a, b, _ in _pair_marks(text, start, end)]


def _left_open(text: str, stack: list[tuple[str, int]], c: str, i: int, lo: int) -> int | None:
    """Return where an open quote ends when a new one opens at a sentence start.

    ``"We are ready. "The talks ...``: the same double mark opens again right
    after a full stop while the first quote is still open, so the first one ends
    at that full stop (the writer left it unclosed). Returns that end, or None.
    """
    if len(stack) != 1 or c not in _DOUBLE or stack[0][0] not in _DOUBLE:
        return None
    if c not in _CLOSERS.get(stack[0][0], ""):
        return None
    k = i
    while k > lo and text[k - 1] in " \t\u00a0":
        k -= 1
    if k == i or k <= stack[0][1] + 1 or text[k - 1] not in ".!?…":
        return None
    return k


def _pair_marks(text: str, start: int, end: int) -> list[tuple[int, int | None, int]]:
    """Pair the marks of ``text[start:end]``: ``(open, close, end)`` for each quote.

    ``end`` is one past the closing mark, or where a quote left open stops.
    """
    stack: list[tuple[str, int]] = []
    pairs: list[tuple[int, int | None, int]] = []
    for m in finditer(QUOTE_MARK, text, start, end):
        i = m.start()
        c = m.group()
        single = c in "'‘’‚‹›"
        if single and c in "'’" and _is_apostrophe(text, i, start, end):
            continue
        opens = _can_open(text, i, start, end)
        closes = _can_close(text, i, start, end)
        # 1. try to close an open quote that accepts this mark
        if closes or c in _DIRECTIONAL_CLOSE or (c == "“" and stack and stack[-1][0] == "„"):
            target = None
            for k in range(len(stack) - 1, -1, -1):
                if c in _CLOSERS[stack[k][0]]:
                    target = k
                    break
                if stack[k][0] in _DOUBLE and c not in _DOUBLE:
                    break  # a single mark does not close past an open double quote
            curly_reopen = c == "“" and opens and not closes
            if target is not None and not curly_reopen and (closes or c in _DIRECTIONAL_CLOSE):
                if c == "’" and not closes:
                    continue  # ’ inside a word run is an apostrophe
                for _ in range(len(stack) - 1 - target):
                    stack.pop()  # unclosed inner marks are dropped
                _, at = stack.pop()
                pairs.append((at, i, i + 1))
                continue
        # 2. otherwise open a quote
        if opens and (c in _CLOSERS) and len(stack) < _MAX_DEPTH:
            if c == "’":
                continue
            stop = _left_open(text, stack, c, i, start)
            if stop is not None:
                _, at = stack.pop()
                pairs.append((at, None, stop))
            if single and stack and stack[-1][0] in "'‘" and c in "'‘":
                continue
            stack.append((c, i))
    if stack:
        pairs.append((stack[0][1], None, end))
    return pairs


_PARAGRAPH_BREAK: Final = regex.compile(
    r"""
    \n[ \t\u00a0]*\n{1,10}[ \t\u00a0]*             # a blank line
    |\n(?=[ \t]{2,12}\S)                           # or an indented new line (wire copy)
    """,
    regex.VERBOSE,
)


def _paragraphs(doc: Document) -> list[tuple[int, int]]:
    """Return paragraph ranges: the layout's paragraphs, split further at blank lines."""
    out: list[tuple[int, int]] = []
    text = doc.text
    for paragraph in doc.paragraphs:
        lo = paragraph.span.start
        for m in finditer(_PARAGRAPH_BREAK, text, paragraph.span.start, paragraph.span.end):
            if text[lo : m.start()].strip():
                out.append(_trim(text, lo, m.start()))
            lo = m.end()
        if text[lo : paragraph.span.end].strip():
            out.append(_trim(text, lo, paragraph.span.end))
    return out


def _trim(text: str, lo: int, hi: int) -> tuple[int, int]:
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return lo, hi


def _stretches(text: str, paragraphs: list[tuple[int, int]]) -> list[QuotedStretch]:
    """Return the outermost quoted stretches of every paragraph, in order."""
    found: list[QuotedStretch] = []
    for number, (lo, hi) in enumerate(paragraphs):
        pairs = _pair_marks(text, lo, hi)
        spans = []
        for a, b, stop in pairs:
            if b is None and stop < hi:
                spans.append((a, stop, False))  # left open before the next quote
            elif b is None:
                # runs over the paragraph end: keep it only when the next paragraph
                # goes on with an opening mark (a multi-paragraph quote)
                nxt = paragraphs[number + 1] if number + 1 < len(paragraphs) else None
                if nxt is None or text[nxt[0]] not in "\"“„«‘'‟»":
                    continue
                if a != lo and not text[lo:a].rstrip().endswith((":", ",")):
                    continue  # an unbalanced mark inside the paragraph: drop it
                spans.append((a, hi, False))
            else:
                spans.append((a, b + 1, True))
        spans.sort(key=lambda s: (s[0], -s[1]))
        reach = -1
        first = len(found)
        for a, b, closed in spans:
            if a < reach:
                continue  # nested inside an outer quote
            reach = b
            previous = found[-1] if len(found) > first else None
            if (
                previous is not None
                and previous.close is None
                and previous.end < hi
                and not text[previous.end : a].strip()
            ):
                # "We are ready. "The talks ...": one quote whose sentences each reopen
                found[-1] = attrs.evolve(
                    previous,
                    close=b - 1 if closed else None,
                    end=b,
                    reopened=(*previous.reopened, a),
                )
                continue
            found.append(
                QuotedStretch(open=a, close=b - 1 if closed else None, end=b, paragraph=number)
            )
    return found


# -- words and phrases -------------------------------------------------------------------

WORD: Final = regex.compile(
    r"""
    (?P<word>[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.\-]{0,40})   # a word with its inner marks
    """,
    regex.VERBOSE,
)

# A full stop, question or exclamation mark, with closing marks, ending a sentence.
SENTENCE_END: Final = regex.compile(
    r"""
    (?P<end>[.!?…]{1,3}["'”’»)\]]{0,3})           # terminal punctuation and closers
    (?=\s{1,10}["'“‘«(\[]{0,2}[\p{Lu}\p{N}]|\s*$) # then a capital, a digit, or the end
    """,
    regex.VERBOSE,
)


#: A word of the text (what :data:`WORD` matches), with the match interface.
_Word = CueHit


#: Characters that may continue a word after its first letter or digit.
_WORD_INNER: Final = "'’.-"
#: What stands around words: quotation marks, brackets, commas and the like.
_WORD_OUTER: Final = '"“”‘«»„‚‹›「」『』()[]{},;:!?…—–/*&%$#@+=<>|~^`_'


def _head_words(text: str, lo: int, hi: int, n: int) -> list[_Word]:
    """Return the first *n* words of ``text[lo:hi]`` (reading only as far as needed)."""
    window = min(hi, lo + 12 * n + 60)
    words = _words(text, lo, window, n + 1)
    if len(words) <= n and window < hi:
        words = _words(text, lo, hi, n + 1)  # long words: the n-th may be cut, read on
    return words[:n]


#: What may stand before a word's first letter or digit.
_WORD_EDGE: Final = _WORD_OUTER + _WORD_INNER


def _words(text: str, lo: int, hi: int, limit: int = 0) -> list[_Word]:
    """Return the words of ``text[lo:hi]``, as :data:`WORD` finds them.

    Most stretches of text split at white space into words with only
    punctuation around them; those are cut with string methods, and the few
    others (``1,000``, ``and/or``) go through the pattern. With a *limit*, reading
    stops once that many words are found (the list may hold a few more).
    """
    out: list[_Word] = []
    segment = text[lo:hi]
    pos = 0
    for chunk in segment.split():
        if limit and len(out) >= limit:
            break
        at = segment.find(chunk, pos)
        pos = at + len(chunk)
        if chunk.isalpha() and len(chunk) <= 41:
            out.append(new_tuple(_Word, (lo + at, lo + pos, chunk)))
            continue
        core = chunk.lstrip(_WORD_EDGE).rstrip(_WORD_OUTER)
        if not core:
            continue
        if len(core) <= 41 and _plain_word(core):
            start = lo + at + chunk.index(core)
            out.append(new_tuple(_Word, (start, start + len(core), core)))
            continue
        out.extend(
            _Word(m.start(), m.end(), m.group())
            for m in finditer(WORD, text, lo + at, lo + at + len(chunk))
        )
    return out


def _plain_word(core: str) -> bool:
    """Return whether *core* is one whole word: letters and digits, inner marks allowed."""
    if core.isalnum():
        return True
    if not core[0].isalnum():
        return False
    bare = core.replace("'", "").replace("’", "").replace(".", "").replace("-", "")
    return not bare or bare.isalnum()


def _is_fragment_worthy(text: str, lo: int, hi: int) -> bool:
    """Return whether quoted words can be speech: two words or more, not a title."""
    words = [w.group() for w in _head_words(text, lo, hi, 9)]
    if len(words) < 2:
        return False
    inner = text[lo:hi].strip()
    if inner[-1:] in "!?" or len(words) > 8 or inner.count(",") > 1:
        return True
    lex = people.lexicon()
    significant = [w for w in words if w.lower() not in lex.non_name_words or len(w) > 3]
    capitalised = [w for w in significant if w[0].isupper()]
    # Title Case: the title of a work, a show or a slogan's name ("Meet the Press.")
    return not (len(significant) >= 2 and len(capitalised) == len(significant))


# -- speaker phrases -------------------------------------------------------------------

#: Words that end the speaker phrase after an inverted cue (``said Smith, who ...``).
_PHRASE_STOPS: Final = frozenset(
    "who whose which that when while after before as because if in on at during for from "
    "with about of to and but adding saying noting told referring speaking".split()
)
#: Clause openers to drop from the head of a speaker phrase.
_LEADING_JUNK: Final = frozenset(
    "but and so yet then also however meanwhile still now instead indeed or as while when "
    "because since though although whereas if".split()
)
_PRONOUNS: Final = {"he": "m", "she": "f", "they": None, "it": None, "we": None, "i": None}
_MAX_SPEAKER_WORDS: Final = 14
#: Adverbial particles that cannot open a speaker phrase.
_PARTICLES: Final = frozenset("up down out off back over away around along".split())
#: Time words that are never a speaker.
_TIME_WORDS: Final = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight "
    "january february march april may june july august september october november december "
    "morning afternoon evening night week month year".split()
)
#: Prepositions that cannot open a speaker phrase.
_PREPOSITIONS: Final = frozenset(
    "by to of for in on at with from into about against over under between among through "
    "during after before than as like via per".split()
)


@attrs.frozen(kw_only=True)
class _Speaker:
    name: str | None
    span: Span | None
    title: str | None = None
    person: people.Person | None = None


@attrs.frozen(kw_only=True)
class _Attribution:
    speaker: _Speaker
    cue: str | None
    cue_span: Span | None
    end: int
    """Where the attribution ends (for split-quote detection)."""


def _cue_at(text: str, m: CueHit, hi: int) -> tuple[str, Span, int]:
    """Extend a cue verb with its complement; return its text, span and end."""
    cue_end = m.end()
    verb = m.group().lower()
    if verb.startswith("told") or verb.startswith("tell"):
        obj = match(TOLD_OBJECT, text, cue_end, hi)
        if obj is not None:
            cue_end = _trim_object(text, obj.start("object"), obj.end("object"))
    comp = match(CUE_COMPLEMENT, text, cue_end, hi)
    if comp is None and " " in verb:
        # a two-word cue ending in a preposition ("wrote in"): "wrote in a letter"
        comp = match(CUE_COMPLEMENT, text, m.start() + verb.index(" "), hi)
    if comp is not None:
        cue_end = max(cue_end, comp.end())
    cue = " ".join(text[m.start() : cue_end].split())
    return cue, Span(start=m.start(), end=cue_end), cue_end


# A passive report before ``saying``: ``he was quoted by the Kyodo news agency as``.
QUOTED_AS: Final = regex.compile(
    r"""
    (?<=\S)\s{1,3}                                  # after the speaker phrase
    (?P<verb>(?:was|were|is|are|has\s{1,3}been|have\s{1,3}been|had\s{1,3}been)
      \s{1,3}quoted                                 # "was quoted"
      (?:\s{1,3}(?:by|in|on)\s{1,3}[^,.;:!?"“”«»\n]{1,80}?)?  # "by the Kyodo news agency"
      \s{1,3}as)                                    # "as"
    \s{1,3}\Z                                        # right before the cue
    """,
    regex.VERBOSE | regex.IGNORECASE,
)


def _quoted_as(text: str, lo: int, m: CueHit) -> regex.Match[str] | None:
    """Return the ``was quoted (by ...) as`` before a ``saying`` cue, or None."""
    if m.group().lower() != "saying":
        return None
    return search(QUOTED_AS, text, max(lo, m.start() - 160), m.start())


def _passive_cue(text: str, passive: regex.Match[str], cue_end: int) -> tuple[str, Span]:
    """The cue of a passive report: ``was quoted by the Kyodo news agency as saying``, up to
    *cue_end* (the end of the cue's complement: ``as saying in an interview``)."""
    start = passive.start("verb")
    return " ".join(text[start:cue_end].split()), Span(start=start, end=cue_end)


def _passive_before(text: str, at: int) -> bool:
    """Return whether a form of ``be`` stands right before *at* (``we are told``)."""
    before = text[max(0, at - 12) : at].split()
    return bool(before) and before[-1].lower() in {"is", "are", "was", "were", "been", "being"}


#: Words that open a clause, never the object of ``told`` after its first word: a
#: subject pronoun or an article.
_CLAUSE_OPENERS: Final = frozenset(_PRONOUNS) | {"the", "a", "an"}


def _told_clause_start(text: str, lo: int, hi: int) -> int | None:
    """Where a reported clause begins inside the words read as the object of ``told``.

    ``told reporters | the talks would resume``, ``told BBC Wales | he had agreed``,
    ``told Reuters | prices would rise``: after its first word, the object ends before
    a subject pronoun or an article (not after ``of``: ``a meeting of the party``), and
    a one-word name (``Reuters``, ``the BBC``; not a demonym: ``French radio``) before a
    lower-case word.
    None when the object runs to *hi*.
    """
    words = _words(text, lo, hi)
    for k in range(1, len(words)):  # a pronoun or an article first: the surer sign
        if (
            words[k].group().lower() in _CLAUSE_OPENERS
            and words[k - 1].group().lower() not in _OBJECT_LINKS
        ):
            return words[k].start()
    # a one-word name ("told Reuters", "told the BBC") ends before a lower-case word
    k = 2 if len(words) > 2 and words[0].group().lower() == "the" else 1
    if k < len(words):
        word, prev = words[k].group(), words[k - 1].group()
        if (
            prev[:1].isupper()
            and word[:1].islower()
            and word.lower() not in _OBJECT_LINKS
            and not prev.endswith(("'s", "’s"))
            and geo.demonym_country(prev) is None  # "told French radio"
        ):
            return words[k].start()
    return None


#: Words inside the object of ``told`` after which an article goes on with it
#: (``a meeting of the party``, ``colleagues at a ceremony``).
_OBJECT_LINKS: Final = _PREPOSITIONS | {"and", "since", "de"}


def _trim_object(text: str, lo: int, hi: int) -> int:
    """Cut the object of ``told`` before a cue or a capitalised sentence start."""
    words = _words(text, lo, hi)
    end = lo
    for w in words:
        if w.group().lower() in _cues().all:
            break
        end = w.end()
        if w.group().endswith(".") and not _abbreviation_before(text, w.end() - 1):
            break
    while end > lo and text[end - 1] in ".,":
        end -= 1
    return end


def _is_verb_use(text: str, m: CueHit, lo: int) -> bool:
    """Return whether a cue word is used as a verb (not ``the reports``, ``his remarks``)."""
    prev = _words(text, max(lo, m.start() - 30), m.start())
    if not prev:
        return True
    last = prev[-1].group().lower()
    if last in _cues().determiners or last.endswith(("'s", "’s")):
        return False
    return last not in {"to", "will", "would", "could", "should", "must", "might", "may"} or (
        m.group().lower() in {"say", "tell", "add", "ask"}
    )


#: Phrases up to this length are read once and the reading reused (they recur:
#: ``the company``, ``he``, ``officials``); the reading depends on the phrase alone.
_PHRASE_CACHE_CHARS: Final = 120


def _strip_phrase(text: str, lo: int, hi: int) -> tuple[int, int]:
    """Trim punctuation, leading conjunctions and trailing adverbs from a phrase."""
    if 0 <= lo < hi <= lo + _PHRASE_CACHE_CHARS:
        a, b = _stripped(text[lo:hi])
        return lo + a, lo + b
    return _strip_phrase_in(text, lo, hi)


@lru_cache(maxsize=16384)
def _stripped(phrase: str) -> tuple[int, int]:
    """:func:`_strip_phrase` of a whole short phrase, as offsets into it."""
    return _strip_phrase_in(phrase, 0, len(phrase))


def _strip_phrase_in(text: str, lo: int, hi: int) -> tuple[int, int]:
    lo, hi = _trim_punct(text, lo, hi)
    if hi - lo > 600:
        # a long phrase: only its edges can change, so read just those
        words = _words(text, lo, lo + 250)[:-1] + _words(text, hi - 250, hi)[1:]
    else:
        words = _words(text, lo, hi)
    while words and words[0].group().lower() in _LEADING_JUNK:
        words = words[1:]
    cues = _cues()
    # trailing adverbs, auxiliaries and time words ("Putin on Tuesday", "he also")
    while len(words) > 1 and words[-1].group().lower().rstrip(".") in cues.adverbs:
        words = words[:-1]
    if len(words) > 1 and words[-1].group().lower() in {"on", "last", "this", "next"}:
        words = words[:-1]
    if not words:
        return lo, lo
    return _trim_punct(text, words[0].start(), words[-1].end())


def _trim_punct(text: str, lo: int, hi: int) -> tuple[int, int]:
    while lo < hi and not text[lo].isalnum():
        lo += 1
    while hi > lo and not (text[hi - 1].isalnum() or text[hi - 1] == "."):
        hi -= 1
    if hi > lo and text[hi - 1] == "." and not _keeps_dot(text, lo, hi):
        hi -= 1
    return lo, hi


def _keeps_dot(text: str, lo: int, hi: int) -> bool:
    """Return whether a phrase's final dot belongs to it (``Jr.``, ``Mr.``, ``U.S.``)."""
    word = text[max(lo, hi - 6) : hi].split()[-1].lower() if text[lo:hi].split() else ""
    return word in people.lexicon().honorifics or word in {"jr.", "sr."} or word.count(".") > 1


def _head_of(text: str, lo: int, hi: int, resolver: _Resolver) -> tuple[int, int]:
    """Reduce a speaker phrase with apposition to its head.

    ``Ann Lee, the bank's economist,`` -> ``Ann Lee``; ``a spokesman for
    the ministry, John Smith`` -> ``John Smith``; ``Smith, who ...`` -> ``Smith``.
    """
    parts: list[tuple[int, int]] = []
    start = lo
    for i in range(lo, hi):
        if text[i] in ",(—–" or (text[i] == "-" and text[i - 1 : i + 2] == " - "):
            if text[start:i].strip():
                parts.append(_trim_punct(text, start, i))
            start = i + 1
    if text[start:hi].strip():
        parts.append(_trim_punct(text, start, hi))
    parts = [p for p in parts if p[1] > p[0]]
    if len(parts) > 1:
        # a fronted adverbial is no speaker ("Asked about it, she said")
        kept = [p for p in parts if not _is_adverbial(text, *p)]
        parts = kept or parts[-1:]
    if not parts:
        return lo, lo
    if len(parts) == 1:
        return parts[0]
    for a, b in parts:
        if text[a:b].lower() in _PRONOUNS or resolver.mentions_in(a, b):
            return a, b
    return parts[0]


def _has_capital(text: str, lo: int, hi: int) -> bool:
    """Return whether ``text[lo:hi]`` may hold an upper-case letter (where a name begins).

    Long stretches are not read: they count as holding one.
    """
    if hi - lo > 400:
        return True
    chunk = text[lo:hi]
    return not chunk.islower() and any(c.isupper() for c in chunk)


class _by_phrase:  # noqa: N801 - used as a decorator
    """Reuse a test of ``text[lo:hi]`` that depends on those characters alone.

    Short phrases (up to :data:`_PHRASE_CACHE_CHARS`) are tested once and the
    answer kept; longer ones are tested in place. ``cache_clear`` empties it.
    """

    def __init__(self, read: Callable[[str, int, int], bool]) -> None:
        self.read = read
        self.whole = lru_cache(maxsize=16384)(self._whole)
        self.cache_clear = self.whole.cache_clear
        self.cache_parameters = self.whole.cache_parameters

    def _whole(self, phrase: str) -> bool:
        return self.read(phrase, 0, len(phrase))

    def __call__(self, text: str, lo: int, hi: int) -> bool:
        if 0 <= lo < hi <= lo + _PHRASE_CACHE_CHARS:
            return self.whole(text[lo:hi])
        return self.read(text, lo, hi)


@_by_phrase
def _looks_like_speaker(text: str, lo: int, hi: int) -> bool:
    """Return whether a phrase can name a speaker: short, nominal, no clause inside."""
    if len(text[lo:hi].split()) > 3 * _MAX_SPEAKER_WORDS:
        return False  # white-space chunks never outnumber words
    words = [w.group() for w in _words(text, lo, hi)]
    if not words or len(words) > 3 * _MAX_SPEAKER_WORDS:
        return False
    if any(c in text[lo:hi] for c in '"“”«»„;:!?'):
        return False
    comma = text.find(",", lo, hi)
    if comma > lo:
        # "Ann Lee, the bank's economist, ..." : judge the head before the comma
        head = [w.group() for w in _words(text, lo, comma)]
        if len(head) > 8:
            return False
        words = head
    elif len(words) > _MAX_SPEAKER_WORDS:
        return False
    lowered = [w.lower() for w in words]
    first = words[0]
    if first.islower() and (
        first.endswith(("ly", "ing")) or first in _PARTICLES or first in _PREPOSITIONS
    ):
        return False  # "loudly", "waving flags", "up the road"
    if all(w.isdigit() or w.lower() in _TIME_WORDS for w in words):
        return False  # "2007", "Tuesday"
    if lowered[0] in {"this", "that"} and len(words) > 1:
        pass  # "this source", "that official"
    elif lowered[0] in {"it", "this", "that", "there", "which", "what", "who", "you", "i", "we"}:
        return lowered[0] in {"it", "we", "i"} and len(words) == 1
    if len(words) == 1:
        return True
    return not any(
        w in {"is", "are", "was", "were", "be", "been", "if", "because", "not"} for w in lowered
    )


#: Words that open a common-noun speaker phrase (``the minister``, ``one banking source``).
_NOMINAL_OPENERS: Final = frozenset(
    "the a an his her their its our my your this that these those one two three four five "
    "some several many most few other another both all each every any no someone "
    "somebody anyone everyone nobody".split()
)
#: Function words that cannot end a speaker phrase (``the city embodied the``).
_OPEN_ENDINGS: Final = frozenset(
    "the a an of to and or but in on at for with by from as that".split()
)


def _nominal(words: Sequence[str]) -> bool:
    """Return whether an unresolved phrase reads as a noun phrase that can speak.

    Capitalised phrases (``Goldman Sachs analysts``), single words (``officials``)
    and phrases opened by a determiner or number (``a senior aide``) do; a clause
    fragment (``often in his campaign``, ``went on to``) does not.
    """
    if words[-1].lower() in _OPEN_ENDINGS:
        return False
    if len(words) == 1 or words[0][0].isupper() or words[0][0].isdigit():
        return True
    if words[0].lower() in _NOMINAL_OPENERS:
        return True
    # a short bare plural or modified noun ("regional accreditation bodies"), no verb in it
    cues = _cues()
    return len(words) <= 4 and not any(
        w.islower()
        and (
            w.endswith(("ed", "'s", "’s"))
            or w in cues.all
            or w in cues.adverbs
            or w in _PRONOUNS
            or w in _PREPOSITIONS
            or w in _AUXILIARIES
        )
        for w in words
    )


#: Words between two names that make the first a modifier of the second's title
#: (``Trump campaign spokesman Jason Miller``): letters, spaces and possessives only.
_MODIFIER_WORDS: Final = r"(?:['’]s)?(?:[ \t]{1,3}[\p{Ll}][\p{Ll}\-]{0,30}){1,4}"
_MODIFIER_GAP: Final = regex.compile(_MODIFIER_WORDS + r"[ \t]{1,3}")


# The same words up to the end of a speaker phrase ("'s chief spokesman", " adviser"): the
# last of them says who speaks.
_ROLE_AFTER_NAME: Final = regex.compile(_MODIFIER_WORDS)


def _names_a_role(text: str, name_end: int, hi: int) -> bool:
    """Return whether a speaker phrase goes on after a name to a role the name qualifies
    (``a Warren adviser``, ``Trump's spokesman``): the speaker is the role, not the name."""
    if hi - name_end > 60:
        return False
    tail = text[name_end:hi]
    if not _ROLE_AFTER_NAME.fullmatch(tail):
        return False
    last = tail.split()[-1]
    return last in people.lexicon().title_heads


def _head_mention(text: str, mentions: list[people.PersonMention]) -> people.PersonMention:
    """Return the mention a capitalised speaker phrase is about.

    The first, unless lower-case title words join it to the next one: in
    ``Trump campaign spokesman Jason Miller`` and ``Putin's aide Yuri Ushakov``
    the speaker is the second name.
    """
    head = mentions[0]
    for nxt in mentions[1:]:
        gap = text[head.name_span.end : nxt.name_span.start]
        if nxt.title is None or not _MODIFIER_GAP.fullmatch(gap):
            break
        words = gap.lower().replace("’s", " ").replace("'s", " ").split()
        if not any(w in people.lexicon().title_heads for w in words):
            break
        head = nxt
    return head


class _Resolver:
    """Turns speaker phrases into names with the article's person index."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.last: _Speaker | None = None
        self.last_at = -1
        self._index: people.PersonIndex | None = None

    @property
    def index(self) -> people.PersonIndex:
        """The article's person index, built on first use: an article with no speaker
        to resolve is never read for names here."""
        if self._index is None:
            self._index = people.index(self.doc)
        return self._index

    def mentions_in(self, lo: int, hi: int) -> list[people.PersonMention]:
        """The name-like runs inside ``text[lo:hi]`` (see :meth:`PersonIndex.mentions_in`).

        A stretch without a capital letter holds none: the index is not built for it.
        """
        if not _has_capital(self.text, lo, hi):
            return []
        return self.index.mentions_in(lo, hi)

    def speaker(self, lo: int, hi: int) -> _Speaker | None:
        """Resolve the speaker phrase ``text[lo:hi]``."""
        text = self.text
        lo, hi = _strip_phrase(text, lo, hi)
        lo, hi = _head_of(text, lo, hi, self)
        lo, hi = _strip_phrase(text, lo, hi)
        if hi <= lo or not _looks_like_speaker(text, lo, hi):
            return None
        phrase = " ".join(text[lo:hi].split())
        low = phrase.lower()
        if low in _PRONOUNS:
            return self._pronoun(low, lo, hi)
        span = Span(start=lo, end=hi)
        mentions = [
            m
            for m in self.mentions_in(lo, hi)
            if len(m.tokens) > 1 or m.title or m.honorific or self.index.person_at(m.span.start)
        ]
        if mentions:
            m = mentions[-1] if not phrase[0].isupper() else _head_mention(text, mentions)
            if _names_a_role(text, m.name_span.end, hi):
                # "a Warren adviser", "Trump's spokesman": the name qualifies who speaks
                return _Speaker(name=phrase, span=span)
            full = self.index.full_name(m.name, m.span.start) or m.name
            person = self.index.resolve(m.name, m.span.start)
            title = m.title or (person.title if person else None) or self._apposition_title(hi)
            return _Speaker(name=full, span=m.span, title=title, person=person)
        words = phrase.split()
        if phrase[0].isupper() and len(words) <= 3 and all(w[0].isupper() for w in words):
            full = self.index.full_name(phrase, lo) or phrase
            person = self.index.resolve(phrase, lo)
            return _Speaker(
                name=full, span=span, person=person, title=person.title if person else None
            )
        if words[0].lower() in {"the", "this"}:
            lowered = [w.lower().rstrip(".") for w in words]
            # without a title head (``the company``) the phrase names no one
            person = self.index.resolve_title(lowered, lo) if people.title_heads(lowered) else None
            if person is not None:
                return _Speaker(name=person.name, span=span, title=person.title, person=person)
        if not _nominal(words):
            first = words[0].lower()
            if first in _PRONOUNS and first not in {"it", "i"}:
                # "He then defended the remark, saying, ...": the clause's subject speaks
                return self._pronoun(first, lo, lo + len(words[0]))
            return None
        return _Speaker(name=phrase, span=span)

    def _apposition_title(self, hi: int) -> str | None:
        """Read ``, the minister,`` after a name as its title."""
        tail = self.text[hi : hi + 80]
        if not tail.startswith(", "):
            return None
        piece = tail[2:].split(",")[0].split(".")[0]
        words = piece.split()
        lex = people.lexicon()
        if 1 <= len(words) <= 6 and any(w.lower() in lex.title_heads for w in words):
            return " ".join(words)
        return None

    def _pronoun(self, low: str, lo: int, hi: int) -> _Speaker:
        span = Span(start=lo, end=hi)
        gender = _PRONOUNS[low]
        if low in {"he", "she"}:
            person = self.index.resolve_pronoun(lo, low)
            last = self.last
            if (
                last is not None
                and last.person is not None
                and (last.person.gender in (None, gender))
            ):
                # no other person named since the last quote: the same speaker goes on
                mentions_between = self.index.mentions_starting_in(self.last_at, lo)
                known = person is not None and person.gender == gender != last.person.gender
                if person is None or not (mentions_between or known):
                    person = last.person  # unless only the other one is known to fit
            if person is not None:
                return _Speaker(name=person.name, span=span, title=person.title, person=person)
        elif (
            low in {"it", "they"}
            and self.last is not None
            and self.last.person is None
            and self.last.name
            and self.last.name.lower() not in _PRONOUNS
        ):
            return _Speaker(name=self.last.name, span=span)
        return _Speaker(name=self.text[lo:hi], span=span)

    def remember(self, speaker: _Speaker, at: int) -> None:
        """Note the speaker of the latest quote (pronouns and continuations use it)."""
        if speaker.name is not None:
            self.last = speaker
            self.last_at = at


# -- attribution ---------------------------------------------------------------------------


_OPEN: Final = attrgetter("open")


def _sentence_floor(text: str, lo: int, pos: int, stretches: Sequence[QuotedStretch]) -> int:
    """Return where the sentence holding *pos* starts (not before *lo*)."""
    floor = lo
    for m in finditer(SENTENCE_END, text, lo, pos):
        if _ends_a_sentence(text, m, stretches):
            floor = m.end()
    return floor


def _ends_a_sentence(text: str, m: regex.Match[str], stretches: Sequence[QuotedStretch]) -> bool:
    """Return whether a :data:`SENTENCE_END` match ends a sentence.

    Not after an abbreviation; inside a quote only when it also closes the quote.
    *stretches* are in text order and do not overlap, so only the last one opening
    before the match can hold it.
    """
    if _abbreviation_before(text, m.start()):
        return False
    k = bisect.bisect_left(stretches, m.start(), key=_OPEN) - 1
    if k < 0:
        return True
    q = stretches[k]
    return not (m.start() < q.end and m.end("end") < q.end)


# How far one SENTENCE_END attempt may read: 6 characters of marks and closers, then
# its lookahead (10 spaces, 2 openers, 1 letter). Keep in step with SENTENCE_END.
_END_REACH: Final = 19


class _ParagraphEnds:
    """The sentence ends of one paragraph, found once, to answer floors by bisection.

    ``floor(pos)`` equals ``_sentence_floor(text, lo, pos, stretches)``: matches
    that start well before *pos* (and whose lookahead stops before it) are taken
    from the full scan; only the last few characters before *pos* are scanned again.
    """

    def __init__(self, text: str, lo: int, hi: int, stretches: Sequence[QuotedStretch]) -> None:
        self.text = text
        self.lo = lo
        self.stretches = stretches
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.last: list[int] = []  # the floor after each match
        floor = lo
        for m in finditer(SENTENCE_END, text, lo, hi):
            if _ends_a_sentence(text, m, stretches):
                floor = m.end()
            self.starts.append(m.start())
            self.ends.append(m.end())
            self.last.append(floor)
        # for each match, the first match from it on that stands outside every quote
        self.free: list[int] = [len(self.starts)] * (len(self.starts) + 1)
        for k in range(len(self.starts) - 1, -1, -1):
            quoted = _held(self.starts[k], stretches)
            self.free[k] = self.free[k + 1] if quoted else k

    def first_free_end(self, pos: int, hi: int) -> int:
        """Return where the first sentence end from *pos* outside every quote starts, or *hi*.

        Equals scanning :data:`SENTENCE_END` from *pos* to *hi* and skipping matches
        that start inside a quoted stretch; the full scan is reused once the two
        scans meet at a common attempt position.
        """
        k = bisect.bisect_left(self.starts, pos)
        if k > 0 and self.ends[k - 1] > pos:
            # *pos* falls inside a match: scan afresh up to where the full scan goes on
            sync = self.ends[k - 1]
            reach = pos
            for m in finditer(SENTENCE_END, self.text, pos, hi):
                if m.start() >= sync:
                    break
                if not _held(m.start(), self.stretches):
                    return m.start()
                reach = m.end()
            if reach > sync:
                for m in finditer(SENTENCE_END, self.text, reach, hi):
                    if not _held(m.start(), self.stretches):
                        return m.start()
                return hi
        free = self.free[k]
        return self.starts[free] if free < len(self.starts) else hi

    def floor(self, pos: int) -> int:
        """Return where the sentence holding *pos* starts (not before the paragraph)."""
        text, lo = self.text, self.lo
        q = pos - 1
        while q >= lo and text[q].isspace():
            q -= 1
        # restart the scan where no earlier attempt can see *pos* or the end of text
        t = min(pos - _END_REACH, q - 6)
        if t <= lo:
            return _sentence_floor(text, lo, pos, self.stretches)
        k = bisect.bisect_left(self.starts, t) - 1
        if k >= 0 and self.ends[k] > t:
            t = self.starts[k]  # not inside a match: restart at its start
            k -= 1
        floor = self.last[k] if k >= 0 else lo
        for m in finditer(SENTENCE_END, text, t, pos):
            if _ends_a_sentence(text, m, self.stretches):
                floor = m.end()
        return floor


def _abbreviation_before(text: str, dot: int) -> bool:
    """Return whether the full stop at *dot* ends an abbreviation (``U.S.``, ``Mr.``, ``J.``)."""
    if text[dot] != ".":
        return False
    k = dot
    while k > 0 and (text[k - 1].isalpha() or text[k - 1] == "."):
        k -= 1
    word = text[k:dot].lower()
    return (
        len(word) <= 1
        or "." in word
        or word in ABBREVIATIONS
        or f"{word}." in (people.lexicon().honorifics)
    )


def _held(offset: int, stretches: Sequence[QuotedStretch]) -> bool:
    """Return whether one of *stretches* (in order, not overlapping) holds *offset*."""
    k = bisect.bisect_right(stretches, offset, key=_OPEN) - 1
    return k >= 0 and offset < stretches[k].end


def _inside(offset: int, stretches: Sequence[QuotedStretch]) -> bool:
    """Return whether *offset* lies inside one of *stretches* (in order, not overlapping)."""
    k = bisect.bisect_left(stretches, offset, key=_OPEN) - 1
    return k >= 0 and offset < stretches[k].end


def _after(
    text: str,
    quote_end: int,
    hi: int,
    ends_sentence: bool,
    resolver: _Resolver,
) -> _Attribution | None:
    """Read an attribution right after a closing mark: ``," said Putin`` / ``," he said``."""
    lo = quote_end
    while lo < hi and text[lo] in " \t\u00a0":
        lo += 1
    if lo < hi and text[lo] in ".!?":
        ends_sentence = True  # '"...". She said' : a new sentence begins
        lo += 1
    while lo < hi and text[lo] in " \t\n\u00a0,—–-":
        lo += 1
    window_end = min(hi, lo + 200)
    # stop at the next sentence end outside marks: the attribution is one clause
    for m in find_cues(text, lo, window_end):
        if not _is_verb_use(text, m, lo):
            continue
        cue, cue_span, cue_end = _cue_at(text, m, window_end)
        pre = text[lo : m.start()]
        if _breaks_sentence(pre):
            return None
        if m.group().lower().startswith("according"):
            if pre.strip():
                return None
            acc = match(ACCORDING_TO, text, m.start(), window_end)
            if acc is None:
                return None
            speaker = resolver.speaker(acc.start("speaker"), acc.end("speaker"))
            if speaker is None:
                return None
            return _Attribution(
                speaker=speaker, cue="according to", cue_span=cue_span, end=acc.end()
            )
        if not pre.strip():
            # inverted: said Putin / said the minister, adding ...
            s_lo, s_hi = _inverted_phrase(text, cue_end, window_end)
            if s_hi <= s_lo:
                return None
            speaker = resolver.speaker(s_lo, s_hi)
            if speaker is None:
                return None
            end = s_hi
            comp = match(CUE_COMPLEMENT, text, end, window_end)
            if comp is not None:
                cue += " " + " ".join(comp.group("complement").split())
                end = comp.end()
            if ends_sentence and not _attribution_ends(text, end, hi):
                return None
            return _Attribution(speaker=speaker, cue=cue, cue_span=cue_span, end=end)
        passive = _quoted_as(text, lo, m)
        if passive is not None:
            # '"...," he was quoted by the Kyodo news agency as saying.'
            speaker = resolver.speaker(lo, passive.start())
            if speaker is None or (ends_sentence and not _attribution_ends(text, cue_end, hi)):
                return None
            cue, cue_span = _passive_cue(text, passive, cue_end)
            return _Attribution(speaker=speaker, cue=cue, cue_span=cue_span, end=cue_end)
        if not _looks_like_speaker(text, *_strip_phrase(text, lo, m.start())):
            return None
        first = _words(text, lo, m.start())[0].group().lower()
        if first in _PREPOSITIONS:
            return None  # '"deeply worried" by the plan, adding' is no attribution
        speaker = resolver.speaker(lo, m.start())
        if speaker is None:
            return None
        if ends_sentence and not _attribution_ends(text, cue_end, hi):
            return None
        return _Attribution(speaker=speaker, cue=cue, cue_span=cue_span, end=cue_end)
    return None


def _inverted_phrase(text: str, lo: int, hi: int) -> tuple[int, int]:
    """Return the speaker phrase after an inverted cue: words up to a clause break."""
    start = lo
    while start < hi and text[start] in " \t\n\u00a0":
        start += 1
    end = start
    words = _words(text, start, hi)
    for count, w in enumerate(words, start=1):
        between = text[end : w.start()]
        if end > start and any(c in between for c in '.;:!?"“”'):
            break
        if end > start and "," in between:
            # an apposition after a name goes with it only up to the comma
            break
        if w.group().lower() in _PHRASE_STOPS and end > start:
            break
        end = w.end()
        if count >= _MAX_SPEAKER_WORDS:
            break
        if w.group().endswith(".") and not _abbreviation_before(text, w.end() - 1):
            break  # the sentence ends with this word
    return start, end


def _skip_time_words(text: str, pos: int, hi: int) -> int:
    """Skip time words after a cue (``said last week``, ``wrote in 2003``)."""
    adverbs = _cues().adverbs
    for count, w in enumerate(_words(text, pos, min(hi, pos + 40))):
        word = w.group().rstrip(".")
        low = word.lower()
        if count >= 4 or text[pos : w.start()].strip():
            break
        if low in adverbs or low in _INTRO_WORDS or word.isdigit() or low in _TIME_WORDS:
            pos = w.start() + len(word)
            continue
        break
    return pos


def _attribution_ends(text: str, pos: int, hi: int) -> bool:
    """Return whether the attribution clause ends at *pos* (``.`` or a trailing clause)."""
    pos = _skip_time_words(text, pos, hi)
    rest = text[pos : min(hi, pos + 60)]
    stripped = rest.lstrip()
    if not stripped or stripped[0] in ".;:!?":
        return True
    nxt_word = stripped.split(" ", 1)[0].lower()
    if nxt_word in _PREPOSITIONS and nxt_word not in {"as", "than", "like"}:
        return True  # 'asked in the video' : a circumstance, not a new clause
    if stripped[0] == ",":
        nxt = stripped[1:].lstrip().split(" ", 1)[0].lower()
        return nxt in {
            "adding",
            "saying",
            "noting",
            "who",
            "which",
            "according",
            "as",
            "in",
            "before",
            "after",
            "while",
            "when",
            "referring",
            "citing",
            "and",
            "but",
            "pointing",
            "arguing",
            "explaining",
            "warning",
            "stressing",
            "insisting",
        } or (stripped[1:].lstrip()[:1] in '"“‘«„')
    return stripped[0] in '"“‘«„'


def _before(
    text: str,
    stretch: QuotedStretch,
    floor: int,
    resolver: _Resolver,
    fragment: bool,
    skip: Sequence[QuotedStretch] = (),
    phrases: bool = True,
) -> _Attribution | None:
    """Read an attribution before an opening mark in the same sentence.

    ``Putin said: "`` and ``He added, "`` introduce the quote; for a fragment, a
    speech verb anywhere earlier in the sentence attributes it (``described it
    as "very troubling"``). With *phrases*, short prepositional phrases may stand
    between the cue and the quote (``said last week in Tel Aviv, "``; see
    :func:`_plain_intro`).
    """
    opening = stretch.open
    if opening <= floor:
        return None
    acc = None
    for a in finditer(ACCORDING_TO, text, floor, opening):
        acc = a
    if acc is not None and text[acc.end() : opening].strip(" ,\n") == "":
        speaker = resolver.speaker(acc.start("speaker"), acc.end("speaker"))
        if speaker is not None:
            cue_span = Span(start=acc.start(), end=acc.start("speaker"))
            return _Attribution(speaker=speaker, cue="according to", cue_span=cue_span, end=opening)
    cues = [
        m
        for m in find_cues(text, floor, opening)
        if _is_verb_use(text, m, floor) and not _inside(m.start(), skip)
    ]
    if not cues:
        return _name_colon(text, floor, opening, resolver)
    m = cues[-1]
    cue, cue_span, cue_end = _cue_at(text, m, opening)
    between = text[cue_end:opening]
    intro = _plain_intro(between, phrases=phrases)
    # a full quote must follow its cue directly (said: "...", said "...")
    if (
        not intro
        and not fragment
        and (not between.strip().lower().startswith(("that", "to ")) or len(between) > 40)
    ):
        return None
    if m.group().lower().startswith("according"):
        return None
    speaker = _subject(text, floor, m.start(), resolver)
    if speaker is None:
        return None
    return _Attribution(speaker=speaker, cue=cue, cue_span=cue_span, end=opening)


# A relative clause right before the speech verb: ", who said", ", which described".
RELATIVE_BEFORE_VERB: Final = regex.compile(
    r"""
    ,?\s{1,3}(?:who|which)                          # the relative pronoun
    (?:\s{1,3}[a-z]{2,12}){0,2}                      # an adverb or auxiliary or two
    \s{1,3}\Z                                        # then the verb
    """,
    regex.VERBOSE,
)

# Words that join two clauses: the subject of a verb stands after the last one.
CLAUSE_BREAK: Final = regex.compile(
    r"""
    (?:;\s{0,3}                                   # a semicolon
      |(?<=\s)(?:and|but|that|then|while|because|whereas|although|though|so|when|after|if)
      \s{1,4})                                    # or a conjunction and its space
    """,
    regex.VERBOSE,
)
#: First words of a fronted adverbial (``At a meeting with X, Putin said``).
_ADVERBIAL_OPENERS: Final = frozenset(
    "at in on after before during with for while when as since following despite unlike "
    "speaking asked meanwhile however separately earlier later today yesterday also still "
    "instead addressing writing responding according like under by from to but and if "
    "though although last next such including except besides regarding concerning otherwise "
    "whether".split()
)


def _name_colon(text: str, floor: int, opening: int, resolver: _Resolver) -> _Attribution | None:
    """Read ``Sen. Ann Lee (D-Ore.): "...`` (a named speaker and a colon) as attribution."""
    head = text[floor:opening].rstrip()
    if not head.endswith(":"):
        return None
    colon = floor + len(head) - 1
    mentions = [m for m in resolver.mentions_in(floor, colon) if colon - m.span.end <= 12]
    if not mentions or text[mentions[-1].span.end : colon].strip(" ()-.,\u00a0").count(" ") > 1:
        return None
    m = mentions[-1]
    speaker = resolver.speaker(m.span.start, m.span.end)
    if speaker is None:
        return None
    return _Attribution(speaker=speaker, cue=None, cue_span=None, end=opening)


def _plain_intro(between: str, *, phrases: bool = False) -> bool:
    """Return whether only punctuation, ``that``, adverbs or a channel stand before the quote.

    ``said yesterday, "``, ``said Thursday on Twitter, "``, ``said of the request: "``;
    with *phrases*, also time words and short prepositional phrases: ``said last week
    in Tel Aviv, "``, ``said of Clinton, "``, ``said about the movement, "``.
    """
    if between.rstrip().endswith(":") and len(between) <= 80 and "\n\n" not in between:
        return True
    words = between.replace(",", " ").replace(":", " ").split()
    if len(words) > (8 if phrases else 6):
        return False
    cues = _cues()
    after_preposition = 0  # words left of a short prepositional phrase (``in Tel Aviv``)
    for w in words:
        low = w.lower()
        if phrases and low in _PREPOSITIONS:
            after_preposition = 3
            continue
        if (
            low in cues.adverbs
            or low in _INTRO_WORDS
            or low in cues.complements
            or w in _WEEKDAY_NAMES
            or (phrases and low in _INTRO_TIME_WORDS)
        ):
            continue
        if after_preposition and low not in _CLAUSE_WORDS:
            after_preposition -= 1
            continue
        return False
    return True


_INTRO_WORDS: Final = frozenset("that in at on during a an the his her their its to via".split())

#: Time words between a cue and its quote: ``told reporters last week, "``.
_INTRO_TIME_WORDS: Final = _TIME_WORDS | {"last", "next", "this", "weekend", "earlier", "later"}


_WEEKDAY_NAMES: Final = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)


def _sentence_final(
    text: str,
    stretch: QuotedStretch,
    later: Sequence[QuotedStretch],
    p_hi: int,
    resolver: _Resolver,
    ends: _ParagraphEnds,
) -> _Attribution | None:
    """Read an attribution that closes the quote's sentence: ``..., a spokesman said.``

    *later* are all the quoted stretches of the paragraph after *stretch*; *ends*
    are the paragraph's sentence ends.
    """
    end = ends.first_free_end(stretch.end, p_hi)
    if later and later[0].open < end:
        return None
    comma = text.rfind(",", stretch.end - 1, end)
    if comma < 0 or end - comma > 160:
        return None
    return _after(text, comma + 1, end + 1, True, resolver)


def _subject(text: str, floor: int, verb: int, resolver: _Resolver) -> _Speaker | None:
    """Find the subject of the speech verb at *verb* in the sentence from *floor*."""
    rel = search(RELATIVE_BEFORE_VERB, text, max(floor, verb - 40), verb)
    if rel is not None:
        return _antecedent(text, floor, rel.start(), resolver)
    parts = _comma_parts(text, floor, verb)
    for k in range(len(parts) - 1, -1, -1):
        a, b = parts[k]
        if _is_relative(text, a, b):
            continue  # ", who was listed on the slate,"
        if _is_adverbial(text, *_strip_phrase(text, a, b)):
            tail = _trailing_subject(text, a, b, resolver)
            if tail is not None and k == len(parts) - 1:
                return tail  # "At the meeting he said"
            continue  # a parenthetical or fronted adverbial ("on her first day, ...")
        cut = 0
        for brk in finditer(CLAUSE_BREAK, text, a, b):
            cut = brk.end() - a
        a2, b2 = _strip_phrase(text, a + cut, b)
        b2 = _noun_phrase_end(text, a2, b2)
        a2, b2 = _pronoun_subject(text, a2, b2)
        if b2 <= a2:
            if k == len(parts) - 1 and cut:
                break  # "... and said": the sentence subject, below
            continue
        if _is_adverbial(text, a2, b2) or not _looks_like_speaker(text, a2, b2):
            if k == len(parts) - 1 and not cut and _is_adverbial(text, a2, b2):
                continue
            return None
        if k > 0 and text[a2].islower():
            pa, pb = _strip_phrase(text, *parts[k - 1])
            if (
                pb > pa
                and text[pa].isupper()
                and _looks_like_speaker(text, pa, pb)
                and not (_is_adverbial(text, pa, pb))
            ):
                return resolver.speaker(pa, pb)
        return resolver.speaker(a2, b2)
    else:
        if parts:
            return None
    # coordinated verb ("... and said"): the subject of an earlier cue, else the sentence's
    earlier = [m for m in find_cues(text, floor, verb) if _is_verb_use(text, m, floor)]
    if earlier and earlier[0].start() < verb:
        found = _subject(text, floor, earlier[0].start(), resolver)
        if found is not None:
            return found
    index = resolver.index
    for mention in index.mentions_starting_in(floor, verb):
        if not _comma_led(text, floor, mention.span.start):
            return resolver.speaker(mention.span.start, mention.span.end)
    first = _strip_phrase(text, floor, min(verb, floor + 80))
    words = _words(text, *first)
    if words:
        lo3 = words[0].start()
        hi3 = words[0].end()
        if text[lo3:hi3].lower() in _PRONOUNS:
            return resolver.speaker(lo3, hi3)
        # a bare name opening the sentence ("Lee nodded ... and said")
        k = 0
        while k < min(len(words), 3) and words[k].group()[0].isupper():
            k += 1
        if k and words[0].group().lower() not in people.lexicon().non_name_words:
            return resolver.speaker(lo3, words[k - 1].end())
    return None


#: Auxiliaries and modals that end a subject phrase (``the leader will argue``).
_AUXILIARIES: Final = frozenset(
    "will would can could should must might may shall has have had does did do is are was were "
    "has been had been".split()
)

#: Words that make a clause of what follows a cue, not a phrase (see :func:`_plain_intro`):
#: a subject or a verb.
_CLAUSE_WORDS: Final = frozenset(_PRONOUNS) | _AUXILIARIES | {"you", "not", "be", "been"}


def _pronoun_subject(text: str, lo: int, hi: int) -> tuple[int, int]:
    """Narrow a clause to its subject pronoun (``He completely failed to`` -> ``He``)."""
    words = _words(text, lo, hi)
    if len(words) > 1:
        for w in (words[0], words[-1]):
            if w.group().lower() in {"he", "she", "they"}:
                return w.start(), w.end()
    return lo, hi


def _noun_phrase_end(text: str, lo: int, hi: int) -> int:
    """Cut a subject phrase before its verb: ``the leader will argue`` -> ``the leader``."""
    words = _words(text, lo, hi)
    cues = _cues().all
    for k, w in enumerate(words):
        if k == 0:
            continue
        low = w.group().lower()
        if low in _AUXILIARIES or (low in cues and w.group().islower()):
            return _trim_punct(text, lo, words[k - 1].end())[1]
    return hi


def _is_relative(text: str, lo: int, hi: int) -> bool:
    """Return whether a comma part is a relative clause (``who ...``, ``which ...``)."""
    words = _head_words(text, lo, hi, 1)
    return bool(words) and words[0].group().lower() in {"who", "which", "whose", "whom"}


def _trailing_subject(text: str, lo: int, hi: int, resolver: _Resolver) -> _Speaker | None:
    """Return a pronoun or person mention that ends ``text[lo:hi]`` (a subject)."""
    lo, hi = _strip_phrase(text, lo, hi)
    words = _words(text, lo, hi)
    if len(words) > 1 and words[-1].group().lower() in {"he", "she", "they", "we"}:
        return resolver.speaker(words[-1].start(), words[-1].end())
    mentions = resolver.mentions_in(lo, hi)
    if mentions and mentions[-1].span.end >= hi - 1 and len(words) > 2:
        before = text[lo : mentions[-1].span.start].split()
        if (
            before
            and before[-1].lower() not in _PREPOSITIONS
            and before[-1].lower() not in {"the", "a", "an"}
        ):
            return resolver.speaker(mentions[-1].span.start, mentions[-1].span.end)
    return None


def _comma_parts(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Split ``text[lo:hi]`` at commas into non-empty parts."""
    parts = []
    start = lo
    for i in range(lo, hi):
        if text[i] == ",":
            if text[start:i].strip():
                parts.append((start, i))
            start = i + 1
    if text[start:hi].strip():
        parts.append((start, hi))
    return parts


@_by_phrase
def _is_adverbial(text: str, lo: int, hi: int) -> bool:
    """Return whether a phrase opens with a preposition or adverb (not a subject)."""
    words = _head_words(text, lo, hi, 1)
    if not words:
        return False
    first = words[0].group()
    return first.lower() in _ADVERBIAL_OPENERS or (first.islower() and first in _PREPOSITIONS)


def _antecedent(text: str, floor: int, hi: int, resolver: _Resolver) -> _Speaker | None:
    """Resolve the antecedent of a relative clause that starts at *hi*."""
    mentions = resolver.mentions_in(max(floor, hi - 80), hi)
    if mentions and hi - mentions[-1].span.end <= 2:
        m = mentions[-1]
        return resolver.speaker(m.span.start, m.span.end)
    words = _words(text, max(floor, hi - 80), hi)
    k = len(words)
    while k > 0 and len(words) - k < 4 and words[k - 1].group()[0].isupper():
        k -= 1
    if k < len(words):
        return resolver.speaker(words[k].start(), words[-1].end())
    k = len(words)
    while k > 0 and len(words) - k < 3 and words[k - 1].group().lower() not in _PHRASE_STOPS:
        k -= 1
    if k < len(words):
        return resolver.speaker(words[k].start(), words[-1].end())
    return None


def _comma_led(text: str, floor: int, pos: int) -> bool:
    """Return whether *pos* stands inside a leading adverbial (before the first comma)."""
    head = text[floor:pos]
    if "," in head:
        return False
    rest = text[pos : pos + 120]
    lead_word = head.strip().split(" ", 1)[0].lower() if head.strip() else ""
    return (
        lead_word
        in {
            "at",
            "in",
            "on",
            "after",
            "before",
            "during",
            "with",
            "for",
            "while",
            "when",
            "as",
            "since",
            "following",
            "despite",
            "unlike",
        }
        and "," in rest
    )


def _apposition_like(text: str, lo: int, comma: int, hi: int) -> bool:
    """Return whether ``text[lo:hi]`` reads ``Name, apposition`` rather than ``Adverbial, Name``."""
    head = text[lo:comma].strip()
    first = head.split(" ", 1)[0].lower() if head else ""
    if first in {
        "at",
        "in",
        "on",
        "after",
        "before",
        "during",
        "with",
        "for",
        "while",
        "when",
        "as",
        "since",
        "following",
        "speaking",
        "asked",
        "meanwhile",
        "however",
        "separately",
        "earlier",
        "later",
        "today",
        "yesterday",
        "also",
        "still",
        "instead",
        "addressing",
        "writing",
        "responding",
        "according",
        "like",
        "unlike",
        "despite",
        "under",
        "by",
        "from",
        "to",
        "but",
        "and",
        "if",
    }:
        return False
    return text[comma + 1 : hi].strip()[:1].islower() or text[hi - 1 : hi] == ","


def _phrase_start(text: str, floor: int, hi: int) -> int:
    """Return the start of the noun phrase that ends at *hi* (back to a clause break)."""
    lead = text[floor:hi]
    cut = max(lead.rfind(","), lead.rfind(" and "), lead.rfind(" that "), lead.rfind(";"))
    return floor + cut + 1 if cut >= 0 else floor


# -- assembling quotes -----------------------------------------------------------------------


@attrs.define
class _Piece:
    stretch: QuotedStretch
    attribution: _Attribution | None
    text_lo: int
    text_hi: int
    continues: bool = False


def _inner_text(text: str, stretch: QuotedStretch) -> tuple[int, int]:
    lo, hi = stretch.inner
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return lo, hi


def _words_of(text: str, stretch: QuotedStretch, lo: int, hi: int) -> str:
    """Return the quoted words ``text[lo:hi]`` without the marks that reopen the quote."""
    if not stretch.reopened:
        return text[lo:hi]
    parts = []
    for mark in stretch.reopened:
        parts.append(text[lo:mark].rstrip())
        lo = mark + 1
    parts.append(text[lo:hi])
    return " ".join(parts)


def _one_line(words: str) -> str:
    """Join the lines of a quote that the text wraps."""
    return " ".join(words.split()) if "\n" in words else words


def _ends_sentence(text: str, lo: int, hi: int) -> bool:
    """Return whether the quoted words end with a full stop, ``?`` or ``!``."""
    inner = text[lo:hi].rstrip("\"'”’»› ")
    return inner[-1:] in ".!?…"


def find_quotes(doc: Document) -> list[Quote]:
    """Return the direct quotes of *doc*, attributed, in text order."""
    text = doc.text
    paragraphs = _paragraphs(doc)
    stretches = _stretches(text, paragraphs)
    resolver = _Resolver(doc)
    quotes: list[Quote] = []
    by_paragraph: dict[int, list[QuotedStretch]] = {}
    for s in stretches:
        by_paragraph.setdefault(s.paragraph, []).append(s)
    previous: Quote | None = None
    previous_paragraph = -10
    previous_open_end = False  # the previous quote ran to its paragraph's end, unclosed
    for number, (p_lo, p_hi) in enumerate(paragraphs):
        local = by_paragraph.get(number, [])
        p_ends = _ParagraphEnds(text, p_lo, p_hi, stretches) if local else None
        last_attribution: _Attribution | None = None
        last_end = -1
        i = 0
        while i < len(local):
            stretch = local[i]
            t_lo, t_hi = _inner_text(text, stretch)
            if t_hi <= t_lo:
                i += 1
                continue
            sentence_like = (
                text[t_lo].isupper()
                and len(_head_words(text, t_lo, t_hi, 4)) >= 4
                and (_ends_sentence(text, t_lo, t_hi) or text[t_hi - 1 : t_hi] in ",—–-")
                and not _embedded(text, p_lo, stretch.open)
            )
            next_open = local[i + 1].open if i + 1 < len(local) else p_hi
            if not _is_fragment_worthy(text, t_lo, t_hi) and not (
                # one word said aloud: '"Absolutely," she said.'
                text[t_hi - 1] in ",!?"
                and stretch.close is not None
                and _after(text, stretch.end, next_open, False, resolver) is not None
            ):
                i += 1
                continue
            ends = _ends_sentence(text, t_lo, t_hi) and text[t_hi - 1 : t_hi] != ","
            attribution = None
            if stretch.close is not None:
                attribution = _after(text, stretch.end, next_open, ends, resolver)
            assert p_ends is not None
            s_floor = p_ends.floor(stretch.open)
            prev_end = local[i - 1].end if i > 0 else p_lo
            floor = max(s_floor, prev_end)
            before = None
            if attribution is None or stretch.open > floor:
                before = _before(
                    text,
                    stretch,
                    floor if sentence_like else s_floor,
                    resolver,
                    fragment=not sentence_like,
                    skip=local[:i],
                )
                if before is not None and (attribution is None or _is_intro(text, before, stretch)):
                    attribution = before
            if (
                attribution is None
                and last_attribution is not None
                and last_end >= s_floor
                and next(iter(find_cues(text, last_end, stretch.open)), None) is None
            ):
                attribution = last_attribution  # a second fragment in the same sentence
            if attribution is None and stretch.close is not None:
                attribution = _sentence_final(text, stretch, local[i + 1 :], p_hi, resolver, p_ends)
            if attribution is None and stretch.close is not None and i + 1 == len(local):
                attribution = _dash_signature(text, stretch.end, p_hi, resolver)
            if attribution is None and stretch.open == p_lo and number > 0:
                attribution = _colon_intro(text, paragraphs[number - 1], stretches, resolver)
            pieces = [stretch]
            texts = [_words_of(text, stretch, t_lo, t_hi)]
            # a quote split by its attribution goes on after it: ', he said, "to act."'
            j = i + 1
            while attribution is not None and j < len(local):
                nxt = local[j]
                if attribution is not before and _tail_ok(text, attribution.end, nxt.open):
                    n_lo, n_hi = _inner_text(text, nxt)
                    if (
                        n_hi > n_lo
                        and not _own_attribution(text, nxt, local, j, p_hi, resolver, p_ends)
                        and not _other_intro(text, nxt, attribution, local[:j], stretches, resolver)
                    ):
                        pieces.append(nxt)
                        texts.append(_words_of(text, nxt, n_lo, n_hi))
                        j += 1
                        attribution = attrs.evolve(attribution, end=nxt.end)
                        continue
                break
            continuation = False
            carried: _Speaker | None = None
            if (
                attribution is None
                and sentence_like
                and _starts_sentence(text, floor, stretch.open)
            ):
                carried = _previous_sentence_speaker(text, p_ends, s_floor, stretches, resolver)
            if carried is not None:
                quote = Quote(
                    text=_one_line(_words_of(text, stretch, t_lo, t_hi)),
                    span=Span(start=stretch.open, end=stretch.end),
                    kind="direct",
                    speaker=carried.name,
                    speaker_title=carried.title,
                )
                quotes.append(quote)
                previous, previous_paragraph = quote, number
                previous_open_end = stretch.close is None
                i = j
                continue
            if attribution is None:
                continuation = (
                    previous is not None
                    and previous.speaker is not None
                    and (
                        (
                            number == previous_paragraph
                            and sentence_like
                            and _starts_sentence(text, floor, stretch.open)
                        )
                        or (
                            number == previous_paragraph + 1
                            and (previous_open_end or stretch.open == p_lo)
                            and sentence_like
                        )
                    )
                )
                if not continuation and not sentence_like:
                    i = j
                    continue
            span = Span(start=pieces[0].open, end=pieces[-1].end)
            joined = " ".join(_one_line(t) for t in texts)
            if attribution is not None:
                sp = attribution.speaker
                quote = Quote(
                    text=joined,
                    span=span,
                    kind="direct",
                    speaker=sp.name,
                    speaker_span=sp.span,
                    speaker_title=sp.title,
                    cue=attribution.cue,
                    cue_span=attribution.cue_span,
                )
                resolver.remember(sp, attribution.end)
            elif continuation and previous is not None:
                quote = Quote(
                    text=joined,
                    span=span,
                    kind="direct",
                    speaker=previous.speaker,
                    speaker_title=previous.speaker_title,
                )
            else:
                quote = Quote(text=joined, span=span, kind="direct")
            quotes.append(quote)
            if attribution is not None:
                last_attribution, last_end = attribution, pieces[-1].end
            if quote.speaker is not None:
                previous = quote
                previous_paragraph = number
                previous_open_end = pieces[-1].close is None
            i = j
    return quotes


# What may stand between an attribution and the next piece of the same quote: the
# rest of the attribution clause ("at a rally on Monday."), no other quote.
ATTRIBUTION_TAIL: Final = regex.compile(
    r"""
    [^"“”«»„\n]{0,160}?                         # the rest of the clause, short
    [,.:;—–-]?                                   # its punctuation
    \s{0,3}                                      # the gap before the next mark
    \Z                                          # up to the next piece
    """,
    regex.VERBOSE,
)


# Only punctuation between two pieces of a split quote (', he said, "').
PUNCTUATION_GAP: Final = regex.compile(
    r"""
    [\s,.:;—–-]{0,6}                             # commas, stops, dashes, spaces
    \Z                                           # and nothing else
    """,
    regex.VERBOSE,
)

# A colon right after the cue: 'said: "'.
COLON_GAP: Final = regex.compile(
    r"""
    \s{0,3}:\s{0,3}                               # the colon and its spaces
    \Z                                           # up to the opening mark
    """,
    regex.VERBOSE,
)

# A word and a full stop followed by more text (a possible sentence end).
WORD_STOP: Final = regex.compile(
    r"""
    (?P<word>[\p{L}.]{0,12})                     # the word before the stop
    \.(?=\s{1,3}\S)                               # the stop, then more text
    """,
    regex.VERBOSE,
)

# "that" opening a reported clause.
THAT_WORD: Final = regex.compile(
    r"""
    \s{1,3}that(?![\p{L}])                        # the word after the cue
    """,
    regex.VERBOSE,
)


def _tail_ok(text: str, lo: int, hi: int) -> bool:
    """Return whether ``text[lo:hi]`` only finishes an attribution before more quote.

    Either punctuation alone (``," he said, "to act."``) or the rest of the
    attribution sentence, with the next piece opening a new sentence.
    """
    if hi < lo:
        return False
    tail = text[lo:hi].rstrip()
    first = text[hi + 1 : hi + 2]
    if match(PUNCTUATION_GAP, text, lo, hi) is not None:
        return True
    if not ((tail[-1:] in ".!?:" and first.isupper()) or (tail[-1:] == "," and first.islower())):
        return False
    if _breaks_sentence(tail[:-1]):
        return False  # a whole other sentence stands between the pieces
    return match(ATTRIBUTION_TAIL, text, lo, hi) is not None


def _other_intro(
    text: str,
    nxt: QuotedStretch,
    attribution: _Attribution,
    earlier: Sequence[QuotedStretch],
    stretches: Sequence[QuotedStretch],
    resolver: _Resolver,
) -> bool:
    """Return whether a cue before *nxt* gives it a speaker other than *attribution*'s."""
    floor = max(attribution.end, _sentence_floor(text, attribution.end, nxt.open, stretches))
    n_lo, n_hi = _inner_text(text, nxt)
    fragment = not (text[n_lo].isupper() and len(_head_words(text, n_lo, n_hi, 4)) >= 4)
    intro = _before(text, nxt, floor, resolver, fragment=fragment, skip=earlier, phrases=False)
    if intro is None:
        return False
    if intro.speaker.name != attribution.speaker.name:
        return True
    # the same speaker with a new cue of its own ('... he said. He added: "')
    return intro.cue_span is not None and _plain_intro(text[intro.cue_span.end : nxt.open])


# A signature after a quote at the end of its paragraph: '" ― Martha Smith'.
DASH_SIGNATURE: Final = regex.compile(
    r"""
    [ \t\u00a0]{0,3}[―—–-]{1,2}[ \t\u00a0]{0,3}       # the dash
    (?P<speaker>[\p{Lu}][^\n.;:!?"“”]{1,60}?)        # a capitalised name or source
    [ \t\u00a0.]{0,3}\Z                              # and nothing else in the paragraph
    """,
    regex.VERBOSE,
)


def _dash_signature(text: str, lo: int, hi: int, resolver: _Resolver) -> _Attribution | None:
    """Read ``― Name`` after the last quote of a paragraph as its speaker."""
    m = match(DASH_SIGNATURE, text, lo, hi)
    if m is None:
        return None
    speaker = resolver.speaker(m.start("speaker"), m.end("speaker"))
    if speaker is None:
        return None
    return _Attribution(speaker=speaker, cue=None, cue_span=None, end=m.end())


def _colon_intro(
    text: str,
    previous: tuple[int, int],
    stretches: Sequence[QuotedStretch],
    resolver: _Resolver,
) -> _Attribution | None:
    """Read ``Cruz continued:`` ending the previous paragraph as the quote's attribution."""
    lo, hi = previous
    if not text[lo:hi].rstrip().endswith(":"):
        return None
    floor = _sentence_floor(text, lo, hi - 1, stretches)
    colon = text.rindex(":", lo, hi)
    fake = QuotedStretch(open=colon + 1, close=colon + 1, end=colon + 1, paragraph=-1)
    first = bisect.bisect_left(stretches, lo, key=_OPEN)
    skip = stretches[first : bisect.bisect_left(stretches, hi, key=_OPEN)]
    return _before(text, fake, floor, resolver, fragment=False, skip=skip)


def _previous_sentence_speaker(
    text: str,
    ends: _ParagraphEnds,
    s_floor: int,
    stretches: Sequence[QuotedStretch],
    resolver: _Resolver,
) -> _Speaker | None:
    """Return who speaks in the sentence before a quote (``He said ... . "Quote."``)."""
    if s_floor <= ends.lo:
        return None
    prev_floor = ends.floor(s_floor - 2)
    cues = [
        m
        for m in find_cues(text, prev_floor, s_floor)
        if not _inside(m.start(), stretches)
        and m.group().lower() in _cues().indirect
        and _is_verb_use(text, m, prev_floor)
    ]
    k = bisect.bisect_right(stretches, prev_floor, key=_OPEN)
    if not cues or (k < len(stretches) and stretches[k].open < s_floor):
        return None
    speaker = _subject(text, prev_floor, cues[0].start(), resolver)
    if speaker is None or speaker.name is None or speaker.name.lower() in _PRONOUNS:
        return None
    return speaker


def _embedded(text: str, p_lo: int, opening: int) -> bool:
    """Return whether a quote opens inside a clause (``... and "The bear ..."``)."""
    k = opening
    while k > p_lo and text[k - 1] in " \t\n\u00a0":
        k -= 1
    if k <= p_lo or not text[k - 1].isalpha():
        return False  # at the paragraph start, or after punctuation (": ", ", ")
    start = k
    while start > p_lo and text[start - 1].isalpha():
        start -= 1
    single, _ = _cue_words()
    return text[start:k].lower() not in single  # 'said "We ..."' is a direct introduction


def _is_intro(text: str, before: _Attribution, stretch: QuotedStretch) -> bool:
    """Return whether a cue before the quote introduces it directly (``said: "``)."""
    if before.cue_span is None:
        return False
    return match(COLON_GAP, text, before.cue_span.end, stretch.open) is not None


def _starts_sentence(text: str, floor: int, opening: int) -> bool:
    return not text[floor:opening].strip()


def _own_attribution(
    text: str,
    stretch: QuotedStretch,
    local: Sequence[QuotedStretch],
    j: int,
    hi: int,
    resolver: _Resolver,
    ends: _ParagraphEnds,
) -> bool:
    """Return whether a following piece has its own attribution after it."""
    if stretch.close is None:
        return False
    t_lo, t_hi = _inner_text(text, stretch)
    nxt = local[j + 1].open if j + 1 < len(local) else hi
    if _after(text, stretch.end, nxt, _ends_sentence(text, t_lo, t_hi), resolver) is not None:
        return True
    return _sentence_final(text, stretch, local[j + 1 :], hi, resolver, ends) is not None


def _breaks_sentence(pre: str) -> bool:
    """Return whether a sentence ends inside *pre* (not at ``Rep.``, ``J.`` or ``U.S.``)."""
    if any(c in pre for c in "!?"):
        return True
    lex = people.lexicon()
    for m in finditer(WORD_STOP, pre):
        word = m.group("word").lower()
        if len(word) <= 1 or "." in word or word in ABBREVIATIONS or f"{word}." in lex.honorifics:
            continue
        return True
    return False


# -- reported speech ---------------------------------------------------------------------


class _Taken:
    """Spans already claimed by quotes and cues, for containment and overlap queries.

    The spans of direct quotes and their cues are fixed: sorted by start with a
    running maximum of ends, a query bisects. Reported quotes are added sentence by
    sentence, each inside its sentence, so only those of the current sentence are
    kept in a short list (:meth:`enter` drops the others).
    """

    def __init__(self, spans: Sequence[Span]) -> None:
        fixed = sorted(spans, key=lambda t: t.start)
        self.starts = [t.start for t in fixed]
        self.reach: list[int] = []  # the furthest end among the first k spans
        top = -1
        for t in fixed:
            top = max(top, t.end)
            self.reach.append(top)
        self.recent: list[Span] = []

    def enter(self, lo: int) -> None:
        """Forget added spans that end before *lo* (queries never look before it again)."""
        self.recent = [t for t in self.recent if t.end > lo]

    def add(self, span: Span) -> None:
        """Claim *span*."""
        self.recent.append(span)

    def holds(self, offset: int) -> bool:
        """Return whether some span has ``start <= offset < end``."""
        k = bisect.bisect_right(self.starts, offset)
        if k and self.reach[k - 1] > offset:
            return True
        return any(t.start <= offset < t.end for t in self.recent)

    def overlaps(self, span: Span) -> bool:
        """Return whether some span shares a character with *span*."""
        k = bisect.bisect_left(self.starts, span.end)
        if k and self.reach[k - 1] > span.start:
            return True
        return any(span.overlaps(t) for t in self.recent)

    def first_start(self, lo: int, hi: int) -> int:
        """Return the least span start in ``[lo, hi)``, or *hi* when none starts there."""
        k = bisect.bisect_left(self.starts, lo)
        if k < len(self.starts) and self.starts[k] < hi:
            hi = self.starts[k]
        for t in self.recent:
            if lo <= t.start < hi:
                hi = t.start
        return hi


def _indirect(doc: Document, direct: Sequence[Quote], resolver: _Resolver) -> list[Quote]:
    """Return reported-speech quotes: ``X said (that) ...`` and ``according to X, ...``."""
    text = doc.text
    spans = [q.span for q in direct]
    spans.extend(q.cue_span for q in direct if q.cue_span is not None)
    taken = _Taken(spans)
    out: list[Quote] = []
    cues = _cues()
    for sentence in doc.sentences():
        s_lo, s_hi = sentence.start, sentence.end
        taken.enter(s_lo)
        for m in find_cues(text, s_lo, s_hi):
            verb = m.group().lower()
            if taken.holds(m.start()):
                continue
            if verb.startswith("according"):
                quote = _according(text, m, s_lo, s_hi, resolver)
            elif verb in cues.indirect and _is_verb_use(text, m, s_lo):
                quote = _reported(text, m, s_lo, s_hi, resolver, taken)
            else:
                quote = None
            if quote is not None and not taken.overlaps(quote.span):
                out.append(quote)
                taken.add(quote.span)
    return out


def _clause_text(text: str, lo: int, hi: int) -> tuple[int, int]:
    """Trim white space, leading commas and final punctuation from a reported clause."""
    lo, hi = _trim(text, lo, hi)
    while lo < hi and text[lo] in ",;: ":
        lo += 1
    while hi > lo and text[hi - 1] in ".,;:":
        hi -= 1
    return lo, hi


def _according(text: str, m: CueHit, s_lo: int, s_hi: int, resolver: _Resolver) -> Quote | None:
    acc = match(ACCORDING_TO, text, m.start(), s_hi)
    if acc is None:
        return None
    speaker = resolver.speaker(acc.start("speaker"), acc.end("speaker"))
    if speaker is None:
        return None
    head = text[s_lo : m.start()].strip(" ,")
    if head and not text[s_lo : m.start()].strip().endswith(","):
        return None
    if head:
        lo, hi = _clause_text(text, s_lo, m.start())  # "..., according to X."
    else:
        lo, hi = _clause_text(text, acc.end(), s_hi)  # "According to X, ..."
    if len(_head_words(text, lo, hi, 3)) < 3 or _has_mark(text, lo, hi):
        return None
    return Quote(
        text=text[lo:hi],
        span=Span(start=lo, end=hi),
        kind="indirect",
        speaker=speaker.name,
        speaker_span=speaker.span,
        speaker_title=speaker.title,
        cue="according to",
        cue_span=Span(start=m.start(), end=m.end()),
    )


#: Speech verbs that take a reported clause without "that" (``said he expected``).
_BARE_CLAUSE_VERBS: Final = frozenset(
    "said says say told tells tell added adds wrote writes reported reports believes "
    "predicted warned insisted argued claimed".split()
)


def _has_mark(text: str, lo: int, hi: int) -> bool:
    return any(c in text[lo:hi] for c in '"“”«»„')


def _reported(
    text: str,
    m: CueHit,
    s_lo: int,
    s_hi: int,
    resolver: _Resolver,
    taken: _Taken,
) -> Quote | None:
    cue, cue_span, cue_end = _cue_at(text, m, s_hi)
    tail = text[cue_end:s_hi]
    final = tail.strip(" .") == "" or tail.lstrip()[:1] in ",:"
    if (
        m.group().lower() in {"told", "tell", "tells"}
        and not _passive_before(text, m.start())
        and not (final and text.rfind(",", s_lo, m.start()) > s_lo)  # "..., X told Y."
        and match(THAT_WORD, text, cue_end, min(s_hi, cue_end + 8)) is None
    ):
        # a clause after "told", without "that": the words read as the object may hold it
        clause = _told_clause_start(text, m.end(), cue_end)
        if clause is not None:
            # "told reporters | the talks would resume": the object ends where a clause begins
            cue_end = clause
            while text[cue_end - 1].isspace():
                cue_end -= 1
            cue = " ".join(text[m.start() : cue_end].split())
            cue_span = Span(start=m.start(), end=cue_end)
    rest = text[cue_end:s_hi]
    lead = text[s_lo : m.start()]
    if rest.strip(" .") == "" or rest.lstrip()[:1] in ",:":
        # "..., the minister said." : the clause stands before the attribution
        comma = lead.rfind(",")
        if comma <= 0 or rest.lstrip()[:1] == ":":
            return None
        speaker = resolver.speaker(s_lo + comma + 1, m.start())
        if speaker is None:
            return None
        lo, hi = _clause_text(text, s_lo, s_lo + comma)
    else:
        if rest.lstrip()[:1] in '"“‘«„':
            return None
        lo = cue_end
        passive = _quoted_as(text, s_lo, m)
        that = match(THAT_WORD, text, lo, min(s_hi, lo + 8))
        if that is not None:
            lo = that.end()
        elif m.group().lower() not in _BARE_CLAUSE_VERBS and passive is None:
            return None  # "underscored Russia's importance" reports no clause
        lo, hi = _clause_text(text, lo, s_hi)
        hi = taken.first_start(lo, hi)
        lo, hi = _clause_text(text, lo, hi)
        if passive is not None:
            # "Putin was quoted by RIA as saying (that) ..."
            speaker = _subject(text, s_lo, passive.start(), resolver)
            cue, cue_span = _passive_cue(text, passive, cue_end)
        else:
            speaker = _subject(text, s_lo, m.start(), resolver)
        if speaker is None:
            return None
    words = _head_words(text, lo, hi, 3)
    if len(words) < 3 or _has_mark(text, lo, hi):
        return None
    if words[0].group().lower() in {"in", "on", "at", "to", "by", "for", "of", "with"}:
        return None
    return Quote(
        text=text[lo:hi],
        span=Span(start=lo, end=hi),
        kind="indirect",
        speaker=speaker.name,
        speaker_span=speaker.span,
        speaker_title=speaker.title,
        cue=cue,
        cue_span=cue_span,
    )


# -- entry point -----------------------------------------------------------------------------


def extract(doc: Document) -> dict[str, Any]:
    """Return ``{"quotes": [...]}``: direct quotes and reported speech, in text order."""
    direct = find_quotes(doc)
    resolver = _Resolver(doc)
    indirect = _indirect(doc, direct, resolver)
    quotes = sorted([*direct, *indirect], key=lambda q: (q.span.start, q.span.end))
    return {"quotes": quotes}
