"""Exports to formats that newsrooms and data teams already use.

- :func:`to_ninjs`: IPTC ninjs 2.2 or 3.1 ("News in JSON"), valid against the
  published schemas.
- :func:`to_jsonld`: a schema.org ``NewsArticle`` as JSON-LD.
- :func:`sanction_records`: FollowTheMoney-style entities: one ``Sanction`` and
  one ``LegalEntity`` (its target) per sanction statement with a target.

Each returns JSON-native data (``json.dumps`` it). None of them invents what the
text does not say: a field newsmodel did not find is left out, not filled with a
guess.
"""

from __future__ import annotations

import hashlib
from typing import Any, Literal

import regex

from newsmodel.geo import country_name
from newsmodel.model import Article, Sanction
from newsmodel.text import finditer, match

__all__ = ["NINJS_VERSIONS", "article_uri", "sanction_records", "to_jsonld", "to_ninjs"]

#: The ninjs versions :func:`to_ninjs` writes.
NINJS_VERSIONS = ("2.2", "3.1")

_NINJS_SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_{}.json#"

# A whole word, for word counts.
WORD = regex.compile(r"(?P<word>[\p{L}\p{N}][\p{L}\p{N}'’.\-]{0,60})", regex.VERBOSE)

# An ISO 8601 calendar date or a prefix of one (2023, 2023-07, 2023-07-14): FtM dates.
ISO_DATE_PREFIX = regex.compile(
    r"""
    ^(?P<year>\d{4})              # the year
    (?:-(?P<month>\d{2})          # then, optionally, the month
    (?:-(?P<day>\d{2}))?)?$       # and the day
    """,
    regex.VERBOSE,
)


def article_uri(article: Article) -> str:
    """A stable URI for an article without one: a URN of the SHA-256 of its text."""
    digest = hashlib.sha256(article.text.encode("utf-8", "surrogatepass")).hexdigest()
    return f"urn:newsmodel:sha256:{digest}"


def _body(article: Article) -> str:
    """The body: the paragraphs separated by blank lines, else the whole text stripped."""
    if article.paragraphs:
        return "\n\n".join(p.text for p in article.paragraphs)
    return article.text.strip()


def _word_count(text: str) -> int:
    return sum(1 for _ in finditer(WORD, text))


def _located(article: Article) -> str | None:
    """Where the article was filed, as words: ``"Bishkek, Kyrgyzstan"``."""
    dateline = article.dateline
    if dateline is None:
        return None
    country = country_name(dateline.country) if dateline.country else None
    parts = [p for p in (dateline.place, country) if p]
    if len(parts) == 2 and parts[1] in parts[0]:
        parts = parts[:1]
    return ", ".join(parts) or None


def _people(article: Article) -> list[tuple[str, str]]:
    """(name, role) of each person the facts name: speakers, visitors; first mention first."""
    found: dict[tuple[str, str], None] = {}
    for quote in article.quotes:
        if quote.speaker:
            found[(quote.speaker, "speaker")] = None
    for visit in article.visits:
        if visit.visitor:
            found[(visit.visitor, "visitor")] = None
    return list(found)


def _places(article: Article) -> list[tuple[str, str, str | None]]:
    """(name, relation, ISO code) of each place: the dateline's, destinations, countries named."""
    found: dict[tuple[str, str], str | None] = {}
    dateline = article.dateline
    if dateline is not None and (dateline.place or dateline.country):
        name = dateline.place or country_name(dateline.country or "") or dateline.country
        found[(str(name), "located")] = dateline.country
    for visit in article.visits:
        if visit.place:
            found.setdefault((visit.place, "destination"), visit.country)
        if visit.country:
            name = visit.destination or country_name(visit.country) or visit.country
            found.setdefault((name, "destination"), visit.country)
    codes: list[str] = []
    for sanction in article.sanctions:
        codes.extend(c for c in (sanction.imposer_country, sanction.target_country) if c)
    for figure in article.trade_figures:
        codes.extend(figure.parties)
    named = {code for (_, _), code in found.items() if code}
    for code in dict.fromkeys(codes):
        if code not in named:
            found.setdefault((country_name(code) or code, "mentioned"), code)
    return [(name, rel, code) for (name, rel), code in found.items()]


