"""The time-expression extractor: forms, normalised values, tense, anaphora, false positives."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from newsmodel import Document, Headline, Paragraph, Span, TimeExpression
from newsmodel.extract import times
from newsmodel.extract.times import resolve_month, tense_at

#: A Tuesday (ISO week 26), the anchor of the seed article.
ANCHOR = dt.date(2024, 6, 25)


def _times(text: str, published: dt.date | None = ANCHOR) -> list[TimeExpression]:
    found: list[TimeExpression] = times.extract(Document(text=text, published=published))["times"]
    return found


def _pairs(text: str, published: dt.date | None = ANCHOR) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in _times(text, published)]


# -- one table per family of forms ----------------------------------------------------

DATES = [
    ("The deal was signed on June 1, 2018.", "June 1, 2018", "2018-06-01"),
    ("The talks ended on 25 June 2024 in Bishkek.", "25 June 2024", "2024-06-25"),
    ("The court ruled on March 2 that the ban was legal.", "March 2", "2024-03-02"),
    ("The court will rule on March 2 whether the ban is legal.", "March 2", "2025-03-02"),
    ("The summit was held on Dec. 2 in Rome.", "Dec. 2", "2023-12-02"),
    ("Voting ran June 21-24 in the north.", "June 21-24", "2024-06-21/2024-06-24"),
    ("The fair is set for July 6 to 8.", "July 6 to 8", "2024-07-06/2024-07-08"),
    ("The file is dated 2024-05-31.", "2024-05-31", "2024-05-31"),
    ("He left on Tuesday, June 18, after the vote.", "Tuesday, June 18", "2024-06-18"),
    ("Imports stay banned until July 1 under the rule adopted.", "July 1", "2024-07-01"),
    ("Parties to the February 27 pact will meet again.", "February 27", "2024-02-27"),
    (
        "The firm will report on the quarter ended January 31.",
        "the quarter ended January 31",
        "2023-11/2024-01",
    ),
    (
        "The group sees a small profit in the year ending March 31.",
        "the year ending March 31",
        "2024-04/2025-03",
    ),
    ("Reserves rose in the week ended June 14.", "the week ended June 14", "2024-W24"),
]

WEEKDAYS = [
    ("Putin will attend a summit in Bishkek on Friday.", "Friday", "2024-06-28"),
    ("Putin attended a summit in Bishkek on Friday.", "Friday", "2024-06-21"),
    ("The minister said on Monday that exports will rise.", "Monday", "2024-06-24"),
    ("Exports will rise, the minister said on Thursday.", "Thursday", "2024-06-20"),
    ("The bank raised rates last Friday.", "last Friday", "2024-06-21"),
    ("The bank meets next Tuesday.", "next Tuesday", "2024-07-02"),
    ("The vote took place on Sunday morning.", "Sunday morning", "2024-06-23"),
    ("Shares will stay firm after rising since Friday.", "Friday", "2024-06-21"),
]

MONTHS = [
    ("The United States imposed sanctions in July.", "July", "2023-07"),
    ("The United States will impose sanctions in July.", "July", "2024-07"),
    ("The court issued a warrant in March.", "March", "2024-03"),
    ("The plant is due to reopen in May.", "May", "2025-05"),
    ("The deficit widened in February 1986.", "February 1986", "1986-02"),
    ("Profits fell to 12 mln against 15 mln in February, 1986.", "February, 1986", "1986-02"),
    ("The figure was below that of February last year.", "February last year", "2023-02"),
    ("Prices rose sharply last February.", "last February", "2024-02"),
    ("The plan starts next March.", "next March", "2025-03"),
    ("The panel meets again in July this year.", "July this year", "2024-07"),
    ("Peru's output rose from January's level.", "January", "2024-01"),
    ("February shipments were 3.2 mln crates.", "February", "2024-02"),
]

YEARS = [
    ("The factory opened in 1986.", "1986", "1986"),
    ("Trade grew 37% in 2023.", "2023", "2023"),
    ("The loss compares with a 1986 gain of 2.1 mln.", "1986", "1986"),
    ("Prices were stable in the 1980s.", "the 1980s", "198"),
    ("They were rich in the early 1980s.", "the early 1980s", "198"),
    ("The bill was passed by Congress in the year 2000.", "the year 2000", "2000"),
]

RELATIVE = [
    ("Trade grew 37% last year.", "last year", "2023"),
    ("He travels to China next week.", "next week", "2024-W27"),
    ("The bank urged compliance last week.", "last week", "2024-W25"),
    ("Rates will stay flat this year.", "this year", "2024"),
    ("The talks collapsed two weeks ago.", "two weeks ago", "2024-W24"),
    ("The treaty was signed two years ago.", "two years ago", "2022"),
    ("The pact was signed three days ago.", "three days ago", "2024-06-22"),
    ("Rates fell yesterday.", "yesterday", "2024-06-24"),
    ("The minister spoke today.", "today", "2024-06-25"),
    ("The team flies home tomorrow.", "tomorrow", "2024-06-26"),
    ("Talks resume next month.", "next month", "2024-07"),
    ("Orders fell last month.", "last month", "2024-05"),
    ("Prices rose earlier this month.", "earlier this month", "2024-06"),
    ("The leaders meet this weekend.", "this weekend", "2024-W26-WE"),
    ("Sales fell last quarter.", "last quarter", "2024-Q1"),
    ("Orders jumped last summer.", "last summer", "2023-SU"),
    ("Sales peaked in the summer of 2010.", "summer of 2010", "2010-SU"),
]

PARTS = [
    ("In the first half of this year it grew 17.9%.", "the first half of this year", "2024-H1"),
    ("Sales are expected to rise in the third quarter.", "the third quarter", "2024-Q3"),
    ("Sales fell in the first quarter of 1987.", "the first quarter of 1987", "1987-Q1"),
    ("Retail sales rose in the fourth quarter of 1985.", "the fourth quarter of 1985", "1985-Q4"),
    ("In 2022, sales rose in the third quarter.", "the third quarter", "2022-Q3"),
    ("Profits rose in Q3 2023.", "Q3 2023", "2023-Q3"),
    ("Sales rose in the second half of 2023.", "the second half of 2023", "2023-H2"),
    ("Fourth-quarter profits fell.", "Fourth-quarter", "2023-Q4"),
]

MODIFIED = [
    (
        "Since sending soldiers in early 2022, he has seldom traveled.",
        "early 2022",
        "2022",
        "early",
    ),
    ("The deal collapsed late last month.", "late last month", "2024-05", "late"),
    ("Talks resumed in mid-March.", "mid-March", "2024-03", "mid"),
    ("Reserves stood at 3 billion at the end of 1986.", "the end of 1986", "1986", "end"),
    ("A verdict may not arrive until the end of the year.", "the end of the year", "2024", "end"),
    ("The plant closed in mid-1986.", "mid-1986", "1986", "mid"),
    ("Banks get until late September to file.", "late September", "2024-09", "late"),
    ("Prices rose at the start of next year.", "the start of next year", "2025", "start"),
]

SPANS = [
    ("Rail traffic fell over the first seven months of 1985.", "the first seven months of 1985",
     "1985-01/1985-07"),
    ("Imports rose in January-February.", "January-February", "2024-01/2024-02"),
    ("Imports rose from April to June.", "from April to June", "2024-04/2024-06"),
    ("Rents over the first two months of the year went up.", "the first two months of the year",
     "2024-01/2024-02"),
    ("Over the first 9 months this year, tourism rose 3%.", "the first 9 months this year",
     "2024-01/2024-09"),
    ("Trade grew in the first three quarters of 2018.", "the first three quarters of 2018",
     "2018-Q1/2018-Q3"),
    ("Output in the April-June quarter is expected to grow.", "April-June quarter", "2024-Q2"),
    ("Prices rose between January and March 1987.", "between January and March 1987",
     "1987-01/1987-03"),
    ("The deficit was 2 billion in the year to March.", "the year to March", "2023-04/2024-03"),
    ("Output rose 4% in the 12 months to June.", "the 12 months to June", "2023-07/2024-06"),
    ("Growth averaged 2% from 2008 to 2017.", "from 2008 to 2017", "2008/2017"),
    ("Growth averaged 3% between 2001 and 2005.", "between 2001 and 2005", "2001/2005"),
    ("The plan covers 2016-2020.", "2016-2020", "2016/2020"),
]  # fmt: skip

FISCAL = [
    ("The budget for fiscal 1987/88 was cut.", "fiscal 1987/88", "1987/88"),
    ("Sales reached 4 billion in 1985/86 to end-June.", "1985/86", "1985/86"),
    ("Output rose in the 1986-87 season.", "1986-87", "1986/87"),
    ("Fiscal 1986 profit excludes a gain.", "Fiscal 1986", "1986"),
]

DURATIONS = [
    ("Putin's two-day trip ends on Friday.", "two-day", "P2D", None),
    ("The ban lasted for three months.", "three months", "P3M", None),
    ("The strike lasted 24 hours.", "24 hours", "PT24H", None),
    ("The drought lasted about five years.", "about five years", "P5Y", "approx"),
    ("The road was closed for several weeks.", "several weeks", "PXW", None),
    ("The canal needs a decade to build.", "a decade", "P10Y", None),
    ("The dispute has simmered for years.", "years", "PXY", None),
    ("Prices fell over the past two years.", "the past two years", "P2Y", None),
    ("10-year bonds fell.", "10-year", "P10Y", None),
]

SETS = [
    ("Talks are held every year in Geneva.", "every year", "P1Y"),
    ("The mine earns 40 mln dollars a year.", "a year", "P1Y"),
    ("The ferry sails once a day.", "a day", "P1D"),
    ("Fees are billed every three months.", "every three months", "P3M"),
    ("Rates are reviewed annually.", "annually", "P1Y"),
]


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    DATES + WEEKDAYS + MONTHS + YEARS + RELATIVE + PARTS + SPANS + FISCAL,
)
def test_date_forms_normalise(text: str, surface: str, value: str) -> None:
    """Each date form is found with a tight span and its TIMEX3 value (anchor Tue 2024-06-25)."""
    assert (surface, value) in _pairs(text)


@pytest.mark.parametrize(("text", "surface", "value", "modifier"), MODIFIED)
def test_parts_of_periods_carry_a_modifier(
    text: str, surface: str, value: str, modifier: str
) -> None:
    """``early 2022`` is the year 2022 with modifier early; the part is in the span."""
    found = {t.text: t for t in _times(text)}
    assert surface in found
    assert (found[surface].value, found[surface].modifier) == (value, modifier)


@pytest.mark.parametrize(("text", "surface", "value", "modifier"), DURATIONS)
def test_durations(text: str, surface: str, value: str, modifier: str | None) -> None:
    """Lengths of time are kind duration with an ISO 8601 duration value."""
    found = {t.text: t for t in _times(text)}
    assert surface in found
    assert (found[surface].value, found[surface].kind, found[surface].modifier) == (
        value,
        "duration",
        modifier,
    )


@pytest.mark.parametrize(("text", "surface", "value"), SETS)
def test_sets(text: str, surface: str, value: str) -> None:
    """Repeats (every year, 5 billion a year) are kind set."""
    found = {t.text: t for t in _times(text)}
    assert surface in found
    assert (found[surface].value, found[surface].kind) == (value, "set")


# -- anaphora: values read off an earlier expression ------------------------------------

ANAPHORA = [
    (
        "Sales in the second quarter of 1987 will climb to 40 mln from 31 mln a year earlier.",
        dt.date(1987, 3, 31),
        "a year earlier",
        "1986-Q2",
    ),
    (
        "Car sales over the first two months of the year were 900 units against 700 in"
        " the same 1986 period.",
        dt.date(1987, 3, 16),
        "the same 1986 period",
        "1986-01/1986-02",
    ),
    (
        "Chile sold 2 billion of copper last year and bought fuel in the same period.",
        dt.date(1987, 3, 22),
        "the same period",
        "1986",
    ),
    (
        "Exports fell in February from the same month last year.",
        dt.date(1987, 3, 16),
        "the same month last year",
        "1986-02",
    ),
    (
        "Wine sales slipped over the first eight months of 1986 and beer sales lagged"
        " the year-ago figure.",
        dt.date(1987, 3, 16),
        "year-ago",
        "1985-01/1985-08",
    ),
    (
        "Fees were lowered to 4% in 2018 from 6% in the previous year.",
        ANCHOR,
        "the previous year",
        "2017",
    ),
    (
        "The club was founded in July 2014 and opened a year later.",
        ANCHOR,
        "a year later",
        "2015-07",
    ),
]


@pytest.mark.parametrize(("text", "published", "surface", "value"), ANAPHORA)
def test_anaphoric_expressions_shift_the_reference(
    text: str, published: dt.date, surface: str, value: str
) -> None:
    """``a year earlier``, ``the same 1986 period``: the last explicit date, moved."""
    assert (surface, value) in _pairs(text, published)


# -- false positives ---------------------------------------------------------------------

NOT_TIMES = [
    "You may go home now.",
    "May I ask a question?",
    "Protesters will march on the capital.",
    "The protest march drew thousands.",
    "June Carter sang at the ceremony.",
    "Exports reached 2000 tonnes.",
    "About 1,500 people attended.",
    "Some 2000 workers lost their jobs.",
    "The Sunday Times reported the story.",
    "Crowds gathered on Good Friday.",
    "The council passed Resolution 2231.",
    "The car cost $2000.",
    "It was a year-on-year increase of 12.7%.",
    "The firm holds a quarter of the market.",
    "He scored in the first half of the match.",
    "The Arab Spring changed the region.",
    "Prices fall when supply rises.",
    "She was interviewed on the Today programme.",
    "See /media/2018/11/9/clip.",
    "The order covers 1,986 tonnes.",
    "Keep a quarter for later.",
]


@pytest.mark.parametrize("text", NOT_TIMES)
def test_non_times_are_not_extracted(text: str) -> None:
    """Modal May, the verb march, amounts, names and titles are not time expressions."""
    assert _pairs(text) == []


# -- behaviour of the extractor as a whole ----------------------------------------------


def test_spans_are_tight_ordered_and_index_the_text(seed_text: str) -> None:
    """Every span slices exactly the expression's text; the list is ordered by span."""
    found = _times(seed_text)
    assert [t.span.start for t in found] == sorted(t.span.start for t in found)
    for t in found:
        assert seed_text[t.span.start : t.span.end] == t.text
        assert t.text == t.text.strip()
        assert not t.text.lower().startswith(("in ", "on "))


