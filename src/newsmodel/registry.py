"""Article types and their stable JSON tags.

Every article dict carries ``"type"``. The tag is declared once, explicitly, so
renaming a class never changes stored JSON, and :func:`newsmodel.from_dict`
dispatches on it. Types registered after import (by plugins or user code)
round-trip too: the converter looks the tag up at call time, and a tag that no
imported class has yet is looked for among installed plugins (the
``newsmodel.article_types`` entry-point group, see :mod:`newsmodel.plugins`).

An article type also declares which extractors fill it: ``extractors=`` names
them, in order; a type that names none inherits its base's list, and
:class:`~newsmodel.Article` runs the built-in steps.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar, cast

import attrs

from newsmodel.errors import RegistryError
from newsmodel.model import Article

__all__ = [
    "article_type_for",
    "article_types",
    "declared_extractors",
    "register_article_type",
]

A = TypeVar("A", bound=type[Article])

_TYPES: dict[str, type[Article]] = {"article": Article}

#: Article class -> the names of the extractors that fill it, for classes that declare them.
_PIPELINES: dict[type[Article], tuple[str, ...]] = {}


def register_article_type(tag: str, *, extractors: Iterable[str] | None = None) -> Callable[[A], A]:
    """Class decorator: register an :class:`~newsmodel.Article` subclass under *tag*.

    Args:
        tag: the stable ``"type"`` value of the class in JSON.
        extractors: the names of the extractors that fill this type, in the order
            they run (``(*newsmodel.BUILTIN_EXTRACTORS, "earnings_figures")``);
            None inherits the base class's list. Names are looked up when a
            document is parsed, so they may come from plugins.

    Example:
        >>> import attrs, newsmodel
        >>> @newsmodel.register_article_type("obituary")
        ... @attrs.frozen(kw_only=True)
        ... class Obituary(newsmodel.Article):
        ...     deceased: str | None = None
        >>> newsmodel.article_type_for("obituary") is Obituary
        True

    Raises:
        RegistryError: *tag* is empty, or already names another class.
    """
    if not isinstance(tag, str) or not tag.strip():
        raise RegistryError("an article type tag must be a non-empty string")
    steps = None if extractors is None else tuple(extractors)
    if steps is not None:
        bad = [name for name in steps if not isinstance(name, str) or not name.strip()]
        if bad or isinstance(extractors, str):
            raise RegistryError(f"extractors must be a sequence of extractor names, got {bad}")
        repeated = sorted({name for name in steps if steps.count(name) > 1})
        if repeated:
            raise RegistryError(f"extractor names must be unique, repeated: {repeated}")

    def decorate(cls: A) -> A:
        is_attrs = attrs.has(cast("type", cls))
        if not (isinstance(cls, type) and issubclass(cls, Article) and is_attrs):
            raise RegistryError(f"{cls!r} is not an attrs subclass of newsmodel.Article")
        known = _TYPES.get(tag)
        if known is not None and known.__qualname__ != cls.__qualname__:
            raise RegistryError(f"article type tag {tag!r} already names {known.__qualname__}")
        article_cls = cast("type[Article]", cls)
        article_cls.type_tag = tag
        _TYPES[tag] = article_cls
        if steps is not None:
            _PIPELINES[article_cls] = steps
        else:
            _PIPELINES.pop(article_cls, None)
        return cls

    return decorate


def article_type_for(tag: str) -> type[Article]:
    """Return the article class registered under *tag*.

    A tag no imported class has is looked for among installed plugins, whose
    class is then imported (and so registered).

    Raises:
        RegistryError: no class is registered under *tag*; the message lists the known tags.
    """
    if isinstance(tag, str) and tag not in _TYPES:
        from newsmodel import plugins

        loaded = plugins.load_article_type(tag)
        if tag not in _TYPES and loaded is not None:
            register_article_type(tag)(loaded)
    try:
        return _TYPES[tag]
    except (KeyError, TypeError):
        from newsmodel import plugins

        known = ", ".join(sorted(set(_TYPES) | set(plugins.article_type_tags())))
        raise RegistryError(f"unknown article type {tag!r}; known types: {known}") from None


def article_types() -> dict[str, type[Article]]:
    """Return a copy of the tag -> class registry."""
    return dict(_TYPES)


def declared_extractors(article_type: type[Article]) -> tuple[str, ...]:
    """Return the names of the extractors that fill *article_type*, in order.

    The nearest class in its MRO that declared ``extractors=`` decides;
    :class:`~newsmodel.Article` declares the built-in steps.

    Example:
        >>> import newsmodel
        >>> newsmodel.declared_extractors(newsmodel.Article)
        ('layout', 'times', 'quotes', 'sanctions', 'trade_figures', 'visits')
    """
    from newsmodel.plugins import BUILTIN_EXTRACTORS

    for klass in article_type.__mro__:
        if klass in _PIPELINES:
            return _PIPELINES[klass]
    return BUILTIN_EXTRACTORS
