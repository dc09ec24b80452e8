"""The HTML view: escaping, self-containment, and spans checked in a real headless Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

import newsmodel
from newsmodel import Article, Quote, Span, render_html

HOSTILE = "<script>alert(1)</script> & \"quoted\" 'single' </article>"


class _Page(HTMLParser):
    """Collects the text of #nm-text with the offsets of each fact's segments, and body data."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.depth = 0  # > 0 while inside #nm-text
        self.open: list[list[str]] = []  # fact ids of the open segments
        self.covered: dict[str, set[int]] = {}
        self.body: dict[str, str | None] = {}
        self.external: list[str] = []
        self.cards: dict[str, tuple[int, int]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        data = dict(attrs)
        self.external += [v or "" for k, v in attrs if k in {"src", "href", "action"}]
        if tag == "body":
            self.body = data
        if data.get("class") == "nm-fact":
            self.cards[str(data["data-fact"])] = (
                int(data["data-start"] or 0),
                int(data["data-end"] or 0),
            )
        if data.get("id") == "nm-text":
            self.depth = 1
        elif self.depth:
            self.depth += 1
            self.open.append((data.get("data-facts") or "").split())

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1
            if self.open and self.depth:
                self.open.pop()

    def handle_data(self, data: str) -> None:
        if not self.depth:
            return
        start = sum(len(t) for t in self.text)
        self.text.append(data)
        for ids in self.open:
            for fact in ids:
                self.covered.setdefault(fact, set()).update(range(start, start + len(data)))


def _read(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    return parser


def _check_spans(parsed: _Page, article: Article) -> None:
    """The text is the article's text, and each fact's segments cover exactly its span."""
    assert "".join(parsed.text) == article.text
    assert parsed.cards, "no facts listed"
    for fact, (start, end) in parsed.cards.items():
        assert parsed.covered.get(fact, set()) == set(range(start, end)), fact


def test_seed_page_marks_every_fact_at_its_span(seed_text: str) -> None:
    """Every fact of the seed is listed and its highlighted segments are its span."""
    article = newsmodel.parse(seed_text)
    parsed = _read(render_html(article))
    _check_spans(parsed, article)
    expected = 1 + sum(
        len(x)
        for x in (
            article.quotes,
            article.sanctions,
            article.trade_figures,
            article.visits,
            article.times,
        )
    )
    assert len(parsed.cards) == expected


@pytest.mark.parametrize(
    "text",
    [HOSTILE, "", "plain text, no facts", "a\r\nb\rc\n\n\td  ", "emoji 🇰🇬 and combining é"],
)
def test_any_text_is_shown_exactly_and_escaped(text: str) -> None:
    """The page shows the text character for character; markup in it stays text."""
    quote = Quote(text="x", span=Span(start=0, end=min(len(text), 8)), speaker='<b>"Me"</b>')
    article = Article(text=text, quotes=[quote] if text else [])
    page = render_html(article, title=HOSTILE)
    assert "<script>alert" not in page
    assert '<b>"Me"' not in page
    parsed = _read(page)
    assert "".join(parsed.text) == text
    assert parsed.external == []


def test_page_is_self_contained(seed_text: str) -> None:
    """No resource is loaded from anywhere: no src/href, and a CSP that forbids it."""
    page = render_html(newsmodel.parse(seed_text))
    assert _read(page).external == []
    assert "default-src 'none'" in page
    assert "http://" not in page
    assert "https://" not in page


def test_quotes_are_coloured_by_speaker() -> None:
    """Two speakers get two shades; the same speaker keeps the same shade."""
    text = '"A," said Ann. "B," said Bob. "C," said Ann.'
    quotes = [
        Quote(text=t, span=Span(start=s, end=s + 4), speaker=who)
        for t, s, who in [("A,", 0, "Ann"), ("B,", 15, "Bob"), ("C,", 30, "Ann")]
    ]
    page = render_html(Article(text=text, quotes=quotes))
    assert page.count("class='nm-seg nm-sp-0'") == 2
    assert page.count("class='nm-seg nm-sp-1'") == 1


# -- in a real browser ----------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def chromium() -> str:
    """The Debian chromium binary; CI installs it, so under CI its absence is a failure."""
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed: .ci/run installs it with apt-get")
        pytest.skip("chromium is not installed (apt-get install -y chromium)")
    return CHROMIUM


def _dump_dom(browser: str, page: Path, tmp_path: Path) -> str:
    """Load *page* in headless Chromium, let its script run, and return the DOM."""
    result = subprocess.run(
        [
            browser,
            *FLAGS,
            f"--user-data-dir={tmp_path / 'profile'}",
            "--virtual-time-budget=2000",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )
    # Decode by hand: text mode would turn the page's carriage returns into newlines.
    return result.stdout.decode("utf-8")


@pytest.mark.parametrize("which", ["seed", "hostile"])
def test_page_runs_in_chromium(which: str, chromium: str, tmp_path: Path, seed_text: str) -> None:
    """Chromium loads the page, its script runs without errors, and the spans hold in the DOM."""
    if which == "seed":
        article = newsmodel.parse(seed_text)
    else:
        text = HOSTILE * 3 + "\r\nend\r"
        article = Article(text=text, quotes=[Quote(text="x", span=Span(start=2, end=20))])
    page = tmp_path / "page.html"
    page.write_text(render_html(article), encoding="utf-8")
    parsed = _read(_dump_dom(chromium, page, tmp_path))
    assert parsed.body.get("data-errors") is None
    assert (parsed.body.get("data-ready") or "").startswith("segments:")
    assert int(str(parsed.body["data-ready"]).split(":")[1]) > 0
    _check_spans(parsed, article)
