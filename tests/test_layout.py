"""The layout extractor: headline, header date, dateline, credit, bylines and paragraphs.

Every example here is written for the test; none is copied from the corpus.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmodel.document import Document
from newsmodel.extract import layout
from newsmodel.extract.layout import Layout, analyse, title_case_place

D = dt.date


def _covered(text: str, found: Layout) -> list[int]:
    """Offsets of non-blank characters that lie in no paragraph and no layout span."""
    seen = bytearray(len(text))
    for span in [p.span for p in found.paragraphs] + list(found.excluded):
        seen[span.start : span.end] = b"\x01" * (span.end - span.start)
    return [i for i, ch in enumerate(text) if not ch.isspace() and not seen[i]]


# -- datelines ------------------------------------------------------------------------------

DATELINES: list[tuple[str, str, D | None, dict[str, Any]]] = [
    (
        "Sweden cuts rates\n    STOCKHOLM, March 2 - The central bank cut its rate.\n",
        "STOCKHOLM, March 2 -",
        D(1987, 3, 3),
        {
            "place": "Stockholm",
            "country": "SE",
            "date": D(1987, 3, 2),
            "month": 3,
            "day": 2,
            "year": None,
            "agency": None,
            "date_source": "published",
        },
    ),
    (
        "Oil output falls\n\nANCHORAGE, Alaska, Feb 26 - Output fell in the state.",
        "ANCHORAGE, Alaska, Feb 26 -",
        D(1987, 2, 27),
        {"place": "Anchorage, Alaska", "country": "US", "date": D(1987, 2, 26)},
    ),
    (
        "Talks end\n\nWASHINGTON, Dec. 2 (Xinhua) -- The talks ended with a joint text.",
        "WASHINGTON, Dec. 2 (Xinhua) --",
        D(2019, 12, 3),
        {"place": "Washington", "country": "US", "date": D(2019, 12, 2), "agency": "Xinhua"},
    ),
    (
        "Senator wins\n\nMANCHESTER, N.H. (AP) — The senator won the primary.",
        "MANCHESTER, N.H. (AP) —",
        None,
        {
            "place": "Manchester, N.H.",
            "country": "US",
            "date": None,
            "month": None,
            "agency": "AP",
            "date_source": None,
        },
    ),
    (
        "Leader arrives\n\nBISHKEK, Oct 12 (Reuters) - The leader arrived for talks.",
        "BISHKEK, Oct 12 (Reuters) -",
        D(2023, 10, 12),
        {"place": "Bishkek", "country": "KG", "date": D(2023, 10, 12), "agency": "Reuters"},
    ),
    (
        "Shares slip\n\nLONDON (Reuters) - Shares slipped in early trade.",
        "LONDON (Reuters) -",
        D(2024, 6, 25),
        {"place": "London", "country": "GB", "date": None, "agency": "Reuters"},
    ),
    (
        "Grève générale\n\nPARIS, 3 mars (AFP) - Les syndicats appellent à la grève.",
        "PARIS, 3 mars (AFP) -",
        D(2024, 3, 4),
        {
            "place": "Paris",
            "country": "FR",
            "date": D(2024, 3, 3),
            "month": 3,
            "day": 3,
            "agency": "AFP",
        },
    ),
    (
        "Ports busy\n\nCranes load a ship at a pier.[Photo: Xinhua/Wang Lei] "
        "BEIJING, Aug. 3 (Xinhua) -- Port traffic rose in July.",
        "BEIJING, Aug. 3 (Xinhua) --",
        D(2018, 8, 4),
        {"place": "Beijing", "country": "CN", "date": D(2018, 8, 3), "agency": "Xinhua"},
    ),
    (
        "Factory expands\n\nA new assembly line in a plant.(Photo:CRI) "
        "SHANGHAI, June 11 -- The carmaker expanded its plant.",
        "SHANGHAI, June 11 --",
        D(2014, 7, 11),
        {"place": "Shanghai", "country": "CN", "date": D(2014, 6, 11)},
    ),
    (
        "Ministry condemns plan\n\nWorkers at a plant. [Photo: IC] BEIJING - The ministry "
        "condemned the plan.",
        "BEIJING -",
        D(2018, 4, 4),
        {"place": "Beijing", "country": "CN", "date": None, "agency": None},
    ),
    (
        "CHINA PLANS REFORM\n    PEKING, March 25 - China will reform prices.\n",
        "PEKING, March 25 -",
        D(1987, 3, 25),
        {"place": "Peking", "country": "CN", "date": D(1987, 3, 25)},
    ),
    (
        "HOG PRICES UP\n    sioux falls, april 7 - barrow prices rose.\n",
        "sioux falls, april 7 -",
        D(1987, 4, 7),
        {"place": "Sioux Falls", "country": "US", "date": D(1987, 4, 7)},
    ),
    (
        "PORT STRIKE ENDS\n    DAR ES SALAAM, March 16 - Dockers went back.\n",
        "DAR ES SALAAM, March 16 -",
        D(1987, 3, 16),
        {"place": "Dar es Salaam", "country": "TZ"},
    ),
    (
        "Rates steady\n\nEDMONTON, ALBERTA, March 10 - Rates held.",
        "EDMONTON, ALBERTA, March 10 -",
        D(1987, 3, 11),
        {"place": "Edmonton, Alberta", "country": "CA", "date": D(1987, 3, 10)},
    ),
    (
        "Stocks dip\n\nDec 29 (Reuters) - Stocks dipped before the holiday.",
        "Dec 29 (Reuters) -",
        D(2016, 1, 2),
        {"place": None, "country": None, "date": D(2015, 12, 29), "agency": "Reuters"},
    ),
    (
        "Harvest in\n\nRio de Janeiro, Feb. 1 (Xinhua) -- The harvest is in.",
        "Rio de Janeiro, Feb. 1 (Xinhua) --",
        D(2015, 2, 2),
        {"place": "Rio de Janeiro", "country": "BR", "date": D(2015, 2, 1)},
    ),
    (
        "Tally done\n\nWASHINGTON, Dec 30 - The tally was done.",
        "WASHINGTON, Dec 30 -",
        D(1988, 1, 2),
        {"date": D(1987, 12, 30), "year": None, "date_source": "published"},
    ),
    (
        "Rates cut\n\nSTOCKHOLM, Monday, March 2, 1987 - The bank cut rates.",
        "STOCKHOLM, Monday, March 2, 1987 -",
        D(2024, 1, 1),
        {
            "date": D(1987, 3, 2),
            "year": 1987,
            "weekday": "Monday",
            "weekday_conflict": False,
            "date_source": "dateline",
        },
    ),
    (
        "Rates cut\n\nSTOCKHOLM, Friday, March 2, 1987 - The bank cut rates.",
        "STOCKHOLM, Friday, March 2, 1987 -",
        None,
        {"date": D(1987, 3, 2), "weekday": "Friday", "weekday_conflict": True},
    ),
    (
        "KEYCORP FILES NOTES\n    ALBANY, N.Y., Marc 3 - The bank filed notes.\n",
        "ALBANY, N.Y., Marc 3 -",
        D(1987, 3, 3),
        {"place": "Albany, N.Y.", "country": "US", "date": D(1987, 3, 3)},
    ),
    (
        "First votes\n\nCHARLESTON, S.C.\xa0— The campaign opened an office.",
        "CHARLESTON, S.C.\xa0—",
        None,
        {"place": "Charleston, S.C.", "country": "US"},
    ),
    (
        "Rates rise\n\nNEW DELHI: The central bank raised rates on Friday.",
        "NEW DELHI:",
        None,
        {"place": "New Delhi", "country": "IN"},
    ),
]


@pytest.mark.parametrize(("text", "surface", "published", "expected"), DATELINES)
def test_dateline_forms(
    text: str, surface: str, published: D | None, expected: dict[str, Any]
) -> None:
    """Every agency dateline form gives its place, country, date and agency."""
    found = analyse(text, published).dateline
    assert found is not None
    assert found.text == surface
    assert text[found.span.start : found.span.end] == surface
    for name, value in expected.items():
        assert getattr(found, name) == value, name


@pytest.mark.parametrize(
    ("text", "first_paragraph"),
    [
        ("T\n\nWASHINGTON, March 31 - House members voted.", "House members voted."),
        ("T\n    WASHINGTON, March 31 - House members\nvoted.\n", "House members\nvoted."),
        ("T\n    BOSTON, March 19 -\n    Qtly div 10 cts\n", "Qtly div 10 cts"),
        ("Ports\n\nShips wait.[Photo: IC] BEIJING - Trade rose.", "Ships wait.[Photo: IC]"),
    ],
)
def test_paragraph_starts_after_dateline(text: str, first_paragraph: str) -> None:
    """The paragraph that carries the dateline starts after it (a caption stays before it)."""
    assert analyse(text).paragraphs[0].text == first_paragraph


@pytest.mark.parametrize(
    "text",
    [
        "Budget passes\n\nHowever, the minister said the vote was close.",
        "Budget passes\n\nMeanwhile, March 2 was a quiet day in parliament.",
        "Budget passes\n\nSeparately, Tuesday - the day of the vote - was calm.",
        "TOKYO - STOCKS FALL\n\nShares fell on Monday.",
        "BOOM: Leader Fires Back At Critics\n\nThe leader replied on Monday.",
        "Deal\n\nFirst paragraph.\n\nSecond one.\n\nIn an Email Dated Feb. 12, 2012 — he wrote.",
        "Budget\n\nPARIS is lovely in spring, he said.",
        "Budget\n\nChairman Smith - a veteran - spoke first.",
        "Budget\n\nLONDON (see below) - a note.",
        "Budget\n\nThe firm said. PARIS is nice - he said.",
        "Budget passes\n\nMarch 2 - a date without an agency.",
    ],
)
def test_not_a_dateline(text: str) -> None:
    """A body sentence starting with a capitalised word and a comma (or dash) is no dateline."""
    found = analyse(text).dateline
    assert found is None


# -- header dates -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "published", "date", "weekday", "source"),
    [
        ("| 25 June 2024, Tuesday |", None, D(2024, 6, 25), "Tuesday", "header"),
        ("June 25, 2024 10:32 AM GMT+3", None, D(2024, 6, 25), None, "header"),
        ("Tuesday, June 25, 2024", None, D(2024, 6, 25), "Tuesday", "header"),
        ("Published: 2024-06-25T10:32:00Z", None, D(2024, 6, 25), None, "header"),
        ("Updated: 25 June 2024 14:05 GMT", None, D(2024, 6, 25), None, "header"),
        ("| 25 June 2024, Monday |", None, D(2024, 6, 25), "Monday", "header"),
    ],
)
def test_header_date_forms(
    header: str, published: D | None, date: D, weekday: str | None, source: str
) -> None:
    """A header date line gives the dateline date (no place) and stays out of the body."""
    text = f"{header}\n\nLeaders meet\n\nThe leaders met on Tuesday."
    found = analyse(text, published)
    assert found.dateline is not None
    assert found.dateline.place is None
    assert found.dateline.date == date
    assert found.dateline.weekday == weekday
    assert found.dateline.weekday_conflict == (weekday not in (None, date.strftime("%A")))
    assert found.dateline.date_source == source
    assert found.headline is not None
    assert found.headline.text == "Leaders meet"
    assert [p.text for p in found.paragraphs] == ["The leaders met on Tuesday."]


def test_relative_header_is_excluded() -> None:
    """``Updated 3 hours ago`` is a header line: left out of the body, gives no date."""
    text = "Updated 3 hours ago\n\nLeaders meet\n\nThe leaders met."
    found = analyse(text)
    assert found.dateline is None
    assert found.headline is not None
    assert [p.text for p in found.paragraphs] == ["The leaders met."]


def test_header_year_completes_dateline() -> None:
    """Without ``published``, a header date gives the year of a dateline without one."""
    text = "Rates cut\nJune 25, 2024 10:32 AM GMT+3\n\nSTOCKHOLM, June 24 - The bank cut rates."
    found = analyse(text).dateline
    assert found is not None
    assert (found.place, found.date, found.date_source) == ("Stockholm", D(2024, 6, 24), "header")


# -- headlines --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "headline"),
    [
        (
            "DUTCH MINISTER TO TOUR PERU AS TALKS STALL\n    WASHINGTON, March 31 - He will go.\n",
            "DUTCH MINISTER TO TOUR PERU AS TALKS STALL",
        ),
        (
            "DUTCH MINISTER TO TOUR PERU\nAS TALKS STALL\n    WASHINGTON, March 31 - He will go.\n",
            "DUTCH MINISTER TO TOUR PERU AS TALKS STALL",
        ),
        (
            "Leader visits ally in first trip abroad\n\nThe leader flew in on Monday.",
            "Leader visits ally in first trip abroad",
        ),
        (
            "Leader visits ally\nin first trip abroad\n\nThe leader flew in on Monday.",
            "Leader visits ally in first trip abroad",
        ),
        (
            "Leader visits ally in first trip abroad.\n\nThe leader flew in on Monday.",
            "Leader visits ally in first trip abroad.",
        ),
        (
            "Leader Visits Ally\nThe leader flew in on Monday and\nmet his host at the airport.\n",
            "Leader Visits Ally",
        ),
        ("WASHINGTON, March 31 - He will go.", None),
        (
            "The leader flew in on Monday and met his host, who greeted him warmly. "
            "Talks followed.\n\nThey ended late.",
            None,
        ),
        ("Only one line of text.", None),
    ],
)
def test_headline(text: str, headline: str | None) -> None:
    """Single and multi-line titles, all caps or not, folded to one line; none when absent."""
    found = analyse(text).headline
    assert (found.text if found else None) == headline
    if found is not None:
        assert "\n" not in found.text
        assert text[found.span.start : found.span.end].split() == found.text.split()


# -- credits and bylines ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("Leaders meet\n\nThe leaders met.\n\n  • Reuters", "Reuters"),
        ("LEADERS MEET\n    LONDON, March 3 - The leaders met.\n Reuter\n", "Reuters"),
        ("LEADERS MEET\n    LONDON, March 3 - The leaders met.\n REUTER...\n", "Reuters"),
        ("Leaders meet\n\nLONDON (Reuters) - The leaders met.", "Reuters"),
        (
            "Leaders meet\n\nThe leaders met.\n\n(Reporting by Jane Roe; Editing by Mark Doe)",
            "Reuters",
        ),
        ("Leaders meet\n\nThe leaders met.\n\n© AFP", "AFP"),
        (
            "Leaders meet\n\nThe leaders met.\n\nCopyright 2024 The Associated Press. "
            "All rights reserved.",
            "AP",
        ),
        ("Leaders meet\n\nBy Jane Roe, Reuters\n\nThe leaders met.", "Reuters"),
        (
            "Leaders meet\n\nThe leaders met. This article was translated from a report, "
            "source: People's Daily, author: Li Wei.",
            "People's Daily",
        ),
        ("Leaders meet\n\nThe leaders met.(Xinhua/chinadaily.com.cn)", "Xinhua"),
        ("Leaders meet\n\nThe leaders met.\n\nSource: NATO.", None),
        ("Leaders meet\n\nThe leaders met.", None),
    ],
)
def test_credit(text: str, credit: str | None) -> None:
    """The credited agency from credit lines, sign-offs, datelines, notes and bylines."""
    found = analyse(text)
    assert found.credit == credit
    assert not _covered(text, found)
    assert all("Reuter" not in p.text and "©" not in p.text for p in found.paragraphs)


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("By Irena Czekierska, Reuters", ["Irena Czekierska"]),
        ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("By Jane Doe, John Roe and Ann Poe, Reuters", ["Jane Doe", "John Roe", "Ann Poe"]),
        ("BY JANE DOE", ["Jane Doe"]),
        ("By Jane Doe in Bishkek", ["Jane Doe"]),
        ("By Jane Doe, Staff Writer", ["Jane Doe"]),
        ("By Reuters Staff", []),
        ("By Juan de la Cruz", ["Juan de la Cruz"]),
    ],
)
def test_bylines(byline: str, authors: list[str]) -> None:
    """A byline gives its people (agencies and roles dropped) and stays out of the body."""
    text = f"Leaders meet\n\n{byline}\n\nThe leaders met."
    found = analyse(text)
    assert list(found.authors) == authors
    assert [p.text for p in found.paragraphs] == ["The leaders met."]


@pytest.mark.parametrize(
    "line",
    [
        "By the numbers, the talks went well.",
        "By contrast, exports fell.",
        "by the government and its allies.",
    ],
)
def test_not_a_byline(line: str) -> None:
    """A sentence that starts with "By" is body text, not a byline."""
    text = f"Leaders meet\n\n{line}\n\nThe leaders met."
    found = analyse(text)
    assert found.authors == ()
    assert found.paragraphs[0].text == line


def test_reporters_are_authors_without_byline() -> None:
    """Without a byline, the reporters of a ``(Reporting by ...)`` note are the authors."""
    text = (
        "Leaders meet\n\nThe leaders met. "
        "(Reporting by Jane Roe in Almaty and Li Wei; Editing by Mark Doe)"
    )
    found = analyse(text)
    assert found.authors == ("Jane Roe", "Li Wei")
    assert [p.text for p in found.paragraphs] == ["The leaders met."]


# -- paragraphs ----------------------------------------------------------------------------------

REUTERS_STYLE = (
    "BANK RAISES RATES\n"
    "    LONDON, March 3 - The bank raised its rate by half\n"
    "a point, dealers said.\n"
    "    The move was expected.\n"
    "    Shr 41 cts vs 38 cts\n"
    "    Net 4.3 mln vs 3.6 mln\n"
    " Reuter\n"
)


@pytest.mark.parametrize(
    ("text", "paragraphs"),
    [
        (
            "Title here\n\nFirst paragraph, one line.\n\nSecond paragraph\nwrapped.\n\n\nThird.",
            ["First paragraph, one line.", "Second paragraph\nwrapped.", "Third."],
        ),
        (
            REUTERS_STYLE,
            [
                "The bank raised its rate by half\na point, dealers said.",
                "The move was expected.",
                "Shr 41 cts vs 38 cts",
                "Net 4.3 mln vs 3.6 mln",
            ],
        ),
        (
            "Title here\n\n"
            + "A long first paragraph that runs on a single line. " * 4
            + "\n"
            + "A second paragraph, also on a single line of its own. " * 4,
            [
                "A long first paragraph that runs on a single line. " * 4,
                "A second paragraph, also on a single line of its own. " * 4,
            ],
        ),
        (
            "Title here\n\nThe first one ends here.\nThe second one ends here.\nThe third one too.",
            ["The first one ends here.", "The second one ends here.", "The third one too."],
        ),
        (
            "Title here\n\nA hard-wrapped paragraph runs on past the end\nof the first line and "
            "stops.\nThen a new paragraph follows on and runs on\nto its end.",
            [
                "A hard-wrapped paragraph runs on past the end\nof the first line and stops.",
                "Then a new paragraph follows on and runs on\nto its end.",
            ],
        ),
        (
            "Title here\n\n" + "One run-together body line. " * 200,
            ["One run-together body line. " * 200],
        ),
    ],
)
def test_paragraph_layouts(text: str, paragraphs: list[str]) -> None:
    """Blank-line, Reuters-indented, one-per-line and hard-wrapped bodies split right."""
    found = analyse(text)
    assert [p.text for p in found.paragraphs] == [p.strip() for p in paragraphs]
    for paragraph in found.paragraphs:
        assert text[paragraph.span.start : paragraph.span.end] == paragraph.text
    assert not _covered(text, found)


def test_seed(seed_text: str) -> None:
    """The seed: header date, headline, Reuters credit and its fifteen body paragraphs."""
    found = analyse(seed_text)
    assert found.headline is not None
    assert found.headline.text == (
        "Russia’s Putin visits Kyrgyzstan in first foreign trip since ICC arrest warrant"
    )
    assert found.dateline is not None
    assert found.dateline.date == D(2024, 6, 25)
    assert (found.dateline.weekday, found.dateline.place) == ("Tuesday", None)
    assert found.dateline.date_source == "header"
    assert found.credit == "Reuters"
    assert len(found.paragraphs) == 15
    assert found.paragraphs[0].text.startswith("Russian President Vladimir Putin met")
    assert found.paragraphs[-1].text.endswith("against Moscow.")
    assert not _covered(seed_text, found)


def test_extract_returns_model_fields(seed_text: str) -> None:
    """``extract`` returns exactly the five layout fields of the article."""
    fields = layout.extract(Document(text=seed_text))
    assert set(fields) == {"headline", "dateline", "credit", "authors", "paragraphs"}
    assert isinstance(fields["authors"], list)
    assert isinstance(fields["paragraphs"], list)


# -- odd input -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n\t ",
        "\x00\x01abc\x1c\ndef\x0b",
        "x" * 200_000,
        "WASHINGTON, " * 5000,
        "(" * 10_000,
        "a\n" * 5000,
        "\u2028\u3000 — ::: - --",
        "PARIS, 0 mars (AFP) - day zero.",
        "LONDON, Feb 30 - no such day.",
    ],
)
def test_odd_input_never_raises(text: str) -> None:
    """Empty, blank, control characters, one huge line: no exception, nothing lost."""
    found = analyse(text)
    assert not _covered(text, found)
    if not text.strip():
        assert found == Layout()


def test_impossible_date_keeps_parts() -> None:
    """A dateline with a day the month lacks keeps month and day, with no date."""
    found = analyse("T\n\nLONDON, Feb 30 - no such day.", D(1987, 3, 1)).dateline
    assert found is not None
    assert (found.month, found.day, found.date) == (2, 30, None)


_PIECES = st.sampled_from(
    [
        "WASHINGTON, March 31 - ",
        "| 25 June 2024, Tuesday |",
        "Updated 3 hours ago",
        "By Jane Doe, Reuters",
        " REUTER",
        "• Reuters",
        "(Reporting by A B; Editing by C D)",
        "© AFP",
        "[Photo: X]",
        "BEIJING, Aug. 3 (Xinhua) -- ",
        "\n",
        "\n\n",
        "    ",
        "\t",
        "\r\n",
        "Hello world.",
        "ALL CAPS TITLE",
        "\x00",
        "—",
        "(",
        ")",
        "Feb 30",
        ",",
        " ",
    ]
)


@given(st.lists(_PIECES | st.text(max_size=8), max_size=30).map("".join))
def test_nothing_is_lost(text: str) -> None:
    """Every non-blank character lies in a paragraph or a deliberately excluded layout span."""
    found = analyse(text)
    assert not _covered(text, found)
    starts = [p.span.start for p in found.paragraphs]
    assert starts == sorted(starts)
    for before, after in zip(found.paragraphs, found.paragraphs[1:], strict=False):
        assert before.span.end <= after.span.start
    for paragraph in found.paragraphs:
        assert text[paragraph.span.start : paragraph.span.end] == paragraph.text


# -- place names ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "title"),
    [
        ("STOCKHOLM", "Stockholm"),
        ("ANCHORAGE, Alaska", "Anchorage, Alaska"),
        ("MANCHESTER, N.H.", "Manchester, N.H."),
        ("RIO DE JANEIRO", "Rio de Janeiro"),
        ("N'DJAMENA", "N'Djamena"),
        ("WINSTON-SALEM, N.C.", "Winston-Salem, N.C."),
        ("ST. JOHN'S, NEWFOUNDLAND", "St. John's, Newfoundland"),
        ("McLEAN, Va.", "McLean, Va."),
        ("la paz", "La Paz"),
    ],
)
def test_title_case_place(written: str, title: str) -> None:
    """Dateline places are title-cased as written; particles and mixed case kept right."""
    assert title_case_place(written) == title


# -- the document date and the country of the time ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "date", "source", "conflict"),
    [
        ("T\n\nOSLO, Dec 30 - Banks shut.", D(1988, 1, 2), D(1987, 12, 30), "published", False),
        ("T\n\nOSLO, Jan 2 - Banks opened.", D(1987, 12, 30), D(1988, 1, 2), "published", False),
        ("T\n\nOSLO, June 24 - Banks shut.", D(2024, 6, 25), D(2024, 6, 24), "published", False),
        (
            "T\n\nOSLO, Tuesday, March 3 - Banks shut.",
            D(1987, 3, 3),
            D(1987, 3, 3),
            "published",
            False,
        ),
        (
            "T\n\nOSLO, Monday, March 3 - Banks shut.",
            D(1987, 3, 3),
            D(1987, 3, 3),
            "published",
            True,
        ),
        ("T\n\nOSLO, March 3, 1987 - Banks shut.", D(2024, 1, 1), D(1987, 3, 3), "dateline", False),
        ("T\n\nOSLO, March 3 - Banks shut.", None, None, None, False),
        ("T\n\nOSLO (Reuters) - Banks shut.", D(2024, 1, 1), None, None, False),
    ],
)
def test_dateline_year_nearest_published(
    text: str, published: D | None, date: D | None, source: str | None, conflict: bool
) -> None:
    """A dateline without a year takes the year nearest ``published``; the evidence is kept
    in ``date_source`` and a printed weekday that contradicts the date is flagged."""
    found = analyse(text, published).dateline
    assert found is not None
    assert (found.date, found.date_source, found.weekday_conflict) == (date, source, conflict)


@pytest.mark.parametrize(
    ("dateline", "published", "country"),
    [
        ("MOSCOW, March 2 -", D(1987, 3, 2), "SU"),
        ("MOSCOW, March 2 -", D(2024, 3, 2), "RU"),
        ("MOSCOW -", None, "RU"),
        ("EAST BERLIN, March 2 -", D(1987, 3, 2), "DD"),
        ("EAST BERLIN, March 2 -", D(1995, 3, 2), "DE"),
        ("LEIPZIG, March 2 -", D(1987, 3, 2), "DD"),
        ("BONN, March 2 -", D(1987, 3, 2), "DE"),
        ("BELGRADE, March 2 -", D(1987, 3, 2), "YU"),
        ("ZAGREB, March 2 -", D(1992, 3, 2), "HR"),
        ("PRAGUE, March 2 -", D(1987, 3, 2), "CS"),
        ("BRATISLAVA, March 2 -", D(1993, 3, 2), "SK"),
        ("TBILISI, Georgia, March 2 -", D(1987, 3, 2), "SU"),
        ("ATLANTA, Georgia, March 2 -", D(1987, 3, 2), "US"),
        ("RIGA, March 2 -", D(1991, 12, 1), "LV"),
    ],
)
def test_dateline_country_of_the_time(dateline: str, published: D | None, country: str) -> None:
    """The dateline country is the state of the dateline's date (MOSCOW in 1987 is SU)."""
    found = analyse(f"T\n\n{dateline} The talks went on.", published).dateline
    assert found is not None
    assert found.country == country


