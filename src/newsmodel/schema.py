"""JSON Schema (2020-12) of exactly what :func:`newsmodel.to_dict` produces.

The schema is generated from the attrs classes by msgspec, then tightened to the
newsmodel JSON shape: every key is always present, no other keys appear, ``"type"``
carries the article's tag, codes and decimals have their patterns, and each
property is described by the docstring under its attrs field.
"""

from __future__ import annotations

import ast
import inspect
import itertools
import textwrap
import typing
from functools import cache
from typing import Any

import attrs

from newsmodel.model import Article
from newsmodel.registry import article_type_for

__all__ = ["DIALECT", "json_schema"]

#: The JSON Schema dialect of the generated schemas.
DIALECT = "https://json-schema.org/draft/2020-12/schema"

_COUNTRY = {"type": "string", "pattern": "^[A-Z]{2}$"}
_CURRENCY = {"type": "string", "pattern": "^[A-Z]{3}$"}
_DECIMAL = {"type": "string", "pattern": r"^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$"}
_DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}

#: Fields whose string values are ISO codes, by property name.
_COUNTRY_FIELDS = {"country", "imposer_country", "target_country"}


def json_schema(article_type: type[Article] | str = Article) -> dict[str, Any]:
    """Return the JSON Schema of ``to_dict`` output for an article type.

    Args:
        article_type: an :class:`~newsmodel.Article` class (registered subclasses
            included) or its type tag (``"article"``).

    Example:
        >>> import newsmodel
        >>> schema = newsmodel.json_schema()
        >>> schema["$schema"]
        'https://json-schema.org/draft/2020-12/schema'
        >>> schema["properties"]["type"]
        {'const': 'article'}
    """
    import msgspec

    cls = article_type_for(article_type) if isinstance(article_type, str) else article_type
    raw = msgspec.json.schema(cls)
    defs: dict[str, Any] = raw["$defs"]
    classes = {c.__name__: c for c in _attrs_classes(cls)}
    for name, definition in defs.items():
        if name in classes:
            _tighten(definition, classes[name])
    root_name = raw["$ref"].rsplit("/", 1)[1]
    root = defs.pop(root_name)
    properties = {"type": {"const": cls.type_tag}, **root["properties"]}
    return {
        "$schema": DIALECT,
        "title": root.get("title", cls.__name__),
        "description": inspect.cleandoc(cls.__doc__ or ""),
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
        "$defs": defs,
    }


def _attrs_classes(cls: type) -> list[type]:
    """Every attrs class reachable from *cls* through its field types."""
    seen: dict[type, None] = {}
    stack = [cls]
    while stack:
        current = stack.pop()
        if current in seen or not attrs.has(current):
            continue
        seen[current] = None
        hints = _type_hints(current)
        for field in attrs.fields(current):
            stack.extend(_classes_in(hints.get(field.name, field.type)))
    return list(seen)


def _type_hints(cls: type) -> dict[str, Any]:
    """The resolved annotations of *cls*, so that classes of extension modules are found."""
    try:
        return typing.get_type_hints(cls)
    except (NameError, TypeError):
        return {}


def _classes_in(annotation: Any) -> list[type]:
    if isinstance(annotation, type):
        return [annotation]
    if isinstance(annotation, str):
        from newsmodel import model

        names = [n for n in dir(model) if n in annotation]
        return [getattr(model, n) for n in names if isinstance(getattr(model, n), type)]
    return [c for arg in getattr(annotation, "__args__", ()) for c in _classes_in(arg)]


def _tighten(definition: dict[str, Any], cls: type) -> None:
    properties: dict[str, Any] = definition.get("properties", {})
    if cls.__doc__:
        definition["description"] = inspect.cleandoc(cls.__doc__)
    docs = field_docs(cls)
    for name, prop in properties.items():
        prop.pop("default", None)
        _refine(name, prop)
        if name in docs:
            prop["description"] = docs[name]
    definition["required"] = list(properties)
    definition["additionalProperties"] = False


def _refine(name: str, prop: dict[str, Any]) -> None:
    """Replace generic string schemas with the patterns of codes, decimals and dates."""
    if name in _COUNTRY_FIELDS:
        _replace_string(prop, _COUNTRY)
    elif name == "parties":
        prop["items"] = dict(_COUNTRY)
    elif name == "currency":
        _replace_string(prop, _CURRENCY)
    for variant in [prop, *prop.get("anyOf", ())]:
        if variant.get("format") == "decimal":
            variant.pop("format")
            variant.update(_DECIMAL)
        elif variant.get("format") == "date":
            variant.update(_DATE)
        elif variant.get("type") == "integer" and name in {"start", "end"}:
            variant["minimum"] = 0


def _replace_string(prop: dict[str, Any], replacement: dict[str, Any]) -> None:
    if prop.get("type") == "string":
        prop.update(replacement)
    for variant in prop.get("anyOf", ()):
        if variant.get("type") == "string":
            variant.update(replacement)


@cache
def field_docs(cls: type) -> dict[str, str]:
    """Return the docstring under each attrs field of *cls* (and its bases), by name."""
    docs: dict[str, str] = {}
    for klass in reversed(cls.__mro__):
        if not attrs.has(klass):
            continue
        try:
            source = textwrap.dedent(inspect.getsource(klass))
        except (OSError, TypeError):
            continue
        body = ast.parse(source).body[0]
        if not isinstance(body, ast.ClassDef):
            continue
        statements = body.body
        for statement, following in itertools.pairwise(statements):
            if (
                isinstance(statement, ast.AnnAssign)
                and isinstance(statement.target, ast.Name)
                and isinstance(following, ast.Expr)
                and isinstance(following.value, ast.Constant)
                and isinstance(following.value.value, str)
            ):
                docs[statement.target.id] = inspect.cleandoc(following.value.value)
    return docs