def test_without_anchor_relative_values_are_none() -> None:
    """With no published date and no dateline, relative expressions have value None."""
    pairs = _pairs("Sales rose last year and in July, and will rise in 2025.", published=None)
    assert pairs == [("last year", None), ("July", None), ("2025", "2025")]


def test_headline_and_dateline_are_skipped_once_layout_ran() -> None:
    """Expressions inside the headline or outside the paragraphs are not body times."""
    text = "TRADE FELL IN 1986\nExports fell last year."
    doc = Document(text=text, published=dt.date(1987, 3, 2))
    body = text.index("Exports")
    doc.update(
        {
            "headline": Headline(text="TRADE FELL IN 1986", span=Span(start=0, end=18)),
            "paragraphs": [Paragraph(text=text[body:], span=Span(start=body, end=len(text)))],
        }
    )
    assert [(t.text, t.value) for t in times.extract(doc)["times"]] == [("last year", "1986")]


def test_longest_expression_wins_over_its_parts() -> None:
    """``the first half of this year`` is one expression, not ``this year`` inside it."""
    assert _pairs("It grew in the first half of this year.") == [
        ("the first half of this year", "2024-H1")
    ]


@pytest.mark.parametrize(
    "text",
    [
        " ".join(["May 2024 1986/87 the first eight months of 1986 2,000 on Friday"] * 1000),
        "the first two months of " * 3000,  # one endless sentence: no quadratic tense look-up
        "May April June March " * 3000,
        "from May 1 to June 2 and Saturday to Monday " * 1000,
    ],
)
def test_hostile_input_finishes_quickly(text: str) -> None:
    """Long runs of numbers, month names and expressions do not make matching slow."""
    start = time.perf_counter()
    times.extract(Document(text=text, published=ANCHOR))
    assert time.perf_counter() - start < 5


