"""The newsmodel domain model: frozen, typed attrs classes.

Every class here is a plain value: keyword-only, frozen, slotted, validated on
construction. Field names are the JSON keys of :func:`newsmodel.to_dict` and are
part of the compatibility promise (see the model contract in the docs).

Every fact carries a :class:`Span` into :attr:`Article.text`;
``article.text[span.start:span.end]`` is the surface the fact was read from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from typing import Any, ClassVar, Literal

import attrs

from newsmodel.codes import is_country_code, is_currency_code
from newsmodel.errors import ModelInvariantError

__all__ = [
    "Amount",
    "Article",
    "Change",
    "Dateline",
    "Headline",
    "Paragraph",
    "Quote",
    "Sanction",
    "Span",
    "TimeExpression",
    "TradeFigure",
    "Visit",
]

QuoteKind = Literal["direct", "indirect"]
SanctionAction = Literal["impose", "lift", "threaten", "enforce"]
TradeStatus = Literal["actual", "forecast", "target"]
VisitStatus = Literal["completed", "ongoing", "planned"]
Direction = Literal["up", "down"]
Approximation = Literal["about", "nearly", "more than", "less than", "up to"]
TimeModifier = Literal["early", "mid", "late", "start", "end", "approx"]
TimeKind = Literal["date", "duration", "set"]

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


# -- validators ---------------------------------------------------------------


def _fail(attribute: attrs.Attribute[Any], message: str) -> ModelInvariantError:
    return ModelInvariantError(f"{attribute.name}: {message}", field=attribute.name)


def _country(_: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not is_country_code(value):
        raise _fail(attribute, f"{value!r} is not an ISO 3166-1 alpha-2 code")


def _countries(_: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    for code in value:
        if not is_country_code(code):
            raise _fail(attribute, f"{code!r} is not an ISO 3166-1 alpha-2 code")


def _currency(_: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not is_currency_code(value):
        raise _fail(attribute, f"{value!r} is not an ISO 4217 code")


def _non_empty(_: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not value.strip():
        raise _fail(attribute, "must not be empty or blank; use None for a missing value")


def _non_negative(_: object, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and value < 0:
        raise _fail(attribute, f"must be >= 0, got {value}")


def _finite(_: object, attribute: attrs.Attribute[Any], value: Decimal | None) -> None:
    if value is not None and not value.is_finite():
        raise _fail(attribute, f"must be a finite decimal, got {value}")


def _ordered(_: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    starts = [item.span.start for item in value]
    if starts != sorted(starts):
        raise _fail(attribute, "items must be ordered by span.start")


def _tuple(value: Any) -> Any:
    """Accept any iterable for a sequence field and store it as a tuple."""
    if isinstance(value, (str, bytes)):
        return value  # left for the type checkers and validators to reject
    return tuple(value)


# -- spans and layout ---------------------------------------------------------


@attrs.frozen(kw_only=True)
class Span:
    """A half-open character range ``[start, end)`` into :attr:`Article.text`."""

    start: int = attrs.field(validator=_non_negative)
    """Offset of the first character."""
    end: int = attrs.field()
    """Offset one past the last character."""

    @end.validator
    def _check_end(self, attribute: attrs.Attribute[int], value: int) -> None:
        if value < self.start:
            raise _fail(attribute, f"end {value} lies before start {self.start}")

    def __len__(self) -> int:
        return self.end - self.start

    def slice(self, text: str) -> str:
        """Return the part of *text* this span covers."""
        return text[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        """Return whether the two spans share at least one character."""
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        """Return whether *other* lies entirely inside this span."""
        return self.start <= other.start and other.end <= self.end


@attrs.frozen(kw_only=True)
class Headline:
    """The title of the article: one or more lines before the body."""

    text: str = attrs.field(validator=_non_empty)
    """The title with its line breaks folded to single spaces."""
    span: Span
    """Where the title stands in the text."""


@attrs.frozen(kw_only=True)
class Paragraph:
    """One body paragraph: headline, dateline, byline and credit lines excluded."""

    text: str = attrs.field(validator=_non_empty)
    """The paragraph as written (line breaks inside it kept)."""
    span: Span
    """Where the paragraph stands in the text."""


@attrs.frozen(kw_only=True)
class Dateline:
    """Where, when and by whom the article was filed.

    Read from an agency dateline (``BISHKEK, Oct 12 (Reuters) -``) or a header date
    line (``| 25 June 2024, Tuesday |``). ``month``, ``day`` and ``year`` are what the
    text itself says; ``date`` is the complete date once a year is known, so a
    dateline without a year keeps its partial form in ``month`` and ``day``.
    """

    text: str = attrs.field(validator=_non_empty)
    """The dateline as written."""
    span: Span
    """Where the dateline stands in the text."""
    place: str | None = attrs.field(default=None, validator=_non_empty)
    """City as written, title-cased (``"Stockholm"``, ``"Anchorage, Alaska"``)."""
    country: str | None = attrs.field(default=None, validator=_country)
    """ISO 3166-1 alpha-2 code of the place, or None when unknown."""
    date: dt.date | None = None
    """The complete date, or None when no year could be established."""
    year: int | None = attrs.field(default=None, validator=_non_negative)
    """The year as printed, or None."""
    month: int | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.in_(range(1, 13)))
    )
    """The month as printed (1-12), or None."""
    day: int | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.in_(range(1, 32)))
    )
    """The day of the month as printed, or None."""
    weekday: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.in_(_WEEKDAYS))
    )
    """The weekday as printed (``"Tuesday"``), or None."""
    weekday_conflict: bool = False
    """True when the printed weekday contradicts ``date``."""
    agency: str | None = attrs.field(default=None, validator=_non_empty)
    """The filing agency named in the dateline (``"Reuters"``, ``"AP"``), or None."""
    date_source: str | None = None
    """Which evidence fixed ``date``: ``"published"``, ``"header"`` or ``"dateline"``."""

    def __attrs_post_init__(self) -> None:
        if (
            self.date is not None
            and self.weekday is not None
            and not self.weekday_conflict
            and _WEEKDAYS[self.date.weekday()] != self.weekday
        ):
            raise ModelInvariantError(
                f"weekday {self.weekday!r} contradicts date {self.date.isoformat()}: "
                "set weekday_conflict=True to report it",
                field="weekday",
            )


# -- time ---------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class TimeExpression:
    """A temporal expression in the body, normalised TIMEX3-style.

    ``value`` is resolved against the document date: ``"2023"``, ``"2023-07"``,
    ``"2024-06-28"``, ``"2024-W27"``, ``"2024-H1"``, ``"2023-Q3"``, ``"P2D"``,
    intervals as ``"1986-01/1986-08"``, fiscal years as written (``"1987/88"``).
    """

    text: str = attrs.field(validator=_non_empty)
    """The expression as written (``"last year"``)."""
    span: Span
    """Where the expression stands in the text."""
    value: str | None = attrs.field(default=None, validator=_non_empty)
    """The normalised value, or None when it cannot be resolved."""
    kind: TimeKind = "date"
    """``"date"`` for points and periods, ``"duration"`` for lengths, ``"set"`` for repeats."""
    modifier: TimeModifier | None = None
    """A part of the period (``"early"`` for ``early 2022``), or None."""


# -- quantities ---------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Amount:
    """A quantity of money or of a physical unit.

    Money has ``currency`` (ISO 4217); a volume has ``unit`` (``"t"``, ``"lb"``,
    ``"bbl"``, ``"bushel"``); a bare count has neither. Never both.
    """

    value: Decimal = attrs.field(validator=_finite)
    """The quantity with scale words applied (``$3.5 billion`` -> ``3500000000``)."""
    currency: str | None = attrs.field(default=None, validator=_currency)
    """ISO 4217 code for money, else None."""
    unit: str | None = attrs.field(default=None, validator=_non_empty)
    """Unit of a physical volume, else None."""
    approximate: Approximation | None = None
    """The hedge the text puts on the value (``"nearly"``), or None when exact."""

    def __attrs_post_init__(self) -> None:
        if self.currency is not None and self.unit is not None:
            raise ModelInvariantError("an amount has a currency or a unit, not both", field="unit")


@attrs.frozen(kw_only=True)
class Change:
    """A change in a level: a percentage, an absolute amount, or a bare direction."""

    direction: Direction | None = None
    """``"up"`` or ``"down"``; None when the text gives no direction."""
    percent: Decimal | None = attrs.field(default=None, validator=_finite)
    """The change in percent as stated (``37`` for 37%), or None."""
    value: Amount | None = None
    """The absolute change, or None."""


# -- facts --------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Quote:
    """Words attributed to a speaker: quoted directly or reported."""

    text: str = attrs.field(validator=_non_empty)
    """The words inside the marks; the pieces of a split quote joined by one space."""
    span: Span
    """From the first opening mark to the last closing mark (the clause, if indirect)."""
    kind: QuoteKind = "direct"
    """``"direct"`` for words in quotation marks, ``"indirect"`` for reported speech."""
    speaker: str | None = attrs.field(default=None, validator=_non_empty)
    """The fullest name the article gives for the speaker, else the mention; None if unknown."""
    speaker_span: Span | None = None
    """The mention of the speaker in this attribution (``Putin``, ``he``), or None."""
    speaker_title: str | None = attrs.field(default=None, validator=_non_empty)
    """A title or role given to the speaker (``"Kyrgyz President"``), or None."""
    cue: str | None = attrs.field(default=None, validator=_non_empty)
    """The attribution words (``"said"``, ``"told a briefing"``), or None."""
    cue_span: Span | None = None
    """Where the cue stands, or None."""


@attrs.frozen(kw_only=True)
class Sanction:
    """An actor imposing, lifting, threatening or enforcing a restrictive measure."""

    span: Span
    """The sentence or clause that states it."""
    action: SanctionAction
    """``impose``, ``lift``, ``threaten`` (plans, proposals) or ``enforce`` (compliance)."""
    measure: str = attrs.field(validator=_non_empty)
    """The measure as named (``"sanctions"``, ``"tariffs"``, ``"embargo"``)."""
    imposer: str | None = attrs.field(default=None, validator=_non_empty)
    """Who imposes it, as written (``"The United States"``, ``"Western"``)."""
    imposer_country: str | None = attrs.field(default=None, validator=_country)
    """ISO code of the imposer; None for blocs (EU, "Western") and unknowns."""
    target: str | None = attrs.field(default=None, validator=_non_empty)
    """Who it is aimed at, as written (``"four Kyrgyz companies"``)."""
    target_country: str | None = attrs.field(default=None, validator=_country)
    """ISO code of the target's country, or None."""
    target_count: int | None = attrs.field(default=None, validator=_non_negative)
    """How many targets the text counts (``4``), or None."""
    rate: Decimal | None = attrs.field(default=None, validator=_finite)
    """A tariff rate in percent (``25``), or None."""
    amount: Amount | None = None
    """The value of trade the measure covers, or None."""
    reason: str | None = attrs.field(default=None, validator=_non_empty)
    """Why, as written, or None."""
    when: TimeExpression | None = None
    """When the action happens or happened, or None."""


