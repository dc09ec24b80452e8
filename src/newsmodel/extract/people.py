"""Person mentions and name resolution, shared by the quotes and visits extractors.

Rule-based and fast: a person mention is a run of capitalised words that survives
three filters (it is not a place from :mod:`newsmodel.geo`, not an organisation,
not a month, weekday or function word) and either carries a title or honorific
(``Russian President Vladimir Putin``, ``Mr Smith``) or has two to four name
words. A bare surname (``Putin``) is a mention when the article names the person
in full somewhere.

Public face:

* :func:`find_persons` yields :class:`PersonMention` values in a stretch of text;
* :func:`index` builds (and memoises) a :class:`PersonIndex` for a document, which
  resolves a surname, a title or a pronoun to the fullest name the article gives.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Iterator, Sequence
from functools import cache, lru_cache
from importlib import resources
from typing import Any, Final, Literal, NamedTuple

import attrs
import regex

from newsmodel import geo
from newsmodel.document import Document
from newsmodel.model import Span
from newsmodel.text import finditer, match

__all__ = [
    "Gender",
    "Person",
    "PersonIndex",
    "PersonMention",
    "find_persons",
    "index",
    "lexicon",
    "split_title",
    "title_heads",
]

Gender = Literal["m", "f"]

# -- lexicons -------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Lexicon:
    """The word lists of ``data/quotes.json`` that person detection needs, lower-cased."""

    honorifics: dict[str, Gender | None]
    """Courtesy words (``mr``, ``dr.``) and the gender they imply."""
    title_heads: frozenset[str]
    """Words and phrases that head a title (``president``, ``prime minister``)."""
    title_modifiers: frozenset[str]
    """Words that may stand before a title head (``foreign``, ``deputy``)."""
    male_words: frozenset[str]
    """Words that mark a man (``he``, ``spokesman``)."""
    female_words: frozenset[str]
    """Words that mark a woman (``she``, ``chairwoman``)."""
    first_names: dict[str, Gender]
    """Common given names and their usual gender."""
    org_words: frozenset[str]
    """Words that make a capitalised run an organisation, place or event."""
    non_name_words: frozenset[str]
    """Function words, months, weekdays and generic nouns that are never a name."""
    pronouns: dict[str, Gender | None]
    """Personal pronouns that may stand for a speaker."""
    place_prefixes: frozenset[str]
    """Words that open a place name (``punta``, ``fort``), never a person's name."""
    raw: dict[str, Any]
    """The whole data file, for the other lists the quotes extractor reads."""


@cache
def lexicon() -> Lexicon:
    """Load ``data/quotes.json`` once and return its person-related word lists."""
    data: dict[str, Any] = json.loads(
        resources.files("newsmodel").joinpath("data/quotes.json").read_text("utf-8")
    )
    honorifics = {k.lower(): v for k, v in data["honorifics"].items() if not k.startswith("_")}
    first_names: dict[str, Gender] = dict.fromkeys(data["female_first_names"], "f")
    first_names.update(dict.fromkeys(data["male_first_names"], "m"))
    return Lexicon(
        honorifics=honorifics,
        title_heads=frozenset(w.lower() for w in data["title_heads"]),
        title_modifiers=frozenset(w.lower() for w in data["title_modifiers"]),
        male_words=frozenset(data["male_words"]),
        female_words=frozenset(data["female_words"]),
        first_names=first_names,
        org_words=frozenset(w.lower() for w in data["org_words"]),
        non_name_words=frozenset(w.lower() for w in data["non_name_words"]),
        pronouns=dict(data["pronouns"]),
        place_prefixes=frozenset(
            w.lower() for w in data["place_prefixes"] if not w.startswith("_comment")
        ),
        raw=data,
    )


# -- values ---------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class PersonMention:
    """One place where the text names a person."""

    span: Span
    """The whole mention, title included (``Russian President Vladimir Putin``)."""
    name_span: Span
    """The name alone (``Vladimir Putin``)."""
    name: str
    """The name as written, without title, honorific or possessive ``'s``."""
    title: str | None = None
    """The title before the name (``Russian President``), or None."""
    honorific: str | None = None
    """A courtesy word before the name (``Mr``), or None."""
    gender: Gender | None = None
    """``"m"`` or ``"f"`` when a word of the mention says so, else None."""

    @property
    def tokens(self) -> list[str]:
        """The name's words, lower-cased, without particles' case changed."""
        return _name_tokens(self.name)


@attrs.frozen(kw_only=True)
class Person:
    """Someone the article names: every mention of them resolves to this value."""

    name: str
    """The fullest name the article gives (``Vladimir Putin``)."""
    title: str | None = None
    """The first title the article gives them (``Russian President``), or None."""
    gender: Gender | None = None
    """``"m"``, ``"f"`` or None when nothing in the article says."""


# -- tokens and runs ------------------------------------------------------------

# One word: letters, optionally joined by hyphens or apostrophes (O'Brien,
# Jean-Claude, Putin's), optionally ending in abbreviation dots (U.S., Mr., J.).
WORD_TOKEN: Final = regex.compile(
    r"""
    (?P<word>
      \p{L}[\p{L}\p{M}]{0,30}                      # the letters
      (?:[\-'’]\p{L}[\p{L}\p{M}]{0,30}){0,3}       # joined parts: -Claude, 'Brien, 's
      (?:\.(?:\p{L}\.){0,4})?                      # dots of an abbreviation or initial
    )
    """,
    regex.VERBOSE,
)

# The space between two words of one name: blanks with at most one line break,
# never a paragraph break.
NAME_GAP: Final = regex.compile(
    r"""
    (?P<gap>[ \t\u00a0]{1,3}                       # a space or two
      |[ \t]{0,2}\n[ \t]{0,2})                     # or a single wrapped line
    \Z                                           # and nothing else
    """,
    regex.VERBOSE,
)

