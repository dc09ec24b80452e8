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
from typing import Any, Literal

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
WORD_TOKEN = regex.compile(
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
NAME_GAP = regex.compile(
    r"""
    (?P<gap>[ \t\u00a0]{1,3}                       # a space or two
      |[ \t]{0,2}\n[ \t]{0,2})                     # or a single wrapped line
    \Z                                           # and nothing else
    """,
    regex.VERBOSE,
)

#: Lower-case words that may stand inside a name (``Ludwig van Beethoven``).
NAME_PARTICLES = frozenset(
    "al el bin ibn bint abu van von der den de da di du del della dos das la le ter ten".split()
)
#: Generational suffixes kept in a name but ignored as its last token.
NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
#: Post-nominal letters that follow a name but are not part of it (``QC``, ``MP``).
POST_NOMINALS = frozenset({"QC", "KC", "MP", "MEP", "MSP", "AM", "PhD", "OBE", "MBE", "CBE"})
#: Words that join the parts of a title (``Secretary of State``).
TITLE_CONNECTORS = frozenset({"of", "for", "the", "and", "on", "to"})
#: Prepositions before a mention that make it an object rather than a subject.
OBJECT_MARKERS = frozenset(
    "with to by of for from at on in against between than like about into toward towards "
    "and including met meeting called urged asked told thanked".split()
)

_MAX_NAME_WORDS = 4
#: Month names, which are also surnames (Ruth May, Brian June).
_MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)
_MAX_TITLE_WORDS = 7


@attrs.frozen
class _Token:
    start: int
    end: int
    word: str

    @property
    def lower(self) -> str:
        return self.word.lower()

    @property
    def bare(self) -> str:
        """The word lower-cased, without a final dot or possessive ``'s``."""
        word = self.word.lower()
        if word.endswith(("'s", "’s")):
            word = word[:-2]
        return word.rstrip(".") if not _is_initial(self.word) else word

    @property
    def possessive(self) -> bool:
        return self.word.endswith(("'s", "’s")) and len(self.word) > 2

    @property
    def capitalised(self) -> bool:
        return self.word[0].isupper()


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


def _runs(text: str, tokens: list[_Token], lex: Lexicon) -> Iterator[tuple[int, int]]:
    """Yield ``(i, j)`` for each run ``tokens[i:j]`` of capitalised words."""
    i, n = 0, len(tokens)
    while i < n:
        if not tokens[i].capitalised:
            i += 1
            continue
        j = i + 1
        while (
            j < n and not _ends_run(tokens[j - 1], lex) and _gap_ok(text, tokens[j - 1], tokens[j])
        ):
            tok = tokens[j]
            if tok.capitalised:
                j += 1
                continue
            # a lower-case particle or title connector between two capitalised words
            if (
                (tok.lower in NAME_PARTICLES or tok.lower in TITLE_CONNECTORS)
                and j + 1 < n
                and tokens[j + 1].capitalised
                and _gap_ok(text, tok, tokens[j + 1])
            ):
                j += 2
                continue
            break
        yield i, j
        i = j


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


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and "." not in word


@lru_cache(maxsize=65536)
def _is_place(name: str, words: int) -> bool:
    if (
        geo.country_code(name)
        or geo.demonym_country(name)
        or geo.capital_of(name)
        or geo.is_bloc(name)
    ):
        return True
    return words > 1 and geo.city_country(name) is not None


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
    for number, (tok, word) in enumerate(zip(name_toks, name_words, strict=True)):
        if word in NAME_PARTICLES or word in NAME_SUFFIXES:
            continue
        if number == last and len(core) > 1 and (word in lex.title_heads or word in _MONTHS):
            continue  # Ruth May, Alan Major, Ann Dean
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


