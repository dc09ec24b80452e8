"""newsmodel: news text in, a typed model of what the article says out."""

from __future__ import annotations

import importlib.util

from newsmodel.document import Document
from newsmodel.errors import (
    ExtractorError,
    InputError,
    ModelInvariantError,
    NewsmodelError,
    ParseTimeoutError,
    RegistryError,
    StructureError,
)
from newsmodel.export import sanction_records, to_jsonld, to_ninjs
from newsmodel.model import (
    Amount,
    Article,
    Change,
    Dateline,
    Headline,
    Paragraph,
    Quote,
    Sanction,
    Span,
    TimeExpression,
    TradeFigure,
    Visit,
)
from newsmodel.pipeline import FunctionExtractor, Parser, default_extractors, parse
from newsmodel.plugins import extractor_names, get_extractor, register_extractor
from newsmodel.registry import (
    article_type_for,
    article_types,
    declared_extractors,
    register_article_type,
)
from newsmodel.render import render_html
from newsmodel.schema import json_schema
from newsmodel.serialize import from_dict, from_json, make_converter, to_dict, to_json

__all__ = [
    "Amount",
    "Article",
    "Change",
    "Dateline",
    "Document",
    "ExtractorError",
    "FunctionExtractor",
    "Headline",
    "InputError",
    "ModelInvariantError",
    "NewsmodelError",
    "Paragraph",
    "ParseTimeoutError",
    "Parser",
    "Quote",
    "RegistryError",
    "Sanction",
    "Span",
    "StructureError",
    "TimeExpression",
    "TradeFigure",
    "Visit",
    "article_type_for",
    "article_types",
    "compiled",
    "declared_extractors",
    "default_extractors",
    "extractor_names",
    "from_dict",
    "from_json",
    "get_extractor",
    "json_schema",
    "make_converter",
    "parse",
    "register_article_type",
    "register_extractor",
    "render_html",
    "sanction_records",
    "to_dict",
    "to_json",
    "to_jsonld",
    "to_ninjs",
]

__version__ = "0.1.0"


def compiled() -> bool:
    """Return whether this installation runs the compiled extractors.

    The compiled build (``HATCH_BUILD_HOOK_ENABLE_MYPYC=1 pip install newsmodel``,
    see *Accuracy and speed* in the documentation) turns the extractor modules into
    C extensions with mypyc: same code, same output, about 1.3x faster. The plain
    install runs them as Python.

    >>> isinstance(compiled(), bool)
    True
    """
    spec = importlib.util.find_spec("newsmodel.extract.quotes")
    origin = spec.origin if spec is not None else None
    return origin is not None and not origin.endswith(".py")
