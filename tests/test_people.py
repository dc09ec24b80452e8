"""Tests for person mentions and name resolution (newsmodel.extract.people)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from newsmodel.document import Document
from newsmodel.extract import people

SEED = Path(__file__).parent.parent / "seeds" / "putin-kyrgyzstan-2024-06-25.txt"

ARTICLE = (
    "Headline\n\n"
    "Foreign Secretary Jack Thorne met Chinese officials on Monday. "
    "Mr Thorne said the talks went well.\n\n"
    "Prime Minister Ruth May spoke later. She said little.\n\n"
    "He met Peter Lund and Maria Holt in New York. "
    "Separately, spokeswoman Jane Doe said the ministry would reply."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian President Vladimir Putin met him.", [("Vladimir Putin", "Russian President")]),
        ("Kyrgyz President Sadyr Japarov spoke.", [("Sadyr Japarov", "Kyrgyz President")]),
        ("Mr Thorne said so.", [("Thorne", None)]),
        ("Dr. Lena Ortiz said so.", [("Lena Ortiz", None)]),
        ("Secretary of State Paul Adler said so.", [("Paul Adler", "Secretary of State")]),
        ("Prime Minister Alan Major spoke.", [("Alan Major", "Prime Minister")]),
        ("White House spokesman Mark Fenn said.", [("Mark Fenn", "White House spokesman")]),
        ("the economist John Smith said.", [("John Smith", "economist")]),
        (
            "He met Peter Lund and Maria Holt.",
            [("Peter Lund", None), ("Maria Holt", None)],
        ),
        ("Rep. Carl Benner, an Ohio Democrat, said.", [("Carl Benner", None)]),
        ("Putin’s visit began.", []),
        ("She flew to New York and Hong Kong.", []),
        ("The European Union and the Supreme Court met.", []),
        ("General Motors said on Monday.", []),
        ("It happened in March and May.", []),
        ("The ICC and NATO reacted.", []),
        # names joined by "of", "and", "to": each person read on their own
        ("King Omar of Jordan arrived.", [("Omar", "King")]),
        (
            "US Undersecretary of State Carl Hobbs arrived.",
            [("Carl Hobbs", "Undersecretary of State")],
        ),
        ("He sent Chancellor Max Bauer to Brazil.", [("Max Bauer", "Chancellor")]),
        (
            "Prince Rupert and Princess Alma will visit.",
            [("Rupert", "Prince"), ("Alma", "Princess")],
        ),
        (
            "Treasury Secretary Ted Vance and US President Mary Dunn met.",
            [("Ted Vance", "Treasury Secretary"), ("Mary Dunn", "President")],
        ),
        (
            "The Bank of England and Paul Rowe disagreed.",
            [("Paul Rowe", None)],
        ),
        (
            "Under-Secretary of State for Rural Affairs Allen Ward said.",
            [("Allen Ward", "Under-Secretary of State for Rural Affairs")],
        ),
        (
            "Minister of Trade and Industry Kenji Sato said.",
            [("Kenji Sato", "Minister of Trade and Industry")],
        ),
        # given names that are also months or common words; East Asian order
        ("Jan Kowalczyk said so.", [("Jan Kowalczyk", None)]),
        ("Officials said Park Ji-won would go.", [("Park Ji-won", None)]),
        # not people: a verb and a country, sectors, places, prizes
        ("Wants Korea to cut its tariffs.", []),
        ("Agribusiness Education is a field.", []),
        ("They met in Punta Arenas.", []),
        ("He won the Gold Medal.", []),
        ("Fort Worth grew fast.", []),
        ("Minister of Trade spoke.", []),
    ],
)
def test_find_persons(text: str, expected: list[tuple[str, str | None]]) -> None:
    """find_persons yields names with their titles and skips places, organisations and months."""
    found = [(m.name, m.title) for m in people.find_persons(text)]
    assert found == expected


def test_find_persons_spans() -> None:
    """A mention's span covers title and name; name_span covers the name alone."""
    text = "Then Russian President Vladimir Putin spoke."
    (mention,) = people.find_persons(text)
    assert text[mention.span.start : mention.span.end] == "Russian President Vladimir Putin"
    assert text[mention.name_span.start : mention.name_span.end] == "Vladimir Putin"


@pytest.mark.parametrize(
    ("mention", "at", "expected"),
    [
        ("Putin", "Putin attended", "Vladimir Putin"),
        ("Japarov", "said Japarov", "Sadyr Japarov"),
        ("Kyrgyz President Sadyr Japarov", "Kyrgyz President", "Sadyr Japarov"),
        ("President Japarov", "said Japarov", "Sadyr Japarov"),
        ("The Russian leader", "The Russian leader", "Vladimir Putin"),
        ("the Kremlin chief", "the Kremlin chief", "Vladimir Putin"),
        ("he", "who said he", "Vladimir Putin"),
        ("Smith", "Putin attended", "Smith"),
        ("the minister", "Putin attended", None),
        ("they", "who said he", None),
    ],
)
def test_full_name_on_seed(mention: str, at: str, expected: str | None) -> None:
    """full_name resolves surnames, titles and pronouns to the fullest name in the article."""
    text = SEED.read_text("utf-8")
    index = people.build_index(text)
    assert index.full_name(mention, text.index(at)) == expected