#: Lower-case words that may stand inside a name (``Ludwig van Beethoven``).
NAME_PARTICLES: Final = frozenset(
    "al el bin ibn bint abu van von der den de da di du del della dos das la le ter ten".split()
)
#: Generational suffixes kept in a name but ignored as its last token.
NAME_SUFFIXES: Final = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
#: Post-nominal letters that follow a name but are not part of it (``QC``, ``MP``).
POST_NOMINALS: Final = frozenset({"QC", "KC", "MP", "MEP", "MSP", "AM", "PhD", "OBE", "MBE", "CBE"})
#: Words that join the parts of a title (``Secretary of State``).
TITLE_CONNECTORS: Final = frozenset({"of", "for", "the", "and", "on", "to"})
#: Prepositions before a mention that make it an object rather than a subject.
OBJECT_MARKERS: Final = frozenset(
    "with to by of for from at on in against between than like about into toward towards "
    "and including met meeting called urged asked told thanked".split()
)

_MAX_NAME_WORDS: Final = 4
#: Month names, which are also surnames (Ruth May, Brian June).
_MONTHS: Final = frozenset(
    "january february march april may june july august september october november december".split()
)
_MAX_TITLE_WORDS: Final = 7


class _Token:
    """One word of a run with its offsets (a plain class: the commonest object here)."""

    __slots__ = ("end", "start", "word")

    def __init__(self, start: int, end: int, word: str) -> None:
        self.start = start
        self.end = end
        self.word = word

    @property
    def lower(self) -> str:
        return self.word.lower()

    @property
    def bare(self) -> str:
        """The word lower-cased, without a final dot or possessive ``'s``."""
        return _bare(self.word)

    @property
    def possessive(self) -> bool:
        return self.word.endswith(("'s", "’s")) and len(self.word) > 2

    @property
    def capitalised(self) -> bool:
        return self.word[0].isupper()


@lru_cache(maxsize=65536)
def _bare(word: str) -> str:
    low = word.lower()
    if low.endswith(("'s", "’s")):
        low = low[:-2]
    return low.rstrip(".") if not _is_initial(word) else low


def _is_initial(word: str) -> bool:
    """Return whether *word* is an initial or dotted abbreviation (``J.``, ``U.S.``)."""
    return len(word) >= 2 and word.endswith(".") and all(len(p) <= 1 for p in word.split("."))


def _tokens(text: str, start: int, end: int) -> list[_Token]:
    return [_Token(m.start(), m.end(), m.group()) for m in finditer(WORD_TOKEN, text, start, end)]


def _ends_run(token: _Token, lex: Lexicon) -> bool:
    """Return whether nothing after *token* can belong to the same name."""
    if token.possessive:
        return True
    if token.word.endswith("."):
        return not (_is_initial(token.word) or token.lower in lex.honorifics)
    return False


def _gap_ok(text: str, a: _Token, b: _Token) -> bool:
    gap = text[a.end : b.start]
    return 0 < len(gap) <= 5 and match(NAME_GAP, text, a.end, b.start) is not None


# -- reading one run --------------------------------------------------------------


def _is_title_word(word: str, lex: Lexicon) -> bool:
    return _title_word(word)


@lru_cache(maxsize=65536)
def _title_word(word: str) -> bool:
    lex = lexicon()
    return (
        word in lex.title_heads
        or word in lex.title_modifiers
        or word in lex.honorifics
        or geo.demonym_country(word) is not None
        or geo.country_code(word) is not None
        or geo.is_bloc(word)
    )


def _head_at(words: Sequence[str], i: int, lex: Lexicon) -> int:
    """Return how many words from *i* form a title head (``prime minister`` = 2), or 0."""
    if i + 1 < len(words) and f"{words[i]} {words[i + 1]}" in lex.title_heads:
        return 2
    if words[i] in lex.title_heads or words[i] in lex.honorifics:
        return 1
    return 0


def split_title(words: Sequence[str]) -> tuple[int, int]:
    """Split a capitalised run into title and name.

    Args:
        words: the run's words, lower-cased, without final dots or ``'s``.

    Returns:
        ``(title_start, name_start)``: words before *title_start* are junk (a
        sentence-initial ``But``), ``words[title_start:name_start]`` is the title
        (possibly empty) and the rest is the name. The last title head that is
        not the run's last word ends the title (``Prime Minister Alan Major``).
    """
    lex = lexicon()
    name_start = 0
    i = 0
    while i < len(words) - 1:
        width = _head_at(words, i, lex)
        if width and i + width < len(words):
            name_start = i + width
            i += width
        else:
            i += 1
    if name_start and name_start > _MAX_TITLE_WORDS:
        name_start = 0
    # title modifiers and connectors between the head and the name (Secretary of State X)
    while (
        name_start
        and name_start < len(words) - 1
        and (words[name_start] in lex.title_modifiers or words[name_start] in TITLE_CONNECTORS)
    ):
        name_start += 1
    title_start = 0
    limit = name_start if name_start else len(words) - 1
    while (
        title_start < limit
        and (words[title_start] in lex.non_name_words or words[title_start] in TITLE_CONNECTORS)
        and not _head_at(words, title_start, lex)
        and words[title_start] not in lex.first_names  # Jan Sobek, April Ryan
    ):
        title_start += 1
    if not name_start:
        # no head: still drop leading demonyms and countries (Kyrgyz Sadyr Japarov is rare,
        # but "U.S. Paul Adler" is not)
        k = title_start
        while k < len(words) - 1 and _is_title_word(words[k], lex):
            k += 1
        return title_start, k
    return title_start, name_start


def _name_tokens(name: str) -> list[str]:
    """Return a name's words, lower-cased, without suffixes or final dots."""
    return list(_name_tuple(name))


@lru_cache(maxsize=65536)
def _name_tuple(name: str) -> tuple[str, ...]:
    out = []
    for word in name.replace("’", "'").split():
        low = word.lower()
        if low in NAME_SUFFIXES:
            continue
        out.append(low.rstrip(".,") if not _is_initial(word) else low)
    return tuple(out)


def _surname(tokens: Sequence[str]) -> str:
    return tokens[-1] if tokens else ""


@lru_cache(maxsize=65536)
def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and "." not in word


