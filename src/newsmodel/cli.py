"""The ``newsmodel`` command line.

``newsmodel parse FILE|- [--published DATE] [--type TAG]
[--format json|jsonl|summary|ninjs|jsonld|ftm|html]`` parses one article;
``newsmodel parse FILE|DIR ... [--jobs N]`` (or a ``.jsonl`` input) parses many
and writes JSON Lines.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any, TextIO

import attrs

from newsmodel import __version__, compiled
from newsmodel.batch import Record, parse_many_lines, prepare_process, read_jsonl, read_paths
from newsmodel.errors import InputError, NewsmodelError, RegistryError
from newsmodel.model import Amount, Article, Change
from newsmodel.pipeline import parse
from newsmodel.registry import article_type_for
from newsmodel.schema import json_schema
from newsmodel.serialize import to_json

__all__ = ["main", "render_summary"]

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_INPUT = 2
EXIT_PARSE = 3


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a date: use YYYY-MM-DD, e.g. 2024-06-25"
        ) from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsmodel",
        description="Read the plain text of a news article and print what it says.",
    )
    build = "compiled" if compiled() else "pure Python"
    parser.add_argument("--version", action="version", version=f"newsmodel {__version__} ({build})")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    run = commands.add_parser(
        "parse",
        help="parse one article",
        description="Parse one article (UTF-8 text) and print its model.",
    )
    run.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="text files, directories of .txt files, JSON Lines files, or - for stdin",
    )
    run.add_argument(
        "--published",
        type=_date,
        metavar="DATE",
        help="publication date (YYYY-MM-DD): completes dates printed without a year",
    )
    run.add_argument(
        "--format",
        choices=("json", "jsonl", "summary", "ninjs", "jsonld", "ftm", "html"),
        default=None,
        help="json (indented; the default for one article), jsonl (one line per article; "
        "the default and only form for many), summary (for people), ninjs (IPTC ninjs), "
        "jsonld (schema.org NewsArticle), ftm (FollowTheMoney-style sanction entities, one "
        "per line) or html (a page showing every fact)",
    )
    run.add_argument(
        "--ninjs-version",
        choices=("2.2", "3.1"),
        default="2.2",
        help="the ninjs version written by --format ninjs (default 2.2)",
    )
    run.add_argument(
        "--type",
        dest="article_type",
        metavar="TAG",
        default=None,
        help="parse as this registered article type (e.g. one a plugin adds), with the "
        "extractors it declares; one article only",
    )
    batch = run.add_argument_group("many articles")
    batch.add_argument(
        "--input-format",
        choices=("auto", "text", "jsonl"),
        default="auto",
        help="read inputs as plain text or as JSON Lines records; auto: by the .jsonl or "
        ".ndjson suffix",
    )
    batch.add_argument("--id-field", default="id", help="JSON Lines field with the record id")
    batch.add_argument("--text-field", default="text", help="JSON Lines field with the text")
    batch.add_argument(
        "--published-field", default="published", help="JSON Lines field with the date"
    )
    batch.add_argument(
        "-j", "--jobs", type=int, default=1, help="worker processes (0: one per core)"
    )
    batch.add_argument("-o", "--output", help="write to this file instead of stdout")
    batch.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress bar (default: when stderr is a terminal)",
    )
    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of the output",
        description="Print the JSON Schema (2020-12) of what `newsmodel parse` writes.",
    )
    schema.add_argument(
        "article_type", nargs="?", default="article", metavar="TYPE", help="article type tag"
    )
    return parser


def _read(path: str, stdin: TextIO) -> str:
    try:
        if path == "-":
            data = stdin.buffer.read() if hasattr(stdin, "buffer") else stdin.read()
        else:
            with open(path, "rb") as handle:
                data = handle.read()
    except FileNotFoundError:
        raise InputError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise InputError(f"{path} is a directory, not a text file") from None
    except PermissionError:
        raise InputError(f"cannot read {path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        name = "standard input" if path == "-" else path
        raise InputError(
            f"{name} is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it first, e.g. with iconv -f latin1 -t utf-8"
        ) from None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    0: everything parsed; 1: some records of a batch failed (each has an error line);
    2: bad input or usage; 3: a single article failed to parse.
    """
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "schema":
        return _schema(args.article_type)
    if args.jobs < 0:
        parser.error("--jobs must be 0 (one per core) or more")
    jsonl = _is_jsonl(args)
    single = len(args.inputs) == 1 and not jsonl and not Path(args.inputs[0]).is_dir()
    if single:
        return _parse_one(args)
    if args.format not in (None, "jsonl"):
        parser.error(f"--format {args.format} is for one article; many are written as jsonl")
    if args.article_type is not None:
        parser.error("--type is for one article")
    return _parse_batch(args, jsonl)


