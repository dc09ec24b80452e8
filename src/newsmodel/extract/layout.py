"""Layout: headline, header date, dateline, credit, bylines and body paragraphs.

The first pipeline step. It reads the shape of the text rather than its meaning:

* the **top zone**: header date lines (``| 25 June 2024, Tuesday |``,
  ``Updated 3 hours ago``, ``June 25, 2024 10:32 AM GMT+3``), the headline (one or
  more lines, all caps or title case), bylines (``By Irena Czekierska, Reuters``)
  and credit lines (``• Reuters``);
* the **dateline** at the start of the body, in every agency form
  (``STOCKHOLM, March 2 -``, ``WASHINGTON, Dec. 2 (Xinhua) --``,
  ``MANCHESTER, N.H. (AP) —``, ``LONDON (Reuters) -``, ``PARIS, 3 mars (AFP) -``),
  also when it follows a photo caption on the same line (Xinhua and People's Daily
  copy); its country is the country of its date (``MOSCOW`` in 1987 is SU, see
  :func:`newsmodel.geo.place_country`), its year, when not printed, the one nearest
  ``published``;
* the **body**, split into paragraphs by blank lines, by the Reuters convention of
  indenting each paragraph's first line, or by line breaks after short
  sentence-final lines (run-together text); sign-offs (`` REUTER``), credit lines
  and ``(Reporting by ...)`` notes are left out.

:func:`analyse` returns a :class:`Layout` with everything found plus the spans it
deliberately left out of the paragraphs; :func:`extract` is the pipeline step.
Every non-blank character of the text lies in a paragraph or in ``Layout.excluded``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import itertools
import json
from collections.abc import Iterable
from importlib import resources
from typing import Any, Final, NamedTuple

import attrs
import regex

from newsmodel import geo
from newsmodel.document import Document
from newsmodel.model import Dateline, Headline, Paragraph, Span
from newsmodel.text import alternation, finditer, match, new_tuple, search, split_sentences

__all__ = ["Layout", "analyse", "extract", "title_case_place"]

# -- lexicon ---------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class _Lexicon:
    months: dict[str, int]
    weekdays: dict[str, str]
    agencies: dict[str, str]
    particles: frozenset[str]
    roles: frozenset[str]
    labels: tuple[str, ...]
    units: tuple[str, ...]


def _fold(word: str) -> str:
    """Normalise a surface for lexicon lookup: case-folded, curly apostrophes and spaces unified."""
    return " ".join(word.replace("’", "'").split()).casefold()


def _load() -> _Lexicon:
    """Read ``data/layout.json`` once."""
    raw = resources.files("newsmodel").joinpath("data/layout.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(raw)
    months = {_fold(w): int(n) for n, words in data["months"].items() for w in words}
    # Hurried copy truncates the (first, English) month name: "Marc 3", "Apri 1".
    for n, words in data["months"].items():
        for size in range(3, len(words[0])):
            months.setdefault(_fold(words[0][:size]), int(n))
    weekdays = {_fold(w): day for day, words in data["weekdays"].items() for w in words}
    agencies = {
        _fold(w): name
        for name, words in data["agencies"].items()
        if not name.startswith("_")
        for w in [name, *words]
    }
    return _Lexicon(
        months=months,
        weekdays=weekdays,
        agencies=agencies,
        particles=frozenset(_fold(w) for w in data["place_particles"]),
        roles=frozenset(_fold(w) for w in data["byline_roles"]),
        labels=tuple(data["header_labels"]),
        units=tuple(data["relative_units"]),
    )


_LEX: Final = _load()


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of *words*, longest first, spaces matching blanks on one line."""
    return alternation(words, gap=r"[ \t]{1,3}")


# Month and weekday names (several languages), matched case-insensitively and
# only as whole words.
_MONTH: Final = rf"(?i:{_alternation(_LEX.months)})(?![\p{{L}}])"
_WEEKDAY: Final = rf"(?i:{_alternation(_LEX.weekdays)})(?![\p{{L}}\-])"
_AGENCY: Final = rf"(?i:{_alternation(_LEX.agencies)})(?![\p{{L}}])"
_LABEL: Final = rf"(?i:{_alternation(_LEX.labels)})"
_UNIT: Final = rf"(?i:{_alternation(_LEX.units)})"

# Horizontal white space (no line breaks): blanks, tabs, no-break spaces.
_HS: Final = r"[^\S\r\n]"

# One word of a place name: letters with inner apostrophes, dots and hyphens
# ("N'DJAMENA", "N.H.", "Winston-Salem", "ST."), at most 25 letters a piece.
_PLACE_WORD: Final = r"""(?:[\p{L}][\p{L}'’]{0,24}(?:[.\-](?=\p{L})[\p{L}'’]{0,24}){0,4}\.?)"""

# -- patterns --------------------------------------------------------------------

DATELINE: Final = regex.compile(
    rf"""
    (?P<lead>[*#•]{{1,6}}{_HS}{{0,2}})?               # stray marks some wires put first
    (?P<place>
      {_PLACE_WORD}(?:{_HS}{{1,2}}{_PLACE_WORD}){{0,4}}  # the city: up to five words
      (?:{_HS}{{0,2}},{_HS}{{0,3}}                    # ", Alaska", ", N.H.", ", New Zealand"
        (?!{_MONTH}\.?{_HS}{{0,3}}\d)                 # ... but not the date
        (?!{_WEEKDAY})                                # ... nor a weekday
        {_PLACE_WORD}(?:{_HS}{{1,2}}{_PLACE_WORD}){{0,3}}
      ){{0,2}}
    )?                                                # no place: "Dec 29 (Reuters) -"
    (?:,?{_HS}{{1,3}}(?P<weekday>{_WEEKDAY})\.?)?     # optional weekday: "BEIJING, Tuesday"
    (?:(?:,?{_HS}{{1,3}}|(?<!\S))                     # the date, after the place or first
      (?:
        (?P<month>{_MONTH})\.?{_HS}{{0,3}}(?P<day>\d{{1,2}})(?!\d)(?:st|nd|rd|th)?
        (?:,?{_HS}{{1,3}}(?P<year>\d{{4}})(?!\d))?    # "March 2, 1987"
      |
        (?P<day>\d{{1,2}})(?:er|st|nd|rd|th|\.)?{_HS}{{1,3}}(?P<month>{_MONTH})\.?
        (?:{_HS}{{1,3}}(?P<year>\d{{4}})(?!\d))?      # "3 mars 2024"
      )
    )?
    (?:,?{_HS}{{1,3}}(?P<weekday_after>{_WEEKDAY})\.?)?  # weekday after the date
    (?:{_HS}{{0,3}}\((?P<agency>[\p{{L}}][\p{{L}}\p{{N}}'’.&/ \-]{{0,40}})\))?  # "(Reuters)"
    {_HS}{{0,3}}
    (?P<sep>-{{1,3}}|[—–―‒]{{1,2}}|:(?={_HS}))        # the dash (or colon) that ends it
    """,
    regex.VERBOSE,
)