# -- public helpers ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("month", "tense", "expected"),
    [
        (7, "past", "2023-07"),
        (7, "future", "2024-07"),
        (7, None, "2024-07"),
        (6, "past", "2024-06"),
        (6, "future", "2024-06"),
        (3, "past", "2024-03"),
        (3, "future", "2025-03"),
        (12, None, "2024-12"),
        (1, None, "2024-01"),
    ],
)
def test_resolve_month(month: int, tense: times.Tense | None, expected: str) -> None:
    """A month without a year: past -> last begun by the anchor, future -> next not ended."""
    assert resolve_month(month, ANCHOR, tense) == expected


@pytest.mark.parametrize(
    ("text", "word", "tense"),
    [
        ("The United States imposed sanctions in July.", "July", "past"),
        ("The United States will impose sanctions in July.", "July", "future"),
        ("The minister is due to travel to China in July.", "July", "future"),
        ("Moscow plans to open a base in July.", "July", "future"),
        ("In July, exports are expected to rise.", "July", "future"),
        ("Trade has grown since July.", "July", "past"),
        ("The firm has not commented since July.", "July", "past"),
        ("The spokesman said the tour is set for July.", "July", None),
        ("Vines were damaged due to hail in July.", "July", "past"),
        ("The report, due to be published in July, was delayed.", "July", "future"),
        ("The summit in July.", "July", None),
    ],
)
def test_tense_at(text: str, word: str, tense: str | None) -> None:
    """The nearest tense marker before the expression (else after it) gives the tense."""
    start = text.index(word)
    doc = Document(text=text)
    assert tense_at(doc, Span(start=start, end=start + len(word))) == tense