@lru_cache(maxsize=65536)
def _is_place(name: str, words: int) -> bool:
    return geo.names_place(name, cities=words > 1)


@lru_cache(maxsize=65536)
def _is_region(word: str) -> bool:
    """Return whether *word* names a country, demonym or US state (``Ohio Democrat``)."""
    return (
        geo.country_code(word) is not None
        or geo.demonym_country(word) is not None
        or geo.place_country(f"-, {word}") is not None
    )


def _gender_of(words: Sequence[str], title_words: Sequence[str], lex: Lexicon) -> Gender | None:
    for word in title_words:
        if word in lex.male_words:
            return "m"
        if word in lex.female_words:
            return "f"
    if len(words) > 1:
        return lex.first_names.get(words[0])
    return None


def _read_run(text: str, run: list[_Token], before: list[_Token]) -> PersonMention | None:
    """Return the person mention a capitalised run makes, or None."""
    lex = lexicon()
    while len(run) > 1 and run[-1].word.rstrip(".,") in POST_NOMINALS:
        run = run[:-1]
    if _not_a_surname(run[-1], lex):
        return None  # the commonest answer, known from the last word alone
    return _read_name(text, run, before, lex)


def _read_name(
    text: str, run: list[_Token], before: list[_Token], lex: Lexicon
) -> PersonMention | None:
    """:func:`_read_run` past its quick test of the last word."""
    words = [t.bare for t in run]
    title_start, name_start = split_title(words)
    name_toks = run[name_start:]
    name_words = words[name_start:]
    # a lower-case title right before the run: "spokesman Mark Fenn"
    title_toks = run[title_start:name_start]
    if not any(_head_at(words, k, lex) for k in range(title_start, name_start)):
        title_toks = []  # a bare demonym or country before a name is no title
    if not title_toks and before:
        k = len(before)
        while (
            k > 0
            and len(before) - k < _MAX_TITLE_WORDS
            and not before[k - 1].possessive
            and _is_title_word(before[k - 1].bare, lex)
        ):
            k -= 1
        if k < len(before) and _head_at([t.lower for t in before], len(before) - 1, lex):
            # only when the last word before the run is itself a head (not "the")
            while k < len(before) and before[k].lower in TITLE_CONNECTORS:
                k += 1
            title_toks = before[k:]
    if not name_toks:
        return None
    core = [w for w in name_words if w not in NAME_PARTICLES and w not in NAME_SUFFIXES]
    if not core or len(core) > _MAX_NAME_WORDS:
        return None
    last = len(name_toks) - 1
    if len(core) > 1 and not _name_shaped(name_toks, name_words, lex):
        return None
    for number, (tok, word) in enumerate(zip(name_toks, name_words, strict=True)):
        if word in NAME_PARTICLES or word in NAME_SUFFIXES:
            continue
        if number == last and len(core) > 1 and (word in lex.title_heads or word in _MONTHS):
            continue  # Ruth May, Alan Major, Ann Dean
        if number == 0 and last > 0 and _given_name_first(name_toks, word, lex):
            continue  # Jan Sobek, April Ryan, Choi Min-jun
        if (
            word in lex.org_words
            or word in lex.non_name_words
            or word in lex.title_heads
            or word in lex.honorifics
            or _is_acronym(tok.word)
            or not tok.capitalised
        ):
            return None
    if name_toks[-1].lower in NAME_PARTICLES:
        return None
    start, end = name_toks[0].start, name_toks[-1].end
    surface = text[start:end]
    if surface.endswith(("'s", "’s")):
        end -= 2
    elif surface.endswith(".") and not _is_initial(name_toks[-1].word):
        end -= 1
    name = " ".join(text[start:end].split())
    if _is_place(name, len(core)) or (len(core) > 1 and _is_region(core[0])):
        return None
    if len(core) == 1 and _is_initial(name):
        return None
    honorific = None
    title_words = [t.bare for t in title_toks]
    for tok in title_toks:
        if tok.bare in lex.honorifics or tok.lower in lex.honorifics:
            honorific = tok.word
    title = None
    if title_toks:
        title_text = " ".join(text[title_toks[0].start : title_toks[-1].end].split())
        only_honorific = all(
            t.bare in lex.honorifics or t.lower in lex.honorifics for t in title_toks
        )
        if not only_honorific:
            title = title_text
    begin = title_toks[0].start if title_toks else start
    return PersonMention(
        span=Span(start=begin, end=end),
        name_span=Span(start=start, end=end),
        name=name,
        title=title,
        honorific=honorific,
        gender=_gender_of(name_words, title_words, lex),
    )


def _not_a_surname(last: _Token, lex: Lexicon) -> bool:
    """Return whether the last word of a run rules out a name (``Corp``, ``IBM``, ``The``).

    :func:`_read_run` tests every word of the name this way; the last word is always
    one of them and is spared only as a particle, a suffix, a title word or a month
    (``Ruth May``), so a last word that fails the test ends the reading at once.
    """
    word = last.bare
    if word in NAME_PARTICLES or word in NAME_SUFFIXES or word in lex.title_heads:
        return False
    if word in _MONTHS:
        return False
    return (
        word in lex.org_words
        or word in lex.non_name_words
        or word in lex.honorifics
        or _is_acronym(last.word)
        or not last.capitalised
    )


# A given name of East Asian form after the family name: "Min-ho", "Jae-in".
HYPHENATED_GIVEN_NAME: Final = regex.compile(
    r"""
    \p{Lu}\p{Ll}{1,8}                              # the first syllable
    -\p{Ll}{1,8}                                   # a hyphen and the second, lower-case
    \Z                                            # and nothing else
    """,
    regex.VERBOSE,
)


def _given_name_first(run: list[_Token], word: str, lex: Lexicon) -> bool:
    """Return whether a word that is usually no name opens this one.

    A known given name that is also a month or a common word (``Jan Sobek``,
    ``April Ryan``), or a family name before a hyphenated given name
    (``Choi Min-jun``).
    """
    if word in lex.first_names and word not in _WEEKDAYS:
        return True
    return len(run) == 2 and match(HYPHENATED_GIVEN_NAME, run[1].word) is not None