# Clock time and zone on a header date line: "10:32 AM GMT+3", "14.05 (UTC)".
_TIME: Final = r"""(?:\d{1,2}[:.]\d{2}(?::\d{2})?(?:[ ]{0,2}(?i:[ap]\.?[ ]?m\.?))?
             (?:[ ]{0,2}\(?(?:GMT|UTC|[A-Z]{2,5})(?:[ ]?[+\-−][ ]?\d{1,2}(?::?\d{2})?)?\)?)?)"""

HEADER_DATE: Final = regex.compile(
    rf"""
    [ \t]{{0,8}}(?:[|│¦][ \t]{{0,4}})?                # optional opening bar
    (?:(?P<label>{_LABEL})[ \t]{{0,2}}:?[ \t]{{1,3}}  # "Updated:", "Published"
       (?:on[ \t]{{1,2}})?)?                           # ... "on"
    (?:
      (?P<relative>(?:\d{{1,3}}|an?|one)[ \t]{{1,2}}{_UNIT}[ \t]{{1,2}}ago)  # "3 hours ago"
    |
      (?:{_TIME}[ \t]{{0,2}},?[ \t]{{1,3}})?          # a time before the date
      (?:(?P<weekday>{_WEEKDAY})\.?,?[ \t]{{1,3}})?   # "Tuesday, "
      (?:
        (?P<day>\d{{1,2}})(?:st|nd|rd|th|er|\.)?[ \t]{{1,3}}       # "25 June 2024"
        (?P<month>{_MONTH})\.?,?[ \t]{{1,3}}(?P<year>\d{{4}})
      |
        (?P<month>{_MONTH})\.?[ \t]{{1,3}}                         # "June 25, 2024"
        (?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?[ \t]{{1,3}}(?P<year>\d{{4}})
      |
        (?P<year>\d{{4}})-(?P<monthnum>\d{{2}})-(?P<day>\d{{2}})                # ISO 8601
        (?:[T ]\d{{2}}:\d{{2}}(?::\d{{2}}(?:\.\d{{1,6}})?)?(?:Z|[+\-]\d{{2}}:?\d{{2}})?)?
      )
      (?:,?[ \t]{{1,3}}(?P<weekday_after>{_WEEKDAY})\.?)?  # ", Tuesday"
      (?:[ \t]{{0,2}},?[ \t]{{0,3}}(?:(?i:at)[ \t]{{1,2}})?{_TIME})?  # a time after it
    )
    [ \t]{{0,4}}(?:[|│¦][ \t]{{0,4}})?                # optional closing bar
    \Z
    """,
    regex.VERBOSE,
)

BYLINE: Final = regex.compile(
    r"""
    [ \t]{0,8}
    (?:By|BY)[ \t]{1,3}                    # the word "By" (a capital: "by ..." is a wrapped line)
    (?P<names>[\p{L}][^\n]{1,160}?)        # names, roles and agency
    [ \t]{0,4}\Z
    """,
    regex.VERBOSE,
)

CREDIT_LINE: Final = regex.compile(
    r"""
    [ \t]{0,8}
    (?:
      (?P<bullet>[•·▪●*\-–—]{1,2})[ \t]{0,3}          # "• Reuters", "- AFP"
      (?P<name>[\p{L}][\p{L}\p{N}'’.&/ \-]{0,60}?)
    |
      (?:©|\((?i:c)\)|(?i:copyright)(?:[ \t]{0,2}©)?)[ \t]{0,3}  # "© AFP", "Copyright 2024 Reuters"
      (?:\d{4}[ \t]{1,3})?
      (?P<name>[\p{L}][\p{L}\p{N}'’.&/ \-]{0,60}?)
      (?:[ \t]{1,3}\d{4})?
      (?:[.,]?[ \t]{1,3}(?i:all[ \t]rights[ \t]reserved))?
    |
      (?P<bare>[\p{L}][\p{L}\p{N}'’.&/ \-]{0,40}?)    # "Associated Press" alone on its line
    )
    [ \t]{0,3}\.?[ \t]{0,4}\Z
    """,
    regex.VERBOSE,
)

SIGN_OFF: Final = regex.compile(
    rf"""
    [ \t]{{0,8}}
    (?P<name>{_AGENCY})                   # " REUTER", "Reuter", "AFP"
    [ \t]{{0,3}}[.…]{{0,3}}[ \t]{{0,4}}\Z # trailing dots
    """,
    regex.VERBOSE,
)

REPORTING_NOTE: Final = regex.compile(
    r"""
    \(?[ \t]{0,2}
    (?P<note>
      (?i:(?:additional[ \t]{1,3})?reporting|writing|written|editing|compiled|compiled[ \t]by)
      [ \t]{1,3}(?i:by)[ \t]{1,3}                 # "Reporting by"
      [^()\n]{1,400}                              # the names, to the closing bracket
    )
    \)?[ \t]{0,4}\Z
    """,
    regex.VERBOSE,
)

# Names after "Reporting by" / "Writing by" in a reporting note, up to the next
# ";" or the next "... by" clause.
REPORTER_CLAUSE: Final = regex.compile(
    r"""
    (?i:(?:additional[ \t]{1,3})?reporting|writing|written)[ \t]{1,3}(?i:by)[ \t]{1,3}  # cue
    (?P<names>[^;()\n]{1,200})                                                           # names
    """,
    regex.VERBOSE,
)

