"""Protocols for code that extends newsmodel.

An extractor is any object with a ``name`` and an ``extract`` method that reads a
:class:`~newsmodel.document.Document` and returns the article fields it found.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Protocol, TypeAlias, runtime_checkable

if TYPE_CHECKING:
    from newsmodel.document import Document

__all__ = ["ExtractFunction", "Extractor"]

#: A plain extractor function, as a module's ``extract(doc)``: wrap it in
#: :class:`~newsmodel.FunctionExtractor`, or point a ``newsmodel.extractors``
#: entry point at it.
ExtractFunction: TypeAlias = Callable[["Document"], Mapping[str, Any]]


@runtime_checkable
class Extractor(Protocol):
    """One step of a :class:`~newsmodel.Parser` pipeline.

    ``extract`` receives the document with everything earlier steps found in
    ``doc.fields`` and returns a mapping of article field names to values; the
    parser merges it into ``doc.fields``. It must not mutate ``doc`` itself.
    """

    @property
    def name(self) -> str:
        """A short stable name (``"quotes"``) used to pick or replace the step."""
        ...

    def extract(self, doc: Document) -> Mapping[str, Any]:
        """Return the article fields this step found in *doc*."""
        ...