@pytest.mark.parametrize(
    "text",
    [
        "The summit was held on April 5-6.",
        "The leader will visit on April 5-6.",
        "Leaders meet\n\nThe summit was held on April 5 - a Friday.",
        "Leaders meet\n\nTalks in Paris, March 3 - 5 ended.",
        "Leaders meet\n\nthe vote was on April 5 - a Friday.",
    ],
)
def test_sentence_with_date_is_no_dateline(text: str) -> None:
    """A sentence in sentence case, or a range of days, is body text, not a dateline."""
    assert analyse(text, D(2024, 4, 10)).dateline is None


# -- every form issue 4 lists, in one table ---------------------------------------------------

ISSUE_FORMS: list[tuple[str, str, Any]] = [
    ("STOCKHOLM, March 2 - Rates fell.", "dateline", ("Stockholm", "SE", D(1987, 3, 2), None)),
    (
        "ANCHORAGE, Alaska, Feb 26 - Output fell.",
        "dateline",
        ("Anchorage, Alaska", "US", D(1987, 2, 26), None),
    ),
    (
        "WASHINGTON, Dec. 2 (Xinhua) -- Talks ended.",
        "dateline",
        ("Washington", "US", D(1986, 12, 2), "Xinhua"),
    ),
    ("MANCHESTER, N.H. (AP) — He won.", "dateline", ("Manchester, N.H.", "US", None, "AP")),
    # Bishkek (Frunze) in 1986 lay in the Soviet Union: the country of the time.
    ("BISHKEK, Oct 12 (Reuters) - Hi.", "dateline", ("Bishkek", "SU", D(1986, 10, 12), "Reuters")),
    ("LONDON (Reuters) - Shares fell.", "dateline", ("London", "GB", None, "Reuters")),
    ("PARIS, 3 mars (AFP) - Grève.", "dateline", ("Paris", "FR", D(1987, 3, 3), "AFP")),
    ("| 25 June 2024, Tuesday |\n\nTitle\n\nBody.", "header", D(2024, 6, 25)),
    ("June 25, 2024 10:32 AM GMT+3\n\nTitle\n\nBody.", "header", D(2024, 6, 25)),
    ("Updated 3 hours ago\n\nTitle\n\nBody.", "header", None),
    ("Title\n\nBody text.\n\n• Reuters", "credit", "Reuters"),
    ("TITLE\n    LONDON, March 3 - Body text.\n REUTER\n", "credit", "Reuters"),
    ("Title\n\nBody text. (Reporting by Jane Roe; Editing by Mark Doe)", "credit", "Reuters"),
    ("Title\n\nBody text.\n\n© AFP", "credit", "AFP"),
    ("Title\n\nBy Irena Czekierska, Reuters\n\nBody text.", "authors", ("Irena Czekierska",)),
    ("Title\n    First one goes\non here.\n    Second one.\n", "paragraphs", 2),
    ("Title\n\nFirst one goes\non here.\n\nSecond one.", "paragraphs", 2),
    ("Title\n\nFirst one ends.\nSecond one ends.\nThird one ends.", "paragraphs", 3),
]  # fmt: skip