PHOTO_CREDIT: Final = regex.compile(
    rf"""
    (?:
      [\[(][ ]{{0,2}}(?i:photos?|file[ ]photo|pictures?|images?|video)\b  # "[Photo: IC]"
      [^\[\]()\n]{{0,80}}[\])]
    |
      [\[(][ ]{{0,2}}{_AGENCY}[ ]{{0,2}}/[^\[\]()\n]{{1,60}}[\])]   # "(Xinhua/Ye Pingfan)"
    )
    """,
    regex.VERBOSE,
)

# The end of a caption sentence, where a dateline in capitals may follow
# ("... in Nairobi. BEIJING, June 11 --").
CAPTION_END: Final = regex.compile(
    r"""
    (?P<end>[.!?)\]]["'”’]{0,2})      # the end of the caption's sentence
    [^\S\n]{1,3}                    # a space
    (?=\p{Lu}{2})                    # a word in capitals next
    """,
    regex.VERBOSE,
)

SOURCE_NOTE: Final = regex.compile(
    r"""
    (?<![\p{L}])(?i:source)[ \t]{0,2}:[ \t]{0,3}          # "source:"
    (?P<name>[\p{L}][^,;()\n:]{1,60}?)                    # the outlet
    [ \t]{0,2}(?=[,;)]|(?i:author)|\.?[ \t]{0,3}\Z|\.?[ \t]{0,3}\n)
    """,
    regex.VERBOSE,
)

TRAILING_AGENCY: Final = regex.compile(
    rf"""
    \([ ]{{0,2}}(?P<name>{_AGENCY})[ ]{{0,2}}  # "(Xinhua/chinadaily.com.cn)"
    (?:/[^()\n]{{1,60}})?\)
    """,
    regex.VERBOSE,
)

# A line that ends a sentence: final punctuation, then closing quotes or brackets.
SENTENCE_END: Final = regex.compile(r"""[.!?:;]["'”’»)\]]{0,3}[ \t]{0,8}\Z""", regex.VERBOSE)

# A name token in a byline: "Irena", "J.", "O'Brien", "Al-Hakim"; or a particle.
NAME_TOKEN: Final = regex.compile(
    r"""
    (?:\p{Lu}[\p{L}'’\-]{0,30}\.?           # capitalised word or initial
    |(?:de|da|di|del|van|von|der|den|bin|al|el|le|la|du|ter|y)  # particles
    )\Z
    """,
    regex.VERBOSE,
)

# A place split into words, runs of white space and commas.
PLACE_PIECES: Final = regex.compile(
    r"""
    [^\s,]{1,60}      # a word
    |\s{1,10}         # white space
    |,                # a comma
    """,
    regex.VERBOSE,
)

# The separators in a list of names: "Jane Doe, John Roe and Ann Poe".
NAME_SEPARATOR: Final = regex.compile(
    r"""
    [ \t]{0,3}
    (?:,|;|&|\band\b|\bund\b|\bet\b)   # comma, semicolon, "and" (also German, French)
    [ \t]{0,3}
    """,
    regex.VERBOSE,
)

# Where a byline name is followed by where the writer is: "Jane Doe in Bishkek".
NAME_LOCATION: Final = regex.compile(
    r"""
    [ \t]{1,3}(?:in|from|at)[ \t]{1,3}   # the preposition
    \p{Lu}[^\n]{0,60}\Z                 # a capitalised place, to the end
    """,
    regex.VERBOSE,
)

#: Longest headline line and headline, in characters.
MAX_HEADLINE_LINE: Final = 250
MAX_HEADLINE: Final = 400
#: A line this short (or in Title Case), set apart from the body, is a title even with
#: several sentences ("Leader could make history. Again.").
MAX_SHORT_TITLE: Final = 70
#: Lines longer than this are not hard-wrapped: a line break between them is a paragraph break.
UNWRAPPED_LINE: Final = 150
#: How far into the first paragraph a photo caption may run before its dateline.
MAX_CAPTION: Final = 1200

# -- result ------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Layout:
    """What the layout extractor found, with the spans it left out of the body."""

    headline: Headline | None = None
    """The title, or None."""
    dateline: Dateline | None = None
    """The agency dateline, else the header date line, or None."""
    credit: str | None = None
    """The credited agency or outlet, or None."""
    authors: tuple[str, ...] = ()
    """Bylined people."""
    paragraphs: tuple[Paragraph, ...] = ()
    """Body paragraphs in order."""
    excluded: tuple[Span, ...] = ()
    """Layout spans deliberately left out of the paragraphs (headline, dateline, bylines...)."""
    header_date: dt.date | None = None
    """The date of a header date line, when one was found."""


# -- lines -------------------------------------------------------------------------


class _Line(NamedTuple):
    """One line of the text, located by its non-blank content."""

    first: int
    """Offset of the first non-blank character (== last when blank)."""
    last: int
    """Offset one past the last non-blank character."""
    indent: int
    """Width of the leading white space (tabs count four)."""

    @property
    def blank(self) -> bool:
        """Whether the line holds only white space."""
        return self.first >= self.last

    def content(self, text: str) -> str:
        """The line without its leading and trailing white space."""
        return text[self.first : self.last]


def _lines(text: str) -> list[_Line]:
    """Split *text* into lines at ``\\n`` (``\\r`` counts as trailing white space)."""
    lines: list[_Line] = []
    start = 0
    for raw in text.split("\n"):
        content = raw.lstrip()
        lead = len(raw) - len(content)
        first = start + lead
        indent = lead + 3 * raw.count("\t", 0, lead)  # a tab counts four
        lines.append(new_tuple(_Line, (first, first + len(content.rstrip()), indent)))
        start += len(raw) + 1
    return lines


# -- small helpers -------------------------------------------------------------------


def _letters(value: str) -> str:
    """The letters of *value*, in order."""
    return "".join(filter(str.isalpha, value))


def _is_all_caps(value: str) -> bool:
    """Whether the letters of *value* are (nearly) all upper case."""
    letters = _letters(value)
    if len(letters) < 2:
        return False
    upper = sum(map(str.isupper, letters))
    return upper >= 0.85 * len(letters)


def _is_title_case(value: str) -> bool:
    """Whether most longer words of *value* start with a capital (``Putin Visits Kyrgyzstan``)."""
    words = [w for w in value.split() if len(_letters(w)) > 3]
    if len(words) < 2:
        return False
    caps = sum(1 for w in words if _letters(w)[:1].isupper())
    return caps >= 0.75 * len(words)