@pytest.mark.parametrize(
    ("mention", "at", "expected"),
    [
        ("Mr Thorne", "Mr Thorne said", "Jack Thorne"),
        ("Thorne", "Mr Thorne said", "Jack Thorne"),
        ("May", "She said little", "Ruth May"),
        ("Holt", "Separately", "Maria Holt"),
        ("the foreign secretary", "Mr Thorne said", "Jack Thorne"),
    ],
)
def test_full_name_on_article(mention: str, at: str, expected: str) -> None:
    """Honorific surnames and lower-case titles resolve to the full name given earlier."""
    index = people.build_index(ARTICLE)
    assert index.full_name(mention, ARTICLE.index(at)) == expected


@pytest.mark.parametrize(
    ("at", "pronoun", "expected"),
    [
        ("She said little", "she", "Ruth May"),
        ("Mr Thorne said", "he", "Jack Thorne"),
        ("She said little", "he", "Jack Thorne"),
        ("Headline", "he", None),
    ],
)
def test_resolve_pronoun(at: str, pronoun: str, expected: str | None) -> None:
    """resolve_pronoun picks the latest person of a compatible gender before the offset."""
    index = people.build_index(ARTICLE)
    person = index.resolve_pronoun(ARTICLE.index(at), pronoun)
    assert (person.name if person else None) == expected


def test_subject_preferred_over_object() -> None:
    """In the latest sentence, a subject beats a person named after a preposition."""
    text = (
        "At a meeting with Kyrgyz President Sadyr Japarov, "
        "Russian President Vladimir Putin spoke. He"
    )
    index = people.build_index(text)
    person = index.resolve_pronoun(len(text) - 2, "he")
    assert person is not None
    assert person.name == "Vladimir Putin"


def test_repeated_names_keep_their_own_spans() -> None:
    """A name read once (and cached) is placed at each of its own offsets."""
    text = "Anna Berg spoke. Later,  Anna Berg left. President Anna Berg returned."
    spans = [text[m.span.start : m.span.end] for m in people.find_persons(text)]
    names = [text[m.name_span.start : m.name_span.end] for m in people.find_persons(text)]
    assert spans == ["Anna Berg", "Anna Berg", "President Anna Berg"]
    assert names == ["Anna Berg", "Anna Berg", "Anna Berg"]


def test_index_is_memoised_per_document() -> None:
    """index(doc) builds once per document and text, even after the doc cache is cleared."""
    doc = Document(text=ARTICLE)
    first = people.index(doc)
    doc.update({})
    assert people.index(doc) is first
    other = Document(text=ARTICLE + " More.")
    assert people.index(other) is not first


def test_seed_persons() -> None:
    """The seed article names exactly Putin and Japarov, with their titles."""
    index = people.build_index(SEED.read_text("utf-8"))
    assert {(p.name, p.title) for p in index.persons} == {
        ("Vladimir Putin", "Russian President"),
        ("Sadyr Japarov", "Kyrgyz President"),
    }


_TITLE_WORDS = ["spokesman", "minister", "foreign", "president", "the", "of", "deputy", "chief"]
_RUN_WORDS = [
    *"Anna Berg Smith Mr Japan Reuters The Monday Bank Minister President Jr. U.S.".split(),
    *"of and van Lee. Putin's Trade Ali Sara Prince Omar Jordan Secretary State".split(),
]


@given(
    before=st.lists(st.sampled_from(_TITLE_WORDS), max_size=3),
    run=st.lists(st.sampled_from(_RUN_WORDS), min_size=1, max_size=5),
)
def test_title_before_a_run_never_decides_whether_it_names_someone(
    before: list[str], run: list[str]
) -> None:
    """The words before a run add a title, never a name: a run that reads as no one
    alone reads as no one after any title (the index looks for titles only then)."""
    alone = people._read_words((), tuple(run))
    titled = people._read_words(tuple(before), tuple(run))
    assert bool(alone) == bool(titled)
    assert [r.name for r in alone] == [r.name for r in titled]


_LAST_WORDS = [*_RUN_WORDS, *"Corp IBM May June Inc the al Bin Sr. bank Bros".split()]


@given(
    before=st.lists(st.sampled_from(_TITLE_WORDS), max_size=2),
    run=st.lists(st.sampled_from(_LAST_WORDS), min_size=1, max_size=5),
)
@example(before=[], run=["Anna", "May"])  # a month ends a name: Ruth May
@example(before=[], run=["Alan", "Minister"])  # so does a title word: Alan Major
def test_a_last_word_that_is_no_surname_rules_out_the_whole_reading(
    before: list[str], run: list[str]
) -> None:
    """A run whose last word cannot end a name (``Corp``, ``IBM``, ``The``) is read as
    no one straight away: the full reading agrees."""
    tokens, at = [], 0
    for word in [*before, *run]:
        tokens.append(people._Token(at, at + len(word), word))
        at += len(word) + 1
    text = " ".join([*before, *run])
    head, tail = tokens[: len(before)], tokens[len(before) :]
    if people._not_a_surname(tail[-1], people.lexicon()):
        assert people._read_name(text, tail, head, people.lexicon()) is None