@attrs.frozen(kw_only=True)
class TradeFigure:
    """A number about trade: exports, imports, balance or turnover, level and/or change."""

    span: Span
    """The sentence or clause that states it."""
    measure: str = attrs.field(validator=_non_empty)
    """What is counted: ``"exports"``, ``"imports"``, ``"trade surplus"``, ``"trade turnover"``."""
    parties: tuple[str, ...] = attrs.field(default=(), converter=_tuple, validator=_countries)
    """ISO codes of the economies concerned, reporter first."""
    amount: Amount | None = None
    """The level, or None when only a change is given."""
    change: Change | None = None
    """The change, or None."""
    period: TimeExpression | None = None
    """The period the figure covers, or None."""
    record: bool = False
    """True when the text calls the figure a record."""
    status: TradeStatus = "actual"
    """``actual``, ``forecast`` or ``target``."""


@attrs.frozen(kw_only=True)
class Visit:
    """Official travel by a named person to another country or to foreign leaders."""

    span: Span
    """The clearest statement of the trip."""
    status: VisitStatus
    """``completed``, ``ongoing`` or ``planned``."""
    visitor: str | None = attrs.field(default=None, validator=_non_empty)
    """The visitor's fullest name in the article, or None."""
    visitor_span: Span | None = None
    """The mention of the visitor in ``span``, or None."""
    destination: str | None = attrs.field(default=None, validator=_non_empty)
    """The destination as written (``"Kyrgyzstan"``), or None."""
    country: str | None = attrs.field(default=None, validator=_country)
    """ISO code of the host country, or None."""
    place: str | None = attrs.field(default=None, validator=_non_empty)
    """City or site, or None."""
    start: dt.date | None = None
    """First day of the trip, or None."""
    end: dt.date | None = None
    """Last day of the trip, or None."""
    duration_days: int | None = attrs.field(default=None, validator=_non_negative)
    """Length in days (``two-day trip`` -> 2), or None."""
    purpose: str | None = attrs.field(default=None, validator=_non_empty)
    """Why, as written (``"for the third Belt and Road Forum"``), or None."""
    mentions: tuple[Span, ...] = attrs.field(default=(), converter=_tuple)
    """Spans of other sentences that speak of the same trip."""

    def __attrs_post_init__(self) -> None:
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ModelInvariantError("a visit cannot end before it starts", field="end")