def _canonical_agency(name: str) -> str | None:
    """The canonical credit for an agency name (``"REUTER"`` -> ``"Reuters"``), else None."""
    return _LEX.agencies.get(_fold(name.strip(" .")))


def _credit_name(name: str) -> str | None:
    """A credit as written, mapped to its canonical form when it is a known agency."""
    cleaned = " ".join(name.split()).strip(" .,;:-")
    if not cleaned:
        return None
    return _canonical_agency(cleaned) or cleaned


def _names_outlet(name: str) -> bool:
    """Whether *name* is, or begins with, a known agency or outlet ("People's Daily Overseas
    Edition"): a "source:" note also credits charts and data ("Source: NATO")."""
    words = _fold(name).split()
    return any(" ".join(words[:n]) in _LEX.agencies for n in range(len(words), 0, -1))


def _word_case(word: str, first: bool) -> str:
    """Title-case one all-caps or all-lower word of a place name."""
    letters = _letters(word)
    if letters[:2] == "Mc" and letters[2:].isupper():
        return word[:2] + _word_case(word[2:], True)  # "McLEAN" -> "McLean"
    if not letters or not (letters.isupper() or letters.islower()):
        return word  # mixed case: keep as written ("McLean", "de")
    if not first and _fold(word) in _LEX.particles:
        return word.lower()
    out: list[str] = []
    upper_next = True
    for i, ch in enumerate(word):
        if ch.isalpha():
            out.append(ch.upper() if upper_next else ch.lower())
            upper_next = False
        else:
            out.append(ch)
            # a capital after "-" and "." ("Port-Au-Prince", "N.H.") and after a
            # one-letter elision ("N'Djamena", "O'Hare"), not in "John's".
            upper_next = ch in "-." or (ch in "'’" and i == 1)
    return "".join(out)


@functools.lru_cache(maxsize=1024)
def title_case_place(place: str) -> str:
    """Title-case a dateline place as written (``"ANCHORAGE, Alaska"`` -> ``"Anchorage, Alaska"``).

    All-caps and all-lower words are title-cased (particles such as ``de`` and
    ``es`` inside a name are lower-cased); mixed-case words, spacing and
    punctuation are kept as written. Pure, so cached: wire copy repeats its places.
    """
    out: list[str] = []
    first = True
    for found in finditer(PLACE_PIECES, place):
        piece = found.group()
        if piece.isspace():
            out.append(piece)
        elif piece == ",":
            out.append(piece)
            first = True
        else:
            out.append(_word_case(piece, first))
            first = False
    return "".join(out).strip()


def _month_of(name: str | None) -> int | None:
    """The month number of a month name or abbreviation (``"Dec."`` -> 12), else None."""
    return _LEX.months.get(_fold(name.rstrip("."))) if name else None


def _weekday_of(name: str | None) -> str | None:
    """The English weekday of a weekday name (``"mardi"`` -> ``"Tuesday"``), else None."""
    return _LEX.weekdays.get(_fold(name.rstrip("."))) if name else None


def _date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when the day does not exist (``Feb 30``)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _nearest(month: int, day: int, anchor: dt.date) -> dt.date | None:
    """The date with this month and day nearest to *anchor* (its year, or one either side)."""
    best: dt.date | None = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        candidate = _date(year, month, day)
        if candidate is not None and (
            best is None or abs((candidate - anchor).days) < abs((best - anchor).days)
        ):
            best = candidate
    return best


@attrs.frozen(kw_only=True)
class _DateParts:
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: str | None = None


def _parts(m: regex.Match[str]) -> _DateParts | None:
    """Read year, month, day and weekday from a dateline or header match; None if invalid."""
    groups = m.groupdict()
    month = _month_of(groups.get("month"))
    if month is None and groups.get("monthnum"):
        month = int(groups["monthnum"])
    day = int(groups["day"]) if groups.get("day") else None
    year = int(groups["year"]) if groups.get("year") else None
    if (month is not None and not 1 <= month <= 12) or (day is not None and not 1 <= day <= 31):
        return None
    weekday = _weekday_of(groups.get("weekday")) or _weekday_of(groups.get("weekday_after"))
    return _DateParts(year=year, month=month, day=day, weekday=weekday)


def _resolve(
    parts: _DateParts, published: dt.date | None, header: dt.date | None
) -> tuple[dt.date | None, str | None]:
    """The complete date for *parts* and the evidence that fixed it."""
    if parts.month is None or parts.day is None:
        return (header, "header") if header is not None else (None, None)
    if parts.year is not None:
        full = _date(parts.year, parts.month, parts.day)
        return (full, "dateline") if full is not None else (None, None)
    for anchor, source in ((published, "published"), (header, "header")):
        if anchor is not None:
            found = _nearest(parts.month, parts.day, anchor)
            if found is not None:
                return found, source
    return None, None


_WEEKDAYS: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _conflict(date: dt.date | None, weekday: str | None) -> bool:
    """Whether a printed *weekday* contradicts *date*."""
    return date is not None and weekday is not None and _WEEKDAYS[date.weekday()] != weekday


# -- dateline ---------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class _DatelineMatch:
    span: Span
    place: str
    parts: _DateParts
    agency: str | None


#: The characters that end a dateline (:data:`DATELINE` ``sep``): a line without one
#: holds no dateline, which saves the pattern run on most lines.
_DATELINE_ENDS: Final = "-—–―‒:"


def _match_dateline(text: str, pos: int, end: int, *, first: bool = True) -> _DatelineMatch | None:
    """Match an agency dateline at *pos*; see :func:`_dateline_at` (cached)."""
    return _dateline_at(text, pos, end, first)


