"""Lossless conversion between the model and JSON-native dicts, built on cattrs.

The JSON shape is part of the compatibility promise: ISO dates, decimal strings,
ISO codes, JSON arrays for sequences, ``null`` for missing values, and a
``"type"`` tag on every article. ``from_dict(to_dict(x)) == x`` for every model
value.

Speed: JSON text is encoded and decoded with msgspec (already a dependency), which
is several times faster than the standard library; the rare input msgspec refuses
(lone surrogates, ``NaN``, integers beyond 64 bits) falls back to :mod:`json`, so
what is accepted and the errors raised do not depend on the fast path.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from types import NoneType, UnionType
from typing import Any, TypeVar, Union

import cattrs
import msgspec
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)
from cattrs.v import format_exception as _cattrs_format_exception

from newsmodel.errors import ModelInvariantError, StructureError
from newsmodel.model import Article
from newsmodel.registry import article_type_for

__all__ = ["from_dict", "from_json", "make_converter", "to_dict", "to_json"]

T = TypeVar("T")


def _structure_decimal(value: Any, _: type) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise TypeError(f"expected a decimal string, got {type(value).__name__}")
    try:
        result = Decimal(value)
    except InvalidOperation:
        raise ValueError(f"{value!r} is not a decimal number") from None
    if not result.is_finite():
        raise ValueError(f"{value!r} is not a finite decimal number")
    return result


#: Longest decimal written in plain notation; longer ones keep their exponent.
_PLAIN_DECIMAL_DIGITS = 40


def _unstructure_decimal(value: Decimal) -> str:
    # Plain notation keeps "3500000000" readable; exponents stay only for huge values.
    # The size check comes first: format(Decimal("1E+999999999"), "f") would build a
    # billion-character string only to throw it away.
    exponent = value.as_tuple().exponent
    if (
        not isinstance(exponent, int)
        or (value and value.adjusted() >= _PLAIN_DECIMAL_DIGITS)
        or exponent <= -_PLAIN_DECIMAL_DIGITS
    ):
        return str(value)
    text = format(value, "f")
    return text if len(text) <= _PLAIN_DECIMAL_DIGITS else str(value)


def _structure_date(value: Any, _: type) -> dt.date:
    if not isinstance(value, str):
        raise TypeError(f"expected an ISO date string, got {type(value).__name__}")
    if len(value) != 10:
        raise ValueError(f"{value!r} is not an ISO date (YYYY-MM-DD)")
    return dt.date.fromisoformat(value)


def _structure_int(value: Any, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected an integer, got {type(value).__name__}")
    return value


def _structure_str(value: Any, _: type) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {type(value).__name__}")
    return value


def _structure_bool(value: Any, _: type) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"expected true or false, got {type(value).__name__}")
    return value


def make_converter() -> cattrs.Converter:
    """Return a new cattrs converter configured for the newsmodel JSON shape.

    Strict on the way in: an integer field does not accept ``"5"`` or ``5.0``, a
    decimal field takes a decimal string (or an integer), a date takes
    ``YYYY-MM-DD``. Sequences come out as lists, ``Decimal`` as strings, dates as
    ISO strings. Each call builds a fresh converter; the module functions share one.
    """
    converter = cattrs.Converter(detailed_validation=True)
    converter.register_unstructure_hook(Decimal, _unstructure_decimal)
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_unstructure_hook(dt.date, dt.date.isoformat)
    converter.register_structure_hook(dt.date, _structure_date)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_unstructure_hook_factory(
        _is_tuple, lambda t: converter.gen_unstructure_iterable(t, unstructure_to=list)
    )
    converter.register_structure_hook_factory(
        _is_tuple, lambda t: _array_only(homogenous_tuple_structure_factory(t, converter))
    )
    converter.register_structure_hook_factory(_is_optional, lambda t: _optional_hook(t, converter))
    return converter


def _is_optional(type_: Any) -> bool:
    """True for ``X | None`` (and ``Optional[X]``), the only unions in the model."""
    is_union = isinstance(type_, UnionType) or getattr(type_, "__origin__", None) is Union
    args = getattr(type_, "__args__", ())
    return is_union and len(args) == 2 and NoneType in args


def _optional_hook(type_: Any, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """Structure ``X | None`` with X's hook looked up once, not on every value.

    cattrs' generic optional hook dispatches on the inner type for every value; this
    resolves it when the class's structuring code is generated (about a tenth of the
    structuring time of a parsed article). Same behaviour, same errors.
    """
    inner_type = next(arg for arg in type_.__args__ if arg is not NoneType)
    inner = converter.get_structure_hook(inner_type)

    def structure(value: Any, _: Any) -> Any:
        return None if value is None else inner(value, inner_type)

    return structure


def _array_only(hook: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    """Wrap a sequence hook so that only a JSON array is accepted (not a string or object)."""

    def structure(value: Any, type_: Any) -> Any:
        if not isinstance(value, (list, tuple)):
            raise TypeError(f"expected an array, got {type(value).__name__}")
        return hook(value, type_)

    return structure


def _is_tuple(type_: Any) -> bool:
    return getattr(type_, "__origin__", None) is tuple or type_ is tuple


_CONVERTER: list[cattrs.Converter] = []


def _converter() -> cattrs.Converter:
    if not _CONVERTER:
        _CONVERTER.append(make_converter())
    return _CONVERTER[0]


def to_dict(value: Any) -> Any:
    """Turn a model value into JSON-native data (dicts, lists, str, int, bool, None).

    An :class:`~newsmodel.Article` (or registered subclass) gets its ``"type"`` tag
    as the first key.
    """
    if isinstance(value, Article):
        body = _converter().unstructure(value, unstructure_as=type(value))
        return {"type": type(value).type_tag, **body}
    return _converter().unstructure(value)


def from_dict(data: Any, cls: type[T] | None = None) -> T:
    """Build a model value from JSON-native data.

    With no *cls*, *data* must be an article dict and its ``"type"`` tag picks the
    class (``"article"`` for :class:`~newsmodel.Article`).

    Raises:
        StructureError: the data does not fit the model; every problem is listed
            with its JSON path (``$.quotes[2].span.start``).
        RegistryError: the ``"type"`` tag names no registered article type.
    """
    if cls is None or (isinstance(cls, type) and issubclass(cls, Article)):
        if not isinstance(data, dict):
            raise StructureError([f"expected an article object, got {type(data).__name__} @ $"])
        if "type" not in data:
            raise StructureError(["required field missing @ $.type"])
        target: type[Any] = article_type_for(data["type"])
        if cls is not None and not issubclass(target, cls):
            raise StructureError([f"type {data['type']!r} is not a {cls.__qualname__} @ $.type"])
        payload = {key: value for key, value in data.items() if key != "type"}
    else:
        target, payload = cls, data
    try:
        result: T = _converter().structure(payload, target)
    except (ClassValidationError, IterableValidationError) as exc:
        raise StructureError(_messages(exc, "$")) from exc
    except (ModelInvariantError, ValueError, TypeError, KeyError) as exc:
        raise StructureError([f"{_format(exc, target)} @ $"]) from exc
    return result


def _messages(exc: BaseException, path: str) -> list[str]:
    """Flatten a cattrs validation tree into ``"message @ $.path"`` lines.

    Like :func:`cattrs.transform_error`, and a model invariant that names its field
    gets that field appended to the path (``$.amount.currency``).
    """
    if isinstance(exc, IterableValidationError):
        items, rest = exc.group_exceptions()
        lines = [m for e, item in items for m in _messages(e, f"{path}[{item.index!r}]")]
        return lines + [m for e in rest for m in _messages(e, path)]
    if isinstance(exc, ClassValidationError):
        fields, rest = exc.group_exceptions()
        lines = [m for e, field in fields for m in _messages(e, f"{path}.{field.name}")]
        return lines + [m for e in rest for m in _messages(e, path)]
    if isinstance(exc, ModelInvariantError) and exc.field:
        path = f"{path}.{exc.field}"
    return [f"{_format(exc, getattr(exc, 'type', None))} @ {path}"]


def _format(exc: BaseException, type_: type | None) -> str:
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, ModelInvariantError):
        return f"invalid value ({exc})"
    if isinstance(exc, ForbiddenExtraKeysError):
        return _cattrs_format_exception(exc, type_)
    kind = "invalid type" if isinstance(exc, TypeError) else "invalid value"
    return f"{kind} ({exc})" if str(exc) else kind


_ENCODER = msgspec.json.Encoder()
_DECODER = msgspec.json.Decoder()


def to_json(value: Any, *, indent: int | None = None) -> str:
    """Serialise a model value to a JSON string (UTF-8 text, non-ASCII kept).

    Compact (no spaces) by default; *indent* pretty-prints.
    """
    data = to_dict(value)
    if indent is None:
        try:
            return _ENCODER.encode(data).decode("utf-8")
        except (UnicodeEncodeError, OverflowError, msgspec.EncodeError):
            pass  # lone surrogates or huge integers: the standard library writes them
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return json.dumps(data, ensure_ascii=False, indent=indent)


def from_json(text: str | bytes, cls: type[T] | None = None) -> T:
    """Parse JSON text and build a model value, as :func:`from_dict` does.

    Raises:
        StructureError: the text is not JSON, or the data does not fit the model.
    """
    try:
        data = _DECODER.decode(text)
    except RecursionError as exc:
        raise StructureError(["JSON nested too deeply @ $"]) from exc
    except (msgspec.DecodeError, UnicodeError, ValueError):
        data = _loads(text)  # the standard library decides, and words the error
    return from_dict(data, cls)


def _loads(text: str | bytes) -> Any:
    """Decode with :mod:`json`, which also reads ``NaN`` and escaped lone surrogates."""
    try:
        return json.loads(text)
    except RecursionError as exc:
        raise StructureError(["JSON nested too deeply @ $"]) from exc
    except ValueError as exc:  # not JSON, not UTF-8, or an integer of over 4300 digits
        raise StructureError([f"invalid JSON ({exc}) @ $"]) from exc
