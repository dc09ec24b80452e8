"""newsmodel: news text in, a typed model of what the article says out."""

from __future__ import annotations

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
from newsmodel.registry import article_type_for, article_types, register_article_type
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
    "default_extractors",
    "from_dict",
    "from_json",
    "json_schema",
    "make_converter",
    "parse",
    "register_article_type",
    "to_dict",
    "to_json",
]

__version__ = "0.1.0"
