"""Sentence splitting and time-limited pattern matching."""

from __future__ import annotations

import re

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from newsmodel import ParseTimeoutError
from newsmodel import text as nt


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("One. Two.", ["One.", "Two."]),
        ("Mr. Smith went to Washington. He left.", ["Mr. Smith went to Washington.", "He left."]),
        ("The U.S. said so. Japan agreed.", ["The U.S. said so.", "Japan agreed."]),
        ("On Dec. 2 it rained. Then it stopped.", ["On Dec. 2 it rained.", "Then it stopped."]),
        ('"Go now." He went.', ['"Go now."', "He went."]),
        ("It rose 3.5 pct. Exports fell.", ["It rose 3.5 pct.", "Exports fell."]),
        ("J. Smith spoke. Others listened.", ["J. Smith spoke.", "Others listened."]),
        ("no capital after. this stays one", ["no capital after. this stays one"]),
        ("", []),
        ("   ", []),
    ],
)
def test_split_sentences(text: str, sentences: list[str]) -> None:
    """Sentences end at terminal punctuation before a capital, not after abbreviations."""
    assert [text[s.start : s.end] for s in nt.split_sentences(text)] == sentences


def test_split_sentences_within_a_range() -> None:
    """Spans index the whole text when a range is given."""
    text = "Head.\n\nOne. Two."
    spans = nt.split_sentences(text, 7, len(text))
    assert [text[s.start : s.end] for s in spans] == ["One.", "Two."]


def test_timeouts_become_parse_timeout_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pattern that runs out of time raises ParseTimeoutError naming it."""
    monkeypatch.setattr(nt, "PATTERN_TIMEOUT", 0.001)
    monkeypatch.setattr(nt, "TIMEOUT_WINDOW", 10)
    catastrophic = regex.compile(r"(a|aa)+$  # deliberately exponential", regex.VERBOSE)
    with pytest.raises(ParseTimeoutError, match="deliberately"):
        list(nt.finditer(catastrophic, "a" * 60 + "b"))
    with pytest.raises(ParseTimeoutError):
        nt.search(catastrophic, "a" * 60 + "b")


def test_short_windows_run_without_the_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """The budget is armed only for windows longer than TIMEOUT_WINDOW."""
    monkeypatch.setattr(nt, "PATTERN_TIMEOUT", 0.0)
    word = regex.compile(r"\w{1,5}")
    assert [m.group() for m in nt.finditer(word, "ab cd")] == ["ab", "cd"]


@pytest.mark.parametrize(
    ("words", "text", "found"),
    [
        (["prime", "prime minister"], "the prime  minister said", "prime  minister"),
        (["u.s.", "us"], "the U.S. said", None),
        (["u.s.", "us"], "the u.s. said", "u.s."),
        (["a+b"], "a+b", "a+b"),
    ],
)
def test_alternation(words: list[str], text: str, found: str | None) -> None:
    """Lexicon alternations try longer phrases first, escape words, and let spaces stretch."""
    pattern = regex.compile(nt.alternation(words))
    m = pattern.search(text)
    assert (m.group() if m else None) == found


@pytest.mark.parametrize(
    ("words", "text", "found"),
    [
        (["s", "\u017fa"], "sa", "sa"),  # the long s folds to s: the longer still wins
        (["k", "\u212aa"], "ka", "ka"),  # so does the Kelvin sign to k
        (["Mr", "mrs"], "MRS", "MRS"),
    ],
)
def test_alternation_with_case_variants_under_folding(
    words: list[str], text: str, found: str
) -> None:
    """Words whose letters fold together keep the longest-first order under (?i)."""
    for engine in (re, regex):
        m = engine.search(f"(?i)(?:{nt.alternation(words)})", text)
        assert m is not None
        assert m.group() == found


def _flat(words: list[str]) -> str:
    """The plain longest-first alternation that :func:`alternation` lays out as a trie."""
    unique = sorted({" ".join(w.split()) for w in words}, key=lambda w: (-len(w), w))
    return "|".join(r"\s{1,3}".join(regex.escape(p) for p in w.split()) for w in unique)


_WORD = st.text(alphabet="abAB. s\u017fK\u212a", max_size=5)


@given(
    words=st.lists(_WORD, min_size=1, max_size=8),
    text=st.text(alphabet="abAB. xs\u017fSkK\u212a", max_size=30),
    tail=st.sampled_from(["", "x", "(?:a|b )", r"\s?b", "a?x"]),
    flags=st.sampled_from(["", "(?i)"]),
)
def test_alternation_trie_matches_what_the_flat_alternation_matches(
    words: list[str], text: str, tail: str, flags: str
) -> None:
    """Laid out as a trie, an alternation finds the same matches with the same
    groups as the flat longest-first alternation, in either engine, with or without
    case folding, whatever follows it in the pattern (backtracking into it)."""
    group = f"{flags}(?P<w>(?:{{}}){tail})"
    for engine in (re, regex):
        trie = engine.compile(group.format(nt.alternation(words, case_sensitive=not flags)))
        flat = engine.compile(group.format(_flat(words)))
        assert [(m.span(), m.group("w")) for m in trie.finditer(text)] == [
            (m.span(), m.group("w")) for m in flat.finditer(text)
        ]


@given(
    text=st.text(alphabet="ab -.", max_size=40),
    bounds=st.tuples(st.integers(0, 40), st.integers(0, 40)),
    extra=st.lists(st.integers(0, 40), max_size=5),
)
def test_finditer_at_word_starts_equals_finditer(
    text: str, bounds: tuple[int, int], extra: list[int]
) -> None:
    """Tried only where a match may begin (every word start, and any other offsets),
    a pattern finds what finditer finds; without offsets it is finditer."""
    pattern = regex.compile(r"(?<![a-z])(?:ab+|b\s?a|a)")
    pos, endpos = min(bounds), min(max(bounds), len(text))
    starts = sorted(
        {i for i in range(len(text)) if i == 0 or not text[i - 1].isalpha()} | set(extra)
    )
    expected = [m.span() for m in nt.finditer(pattern, text, pos, endpos)]
    assert [m.span() for m in nt.finditer_at(pattern, text, starts, pos, endpos)] == expected
    assert [m.span() for m in nt.finditer_at(pattern, text, None, pos, endpos)] == expected
