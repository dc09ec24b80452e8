"""The gazetteer: dateline places, countries, demonyms and blocs to ISO codes."""

from __future__ import annotations

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
