"""The exceptions newsmodel raises.

Every error newsmodel raises on purpose derives from :class:`NewsmodelError`, so
``except newsmodel.NewsmodelError`` is enough to keep a batch job running.
"""

from __future__ import annotations

__all__ = [
    "ExtractorError",
    "InputError",
    "ModelInvariantError",
    "NewsmodelError",
    "ParseTimeoutError",
    "RegistryError",
    "StructureError",
]


class NewsmodelError(Exception):
    """Root of every exception newsmodel raises on purpose."""


class InputError(NewsmodelError, ValueError):
    """Raised when the input to :func:`newsmodel.parse` cannot be read as text.

    Examples: a value that is not ``str``, or a ``published`` that is not a date.
    """


class ModelInvariantError(NewsmodelError, ValueError):
    """Raised when a model value breaks an invariant of the contract.

    Examples: a span whose end lies before its start or outside ``Article.text``,
    an unknown ISO country or currency code, an empty quote text.

    Attributes:
        field: the name of the attribute that was rejected.
    """

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class StructureError(NewsmodelError, ValueError):
    """Raised by :func:`newsmodel.from_dict` and :func:`newsmodel.from_json` on bad data.

    The message lists every problem with the JSON path where it was found
    (``$.quotes[2].span.start``). The original cattrs exception tree is kept as
    ``__cause__`` for programs that want to walk it.

    Attributes:
        errors: one message per problem, each ending in ``@ $.path``.
    """

    def __init__(self, errors: list[str]) -> None:
        self.errors = list(errors)
        head = "invalid newsmodel data"
        super().__init__(head + (":\n  " + "\n  ".join(self.errors) if self.errors else ""))

    @property
    def paths(self) -> list[str]:
        """The JSON paths named in :attr:`errors`, in order."""
        return [e.rsplit(" @ ", 1)[1] for e in self.errors if " @ " in e]


class ParseTimeoutError(NewsmodelError, TimeoutError):
    """Raised when matching a pattern against hostile input exceeds its time budget.

    Attributes:
        rule: the name of the pattern that timed out.
    """

    def __init__(self, rule: str) -> None:
        super().__init__(f"pattern {rule!r} exceeded its time budget on this input")
        self.rule = rule


class ExtractorError(NewsmodelError, RuntimeError):
    """Raised when an extractor fails with an unexpected exception.

    The parser never lets a bare exception from deep inside an extractor escape: it
    wraps it, names the step, and keeps the original as ``__cause__``. Seeing this
    error means a bug worth reporting, with the input that caused it.

    Attributes:
        extractor: the name of the step that failed.
    """

    def __init__(self, extractor: str, cause: BaseException) -> None:
        super().__init__(f"extractor {extractor!r} failed: {type(cause).__name__}: {cause}")
        self.extractor = extractor


class RegistryError(NewsmodelError, LookupError):
    """Raised for an unknown or conflicting article type tag or extractor name."""