@functools.lru_cache(maxsize=64)
def _dateline_at(text: str, pos: int, end: int, first: bool) -> _DatelineMatch | None:
    """Match an agency dateline at *pos* (the start of a body line), or return None.

    A dateline needs a date or an agency (and without a place, both: ``Dec 29
    (Reuters) -``). Without either, only a known place written in capitals
    (``BEIJING -``) or title case counts, and never before a rest of line in
    capitals or title case (a headline such as ``TOKYO - STOCKS FALL``). Away from
    the first line of the body (*first* false) the place must be in capitals.
    Pure, so cached: the top zone and the body both ask about the same lines.
    """
    stop = min(end, pos + 200)
    window = text[pos:stop]
    if not any(ch in window for ch in _DATELINE_ENDS):
        return None
    m = match(DATELINE, text, pos, stop)
    if m is None:
        return None
    place = " ".join((m.group("place") or "").split())
    parts = _parts(m)
    if parts is None:
        return None
    raw_agency = m.group("agency")
    agency = None
    if raw_agency:
        head = raw_agency.split("/")[0]
        agency = _canonical_agency(head)
        if agency is None:
            if not _letters(head)[:1].isupper():
                return None  # "(see below)" is no agency
            agency = " ".join(head.split())
    has_date = parts.month is not None and parts.day is not None
    letters = _letters(place)
    if m.group("sep") == "-" and text[m.end("sep") : m.end("sep") + 1].isdigit():
        return None  # a range of days: "on April 5-6"
    if place and not _place_cased(place, m.group("month")):
        return None  # a sentence: "The summit was held on April 5 -"
    if not place:
        if not (has_date and agency):
            return None
    elif not letters[:1].isupper() and not has_date:
        return None  # "sioux falls, april 7 -" needs its date
    elif not first and not _is_all_caps(place):
        return None
    elif not has_date and agency is None:
        if parts.weekday is not None or geo.place_country(place) is None:
            return None
        if m.group("sep") == ":" and not _is_all_caps(place):
            return None
        rest = text[m.end() : min(end, m.end() + 200)]
        if _is_all_caps(rest) or _is_title_case(rest):
            return None
        if not (_is_all_caps(place) or all(w[:1].isupper() for w in place.split())):
            return None
    start = m.start("lead") if m.group("lead") else m.start("place") if place else m.start()
    return _DatelineMatch(
        span=Span(start=start, end=m.end("sep")), place=place, parts=parts, agency=agency
    )


def _place_cased(place: str, month: str | None = None) -> bool:
    """Whether *place* is written as a dateline place: every word capitalised (particles
    aside, ``Rio de Janeiro``), or a few words all in lower case with a lower-case month
    (``sioux falls, april 7``)."""
    words = place.split()
    if all(not ch.isupper() for ch in place):
        return len(words) <= 4 and not any(ch.isupper() for ch in month or "")
    return all(
        w[:1].isupper() or not w[:1].isalpha() or w == "the" or _fold(w) in _LEX.particles
        for w in words
    )


def _build_dateline(
    text: str, found: _DatelineMatch, published: dt.date | None, header: dt.date | None
) -> Dateline:
    """The model :class:`Dateline` for a matched agency dateline."""
    date, source = _resolve(found.parts, published, header)
    place = title_case_place(found.place) if found.place else None
    weekday = found.parts.weekday
    # The country of the time: MOSCOW in 1987 copy is the Soviet Union (SU).
    when = date or published or header
    return Dateline(
        text=text[found.span.start : found.span.end],
        span=found.span,
        place=place or None,
        country=geo.place_country(place, on=when) if place else None,
        date=date,
        year=found.parts.year,
        month=found.parts.month,
        day=found.parts.day,
        weekday=weekday,
        weekday_conflict=_conflict(date, weekday),
        agency=found.agency,
        date_source=source,
    )


# -- header lines ------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class _Header:
    span: Span
    parts: _DateParts


def _match_header(text: str, line: _Line) -> _Header | None:
    """Match a header date line (``| 25 June 2024, Tuesday |``, ``Updated 3 hours ago``)."""
    if line.last - line.first > 120:
        return None
    content = text[line.first : line.last]
    if "ago" not in content and not any(map(str.isdigit, content)):
        return None  # every form has a digit (the day, the year) or "ago"
    m = match(HEADER_DATE, text, line.first, line.last)
    if m is None:
        return None
    parts = _parts(m)
    if parts is None:
        return None
    # The span is the date itself, without the bars around it.
    inner = text[line.first : line.last]
    lead = len(inner) - len(inner.lstrip("|│¦ \t"))
    trail = len(inner) - len(inner.rstrip("|│¦ \t"))
    return _Header(span=Span(start=line.first + lead, end=line.last - trail), parts=parts)


def _header_dateline(text: str, header: _Header, published: dt.date | None) -> Dateline | None:
    """A :class:`Dateline` made from a header date line (no place), or None without a date."""
    parts = header.parts
    if parts.month is None or parts.day is None:
        return None
    if parts.year is not None:
        date, source = _date(parts.year, parts.month, parts.day), "header"
    elif published is not None:
        date, source = _nearest(parts.month, parts.day, published), "published"
    else:
        date, source = None, None
    return Dateline(
        text=text[header.span.start : header.span.end],
        span=header.span,
        date=date,
        year=parts.year,
        month=parts.month,
        day=parts.day,
        weekday=parts.weekday,
        weekday_conflict=_conflict(date, parts.weekday),
        date_source=source if date is not None else None,
    )


# -- bylines and credits --------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class _Byline:
    authors: tuple[str, ...]
    agency: str | None


def _person(piece: str) -> str | None:
    """The piece as a person's name (2-6 name tokens, capitalised ends), else None."""
    where = search(NAME_LOCATION, piece)
    piece = (piece[: where.start()] if where else piece).strip(" .,")
    tokens = piece.split()
    if not 2 <= len(tokens) <= 6:
        return None
    if not all(match(NAME_TOKEN, t) for t in tokens):
        return None
    if not (tokens[0][:1].isupper() and tokens[-1][:1].isupper()):
        return None
    if _canonical_agency(piece) is not None:
        return None
    if _is_all_caps(piece):
        piece = " ".join(_word_case(t, True) for t in tokens)
    return piece


def _split_names(value: str) -> list[str]:
    """Split ``"Jane Doe, John Roe and Ann Poe"`` at commas, semicolons, ``and`` and ``&``."""
    pieces: list[str] = []
    begin = 0
    for sep in finditer(NAME_SEPARATOR, value):
        pieces.append(value[begin : sep.start()])
        begin = sep.end()
    pieces.append(value[begin:])
    return pieces


def _strip_role(piece: str) -> str:
    """Drop a trailing role from a byline piece (``"Jane Doe, Staff Writer"`` -> ``"Jane Doe"``)."""
    folded = _fold(piece)
    if folded in _LEX.roles:
        return ""
    for role in _ROLES_LONGEST_FIRST:
        if folded.endswith(" " + role):
            return piece[: len(piece) - len(role)].strip()
    return piece


