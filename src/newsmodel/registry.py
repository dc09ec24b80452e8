"""Article types and their stable JSON tags.

Every article dict carries ``"type"``. The tag is declared once, explicitly, so
renaming a class never changes stored JSON, and :func:`newsmodel.from_dict`
dispatches on it. Types registered after import (by plugins or user code)
round-trip too: the converter looks the tag up at call time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar, cast

import attrs

from newsmodel.errors import RegistryError
from newsmodel.model import Article

__all__ = ["article_type_for", "article_types", "register_article_type"]

A = TypeVar("A", bound=type[Article])

_TYPES: dict[str, type[Article]] = {"article": Article}


def register_article_type(tag: str) -> Callable[[A], A]:
    """Class decorator: register an :class:`~newsmodel.Article` subclass under *tag*.

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
        return cls

    return decorate


def article_type_for(tag: str) -> type[Article]:
    """Return the article class registered under *tag*.

    Raises:
        RegistryError: no class is registered under *tag*; the message lists the known tags.
    """
    try:
        return _TYPES[tag]
    except (KeyError, TypeError):
        known = ", ".join(sorted(_TYPES))
        raise RegistryError(f"unknown article type {tag!r}; known types: {known}") from None


def article_types() -> dict[str, type[Article]]:
    """Return a copy of the tag -> class registry."""
    return dict(_TYPES)
