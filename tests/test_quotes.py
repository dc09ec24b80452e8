"""Tests for quote extraction and speaker attribution (newsmodel.extract.quotes)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsmodel
from newsmodel.document import Document
from newsmodel.extract import people, quotes
from newsmodel.model import Quote

SEED = Path(__file__).parent.parent / "seeds" / "putin-kyrgyzstan-2024-06-25.txt"

#: Every article starts with a headline line so the body is laid out as paragraphs.
HEAD = "A headline for the test\n\n"
#: A paragraph that introduces the people the cases talk about.
CAST = (
    "Foreign Minister Anna Berg met Finance Minister Tomas Kell in Oslo on Monday, "
    "and Mr Kell said little.\n\n"
)


def direct(text: str) -> list[Quote]:
    """Parse ``HEAD + CAST + text`` and return its direct quotes."""
    article = newsmodel.parse(HEAD + CAST + text)
    return [q for q in article.quotes if q.kind == "direct"]


def summary(text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    """Return ``(quoted text, speaker, speaker mention, cue)`` for each direct quote."""
    full = HEAD + CAST + text
    out = []
    for q in direct(text):
        mention = full[q.speaker_span.start : q.speaker_span.end] if q.speaker_span else None
        out.append((q.text, q.speaker, mention, q.cue))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # attribution after, with every mark style
        (
            '"We are ready to act now," Berg said.',
            [("We are ready to act now,", "Anna Berg", "Berg", "said")],
        ),
        (
            "“We are ready to act now,” Berg said.",
            [("We are ready to act now,", "Anna Berg", "Berg", "said")],
        ),
        (
            "‘We are ready to act now,’ Berg said.",
            [("We are ready to act now,", "Anna Berg", "Berg", "said")],
        ),
        (
            "«We are ready to act now», Berg said.",
            [("We are ready to act now", "Anna Berg", "Berg", "said")],
        ),
        (
            "‹We are ready to act now›, Berg said.",
            [("We are ready to act now", "Anna Berg", "Berg", "said")],
        ),
        (
            "„We are ready to act now“, Berg said.",
            [("We are ready to act now", "Anna Berg", "Berg", "said")],
        ),
        (
            "「We are ready to act now」, Berg said.",
            [("We are ready to act now", "Anna Berg", "Berg", "said")],
        ),
        (
            "'We are ready to act now,' Berg said.",
            [("We are ready to act now,", "Anna Berg", "Berg", "said")],
        ),
        # inverted and cue phrases
        (
            '"We are ready to act now," said Berg.',
            [("We are ready to act now,", "Anna Berg", "Berg", "said")],
        ),
        (
            '"Prices will rise this year," Kell told reporters.',
            [("Prices will rise this year,", "Tomas Kell", "Kell", "told reporters")],
        ),
        (
            '"Prices will rise this year," Kell told a briefing.',
            [("Prices will rise this year,", "Tomas Kell", "Kell", "told a briefing")],
        ),
        (
            '"Prices will rise this year," the ministry said in a statement.',
            [
                (
                    "Prices will rise this year,",
                    "the ministry",
                    "the ministry",
                    "said in a statement",
                )
            ],
        ),
        (
            '"Prices will rise this year," according to one banking source.',
            [
                (
                    "Prices will rise this year,",
                    "one banking source",
                    "one banking source",
                    "according to",
                )
            ],
        ),
        # attribution before: colon, comma, according to
        (
            'Kell said: "Prices will rise this year."',
            [("Prices will rise this year.", "Tomas Kell", "Kell", "said")],
        ),
        (
            'Kell added, "Prices will rise this year."',
            [("Prices will rise this year.", "Tomas Kell", "Kell", "added")],
        ),
        (
            'According to Kell, "prices will rise this year."',
            [("prices will rise this year.", "Tomas Kell", "Kell", "according to")],
        ),
        # pronouns and titles
        (
            '"Prices will rise this year," she said.',
            [("Prices will rise this year,", "Anna Berg", "she", "said")],
        ),
        (
            '"Prices will rise this year," he said.',
            [("Prices will rise this year,", "Tomas Kell", "he", "said")],
        ),
        (
            '"Prices will rise this year," the finance minister said.',
            [("Prices will rise this year,", "Tomas Kell", "the finance minister", "said")],
        ),
        (
            '"Prices will rise this year," Mr Kell said.',
            [("Prices will rise this year,", "Tomas Kell", "Mr Kell", "said")],
        ),
        # a short phrase between the cue and the quote: when, where, of whom
        (
            'Kell said last week in Tel Aviv, "We are ready to act now."',
            [("We are ready to act now.", "Tomas Kell", "Kell", "said")],
        ),
        (
            'Kell told reporters in Bergen on Monday, "We are ready to act now."',
            [("We are ready to act now.", "Tomas Kell", "Kell", "told reporters")],
        ),
        (
            'Berg said of Kell, "He is ready to act now."',
            [("He is ready to act now.", "Anna Berg", "Berg", "said")],
        ),
        # a passive report: "was quoted (by ...) as saying"
        (
            '"Prices will rise this year," he was quoted by the Kyodo news agency as saying.',
            [
                (
                    "Prices will rise this year,",
                    "Tomas Kell",
                    "he",
                    "was quoted by the Kyodo news agency as saying",
                )
            ],
        ),
        (
            '"Prices will rise this year," Kell was quoted as saying.',
            [("Prices will rise this year,", "Tomas Kell", "Kell", "was quoted as saying")],
        ),
        # a quote split by its attribution is one quote
        (
            '"We are ready," Berg said, "to act at once."',
            [("We are ready, to act at once.", "Anna Berg", "Berg", "said")],
        ),
        (
            '"We are ready," Berg said. "We will act at once."',
            [("We are ready, We will act at once.", "Anna Berg", "Berg", "said")],
        ),
        # fragments of two words or more inside reported speech count
        (
            'Berg described the plan as "very troubling" for the region.',
            [("very troubling", "Anna Berg", "Berg", "described")],
        ),
        (
            'Kell said the deal was "a big step" for both.',
            [("a big step", "Tomas Kell", "Kell", "said")],
        ),
        # sentence-final attribution of a fragment
        (
            'The plan was a "bad idea from the start", a ministry spokesman said.',
            [("bad idea from the start", "a ministry spokesman", "a ministry spokesman", "said")],
        ),
        # a name inside the title is not the speaker: the name the title belongs to is
        (
            '"We will appeal," Kell campaign spokesman Ivo Marsh said.',
            [("We will appeal,", "Ivo Marsh", "campaign spokesman Ivo Marsh", "said")],
        ),
        (
            '"We will appeal," Berg\'s lawyer Ivo Marsh told reporters.',
            [("We will appeal,", "Ivo Marsh", "lawyer Ivo Marsh", "told reporters")],
        ),
        # a name that qualifies a role is not the speaker: the role is
        (
            '"We will appeal," a Kell adviser said.',
            [("We will appeal,", "a Kell adviser", "a Kell adviser", "said")],
        ),
        (
            '"We will appeal," Berg\'s spokesman said.',
            [("We will appeal,", "Berg's spokesman", "Berg's spokesman", "said")],
        ),
        # ... but two people joined by "and" are not one title
        (
            '"We will appeal," Berg and Kell said.',
            [("We will appeal,", "Anna Berg", "Berg", "said")],
        ),
        # nested quotes stay inside the outer quote
        (
            "\"He told me 'never again' twice,\" Berg said.",
            [("He told me 'never again' twice,", "Anna Berg", "Berg", "said")],
        ),
        # apostrophes are not quotation marks
        (
            "Berg’s aides didn’t talk. \"Kell's plan won't work,\" Berg said.",
            [("Kell's plan won't work,", "Anna Berg", "Berg", "said")],
        ),
    ],
)
def test_attribution(
    text: str, expected: list[tuple[str, str | None, str | None, str | None]]
) -> None:
    """Direct quotes are found with their speaker, the mention and the cue."""
    assert summary(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # mark styles: reversed guillemets, „German“, corner brackets of both kinds
        (
            "»We are ready to act now«, Berg said.",
            [("We are ready to act now", "Anna Berg", "Berg", "said")],
        ),
        (
            "„We are ready to act now“, sagte Berg. The talks went on.",
            [],  # a German cue is not in the lexicon: no speaker, no attributed quote
        ),
        (
            "『We are ready to act now』, Berg said.",
            [("We are ready to act now", "Anna Berg", "Berg", "said")],
        ),
        # a writer who reopens the quote at each sentence: one quote
        (
            'Berg said: "We are ready to act. "The talks will go on."',
            [("We are ready to act. The talks will go on.", "Anna Berg", "Berg", "said")],
        ),
        # a quote that ends its sentence does not hide the next sentence's subject
        (
            '"We are ready to act now." Kell said the plan "lacked real teeth".',
            [
                ("We are ready to act now.", None, None, None),
                ("lacked real teeth", "Tomas Kell", "Kell", "said"),
            ],
        ),
        # cue phrases: inverted with a title, told reporters, wrote in a letter
        (
            '"Prices will rise this year," said the finance minister.',
            [("Prices will rise this year,", "Tomas Kell", "the finance minister", "said")],
        ),
        (
            '"Prices will rise this year," Kell told reporters on Monday.',
            [("Prices will rise this year,", "Tomas Kell", "Kell", "told reporters")],
        ),
        (
            'Kell told reporters: "Prices will rise this year."',
            [("Prices will rise this year.", "Tomas Kell", "Kell", "told reporters")],
        ),
        (
            '"Prices will rise this year," Berg wrote in a letter.',
            [("Prices will rise this year,", "Anna Berg", "Berg", "wrote in a letter")],
        ),
        # anonymous sources are kept as written
        (
            '"Prices will rise this year," according to a senior official.',
            [
                (
                    "Prices will rise this year,",
                    "a senior official",
                    "a senior official",
                    "according to",
                )
            ],
        ),
        (
            '"Prices will rise this year," a source close to the talks said.',
            [
                (
                    "Prices will rise this year,",
                    "a source close to the talks",
                    "a source close to the talks",
                    "said",
                )
            ],
        ),
        # "they" with no group named before stays as written
        (
            '"Prices will rise this year," they said.',
            [("Prices will rise this year,", "they", "they", "said")],
        ),
        # a single word said aloud, with its own attribution, is a quote
        ('"Absolutely," Berg said.', [("Absolutely,", "Anna Berg", "Berg", "said")]),
        # a clause fragment is no speaker
        (
            'The rally heard "more jobs for everyone", often in his campaign.',
            [],
        ),
    ],
)
def test_issue_patterns(
    text: str, expected: list[tuple[str, str | None, str | None, str | None]]
) -> None:
    """Every pattern of issue 3 gives the expected quote, speaker, mention and cue."""
    assert summary(text) == expected


def test_split_by_full_stop_is_one_quote() -> None:
    """``"A," X said. "B."`` is one split quote (MODEL.md), spanning both pieces."""
    text = '"We are ready," Berg said. "We will act at once."'
    full = HEAD + CAST + text
    (quote,) = direct(text)
    assert full[quote.span.start : quote.span.end] == text
    assert quote.text == "We are ready, We will act at once."


def test_reopened_paragraphs_are_separate_quotes() -> None:
    """Each paragraph of a multi-paragraph quote is a quote of the same speaker."""
    text = 'Berg said: "We are ready to act.\n\n"We will not wait.\n\n"The talks go on."'
    assert summary(text) == [
        ("We are ready to act.", "Anna Berg", "Berg", "said"),
        ("We will not wait.", "Anna Berg", None, None),
        ("The talks go on.", "Anna Berg", None, None),
    ]


@pytest.mark.parametrize(
    "text",
    [
        'Berg reads "The Art of War" every year.',  # title of a work
        'She appeared on "Meet the Press." on Sunday.',  # show name, even with a stop inside
        'The so-called "reform" failed.',  # scare quote of one word
        'Kell, known as "Tiger", left.',  # nickname
        "The companies' results and the ministers' plans were late.",  # plural possessives
        "Rock 'n' roll came back in the '90s.",  # elisions
        'The so-called "Iron Lady" left.',  # a nickname in title case
        'Kell, nicknamed "the Bulldozer", left.',  # a nickname after a cue-less comma
        'Kell\'s "plan for growth" was published.',  # a term without a speech verb
        'The word "sovereignty" came up twice.',  # a single quoted word
        "Berg’s «Songs of Peace» sold well.",  # a title in guillemets
    ],
)
def test_not_quotes(text: str) -> None:
    """Titles, scare quotes, nicknames and apostrophes give no attributed quote."""
    assert [q for q in direct(text) if q.speaker is not None] == []


def test_unbalanced_mark_does_not_derail() -> None:
    """An unclosed mark loses its own paragraph only; later quotes are still found."""
    text = (
        'Kell said it was "only a start. Nothing more was said.\n\n'
        '"Prices will rise this year," Berg said.'
    )
    assert summary(text) == [("Prices will rise this year,", "Anna Berg", "Berg", "said")]


def test_multi_paragraph_quote() -> None:
    """A quote running over paragraphs keeps its speaker in the continuation paragraph."""
    text = (
        'Berg said: "Prices will rise this year and we will act.\n\n'
        '"We will not wait for the next crisis to come."\n\n'
        "The meeting ended."
    )
    found = summary(text)
    assert [(t[:12], s) for t, s, _, _ in found] == [
        ("Prices will ", "Anna Berg"),
        ("We will not ", "Anna Berg"),
    ]
    first = direct(text)[0]
    full = HEAD + CAST + text
    assert full[first.span.end - 1] == "."  # the first piece ends at its paragraph's end


def test_continuation_paragraph_same_speaker() -> None:
    """A quote paragraph without attribution continues the previous speaker, with no cue."""
    text = '"Prices will rise this year," Kell said.\n\n"And wages will follow them soon."'
    found = summary(text)
    assert found[1] == ("And wages will follow them soon.", "Tomas Kell", None, None)


def test_quote_span_covers_marks() -> None:
    """The span runs from the first opening mark to the last closing mark."""
    text = '"We are ready," Berg said, "to act at once."'
    full = HEAD + CAST + text
    (quote,) = direct(text)
    assert full[quote.span.start : quote.span.end] == text[: text.rindex('"') + 1]
    assert quote.cue_span is not None
    assert full[quote.cue_span.start : quote.cue_span.end] == "said"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kell said that prices would rise this year. "
            "According to Berg, the talks will resume in May.",
            [
                ("prices would rise this year", "Tomas Kell", "said"),
                ("the talks will resume in May", "Anna Berg", "according to"),
            ],
        ),
        # "told" and its object, with or without "that"
        (
            "Kell told reporters the talks would resume in May. "
            "Berg told Reuters prices would rise this year. "
            "Kell told French radio he would act soon. "
            "Berg told a meeting of the party that the plan was sound.",
            [
                ("the talks would resume in May", "Tomas Kell", "told reporters"),
                ("prices would rise this year", "Anna Berg", "told Reuters"),
                ("he would act soon", "Tomas Kell", "told French radio"),
                ("the plan was sound", "Anna Berg", "told a meeting of the party"),
            ],
        ),
        # a passive report: the passive verb belongs to the cue, not to the speaker
        (
            "Kell was quoted by the Nordic agency as saying prices would rise this year. "
            "Berg was quoted as saying that the talks will resume in May.",
            [
                (
                    "prices would rise this year",
                    "Tomas Kell",
                    "was quoted by the Nordic agency as saying",
                ),
                ("the talks will resume in May", "Anna Berg", "was quoted as saying"),
            ],
        ),
    ],
)
def test_indirect_quotes(text: str, expected: list[tuple[str, str, str]]) -> None:
    """Reported speech becomes indirect quotes with the same speaker resolution."""
    article = newsmodel.parse(HEAD + CAST + text)
    indirect = [(q.text, q.speaker, q.cue) for q in article.quotes if q.kind == "indirect"]
    assert indirect == expected


def test_seed_article() -> None:
    """The seed gives four direct quotes and Putin's reported expectation."""
    text = SEED.read_text("utf-8")
    article = newsmodel.parse(text)
    found = [(q.speaker, q.cue, q.text[:20]) for q in article.quotes if q.kind == "direct"]
    assert found == [
        ("Vladimir Putin", "said", "This military outpos"),
        ("Vladimir Putin", "told a briefing", "Our country is the m"),
        ("Sadyr Japarov", "said", "We very highly value"),
        ("Vladimir Putin", "said", "Russia is one of the"),
    ]
    japarov = article.quotes[[q.speaker for q in article.quotes].index("Sadyr Japarov")]
    assert japarov.speaker_title == "Kyrgyz President"
    assert japarov.speaker_span is not None
    assert text[japarov.speaker_span.start : japarov.speaker_span.end] == "Japarov"
    indirect = [q for q in article.quotes if q.kind == "indirect"]
    assert any(
        q.speaker == "Vladimir Putin" and q.text.startswith("he expected Moscow to expand")
        for q in indirect
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('a "b c" d', [(2, 6)]),
        ("a “b ‘c d’ e” f", [(5, 9), (2, 12)]),
        ("it’s Kell’s", []),
        ('a "b c', [(2, None)]),
        ('a "b c. "d e" f', [(2, None), (8, 12)]),  # left open before a new sentence
        ("»a b« c", [(0, 4)]),  # reversed guillemets
    ],
)
def test_find_marks(text: str, expected: list[tuple[int, int | None]]) -> None:
    """find_marks pairs marks (inner pairs first), skips apostrophes, reports an open quote."""
    assert quotes.find_marks(text, 0, len(text)) == expected


def test_hostile_input_is_fast() -> None:
    """A text made of quotation marks and cue words parses without blowing up."""
    text = HEAD + ('"said ' * 2000) + ("“‘«„ " * 500)
    article = newsmodel.parse(text)
    assert isinstance(article.quotes, tuple)


_WORDS = st.sampled_from(
    [
        *("Anna", "Berg", "Tomas", "Kell", "Mr", "President", "the", "minister", "company"),
        *("spokesman", "said", "of", "and", "U.S.", "IBM", "Berg's", ",", ".", "\n\n"),
        *("ϒpsilon", "Ǆemal", "ǅemal", "Ölund", "ärger", "Ⓐ", "İnan", "it", "he"),
    ]
)


@given(st.lists(_WORDS, max_size=30).map(" ".join), st.data())
def test_speaker_lookups_skip_only_stretches_that_hold_no_name(
    text: str, data: st.DataObject
) -> None:
    """Speaker resolution asks the person index for the names in a stretch only when
    the stretch holds a capital letter: it finds every name the index would."""
    doc = Document(text=text)
    resolver = quotes._Resolver(doc)
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    assert resolver.mentions_in(lo, hi) == people.index(doc).mentions_in(lo, hi)