_WEEKDAYS: Final = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


def _name_shaped(run: list[_Token], words: list[str], lex: Lexicon) -> bool:
    """Return whether a run of two or more words can be a person's name at all.

    Not a place (``Punta Arenas``, ``Fort Worth``: a place word first), not a
    phrase holding a country name (``Wants Korea``) unless a known given name
    opens it (``Michael Jordan``).
    """
    if words[0] in lex.place_prefixes:
        return False
    if words[0] in lex.first_names:
        return True
    return not any(
        geo.country_code(t.word) is not None and t.word[:1].isupper() and not _is_acronym(t.word)
        for t in run
    )


def find_persons(text: str, start: int = 0, end: int | None = None) -> Iterator[PersonMention]:
    """Yield the person mentions in ``text[start:end]``, in order.

    A single capitalised word counts only with a title or honorific (``Mr Smith``,
    ``President Adler``); bare surnames are left to :class:`PersonIndex`, which
    knows the full names the article gives.

    Args:
        text: the article text.
        start: where to begin.
        end: where to stop (the end of *text* by default).

    Yields:
        Each mention, with its span, name, title and gender where known.
    """
    stop = len(text) if end is None else end
    for mention in _all_mentions(text, start, stop):
        if len(mention.tokens) > 1 or mention.title or mention.honorific:
            yield mention


def _all_mentions(text: str, start: int, end: int) -> Iterator[PersonMention]:
    """Yield every run that reads as a name, bare single words included.

    One pattern finds each run of capitalised words (with the particles and
    connectors between them) in a single pass; its words are split at white
    space, and a reading of the words is cached across articles.
    """
    lex = lexicon()
    non_names = lex.non_name_words
    for m in finditer(CAPITALISED_RUN, text, start, end):
        surface = m.group()
        if " " not in surface and "\n" not in surface and "\t" not in surface:
            if surface.lower() in non_names:
                continue  # "The", "But", "He": the commonest capitalised words
            # one word, the commonest run: read with the title words before it, if any
            readings = _read_words((), (surface,))
            if not readings:
                continue  # no title before it could make a name of it (see _read_words)
            token = _Token(m.start(), m.end(), surface)
            ahead = _title_before(text, token, start, lex)
            if ahead:
                readings = _read_words(tuple([t.word for t in ahead]), (surface,))
            for rel in readings:
                yield rel.place([*ahead, token])
            continue
        tokens = _split_words(surface, m.start())
        for i, j in _runs_of(tokens, lex):
            run = tokens[i:j]
            key = tuple([t.word for t in run])
            readings = _read_words((), key)
            if not readings:
                continue
            ahead = _title_before(text, run[0], start, lex) if i == 0 else []
            if ahead:
                readings = _read_words(tuple([t.word for t in ahead]), key)
            elif len(run) == 1 and run[0].lower in non_names:
                continue
            words = ahead + run
            for rel in readings:
                yield rel.place(words)


def _split_words(surface: str, at: int) -> list[_Token]:
    """Split a run's surface at white space into tokens with their offsets."""
    tokens = []
    pos = 0
    for word in surface.split():
        pos = surface.find(word, pos)
        tokens.append(_Token(at + pos, at + pos + len(word), word))
        pos += len(word)
    return tokens


def _runs_of(tokens: list[_Token], lex: Lexicon) -> Iterator[tuple[int, int]]:
    """Cut a matched run after a possessive or a sentence-final word (``Putin's``, ``Lee.``)."""
    i = 0
    n = len(tokens)
    for k in range(n - 1):
        if _ends_run(tokens[k], lex):
            yield from _trim_connectors(tokens, i, k + 1)
            i = k + 1
    if i < n:
        yield from _trim_connectors(tokens, i, n)


def _trim_connectors(tokens: list[_Token], i: int, j: int) -> Iterator[tuple[int, int]]:
    """Yield the run ``tokens[i:j]`` without lower-case words at its edges."""
    while i < j and not tokens[i].capitalised:
        i += 1
    while j > i and not tokens[j - 1].capitalised:
        j -= 1
    if j > i:
        yield i, j


def _title_before(text: str, first: _Token, floor: int, lex: Lexicon) -> list[_Token]:
    """Return the lower-case title words right before a run (``spokesman Mark Fenn``)."""
    gap = first.start - 1
    if gap <= floor or text[gap] not in " \t\u00a0":
        return []
    begin = max(
        text.rfind(" ", max(floor, gap - 30), gap), text.rfind("\n", max(floor, gap - 30), gap)
    )
    last = text[begin + 1 : gap]
    if not last.islower() or last not in lex.title_heads:
        return []
    before = _tokens(text, max(floor, first.start - 80), first.start)
    # the words before must touch the run (no punctuation between)
    if not before or not _gap_ok(text, before[-1], first):
        return []
    return _adjacent(text, before)


# A run of capitalised words, with the name particles and title connectors
# between them ("Ludwig van Beethoven", "Secretary of State George Shultz").
CAPITALISED_RUN: Final = regex.compile(
    r"""
    (?<![\p{L}\p{N}'’\-])                              # at a word start
    \p{Lu}[\p{L}\p{M}]{0,30}                           # a capitalised word
    (?:[\-'’]\p{L}[\p{L}\p{M}]{0,30}){0,3}               # joined parts: -Claude, 'Brien, 's
    (?:\.(?:\p{L}\.){0,4})?                             # an abbreviation's or initial's dots
    (?:
      (?:[ \t\u00a0]{1,3}|[ \t]{0,2}\n[ \t]{0,2})         # the gap: spaces or one line break
      (?:(?:al|el|bin|ibn|bint|abu|van|von|der|den|de|da|di|du|del|della|dos|das|la|le|ter|ten
           |of|for|the|and|on|to)                     # a particle or connector
         (?:[ \t\u00a0]{1,3}|[ \t]{0,2}\n[ \t]{0,2}))?   # and its gap
      \p{Lu}[\p{L}\p{M}]{0,30}                         # the next capitalised word
      (?:[\-'’]\p{L}[\p{L}\p{M}]{0,30}){0,3}             # its joined parts
      (?:\.(?:\p{L}\.){0,4})?                           # its dots
    ){0,12}
    (?![\p{L}\p{M}])                                   # the run ends at a word end
    """,
    regex.VERBOSE,
)