_ROLES_LONGEST_FIRST: Final = sorted(_LEX.roles, key=len, reverse=True)


def _parse_names(value: str) -> tuple[list[str], str | None, bool]:
    """Split a list of names into people and an agency; the flag says all pieces were understood."""
    people: list[str] = []
    agency: str | None = None
    understood = True
    for raw in _split_names(value):
        piece = _strip_role(raw.strip(" ."))
        if not piece:
            continue
        known = _canonical_agency(piece)
        if known is not None:
            agency = agency or known
            continue
        name = _person(piece)
        if name is None:
            understood = False
        else:
            people.append(name)
    return people, agency, understood


def _match_byline(text: str, line: _Line) -> _Byline | None:
    """Match a byline (``By Irena Czekierska, Reuters``); None when the line is prose."""
    if line.last - line.first > 180 or not text.startswith(("By", "BY"), line.first):
        return None
    m = match(BYLINE, text, line.first, line.last)
    if m is None:
        return None
    people, agency, understood = _parse_names(m.group("names"))
    if not understood or not (people or agency):
        return None
    return _Byline(authors=tuple(people), agency=agency)


#: First characters of a marked credit line (:data:`CREDIT_LINE`): bullets, ``©``, ``(c)``.
_CREDIT_MARKS: Final = frozenset("•·▪●*-–—©(")


def _match_credit_line(text: str, line: _Line) -> str | None:
    """The credit of a credit line (``• Reuters``, ``© AFP 2024``), else None."""
    if line.last - line.first > 100:
        return None
    content = text[line.first : line.last]
    if (
        content[:1] not in _CREDIT_MARKS
        and content[:9].lower() != "copyright"
        and _canonical_agency(content) is None
    ):
        return None  # no mark, no "copyright", no agency alone on its line
    m = match(CREDIT_LINE, text, line.first, line.last)
    if m is None:
        return None
    if m.group("bare") is not None:
        return _canonical_agency(m.group("bare"))  # a bare name must be a known agency
    name = m.group("name")
    if m.group("bullet") is not None:
        return _canonical_agency(name)  # so must a name after a bullet
    return _credit_name(name)


def _match_sign_off(text: str, line: _Line) -> str | None:
    """The agency of a sign-off line (`` REUTER``, ``AFP``), else None."""
    if _canonical_agency(text[line.first : line.last].rstrip(" \t.…")) is None:
        return None
    m = match(SIGN_OFF, text, line.first, line.last)
    return _canonical_agency(m.group("name")) if m else None


def _reporting_note(text: str, line: _Line) -> regex.Match[str] | None:
    """A ``(Reporting by ...; Editing by ...)`` note ending *line*, else None."""
    if "by" not in text[line.first : line.last].lower():
        return None
    start = text.rfind("(", line.first, line.last)
    candidates = [line.first] if start < 0 else [start, line.first]
    for pos in candidates:
        m = match(REPORTING_NOTE, text, pos, line.last)
        if m is not None and (pos == line.first or text[pos] == "("):
            return m
    return None


def _reporters(text: str, note: regex.Match[str]) -> list[str]:
    """The people a reporting note names as reporters or writers (not editors)."""
    people: list[str] = []
    for clause in finditer(REPORTER_CLAUSE, text, note.start("note"), note.end("note")):
        found, _, _ = _parse_names(clause.group("names"))
        people.extend(found)
    return people


# -- paragraphs ---------------------------------------------------------------------------------


class _Segment(NamedTuple):
    """The body part of one line, with what paragraph grouping needs to know of the line."""

    start: int
    end: int
    indent: int
    """Indentation of the line."""
    length: int
    """Length of the line's content (for the wrap heuristic)."""
    ends_sentence: bool
    """Whether the segment ends with sentence-final punctuation."""
    force: bool = False
    """A paragraph must start here whatever the layout."""


_SENTENCE_TAIL: Final = frozenset(".!?:;\"'”’»)]")


