"""Hostile input: bounded time or a NewsmodelError, valid spans, nothing lost, strict loading.

Each adversarial input is parsed in a forked child process with a time budget, so a
hang fails its own test instead of stalling the suite. The budget is a hang
detector, not a benchmark: 2 s plus 3 s per million characters (a floor of
0.33 MB/s, a third of the 1 MB/s target; see ``benchmarks/bench_parse.py``). The
measured time is attached to each test as the ``seconds`` property (``--junitxml``).
"""

from __future__ import annotations

import itertools
import json
import multiprocessing
import string
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsmodel
from newsmodel import Article, NewsmodelError, StructureError, from_dict, from_json, to_dict
from newsmodel.cli import main
from newsmodel.model import _spans

from .conftest import SEED_ARTICLE

MB = 1_000_000

#: The seed's body (after headline and header lines): realistic paragraphs to repeat.
BODY = SEED_ARTICLE.read_text(encoding="utf-8").split("\n\n", 3)[-1]


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _budget(text: str) -> float:
    """Seconds allowed for *text*: 2 s plus 3 s per million characters."""
    return 2.0 + 3.0 * len(text) / MB


def _problems(text: str, article: Article) -> list[str]:
    """Every broken promise of a parsed article: spans, paragraph surfaces, lost text."""
    problems = []
    for path, span in _spans(article):
        if not 0 <= span.start <= span.end <= len(text):
            problems.append(f"{path} {span} outside the text")
    for paragraph in article.paragraphs:
        if text[paragraph.span.start : paragraph.span.end] != paragraph.text:
            problems.append(f"paragraph {paragraph.span} does not match its text")
    problems += [f"lost: {lost!r}" for lost in _lost(text, article)]
    return problems


def _lost(text: str, article: Article) -> list[str]:
    """Lines with non-white-space characters that no paragraph or header part accounts for.

    A character is accounted for when a paragraph, the headline or the dateline covers
    it, or when its line is a header or sign-off line: one the headline or dateline
    touches, one that names the credit or an author (or is a short form of them), or a
    short line among the first three non-blank ones (a header date, a byline).
    """
    covered = bytearray(len(text))
    headers = [part.span for part in (article.headline, article.dateline) if part is not None]
    for span in [p.span for p in article.paragraphs] + headers:
        covered[span.start : span.end] = b"\x01" * (span.end - span.start)
    names = [n.casefold() for n in (article.credit, *article.authors) if n]
    lost = []
    start = 0
    number = 0  # non-blank lines so far
    for line in text.splitlines(keepends=True):
        end = start + len(line)
        number += bool(line.strip())
        bare = any(not covered[i] and not text[i].isspace() for i in range(start, end))
        header = any(s.start < end and start < max(s.end, s.start + 1) for s in headers)
        folded = line.strip().casefold()
        named = any(n in folded or folded in n for n in names)  # " REUTER" credits Reuters
        opening = number <= HEADER_LINES and len(folded) <= HEADER_LINE
        if bare and not (header or named or opening):
            lost.append(line.strip()[:60])
        start = end
    return lost


#: An article's header block (headline, byline, header date): its first lines, if short.
HEADER_LINES, HEADER_LINE = 3, 80


def _check(text: str) -> str:
    """Parse *text* and return ``"ok"``, the NewsmodelError's class, or the problems."""
    try:
        article = newsmodel.parse(text)
    except NewsmodelError as exc:
        return type(exc).__name__
    problems = _problems(text, article)
    return "ok" if not problems else "; ".join(problems[:3])


def _child(text: str, pipe: Any) -> None:
    try:
        pipe.send(_check(text))
    except BaseException as exc:  # a crash is reported to the parent, not swallowed
        pipe.send(f"crash: {type(exc).__name__}: {exc}")