def to_ninjs(
    article: Article,
    *,
    version: Literal["2.2", "3.1"] = "2.2",
    uri: str | None = None,
    language: str = "en",
) -> dict[str, Any]:
    """Return *article* as an IPTC ninjs object of *version* (``"2.2"`` or ``"3.1"``).

    ``headlines``, ``bodies`` (the paragraphs, as plain text), ``by`` (the
    authors), ``located`` (the dateline's place), ``infosources`` (the credit),
    ``people`` (speakers and visitors), ``places`` (the dateline's place, visit
    destinations, countries named by sanctions and trade figures) and ``events``
    (visits). ninjs dates are date-times, and newsmodel reads dates only, so the
    dateline goes in ``descriptions`` (role ``dateline``) rather than in a
    date-time field with an invented time.

    Args:
        article: the article to export.
        version: ``"2.2"`` (lower-case property names) or ``"3.1"`` (camelCase).
        uri: the item's identifier; default :func:`article_uri`.
        language: the BCP 47 language of the text.

    Example:
        >>> import newsmodel
        >>> item = newsmodel.to_ninjs(newsmodel.parse("Rain fell in Oslo. It stopped."))
        >>> item["type"], [body["value"] for body in item["bodies"]]
        ('text', ['Rain fell in Oslo. It stopped.'])

    Raises:
        ValueError: *version* is not one of :data:`NINJS_VERSIONS`.
    """
    if version not in NINJS_VERSIONS:
        raise ValueError(f"ninjs version must be one of {NINJS_VERSIONS}, not {version!r}")
    camel = version.startswith("3")

    def key(lower: str, camel_case: str) -> str:
        return camel_case if camel else lower

    body = _body(article)
    item: dict[str, Any] = {
        "uri": uri or article_uri(article),
        "type": "text",
        key("representationtype", "representationType"): "full",
        "profile": "newsmodel",
        "standard": {"name": "ninjs", "version": version, "schema": _NINJS_SCHEMA.format(version)},
        "language": language,
    }
    if article.headline is not None:
        item["headlines"] = [{"role": "main", "value": article.headline.text}]
    item["bodies"] = [
        {
            "role": "main",
            key("contenttype", "contentType"): "text/plain",
            key("charcount", "charCount"): len(body),
            key("wordcount", "wordCount"): _word_count(body),
            "value": body,
        }
    ]
    if article.authors:
        item["by"] = ", ".join(article.authors)
    located = _located(article)
    if located:
        item["located"] = located
    if article.dateline is not None:
        item["descriptions"] = [{"role": "dateline", "value": article.dateline.text}]
    if article.credit:
        item[key("infosources", "infoSources")] = [{"name": article.credit, "role": "source"}]
    people = _people(article)
    if people:
        item["people"] = [{"name": name, "rel": rel} for name, rel in people]
    places = _places(article)
    if places:
        item["places"] = [
            {"name": name, "rel": rel, **({"literal": code} if code else {})}
            for name, rel, code in places
        ]
    events = [_visit_name(v.visitor, v.destination or v.country) for v in article.visits]
    if events:
        item["events"] = [{"name": name, "rel": "visit"} for name in dict.fromkeys(events)]
    return item


def _visit_name(visitor: str | None, destination: str | None) -> str:
    return f"Visit by {visitor or 'unknown visitor'} to {destination or 'unknown destination'}"


