"""newsmodel: news text in, a typed model of what the article says out."""

from __future__ import annotations

from newsmodel.document import Document
from newsmodel.errors import (
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
from newsmodel.pipeline import FunctionExtractor, Parser, parse

__all__ = [
    "Amount",
    "Article",
    "Change",
    "Dateline",
    "Document",
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
    "parse",
]

__version__ = "0.1.0"