def _clusters(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Yield stretches of text that hold capitalised words close together."""
    lo = hi = -1
    for m in finditer(CAPITALISED_WORD, text, start, end):
        if lo >= 0 and m.start() - hi <= 8:
            hi = m.end()
            continue
        if lo >= 0:
            yield lo, hi
        lo, hi = m.start(), m.end()
    if lo >= 0:
        yield lo, hi


def _split_runs(
    tokens: list[_Token], runs: Iterator[tuple[int, int]], lex: Lexicon
) -> Iterator[tuple[int, int]]:
    """Split runs at connectors that join two names (``Peter Lund and Maria``).

    A connector stays inside a title (``Secretary of State``).
    """
    for i, j in runs:
        start = i
        for k in range(i + 1, j - 1):
            if tokens[k].lower not in TITLE_CONNECTORS:
                continue
            left, right = tokens[k - 1].bare, tokens[k + 1].bare
            if _is_title_word(left, lex) or _is_title_word(right, lex):
                continue
            if start < k:
                yield start, k
            start = k + 1
        if start < j:
            yield start, j


def _all_mentions(text: str, start: int, end: int) -> Iterator[PersonMention]:
    """Yield every run that reads as a name, bare single words included."""
    lex = lexicon()
    floor = start
    for c_lo, c_hi in _clusters(text, start, end):
        tokens = _tokens(text, c_lo, c_hi)
        for i, j in _split_runs(tokens, _runs(text, tokens, lex), lex):
            before: list[_Token] = []
            if i == 0:
                last = match(LAST_WORD, text, max(floor, c_lo - 30), c_lo)
                if last is not None and last.group("word").lower() in lex.title_heads:
                    before = _tokens(text, max(start, c_lo - 80), c_lo)
                    # the words before must touch the run (no punctuation between)
                    while before and not _gap_ok(text, before[-1], tokens[i]):
                        before = []
            mention = _read_run(text, tokens[i:j], _adjacent(text, before))
            if mention is not None:
                yield mention
        floor = c_hi


# A capitalised word (the seed of a name run).
CAPITALISED_WORD = regex.compile(
    r"""
    (?<![\p{L}\p{N}'’\-])                        # at a word start
    \p{Lu}[\p{L}\p{M}'’\-.]{0,40}                 # a capital and the rest of the word
    """,
    regex.VERBOSE,
)

# The last lower-case word before a position (a title such as "spokesman").
LAST_WORD = regex.compile(
    r"""
    .{0,30}?                                     # anything before
    (?<![\p{L}])(?P<word>\p{Ll}[\p{L}\-]{1,25})    # the word
    [ \t\u00a0]{1,3}$                             # then the gap up to the run
    """,
    regex.VERBOSE | regex.DOTALL,
)


def _adjacent(text: str, before: list[_Token]) -> list[_Token]:
    """Keep the tail of *before* whose words are separated by plain spaces only."""
    k = len(before) - 1
    while k > 0 and _gap_ok(text, before[k - 1], before[k]):
        k -= 1
    return before[k:] if before else []


# -- the index ----------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class _Resolved:
    mention: PersonMention
    person: Person
    subject: bool


# Straight and curly double quotation marks and guillemets, used to tell which
# mentions stand inside quoted speech (pronoun antecedents seldom do).
QUOTED_STRETCH = regex.compile(
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
        resolved: list[_Resolved] = []
        last_of: dict[int, int] = {}
        # 2. walk in order; single words resolve to the nearest full name
        for m in mentions:
            toks = m.tokens
            number: int | None
            if len(toks) >= 2:
                number = key_of[(toks[0], _surname(toks))]
            else:
                word = toks[0]
                number = self._nearest(self._by_surname.get(word, []), last_of)
                if number is None:
                    number = self._nearest(first_names.get(word, []), last_of)
                    if number is not None and len(first_names[word]) > 1:
                        number = None
                if number is None:
                    if not (m.title or m.honorific):
                        continue
                    number = len(persons)
                    persons.append(Person(name=m.name, title=m.title, gender=m.gender))
                    self._by_surname.setdefault(word, []).append(number)
            last_of[number] = m.span.start
            person = persons[number]
            if person.gender is None and m.gender is not None:
                persons[number] = person = attrs.evolve(person, gender=m.gender)
            if person.title is None and m.title is not None:
                persons[number] = person = attrs.evolve(person, title=m.title)
            resolved.append(_Resolved(mention=m, person=person, subject=self._subject(m)))
        # persons may have gained a gender or title after their early mentions
        by_name = {p.name: p for p in persons}
        self._resolved = [attrs.evolve(r, person=by_name[r.person.name]) for r in resolved]
        self.persons = persons

    @staticmethod
    def _person(cluster: list[PersonMention]) -> Person:
        best = max(cluster, key=lambda m: (len(m.tokens), len(m.name)))
        title = next((m.title for m in cluster if m.title), None)
        gender = next((m.gender for m in cluster if m.gender), None)
        return Person(name=best.name, title=title, gender=gender)

    @staticmethod
    def _nearest(numbers: list[int], last_of: dict[int, int]) -> int | None:
        """Pick, among candidate persons, the one mentioned most recently."""
        seen = [(last_of[n], n) for n in numbers if n in last_of]
        if seen:
            return max(seen)[1]
        return numbers[0] if numbers else None

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
        """Every resolved mention, in text order."""
        return [r.mention for r in self._resolved]

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
        ``Sadyr Japarov``, ``Mr Straw`` -> ``Jack Straw``, ``the minister`` -> the
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
        surname = name_words[-1]
        best: tuple[int, int] | None = None
        for number in self._by_word.get(surname, ()):
            r = self._resolved[number]
            toks = _name_tuple(r.mention.name)
            person_toks = _name_tuple(r.person.name)
            if _surname(person_toks) != surname and not (
                len(name_words) == 1 and person_toks and person_toks[0] == surname
            ):
                continue
            if (
                len(name_words) > 1
                and name_words[0] not in (toks[0], person_toks[0])
                and not (len(name_words[0]) <= 2 and person_toks[0].startswith(name_words[0][0]))
            ):
                continue
            distance = offset - r.mention.span.start
            rank = distance if distance >= 0 else 10**9 - distance
            if best is None or rank < best[0]:
                best = (rank, number)
        return self._resolved[best[1]].person if best is not None else None

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
        heads = {w for w in words if w in lex.title_heads}
        for i in range(len(words) - 1):
            if f"{words[i]} {words[i + 1]}" in lex.title_heads:
                heads.add(f"{words[i]} {words[i + 1]}")
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
        best: tuple[int, int] | None = None
        for number, r in enumerate(self._resolved):
            if r.mention.span.start >= offset:
                break
            title = (r.person.title or "").lower()
            if not title:
                continue
            title_words = set(title.replace(".", "").split())
            joined = " ".join(title.replace(".", "").split())
            if not any(h in title_words or (" " in h and h in joined) for h in wanted):
                continue
            score = len(qualifiers & title_words)
            if not score and _countries_of(qualifiers) - _countries_of(title_words):
                continue  # "the Russian leader" is not the Kyrgyz president
            if best is None or score >= best[0]:
                best = (score, number)
        return self._resolved[best[1]].person if best is not None else None

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
SENTENCE_START = regex.compile(
    r"""
    (?:[.!?]["”’']{0,2}\s{1,4})            # a full stop and the gap after it
    |(?:\n\s{0,8}\n)                       # or a paragraph break
    """,
    regex.VERBOSE,
)


# -- memoised per document ---------------------------------------------------------------

_CACHE: dict[int, tuple[str, PersonIndex]] = {}


def index(doc: Document) -> PersonIndex:
    """Return the :class:`PersonIndex` of *doc*, built once per text.

    Memoised on the document's identity and text, so the quotes and visits
    extractors share one index even though the pipeline clears ``doc._cache``
    between steps.
    """
    key = id(doc)
    hit = _CACHE.get(key)
    if hit is not None and (hit[0] is doc.text or hit[0] == doc.text):
        return hit[1]
    built = build_index(doc.text)
    if len(_CACHE) > 8:
        _CACHE.clear()
    _CACHE[key] = (doc.text, built)
    return built


def build_index(text: str, start: int = 0, end: int | None = None) -> PersonIndex:
    """Build a :class:`PersonIndex` over ``text[start:end]`` (the whole text by default)."""
    stop = len(text) if end is None else end
    return PersonIndex(text, list(_all_mentions(text, start, stop)))