def to_jsonld(article: Article, *, url: str | None = None, language: str = "en") -> dict[str, Any]:
    """Return *article* as a schema.org ``NewsArticle`` in JSON-LD.

    ``headline``, ``dateline``, ``datePublished`` (the dateline's date),
    ``locationCreated``, ``author``, ``sourceOrganization`` (the credit),
    ``articleBody``, ``mentions`` (people and countries) and ``hasPart`` (each
    direct quote as a ``Quotation`` with its ``spokenByCharacter``).

    Example:
        >>> import newsmodel
        >>> doc = newsmodel.to_jsonld(newsmodel.parse("Rain fell."))
        >>> doc["@type"], doc["articleBody"]
        ('NewsArticle', 'Rain fell.')
    """
    body = _body(article)
    doc: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "identifier": article_uri(article),
        "inLanguage": language,
    }
    if url:
        doc["url"] = url
    if article.headline is not None:
        doc["headline"] = article.headline.text
    dateline = article.dateline
    if dateline is not None:
        doc["dateline"] = dateline.text
        if dateline.date is not None:
            doc["datePublished"] = dateline.date.isoformat()
        if dateline.place or dateline.country:
            place: dict[str, Any] = {"@type": "Place"}
            if dateline.place:
                place["name"] = dateline.place
            if dateline.country:
                place["address"] = {"@type": "PostalAddress", "addressCountry": dateline.country}
            doc["locationCreated"] = place
    if article.authors:
        doc["author"] = [{"@type": "Person", "name": name} for name in article.authors]
    if article.credit:
        doc["sourceOrganization"] = {"@type": "Organization", "name": article.credit}
    doc["articleBody"] = body
    doc["wordCount"] = _word_count(body)
    mentions: list[dict[str, Any]] = [
        {"@type": "Person", "name": name} for name in dict.fromkeys(n for n, _ in _people(article))
    ]
    codes = dict.fromkeys(code for _, _, code in _places(article) if code)
    mentions.extend(
        {"@type": "Country", "name": country_name(code) or code, "identifier": code}
        for code in codes
    )
    if mentions:
        doc["mentions"] = mentions
    quotations = []
    for quote in article.quotes:
        if quote.kind != "direct":
            continue
        quotation: dict[str, Any] = {"@type": "Quotation", "text": quote.text}
        if quote.speaker:
            quotation["spokenByCharacter"] = {"@type": "Person", "name": quote.speaker}
        quotations.append(quotation)
    if quotations:
        doc["hasPart"] = quotations
    return doc


_STATUS = {"impose": "imposed", "lift": "lifted", "threaten": "threatened", "enforce": "enforced"}


def sanction_records(article: Article, *, source_url: str | None = None) -> list[dict[str, Any]]:
    """Return FollowTheMoney-style entities for the article's sanctions.

    Each sanction with a target (named, or a country) gives a ``LegalEntity``
    (``name``, ``country``) and a ``Sanction`` whose ``entity`` points at it, with
    ``authority`` (the imposer), ``country`` (the imposer's), ``provisions`` (the
    measure), ``status`` (``imposed``, ``lifted``, ``threatened``, ``enforced``),
    ``reason``, ``startDate`` or ``endDate`` (when the text gives a calendar date
    or month or year), ``summary`` (the sentence) and ``sourceUrl``. Property
    values are lists of strings and country codes lower case, as in FtM; ids are
    stable for the same text. A sanction with no target is left out (an FtM
    ``Sanction`` needs its ``entity``).
    """
    records: list[dict[str, Any]] = []
    base = source_url or article_uri(article)
    for index, sanction in enumerate(article.sanctions):
        code = sanction.target_country
        target = sanction.target or (country_name(code) or code if code else None)
        if target is None:
            continue
        seed = f"{base}#{index}:{sanction.span.start}-{sanction.span.end}"
        entity_id = _id("entity", seed)
        entity: dict[str, list[str]] = {"name": [target]}
        if sanction.target_country:
            entity["country"] = [sanction.target_country.lower()]
        records.append({"id": entity_id, "schema": "LegalEntity", "properties": entity})
        records.append(
            {
                "id": _id("sanction", seed),
                "schema": "Sanction",
                "properties": _sanction_properties(article, sanction, entity_id, source_url),
            }
        )
    return records


def _sanction_properties(
    article: Article, sanction: Sanction, entity_id: str, source_url: str | None
) -> dict[str, list[str]]:
    props: dict[str, list[str]] = {
        "entity": [entity_id],
        "provisions": [sanction.measure],
        "status": [_STATUS[sanction.action]],
        "summary": [" ".join(article.surface(sanction.span).split())],
    }
    if sanction.imposer:
        props["authority"] = [sanction.imposer]
    if sanction.imposer_country:
        props["country"] = [sanction.imposer_country.lower()]
    if sanction.reason:
        props["reason"] = [sanction.reason]
    when = sanction.when.value if sanction.when is not None else None
    if when and match(ISO_DATE_PREFIX, when):
        props["endDate" if sanction.action == "lift" else "startDate"] = [when]
    if source_url:
        props["sourceUrl"] = [source_url]
    return props


def _id(kind: str, seed: str) -> str:
    digest = hashlib.sha1(f"{kind}:{seed}".encode("utf-8", "surrogatepass")).hexdigest()
    return f"newsmodel-{kind}-{digest[:20]}"