def _schema(tag: str) -> int:
    try:
        schema = json_schema(tag)
    except RegistryError as exc:
        print(f"newsmodel: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    sys.stdout.write(json.dumps(schema, indent=2, ensure_ascii=False) + "\n")
    return EXIT_OK


def _is_jsonl(args: argparse.Namespace) -> bool:
    if args.input_format != "auto":
        return bool(args.input_format == "jsonl")
    return all(Path(p).suffix in {".jsonl", ".ndjson"} for p in args.inputs if p != "-") and any(
        p != "-" for p in args.inputs
    )


def _parse_one(args: argparse.Namespace) -> int:
    path = args.inputs[0]
    try:
        text = _read(path, sys.stdin)
    except InputError as exc:
        print(f"newsmodel: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    if args.article_type is not None:
        try:
            article_type_for(args.article_type)
        except RegistryError as exc:
            print(f"newsmodel: error: {exc}", file=sys.stderr)
            return EXIT_INPUT
    try:
        article = parse(text, published=args.published, as_type=args.article_type)
    except NewsmodelError as exc:
        print(f"newsmodel: error: {path}: {exc}", file=sys.stderr)
        return EXIT_PARSE
    fmt = args.format or "json"
    with _output(args.output) as out:
        out.write(_render(article, fmt, args.ninjs_version))
    return EXIT_OK


def _render(article: Article, fmt: str, ninjs_version: str) -> str:
    """The text ``--format`` asks for, ending in a newline."""
    if fmt == "summary":
        return render_summary(article)
    if fmt == "html":
        from newsmodel.render import render_html

        return render_html(article)
    if fmt in {"ninjs", "jsonld", "ftm"}:
        from newsmodel import export

        if fmt == "ftm":
            records = export.sanction_records(article)
            return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        data = (
            export.to_ninjs(article, version="3.1" if ninjs_version == "3.1" else "2.2")
            if fmt == "ninjs"
            else export.to_jsonld(article)
        )
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return to_json(article, indent=2 if fmt == "json" else None) + "\n"


def _records(args: argparse.Namespace, jsonl: bool) -> Iterator[Record]:
    for source in args.inputs:
        if not jsonl:
            if source == "-":
                yield Record(id="-", text=_read("-", sys.stdin), published=args.published)
                continue
            for record in read_paths([source]):
                yield attrs.evolve(record, published=args.published)
            continue
        handle: IO[bytes]
        try:
            handle = sys.stdin.buffer if source == "-" else open(source, "rb")  # noqa: SIM115
        except OSError as exc:
            yield Record(id=source, text=None, problem=f"cannot read {source}: {exc.strerror}")
            continue
        try:
            for record in read_jsonl(
                handle,
                source=source,
                id_field=args.id_field,
                text_field=args.text_field,
                published_field=args.published_field,
            ):
                if record.published is None and args.published is not None:
                    record = attrs.evolve(record, published=args.published)
                yield record
        finally:
            if handle is not sys.stdin.buffer:
                handle.close()


def _parse_batch(args: argparse.Namespace, jsonl: bool) -> int:
    show = args.progress if args.progress is not None else sys.stderr.isatty()
    done = failed = 0
    if args.jobs == 1:
        prepare_process()  # this process parses everything (workers prepare themselves)
    try:
        lines = parse_many_lines(_records(args, jsonl), jobs=args.jobs)
        with _output(args.output) as out, _progress(show) as bar:
            for line, ok in lines:
                out.write(line + "\n")
                done += 1
                failed += not ok
                bar.update(1)
    except InputError as exc:
        print(f"newsmodel: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    if done == 0:
        print("newsmodel: error: no articles found in the inputs", file=sys.stderr)
        return EXIT_INPUT
    print(f"newsmodel: {done - failed} parsed, {failed} failed", file=sys.stderr)
    return EXIT_SOME_FAILED if failed else EXIT_OK


@contextlib.contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    if path is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    with open(path, "w", encoding="utf-8") as handle:
        yield handle


class _NoBar:
    def update(self, n: int) -> None:
        del n


@contextlib.contextmanager
def _progress(show: bool) -> Iterator[Any]:
    if not show:
        yield _NoBar()
        return
    from tqdm import tqdm

    with tqdm(unit=" articles", file=sys.stderr, dynamic_ncols=True) as bar:
        yield bar


def render_summary(article: Article) -> str:
    """Return a plain-text view of an article's facts, for people."""
    lines: list[str] = []
    if article.headline:
        lines.append(article.headline.text)
        lines.append("=" * min(len(article.headline.text), 78))
    d = article.dateline
    if d:
        parts = [d.place, d.country and f"({d.country})", d.date and d.date.isoformat()]
        if d.date is None and d.month:
            parts.append(f"month {d.month} day {d.day}")
        if d.weekday:
            parts.append(d.weekday + (" [contradicts the date]" if d.weekday_conflict else ""))
        lines.append("Dateline: " + " ".join(p for p in parts if p))
    if article.credit:
        lines.append(f"Credit:   {article.credit}")
    if article.authors:
        lines.append(f"By:       {', '.join(article.authors)}")
    lines.append(f"Body:     {len(article.paragraphs)} paragraphs")

    def section(title: str, items: list[str]) -> None:
        lines.append("")
        lines.append(f"{title} ({len(items)})")
        lines.extend(f"  - {item}" for item in items)
        if not items:
            lines.append("  none")

    def short(text: str, size: int = 90) -> str:
        text = " ".join(text.split())
        return text if len(text) <= size else text[: size - 3] + "..."

    section(
        "Quotes",
        [
            f"{q.speaker or '?'} ({q.kind}{', ' + q.cue if q.cue else ''}): "
            f"\u201c{short(q.text, 70)}\u201d"
            for q in article.quotes
        ],
    )
    section(
        "Trade figures",
        [
            " ".join(
                str(p)
                for p in (
                    t.measure,
                    "-".join(t.parties) or None,
                    t.amount and _amount(t.amount),
                    t.change and _change(t.change),
                    t.period and f"period {t.period.value or t.period.text}",
                    "record" if t.record else None,
                    t.status if t.status != "actual" else None,
                )
                if p
            )
            for t in article.trade_figures
        ],
    )
    section(
        "Sanctions",
        [
            f"{s.action}: {s.imposer or '?'}"
            f"{' (' + s.imposer_country + ')' if s.imposer_country else ''}"
            f" -> {s.target or '?'}{' (' + s.target_country + ')' if s.target_country else ''}"
            f" [{s.measure}]"
            + (f" when {s.when.value or s.when.text}" if s.when else "")
            + (f" reason: {short(s.reason, 60)}" if s.reason else "")
            for s in article.sanctions
        ],
    )
    section(
        "Visits",
        [
            f"{v.visitor or '?'} to {v.destination or v.country or '?'}"
            f"{' (' + v.country + ')' if v.country else ''}"
            f"{', ' + v.place if v.place else ''} [{v.status}]"
            + (f" {v.duration_days} days" if v.duration_days else "")
            + (f" from {v.start}" if v.start else "")
            + (f" until {v.end}" if v.end else "")
            + (f" purpose: {short(v.purpose, 60)}" if v.purpose else "")
            for v in article.visits
        ],
    )
    section("Times", [f"{t.text!r} -> {t.value}" for t in article.times])
    return "\n".join(lines) + "\n"


def _amount(amount: Amount) -> str:
    unit = amount.currency or amount.unit or ""
    hedge = f"{amount.approximate} " if amount.approximate else ""
    return f"{hedge}{unit} {amount.value:,f}".replace(" ,", " ").strip()


def _change(change: Change) -> str:
    if change.percent is not None:
        return f"{change.direction or 'changed'} {change.percent}%"
    if change.value is not None:
        return f"{change.direction or 'changed'} {_amount(change.value)}"
    return change.direction or "changed"


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
