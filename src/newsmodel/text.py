"""Text helpers shared by the extractors: safe matching and sentence splitting.

All patterns that run over untrusted article text go through :func:`finditer`,
:func:`search` or :func:`match` here, which apply a time budget and turn a
``regex`` timeout into :class:`~newsmodel.errors.ParseTimeoutError`.

Every pattern in newsmodel uses bounded quantifiers, so its cost on a window of text
is bounded by the window's length. The time budget therefore guards long windows
(over :data:`TIMEOUT_WINDOW` characters), where a hostile input could still make a
pattern slow; on the short windows of ordinary articles the budget, which costs
about 1.5 microseconds a call in ``regex``, is not armed.

The amount and percent patterns of :mod:`newsmodel.extract.numbers` are the exception:
compiled by the standard library's ``re``, which runs them faster but knows no time
budget, they are matched directly, only in windows around numbers.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from typing import Any, Final

import ahocorasick
import regex

from newsmodel.errors import ParseTimeoutError
from newsmodel.model import Span

__all__ = [
    "PATTERN_TIMEOUT",
    "TIMEOUT_WINDOW",
    "alternation",
    "finditer",
    "finditer_at",
    "match",
    "new_tuple",
    "search",
    "split_sentences",
    "word_automaton",
]

#: Seconds one pattern may spend on one call before the input is declared hostile.
PATTERN_TIMEOUT: float = 2.0

#: Windows of text longer than this many characters are matched with the time budget.
TIMEOUT_WINDOW: int = 20_000


#: Build a ``NamedTuple`` from a tuple of all its fields: ``new_tuple(Point, (1, 2))``.
#: A NamedTuple's own constructor is generated Python code, a frame per call; this is the
#: builtin, for the tuples made by the thousand per article (words, tokens, lines).
new_tuple: Final = tuple.__new__


def finditer(
    pattern: regex.Pattern[str], text: str, pos: int = 0, endpos: int | None = None
) -> Iterator[regex.Match[str]]:
    """Iterate over matches of *pattern* in ``text[pos:endpos]`` within the time budget."""
    end = len(text) if endpos is None else endpos
    if end - pos <= TIMEOUT_WINDOW:
        return pattern.finditer(text, pos, end)  # short window: no budget, no wrapper
    return _budgeted(pattern, text, pos, end)


def _budgeted(
    pattern: regex.Pattern[str], text: str, pos: int, end: int
) -> Iterator[regex.Match[str]]:
    try:
        yield from pattern.finditer(text, pos, end, timeout=PATTERN_TIMEOUT)
    except TimeoutError as exc:
        raise ParseTimeoutError(_name(pattern)) from exc


def search(
    pattern: regex.Pattern[str], text: str, pos: int = 0, endpos: int | None = None
) -> regex.Match[str] | None:
    """Return the first match of *pattern* in ``text[pos:endpos]``, within the time budget."""
    end = len(text) if endpos is None else endpos
    if end - pos <= TIMEOUT_WINDOW:
        return pattern.search(text, pos, end)  # short window: no budget (a keyword costs)
    try:
        return pattern.search(text, pos, end, timeout=PATTERN_TIMEOUT)
    except TimeoutError as exc:
        raise ParseTimeoutError(_name(pattern)) from exc


def match(
    pattern: regex.Pattern[str], text: str, pos: int = 0, endpos: int | None = None
) -> regex.Match[str] | None:
    """Match *pattern* at ``pos``, within the time budget."""
    end = len(text) if endpos is None else endpos
    if end - pos <= TIMEOUT_WINDOW:
        return pattern.match(text, pos, end)  # short window: no budget (a keyword costs)
    try:
        return pattern.match(text, pos, end, timeout=PATTERN_TIMEOUT)
    except TimeoutError as exc:
        raise ParseTimeoutError(_name(pattern)) from exc


def finditer_at(
    pattern: regex.Pattern[str], text: str, starts: list[int] | None, pos: int, endpos: int
) -> Iterator[regex.Match[str]]:
    """Iterate over the matches of *pattern* in ``text[pos:endpos]`` that begin at one of
    *starts* (sorted offsets), in order and without overlaps.

    When every match of the pattern can only begin at one of *starts* (a word the
    pattern needs, found by a cheaper first pass), this is what :func:`finditer`
    gives, with the pattern tried at those offsets alone. None for *starts* means
    every offset: plain :func:`finditer`.
    """
    if starts is None:
        yield from finditer(pattern, text, pos, endpos)
        return
    i = bisect.bisect_left(starts, pos)
    after = pos
    while i < len(starts) and starts[i] < endpos:
        offset = starts[i]
        i += 1
        if offset < after:
            continue
        found = match(pattern, text, offset, endpos)
        if found is not None:
            after = found.end()
            yield found


def word_automaton(words: Iterable[str]) -> Any:
    """Return an Aho-Corasick automaton of *words*: one pass over a text finds every
    occurrence of all of them, as ``(last offset, word)`` pairs (``iter(text)``)."""
    automaton = ahocorasick.Automaton()
    for word in sorted(set(words)):
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


def alternation(
    words: Iterable[str], *, gap: str = r"\s{1,3}", case_sensitive: bool = False
) -> str:
    """Return a regex alternation of *words*, longest first, for a lexicon-built pattern.

    Each word is escaped; the spaces inside a phrase match *gap* (a short run of white
    space by default, so a phrase may wrap across a line). Longest first, so that
    ``prime minister`` is tried before ``prime``.

    The words are laid out as a trie (``p(?:ct|er(?:cent)?)``): a word that
    cannot match is dropped at its first differing character, where a flat
    alternation would try each of hundreds of words in turn (case-insensitive
    words especially: the engines cannot skip those by their first letter). The
    trie matches what the flat alternation matches, in the same order: the words
    that match at one position are prefixes of one another, and the trie tries
    the longer first. Where two branches of the trie differ only by case (``Mr``,
    ``mr``), which a case-insensitive pattern would try in another order, the flat
    alternation is returned, unless *case_sensitive* says the pattern never folds
    case (then at most one of them matches).
    """
    unique = sorted({" ".join(w.split()) for w in words}, key=lambda w: (-len(w), w))
    root: _Trie = {}
    for word in unique:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    trie = _trie_pattern(root, gap, case_sensitive)
    if trie is not None:
        return trie
    return "|".join(gap.join(regex.escape(part) for part in w.split()) for w in unique)


_Trie = dict[str, "_Trie"]


def _trie_pattern(node: _Trie, gap: str, case_sensitive: bool) -> str | None:
    """Return the pattern of a trie node's words (see :func:`alternation`), or None when
    two of its branches differ only by case (and *case_sensitive* is false)."""
    branches = []
    folded = set()
    for char in sorted(k for k in node if k):
        fold = char.upper().lower()  # "ſ" and "s", "K" (Kelvin) and "k" fold together
        if fold in folded and not case_sensitive:
            return None
        folded.add(fold)
        rest = _trie_pattern(node[char], gap, case_sensitive)
        if rest is None:
            return None
        branches.append((gap if char == " " else regex.escape(char)) + rest)
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" not in node:
        return body
    return f"(?:{body})?"


def _name(pattern: regex.Pattern[str]) -> str:
    source: str = pattern.pattern
    return source.strip().splitlines()[0][:60]


#: Words that end in a full stop without ending a sentence.
ABBREVIATIONS: Final = frozenset(
    """
    mr mrs ms dr prof gen lt col maj capt sgt rep sen gov pres st jr sr rev hon adm cmdr
    inc corp co ltd plc bros no nos vol approx est dept univ assn
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    u.s u.k u.n e.u u.s.s.r n.y n.h n.j d.c calif fla mass conn ill mich penn va wash tex ariz
    colo ore okla wis minn ky tenn ala miss ga la md mo neb nev kan del ind ark pa ft mt
    vs etc cf al i.e e.g p.m a.m
    """.split()
)

# A sentence ends at . ! or ? (optionally followed by closing quotes/brackets)
# followed by white space and an upper-case letter, digit or opening quote.
SENTENCE_BOUNDARY: Final = regex.compile(
    r"""
    (?P<end>[.!?]{1,3}                 # the terminal punctuation
      [\"'”’»)\]]{0,3})                # closing marks that belong to the sentence
    (?P<gap>\s{1,20})                  # the gap between sentences
    (?=[\"'“‘«(\[]{0,2}[\p{Lu}\p{N}])  # next sentence starts with a capital or digit
    """,
    regex.VERBOSE,
)

_WORD_BEFORE: Final = regex.compile(r"(?:[\p{L}.]{1,20})$")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Split ``text[start:end]`` into sentence spans (trimmed of surrounding white space).

    A full stop after a known abbreviation (``Mr.``, ``U.S.``, ``Dec.``) or a single
    initial (``J. Smith``) does not end a sentence.
    """
    stop = len(text) if end is None else end
    spans: list[Span] = []
    begin = start
    for m in finditer(SENTENCE_BOUNDARY, text, start, stop):
        if m.group("end").startswith(".") and m.group("end") == ".":
            before = _WORD_BEFORE.search(text, max(begin, m.start() - 20), m.start())
            word = before.group().lower().strip(".") if before else ""
            if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
        cut = m.end("end")
        _append(spans, text, begin, cut)
        begin = m.end()
    _append(spans, text, begin, stop)
    return spans


def _append(spans: list[Span], text: str, begin: int, end: int) -> None:
    while begin < end and text[begin].isspace():
        begin += 1
    while end > begin and text[end - 1].isspace():
        end -= 1
    if end > begin:
        spans.append(Span(start=begin, end=end))
