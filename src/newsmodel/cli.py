"""The ``newsmodel`` command line.

``newsmodel parse FILE|- [--published DATE] [--format json|jsonl|summary]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from typing import TextIO

from newsmodel import __version__
from newsmodel.errors import InputError, NewsmodelError
from newsmodel.model import Amount, Article, Change
from newsmodel.pipeline import parse
from newsmodel.serialize import to_json

__all__ = ["main", "render_summary"]

EXIT_OK = 0
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
    parser.add_argument("--version", action="version", version=f"newsmodel {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    run = commands.add_parser(
        "parse",
        help="parse one article",
        description="Parse one article (UTF-8 text) and print its model.",
    )
    run.add_argument("file", metavar="FILE", help="the article's text file, or - for stdin")
    run.add_argument(
        "--published",
        type=_date,
        metavar="DATE",
        help="publication date (YYYY-MM-DD): completes dates printed without a year",
    )
    run.add_argument(
        "--format",
        choices=("json", "jsonl", "summary"),
        default="json",
        help="json (indented, the default), jsonl (one line) or summary (for people)",
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
    """Run the command line; return the exit status (0 ok, 2 bad input, 3 parse failure)."""
    args = _parser().parse_args(argv)
    out = sys.stdout
    try:
        text = _read(args.file, sys.stdin)
    except InputError as exc:
        print(f"newsmodel: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    try:
        article = parse(text, published=args.published)
    except NewsmodelError as exc:
        print(f"newsmodel: error: {args.file}: {exc}", file=sys.stderr)
        return EXIT_PARSE
    if args.format == "summary":
        out.write(render_summary(article))
    else:
        out.write(to_json(article, indent=2 if args.format == "json" else None) + "\n")
    return EXIT_OK


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