@pytest.mark.parametrize(("text", "what", "expected"), ISSUE_FORMS)
def test_issue_forms(text: str, what: str, expected: Any) -> None:
    """Each dateline, header, credit, byline and paragraph form of issue 4 is read."""
    found = analyse(text if what != "dateline" else f"Title\n\n{text}", D(1987, 3, 3))
    if what == "dateline":
        assert found.dateline is not None
        dl = found.dateline
        assert (dl.place, dl.country, dl.date, dl.agency) == expected
        assert found.paragraphs[0].text == text.split(" - ")[-1].split("— ")[-1].split("-- ")[-1]
    elif what == "header":
        assert (found.dateline.date if found.dateline else None) == expected
        assert [p.text for p in found.paragraphs] == ["Body."]
    elif what == "credit":
        assert found.credit == expected
        assert not _covered(text, found)
    elif what == "authors":
        assert found.authors == expected
    else:
        assert len(found.paragraphs) == expected


@pytest.mark.parametrize(
    ("text", "dateline", "paragraphs"),
    [
        ("T T\n\nBy Putin\n\n| 25 June 2024, Tuesday |", "25 June 2024, Tuesday", 1),
        ("| 25 June 2024, Tuesday |\n\n" * 20, "25 June 2024, Tuesday", 18),
    ],
)
def test_header_date_under_the_top_zone(text: str, dateline: str, paragraphs: int) -> None:
    """A header date under a standfirst gives the dateline; a repeated one is body text."""
    found = analyse(text)
    assert found.dateline is not None
    assert found.dateline.text == dateline
    assert len(found.paragraphs) == paragraphs
    assert not _covered(text, found)