@attrs.frozen
class _Relative:
    """A mention read from words alone: offsets as (word index, characters into it)."""

    start: tuple[int, int]
    end: tuple[int, int]
    name_start: tuple[int, int]
    name_end: tuple[int, int]
    name: str
    title: str | None
    honorific: str | None
    gender: Gender | None

    def place(self, words: list[_Token]) -> PersonMention:
        """Return the mention at the real offsets of *words*."""
        (w1, c1), (w2, c2) = self.start, self.end
        (w3, c3), (w4, c4) = self.name_start, self.name_end
        return PersonMention(
            span=Span(start=words[w1].start + c1, end=words[w2].start + c2),
            name_span=Span(start=words[w3].start + c3, end=words[w4].start + c4),
            name=self.name,
            title=self.title,
            honorific=self.honorific,
            gender=self.gender,
        )


@lru_cache(maxsize=65536)
def _read_words(before: tuple[str, ...], run: tuple[str, ...]) -> tuple[_Relative, ...]:
    """Read a capitalised run (and the title words before it) from its words alone.

    The reading depends only on the words, so it is cached: names and titles
    recur across articles. The words are laid out with single spaces and read
    with :func:`_read_joined`; offsets come back relative to the words.

    The title words before a run change what a reading holds, never whether there
    is one: every test that rejects a name reads the run's own words. So
    :func:`_all_mentions` reads a run alone first and looks for a title before it
    only when the run reads as a name.
    """
    words = (*before, *run)
    synthetic = " ".join(words)
    tokens: list[_Token] = []
    starts: list[int] = []
    at = 0
    for word in words:
        tokens.append(_Token(at, at + len(word), word))
        starts.append(at)
        at += len(word) + 1
    found = list(_read_joined(synthetic, tokens[len(before) :], tokens[: len(before)]))
    if not found:
        return ()  # most runs: no one

    def rel(offset: int) -> tuple[int, int]:
        k = bisect.bisect_right(starts, offset) - 1
        return k, offset - starts[k]

    return tuple(
        _Relative(
            start=rel(m.span.start),
            end=rel(m.span.end),
            name_start=rel(m.name_span.start),
            name_end=rel(m.name_span.end),
            name=m.name,
            title=m.title,
            honorific=m.honorific,
            gender=m.gender,
        )
        for m in found
    )


def _read_joined(text: str, run: list[_Token], before: list[_Token]) -> Iterator[PersonMention]:
    """Read a run whose parts may be joined by ``of``, ``and``, ``to``, ``for``, ``on``.

    Left to right, a connector ends a person when the words before it read as a
    name that ends right there (``King Omar | of JordanArabia``, ``Prince Ali |
    and Princess Sara``, ``Chancellor Max Bauer | to Brazil``); otherwise it stays
    inside a title (``Secretary of State for Rural Affairs Mark Oduya``).
    """
    if all(t.word[0].isupper() for t in run):
        # no connector (the commonest run): one reading of the whole
        mention = _read_run(text, run, before)
        if mention is not None:
            yield mention
        return
    cur = 0
    for k in range(1, len(run) - 1):
        tok = run[k]
        if k <= cur or tok.capitalised or tok.lower not in TITLE_CONNECTORS:
            continue
        left = run[cur:k]
        mention = _read_run(text, left, before if cur == 0 else [])
        if mention is not None and _ends_at(mention, left) and not _after_connector(mention, left):
            yield mention
            cur = k + 1
        elif tok.lower in _CLAUSE_CONNECTORS and not _has_head(left):
            cur = k + 1  # "the Bank of England and Paul Volcker": no title goes on
    rest = run[cur:]
    mention = _read_run(text, rest, before if cur == 0 else [])
    if mention is not None and _after_connector(mention, rest):
        mention = None  # "Minister of Trade" names no one
    if mention is None:
        mention = _read_titled_tail(text, rest)
    if mention is not None:
        yield mention


#: Connectors that join two phrases rather than the parts of one title.
_CLAUSE_CONNECTORS: Final = frozenset({"and", "to", "on"})


def _has_head(run: list[_Token]) -> bool:
    """Return whether a title head stands among the words of *run*."""
    lex = lexicon()
    words = [t.bare for t in run]
    return any(_head_at(words, k, lex) for k in range(len(words)))


def _ends_at(mention: PersonMention, run: list[_Token]) -> bool:
    """Return whether the mention's name reaches the last word of *run*."""
    return mention.name_span.end > run[-1].start


def _after_connector(mention: PersonMention, run: list[_Token]) -> bool:
    """Return whether the name follows a connector inside a title (``Minister of Trade``)."""
    for k in range(1, len(run)):
        if run[k].start == mention.name_span.start:
            return run[k - 1].lower in TITLE_CONNECTORS and not run[k - 1].capitalised
    return False


def _read_titled_tail(text: str, run: list[_Token]) -> PersonMention | None:
    """Read ``Under-Secretary of State for Rural Affairs Mark Oduya``.

    A title that holds connectors ends with the person's name: the words after
    the last connector, from a known given name or else the last two.
    """
    lex = lexicon()
    last = max((k for k, t in enumerate(run) if not t.capitalised), default=-1)
    if last <= 0 or not any(_head_at([t.bare for t in run], k, lex) for k in range(last)):
        return None
    tail = run[last + 1 :]
    if not tail:
        return None
    start = max(0, len(tail) - 2)
    for k in range(max(0, len(tail) - 3), len(tail) - 1):
        if tail[k].bare in lex.first_names or _is_initial(tail[k].word):
            start = k
            break
    while start < len(tail) - 1 and tail[start].bare in lex.title_modifiers:
        start += 1
    name = _read_run(text, tail[start:], [])
    if name is None or name.title or len(name.tokens) < 2:
        return None
    title = " ".join(text[run[0].start : tail[start - 1].end if start else run[last].end].split())
    if not start:
        title = " ".join(text[run[0].start : run[last - 1].end].split())
    return attrs.evolve(name, span=Span(start=run[0].start, end=name.span.end), title=title)


