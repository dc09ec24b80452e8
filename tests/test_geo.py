"""The gazetteer: dateline places, countries, demonyms and blocs to ISO codes."""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources

import pytest

from newsmodel import geo


@pytest.mark.parametrize(
    ("place", "code"),
    [
        ("Stockholm", "SE"),
        ("STOCKHOLM", "SE"),
        ("Anchorage, Alaska", "US"),
        ("Manchester, N.H.", "US"),
        ("Boca Raton, Fla", "US"),
        ("Nitro, W. Va.", "US"),
        ("Carnegie, Penn.", "US"),
        ("Peking", "CN"),
        ("Bombay", "IN"),
        ("Taupo, New Zealand", "NZ"),
        ("Essen, West Germany", "DE"),
        ("Edmonton, Alberta", "CA"),
        ("Victoria, British Columbia", "CA"),
        ("St. John's, Newfoundland", "CA"),
        ("Jiujiang, Jiangxi Province", "CN"),
        ("Atlanta, Georgia", "US"),
        ("Tbilisi, Georgia", "GE"),
        ("Kingston", "JM"),
        ("Belgrade", "RS"),
        ("West Berlin", "DE"),
        ("United Nations", "US"),
        ("Kuwait", "KW"),
        ("Ponce, P.R.", "PR"),
        ("Nowhere Special", None),
        ("", None),
        (", ,", None),
    ],
)
def test_place_country(place: str, code: str | None) -> None:
    """A dateline place (city, "City, Region", country, historical name) gives its country."""
    assert geo.place_country(place) == code


def test_country_helpers() -> None:
    """Country names, demonyms, capitals and blocs resolve; unknown names give None."""
    assert geo.country_code("Britain") == "GB"
    assert geo.demonym_country("Kyrgyz") == "KG"
    assert geo.capital_of("Moscow") == "RU"
    assert geo.city_country("Peking") == "CN"
    assert geo.is_bloc("EU")
    assert not geo.is_bloc("France")
    assert geo.country_code("Atlantis") is None


def test_countries_json_is_valid() -> None:
    """``data/countries.json`` parses and every code it maps to is two capital letters."""
    raw = resources.files("newsmodel").joinpath("data/countries.json").read_text("utf-8")
    data = json.loads(raw)
    for section in ("aliases", "demonyms", "regions", "cities"):
        for name, code in data[section].items():
            if not name.startswith("_"):
                assert len(code) == 2, (section, name)
                assert code.isupper(), (section, name)


D = dt.date


@pytest.mark.parametrize(
    ("place", "on", "code"),
    [
        ("Moscow", D(1987, 3, 2), "SU"),
        ("Moscow", D(1992, 1, 1), "RU"),
        ("Moscow", None, "RU"),
        ("Kiev", D(1987, 3, 2), "SU"),
        ("Tallinn", D(1991, 8, 1), "SU"),
        ("Tallinn", D(1991, 10, 1), "EE"),
        ("East Berlin", D(1987, 3, 2), "DD"),
        ("East Berlin", D(1991, 3, 2), "DE"),
        ("East Berlin", None, "DD"),
        ("Dresden", D(1987, 3, 2), "DD"),
        ("Munich", D(1987, 3, 2), "DE"),
        ("Belgrade", D(1987, 3, 2), "YU"),
        ("Belgrade", D(2010, 3, 2), "RS"),
        ("Ljubljana", D(1991, 7, 1), "SI"),
        ("Prague", D(1987, 3, 2), "CS"),
        ("Prague", D(1993, 1, 1), "CZ"),
        ("Tbilisi, Georgia", D(1987, 3, 2), "SU"),
        ("Atlanta, Georgia", D(1987, 3, 2), "US"),
        ("Stockholm", D(1987, 3, 2), "SE"),
        ("Nowhere Special", D(1987, 3, 2), None),
    ],
)
def test_place_country_of_the_time(place: str, on: D | None, code: str | None) -> None:
    """With ``on``, a place maps to the state of that date; without it, to today's country."""
    assert geo.place_country(place, on=on) == code


def test_country_lookups_of_the_time() -> None:
    """``city_country`` and ``country_code`` take ``on`` too; the default stays today's code."""
    assert geo.city_country("Leningrad", on=D(1987, 1, 1)) == "SU"
    assert geo.city_country("Leningrad") == "RU"
    assert geo.country_code("Ukraine", on=D(1987, 1, 1)) == "SU"
    assert geo.country_code("Ukraine") == "UA"
    assert geo.country_code("Soviet Union", on=D(2000, 1, 1)) == "RU"


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [("SU", "RU", True), ("DD", "DE", True), ("YU", "RS", True), ("CS", "CZ", True),
     ("SU", "UA", False), ("RU", "RU", True), ("GB", "US", False), (None, "RU", False)],
)  # fmt: skip
def test_same_country(a: str | None, b: str | None, same: bool) -> None:
    """A withdrawn state equals its successor; other codes compare as they are."""
    assert geo.same_country(a, b) is same
    assert geo.successor("SU") == "RU"
    assert geo.successor("KG") == "KG"


@pytest.mark.parametrize("cities", [False, True])
@pytest.mark.parametrize(
    "name",
    [
        *("Britain", "the United States", "U.S.", "Kyrgyz", "Russian", "Moscow", "Bishkek"),
        *("EU", "Western", "Peking", "Manchester", "Osh", "the Netherlands", "Putin"),
        *("Bank", "New  York", "NEW YORK", "Côte d’Ivoire", "Smith", "", "Paris."),
    ],
)
def test_names_place_is_one_lookup_of_each_kind(name: str, cities: bool) -> None:
    """``names_place`` answers what the lookups of each kind would, in one."""
    each = bool(
        geo.country_code(name)
        or geo.demonym_country(name)
        or geo.capital_of(name)
        or geo.is_bloc(name)
        or (cities and geo.city_country(name) is not None)
    )
    assert geo.names_place(name, cities=cities) == each