def _ends_sentence(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` ends with sentence-final punctuation (and closing marks)."""
    if end <= start or text[end - 1] not in _SENTENCE_TAIL:
        return False  # the common case, without a pattern run
    return search(SENTENCE_END, text, max(start, end - 16), end) is not None


def _segment(text: str, line: _Line, start: int, end: int, *, force: bool = False) -> _Segment:
    """The segment ``text[start:end]`` of *line*."""
    ends = _ends_sentence(text, start, end)
    return new_tuple(_Segment, (start, end, line.indent, line.last - line.first, ends, force))


def _group(segments: list[_Segment]) -> list[tuple[int, int]]:
    """Group the segments of one block (no blank line inside) into paragraph spans.

    * Indented layout (Reuters): a line indented beyond the block's least
      indentation starts a paragraph.
    * Unwrapped lines (longer than :data:`UNWRAPPED_LINE`), or lines that mostly
      end a sentence: every line break ends a paragraph.
    * Hard-wrapped text: a paragraph ends at a short line that ends a sentence.
    """
    if not segments:
        return []
    base = min(s.indent for s in segments)
    indented = any(s.indent >= base + 2 for s in segments)
    longest = max(s.length for s in segments)
    inner = segments[:-1]
    per_line = bool(inner) and sum(s.ends_sentence for s in inner) >= 0.7 * len(inner)
    paragraphs: list[tuple[int, int]] = []
    begin, finish = segments[0].start, segments[0].end
    for prev, seg in itertools.pairwise(segments):
        if seg.force:
            brk = True
        elif indented:
            brk = seg.indent >= base + 2
        elif longest > UNWRAPPED_LINE or per_line:
            brk = prev.ends_sentence or longest > UNWRAPPED_LINE
        else:
            brk = prev.ends_sentence and prev.length < 0.8 * longest
        if brk:
            paragraphs.append((begin, finish))
            begin = seg.start
        finish = seg.end
    paragraphs.append((begin, finish))
    return paragraphs


# -- the analysis ----------------------------------------------------------------------------


@dataclasses.dataclass
class _State:
    """Mutable working state of one :func:`analyse` call."""

    text: str
    lines: list[_Line]
    excluded: list[Span] = dataclasses.field(default_factory=list)
    credits: dict[str, str] = dataclasses.field(default_factory=dict)
    authors: list[str] = dataclasses.field(default_factory=list)
    reporters: list[str] = dataclasses.field(default_factory=list)
    header: _Header | None = None

    def exclude(self, start: int, end: int) -> None:
        """Leave ``text[start:end]`` out of the paragraphs, as a layout element."""
        if end > start:
            self.excluded.append(Span(start=start, end=end))

    def credit(self, kind: str, name: str | None) -> None:
        """Record a credit found by the evidence *kind* (the first of each kind wins)."""
        if name:
            self.credits.setdefault(kind, name)

    def take_layout_line(self, line: _Line, *, in_body: bool = False) -> bool:
        """Record *line* if it is a header date, byline or credit line; say whether it was.

        A header date line counts only when none was found before (or it completes a
        partial one); a repeated one is body text, so nothing is lost.
        """
        header = _match_header(self.text, line)
        if header is not None and in_body and self.header is not None:
            return False
        if header is not None:
            if self.header is None or (self.header.parts.day is None and header.parts.day):
                self.header = header
            else:
                return False  # a second, no better date line is body text: nothing is lost
        else:
            byline = _match_byline(self.text, line)
            if byline is not None:
                self.authors.extend(a for a in byline.authors if a not in self.authors)
                self.credit("byline", byline.agency)
            else:
                credit = _match_credit_line(self.text, line)
                if credit is None:
                    return False
                self.credit("line", credit)
        self.exclude(line.first, line.last)
        return True


def _is_layout_line(text: str, line: _Line) -> bool:
    """Whether *line* is a header date, byline or credit line."""
    return (
        _match_header(text, line) is not None
        or _match_byline(text, line) is not None
        or _match_credit_line(text, line) is not None
    )


def _headline_lines(state: _State, i: int) -> int:
    """How many lines from *i* form the headline (0 when line *i* is no headline)."""
    count = _headline_candidate(state, i)
    if count and all(line.blank for line in state.lines[i + count :]):
        return 0  # nothing after it: the text is all body
    return count


def _headline_candidate(state: _State, i: int) -> int:
    """How many lines from *i* look like a title, whatever follows them.

    An all-caps line and the all-caps lines under it; a line set apart from the
    body (by a blank line, an indented line or a layout line) that is no run of
    sentences; up to three short lines so set apart; or the first line of a
    longer block when it is in Title Case.
    """
    text, lines = state.text, state.lines
    head = lines[i]
    content = head.content(text)
    if len(content) > MAX_HEADLINE_LINE:
        return 0

    # The block: the next few non-blank lines at the same indentation that are no layout.
    def continues(k: int) -> bool:
        """Whether line *k* continues the block of line *i*."""
        return (
            k < len(lines)
            and not lines[k].blank
            and lines[k].indent < head.indent + 2
            and not _is_layout_line(text, lines[k])
            and _match_dateline(text, lines[k].first, lines[k].last) is None
        )

    j = i + 1
    while j < i + 5 and continues(j):
        j += 1
    block = list(range(i, j))
    followed = not continues(j)  # set apart from what comes next
    if _is_all_caps(content):
        count = 1
        while count < len(block) and _is_all_caps(lines[block[count]].content(text)):
            count += 1
        return count
    ends = _ends_sentence(text, head.first, head.last) and content[-1:] not in "?!"
    if len(block) == 1:
        # A title may end in a full stop, but it is no run of sentences unless short.
        short = followed and (len(content) <= MAX_SHORT_TITLE or _is_title_case(content))
        return 0 if ends and not short and len(split_sentences(content)) > 1 else 1
    total = sum(lines[k].last - lines[k].first for k in block)
    last = lines[block[-1]]
    limit = MAX_HEADLINE_LINE if _ends_sentence(text, last.first, last.last) else MAX_HEADLINE
    more = any(not line.blank for line in lines[j : j + 50])
    if (
        len(block) <= 3
        and followed
        and more
        and total <= limit
        and all(lines[k].last - lines[k].first <= 200 for k in block)
    ):
        return len(block)
    if _is_title_case(content) and not ends:
        return 1
    return 0


def _top_zone(state: _State) -> tuple[int, Headline | None]:
    """Read header, headline, byline and credit lines; return the first body line and headline."""
    text, lines = state.text, state.lines
    headline: Headline | None = None
    i = 0
    seen = 0
    while i < len(lines) and seen < 12:
        line = lines[i]
        if line.blank:
            i += 1
            continue
        seen += 1
        if state.take_layout_line(line):
            i += 1
            continue
        if headline is not None or _match_dateline(text, line.first, line.last) is not None:
            break
        count = _headline_lines(state, i)
        if count == 0:
            break
        first, last = lines[i].first, lines[i + count - 1].last
        folded = " ".join(lines[k].content(text) for k in range(i, i + count))
        headline = Headline(text=" ".join(folded.split()), span=Span(start=first, end=last))
        state.exclude(first, last)
        i += count
    return i, headline


def _paragraph_starts(lines: list[_Line], body: int, count: int) -> list[int]:
    """Indices of the first *count* lines from *body* that begin a paragraph."""
    starts: list[int] = []
    prev_blank = True
    for k in range(body, len(lines)):
        line = lines[k]
        if line.blank:
            prev_blank = True
            continue
        if prev_blank or line.indent >= 2 or not starts:
            starts.append(k)
            if len(starts) >= count:
                break
        prev_blank = False
    return starts


def _caption_dateline(text: str, line: _Line) -> tuple[_DatelineMatch, int] | None:
    """A dateline after a photo caption on the first body line, with the caption's end.

    After a photo credit (``[Photo: IC]``, ``(Xinhua/Ye Pingfan)``) any dateline
    counts; after a plain sentence only a dated (or credited) one in capitals.
    """
    limit = min(line.last, line.first + MAX_CAPTION)
    photo = search(PHOTO_CREDIT, text, line.first, limit)
    if photo is not None:
        pos = _skip_space(text, photo.end(), line.last)
        found = _match_dateline(text, pos, line.last)
        if found is not None:
            return found, photo.end()
    for n, gap in enumerate(finditer(CAPTION_END, text, line.first, limit)):
        if n >= 20:
            break
        found = _match_dateline(text, gap.end(), line.last, first=False)
        if found is not None and (found.parts.day is not None or found.agency is not None):
            return found, gap.start("end") + len(gap.group("end"))
    return None


def _skip_space(text: str, pos: int, end: int) -> int:
    """The first offset from *pos* (before *end*) that is not white space."""
    while pos < end and text[pos].isspace():
        pos += 1
    return pos


def _find_dateline(state: _State, body: int) -> tuple[_DatelineMatch | None, int | None]:
    """Find the agency dateline at the start of the body (or after a photo caption).

    The first paragraph may hold it, or (in capitals) one of the next two, after a
    standfirst. Returns the match and, for a dateline after a caption, the offset
    where the caption ends.
    """
    text, lines = state.text, state.lines
    starts = _paragraph_starts(lines, body, 3)
    for n, k in enumerate(starts):
        found = _match_dateline(text, lines[k].first, lines[k].last, first=n == 0)
        if found is not None:
            return found, None
    if starts:
        caption = _caption_dateline(text, lines[starts[0]])
        if caption is not None:
            return caption
    return None, None


def _trailing_layout(state: _State, body: int) -> tuple[int, int | None]:
    """Mark sign-offs, credit lines and reporting notes at the end.

    Returns the index one past the body's last line and, when a reporting note
    closes that line, the offset where the note begins.
    """
    text, lines = state.text, state.lines
    end = len(lines)
    checked = 0
    while end > body and checked < 6:
        line = lines[end - 1]
        if line.blank:
            end -= 1
            continue
        checked += 1
        sign_off = _match_sign_off(text, line)
        credit = _match_credit_line(text, line) if sign_off is None else None
        note = _reporting_note(text, line) if sign_off is None and credit is None else None
        if sign_off is not None:
            state.credit("sign_off", sign_off)
        elif credit is not None:
            state.credit("line", credit)
        elif note is not None:
            state.reporters.extend(_reporters(text, note))
            state.credit("reporting", "Reuters")
            if note.start() > line.first:
                # the note closes the last paragraph: keep the paragraph, drop the note
                state.exclude(note.start(), line.last)
                return end, note.start()
        else:
            break
        state.exclude(line.first, line.last)
        end -= 1
    return end, None


def _body_credits(state: _State, paragraphs: list[tuple[int, int]]) -> None:
    """Credits stated inside the last paragraph: ``source: People's Daily``, ``(Xinhua/...)``."""
    if not paragraphs:
        return
    start, end = paragraphs[-1]
    start = max(start, end - 400)
    source = search(SOURCE_NOTE, state.text, start, end)
    if source is not None and _names_outlet(source.group("name")):
        state.credit("source", _credit_name(source.group("name")))
    agency = search(TRAILING_AGENCY, state.text, start, end)
    if agency is not None:
        state.credit("trailing", _canonical_agency(agency.group("name")))


def _body_blocks(
    state: _State,
    body: int,
    end: int,
    cut: int | None,
    found: _DatelineMatch | None,
    caption_end: int | None,
) -> list[list[_Segment]]:
    """Segments of the body lines, in blocks split at blank and layout lines."""
    text, lines = state.text, state.lines
    blocks: list[list[_Segment]] = [[]]
    for k in range(body, end):
        line = lines[k]
        first, last = line.first, line.last
        if k == end - 1 and cut is not None:
            last = max(first, cut)
            while last > first and text[last - 1].isspace():
                last -= 1
        if first >= last:
            blocks.append([])
            continue
        if found is not None and first <= found.span.start < last:
            if caption_end is not None:
                blocks[-1].append(_segment(text, line, first, caption_end))
            rest = _skip_space(text, found.span.end, last)
            if rest < last:
                blocks[-1].append(_segment(text, line, rest, last, force=True))
            else:
                blocks.append([])  # "FRAMINGHAM, Mass., March 5 -" alone on its line
            continue
        alone = lines[k - 1].blank or (k + 1 < len(lines) and lines[k + 1].blank)
        if body < k < body + 8 and alone and state.take_layout_line(line, in_body=True):
            blocks.append([])  # a byline or credit line under a standfirst
            continue
        blocks[-1].append(_segment(text, line, first, last))
    return blocks


_CREDIT_ORDER: Final = ("line", "sign_off", "dateline", "byline", "trailing", "source", "reporting")


def analyse(text: str, published: dt.date | None = None) -> Layout:
    """Read the layout of *text*: headline, dateline, credit, authors and paragraphs.

    Args:
        text: the article, exactly as given.
        published: the publication date, used to complete a dateline without a year.

    Returns:
        The :class:`Layout`; empty for empty or blank text. Never raises on odd
        input other than :class:`~newsmodel.errors.ParseTimeoutError` from a
        pattern over its time budget.
    """
    if not text or text.isspace():
        return Layout()
    state = _State(text=text, lines=_lines(text))
    body, headline = _top_zone(state)
    header_date: dt.date | None = None
    if state.header is not None:
        parts = state.header.parts
        if parts.year and parts.month and parts.day:
            header_date = _date(parts.year, parts.month, parts.day)

    found, caption_end = _find_dateline(state, body)
    dateline: Dateline | None = None
    if found is not None:
        dateline = _build_dateline(text, found, published, header_date)
        state.exclude(found.span.start, found.span.end)
        state.credit("dateline", found.agency)

    end, cut = _trailing_layout(state, body)
    spans: list[tuple[int, int]] = []
    for block in _body_blocks(state, body, end, cut, found, caption_end):
        spans.extend(_group(block))
    _body_credits(state, spans)
    if found is None and state.header is not None:  # also one found under a standfirst
        dateline = _header_dateline(text, state.header, published)

    paragraphs = tuple(
        Paragraph(text=text[a:b], span=Span(start=a, end=b)) for a, b in spans if b > a
    )
    credit = next((state.credits[k] for k in _CREDIT_ORDER if k in state.credits), None)
    authors = list(dict.fromkeys([*state.authors, *state.reporters]))
    return Layout(
        headline=headline,
        dateline=dateline,
        credit=credit,
        authors=tuple(authors),
        paragraphs=paragraphs,
        excluded=tuple(sorted(state.excluded, key=lambda s: (s.start, s.end))),
        header_date=header_date,
    )


def extract(doc: Document) -> dict[str, Any]:
    """Return ``headline``, ``dateline``, ``credit``, ``authors`` and ``paragraphs``."""
    layout = analyse(doc.text, doc.published)
    return {
        "headline": layout.headline,
        "dateline": layout.dateline,
        "credit": layout.credit,
        "authors": list(layout.authors),
        "paragraphs": list(layout.paragraphs),
    }