def _adjacent(text: str, before: list[_Token]) -> list[_Token]:
    """Keep the tail of *before* whose words are separated by plain spaces only."""
    k = len(before) - 1
    while k > 0 and _gap_ok(text, before[k - 1], before[k]):
        k -= 1
    return before[k:] if before else []


# -- the index ----------------------------------------------------------------------


class _Resolved(NamedTuple):
    """A mention with the person it stands for (a tuple: built by the thousand)."""

    mention: PersonMention
    person: Person
    subject: bool


# Straight and curly double quotation marks and guillemets, used to tell which
# mentions stand inside quoted speech (pronoun antecedents seldom do).
QUOTED_STRETCH: Final = regex.compile(
    r"""
    (?P<open>["“«„])                       # an opening mark
    (?P<body>[^"“”«»„\n]{1,2000})          # the quoted words, inside one paragraph
    (?P<close>["”»“])                      # the closing mark
    """,
    regex.VERBOSE,
)

#: Generic heads that stand for a specific title (``the Russian leader``).
_GENERIC_HEADS: dict[str, frozenset[str]] = {
    "leader": frozenset({"president", "prime minister", "premier", "chancellor", "king", "leader"}),
    "head": frozenset({"president", "chairman", "chief", "director", "head", "leader"}),
    "chief": frozenset({"president", "chief", "chief executive", "ceo", "director", "head"}),
}


