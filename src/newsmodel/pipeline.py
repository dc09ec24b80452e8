"""The parser: a pipeline of extractors that turns text into an :class:`~newsmodel.Article`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from newsmodel.document import Document
from newsmodel.errors import ExtractorError, InputError, NewsmodelError
from newsmodel.model import Article
from newsmodel.typing import Extractor

__all__ = ["FunctionExtractor", "Parser", "default_extractors", "parse"]


@attrs.frozen(kw_only=True)
class FunctionExtractor:
    """An :class:`~newsmodel.typing.Extractor` made from a plain function."""

    name: str
    """The step's name."""
    function: Callable[[Document], Mapping[str, Any]]
    """Reads the document and returns the fields it found."""

    def extract(self, doc: Document) -> Mapping[str, Any]:
        """Run the function on *doc*."""
        return self.function(doc)


def default_extractors() -> tuple[Extractor, ...]:
    """Return the built-in extractors, in the order they must run.

    Layout comes first (paragraphs and the anchor date), then time expressions,
    then the fact extractors, which read both.
    """
    from newsmodel.extract import layout, quotes, sanctions, times, trade, visits

    return (
        FunctionExtractor(name="layout", function=layout.extract),
        FunctionExtractor(name="times", function=times.extract),
        FunctionExtractor(name="quotes", function=quotes.extract),
        FunctionExtractor(name="sanctions", function=sanctions.extract),
        FunctionExtractor(name="trade_figures", function=trade.extract),
        FunctionExtractor(name="visits", function=visits.extract),
    )


def _as_tuple(items: Iterable[Extractor]) -> tuple[Extractor, ...]:
    return tuple(items)


_LIST_FIELDS = ("paragraphs", "quotes", "sanctions", "trade_figures", "visits", "times")


@attrs.frozen(kw_only=True)
class Parser:
    """Runs extractors over a text, in order, and builds the article.

    ``Parser()`` uses the built-in extractors. Pass ``extractors=`` to choose,
    add or replace steps, and ``article_type=`` to build a subclass of
    :class:`~newsmodel.Article`.
    """

    extractors: tuple[Extractor, ...] = attrs.field(factory=default_extractors, converter=_as_tuple)
    """The steps, in the order they run."""
    article_type: type[Article] = Article
    """The class to build."""

    @extractors.validator
    def _check_extractors(self, _: attrs.Attribute[Any], value: tuple[Extractor, ...]) -> None:
        names = [getattr(e, "name", None) for e in value]
        for extractor, name in zip(value, names, strict=True):
            if not isinstance(extractor, Extractor) or not isinstance(name, str):
                raise InputError(f"{extractor!r} is not an Extractor (needs .name and .extract)")
        duplicates = sorted({n for n in names if names.count(n) > 1 and n is not None})
        if duplicates:
            raise InputError(f"extractor names must be unique, repeated: {duplicates}")

    def replace(self, *extractors: Extractor) -> Parser:
        """Return a parser where each given extractor replaces the one of the same name
        (or is appended when there is none)."""
        steps: list[Extractor] = list(self.extractors)
        for new in extractors:
            for i, old in enumerate(steps):
                if old.name == new.name:
                    steps[i] = new
                    break
            else:
                steps.append(new)
        return attrs.evolve(self, extractors=steps)

    def without(self, *names: str) -> Parser:
        """Return a parser without the named steps."""
        kept = tuple(e for e in self.extractors if e.name not in names)
        return attrs.evolve(self, extractors=kept)

    def parse(self, text: str, *, published: dt.date | None = None) -> Article:
        """Read *text* and return the article with every fact found.

        Raises:
            InputError: *text* is not a ``str`` or *published* is not a date.
            ParseTimeoutError: a pattern exceeded its time budget on hostile input.
            ExtractorError: a step failed unexpectedly (a bug: please report it).
        """
        if not isinstance(text, str):
            raise InputError(f"text must be str, not {type(text).__name__}")
        if published is not None and (
            not isinstance(published, dt.date) or isinstance(published, dt.datetime)
        ):
            raise InputError(f"published must be a datetime.date, not {type(published).__name__}")
        doc = Document(text=text, published=published)
        for extractor in self.extractors:
            try:
                found = dict(extractor.extract(doc))
            except NewsmodelError:
                raise
            except Exception as exc:
                raise ExtractorError(extractor.name, exc) from exc
            for name in _LIST_FIELDS:
                if name in found:
                    found[name] = tuple(sorted(found[name], key=_span_key))
            doc.update(found)
        known = {field.name for field in attrs.fields(self.article_type)}
        values = {key: value for key, value in doc.fields.items() if key in known}
        try:
            return self.article_type(text=text, **values)
        except NewsmodelError:
            raise
        except Exception as exc:
            raise ExtractorError("article", exc) from exc


def _span_key(fact: Any) -> tuple[int, int]:
    return (fact.span.start, fact.span.end)


_DEFAULT: list[Parser] = []


def parse(text: str, *, published: dt.date | None = None) -> Article:
    """Parse *text* with the default :class:`Parser` (built once, then reused).

    Same input, same output: parsing is pure.
    """
    if not _DEFAULT:
        _DEFAULT.append(Parser())
    return _DEFAULT[0].parse(text, published=published)