# -- period_for: the period of a fact, for later extractors ------------------------------

PERIODS = [
    ("Exports rose 5 pct in 1986 to 7 billion.", "Exports rose 5 pct in 1986", "1986"),
    ("In 1986 exports rose 5 pct to 7 billion.", "exports rose 5 pct", "1986"),
    ("Exports rose to 7 billion, the highest since 1980.", "Exports rose to 7 billion", "1980"),
    ("Exports rose 5 pct in 1986. Imports fell 2 pct.", "Imports fell 2 pct", "1986"),
    ("Exports rose 5 pct.\nImports fell 2 pct for two years.", "Imports fell 2 pct", None),
]


@pytest.mark.parametrize(("text", "clause", "value"), PERIODS)
def test_period_for(text: str, clause: str, value: str | None) -> None:
    """Inside the span first, then the sentence, then earlier in the paragraph; no durations."""
    doc = Document(text=text, published=dt.date(1987, 3, 2))
    doc.update(times.extract(doc))
    start = text.index(clause)
    found = times.period_for(doc, Span(start=start, end=start + len(clause)))
    assert (found.value if found else None) == value


# -- runs of days, "ahead of", boundaries: fixes asked for by the visits extractor -------

RUNS_AND_CUES = [
    ("The summit was held on June 5-6.", "June 5-6", "2024-06-05/2024-06-06"),
    ("The leaders meet on July-5-6 in Rome.", "July-5-6", "2024-07-05/2024-07-06"),
    ("He will tour the region June 29 to July 2.", "June 29 to July 2", "2024-06-29/2024-07-02"),
    ("Shares were bought between May 10 and June 3.", "May 10 and June 3", "2024-05-10/2024-06-03"),
    ("The fair will run Dec. 28-Jan. 3.", "Dec. 28-Jan. 3", "2024-12-28/2025-01-03"),
    ("Talks were held between Monday and Wednesday.", "between Monday and Wednesday",
     "2024-06-24/2024-06-26"),
    ("Officials met on Thursday ahead of the visit.", "Thursday", "2024-06-20"),
    ("The minister spoke on Monday ahead of the summit on Thursday.", "Thursday", "2024-06-27"),
    ("Aides met in advance of the leader's trip on Friday.", "Friday", "2024-06-28"),
    ("He announced a visit to Paris starting on July 29.", "July 29", "2024-07-29"),
    ("The ban was imposed effective from August 1.", "August 1", "2024-08-01"),
    ("Sales rose in the third quarter.", "the third quarter", "2023-Q3"),
    ("Poll of 900 voters taken Wednesday through Sunday.", "Wednesday through Sunday",
     "2024-06-19/2024-06-23"),
    ("The talks will run Wednesday through Sunday.", "Wednesday through Sunday",
     "2024-06-26/2024-06-30"),
    ("On the eve of the vote in March, he rallied supporters.", "March", "2024-03"),
    ("“We’ll be meeting on Friday,” she said.", "Friday", "2024-06-28"),
    ("“We’re treating May 1 to July 1 as one season,” she said.", "May 1 to July 1",
     "2024-05-01/2024-07-01"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "surface", "value"), RUNS_AND_CUES)
