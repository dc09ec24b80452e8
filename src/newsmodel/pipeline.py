"""The parser: a pipeline of extractors that turns text into an :class:`~newsmodel.Article`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from newsmodel import plugins
from newsmodel.document import Document
from newsmodel.errors import ExtractorError, InputError, NewsmodelError
from newsmodel.model import Article, Span
from newsmodel.registry import article_type_for, declared_extractors
from newsmodel.typing import Extractor

__all__ = ["FunctionExtractor", "Parser", "default_extractors", "parse", "pipeline_for"]


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


def _as_tuple(items: Iterable[Extractor] | None) -> tuple[Extractor, ...] | None:
    return None if items is None else tuple(items)


def _article_class(value: type[Article] | str) -> type[Article]:
    """Accept an article class or its tag."""
    if isinstance(value, str):
        return article_type_for(value)
    if not (isinstance(value, type) and issubclass(value, Article)):
        raise InputError(f"{value!r} is not an Article type or an article type tag")
    return value


_PIPELINE_CACHE: dict[type[Article], tuple[int, tuple[Extractor, ...]]] = {}


def pipeline_for(article_type: type[Article] | str) -> tuple[Extractor, ...]:
    """Return the extractors an article type declares, looked up in the registry.

    Plugins named by the type are loaded on first use; the result is cached until
    the registry changes.

    Raises:
        RegistryError: the type, or an extractor it names, is unknown.
    """
    cls = _article_class(article_type)
    now = plugins.generation()
    cached = _PIPELINE_CACHE.get(cls)
    if cached is not None and cached[0] == now:
        return cached[1]
    steps = plugins.resolve_extractors(declared_extractors(cls))
    _PIPELINE_CACHE[cls] = (plugins.generation(), steps)
    return steps


@attrs.frozen(kw_only=True, repr=False)
class Parser:
    """Runs extractors over a text, in order, and builds the article.

    ``Parser()`` runs the steps :class:`~newsmodel.Article` declares (the
    built-in extractors); ``Parser(article_type=EarningsReport)`` runs the steps
    that type declares (see :func:`~newsmodel.register_article_type`) and builds
    it. Pass ``extractors=`` to choose the steps yourself; :meth:`replace` and
    :meth:`without` derive parsers with steps added, swapped or dropped.
    """

    article_type: type[Article] = attrs.field(default=Article, converter=_article_class)
    """The class to build."""
    _steps: tuple[Extractor, ...] | None = attrs.field(
        default=None, converter=_as_tuple, alias="extractors"
    )

    @_steps.validator
    def _check_extractors(
        self, _: attrs.Attribute[Any], value: tuple[Extractor, ...] | None
    ) -> None:
        if value is None:
            pipeline_for(self.article_type)  # fail early on an unknown declared step
            return
        names = [getattr(e, "name", None) for e in value]
        for extractor, name in zip(value, names, strict=True):
            if not isinstance(extractor, Extractor) or not isinstance(name, str):
                raise InputError(f"{extractor!r} is not an Extractor (needs .name and .extract)")
        duplicates = sorted({n for n in names if names.count(n) > 1 and n is not None})
        if duplicates:
            raise InputError(f"extractor names must be unique, repeated: {duplicates}")

    @property
    def extractors(self) -> tuple[Extractor, ...]:
        """The steps, in the order they run."""
        if self._steps is not None:
            return self._steps
        return pipeline_for(self.article_type)

    def __repr__(self) -> str:
        steps = "declared" if self._steps is None else [e.name for e in self._steps]
        return f"Parser(article_type={self.article_type.__qualname__}, extractors={steps})"

    @property
    def declared(self) -> bool:
        """True when the steps are the ones the article type declares (no ``extractors=``)."""
        return self._steps is None

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

    def parse(
        self,
        text: str,
        *,
        published: dt.date | None = None,
        as_type: type[Article] | str | None = None,
    ) -> Article:
        """Read *text* and return the article with every fact found.

        Args:
            text: the article, exactly as given.
            published: the publication date, when known.
            as_type: build this article type (a class or its tag) instead of
                :attr:`article_type`. A parser built without ``extractors=`` then
                runs the steps that type declares; one built with explicit steps
                runs those.

        Raises:
            InputError: *text* is not a ``str`` or *published* is not a date.
            RegistryError: *as_type*, or an extractor it declares, is unknown.
            ParseTimeoutError: a pattern exceeded its time budget on hostile input.
            ExtractorError: a step failed unexpectedly (a bug: please report it).
        """
        if not isinstance(text, str):
            raise InputError(f"text must be str, not {type(text).__name__}")
        if published is not None and (
            not isinstance(published, dt.date) or isinstance(published, dt.datetime)
        ):
            raise InputError(f"published must be a datetime.date, not {type(published).__name__}")
        target = self.article_type if as_type is None else _article_class(as_type)
        steps = self._steps if self._steps is not None else pipeline_for(target)
        doc = Document(text=text, published=published)
        for extractor in steps:
            try:
                found = dict(extractor.extract(doc))
            except NewsmodelError:
                raise
            except Exception as exc:
                raise ExtractorError(extractor.name, exc) from exc
            for name, value in found.items():
                if _is_fact_list(value):
                    found[name] = tuple(sorted(value, key=_span_key))
            doc.update(found)
        known = {field.name for field in attrs.fields(target)}
        values = {key: value for key, value in doc.fields.items() if key in known}
        try:
            return target(text=text, **values)
        except NewsmodelError:
            raise
        except Exception as exc:
            raise ExtractorError("article", exc) from exc


def _is_fact_list(value: object) -> bool:
    """A list or tuple of facts (every item has a ``span``): kept in text order."""
    return (
        isinstance(value, (list, tuple))
        and bool(value)
        and all(isinstance(getattr(item, "span", None), Span) for item in value)
    )


def _span_key(fact: Any) -> tuple[int, int]:
    return (fact.span.start, fact.span.end)


_DEFAULT: list[Parser] = []


def parse(
    text: str,
    *,
    published: dt.date | None = None,
    as_type: type[Article] | str | None = None,
) -> Article:
    """Parse *text* with the default :class:`Parser` (built once, then reused).

    ``as_type`` (a registered :class:`~newsmodel.Article` subclass or its tag)
    builds that type with the extractors it declares, plugins included. Same
    input, same output: parsing is pure.
    """
    if not _DEFAULT:
        _DEFAULT.append(Parser())
    return _DEFAULT[0].parse(text, published=published, as_type=as_type)