class PersonIndex:
    """Every person an article names, with each mention resolved to a :class:`Person`."""

    def __init__(self, text: str, mentions: Sequence[PersonMention]) -> None:
        """Cluster *mentions* into persons.

        Args:
            text: the article text (for quoted-speech detection).
            mentions: every candidate mention, bare single words included, in order.
        """
        self.text = text
        quoted = [(m.start(), m.end()) for m in finditer(QUOTED_STRETCH, text)]
        self._quoted_starts = [a for a, _ in quoted]
        self._quoted = quoted
        self.persons: list[Person] = []
        self._resolved: list[_Resolved] = []
        self._by_surname: dict[str, list[int]] = {}
        self._raw = list(mentions)
        self._mentions: list[PersonMention] | None = None
        self._raw_starts = [m.span.start for m in self._raw]
        self._build(self._raw)
        self._starts = [r.mention.span.start for r in self._resolved]
        self._by_word: dict[str, list[int]] = {}
        for number, r in enumerate(self._resolved):
            words = _name_tuple(r.person.name)
            if words:
                self._by_word.setdefault(words[-1], []).append(number)
                if words[0] != words[-1]:
                    self._by_word.setdefault(words[0], []).append(number)
        # mentions that fit a name / a title phrase, with their starts (built on demand)
        self._named: dict[tuple[str, ...], tuple[list[int], list[int]]] = {}
        self._titled: dict[frozenset[str], tuple[list[int], list[frozenset[str]]]] = {}
        self._title_best: dict[
            tuple[frozenset[str], frozenset[str]], tuple[list[int], list[int]]
        ] = {}

    # -- building ----------------------------------------------------------------

    def _build(self, mentions: list[PersonMention]) -> None:
        clusters: list[list[PersonMention]] = []
        key_of: dict[tuple[str, str], int] = {}
        # 1. full names cluster on (first word, surname)
        for m in mentions:
            toks = m.tokens
            if len(toks) < 2:
                continue
            key = (toks[0], _surname(toks))
            if key not in key_of:
                key_of[key] = len(clusters)
                clusters.append([])
            clusters[key_of[key]].append(m)
        persons = [self._person(cluster) for cluster in clusters]
        cluster_keys = list(key_of)
        for k, (_, surname) in enumerate(cluster_keys):
            self._by_surname.setdefault(surname, []).append(k)
        first_names: dict[str, list[int]] = {}
        for k, (first, _) in enumerate(cluster_keys):
            first_names.setdefault(first, []).append(k)
        resolved: list[tuple[PersonMention, int, bool]] = []
        # the person of each surname and of each first name mentioned last so far
        latest_surname: dict[str, int] = {}
        latest_first: dict[str, int] = {}
        # 2. walk in order; a single word resolves to the person of that surname (else
        # first name) mentioned last, else to the first one the article names
        for m in mentions:
            toks = m.tokens
            number: int | None
            if len(toks) >= 2:
                number = key_of[(toks[0], _surname(toks))]
            else:
                word = toks[0]
                number = _nearest(self._by_surname.get(word), latest_surname.get(word))
                if number is None:
                    number = _nearest(first_names.get(word), latest_first.get(word))
                    if number is not None and len(first_names[word]) > 1:
                        number = None
                if number is None:
                    if not (m.title or m.honorific):
                        continue
                    number = len(persons)
                    persons.append(Person(name=m.name, title=m.title, gender=m.gender))
                    self._by_surname.setdefault(word, []).append(number)
                    latest_surname[word] = number
            if number < len(cluster_keys):
                first, surname = cluster_keys[number]
                latest_surname[surname] = number
                latest_first[first] = number
            person = persons[number]
            if person.gender is None and m.gender is not None:
                persons[number] = person = attrs.evolve(person, gender=m.gender)
            if person.title is None and m.title is not None:
                persons[number] = person = attrs.evolve(person, title=m.title)
            resolved.append((m, number, self._subject(m)))
        # persons may have gained a gender or title after their early mentions
        by_name = {p.name: p for p in persons}
        self._resolved = [
            _Resolved(m, by_name[persons[number].name], subject) for m, number, subject in resolved
        ]
        self.persons = persons

    @staticmethod
    def _person(cluster: list[PersonMention]) -> Person:
        best = max(cluster, key=lambda m: (len(m.tokens), len(m.name)))
        title = next((m.title for m in cluster if m.title), None)
        gender = next((m.gender for m in cluster if m.gender), None)
        return Person(name=best.name, title=title, gender=gender)

    def _subject(self, m: PersonMention) -> bool:
        """Guess whether a mention is a clause subject (not after a preposition)."""
        before = self.text[max(0, m.span.start - 30) : m.span.start]
        words = before.split()
        if not words:
            return True
        last = words[-1]
        if last[-1] in ',;:("“':
            return True
        return last.lower() not in OBJECT_MARKERS and last.lower() not in {"the", "a", "an"}

    def _in_quote(self, offset: int) -> bool:
        i = bisect.bisect_right(self._quoted_starts, offset) - 1
        return i >= 0 and self._quoted[i][0] < offset < self._quoted[i][1]

    # -- queries -----------------------------------------------------------------

    @property
    def mentions(self) -> list[PersonMention]:
        """Every resolved mention, in text order (one shared list: do not modify it)."""
        if self._mentions is None:
            self._mentions = [r.mention for r in self._resolved]
        return self._mentions

    def mentions_starting_in(self, start: int, end: int) -> list[PersonMention]:
        """Return the resolved mentions that start inside ``[start, end)``, in text order."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end, lo)
        return [r.mention for r in self._resolved[lo:hi]]

    def person_at(self, offset: int) -> Person | None:
        """Return the person whose mention covers *offset*, or None."""
        i = bisect.bisect_right(self._starts, offset) - 1
        while i >= 0 and i > len(self._starts) - 1:
            i -= 1
        if (
            i >= 0
            and self._resolved[i].mention.span.start <= offset < self._resolved[i].mention.span.end
        ):
            return self._resolved[i].person
        return None

    def mention_at(self, offset: int) -> PersonMention | None:
        """Return the mention that covers *offset*, or None."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if (
            i >= 0
            and self._resolved[i].mention.span.start <= offset < self._resolved[i].mention.span.end
        ):
            return self._resolved[i].mention
        return None

    def full_name(self, mention: str, offset: int) -> str | None:
        """Resolve a mention at *offset* to the fullest name the article gives.

        ``Putin`` -> ``Vladimir Putin``, ``Kyrgyz President Sadyr Japarov`` ->
        ``Sadyr Japarov``, ``Mr Blair`` -> ``Tony Blair``, ``the minister`` -> the
        latest person titled minister, ``he`` -> the latest plausible person.

        Args:
            mention: the words as written.
            offset: where they stand in the text (the nearest person wins when a
                surname is shared).

        Returns:
            The name, the mention stripped of its title when the article gives no
            fuller one, or None for a pronoun or title that resolves to nobody.
        """
        person = self.resolve(mention, offset)
        if person is not None:
            return person.name
        words = mention.split()
        if not words:
            return None
        lowered = [w.lower().rstrip(".") for w in words]
        if mention.strip().lower() in lexicon().pronouns:
            return None
        _, name_start = split_title(lowered)
        name = " ".join(words[name_start:])
        if name.endswith(("'s", "’s")):
            name = name[:-2]
        if not name or not name[0].isupper() or lowered[-1] in lexicon().title_heads:
            return None
        return name

    def resolve(self, mention: str, offset: int) -> Person | None:
        """Return the :class:`Person` a mention at *offset* stands for, or None."""
        lex = lexicon()
        text = mention.strip()
        low = text.lower()
        if low in lex.pronouns:
            return self.resolve_pronoun(offset, low)
        words = [w.lower().rstrip(".") for w in text.split()]
        words = [w[:-2] if w.endswith(("'s", "’s")) else w for w in words]
        if not words:
            return None
        _, name_start = split_title(words)
        name_words = [w for w in words[name_start:] if w not in NAME_SUFFIXES]
        if (
            name_words
            and text.split()[name_start][:1].isupper()
            and name_words[-1] not in lex.title_heads
        ):
            return self._by_name(name_words, offset)
        return self.resolve_title(words, offset)

    def _by_name(self, name_words: list[str], offset: int) -> Person | None:
        """Return the person of the nearest fitting mention (latest up to *offset*, else first).

        The mentions that fit *name_words* are listed once per name, then bisected.
        """
        surname = name_words[-1]
        key = tuple(name_words)
        if key not in self._named:
            numbers = self._by_word.get(surname, [])
            fitting = [n for n in numbers if self._fits_name(name_words, n)]
            self._named[key] = (fitting, [self._starts[n] for n in fitting])
        fitting, starts = self._named[key]
        if not fitting:
            return None
        cut = bisect.bisect_right(starts, offset)
        if cut:
            # the latest at or before offset; of equal starts, the first listed
            return self._resolved[fitting[bisect.bisect_left(starts, starts[cut - 1])]].person
        return self._resolved[fitting[0]].person

    def _fits_name(self, name_words: list[str], number: int) -> bool:
        """Return whether resolved mention *number* can be the person *name_words* name."""
        surname = name_words[-1]
        r = self._resolved[number]
        toks = _name_tuple(r.mention.name)
        person_toks = _name_tuple(r.person.name)
        if _surname(person_toks) != surname and not (
            len(name_words) == 1 and person_toks and person_toks[0] == surname
        ):
            return False
        return not (
            len(name_words) > 1
            and name_words[0] not in (toks[0], person_toks[0])
            and not (len(name_words[0]) <= 2 and person_toks[0].startswith(name_words[0][0]))
        )

    def mentions_in(self, start: int, end: int) -> list[PersonMention]:
        """Return every name-like run inside ``[start, end)``, bare single words included."""
        i = bisect.bisect_left(self._raw_starts, start)
        out = []
        while i < len(self._raw) and self._raw[i].span.start < end:
            if self._raw[i].span.end <= end:
                out.append(self._raw[i])
            i += 1
        return out

    def resolve_title(self, words: Sequence[str], offset: int) -> Person | None:
        """Resolve a title phrase (``the minister``, ``the Russian leader``) to a person.

        Args:
            words: the phrase's words, lower-cased.
            offset: where it stands; the latest matching person before it wins.
        """
        lex = lexicon()
        heads = title_heads(words)
        if not heads:
            return None
        wanted: set[str] = set()
        for head in heads:
            wanted |= _GENERIC_HEADS.get(head, frozenset({head}))
        qualifiers = {
            w
            for w in words
            if w not in lex.title_heads and w not in TITLE_CONNECTORS and w not in ("the", "a")
        }
        key = (frozenset(wanted), frozenset(qualifiers))
        if key not in self._title_best:
            self._title_best[key] = self._rank_titles(key[0], key[1])
        starts, best = self._title_best[key]
        k = bisect.bisect_left(starts, offset)
        return self._resolved[best[k - 1]].person if k > 0 else None

    def _titled_as(self, wanted: frozenset[str]) -> tuple[list[int], list[frozenset[str]]]:
        """Return the mentions whose person's title has a head in *wanted*, with its words.

        Numbers of resolved mentions in text order; cached per head set.
        """
        if wanted not in self._titled:
            numbers: list[int] = []
            word_sets: list[frozenset[str]] = []
            for number, r in enumerate(self._resolved):
                title = (r.person.title or "").lower()
                if not title:
                    continue
                title_words = frozenset(title.replace(".", "").split())
                joined = " ".join(title.replace(".", "").split())
                if any(h in title_words or (" " in h and h in joined) for h in wanted):
                    numbers.append(number)
                    word_sets.append(title_words)
            self._titled[wanted] = (numbers, word_sets)
        return self._titled[wanted]

    def _rank_titles(
        self, wanted: frozenset[str], qualifiers: frozenset[str]
    ) -> tuple[list[int], list[int]]:
        """Return the starts of the mentions a title phrase may name, with the best so far.

        For each prefix, the best is the mention sharing most qualifiers (the latest on ties).
        """
        numbers, word_sets = self._titled_as(wanted)
        starts: list[int] = []
        best: list[int] = []
        top: tuple[int, int] | None = None
        for number, title_words in zip(numbers, word_sets, strict=True):
            score = len(qualifiers & title_words)
            if not score and _countries_of(set(qualifiers)) - _countries_of(set(title_words)):
                continue  # "the Russian leader" is not the Kyrgyz president
            if top is None or score >= top[0]:
                top = (score, number)
            starts.append(self._starts[number])
            best.append(top[1])
        return starts, best

    def resolve_pronoun(self, offset: int, pronoun: str | None = None) -> Person | None:
        """Return the most recent plausible person before *offset*.

        Args:
            offset: where the pronoun stands.
            pronoun: ``he``, ``she``, ``they`` ...; its gender filters the candidates
                (``they`` and ``I`` resolve to nobody).

        Returns:
            In the latest sentence that names a compatible person outside quoted
            speech, the first one that stands as a subject (else the last one).
        """
        lex = lexicon()
        gender = lex.pronouns.get(pronoun.lower()) if pronoun else None
        if pronoun and pronoun.lower() in {"they", "i", "we"}:
            return None
        i = bisect.bisect_left(self._starts, offset) - 1
        candidates: list[_Resolved] = []
        sentence_floor = -1
        while i >= 0:
            r = self._resolved[i]
            i -= 1
            if offset - r.mention.span.start > 2500:
                break
            if r.mention.span.end > offset:
                continue
            if self._in_quote(r.mention.span.start):
                continue
            if gender is not None and r.person.gender not in (None, gender):
                continue
            if sentence_floor < 0:
                sentence_floor = self._sentence_start(r.mention.span.start)
                candidates.append(r)
                continue
            if r.mention.span.start < sentence_floor:
                break
            candidates.append(r)
        if not candidates:
            return None
        candidates.reverse()
        for r in candidates:
            if r.subject:
                return r.person
        return candidates[-1].person

    def _sentence_start(self, offset: int) -> int:
        """Return roughly where the sentence holding *offset* starts."""
        lo = max(0, offset - 600)
        best = lo
        for m in finditer(SENTENCE_START, self.text, lo, offset):
            best = m.end()
        return best