def _parse_within(text: str, seconds: float) -> tuple[str, float]:
    """Parse in a forked child; return its verdict and the time taken (or 'timeout')."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(text, send))
    start = time.perf_counter()
    child.start()
    send.close()
    verdict = receive.recv() if receive.poll(seconds) else "timeout"
    elapsed = time.perf_counter() - start
    child.kill()
    child.join()
    return verdict, elapsed


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    """Load lexicons and the gazetteer once, before the children fork."""
    newsmodel.parse(SEED_ARTICLE.read_text(encoding="utf-8"))


def _ids(cases: list[Any]) -> list[str]:
    return [case.values[0] if hasattr(case, "values") else case[0] for case in cases]


ADVERSARIAL: list[Any] = [
    ("100k straight quote marks", lambda: '"' * 100_000),
    ("100k curly quote marks", lambda: "\u201c" * 50_000 + "\u201d" * 50_000),
    ("100k alternating quote marks", lambda: "\u201cx\u201d " * 25_000),
    ("100k apostrophes and guillemets", lambda: "'\u00ab\u2019\u00bb" * 25_000),
    ("100k digits", lambda: "9" * 100_000),
    ("100k digits in groups", lambda: ",".join(["123"] * 25_000)),
    ("100k digits and spaces", lambda: "1 " * 50_000),
    ("30k percentages", lambda: "5% " * 30_000),
    ("10k money amounts", lambda: "$1 billion " * 10_000),
    ("1 MB without a space", lambda: "a" * MB),
    ("1 MB of upper-case words", lambda: "BISHKEK " * 125_000),
    ("1 MB of blank lines", lambda: "\n" * MB),
    ("1 MB of spaces and tabs", lambda: " \t" * (MB // 2)),
    ("NUL bytes", lambda: ("\x00" * 1000 + BODY) * 10),
    ("C0 and C1 controls", lambda: "".join(map(chr, [*range(32), *range(127, 160)])) * 100),
    ("lone surrogates", lambda: "\ud800 \udfff ".join([BODY[:500]] * 20)),
    (
        "mixed newlines",
        lambda: (
            BODY.replace("\n\n", "\r\n\r\n", 3)
            .replace("\n", "\u2028", 5)
            .replace(". ", ".\r", 3)
            .replace(", ", ",\u2029", 2)
            .replace(" the ", "\x0b\x0c\x85", 2)
            + "\r" * 1000
        ),
    ),
    ("20k repeated datelines", lambda: "BISHKEK, Oct 12 (Reuters) - " * 20_000),
    ("10k repeated header dates", lambda: "| 25 June 2024, Tuesday |\n\n" * 10_000),
    ("50k one-line paragraphs", lambda: "A.\n\n" * 50_000),
    ("20k dates in a row", lambda: "June 25, 2024 " * 20_000),
    ("20k capitalised names", lambda: "President Ann Lee Bob Joe Kim " * 20_000),
    ("50k cue verbs", lambda: "he said " * 50_000),
    ("50k sanction words", lambda: "sanctions on " * 50_000),
    ("30k visits", lambda: "will visit China " * 30_000),
    (
        "10k persons sharing a surname",
        lambda: "".join(
            f"{''.join(letters)}ov Smith met Smith in Paris. "
            for letters in itertools.product("BCDFGHKLMN", "aeiou", "dgklmnprst", "aeiou", "bdgk")
        ),
    ),
    (
        "5k persons described by nationality",
        lambda: "President Ali Khan of Saudi Arabia met the Saudi leader in Paris.\n\n" * 5_000,
    ),
    ("50k trade words", lambda: "exports rose " * 50_000),
    ("100k opening brackets", lambda: "(" * 100_000),
    ("100k full stops", lambda: "." * 100_000),
    ("100k dashes", lambda: "-" * 100_000),
    ("byte-order marks and zero-width spaces", lambda: "\ufeff\u200b" * 50_000),
    ("combining accents", lambda: "a\u0301" * 100_000),
    ("right-to-left script", lambda: "\u05d0\u05d1 " * 50_000),
    ("100 KB of seed paragraphs", lambda: _repeat(BODY, 100_000)),
]


@pytest.mark.parametrize(("name", "build"), ADVERSARIAL, ids=_ids(ADVERSARIAL))
def test_adversarial_input_is_bounded(
    name: str, build: Callable[[], str], record_property: Callable[[str, object], None]
) -> None:
    """Hostile input parses within its time budget with every promise kept, or fails cleanly."""
    text = build()
    verdict, seconds = _parse_within(text, _budget(text))
    record_property("seconds", round(seconds, 3))
    assert verdict in ("ok", "ParseTimeoutError"), f"{name}: {verdict} after {seconds:.2f}s"


@pytest.mark.slow
def test_ten_megabyte_article_is_bounded(record_property: Callable[[str, object], None]) -> None:
    """A 10 MB article of ordinary paragraphs parses, or fails with a NewsmodelError, in time."""
    text = _repeat(BODY, 10 * MB)
    verdict, seconds = _parse_within(text, _budget(text))
    record_property("seconds", round(seconds, 3))
    assert verdict in ("ok", "ParseTimeoutError"), f"{verdict} after {seconds:.2f}s"


SLOW: list[tuple[str, Callable[[], str]]] = [
    ("1 MB single line", lambda: _repeat(BODY.replace("\n", " "), MB)),
    ("500 attributed quotes in one paragraph", lambda: '"Yes," he said. ' * 500),
]


@pytest.mark.parametrize(("name", "build"), SLOW, ids=_ids(SLOW))
def test_many_quotes_in_one_paragraph_are_bounded(
    name: str, build: Callable[[], str], record_property: Callable[[str, object], None]
) -> None:
    """Many quotes in one long paragraph parse within the same linear budget."""
    text = build()
    verdict, seconds = _parse_within(text, _budget(text))
    record_property("seconds", round(seconds, 3))
    assert verdict == "ok", f"{name}: {verdict} after {seconds:.2f}s"


def test_cost_grows_linearly_with_length() -> None:
    """Ten times the text costs at most thirty times the time (linear, with slack for noise)."""

    def cost(size: int) -> float:
        text = _repeat(BODY, size)
        best = min(_timed(text) for _ in range(3))
        return best

    small, large = cost(20_000), cost(200_000)
    assert large <= 30 * small, f"20 KB: {small:.3f}s, 200 KB: {large:.3f}s"


def _timed(text: str) -> float:
    start = time.perf_counter()
    newsmodel.parse(text)
    return time.perf_counter() - start


# -- fuzzing ---------------------------------------------------------------------------------

WORDS = st.sampled_from(
    "the minister trade exports rose fell sanctions visit talks on with Kyrgyzstan China "
    "Russia United States billion pct dlrs tonnes year last week officials agreed".split()
)
NAMES = st.sampled_from(["Ann Lee", "Bob Stone", "Putin", "Kim Jong", "Maria Santos"])
CUES = st.sampled_from(["said", "told reporters", "added", "warned", "according to"])
FIGURES = st.sampled_from(
    ["12.5%", "$3.5 billion", "1,234,567 tonnes", "37 pct", "4.1 mln dlrs", "25 per cent"]
)
DATES = st.sampled_from(["on Tuesday", "in June 2024", "last year", "March 3", "in 1987/88"])
NOISE = st.text(st.characters(exclude_categories=["Cs"]), max_size=8)


@st.composite
def sentences(draw: st.DrawFn) -> str:
    """One sentence: plain words, a quote with a cue, a figure, a date, or noise."""
    words = " ".join(draw(st.lists(WORDS, min_size=1, max_size=12)))
    kind = draw(st.integers(0, 5))
    if kind == 0:
        return f"{words.capitalize()}."
    if kind == 1:
        left, right = draw(st.sampled_from(['""', "\u201c\u201d", "''", "\u00ab\u00bb"]))
        return f"{left}{words.capitalize()},{right} {draw(NAMES)} {draw(CUES)}."
    if kind == 2:
        return f"{draw(NAMES)} {draw(CUES)} {words} {draw(FIGURES)} {draw(DATES)}."
    if kind == 3:
        return f"{words.capitalize()} {draw(FIGURES)} {draw(DATES)}, {draw(NAMES)} {draw(CUES)}."
    if kind == 4:
        return f"{words.capitalize()} {draw(NOISE)} {words}."
    return draw(NOISE)


@st.composite
def articles_text(draw: st.DrawFn) -> str:
    """Article-like text: headline, byline, dateline or header date, paragraphs, sign-off."""
    parts: list[str] = []
    if draw(st.booleans()):
        parts.append(string.capwords(" ".join(draw(st.lists(WORDS, min_size=2, max_size=9)))))
    byline = draw(st.booleans())
    if byline:
        parts.append(f"By {draw(NAMES)}")
    if draw(st.booleans()):
        parts.append(draw(st.sampled_from(["| 25 June 2024, Tuesday |", "June 3, 1987"])))
    paragraphs = draw(st.lists(st.lists(sentences(), min_size=1, max_size=4), max_size=6))
    body = [" ".join(p) for p in paragraphs]
    if body and draw(st.booleans()):
        city = draw(st.sampled_from(["BISHKEK", "NEW YORK", "Beijing", "LONDON"]))
        body[0] = f"{city}, Oct 12 (Reuters) - {body[0]}"
    parts += body
    if draw(st.booleans()):
        sign_offs = [" REUTER", "\u2022 Reuters", "(Reporting by Ann Lee)"]
        parts.append(draw(st.sampled_from(sign_offs)))
    separator = draw(st.sampled_from(["\n\n", "\n    ", "\r\n\r\n", "\n\n\n", "\u2029"]))
    return separator.join(parts)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles_text())
def test_fuzzed_articles_keep_every_promise(text: str) -> None:
    """Generated article-like text: no crash, every span valid, no body text lost."""
    try:
        article = newsmodel.parse(text)
    except newsmodel.ParseTimeoutError:
        return
    assert _problems(text, article) == []
    assert from_dict(to_dict(article)) == article


def test_sign_off_after_a_byline_is_not_lost() -> None:
    """A reporting credit at the end is kept somewhere (authors) even when a byline exists."""
    text = "Talks Resume\n\nBy Bob Stone\n\nThe talks resumed.\n\n(Reporting by Ann Lee)"
    article = newsmodel.parse(text)
    kept = "Ann Lee" in article.authors or any("Ann Lee" in p.text for p in article.paragraphs)
    assert kept, (article.authors, article.paragraphs)


@settings(max_examples=50, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_through_the_cli(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    """Any bytes from the command line: an article (exit 0) or a UTF-8 error (exit 2)."""
    path = tmp_path_factory.mktemp("bytes") / "input.txt"
    path.write_bytes(data)
    status = main(["parse", str(path), "--format", "jsonl", "-o", str(path.with_suffix(".json"))])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        assert status == 2
        return
    assert status == 0
    written = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    assert written["text"] == text


def test_invalid_utf8_is_reported_in_batch_mode(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """In batch mode, an undecodable file or JSON Lines line is an error line, the rest parse."""
    (tmp_path / "a.txt").write_text("Exports rose 5% in 2023, he said.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"Caf\xe9 prices rose.")
    lines = tmp_path / "in.jsonl"
    lines.write_bytes(
        json.dumps({"id": "good", "text": "Talks went well."}).encode()
        + b"\n"
        + b'{"id": "bad", "text": "caf\xe9"}\n'
    )
    out = tmp_path / "out.jsonl"
    assert main(["parse", str(tmp_path), "-o", str(out)]) == 1
    files = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert "article" in files[0]
    assert "not valid UTF-8 (byte 0xe9 at offset 3)" in files[1]["error"]
    assert main(["parse", str(lines), "-o", str(out)]) == 1
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["good", f"{lines}:2"]
    assert "not valid UTF-8" in records[1]["error"]
    assert "1 failed" in capsys.readouterr().err


# -- loading ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_json() -> str:
    """The parsed seed article as compact JSON."""
    return newsmodel.to_json(newsmodel.parse(SEED_ARTICLE.read_text(encoding="utf-8")))


def test_every_truncation_is_a_structure_error(seed_json: str) -> None:
    """JSON cut anywhere is a StructureError at $, never a partial article."""
    for cut in range(0, len(seed_json), max(1, len(seed_json) // 400)):
        with pytest.raises(StructureError) as info:
            from_json(seed_json[:cut])
        assert info.value.paths == ["$"]


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=True),
    st.text(max_size=5),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


def _leaves(data: Any, path: str = "$") -> list[tuple[str, Any, Any]]:
    """Every (path, container, key) of a JSON value's leaves and sub-values."""
    found: list[tuple[str, Any, Any]] = []
    items = data.items() if isinstance(data, dict) else enumerate(data)
    for key, value in items:
        sub = f"{path}.{key}" if isinstance(data, dict) else f"{path}[{key}]"
        found.append((sub, data, key))
        if isinstance(value, (dict, list)):
            found += _leaves(value, sub)
    return found


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_wrongly_typed_values_give_errors_with_paths(seed_json: str, data: st.DataObject) -> None:
    """A value replaced by one of another kind: a whole article or a StructureError with paths."""
    document = json.loads(seed_json)
    places = [p for p in _leaves(document) if p[0] != "$.type"]
    _, container, key = data.draw(st.sampled_from(places))
    container[key] = data.draw(SCALARS)
    result: object
    try:
        result = from_dict(document)
    except StructureError as exc:
        result = exc
    if isinstance(result, StructureError):
        assert result.paths, result.errors
        assert all(p.startswith("$") for p in result.paths)
    else:
        assert isinstance(result, Article)  # the replacement happened to be valid