# -- the article --------------------------------------------------------------


_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}


def _field_names(cls: type) -> tuple[str, ...] | None:
    """The attrs field names of *cls* (cached), or None for a class that is not attrs."""
    try:
        return _FIELD_NAMES[cls]
    except KeyError:
        names = tuple(f.name for f in attrs.fields(cls)) if attrs.has(cls) else None
        _FIELD_NAMES[cls] = names
        return names


_LEAVES = (str, int, float, bool, type(None), Decimal, dt.date)


def _spans_fit(value: object, size: int) -> bool:
    """Return whether every span inside *value* ends within *size* characters (fast path)."""
    if isinstance(value, Span):
        return value.end <= size
    if isinstance(value, tuple):
        return all(_spans_fit(item, size) for item in value)
    names = _field_names(type(value))
    if names is None:
        return True
    for name in names:
        item = getattr(value, name)
        if not isinstance(item, _LEAVES) and not _spans_fit(item, size):
            return False
    return True


def _spans(value: object) -> Iterator[tuple[str, Span]]:
    """Yield every span inside *value*, with a dotted path for error messages."""
    if isinstance(value, Span):
        yield "", value
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):  # type: ignore[arg-type]
            for path, span in _spans(getattr(value, field.name)):
                yield f".{field.name}{path}", span
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            for path, span in _spans(item):
                yield f"[{index}]{path}", span