def _countries_of(words: set[str]) -> set[str]:
    """Return the countries that demonyms or country names among *words* point to."""
    codes = set()
    for word in words:
        code = geo.demonym_country(word) or geo.country_code(word)
        if code:
            codes.add(code)
    return codes


# The end of the previous sentence: a terminal mark and white space, or a blank line.
SENTENCE_START: Final = regex.compile(
    r"""
    (?:[.!?]["”’']{0,2}\s{1,4})            # a full stop and the gap after it
    |(?:\n\s{0,8}\n)                       # or a paragraph break
    """,
    regex.VERBOSE,
)


def _nearest(numbers: list[int] | None, latest: int | None) -> int | None:
    """Pick, among candidate persons, the one mentioned last (else the first named)."""
    if latest is not None:
        return latest
    return numbers[0] if numbers else None


def title_heads(words: Sequence[str]) -> set[str]:
    """Return the title heads among lower-cased *words* (``minister``, ``prime minister``).

    A phrase without one (``the company``) names no one :meth:`PersonIndex.resolve_title`
    could find.
    """
    lex = lexicon()
    heads = {w for w in words if w in lex.title_heads}
    for i in range(len(words) - 1):
        if f"{words[i]} {words[i + 1]}" in lex.title_heads:
            heads.add(f"{words[i]} {words[i + 1]}")
    return heads


# -- memoised per document ---------------------------------------------------------------


def index(doc: Document) -> PersonIndex:
    """Return the :class:`PersonIndex` of *doc*, built once per document.

    Stored with :meth:`Document.memo`, so the quotes and visits extractors share
    one index.
    """
    return doc.memo("people.index", lambda: build_index(doc.text))


def build_index(text: str, start: int = 0, end: int | None = None) -> PersonIndex:
    """Build a :class:`PersonIndex` over ``text[start:end]`` (the whole text by default)."""
    stop = len(text) if end is None else end
    return PersonIndex(text, list(_all_mentions(text, start, stop)))