@pytest.mark.parametrize(
    ("payload", "path"),
    [
        ('{"type": "article", "text": "abc", "paragraphs": [' + "[" * 100_000, "$"),
        ('{"type": "article", "text": "x", "quotes": 7}', "$.quotes"),
        ('{"type": "article", "text": 5}', "$.text"),
        ('{"type": "article"}', "$.text"),
        ('{"type": "tabloid", "text": "x"}', None),
        ("[]", "$"),
        ('"article"', "$"),
        ("NaN", "$"),
        ('{"type": "article", "text": "x", "headline": {"text": "x", "span": NaN}}', None),
        (
            '{"type": "article", "text": "abc", "paragraphs": [{"text": "abc", '
            '"span": {"start": 0, "end": ' + "9" * 5000 + "}}]}",
            "$",
        ),
        (
            '{"type": "article", "text": "abc", "paragraphs": [{"text": "abc", '
            '"span": {"start": 0, "end": ' + "9" * 40 + "}}]}",
            "$.paragraphs[0].span.end",
        ),
        (b'{"type": "article", "text": "caf\xe9"}', "$"),
        ('{"type": "article", "text": "x"}{}', "$"),
    ],
)
def test_malformed_or_oversized_json_gives_structured_errors(
    payload: str, path: str | None
) -> None:
    """Malformed, oversized or wrongly typed JSON raises a NewsmodelError naming the place."""
    with pytest.raises(NewsmodelError) as info:
        from_json(payload)
    if path is not None:
        assert isinstance(info.value, StructureError)
        assert path in info.value.paths, info.value.errors


def test_huge_decimal_exponent_is_written_compactly() -> None:
    """A decimal with a huge exponent is written with its exponent, at once, and read back."""
    amount = newsmodel.Amount(value=Decimal("1E+999999999"))
    start = time.perf_counter()
    text = newsmodel.to_json(amount)
    assert time.perf_counter() - start < 0.1
    assert json.loads(text)["value"] == "1E+999999999"
    assert from_json(text, newsmodel.Amount) == amount
