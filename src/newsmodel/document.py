"""The working state a :class:`~newsmodel.Parser` hands to each extractor in turn.

A :class:`Document` holds the input text, the ``published`` date, and what the
extractors before the current one have found (``doc.fields``). Helpers derived
from those results (sentences, the anchor date, the time expressions inside a
span) are computed once and cached.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import attrs

from newsmodel.model import Dateline, Headline, Paragraph, Span, TimeExpression
from newsmodel.text import split_sentences

__all__ = ["Document"]

T = TypeVar("T")


@attrs.define(kw_only=True)
class Document:
    """Input text plus the fields found so far. Extractors read it; the parser updates it."""

    text: str
    """The input, exactly as given."""
    published: dt.date | None = None
    """The publication date the caller gave, or None."""
    fields: dict[str, Any] = attrs.field(factory=dict)
    """Article fields filled by earlier extractors (``"paragraphs"``, ``"times"`` ...)."""
    _cache: dict[str, Any] = attrs.field(factory=dict, alias="_cache")
    _memo: dict[str, Any] = attrs.field(factory=dict, alias="_memo")

    def update(self, found: dict[str, Any]) -> None:
        """Merge an extractor's results into :attr:`fields`.

        Caches derived from a field (sentences from paragraphs) are dropped when
        that field changes; :meth:`memo` values, derived from the text alone, stay.
        """
        self.fields.update(found)
        if found.keys() & {"paragraphs", "dateline", "headline"}:
            self._cache.clear()
        elif "times" in found:
            self._cache.pop("time_starts", None)

    def memo(self, key: str, build: Callable[[], T]) -> T:
        """Return the value stored under *key*, building it once with *build*.

        For data derived from the text alone (a person index, a scan of all
        numbers) that several extractors share: it is computed once per document.
        Use a key that names your module (``"people.index"``).
        """
        if key not in self._memo:
            self._memo[key] = build()
        value: T = self._memo[key]
        return value

    # -- layout -----------------------------------------------------------------

    @property
    def headline(self) -> Headline | None:
        """The headline found by the layout extractor, if any."""
        value: Headline | None = self.fields.get("headline")
        return value

    @property
    def dateline(self) -> Dateline | None:
        """The dateline found by the layout extractor, if any."""
        value: Dateline | None = self.fields.get("dateline")
        return value

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """Body paragraphs; before layout has run, the whole text as one paragraph."""
        found: tuple[Paragraph, ...] | None = self.fields.get("paragraphs")
        if found is not None:
            return tuple(found)
        if "whole" not in self._cache:
            start = len(self.text) - len(self.text.lstrip())
            end = len(self.text.rstrip())
            self._cache["whole"] = (
                (Paragraph(text=self.text[start:end], span=Span(start=start, end=end)),)
                if end > start
                else ()
            )
        whole: tuple[Paragraph, ...] = self._cache["whole"]
        return whole

    @property
    def body_start(self) -> int:
        """Offset where the body begins (the first paragraph), or the text length."""
        paragraphs = self.paragraphs
        return paragraphs[0].span.start if paragraphs else len(self.text)

    def sentences(self) -> list[Span]:
        """Sentence spans of the body, in order; no sentence crosses a paragraph."""
        if "sentences" not in self._cache:
            spans: list[Span] = []
            for paragraph in self.paragraphs:
                spans.extend(split_sentences(self.text, paragraph.span.start, paragraph.span.end))
            self._cache["sentences"] = spans
        cached: list[Span] = self._cache["sentences"]
        return cached

    def sentence_at(self, offset: int) -> Span | None:
        """Return the sentence that contains *offset*, or None."""
        sentences = self.sentences()
        if "starts" not in self._cache:
            self._cache["starts"] = [s.start for s in sentences]
        starts: list[int] = self._cache["starts"]
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and sentences[i].start <= offset < sentences[i].end:
            return sentences[i]
        return None

    def paragraph_at(self, offset: int) -> Paragraph | None:
        """Return the paragraph that contains *offset*, or None."""
        for paragraph in self.paragraphs:
            if paragraph.span.start <= offset < paragraph.span.end:
                return paragraph
        return None

    def surface(self, span: Span) -> str:
        """Return the text a span covers."""
        return self.text[span.start : span.end]

    # -- time ---------------------------------------------------------------------

    @property
    def anchor(self) -> dt.date | None:
        """The date relative expressions resolve against: ``published``, else the dateline's."""
        if self.published is not None:
            return self.published
        dateline = self.dateline
        return dateline.date if dateline is not None else None

    @property
    def times(self) -> tuple[TimeExpression, ...]:
        """Time expressions found so far, in text order."""
        return tuple(self.fields.get("times", ()))

    def times_in(self, span: Span) -> Iterator[TimeExpression]:
        """Yield the time expressions that lie inside *span*, in text order."""
        times = self.times
        if "time_starts" not in self._cache:
            self._cache["time_starts"] = [t.span.start for t in times]
        starts: list[int] = self._cache["time_starts"]
        for index in range(bisect.bisect_left(starts, span.start), len(times)):
            time = times[index]
            if time.span.start >= span.end:
                break
            if time.span.end <= span.end:
                yield time
