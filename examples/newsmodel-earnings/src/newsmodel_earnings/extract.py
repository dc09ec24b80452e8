"""The ``earnings_figures`` extractor: company results in the body's sentences.

It reads a sentence such as ``Net profit rose 12% to $1.2 billion in the third
quarter`` as one :class:`~newsmodel_earnings.EarningsFigure`: the metric, the
first amount and the first percentage change after it (up to the next metric),
and the time expression inside that stretch. The lexicon (metric names,
currency signs, scale words, direction words) is data, in ``data/earnings.json``.
"""

from __future__ import annotations

import json
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

import attrs
import regex

from newsmodel import Amount, Change, Document, Span
from newsmodel.text import finditer, search
from newsmodel_earnings.model import EarningsFigure

__all__ = ["EarningsFigureExtractor", "find_figures"]


@cache
def _lexicon() -> dict[str, Any]:
    """The plugin's word lists, loaded once from the package data."""
    source = resources.files("newsmodel_earnings").joinpath("data/earnings.json")
    data: dict[str, Any] = json.loads(source.read_text(encoding="utf-8"))
    return data


def _alternation(words: list[str]) -> str:
    """A regex alternation of *words*, longest first, each escaped."""
    return "|".join(regex.escape(word) for word in sorted(words, key=len, reverse=True))


#: Metric name -> canonical metric, for every synonym in the lexicon (lower case).
_METRIC_OF = {
    word.casefold(): metric for metric, words in _lexicon()["metrics"].items() for word in words
}

# The name of a metric, as a whole word or phrase ("net profit", "EPS").
METRIC_NAME = regex.compile(
    r"""
    (?<![\p{L}\p{N}])                  # not inside a word
    (?P<metric>"""
    + _alternation(list(_METRIC_OF))
    + r""")                            # a metric name from the lexicon
    (?![\p{L}\p{N}])                   # and a whole word
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# An amount of money: "$1.2 billion", "€350 mln", "US$12,500,000", "£4bn".
MONEY_AMOUNT = regex.compile(
    r"""
    (?P<currency>"""
    + _alternation(list(_lexicon()["currencies"]))
    + r""")                            # a currency sign
    \s?                                # an optional space
    (?P<number>
        \d{1,3}(?:,\d{3}){1,5}(?:\.\d{1,6})?   # 12,500,000 (thousands separators)
      | \d{1,15}(?:\.\d{1,6})?                 # 1.2 or 350
    )
    (?:\s?(?P<scale>"""
    + _alternation(list(_lexicon()["scales"]))
    + r""")(?!\p{L}))?                 # an optional scale word: billion, bn, mln
    """,
    regex.VERBOSE,
)

# A percentage change with its direction: "rose 12%", "fell by 3.5 percent".
PERCENT_CHANGE = regex.compile(
    r"""
    (?<!\p{L})(?P<direction>"""
    + _alternation([*_lexicon()["up"], *_lexicon()["down"]])
    + r""")(?!\p{L})                   # a direction word
    [^.;%\d]{0,30}                     # a few words between: "by", "a further"
    (?P<percent>\d{1,3}(?:\.\d{1,3})?) # the figure
    \s?(?:%|percent|per\ cent|pct)     # and its sign or word
    """,
    regex.VERBOSE | regex.IGNORECASE,
)


def _amount(match: regex.Match[str]) -> Amount:
    """The :class:`~newsmodel.Amount` a MONEY_AMOUNT match states, scale applied."""
    value = Decimal(match.group("number").replace(",", ""))
    scale = match.group("scale")
    if scale:
        value *= Decimal(_lexicon()["scales"][scale])
    return Amount(value=value, currency=_lexicon()["currencies"][match.group("currency")])


def _change(match: regex.Match[str]) -> Change:
    """The :class:`~newsmodel.Change` a PERCENT_CHANGE match states."""
    word = match.group("direction").casefold()
    if word in _lexicon()["up"]:
        return Change(direction="up", percent=Decimal(match.group("percent")))
    return Change(direction="down", percent=Decimal(match.group("percent")))


def find_figures(doc: Document) -> list[EarningsFigure]:
    """Find every earnings figure in the body of *doc*, in text order.

    Each metric name owns the stretch of its sentence up to the next metric name;
    a metric with neither an amount nor a change in its stretch is not a figure.
    """
    text = doc.text
    figures: list[EarningsFigure] = []
    for sentence in doc.sentences():
        names = list(finditer(METRIC_NAME, text, sentence.start, sentence.end))
        for i, name in enumerate(names):
            stop = names[i + 1].start() if i + 1 < len(names) else sentence.end
            money = search(MONEY_AMOUNT, text, name.end(), stop)
            change = search(PERCENT_CHANGE, text, name.end(), stop)
            if money is None and change is None:
                continue
            end = max(m.end() for m in (money, change) if m is not None)
            span = Span(start=name.start(), end=end)
            period = next(doc.times_in(Span(start=name.start(), end=stop)), None)
            figures.append(
                EarningsFigure(
                    span=span,
                    metric=_METRIC_OF[name.group("metric").casefold()],
                    amount=_amount(money) if money else None,
                    change=_change(change) if change else None,
                    period=period,
                )
            )
    return figures


@attrs.frozen
class EarningsFigureExtractor:
    """The ``earnings_figures`` step: fills ``EarningsReport.figures``.

    It implements :class:`newsmodel.typing.Extractor`; newsmodel creates it from
    the ``newsmodel.extractors`` entry point of this package.
    """

    name: str = "earnings_figures"
    """The step's name, as article types declare it."""

    def extract(self, doc: Document) -> dict[str, Any]:
        """Return ``{"figures": [...]}`` for *doc*."""
        return {"figures": find_figures(doc)}