def test_runs_of_days_and_forward_cues(text: str, surface: str, value: str) -> None:
    """Runs of days (``April 5-6``, ``April 29-May 2``, ``from Saturday to Monday``) are one
    interval; ``ahead of`` looks forward; ``starting on`` bounds a past announcement."""
    assert (surface, value) in _pairs(text)


@pytest.mark.parametrize(
    ("published", "value"),
    [
        (dt.date(2024, 6, 27), "2024-06-29/2024-07-01"),  # Thursday: the coming run is nearer
        (dt.date(2024, 6, 28), "2024-06-29/2024-07-01"),
        (dt.date(2024, 6, 25), "2024-06-22/2024-06-24"),  # Tuesday: the run just over is
    ],
)
def test_ahead_of_a_run_of_weekdays(published: dt.date, value: str) -> None:
    """``met ahead of the visit from Saturday to Monday``: the nearer run, leaning forward."""
    text = "Officials met ahead of the visit from Saturday to Monday."
    assert ("from Saturday to Monday", value) in _pairs(text, published)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "They postponed the vote from Friday to Monday.",
            [("Friday", "2024-06-21"), ("Monday", "2024-06-24")],
        ),
        (
            "Holders of record on March 3, June 12 and July 17 get it.",
            [("March 3", "2024-03-03"), ("June 12", "2024-06-12"), ("July 17", "2024-07-17")],
        ),
        ("The vote was 5-6 in May.", [("May", "2024-05")]),
    ],
)
def test_not_runs_of_days(text: str, expected: list[tuple[str, str]]) -> None:
    """A move from one day to another and a list of dates are separate dates, not a run."""
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "word", "tense"),
    [
        ("Aides met ahead of the visit on Friday.", "Friday", None),
        ("Aides met on Friday.", "Friday", "past"),
        ("Aides met in preparation for the visit in July.", "July", None),
    ],
)
def test_ahead_of_cancels_the_past(text: str, word: str, tense: str | None) -> None:
    """After ``ahead of`` the main verb's past no longer places the date: the nearest one wins."""
    start = text.index(word)
    assert tense_at(Document(text=text), Span(start=start, end=start + len(word))) == tense
