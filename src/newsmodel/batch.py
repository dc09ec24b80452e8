"""Parse many articles: streaming, in order, on one core or all of them.

:func:`parse_many` takes any iterable of :class:`Record` and yields one
:class:`Result` per record, in input order, holding either the parsed article or
the error that stopped it. Memory stays constant however long the input: at most
``jobs * window`` records are in flight at once.

For more than one machine, hand :func:`parse_partition` (or :func:`parse_record`)
to a distributed engine such as Dask bag or PySpark ``mapPartitions`` (see the
batch processing guide): plain functions of picklable records that return
JSON-native dicts, made with the same :func:`~newsmodel.parse` and
:func:`~newsmodel.to_dict` as everything else.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import attrs
import msgspec

from newsmodel.errors import InputError, NewsmodelError
from newsmodel.model import Article
from newsmodel.pipeline import parse
from newsmodel.serialize import to_dict

__all__ = [
    "Record",
    "Result",
    "parse_many",
    "parse_many_lines",
    "parse_partition",
    "parse_record",
    "prepare_process",
    "read_jsonl",
    "read_paths",
    "record_from_object",
]

T = TypeVar("T")


@attrs.frozen(kw_only=True)
class Record:
    """One article to parse: an identifier, its text and its publication date."""

    id: str
    """Identifies the record in the output (a file path or the input's id field)."""
    text: str | None
    """The article's text; None when it could not be read (see ``problem``)."""
    published: dt.date | None = None
    """The publication date, when known."""
    problem: str | None = None
    """Why the record could not be read, when it could not."""


@attrs.frozen(kw_only=True)
class Result:
    """The outcome of parsing one :class:`Record`: an article or an error."""

    id: str
    """The record's identifier."""
    article: Article | None = None
    """The parsed article, or None when parsing failed."""
    error: str | None = None
    """The error's type and message when parsing failed, else None."""

    @property
    def ok(self) -> bool:
        """True when the record parsed."""
        return self.error is None

    def to_dict(self) -> dict[str, Any]:
        """The JSON Lines form: ``{"id", "article"}`` or ``{"id", "error"}``."""
        if self.article is not None:
            return {"id": self.id, "article": to_dict(self.article)}
        return {"id": self.id, "error": self.error}


def parse_record(record: Record) -> Result:
    """Parse one record, turning any newsmodel error into an error result."""
    if record.text is None:
        return Result(id=record.id, error=f"InputError: {record.problem or 'no text'}")
    try:
        article = parse(record.text, published=record.published)
    except NewsmodelError as exc:
        return Result(id=record.id, error=f"{type(exc).__name__}: {exc}")
    return Result(id=record.id, article=article)


def parse_partition(records: Iterable[Record]) -> list[dict[str, Any]]:
    """Parse a partition of records and return each result's JSON Lines dict, in order.

    The unit of work for a distributed engine: ``rdd.mapPartitions(parse_partition)``
    in PySpark, ``bag.map_partitions(parse_partition)`` in Dask. Each dict is
    ``{"id", "article"}`` or ``{"id", "error"}`` (:meth:`Result.to_dict`); a record
    that fails becomes an error dict, so one bad article never fails a partition.
    A list, not a generator, so that process-based schedulers can pickle it.
    """
    return [parse_record(record).to_dict() for record in records]


def _parse_to_line(record: Record) -> tuple[str, bool]:
    """Parse one record in a worker and return its JSON line (cheap to send back)."""
    result = parse_record(record)
    return _dumps(result.to_dict()), result.ok


_ENCODER = msgspec.json.Encoder()


def _dumps(data: dict[str, Any]) -> str:
    """One compact JSON line; msgspec is fast, :mod:`json` writes what it cannot (surrogates)."""
    try:
        return _ENCODER.encode(data).decode("utf-8")
    except (UnicodeEncodeError, OverflowError, msgspec.EncodeError):
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def parse_many(records: Iterable[Record], *, jobs: int = 1, window: int = 8) -> Iterator[Result]:
    """Parse *records* and yield a :class:`Result` for each, in input order.

    Args:
        records: any iterable; it is consumed lazily.
        jobs: worker processes; ``1`` parses in this process, ``0`` uses every core.
        window: records in flight per worker; bounds memory.

    Raises:
        InputError: *jobs* is negative.
    """
    yield from _ordered(records, parse_record, jobs=jobs, window=window)


def parse_many_lines(
    records: Iterable[Record], *, jobs: int = 1, window: int = 8
) -> Iterator[tuple[str, bool]]:
    """Like :func:`parse_many`, but yield each result as ``(json_line, ok)``.

    The line is ``{"id": ..., "article": {...}}`` or ``{"id": ..., "error": "..."}``;
    ``ok`` says which. With worker processes the JSON is produced in the workers, so
    the parent only writes lines: the fastest way to turn an archive into JSON Lines.
    """
    yield from _ordered(records, _parse_to_line, jobs=jobs, window=window)


#: A short article that reads every lexicon and the gazetteer once.
_WARM_UP = (
    "PARIS, May 1 (Reuters) - France's exports to Japan rose 5 pct to 2.1 billion euros"
    ' in 2023, trade minister Anne Roy said on a visit to Tokyo. "We will lift the ban,"'
    " she said."
)


def prepare_process() -> None:
    """Ready this process to parse many articles.

    Loads the lexicons and the gazetteer (what makes the first parse slow), then
    moves every object alive so far out of the cyclic garbage collector's reach with
    :func:`gc.freeze`: those tables live as long as the process, and full
    collections no longer walk them (3-4% of parse time over a long run). Worker
    processes of :func:`parse_many` and ``newsmodel parse`` call it when they start;
    call it once per worker process of your own (a Dask or Spark worker, for
    instance) that does little else than parse. Objects frozen are never collected
    as cyclic garbage, so call it early, before building data of your own.
    """
    parse(_WARM_UP)
    gc.freeze()


def _ordered(
    records: Iterable[Record], work: Callable[[Record], T], *, jobs: int, window: int
) -> Iterator[T]:
    if jobs < 0:
        raise InputError(f"jobs must be 0 or more, got {jobs}")
    workers = jobs or os.cpu_count() or 1
    if workers == 1:
        yield from map(work, records)
        return
    limit = workers * max(1, window)
    pending: deque[Future[T]] = deque()
    with ProcessPoolExecutor(max_workers=workers, initializer=prepare_process) as pool:
        for record in records:
            pending.append(pool.submit(work, record))
            if len(pending) >= limit:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def read_paths(paths: Iterable[str | Path]) -> Iterator[Record]:
    """Yield a record per text file; directories are walked for ``*.txt``, sorted.

    A file that cannot be read, or is not UTF-8, becomes a record with a
    ``problem`` instead of stopping the run.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*.txt") if p.is_file()):
                yield _read_file(child)
        else:
            yield _read_file(path)


def _read_file(path: Path) -> Record:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return Record(id=str(path), text=None, problem=f"no such file: {path}")
    except OSError as exc:
        return Record(id=str(path), text=None, problem=f"cannot read {path}: {exc.strerror}")
    try:
        return Record(id=str(path), text=data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return Record(
            id=str(path),
            text=None,
            problem=f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})",
        )


def read_jsonl(
    lines: Iterable[str | bytes],
    *,
    source: str = "<input>",
    id_field: str = "id",
    text_field: str = "text",
    published_field: str = "published",
) -> Iterator[Record]:
    """Yield a record per JSON Lines line (``{"id", "text", "published"}`` by default).

    Field names are configurable. A line that is not JSON, lacks the text field, or
    has a malformed date becomes a record with a ``problem``; blank lines are skipped.
    """
    for number, raw in enumerate(lines, start=1):
        fallback = f"{source}:{number}"
        try:
            line = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        except UnicodeDecodeError as exc:
            yield Record(id=fallback, text=None, problem=f"not valid UTF-8 at byte {exc.start}")
            continue
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except (ValueError, RecursionError) as exc:  # ValueError: also 5000-digit integers
            yield Record(id=fallback, text=None, problem=f"not JSON: {exc}")
            continue
        yield record_from_object(
            data,
            fallback_id=fallback,
            id_field=id_field,
            text_field=text_field,
            published_field=published_field,
        )


def record_from_object(
    data: object,
    *,
    fallback_id: str,
    id_field: str = "id",
    text_field: str = "text",
    published_field: str = "published",
) -> Record:
    """Make a :class:`Record` from one decoded JSON object (a JSON Lines line, a table row).

    What :func:`read_jsonl` does per line, for engines that decode JSON themselves.
    A value that is not an object, lacks the text field or has a malformed date
    becomes a record with a ``problem``; *fallback_id* names records without an id.
    """
    if not isinstance(data, Mapping):
        return Record(id=fallback_id, text=None, problem="a line must be a JSON object")
    record_id = data.get(id_field)
    record_id = fallback_id if record_id is None else str(record_id)
    text = data.get(text_field)
    if not isinstance(text, str):
        problem = f"field {text_field!r} missing or not a string"
        return Record(id=record_id, text=None, problem=problem)
    published = data.get(published_field)
    try:
        date = dt.date.fromisoformat(published[:10]) if isinstance(published, str) else None
    except ValueError:
        problem = f"field {published_field!r} is not a date: {published!r}"
        return Record(id=record_id, text=None, problem=problem)
    return Record(id=record_id, text=text, published=date)