@attrs.frozen(kw_only=True)
class Article:
    """A news article and every fact newsmodel read from it.

    Subclasses are article types of their own: give each a stable tag with
    :func:`newsmodel.register_article_type` so its JSON carries ``"type"``.
    """

    type_tag: ClassVar[str] = "article"

    text: str = attrs.field(validator=attrs.validators.instance_of(str))
    """The input, exactly as given."""
    headline: Headline | None = None
    """The title, or None."""
    dateline: Dateline | None = None
    """Where, when and by whom it was filed, or None."""
    credit: str | None = attrs.field(default=None, validator=_non_empty)
    """The agency or outlet credited (``"Reuters"``), or None."""
    authors: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    """Bylined people (``"Irena Czekierska"``)."""
    paragraphs: tuple[Paragraph, ...] = attrs.field(
        default=(), converter=_tuple, validator=_ordered
    )
    """Body paragraphs in order."""
    quotes: tuple[Quote, ...] = attrs.field(default=(), converter=_tuple, validator=_ordered)
    """Every quote, direct and indirect."""
    sanctions: tuple[Sanction, ...] = attrs.field(default=(), converter=_tuple, validator=_ordered)
    """Every sanction statement."""
    trade_figures: tuple[TradeFigure, ...] = attrs.field(
        default=(), converter=_tuple, validator=_ordered
    )
    """Every trade figure."""
    visits: tuple[Visit, ...] = attrs.field(default=(), converter=_tuple, validator=_ordered)
    """Every trip, once each."""
    times: tuple[TimeExpression, ...] = attrs.field(
        default=(), converter=_tuple, validator=_ordered
    )
    """Every time expression in the body."""

    def __attrs_post_init__(self) -> None:
        size = len(self.text)
        if _spans_fit(self, size):
            return
        for path, span in _spans(self):
            if span.end > size:
                raise ModelInvariantError(
                    f"{path.lstrip('.')} [{span.start}, {span.end}) lies outside the text "
                    f"of {size} characters",
                    field=f"{path.lstrip('.')}.end",
                )

    def surface(self, span: Span) -> str:
        """Return the text a span covers (``article.text[span.start:span.end]``)."""
        return span.slice(self.text)

    def facts(self) -> Iterator[Quote | Sanction | TradeFigure | Visit]:
        """Yield every quote, sanction, trade figure and visit, in text order."""
        items: list[Quote | Sanction | TradeFigure | Visit] = [
            *self.quotes,
            *self.sanctions,
            *self.trade_figures,
            *self.visits,
        ]
        yield from sorted(items, key=lambda fact: (fact.span.start, fact.span.end))
